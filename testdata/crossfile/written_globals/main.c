/* The frame number tested before a call and after it: the same test,
 * unless the callee (in frames.c) may move it. */
#include <stddef.h>

struct frame {
    int disposal;
};

extern int frame_index;
void count_colours(int n);
void next_frame(void);

/* must stay silent: count_colours writes colour_count only */
int disposal_after_count(struct frame *frames, int n)
{
    struct frame *last = NULL;
    if (frame_index > 0)
        last = &frames[frame_index - 1];
    count_colours(n);
    if (frame_index > 0)
        return last->disposal;
    return 0;
}

/* flagged: next_frame moves the frame number */
int disposal_after_step(struct frame *frames)
{
    struct frame *last = NULL;
    if (frame_index > 0)
        last = &frames[frame_index - 1];
    next_frame();
    if (frame_index > 0)
        return last->disposal; // expect: null-deref
    return 0;
}

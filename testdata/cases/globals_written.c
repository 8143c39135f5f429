/* A call forgets only the globals the callee (or what it calls) may
 * assign: gifsicle's frame optimiser keeps its frame number in a static,
 * tests it, calls a helper that counts colours into other statics, and
 * tests the frame number again; the two tests still agree. A global
 * whose address went elsewhere is forgotten by any call that writes
 * globals, as the callee may write through that pointer. */
#include <stddef.h>
#include <stdlib.h>

struct frame {
    int disposal;
};

static int frame_index;
static int colour_count;
static int *counter_slot;
static int shared_count;

static void count_colours(int n)
{
    colour_count = n > 256 ? 256 : n;
}

static void next_frame(void)
{
    frame_index++;
}

static void bump_slot(void)
{
    *counter_slot += 1;
    colour_count = 0;
}

/* must stay silent */

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

/* flagged: the callee moves the frame number itself */

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

/* flagged: the callee writes through a pointer that may hold the global's
 * address */

int disposal_after_slot(struct frame *frames)
{
    struct frame *last = NULL;
    counter_slot = &shared_count;
    if (shared_count > 0)
        last = &frames[shared_count - 1];
    bump_slot();
    if (shared_count > 0)
        return last->disposal; // expect: null-deref
    return 0;
}

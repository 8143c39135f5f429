/* Flag tests, `flags & MASK`, `~flags & MASK` and `(flags & MASK) == 0`:
 * a test of the function's data like any other. With a known value the
 * edge it contradicts is not taken, and a pointer the code made NULL
 * itself is not reported inside a region that such a test of a local or
 * a parameter decides (null-deref's "What it does not report"). */
#include <stddef.h>

#define RESPAWN 0x1
#define DETACHED 0x2

struct window {
    char *name;
};

struct spawn_context {
    int flags;
    struct window *window;
};

extern struct window *window_create(void);
extern void log_spawn(const char *what);

/* must stay silent */

/* The window exists unless the pane is respawned, and only then is it named. */
void spawn_window(struct spawn_context *context)
{
    struct window *window;
    if (~context->flags & RESPAWN)
        window = window_create();
    else
        window = NULL;
    log_spawn("window");
    if (~context->flags & RESPAWN)
        window->name = "new";
}

/* A known value: the branch that would dereference NULL is not taken. */
int detached_name(void)
{
    int flags = DETACHED;
    struct window *window = NULL;
    if ((flags & DETACHED) == 0)
        return window->name[0];
    return 0;
}

/* must be reported */

/* The flag decides only the log line; the NULL reaches the use whatever it is. */
int logged_name(int flags)
{
    struct window *window = NULL;
    if (flags & DETACHED)
        log_spawn("detached");
    return window->name[0]; // expect: null-deref
}

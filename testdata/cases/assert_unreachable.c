/* An assertion that can only fail marks a path the author says cannot run:
 * `default: lua_assert(0); return NULL;`. Compiled out (NDEBUG, or a
 * project's own assertion macro that is empty in release builds), it ends
 * the path as the enabled one would, so the NULL return after it does not
 * count. An assertion that can pass, or a macro not named for asserting,
 * proves nothing. */
// args: -DNDEBUG -std=gnu11
#include <assert.h>
#include <stdbool.h>
#include <stddef.h>

#define lua_assert(c) ((void)0)
#define DEBUG_ASSERT(c) do { } while (0)
#define TRACE(c) ((void)0)

struct object {
    struct object *gclist;
    struct object *list_of_closure;
    struct object *list_of_thread;
};

extern int collecting(void);
extern int tag_of(const struct object *o);

static struct object **gray_list(struct object *o)
{
    switch (tag_of(o)) {
    case 0: return &o->gclist;
    case 1: return &o->list_of_closure;
    case 2: return &o->list_of_thread;
    default: lua_assert(0); return NULL;
    }
}

static struct object **gray_list_std(struct object *o)
{
    if (collecting())
        return &o->gclist;
    assert(!"not collecting");
    return NULL;
}

static struct object **gray_list_debug(struct object *o)
{
    if (collecting())
        return &o->gclist;
    DEBUG_ASSERT(false);
    return NULL;
}

static struct object **gray_list_traced(struct object *o)
{
    if (collecting())
        return &o->gclist;
    TRACE(0);
    return NULL;
}

static struct object **gray_list_checked(struct object *o, int tag)
{
    if (collecting())
        return &o->gclist;
    lua_assert(tag < 3);
    return NULL;
}

/* must stay silent */

void link_gray(struct object *o, int tag)
{
    (void)tag;
    *gray_list(o) = o;
    *gray_list_std(o) = o;
    *gray_list_debug(o) = o;
}

/* must be reported */

void link_traced(struct object *o, int tag)
{
    (void)tag;
    *gray_list_traced(o) = o; // expect: unchecked-nullable
}

void link_checked(struct object *o, int tag)
{
    *gray_list_checked(o, tag) = o; // expect: unchecked-nullable
}

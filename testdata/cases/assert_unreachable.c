/* An assertion that can only fail marks a path the author says cannot run:
 * `default: lua_assert(0); return NULL;`. Compiled out (NDEBUG, or a
 * project's own assertion macro that is empty in release builds), it ends
 * the path as the enabled one would, so the NULL return after it does not
 * count. An assertion that can pass, or a macro not named for asserting,
 * proves nothing. A project's own assertion compiled out still states its
 * operand, as assert does under NDEBUG. */
// args: -DNDEBUG -std=gnu11
#include <assert.h>
#include <stdbool.h>
#include <stddef.h>

#define lua_assert(c) ((void)0)
#define DEBUG_ASSERT(c) do { } while (0)
#define TRACE(c) ((void)0)
/* libevent's EVUTIL_ASSERT compiled out: it still states its operand */
#define NIL_CONDITION(c) do { (void)sizeof(!(c)); } while (0)
#define EVUTIL_ASSERT(c) NIL_CONDITION(c)
/* named for another assertion than its operand's truth: states nothing */
#define ASSERT_NULL(c) NIL_CONDITION(c)

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

/* the assertion states what the test before it left open */
extern void note_missing(struct object *o);

void link_asserted(struct object *o, struct object *head)
{
    if (head == NULL)
        note_missing(o);
    EVUTIL_ASSERT(head != NULL);
    head->gclist = o;
}

/* must be reported */

/* an assertion compiled out states the code's invariants, not that an
 * allocation or lookup it did not test succeeded */
void link_asserted_source(struct object *o)
{
    struct object **list = gray_list_traced(o);
    EVUTIL_ASSERT(list != NULL);
    *list = o; // expect: unchecked-nullable
}

void link_asserted_null(struct object *o, struct object *head)
{
    if (head == NULL)
        note_missing(o);
    ASSERT_NULL(head);
    head->gclist = o; // expect: null-deref
}

void link_traced(struct object *o, int tag)
{
    (void)tag;
    *gray_list_traced(o) = o; // expect: unchecked-nullable
}

void link_checked(struct object *o, int tag)
{
    *gray_list_checked(o, tag) = o; // expect: unchecked-nullable
}

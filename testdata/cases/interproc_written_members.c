/* A call to a function of the program forgets only the members of what it
 * is passed that the callee may write (itself or through its callees):
 * `resize(pane, w, h)` writes pane->width and pane->height, so pane->next
 * and pane->layout stay as they were. A member it writes, or one it hands
 * on to a function nothing describes, is forgotten as before. Given
 * `&p->member`, what it writes is below p->member. */
#include <stddef.h>
#include <stdlib.h>

struct layout {
    int width;
};

struct pane {
    int width, height;
    struct layout *layout;
    struct pane *next;
};

extern void log_size(int width, int height);
extern void pane_notify(struct pane *pane);

static void pane_resize(struct pane *pane, int width, int height)
{
    pane->width = width;
    pane->height = height;
    log_size(width, height);
}

static void pane_detach(struct pane *pane)
{
    pane->layout = NULL;
}

/* procps's stacks: a constructor that links what it makes into the list
 * head it is given */
struct extent {
    struct extent *next;
    int count;
};

struct extents {
    struct extent *first;
};

struct stats {
    int flags;
    struct extents select;
};

static struct extent *extent_push(struct extents *list)
{
    struct extent *made = malloc(sizeof *made);
    if (made == NULL)
        return NULL;
    made->count = 0;
    made->next = list->first;
    list->first = made;
    return made;
}

/* must stay silent */

int first_extent_count(struct stats *info)
{
    if (!info->select.first && !extent_push(&info->select))
        return -1;
    return info->select.first->count;
}

/* The last pane of a list that has one: the loop leaves by its break. */
int last_pane_width(struct pane *first)
{
    struct pane *pane;
    if (first == NULL)
        return 0;
    for (pane = first; pane != NULL; pane = pane->next) {
        if (pane->next == NULL)
            break;
        pane_resize(pane, 1, 1);
    }
    return pane->width;
}

/* must be reported */

/* pane_detach writes pane->layout: the NULL it leaves is seen. */
int detached_width(struct pane *pane)
{
    pane_detach(pane);
    return pane->layout->width; // expect: null-deref
}

/* pane_notify is not described: it may set pane->layout, so nothing is
 * known of it after the call (and nothing is reported). */
int notified_width(struct pane *pane)
{
    pane->layout = NULL;
    pane_notify(pane);
    return pane->layout->width;
}

/* pane_resize does not write pane->layout: the NULL stays. */
int resized_width(struct pane *pane)
{
    pane->layout = NULL;
    pane_resize(pane, 2, 2);
    return pane->layout->width; // expect: null-deref
}

/* what a member's address is given for is written below it, not beside it */
int other_list_count(struct stats *info, struct extents *other)
{
    other->first = NULL;
    info->select.first = NULL;
    extent_push(&info->select);
    return other->first->count; // expect: null-deref
}

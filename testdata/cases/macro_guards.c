/* A macro that tests its argument before it dereferences it is NULL-safe
 * for every caller, like a helper that begins with `if (!p) return 0;`:
 * its test says nothing of whether the caller's pointer can be NULL
 * (lighttpd's `fdevent_fdnode_interest(fdn)` is `(NULL != (fdn) ?
 * (fdn)->events : 0)`). A test the caller writes, inside a macro's
 * argument or through a macro that is only the test, still does; and a
 * pointer that came from a source stays reported. */
#include <stdio.h>
#include <stdlib.h>

#define node_interest(n) (NULL != (n) ? (n)->events : 0)
#define node_name(n) ((n) ? (n)->name : "(none)")
#define unlikely(x) __builtin_expect(!!(x), 0)
#define IS_NULL(p) ((p) == NULL)

struct node {
    int events;
    const char *name;
};

struct handler {
    struct node *fdn;
    int fd;
};

int poll_handler(struct handler *h)
{
    if (!(node_interest(h->fdn) & 1))
        return h->fdn->events | 1;
    return 0;
}

void print_handler(struct handler *h)
{
    printf("%s\n", node_name(h->fdn));
    h->fdn->events = 0;
}

/* must be reported */

int events_after_test(struct handler *h)
{
    if (unlikely(h->fdn == NULL))
        fprintf(stderr, "no node\n");
    return h->fdn->events; // expect: null-deref
}

int events_after_macro_test(struct handler *h)
{
    if (IS_NULL(h->fdn))
        fprintf(stderr, "no node\n");
    return h->fdn->events; // expect: null-deref
}

int events_of_new_node(void)
{
    struct node *n = malloc(sizeof *n);
    printf("%d\n", node_interest(n));
    return n->events; // expect: null-deref
}

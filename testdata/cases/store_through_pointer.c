/* A store through a pointer may write any variable whose address the code
 * stored: `pp = &list; while (*pp) pp = &(*pp)->next; *pp = node;` sets
 * list when it was empty (the tail-pointer insertion of nasm's section
 * sort, and of many lists). */
#include <stdlib.h>

struct node {
    struct node *next;
    int value;
};

/* must stay silent */

int append_first(struct node *node)
{
    struct node *list = NULL, **pp = &list;
    while (*pp)
        pp = &(*pp)->next;
    *pp = node;
    return list->value;
}

static struct node *sorted;

int sort_into(struct node *unsorted)
{
    struct node **sp;
    sorted = NULL;
    sp = &sorted;
    *sp = unsorted;
    return sorted->value;
}

/* must be reported */

int append_elsewhere(struct node *node)
{
    struct node *list = NULL, *other = NULL, **pp = &other;
    while (*pp)
        pp = &(*pp)->next;
    *pp = node;
    return list->value; // expect: null-deref
}

int sort_each(struct node *unsorted)
{
    struct node *s, **sp;
    for (s = unsorted, sorted = NULL; s; s = s->next) {
        sp = &sorted;
        *sp = s;
    }
    return sorted->value; // expect: null-deref
}

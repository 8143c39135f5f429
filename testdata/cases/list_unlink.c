/* Unlinking from a singly linked list with a trailing pointer: `previous`
 * is NULL only in the first round, where `p` is still a copy of the head,
 * so `p == *list` holds and the else branch, which dereferences
 * `previous`, cannot run (mosquitto's property lists). A copy compared
 * with what it copied is equal; a list whose trailing pointer is never
 * advanced is reported. */
#include <stdlib.h>

struct property {
    int identifier;
    struct property *next;
};

void remove_property(struct property **list, int identifier)
{
    struct property *p, *previous = NULL;
    if (!list)
        return;
    p = *list;
    while (p) {
        if (p->identifier == identifier) {
            if (p == *list)
                *list = p->next;
            else
                previous->next = p->next;
            free(p);
            return;
        }
        previous = p;
        p = p->next;
    }
}

int same_after_copy(struct property **list)
{
    struct property *head = *list;
    struct property *none = NULL;
    if (head != *list)
        return none->identifier;
    return 0;
}

/* must be reported */

void remove_property_stuck(struct property **list, int identifier)
{
    struct property *p, *previous = NULL;
    p = *list;
    while (p) {
        if (p->identifier == identifier) {
            if (p == *list)
                *list = p->next;
            else
                previous->next = p->next; // expect: null-deref
            free(p);
            return;
        }
        p = p->next;
    }
}

int different_after_step(struct property **list)
{
    struct property *p = *list;
    struct property *none = NULL;
    if (p)
        p = p->next;
    if (p != *list)
        return none->identifier; // expect: null-deref
    return 0;
}

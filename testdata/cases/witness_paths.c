/* Before a NULL the code made itself is reported, the paths to the use
 * are followed one at a time: where the analysis had to join states (more
 * pointers set or not than it keeps apart), a NULL from one path and a use
 * on another may meet, and only a single path that brings the NULL to the
 * use is a finding. Two pointers known NULL compare equal on such a path. */
#include <stddef.h>

extern void note(const void *a, const void *b, const void *c, const void *d);

/* must stay silent */

/* p is NULL exactly when q is set; the use is where q is NULL. Four other
 * pointers, each set or not, make more states than are kept apart. */
int pick(const int *a0, const int *a1, const int *a2, const int *a3, const int *q,
         const int *fallback)
{
    const int *z0 = a0 ? NULL : fallback;
    const int *z1 = a1 ? NULL : fallback;
    const int *z2 = a2 ? NULL : fallback;
    const int *z3 = a3 ? NULL : fallback;
    const int *p = q ? NULL : fallback;
    int value = 0;
    if (!q)
        value = *p;
    note(z0, z1, z2, z3);
    return value;
}

/* An empty stack: both ends are NULL, so they are equal and the loop
 * that pops until they meet does not run. */
struct stack {
    int *start, *top;
};

int drain(void)
{
    struct stack stack = {NULL, NULL};
    int total = 0;
    while (stack.start != stack.top)
        total += *--stack.top;
    return total;
}

/* must be reported */

int pick_wrong_side(const int *a0, const int *a1, const int *a2, const int *a3, const int *q,
                    const int *fallback)
{
    const int *z0 = a0 ? NULL : fallback;
    const int *z1 = a1 ? NULL : fallback;
    const int *z2 = a2 ? NULL : fallback;
    const int *z3 = a3 ? NULL : fallback;
    const int *p = q ? NULL : fallback;
    int value = 0;
    if (q)
        value = *p; // expect: null-deref
    note(z0, z1, z2, z3);
    return value;
}

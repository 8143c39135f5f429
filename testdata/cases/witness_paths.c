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

/* The NULL comes from one edge of an early branch and 24 independent
 * branches follow: the search takes first the edge that keeps the NULL,
 * so it finds the path before its bound (a finding needs one). */
void log_step(int step);

int deep_witness(int verbose, const int *given, int b0, int b1, int b2, int b3, int b4, int b5, int b6, int b7, int b8, int b9, int b10, int b11, int b12, int b13, int b14, int b15, int b16, int b17, int b18, int b19, int b20, int b21, int b22, int b23)
{
    const int *p = NULL;
    if (verbose)
        p = given;
    if (b0) log_step(0);
    if (b1) log_step(1);
    if (b2) log_step(2);
    if (b3) log_step(3);
    if (b4) log_step(4);
    if (b5) log_step(5);
    if (b6) log_step(6);
    if (b7) log_step(7);
    if (b8) log_step(8);
    if (b9) log_step(9);
    if (b10) log_step(10);
    if (b11) log_step(11);
    if (b12) log_step(12);
    if (b13) log_step(13);
    if (b14) log_step(14);
    if (b15) log_step(15);
    if (b16) log_step(16);
    if (b17) log_step(17);
    if (b18) log_step(18);
    if (b19) log_step(19);
    if (b20) log_step(20);
    if (b21) log_step(21);
    if (b22) log_step(22);
    if (b23) log_step(23);
    return *p; // expect: null-deref
}

/* Allocation wrappers that abort when memory runs out. */
#define _DEFAULT_SOURCE
#include <stdlib.h>

#include "xalloc.h"

void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p && n != 0)
        xalloc_die();
    return p;
}

void *xreallocarray(void *p, size_t n, size_t s)
{
    void *r = reallocarray(p, n, s);
    if (!r && (!p || (n && s)))
        xalloc_die();
    return r;
}

void *xrealloc(void *p, size_t n)
{
    void *r = realloc(p, n);
    if (!r && (!p || n))
        xalloc_die();
    return r; // expect: null-deref
}

#ifndef XALLOC_H
#define XALLOC_H

#include <stddef.h>

_Noreturn void xalloc_die(void);

/* gnulib's forms: NULL only for a size of 0 */
void *xmalloc(size_t n);
void *xreallocarray(void *p, size_t n, size_t s);

/* declared never to return NULL: its callers trust the declaration, and a
 * body that breaks it is reported at its return */
void *xrealloc(void *p, size_t n) __attribute__((__returns_nonnull__));

#endif

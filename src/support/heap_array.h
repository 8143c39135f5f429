/*
 * heap_array: growing malloc'ed arrays for data that does not live in an
 * arena (state kept across translation units, libclang-side tables).
 */
#ifndef NULLPROOF_HEAP_ARRAY_H
#define NULLPROOF_HEAP_ARRAY_H

#include <stddef.h>

/* Returns `items` with room for at least `needed` elements of `size`
 * bytes, doubling *capacity as needed (realloc keeps the contents). Never
 * returns NULL: running out of memory aborts (xalloc.c). */
void *heap_array_reserve(void *items, int *capacity, int needed, size_t size);

#endif

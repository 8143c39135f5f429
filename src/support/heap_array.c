/*
 * heap_array: capacity doubling over realloc.
 */
#include "heap_array.h"

#include <stdlib.h>

#include "xalloc.h"

void *heap_array_reserve(void *items, int *capacity, int needed, size_t size)
{
    if (needed <= *capacity)
        return items;
    int grown_capacity = *capacity ? *capacity * 2 : 16;
    while (grown_capacity < needed)
        grown_capacity *= 2;
    void *grown = xrealloc(items, (size_t)grown_capacity * size);
    *capacity = grown_capacity;
    return grown;
}

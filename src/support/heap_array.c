/*
 * heap_array: capacity doubling over realloc.
 */
#include "heap_array.h"

#include <stdio.h>
#include <stdlib.h>

void *heap_array_reserve(void *items, int *capacity, int needed, size_t size)
{
    if (needed <= *capacity)
        return items;
    int grown_capacity = *capacity ? *capacity * 2 : 16;
    while (grown_capacity < needed)
        grown_capacity *= 2;
    void *grown = realloc(items, (size_t)grown_capacity * size);
    if (!grown) {
        fputs("nullproof: out of memory\n", stderr);
        abort();
    }
    *capacity = grown_capacity;
    return grown;
}

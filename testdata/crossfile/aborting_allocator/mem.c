/* zsh's zalloc(): it also writes globals (the signal queue), so its
 * summary says more than "returns non-NULL" alone; callers in other files
 * must still learn that it never returns NULL. */
#include <stdio.h>
#include <stdlib.h>

#include "mem.h"

int queueing_enabled;

void *zalloc(size_t size)
{
    void *ptr;
    if (!size)
        size = 1;
    queueing_enabled++;
    if (!(ptr = malloc(size))) {
        fputs("fatal error: out of memory\n", stderr);
        exit(1);
    }
    queueing_enabled--;
    return ptr;
}

void *try_alloc(size_t size)
{
    queueing_enabled++;
    void *ptr = malloc(size);
    queueing_enabled--;
    return ptr;
}

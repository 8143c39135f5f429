/*
 * xalloc: allocation that never returns NULL: it jumps to the thread's
 * recovery point, or aborts.
 */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local struct alloc_recovery *recovery_point;

void xalloc_recover_to(struct alloc_recovery *point)
{
    recovery_point = point;
}

static _Noreturn void out_of_memory(void)
{
    struct alloc_recovery *point = recovery_point;
    if (point) {
        recovery_point = NULL; /* a failure while recovering aborts */
        longjmp(point->jump, 1);
    }
    fputs("nullproof: out of memory\n", stderr);
    abort(); /* nothing sensible is left to do */
}

static void *checked(void *block)
{
    if (!block)
        out_of_memory();
    return block;
}

/* `size`, unless the recovery point makes it fail. */
static size_t allowed(size_t size)
{
    if (recovery_point && recovery_point->largest && size > recovery_point->largest)
        out_of_memory();
    return size;
}

void *xmalloc(size_t size)
{
    return checked(malloc(allowed(size ? size : 1)));
}

void *xcalloc(size_t count, size_t size)
{
    count = count ? count : 1;
    size = size ? size : 1;
    allowed(count > SIZE_MAX / size ? SIZE_MAX : count * size);
    return checked(calloc(count, size));
}

void *xrealloc(void *block, size_t size)
{
    return checked(realloc(block, allowed(size ? size : 1)));
}

char *xstrdup(const char *text)
{
    allowed(strlen(text) + 1);
    return checked(strdup(text));
}

char *xstrndup(const char *text, size_t length)
{
    char *copy = xmalloc(length + 1);
    memcpy(copy, text, length);
    copy[length] = '\0';
    return copy;
}

void xappend_string(char ***items, int *count, char *item)
{
    *items = xrealloc(*items, (size_t)(*count + 1) * sizeof **items);
    (*items)[(*count)++] = item;
}

/*
 * xalloc: allocation that aborts instead of returning NULL.
 */
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *checked(void *block)
{
    if (!block) {
        fputs("nullproof: out of memory\n", stderr);
        abort(); /* nothing sensible is left to do */
    }
    return block;
}

void *xmalloc(size_t size)
{
    return checked(malloc(size ? size : 1));
}

void *xcalloc(size_t count, size_t size)
{
    return checked(calloc(count ? count : 1, size ? size : 1));
}

void *xrealloc(void *block, size_t size)
{
    return checked(realloc(block, size ? size : 1));
}

char *xstrdup(const char *text)
{
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

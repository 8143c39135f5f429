/*
 * xalloc: heap allocation that never returns NULL. Running out of memory
 * aborts, here and in arena.c only, so the rest of the code has no NULL
 * results of its own to test (and nullproof lints itself clean).
 */
#ifndef NULLPROOF_XALLOC_H
#define NULLPROOF_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size) __attribute__((returns_nonnull, malloc));
void *xcalloc(size_t count, size_t size) __attribute__((returns_nonnull, malloc));
void *xrealloc(void *block, size_t size) __attribute__((returns_nonnull));
char *xstrdup(const char *text) __attribute__((returns_nonnull, malloc, nonnull(1)));
/* The first `length` bytes of `text`, NUL-terminated. */
char *xstrndup(const char *text, size_t length) __attribute__((returns_nonnull, malloc));

/* Appends `item` to the heap array *items of *count strings (grown by one). */
void xappend_string(char ***items, int *count, char *item);

#endif

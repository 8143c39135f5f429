/*
 * xalloc: heap allocation that never returns NULL, so the rest of the code
 * has no NULL results of its own to test (and nullproof lints itself
 * clean). Running out of memory jumps back to the recovery point of the
 * calling thread, where a worker analysing one unit fails that unit alone,
 * or aborts where none is set (here and in arena.c only).
 */
#ifndef NULLPROOF_XALLOC_H
#define NULLPROOF_XALLOC_H

#include <setjmp.h>
#include <stddef.h>

/* Where an allocation that fails goes back to: set it with setjmp(jump)
 * before xalloc_recover_to. `largest`, when not 0, also fails any single
 * allocation above it (NULLPROOF_FAIL_ALLOCATIONS_OVER, for tests of this
 * path). */
struct alloc_recovery {
    jmp_buf jump;
    size_t largest;
};

/* Sets the calling thread's recovery point, or clears it with NULL. The
 * only thread-local state of nullproof: a failed allocation cannot be
 * returned through every caller, libclang's callbacks among them. */
void xalloc_recover_to(struct alloc_recovery *point);

void *xmalloc(size_t size) __attribute__((returns_nonnull, malloc));
void *xcalloc(size_t count, size_t size) __attribute__((returns_nonnull, malloc));
void *xrealloc(void *block, size_t size) __attribute__((returns_nonnull));
char *xstrdup(const char *text) __attribute__((returns_nonnull, malloc, nonnull(1)));
/* The first `length` bytes of `text`, NUL-terminated. */
char *xstrndup(const char *text, size_t length) __attribute__((returns_nonnull, malloc));

/* Appends `item` to the heap array *items of *count strings (grown by one). */
void xappend_string(char ***items, int *count, char *item);

#endif

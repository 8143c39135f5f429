/*
 * arena: bump allocation for everything that lives as long as one
 * translation unit (IR, analysis state, strings copied out of libclang).
 * Nothing is freed one at a time; arena_free() drops it all at once.
 * Not thread-safe: each worker owns its own arenas.
 */
#ifndef NULLPROOF_ARENA_H
#define NULLPROOF_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
    struct arena_chunk *chunks; /* newest first */
    size_t used;                /* bytes handed out from the newest chunk */
    size_t total;               /* bytes reserved over all chunks, for statistics */
};

/* Sets up an empty arena; no memory is reserved until the first request. */
void arena_init(struct arena *arena);

/* Returns `size` zeroed bytes aligned for any object. Never returns NULL:
 * an allocation failure aborts the process (in xalloc.c, the only place
 * that may), since a linter cannot produce a correct answer without memory. */
void *arena_alloc(struct arena *arena, size_t size) __attribute__((returns_nonnull));

/* Copies a NUL-terminated string (NULL gives ""). */
char *arena_strdup(struct arena *arena, const char *text) __attribute__((returns_nonnull));

/* Copies `length` bytes and adds a NUL. */
char *arena_strndup(struct arena *arena, const char *text, size_t length)
    __attribute__((returns_nonnull));

/* printf into arena memory. */
char *arena_printf(struct arena *arena, const char *format, ...)
    __attribute__((format(printf, 2, 3), returns_nonnull));

/* Grows an array held in the arena: returns a new block of
 * new_count * element_size bytes holding the old contents (old_count
 * elements). The old block is simply abandoned. */
void *arena_grow(struct arena *arena, void *old, size_t old_count, size_t new_count,
                 size_t element_size) __attribute__((returns_nonnull));

/* Releases every allocation at once; the arena may be used again. */
void arena_free(struct arena *arena);

#endif

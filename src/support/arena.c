/*
 * arena: chunked bump allocator. Chunks grow geometrically so a huge
 * translation unit costs few mallocs; a request larger than a chunk
 * gets a chunk of its own.
 */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct arena_chunk {
    struct arena_chunk *next;
    size_t size;
    max_align_t data[];
};

enum { FIRST_CHUNK_SIZE = 16 * 1024, LARGEST_CHUNK_SIZE = 4 * 1024 * 1024 };

void arena_init(struct arena *arena)
{
    arena->chunks = NULL;
    arena->used = 0;
    arena->total = 0;
}

static size_t round_up(size_t size)
{
    size_t alignment = _Alignof(max_align_t);
    return (size + alignment - 1) & ~(alignment - 1);
}

void *arena_alloc(struct arena *arena, size_t size)
{
    size = round_up(size ? size : 1);
    struct arena_chunk *chunk = arena->chunks;
    if (!chunk || arena->used + size > chunk->size) {
        size_t chunk_size = chunk ? chunk->size * 2 : FIRST_CHUNK_SIZE;
        if (chunk_size > LARGEST_CHUNK_SIZE)
            chunk_size = LARGEST_CHUNK_SIZE;
        if (chunk_size < size)
            chunk_size = size;
        struct arena_chunk *fresh = xmalloc(sizeof *fresh + chunk_size);
        fresh->size = chunk_size;
        fresh->next = arena->chunks;
        arena->chunks = fresh;
        arena->used = 0;
        arena->total += chunk_size;
        chunk = fresh;
    }
    void *result = (char *)chunk->data + arena->used;
    arena->used += size;
    memset(result, 0, size);
    return result;
}

char *arena_strndup(struct arena *arena, const char *text, size_t length)
{
    char *copy = arena_alloc(arena, length + 1);
    if (text && length)
        memcpy(copy, text, length);
    copy[length] = '\0';
    return copy;
}

char *arena_strdup(struct arena *arena, const char *text)
{
    if (!text)
        text = "";
    return arena_strndup(arena, text, strlen(text));
}

char *arena_printf(struct arena *arena, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int length = vsnprintf(NULL, 0, format, arguments);
    va_end(arguments);
    if (length < 0)
        return arena_strdup(arena, "");
    char *text = arena_alloc(arena, (size_t)length + 1);
    va_start(arguments, format);
    vsnprintf(text, (size_t)length + 1, format, arguments);
    va_end(arguments);
    return text;
}

void *arena_grow(struct arena *arena, void *old, size_t old_count, size_t new_count,
                 size_t element_size)
{
    void *fresh = arena_alloc(arena, new_count * element_size);
    if (old && old_count)
        memcpy(fresh, old, old_count * element_size);
    return fresh;
}

void arena_free(struct arena *arena)
{
    struct arena_chunk *chunk = arena->chunks;
    while (chunk) {
        struct arena_chunk *next = chunk->next;
        free(chunk);
        chunk = next;
    }
    arena_init(arena);
}

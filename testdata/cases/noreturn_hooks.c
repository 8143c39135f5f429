/* A call through a function pointer whose type says the function never
 * returns ends the path: obstack's failure handler is declared
 * `__attribute_noreturn__ void (*obstack_alloc_failed_handler) (void)`.
 * A pointer whose type promises nothing may return. */
#include <stdio.h>
#include <stdlib.h>

struct chunk {
    size_t size;
    char contents[];
};

static __attribute__((__noreturn__)) void print_and_abort(void)
{
    fputs("memory exhausted\n", stderr);
    abort();
}

__attribute__((__noreturn__)) void (*alloc_failed_handler)(void) = print_and_abort;
void (*alloc_warning_handler)(void);

/* must stay silent */

struct chunk *chunk_new(size_t size)
{
    struct chunk *chunk = malloc(sizeof *chunk + size);
    if (!chunk)
        (*alloc_failed_handler)();
    chunk->size = size;
    return chunk;
}

struct chunk *chunk_new_plain_call(size_t size)
{
    struct chunk *chunk = malloc(sizeof *chunk + size);
    if (chunk == NULL)
        alloc_failed_handler();
    chunk->size = size;
    return chunk;
}

/* must be reported */

struct chunk *chunk_new_warned(size_t size)
{
    struct chunk *chunk = malloc(sizeof *chunk + size);
    if (!chunk)
        (*alloc_warning_handler)();
    chunk->size = size; // expect: null-deref
    return chunk;
}

/* A call through a function pointer whose type says the function never
 * returns ends the path: obstack's failure handler is declared
 * `__attribute_noreturn__ void (*obstack_alloc_failed_handler) (void)`.
 * So does one named for ending the program (fatal, panic, die, an error
 * exit): gawk's extension API `fatal`, libjpeg's `error_exit`. A pointer
 * whose type and name promise nothing may return. */
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

/* a plug-in API: the host fills the table */
struct host_api {
    void (*api_fatal)(int id, const char *format, ...);
    void (*api_warning)(int id, const char *format, ...);
};
extern const struct host_api *api;
#define fatal api->api_fatal
#define warning api->api_warning

struct error_manager {
    void (*error_exit)(void *decoder);
    void (*emit_message)(void *decoder, int level);
};
struct decoder {
    struct error_manager *err;
};

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

struct chunk *chunk_new_for_plugin(size_t size)
{
    struct chunk *chunk = malloc(sizeof *chunk + size);
    if (chunk == NULL)
        fatal(1, "malloc of %zu bytes failed", size);
    chunk->size = size;
    return chunk;
}

struct chunk *chunk_new_for_decoder(struct decoder *decoder, size_t size)
{
    struct chunk *chunk = malloc(sizeof *chunk + size);
    if (chunk == NULL)
        (*decoder->err->error_exit)(decoder);
    chunk->size = size;
    return chunk;
}

struct chunk *chunk_new_or_die(size_t size, void (*die)(const char *why))
{
    struct chunk *chunk = malloc(sizeof *chunk + size);
    if (!chunk)
        die("out of memory");
    chunk->size = size;
    return chunk;
}

/* must be reported */

struct chunk *chunk_new_warned_plugin(size_t size)
{
    struct chunk *chunk = malloc(sizeof *chunk + size);
    if (chunk == NULL)
        warning(1, "malloc of %zu bytes failed", size);
    chunk->size = size; // expect: null-deref
    return chunk;
}

struct chunk *chunk_new_decoder_message(struct decoder *decoder, size_t size)
{
    struct chunk *chunk = malloc(sizeof *chunk + size);
    if (chunk == NULL)
        (*decoder->err->emit_message)(decoder, 0);
    chunk->size = size; // expect: null-deref
    return chunk;
}

struct chunk *chunk_new_reported(size_t size, void (*on_error)(const char *why))
{
    struct chunk *chunk = malloc(sizeof *chunk + size);
    if (!chunk)
        on_error("out of memory");
    chunk->size = size; // expect: null-deref
    return chunk;
}

struct chunk *chunk_new_warned(size_t size)
{
    struct chunk *chunk = malloc(sizeof *chunk + size);
    if (!chunk)
        (*alloc_warning_handler)();
    chunk->size = size; // expect: null-deref
    return chunk;
}

/* Allocators behind a hook or a macro keep the allocator's contract: a
 * global function pointer named after one (curl's Curl_cmalloc of type
 * curl_malloc_callback), a hook the file sets to one function only, and
 * a call spelt malloc(...) that a macro sends to a debug allocator. A hook
 * set to an allocator that aborts on failure, or a macro that expands to
 * one, is never NULL. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef void *(*curl_malloc_callback)(size_t size);
typedef char *(*curl_strdup_callback)(const char *str);
extern curl_malloc_callback Curl_cmalloc;
extern curl_strdup_callback Curl_cstrdup;

char *copy_name(const char *name)
{
    char *copy = Curl_cstrdup(name);
    copy[0] = 'N'; // expect: unchecked-alloc
    return copy;
}

char *buffer_checked(size_t size)
{
    char *buffer = Curl_cmalloc(size);
    if (!buffer)
        return NULL;
    buffer[0] = 0;
    return buffer;
}

/* The project routes malloc through its hook. */
#define malloc(size) Curl_cmalloc(size)

char *buffer_through_macro(size_t size)
{
    char *buffer = malloc(size);
    buffer[0] = 0; // expect: unchecked-alloc
    return buffer;
}
#undef malloc

/* Set to one function by this file: that function's contract. */
void *xmalloc(size_t size)
{
    void *memory = calloc(1, size);
    if (!memory)
        abort();
    return memory;
}

static void *(*allocate_hook)(size_t) = xmalloc;

int *counters(size_t count)
{
    int *table = allocate_hook(count * sizeof *table);
    table[0] = 0;
    return table;
}

static void *(*malloc_hook)(size_t) = malloc;
static void *(*lookup_hook)(size_t);

void install(void)
{
    lookup_hook = malloc; /* the only assignment: a later function sets it */
}

int *first_slot(size_t count)
{
    int *table = malloc_hook(count * sizeof *table);
    table[0] = 1; // expect: unchecked-alloc
    int *other = lookup_hook(count * sizeof *other);
    other[0] = 1; // expect: unchecked-alloc
    return table;
}

/* A hook named like an allocator but set to the aborting one here. */
static void *(*my_malloc)(size_t) = xmalloc;

int *second_slot(size_t count)
{
    int *table = my_malloc(count * sizeof *table);
    table[0] = 2;
    return table;
}

/* A debug allocator of the file that aborts: the macro's expansion is
 * known never to return NULL. */
void *debug_malloc(size_t size, const char *file, int line)
{
    void *memory = calloc(1, size);
    (void)file;
    (void)line;
    if (!memory)
        abort();
    return memory;
}
#define malloc(size) debug_malloc(size, __FILE__, __LINE__)

char *debug_buffer(size_t size)
{
    char *buffer = malloc(size);
    buffer[0] = 0;
    return buffer;
}

/* A debug allocator declared here, defined elsewhere: malloc's contract. */
void *tracked_malloc(size_t size, const char *file, int line);
#undef malloc
#define malloc(size) tracked_malloc(size, __FILE__, __LINE__)

char *tracked_buffer(size_t size)
{
    char *buffer = malloc(size);
    buffer[0] = 0; // expect: unchecked-alloc
    return buffer;
}

/* A call written in the macro's arguments is the caller's own: name_of()
 * is not given strdup()'s contract. */
char *tracked_strdup(const char *text, const char *file, int line);
char *name_of(int key);
#define strdup(text) tracked_strdup(text, __FILE__, __LINE__)

char *copy_of(int key)
{
    char *copy = strdup(name_of(key));
    copy[0] = 'K'; // expect: unchecked-alloc
    return copy;
}
#undef strdup

/* ... unless its declaration says it never returns NULL. */
__attribute__((returns_nonnull)) void *checked_malloc(size_t size);
#undef malloc
#define malloc(size) checked_malloc(size)

char *checked_buffer(size_t size)
{
    char *buffer = malloc(size);
    buffer[0] = 0;
    return buffer;
}
#undef malloc

/* A field of an allocator table named for what it does. */
struct allocator {
    void *(*malloc_fn)(size_t size);
    void (*free_fn)(void *memory);
    void *(*get_fn)(size_t index);
};

char *from_table(const struct allocator *allocator, size_t size)
{
    char *buffer = allocator->malloc_fn(size);
    buffer[0] = 0; // expect: unchecked-alloc
    char *item = allocator->get_fn(size); /* nothing says it may be NULL */
    item[0] = 0;
    return buffer;
}

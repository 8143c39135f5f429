/* Branches whose condition is a constant (0, 1, a static const, a static flag
 * never written, an enum or #define constant) that cannot run raise nothing. */
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#define TRACE_ALLOCATIONS 0
#define USE_STATIC_POOL 1

enum { LEGACY_MODE = 0, SAFE_MODE = 1 };

static const int validate_input = 0;
static const int keep_cache = 1;
static int never_written = 1;
static int also_never_written;

static char pool[128];

/* must stay silent */

int dead_if_zero(void)
{
    char *cursor = NULL;
    if (0)
        return *cursor;
    return 0;
}

char live_if_one(void)
{
    char *cursor = NULL;
    if (1)
        cursor = pool;
    return *cursor;
}

char infinite_loop_exits_by_break(int limit)
{
    char *found = NULL;
    int step = 0;
    while (1) {
        if (++step > limit) {
            found = pool;
            break;
        }
    }
    return *found;
}

char define_constants(void)
{
    char *block = NULL;
    if (TRACE_ALLOCATIONS)
        block[0] = 't';
    if (USE_STATIC_POOL)
        block = pool;
    return block[0];
}

char enum_constants(void)
{
    char *block = NULL;
    if (LEGACY_MODE)
        return *block;
    if (SAFE_MODE)
        block = pool;
    return *block;
}

char static_constants(void)
{
    char *block = NULL;
    if (validate_input)
        return block[1];
    if (keep_cache)
        block = pool;
    return block[1];
}

char flags_never_written(void)
{
    char *block = NULL;
    if (never_written)
        block = pool;
    if (also_never_written)
        return block[2] + 1;
    return block[2];
}

/* Flagged: the constant makes the NULL path the one that runs. */

char dead_assignment(void)
{
    char *cursor = NULL;
    if (0)
        cursor = pool;
    return *cursor; // expect: null-deref
}

char live_null_branch(void)
{
    char *block = NULL;
    if (never_written)
        return block[0]; // expect: null-deref
    return pool[0];
}

char define_selects_null(void)
{
    char *block = pool;
    if (USE_STATIC_POOL)
        block = NULL;
    return *block; // expect: null-deref
}

/* cJSON_Utils: `index > ULONG_MAX` of a size_t never holds (on a 64-bit
 * target); the path past it goes on to use the allocation. */
char *format_index(size_t index)
{
    char *text = malloc(32);
    if (index > ULONG_MAX) {
        free(text);
        return NULL;
    }
    sprintf(text, "%lu", (unsigned long)index); // expect: unchecked-alloc
    return text;
}

char *format_size(size_t size)
{
    char *text = malloc(32);
    if (size > (size_t)-1)
        return NULL;
    sprintf(text, "%zu", size); // expect: unchecked-alloc
    return text;
}

/* An offset on the unsigned side is no such bound: `count + 1 > 0` holds
 * (brotli's `BROTLI_ALLOC(m, T, n + 1)` is `(N) > 0 ? alloc : NULL`), so
 * the array is the allocation's, NULL only if it fails, never the NULL
 * arm's. */
#define ALLOC_ARRAY(T, N) ((N) > 0 ? (T *)malloc((N) * sizeof(T)) : NULL)

int first_node(size_t count)
{
    int *nodes = ALLOC_ARRAY(int, count + 1);
    if (nodes == NULL)
        return -1;
    nodes[0] = 1;
    return nodes[0];
}

int unchecked_node(size_t count)
{
    int *nodes = ALLOC_ARRAY(int, count + 1);
    nodes[0] = 1; // expect: unchecked-alloc
    return nodes[0];
}

/* Any unsigned sum with a positive constant is at least that constant:
 * `2 * count + 503 > 0` holds too. With an allocator that never returns
 * NULL, only the macro's NULL arm is left, and only a count that may be 0
 * reaches it. */
void fatal(const char *message) __attribute__((noreturn));

static void *must_allocate(size_t size)
{
    void *block = malloc(size);
    if (block == NULL)
        fatal("out of memory");
    return block;
}

#define MUST_ALLOC_ARRAY(T, N) ((N) > 0 ? (T *)must_allocate((N) * sizeof(T)) : NULL)

unsigned char *frame_storage(size_t block_size)
{
    unsigned char *storage = MUST_ALLOC_ARRAY(unsigned char, 2 * block_size + 503);
    storage[0] = 0;
    return storage;
}

unsigned char *exact_storage(size_t block_size)
{
    unsigned char *storage = MUST_ALLOC_ARRAY(unsigned char, block_size);
    storage[0] = 0; // expect: null-deref
    return storage;
}

/* A local that holds such a sum keeps its bound: `size = 2 * length + 1`
 * is at least 1 wherever it is tested. */
unsigned char *tree_storage(size_t length)
{
    const size_t tree_size = 2 * length + 1;
    unsigned char *tree = MUST_ALLOC_ARRAY(unsigned char, tree_size);
    tree[0] = 0;
    return tree;
}

unsigned char *pair_storage(size_t length)
{
    const size_t pair_size = 2 * length;
    unsigned char *pairs = MUST_ALLOC_ARRAY(unsigned char, pair_size);
    pairs[0] = 0; // expect: null-deref
    return pairs;
}

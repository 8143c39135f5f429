/* An allocation wrapper that aborts when the allocator fails, except for a
 * size of 0 (gnulib's `if (!p && n != 0) xalloc_die ();`): malloc(0) may
 * return NULL, and a buffer of no bytes is not dereferenced either way, so
 * its result is taken as non-NULL unless the caller passes 0 for sure. So
 * is byacc's `allocate(n)`, which returns NULL itself for a size of 0. A
 * wrapper whose NULL depends on another argument (a flag) still returns
 * NULL where the flag may be 0. */
#include <stdlib.h>
#include <string.h>

_Noreturn void xalloc_die(void);

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p && n != 0)
        xalloc_die();
    return p;
}

static void *xreallocarray(void *p, size_t n, size_t s)
{
    void *r = reallocarray(p, n, s);
    if (!r && (!p || (n && s)))
        xalloc_die();
    return r;
}

static void *maybe_xmalloc(size_t n, int must)
{
    void *p = malloc(n);
    if (!p && must)
        xalloc_die();
    return p;
}

/* byacc: NULL for no bytes, else calloc's memory or no return */
static void *allocate(size_t n)
{
    void *p = NULL;
    if (n) {
        p = calloc(1, n);
        if (p == 0)
            xalloc_die();
    }
    return p;
}

struct node {
    int key;
    struct node *next;
};

short *new_shorts(int count)
{
    short *shorts = allocate((size_t)count * sizeof(short));
    shorts[0] = 0;
    return shorts;
}

/* must stay silent */

struct node *node_new(int key)
{
    struct node *node = xmalloc(sizeof *node);
    node->key = key;
    node->next = NULL;
    return node;
}

char *copy_text(const char *text)
{
    size_t length = strlen(text);
    char *copy = xmalloc(length + 1);
    memcpy(copy, text, length + 1);
    return copy;
}

char *copy_bytes(const char *bytes, size_t length)
{
    char *copy = xmalloc(length);
    copy[0] = bytes[0];
    return copy;
}

int *grow(int *items, size_t count)
{
    items = xreallocarray(items, count + 1, sizeof *items);
    items[count] = 0;
    return items;
}

struct node *node_new_required(int key)
{
    struct node *node = maybe_xmalloc(sizeof *node, 1);
    node->key = key;
    return node;
}

/* must be reported */

char *empty_buffer(void)
{
    char *buffer = xmalloc(0);
    buffer[0] = '\0'; // expect: unchecked-alloc
    return buffer;
}

char *no_bytes(void)
{
    char *bytes = allocate(0);
    bytes[0] = '\0'; // expect: unchecked-nullable
    return bytes;
}

struct node *node_new_optional(int key, int must)
{
    struct node *node = maybe_xmalloc(sizeof *node, must);
    node->key = key; // expect: unchecked-alloc
    return node;
}

/* Wrappers of the same file that hand back an allocator's result unchecked are
 * allocators too; an xmalloc-style wrapper that aborts on failure is not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buffer {
    char *data;
    size_t length;
    size_t capacity;
};

static void *allocate_zeroed(size_t size)
{
    void *block = malloc(size);
    if (block != NULL)
        memset(block, 0, size);
    return block;
}

static char *copy_string(const char *text)
{
    return strdup(text);
}

static void *xmalloc(size_t size)
{
    void *block = malloc(size);
    if (block == NULL) {
        fputs("out of memory\n", stderr);
        abort();
    }
    return block;
}

static char *xstrdup(const char *text)
{
    size_t length = strlen(text) + 1;
    char *copy = xmalloc(length);
    memcpy(copy, text, length);
    return copy;
}

struct buffer *buffer_new(size_t capacity)
{
    struct buffer *buffer = allocate_zeroed(sizeof *buffer);
    buffer->capacity = capacity; // expect: unchecked-alloc
    return buffer;
}

char *title_case(const char *word)
{
    char *result = copy_string(word);
    if (result[0] >= 'a' && result[0] <= 'z') // expect: unchecked-alloc
        result[0] = (char)(result[0] - 'a' + 'A');
    return result;
}

/* A function that returns NULL (the constant) where its own allocation
 * failed passes that failure on: its callers get unchecked-alloc. */
static char *joined(const char *left, const char *right)
{
    char *text = malloc(strlen(left) + strlen(right) + 1);
    if (text == NULL)
        return NULL;
    strcpy(text, left);
    return strcat(text, right);
}

size_t joined_length(const char *left, const char *right)
{
    char *text = joined(left, right);
    size_t length = strlen(text); // expect: unchecked-alloc
    free(text);
    return length;
}

/* must stay silent */

struct buffer *buffer_new_checked(size_t capacity)
{
    struct buffer *buffer = allocate_zeroed(sizeof *buffer);
    if (buffer == NULL)
        return NULL;
    buffer->capacity = capacity;
    return buffer;
}

struct buffer *buffer_new_or_abort(size_t capacity)
{
    struct buffer *buffer = xmalloc(sizeof *buffer);
    buffer->data = xmalloc(capacity);
    buffer->data[0] = '\0';
    buffer->length = 0;
    buffer->capacity = capacity;
    return buffer;
}

char *title_case_or_abort(const char *word)
{
    char *result = xstrdup(word);
    if (result[0] >= 'a' && result[0] <= 'z')
        result[0] = (char)(result[0] - 'a' + 'A');
    return result;
}

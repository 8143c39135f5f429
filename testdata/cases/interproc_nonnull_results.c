/* A function of the program whose every return gives a value known not to
 * be NULL (a wrapper of an allocator that aborts when it fails) gives its
 * callers a pointer that is set: a test of it there is redundant and makes
 * no NULL of it (tmux's window_copy_stringify, xrealloc'd, is tested in a
 * loop's condition and then searched). */
#include <stdlib.h>
#include <string.h>

extern int more_lines(void);

static char *grow(char *buffer, size_t size)
{
    char *grown = realloc(buffer, size);
    if (grown == NULL)
        abort();
    return grown;
}

static char *grow_or_fail(char *buffer, size_t size)
{
    return realloc(buffer, size);
}

/* must stay silent */

size_t joined_length(void)
{
    size_t size = 16;
    char *buffer = grow(NULL, size);
    while (buffer != NULL && more_lines()) {
        size *= 2;
        buffer = grow(buffer, size);
    }
    size_t length = strlen(buffer);
    free(buffer);
    return length;
}

/* must be reported */

size_t joined_length_unchecked(void)
{
    size_t size = 16;
    char *buffer = grow(NULL, size);
    while (buffer != NULL && more_lines()) {
        size *= 2;
        buffer = grow_or_fail(buffer, size);
    }
    size_t length = strlen(buffer); // expect: null-deref
    free(buffer);
    return length;
}

/* GCC attributes on declarations: nonnull(...) makes arguments sinks,
 * returns_nonnull makes the function's own returns sinks and its result
 * non-NULL, noreturn / _Noreturn end the path, and malloc alone says
 * nothing about NULL (xmalloc-style wrappers that never fail carry it too;
 * with returns_nonnull the result is known non-NULL). */
#include <stdlib.h>
#include <string.h>

struct buffer {
    char *data;
    size_t length;
};

__attribute__((nonnull(1, 3))) void buffer_append(struct buffer *buffer, size_t limit,
                                                   const char *text);
__attribute__((malloc)) void *pool_take(size_t size);
__attribute__((malloc, returns_nonnull)) void *xmalloc(size_t size);
_Noreturn void die(const char *message);
__attribute__((noreturn)) void fail(int code);

void append_home(struct buffer *buffer)
{
    buffer_append(buffer, 0, getenv("HOME")); // expect: unchecked-lookup
}

void append_to_new(const char *text)
{
    struct buffer *buffer = calloc(1, sizeof *buffer);
    buffer_append(buffer, 16, text); // expect: unchecked-alloc
    free(buffer);
}

__attribute__((returns_nonnull)) char *name_or_default(void)
{
    char *name = getenv("NAME");
    return name; // expect: unchecked-lookup
}

char *user_copy(void)
{
    const char *user = getenv("USER");
    if (!user)
        die("USER is not set");
    char *copy = malloc(strlen(user) + 1);
    if (!copy)
        fail(1);
    return strcpy(copy, user);
}

/* must stay silent */

void append_home_checked(struct buffer *buffer)
{
    const char *home = getenv("HOME");
    if (home != NULL)
        buffer_append(buffer, 0, home);
}

/* argument 2 is not covered by nonnull(1, 3) */
void append_limited(struct buffer *buffer, const char *text)
{
    buffer_append(buffer, strlen(text), text);
}

char name_initial(void)
{
    return name_or_default()[0];
}

char *pooled_copy(const char *text)
{
    char *copy = pool_take(strlen(text) + 1);
    return strcpy(copy, text);
}

char *owned_copy(const char *text)
{
    char *copy = xmalloc(strlen(text) + 1);
    return strcpy(copy, text);
}

/* A function that writes into the caller's buffer, or allocates one when
 * given none, and fails only when it resolves the path into the caller's
 * buffer (rsync's sanitize_path(dest, p, ...)). `if (dest != p)` skips the
 * copy when the caller works in place; for a caller that passes no buffer,
 * `dest == p` would mean a NULL p, which the code below dereferences: the
 * NULL return is only for callers that pass a buffer. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void *checked_alloc(size_t size) __attribute__((returns_nonnull));

static char *clean_path(char *dest, const char *p)
{
    size_t skipped = 0;
    if (dest != p) {
        size_t length = strlen(p);
        if (*p == '/')
            skipped = 1;
        if (!dest)
            dest = checked_alloc(length + 1);
        else if (length + 1 > 4096 || !realpath(p, dest))
            return NULL;
    }
    char *out = dest + skipped;
    if (p[0] == '.' && p[1] == '/')
        p += 2;
    strcpy(out, p);
    return dest;
}

/* A dereference of a NULL ends its path: the `return NULL;` after it is
 * never reached, whoever calls. */
static char *after_space(char *line)
{
    char *space = strchr(line, ' ');
    if (!space) {
        *space = '\0'; // expect: null-deref
        return NULL;
    }
    return space + 1;
}

/* must stay silent */

size_t cleaned_length(const char *path)
{
    char *copy = clean_path(NULL, path);
    return strlen(copy);
}

char second_word(char *line)
{
    return *after_space(line);
}

/* must be reported */

size_t cleaned_into(char *buffer, const char *path)
{
    char *copy = clean_path(buffer, path);
    return strlen(copy); // expect: unchecked-nullable
}

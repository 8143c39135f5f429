/* Assigning a pointer replaces what was known of it: a new non-NULL value
 * clears a maybe-NULL one, a freed pointer given a new value starts afresh,
 * and p = realloc(p, n) makes p maybe-NULL again even after it was checked. */
#include <stdlib.h>
#include <string.h>

static char default_name[] = "unnamed";

/* must stay silent */

char name_or_literal(void)
{
    const char *name = getenv("NAME");
    name = "literal";
    return *name;
}

char name_or_array(void)
{
    char *name = malloc(16);
    free(name);
    name = default_name;
    return name[0];
}

int freed_then_reallocated(void)
{
    char *line = malloc(32);
    if (line == NULL)
        return -1;
    line[0] = 'a';
    free(line);
    line = malloc(64);
    if (line == NULL)
        return -1;
    line[0] = 'b';
    free(line);
    return 0;
}

int checked_then_reassigned_checked(void)
{
    const char *value = getenv("FIRST");
    if (value == NULL)
        value = getenv("SECOND");
    if (value == NULL)
        return -1;
    return value[0];
}

/* Flagged. */

int null_then_source(void)
{
    char *name = NULL;
    name = getenv("NAME");
    return name[0]; // expect: unchecked-lookup
}

int freed_then_reallocated_unchecked(void)
{
    char *line = malloc(32);
    if (line == NULL)
        return -1;
    line[0] = 'a';
    free(line);
    line = malloc(64);
    line[0] = 'b'; // expect: unchecked-alloc
    free(line);
    return 0;
}

char *grow_checked_buffer(size_t size)
{
    char *buffer = malloc(size);
    if (buffer == NULL)
        return NULL;
    buffer[0] = '\0';
    buffer = realloc(buffer, size * 2);
    buffer[size] = '\0'; // expect: unchecked-alloc
    return buffer;
}

int fallback_still_maybe_null(void)
{
    const char *value = getenv("FIRST");
    if (value == NULL)
        value = getenv("SECOND");
    return value[0]; // expect: unchecked-lookup
}

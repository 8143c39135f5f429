/* The result of mem.c's zalloc() is never NULL: the defensive test in
 * unmeta() below is dead, and its callers may use its result. try_alloc()
 * passes malloc's NULL on. */
#include <string.h>

#include "mem.h"

static char *unmeta(const char *name)
{
    static char *buffer;
    if (!name)
        return NULL;
    size_t length = strlen(name) + 1;
    buffer = zalloc(length);
    if (!buffer)
        return NULL; /* will quite likely crash in the caller anyway */
    memcpy(buffer, name, length);
    return buffer;
}

/* must stay silent */

int first_letter(const char *name)
{
    if (!name)
        return 0;
    return unmeta(name)[0];
}

/* flagged */

char *scratch(size_t size)
{
    char *buffer = try_alloc(size + 1);
    buffer[size] = '\0'; // expect: unchecked-alloc
    return buffer;
}

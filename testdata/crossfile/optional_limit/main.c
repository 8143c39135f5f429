/* Calls of put_name() (names.c) from another file: with no limit it
 * never returns NULL; with one, it may. */
#include <stddef.h>

#include "names.h"

/* must stay silent */

size_t name_length(unsigned char *buffer, const char *name)
{
    unsigned char *end = put_name(buffer, name, NULL);
    *end++ = 0;
    return (size_t)(end - buffer);
}

/* must be reported */

size_t bounded_name_length(unsigned char *buffer, const char *name, const unsigned char *limit)
{
    unsigned char *end = put_name(buffer, name, limit);
    *end++ = 0; // expect: unchecked-lookup
    return (size_t)(end - buffer);
}

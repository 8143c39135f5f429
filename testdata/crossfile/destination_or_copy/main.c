/* Calls of clean_path() (paths.c) from another file: with no buffer it
 * never returns NULL; with one, it may. */
#include <string.h>

#include "paths.h"

/* must stay silent */

size_t cleaned_length(const char *path)
{
    char *copy = clean_path(NULL, path, NULL, 0);
    return strlen(copy);
}

/* must be reported */

size_t cleaned_into(char *buffer, const char *path)
{
    char *copy = clean_path(buffer, path, NULL, 0);
    return strlen(copy); // expect: unchecked-nullable
}

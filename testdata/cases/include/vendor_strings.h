/* A third-party header that declares itself a system header: nullproof must
 * not report the careless code in it, however it is included. */
#ifndef VENDOR_STRINGS_H
#define VENDOR_STRINGS_H

#pragma GCC system_header

#include <stdlib.h>
#include <string.h>

static inline char *vendor_strdup(const char *text)
{
    char *copy = malloc(strlen(text) + 1);
    strcpy(copy, text);
    return copy;
}

static inline size_t vendor_env_length(const char *name)
{
    return strlen(getenv(name));
}

static inline int vendor_first(const int *values)
{
    const int *none = NULL;
    if (values == NULL)
        return *none;
    return values[0];
}

#define VENDOR_FIRST_CHAR(text) ((text)[0])

#endif

/* fatal() (fail.c) does not return, so the code after `if (!p) fatal()` has
 * a non-NULL p; warn() returns. */
#include <stdlib.h>

#include "fail.h"

char *buffer_or_fatal(size_t size)
{
    char *p = malloc(size);
    if (!p)
        fatal("out of memory");
    p[0] = 0;
    return p;
}

char *buffer_or_warn(size_t size)
{
    char *p = malloc(size);
    if (!p)
        warn("out of memory");
    p[0] = 0; // expect: null-deref
    return p;
}

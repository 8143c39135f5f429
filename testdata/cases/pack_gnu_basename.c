/* GNU's basename (<string.h> with _GNU_SOURCE, no <libgen.h>) reads its
 * path: a failed strdup's NULL crashes it. <libgen.h>'s POSIX basename
 * answers NULL with "." (pack_posix_reentrant.c). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

const char *leaf_of(const char *path)
{
    char *copy = strdup(path);
    return basename(copy); // expect: unchecked-alloc
}

/* must stay silent */

const char *leaf_of_checked(const char *path)
{
    char *copy = strdup(path);
    if (copy == NULL)
        return NULL;
    return basename(copy);
}

/* Sinks whose dereference depends on a global flag or an argument that
 * the caller, in another file, sets. */
#include <string.h>

int verbose_copy = 0;

void copy_if_verbose(char *data)
{
    if (verbose_copy)
        strcpy(data, "text");
}

void copy_in_mode(char *data, int mode)
{
    if (mode == 1)
        strcpy(data, "text");
}

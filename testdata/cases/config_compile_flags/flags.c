// args: -std=gnu11 -fplugin=/nonexistent/gcc-plugin.so
/* .nullproof.yaml here: compile-flags removes -fplugin=* (clang would fail
 * to load it) and adds -DBUILT_WITH_PROJECT_FLAGS=1. Without it, this file
 * does not parse. */
#include <stdlib.h>

#ifndef BUILT_WITH_PROJECT_FLAGS
#error the configuration's compile-flags add BUILT_WITH_PROJECT_FLAGS
#endif

void fill(void)
{
    char *buffer = malloc(4);
    buffer[0] = 0; // expect: unchecked-alloc
    free(buffer);
}

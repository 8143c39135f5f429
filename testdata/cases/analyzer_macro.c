/* nullproof defines __clang_analyzer__, as the Clang Static Analyzer and
 * clang-tidy do: what a project spells out for analysers applies. brotli's
 * BROTLI_IS_NULL(p) is a real test only for an analyser (the code itself
 * relies on an out-of-memory flag that BROTLI_IS_OOM reads). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#ifdef __clang_analyzer__
#define IS_NULL(p) ((p) == NULL)
#else
#define IS_NULL(p) (0)
#endif

/* must stay silent */

char *copy_name(const char *name)
{
    size_t length = strlen(name);
    char *copy = malloc(length + 1);
    if (IS_NULL(copy))
        return NULL;
    memcpy(copy, name, length + 1);
    return copy;
}

/* must be reported: the test is left out for analysers */

char *copy_label(const char *label)
{
    size_t length = strlen(label);
    char *copy = malloc(length + 1);
#ifndef __clang_analyzer__
    if (copy == NULL)
        return NULL;
#endif
    memcpy(copy, label, length + 1); // expect: unchecked-alloc
    return copy;
}

/* alloca() takes stack space: too much is a crash, never a NULL result,
 * however often a project tests it (gnulib's malloca tests the result of
 * `n < 4032 ? alloca(n) : mmalloca(n)`, and cpio's V_STRDUP copies into
 * alloca's result at once). */
#include <alloca.h>
#include <stdlib.h>
#include <string.h>

extern void *heap_fallback(size_t size);

#define SMALL_OR_HEAP(n) ((n) < 4032 ? alloca(n) : heap_fallback(n))

static size_t name_length(const char *name)
{
    return strlen(name) + 1;
}

int copy_first(const char *name)
{
    char *copy = SMALL_OR_HEAP(name_length(name));
    if (copy == NULL)
        return -1;
    return strcpy(copy, name)[0];
}

int copy_second(const char *name)
{
    char *copy = alloca(name_length(name));
    if (!copy)
        return -1;
    return strcpy(copy, name)[0];
}

int copy_third(const char *name)
{
    char *copy = alloca(name_length(name));
    if (copy == NULL)
        abort();
    return strcpy(copy, name)[0];
}

int copy_fourth(const char *name)
{
    char *copy = alloca(name_length(name));
    if (!copy)
        return 0;
    return strcpy(copy, name)[0];
}

int copy_fifth(const char *name)
{
    char *copy = alloca(name_length(name));
    if (copy == NULL)
        return -1;
    return copy[0] = 0;
}

int copy_unchecked(const char *name)
{
    char *copy = alloca(name_length(name));
    return strcpy(copy, name)[0];
}

char *copy_dynamic(const char *name)
{
    char *copy = malloc(name_length(name));
    strcpy(copy, name); // expect: unchecked-alloc
    return copy;
}

/* Code that GCC 12 builds with warnings but that clang 16 and later reject
 * by default: an incompatible function pointer (gnulib's obstack.c in
 * cpio), an integer used as a pointer, a call of an undeclared function, a
 * declaration without a type. The unit must be analysed, not failed. */
#include <stdlib.h>
#include <string.h>

static void report_and_abort(void)
{
    abort();
}

void (*failure_handler)(int) = report_and_abort;

static counter;

char *address_to_text(long address)
{
    char *text = address;
    return text;
}

char *copy_name(const char *name)
{
    char *copy = malloc(strlen(name) + 1);
    strcpy(copy, name); // expect: unchecked-alloc
    counter++;
    return copy;
}

int checked_copy(const char *name)
{
    char *copy = malloc(strlen(name) + 1);
    if (!copy)
        return -1;
    strcpy(copy, name);
    return undeclared_consumer(copy);
}

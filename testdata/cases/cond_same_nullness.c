/* `!a != !b` (or `(a == NULL) != (b == NULL)`) tells whether two pointers
 * are NULL together: past it, what is learnt of one holds for the other.
 * Optional strings compared this way are common in equality functions. */
#include <stddef.h>
#include <string.h>

struct handler {
    const char *name;
    void *data;
};

/* must stay silent */

int same_handler(const struct handler *handler, const char *name, void *data)
{
    if (handler->data != data || !handler->name != !name ||
        (handler->name && strcmp(handler->name, name)))
        return 0;
    return 1;
}

int equal_names(const char *a, const char *b)
{
    if ((a == NULL) != (b == NULL))
        return 0;
    if (a == NULL)
        return 1;
    return strcmp(a, b) == 0;
}

int equal_lengths(const char *a, const char *b)
{
    if (!!a == !!b && a)
        return strlen(a) == strlen(b);
    return 0;
}

/* The relation says b is NULL where a is. */

int compare_names(const char *a, const char *b)
{
    if (!a != !b)
        return a ? 1 : -1;
    if (!a)
        return (int)strlen(b); // expect: null-deref
    return strcmp(a, b);
}

/* Tested apart, nothing relates them. */

int compare_unrelated(const char *a, const char *b)
{
    if (!a)
        return 0;
    return strcmp(a, b);
}

/* `!a ^ !b` of two truth values says the same as `!a != !b`. */

int same_subroutine(const char *mine, const char *wanted)
{
    if (!mine ^ !wanted)
        return 0;
    if (wanted && strcmp(mine, wanted))
        return 0;
    return 1;
}

int xor_wrong_way(const char *mine, const char *wanted)
{
    if (!(!mine ^ !wanted))
        return 0;
    if (wanted)
        return (int)strlen(mine); // expect: null-deref
    return 1;
}

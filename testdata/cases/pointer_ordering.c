/* An ordering of two pointers that holds says the greater one is not
 * NULL: no address lies below NULL. lighttpd walks a path back one
 * component at a time with `while ((s = strrchr(buf, '/')) > buf)`. Where
 * the ordering fails, or the lesser side is the one that may be NULL,
 * nothing is learnt. */
#include <stddef.h>
#include <string.h>

int count_components(const char *path)
{
    char buf[256];
    size_t len = strlen(path);
    if (len == 0 || len >= sizeof buf)
        return -1;
    memcpy(buf, path, len + 1);
    char *cut = buf + len;
    int count = 0;
    do {
        *cut = '\0';
        count++;
    } while ((cut = strrchr(buf, '/')) > buf);
    return count;
}

/* an address is not NULL, so neither is what is at or above it */
char at_or_above(void)
{
    char line[64] = "key=value";
    char *equals = strchr(line, '=');
    if (equals >= line)
        return equals[1];
    return 0;
}

char last_before(char *start, char *limit)
{
    char *dot = strchr(start, '.');
    if (start < dot)
        return dot[-1];
    return *start;
}

/* must be reported */

char first_after(char *start, char *limit)
{
    char *dot = strchr(start, '.');
    if (dot <= limit)
        return *dot; // expect: unchecked-lookup
    return *start;
}

/* a pointer, unlike an address, may itself be NULL: dot >= start holds
 * with both NULL */
char at_or_after(char *start, const char *name)
{
    char *dot = strchr(name, '.');
    if (dot >= start)
        return *dot; // expect: unchecked-lookup
    return 0;
}

char greater_fails(char *start)
{
    char *dot = strchr(start, '.');
    if (dot > start)
        return *start;
    return *dot; // expect: unchecked-lookup
}

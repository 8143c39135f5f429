/* A pure lookup (strchr, strrchr, getenv: a pack's `returns: lookup`)
 * called again with the same unchanged arguments returns what the tested
 * call returned. A write to memory or a call to another function in
 * between may change the answer. */
#include <stdlib.h>
#include <string.h>

/* must stay silent */

void chop_newline(char *line)
{
    if (strchr(line, '\n'))
        *strchr(line, '\n') = '\0';
}

const char *base_name(const char *path)
{
    const char *name = path;
    if (strrchr(name, '/'))
        name = strrchr(name, '/') + 1;
    return name;
}

size_t home_length(void)
{
    if (getenv("HOME"))
        return strlen(getenv("HOME"));
    return 0;
}

/* must be reported */

/* Another string is searched the second time. */
void chop_other(char *tested, char *changed)
{
    if (strchr(tested, '\n'))
        *strchr(changed, '\n') = '\0'; // expect: unchecked-lookup
}

/* The string is written between the two calls. */
void chop_after_write(char *line)
{
    if (strchr(line, '\n')) {
        line[0] = '#';
        *strchr(line, '\n') = '\0'; // expect: unchecked-lookup
    }
}

/* The environment may change in another function. */
extern void load_profile(void);
size_t home_after_call(void)
{
    if (getenv("HOME")) {
        load_profile();
        return strlen(getenv("HOME")); // expect: unchecked-lookup
    }
    return 0;
}

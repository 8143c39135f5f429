/* A static function of the unit is the program's own, whatever its name:
 * its body says what it returns, not a pack's entry for the library
 * function of that name. joe's termcap reader has `static char
 * *lfind(char *s, ...)`, which never returns NULL; POSIX's lfind()
 * returns NULL when nothing matches. */
#include <stddef.h>
#include <string.h>

static char buffer[256];

static char *lfind(char *s, size_t pos, const char *name)
{
    if (!s)
        s = buffer;
    strncpy(s + pos, name, 16);
    return s;
}

int entry_length(char *s, const char *name)
{
    char *entry = lfind(s, 0, name);
    entry[16] = 0;
    return (int)strlen(entry);
}

/* Its own NULL return is still reported. */

static char *bsearch(const char *key, char **names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(names[i], key) == 0)
            return names[i];
    return NULL;
}

int name_length(const char *key, char **names, size_t count)
{
    char *found = bsearch(key, names, count);
    return (int)strlen(found); // expect: unchecked-lookup
}

/* A string known to start with a character holds it: after `if (*p ==
 * '/')` (or `p[0] == '/'`) strchr(p, '/') and strrchr(p, '/') find at
 * least that one (a pack's `found-if-first`). Only while the string is
 * unchanged, only for that character, and only on the path the test
 * passed. */
#include <stddef.h>
#include <string.h>
#include <wchar.h>

/* must stay silent */

/* json-c's json_pointer_setf: an absolute path is cut at its last slash */
int cut_last_level(char *path)
{
    if (path[0] != '/')
        return -1;
    char *end = strrchr(path, '/');
    *end = '\0';
    return 0;
}

/* rsync: a name that starts with a slash keeps what follows the last one */
size_t base_length(const char *name)
{
    if (*name == '/') {
        const char *slash = strrchr(name, '/');
        return strlen(slash + 1);
    }
    return strlen(name);
}

/* zsh: the first argument tested through the array it sits in */
size_t command_name_length(char **argv)
{
    if (**argv != '/')
        return 0;
    return strlen(strrchr(*argv, '/') + 1);
}

size_t first_slash_offset(const char *path)
{
    if (path[0] == '/')
        return (size_t)(strchr(path, '/') - path) + *strchr(path, '/');
    return 0;
}

size_t wide_tail_length(const wchar_t *path)
{
    if (*path == L'/')
        return wcslen(wcsrchr(path, L'/') + 1);
    return 0;
}

/* must be reported */

/* the test passed for another character */
char last_dot_byte(const char *name)
{
    if (*name == '/')
        return *strrchr(name, '.'); // expect: unchecked-lookup
    return 0;
}

/* the string moved on after the test */
char next_slash_byte(const char *path)
{
    if (*path != '/')
        return 0;
    path++;
    return *strchr(path, '/'); // expect: unchecked-lookup
}

/* the first character was written after the test */
char slash_after_write(char *path)
{
    if (path[0] != '/')
        return 0;
    path[0] = '.';
    return *strrchr(path, '/'); // expect: unchecked-lookup
}

/* the branch on which the test failed */
char slash_when_relative(const char *path)
{
    if (*path == '/')
        return 0;
    return *strchr(path, '/'); // expect: unchecked-lookup
}

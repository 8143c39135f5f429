/* The POSIX pack: entries beyond the classics that other cases cover:
 * the user and group databases read in sequence, mkdtemp, <regex.h> and
 * <netdb.h> arguments, getdelim, err(3), which does not return, and
 * strsep(&s, d), which returns what s held: NULL only once s is. */
#include <err.h>
#include <grp.h>
#include <netdb.h>
#include <pwd.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

const char *first_shell(void)
{
    struct passwd *entry = getpwent();
    return entry->pw_shell; // expect: unchecked-nullable
}

int group_members(const char *name)
{
    struct group *group = getgrnam(name);
    int count = 0;
    for (char **member = group->gr_mem; *member; member++) // expect: unchecked-nullable
        count++;
    return count;
}

size_t scratch_directory_length(char *template)
{
    char *directory = mkdtemp(template);
    return strlen(directory); // expect: unchecked-nullable
}

int matches(const char *pattern, const char *text)
{
    regex_t *expression = malloc(sizeof *expression);
    if (regcomp(expression, pattern, REG_NOSUB) != 0) // expect: unchecked-alloc
        return -1;
    int found = regexec(expression, text, 0, NULL, 0) == 0;
    regfree(expression);
    free(expression);
    return found;
}

int resolve(const char *host, struct addrinfo **result)
{
    struct addrinfo **slot = getenv("RESOLVE_DRY_RUN") ? NULL : result;
    return getaddrinfo(host, "http", NULL, slot); // expect: null-deref
}

char strsep_after_end(void)
{
    char *rest = NULL;
    char *field = strsep(&rest, ":");
    return field[0]; // expect: null-deref
}

/* must stay silent */

int first_field_is(char *line, const char *name)
{
    char *rest = line + 1; /* after the leading '|' */
    char *field = strsep(&rest, "|");
    return strcmp(field, name) == 0;
}

int count_fields(char *line)
{
    int count = 0;
    for (char *field; (field = strsep(&line, ",")) != NULL;)
        count += field[0] != '\0';
    return count;
}

const char *first_shell_checked(void)
{
    struct passwd *entry = getpwent();
    endpwent();
    return entry != NULL ? entry->pw_shell : "/bin/sh";
}

size_t scratch_directory_length_checked(char *template)
{
    char *directory = mkdtemp(template);
    if (directory == NULL)
        err(1, "mkdtemp");
    return strlen(directory);
}

int resolve_checked(const char *host)
{
    struct addrinfo *result = NULL;
    int status = getaddrinfo(host, "http", NULL, &result);
    if (status != 0)
        return status;
    int family = result->ai_family;
    freeaddrinfo(result);
    return family;
}

ssize_t read_record(char **line, size_t *size, FILE *stream)
{
    return getdelim(line, size, ';', stream);
}

/* gettext gives the message itself when it has no translation: never
 * NULL for a message that is not, and as NULL as one that may be. */
#include <libintl.h>

size_t translated_length(void)
{
    return strlen(dcgettext(NULL, "File exists", 5));
}

size_t translated_maybe(const char *key)
{
    return strlen(gettext(getenv(key))); // expect: unchecked-lookup
}

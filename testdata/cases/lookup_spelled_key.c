/* A search of the program's own (a loop over its tables, or other such
 * searches) given a key the program spells, a string literal, finds it:
 * the program looks up a name it wrote itself in tables it fills itself
 * (procps's ps builds its default columns with do_one_spec("pid", NULL)).
 * A key from input may be missing; so may any key of a search that passes
 * on a library lookup's miss (getenv("HOME") inside), and a library
 * lookup's own (strstr(line, "Host:")). */
#include <stdlib.h>
#include <string.h>

struct column {
    const char *name;
    int width;
    struct column *next;
};

static const struct column columns[] = {
    {"pid", 5, NULL},
    {"tty", 8, NULL},
    {"cmd", 20, NULL},
};

static const struct column *column_find(const char *name)
{
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
        if (strcmp(columns[i].name, name) == 0)
            return &columns[i];
    return NULL;
}

/* must stay silent */

/* a caller that tests: the program knows the search may miss (without one,
 * the unit's votes alone would make its NULL weak) */
int width_or_zero(const char *name)
{
    const struct column *found = column_find(name);
    if (!found)
        return 0;
    return found->width;
}

int default_width(void)
{
    return column_find("pid")->width + column_find("cmd")->width;
}

const char *default_header(void)
{
    const struct column *first = column_find("tty");
    return first->name;
}

/* must be reported */

/* the user names the column */
int width_of(const char *name)
{
    return column_find(name)->width; // expect: unchecked-lookup
}

/* the NULL is the environment's, whatever the name */
static char *find_config_path(const char *name)
{
    const char *home = getenv("HOME");
    if (!home)
        return NULL;
    char *path = malloc(strlen(home) + strlen(name) + 2);
    if (!path)
        abort();
    strcpy(path, home);
    strcat(path, "/");
    return strcat(path, name);
}

size_t config_path_length(void)
{
    return strlen(find_config_path(".columnsrc")); // expect: unchecked-lookup
}

/* a library search of data from input, given a literal */
size_t host_length(const char *request)
{
    return strlen(strstr(request, "Host:")); // expect: unchecked-lookup
}

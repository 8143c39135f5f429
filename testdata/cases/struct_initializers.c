/* A local struct's initializer list gives its fields their values: the
 * fields it names, and 0 or NULL for the others, as C does. A struct
 * assignment copies them. So a test of a field set to 0 can end a path,
 * and a pointer field left out of the list is NULL. */
#include <stddef.h>

typedef struct {
    int offset;
    int length;
    int back;
} match_t;

struct options {
    const char *name;
    int verbose;
    struct {
        int depth;
        const char *label;
    } limits;
};

match_t find_match(const char *at);

/* must stay silent */

int longer_match(const char *at, int search)
{
    const char *start = NULL;
    match_t found;
    const match_t none = {0, 0, 0};
    if (search)
        start = at + 1;
    if (search)
        found = find_match(start);
    else
        found = none;
    if (found.length <= 0)
        return 0;
    return start[0];
}

int designated_length(const char *at, int search)
{
    const char *start = NULL;
    match_t found = {.offset = 1};
    if (search) {
        start = at;
        found.length = 4;
    }
    if (found.length == 0)
        return 0;
    return start[0];
}

int nested_depth(const char *at, int deep)
{
    const char *start = NULL;
    struct options options = {"scan", 0, {0, NULL}};
    if (deep) {
        start = at;
        options.limits.depth = 2;
    }
    if (!options.limits.depth)
        return -1;
    return start[0];
}

/* Flagged: a pointer field the list leaves out is NULL. */

size_t option_name_length(int verbose)
{
    struct options options = {.verbose = verbose};
    size_t length = 0;
    while (options.name[length]) // expect: null-deref
        length++;
    return length;
}

/* Flagged: the copy keeps a NULL field NULL. */

char label_initial(void)
{
    struct options defaults = {"scan", 1, {4, NULL}};
    struct options options = defaults;
    return options.limits.label[0]; // expect: null-deref
}

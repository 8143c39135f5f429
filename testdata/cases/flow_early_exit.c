/* A NULL test that leaves the current path (return, break, continue) guards
 * everything after it, also inside nested blocks; one that does not, does not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct column {
    const char *name;
    int width;
};

static const char *const column_variables[] = {"COL_NAME", "COL_SIZE", "COL_DATE"};

/* must stay silent */

int total_width(void)
{
    int total = 0;
    for (int i = 0; i < 3; i++) {
        const char *width = getenv(column_variables[i]);
        if (width == NULL)
            continue;
        total += atoi(width) + (width[0] == '-');
    }
    return total;
}

int first_configured_width(void)
{
    const char *width = NULL;
    for (int i = 0; i < 3; i++) {
        width = getenv(column_variables[i]);
        if (width != NULL)
            break;
    }
    if (width == NULL)
        return 0;
    return (int)strlen(width);
}

struct column *column_new(const char *name, int width)
{
    struct column *column = malloc(sizeof *column);
    if (column == NULL) {
        fprintf(stderr, "column %s: out of memory\n", name);
        return NULL;
    }
    column->name = name;
    column->width = width;
    return column;
}

int nested_blocks(int verbose)
{
    char *title = strdup("report");
    if (verbose) {
        if (title == NULL) {
            {
                return -1;
            }
        }
        title[0] = 'R';
    } else {
        if (!title)
            return -1;
    }
    puts(title);
    free(title);
    return 0;
}

/* Paths that keep going. */

int total_width_no_continue(void)
{
    int total = 0;
    for (int i = 0; i < 3; i++) {
        const char *width = getenv(column_variables[i]);
        if (width == NULL)
            fprintf(stderr, "%s not set\n", column_variables[i]);
        total += width[0] == '-'; // expect: null-deref
    }
    return total;
}

int last_configured_width(void)
{
    const char *width = NULL;
    for (int i = 0; i < 3; i++) {
        const char *candidate = getenv(column_variables[i]);
        if (candidate != NULL)
            width = candidate;
    }
    return (int)strlen(width); // expect: null-deref
}

int nested_blocks_missing_exit(int verbose)
{
    char *title = strdup("report");
    if (verbose) {
        if (title == NULL) {
            return -1;
        }
        title[0] = 'R';
    }
    int length = (int)strlen(title); // expect: unchecked-alloc
    free(title);
    return length;
}

/* A function of the program that returns an array and its length through
 * an out-parameter, and leaves the length 0 on every NULL return
 * (`*count = 0; return NULL;`): the caller's `for (i = 0; i < count; i++)`
 * or `if (count > 0)` reaches the array only where it is set (tmux's
 * format_build_modifiers). */
#include <stdlib.h>
#include <string.h>

struct modifier {
    char name[16];
    int arguments;
};

static struct modifier *parse_modifiers(const char *text, unsigned *count)
{
    if (text[0] != ':') {
        *count = 0;
        return NULL;
    }
    struct modifier *list = calloc(4, sizeof *list);
    if (list == NULL) {
        *count = 0;
        return NULL;
    }
    *count = 4;
    return list;
}

static struct modifier *parse_modifiers_loosely(const char *text, unsigned *count)
{
    *count = (unsigned)strlen(text);
    if (text[0] != ':')
        return NULL;
    return calloc(*count, sizeof(struct modifier));
}

/* must stay silent */

int count_arguments(const char *text)
{
    unsigned count;
    struct modifier *list = parse_modifiers(text, &count);
    int total = 0;
    for (unsigned i = 0; i < count; i++)
        total += list[i].arguments;
    free(list);
    return total;
}

int first_arguments(const char *text)
{
    unsigned count;
    struct modifier *list = parse_modifiers(text, &count);
    int first = 0;
    if (count > 0)
        first = list->arguments;
    free(list);
    return first;
}

/* A cell's text, NULL with length 0 for an empty cell. */
struct cell {
    const char *text;
};

static const char *cell_text(const struct cell *cell, size_t *length)
{
    if (cell->text == NULL) {
        *length = 0;
        return NULL;
    }
    *length = strlen(cell->text);
    return cell->text;
}

size_t append_cell(char *buffer, size_t at, const struct cell *cell)
{
    size_t length;
    const char *text = cell_text(cell, &length);
    if (length == 1)
        buffer[at++] = *text;
    else {
        memcpy(buffer + at, text, length);
        at += length;
    }
    return at;
}

/* must be reported */

/* A NULL return that leaves the count as it was. */
int count_arguments_loosely(const char *text)
{
    unsigned count;
    struct modifier *list = parse_modifiers_loosely(text, &count);
    int total = 0;
    for (unsigned i = 0; i < count; i++)
        total += list[i].arguments; // expect: unchecked-alloc
    free(list);
    return total;
}

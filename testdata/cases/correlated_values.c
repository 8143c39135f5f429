/* A pointer whose nullness follows from an integer: a count, a length, a
 * mode. The NULL state carries what the branches that made it said about
 * those integers (intervals, "not these values"), so a later test of the
 * same integer that cannot hold with the pointer NULL refutes the path. */
#include <stdlib.h>
#include <string.h>

struct dict {
    int size;
    const char *name;
};

/* must stay silent */

/* NULL only while n <= 0, and the loop runs only while i < n. */
void fill_counted(int n)
{
    int *values = NULL;
    if (n > 0) {
        values = calloc((size_t)n, sizeof *values);
        if (!values)
            return;
    }
    for (int i = 0; i < n; i++)
        values[i] = i;
    free(values);
}

/* An unsigned count: NULL only while it is 0. */
void fill_sized(size_t count)
{
    char *buffer = NULL;
    if (count) {
        buffer = malloc(count);
        if (!buffer)
            return;
    }
    for (size_t i = 0; i < count; i++)
        buffer[i] = 0;
    free(buffer);
}

/* A mode selects the pointer; it is used only in that mode. */
int dictionary_size(struct dict *attached, int mode)
{
    struct dict *dict = mode == 2 ? attached : NULL;
    if (mode == 2 && attached == NULL)
        return -1;
    if (mode == 2)
        return dict->size;
    return 0;
}

/* A length that is 0 exactly when the name is absent. */
size_t copy_name(char *out, const struct dict *d)
{
    const char *name = NULL;
    size_t length = 0;
    if (d->name) {
        name = d->name;
        length = strlen(d->name);
    }
    if (length > 0)
        memcpy(out, name, length);
    return length;
}

/* Two unsigned counts compared: the capacity starts at 0 with no array,
 * and wanted + 1 is above it. */
int grow(size_t wanted)
{
    size_t *items = NULL;
    size_t capacity = 0;
    if (wanted + 1 > capacity) {
        items = malloc(sizeof *items * (wanted + 1));
        if (!items)
            return -1;
        capacity = wanted + 1;
    }
    items[0] = capacity;
    free(items);
    return 0;
}

/* The loop bound is another count than the one that decided the
 * allocation. Whether m > 0 can hold with n <= 0 depends on what the
 * caller passes, which the analysis cannot relate: a NULL the code made
 * itself is not reported where a test of other integer data decides
 * whether the use runs (no known witness path). */
void fill_other_bound(int n, int m)
{
    int *values = NULL;
    if (n > 0) {
        values = calloc((size_t)n, sizeof *values);
        if (!values)
            return;
    }
    for (int i = 0; i < m; i++)
        values[i] = i;
    free(values);
}

/* NULL only while the count, kept through a pointer, is 0; the cleanup
 * loop `while ((*count)--)` tests the count as it was before the decrement
 * (sds's sdssplitargs). */
char **split_words(const char *line, int *count, char *(*next_word)(const char **))
{
    char **words = NULL;
    *count = 0;
    while (*line) {
        char *word = next_word(&line);
        if (word == NULL)
            goto fail;
        char **grown = realloc(words, (size_t)(*count + 1) * sizeof *grown);
        if (grown == NULL) {
            free(word);
            goto fail;
        }
        words = grown;
        words[(*count)++] = word;
    }
    return words;
fail:
    while ((*count)--)
        free(words[*count]);
    free(words);
    return NULL;
}

/* strlen() returns a size_t, never below 0: a loop from 0 while
 * `start <= end` runs at least once, and its first turn sets the buffer. */
char *copy_with_length(const char *text)
{
    long start = 0, end = (long)strlen(text);
    char *copy = NULL;
    while (start <= end) {
        copy = realloc(copy, (size_t)end + 1);
        if (!copy)
            return NULL;
        start = end + 1;
    }
    copy[end] = '\0';
    return copy;
}

/* An enum with no negative value is an unsigned int: `type <= REPLACE`
 * compares as unsigned, and its false side is type > REPLACE, which ADD
 * is not. */
typedef enum { ADD, ENTER, BACK, DEL, JOIN, REPLACE, SPLIT_BEGIN, CUT } undo_type;
struct undo_item {
    undo_type type;
    int lineno;
};
struct text_line {
    char *data;
};
struct text_line *line_at(int lineno);
int undo_count;

char undo_first_char(struct undo_item *u, int verbose)
{
    struct text_line *line = NULL;
    if (u->type <= REPLACE)
        line = line_at(u->lineno);
    if (verbose)
        undo_count++;
    if (u->type > REPLACE)
        undo_count--;
    else
        undo_count++;
    if (u->type != ADD)
        return 0;
    return line->data[0];
}

/* An if-else chain over two address families leaves the address NULL
 * only for a third family; a later switch on the family reads it only for
 * the one that set it (nginx's ngx_cidr_match). */
struct address6 {
    unsigned char bytes[16];
};

int first_byte(unsigned family, struct address6 *given, unsigned plain)
{
    struct address6 *address6 = NULL;
    unsigned address = 0;
    if (family == 2)
        address = plain;
    else if (family == 10)
        address6 = given;
    switch (family) {
    case 10:
        return address6->bytes[0];
    case 2:
        return (int)(address & 0xff);
    }
    return -1;
}

/* must be reported */

/* the chain covers 2 and 10; family 1 reaches the default with no address */
int first_byte_default(unsigned family, struct address6 *given, unsigned plain)
{
    struct address6 *address6 = NULL;
    unsigned address = 0;
    if (family == 2)
        address = plain;
    else if (family == 10)
        address6 = given;
    switch (family) {
    case 2:
        return (int)(address & 0xff);
    default:
        return address6->bytes[0]; // expect: null-deref
    }
}

/* the count is 1 when the loop tests it: the body runs with the buffer NULL */
int first_of_one(int *count)
{
    char *buffer = NULL;
    *count = 1;
    while ((*count)--)
        return buffer[0]; // expect: null-deref
    return 0;
}

/* The mode test is the other way round: NULL reaches the use. */
int dictionary_size_wrong(struct dict *attached, int mode)
{
    struct dict *dict = mode == 2 ? attached : NULL;
    if (mode != 2)
        return dict->size; // expect: null-deref
    return 0;
}

/* NULL after the loop that should have set it, whatever the counts say. */
int last_positive(const int *values, int n)
{
    const int *found = NULL;
    for (int i = 0; i < n; i++)
        if (values[i] > 0)
            found = &values[i];
    return *found; // expect: null-deref
}

/* Set under a flag the use does not test. */
int set_under_flag(struct dict *attached, int flag)
{
    struct dict *dict = NULL;
    if (flag)
        dict = attached;
    return dict->size; // expect: null-deref
}

/* From 1, the loop need not run: an empty text leaves the buffer NULL. */
char *copy_with_length_from_one(const char *text)
{
    long start = 1, end = (long)strlen(text);
    char *copy = NULL;
    while (start <= end) {
        copy = realloc(copy, (size_t)end + 1);
        if (!copy)
            return NULL;
        start = end + 1;
    }
    copy[end] = '\0'; // expect: null-deref
    return copy;
}

/* CUT lies above REPLACE: no line was found for it. */
char undo_cut_first_char(struct undo_item *u, int verbose)
{
    struct text_line *line = NULL;
    if (u->type <= REPLACE)
        line = line_at(u->lineno);
    if (verbose)
        undo_count++;
    if (u->type > REPLACE)
        undo_count--;
    else
        undo_count++;
    if (u->type != CUT)
        return 0;
    return line->data[0]; // expect: null-deref
}

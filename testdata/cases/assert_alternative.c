/* An assertion with an alternative, assert(p != NULL || other), states an
 * invariant: the pointer is expected to be set unless the other side holds.
 * Its NULL test is not a sign that the pointer may be NULL, as an if would
 * be. An assertion that lets the pointer through when it is NULL still
 * makes it NULL. (With -DNDEBUG none of these assertions says anything.) */
// args: -std=gnu11
#include <assert.h>
#include <stdio.h>
#include <string.h>

struct output {
    FILE *file;
    int test_mode;
};

/* must stay silent */

int output_close(struct output *output)
{
    FILE *file = output->file;
    assert(file != NULL || output->test_mode != 0);
    output->file = NULL;
    return fclose(file);
}

size_t label_length(const char *label, size_t fallback)
{
    assert(label || fallback > 0);
    return strlen(label);
}

/* Flagged: the assertion passes when the pointer is NULL. */

int output_close_empty(struct output *output)
{
    FILE *file = output->file;
    assert(!file || output->test_mode);
    return fclose(file); // expect: null-deref
}

size_t name_length_after_assert(const char *name)
{
    assert(name == NULL);
    return strlen(name); // expect: null-deref
}

/* Flagged: an if with an alternative is a decision the code takes, not an
 * invariant it states. */

int output_close_checked(struct output *output)
{
    FILE *file = output->file;
    if (file == NULL && !output->test_mode)
        return -1;
    return fclose(file); // expect: null-deref
}

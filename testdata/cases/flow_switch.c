/* switch statements: each case starts from the state before the switch, a
 * case that falls through carries its state into the next one. */
#include <stdlib.h>
#include <string.h>

enum output_mode { OUTPUT_PLAIN, OUTPUT_COLOR, OUTPUT_JSON, OUTPUT_QUIET };

struct printer {
    char *prefix;
    int indent;
};

/* must stay silent */

int prefix_length(enum output_mode mode)
{
    const char *prefix = NULL;
    switch (mode) {
    case OUTPUT_COLOR:
        prefix = "\033[1m";
        /* fall through */
    case OUTPUT_PLAIN:
        if (prefix == NULL)
            prefix = "";
        break;
    case OUTPUT_JSON:
        prefix = "{";
        break;
    default:
        return 0;
    }
    return (int)strlen(prefix);
}

int printer_setup(struct printer *printer, enum output_mode mode)
{
    char *prefix = NULL;
    switch (mode) {
    case OUTPUT_JSON:
        prefix = strdup("  ");
        if (prefix == NULL)
            return -1;
        /* fall through */
    case OUTPUT_PLAIN:
    case OUTPUT_COLOR:
        printer->indent = prefix ? (int)strlen(prefix) : 0;
        break;
    case OUTPUT_QUIET:
        break;
    }
    printer->prefix = prefix;
    return 0;
}

/* A case for each enumerator: the default is for values the enum does
 * not have (an assertion, compiled out under NDEBUG, stands there). */
enum hook_type { HOOK_INPUT, HOOK_OUTPUT };

struct hook_lists {
    int inputs, outputs;
};

int *hook_count(struct hook_lists *lists, enum hook_type type)
{
    int *count = NULL;
    switch (type) {
    case HOOK_INPUT:
        count = &lists->inputs;
        break;
    case HOOK_OUTPUT:
        count = &lists->outputs;
        break;
    default:
        break;
    }
    ++*count;
    return count;
}

/* Flagged. */

int prefix_length_fallthrough(enum output_mode mode)
{
    const char *prefix = NULL;
    switch (mode) {
    case OUTPUT_COLOR:
        prefix = "\033[1m";
        /* fall through */
    case OUTPUT_PLAIN:
        return (int)strlen(prefix); // expect: null-deref
    default:
        return 0;
    }
}

int printer_indent(enum output_mode mode)
{
    char *prefix = NULL;
    switch (mode) {
    case OUTPUT_JSON:
        prefix = malloc(8);
        break;
    case OUTPUT_COLOR:
        prefix = strdup("\t");
        if (prefix == NULL)
            return -1;
        break;
    default:
        return 0;
    }
    prefix[0] = ' '; // expect: unchecked-alloc
    free(prefix);
    return 1;
}

/* A case is missing (HOOK_OUTPUT): the default is reached. */
int *input_count(struct hook_lists *lists, enum hook_type type)
{
    int *count = NULL;
    switch (type) {
    case HOOK_INPUT:
        count = &lists->inputs;
        break;
    default:
        break;
    }
    ++*count; // expect: null-deref
    return count;
}

/* An enum of flags: a value may combine them, and reach no case. */
enum open_flags { OPEN_READ = 1, OPEN_WRITE = 2, OPEN_APPEND = 4 };

const char *open_mode(enum open_flags flags)
{
    const char *mode = NULL;
    switch (flags) {
    case OPEN_READ:
        mode = "r";
        break;
    case OPEN_WRITE:
        mode = "w";
        break;
    case OPEN_APPEND:
        mode = "a";
        break;
    }
    return mode + (*mode == 'r'); // expect: null-deref
}

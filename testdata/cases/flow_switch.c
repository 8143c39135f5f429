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

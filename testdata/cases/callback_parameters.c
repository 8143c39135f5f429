/* A static function that no call of the file names is a callback: a
 * dispatcher the analysis does not see passes its arguments. Its test of
 * a parameter is the callback's caution (`args == NULL || ...` before it
 * hands args on), not a sign that the dispatcher passes NULL, so a use
 * after that test is not reported from the test alone. A static function
 * the file calls keeps its tests: its callers are known, and the test says
 * what they may pass. */
#include <stddef.h>
#include <string.h>

struct arguments {
    const char *format;
    int count;
};

struct mode {
    const char *name;
    int (*start)(const struct arguments *args);
};

extern int mode_tree_start(const struct arguments *args, const char *format);

/* must stay silent */

static int buffer_start(const struct arguments *args)
{
    const char *format;
    if (args == NULL || args->format == NULL)
        format = "#{buffer_name}";
    else
        format = args->format;
    return mode_tree_start(args, format) + args->count;
}

const struct mode buffer_mode = {"buffer-mode", buffer_start};

/* must be reported */

static int client_start(const struct arguments *args)
{
    const char *format;
    if (args == NULL || args->format == NULL)
        format = "#{client_name}";
    else
        format = args->format;
    return (int)strlen(format) + args->count; // expect: null-deref
}

int choose_client(const struct arguments *args)
{
    return client_start(args);
}

/* A local set to NULL first and overwritten only where a parameter is not
 * NULL returns NULL only for a NULL argument: that is the caller's
 * precondition, as with `if (!con) return NULL;` (popt's poptGetOptArg).
 * A NULL kept where a search misses, or where the program's own state
 * says so, is a NULL its callers must test. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct option_state {
    const char *next_argument;
    int ready;
};

struct entry {
    const char *name;
    struct entry *next;
};

const char *state_take_argument(struct option_state *state)
{
    const char *argument = NULL;
    if (state) {
        argument = state->next_argument;
        state->next_argument = NULL;
    }
    return argument;
}

static int ready;

static const char *state_argument_when_ready(struct option_state *state)
{
    const char *argument = NULL;
    if (ready)
        argument = state->next_argument;
    return argument;
}

/* NULL for an empty string too: data a caller may pass */
static char *copy_if_any(const char *text)
{
    char *copy = NULL;
    if (text && *text)
        copy = strdup(text);
    return copy;
}

static struct entry *find_entry(struct entry *list, const char *name)
{
    struct entry *found = NULL;
    for (struct entry *entry = list; entry; entry = entry->next) {
        if (strcmp(entry->name, name) == 0) {
            found = entry;
            break;
        }
    }
    return found;
}

/* must stay silent */

size_t argument_length(struct option_state *state)
{
    return strlen(state_take_argument(state));
}

/* must be reported */

size_t argument_length_without_state(void)
{
    return strlen(state_take_argument(NULL)); // expect: unchecked-nullable
}

size_t argument_length_when_ready(struct option_state *state)
{
    return strlen(state_argument_when_ready(state)); // expect: unchecked-nullable
}

size_t copied_length(const char *text)
{
    return strlen(copy_if_any(text)); // expect: unchecked-nullable
}

size_t entry_name_length(struct entry *list, const char *name)
{
    return strlen(find_entry(list, name)->name); // expect: unchecked-lookup
}

/* The other half of the recursion. */
#include <stddef.h>
#include <string.h>

#include "names.h"

static const char *aliases[16][2];

struct entry *find_alias(const char *name)
{
    for (int i = 0; i < 16; i++)
        if (aliases[i][0] && strcmp(aliases[i][0], name) == 0)
            return find_entry(aliases[i][1]);
    return NULL;
}

int alias_depth(const struct entry *entry)
{
    return entry->id > 0 ? entry_depth(entry) : 0;
}

/* find_entry() and find_alias() (aliases.c) call each other. */
#include <stddef.h>
#include <string.h>

#include "names.h"

static struct entry entries[16];

struct entry *find_entry(const char *name)
{
    for (int i = 0; i < 16; i++) {
        if (!entries[i].name || strcmp(entries[i].name, name) != 0)
            continue;
        if (entries[i].alias_of)
            return find_alias(entries[i].alias_of);
        return &entries[i];
    }
    return NULL;
}

int entry_depth(const struct entry *entry)
{
    return entry->alias_of ? alias_depth(entry) + 1 : entry->id;
}

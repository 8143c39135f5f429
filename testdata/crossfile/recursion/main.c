/* Summaries of functions that call each other across two files. */
#include "names.h"

int id_unchecked(const char *name)
{
    struct entry *found = find_entry(name);
    return found->id; // expect: unchecked-lookup
}

int id_checked(const char *name)
{
    struct entry *found = find_alias(name);
    return found ? found->id : -1;
}

int depth_unchecked(const char *name)
{
    struct entry *found = find_alias(name);
    return entry_depth(found); // expect: unchecked-lookup
}

/* Calls of the wrappers of xmalloc.c from another file: a size the caller
 * does not know to be 0 gets memory or never comes back. */
#include <string.h>

#include "xalloc.h"

struct entry {
    char *name;
    int value;
};

/* must stay silent */

struct entry *entry_new(const char *name)
{
    struct entry *entry = xmalloc(sizeof *entry);
    size_t length = strlen(name);
    entry->name = xmalloc(length + 1);
    memcpy(entry->name, name, length + 1);
    entry->value = 0;
    return entry;
}

struct entry *entries_grow(struct entry *entries, size_t count)
{
    entries = xreallocarray(entries, count + 1, sizeof *entries);
    entries[count].value = 0;
    return entries;
}

char *buffer_grow(char *buffer, size_t size)
{
    buffer = xrealloc(buffer, size);
    buffer[0] = '\0';
    return buffer;
}

/* must be reported */

char *buffer_empty(void)
{
    char *buffer = xmalloc(0);
    buffer[0] = '\0'; // expect: unchecked-alloc
    return buffer;
}

struct entry *entries_none(struct entry *entries)
{
    entries = xreallocarray(entries, 0, sizeof *entries);
    entries[0].value = 0; // expect: unchecked-alloc
    return entries;
}

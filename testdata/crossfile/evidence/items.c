/* item_at() returns NULL when nothing is at the index, but no caller in the
 * program ever tests it (they pass indexes they know): a weak NULL, not
 * reported. item_named() is tested by one caller: its NULL is believed. */
#include <stddef.h>
#include <string.h>

#include "net.h"

static struct item items[32];

struct item *item_at(int index)
{
    for (int i = 0; i < 32; i++)
        if (i == index && items[i].name)
            return &items[i];
    return NULL;
}

struct item *item_named(const char *name)
{
    for (int i = 0; i < 32; i++)
        if (items[i].name && strcmp(items[i].name, name) == 0)
            return &items[i];
    return NULL;
}

/* A lookup with a flag that says "create what is missing": it returns
 * NULL only when the flag is 0. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "tables.h"

static struct table *tables;

static struct table *table_find(const char *name)
{
    for (struct table *table = tables; table; table = table->next)
        if (strcmp(table->name, name) == 0)
            return table;
    return NULL;
}

struct table *table_get(const char *name, int create)
{
    struct table *table = table_find(name);
    if (table != NULL || !create)
        return table;
    table = calloc(1, sizeof *table);
    if (table == NULL)
        abort();
    table->name = name;
    table->next = tables;
    tables = table;
    return table;
}

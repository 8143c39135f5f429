/* Calls of table_get() (tables.c) from another file: with the flag set it
 * never returns NULL; without it, it is a lookup. */
#include <stddef.h>

#include "tables.h"

/* must stay silent */

int hold(const char *name)
{
    struct table *table = table_get(name, 1);
    return ++table->references;
}

int references_checked(const char *name)
{
    struct table *table = table_get(name, 0);
    return table ? table->references : 0;
}

/* must be reported */

int references_unchecked(const char *name)
{
    struct table *table = table_get(name, 0);
    return table->references; // expect: unchecked-lookup
}

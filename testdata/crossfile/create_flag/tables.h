#ifndef TABLES_H
#define TABLES_H

struct table {
    const char *name;
    int references;
    struct table *next;
};

/* The table named `name`; when there is none, a new one if `create`,
 * else NULL. */
struct table *table_get(const char *name, int create);

#endif

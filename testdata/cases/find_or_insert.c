/* A find that inserts unless told not to: table_find(t, key, data_when_new)
 * returns the key's node when the key is there, whatever data_when_new is,
 * and NULL only when it is missing and data_when_new is NULL. A caller that
 * passes a default gets a node; one that passes NULL asks "is it there?",
 * whose answer may be either (not NULL for sure, as a function that returns
 * NULL first thing for a NULL argument would give). */
#include <stddef.h>
#include <stdlib.h>

struct node {
    long key;
    void *data;
};

struct table {
    long size;
    struct node *nodes;
};

static void *table_find(struct table *table, long key, void *data_when_new)
{
    struct node *node;
    long at = key;
    while (1) {
        node = &table->nodes[at % table->size];
        if (node->key == key)
            return node;
        if (node->key == 0) {
            if (!data_when_new)
                return NULL;
            break;
        }
        at++;
    }
    node->key = key;
    node->data = data_when_new;
    return node;
}

static void *placeholder = "";

void *lookup_only(struct table *table, long key)
{
    struct node *node = table_find(table, key, NULL);
    return node->data; // expect: unchecked-lookup
}

/* The code after the test runs: the key may be there. */
char *copy_found(struct table *table, long key)
{
    struct node *node = table_find(table, key, NULL);
    if (node == NULL)
        return NULL;
    char *copy = malloc(8);
    copy[0] = *(char *)node->data; // expect: unchecked-alloc
    return copy;
}

/* must stay silent */

void *find_or_add(struct table *table, long key)
{
    struct node *node = table_find(table, key, (void *)-1L);
    return node->data;
}

void *find_or_add_placeholder(struct table *table, long key)
{
    struct node *node = table_find(table, key, placeholder);
    return node->data;
}

void *find_or_add_given(struct table *table, long key, void *data)
{
    if (data == NULL)
        return NULL;
    struct node *node = table_find(table, key, data);
    return node->data;
}

/* nothing says the caller's fallback may be NULL */
void *find_or_add_fallback(struct table *table, long key, void *fallback)
{
    struct node *node = table_find(table, key, fallback);
    return node->data;
}

void *find_tested(struct table *table, long key)
{
    struct node *node = table_find(table, key, NULL);
    return node ? node->data : NULL;
}

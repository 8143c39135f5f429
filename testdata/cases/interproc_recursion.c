/* Recursive and mutually recursive functions get summaries like any other
 * (the analysis must terminate): a recursive search that returns NULL at the
 * bottom is a lookup for its callers. A function whose calls to itself never
 * pass NULL for the parameter it tests (a hash table's find that inserts
 * unless told not to, and rehashes by calling itself with the data set)
 * returns NULL only when its caller passes NULL there. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct node {
    int key;
    const char *value;
    struct node *left;
    struct node *right;
};

static struct node *tree_find(struct node *node, int key)
{
    if (node == NULL)
        return NULL;
    if (key == node->key)
        return node;
    return tree_find(key < node->key ? node->left : node->right, key);
}

static int tree_depth(const struct node *node)
{
    if (!node)
        return 0;
    int left = tree_depth(node->left);
    int right = tree_depth(node->right);
    return 1 + (left > right ? left : right);
}

static int is_odd_length(const struct node *node);

static int is_even_length(const struct node *node)
{
    return node == NULL ? 1 : is_odd_length(node->left);
}

static int is_odd_length(const struct node *node)
{
    return node == NULL ? 0 : is_even_length(node->left);
}

/* Dereferences its parameter on every path, then recurses. */
static const struct node *leftmost(const struct node *node)
{
    return node->left ? leftmost(node->left) : node;
}

struct slot {
    long key;
    void *data;
};

struct table {
    long size;
    struct slot *slots;
};

/* Returns the key's slot, NULL when it is missing and data_when_new is NULL;
 * otherwise inserts. Grows by re-inserting every old slot's data. */
static struct slot *slot_find(struct table *table, long key, void *data_when_new)
{
    if (table->size == 0) {
        struct slot *old = table->slots;
        if (old->data)
            slot_find(table, old->key, old->data);
        else
            slot_find(table, old->key, "")->data = NULL;
    }
    long at = key;
    struct slot *slot;
    while (1) {
        slot = &table->slots[at % table->size];
        if (slot->key == key)
            return slot;
        if (slot->key == 0) {
            if (!data_when_new)
                return NULL;
            break;
        }
        at++;
    }
    slot->key = key;
    slot->data = data_when_new;
    return slot;
}

const char *value_for(struct node *root, int key)
{
    struct node *node = tree_find(root, key);
    return node->value; // expect: unchecked-lookup
}

int smallest_key_under(struct node *root, int key)
{
    return leftmost(tree_find(root, key))->key; // expect: unchecked-lookup
}

void *slot_data(struct table *table, long key)
{
    return slot_find(table, key, NULL)->data; // expect: unchecked-lookup
}

/* Not found is one answer, not the only one: the code after the test runs. */
char *slot_copy(struct table *table, long key)
{
    struct slot *slot = slot_find(table, key, NULL);
    if (slot == NULL)
        return NULL;
    char *copy = malloc(8);
    copy[0] = *(char *)slot->data; // expect: unchecked-alloc
    return copy;
}

/* must stay silent */

const char *value_for_checked(struct node *root, int key)
{
    struct node *node = tree_find(root, key);
    return node != NULL ? node->value : "";
}

int shape(const struct node *root)
{
    return tree_depth(root) * 2 + is_even_length(root);
}

void *slot_data_or_insert(struct table *table, long key)
{
    return slot_find(table, key, (void *)-1L)->data;
}

int smallest_key(const struct node *root)
{
    if (root == NULL)
        return -1;
    return leftmost(root)->key;
}

/* Recursive and mutually recursive functions get summaries like any other
 * (the analysis must terminate): a recursive search that returns NULL at the
 * bottom is a lookup for its callers. */
#include <stddef.h>
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

const char *value_for(struct node *root, int key)
{
    struct node *node = tree_find(root, key);
    return node->value; // expect: unchecked-lookup
}

int smallest_key_under(struct node *root, int key)
{
    return leftmost(tree_find(root, key))->key; // expect: unchecked-lookup
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

int smallest_key(const struct node *root)
{
    if (root == NULL)
        return -1;
    return leftmost(root)->key;
}

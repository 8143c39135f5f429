/* Functions the file exports, each testing its parameter. When every call
 * of the program passes that parameter set (main.c) and nothing else can
 * call the function, the test is caution, as in a static helper: the use
 * after it and a test after a use are not reported. */
#include <stdio.h>

#include "nodes.h"

/* must stay silent: every call passes the node set */

int node_kind(const struct node *node)
{
    if (node)
        fputs("kind\n", stderr);
    return node->kind;
}

int node_weight(const struct node *node)
{
    int weight = node->weight;
    if (node == NULL)
        return 0;
    return weight;
}

/* must be reported */

/* one call passes a node nothing says is set */
int node_depth(const struct node *node)
{
    if (node)
        fputs("depth\n", stderr);
    return node->depth; // expect: null-deref
}

/* a callback too: calls nobody sees may pass anything */
int node_rank(const struct node *node)
{
    if (node)
        fputs("rank\n", stderr);
    return node->rank; // expect: null-deref
}

/* no call in the program: an interface */
int node_size(const struct node *node)
{
    if (node)
        fputs("size\n", stderr);
    return node->size; // expect: null-deref
}

int node_color(const struct node *node)
{
    int color = node->color;
    if (node == NULL) // expect: check-after-deref
        return 0;
    return color;
}

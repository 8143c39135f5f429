/* Accessors that answer for some kinds of node and give NULL for the
 * others: a caller that tested the kind gets what that kind gives. */
#include <stddef.h>

#include "node.h"

const char *node_get_url(const struct node *node)
{
    if (node == NULL)
        return NULL;
    switch (node->type) {
    case NODE_LINK:
    case NODE_IMAGE:
        return node->url ? node->url : "";
    default:
        break;
    }
    return NULL;
}

const char *node_get_literal(const struct node *node)
{
    if (node->type == NODE_CODE)
        return node->literal ? node->literal : "";
    return NULL;
}

#include <string.h>

#include "node.h"

/* The kind was tested: a link has a URL. */
size_t link_length(const struct node *node)
{
    if (node->type != NODE_LINK)
        return 0;
    const char *url = node_get_url(node);
    if (url && *url == '#')
        return 1;
    return strlen(url);
}

size_t code_length(const struct node *node)
{
    if (node->type == NODE_CODE)
        return strlen(node_get_literal(node));
    return 0;
}

/* An image has one too; text has none. */
size_t image_or_text_length(const struct node *node)
{
    const char *url = node_get_url(node);
    if (node->type == NODE_IMAGE && url == NULL)
        return 0;
    if (url && *url == '#')
        return 1;
    return strlen(url); // expect: null-deref
}

/* An accessor that answers for some kinds of node and returns NULL for
 * the others: the caller's test of the kind (a member of the argument)
 * selects what it returns. A caller that tested for a kind it answers for
 * gets a value; one that tested for another kind gets NULL. */
#include <stddef.h>
#include <string.h>

enum node_type { NODE_TEXT, NODE_LINK, NODE_IMAGE };

struct node {
    enum node_type type;
    char *url;
};

static const char *node_get_url(const struct node *node)
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

/* must stay silent */

size_t link_length(const struct node *node)
{
    if (node->type != NODE_LINK)
        return 0;
    const char *url = node_get_url(node);
    if (url && *url == '#')
        return 1;
    return strlen(url);
}

/* must be reported */

size_t text_url_length(const struct node *node)
{
    if (node->type != NODE_TEXT)
        return 0;
    return strlen(node_get_url(node)); // expect: unchecked-lookup
}

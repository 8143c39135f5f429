#ifndef NODE_H
#define NODE_H

enum node_type { NODE_TEXT, NODE_LINK, NODE_IMAGE, NODE_CODE };

struct node {
    enum node_type type;
    char *url;
    char *literal;
};

/* The link or image target ("" when it has none); NULL for a NULL node
 * and for the other kinds. */
const char *node_get_url(const struct node *node);

/* The text of a code span; NULL for the other kinds. */
const char *node_get_literal(const struct node *node);

#endif

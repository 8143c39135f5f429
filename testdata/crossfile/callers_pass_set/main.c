/* The calls of nodes.c's functions: the nodes are set, but one given to
 * node_depth() and node_color() comes from elsewhere, and node_rank() is
 * also put in a table. */
#include "nodes.h"

extern struct node *current;

static struct node root;

static int (*const measures[])(const struct node *) = {node_rank};

int main(void)
{
    struct node local = {1, 2, 3, 4, 5, 6};
    int total = node_kind(&root) + node_kind(&local);
    total += node_weight(&root) + node_weight(&local);
    total += node_depth(&root) + node_depth(current);
    total += node_rank(&root) + measures[0](&local);
    total += node_color(&root) + node_color(current);
    return total;
}

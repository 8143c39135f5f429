struct node {
    int kind, weight, depth, rank, size, color;
};

int node_kind(const struct node *node);
int node_weight(const struct node *node);
int node_depth(const struct node *node);
int node_rank(const struct node *node);
int node_size(const struct node *node);
int node_color(const struct node *node);

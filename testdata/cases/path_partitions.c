/* A pointer NULL on some paths and set on others is followed separately
 * on each (a bounded number of states per block), so facts that travel
 * with it (a counter, a flag) keep the two apart. */
#include <stddef.h>

extern unsigned fill(const unsigned char **buffer);

struct node {
    int value;
    struct node *next;
};

/* must stay silent */

/* The buffer is filled on the first pass, when `have` is still 0. */
int sum_stream(void)
{
    const unsigned char *next = NULL;
    unsigned have = 0;
    int total = 0;
    for (;;) {
        if (have == 0)
            have = fill(&next);
        if (have == 0)
            break;
        have--;
        total += *next++;
    }
    return total;
}

/* `first` says whether prev was set yet. */
int count_rises(struct node *list)
{
    struct node *prev = NULL;
    int first = 1, rises = 0;
    for (struct node *node = list; node; node = node->next) {
        if (!first && node->value > prev->value)
            rises++;
        first = 0;
        prev = node;
    }
    return rises;
}

/* Two pointers set together (a match and its node) stay together through
 * a loop that walks a tree to NULL and tests an invariant pointer: the
 * pointers a block tests, and those never read again, do not use up the
 * states kept per block. */
struct trie {
    int accepting;
    int shift;
    struct tree *links;
};

struct tree {
    struct tree *left, *right;
    struct trie *trie;
    unsigned char label;
};

int longest_match(struct trie *const *next, const unsigned char *fold, const char *text,
                  const char *limit, int *index)
{
    const struct trie *trie, *accept = NULL;
    const char *match = NULL, *end = text, *begin;
    const struct tree *tree;
    unsigned char c;
    while (end < limit) {
        c = (unsigned char)*end++;
        begin = end - 1;
        trie = next[c];
        if (trie->accepting) {
            match = begin;
            accept = trie;
        }
        while (begin > text) {
            c = fold ? fold[(unsigned char)*--begin] : (unsigned char)*--begin;
            tree = trie->links;
            while (tree && c != tree->label)
                tree = c < tree->label ? tree->left : tree->right;
            if (!tree)
                break;
            trie = tree->trie;
            if (trie->accepting) {
                match = begin;
                accept = trie;
            }
        }
        if (match)
            break;
    }
    if (!match)
        return -1;
    *index = accept->accepting / 2;
    return (int)(match - text);
}

/* Two invariant pointers tested inside the walk (a case-folding table and
 * a substitution table) make eight states where the pair must stay apart. */
int longest_match_folded(struct trie *const *next, const unsigned char *fold,
                         const unsigned char *substitute, const char *text,
                         const char *limit, int *index)
{
    const struct trie *trie, *accept = NULL;
    const char *match = NULL, *end = text, *begin;
    const struct tree *tree;
    unsigned char c;
    while (end < limit) {
        c = (unsigned char)*end++;
        begin = end - 1;
        trie = next[c];
        if (trie->accepting) {
            match = begin;
            accept = trie;
        }
        while (begin > text) {
            c = fold ? fold[(unsigned char)*--begin] : (unsigned char)*--begin;
            if (substitute)
                c = substitute[c];
            tree = trie->links;
            while (tree && c != tree->label)
                tree = c < tree->label ? tree->left : tree->right;
            if (!tree)
                break;
            trie = tree->trie;
            if (trie->accepting) {
                match = begin;
                accept = trie;
            }
        }
        if (match)
            break;
    }
    if (!match)
        return -1;
    *index = accept->accepting / 2;
    return (int)(match - text);
}

/* A red-black tree's removal fix-up: when not both children of the
 * sibling are NULL or black, and the left one is, the right one is set.
 * The paths where a test found it set stay apart from those where nothing
 * is known of it. */
enum { BLACK, RED };
struct rb_node {
    struct rb_node *left, *right;
    int color;
};

void rotate_sibling(struct rb_node *parent, struct rb_node *sibling)
{
    if ((sibling->left == NULL || sibling->left->color == BLACK) &&
        (sibling->right == NULL || sibling->right->color == BLACK)) {
        sibling->color = RED;
        return;
    }
    if (sibling->left == NULL || sibling->left->color == BLACK) {
        struct rb_node *right;
        if ((right = sibling->right))
            right->color = BLACK;
        sibling->color = RED;
        sibling->right = right->left;
    }
    sibling->color = parent->color;
}

/* Flagged. */

/* prev is NULL in the first iteration. */
int count_rises_unchecked(struct node *list)
{
    struct node *prev = NULL;
    int rises = 0;
    for (struct node *node = list; node; node = node->next) {
        if (node->value > prev->value) // expect: null-deref
            rises++;
        prev = node;
    }
    return rises;
}

char first_byte(int ready)
{
    const char *text = NULL;
    if (ready)
        text = "ready";
    return text[0]; // expect: null-deref
}

/* The match is recorded without its node. */
int longest_match_unpaired(struct trie *const *next, const char *text, const char *limit,
                           int *index)
{
    const struct trie *trie, *accept = NULL;
    const char *match = NULL, *end = text;
    while (end < limit) {
        trie = next[(unsigned char)*end++];
        if (trie->accepting)
            match = end - 1;
        if (match)
            break;
    }
    if (!match)
        return -1;
    *index = accept->accepting / 2; // expect: null-deref
    return (int)(match - text);
}

/* Without the test of both children first, the right one may be NULL. */
void rotate_sibling_unchecked(struct rb_node *sibling)
{
    if (sibling->left == NULL || sibling->left->color == BLACK) {
        struct rb_node *right;
        if ((right = sibling->right))
            right->color = BLACK;
        sibling->right = right->left; // expect: null-deref
    }
}

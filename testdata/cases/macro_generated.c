/* In a function that a macro generates (a tree's RB_GENERATE, a list's
 * generator), a NULL test is the generic algorithm's, written once for
 * every type the macro is used with: a rotation that tests the child it
 * moves before fixing its parent link says nothing of which nodes the
 * tree's invariants keep set. A use after such a test is not reported
 * from the test alone. The same code written out by hand is the author's
 * own and is reported. */
#include <stddef.h>

#define TREE_ENTRY(type)                                                                     \
    struct {                                                                                 \
        struct type *left, *right, *parent;                                                  \
        int red;                                                                             \
    }

#define TREE_ROTATE_LEFT(node, pivot, field)                                                 \
    do {                                                                                     \
        if (((node)->field.right = (pivot)->field.left) != NULL)                             \
            (pivot)->field.left->field.parent = (node);                                      \
        (pivot)->field.left = (node);                                                        \
        (node)->field.parent = (pivot);                                                      \
    } while (0)

/* Recolours after a removal on the left of `parent` whose sibling is red:
 * the rotation brings the sibling's left child, which a red node has, to
 * be the new sibling. */
#define TREE_GENERATE(name, type, field)                                                     \
    static void name##_recolour(struct type *parent)                                         \
    {                                                                                        \
        struct type *sibling = parent->field.right;                                          \
        if (sibling->field.red) {                                                            \
            sibling->field.red = 0;                                                          \
            parent->field.red = 1;                                                           \
            TREE_ROTATE_LEFT(parent, sibling, field);                                        \
            sibling = parent->field.right;                                                   \
        }                                                                                    \
        sibling->field.red = 1;                                                              \
    }

struct timer {
    long deadline;
    TREE_ENTRY(timer) entry;
};

/* must stay silent */

TREE_GENERATE(timers, timer, entry)

void timers_removed(struct timer *parent)
{
    timers_recolour(parent);
}

/* must be reported */

/* Written out by hand, the test is this function's own: after it found
 * the moved child NULL, the new sibling is NULL on that path. */
void timers_recolour_by_hand(struct timer *parent)
{
    struct timer *sibling = parent->entry.right;
    if (sibling->entry.red) {
        sibling->entry.red = 0;
        parent->entry.red = 1;
        if ((parent->entry.right = sibling->entry.left) != NULL)
            sibling->entry.left->entry.parent = parent;
        sibling->entry.left = parent;
        parent->entry.parent = sibling;
        sibling = parent->entry.right;
    }
    sibling->entry.red = 1; // expect: null-deref
}

/*
 * cursors: children of libclang cursors and small cursor helpers. libclang
 * has no child accessor, and a clang_visitChildren per node costs more
 * than the rest of the lowering, so while a function is lowered one visit
 * builds a tree of its cursors (children per cursor, found by hashing);
 * other cursors are visited on demand. It knows nothing of the IR.
 */
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "../support/heap_array.h"
#include "../support/xalloc.h"

static enum CXChildVisitResult collect_child(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct cursor_list *list = data;
    if (list->count == list->capacity) {
        int capacity = list->capacity * 2;
        CXCursor *items = xmalloc((size_t)capacity * sizeof *items);
        memcpy(items, list->items, (size_t)list->count * sizeof *items);
        if (list->items != list->inline_items)
            free(list->items);
        list->items = items;
        list->capacity = capacity;
    }
    list->items[list->count++] = cursor;
    return CXChildVisit_Continue;
}

static bool is_code(CXCursor cursor)
{
    return cursor_kind_is_code(clang_getCursorKind(cursor));
}

static enum CXChildVisitResult collect_code_child(CXCursor cursor, CXCursor parent,
                                                  CXClientData data)
{
    if (is_code(cursor))
        return collect_child(cursor, parent, data);
    return CXChildVisit_Continue;
}

static void cursor_list_init(struct cursor_list *list)
{
    list->items = list->inline_items;
    list->count = 0;
    list->capacity = (int)(sizeof list->inline_items / sizeof list->inline_items[0]);
}

/* The tree's index: open addressing over small slots (the cursor itself
 * is cursors[node]), cleared by bumping the generation. */
static struct cursor_tree_slot *tree_slot(const struct cursor_tree *tree, CXCursor cursor,
                                          unsigned hash)
{
    size_t mask = tree->slot_capacity - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        struct cursor_tree_slot *slot = &tree->slots[i];
        if (slot->generation != tree->generation ||
            (slot->hash == hash && cursors_equal(tree->cursors[slot->node], cursor)))
            return slot;
    }
}

static void tree_grow_index(struct cursor_tree *tree)
{
    struct cursor_tree_slot *old = tree->slots;
    size_t old_capacity = tree->slot_capacity;
    tree->slot_capacity = old_capacity ? old_capacity * 2 : 512;
    tree->slots = xcalloc(tree->slot_capacity, sizeof *tree->slots);
    for (size_t i = 0; i < old_capacity; i++) {
        if (old[i].generation != tree->generation)
            continue;
        size_t mask = tree->slot_capacity - 1, slot = old[i].hash & mask;
        while (tree->slots[slot].generation == tree->generation)
            slot = (slot + 1) & mask;
        tree->slots[slot] = old[i];
    }
    free(old);
}

enum { INDEX_LOOKAHEAD = 16 };
#if defined(__GNUC__)
#define PREFETCH(address) __builtin_prefetch(address)
#else
#define PREFETCH(address) ((void)(address))
#endif

/* The node of `cursor`, inserting it as `node` when absent. */
static int tree_index_insert(struct cursor_tree *tree, CXCursor cursor, int node)
{
    if ((size_t)(tree->node_count + 1) * 2 > tree->slot_capacity)
        tree_grow_index(tree);
    unsigned hash = cursor_hash(cursor);
    struct cursor_tree_slot *slot = tree_slot(tree, cursor, hash);
    if (slot->generation == tree->generation)
        return slot->node;
    slot->hash = hash;
    slot->generation = tree->generation;
    slot->node = node;
    return node;
}

static void tree_index_clear(struct cursor_tree *tree)
{
    if (++tree->generation == 0) { /* wrapped: wipe once */
        if (tree->slots)
            memset(tree->slots, 0, tree->slot_capacity * sizeof *tree->slots);
        memset(tree->recent, 0, sizeof tree->recent);
        tree->generation = 1;
    }
}

static void remember_recent(struct cursor_tree *tree, unsigned hash, int node)
{
    struct cursor_tree_slot *recent = &tree->recent[hash % CURSOR_TREE_RECENT];
    recent->hash = hash;
    recent->generation = tree->generation;
    recent->node = node;
}

static const struct cursor_node *tree_node(struct frontend_unit *unit, CXCursor cursor)
{
    struct cursor_tree *tree = &unit->tree;
    if (!tree->active)
        return NULL;
    unsigned hash = cursor_hash(cursor);
    const struct cursor_tree_slot *recent = &tree->recent[hash % CURSOR_TREE_RECENT];
    if (recent->generation == tree->generation && recent->hash == hash &&
        cursors_equal(tree->cursors[recent->node], cursor))
        return &tree->nodes[recent->node];
    const struct cursor_tree_slot *slot = tree_slot(tree, cursor, hash);
    if (slot->generation != tree->generation)
        return NULL;
    remember_recent(tree, hash, slot->node);
    return &tree->nodes[slot->node];
}

/* The cursors of `count` node ids of the tree, into the list. */
static void list_nodes(struct cursor_tree *tree, const int *ids, int count,
                       struct cursor_list *list)
{
    cursor_list_init(list);
    if (count > list->capacity) {
        list->items = xmalloc((size_t)count * sizeof *list->items);
        list->capacity = count;
    }
    for (int i = 0; i < count; i++) {
        list->items[i] = tree->cursors[ids[i]];
        remember_recent(tree, cursor_hash(list->items[i]), ids[i]);
    }
    list->count = count;
}

void cursor_children(struct frontend_unit *unit, CXCursor parent, struct cursor_list *list)
{
    const struct cursor_node *node = tree_node(unit, parent);
    if (node) {
        list_nodes(&unit->tree, unit->tree.all_children + node->all_first, node->all_count, list);
        return;
    }
    cursor_list_init(list);
    clang_visitChildren(parent, collect_child, list);
}

void cursor_code_children(struct frontend_unit *unit, CXCursor parent, struct cursor_list *list)
{
    const struct cursor_node *node = tree_node(unit, parent);
    if (node) {
        list_nodes(&unit->tree, unit->tree.code_children + node->code_first, node->code_count,
                   list);
        return;
    }
    cursor_list_init(list);
    clang_visitChildren(parent, collect_code_child, list);
}

CXCursor cursor_parent(struct frontend_unit *unit, CXCursor cursor)
{
    const struct cursor_node *node = tree_node(unit, cursor);
    if (!node || node->parent < 0)
        return clang_getNullCursor();
    return unit->tree.cursors[node->parent];
}

void cursor_list_free(struct cursor_list *list)
{
    if (list->items != list->inline_items)
        free(list->items);
    cursor_list_init(list);
}

CXCursor cursor_first_expression(struct frontend_unit *unit, CXCursor parent)
{
    struct cursor_list children;
    cursor_code_children(unit, parent, &children);
    CXCursor found = clang_getNullCursor();
    for (int i = 0; i < children.count; i++) {
        if (clang_isExpression(clang_getCursorKind(children.items[i]))) {
            found = children.items[i];
            break;
        }
    }
    cursor_list_free(&children);
    return found;
}

CXCursor cursor_single_expression(struct frontend_unit *unit, CXCursor parent)
{
    struct cursor_list children;
    cursor_code_children(unit, parent, &children);
    CXCursor found = clang_getNullCursor();
    int count = 0;
    for (int i = 0; i < children.count; i++) {
        if (clang_isExpression(clang_getCursorKind(children.items[i]))) {
            found = children.items[i];
            count++;
        }
    }
    cursor_list_free(&children);
    return count == 1 ? found : clang_getNullCursor();
}

static int tree_add_node(struct cursor_tree *tree, CXCursor cursor)
{
    if (tree->node_count == tree->node_capacity) {
        int capacity = tree->node_capacity ? tree->node_capacity * 2 : 256;
        tree->nodes = xrealloc(tree->nodes, (size_t)capacity * sizeof *tree->nodes);
        tree->cursors = xrealloc(tree->cursors, (size_t)capacity * sizeof *tree->cursors);
        tree->node_capacity = capacity;
    }
    int id = tree->node_count++;
    memset(&tree->nodes[id], 0, sizeof tree->nodes[id]);
    tree->cursors[id] = cursor;
    return id;
}

static void tree_add_edge(struct cursor_tree *tree, int parent, int child)
{
    if (tree->edge_count == tree->edge_capacity)
        tree->edges = heap_array_reserve(tree->edges, &tree->edge_capacity, tree->edge_count + 1,
                                         sizeof *tree->edges);
    tree->edges[tree->edge_count].parent = parent;
    tree->edges[tree->edge_count].child = child;
    tree->edge_count++;
}

static enum CXChildVisitResult build_tree(CXCursor cursor, CXCursor parent, CXClientData data)
{
    struct cursor_tree *tree = data;
    /* the visit is depth-first: the parent is on the stack of open nodes */
    while (tree->stack_count > 1 &&
           !cursors_equal(parent, tree->cursors[tree->stack[tree->stack_count - 1]]))
        tree->stack_count--;
    int parent_id = tree->stack[tree->stack_count - 1];
    /* A case label's constant is visited as a child of itself (its
     * ConstantExpr wrapper has the same cursor): no edge, its children are
     * the real ones. A self-edge would make the label its own operand. */
    if (parent_id != 0 && cursors_equal(cursor, tree->cursors[parent_id]))
        return CXChildVisit_Recurse;
    /* A cursor visited again (GNU ?: shares its operand) gets a node of its
     * own here; the index, built afterwards, finds the first. */
    int id = tree_add_node(tree, cursor);
    tree->nodes[id].parent = parent_id;
    tree_add_edge(tree, parent_id, id);
    if (tree->stack_count == tree->stack_capacity)
        tree->stack = heap_array_reserve(tree->stack, &tree->stack_capacity, tree->stack_count + 1,
                                         sizeof *tree->stack);
    tree->stack[tree->stack_count++] = id;
    return CXChildVisit_Recurse;
}

void cursor_tree_build(struct frontend_unit *unit, CXCursor root)
{
    struct cursor_tree *tree = &unit->tree;
    tree->active = false;
    tree->node_count = tree->edge_count = 0;
    tree_index_clear(tree);
    tree_add_node(tree, root);
    tree->nodes[0].parent = -1;
    tree->stack = heap_array_reserve(tree->stack, &tree->stack_capacity, 1, sizeof *tree->stack);
    tree->stack[0] = 0;
    tree->stack_count = 1;
    clang_visitChildren(root, build_tree, tree);
    /* Index the nodes in one pass, asking for each slot a few nodes ahead:
     * in a huge function every probe misses the cache. */
    while ((size_t)tree->node_count * 2 > tree->slot_capacity)
        tree_grow_index(tree);
    size_t mask = tree->slot_capacity - 1;
    for (int i = 0; i < tree->node_count; i++) {
        if (i + INDEX_LOOKAHEAD < tree->node_count)
            PREFETCH(&tree->slots[cursor_hash(tree->cursors[i + INDEX_LOOKAHEAD]) & mask]);
        tree_index_insert(tree, tree->cursors[i], i);
    }
    /* group the edges by parent (they are in visit order per parent) */
    for (int i = 0; i < tree->edge_count; i++) {
        struct cursor_node *parent = &tree->nodes[tree->edges[i].parent];
        parent->all_count++;
        if (cursor_kind_is_code(tree->cursors[tree->edges[i].child].kind))
            parent->code_count++;
    }
    int all = 0, code = 0;
    for (int i = 0; i < tree->node_count; i++) {
        tree->nodes[i].all_first = all;
        tree->nodes[i].code_first = code;
        all += tree->nodes[i].all_count;
        code += tree->nodes[i].code_count;
        tree->nodes[i].all_count = tree->nodes[i].code_count = 0;
    }
    if (all > tree->all_capacity) {
        free(tree->all_children);
        tree->all_children = xmalloc((size_t)all * sizeof *tree->all_children);
        tree->all_capacity = all;
    }
    if (code > tree->code_capacity) {
        free(tree->code_children);
        tree->code_children = xmalloc((size_t)code * sizeof *tree->code_children);
        tree->code_capacity = code;
    }
    for (int i = 0; i < tree->edge_count; i++) {
        struct cursor_node *parent = &tree->nodes[tree->edges[i].parent];
        int child = tree->edges[i].child;
        tree->all_children[parent->all_first + parent->all_count++] = child;
        if (cursor_kind_is_code(tree->cursors[child].kind))
            tree->code_children[parent->code_first + parent->code_count++] = child;
    }
    tree->active = true;
}

void cursor_tree_clear(struct frontend_unit *unit)
{
    unit->tree.active = false;
}

void cursor_tree_free(struct cursor_tree *tree)
{
    free(tree->slots);
    free(tree->cursors);
    free(tree->nodes);
    free(tree->edges);
    free(tree->all_children);
    free(tree->code_children);
    free(tree->stack);
    memset(tree, 0, sizeof *tree);
}

CXCursor cursor_strip(struct frontend_unit *unit, CXCursor expression)
{
    for (int guard = 0; guard < 100000; guard++) {
        enum CXCursorKind kind = clang_getCursorKind(expression);
        CXCursor inner = clang_getNullCursor();
        if (kind == CXCursor_ParenExpr || kind == CXCursor_UnexposedExpr) {
            if (cursor_is_recovery(unit, expression))
                return expression; /* not a conversion of its child */
            inner = cursor_single_expression(unit, expression);
        }
        else if (kind == CXCursor_UnaryOperator &&
                 compat_unary_operator(unit, expression) == UNARY_EXTENSION)
            inner = cursor_first_expression(unit, expression);
        if (cursor_is_null(inner))
            return expression;
        expression = inner;
    }
    return expression;
}

bool cursor_is_recovery(struct frontend_unit *unit, CXCursor expression)
{
    if (!unit->has_errors)
        return false; /* clang builds these only while recovering from errors */
    return compat_is_recovery_type(clang_getCursorType(expression));
}

CXCursor cursor_declaration(CXCursor reference)
{
    CXCursor declaration = clang_getCursorReferenced(reference);
    if (cursor_is_null(declaration) || clang_isInvalid(clang_getCursorKind(declaration)))
        return clang_getNullCursor();
    return clang_getCanonicalCursor(declaration);
}

bool cursor_is_variable(CXCursor declaration)
{
    enum CXCursorKind kind = clang_getCursorKind(declaration);
    return kind == CXCursor_VarDecl || kind == CXCursor_ParmDecl;
}

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

static void *grow_array(void *items, int *capacity, int needed, size_t size)
{
    if (needed <= *capacity)
        return items;
    int new_capacity = *capacity ? *capacity * 2 : 16;
    while (new_capacity < needed)
        new_capacity *= 2;
    void *grown = realloc(items, (size_t)new_capacity * size);
    if (!grown)
        abort();
    *capacity = new_capacity;
    return grown;
}

static enum CXChildVisitResult collect_child(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct cursor_list *list = data;
    if (list->count == list->capacity) {
        int capacity = list->capacity * 2;
        CXCursor *items = malloc((size_t)capacity * sizeof *items);
        if (!items)
            abort();
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

static const struct cursor_node *tree_node(struct frontend_unit *unit, CXCursor cursor)
{
    if (!unit->tree.active)
        return NULL;
    int *index = cursor_map_find(&unit->tree.index, cursor);
    return index ? &unit->tree.nodes[*index] : NULL;
}

void cursor_children(struct frontend_unit *unit, CXCursor parent, struct cursor_list *list)
{
    const struct cursor_node *node = tree_node(unit, parent);
    if (node) {
        list->items = unit->tree.all_children + node->all_first;
        list->count = node->all_count;
        list->capacity = -1;
        return;
    }
    cursor_list_init(list);
    clang_visitChildren(parent, collect_child, list);
}

void cursor_code_children(struct frontend_unit *unit, CXCursor parent, struct cursor_list *list)
{
    const struct cursor_node *node = tree_node(unit, parent);
    if (node) {
        list->items = unit->tree.code_children + node->code_first;
        list->count = node->code_count;
        list->capacity = -1;
        return;
    }
    cursor_list_init(list);
    clang_visitChildren(parent, collect_code_child, list);
}

void cursor_list_free(struct cursor_list *list)
{
    if (list->capacity >= 0 && list->items != list->inline_items)
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
        struct cursor_node *nodes = realloc(tree->nodes, (size_t)capacity * sizeof *nodes);
        if (!nodes)
            abort();
        tree->nodes = nodes;
        CXCursor *cursors = realloc(tree->cursors, (size_t)capacity * sizeof *cursors);
        if (!cursors)
            abort();
        tree->cursors = cursors;
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
        tree->edges = grow_array(tree->edges, &tree->edge_capacity, tree->edge_count + 1,
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
    int before = tree->node_count;
    int id = *cursor_map_insert(&tree->index, cursor, before);
    if (id != before) { /* visited again (GNU ?: shares its operand): no second walk */
        tree_add_edge(tree, parent_id, id);
        return CXChildVisit_Continue;
    }
    tree_add_node(tree, cursor);
    tree_add_edge(tree, parent_id, id);
    if (tree->stack_count == tree->stack_capacity)
        tree->stack = grow_array(tree->stack, &tree->stack_capacity, tree->stack_count + 1,
                                 sizeof *tree->stack);
    tree->stack[tree->stack_count++] = id;
    return CXChildVisit_Recurse;
}

void cursor_tree_build(struct frontend_unit *unit, CXCursor root)
{
    struct cursor_tree *tree = &unit->tree;
    tree->active = false;
    tree->node_count = tree->edge_count = 0;
    cursor_map_clear(&tree->index);
    cursor_map_insert(&tree->index, root, tree_add_node(tree, root));
    tree->stack = grow_array(tree->stack, &tree->stack_capacity, 1, sizeof *tree->stack);
    tree->stack[0] = 0;
    tree->stack_count = 1;
    clang_visitChildren(root, build_tree, tree);
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
    if (all > tree->children_capacity) {
        int new_capacity = tree->children_capacity ? tree->children_capacity : 64;
        while (new_capacity < all)
            new_capacity *= 2;
        free(tree->all_children);
        free(tree->code_children);
        tree->all_children = malloc((size_t)new_capacity * sizeof *tree->all_children);
        tree->code_children = malloc((size_t)new_capacity * sizeof *tree->code_children);
        if (!tree->all_children || !tree->code_children)
            abort();
        tree->children_capacity = new_capacity;
    }
    for (int i = 0; i < tree->edge_count; i++) {
        struct cursor_node *parent = &tree->nodes[tree->edges[i].parent];
        CXCursor child = tree->cursors[tree->edges[i].child];
        tree->all_children[parent->all_first + parent->all_count++] = child;
        if (cursor_kind_is_code(child.kind))
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
    cursor_map_free(&tree->index);
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

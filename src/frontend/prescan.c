/*
 * prescan: facts about variables that the lowering needs before it meets
 * them: which are written (=, op=, ++, --), whose address is taken (&x),
 * and which function each function pointer variable is set to. File constants
 * and address_taken flags come from here. File-scope initializers are
 * scanned first; each function is scanned from its children tree just
 * before it is lowered (one libclang visit per function, not two), so a
 * function's own variables are complete when it is lowered, and facts
 * about globals grow as functions are scanned (lower_unit.c settles what
 * was decided too early). It emits no IR.
 */
#include <stdlib.h>

#include "lower.h"
#include "../support/xalloc.h"

/* The variable an lvalue expression is part of (x, x.f, x[i] with an array
 * x), or a null cursor. */
static CXCursor lvalue_variable(struct frontend_unit *unit, CXCursor expression)
{
    for (int guard = 0; guard < 10000; guard++) {
        expression = cursor_strip(unit, expression);
        enum CXCursorKind kind = clang_getCursorKind(expression);
        if (kind == CXCursor_DeclRefExpr) {
            CXCursor declaration = cursor_declaration(expression);
            return cursor_is_variable(declaration) ? declaration : clang_getNullCursor();
        }
        if (kind == CXCursor_MemberRefExpr) {
            CXCursor base = cursor_first_expression(unit, expression);
            if (cursor_is_null(base) || compat_is_pointer_type(clang_getCursorType(base)))
                return clang_getNullCursor(); /* p->f is not part of p */
            expression = base;
        } else if (kind == CXCursor_ArraySubscriptExpr) {
            CXCursor base = cursor_strip(unit, cursor_first_expression(unit, expression));
            if (cursor_is_null(base) || !compat_is_element_container(clang_getCursorType(base)))
                return clang_getNullCursor();
            expression = base;
        } else {
            return clang_getNullCursor();
        }
    }
    return clang_getNullCursor();
}

/* Locals and globals: a global's assignments are complete only once every
 * function is scanned (hooks.c asks then). */
static bool is_function_pointer_variable(CXCursor variable)
{
    if (clang_getCursorKind(variable) != CXCursor_VarDecl)
        return false;
    CXType type = compat_canonical_type(clang_getCursorType(variable));
    return type.kind == CXType_Pointer && compat_is_function_type(clang_getPointeeType(type));
}

/* Records that `variable` is set to `value`; a second, different function
 * or anything that is not a function makes it unknown (-1). */
static void record_function_pointer(struct frontend_unit *unit, CXCursor variable,
                                    CXCursor value)
{
    CXCursor function = clang_getNullCursor();
    if (!cursor_is_null(value)) {
        CXCursor stripped = cursor_strip(unit, value);
        for (int guard = 0; guard < 100; guard++) {
            enum CXCursorKind kind = clang_getCursorKind(stripped);
            bool address = kind == CXCursor_UnaryOperator &&
                           compat_unary_operator(unit, stripped) == UNARY_ADDRESS;
            if (kind != CXCursor_CStyleCastExpr && !address)
                break;
            stripped = cursor_strip(unit, cursor_first_expression(unit, stripped));
        }
        if (clang_getCursorKind(stripped) == CXCursor_DeclRefExpr) {
            CXCursor declaration = cursor_declaration(stripped);
            if (clang_getCursorKind(declaration) == CXCursor_FunctionDecl)
                function = declaration;
        }
    }
    CXCursor key = clang_getCanonicalCursor(variable);
    int *index = cursor_map_find(&unit->function_pointers, key);
    if (cursor_is_null(function)) {
        *cursor_map_insert(&unit->function_pointers, key, -1) = -1;
        return;
    }
    if (index) {
        if (*index >= 0 &&
            !cursors_equal(unit->function_pointer_targets[*index], function))
            *index = -1;
        return;
    }
    if (unit->function_pointer_count == unit->function_pointer_capacity) {
        int capacity = unit->function_pointer_capacity ? unit->function_pointer_capacity * 2 : 16;
        CXCursor *grown = xrealloc(unit->function_pointer_targets,
                                   (size_t)capacity * sizeof *grown);
        unit->function_pointer_targets = grown;
        unit->function_pointer_capacity = capacity;
    }
    unit->function_pointer_targets[unit->function_pointer_count] = function;
    cursor_map_insert(&unit->function_pointers, key, unit->function_pointer_count++);
}

static void mark_written(struct frontend_unit *unit, CXCursor target)
{
    CXCursor variable = lvalue_variable(unit, target);
    if (cursor_is_null(variable))
        return;
    cursor_map_insert(&unit->written, clang_getCanonicalCursor(variable), 1);
}

static void visit_binary(struct frontend_unit *unit, CXCursor expression)
{
    bool compound = clang_getCursorKind(expression) == CXCursor_CompoundAssignOperator;
    if (!compound && !compat_is_assignment(unit, expression))
        return;
    struct cursor_list operands;
    cursor_code_children(unit, expression, &operands);
    if (operands.count == 2) {
        CXCursor variable = lvalue_variable(unit, operands.items[0]);
        if (!cursor_is_null(variable)) {
            cursor_map_insert(&unit->written, clang_getCanonicalCursor(variable), 1);
            if (is_function_pointer_variable(variable))
                record_function_pointer(unit, variable,
                                        compound ? clang_getNullCursor() : operands.items[1]);
        }
    }
    cursor_list_free(&operands);
}

/* The call whose operand node `node` of the function's tree is, through
 * parentheses and casts, or -1; *operand is the call's child it stands in. */
static int enclosing_call(struct frontend_unit *unit, int node, int *operand)
{
    const struct cursor_tree *tree = &unit->tree;
    if (node < 0 || !tree->active)
        return -1;
    int child = node;
    int parent = tree->nodes[node].parent;
    while (parent >= 0) {
        enum CXCursorKind kind = clang_getCursorKind(tree->cursors[parent]);
        if (kind != CXCursor_ParenExpr && kind != CXCursor_UnexposedExpr &&
            kind != CXCursor_CStyleCastExpr)
            break;
        child = parent;
        parent = tree->nodes[parent].parent;
    }
    if (parent < 0 || clang_getCursorKind(tree->cursors[parent]) != CXCursor_CallExpr ||
        tree->nodes[parent].code_count == 0)
        return -1;
    *operand = child;
    return parent;
}

/* Whether node `node` (an &x) is an argument of a call: the callee may
 * write x then, and nothing else learns its address (f(&count),
 * sendmsg(s, &msg)). Stored anywhere else (p = &x, s.iov = &x, an
 * initializer), any call may write x later. */
static bool only_passed_to_call(struct frontend_unit *unit, int node)
{
    int operand;
    int call = enclosing_call(unit, node, &operand);
    return call >= 0 && unit->tree.code_children[unit->tree.nodes[call].code_first] != operand;
}

/* Whether node `node` (a function's name) is the callee of a call; outside
 * a function's tree (an initializer) it never is. */
static bool names_callee(struct frontend_unit *unit, int node)
{
    int operand;
    int call = enclosing_call(unit, node, &operand);
    return call >= 0 && unit->tree.code_children[unit->tree.nodes[call].code_first] == operand;
}

/* A function named other than as a callee: its own unit marks it, and
 * one of external linkage is listed for the other units, whose calls of
 * it are then not all the calls it gets. */
static void record_named_function(struct frontend_unit *unit, CXCursor declaration)
{
    CXCursor canonical = clang_getCanonicalCursor(declaration);
    if (cursor_map_find(&unit->functions_named, canonical))
        return;
    cursor_map_insert(&unit->functions_named, canonical, 1);
    if (clang_getCursorLinkage(declaration) != CXLinkage_External)
        return;
    struct ir_unit *ir = unit->unit;
    if (ir->named_function_count == ir->named_function_capacity) {
        int capacity = ir->named_function_capacity ? 2 * ir->named_function_capacity : 8;
        ir->named_functions = arena_grow(ir->arena, ir->named_functions,
                                         (size_t)ir->named_function_count, (size_t)capacity,
                                         sizeof *ir->named_functions);
        ir->named_function_capacity = capacity;
    }
    ir->named_functions[ir->named_function_count++] =
        unit_string(unit, clang_getCursorSpelling(declaration));
}

static void scan(struct frontend_unit *unit, CXCursor cursor, int node)
{
    switch (clang_getCursorKind(cursor)) {
    case CXCursor_DeclRefExpr: {
        CXCursor declaration = clang_getCursorReferenced(cursor);
        if (clang_getCursorKind(declaration) == CXCursor_FunctionDecl &&
            !names_callee(unit, node))
            record_named_function(unit, declaration);
        break;
    }
    case CXCursor_UnaryOperator: {
        enum unary_operator op = compat_unary_writes(unit, cursor);
        if (op == UNARY_UNKNOWN)
            break;
        CXCursor operand = cursor_first_expression(unit, cursor);
        if (cursor_is_null(operand))
            break;
        if (op == UNARY_ADDRESS) {
            CXCursor variable = lvalue_variable(unit, operand);
            if (!cursor_is_null(variable)) {
                cursor_map_insert(&unit->address_taken, clang_getCanonicalCursor(variable), 1);
                if (!only_passed_to_call(unit, node))
                    cursor_map_insert(&unit->address_escapes, clang_getCanonicalCursor(variable),
                                      1);
                if (is_function_pointer_variable(variable))
                    record_function_pointer(unit, variable, clang_getNullCursor());
            }
        } else {
            mark_written(unit, operand);
        }
        break;
    }
    case CXCursor_BinaryOperator:
    case CXCursor_CompoundAssignOperator:
        visit_binary(unit, cursor);
        break;
    case CXCursor_VarDecl:
        if (clang_getCursorKind(clang_getCursorSemanticParent(cursor)) !=
            CXCursor_TranslationUnit)
            constants_add_candidate(unit, cursor);
        if (is_function_pointer_variable(cursor)) {
            CXCursor initializer = clang_Cursor_getVarDeclInitializer(cursor);
            if (!cursor_is_null(initializer))
                record_function_pointer(unit, cursor, initializer);
        }
        break;
    default:
        break;
    }
}

static enum CXChildVisitResult visit(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    scan(data, cursor, -1);
    return CXChildVisit_Recurse;
}

void prescan_unit(struct frontend_unit *unit, const CXCursor *variables, int count)
{
    for (int i = 0; i < count; i++) {
        scan(unit, variables[i], -1); /* a hook's initializer: `void *(*hook)(size_t) = malloc;` */
        clang_visitChildren(variables[i], visit, unit);
    }
    unit->prescan_done = true;
}

void prescan_function(struct frontend_unit *unit)
{
    const struct cursor_tree *tree = &unit->tree;
    for (int node = 1; node < tree->node_count; node++) /* node 0: the function */
        scan(unit, tree->cursors[node], node);
}

bool prescan_address_taken(struct frontend_unit *unit, CXCursor variable)
{
    return cursor_map_find(&unit->address_taken, clang_getCanonicalCursor(variable)) != NULL;
}

bool prescan_address_escapes(struct frontend_unit *unit, CXCursor variable)
{
    return cursor_map_find(&unit->address_escapes, clang_getCanonicalCursor(variable)) != NULL;
}

bool prescan_function_named(struct frontend_unit *unit, CXCursor function)
{
    return cursor_map_find(&unit->functions_named, clang_getCanonicalCursor(function)) != NULL;
}

bool prescan_written(struct frontend_unit *unit, CXCursor variable)
{
    return cursor_map_find(&unit->written, clang_getCanonicalCursor(variable)) != NULL;
}

bool prescan_function_pointer_target(struct frontend_unit *unit, CXCursor variable,
                                     CXCursor *function)
{
    int *index = cursor_map_find(&unit->function_pointers, clang_getCanonicalCursor(variable));
    if (!index || *index < 0)
        return false;
    *function = unit->function_pointer_targets[*index];
    return true;
}

/*
 * aliases: local pointers that only ever point to one local variable
 * (`char **p = &data;` and every later assignment `p = &data`, with p's
 * own address never taken), so `*p`, `p->f` and `(*p).f` are that
 * variable or its fields. Found from the function's children tree before
 * it is lowered; lower_expression asks here. Nothing else about pointers
 * is tracked (no points-to sets, no pointers into arrays).
 */
#include <stdlib.h>

#include "lower.h"
#include "../support/xalloc.h"

enum alias_state {
    ALIAS_UNSET,  /* declared without an initializer, not assigned yet */
    ALIAS_TARGET, /* every value so far is &target */
    ALIAS_NONE    /* something else was stored, or it is written in place */
};

/* The local variable (VarDecl without static storage, or a parameter)
 * whose address `value` is, written as &x (parentheses and implicit
 * conversions allowed), or a null cursor. */
static CXCursor address_of_local(struct frontend_unit *unit, CXCursor value)
{
    CXCursor stripped = cursor_strip(unit, value);
    if (clang_getCursorKind(stripped) != CXCursor_UnaryOperator ||
        compat_unary_operator(unit, stripped) != UNARY_ADDRESS)
        return clang_getNullCursor();
    CXCursor operand = cursor_strip(unit, cursor_first_expression(unit, stripped));
    if (clang_getCursorKind(operand) != CXCursor_DeclRefExpr)
        return clang_getNullCursor();
    CXCursor variable = cursor_declaration(operand);
    enum CXCursorKind kind = clang_getCursorKind(variable);
    if (kind == CXCursor_ParmDecl ||
        (kind == CXCursor_VarDecl && !clang_Cursor_hasVarDeclGlobalStorage(variable)))
        return variable;
    return clang_getNullCursor();
}

/* Whether a pointer of type `pointer` may stand for `variable` itself: it
 * points to the variable's type (a cast to another record type is not an
 * alias of the variable's fields). */
static bool points_to_type_of(CXType pointer, CXCursor variable)
{
    CXType pointee = compat_canonical_type(clang_getPointeeType(compat_canonical_type(pointer)));
    CXType type = compat_canonical_type(clang_getCursorType(variable));
    if (pointee.kind != type.kind)
        return false;
    if (type.kind != CXType_Record)
        return true;
    return cursors_equal(clang_getTypeDeclaration(pointee), clang_getTypeDeclaration(type));
}

struct alias_scan {
    struct frontend_unit *unit;
    struct lower_context *context;
    int *states;          /* per candidate: enum alias_state */
    int count, capacity;
};

static int candidate_of(struct alias_scan *scan, CXCursor lvalue)
{
    CXCursor stripped = cursor_strip(scan->unit, lvalue);
    if (clang_getCursorKind(stripped) != CXCursor_DeclRefExpr)
        return -1;
    int *index = cursor_map_find(&scan->context->aliases, cursor_declaration(stripped));
    return index ? *index : -1;
}

static void store(struct alias_scan *scan, int candidate, CXCursor value)
{
    if (candidate < 0 || scan->states[candidate] == ALIAS_NONE)
        return;
    CXCursor target = cursor_is_null(value) ? value : address_of_local(scan->unit, value);
    CXCursor *known = &scan->context->alias_targets[candidate];
    if (cursor_is_null(target) ||
        (scan->states[candidate] == ALIAS_TARGET && !cursors_equal(*known, target))) {
        scan->states[candidate] = ALIAS_NONE;
        return;
    }
    *known = target;
    scan->states[candidate] = ALIAS_TARGET;
}

static void add_candidate(struct alias_scan *scan, CXCursor variable)
{
    if (clang_Cursor_hasVarDeclGlobalStorage(variable) ||
        !compat_is_pointer_type(clang_getCursorType(variable)))
        return;
    CXCursor initializer = clang_Cursor_getVarDeclInitializer(variable);
    if (!cursor_is_null(initializer) &&
        cursor_is_null(address_of_local(scan->unit, initializer)))
        return; /* set to something else from the start (most pointers) */
    struct lower_context *context = scan->context;
    if (scan->count == scan->capacity) {
        int capacity = scan->capacity ? scan->capacity * 2 : 8;
        int *states = xrealloc(scan->states, (size_t)capacity * sizeof *states);
        CXCursor *targets =
            xrealloc(context->alias_targets, (size_t)capacity * sizeof *targets);
        scan->states = states;
        context->alias_targets = targets;
        scan->capacity = capacity;
    }
    int index = scan->count++;
    scan->states[index] = ALIAS_UNSET;
    context->alias_targets[index] = clang_getNullCursor();
    cursor_map_insert(&context->aliases, clang_getCanonicalCursor(variable), index);
    if (!cursor_is_null(initializer))
        store(scan, index, initializer);
}

void aliases_find(struct lower_context *context)
{
    struct frontend_unit *unit = context->unit_state;
    const struct cursor_tree *tree = &unit->tree;
    struct alias_scan scan = {unit, context, NULL, 0, 0};
    /* declarations come before their uses in the tree's (document) order */
    for (int node = 1; node < tree->node_count; node++) {
        CXCursor cursor = tree->cursors[node];
        enum CXCursorKind kind = clang_getCursorKind(cursor);
        if (kind == CXCursor_VarDecl) {
            add_candidate(&scan, cursor);
        } else if (scan.count == 0) {
            continue;
        } else if (kind == CXCursor_BinaryOperator || kind == CXCursor_CompoundAssignOperator) {
            bool plain = kind == CXCursor_BinaryOperator && compat_is_assignment(unit, cursor);
            if (kind == CXCursor_BinaryOperator && !plain)
                continue;
            struct cursor_list operands;
            cursor_code_children(unit, cursor, &operands);
            if (operands.count == 2) { /* p += n: no longer &x */
                int candidate = candidate_of(&scan, operands.items[0]);
                if (candidate >= 0 && !plain)
                    scan.states[candidate] = ALIAS_NONE;
                else
                    store(&scan, candidate, operands.items[1]);
            }
            cursor_list_free(&operands);
        } else if (kind == CXCursor_UnaryOperator &&
                   compat_unary_writes(unit, cursor) == UNARY_PRE_INCREMENT) { /* p++ */
            int candidate = candidate_of(&scan, cursor_first_expression(unit, cursor));
            if (candidate >= 0)
                scan.states[candidate] = ALIAS_NONE;
        }
    }
    /* keep only the aliases: a pointer whose address is taken may be
     * changed through it; one never set points nowhere */
    for (size_t slot = 0; slot < context->aliases.capacity; slot++) {
        struct cursor_map_slot *entry = &context->aliases.slots[slot];
        if (entry->generation != context->aliases.generation)
            continue;
        int index = entry->value;
        if (scan.states[index] != ALIAS_TARGET || prescan_address_taken(unit, entry->key) ||
            !points_to_type_of(clang_getCursorType(entry->key),
                               context->alias_targets[index]))
            entry->value = -1;
    }
    free(scan.states);
}

bool aliases_target(struct lower_context *context, CXCursor pointer, CXCursor *variable)
{
    /* (&msg)->msg_controllen, as CMSG_FIRSTHDR(&msg) writes it: msg.msg_controllen */
    CXCursor direct = address_of_local(context->unit_state, pointer);
    if (!clang_Cursor_isNull(direct) && points_to_type_of(clang_getCursorType(pointer), direct)) {
        *variable = direct;
        return true;
    }
    if (context->aliases.count == 0)
        return false;
    CXCursor stripped = cursor_strip(context->unit_state, pointer);
    if (clang_getCursorKind(stripped) != CXCursor_DeclRefExpr)
        return false;
    int *index = cursor_map_find(&context->aliases, cursor_declaration(stripped));
    if (!index || *index < 0)
        return false;
    *variable = context->alias_targets[*index];
    return true;
}

/*
 * constants: integer constants for pruning dead branches. File constants
 * (static or const variables with a constant initializer that nothing
 * writes, see prescan), folding of C's operators (used by the lowering,
 * which folds bottom-up as it lowers, so `if (staticFive == 5)` folds like
 * `if (5 == 5)`), and a small evaluator for initializers and case labels.
 * Anything with a side effect or an unknown operator is "not constant".
 * Pointers only as null pointer constants.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "../support/xalloc.h"
#include "../support/heap_array.h"

#define EVALUATION_DEPTH_LIMIT 256

enum { CONSTANT_UNKNOWN, CONSTANT_YES, CONSTANT_NO, CONSTANT_EVALUATING };

static bool evaluate(struct frontend_unit *unit, CXCursor expression, long long *value,
                     int depth);

void constants_add_candidate(struct frontend_unit *unit, CXCursor variable)
{
    if (clang_getCursorKind(variable) != CXCursor_VarDecl)
        return;
    CXType type = clang_getCursorType(variable);
    if (!compat_is_integer_type(type) || clang_isVolatileQualifiedType(type))
        return;
    if (cursor_is_null(clang_Cursor_getVarDeclInitializer(variable)))
        return;
    bool is_const = clang_isConstQualifiedType(type) != 0;
    enum CXLinkageKind linkage = clang_getCursorLinkage(variable);
    bool is_static = linkage == CXLinkage_Internal ||
                     (linkage == CXLinkage_NoLinkage &&
                      clang_Cursor_hasVarDeclGlobalStorage(variable));
    if (!is_const && !is_static)
        return; /* other units may write an external variable */
    CXCursor key = clang_getCanonicalCursor(variable);
    if (cursor_map_find(&unit->constant_index, key))
        return;
    unit->constants = heap_array_reserve(unit->constants, &unit->constant_capacity, unit->constant_count + 1, sizeof *unit->constants);
    struct constant_entry *entry = &unit->constants[unit->constant_count];
    entry->variable = variable;
    entry->value = 0;
    entry->state = CONSTANT_UNKNOWN;
    cursor_map_insert(&unit->constant_index, key, unit->constant_count++);
}

static void remember_use(struct frontend_unit *unit, int slot, long long value)
{
    if (unit->lowering_function < 0)
        return;
    if (unit->constant_use_count > 0) {
        const struct constant_use *last = &unit->constant_uses[unit->constant_use_count - 1];
        if (last->function == unit->lowering_function && last->slot == slot)
            return;
    }
    unit->constant_uses = heap_array_reserve(unit->constant_uses, &unit->constant_use_capacity, unit->constant_use_count + 1, sizeof *unit->constant_uses);
    struct constant_use *use = &unit->constant_uses[unit->constant_use_count++];
    use->function = unit->lowering_function;
    use->slot = slot;
    use->value = value;
}

static bool variable_value(struct frontend_unit *unit, CXCursor declaration, long long *value,
                           int depth)
{
    if (!unit->prescan_done)
        return false; /* file-scope initializers may write it */
    int *index = cursor_map_find(&unit->constant_index, clang_getCanonicalCursor(declaration));
    if (!index)
        return false;
    int slot = *index;
    struct constant_entry *entry = &unit->constants[slot];
    if (entry->state == CONSTANT_UNKNOWN) {
        if (prescan_written(unit, entry->variable) ||
            prescan_address_taken(unit, entry->variable)) {
            entry->state = CONSTANT_NO;
        } else {
            entry->state = CONSTANT_EVALUATING;
            long long result = 0;
            bool known = evaluate(unit, clang_Cursor_getVarDeclInitializer(entry->variable),
                                  &result, depth + 1);
            entry = &unit->constants[slot];
            entry->state = known ? CONSTANT_YES : CONSTANT_NO;
            entry->value = result;
        }
    }
    if (entry->state != CONSTANT_YES)
        return false;
    *value = entry->value;
    remember_use(unit, slot, entry->value);
    return true;
}

int constants_settle(struct frontend_unit *unit, bool *stale)
{
    int count = 0;
    if (unit->constant_use_count == 0)
        return 0;
    for (int i = 0; i < unit->constant_count; i++)
        unit->constants[i].state = CONSTANT_UNKNOWN;
    int lowering = unit->lowering_function;
    unit->lowering_function = -1; /* deciding again is not a use */
    for (int i = 0; i < unit->constant_use_count; i++) {
        const struct constant_use *use = &unit->constant_uses[i];
        long long value;
        if (stale[use->function])
            continue;
        if (!variable_value(unit, unit->constants[use->slot].variable, &value, 0) ||
            value != use->value) {
            stale[use->function] = true;
            count++;
        }
    }
    unit->constant_use_count = 0; /* the decisions taken above are final */
    unit->lowering_function = lowering;
    return count;
}

long long constants_convert(long long value, CXType type)
{
    CXType canonical = compat_canonical_type(type);
    if (canonical.kind == CXType_Bool)
        return value != 0;
    long long size = clang_Type_getSizeOf(canonical);
    if (size <= 0 || size >= 8)
        return value;
    unsigned bits = (unsigned)size * 8;
    unsigned long long mask = (1ULL << bits) - 1;
    unsigned long long raw = (unsigned long long)value & mask;
    if (!compat_is_unsigned_type(canonical) && (raw >> (bits - 1)) & 1)
        raw |= ~mask;
    return (long long)raw;
}

bool constants_libclang_value(CXCursor expression, long long *value)
{
    CXEvalResult result = clang_Cursor_Evaluate(expression);
    if (!result)
        return false;
    bool known = clang_EvalResult_getKind(result) == CXEval_Int;
    if (known) {
        *value = clang_EvalResult_isUnsignedInt(result)
                     ? (long long)clang_EvalResult_getAsUnsigned(result)
                     : clang_EvalResult_getAsLongLong(result);
    }
    clang_EvalResult_dispose(result);
    return known;
}

bool constants_fold_binary(enum binary_operator op, bool is_unsigned, long long left,
                           long long right, long long *value)
{
    unsigned long long a = (unsigned long long)left, b = (unsigned long long)right;
    switch (op) {
    case BINARY_MULTIPLY: *value = (long long)(a * b); return true;
    case BINARY_ADD: *value = (long long)(a + b); return true;
    case BINARY_SUBTRACT: *value = (long long)(a - b); return true;
    case BINARY_DIVIDE:
    case BINARY_REMAINDER:
        if (right == 0 || (!is_unsigned && left == LLONG_MIN && right == -1))
            return false;
        if (is_unsigned)
            *value = (long long)(op == BINARY_DIVIDE ? a / b : a % b);
        else
            *value = op == BINARY_DIVIDE ? left / right : left % right;
        return true;
    case BINARY_SHIFT_LEFT:
    case BINARY_SHIFT_RIGHT:
        if (right < 0 || right >= 64)
            return false;
        if (op == BINARY_SHIFT_LEFT)
            *value = (long long)(a << right);
        else
            *value = is_unsigned ? (long long)(a >> right) : left >> right;
        return true;
    case BINARY_LESS: *value = is_unsigned ? a < b : left < right; return true;
    case BINARY_GREATER: *value = is_unsigned ? a > b : left > right; return true;
    case BINARY_LESS_EQUAL: *value = is_unsigned ? a <= b : left <= right; return true;
    case BINARY_GREATER_EQUAL: *value = is_unsigned ? a >= b : left >= right; return true;
    case BINARY_EQUAL: *value = left == right; return true;
    case BINARY_NOT_EQUAL: *value = left != right; return true;
    case BINARY_BIT_AND: *value = left & right; return true;
    case BINARY_BIT_XOR: *value = left ^ right; return true;
    case BINARY_BIT_OR: *value = left | right; return true;
    case BINARY_LOGICAL_AND: *value = left && right; return true;
    case BINARY_LOGICAL_OR: *value = left || right; return true;
    case BINARY_COMMA: *value = right; return true;
    default: return false;
    }
}

bool constants_fold_unary(enum unary_operator op, long long operand, long long *value)
{
    switch (op) {
    case UNARY_PLUS: case UNARY_EXTENSION: *value = operand; return true;
    case UNARY_MINUS: *value = (long long)(0ULL - (unsigned long long)operand); return true;
    case UNARY_COMPLEMENT: *value = ~operand; return true;
    case UNARY_NOT: *value = !operand; return true;
    default: return false;
    }
}

bool constants_variable(struct frontend_unit *unit, CXCursor variable, long long *value)
{
    return variable_value(unit, variable, value, 0);
}

static bool evaluate_binary(struct frontend_unit *unit, CXCursor expression, long long *value,
                            int depth)
{
    enum binary_operator op = compat_binary_operator(unit, expression);
    if (op == BINARY_ASSIGN || op == BINARY_COMPOUND_ASSIGN)
        return false;
    struct cursor_list operands;
    cursor_code_children(unit, expression, &operands);
    bool known = false;
    long long left = 0, right = 0;
    if (op == BINARY_UNKNOWN) {
        /* libclang 14, operator in a macro body: constant operands make the
         * whole a side-effect-free constant that libclang can fold */
        known = operands.count == 2 && evaluate(unit, operands.items[0], &left, depth + 1) &&
                evaluate(unit, operands.items[1], &right, depth + 1) &&
                constants_libclang_value(expression, value);
        goto done;
    }
    if (operands.count != 2 || !evaluate(unit, operands.items[0], &left, depth + 1))
        goto done;
    if (op == BINARY_LOGICAL_AND || op == BINARY_LOGICAL_OR) {
        /* the right operand is never evaluated when the left decides */
        if ((op == BINARY_LOGICAL_AND && !left) || (op == BINARY_LOGICAL_OR && left)) {
            *value = op == BINARY_LOGICAL_OR;
            known = true;
        } else if (evaluate(unit, operands.items[1], &right, depth + 1)) {
            *value = right != 0;
            known = true;
        }
        goto done;
    }
    if (!evaluate(unit, operands.items[1], &right, depth + 1))
        goto done;
    bool is_unsigned = compat_is_unsigned_type(clang_getCursorType(operands.items[0]));
    known = constants_fold_binary(op, is_unsigned, left, right, value);
done:
    cursor_list_free(&operands);
    return known;
}

static bool evaluate_unary(struct frontend_unit *unit, CXCursor expression, long long *value,
                           int depth)
{
    enum unary_operator op = compat_unary_operator(unit, expression);
    long long operand;
    CXCursor child = cursor_first_expression(unit, expression);
    if (cursor_is_null(child) || !evaluate(unit, child, &operand, depth + 1))
        return false;
    if (op == UNARY_UNKNOWN)
        return constants_libclang_value(expression, value); /* 14: macro body */
    return constants_fold_unary(op, operand, value);
}

static bool evaluate(struct frontend_unit *unit, CXCursor expression, long long *value,
                     int depth)
{
    if (depth > EVALUATION_DEPTH_LIMIT || cursor_is_null(expression))
        return false;
    CXType type = clang_getCursorType(expression);
    if (!compat_is_integer_type(type))
        return false;
    bool known = false;
    long long result = 0;
    switch (clang_getCursorKind(expression)) {
    case CXCursor_IntegerLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_UnaryExpr: /* sizeof, _Alignof: no side effects */
        known = constants_libclang_value(expression, &result);
        break;
    case CXCursor_ParenExpr:
    case CXCursor_UnexposedExpr:
    case CXCursor_CStyleCastExpr: {
        CXCursor child = cursor_single_expression(unit, expression);
        if (!cursor_is_null(child))
            known = evaluate(unit, child, &result, depth + 1);
        else if (clang_getCursorKind(expression) == CXCursor_UnexposedExpr &&
                 cursor_is_null(cursor_first_expression(unit, expression)))
            known = constants_libclang_value(expression, &result); /* offsetof, builtins */
        break;
    }
    case CXCursor_DeclRefExpr: {
        CXCursor declaration = clang_getCursorReferenced(expression);
        if (clang_getCursorKind(declaration) == CXCursor_EnumConstantDecl) {
            result = clang_getEnumConstantDeclValue(declaration);
            known = true;
        } else if (clang_getCursorKind(declaration) == CXCursor_VarDecl) {
            known = variable_value(unit, declaration, &result, depth);
        }
        break;
    }
    case CXCursor_UnaryOperator:
        known = evaluate_unary(unit, expression, &result, depth);
        break;
    case CXCursor_BinaryOperator:
        known = evaluate_binary(unit, expression, &result, depth);
        break;
    case CXCursor_ConditionalOperator: {
        struct cursor_list parts;
        cursor_code_children(unit, expression, &parts);
        long long condition;
        if (parts.count == 3 && evaluate(unit, parts.items[0], &condition, depth + 1))
            known = evaluate(unit, parts.items[condition ? 1 : 2], &result, depth + 1);
        cursor_list_free(&parts);
        break;
    }
    default:
        break;
    }
    if (known)
        *value = constants_convert(result, type);
    return known;
}

bool constants_evaluate(struct frontend_unit *unit, CXCursor expression, long long *value)
{
    return evaluate(unit, expression, value, 0);
}

bool constants_is_null_pointer(struct frontend_unit *unit, CXCursor expression)
{
    for (int guard = 0; guard < 1000; guard++) {
        enum CXCursorKind kind = clang_getCursorKind(expression);
        if (kind == CXCursor_CXXNullPtrLiteralExpr || kind == CXCursor_GNUNullExpr)
            return true;
        CXType type = clang_getCursorType(expression);
        if (!compat_is_pointer_type(type)) {
            long long value;
            return compat_is_integer_type(type) && constants_evaluate(unit, expression, &value) &&
                   value == 0;
        }
        if (kind != CXCursor_UnexposedExpr && kind != CXCursor_ParenExpr &&
            kind != CXCursor_CStyleCastExpr)
            return false; /* a real pointer value */
        CXCursor child = cursor_single_expression(unit, expression);
        if (cursor_is_null(child))
            return false;
        expression = child;
    }
    return false;
}

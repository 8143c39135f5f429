/*
 * lower_condition: an expression used as a branch condition becomes the
 * terminator of the current block. Short-circuit operators, !, ?: and
 * commas turn into several blocks; NULL tests of a path become
 * CONDITION_NONNULL, integer tests CONDITION_INTEGER_EQUALS / _NONZERO,
 * and conditions with a constant value jump to the one live edge only.
 */
#include <limits.h>
#include <string.h>

#include "lower.h"
#include "../packs/packs.h"

static struct ir_condition make_condition(enum condition_kind kind, int path, long long integer,
                                          struct source_location location)
{
    struct ir_condition condition = {kind, path, integer, location, -1, false, false};
    return condition;
}

static void branch_unknown(struct lower_context *context, CXCursor expression, int if_true,
                           int if_false)
{
    struct source_location location = lower_location_start(context, expression);
    lower_branch(context, make_condition(CONDITION_UNKNOWN, -1, 0, location), if_true,
                 if_false);
}

/* `value` tested for being non-NULL (pointers) or non-zero (integers). */
static void branch_on_value(struct lower_context *context, CXCursor expression,
                            struct ir_value value, bool is_pointer, int if_true, int if_false)
{
    struct source_location location = lower_location_start(context, expression);
    switch (value.kind) {
    case VALUE_PATH: {
        /* `(long)p` still tests the pointer */
        bool pointer = is_pointer || context->function->paths[value.path].is_pointer;
        lower_branch(context,
                     make_condition(pointer ? CONDITION_NONNULL : CONDITION_NONZERO,
                                    value.path, 0, location),
                     if_true, if_false);
        return;
    }
    case VALUE_NULL:
        lower_goto(context, if_false);
        return;
    case VALUE_NONNULL:
        lower_goto(context, if_true);
        return;
    case VALUE_INTEGER:
        lower_goto(context, value.integer ? if_true : if_false);
        return;
    case VALUE_NULL_TEST:
        lower_branch(context, make_condition(CONDITION_NONNULL, value.path, 0, location),
                     value.integer ? if_true : if_false, value.integer ? if_false : if_true);
        return;
    case VALUE_UNKNOWN:
        break;
    }
    lower_branch(context, make_condition(CONDITION_UNKNOWN, -1, 0, location), if_true, if_false);
}

/* An integer operand of a comparison as `path + offset` (path -1: the
 * constant `offset`); false for anything else. Effects are lowered once. */
static bool lower_linear(struct lower_context *context, CXCursor expression, int *path,
                         long long *offset)
{
    struct frontend_unit *unit = context->unit_state;
    CXCursor stripped = cursor_strip(unit, expression);
    enum binary_operator op = clang_getCursorKind(stripped) == CXCursor_BinaryOperator
                                  ? compat_binary_operator(unit, stripped)
                                  : BINARY_UNKNOWN;
    struct ir_value first, second = {VALUE_INTEGER, -1, 0};
    if (op == BINARY_ADD || op == BINARY_SUBTRACT) {
        struct cursor_list operands;
        cursor_code_children(unit, stripped, &operands);
        if (operands.count != 2) {
            cursor_list_free(&operands);
            first = lower_expression(context, expression, LOWER_VALUE);
        } else {
            first = lower_expression(context, operands.items[0], LOWER_VALUE);
            second = lower_expression(context, operands.items[1], LOWER_VALUE);
            cursor_list_free(&operands);
            if (first.kind == VALUE_INTEGER && second.kind == VALUE_PATH &&
                op == BINARY_ADD) {
                struct ir_value swap = first;
                first = second;
                second = swap;
            }
            /* `2 * size + 503` of an unsigned type: an unknown that is at
             * least 0, the sum at least the constant (a sum does not wrap) */
            if (second.kind == VALUE_INTEGER && first.kind == VALUE_UNKNOWN &&
                compat_is_unsigned_type(compat_canonical_type(clang_getCursorType(stripped)))) {
                first.path = lower_materialise(context, first,
                                               lower_location_start(context, stripped), false);
                first.kind = VALUE_PATH;
                context->function->paths[first.path].is_unsigned = true;
            }
            if (second.kind != VALUE_INTEGER || second.integer == LLONG_MIN ||
                first.kind != VALUE_PATH)
                return false;
            if (op == BINARY_SUBTRACT)
                second.integer = -second.integer;
        }
    } else {
        first = lower_expression(context, expression, LOWER_VALUE);
    }
    if (first.kind == VALUE_INTEGER && second.integer == 0) {
        *path = -1;
        *offset = first.integer;
        return true;
    }
    if (first.kind != VALUE_PATH || context->function->paths[first.path].is_pointer)
        return false;
    *path = first.path;
    *offset = second.integer;
    return true;
}

/* Whether a comparison's operands convert alike: both signed or both
 * unsigned, so comparing their mathematical values is what C does. */
static bool same_signedness(CXCursor left, CXCursor right)
{
    CXType a = compat_canonical_type(clang_getCursorType(left));
    CXType b = compat_canonical_type(clang_getCursorType(right));
    if (!compat_is_integer_type(a) || !compat_is_integer_type(b))
        return false;
    return compat_is_unsigned_type(a) == compat_is_unsigned_type(b);
}

static bool is_address_type(CXCursor expression)
{
    enum CXTypeKind kind = compat_canonical_type(clang_getCursorType(expression)).kind;
    return kind_is_pointer(kind) || kind_is_array(kind);
}

/* a > b of two pointers: where it holds, a is not NULL, for no address
 * lies below NULL (`while ((s = strrchr(buf, '/')) > buf)`); so is a of
 * a >= b with b an array or an address. The other edge says nothing.
 * False, lowering nothing, when the operands are not pointers. */
static bool lower_pointer_ordering(struct lower_context *context, CXCursor expression,
                                   CXCursor left, CXCursor right, enum binary_operator op,
                                   int if_true, int if_false)
{
    if (!is_address_type(left) || !is_address_type(right))
        return false;
    struct ir_value first = lower_expression(context, left, LOWER_VALUE);
    struct ir_value second = lower_expression(context, right, LOWER_VALUE);
    bool swapped = op == BINARY_LESS || op == BINARY_LESS_EQUAL;
    bool strict = op == BINARY_LESS || op == BINARY_GREATER;
    struct ir_value greater = swapped ? second : first;
    struct ir_value lesser = swapped ? first : second;
    CXCursor lesser_cursor = cursor_strip(context->unit_state, swapped ? left : right);
    bool lesser_set = lesser.kind == VALUE_NONNULL ||
                      kind_is_array(compat_canonical_type(clang_getCursorType(lesser_cursor)).kind);
    struct source_location location = lower_location_start(context, expression);
    int holds = if_true;
    if (greater.kind == VALUE_PATH && greater.path >= 0 &&
        context->function->paths[greater.path].is_pointer && (strict || lesser_set))
        holds = lower_new_block(context);
    lower_branch(context, make_condition(CONDITION_UNKNOWN, -1, 0, location), holds, if_false);
    if (holds != if_true) {
        context->current = holds;
        struct ir_statement *assume = lower_emit(context, STATEMENT_ASSUME, location);
        assume->target = greater.path;
        assume->value.integer = 2;
        lower_goto(context, if_true);
    }
    return true;
}

/* a < b, a <= b, a > b, a >= b, and == / != between two integer paths:
 * CONDITION_LESS / CONDITION_EQUALS_PATH on `path + k` forms. */
static void lower_ordering(struct lower_context *context, CXCursor expression, CXCursor left,
                           CXCursor right, enum binary_operator op, int if_true, int if_false)
{
    if (op != BINARY_EQUAL && op != BINARY_NOT_EQUAL &&
        lower_pointer_ordering(context, expression, left, right, op, if_true, if_false))
        return;
    struct source_location location = lower_location_start(context, expression);
    int a, b;
    long long ka, kb;
    bool linear = lower_linear(context, left, &a, &ka);
    linear = lower_linear(context, right, &b, &kb) && linear;
    if (linear && a < 0 && b < 0) { /* constants (LIMIT > 7): only the live edge */
        long long folded;
        if (constants_fold_binary(op, compat_is_unsigned_type(clang_getCursorType(left)), ka, kb,
                                  &folded)) {
            lower_goto(context, folded ? if_true : if_false);
            return;
        }
    }
    if (!linear || !same_signedness(left, right) || (a < 0 && b < 0) ||
        ka == LLONG_MIN || ka == LLONG_MAX || kb == LLONG_MIN || kb == LLONG_MAX) {
        lower_branch(context, make_condition(CONDITION_UNKNOWN, -1, 0, location), if_true,
                     if_false);
        return;
    }
    /* a + ka OP b + kb; put a path on the left: x OP y + k */
    bool swapped = a < 0;
    if (swapped) {
        int path = a;
        long long offset = ka;
        a = b, ka = kb;
        b = path, kb = offset;
        op = op == BINARY_LESS            ? BINARY_GREATER
             : op == BINARY_GREATER       ? BINARY_LESS
             : op == BINARY_LESS_EQUAL    ? BINARY_GREATER_EQUAL
             : op == BINARY_GREATER_EQUAL ? BINARY_LESS_EQUAL
                                          : op;
    }
    long long k = kb - ka;
    struct ir_condition condition = make_condition(CONDITION_LESS, a, k, location);
    condition.other = b;
    condition.is_unsigned =
        compat_is_unsigned_type(compat_canonical_type(clang_getCursorType(left)));
    /* `index > ULONG_MAX` of an unsigned index (-1 here): k + 1 below would
     * wrap to 0; it never holds, and `index <= ULONG_MAX` always does. Not
     * `count + 1 > 0`, the same k from an offset on the path's side: that
     * one holds (brotli's `BROTLI_ALLOC(m, T, n + 1)`, `(N) > 0 ? ... :
     * NULL`), and goes on as `count > -1` below */
    if (condition.is_unsigned && b < 0 && ka == 0 && kb == -1 &&
        (op == BINARY_GREATER || op == BINARY_LESS_EQUAL)) {
        lower_goto(context, op == BINARY_LESS_EQUAL ? if_true : if_false);
        return;
    }
    /* `count + 2 > 1` of an unsigned count: the sum is at least the
     * offset on the path's side, above the constant on the other */
    if (condition.is_unsigned && b < 0 && ka > 0 && kb >= 0 && kb < ka) {
        bool holds = op == BINARY_GREATER || op == BINARY_GREATER_EQUAL ||
                     op == BINARY_NOT_EQUAL;
        lower_goto(context, holds ? if_true : if_false);
        return;
    }
    int when_true = if_true, when_false = if_false;
    switch (op) {
    case BINARY_LESS: /* a < b + k */
        break;
    case BINARY_LESS_EQUAL: /* a < b + k + 1 */
        condition.integer = k + 1;
        break;
    case BINARY_GREATER: /* not a < b + k + 1 */
        condition.integer = k + 1;
        when_true = if_false, when_false = if_true;
        break;
    case BINARY_GREATER_EQUAL: /* not a < b + k */
        when_true = if_false, when_false = if_true;
        break;
    case BINARY_EQUAL:
    case BINARY_NOT_EQUAL:
        condition.kind = CONDITION_EQUALS_PATH;
        if (op == BINARY_NOT_EQUAL)
            when_true = if_false, when_false = if_true;
        break;
    default:
        condition = make_condition(CONDITION_UNKNOWN, -1, 0, location);
        break;
    }
    lower_branch(context, condition, when_true, when_false);
}

/* a == b / a != b: NULL tests and integer tests against constants. Both
 * operands are lowered first; their values say which test it is. */
/* `flags & MASK` (or `~flags & MASK`) with a constant mask, as a branch:
 * CONDITION_BITS, or false when it is not of that shape (nothing is
 * lowered then). */
static bool lower_bits(struct lower_context *context, CXCursor expression, int if_set,
                       int if_clear)
{
    struct frontend_unit *unit = context->unit_state;
    if (clang_getCursorKind(expression) != CXCursor_BinaryOperator ||
        compat_binary_operator(unit, expression) != BINARY_BIT_AND ||
        !compat_is_integer_type(clang_getCursorType(expression)))
        return false;
    struct cursor_list operands;
    cursor_code_children(unit, expression, &operands);
    bool done = false;
    long long mask;
    for (int m = 0; !done && operands.count == 2 && m < 2; m++) {
        if (!constants_libclang_value(operands.items[m], &mask))
            continue;
        CXCursor tested = cursor_strip(unit, operands.items[1 - m]);
        bool complement = clang_getCursorKind(tested) == CXCursor_UnaryOperator &&
                          compat_unary_operator(unit, tested) == UNARY_COMPLEMENT;
        if (complement)
            tested = cursor_first_expression(unit, tested);
        struct ir_value value = lower_expression(context, tested, LOWER_VALUE);
        struct source_location location = lower_location_start(context, expression);
        if (value.kind == VALUE_PATH && !context->function->paths[value.path].is_pointer) {
            struct ir_condition condition =
                make_condition(CONDITION_BITS, value.path, mask, location);
            condition.complement = complement;
            lower_branch(context, condition, if_set, if_clear);
        } else {
            lower_branch(context, make_condition(CONDITION_UNKNOWN, -1, 0, location), if_set,
                         if_clear);
        }
        done = true;
    }
    cursor_list_free(&operands);
    return done;
}

static bool is_zero(CXCursor expression)
{
    long long value;
    return constants_libclang_value(expression, &value) && value == 0;
}

static void lower_condition_at(struct lower_context *context, CXCursor expression, int if_true,
                               int if_false);

/* Whether an expression is a truth value: !x, a comparison, && or ||. */
static bool is_truth_value(struct frontend_unit *unit, CXCursor expression)
{
    if (clang_getCursorKind(expression) == CXCursor_UnaryOperator)
        return compat_unary_operator(unit, expression) == UNARY_NOT;
    switch (compat_binary_operator(unit, expression)) {
    case BINARY_EQUAL:
    case BINARY_NOT_EQUAL:
    case BINARY_LESS:
    case BINARY_LESS_EQUAL:
    case BINARY_GREATER:
    case BINARY_GREATER_EQUAL:
    case BINARY_LOGICAL_AND:
    case BINARY_LOGICAL_OR:
        return true;
    default:
        return false;
    }
}

static void lower_equality(struct lower_context *context, CXCursor expression, CXCursor left,
                           CXCursor right, bool equal, int if_true, int if_false)
{
    struct frontend_unit *unit = context->unit_state;
    for (int side = 0; side < 2; side++) {
        CXCursor other = cursor_strip(unit, side == 0 ? left : right);
        if (!is_zero(side == 0 ? right : left))
            continue;
        /* (!p) != 0, the shape of `#define unlikely(x) __builtin_expect((x) != 0, 0)`:
         * the truth value itself is the test */
        if (is_truth_value(unit, other)) {
            lower_condition_at(context, other, equal ? if_false : if_true,
                               equal ? if_true : if_false);
            return;
        }
        /* (flags & MASK) == 0, (flags & MASK) != 0 */
        if (lower_bits(context, other, equal ? if_false : if_true, equal ? if_true : if_false))
            return;
    }
    int when_equal = equal ? if_true : if_false, when_different = equal ? if_false : if_true;
    struct ir_value first = lower_expression(context, left, LOWER_VALUE);
    struct ir_value second = lower_expression(context, right, LOWER_VALUE);
    struct source_location location = lower_location_start(context, expression);
    if (first.kind == VALUE_NULL || second.kind == VALUE_NULL) {
        struct ir_value tested = first.kind == VALUE_NULL ? second : first;
        /* non-NULL means "different from NULL" */
        branch_on_value(context, expression, tested, true, when_different, when_equal);
        return;
    }
    if (first.kind == VALUE_INTEGER && second.kind == VALUE_INTEGER) {
        lower_goto(context, first.integer == second.integer ? when_equal : when_different);
        return;
    }
    if (first.kind == VALUE_NULL_TEST && second.kind == VALUE_NULL_TEST &&
        first.path != second.path) {
        /* !a != !b, (a == NULL) == (b == NULL): the two truths are equal when
         * both pointers are NULL or neither is, for tests of one polarity */
        bool same_polarity = first.integer == second.integer;
        struct ir_condition condition =
            make_condition(CONDITION_SAME_NULLNESS, first.path, 0, location);
        condition.other = second.path;
        lower_branch(context, condition, same_polarity ? when_equal : when_different,
                     same_polarity ? when_different : when_equal);
        return;
    }
    for (int side = 0; side < 2; side++) {
        struct ir_value *known = side == 0 ? &first : &second;
        struct ir_value tested = side == 0 ? second : first;
        if (known->kind == VALUE_NONNULL && tested.kind == VALUE_PATH &&
            context->function->paths[tested.path].is_pointer) {
            /* `function == do_help`, `p == &sentinel`: equal, the pointer is
             * set; different says nothing */
            known->path = lower_materialise(context, *known, location, true);
            known->kind = VALUE_PATH;
            known->integer = 0;
        }
    }
    if (first.kind == VALUE_PATH && second.kind == VALUE_PATH &&
        context->function->paths[first.path].is_pointer &&
        context->function->paths[second.path].is_pointer) {
        /* a == b of two pointers: a NULL test where one side holds NULL
         * (ASSERT_NOT_NULL's `const void *b = NULL; if (a != b)`) */
        struct ir_condition condition =
            make_condition(CONDITION_EQUALS_PATH, first.path, 0, location);
        condition.other = second.path;
        lower_branch(context, condition, when_equal, when_different);
        return;
    }
    if (first.kind == VALUE_PATH && second.kind == VALUE_PATH &&
        !context->function->paths[first.path].is_pointer &&
        !context->function->paths[second.path].is_pointer && same_signedness(left, right)) {
        struct ir_condition condition =
            make_condition(CONDITION_EQUALS_PATH, first.path, 0, location);
        condition.other = second.path;
        condition.is_unsigned =
            compat_is_unsigned_type(compat_canonical_type(clang_getCursorType(left)));
        lower_branch(context, condition, when_equal, when_different);
        return;
    }
    if ((first.kind == VALUE_INTEGER && second.kind == VALUE_PATH) ||
        (first.kind == VALUE_PATH && second.kind == VALUE_INTEGER)) {
        struct ir_value path = first.kind == VALUE_PATH ? first : second;
        long long constant = first.kind == VALUE_INTEGER ? first.integer : second.integer;
        lower_branch(context,
                     make_condition(CONDITION_INTEGER_EQUALS, path.path, constant, location),
                     when_equal, when_different);
        return;
    }
    lower_branch(context, make_condition(CONDITION_UNKNOWN, -1, 0, location), if_true, if_false);
}

static bool is_builtin_expect(CXCursor call)
{
    CXCursor callee = clang_getCursorReferenced(call);
    if (clang_getCursorKind(callee) != CXCursor_FunctionDecl)
        return false;
    CXString name = clang_getCursorSpelling(callee);
    const char *text = clang_getCString(name);
    bool expect = text && (strcmp(text, "__builtin_expect") == 0 ||
                           strcmp(text, "__builtin_expect_with_probability") == 0);
    clang_disposeString(name);
    return expect;
}

/* &&, ||, the comma, and comparisons as branches; false for any other
 * operator (the caller lowers it as a value). */
static bool lower_binary_condition(struct lower_context *context, CXCursor expression,
                                   int if_true, int if_false)
{
    struct frontend_unit *unit = context->unit_state;
    struct cursor_list operands;
    cursor_code_children(context->unit_state, expression, &operands);
    bool done = operands.count == 2;
    if (done) {
        CXCursor left = operands.items[0], right = operands.items[1];
        int middle;
        switch (compat_binary_operator(unit, expression)) {
        case BINARY_LOGICAL_AND:
            middle = lower_new_block(context);
            lower_condition_at(context, left, middle, if_false);
            context->current = middle;
            lower_condition_at(context, right, if_true, if_false);
            break;
        case BINARY_LOGICAL_OR:
            middle = lower_new_block(context);
            lower_condition_at(context, left, if_true, middle);
            context->current = middle;
            lower_condition_at(context, right, if_true, if_false);
            break;
        case BINARY_COMMA:
            lower_expression(context, left, LOWER_EFFECT);
            lower_condition_at(context, right, if_true, if_false);
            break;
        case BINARY_BIT_AND:
            done = lower_bits(context, expression, if_true, if_false);
            break;
        case BINARY_EQUAL:
        case BINARY_NOT_EQUAL: {
            bool equal = compat_binary_operator(unit, expression) == BINARY_EQUAL;
            lower_equality(context, expression, left, right, equal, if_true, if_false);
            break;
        }
        case BINARY_BIT_XOR:
            /* `!a ^ !b` of two truth values (0 or 1) is `!a != !b` */
            done = is_truth_value(unit, cursor_strip(unit, left)) &&
                   is_truth_value(unit, cursor_strip(unit, right));
            if (done)
                lower_equality(context, expression, left, right, false, if_true, if_false);
            break;
        case BINARY_LESS:
        case BINARY_LESS_EQUAL:
        case BINARY_GREATER:
        case BINARY_GREATER_EQUAL:
            lower_ordering(context, expression, left, right,
                           compat_binary_operator(unit, expression), if_true, if_false);
            break;
        default:
            done = false;
            break;
        }
    }
    cursor_list_free(&operands);
    return done;
}

/* `v = K;` with K an integer constant, v the variable `variable`: K. */
static bool assigns_constant(struct frontend_unit *unit, CXCursor statement, CXCursor variable,
                             long long *value)
{
    statement = cursor_strip(unit, statement);
    if (clang_getCursorKind(statement) != CXCursor_BinaryOperator ||
        compat_binary_operator(unit, statement) != BINARY_ASSIGN)
        return false;
    struct cursor_list sides;
    cursor_code_children(unit, statement, &sides);
    bool found = sides.count == 2 &&
                 clang_equalCursors(cursor_declaration(cursor_strip(unit, sides.items[0])),
                                    variable) &&
                 constants_libclang_value(sides.items[1], value);
    cursor_list_free(&sides);
    return found;
}

/* GLib's G_LIKELY(expr) and its copies: the statement expression
 * `({ int v; if (expr) v = 1; else v = 0; v; })` is true exactly when expr
 * is, so expr itself is the condition (a flag in between would tie the
 * test to the pointer only while states are kept apart). The condition
 * expr, or a null cursor when the expression has another shape; *same
 * says whether a true expr gives a true flag. */
static CXCursor boolean_statement_expression(struct frontend_unit *unit, CXCursor expression,
                                             bool *same)
{
    CXCursor found = clang_getNullCursor();
    struct cursor_list outer, body, branches;
    cursor_code_children(unit, expression, &outer);
    CXCursor compound = outer.count == 1 ? outer.items[0] : clang_getNullCursor();
    cursor_list_free(&outer);
    if (clang_getCursorKind(compound) != CXCursor_CompoundStmt)
        return found;
    cursor_code_children(unit, compound, &body);
    if (body.count == 3 && clang_getCursorKind(body.items[0]) == CXCursor_DeclStmt &&
        clang_getCursorKind(body.items[1]) == CXCursor_IfStmt) {
        /* the flag the statement expression gives: assigned in both branches
         * just before, its value is the test's truth wherever it lives */
        CXCursor variable = cursor_declaration(cursor_strip(unit, body.items[2]));
        cursor_code_children(unit, body.items[1], &branches);
        long long then_value, else_value;
        if (clang_getCursorKind(variable) == CXCursor_VarDecl && branches.count == 3 &&
            assigns_constant(unit, branches.items[1], variable, &then_value) &&
            assigns_constant(unit, branches.items[2], variable, &else_value) &&
            (then_value != 0) != (else_value != 0)) {
            found = branches.items[0];
            *same = then_value != 0;
        }
        cursor_list_free(&branches);
    }
    cursor_list_free(&body);
    return found;
}

static bool lower_structured(struct lower_context *context, CXCursor expression, int if_true,
                             int if_false)
{
    struct frontend_unit *unit = context->unit_state;
    enum CXCursorKind kind = clang_getCursorKind(expression);
    if (kind == CXCursor_UnaryOperator &&
        compat_unary_operator(unit, expression) == UNARY_NOT) {
        lower_condition_at(context, cursor_first_expression(unit, expression), if_false, if_true);
        return true;
    }
    if (kind == CXCursor_UnaryOperator &&
        (compat_unary_operator(unit, expression) == UNARY_MINUS ||
         compat_unary_operator(unit, expression) == UNARY_PLUS)) {
        /* -x is zero exactly when x is: git's XDL_ALLOC_GROW is
         * -!(n <= alloc || (p = grow(p))), -1 when p went NULL */
        lower_condition_at(context, cursor_first_expression(unit, expression), if_true, if_false);
        return true;
    }
    if (kind == CXCursor_CStyleCastExpr) {
        struct cursor_list parts;
        cursor_code_children(context->unit_state, expression, &parts);
        CXCursor inner = parts.count ? parts.items[parts.count - 1] : clang_getNullCursor();
        cursor_list_free(&parts);
        enum CXTypeKind type = compat_canonical_type(clang_getCursorType(expression)).kind;
        if (!cursor_is_null(inner) && (kind_is_pointer(type) || type == CXType_Bool)) {
            lower_condition_at(context, inner, if_true, if_false);
            return true;
        }
        return false;
    }
    if (kind == CXCursor_CallExpr && is_builtin_expect(expression) &&
        clang_Cursor_getNumArguments(expression) >= 1) {
        for (int i = 1; i < clang_Cursor_getNumArguments(expression); i++)
            lower_expression(context, clang_Cursor_getArgument(expression, (unsigned)i),
                             LOWER_EFFECT);
        lower_condition_at(context, clang_Cursor_getArgument(expression, 0), if_true, if_false);
        return true;
    }
    if (kind == CXCursor_StmtExpr) {
        bool same = true;
        CXCursor tested = boolean_statement_expression(unit, expression, &same);
        if (cursor_is_null(tested))
            return false;
        lower_condition_at(context, tested, same ? if_true : if_false, same ? if_false : if_true);
        return true;
    }
    bool negated = false;
    const char *tag = kind == CXCursor_CallExpr ? lower_variant_test(expression, &negated) : NULL;
    if (tag) { /* user_opt_is_some(found): a test of found.some */
        struct ir_value holder =
            lower_expression(context, clang_Cursor_getArgument(expression, 0), LOWER_VALUE);
        if (holder.kind != VALUE_PATH) {
            branch_unknown(context, expression, if_true, if_false);
            return true;
        }
        int tag_path = lower_path(context, holder.path, PATH_FIELD, tag, VARIABLE_LOCAL, false);
        context->function->paths[tag_path].is_boolean = true;
        lower_branch(context,
                     make_condition(CONDITION_NONZERO, tag_path, 0,
                                    lower_location_start(context, expression)),
                     negated ? if_false : if_true, negated ? if_true : if_false);
        return true;
    }
    if (kind == CXCursor_ConditionalOperator) {
        struct cursor_list parts;
        cursor_code_children(context->unit_state, expression, &parts);
        bool done = parts.count == 3;
        if (done) {
            int first = lower_new_block(context), second = lower_new_block(context);
            lower_condition_at(context, parts.items[0], first, second);
            context->current = first;
            lower_condition_at(context, parts.items[1], if_true, if_false);
            context->current = second;
            lower_condition_at(context, parts.items[2], if_true, if_false);
        }
        cursor_list_free(&parts);
        return done;
    }
    if (kind != CXCursor_BinaryOperator)
        return false;
    return lower_binary_condition(context, expression, if_true, if_false);
}

static void lower_condition_at(struct lower_context *context, CXCursor expression, int if_true,
                               int if_false)
{
    if (cursor_is_null(expression)) {
        lower_branch(context, make_condition(CONDITION_UNKNOWN, -1, 0, (struct source_location){0}),
                     if_true, if_false);
        return;
    }
    if (context->depth >= LOWER_DEPTH_LIMIT) {
        branch_unknown(context, expression, if_true, if_false);
        return;
    }
    context->depth++;
    expression = cursor_strip(context->unit_state, expression);
    if (clang_getCursorKind(expression) == CXCursor_UnaryOperator &&
        compat_unary_writes(context->unit_state, expression) == UNARY_PRE_INCREMENT &&
        kind_is_pointer(compat_canonical_type(clang_getCursorType(expression)).kind)) {
        /* `!strcmp(*argv, "-") && argv++`: stepping a pointer presumes it
         * set, so its truth is no NULL test (zsh's bin_trap) */
        lower_expression(context, expression, LOWER_EFFECT);
        lower_goto(context, if_true);
        context->depth--;
        return;
    }
    if (!lower_structured(context, expression, if_true, if_false)) {
        enum CXTypeKind kind = compat_canonical_type(clang_getCursorType(expression)).kind;
        /* constants come back as VALUE_INTEGER / NULL: only the live edge */
        if (kind_is_pointer(kind) || kind_is_integer(kind)) {
            struct ir_value value = lower_expression(context, expression, LOWER_VALUE);
            branch_on_value(context, expression, value, kind_is_pointer(kind), if_true,
                            if_false);
        } else {
            lower_expression(context, expression, LOWER_EFFECT);
            branch_unknown(context, expression, if_true, if_false);
        }
    }
    context->depth--;
}

void lower_condition(struct lower_context *context, CXCursor expression, int if_true,
                     int if_false)
{
    lower_condition_at(context, expression, if_true, if_false);
}

/* Whether `statement` is, or begins with, a call of a function that never
 * returns, by its declaration or a pack (`no_space();`, `{ exit(2); }`). */
static bool calls_noreturn(struct lower_context *context, CXCursor statement)
{
    struct frontend_unit *unit = context->unit_state;
    statement = cursor_strip(unit, statement);
    if (clang_getCursorKind(statement) == CXCursor_CompoundStmt) {
        struct cursor_list parts;
        cursor_code_children(unit, statement, &parts);
        CXCursor first = parts.count > 0 ? parts.items[0] : clang_getNullCursor();
        cursor_list_free(&parts);
        if (cursor_is_null(first))
            return false;
        statement = cursor_strip(unit, first);
    }
    if (clang_getCursorKind(statement) != CXCursor_CallExpr)
        return false;
    CXCursor function = clang_getCursorReferenced(statement);
    if (clang_getCursorKind(function) != CXCursor_FunctionDecl)
        return false;
    if (attributes_of(unit, function, clang_getNullCursor())->facts & CALL_NORETURN)
        return true;
    const struct pack_entry *entry =
        unit->packs ? packs_find(unit->packs, attributes_of(unit, function,
                                                             clang_getNullCursor())->name)
                    : NULL;
    return entry && entry->noreturn;
}

/* Whether `statement` does nothing: `;` or `{}`. */
static bool is_empty_statement(struct lower_context *context, CXCursor statement)
{
    enum CXCursorKind kind = clang_getCursorKind(statement);
    if (kind == CXCursor_NullStmt)
        return true;
    if (kind != CXCursor_CompoundStmt)
        return false;
    struct cursor_list parts;
    cursor_code_children(context->unit_state, statement, &parts);
    bool empty = parts.count == 0;
    cursor_list_free(&parts);
    return empty;
}

void lower_guard_condition(struct lower_context *context, CXCursor expression,
                           CXCursor then_statement, CXCursor else_statement, int if_true,
                           int if_false)
{
    struct frontend_unit *unit = context->unit_state;
    CXCursor stripped = cursor_strip(unit, expression);
    struct cursor_list operands;
    bool guard = false;
    bool equal = true;
    CXCursor left = clang_getNullCursor(), right = clang_getNullCursor();
    /* the branches first: naming a macro's operator is the dear part */
    if (!calls_noreturn(context, then_statement)) {
        equal = false;
        if (cursor_is_null(else_statement) || !is_empty_statement(context, then_statement) ||
            !calls_noreturn(context, else_statement))
            stripped = clang_getNullCursor(); /* no guard */
    }
    if (clang_getCursorKind(stripped) == CXCursor_BinaryOperator &&
        compat_binary_operator(unit, stripped) == BINARY_UNKNOWN) {
        cursor_code_children(unit, stripped, &operands);
        if (operands.count == 2) {
            left = operands.items[0];
            right = operands.items[1];
            bool null_left = constants_is_null_pointer(unit, left);
            bool null_right = constants_is_null_pointer(unit, right);
            guard = (null_left != null_right) &&
                    compat_is_pointer_type(clang_getCursorType(null_left ? right : left));
        }
        cursor_list_free(&operands);
    }
    /* `if (p == 0) no_space();` in a macro whose body also says `assert(p
     * != 0)`: libclang 14 cannot tell the two operators apart there, and
     * only == makes sense before a call that never returns; glibc's
     * `assert(head != NULL)`, `if (head != NULL) ; else __assert_fail(...)`,
     * in utlist's DL_DELETE whose body also says `prev == del`, is the
     * other way round */
    if (guard)
        lower_equality(context, stripped, left, right, equal, if_true, if_false);
    else
        lower_condition_at(context, expression, if_true, if_false);
}

void lower_rejoin(struct lower_context *context, int if_true, int if_false)
{
    int join = lower_new_block(context);
    context->current = if_true;
    lower_goto(context, join);
    context->current = if_false;
    lower_goto(context, join);
    context->current = join;
}

void lower_diamond(struct lower_context *context, CXCursor expression)
{
    int if_true = lower_new_block(context), if_false = lower_new_block(context);
    lower_condition(context, expression, if_true, if_false);
    lower_rejoin(context, if_true, if_false);
}

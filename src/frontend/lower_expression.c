/*
 * lower_expression: expressions to statements in evaluation order, each
 * returning its value (a path, NULL, non-NULL, an integer or unknown).
 * Dereferences become USE statements, assignments ASSIGN, calls CALL with
 * a fresh temporary for their result. Unevaluated operands (sizeof,
 * _Alignof, typeof) are not lowered. Conditions and statements live in
 * their own files.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lower.h"

static bool type_is_pointer(CXCursor cursor)
{
    return compat_is_pointer_type(clang_getCursorType(cursor));
}

static struct ir_statement *emit_assign(struct lower_context *context, int target,
                                        struct ir_value value, struct source_location location)
{
    struct ir_statement *assign = lower_emit(context, STATEMENT_ASSIGN, location);
    assign->target = target;
    assign->value = value;
    return assign;
}

static void emit_use(struct lower_context *context, int path, enum use_kind use,
                     struct source_location location)
{
    struct ir_statement *statement = lower_emit(context, STATEMENT_USE, location);
    statement->target = path;
    statement->use = use;
}

/* &x: non-NULL, and the path whose address it is (a callee may change it). */
static struct ir_value value_address(int path)
{
    struct ir_value value = {VALUE_NONNULL, path, 0};
    return value;
}

/* The truth of `path != NULL` (non_null 1) or `path == NULL` (0). */
static struct ir_value value_null_test(int path, bool non_null)
{
    struct ir_value value = {VALUE_NULL_TEST, path, non_null ? 1 : 0};
    return value;
}

/* A branch on `path != NULL` whose two empty arms join again: the code
 * tests the pointer, so it may be NULL. */
static void null_test_diamond(struct lower_context *context, int path,
                              struct source_location location)
{
    int if_true = lower_new_block(context), if_false = lower_new_block(context);
    struct ir_condition condition = {CONDITION_NONNULL, path, 0, location, -1, false, false};
    lower_branch(context, condition, if_true, if_false);
    lower_rejoin(context, if_true, if_false);
}

/* `a && b` as a value: 1 on the branch where it holds, 0 on the other,
 * so that `return x && x->type == 3;` is seen to return 0 when x is NULL
 * (a NULL-safe predicate, see summary.h). */
static struct ir_value logical_value(struct lower_context *context, CXCursor expression)
{
    int if_true = lower_new_block(context), if_false = lower_new_block(context);
    lower_condition(context, expression, if_true, if_false);
    int result = lower_temporary(context, "(logical)", false);
    context->function->paths[result].is_boolean = true;
    struct source_location location = lower_location(context, expression);
    context->current = if_true;
    emit_assign(context, result, value_integer(1), location);
    context->current = if_false;
    emit_assign(context, result, value_integer(0), location);
    lower_rejoin(context, if_true, if_false);
    return value_path(result);
}

static void lower_all_effects(struct lower_context *context, CXCursor parent)
{
    struct cursor_list children;
    cursor_code_children(context->unit_state, parent, &children);
    for (int i = 0; i < children.count; i++) {
        if (clang_isExpression(clang_getCursorKind(children.items[i])))
            lower_expression(context, children.items[i], LOWER_EFFECT);
        else
            lower_statement(context, children.items[i]);
    }
    cursor_list_free(&children);
}

/* Short source text of an expression for naming temporaries ("c ? p : q"),
 * or `fallback` when it is long, spans files or comes from a macro. */
static const char *expression_text(struct lower_context *context, CXCursor expression,
                                   const char *fallback)
{
    struct frontend_unit *unit = context->unit_state;
    CXSourceRange extent = clang_getCursorExtent(expression);
    int file, end_file;
    unsigned begin, end;
    if (!unit_file_offset(unit, clang_getRangeStart(extent), &file, &begin) ||
        !unit_file_offset(unit, clang_getRangeEnd(extent), &end_file, &end) ||
        end_file != file || end <= begin || end - begin > 40 || macros_find(unit, file, begin))
        return fallback;
    size_t size = 0;
    const char *buffer = clang_getFileContents(unit->tu, unit->files[file].file, &size);
    if (!buffer || end > size)
        return fallback;
    char text[48];
    size_t length = 0;
    bool blank = false;
    for (unsigned i = begin; i < end; i++) {
        char c = buffer[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            blank = length > 0;
            continue;
        }
        if (blank)
            text[length++] = ' ';
        blank = false;
        text[length++] = c;
    }
    text[length] = 0;
    return arena_printf(context->unit->arena, "(%s)", text);
}

/* ---- members, subscripts, dereferences ---- */

struct member {
    const char *name;
    bool is_pointer;
};

static enum CXChildVisitResult first_field(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (clang_getCursorKind(cursor) != CXCursor_FieldDecl)
        return CXChildVisit_Continue;
    *(CXCursor *)data = cursor;
    return CXChildVisit_Break;
}

/* All members of a union share one path, named after its first member, so
 * a value written through one member is seen through the others. */
static struct member member_of(struct lower_context *context, CXCursor reference)
{
    struct member member = {NULL, type_is_pointer(reference)};
    CXCursor field = clang_getCursorReferenced(reference);
    if (clang_getCursorKind(field) == CXCursor_FieldDecl) {
        CXCursor record = clang_getCursorSemanticParent(field);
        if (clang_getCursorKind(record) == CXCursor_UnionDecl) {
            CXCursor first = clang_getNullCursor();
            clang_visitChildren(record, first_field, &first);
            if (!cursor_is_null(first)) {
                field = first;
                member.is_pointer = compat_is_pointer_type(clang_getCursorType(first));
            }
        }
        member.name = unit_string(context->unit_state, clang_getCursorSpelling(field));
    } else {
        member.name = unit_string(context->unit_state, clang_getCursorSpelling(reference));
    }
    return member;
}

/* `expression` without the parentheses around it (only those: a cast
 * makes another value). */
static CXCursor without_parentheses(struct lower_context *context, CXCursor expression)
{
    for (int guard = 0; guard < 10000 && clang_getCursorKind(expression) == CXCursor_ParenExpr;
         guard++)
        expression = cursor_single_expression(context->unit_state, expression);
    return expression;
}

int lower_member_address_place(struct lower_context *context, CXCursor argument,
                               struct ir_value value)
{
    if (value.kind != VALUE_PATH || value.path < 0)
        return -1;
    CXCursor address = cursor_strip(context->unit_state, argument);
    if (clang_getCursorKind(address) != CXCursor_UnaryOperator ||
        compat_unary_operator(context->unit_state, address) != UNARY_ADDRESS)
        return -1;
    CXCursor operand = cursor_first_expression(context->unit_state, address);
    operand = without_parentheses(context, operand);
    if (clang_getCursorKind(operand) != CXCursor_MemberRefExpr)
        return -1;
    CXCursor base = cursor_first_expression(context->unit_state, operand);
    if (cursor_is_null(base) || !type_is_pointer(base))
        return -1;
    struct member member = member_of(context, operand);
    if (!member.name || !member.name[0])
        return -1;
    return lower_path(context, value.path, PATH_ARROW, member.name, VARIABLE_LOCAL,
                      member.is_pointer);
}

static struct ir_value lower_member(struct lower_context *context, CXCursor expression)
{
    CXCursor base = cursor_first_expression(context->unit_state, expression);
    if (cursor_is_null(base))
        return value_unknown();
    struct member member = member_of(context, expression);
    /* s.u.f = v writes inside s.u: the base is written too, not read (a
     * payload of a sum type may be written before its tag is set) */
    CXCursor outer = context->written;
    if (clang_equalCursors(expression, outer) && !type_is_pointer(base))
        context->written = cursor_strip(context->unit_state, base);
    struct ir_value value = lower_expression(context, base, LOWER_VALUE);
    context->written = outer;
    if (!member.name[0])
        return value; /* an anonymous struct / union member: no step of its own */
    /* ((struct sockaddr_un *) 0)->sun_path, an array member of a null
     * constant: an offset computed by hand (glibc's SUN_LEN, old offsetof
     * macros), like &((T *) 0)->f; nothing is read. */
    if (value.kind == VALUE_NULL && compat_is_array_type(clang_getCursorType(expression)))
        return value_unknown();
    if (type_is_pointer(base)) {
        struct source_location location = lower_location_start(context, base);
        int pointer = lower_materialise(context, value, location, true);
        emit_use(context, pointer, USE_ARROW, location);
        /* p->f with p always &x: x.f */
        int parent = pointer;
        enum path_step step = PATH_ARROW;
        CXCursor variable;
        if (aliases_target(context, base, &variable)) {
            parent = lower_root(context, variable);
            step = PATH_FIELD;
        }
        lower_variant_read(context, expression, parent, step);
        int field = lower_path(context, parent, step, member.name, VARIABLE_LOCAL,
                               member.is_pointer);
        lower_mark_declaration(context, field, clang_getCursorReferenced(expression));
        return value_path(field);
    }
    if (value.kind != VALUE_PATH)
        return value_unknown();
    lower_variant_read(context, expression, value.path, PATH_FIELD);
    int field = lower_path(context, value.path, PATH_FIELD, member.name, VARIABLE_LOCAL,
                           member.is_pointer);
    lower_mark_declaration(context, field, clang_getCursorReferenced(expression));
    return value_path(field);
}

/* The pointer or array operand of a[i] (C also allows i[a]). */
static void subscript_parts(struct lower_context *context, CXCursor expression, CXCursor *base,
                            CXCursor *index)
{
    struct cursor_list parts;
    cursor_code_children(context->unit_state, expression, &parts);
    *base = *index = clang_getNullCursor();
    if (parts.count == 2) {
        CXCursor first = parts.items[0];
        bool first_is_base = type_is_pointer(first) ||
                             compat_is_element_container(clang_getCursorType(
                                 cursor_strip(context->unit_state, first)));
        *base = first_is_base ? parts.items[0] : parts.items[1];
        *index = first_is_base ? parts.items[1] : parts.items[0];
    }
    cursor_list_free(&parts);
}

/* The element base[position]: base[0] is *base, a constant index its own
 * path, any other index a weak path (it stands for all elements, so
 * argv[1] tested NULL says nothing of argv[0]): base[i] of a variable i is
 * one of its own, which the analysis forgets when i steps (the element
 * after i++ is another) and sets to what base[?] knows when i is set
 * anew; any other index is base[?]. */
static int element_path(struct lower_context *context, int base, struct ir_value position,
                        bool element_pointer)
{
    if (position.kind == VALUE_INTEGER && position.integer == 0)
        return lower_path(context, base, PATH_DEREF, NULL, VARIABLE_LOCAL, element_pointer);
    struct access_path *paths = context->function->paths;
    int variable = position.kind == VALUE_PATH && position.path >= 0 &&
                           paths[position.path].parent < 0 && !paths[position.path].is_pointer &&
                           paths[position.path].name
                       ? position.path
                       : -1;
    const char *name = "?";
    if (position.kind == VALUE_INTEGER)
        name = arena_printf(context->unit->arena, "%lld", position.integer);
    else if (variable >= 0)
        name = arena_printf(context->unit->arena, "?%s#%d", paths[variable].name, variable);
    if (variable >= 0) /* base[?], what base[i] is once i is set anew */
        lower_path(context, base, PATH_INDEX, "?", VARIABLE_LOCAL, element_pointer);
    int element = lower_path(context, base, PATH_INDEX, name, VARIABLE_LOCAL, element_pointer);
    if (variable >= 0) {
        context->function->paths[element].index_root = variable;
        context->function->paths[variable].indexes_elements = true;
    }
    return element;
}

static struct ir_value lower_subscript(struct lower_context *context, CXCursor expression)
{
    CXCursor base, index;
    subscript_parts(context, expression, &base, &index);
    if (cursor_is_null(base)) {
        lower_all_effects(context, expression);
        return value_unknown();
    }
    bool element_pointer = type_is_pointer(expression);
    CXCursor array = cursor_strip(context->unit_state, base);
    if (compat_is_element_container(clang_getCursorType(array))) {
        struct ir_value value = lower_expression(context, array, LOWER_VALUE);
        struct ir_value position = lower_expression(context, index, LOWER_VALUE);
        if (value.kind != VALUE_PATH)
            return value_unknown();
        return value_path(element_path(context, value.path, position, element_pointer));
    }
    struct ir_value value = lower_expression(context, base, LOWER_VALUE);
    struct ir_value position = lower_expression(context, index, LOWER_VALUE);
    struct source_location location = lower_location_start(context, base);
    int pointer = lower_materialise(context, value, location, true);
    emit_use(context, pointer, USE_INDEX, location);
    return value_path(element_path(context, pointer, position, element_pointer));
}

static struct ir_value function_designator(CXCursor function);

/* &operand: computes an address without dereferencing anything. */
static struct ir_value lower_address(struct lower_context *context, CXCursor operand)
{
    operand = without_parentheses(context, operand);
    if (cursor_is_null(operand))
        return value_of_kind(VALUE_NONNULL);
    switch (clang_getCursorKind(operand)) {
    case CXCursor_DeclRefExpr: {
        CXCursor declaration = clang_getCursorReferenced(operand);
        if (clang_getCursorKind(declaration) == CXCursor_FunctionDecl)
            return function_designator(declaration); /* &f is f */
        return value_address(cursor_is_variable(declaration) ? lower_root(context, declaration)
                                                             : -1);
    }
    case CXCursor_MemberRefExpr: {
        CXCursor base = cursor_first_expression(context->unit_state, operand);
        if (cursor_is_null(base))
            return value_of_kind(VALUE_NONNULL);
        if (type_is_pointer(base)) /* &p->f: as null as p */
            return lower_expression(context, base, LOWER_VALUE);
        struct ir_value whole = lower_address(context, base); /* &s.f: inside &s */
        struct member member = member_of(context, operand);
        if (whole.kind != VALUE_NONNULL || whole.path < 0 || !member.name[0])
            return whole;
        return value_address(lower_path(context, whole.path, PATH_FIELD, member.name,
                                        VARIABLE_LOCAL, member.is_pointer));
    }
    case CXCursor_ArraySubscriptExpr: {
        CXCursor base, index;
        subscript_parts(context, operand, &base, &index);
        if (cursor_is_null(base))
            break;
        CXCursor array = cursor_strip(context->unit_state, base);
        struct ir_value value;
        if (compat_is_array_type(clang_getCursorType(array))) {
            value = lower_address(context, array); /* &a[i]: an element of a */
            if (value.kind == VALUE_NONNULL && value.path >= 0)
                value = value_address(lower_path(context, value.path, PATH_DEREF, NULL,
                                                 VARIABLE_LOCAL, type_is_pointer(operand)));
        } else {
            value = lower_expression(context, base, LOWER_VALUE);
            long long constant;
            /* &p[i] is p + i: as null as p, but a NULL test of it is of it
             * alone (kilo's `row = at < rows ? &E.row[at] : NULL; if (!row)`) */
            if (value.kind == VALUE_PATH &&
                !(constants_evaluate(context->unit_state, index, &constant) && constant == 0))
                value.integer = 1;
        }
        lower_expression(context, index, LOWER_EFFECT);
        return value;
    }
    case CXCursor_UnaryOperator:
        if (compat_unary_operator(context->unit_state, operand) == UNARY_DEREFERENCE)
            return lower_expression(context,
                                    cursor_first_expression(context->unit_state, operand),
                                    LOWER_VALUE);
        break;
    default:
        break;
    }
    lower_expression(context, operand, LOWER_EFFECT);
    return value_of_kind(VALUE_NONNULL);
}

/* `path += k` of an integer: a local or parameter of the function steps
 * (STATEMENT_ADJUST), so its range moves (`for (n = half; --n >= 0;)`
 * runs while half > 0); anything else gets an unknown value, a step. */
static void emit_step(struct lower_context *context, int path, long long k,
                      struct source_location location)
{
    const struct access_path *stepped = &context->function->paths[path];
    if (stepped->parent < 0 && !stepped->is_pointer &&
        (stepped->root_kind == VARIABLE_LOCAL || stepped->root_kind == VARIABLE_PARAMETER)) {
        struct stored_step step = {true, ARITHMETIC_STEP, k};
        lower_emit_step(context, path, &step, location);
        return;
    }
    struct ir_value unknown = value_unknown();
    unknown.integer = UNKNOWN_STEP;
    emit_assign(context, path, unknown, location);
}

/* ++ and -- (prefix or postfix) on `operand`: a pointer keeps its nullness
 * but moves, an integer steps. */
static struct ir_value lower_increment(struct lower_context *context, CXCursor expression,
                                       CXCursor operand, enum unary_operator op,
                                       enum lower_mode mode)
{
    struct ir_value target = lower_expression(context, operand, LOWER_VALUE);
    if (target.kind != VALUE_PATH)
        return value_unknown();
    bool postfix =
        op == UNARY_POST_INCREMENT || op == UNARY_POST_DECREMENT || op == UNARY_POST_STEP;
    if (type_is_pointer(operand)) {
        /* p++ keeps p's nullness but moves it: what *p was is forgotten.
         * A postfix one yields the old pointer: keep it in a temporary. */
        struct source_location location = lower_location(context, expression);
        struct ir_value result = target;
        if (postfix) {
            result = value_path(lower_temporary(
                context, context->function->paths[target.path].text, true));
            emit_assign(context, result.path, target, location);
        }
        emit_assign(context, target.path, target, location);
        return result;
    }
    /* An integer steps; a prefix one yields the new value (`--n >= 0` tests
     * n as it is now), a postfix one used as a value the old one (`while
     * (count--)` tests count as it was). */
    struct source_location location = lower_location(context, expression);
    struct ir_value result = target;
    if (mode == LOWER_VALUE && postfix) {
        result = value_path(lower_temporary(context, context->function->paths[target.path].text,
                                            false));
        emit_assign(context, result.path, target, location);
    }
    if (op == UNARY_PRE_STEP || op == UNARY_POST_STEP) { /* which way is not known */
        struct ir_value unknown = value_unknown();
        unknown.integer = UNKNOWN_STEP;
        emit_assign(context, target.path, unknown, location);
        return result;
    }
    emit_step(context, target.path,
              op == UNARY_POST_INCREMENT || op == UNARY_PRE_INCREMENT ? 1 : -1, location);
    return result;
}

static struct ir_value lower_unary(struct lower_context *context, CXCursor expression,
                                   enum lower_mode mode)
{
    struct frontend_unit *unit = context->unit_state;
    enum unary_operator op = compat_unary_operator(unit, expression);
    CXCursor operand = cursor_first_expression(context->unit_state, expression);
    if (cursor_is_null(operand))
        return value_unknown();
    switch (op) {
    case UNARY_DEREFERENCE: {
        CXType type = compat_canonical_type(clang_getCursorType(operand));
        if (type.kind == CXType_Pointer && compat_is_function_type(clang_getPointeeType(type)))
            return lower_expression(context, operand, mode); /* (*fp)(): a designator */
        struct ir_value value = lower_expression(context, operand, LOWER_VALUE);
        struct source_location location = lower_location(context, expression);
        int pointer = lower_materialise(context, value, location, true);
        emit_use(context, pointer, USE_STAR, location);
        CXCursor variable;
        if (aliases_target(context, operand, &variable)) /* *p with p always &x: x */
            return value_path(lower_root(context, variable));
        if (value.kind == VALUE_PATH && value.integer == 1) /* *(p + 1) is p[?], not *p */
            return value_path(element_path(context, pointer, value_unknown(),
                                           type_is_pointer(expression)));
        return value_path(lower_path(context, pointer, PATH_DEREF, NULL, VARIABLE_LOCAL,
                                     type_is_pointer(expression)));
    }
    case UNARY_ADDRESS:
        return lower_address(context, operand);
    case UNARY_NOT: {
        long long constant;
        if (mode == LOWER_VALUE && constants_evaluate(unit, expression, &constant))
            return value_integer(constant);
        if (mode == LOWER_VALUE && type_is_pointer(operand)) { /* !p */
            struct ir_value value = lower_expression(context, operand, LOWER_VALUE);
            if (value.kind == VALUE_NULL || value.kind == VALUE_NONNULL)
                return value_integer(value.kind == VALUE_NULL);
            if (value.kind != VALUE_PATH)
                return value_unknown();
            null_test_diamond(context, value.path, lower_location(context, expression));
            return value_null_test(value.path, false);
        }
        CXCursor inner = cursor_strip(unit, operand);
        enum CXCursorKind inner_kind = clang_getCursorKind(inner);
        if (mode == LOWER_VALUE &&
            ((inner_kind == CXCursor_UnaryOperator &&
              compat_unary_operator(unit, inner) == UNARY_NOT) ||
             (inner_kind == CXCursor_BinaryOperator &&
              (compat_binary_operator(unit, inner) == BINARY_EQUAL ||
               compat_binary_operator(unit, inner) == BINARY_NOT_EQUAL)))) {
            struct ir_value value = lower_expression(context, operand, LOWER_VALUE); /* !!p */
            if (value.kind == VALUE_NULL_TEST)
                return value_null_test(value.path, value.integer == 0);
            return value_unknown();
        }
        lower_diamond(context, expression);
        return value_unknown();
    }
    case UNARY_PLUS:
    case UNARY_MINUS:
    case UNARY_COMPLEMENT:
    case UNARY_UNKNOWN: { /* unknown: 14, in a macro body; & and ++ -- are known */
        struct ir_value value = lower_expression(context, operand, mode);
        long long folded;
        if (value.kind != VALUE_INTEGER)
            return value_unknown();
        if (op == UNARY_UNKNOWN ? constants_libclang_value(expression, &folded)
                                : constants_fold_unary(op, value.integer, &folded))
            return value_integer(constants_convert(folded, clang_getCursorType(expression)));
        return value_unknown();
    }
    case UNARY_PRE_INCREMENT:
    case UNARY_PRE_DECREMENT:
    case UNARY_POST_INCREMENT:
    case UNARY_POST_DECREMENT:
    case UNARY_PRE_STEP:
    case UNARY_POST_STEP:
        return lower_increment(context, expression, operand, op, mode);
    case UNARY_EXTENSION:
        return lower_expression(context, operand, mode);
    default:
        lower_expression(context, operand, LOWER_EFFECT);
        return value_unknown();
    }
}

/* ---- binary operators ---- */

static bool is_null_comparison(struct lower_context *context, CXCursor expression)
{
    struct frontend_unit *unit = context->unit_state;
    expression = cursor_strip(unit, expression);
    if (clang_getCursorKind(expression) != CXCursor_BinaryOperator)
        return false;
    enum binary_operator op = compat_binary_operator(unit, expression);
    if (op != BINARY_EQUAL && op != BINARY_NOT_EQUAL)
        return false;
    struct cursor_list operands;
    cursor_code_children(context->unit_state, expression, &operands);
    bool result = operands.count == 2 &&
                  ((type_is_pointer(operands.items[0]) &&
                    constants_is_null_pointer(unit, operands.items[1])) ||
                   (type_is_pointer(operands.items[1]) &&
                    constants_is_null_pointer(unit, operands.items[0])));
    cursor_list_free(&operands);
    return result;
}

/* The `count` operands of an operator into `operands`; when clang built
 * another number (error recovery), their effects are lowered and false is
 * returned so the caller gives up on the value. */
static bool exact_operands(struct lower_context *context, CXCursor expression,
                           CXCursor *operands, int count)
{
    struct cursor_list children;
    cursor_code_children(context->unit_state, expression, &children);
    bool exact = children.count == count;
    for (int i = 0; exact && i < count; i++)
        operands[i] = children.items[i];
    cursor_list_free(&children);
    if (!exact)
        lower_all_effects(context, expression);
    return exact;
}

/* The cast-free core of an expression: what a cast of a pointer passes on. */
static CXCursor without_casts(struct frontend_unit *unit, CXCursor expression)
{
    for (int guard = 0; guard < 64; guard++) {
        expression = cursor_strip(unit, expression);
        if (clang_getCursorKind(expression) != CXCursor_CStyleCastExpr)
            return expression;
        CXCursor inner = cursor_first_expression(unit, expression);
        if (cursor_is_null(inner))
            return expression;
        expression = inner;
    }
    return expression;
}

/* The size in bytes of an integer type and whether it is unsigned; false
 * for another type. */
static bool integer_shape(CXType type, long long *size, bool *is_unsigned)
{
    CXType canonical = compat_canonical_type(type);
    if (!compat_is_integer_type(canonical) || canonical.kind == CXType_Bool ||
        canonical.kind == CXType_Enum)
        return false;
    *size = clang_Type_getSizeOf(canonical);
    *is_unsigned = compat_is_unsigned_type(canonical);
    return *size > 0;
}

/* Whether `expression` is `y + k`, `y - k`, `k + y`, `y * k`, `y / k` or
 * `y >> k`, k a constant and y a variable other than `target`, of integer
 * types of one signedness, none wider than the local `target` (so nothing
 * wraps on the way in), or `y & k`, `y % k`, whose result any type that
 * holds k keeps: y's cursor into `variable` and the step into `step`. */
static bool variable_and_constant(struct lower_context *context, CXCursor expression, int target,
                                  CXCursor *variable, struct stored_step *step)
{
    struct frontend_unit *unit = context->unit_state;
    CXCursor core = cursor_strip(unit, expression);
    if (clang_getCursorKind(core) != CXCursor_BinaryOperator)
        return false;
    struct cursor_list children;
    cursor_children(unit, core, &children);
    bool two = children.count == 2;
    CXCursor sides[2] = {two ? children.items[0] : core, two ? children.items[1] : core};
    cursor_list_free(&children);
    long long constants[2];
    bool constant[2] = {two && constants_evaluate(unit, sides[0], &constants[0]),
                        two && constants_evaluate(unit, sides[1], &constants[1])};
    if (!two || constant[0] == constant[1])
        return false;
    int at = constant[0] ? 1 : 0; /* the variable's side */
    long long k = constants[1 - at];
    CXCursor named = cursor_strip(unit, sides[at]);
    CXCursor declaration = clang_getCursorKind(named) == CXCursor_DeclRefExpr
                               ? cursor_declaration(named)
                               : clang_getNullCursor();
    enum CXCursorKind kind = clang_getCursorKind(declaration);
    if (kind != CXCursor_VarDecl && kind != CXCursor_ParmDecl)
        return false;
    long long stored_size, result_size, variable_size;
    bool stored_unsigned, result_unsigned, variable_unsigned;
    if (!integer_shape(clang_getCursorType(declaration), &variable_size, &variable_unsigned) ||
        !integer_shape(clang_getCursorType(core), &result_size, &result_unsigned) ||
        context->function->paths[target].is_pointer ||
        !integer_shape(clang_getCursorType(expression), &stored_size, &stored_unsigned) ||
        variable_unsigned != result_unsigned || variable_size > result_size)
        return false;
    enum binary_operator op = compat_binary_operator(unit, core);
    if (op == BINARY_BIT_AND || op == BINARY_REMAINDER) {
        /* the result lies in [0, k] (a remainder of a negative value above
         * -k): any stored type that holds k keeps it (`c = len & 0xFF`) */
        if (k < (op == BINARY_BIT_AND ? 0 : 1) || (op == BINARY_REMAINDER && at != 0) ||
            stored_size > 8 ||
            (stored_size < 8 && k >= 1LL << (8 * stored_size - (stored_unsigned ? 0 : 1))))
            return false;
        *step = (struct stored_step){true,
                                     op == BINARY_BIT_AND ? ARITHMETIC_MASK : ARITHMETIC_REMAINDER,
                                     k};
        *variable = sides[at];
        return true;
    }
    if (result_unsigned != stored_unsigned || result_size > stored_size)
        return false;
    switch (op) {
    case BINARY_ADD:
        *step = (struct stored_step){true, ARITHMETIC_ADD, k};
        break;
    case BINARY_SUBTRACT:
        if (at != 0 || k == LLONG_MIN)
            return false; /* k - y */
        *step = (struct stored_step){true, ARITHMETIC_ADD, -k};
        break;
    case BINARY_MULTIPLY:
        if (k <= 0)
            return false;
        *step = (struct stored_step){true, ARITHMETIC_MULTIPLY, k};
        break;
    case BINARY_DIVIDE:
        if (at != 0 || k <= 0)
            return false;
        *step = (struct stored_step){true, ARITHMETIC_DIVIDE, k};
        break;
    case BINARY_SHIFT_RIGHT:
        if (at != 0 || k < 0 || k >= 63)
            return false;
        *step = (struct stored_step){true, ARITHMETIC_SHIFT_RIGHT, k};
        break;
    default:
        return false;
    }
    *variable = sides[at];
    return true;
}

void lower_emit_step(struct lower_context *context, int target, const struct stored_step *step,
                     struct source_location location)
{
    if (!step || !step->present)
        return;
    struct ir_statement *adjust = lower_emit(context, STATEMENT_ADJUST, location);
    adjust->target = target;
    adjust->value = value_integer(step->operand);
    adjust->arithmetic = step->op;
}

struct ir_value lower_stored_value(struct lower_context *context, CXCursor source, int target,
                                   struct stored_step *step)
{
    const struct access_path *local = &context->function->paths[target];
    if (step) {
        /* half = len >> 1: a copy of len, then the step, so that len's range
         * carries over (a loop over half runs when len > 1) */
        step->present = false;
        CXCursor variable;
        struct stored_step found;
        if (variable_and_constant(context, source, target, &variable, &found)) {
            struct ir_value copied = lower_expression(context, variable, LOWER_VALUE);
            if (copied.kind == VALUE_PATH && copied.path != target &&
                !context->function->paths[copied.path].is_pointer) {
                *step = found;
                return copied;
            }
            return value_unknown(); /* an integer the copy could not name */
        }
    }
    CXCursor core = without_casts(context->unit_state, source);
    if (clang_getCursorKind(core) == CXCursor_CallExpr && local->parent < 0 &&
        local->root_kind == VARIABLE_LOCAL && local->is_pointer && type_is_pointer(source) &&
        type_is_pointer(core))
        context->result_target = target;
    struct ir_value value = lower_expression(context, source, LOWER_VALUE);
    context->result_target = -1; /* unused when no call took it (a recovered expression) */
    return value;
}

/* The local variable an assignment writes, when the left side is just its
 * name; -1 otherwise. */
static int assigned_local(struct lower_context *context, CXCursor target)
{
    CXCursor stripped = cursor_strip(context->unit_state, target);
    if (clang_getCursorKind(stripped) != CXCursor_DeclRefExpr)
        return -1;
    CXCursor variable = cursor_declaration(stripped);
    if (clang_getCursorKind(variable) != CXCursor_VarDecl ||
        clang_Cursor_hasVarDeclGlobalStorage(variable))
        return -1;
    return lower_root(context, variable);
}

static struct ir_value lower_assignment(struct lower_context *context, CXCursor expression,
                                        CXCursor target, CXCursor source)
{
    int local = assigned_local(context, target);
    if (local >= 0) {
        struct stored_step step;
        struct ir_value value = lower_stored_value(context, source, local, &step);
        if (value.kind == VALUE_PATH && value.path == local)
            return value; /* the call wrote its result into the local itself */
        emit_assign(context, local, value, lower_location(context, expression));
        lower_emit_step(context, local, &step, lower_location(context, expression));
        return value_path(local);
    }
    struct ir_value value = lower_expression(context, source, LOWER_VALUE);
    CXCursor outer = context->written;
    context->written = cursor_strip(context->unit_state, target);
    struct ir_value destination = lower_expression(context, target, LOWER_VALUE);
    context->written = outer;
    if (destination.kind != VALUE_PATH)
        return value;
    emit_assign(context, destination.path, value, lower_location(context, expression));
    return destination;
}

static struct ir_value lower_binary(struct lower_context *context, CXCursor expression,
                                    enum lower_mode mode)
{
    CXCursor operands[2];
    if (!exact_operands(context, expression, operands, 2))
        return value_unknown();
    CXCursor left = operands[0], right = operands[1];
    struct ir_value result = value_unknown();
    switch (compat_binary_operator(context->unit_state, expression)) {
    case BINARY_UNKNOWN: { /* 14, in a macro body; = is always known */
        struct ir_value first = lower_expression(context, left, mode);
        struct ir_value second = lower_expression(context, right, mode);
        long long folded;
        if (first.kind == VALUE_INTEGER && second.kind == VALUE_INTEGER &&
            constants_libclang_value(expression, &folded))
            return value_integer(folded);
        return result;
    }
    case BINARY_ASSIGN:
        return lower_assignment(context, expression, left, right);
    case BINARY_COMMA:
        lower_expression(context, left, LOWER_EFFECT);
        return lower_expression(context, right, mode);
    case BINARY_LOGICAL_AND:
    case BINARY_LOGICAL_OR: {
        if (mode == LOWER_VALUE)
            return logical_value(context, expression);
        /* a && b whose value nothing reads is `if (a) b;`: b runs for its
         * effect, and its truth tests nothing (zsh's `(void)(*argv &&
         * argv++)` advances argv, it does not test it) */
        bool and = compat_binary_operator(context->unit_state, expression) ==
                   BINARY_LOGICAL_AND;
        int runs = lower_new_block(context), skips = lower_new_block(context);
        lower_condition(context, left, and ? runs : skips, and ? skips : runs);
        context->current = runs;
        lower_expression(context, right, LOWER_EFFECT);
        lower_rejoin(context, context->current, skips);
        return value_unknown();
    }
    case BINARY_ADD:
    case BINARY_SUBTRACT:
        if (type_is_pointer(expression)) { /* p + n: as null as p */
            bool left_pointer = type_is_pointer(left);
            struct ir_value first = lower_expression(context, left,
                                                     left_pointer ? LOWER_VALUE : LOWER_EFFECT);
            struct ir_value second = lower_expression(context, right,
                                                      left_pointer ? LOWER_EFFECT : LOWER_VALUE);
            struct ir_value pointer = left_pointer ? first : second;
            if (pointer.kind == VALUE_PATH || pointer.kind == VALUE_NONNULL)
                result = pointer;
            if (result.kind == VALUE_PATH)
                result.integer = 1; /* derived: a NULL test of it is of it alone */
            return result;
        }
        break;
    case BINARY_BIT_AND:
    case BINARY_BIT_OR: /* (p != NULL) & (p->x > 0): the code thinks p may be NULL */
        if (!is_null_comparison(context, left) && !is_null_comparison(context, right))
            break; /* (n + 7) & ~7: an integer, folded below when constant */
        if (is_null_comparison(context, left))
            lower_diamond(context, left);
        else
            lower_expression(context, left, LOWER_EFFECT);
        if (is_null_comparison(context, right))
            lower_diamond(context, right);
        else
            lower_expression(context, right, LOWER_EFFECT);
        return value_unknown();
    default:
        break;
    }
    if (mode == LOWER_EFFECT || !compat_is_integer_type(clang_getCursorType(expression))) {
        lower_expression(context, left, LOWER_EFFECT);
        lower_expression(context, right, LOWER_EFFECT);
        return result;
    }
    /* constants are folded bottom-up as the operands are lowered */
    struct ir_value first = lower_expression(context, left, LOWER_VALUE);
    struct ir_value second = lower_expression(context, right, LOWER_VALUE);
    enum binary_operator op = compat_binary_operator(context->unit_state, expression);
    if ((op == BINARY_EQUAL || op == BINARY_NOT_EQUAL) &&
        (first.kind == VALUE_NULL || second.kind == VALUE_NULL)) {
        struct ir_value tested = first.kind == VALUE_NULL ? second : first;
        if (tested.kind == VALUE_PATH) /* bool present = p != NULL; */
            return value_null_test(tested.path, op == BINARY_NOT_EQUAL);
        if (tested.kind == VALUE_NULL || tested.kind == VALUE_NONNULL)
            return value_integer((tested.kind == VALUE_NULL) == (op == BINARY_EQUAL));
        return result;
    }
    long long folded;
    if (first.kind == VALUE_INTEGER && second.kind == VALUE_INTEGER &&
        constants_fold_binary(op, compat_is_unsigned_type(clang_getCursorType(left)),
                              first.integer, second.integer, &folded))
        return value_integer(constants_convert(folded, clang_getCursorType(expression)));
    /* `2 * length + 1` of an unsigned type: at least 1 (a sum does not wrap) */
    if (op == BINARY_ADD &&
        ((first.kind == VALUE_INTEGER && first.integer > 0) ||
         (second.kind == VALUE_INTEGER && second.integer > 0)) &&
        compat_is_unsigned_type(compat_canonical_type(clang_getCursorType(expression))))
        result.integer = UNKNOWN_POSITIVE;
    return result;
}

static struct ir_value lower_compound_assignment(struct lower_context *context,
                                                 CXCursor expression)
{
    CXCursor operands[2];
    if (!exact_operands(context, expression, operands, 2))
        return value_unknown();
    CXCursor left = operands[0], right = operands[1];
    lower_expression(context, right, LOWER_EFFECT);
    struct ir_value target = lower_expression(context, left, LOWER_VALUE);
    if (target.kind != VALUE_PATH)
        return value_unknown();
    /* p += n keeps p's nullness but moves it (a self-copy forgets *p); an
     * integer's new value is unknown, a step (i += 2) */
    struct ir_value value = type_is_pointer(left) ? target : value_unknown();
    if (!type_is_pointer(left))
        value.integer = UNKNOWN_STEP;
    emit_assign(context, target.path, value, lower_location(context, expression));
    return target;
}

/* c ? a : b: both arms assign a temporary that is the value. */
static struct ir_value lower_conditional(struct lower_context *context, CXCursor expression,
                                         enum lower_mode mode)
{
    CXCursor parts[3];
    if (!exact_operands(context, expression, parts, 3))
        return value_unknown();
    CXCursor arms[2] = {parts[1], parts[2]};
    CXCursor condition = parts[0];
    bool want_value = mode == LOWER_VALUE && !compat_is_void_type(clang_getCursorType(expression));
    int blocks[2] = {lower_new_block(context), lower_new_block(context)};
    int join = lower_new_block(context);
    lower_condition(context, condition, blocks[0], blocks[1]);
    int temporary = want_value ? lower_temporary(context, expression_text(context, expression,
                                                                          "(?:)"),
                                                 type_is_pointer(expression))
                               : -1;
    for (int i = 0; i < 2; i++) {
        context->current = blocks[i];
        struct ir_value value = lower_expression(context, arms[i],
                                                 want_value ? LOWER_VALUE : LOWER_EFFECT);
        if (temporary >= 0)
            emit_assign(context, temporary, value, lower_location_start(context, arms[i]));
        lower_goto(context, join);
    }
    context->current = join;
    return value_path(temporary);
}

/* GNU a ?: b (an UnexposedExpr: common, its two opaque uses, b). */
static struct ir_value lower_binary_conditional(struct lower_context *context,
                                                CXCursor expression, CXCursor common,
                                                CXCursor otherwise)
{
    bool is_pointer = type_is_pointer(expression);
    struct ir_value value = lower_expression(context, common, LOWER_VALUE);
    struct source_location location = lower_location_start(context, expression);
    int tested = lower_materialise(context, value, location, is_pointer);
    int temporary = lower_temporary(context, expression_text(context, expression, "(?:)"),
                                    is_pointer);
    int then_block = lower_new_block(context), else_block = lower_new_block(context);
    int join = lower_new_block(context);
    struct ir_condition condition = {is_pointer ? CONDITION_NONNULL : CONDITION_NONZERO, tested,
                                     0, location, -1, false, false};
    lower_branch(context, condition, then_block, else_block);
    context->current = then_block;
    emit_assign(context, temporary, value_path(tested), location);
    lower_goto(context, join);
    context->current = else_block;
    emit_assign(context, temporary, lower_expression(context, otherwise, LOWER_VALUE),
                lower_location_start(context, otherwise));
    lower_goto(context, join);
    context->current = join;
    return value_path(temporary);
}

/* va_arg(ap, T) is an UnexposedExpr over the decayed va_list, which looks
 * like an implicit conversion: its value is not ap's. */
static bool is_va_list(CXType canonical, CXType converted)
{
    if (canonical.kind != CXType_Pointer || clang_equalTypes(canonical, converted))
        return false;
    CXType pointee = clang_getCanonicalType(clang_getPointeeType(canonical));
    if (pointee.kind != CXType_Record)
        return false;
    CXString spelling = clang_getTypeSpelling(pointee);
    const char *text = clang_getCString(spelling);
    bool va_list = text && strstr(text, "__va_list_tag") != NULL;
    clang_disposeString(spelling);
    return va_list;
}

/* The canonical types of a conversion and of its operand. */
struct conversion_types {
    CXType type, canonical, child;
};

static struct conversion_types conversion_types(CXCursor expression, CXCursor child)
{
    struct conversion_types types;
    types.type = clang_getCursorType(expression);
    types.canonical = compat_canonical_type(types.type);
    types.child = compat_canonical_type(clang_getCursorType(child));
    return types;
}

/* A conversion (implicit or cast) of `child` to the type of `expression`:
 * arrays and functions decay to non-NULL, an integer constant 0 becomes
 * NULL, other constants are converted, pointers keep their value. */
static struct ir_value lower_conversion(struct lower_context *context, CXCursor child,
                                        const struct conversion_types *types,
                                        enum lower_mode mode)
{
    enum CXTypeKind kind = types->canonical.kind, child_kind = types->child.kind;
    if (kind == CXType_Void) {
        lower_expression(context, child, LOWER_EFFECT);
        return value_unknown();
    }
    bool pointer = kind_is_pointer(kind);
    if (pointer && kind_is_array(child_kind)) { /* decay: p->array uses p */
        struct ir_value array = lower_expression(context, child, LOWER_VALUE);
        if (array.kind == VALUE_NONNULL && array.path < 0)
            return array; /* a string literal keeps its identity */
        return value_address(array.kind == VALUE_PATH ? array.path : -1);
    }
    if (pointer && kind_is_function(child_kind)) {
        struct ir_value function = lower_expression(context, child, LOWER_VALUE);
        if (function.kind == VALUE_NONNULL && function.path < 0)
            return function; /* a function keeps its identity */
        return value_of_kind(VALUE_NONNULL);
    }
    struct ir_value value = lower_expression(context, child, mode);
    if (kind == CXType_Bool && kind_is_pointer(child_kind)) {
        if (value.kind == VALUE_PATH) /* _Bool b = p; */
            return value_null_test(value.path, true);
        if (value.kind == VALUE_NULL || value.kind == VALUE_NONNULL)
            return value_integer(value.kind == VALUE_NONNULL);
        return value_unknown();
    }
    if (pointer) {
        if (value.kind == VALUE_INTEGER)
            return value.integer == 0 ? value_of_kind(VALUE_NULL) : value_unknown();
        if (value.kind == VALUE_PATH && !kind_is_pointer(child_kind))
            return value_unknown(); /* an integer made a pointer */
        return value;
    }
    if (value.kind == VALUE_INTEGER) {
        if (!kind_is_integer(kind))
            return value_unknown();
        return value_integer(constants_convert(value.integer, types->type));
    }
    /* what a wider integer is given from a narrow one stays narrow */
    long long child_size = clang_Type_getSizeOf(types->child);
    if (value.kind == VALUE_UNKNOWN &&
        (value.integer == UNKNOWN_ANY || value.integer == UNKNOWN_POSITIVE) &&
        kind_is_integer(kind) &&
        kind_is_integer(child_kind) && child_size > 0 && child_size <= 4)
        value.integer = UNKNOWN_32_BITS;
    return value;
}

static struct ir_value lower_unexposed(struct lower_context *context, CXCursor expression,
                                       enum lower_mode mode)
{
    struct cursor_list children;
    cursor_code_children(context->unit_state, expression, &children);
    struct ir_value result = value_unknown();
    long long offset;
    if (children.count == 1 && compat_is_integer_type(clang_getCursorType(expression)) &&
        compat_canonical_type(clang_getCursorType(children.items[0])).kind == CXType_Record &&
        constants_libclang_value(expression, &offset)) {
        /* offsetof(__typeof__(*p), f), which libclang leaves unexposed with
         * the struct as its operand (no conversion makes an integer of a
         * struct): a constant, and *p is not evaluated */
        cursor_list_free(&children);
        return value_integer(offset);
    }
    if (children.count == 1) {
        CXCursor child = children.items[0];
        cursor_list_free(&children);
        struct conversion_types types = conversion_types(expression, child);
        if (is_va_list(types.child, types.canonical)) {
            lower_expression(context, child, LOWER_EFFECT);
            return result;
        }
        return lower_conversion(context, child, &types, mode);
    }
    if (children.count == 0 && mode == LOWER_VALUE) { /* offsetof, builtins */
        long long constant;
        cursor_list_free(&children);
        if (compat_is_integer_type(clang_getCursorType(expression)) &&
            constants_libclang_value(expression, &constant))
            return value_integer(constant);
        return result;
    }
    if (children.count == 4 && clang_isExpression(clang_getCursorKind(children.items[3]))) {
        CXCursor common = children.items[0], otherwise = children.items[3];
        cursor_list_free(&children);
        return lower_binary_conditional(context, expression, common, otherwise);
    }
    for (int i = 0; i < children.count; i++)
        lower_expression(context, children.items[i], LOWER_EFFECT);
    cursor_list_free(&children);
    return result;
}

static struct ir_value lower_cast(struct lower_context *context, CXCursor expression,
                                  enum lower_mode mode)
{
    struct cursor_list children;
    cursor_code_children(context->unit_state, expression, &children);
    /* typeof(...) in the type comes first and is not evaluated */
    CXCursor child = children.count ? children.items[children.count - 1] : clang_getNullCursor();
    cursor_list_free(&children);
    if (cursor_is_null(child))
        return value_unknown();
    struct conversion_types types = conversion_types(expression, child);
    return lower_conversion(context, child, &types, mode);
}

/* ---- dispatch ---- */

/* A hash of the cursor's spelling from `seed` (FNV-1a), never 0: the
 * identity of a non-NULL constant, so that calls given the same one are
 * seen as the same call. */
static long long spelling_identity(CXCursor cursor, uint64_t seed)
{
    CXString spelling = clang_getCursorSpelling(cursor);
    const char *text = clang_getCString(spelling);
    uint64_t hash = seed;
    for (const char *c = text ? text : ""; *c; c++)
        hash = (hash ^ (unsigned char)*c) * 1099511628211u;
    clang_disposeString(spelling);
    return (long long)(hash >> 1) | 1;
}

/* A string literal: getenv("HOME") twice is the same call. */
static struct ir_value string_literal(CXCursor expression)
{
    struct ir_value value = value_of_kind(VALUE_NONNULL);
    value.integer = spelling_identity(expression, 1469598103934665603u);
    return value;
}

/* A function designator, apart from any literal: first_sc_for(MAIN,
 * do_execute) twice is the same call. */
static struct ir_value function_designator(CXCursor function)
{
    struct ir_value value = value_of_kind(VALUE_NONNULL);
    value.integer = spelling_identity(function, 1469598103934665603u ^ 0x5a);
    return value;
}

static struct ir_value lower_dispatch(struct lower_context *context, CXCursor expression,
                                      enum lower_mode mode)
{
    enum CXCursorKind kind = clang_getCursorKind(expression);
    long long constant;
    switch (kind) {
    case CXCursor_ParenExpr: {
        struct ir_value value = value_unknown();
        CXCursor child = cursor_single_expression(context->unit_state, expression);
        if (!cursor_is_null(child))
            value = lower_expression(context, child, mode);
        return value;
    }
    case CXCursor_UnexposedExpr:
        return lower_unexposed(context, expression, mode);
    case CXCursor_CStyleCastExpr:
        return lower_cast(context, expression, mode);
    case CXCursor_DeclRefExpr: {
        CXCursor declaration = clang_getCursorReferenced(expression);
        switch (clang_getCursorKind(declaration)) {
        case CXCursor_FunctionDecl:
            return function_designator(declaration);
        case CXCursor_EnumConstantDecl:
            return value_integer(clang_getEnumConstantDeclValue(declaration));
        case CXCursor_VarDecl:
            if (mode == LOWER_VALUE &&
                constants_variable(context->unit_state, declaration, &constant))
                return value_integer(constant); /* a file constant */
            return value_path(lower_root(context, declaration));
        case CXCursor_ParmDecl:
            return value_path(lower_root(context, declaration));
        default:
            return value_unknown();
        }
    }
    case CXCursor_MemberRefExpr:
        return lower_member(context, expression);
    case CXCursor_ArraySubscriptExpr:
        return lower_subscript(context, expression);
    case CXCursor_UnaryOperator:
        return lower_unary(context, expression, mode);
    case CXCursor_BinaryOperator:
        return lower_binary(context, expression, mode);
    case CXCursor_CompoundAssignOperator:
        return lower_compound_assignment(context, expression);
    case CXCursor_ConditionalOperator:
        return lower_conditional(context, expression, mode);
    case CXCursor_CallExpr:
        return lower_call(context, expression, mode);
    case CXCursor_StringLiteral:
        return string_literal(expression);
    case CXCursor_ObjCStringLiteral:
    case CXCursor_AddrLabelExpr:
        return value_of_kind(VALUE_NONNULL);
    case CXCursor_GNUNullExpr:
    case CXCursor_CXXNullPtrLiteralExpr:
        return value_of_kind(VALUE_NULL);
    case CXCursor_IntegerLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_UnaryExpr: /* sizeof, _Alignof: the operand is not evaluated */
        if (mode == LOWER_VALUE && compat_is_integer_type(clang_getCursorType(expression)) &&
            constants_libclang_value(expression, &constant))
            return value_integer(constant);
        return value_unknown();
    case CXCursor_FloatingLiteral:
    case CXCursor_ImaginaryLiteral:
    case CXCursor_GenericSelectionExpr: /* only the chosen association runs */
        return value_unknown();
    case CXCursor_StmtExpr: {
        CXCursor compound = clang_getNullCursor();
        struct cursor_list children;
        cursor_code_children(context->unit_state, expression, &children);
        if (children.count == 1)
            compound = children.items[0];
        cursor_list_free(&children);
        if (cursor_is_null(compound))
            return value_unknown();
        return lower_statement_expression(context, compound);
    }
    case CXCursor_CompoundLiteralExpr: {
        struct cursor_list children;
        cursor_code_children(context->unit_state, expression, &children);
        if (children.count)
            lower_expression(context, children.items[children.count - 1], LOWER_EFFECT);
        cursor_list_free(&children);
        return compat_is_array_type(clang_getCursorType(expression))
                   ? value_of_kind(VALUE_NONNULL)
                   : value_unknown();
    }
    default:
        lower_all_effects(context, expression);
        return value_unknown();
    }
}

/* Code clang rebuilt after an error (an unknown type, a member of one):
 * what it computes is unknown, never the value of a child (a RecoveryExpr
 * over `f` for `f->ev` is not `f`), and the function gets no findings. */
static bool is_recovered(struct lower_context *context, CXCursor expression)
{
    struct frontend_unit *unit = context->unit_state;
    if (!unit->has_errors)
        return false;
    if (cursor_is_recovery(unit, expression))
        return true;
    enum CXCursorKind kind = clang_getCursorKind(expression);
    if (kind == CXCursor_UnexposedExpr) {
        /* libclang 14 gives an invalid condition (`if (x)` with x of an
         * unknown type) type _Bool and no children: nothing it could be
         * in valid C (offsetof and the like) fails to evaluate */
        long long constant;
        struct cursor_list children;
        cursor_code_children(unit, expression, &children);
        bool childless = children.count == 0;
        cursor_list_free(&children);
        return childless && compat_is_integer_type(clang_getCursorType(expression)) &&
               !constants_libclang_value(expression, &constant);
    }
    if (kind != CXCursor_DeclRefExpr && kind != CXCursor_MemberRefExpr)
        return false;
    return compat_is_invalid_declaration(clang_getCursorReferenced(expression));
}

static struct ir_value lower_recovered(struct lower_context *context, CXCursor expression)
{
    context->function->poisoned = true;
    if (clang_getCursorKind(expression) == CXCursor_MemberRefExpr &&
        !cursor_is_recovery(context->unit_state, expression))
        lower_member(context, expression); /* p->invalid still uses p */
    else
        lower_all_effects(context, expression);
    return value_unknown();
}

struct ir_value lower_expression(struct lower_context *context, CXCursor expression,
                                 enum lower_mode mode)
{
    if (cursor_is_null(expression) || context->depth >= LOWER_DEPTH_LIMIT)
        return value_unknown();
    context->depth++;
    struct ir_value value = is_recovered(context, expression)
                                ? lower_recovered(context, expression)
                                : lower_dispatch(context, expression, mode);
    context->depth--;
    return value;
}

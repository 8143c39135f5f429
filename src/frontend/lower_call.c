/*
 * lower_call: calls to CALL statements: the callee (direct, a local
 * function pointer set to one function, or unknown), arguments in order,
 * the declaration's facts, a temporary for the result, and the end of the
 * block after a noreturn callee (an argument &x carries x's path, so the
 * analysis forgets x). __builtin_expect is its first argument;
 * __builtin_assume(c) a branch whose false edge ends. Facts from
 * rule tables are the analysis' business.
 */
#include <string.h>

#include "lower.h"
#include "lower_sites.h"
#include "../support/argument_mask.h"
#include "../support/text.h"

static bool is_expect(const char *name)
{
    return name && (strcmp(name, "__builtin_expect") == 0 ||
                    strcmp(name, "__builtin_expect_with_probability") == 0);
}

/* Bit i: parameter i of the prototype of the function called (declared
 * `function`, or called through `callee`) points to const. */
static uint32_t const_parameters(CXCursor function, CXCursor callee)
{
    CXType type = clang_getCanonicalType(
        clang_getCursorType(cursor_is_null(function) ? callee : function));
    if (type.kind == CXType_Pointer)
        type = clang_getCanonicalType(clang_getPointeeType(type));
    int count = clang_getNumArgTypes(type);
    uint32_t mask = 0;
    for (int i = 0; i < count && i < ARGUMENT_MASK_BITS; i++) {
        CXType parameter = clang_getCanonicalType(clang_getArgType(type, (unsigned)i));
        if (parameter.kind == CXType_Pointer &&
            clang_isConstQualifiedType(clang_getPointeeType(parameter)))
            mask |= UINT32_C(1) << i;
    }
    return mask;
}

static void remember_macro_call(struct lower_context *context, struct source_location location,
                                unsigned spelling, int target)
{
    if (context->macro_call_count == context->macro_call_capacity) {
        int capacity = context->macro_call_capacity ? context->macro_call_capacity * 2 : 8;
        context->macro_calls = arena_grow(context->unit->arena, context->macro_calls,
                                          (size_t)context->macro_call_count, (size_t)capacity,
                                          sizeof *context->macro_calls);
        context->macro_call_capacity = capacity;
    }
    struct macro_call *call = &context->macro_calls[context->macro_call_count++];
    call->line = location.line;
    call->column = location.column;
    call->spelling = spelling;
    call->target = target;
}

/* Whether a call in a macro's expansion was written in one of the macro's
 * arguments (its spelling offset, for telling calls apart, in *spelled_at):
 * its tokens are spelt inside the macro call's text, where the body's are
 * spelt in the definition (libclang 19) or at the macro's name (14). */
static bool in_macro_argument(struct frontend_unit *unit, CXCursor expression,
                              unsigned *spelled_at)
{
    CXSourceLocation where = clang_getCursorLocation(expression);
    CXFile spelled_file = NULL;
    clang_getSpellingLocation(where, &spelled_file, NULL, NULL, spelled_at);
    int file;
    unsigned offset;
    if (!spelled_file || !unit_offset(unit, where, &file, &offset))
        return false;
    const struct macro_expansion *macro = macros_find(unit, file, offset);
    return macro && unit_file(unit, spelled_file) == macro->file &&
           *spelled_at > macro->begin && *spelled_at < macro->end;
}

/* The temporary that receives a call's result ("strchr()"), or -1 for a
 * void call. */
static int result_temporary(struct lower_context *context, CXCursor expression,
                            const struct callee_facts *facts)
{
    struct frontend_unit *unit = context->unit_state;
    CXType result = clang_getCursorType(expression);
    if (compat_is_void_type(result))
        return -1;
    bool returns_pointer = compat_is_pointer_type(result);
    const char *base = "(call)";
    if (facts->name) {
        base = facts->result_name;
    } else {
        CXString spelling = clang_getCursorSpelling(expression);
        const char *text = clang_getCString(spelling);
        if (text && text[0])
            base = unit_join(unit, text, "()");
        clang_disposeString(spelling);
    }
    int target = lower_temporary(context, base, returns_pointer);
    if (returns_pointer) /* for suggestions: the T of an Option<T> */
        context->function->paths[target].type = sites_type_text(unit, result);
    else
        lower_mark_integer(context, target, result); /* strlen(s) >= 0 */
    return target;
}

/* Whether the call is what a macro named like a function expands to:
 * `malloc(n)` under `#define malloc(n) debug_malloc(n, __FILE__, __LINE__)`
 * or `#define malloc(n) Curl_cmalloc(n)`. Only the outermost macro is
 * known, and a call written in its arguments is the caller's own. */
static bool in_spelled_macro(const struct source_location *location, bool in_argument,
                             const char *callee)
{
    return location->macro && !in_argument && (!callee || strcmp(callee, location->macro) != 0);
}

/* The call keeps the contract of the name it is spelt with when its own
 * callee has none (the analysis decides). */
static void spelled_contract(struct ir_statement *call, const char *macro)
{
    call->call.contract = macro;
    call->call.contract_how = CONTRACT_SPELLED;
}

/* A call through a pointer uses it like a dereference: `entry()` after
 * `entry = dlsym(...)`, or `s->read_cb(s)` where a test elsewhere in the
 * function says the callback may be absent. (o->fn() also uses o.) */
static void call_through_pointer(struct lower_context *context, CXCursor callee,
                                 struct source_location location)
{
    struct frontend_unit *unit = context->unit_state;
    CXCursor pointer = cursor_strip(unit, callee);
    for (int guard = 0; guard < 100; guard++) { /* (*fp)(), (**fp)(): the designator of fp */
        if (clang_getCursorKind(pointer) != CXCursor_UnaryOperator ||
            compat_unary_operator(unit, pointer) != UNARY_DEREFERENCE)
            break;
        CXCursor operand = cursor_first_expression(unit, pointer);
        if (cursor_is_null(operand))
            break;
        CXType type = compat_canonical_type(clang_getCursorType(operand));
        if (!compat_is_function_type(type) &&
            !(type.kind == CXType_Pointer && compat_is_function_type(clang_getPointeeType(type))))
            break; /* (**fpp)(): *fpp is read, then called */
        pointer = cursor_strip(unit, operand);
    }
    struct ir_value value = lower_expression(context, pointer, LOWER_VALUE);
    if (value.kind != VALUE_PATH)
        return;
    struct ir_statement *use = lower_emit(context, STATEMENT_USE, location);
    use->target = value.path;
    use->use = USE_CALL;
}

/* Whether the function a callee expression points to is declared never to
 * return in its type: `__attribute__((noreturn)) void (*handler)(void)`. */
static bool pointer_type_noreturn(CXCursor callee)
{
    CXType type = clang_getCursorType(callee);
    if (type.kind == CXType_Pointer)
        type = clang_getPointeeType(type);
    CXString spelling = clang_getTypeSpelling(type);
    const char *text = clang_getCString(spelling);
    bool noreturn = text && strstr(text, "__attribute__((noreturn))") != NULL;
    clang_disposeString(spelling);
    return noreturn;
}

/* Whether the function pointer a callee expression reads (a field, a
 * variable or a parameter, through parentheses and `*`) is named for ending
 * the program: gawk's `fatal`, which is `api->api_fatal`; libjpeg's
 * `(*cinfo->err->error_exit)(...)`; a `panic` or `die` handler. Such a
 * hook's contract is not to come back; the code after its call on an
 * error path is written for that. Hooks named otherwise may return. */
static bool pointer_named_noreturn(struct frontend_unit *unit, CXCursor callee)
{
    static const char *const final_words[] = {"fatal", "panic", "die"};
    static const char *const error_words[] = {"error", "err"};
    static const char *const exit_words[] = {"exit"};
    for (int guard = 0; guard < 64 && !cursor_is_null(callee); guard++) {
        callee = cursor_strip(unit, callee);
        enum CXCursorKind kind = clang_getCursorKind(callee);
        if (kind == CXCursor_UnaryOperator &&
            compat_unary_operator(unit, callee) == UNARY_DEREFERENCE) {
            callee = cursor_first_expression(unit, callee);
            continue;
        }
        if (kind != CXCursor_DeclRefExpr && kind != CXCursor_MemberRefExpr)
            return false;
        CXCursor pointer = clang_getCursorReferenced(callee);
        enum CXCursorKind declared = clang_getCursorKind(pointer);
        if (declared != CXCursor_FieldDecl && declared != CXCursor_VarDecl &&
            declared != CXCursor_ParmDecl)
            return false;
        const char *name = unit_string(unit, clang_getCursorSpelling(pointer));
        return text_has_word(name, final_words, sizeof final_words / sizeof *final_words) ||
               (text_has_word(name, error_words, sizeof error_words / sizeof *error_words) &&
                text_has_word(name, exit_words, sizeof exit_words / sizeof *exit_words));
    }
    return false;
}

/* The function a callee expression designates through parentheses, `*`
 * and the right operand of a comma: `(*f)(...)`, gawk's `fatal(...)`,
 * which is `(*(set_loc(__FILE__, __LINE__), r_fatal))(...)`; or a null
 * cursor (a pointer variable, a field, a conditional). */
static CXCursor designated_function(struct frontend_unit *unit, CXCursor callee)
{
    for (int guard = 0; guard < 64 && !cursor_is_null(callee); guard++) {
        callee = cursor_strip(unit, callee);
        enum CXCursorKind kind = clang_getCursorKind(callee);
        if (kind == CXCursor_DeclRefExpr) {
            CXCursor declaration = clang_getCursorReferenced(callee);
            return clang_getCursorKind(declaration) == CXCursor_FunctionDecl
                       ? declaration
                       : clang_getNullCursor();
        }
        if (kind == CXCursor_UnaryOperator &&
            compat_unary_operator(unit, callee) == UNARY_DEREFERENCE) {
            callee = cursor_first_expression(unit, callee);
        } else if (kind == CXCursor_BinaryOperator &&
                   compat_binary_operator(unit, callee) == BINARY_COMMA) {
            struct cursor_list operands;
            cursor_code_children(unit, callee, &operands);
            callee = operands.count == 2 ? operands.items[1] : clang_getNullCursor();
            cursor_list_free(&operands);
        } else {
            break;
        }
    }
    return clang_getNullCursor();
}

struct ir_value lower_call(struct lower_context *context, CXCursor expression,
                                  enum lower_mode mode)
{
    int stored_into = context->result_target; /* for this call, not for its arguments' */
    context->result_target = -1;
    struct frontend_unit *unit = context->unit_state;
    struct cursor_list children;
    cursor_code_children(context->unit_state, expression, &children);
    CXCursor callee = children.count ? children.items[0] : clang_getNullCursor();
    int argument_count = clang_Cursor_getNumArguments(expression);
    if (argument_count < 0)
        argument_count = children.count > 0 ? children.count - 1 : 0;
    CXCursor referenced = clang_getCursorReferenced(expression);
    CXCursor function = clang_getNullCursor();
    CXCursor hook = clang_getNullCursor(); /* a global or field called through */
    if (clang_getCursorKind(referenced) == CXCursor_FunctionDecl)
        function = referenced;
    else if (hooks_is_file_scope(referenced) ||
             clang_getCursorKind(referenced) == CXCursor_FieldDecl)
        hook = referenced; /* every function must be scanned first */
    else if (clang_getCursorKind(referenced) == CXCursor_VarDecl &&
             !prescan_function_pointer_target(unit, referenced, &function))
        hook = referenced; /* a local set to no single function: its name may say */
    bool designated = false; /* the callee expression has effects of its own */
    if (cursor_is_null(function) && cursor_is_null(hook) && !cursor_is_null(callee)) {
        function = designated_function(unit, callee);
        designated = !cursor_is_null(function);
    }

    struct callee_facts facts;
    memset(&facts, 0, sizeof facts);
    if (!cursor_is_null(function))
        facts = *attributes_of(unit, function, callee);
    else if (!cursor_is_null(callee) &&
             (pointer_type_noreturn(callee) || pointer_named_noreturn(unit, callee)))
        facts.facts |= CALL_NORETURN; /* (*obstack_alloc_failed_handler)(), api->api_fatal() */
    if (is_expect(facts.name) && argument_count >= 1) {
        for (int i = 1; i < argument_count; i++)
            lower_expression(context, clang_Cursor_getArgument(expression, (unsigned)i),
                             LOWER_EFFECT);
        cursor_list_free(&children);
        return lower_expression(context, clang_Cursor_getArgument(expression, 0), mode);
    }
    if (facts.name && strcmp(facts.name, "__builtin_assume") == 0 && argument_count == 1) {
        /* __builtin_assume(c): the program goes on only where c holds */
        int holds = lower_new_block(context), fails = lower_new_block(context);
        lower_condition(context, clang_Cursor_getArgument(expression, 0), holds, fails);
        context->function->blocks[fails].terminator = TERMINATOR_UNREACHABLE;
        context->current = holds;
        cursor_list_free(&children);
        return value_unknown();
    }
    struct source_location location = lower_location(context, expression);
    unsigned spelled_at = 0;
    bool in_argument = location.macro && in_macro_argument(unit, expression, &spelled_at);
    if (in_argument) {
        for (int i = 0; i < context->macro_call_count; i++) {
            const struct macro_call *seen = &context->macro_calls[i];
            if (seen->line == location.line && seen->column == location.column &&
                seen->spelling == spelled_at && seen->target >= 0) {
                cursor_list_free(&children);
                return value_path(seen->target);
            }
        }
    }
    if ((cursor_is_null(function) || designated) && !cursor_is_null(callee))
        call_through_pointer(context, callee, location);

    size_t argument_slots = argument_count > 0 ? (size_t)argument_count : 1;
    struct ir_value *arguments =
        arena_alloc(context->unit->arena, argument_slots * sizeof *arguments);
    int *places = NULL;
    uint32_t literals = 0;
    for (int i = 0; i < argument_count; i++) {
        CXCursor argument = clang_Cursor_getArgument(expression, (unsigned)i);
        if (cursor_is_null(argument) && i + 1 < children.count)
            argument = children.items[i + 1];
        arguments[i] = lower_expression(context, argument, LOWER_VALUE);
        if (i < ARGUMENT_MASK_BITS &&
            clang_getCursorKind(cursor_strip(unit, argument)) == CXCursor_StringLiteral)
            literals |= UINT32_C(1) << i;
        int place = lower_member_address_place(context, argument, arguments[i]);
        if (place >= 0 && !places) {
            places = arena_alloc(context->unit->arena, argument_slots * sizeof *places);
            for (int k = 0; k < argument_count; k++)
                places[k] = -1;
        }
        if (place >= 0)
            places[i] = place;
    }
    cursor_list_free(&children);

    CXType result = clang_getCursorType(expression);
    bool returns_pointer = compat_is_pointer_type(result);
    int target = stored_into >= 0 && !compat_is_void_type(result)
                     ? stored_into
                     : result_temporary(context, expression, &facts);
    if (in_argument && target >= 0)
        remember_macro_call(context, location, spelled_at, target);
    struct ir_statement *call = lower_emit(context, STATEMENT_CALL, location);
    call->call.callee = facts.name;
    call->call.function_index = -1;
    call->call.arguments = arguments;
    call->call.argument_count = argument_count;
    call->call.argument_places = places;
    call->call.facts = facts.facts;
    call->call.nonnull_arguments = facts.nonnull_arguments;
    call->call.literal_arguments = literals;
    if (!cursor_is_null(function) || !cursor_is_null(callee))
        call->call.const_arguments = const_parameters(function, callee);
    call->call.target = target;
    call->call.returns_pointer = returns_pointer;
    if (returns_pointer && in_spelled_macro(&location, in_argument, facts.name))
        spelled_contract(call, location.macro);
    if (!cursor_is_null(hook) && returns_pointer)
        hooks_add(unit, context->function_index, context->current,
                  context->function->blocks[context->current].statement_count - 1, hook);
    if (facts.key && facts.key[0]) {
        int block = context->current;
        unit_add_pending_call(unit, context->function_index, block,
                              context->function->blocks[block].statement_count - 1, facts.key);
    }
    int call_block = context->current;
    if (facts.facts & CALL_NORETURN) {
        context->function->blocks[call_block].terminator = TERMINATOR_UNREACHABLE;
        lower_start_unreachable(context);
    }
    return value_path(target);
}

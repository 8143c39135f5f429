/*
 * lower_statement: statements to CFG blocks: compound statements,
 * declarations, if/while/do/for, break/continue, goto and labels, return,
 * NDEBUG asserts. Code after a jump goes to a fresh block with no
 * predecessor (made only if code follows). Switches are in lower_switch.c,
 * expressions in lower_expression.c.
 */
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "lower_sites.h"
#include "../support/text.h"
#include "../support/xalloc.h"

static void lower_children_as_statements(struct lower_context *context, CXCursor parent)
{
    struct cursor_list children;
    cursor_code_children(context->unit_state, parent, &children);
    for (int i = 0; i < children.count; i++) {
        lower_statement(context, children.items[i]);
        sites_add_call_assignment(context, children.items[i], children.items + i + 1,
                                  children.count - i - 1); /* for fix-its */
    }
    cursor_list_free(&children);
}

/* ---- declarations ---- */

static void lower_variable(struct lower_context *context, CXCursor variable)
{
    if (clang_getCursorKind(variable) != CXCursor_VarDecl ||
        clang_Cursor_hasVarDeclGlobalStorage(variable))
        return; /* static locals are initialised once, before the program runs */
    int root = lower_root(context, variable);
    if (root < 0)
        return;
    struct source_location location = lower_location(context, variable);
    CXCursor initializer = clang_Cursor_getVarDeclInitializer(variable);
    struct ir_value value = value_unknown();
    struct stored_step step = {false, ARITHMETIC_ADD, 0};
    /* of an unknown type (clang made it an int): its value means nothing */
    bool invalid = context->unit_state->has_errors && compat_is_invalid_declaration(variable);
    if (invalid)
        context->function->poisoned = true;
    if (!cursor_is_null(initializer)) {
        if (clang_getCursorKind(initializer) == CXCursor_InitListExpr && !invalid) {
            /* the variable is new: its fields are what the list says */
            struct ir_statement *assign = lower_emit(context, STATEMENT_ASSIGN, location);
            assign->target = root;
            assign->value = value;
            if (!lower_struct_initializer(context, root, variable, initializer))
                lower_expression(context, initializer, LOWER_EFFECT);
            return;
        }
        if (invalid)
            lower_expression(context, initializer, LOWER_EFFECT);
        else
            value = lower_stored_value(context, initializer, root, &step);
        if (value.kind == VALUE_PATH && value.path == root)
            return; /* the call wrote its result into the variable itself */
    } else if (!context->function->paths[root].is_pointer) {
        return;
    }
    struct ir_statement *assign = lower_emit(context, STATEMENT_ASSIGN, location);
    assign->target = root;
    assign->value = value;
    lower_emit_step(context, root, &step, location);
}

static void lower_declarations(struct lower_context *context, CXCursor statement)
{
    struct cursor_list children;
    cursor_children(context->unit_state, statement, &children);
    for (int i = 0; i < children.count; i++)
        lower_variable(context, children.items[i]);
    cursor_list_free(&children);
}

/* ---- NDEBUG assert ---- */

static enum CXChildVisitResult find_call(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (clang_getCursorKind(cursor) == CXCursor_CallExpr) {
        *(bool *)data = true;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

/* A project's own assertion macro, named for it: lua_assert, g_assert,
 * DEBUG_ASSERT (not static_assert, a declaration). */
static bool names_assertion(const char *name)
{
    return text_contains_folded(name, "assert") && !text_contains_folded(name, "static_assert");
}

/* One that states its operand as assert does: the name ends in "assert"
 * (EVUTIL_ASSERT, lua_assert), unlike ASSERT_NULL or assert_false. */
static bool asserts_operand(const char *name)
{
    size_t length = strlen(name);
    return length >= 6 && text_contains_folded(name + length - 6, "assert");
}

/* assert(e) with NDEBUG expands to ((void)(0)): what it states is taken as
 * known (ASSUME), so results do not depend on NDEBUG; so does a project's
 * own assertion compiled out (EVUTIL_ASSERT(ev != NULL) as `do {
 * (void)sizeof(!(ev != NULL)); } while (0)`). An assertion that can only
 * fail, `default: lua_assert(0); return NULL;`, ends the path as the
 * enabled one would. */
static void lower_disabled_assert(struct lower_context *context, CXCursor statement)
{
    int file;
    unsigned offset;
    struct frontend_unit *unit = context->unit_state;
    if (!unit_offset(unit, clang_getCursorLocation(statement), &file, &offset))
        return;
    struct macro_expansion *macro = NULL;
    if (clang_getCursorKind(statement) != CXCursor_NullStmt) {
        macro = macros_find(unit, file, offset);
    } else if (offset > 0) {
        /* an assertion that expands to nothing (FLAC's `#define
         * FLAC__ASSERT(x)` under NDEBUG) leaves only the `;` written right
         * after its call; a `;` inside an expansion is the macro's own
         * (glibc's enabled assert: `if (expr) ; else __assert_fail(...)`) */
        macro = macros_find(unit, file, offset - 1);
        if (macro && (macro->end != offset || macros_find(unit, file, offset)))
            macro = NULL;
    }
    if (!macro || !names_assertion(macro->name))
        return;
    bool has_call = clang_getCursorKind(statement) == CXCursor_CallExpr;
    if (!has_call)
        clang_visitChildren(statement, find_call, &has_call);
    if (has_call)
        return; /* assertions enabled: the expansion tests and aborts itself */
    if (macros_assert_fails(unit, macro)) {
        /* the author says this path cannot run: as a default case a switch
         * over every enumerator leaves (lower_switch.c) */
        context->function->blocks[context->current].terminator = TERMINATOR_UNREACHABLE;
        context->function->blocks[context->current].impossible = true;
        lower_start_unreachable(context);
        return;
    }
    if (!asserts_operand(macro->name))
        return; /* what another macro states of its operands is its own business */
    struct assert_operand operands[16];
    int count = macros_assert_operands(unit, macro, operands, 16);
    struct source_location location = lower_location(context, statement);
    for (int i = 0; i < count; i++) {
        int path = lower_find_root(context, operands[i].names[0]);
        for (int step = 1; path >= 0 && step <= operands[i].length; step++) {
            bool last = step == operands[i].length;
            bool dereferenced = !last && operands[i].steps[step - 1] == PATH_ARROW;
            if ((last || dereferenced) && context->function->paths[path].is_pointer) {
                struct ir_statement *assume = lower_emit(context, STATEMENT_ASSUME, location);
                assume->target = path;
                assume->value.integer = strcmp(macro->name, "assert") != 0;
            }
            if (!last)
                path = lower_path(context, path, operands[i].steps[step - 1],
                                  operands[i].names[step], VARIABLE_LOCAL, true);
        }
    }
}

/* ---- loops and branches ---- */

/* The path that block `b` grows with `p = realloc(p, ...)`, or allocates
 * anew with `p = xpalloc(NULL, &alloc, ...)` after freeing it (a callee
 * named for allocating: *fresh), directly or through the temporary holding
 * the call's result, or stores from a local that such a call set earlier
 * in the branch, looking at the statements emitted since `first` (blocks
 * get their statements only when the function is finished), or -1 for
 * none; *location: where. */
static int grown_in_block(const struct lower_context *context, int first, int b,
                          struct source_location *location, bool *fresh)
{
    const struct frontend_unit *unit = context->unit_state;
    for (int i = first; i < unit->scratch_statement_count; i++) {
        const struct ir_statement *statement = &unit->scratch_statements[i];
        if (unit->scratch_owners[i] != b || statement->kind != STATEMENT_CALL ||
            !text_contains_folded(statement->call.callee, "alloc") || statement->call.target < 0)
            continue;
        bool reallocates = text_contains_folded(statement->call.callee, "realloc");
        if (reallocates && (statement->call.argument_count == 0 ||
                            statement->call.arguments[0].kind != VALUE_PATH))
            continue;
        int grown = reallocates ? statement->call.arguments[0].path : -1;
        int target = statement->call.target;
        *location = statement->location;
        *fresh = !reallocates;
        if (target == grown ||
            (!reallocates && context->function->paths[target].root_kind != VARIABLE_TEMPORARY &&
             context->function->paths[target].is_pointer))
            return target;
        for (int j = i + 1; j < unit->scratch_statement_count; j++) {
            const struct ir_statement *store = &unit->scratch_statements[j];
            if (unit->scratch_owners[j] == b && store->kind == STATEMENT_ASSIGN &&
                (store->target == grown || (!reallocates && grown < 0)) &&
                store->value.kind == VALUE_PATH && store->value.path == target &&
                context->function->paths[store->target].is_pointer)
                return store->target;
        }
    }
    /* gnulib's ENSURE_ALLOCATION: `memory = malloc (size)` or `memory =
     * realloc (result, size)` in nested branches, then `result = memory;` */
    for (int j = first; j < unit->scratch_statement_count; j++) {
        const struct ir_statement *store = &unit->scratch_statements[j];
        if (unit->scratch_owners[j] != b || store->kind != STATEMENT_ASSIGN ||
            store->value.kind != VALUE_PATH || store->target < 0 ||
            !context->function->paths[store->target].is_pointer)
            continue;
        for (int i = first; i < j; i++) {
            const struct ir_statement *statement = &unit->scratch_statements[i];
            if (statement->kind == STATEMENT_CALL &&
                text_contains_folded(statement->call.callee, "alloc") &&
                statement->call.target == store->value.path &&
                context->function->paths[statement->call.target].parent < 0) {
                *location = statement->location;
                *fresh = true;
                return store->target;
            }
        }
    }
    return -1;
}

/* Whether the condition of an if (blocks `condition_start` and [from, to))
 * orders two integers. */
static bool compares_sizes(const struct lower_context *context, int condition_start, int from,
                           int to)
{
    for (int b = from - 1; b < to; b++) {
        int block = b == from - 1 ? condition_start : b;
        if (block >= 0 && context->function->blocks[block].terminator == TERMINATOR_BRANCH &&
            context->function->blocks[block].condition.kind == CONDITION_LESS)
            return true;
    }
    return false;
}

/* `if (nr + 1 > alloc) { alloc = ...; p = realloc(p, alloc * size); }`
 * with no else: when the test says the buffer need not grow, the buffer
 * has room, so it exists (a buffer is NULL only while its capacity is 0,
 * the invariant of every growable array: git's ALLOC_GROW). The edges of
 * the condition (blocks `condition_start` and [from, to)) that skip to
 * `join` go through a new block that says so of each pointer the branch
 * grows on its way through: in its first block or its last (not in a
 * nested branch). */
static void note_room_on_skip(struct lower_context *context, int first_statement,
                              int then_first, int then_last, int condition_start, int from,
                              int to, int join)
{
    int blocks[2] = {then_first, then_last};
    int skip = -1;
    for (int k = 0; k < 2 && !(k == 1 && then_last == then_first); k++) {
        struct source_location location;
        bool fresh = false;
        int grown = blocks[k] >= 0 ? grown_in_block(context, first_statement, blocks[k],
                                                    &location, &fresh)
                                   : -1;
        /* a fresh allocation grows a buffer only under a capacity test
         * (`if (alloc < len + 2)`), not under a flag (`if (wanted) p =
         * malloc(n);`, where p stays NULL otherwise) */
        if (grown < 0 || (fresh && !compares_sizes(context, condition_start, from, to)))
            continue;
        if (skip < 0)
            skip = lower_new_block(context);
        context->current = skip;
        struct ir_statement *room = lower_emit(context, STATEMENT_HAS_ROOM, location);
        room->target = grown;
    }
    if (skip < 0)
        return;
    lower_goto(context, join);
    struct ir_function *function = context->function;
    for (int b = from - 1; b < to; b++) {
        int block = b == from - 1 ? condition_start : b;
        if (block < 0)
            continue;
        struct cfg_block *edge = &function->blocks[block];
        int edges = edge->terminator == TERMINATOR_BRANCH ? 2
                    : edge->terminator == TERMINATOR_GOTO ? 1 : 0;
        for (int e = 0; e < edges; e++)
            if (edge->successors[e] == join)
                edge->successors[e] = skip;
    }
}

static void lower_if(struct lower_context *context, CXCursor statement)
{
    struct cursor_list parts;
    cursor_code_children(context->unit_state, statement, &parts);
    if (parts.count != 2 && parts.count != 3) {
        for (int i = 0; i < parts.count; i++)
            lower_statement(context, parts.items[i]);
        cursor_list_free(&parts);
        return;
    }
    int condition_start = context->current;
    int then_block = lower_new_block(context);
    int join = lower_new_block(context);
    int else_block = parts.count == 3 ? lower_new_block(context) : join;
    int condition_from = context->function->block_count;
    lower_guard_condition(context, parts.items[0], parts.items[1],
                          parts.count == 3 ? parts.items[2] : clang_getNullCursor(), then_block,
                          else_block);
    int condition_to = context->function->block_count;
    context->current = then_block;
    int first_statement = context->unit_state->scratch_statement_count;
    lower_statement(context, parts.items[1]);
    int then_last = context->current;
    lower_goto(context, join);
    if (parts.count == 2)
        note_room_on_skip(context, first_statement, then_block, then_last, condition_start,
                          condition_from, condition_to, join);
    if (parts.count == 3) {
        context->current = else_block;
        lower_statement(context, parts.items[2]);
        lower_goto(context, join);
    }
    context->current = join;
    cursor_list_free(&parts);
}

struct loop_targets {
    int break_target, continue_target;
};

static struct loop_targets enter_loop(struct lower_context *context, int break_target,
                                      int continue_target)
{
    struct loop_targets saved = {context->break_target, context->continue_target};
    context->break_target = break_target;
    context->continue_target = continue_target;
    return saved;
}

static void leave_loop(struct lower_context *context, struct loop_targets saved)
{
    context->break_target = saved.break_target;
    context->continue_target = saved.continue_target;
}

bool lower_statement_parts(struct lower_context *context, CXCursor statement,
                           struct cursor_list *parts, int count)
{
    cursor_code_children(context->unit_state, statement, parts);
    if (parts->count == count)
        return true;
    for (int i = 0; i < parts->count; i++)
        lower_statement(context, parts->items[i]);
    cursor_list_free(parts);
    return false;
}

static void lower_while(struct lower_context *context, CXCursor statement)
{
    struct cursor_list parts;
    if (!lower_statement_parts(context, statement, &parts, 2))
        return;
    int head = lower_new_block(context);
    int body = lower_new_block(context);
    int exit = lower_new_block(context);
    lower_goto(context, head);
    context->current = head;
    lower_condition(context, parts.items[0], body, exit);
    struct loop_targets saved = enter_loop(context, exit, head);
    context->current = body;
    lower_statement(context, parts.items[1]);
    lower_goto(context, head);
    leave_loop(context, saved);
    context->current = exit;
    cursor_list_free(&parts);
}

static void lower_do(struct lower_context *context, CXCursor statement)
{
    struct cursor_list parts;
    if (!lower_statement_parts(context, statement, &parts, 2))
        return;
    int body = lower_new_block(context);
    int test = lower_new_block(context);
    int exit = lower_new_block(context);
    lower_goto(context, body);
    struct loop_targets saved = enter_loop(context, exit, test);
    context->current = body;
    lower_statement(context, parts.items[0]);
    lower_goto(context, test);
    leave_loop(context, saved);
    context->current = test;
    lower_condition(context, parts.items[1], body, exit);
    context->current = exit;
    cursor_list_free(&parts);
}

static bool is_step_expression(struct lower_context *context, CXCursor expression)
{
    expression = cursor_strip(context->unit_state, expression);
    enum CXCursorKind kind = clang_getCursorKind(expression);
    if (kind == CXCursor_CompoundAssignOperator)
        return true;
    if (kind != CXCursor_UnaryOperator)
        return false;
    enum unary_operator op = compat_unary_operator(context->unit_state, expression);
    return op == UNARY_PRE_INCREMENT || op == UNARY_PRE_DECREMENT ||
           op == UNARY_POST_INCREMENT || op == UNARY_POST_DECREMENT || op == UNARY_PRE_STEP ||
           op == UNARY_POST_STEP;
}

static bool is_initialisation(struct lower_context *context, CXCursor part)
{
    if (clang_getCursorKind(part) == CXCursor_DeclStmt)
        return true;
    CXCursor stripped = cursor_strip(context->unit_state, part);
    return clang_getCursorKind(stripped) == CXCursor_BinaryOperator &&
           compat_binary_operator(context->unit_state, stripped) == BINARY_ASSIGN;
}

/* Which of init / condition / step the present parts of a for header are:
 * by their position relative to the header's two semicolons, or (for a
 * loop written in a macro, where the text is elsewhere) by their shape. */
static void classify_for(struct lower_context *context, CXCursor statement, CXCursor body,
                         const CXCursor *parts, int count, CXCursor slots[3])
{
    struct frontend_unit *unit = context->unit_state;
    int file, body_file;
    unsigned begin, body_begin;
    bool by_text = unit_offset(unit, clang_getCursorLocation(statement), &file, &begin) &&
                   unit_offset(unit, clang_getRangeStart(clang_getCursorExtent(body)),
                               &body_file, &body_begin) &&
                   body_file == file && body_begin > begin && !macros_find(unit, file, begin);
    if (by_text) {
        const uint64_t semicolon = UINT64_C(1) << TOKEN_SEMICOLON;
        int first = tokens_find(unit, file, begin, body_begin, semicolon);
        int second = first >= 0 ? tokens_find(unit, file, tokens_at(unit, file, first)->offset + 1,
                                               body_begin, semicolon)
                                : -1;
        if (second >= 0) {
            unsigned first_offset = tokens_at(unit, file, first)->offset;
            unsigned second_offset = tokens_at(unit, file, second)->offset;
            for (int i = 0; i < count; i++) {
                int part_file;
                unsigned offset;
                if (!unit_offset(unit, clang_getRangeStart(clang_getCursorExtent(parts[i])),
                                 &part_file, &offset))
                    offset = first_offset;
                int slot = offset < first_offset ? 0 : offset < second_offset ? 1 : 2;
                slots[slot] = parts[i];
            }
            return;
        }
    }
    /* by shape: declarations and plain assignments initialise, ++ -- op=
     * (and a second assignment) step, anything else is the condition */
    if (count == 1) {
        if (is_initialisation(context, parts[0]))
            slots[0] = parts[0];
        else if (is_step_expression(context, parts[0]))
            slots[2] = parts[0];
        else
            slots[1] = parts[0];
        return;
    }
    if (is_initialisation(context, parts[0])) {
        slots[0] = parts[0];
        bool step = is_step_expression(context, parts[1]) || is_initialisation(context, parts[1]);
        slots[step ? 2 : 1] = parts[1];
    } else {
        slots[1] = parts[0];
        slots[2] = parts[1];
    }
}

static void lower_for(struct lower_context *context, CXCursor statement)
{
    struct cursor_list parts;
    cursor_code_children(context->unit_state, statement, &parts);
    if (parts.count == 0) {
        cursor_list_free(&parts);
        return;
    }
    CXCursor body = parts.items[parts.count - 1];
    CXCursor slots[3] = {clang_getNullCursor(), clang_getNullCursor(), clang_getNullCursor()};
    int header_count = parts.count - 1;
    if (header_count == 3) {
        for (int i = 0; i < 3; i++)
            slots[i] = parts.items[i];
    } else if (header_count > 0) {
        classify_for(context, statement, body, parts.items, header_count, slots);
    }
    if (!cursor_is_null(slots[0])) {
        if (clang_getCursorKind(slots[0]) == CXCursor_DeclStmt)
            lower_statement(context, slots[0]);
        else
            lower_expression(context, slots[0], LOWER_EFFECT);
    }
    int head = lower_new_block(context);
    int loop_body = lower_new_block(context);
    int step = lower_new_block(context);
    int exit = lower_new_block(context);
    lower_goto(context, head);
    context->current = head;
    if (!cursor_is_null(slots[1]))
        lower_condition(context, slots[1], loop_body, exit);
    else
        lower_goto(context, loop_body); /* for (;;): left only by break, return, goto */
    struct loop_targets saved = enter_loop(context, exit, step);
    context->current = loop_body;
    lower_statement(context, body);
    lower_goto(context, step);
    leave_loop(context, saved);
    context->current = step;
    if (!cursor_is_null(slots[2]))
        lower_expression(context, slots[2], LOWER_EFFECT);
    lower_goto(context, head);
    context->current = exit;
    cursor_list_free(&parts);
}

/* ---- jumps ---- */

static int label_block(struct lower_context *context, const char *name)
{
    int *known = name_map_find(&context->labels, name);
    if (known)
        return *known;
    int block = lower_new_block(context);
    name_map_insert(&context->labels, arena_strdup(context->unit->arena, name), block);
    return block;
}

static const char *goto_label(struct lower_context *context, CXCursor statement)
{
    struct cursor_list children;
    cursor_children(context->unit_state, statement, &children);
    const char *name = NULL;
    for (int i = 0; i < children.count && !name; i++) {
        if (clang_getCursorKind(children.items[i]) == CXCursor_LabelRef)
            name = unit_string(context->unit_state, clang_getCursorSpelling(children.items[i]));
    }
    cursor_list_free(&children);
    return name;
}

static void lower_return(struct lower_context *context, CXCursor statement)
{
    CXCursor expression = cursor_first_expression(context->unit_state, statement);
    struct source_location location = lower_location(context, statement);
    struct ir_value value = value_unknown();
    bool has_value = !cursor_is_null(expression);
    if (has_value) {
        value = lower_expression(context, expression, LOWER_VALUE);
        if (context->returns_nonnull &&
            (value.kind == VALUE_PATH || value.kind == VALUE_NULL)) {
            int path = lower_materialise(context, value, location, true);
            struct ir_statement *use = lower_emit(context, STATEMENT_USE, location);
            use->target = path;
            use->use = USE_RETURN;
            value = value_path(path);
        }
    }
    struct cfg_block *block = &context->function->blocks[lower_current_block(context)];
    block->terminator = TERMINATOR_RETURN;
    block->has_return_value = has_value;
    block->returned = value;
    block->return_location = location;
    lower_start_unreachable(context);
}

static void lower_asm(struct lower_context *context, CXCursor statement)
{
    struct cursor_list operands;
    cursor_code_children(context->unit_state, statement, &operands);
    for (int i = 0; i < operands.count; i++) {
        struct ir_value value = lower_expression(context, operands.items[i], LOWER_VALUE);
        if (value.kind == VALUE_PATH) {
            struct ir_statement *forget =
                lower_emit(context, STATEMENT_FORGET, lower_location(context, statement));
            forget->target = value.path;
        }
    }
    cursor_list_free(&operands);
}

void lower_statement(struct lower_context *context, CXCursor statement)
{
    if (cursor_is_null(statement) || context->depth >= LOWER_DEPTH_LIMIT)
        return;
    context->depth++;
    enum CXCursorKind kind = clang_getCursorKind(statement);
    switch (kind) {
    case CXCursor_CompoundStmt:
        lower_children_as_statements(context, statement);
        break;
    case CXCursor_DeclStmt:
        lower_declarations(context, statement);
        break;
    case CXCursor_IfStmt:
        lower_if(context, statement);
        break;
    case CXCursor_WhileStmt:
        lower_while(context, statement);
        break;
    case CXCursor_DoStmt: /* an assertion macro may be `do { } while (0)` */
        lower_disabled_assert(context, statement);
        lower_do(context, statement);
        break;
    case CXCursor_ForStmt:
        lower_for(context, statement);
        break;
    case CXCursor_SwitchStmt:
        lower_switch(context, statement);
        break;
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
        lower_case(context, statement);
        break;
    case CXCursor_BreakStmt:
        if (context->break_target >= 0)
            lower_goto(context, context->break_target);
        lower_start_unreachable(context);
        break;
    case CXCursor_ContinueStmt:
        if (context->continue_target >= 0)
            lower_goto(context, context->continue_target);
        lower_start_unreachable(context);
        break;
    case CXCursor_ReturnStmt:
        lower_return(context, statement);
        break;
    case CXCursor_GotoStmt: {
        const char *name = goto_label(context, statement);
        sites_add_goto(context, name, statement);
        if (name)
            lower_goto(context, label_block(context, name));
        lower_start_unreachable(context);
        break;
    }
    case CXCursor_IndirectGotoStmt: {
        lower_expression(context, cursor_first_expression(context->unit_state, statement),
                         LOWER_EFFECT);
        int block = context->current >= 0 ? context->current : lower_new_block(context);
        if (context->indirect_goto_count == context->indirect_goto_capacity) {
            int capacity = context->indirect_goto_capacity ? context->indirect_goto_capacity * 2
                                                           : 4;
            context->indirect_gotos =
                xrealloc(context->indirect_gotos,
                         (size_t)capacity * sizeof *context->indirect_gotos);
            context->indirect_goto_capacity = capacity;
        }
        context->indirect_gotos[context->indirect_goto_count++] = block;
        lower_start_unreachable(context);
        break;
    }
    case CXCursor_LabelStmt: {
        const char *name = unit_string(context->unit_state, clang_getCursorSpelling(statement));
        sites_add_label(context, name, statement);
        int block = label_block(context, name);
        lower_goto(context, block);
        context->current = block;
        lower_children_as_statements(context, statement);
        break;
    }
    case CXCursor_NullStmt:
        lower_disabled_assert(context, statement);
        break;
    case CXCursor_GCCAsmStmt:
        lower_asm(context, statement);
        break;
    default:
        if (clang_isExpression(kind)) {
            lower_disabled_assert(context, statement);
            lower_expression(context, statement, LOWER_EFFECT);
        } else if (clang_isStatement(kind)) {
            lower_children_as_statements(context, statement); /* attributed statements */
        }
        break;
    }
    context->depth--;
}

struct ir_value lower_statement_expression(struct lower_context *context, CXCursor compound)
{
    struct cursor_list children;
    cursor_code_children(context->unit_state, compound, &children);
    struct ir_value value = value_unknown();
    for (int i = 0; i < children.count; i++) {
        CXCursor child = children.items[i];
        if (i == children.count - 1 && clang_isExpression(clang_getCursorKind(child)))
            value = lower_expression(context, child, LOWER_VALUE);
        else
            lower_statement(context, child);
    }
    cursor_list_free(&children);
    return value;
}

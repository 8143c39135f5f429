/*
 * lower_switch: switch statements and their case labels. A constant
 * subject jumps straight to its case (or default); any other subject is
 * tested against each case value in turn (CONDITION_INTEGER_EQUALS), and
 * case bodies follow each other so fall-through works. The body itself is
 * lowered by lower_statement.
 */
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "../support/xalloc.h"
#include "../support/heap_array.h"

static struct ir_condition condition_of(enum condition_kind kind, int path, long long integer,
                                        struct source_location location)
{
    struct ir_condition condition = {kind, path, integer, location, -1, false, false};
    return condition;
}

struct case_collection {
    struct lower_context *context;
    struct switch_case *cases;
    int count, capacity;
};

static void case_value(struct lower_context *context, CXCursor expression, long long *value,
                       bool *known)
{
    *known = constants_evaluate(context->unit_state, expression, value);
    if (*known)
        return;
    CXEvalResult result = clang_Cursor_Evaluate(expression);
    if (!result)
        return;
    if (clang_EvalResult_getKind(result) == CXEval_Int) {
        *value = clang_EvalResult_getAsLongLong(result);
        *known = true;
    }
    clang_EvalResult_dispose(result);
}

/* Case labels of a switch body in document order, not those of nested
 * switches (through the function's children tree: cursors must compare
 * equal to the ones the lowering meets). */
static void collect_cases(struct case_collection *collection, CXCursor cursor, int depth)
{
    enum CXCursorKind kind = clang_getCursorKind(cursor);
    if (depth > LOWER_DEPTH_LIMIT || kind == CXCursor_SwitchStmt || clang_isExpression(kind))
        return; /* nested switches own their cases */
    if (kind == CXCursor_CaseStmt || kind == CXCursor_DefaultStmt) {
        collection->cases = heap_array_reserve(collection->cases, &collection->capacity, collection->count + 1, sizeof *collection->cases);
        struct switch_case *entry = &collection->cases[collection->count++];
        memset(entry, 0, sizeof *entry);
        entry->statement = cursor;
        entry->block = lower_new_block(collection->context);
        entry->is_default = kind == CXCursor_DefaultStmt;
        if (kind == CXCursor_CaseStmt) {
            struct cursor_list parts;
            cursor_code_children(collection->context->unit_state, cursor, &parts);
            if (parts.count >= 1)
                case_value(collection->context, parts.items[0], &entry->value,
                           &entry->has_value);
            if (parts.count == 3) {
                bool known_end = false;
                entry->is_range = true;
                case_value(collection->context, parts.items[1], &entry->range_end, &known_end);
                entry->has_value = entry->has_value && known_end;
            }
            cursor_list_free(&parts);
        }
    }
    struct cursor_list children; /* case 1: case 2: nest, and cases sit in any statement */
    cursor_code_children(collection->context->unit_state, cursor, &children);
    for (int i = 0; i < children.count; i++)
        collect_cases(collection, children.items[i], depth + 1);
    cursor_list_free(&children);
}

static int default_target(const struct switch_context *cases, int exit)
{
    for (int i = 0; i < cases->count; i++) {
        if (cases->cases[i].is_default)
            return cases->cases[i].block;
    }
    return exit;
}

struct enumerators {
    long long *values;
    int count, capacity;
};

static enum CXChildVisitResult add_enumerator(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct enumerators *found = data;
    if (clang_getCursorKind(cursor) == CXCursor_EnumConstantDecl) {
        found->values = heap_array_reserve(found->values, &found->capacity, found->count + 1,
                                           sizeof *found->values);
        found->values[found->count++] = clang_getEnumConstantDeclValue(cursor);
    }
    return CXChildVisit_Continue;
}

static bool covers(const struct switch_context *cases, long long value)
{
    for (int i = 0; i < cases->count; i++) {
        const struct switch_case *entry = &cases->cases[i];
        if (!entry->is_default && entry->has_value &&
            (entry->is_range ? value >= entry->value && value <= entry->range_end
                             : value == entry->value))
            return true;
    }
    return false;
}

/* Whether the subject is of an enum type with a case for each of its
 * enumerators (what -Wswitch asks for): the default, or the way out when
 * there is none, is for values the enum does not have, such as
 * `default: assert(0);`. Not for an enum of flags (three or more powers of
 * two), whose values combine. */
static bool covers_enum(struct lower_context *context, CXCursor subject,
                        const struct switch_context *cases)
{
    CXType type = compat_canonical_type(clang_getCursorType(cursor_strip(context->unit_state,
                                                                         subject)));
    if (type.kind != CXType_Enum)
        return false;
    struct enumerators found = {NULL, 0, 0};
    clang_visitChildren(clang_getTypeDeclaration(type), add_enumerator, &found);
    bool covered = found.count > 0;
    int flags = 0;
    for (int i = 0; i < found.count; i++) {
        long long value = found.values[i];
        flags += value > 0 && (value & (value - 1)) == 0;
        covered = covered && covers(cases, value);
    }
    free(found.values);
    return covered && !(flags >= 3 && flags >= found.count - 1);
}

void lower_switch(struct lower_context *context, CXCursor statement)
{
    struct cursor_list parts;
    if (!lower_statement_parts(context, statement, &parts, 2))
        return;
    CXCursor subject = parts.items[0];
    struct case_collection collection = {context, NULL, 0, 0};
    collect_cases(&collection, parts.items[1], 0);
    bool all_values_known = true;
    for (int i = 0; i < collection.count; i++) {
        if (!collection.cases[i].is_default && !collection.cases[i].has_value)
            all_values_known = false;
    }
    struct switch_context cases = {collection.cases, collection.count, 0,
                                   context->switch_context};
    int exit = lower_new_block(context);
    struct ir_value value = lower_expression(context, subject, LOWER_VALUE);
    if (all_values_known && value.kind == VALUE_INTEGER) {
        long long constant = value.integer;
        int target = -1;
        for (int i = 0; i < cases.count && target < 0; i++) {
            const struct switch_case *entry = &cases.cases[i];
            if (entry->is_default || !entry->has_value)
                continue;
            if (entry->is_range ? constant >= entry->value && constant <= entry->range_end
                                : constant == entry->value)
                target = entry->block;
        }
        lower_goto(context, target >= 0 ? target : default_target(&cases, exit));
    } else {
        struct source_location location = lower_location_start(context, subject);
        int path = lower_materialise(context, value, location, false);
        for (int i = 0; i < cases.count; i++) {
            const struct switch_case *entry = &cases.cases[i];
            if (entry->is_default)
                continue;
            struct source_location case_location = lower_location(context, entry->statement);
            struct ir_condition test = condition_of(CONDITION_UNKNOWN, -1, 0, case_location);
            if (entry->has_value && !entry->is_range)
                test = condition_of(CONDITION_INTEGER_EQUALS, path, entry->value, case_location);
            int next = lower_new_block(context);
            lower_branch(context, test, entry->block, next);
            context->current = next;
        }
        if (all_values_known && covers_enum(context, subject, &cases)) {
            /* every enumerator has its case: no value is left for the default */
            int impossible = lower_new_block(context);
            context->function->blocks[impossible].terminator = TERMINATOR_UNREACHABLE;
            context->function->blocks[impossible].impossible = true;
            lower_goto(context, impossible);
        } else {
            lower_goto(context, default_target(&cases, exit));
        }
    }
    lower_start_unreachable(context); /* code before the first case label */
    context->switch_context = &cases;
    int saved_break = context->break_target;
    context->break_target = exit;
    lower_statement(context, parts.items[1]);
    lower_goto(context, exit);
    context->break_target = saved_break;
    context->switch_context = cases.outer;
    context->current = exit;
    free(collection.cases);
    cursor_list_free(&parts);
}

static int case_block(struct lower_context *context, CXCursor statement)
{
    struct switch_context *cases = context->switch_context;
    if (!cases)
        return -1;
    if (cases->next < cases->count &&
        cursors_equal(cases->cases[cases->next].statement, statement))
        return cases->cases[cases->next++].block;
    for (int i = 0; i < cases->count; i++) {
        if (cursors_equal(cases->cases[i].statement, statement)) {
            cases->next = i + 1;
            return cases->cases[i].block;
        }
    }
    return -1;
}

void lower_case(struct lower_context *context, CXCursor statement)
{
    int block = case_block(context, statement);
    if (block >= 0) {
        lower_goto(context, block); /* falling through from the case above */
        context->current = block;
    }
    struct cursor_list parts;
    cursor_code_children(context->unit_state, statement, &parts);
    int first_body = clang_getCursorKind(statement) == CXCursor_DefaultStmt ? 0
                     : parts.count == 3                                   ? 2
                                                                          : 1;
    for (int i = first_body; i < parts.count; i++)
        lower_statement(context, parts.items[i]);
    cursor_list_free(&parts);
}

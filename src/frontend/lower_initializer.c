/*
 * lower_initializer: a local struct's initializer list as assignments to
 * its fields. `match_t none = {0, 0, NULL}` or `struct opts o = {.len = 3}`
 * gives each field it names its value and every other scalar field 0 or
 * NULL, as C does (C11 6.7.9p19-21), so a later `m.len <= 0` can end a
 * path and `o.name` is known NULL. Nested lists of struct fields are
 * followed. A list it cannot map (a union, an array, a designator with
 * several steps or an index, more fields than it follows) is left to the
 * caller, which lowers it for its effects only.
 */
#include <string.h>

#include "lower.h"

enum { FIELDS_MAX = 64, NESTING_MAX = 8 };

struct field_list {
    CXCursor items[FIELDS_MAX];
    int count;
    bool overflow;
};

static enum CXVisitorResult collect_field(CXCursor field, CXClientData data)
{
    struct field_list *fields = data;
    if (fields->count == FIELDS_MAX) {
        fields->overflow = true;
        return CXVisit_Break;
    }
    fields->items[fields->count++] = field;
    return CXVisit_Continue;
}

/* The fields of a struct type, in order; false for anything else. */
static bool struct_fields(CXType type, struct field_list *fields)
{
    type = compat_canonical_type(type);
    fields->count = 0;
    fields->overflow = false;
    if (type.kind != CXType_Record ||
        clang_getCursorKind(clang_getTypeDeclaration(type)) != CXCursor_StructDecl)
        return false;
    clang_Type_visitFields(type, collect_field, fields);
    if (fields->overflow || fields->count == 0)
        return false;
    for (int i = 0; i < fields->count; i++) {
        CXString name = clang_getCursorSpelling(fields->items[i]);
        const char *text = clang_getCString(name);
        bool anonymous = !text || !text[0];
        clang_disposeString(name);
        if (anonymous)
            return false; /* an anonymous struct or union member: no path of its own */
    }
    return true;
}

struct designation {
    int field;      /* index in the struct's fields, or -1: cannot be mapped */
    CXCursor value; /* the initializer of that field */
};

/* `.name = value` (an unexposed expression whose first child names the
 * field) gives its field; anything else takes the next position. */
static struct designation designate(struct lower_context *context, CXCursor element,
                                    const struct field_list *fields, int position)
{
    struct designation result = {-1, element};
    struct cursor_list parts;
    cursor_children(context->unit_state, element, &parts);
    bool designated = clang_getCursorKind(element) == CXCursor_UnexposedExpr &&
                      parts.count >= 1 &&
                      clang_getCursorKind(parts.items[0]) == CXCursor_MemberRef;
    if (!designated) {
        cursor_list_free(&parts);
        result.field = position < fields->count ? position : -1;
        return result;
    }
    if (parts.count == 2) { /* one step: .name = value */
        CXCursor named = clang_getCursorReferenced(parts.items[0]);
        for (int i = 0; i < fields->count; i++)
            if (cursors_equal(named, fields->items[i]))
                result.field = i;
        result.value = parts.items[1];
    }
    cursor_list_free(&parts);
    return result;
}

static bool is_scalar(CXType type)
{
    return compat_is_pointer_type(type) || compat_is_integer_type(type);
}

static bool lower_list(struct lower_context *context, int parent, CXType type, CXCursor list,
                       struct source_location location, int depth);

/* One field's initializer, at `path`. */
static void lower_field(struct lower_context *context, int path, CXCursor field, CXCursor value,
                        struct source_location location, int depth)
{
    CXType type = clang_getCursorType(field);
    if (clang_getCursorKind(value) == CXCursor_InitListExpr &&
        lower_list(context, path, type, value, location, depth + 1))
        return;
    struct ir_value stored = value_unknown();
    if (is_scalar(type) && clang_getCursorKind(value) != CXCursor_InitListExpr)
        stored = lower_stored_value(context, value, path, NULL);
    else
        lower_expression(context, value, LOWER_EFFECT);
    if (stored.kind == VALUE_PATH && stored.path == path)
        return; /* the call wrote its result there itself */
    struct ir_statement *assign = lower_emit(context, STATEMENT_ASSIGN, location);
    assign->target = path;
    assign->value = stored;
}

static int field_path(struct lower_context *context, int parent, CXCursor field)
{
    const char *name = unit_string(context->unit_state, clang_getCursorSpelling(field));
    int path = lower_path(context, parent, PATH_FIELD, name, VARIABLE_LOCAL,
                          compat_is_pointer_type(clang_getCursorType(field)));
    lower_mark_declaration(context, path, field);
    return path;
}

static bool lower_list(struct lower_context *context, int parent, CXType type, CXCursor list,
                       struct source_location location, int depth)
{
    struct field_list fields;
    if (depth > NESTING_MAX || !struct_fields(type, &fields))
        return false;
    struct cursor_list elements;
    cursor_code_children(context->unit_state, list, &elements);
    struct designation designations[FIELDS_MAX];
    bool mapped = elements.count <= FIELDS_MAX;
    for (int i = 0, position = 0; mapped && i < elements.count; i++) {
        designations[i] = designate(context, elements.items[i], &fields, position);
        mapped = designations[i].field >= 0;
        position = designations[i].field + 1;
    }
    if (!mapped) {
        cursor_list_free(&elements);
        return false;
    }
    bool given[FIELDS_MAX] = {false};
    for (int i = 0; i < elements.count; i++) {
        int index = designations[i].field;
        given[index] = true;
        lower_field(context, field_path(context, parent, fields.items[index]),
                    fields.items[index], designations[i].value, location, depth);
    }
    cursor_list_free(&elements);
    for (int i = 0; i < fields.count; i++) {
        CXType field_type = clang_getCursorType(fields.items[i]);
        if (given[i] || !is_scalar(field_type))
            continue;
        struct ir_statement *assign = lower_emit(context, STATEMENT_ASSIGN, location);
        assign->target = field_path(context, parent, fields.items[i]);
        assign->value = compat_is_pointer_type(field_type) ? value_of_kind(VALUE_NULL)
                                                           : value_integer(0);
    }
    return true;
}

bool lower_struct_initializer(struct lower_context *context, int root, CXCursor variable,
                              CXCursor list)
{
    return lower_list(context, root, clang_getCursorType(variable), list,
                      lower_location(context, variable), 0);
}

/*
 * lower_sites: facts for suggestions and fix-its gathered while a function
 * is lowered (see lower_sites.h). Nothing here changes the CFG or what the
 * analysis computes; a statement that does not fit the fix-it shape
 * exactly is simply not recorded.
 */
#include "lower_sites.h"

#include <ctype.h>
#include <string.h>

static bool is_word_byte(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* Whether the definition writes its result type `bool` (a word between
 * its start and its name): then `false` exists (<stdbool.h>'s macro, or
 * C23's keyword); a `_Bool` function may have no `false` to return. */
static bool spells_bool(struct frontend_unit *unit, CXCursor definition)
{
    int file, name_file;
    unsigned begin, name;
    if (!unit_file_offset(unit, clang_getRangeStart(clang_getCursorExtent(definition)), &file,
                          &begin) ||
        !unit_file_offset(unit, clang_getCursorLocation(definition), &name_file, &name) ||
        file != name_file || name <= begin)
        return false;
    size_t size = 0;
    const char *buffer = clang_getFileContents(unit->tu, unit->files[file].file, &size);
    if (!buffer || name > size)
        return false;
    for (unsigned i = begin; i + 4 <= name; i++) {
        bool starts = i == begin || !is_word_byte(buffer[i - 1]);
        bool ends = i + 4 == name || !is_word_byte(buffer[i + 4]);
        if (starts && ends && memcmp(buffer + i, "bool", 4) == 0)
            return true;
    }
    return false;
}

enum return_kind sites_return_kind(struct frontend_unit *unit, CXCursor definition)
{
    CXType type = clang_getResultType(clang_getCursorType(definition));
    switch (compat_canonical_type(type).kind) {
    case CXType_Void:
        return RETURN_VOID;
    case CXType_Pointer:
        return RETURN_POINTER;
    case CXType_Bool:
        return spells_bool(unit, definition) ? RETURN_BOOL : RETURN_UNSIGNED;
    case CXType_Char_S:
    case CXType_SChar:
    case CXType_Short:
    case CXType_Int:
    case CXType_Long:
    case CXType_LongLong:
    case CXType_Int128:
        return RETURN_INTEGER;
    case CXType_Char_U:
    case CXType_UChar:
    case CXType_UShort:
    case CXType_UInt:
    case CXType_ULong:
    case CXType_ULongLong:
    case CXType_UInt128:
        return RETURN_UNSIGNED;
    default:
        return RETURN_OTHER;
    }
}

const char *sites_type_text(struct frontend_unit *unit, CXType type)
{
    const char *text = unit_string(unit, clang_getTypeSpelling(type));
    return text && text[0] ? text : NULL;
}

const char *sites_pointer_type_text(struct frontend_unit *unit, CXType type)
{
    enum CXTypeKind kind = compat_canonical_type(type).kind;
    if (!kind_is_pointer(kind) && kind != CXType_Record)
        return NULL;
    return sites_type_text(unit, type);
}

/* Room for one more element of an arena array that has no capacity field:
 * capacities are 4, 8, 16, ..., so it grows when the count reaches one. */
static void *grow_for_one(struct arena *arena, void *array, int count, size_t size)
{
    if (count == 0)
        return arena_grow(arena, NULL, 0, 4, size);
    if (count < 4 || (count & (count - 1)) != 0)
        return array;
    return arena_grow(arena, array, (size_t)count, (size_t)count * 2, size);
}

void sites_add_label(struct lower_context *context, const char *name, CXCursor statement)
{
    struct ir_function *function = context->function;
    if (!name)
        return;
    function->labels = grow_for_one(context->unit->arena, function->labels,
                                    function->label_count, sizeof *function->labels);
    struct ir_label *label = &function->labels[function->label_count++];
    label->name = name;
    label->location = lower_location(context, statement);
}

void sites_add_goto(struct lower_context *context, const char *name, CXCursor statement)
{
    struct ir_function *function = context->function;
    if (!name)
        return;
    function->gotos = grow_for_one(context->unit->arena, function->gotos, function->goto_count,
                                   sizeof *function->gotos);
    struct ir_goto *jump = &function->gotos[function->goto_count++];
    jump->label = name;
    jump->location = lower_location(context, statement);
}

/* The call whose result `value` is, seen through parentheses, implicit
 * conversions and explicit casts; a null cursor for any other expression. */
static CXCursor called_value(struct frontend_unit *unit, CXCursor value)
{
    for (int depth = 0; depth < 8 && !cursor_is_null(value); depth++) {
        value = cursor_strip(unit, value);
        enum CXCursorKind kind = clang_getCursorKind(value);
        if (kind == CXCursor_CallExpr)
            return value;
        if (kind != CXCursor_CStyleCastExpr)
            break;
        value = cursor_first_expression(unit, value);
    }
    return clang_getNullCursor();
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* True when the text from `cursor` to the end of its line is blanks and at
 * most one comment, and the line ends with a newline. */
static bool rest_of_line_is_empty(const char *buffer, size_t size, size_t cursor)
{
    while (cursor < size && is_blank(buffer[cursor]))
        cursor++;
    if (cursor + 1 < size && buffer[cursor] == '/' && buffer[cursor + 1] == '/') {
        while (cursor < size && buffer[cursor] != '\n')
            cursor++;
        return cursor < size && buffer[cursor - 1] != '\\'; /* no continued comment */
    }
    if (cursor + 1 < size && buffer[cursor] == '/' && buffer[cursor + 1] == '*') {
        for (cursor += 2; cursor + 1 < size; cursor++) {
            if (buffer[cursor] == '\n')
                return false;
            if (buffer[cursor] == '*' && buffer[cursor + 1] == '/')
                break;
        }
        cursor += 2;
        while (cursor < size && is_blank(buffer[cursor]))
            cursor++;
    }
    if (cursor < size && buffer[cursor] == '\r')
        cursor++;
    return cursor < size && buffer[cursor] == '\n';
}

/* Whether `statement` (with its ';') is the only code on its one line,
 * outside any macro; its line and the blanks before it if so. */
static bool alone_on_line(struct lower_context *context, CXCursor statement, unsigned *line,
                          const char **indent)
{
    struct frontend_unit *unit = context->unit_state;
    CXSourceRange extent = clang_getCursorExtent(statement);
    int file, end_file;
    unsigned begin, end;
    if (!unit_file_offset(unit, clang_getRangeStart(extent), &file, &begin) ||
        !unit_file_offset(unit, clang_getRangeEnd(extent), &end_file, &end) ||
        end_file != file || end <= begin || macros_find(unit, file, begin) ||
        macros_find(unit, file, end - 1))
        return false;
    size_t size = 0;
    const char *buffer = clang_getFileContents(unit->tu, unit->files[file].file, &size);
    if (!buffer || end > size)
        return false;
    size_t line_start = begin;
    while (line_start > 0 && buffer[line_start - 1] != '\n')
        line_start--;
    for (size_t i = line_start; i < begin; i++)
        if (!is_blank(buffer[i]))
            return false;
    for (size_t i = begin; i < end; i++)
        if (buffer[i] == '\n')
            return false;
    size_t cursor = end;
    if (buffer[end - 1] != ';') { /* an expression statement: its ';' follows */
        while (cursor < size && is_blank(buffer[cursor]))
            cursor++;
        if (cursor >= size || buffer[cursor] != ';')
            return false;
        cursor++;
    }
    if (!rest_of_line_is_empty(buffer, size, cursor))
        return false;
    clang_getFileLocation(clang_getRangeStart(extent), NULL, line, NULL, NULL);
    char *blanks = arena_alloc(context->unit->arena, begin - line_start + 1);
    memcpy(blanks, buffer + line_start, begin - line_start);
    blanks[begin - line_start] = '\0';
    *indent = blanks;
    return true;
}

struct reference_search {
    CXCursor variable;
    bool found;
};

static enum CXChildVisitResult find_reference(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct reference_search *search = data;
    if (clang_getCursorKind(cursor) == CXCursor_DeclRefExpr &&
        clang_equalCursors(clang_getCanonicalCursor(clang_getCursorReferenced(cursor)),
                           search->variable)) {
        search->found = true;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

/* Under C89's rules, the line after which a test of `variable` may go:
 * after the declarations that follow its assignment in the same block, so
 * that the code stays valid. False when one of them already uses the
 * variable (the test would come too late) or is not alone on its line. */
static bool insertion_line(struct lower_context *context, CXCursor variable,
                           const CXCursor *following, int following_count, unsigned *line)
{
    struct reference_search search = {clang_getCanonicalCursor(variable), false};
    for (int i = 0; i < following_count; i++) {
        if (clang_getCursorKind(following[i]) != CXCursor_DeclStmt)
            break;
        clang_visitChildren(following[i], find_reference, &search);
        const char *indent;
        if (search.found || !alone_on_line(context, following[i], line, &indent))
            return false;
    }
    return true;
}

void sites_add_call_assignment(struct lower_context *context, CXCursor statement,
                               const CXCursor *following, int following_count)
{
    struct frontend_unit *unit = context->unit_state;
    CXCursor variable = clang_getNullCursor();
    CXCursor value = clang_getNullCursor();
    enum CXCursorKind kind = clang_getCursorKind(statement);
    if (kind == CXCursor_DeclStmt) {
        struct cursor_list children;
        cursor_children(unit, statement, &children);
        if (children.count == 1 && clang_getCursorKind(children.items[0]) == CXCursor_VarDecl) {
            variable = children.items[0];
            value = clang_Cursor_getVarDeclInitializer(variable);
        }
        cursor_list_free(&children);
    } else if (kind == CXCursor_BinaryOperator) {
        struct cursor_list operands;
        cursor_code_children(unit, statement, &operands);
        if (operands.count == 2) {
            CXCursor left = cursor_strip(unit, operands.items[0]);
            if (clang_getCursorKind(left) == CXCursor_DeclRefExpr)
                variable = cursor_declaration(left);
            value = operands.items[1];
        }
        cursor_list_free(&operands);
    }
    if (cursor_is_null(variable) || cursor_is_null(value) ||
        clang_getCursorKind(variable) != CXCursor_VarDecl ||
        clang_Cursor_hasVarDeclGlobalStorage(variable) ||
        !compat_is_pointer_type(clang_getCursorType(variable)))
        return;
    CXCursor call = called_value(unit, value);
    /* the operator last: on libclang 14 telling it costs a look at tokens */
    if (cursor_is_null(call) ||
        (kind == CXCursor_BinaryOperator && !compat_is_assignment(unit, statement)))
        return;
    struct source_location call_location = lower_location(context, call);
    unsigned line = 0;
    const char *indent = NULL;
    if (call_location.macro || !alone_on_line(context, statement, &line, &indent))
        return;
    if (context->unit_state->declarations_first &&
        !insertion_line(context, variable, following, following_count, &line))
        return;
    int root = lower_root(context, variable);
    struct ir_function *function = context->function;
    if (root < 0 || function->paths[root].root_kind != VARIABLE_LOCAL)
        return;
    function->call_assignments =
        grow_for_one(context->unit->arena, function->call_assignments,
                     function->call_assignment_count, sizeof *function->call_assignments);
    struct ir_call_assignment *site =
        &function->call_assignments[function->call_assignment_count++];
    site->call = call_location;
    site->variable = root;
    site->line = line;
    site->indent = indent;
}

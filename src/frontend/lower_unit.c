/*
 * lower_unit: one translation unit. Collects what the lowering needs from
 * the top level (functions to lower, macro expansions, file-scope constant
 * candidates), runs the prescan, lowers each function and then links calls
 * to functions of the unit. Also the unit's files, locations and strings
 * shared by the lowering files. It does not lower statements itself.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "../support/heap_array.h"
#include "../support/xalloc.h"

/* ---- files, locations, strings ---- */

void frontend_unit_init(struct frontend_unit *unit, CXTranslationUnit tu, struct ir_unit *ir,
                        struct arena *arena)
{
    memset(unit, 0, sizeof *unit);
    unit->tu = tu;
    unit->unit = ir;
    unit->arena = arena;
    unit->last_file = -1;
    cursor_map_init(&unit->constant_index);
    cursor_map_init(&unit->written);
    cursor_map_init(&unit->address_taken);
    cursor_map_init(&unit->address_escapes);
    cursor_map_init(&unit->functions_named);
    cursor_map_init(&unit->function_pointers);
    cursor_map_init(&unit->callee_index);
    cursor_map_init(&unit->global_keys);
    name_map_init(&unit->names);
    cursor_map_init(&unit->macro_definitions);
    name_map_init(&unit->macro_names);
}

void frontend_unit_free(struct frontend_unit *unit)
{
    for (int i = 0; i < unit->file_count; i++) {
        free(unit->files[i].tokens);
        free(unit->files[i].line_starts);
        free(unit->files[i].skipped);
    }
    free(unit->files);
    free(unit->macros);
    free(unit->macro_calls);
    free(unit->nested_macros);
    free(unit->macro_facts);
    name_map_free(&unit->macro_names);
    free(unit->macro_named);
    cursor_map_free(&unit->macro_definitions);
    free(unit->constants);
    free(unit->function_pointer_targets);
    free(unit->callees);
    free(unit->global_key_names);
    free(unit->errors);
    free(unit->pending);
    free(unit->hooks);
    free(unit->constant_uses);
    free(unit->global_roots);
    cursor_map_free(&unit->constant_index);
    cursor_map_free(&unit->written);
    cursor_map_free(&unit->address_taken);
    cursor_map_free(&unit->address_escapes);
    cursor_map_free(&unit->functions_named);
    cursor_map_free(&unit->function_pointers);
    cursor_map_free(&unit->callee_index);
    cursor_map_free(&unit->global_keys);
    name_map_free(&unit->names);
    cursor_tree_free(&unit->tree);
    free(unit->scratch_blocks);
    free(unit->scratch_statements);
    free(unit->scratch_owners);
    memset(unit, 0, sizeof *unit);
}

const char *unit_string(struct frontend_unit *unit, CXString string)
{
    const char *text = clang_getCString(string);
    const char *copy = arena_strdup(unit->arena, text ? text : "");
    clang_disposeString(string);
    return copy;
}

const char *unit_intern(struct frontend_unit *unit, const char *name)
{
    const char *known = name_map_key(&unit->names, name);
    if (known)
        return known;
    const char *copy = arena_strdup(unit->arena, name);
    name_map_insert(&unit->names, copy, 0);
    return copy;
}

const char *unit_join(struct frontend_unit *unit, const char *first, const char *second)
{
    size_t first_length = strlen(first), second_length = strlen(second);
    char *text = arena_alloc(unit->arena, first_length + second_length + 1);
    memcpy(text, first, first_length);
    memcpy(text + first_length, second, second_length + 1);
    return text;
}

int unit_file(struct frontend_unit *unit, CXFile file)
{
    if (!file)
        return -1;
    if (unit->last_file >= 0 && unit->files[unit->last_file].file == file)
        return unit->last_file;
    for (int i = 0; i < unit->file_count; i++) {
        if (unit->files[i].file == file || clang_File_isEqual(unit->files[i].file, file)) {
            unit->last_file = i;
            return i;
        }
    }
    unit->files = heap_array_reserve(unit->files, &unit->file_capacity, unit->file_count + 1,
                                     sizeof *unit->files);
    struct source_file *entry = &unit->files[unit->file_count];
    memset(entry, 0, sizeof *entry);
    entry->file = file;
    entry->name = unit_string(unit, clang_getFileName(file));
    entry->is_system =
        clang_Location_isInSystemHeader(clang_getLocationForOffset(unit->tu, file, 0)) != 0;
    unit->last_file = unit->file_count;
    return unit->file_count++;
}

bool unit_offset(struct frontend_unit *unit, CXSourceLocation location, int *file,
                 unsigned *offset)
{
    CXFile cx_file = NULL;
    clang_getExpansionLocation(location, &cx_file, NULL, NULL, offset);
    *file = unit_file(unit, cx_file);
    return *file >= 0;
}

bool unit_file_offset(struct frontend_unit *unit, CXSourceLocation location, int *file,
                      unsigned *offset)
{
    CXFile cx_file = NULL;
    clang_getFileLocation(location, &cx_file, NULL, NULL, offset);
    *file = unit_file(unit, cx_file);
    return *file >= 0;
}

/* Where each line of a file starts, counted as clang's SourceManager
 * does: "\n", "\r" and "\r\n" end a line. */
static void load_lines(struct frontend_unit *unit, struct source_file *file)
{
    size_t size = 0;
    const char *text = clang_getFileContents(unit->tu, file->file, &size);
    file->line_count = -1;
    if (!text || size >= UINT_MAX)
        return;
    int capacity = 256, count = 0;
    unsigned *starts = xmalloc((size_t)capacity * sizeof *starts);
    starts[count++] = 0;
    for (size_t i = 0; i < size; i++) {
        if (text[i] != '\n' && text[i] != '\r')
            continue;
        if (text[i] == '\r' && i + 1 < size && text[i + 1] == '\n')
            i++;
        if (count == capacity) {
            capacity *= 2;
            starts = xrealloc(starts, (size_t)capacity * sizeof *starts);
        }
        starts[count++] = (unsigned)(i + 1);
    }
    file->line_starts = starts;
    file->line_count = count;
}

/* Line and column of an offset (clang_getExpansionLocation's, without
 * asking libclang: a binary search over the file's line starts). */
static bool line_and_column(struct frontend_unit *unit, int file, unsigned offset,
                            unsigned *line, unsigned *column)
{
    struct source_file *entry = &unit->files[file];
    if (entry->line_count == 0)
        load_lines(unit, entry);
    if (entry->line_count < 0)
        return false;
    int low = 0, high = entry->line_count; /* last start <= offset */
    int last = entry->last_line;
    if (entry->line_starts[last] <= offset) { /* the same line or one of the next two */
        low = last;
        for (int next = last + 1; next < entry->line_count && next <= last + 2; next++) {
            if (entry->line_starts[next] > offset) {
                high = next;
                break;
            }
            low = next;
        }
    }
    while (high - low > 1) {
        int middle = low + (high - low) / 2;
        if (entry->line_starts[middle] <= offset)
            low = middle;
        else
            high = middle;
    }
    entry->last_line = low;
    *line = (unsigned)low + 1;
    *column = offset - entry->line_starts[low] + 1;
    return true;
}

struct source_location unit_location(struct frontend_unit *unit, CXSourceLocation location)
{
    struct source_location result = {NULL, 0, 0, NULL};
    CXFile cx_file = NULL;
    unsigned offset = 0;
    clang_getExpansionLocation(location, &cx_file, NULL, NULL, &offset);
    int file = unit_file(unit, cx_file);
    if (file < 0) {
        clang_getExpansionLocation(location, NULL, &result.line, &result.column, NULL);
        result.file = unit->unit->main_file;
        return result;
    }
    if (!line_and_column(unit, file, offset, &result.line, &result.column))
        clang_getExpansionLocation(location, NULL, &result.line, &result.column, NULL);
    result.file = unit->files[file].name;
    struct macro_expansion *macro = macros_find(unit, file, offset);
    result.macro = macro ? macro->name : NULL;
    return result;
}

const char *unit_global_key(struct frontend_unit *unit, CXCursor variable)
{
    variable = clang_getCanonicalCursor(variable);
    int *index = cursor_map_find(&unit->global_keys, variable);
    if (index)
        return unit->global_key_names[*index];
    unit->global_key_names =
        heap_array_reserve(unit->global_key_names, &unit->global_key_capacity,
                           unit->global_key_count + 1, sizeof *unit->global_key_names);
    const char *key = unit_string(unit, clang_getCursorUSR(variable));
    unit->global_key_names[unit->global_key_count] = key;
    cursor_map_insert(&unit->global_keys, variable, unit->global_key_count++);
    return key;
}

void unit_add_error(struct frontend_unit *unit, CXSourceLocation location)
{
    unit->has_errors = true;
    int file;
    unsigned offset;
    if (!unit_offset(unit, location, &file, &offset))
        return;
    unit->errors = heap_array_reserve(unit->errors, &unit->error_capacity, unit->error_count + 1,
                                      sizeof *unit->errors);
    unit->errors[unit->error_count].file = file;
    unit->errors[unit->error_count].offset = offset;
    unit->error_count++;
}

void unit_add_global_root(struct frontend_unit *unit, int function, int path, CXCursor variable)
{
    unit->global_roots = heap_array_reserve(unit->global_roots, &unit->global_root_capacity,
                                            unit->global_root_count + 1,
                                            sizeof *unit->global_roots);
    struct global_root *root = &unit->global_roots[unit->global_root_count++];
    root->function = function;
    root->path = path;
    root->variable = variable;
}

void unit_add_pending_call(struct frontend_unit *unit, int function, int block, int statement,
                           const char *key)
{
    unit->pending = heap_array_reserve(unit->pending, &unit->pending_capacity,
                                       unit->pending_count + 1, sizeof *unit->pending);
    struct pending_call *call = &unit->pending[unit->pending_count++];
    call->function = function;
    call->block = block;
    call->statement = statement;
    call->key = key;
}

/* ---- the translation unit ---- */

struct top_level {
    struct frontend_unit *unit;
    CXCursor *functions; /* definitions to lower */
    int function_count, function_capacity;
    CXCursor *variables; /* file-scope variables, whose initializers the prescan visits */
    int variable_count, variable_capacity;
};

static void add_cursor(CXCursor **items, int *count, int *capacity, CXCursor cursor)
{
    *items = heap_array_reserve(*items, capacity, *count + 1, sizeof **items);
    (*items)[(*count)++] = cursor;
}

static enum CXChildVisitResult collect_top_level(CXCursor cursor, CXCursor parent,
                                                 CXClientData data)
{
    (void)parent;
    struct top_level *top = data;
    enum CXCursorKind kind = clang_getCursorKind(cursor);
    if (kind != CXCursor_MacroExpansion && kind != CXCursor_FunctionDecl &&
        kind != CXCursor_VarDecl &&
        !(kind == CXCursor_MacroDefinition && compat_reads_macro_bodies()))
        return CXChildVisit_Continue;
    int file;
    unsigned offset;
    if (!unit_offset(top->unit, clang_getCursorLocation(cursor), &file, &offset))
        return CXChildVisit_Continue;
    if (kind == CXCursor_MacroDefinition) {
        macros_add_definition(top->unit, cursor, top->unit->files[file].is_system);
        return CXChildVisit_Continue;
    }
    if (top->unit->files[file].is_system)
        return CXChildVisit_Continue;
    if (kind == CXCursor_MacroExpansion) {
        macros_add(top->unit, cursor, file, offset);
        return CXChildVisit_Continue;
    }
    /* `#pragma GCC system_header` makes the rest of a file a system header */
    if (clang_Location_isInSystemHeader(clang_getCursorLocation(cursor)))
        return CXChildVisit_Continue;
    if (kind == CXCursor_FunctionDecl) {
        if (clang_isCursorDefinition(cursor))
            add_cursor(&top->functions, &top->function_count, &top->function_capacity, cursor);
    } else {
        constants_add_candidate(top->unit, cursor);
        add_cursor(&top->variables, &top->variable_count, &top->variable_capacity, cursor);
    }
    return CXChildVisit_Continue;
}

static int compare_errors(const void *a, const void *b)
{
    const struct error_position *left = a, *right = b;
    if (left->file != right->file)
        return left->file < right->file ? -1 : 1;
    return left->offset < right->offset ? -1 : left->offset > right->offset;
}

static bool has_error_inside(struct frontend_unit *unit, CXCursor function)
{
    if (unit->error_count == 0)
        return false;
    CXSourceRange extent = clang_getCursorExtent(function);
    int file, end_file;
    unsigned begin, end;
    if (!unit_offset(unit, clang_getRangeStart(extent), &file, &begin) ||
        !unit_offset(unit, clang_getRangeEnd(extent), &end_file, &end) || end_file != file)
        return false;
    int low = 0, high = unit->error_count;
    while (low < high) { /* first error at or after (file, begin) */
        int middle = low + (high - low) / 2;
        if (unit->errors[middle].file < file ||
            (unit->errors[middle].file == file && unit->errors[middle].offset < begin))
            low = middle + 1;
        else
            high = middle;
    }
    return low < unit->error_count && unit->errors[low].file == file &&
           unit->errors[low].offset <= end;
}

static void link_calls(struct frontend_unit *unit)
{
    struct ir_unit *ir = unit->unit;
    struct name_map functions;
    name_map_init(&functions);
    for (int i = 0; i < ir->function_count; i++) {
        if (ir->functions[i].key && ir->functions[i].key[0])
            name_map_insert(&functions, ir->functions[i].key, i);
    }
    for (int i = 0; i < unit->pending_count; i++) {
        const struct pending_call *call = &unit->pending[i];
        int *index = name_map_find(&functions, call->key);
        if (!index)
            continue;
        struct cfg_block *block = &ir->functions[call->function].blocks[call->block];
        block->statements[call->statement].call.function_index = *index;
    }
    name_map_free(&functions);
}

/* Each function is scanned just before it is lowered, so facts about
 * globals found in later functions come too late for earlier ones: their
 * address_taken flags are set now, and functions that folded a "file
 * constant" a later function writes are lowered again (rare: a static
 * flag read above the function that sets it). */
static void settle_unit_facts(struct frontend_unit *unit, const struct top_level *top,
                              int first_function)
{
    for (int i = 0; i < unit->global_root_count; i++) {
        const struct global_root *root = &unit->global_roots[i];
        struct access_path *path = &unit->unit->functions[root->function].paths[root->path];
        if (!path->address_taken && prescan_address_taken(unit, root->variable))
            path->address_taken = true;
        if (!path->address_escapes && prescan_address_escapes(unit, root->variable))
            path->address_escapes = true;
    }
    unit->global_root_count = 0;
    for (int i = 0; i < top->function_count; i++)
        if (prescan_function_named(unit, top->functions[i]))
            unit->unit->functions[first_function + i].address_taken = true;
    if (top->function_count == 0)
        return;
    bool *stale = xcalloc((size_t)unit->unit->function_count, sizeof *stale);
    if (constants_settle(unit, stale) > 0) {
        int kept = 0; /* their calls are recorded again */
        for (int i = 0; i < unit->pending_count; i++) {
            if (!stale[unit->pending[i].function])
                unit->pending[kept++] = unit->pending[i];
        }
        unit->pending_count = kept;
        hooks_forget(unit, stale);
        for (int i = 0; i < top->function_count; i++) {
            int index = first_function + i;
            if (stale[index])
                lower_function(unit, top->functions[i],
                               has_error_inside(unit, top->functions[i]), index, false);
        }
        unit->global_root_count = 0; /* complete now: nothing to settle */
    }
    free(stale);
}

void lower_translation_unit(struct frontend_unit *unit)
{
    struct top_level top;
    memset(&top, 0, sizeof top);
    top.unit = unit;
    unit->lowering_function = -1;
    clang_visitChildren(clang_getTranslationUnitCursor(unit->tu), collect_top_level, &top);
    macros_finish(unit);
    if (unit->error_count > 1)
        qsort(unit->errors, (size_t)unit->error_count, sizeof *unit->errors, compare_errors);
    prescan_unit(unit, top.variables, top.variable_count);
    int first_function = unit->unit->function_count;
    for (int i = 0; i < top.function_count; i++)
        lower_function(unit, top.functions[i], has_error_inside(unit, top.functions[i]), -1,
                       true);
    settle_unit_facts(unit, &top, first_function);
    hooks_settle(unit);
    link_calls(unit);
    macros_record_definitions(unit);
    free(top.functions);
    free(top.variables);
}

/*
 * lower_function: lowering one function definition: sets up the function
 * (key, flags, parameters), owns the per-function state (blocks, the
 * interned access paths with a hash index, temporaries, labels) and hands
 * the body to lower_statement. Statements and expressions are lowered in
 * their own files.
 */
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "lower_sites.h"
#include "../support/xalloc.h"
#include "../support/heap_array.h"

/* ---- blocks and statements ---- */

int lower_new_block(struct lower_context *context)
{
    struct frontend_unit *unit = context->unit_state;
    struct ir_function *function = context->function;
    unit->scratch_blocks = heap_array_reserve(unit->scratch_blocks, &unit->scratch_block_capacity, function->block_count + 1, sizeof *unit->scratch_blocks);
    function->blocks = unit->scratch_blocks;
    function->block_capacity = unit->scratch_block_capacity;
    int id = function->block_count++;
    struct cfg_block *block = &function->blocks[id];
    memset(block, 0, sizeof *block); /* as ir_add_block */
    block->terminator = TERMINATOR_RETURN;
    block->successors[0] = block->successors[1] = -1;
    return id;
}

void lower_start_unreachable(struct lower_context *context)
{
    context->current = -1; /* a block is made only if code follows */
}

int lower_current_block(struct lower_context *context)
{
    if (context->current < 0)
        context->current = lower_new_block(context);
    return context->current;
}

void lower_goto(struct lower_context *context, int target)
{
    if (context->current < 0)
        return; /* unreachable: no edge */
    struct cfg_block *block = &context->function->blocks[context->current];
    block->terminator = TERMINATOR_GOTO;
    block->successors[0] = target;
    block->successors[1] = -1;
    context->current = -1;
}

void lower_branch(struct lower_context *context, struct ir_condition condition, int if_true,
                  int if_false)
{
    if (context->current < 0)
        return;
    struct cfg_block *block = &context->function->blocks[context->current];
    block->terminator = TERMINATOR_BRANCH;
    block->condition = condition;
    block->successors[0] = if_true;
    block->successors[1] = if_false;
    context->current = -1;
}

struct ir_statement *lower_emit(struct lower_context *context, enum statement_kind kind,
                                struct source_location location)
{
    struct frontend_unit *unit = context->unit_state;
    int block = lower_current_block(context);
    if (unit->scratch_statement_count == unit->scratch_statement_capacity) {
        int capacity = unit->scratch_statement_capacity ? unit->scratch_statement_capacity * 2
                                                        : 256;
        struct ir_statement *statements =
            xrealloc(unit->scratch_statements, (size_t)capacity * sizeof *statements);
        int *owners = xrealloc(unit->scratch_owners, (size_t)capacity * sizeof *owners);
        unit->scratch_statements = statements;
        unit->scratch_owners = owners;
        unit->scratch_statement_capacity = capacity;
    }
    int index = unit->scratch_statement_count++;
    unit->scratch_owners[index] = block;
    context->function->blocks[block].statement_count++;
    struct ir_statement *statement = &unit->scratch_statements[index];
    ir_statement_init(statement, kind, location);
    return statement;
}

/* Moves the function's blocks and statements from the scratch buffers to
 * exact-size arrays in the unit's arena. */
static void finish_blocks(struct lower_context *context)
{
    struct frontend_unit *unit = context->unit_state;
    struct ir_function *function = context->function;
    struct arena *arena = context->unit->arena;
    if (function->block_count == 0)
        return;
    struct cfg_block *blocks = arena_alloc(arena, (size_t)function->block_count * sizeof *blocks);
    memcpy(blocks, function->blocks, (size_t)function->block_count * sizeof *blocks);
    for (int b = 0; b < function->block_count; b++) {
        struct cfg_block *block = &blocks[b];
        block->statement_capacity = block->statement_count;
        block->statements = block->statement_count
                                ? arena_alloc(arena, (size_t)block->statement_count *
                                                         sizeof *block->statements)
                                : NULL;
        block->statement_count = 0;
    }
    for (int i = 0; i < unit->scratch_statement_count; i++) {
        struct cfg_block *block = &blocks[unit->scratch_owners[i]];
        block->statements[block->statement_count++] = unit->scratch_statements[i];
    }
    function->blocks = blocks;
    function->block_capacity = function->block_count;
    unit->scratch_statement_count = 0;
}

struct source_location lower_location(struct lower_context *context, CXCursor cursor)
{
    return unit_location(context->unit_state, clang_getCursorLocation(cursor));
}

struct source_location lower_location_start(struct lower_context *context, CXCursor cursor)
{
    /* an expression's location is its start, except for members (the name) */
    if (clang_getCursorKind(cursor) != CXCursor_MemberRefExpr)
        return lower_location(context, cursor);
    return unit_location(context->unit_state,
                         clang_getRangeStart(clang_getCursorExtent(cursor)));
}

/* ---- paths ---- */

static unsigned path_hash(int parent, enum path_step step, const char *name,
                          enum variable_kind kind)
{
    unsigned hash = (unsigned)parent * 2654435761u ^ (unsigned)step * 40503u;
    if (step != PATH_DEREF)
        hash ^= name_hash(name);
    if (parent < 0)
        hash ^= (unsigned)kind * 97u;
    return hash;
}

static bool path_matches(const struct access_path *path, int parent, enum path_step step,
                         const char *name, enum variable_kind kind)
{
    if (path->parent != parent || path->step != step)
        return false;
    if (step != PATH_DEREF && strcmp(path->name, name) != 0)
        return false;
    return parent >= 0 || path->root_kind == kind;
}

static void index_path(struct lower_context *context, int id)
{
    const struct access_path *path = &context->function->paths[id];
    size_t mask = context->path_slot_capacity - 1;
    size_t slot = path_hash(path->parent, path->step, path->name, path->root_kind) & mask;
    while (context->path_slots[slot] >= 0)
        slot = (slot + 1) & mask;
    context->path_slots[slot] = id;
}

static void grow_path_index(struct lower_context *context)
{
    size_t capacity = context->path_slot_capacity ? context->path_slot_capacity * 2 : 64;
    free(context->path_slots);
    context->path_slots = xmalloc(capacity * sizeof *context->path_slots);
    for (size_t i = 0; i < capacity; i++)
        context->path_slots[i] = -1;
    context->path_slot_capacity = capacity;
    for (int id = 0; id < context->function->path_count; id++)
        index_path(context, id);
}

static int find_path(struct lower_context *context, int parent, enum path_step step,
                     const char *name, enum variable_kind kind)
{
    if (context->path_slot_capacity == 0)
        return -1;
    size_t mask = context->path_slot_capacity - 1;
    for (size_t slot = path_hash(parent, step, name, kind) & mask;;
         slot = (slot + 1) & mask) {
        int id = context->path_slots[slot];
        if (id < 0)
            return -1;
        if (path_matches(&context->function->paths[id], parent, step, name, kind))
            return id;
    }
}

void lower_mark_integer(struct lower_context *context, int path, CXType type)
{
    CXType canonical = compat_canonical_type(type);
    if (!compat_is_integer_type(canonical))
        return;
    struct access_path *marked = &context->function->paths[path];
    if (compat_is_unsigned_type(canonical))
        marked->is_unsigned = true;
    long long size = clang_Type_getSizeOf(canonical);
    if (size > 0 && size <= 4)
        marked->fits_32_bits = true;
}

/* Text as ir.c writes it, from the parent's text. */
void lower_mark_declaration(struct lower_context *context, int path, CXCursor declaration)
{
    if (path < 0 || cursor_is_null(declaration))
        return;
    CXType type = compat_canonical_type(clang_getCursorType(declaration));
    if (type.kind == CXType_Bool)
        context->function->paths[path].is_boolean = true;
    else
        lower_mark_integer(context, path, type);
    if (clang_Type_getNullability(clang_getCursorType(declaration)) != CXTypeNullability_Nullable)
        return;
    struct access_path *marked = &context->function->paths[path];
    if (marked->declared_nullable)
        return;
    marked->declared_nullable = true;
    marked->declaration = lower_location(context, declaration);
}

int lower_path(struct lower_context *context, int parent, enum path_step step, const char *name,
               enum variable_kind kind, bool is_pointer)
{
    if (step == PATH_DEREF)
        name = NULL;
    else if (!name)
        name = "";
    int found = find_path(context, parent, step, name, kind);
    if (found >= 0)
        return found;
    struct ir_function *function = context->function;
    int id = ir_add_path(context->unit, function, parent, step, name, kind);
    function->paths[id].is_pointer = is_pointer;
    if ((size_t)function->path_count * 2 > context->path_slot_capacity)
        grow_path_index(context);
    else
        index_path(context, id);
    return id;
}

/* "base#suffix" */
static const char *suffixed(struct lower_context *context, const char *base, unsigned suffix)
{
    char number[16];
    size_t start = sizeof number - 1;
    number[start] = '\0';
    do {
        number[--start] = (char)('0' + suffix % 10);
        suffix /= 10;
    } while (suffix);
    number[--start] = '#';
    return unit_join(context->unit_state, base, number + start);
}

/* A root named `base`, or "base#2", ... when that name is taken; the text
 * stays `base` so messages read naturally. */
static int unique_root(struct lower_context *context, const char *base, enum variable_kind kind,
                       bool is_pointer, int first_suffix)
{
    int id;
    if (first_suffix <= 1 && find_path(context, -1, PATH_VARIABLE, base, kind) < 0) {
        id = lower_path(context, -1, PATH_VARIABLE, base, kind, is_pointer);
    } else {
        const char *name = NULL;
        for (int suffix = first_suffix > 2 ? first_suffix : 2;; suffix++) {
            name = suffixed(context, base, (unsigned)suffix);
            if (find_path(context, -1, PATH_VARIABLE, name, kind) < 0)
                break;
        }
        id = lower_path(context, -1, PATH_VARIABLE, name, kind, is_pointer);
        context->function->paths[id].text = arena_strdup(context->unit->arena, base);
    }
    return id;
}

int lower_root(struct lower_context *context, CXCursor declaration)
{
    if (!cursor_is_variable(declaration))
        return -1;
    CXCursor key = clang_getCanonicalCursor(declaration);
    int *known = cursor_map_find(&context->roots, key);
    if (known)
        return *known;
    enum variable_kind kind = VARIABLE_LOCAL;
    if (clang_getCursorKind(declaration) == CXCursor_VarDecl &&
        clang_Cursor_hasVarDeclGlobalStorage(declaration))
        kind = VARIABLE_GLOBAL;
    CXString spelling = clang_getCursorSpelling(declaration);
    const char *name = clang_getCString(spelling);
    const char *base = arena_strdup(context->unit->arena, name && name[0] ? name : "(unnamed)");
    clang_disposeString(spelling);
    int id = unique_root(context, base, kind,
                         compat_is_pointer_type(clang_getCursorType(declaration)), 1);
    struct access_path *path = &context->function->paths[id];
    path->type = sites_pointer_type_text(context->unit_state, clang_getCursorType(declaration));
    path->address_taken = prescan_address_taken(context->unit_state, declaration);
    path->address_escapes = prescan_address_escapes(context->unit_state, declaration);
    lower_mark_declaration(context, id, declaration);
    if (kind == VARIABLE_GLOBAL) {
        path->global_key = unit_global_key(context->unit_state, declaration);
        if (!path->address_taken) /* a function scanned later may take it */
            unit_add_global_root(context->unit_state, context->function_index, id, key);
    }
    cursor_map_insert(&context->roots, key, id);
    return id;
}

int lower_temporary(struct lower_context *context, const char *base, bool is_pointer)
{
    int *uses = name_map_find(&context->temporaries, base);
    int suffix = 1;
    if (uses) {
        suffix = ++*uses;
    } else {
        name_map_insert(&context->temporaries, arena_strdup(context->unit->arena, base), 1);
    }
    return unique_root(context, base, VARIABLE_TEMPORARY, is_pointer, suffix);
}

int lower_materialise(struct lower_context *context, struct ir_value value,
                      struct source_location location, bool is_pointer)
{
    if (value.kind == VALUE_PATH)
        return value.path;
    const char *base = "(value)";
    if (value.kind == VALUE_NULL)
        base = "NULL";
    else if (value.kind == VALUE_NONNULL)
        base = "(address)";
    else if (value.kind == VALUE_INTEGER)
        base = "(constant)";
    int temporary = lower_temporary(context, base, is_pointer || value.kind == VALUE_NULL);
    struct ir_statement *assign = lower_emit(context, STATEMENT_ASSIGN, location);
    assign->target = temporary;
    assign->value = value;
    return temporary;
}

int lower_find_root(struct lower_context *context, const char *name)
{
    int global = -1;
    for (int id = context->function->path_count - 1; id >= 0; id--) {
        const struct access_path *path = &context->function->paths[id];
        if (path->parent >= 0 || strcmp(path->text, name) != 0)
            continue;
        if (path->root_kind == VARIABLE_LOCAL || path->root_kind == VARIABLE_PARAMETER)
            return id;
        if (path->root_kind == VARIABLE_GLOBAL && global < 0)
            global = id;
    }
    return global;
}

/* ---- the function ---- */

static void add_parameters(struct lower_context *context, CXCursor definition)
{
    struct ir_function *function = context->function;
    int count = clang_Cursor_getNumArguments(definition);
    if (count <= 0)
        return;
    function->parameter_count = count;
    function->parameter_paths = arena_alloc(context->unit->arena, (size_t)count * sizeof(int));
    for (int i = 0; i < count; i++) {
        CXCursor parameter = clang_Cursor_getArgument(definition, (unsigned)i);
        CXString spelling = clang_getCursorSpelling(parameter);
        const char *text = clang_getCString(spelling);
        const char *name = text && text[0]
                               ? arena_strdup(context->unit->arena, text)
                               : arena_printf(context->unit->arena, "(parameter %d)", i + 1);
        clang_disposeString(spelling);
        int id = unique_root(context, name, VARIABLE_PARAMETER,
                             compat_is_pointer_type(clang_getCursorType(parameter)), 1);
        struct access_path *path = &function->paths[id];
        path->parameter_index = i;
        path->type = sites_type_text(context->unit_state, clang_getCursorType(parameter));
        path->address_taken = prescan_address_taken(context->unit_state, parameter);
        path->address_escapes = prescan_address_escapes(context->unit_state, parameter);
        lower_mark_declaration(context, id, parameter);
        function->parameter_paths[i] = id;
        if (context->unit_state->has_errors && compat_is_invalid_declaration(parameter))
            function->poisoned = true; /* a parameter of an unknown type */
        cursor_map_insert(&context->roots, clang_getCanonicalCursor(parameter), id);
    }
}

/* Computed gotos may reach any label: every one jumps to one shared
 * dispatch, a chain of unknown branches to each label, as clang's own CFG
 * has one indirect-goto block (a chain per goto grew with the square of
 * an interpreter's size). */
static void link_indirect_gotos(struct lower_context *context)
{
    int label_count = (int)context->labels.count;
    if (context->indirect_goto_count == 0)
        return;
    int dispatch = -1;
    if (label_count > 0) {
        dispatch = lower_new_block(context);
        context->current = dispatch;
        int seen = 0;
        for (size_t slot = 0; slot < context->labels.capacity; slot++) {
            if (!context->labels.slots[slot].key)
                continue;
            int target = context->labels.slots[slot].value;
            if (++seen == label_count) {
                lower_goto(context, target);
                break;
            }
            int next = lower_new_block(context);
            struct ir_condition unknown = {CONDITION_UNKNOWN, -1, 0, {NULL, 0, 0, NULL}, -1, false, false};
            lower_branch(context, unknown, target, next);
            context->current = next;
        }
    }
    for (int i = 0; i < context->indirect_goto_count; i++) {
        struct cfg_block *block = &context->function->blocks[context->indirect_gotos[i]];
        block->terminator = TERMINATOR_UNREACHABLE;
        if (dispatch >= 0) {
            context->current = context->indirect_gotos[i];
            lower_goto(context, dispatch);
        }
    }
}

void lower_function(struct frontend_unit *unit, CXCursor definition, bool poisoned, int index,
                    bool scan)
{
    struct ir_unit *ir = unit->unit;
    CXString spelling = clang_getCursorSpelling(definition);
    const char *name = clang_getCString(spelling) ? clang_getCString(spelling) : "";
    struct ir_function *function;
    if (index < 0) {
        function = ir_add_function(ir, name);
        index = ir->function_count - 1;
    } else { /* lowered again: as ir_add_function, in place (calls hold its index) */
        function = &ir->functions[index];
        memset(function, 0, sizeof *function);
        function->name = arena_strdup(ir->arena, name);
        function->entry = -1;
    }
    clang_disposeString(spelling);
    struct lower_context context;
    memset(&context, 0, sizeof context);
    context.unit_state = unit;
    context.unit = ir;
    context.function = function;
    context.function_index = index;
    unit->lowering_function = index;
    /* the function's own variables must be scanned before its parameters
     * and locals get their address_taken flags */
    cursor_tree_build(unit, definition);
    if (scan)
        prescan_function(unit);
    context.break_target = context.continue_target = -1;
    context.written = clang_getNullCursor();
    context.result_target = -1;
    cursor_map_init(&context.roots);
    cursor_map_init(&context.aliases);
    name_map_init(&context.temporaries);
    name_map_init(&context.labels);
    aliases_find(&context);

    function->key = unit_string(unit, clang_getCursorUSR(definition));
    function->location = unit_location(unit, clang_getCursorLocation(definition));
    function->is_static = clang_getCursorLinkage(definition) == CXLinkage_Internal;
    CXType type = clang_getCursorType(definition);
    function->returns_pointer = compat_is_pointer_type(clang_getResultType(type));
    function->return_kind = sites_return_kind(unit, definition);
    /* only a pointer result needs the declarations' facts here (reading
     * them pretty-prints every declaration: calls ask when they need) */
    function->returns_nonnull =
        function->returns_pointer &&
        (attributes_of(unit, definition, clang_getNullCursor())->facts & CALL_RETURNS_NONNULL);
    function->poisoned = poisoned || (unit->has_errors &&
                                      compat_is_invalid_declaration(definition));
    context.returns_nonnull = function->returns_nonnull;

    add_parameters(&context, definition);
    function->entry = lower_new_block(&context);
    context.current = function->entry;
    CXCursor body = clang_getNullCursor();
    struct cursor_list children;
    cursor_code_children(unit, definition, &children);
    for (int i = 0; i < children.count; i++) {
        if (clang_getCursorKind(children.items[i]) == CXCursor_CompoundStmt)
            body = children.items[i];
    }
    cursor_list_free(&children);
    context.body = body;
    if (!cursor_is_null(body))
        lower_statement(&context, body);
    if (!cursor_is_null(body) && context.current >= 0) {
        struct cfg_block *last = &function->blocks[context.current];
        last->terminator = TERMINATOR_RETURN; /* falling off the end */
        struct source_location end = unit_location(
            unit, clang_getRangeEnd(clang_getCursorExtent(body)));
        if (end.column > 1)
            end.column--; /* the closing brace, not after it */
        last->return_location = end;
    }
    link_indirect_gotos(&context);
    finish_blocks(&context);
    cursor_tree_clear(unit);
    unit->lowering_function = -1;

    cursor_map_free(&context.roots);
    cursor_map_free(&context.aliases);
    free(context.alias_targets);
    name_map_free(&context.temporaries);
    name_map_free(&context.labels);
    free(context.path_slots);
    free(context.indirect_gotos);
}

/*
 * ir: builders for the IR and a readable dump. Arrays grow by doubling
 * inside the unit's arena (abandoned blocks are reclaimed with the arena).
 */
#include "ir.h"

#include <assert.h>
#include <string.h>

#include "../support/string_buffer.h"

void ir_unit_init(struct ir_unit *unit, struct arena *arena, const char *main_file)
{
    memset(unit, 0, sizeof *unit);
    unit->arena = arena;
    unit->main_file = arena_strdup(arena, main_file);
}

int ir_successor_count(const struct cfg_block *block)
{
    return block->terminator == TERMINATOR_GOTO     ? 1
           : block->terminator == TERMINATOR_BRANCH ? 2
                                                    : 0;
}

void ir_blocks_reaching(const struct ir_function *function, char *reaches, const char *barrier)
{
    int blocks = function->block_count;
    for (bool grew = true; grew;) {
        grew = false;
        for (int b = blocks - 1; b >= 0; b--) {
            if (reaches[b] || (barrier && barrier[b]))
                continue;
            const struct cfg_block *block = &function->blocks[b];
            for (int e = 0; e < ir_successor_count(block); e++) {
                int next = block->successors[e];
                if (next >= 0 && next < blocks && reaches[next]) {
                    reaches[b] = 1;
                    grew = true;
                    break;
                }
            }
        }
    }
}

const struct ir_macro *ir_unit_macro(const struct ir_unit *unit, const char *name)
{
    for (int i = 0; name && i < unit->macro_count; i++)
        if (unit->macros[i].name == name || strcmp(unit->macros[i].name, name) == 0)
            return &unit->macros[i];
    return NULL;
}

struct ir_function *ir_add_function(struct ir_unit *unit, const char *name)
{
    if (unit->function_count == unit->function_capacity) {
        int capacity = unit->function_capacity ? unit->function_capacity * 2 : 16;
        unit->functions = arena_grow(unit->arena, unit->functions, (size_t)unit->function_count,
                                     (size_t)capacity, sizeof *unit->functions);
        unit->function_capacity = capacity;
    }
    struct ir_function *function = &unit->functions[unit->function_count++];
    memset(function, 0, sizeof *function);
    function->name = arena_strdup(unit->arena, name);
    function->entry = -1;
    return function;
}

int ir_add_block(struct ir_unit *unit, struct ir_function *function)
{
    if (function->block_count == function->block_capacity) {
        int capacity = function->block_capacity ? function->block_capacity * 2 : 8;
        function->blocks = arena_grow(unit->arena, function->blocks,
                                      (size_t)function->block_count, (size_t)capacity,
                                      sizeof *function->blocks);
        function->block_capacity = capacity;
    }
    int id = function->block_count++;
    struct cfg_block *block = &function->blocks[id];
    memset(block, 0, sizeof *block);
    block->terminator = TERMINATOR_RETURN;
    block->successors[0] = block->successors[1] = -1;
    return id;
}

struct ir_statement *ir_append(struct ir_unit *unit, struct ir_function *function, int block_id,
                               enum statement_kind kind, struct source_location location)
{
    struct cfg_block *block = &function->blocks[block_id];
    if (block->statement_count == block->statement_capacity) {
        int capacity = block->statement_capacity ? block->statement_capacity * 2 : 4;
        block->statements = arena_grow(unit->arena, block->statements,
                                       (size_t)block->statement_count, (size_t)capacity,
                                       sizeof *block->statements);
        block->statement_capacity = capacity;
    }
    struct ir_statement *statement = &block->statements[block->statement_count++];
    ir_statement_init(statement, kind, location);
    return statement;
}

void ir_statement_init(struct ir_statement *statement, enum statement_kind kind,
                       struct source_location location)
{
    memset(statement, 0, sizeof *statement);
    statement->kind = kind;
    statement->location = location;
    statement->target = -1;
    if (kind == STATEMENT_CALL) {
        statement->call.target = -1;
        statement->call.function_index = -1;
    }
}

/* The text of the path (parent, step, name) as a user writes it: "s->name",
 * "cfg.port", "*out", "argv[1]". For roots, the name. */
static const char *ir_path_text(struct arena *arena, const struct ir_function *function,
                                int parent, enum path_step step, const char *name)
{
    if (parent < 0)
        return arena_strdup(arena, name);
    const struct access_path *base = &function->paths[parent];
    bool simple = base->step == PATH_VARIABLE || base->step == PATH_FIELD ||
                  base->step == PATH_ARROW;
    switch (step) {
    case PATH_FIELD:
        return simple ? arena_printf(arena, "%s.%s", base->text, name)
                      : arena_printf(arena, "(%s).%s", base->text, name);
    case PATH_ARROW:
        return simple ? arena_printf(arena, "%s->%s", base->text, name)
                      : arena_printf(arena, "(%s)->%s", base->text, name);
    case PATH_DEREF:
        return arena_printf(arena, "*%s", base->text);
    case PATH_INDEX:
        if (name[0] == '?' && name[1]) /* "?i#7": by the variable i */
            return arena_printf(arena, "%s[%.*s]", base->text, (int)strcspn(name + 1, "#"),
                                name + 1);
        return arena_printf(arena, "%s[%s]", base->text, name);
    case PATH_VARIABLE:
        break;
    }
    return arena_strdup(arena, name);
}

int ir_path(struct ir_unit *unit, struct ir_function *function, int parent, enum path_step step,
            const char *name, enum variable_kind root_kind)
{
    for (int i = 0; i < function->path_count; i++) {
        const struct access_path *path = &function->paths[i];
        if (path->parent != parent || path->step != step)
            continue;
        if (step == PATH_DEREF || (path->name && name && strcmp(path->name, name) == 0)) {
            if (parent >= 0 || path->root_kind == root_kind)
                return i;
        }
    }
    return ir_add_path(unit, function, parent, step, name, root_kind);
}

int ir_add_path(struct ir_unit *unit, struct ir_function *function, int parent,
                enum path_step step, const char *name, enum variable_kind root_kind)
{
    /* A path comes after its parent: the analysis relies on it when it
     * forgets what is below a path (every descendant has a larger id). */
    assert(parent >= -1 && parent < function->path_count);
    if (function->path_count == function->path_capacity) {
        int capacity = function->path_capacity ? function->path_capacity * 2 : 16;
        function->paths = arena_grow(unit->arena, function->paths, (size_t)function->path_count,
                                     (size_t)capacity, sizeof *function->paths);
        function->path_capacity = capacity;
    }
    int id = function->path_count++;
    struct access_path *path = &function->paths[id];
    memset(path, 0, sizeof *path);
    path->parent = parent;
    path->first_child = -1;
    path->next_sibling = -1;
    if (parent >= 0) {
        path->next_sibling = function->paths[parent].first_child;
        function->paths[parent].first_child = id;
    }
    path->step = step;
    path->name = step == PATH_DEREF ? NULL : arena_strdup(unit->arena, name);
    path->text = ir_path_text(unit->arena, function, parent, step, name);
    path->parameter_index = -1;
    path->index_root = -1;
    if (parent >= 0) {
        const struct access_path *base = &function->paths[parent];
        path->root_kind = base->root_kind;
        path->weak = base->weak || (step == PATH_INDEX && name && name[0] == '?');
    } else {
        path->root_kind = root_kind;
    }
    return id;
}

int ir_child_path(const struct ir_function *function, int parent, enum path_step step,
                  const char *name)
{
    if (parent < 0)
        return -1;
    for (int i = parent + 1; i < function->path_count; i++) {
        const struct access_path *path = &function->paths[i];
        if (path->parent == parent && path->step == step &&
            (step == PATH_DEREF || (path->name && name && strcmp(path->name, name) == 0)))
            return i;
    }
    return -1;
}

bool ir_path_is_below(const struct ir_function *function, int path, int ancestor)
{
    while (path >= 0) {
        if (path == ancestor)
            return true;
        path = function->paths[path].parent;
    }
    return false;
}

int ir_path_root(const struct ir_function *function, int path)
{
    while (function->paths[path].parent >= 0)
        path = function->paths[path].parent;
    return path;
}

bool ir_path_through_pointer(const struct ir_function *function, int path)
{
    for (int at = path; function->paths[at].parent >= 0; at = function->paths[at].parent) {
        const struct access_path *step = &function->paths[at];
        if (step->step == PATH_ARROW || step->step == PATH_DEREF ||
            (step->step == PATH_INDEX && function->paths[step->parent].is_pointer))
            return true;
    }
    return false;
}

static void dump_value(const struct ir_function *function, struct ir_value value,
                       struct string_buffer *out)
{
    switch (value.kind) {
    case VALUE_UNKNOWN: string_buffer_append(out, "?"); break;
    case VALUE_NULL: string_buffer_append(out, "NULL"); break;
    case VALUE_NONNULL:
        if (value.path >= 0)
            string_buffer_printf(out, "&%s", function->paths[value.path].text);
        else
            string_buffer_append(out, "nonnull");
        break;
    case VALUE_NULL_TEST:
        string_buffer_printf(out, "(%s %s NULL)", function->paths[value.path].text,
                             value.integer ? "!=" : "==");
        break;
    case VALUE_PATH: string_buffer_append(out, function->paths[value.path].text); break;
    case VALUE_INTEGER: string_buffer_printf(out, "%lld", value.integer); break;
    }
}

static const char *path_name(const struct ir_function *function, int path)
{
    return path >= 0 ? function->paths[path].text : "-";
}

static void dump_statement(const struct ir_function *function, const struct ir_statement *s,
                           struct string_buffer *out)
{
    string_buffer_printf(out, "    %u:%u ", s->location.line, s->location.column);
    switch (s->kind) {
    case STATEMENT_ASSIGN:
        string_buffer_printf(out, "%s = ", path_name(function, s->target));
        dump_value(function, s->value, out);
        break;
    case STATEMENT_CALL:
        if (s->call.target >= 0)
            string_buffer_printf(out, "%s = ", path_name(function, s->call.target));
        string_buffer_printf(out, "call %s(", s->call.callee ? s->call.callee : "<indirect>");
        for (int i = 0; i < s->call.argument_count; i++) {
            if (i)
                string_buffer_append(out, ", ");
            dump_value(function, s->call.arguments[i], out);
        }
        string_buffer_append(out, ")");
        if (s->call.facts & CALL_NORETURN)
            string_buffer_append(out, " noreturn");
        break;
    case STATEMENT_USE:
        string_buffer_printf(out, "use %s", path_name(function, s->target));
        break;
    case STATEMENT_ASSUME:
        string_buffer_printf(out, "assume %s != NULL", path_name(function, s->target));
        break;
    case STATEMENT_FORGET:
        string_buffer_printf(out, "forget %s", path_name(function, s->target));
        break;
    case STATEMENT_HAS_ROOM:
        string_buffer_printf(out, "has room %s", path_name(function, s->target));
        break;
    case STATEMENT_ADJUST: {
        static const char *const operators[] = {"+=", "*=", "/=", ">>=", "steps", "&=", "%="};
        string_buffer_printf(out, "%s %s %lld", path_name(function, s->target),
                             operators[s->arithmetic], s->value.integer);
        break;
    }
    case STATEMENT_VARIANT:
        string_buffer_printf(out, "read %s if %s %s 0", s->payload ? s->payload : "?",
                             path_name(function, s->target), s->value.integer ? "!=" : "==");
        break;
    }
    string_buffer_append(out, "\n");
}

void ir_dump_function(const struct ir_function *function, struct string_buffer *out)
{
    string_buffer_printf(out, "function %s entry=b%d\n", function->name, function->entry);
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        string_buffer_printf(out, "  b%d:\n", b);
        for (int i = 0; i < block->statement_count; i++)
            dump_statement(function, &block->statements[i], out);
        switch (block->terminator) {
        case TERMINATOR_GOTO:
            string_buffer_printf(out, "    goto b%d\n", block->successors[0]);
            break;
        case TERMINATOR_BRANCH: {
            const struct ir_condition *c = &block->condition;
            string_buffer_append(out, "    if ");
            switch (c->kind) {
            case CONDITION_UNKNOWN: string_buffer_append(out, "?"); break;
            case CONDITION_NONNULL:
                string_buffer_printf(out, "%s != NULL", path_name(function, c->path));
                break;
            case CONDITION_INTEGER_EQUALS:
                string_buffer_printf(out, "%s == %lld", path_name(function, c->path), c->integer);
                break;
            case CONDITION_NONZERO:
                string_buffer_printf(out, "%s != 0", path_name(function, c->path));
                break;
            case CONDITION_SAME_NULLNESS:
                string_buffer_printf(out, "!%s == !%s", path_name(function, c->path),
                                     path_name(function, c->other));
                break;
            case CONDITION_BITS:
                string_buffer_printf(out, "(%s%s & %#llx) != 0", c->complement ? "~" : "",
                                     path_name(function, c->path), (unsigned long long)c->integer);
                break;
            case CONDITION_LESS:
            case CONDITION_EQUALS_PATH:
                string_buffer_printf(out, "%s %s ", path_name(function, c->path),
                                     c->kind == CONDITION_LESS ? "<" : "==");
                if (c->other >= 0)
                    string_buffer_printf(out, "%s + %lld", path_name(function, c->other),
                                         c->integer);
                else
                    string_buffer_printf(out, "%lld", c->integer);
                break;
            }
            string_buffer_printf(out, " then b%d else b%d\n", block->successors[0],
                                 block->successors[1]);
            break;
        }
        case TERMINATOR_RETURN:
            string_buffer_append(out, "    return");
            if (block->has_return_value) {
                string_buffer_append(out, " ");
                dump_value(function, block->returned, out);
            }
            string_buffer_append(out, "\n");
            break;
        case TERMINATOR_UNREACHABLE:
            string_buffer_append(out, "    unreachable\n");
            break;
        }
    }
}

/*
 * evidence: what one unit exports before it is analysed (project.h): its
 * external functions, the external functions it calls, and for each callee
 * how many call sites test the pointer result against NULL and how many
 * use it without a test. Syntactic and flow-insensitive on purpose: it is
 * a vote over the whole project, where one site more or less does not
 * change the majority, and it must be cheap.
 */
#include "project.h"

#include <stdlib.h>
#include <string.h>

struct site {
    const char *callee;
    bool tested;
};

/* What happens to a value somewhere in a function, as bits. */
enum fate { FATE_TESTED = 1, FATE_USED = 2, FATE_RETURNED = 4 };

/* The path that slot `slot` of `statement` tests against NULL, or -1: an
 * assignment of a NULL test (slot 0), an assumption other than an
 * ordering that held (p < end tests nothing; slot 0), a NULL test passed
 * as argument `slot` of a call. Slots run to the call's argument count. */
static int statement_tested_path(const struct ir_statement *statement, int slot)
{
    switch (statement->kind) {
    case STATEMENT_ASSIGN:
        return slot == 0 && statement->value.kind == VALUE_NULL_TEST ? statement->value.path : -1;
    case STATEMENT_ASSUME:
        return slot == 0 && statement->value.integer != 2 ? statement->target : -1;
    case STATEMENT_CALL:
        return slot < statement->call.argument_count &&
                       statement->call.arguments[slot].kind == VALUE_NULL_TEST
                   ? statement->call.arguments[slot].path
                   : -1;
    default:
        return -1;
    }
}

static int statement_slots(const struct ir_statement *statement)
{
    return statement->kind == STATEMENT_CALL ? statement->call.argument_count : 1;
}

/* The pointer a block's branch tests against NULL, or -1. */
static int branch_tested_path(const struct ir_function *function, const struct cfg_block *block)
{
    const struct ir_condition *condition = &block->condition;
    if (block->terminator != TERMINATOR_BRANCH || condition->path < 0 ||
        (condition->kind != CONDITION_NONNULL && condition->kind != CONDITION_NONZERO) ||
        !function->paths[condition->path].is_pointer)
        return -1;
    return condition->path;
}

/* Per path: what is done to it directly (tested against NULL, dereferenced,
 * returned), then, to a fixed point over the copies (x = start, s->f = x),
 * what is done to any path that may hold its value. One pass over the
 * function per round, for every call site at once: a function of n calls
 * costs O(n) rounds at worst, not a closure per call. */
static char *value_fates(const struct ir_function *function, struct arena *scratch)
{
    int paths = function->path_count;
    char *fate = arena_alloc(scratch, (size_t)paths + 1);
    char *branched = arena_alloc(scratch, (size_t)paths + 1);
    memset(fate, 0, (size_t)paths + 1);
    memset(branched, 0, (size_t)paths + 1);
    /* results that a branch takes as true or false where they are made:
     * `if (!is_string(v))`, not `t = uv_now(loop); ASSERT(t > 0);` */
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        if (block->terminator == TERMINATOR_BRANCH && block->condition.path >= 0 &&
            block->condition.kind == CONDITION_NONZERO &&
            function->paths[block->condition.path].root_kind == VARIABLE_TEMPORARY)
            branched[block->condition.path] = 1;
    }
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        for (int i = 0; i < block->statement_count; i++) {
            const struct ir_statement *statement = &block->statements[i];
            for (int slot = 0; slot < statement_slots(statement); slot++) {
                int tested = statement_tested_path(statement, slot);
                if (tested >= 0)
                    fate[tested] |= FATE_TESTED;
            }
            switch (statement->kind) {
            case STATEMENT_USE:
                if (statement->target >= 0)
                    fate[statement->target] |= FATE_USED;
                break;
            case STATEMENT_CALL:
                for (int a = 0; a < statement->call.argument_count; a++) {
                    struct ir_value argument = statement->call.arguments[a];
                    /* if (!is_string(v)): a predicate of one value that may test it;
                     * not `if (strcmp(v, "x") == 0)` or `ASSERT(0 == uv_run(loop,
                     * mode))`, which check what a call with it did */
                    if (argument.kind == VALUE_PATH && argument.path >= 0 &&
                        statement->call.argument_count == 1 &&
                        !statement->call.returns_pointer && statement->call.target >= 0 &&
                        branched[statement->call.target])
                        fate[argument.path] |= FATE_TESTED;
                }
                break;
            default:
                break;
            }
        }
        if (branch_tested_path(function, block) >= 0)
            fate[branch_tested_path(function, block)] |= FATE_TESTED;
        if (block->terminator == TERMINATOR_RETURN && block->has_return_value &&
            block->returned.kind == VALUE_PATH && block->returned.path >= 0)
            fate[block->returned.path] |= FATE_RETURNED;
    }
    /* A variable the function also sets to NULL (`msg = NULL; switch ...
     * msg = _("added"); ... if (msg)`) is tested for that NULL: its test
     * says nothing of the calls whose results it holds. */
    char *nulled = arena_alloc(scratch, (size_t)paths + 1);
    memset(nulled, 0, (size_t)paths + 1);
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        for (int i = 0; i < block->statement_count; i++) {
            const struct ir_statement *statement = &block->statements[i];
            if (statement->kind == STATEMENT_ASSIGN && statement->target >= 0 &&
                statement->value.kind == VALUE_NULL)
                nulled[statement->target] = 1;
        }
    }
    for (int p = 0; p < paths; p++)
        if (nulled[p])
            fate[p] &= (char)~FATE_TESTED;
    for (bool changed = true; changed;) {
        changed = false;
        for (int b = 0; b < function->block_count; b++) {
            const struct cfg_block *block = &function->blocks[b];
            for (int i = 0; i < block->statement_count; i++) {
                const struct ir_statement *statement = &block->statements[i];
                if (statement->kind != STATEMENT_ASSIGN || statement->value.kind != VALUE_PATH ||
                    statement->target < 0 || statement->value.path < 0)
                    continue;
                char *from = &fate[statement->value.path];
                if ((*from | fate[statement->target]) != *from) {
                    *from |= fate[statement->target];
                    changed = true;
                }
            }
        }
    }
    return fate;
}

static int compare_names(const void *left, const void *right)
{
    return strcmp(*(const char *const *)left, *(const char *const *)right);
}

static int compare_sites(const void *left, const void *right)
{
    const struct site *a = left, *b = right;
    return strcmp(a->callee, b->callee);
}

static bool is_static_callee(const struct ir_unit *unit, const struct ir_call *call)
{
    return call->function_index >= 0 && call->function_index < unit->function_count &&
           unit->functions[call->function_index].is_static;
}

/* The path `statement` sets (an assignment's or a call's target), or -1. */
static int statement_sets(const struct ir_statement *statement)
{
    return statement->kind == STATEMENT_ASSIGN ? statement->target
           : statement->kind == STATEMENT_CALL ? statement->call.target
                                               : -1;
}

/* How many statements set each path: a variable set by several calls
 * (rsync's `arg = poptGetOptArg(pc)` in every case of an option switch)
 * is tested for one of them, not for all. */
static int *definition_counts(const struct ir_function *function, struct arena *scratch)
{
    int *count = arena_alloc(scratch, sizeof *count * ((size_t)function->path_count + 1));
    memset(count, 0, sizeof *count * ((size_t)function->path_count + 1));
    for (int b = 0; b < function->block_count; b++)
        for (int i = 0; i < function->blocks[b].statement_count; i++) {
            int target = statement_sets(&function->blocks[b].statements[i]);
            if (target >= 0 && count[target] < 2)
                count[target]++;
        }
    return count;
}

/* Whether `statement` tests `path` against NULL, or copies it into a
 * variable that is tested (`fate`): 1; sets it anew: -1; else 0. */
static int statement_tests(const struct ir_statement *statement, int path, const char *fate)
{
    for (int slot = 0; slot < statement_slots(statement); slot++)
        if (statement_tested_path(statement, slot) == path)
            return 1;
    if (statement->kind == STATEMENT_ASSIGN && statement->value.kind == VALUE_PATH &&
        statement->value.path == path && statement->target >= 0 && statement->target != path &&
        (fate[statement->target] & FATE_TESTED))
        return 1;
    return statement_sets(statement) == path ? -1 : 0;
}

/* Whether the value the call at (block, index) leaves in `path` is tested
 * before `path` is set again, on some path on from the call. */
static bool tested_after(const struct ir_function *function, int block, int index, int path,
                         const char *fate, struct arena *scratch)
{
    char *seen = arena_alloc(scratch, (size_t)function->block_count + 1);
    int *stack = arena_alloc(scratch, sizeof *stack * ((size_t)function->block_count + 1));
    memset(seen, 0, (size_t)function->block_count + 1);
    int depth = 0, from = index + 1;
    for (int b = block;; from = 0) {
        const struct cfg_block *node = &function->blocks[b];
        bool killed = false;
        for (int i = from; i < node->statement_count && !killed; i++) {
            int result = statement_tests(&node->statements[i], path, fate);
            if (result > 0)
                return true;
            killed = result < 0;
        }
        if (!killed && branch_tested_path(function, node) == path)
            return true;
        for (int e = 0; !killed && e < ir_successor_count(node); e++) {
            int next = node->successors[e];
            if (next >= 0 && !seen[next]) {
                seen[next] = 1;
                stack[depth++] = next;
            }
        }
        if (depth == 0)
            return false;
        b = stack[--depth];
    }
}

/* The call sites of one function whose result is tested or dereferenced,
 * appended to `sites` (room for every call statement): of external callees,
 * or with `statics` (indexed by function) of the unit's static ones. */
static void function_sites(const struct ir_unit *unit, const struct ir_function *function,
                           struct arena *scratch, struct site *sites, int *count,
                           struct call_evidence *statics)
{
    const char *fate = NULL;
    const int *definitions = NULL;
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        for (int i = 0; i < block->statement_count; i++) {
            if (block->statements[i].kind != STATEMENT_CALL)
                continue;
            const struct ir_call *call = &block->statements[i].call;
            if (!call->callee || !call->returns_pointer || call->target < 0 ||
                is_static_callee(unit, call) != (statics != NULL))
                continue;
            if (!fate) {
                fate = value_fates(function, scratch);
                definitions = definition_counts(function, scratch);
            }
            bool tested = fate[call->target] & FATE_TESTED;
            if (tested && definitions[call->target] > 1)
                tested = tested_after(function, b, i, call->target, fate, scratch);
            bool used = fate[call->target] & FATE_USED;
            bool returned = fate[call->target] & FATE_RETURNED;
            if (!tested && (returned || !used))
                continue; /* passed on to the caller, or not used here */
            if (statics) {
                struct call_evidence *evidence = &statics[call->function_index];
                evidence->callee = call->callee;
                evidence->calls++;
                evidence->tested += tested;
                continue;
            }
            sites[(*count)++] = (struct site){call->callee, tested};
        }
    }
}

/* Calls `unit` makes of functions it does not define, into `callees`
 * when given; how many. */
static int external_calls(const struct ir_unit *unit, const char **callees)
{
    int count = 0;
    for (int f = 0; f < unit->function_count; f++)
        for (int b = 0; b < unit->functions[f].block_count; b++) {
            const struct cfg_block *block = &unit->functions[f].blocks[b];
            for (int i = 0; i < block->statement_count; i++) {
                const struct ir_call *call = &block->statements[i].call;
                if (block->statements[i].kind != STATEMENT_CALL || !call->callee ||
                    call->function_index >= 0)
                    continue;
                if (callees)
                    callees[count] = call->callee;
                count++;
            }
        }
    return count;
}

int unit_external_callees(const struct ir_unit *unit, struct arena *arena, const char ***names)
{
    const char **callees =
        arena_alloc(arena, sizeof *callees * ((size_t)external_calls(unit, NULL) + 1));
    int count = external_calls(unit, callees);
    if (count > 1)
        qsort(callees, (size_t)count, sizeof *callees, compare_names);
    int kept = 0;
    for (int i = 0; i < count; i++)
        if (kept == 0 || strcmp(callees[i], callees[kept - 1]) != 0)
            callees[kept++] = callees[i];
    *names = callees;
    return kept;
}

void project_exports_init(const struct ir_unit *unit, struct arena *arena,
                          struct unit_exports *exports)
{
    memset(exports, 0, sizeof *exports);
    int functions = unit->function_count;
    exports->functions =
        arena_alloc(arena, sizeof *exports->functions * (size_t)(functions ? functions : 1));
    for (int i = 0; i < functions; i++) {
        const struct ir_function *function = &unit->functions[i];
        if (function->is_static || !function->name)
            continue;
        struct exported_function *exported = &exports->functions[exports->function_count++];
        memset(exported, 0, sizeof *exported);
        exported->name = function->name;
        exported->function_index = i;
        exported->definition = function->location;
    }

    struct arena scratch;
    arena_init(&scratch);
    int statements = 0;
    for (int f = 0; f < functions; f++)
        for (int b = 0; b < unit->functions[f].block_count; b++)
            statements += unit->functions[f].blocks[b].statement_count;
    struct site *sites = arena_alloc(&scratch, sizeof *sites * (size_t)(statements + 1));
    int count = 0;
    for (int f = 0; f < functions; f++)
        function_sites(unit, &unit->functions[f], &scratch, sites, &count, NULL);
    exports->callee_count = unit_external_callees(unit, arena, &exports->callees);

    if (count > 1)
        qsort(sites, (size_t)count, sizeof *sites, compare_sites);
    exports->evidence =
        arena_alloc(arena, sizeof *exports->evidence * (size_t)(count ? count : 1));
    for (int i = 0; i < count; i++) {
        if (exports->evidence_count == 0 ||
            strcmp(exports->evidence[exports->evidence_count - 1].callee, sites[i].callee) != 0)
            exports->evidence[exports->evidence_count++] =
                (struct call_evidence){sites[i].callee, 0, 0};
        struct call_evidence *evidence = &exports->evidence[exports->evidence_count - 1];
        evidence->calls++;
        evidence->tested += sites[i].tested;
    }
    arena_free(&scratch);
}

struct call_evidence *unit_static_evidence(const struct ir_unit *unit, struct arena *arena)
{
    int functions = unit->function_count;
    struct call_evidence *statics =
        arena_alloc(arena, sizeof *statics * (size_t)(functions ? functions : 1));
    memset(statics, 0, sizeof *statics * (size_t)(functions ? functions : 1));
    struct arena scratch;
    arena_init(&scratch);
    for (int f = 0; f < functions; f++)
        function_sites(unit, &unit->functions[f], &scratch, NULL, NULL, statics);
    arena_free(&scratch);
    return statics;
}

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

/* Marks in `held` the paths that hold the value of `start`: copies of it
 * (x = start, s->f = x), to a fixed point over the function. */
static void values_of(const struct ir_function *function, int start, char *held)
{
    memset(held, 0, (size_t)function->path_count);
    held[start] = 1;
    for (bool changed = true; changed;) {
        changed = false;
        for (int b = 0; b < function->block_count; b++) {
            const struct cfg_block *block = &function->blocks[b];
            for (int i = 0; i < block->statement_count; i++) {
                const struct ir_statement *statement = &block->statements[i];
                if (statement->kind == STATEMENT_ASSIGN && statement->value.kind == VALUE_PATH &&
                    statement->target >= 0 && held[statement->value.path] &&
                    !held[statement->target]) {
                    held[statement->target] = 1;
                    changed = true;
                }
            }
        }
    }
}

static bool held_test(const char *held, struct ir_value value)
{
    return value.kind == VALUE_NULL_TEST && value.path >= 0 && held[value.path];
}

/* Whether some branch of the function tests the integer `path`. */
static bool branches_on(const struct ir_function *function, int path)
{
    if (path < 0)
        return false;
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        if (block->terminator == TERMINATOR_BRANCH && block->condition.path == path)
            return true;
    }
    return false;
}

/* Whether a value held in `held` is tested against NULL somewhere in the
 * function (*tested), dereferenced (*used), or returned (*returned). */
static void site_fate(const struct ir_function *function, const char *held, bool *tested,
                      bool *used, bool *returned)
{
    *tested = *used = *returned = false;
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        for (int i = 0; i < block->statement_count; i++) {
            const struct ir_statement *statement = &block->statements[i];
            switch (statement->kind) {
            case STATEMENT_ASSIGN:
                *tested |= held_test(held, statement->value);
                break;
            case STATEMENT_USE:
                *used |= statement->target >= 0 && held[statement->target];
                break;
            case STATEMENT_ASSUME:
                *tested |= statement->target >= 0 && held[statement->target];
                break;
            case STATEMENT_CALL:
                for (int a = 0; a < statement->call.argument_count; a++) {
                    struct ir_value argument = statement->call.arguments[a];
                    *tested |= held_test(held, argument);
                    /* if (!is_string(v)): a predicate that may test it */
                    *tested |= argument.kind == VALUE_PATH && held[argument.path] &&
                               !statement->call.returns_pointer &&
                               branches_on(function, statement->call.target);
                }
                break;
            default:
                break;
            }
        }
        if (block->terminator == TERMINATOR_BRANCH && block->condition.path >= 0 &&
            (block->condition.kind == CONDITION_NONNULL ||
             block->condition.kind == CONDITION_NONZERO) &&
            held[block->condition.path] && function->paths[block->condition.path].is_pointer)
            *tested = true;
        if (block->terminator == TERMINATOR_RETURN && block->has_return_value &&
            block->returned.kind == VALUE_PATH && held[block->returned.path])
            *returned = true;
    }
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

/* The call sites of one function whose result is tested or dereferenced,
 * appended to `sites` (room for every call statement). */
static void function_sites(const struct ir_unit *unit, const struct ir_function *function,
                           struct arena *scratch, struct site *sites, int *count)
{
    char *held = NULL;
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        for (int i = 0; i < block->statement_count; i++) {
            const struct ir_call *call = &block->statements[i].call;
            if (block->statements[i].kind != STATEMENT_CALL || !call->callee ||
                !call->returns_pointer || call->target < 0 || is_static_callee(unit, call))
                continue;
            if (!held)
                held = arena_alloc(scratch, (size_t)function->path_count + 1);
            values_of(function, call->target, held);
            bool tested, used, returned;
            site_fate(function, held, &tested, &used, &returned);
            if (!tested && (returned || !used))
                continue; /* passed on to the caller, or not used here */
            sites[(*count)++] = (struct site){call->callee, tested};
        }
    }
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
    const char **callees = arena_alloc(&scratch, sizeof *callees * (size_t)(statements + 1));
    int count = 0, callee_count = 0;
    for (int f = 0; f < functions; f++) {
        const struct ir_function *function = &unit->functions[f];
        function_sites(unit, function, &scratch, sites, &count);
        for (int b = 0; b < function->block_count; b++) {
            const struct cfg_block *block = &function->blocks[b];
            for (int i = 0; i < block->statement_count; i++) {
                const struct ir_call *call = &block->statements[i].call;
                if (block->statements[i].kind == STATEMENT_CALL && call->callee &&
                    call->function_index < 0)
                    callees[callee_count++] = call->callee;
            }
        }
    }
    /* Callees once each, sorted. */
    if (callee_count > 1)
        qsort(callees, (size_t)callee_count, sizeof *callees, compare_names);
    exports->callees = arena_alloc(arena, sizeof *exports->callees *
                                              (size_t)(callee_count ? callee_count : 1));
    for (int i = 0; i < callee_count; i++)
        if (i == 0 || strcmp(callees[i], callees[i - 1]) != 0)
            exports->callees[exports->callee_count++] = callees[i];

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

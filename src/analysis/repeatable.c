/*
 * repeatable: whether a second call of a function of the program, with
 * the same unchanged arguments, answers what the first call answered, so
 * that a test of the first result holds for the second
 * (`if (user_find(k)) user_find(k)->age`,
 * `if (config_path()) load(config_path())`). Two shapes qualify: a pure
 * lookup, which writes only its own frame, and a function that caches its
 * result, which, once the result is set, only reads.
 */
#include <string.h>

#include "engine.h"

bool repeatable_frame_storage(const struct ir_function *function, int path)
{
    return function->paths[ir_path_root(function, path)].root_kind != VARIABLE_GLOBAL &&
           !ir_path_through_pointer(function, path);
}

const struct function_summary *callee_summary(const struct function_analysis *analysis,
                                              const struct ir_call *call)
{
    const struct unit_analysis *shared = analysis->shared;
    if (call->function_index < 0)
        return imported_summary(shared, call);
    const struct summary_entry *callee = shared->summaries[call->function_index];
    if (call->function_index == analysis->function_index || !callee || !callee->summary.computed)
        return NULL;
    return &callee->summary;
}

bool repeatable_call(const struct function_analysis *analysis, const struct ir_call *call)
{
    const struct pack_entry *rule = transfer_call_entry(analysis->shared, call);
    if (rule)
        return rule->pure || rule->returns == SOURCE_LOOKUP;
    const struct function_summary *summary = callee_summary(analysis, call);
    return summary && summary->repeatable;
}

/* Whether a call on the side where the cache is set leaves a second call
 * answering like the first: a repeatable or caching callee, or the call
 * that finds the cache's owner (`cfg = repo_config(repo)` in
 * `return cfg->path;`) when nothing says it does more than find it. */
static bool reads_only(const struct function_analysis *analysis, const struct ir_call *call,
                       int cache)
{
    const struct ir_function *function = analysis->function;
    if (call->target >= 0 && !repeatable_frame_storage(function, call->target))
        return false;
    if (repeatable_call(analysis, call))
        return true;
    if (transfer_call_entry(analysis->shared, call))
        return false; /* a library function with effects (free, fclose) */
    const struct function_summary *summary = callee_summary(analysis, call);
    if (summary)
        return summary->repeatable || summary->caches_result;
    bool finds_owner = call->target >= 0 && call->target != cache &&
                       ir_path_is_below(function, cache, call->target);
    return finds_owner && call->function_index < 0;
}

/* Marks in `after` every block reachable from an edge out of a test of
 * `cache` against NULL. */
static void mark_after_tests(const struct ir_function *function, int cache, char *after, int *stack)
{
    int depth = 0;
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        if (block->terminator != TERMINATOR_BRANCH ||
            block->condition.kind != CONDITION_NONNULL || block->condition.path != cache)
            continue;
        for (int e = 0; e < 2; e++)
            if (block->successors[e] >= 0 && !after[block->successors[e]]) {
                after[block->successors[e]] = 1;
                stack[depth++] = block->successors[e];
            }
    }
    while (depth > 0) {
        const struct cfg_block *block = &function->blocks[stack[--depth]];
        int edges = ir_successor_count(block);
        for (int e = 0; e < edges; e++) {
            int next = block->successors[e];
            if (next >= 0 && !after[next]) {
                after[next] = 1;
                stack[depth++] = next;
            }
        }
    }
}

/* The location every return of the function gives, when it is memory
 * that outlives the call (a static, a field through a pointer), or -1. */
static int returned_location(const struct ir_function *function)
{
    int cache = -1;
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        if (block->terminator != TERMINATOR_RETURN)
            continue;
        if (!block->has_return_value || block->returned.kind != VALUE_PATH ||
            (cache >= 0 && block->returned.path != cache))
            return -1;
        cache = block->returned.path;
    }
    return cache >= 0 && !repeatable_frame_storage(function, cache) ? cache : -1;
}

bool repeatable_caches_result(struct function_analysis *analysis)
{
    const struct ir_function *function = analysis->function;
    if (!function->returns_pointer || function->block_count == 0)
        return false;
    int cache = returned_location(function);
    if (cache < 0)
        return false;
    size_t blocks = (size_t)function->block_count;
    char *after = arena_alloc(&analysis->scratch, blocks);
    char *seen = arena_alloc(&analysis->scratch, blocks);
    int *stack = arena_alloc(&analysis->scratch, blocks * sizeof *stack);
    memset(after, 0, blocks);
    memset(seen, 0, blocks);
    mark_after_tests(function, cache, after, stack);

    /* Walk what runs when the cache is set: at its test, only the
     * non-NULL edge. */
    bool tested = false;
    int depth = 0;
    stack[depth++] = function->entry;
    seen[function->entry] = 1;
    while (depth > 0) {
        int b = stack[--depth];
        const struct cfg_block *block = &function->blocks[b];
        for (int i = 0; i < block->statement_count; i++) {
            const struct ir_statement *statement = &block->statements[i];
            int target = statement->kind == STATEMENT_ASSIGN ? statement->target
                         : statement->kind == STATEMENT_CALL ? statement->call.target
                                                             : -1;
            if (target >= 0 && after[b] && target != cache &&
                ir_path_is_below(function, cache, target))
                return false; /* the owner changes once the cache was looked at */
            if (statement->kind == STATEMENT_ASSIGN &&
                !repeatable_frame_storage(function, statement->target))
                return false;
            if (statement->kind == STATEMENT_CALL && !reads_only(analysis, &statement->call, cache))
                return false;
        }
        bool cache_test = block->terminator == TERMINATOR_BRANCH &&
                          block->condition.kind == CONDITION_NONNULL &&
                          block->condition.path == cache;
        tested |= cache_test;
        int edges = cache_test ? 1 /* successors[0]: set */ : ir_successor_count(block);
        for (int e = 0; e < edges; e++) {
            int next = block->successors[e];
            if (next >= 0 && !seen[next]) {
                seen[next] = 1;
                stack[depth++] = next;
            }
        }
    }
    return tested;
}

/*
 * callers: what the calls of the whole program pass a function of external
 * linkage. A static function's callers are all in its file, so a NULL test
 * of its parameter that every call answers "set" is the helper's caution
 * (analysis.c's drop_cautious_tests). A function the file exports is called
 * from other files too: each unit records, in phase 1, which arguments its
 * calls may pass NULL (or not known set) to every function they name, and
 * which functions it names other than as a callee (a callback table: calls
 * nobody sees may reach them). The project merges them (project_passed);
 * a function that some call names, none only names, and every call passes
 * a parameter set has the same contract as the static helper.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "../support/argument_mask.h"

static int compare_names(const void *left, const void *right)
{
    return strcmp(*(const char *const *)left, *(const char *const *)right);
}

/* The functions the unit calls and does not define, each with its mask. */
static void list_external_callees(struct unit_analysis *shared)
{
    int count = unit_external_callees(shared->unit, shared->arena, &shared->external_callees);
    shared->external_callee_count = count;
    size_t slots = (size_t)count + 1;
    shared->external_maybe_null =
        arena_alloc(shared->arena, sizeof *shared->external_maybe_null * slots);
    memset(shared->external_maybe_null, 0, sizeof *shared->external_maybe_null * slots);
    shared->external_listed = true;
}

/* The index of `callee` among the unit's external callees, or -1. */
static int external_slot(const struct unit_analysis *shared, const char *callee)
{
    if (!callee || shared->external_callee_count == 0)
        return -1;
    const char **found =
        bsearch(&callee, shared->external_callees, (size_t)shared->external_callee_count,
                sizeof *shared->external_callees, compare_names);
    return found ? (int)(found - shared->external_callees) : -1;
}

void callers_record_external(struct unit_analysis *shared, const char *callee,
                             uint32_t maybe_null)
{
    if (!shared->external_listed)
        list_external_callees(shared);
    int slot = external_slot(shared, callee);
    if (slot >= 0)
        shared->external_maybe_null[slot] |= maybe_null;
}

/* Which of the unit's functions some call names (`called`), and what the
 * calls of the functions a run did not walk (poisoned by parse errors,
 * beyond the memory bound) pass: anything. */
static void scan_calls(const struct unit_analysis *shared, const char *solved, char *called,
                       uint32_t *passed_maybe_null)
{
    const struct ir_unit *unit = shared->unit;
    for (int f = 0; f < unit->function_count; f++) {
        bool walked = solved && solved[f] && !unit->functions[f].poisoned;
        for (int b = 0; b < unit->functions[f].block_count; b++) {
            const struct cfg_block *block = &unit->functions[f].blocks[b];
            for (int i = 0; i < block->statement_count; i++) {
                const struct ir_call *call = &block->statements[i].call;
                if (block->statements[i].kind != STATEMENT_CALL)
                    continue;
                if (call->function_index >= 0) {
                    called[call->function_index] = 1;
                    if (!walked)
                        passed_maybe_null[call->function_index] = ~UINT32_C(0);
                    continue;
                }
                int slot = walked ? -1 : external_slot(shared, call->callee);
                if (slot >= 0)
                    shared->external_maybe_null[slot] = ~UINT32_C(0);
            }
        }
    }
}

void callers_export(struct unit_analysis *shared, const uint32_t *passed_maybe_null,
                    const char *solved, struct arena *arena, struct unit_exports *exports)
{
    const struct ir_unit *unit = shared->unit;
    if (!shared->external_listed)
        list_external_callees(shared);
    size_t functions = (size_t)unit->function_count + 1;
    uint32_t *unit_passed = arena_alloc(arena, sizeof *unit_passed * functions);
    char *called = arena_alloc(arena, functions);
    memset(called, 0, functions);
    for (int f = 0; f < unit->function_count; f++)
        unit_passed[f] = passed_maybe_null ? passed_maybe_null[f] : 0;
    scan_calls(shared, solved, called, unit_passed);
    size_t most = (size_t)unit->function_count + (size_t)shared->external_callee_count +
                  (size_t)unit->named_function_count + 1;
    struct passed_arguments *passed = arena_alloc(arena, sizeof *passed * most);
    int count = 0;
    for (int f = 0; f < unit->function_count; f++) {
        const struct ir_function *function = &unit->functions[f];
        if (!function->is_static && (called[f] || function->address_taken))
            passed[count++] = (struct passed_arguments){function->name, unit_passed[f],
                                                        called[f] != 0, function->address_taken};
    }
    for (int i = 0; i < shared->external_callee_count; i++)
        passed[count++] = (struct passed_arguments){shared->external_callees[i],
                                                    shared->external_maybe_null[i], true, false};
    for (int i = 0; i < unit->named_function_count; i++)
        passed[count++] = (struct passed_arguments){unit->named_functions[i], 0, false, true};
    exports->passed = passed;
    exports->passed_count = passed_arguments_merge(passed, count);
}

/* Whether every call of the program passes `function`, one of external
 * linkage that nothing names but calls, its parameter `parameter` set. */
static bool pass_set(const struct project_table *project, const struct ir_function *function,
                     int parameter)
{
    if (!project || function->is_static || function->address_taken || parameter < 0 ||
        parameter >= ARGUMENT_MASK_BITS)
        return false;
    const struct project_function *defined = project_find(project, function->name);
    const struct passed_arguments *passed = project_passed(project, function->name);
    return defined && !defined->ambiguous && passed && passed->called && !passed->named &&
           !argument_in_mask(passed->maybe_null, parameter);
}

/* The parameter whose entry value `path` holds (the pointer itself, not
 * a member of it), or -1. */
static int entry_parameter(const struct ir_function *function, int path)
{
    if (path < 0)
        return -1;
    const struct access_path *entry = &function->paths[path];
    if (entry->parent >= 0 || entry->root_kind != VARIABLE_PARAMETER || !entry->is_pointer)
        return -1;
    return entry->parameter_index;
}

bool callers_pass_entry_set(const struct unit_analysis *shared,
                            const struct ir_function *function, int entry_of)
{
    return pass_set(shared->options->project, function, entry_parameter(function, entry_of));
}

bool callers_may_settle(const struct analysis_options *options, const struct ir_function *function)
{
    /* only a function that tests a parameter it was passed set */
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        if (block->terminator == TERMINATOR_BRANCH && block->condition.kind == CONDITION_NONNULL &&
            pass_set(options->project, function, entry_parameter(function, block->condition.path)))
            return true;
    }
    return false;
}

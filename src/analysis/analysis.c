/*
 * analysis: the unit-level driver of the engine. Orders functions callees
 * first over the unit's call graph, computes their summaries (again while
 * a recursive cycle keeps changing them, a few rounds at most), computes
 * context summaries on demand, then walks every function once more to
 * record events, which it sorts and deduplicates.
 */
#include "analysis.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "project.h"

enum { SUMMARY_ROUNDS = 3, SPECIALISATION_DEPTH = 2, CONTEXT_LIMIT = 8 };

int function_global_path(const struct ir_function *function, const char *key)
{
    if (!key)
        return -1;
    for (int i = 0; i < function->path_count; i++) {
        const struct access_path *path = &function->paths[i];
        if (path->parent < 0 && path->root_kind == VARIABLE_GLOBAL && path->global_key &&
            strcmp(path->global_key, key) == 0)
            return i;
    }
    return -1;
}

void analysis_add_event(struct unit_analysis *shared, struct analysis_result *result,
                        const struct analysis_event *event)
{
    if (result->event_count == result->event_capacity) {
        int capacity = result->event_capacity ? result->event_capacity * 2 : 16;
        result->events = arena_grow(shared->arena, result->events, (size_t)result->event_count,
                                    (size_t)capacity, sizeof *result->events);
        result->event_capacity = capacity;
    }
    struct analysis_event *added = &result->events[result->event_count++];
    *added = *event;
    if (!added->macro && added->location.macro)
        added->macro = ir_unit_macro(shared->unit, added->location.macro);
}

static bool same_context(const struct summary_entry *entry, const struct context_value *context,
                         int count)
{
    if (entry->context_count != count)
        return false;
    for (int i = 0; i < count; i++) {
        const struct context_value *a = &entry->context[i], *b = &context[i];
        if (a->low != b->low || a->high != b->high || !context_root_equal(&a->root, &b->root))
            return false;
    }
    return true;
}

static void compute_summary(struct unit_analysis *shared, struct summary_entry *entry)
{
    struct function_analysis analysis;
    entry->in_progress = true;
    function_analysis_begin(&analysis, shared, entry->function_index, entry->context,
                            entry->context_count);
    dataflow_solve(&analysis);
    struct function_summary summary;
    dataflow_summarise(&analysis, &summary);
    function_analysis_end(&analysis);
    entry->summary = summary;
    entry->in_progress = false;
}

bool summary_never_returns(const struct unit_analysis *shared, int function_index)
{
    if (function_index < 0 || function_index >= shared->unit->function_count)
        return false;
    const struct summary_entry *general = shared->summaries[function_index];
    return general && general->summary.computed && general->summary.never_returns;
}

/* What the caller knows of a parameter root at the call: the argument's
 * interval, or that of its member `argument->member` (only a bounded one:
 * a member's lower bound alone is no choice of the caller's). */
static bool argument_interval(const struct ir_function *caller, const struct flow_state *state,
                              const struct ir_call *call, const struct context_root *root,
                              long long *low, long long *high)
{
    if (!call || root->parameter < 0 || root->parameter >= call->argument_count)
        return false;
    struct ir_value argument = call->arguments[root->parameter];
    if (root->member) {
        int member = argument.kind == VALUE_PATH
                         ? ir_child_path(caller, argument.path, PATH_ARROW, root->member)
                         : -1;
        return member >= 0 && path_interval(&state->paths[member], low, high) &&
               *low != LLONG_MIN && *high != LLONG_MAX;
    }
    if (argument.kind == VALUE_INTEGER) {
        *low = *high = argument.integer;
        return true;
    }
    /* a pointer: 0 for NULL, 1 for set */
    if (argument.kind == VALUE_NULL || argument.kind == VALUE_NONNULL) {
        *low = *high = argument.kind == VALUE_NONNULL;
        return true;
    }
    if (argument.kind != VALUE_PATH)
        return false;
    if (caller->paths[argument.path].is_pointer) {
        enum nullability known = state->paths[argument.path].nullability;
        if (known != NULLABILITY_NULL && known != NULLABILITY_NONNULL)
            return false;
        *low = *high = known == NULLABILITY_NONNULL;
        return true;
    }
    return path_interval(&state->paths[argument.path], low, high);
}

/* The summary of `general`'s function in `context`, computed once. */
static const struct function_summary *summary_in_context(struct unit_analysis *shared,
                                                         struct summary_entry *general,
                                                         const struct context_value *context,
                                                         int count)
{
    for (struct summary_entry *entry = general->next; entry; entry = entry->next) {
        if (same_context(entry, context, count))
            return entry->in_progress ? NULL : &entry->summary;
    }
    struct summary_entry *entry = arena_alloc(shared->arena, sizeof *entry);
    entry->function_index = general->function_index;
    entry->context = arena_alloc(shared->arena, sizeof *entry->context * (size_t)count);
    memcpy(entry->context, context, sizeof *context * (size_t)count);
    entry->context_count = count;
    entry->next = general->next;
    general->next = entry;
    shared->specialisation_depth++;
    compute_summary(shared, entry);
    shared->specialisation_depth--;
    return &entry->summary;
}

/* Whether `root` is a pointer parameter of `function` (whose context values
 * are 0 for NULL and 1 for set). */
static bool pointer_root(const struct ir_function *function, const struct context_root *root)
{
    return !root->key && !root->member && root->parameter >= 0 &&
           root->parameter < function->parameter_count &&
           function->paths[function->parameter_paths[root->parameter]].is_pointer;
}

const struct function_summary *summary_for_call(struct function_analysis *caller,
                                                int function_index, const struct ir_call *call,
                                                const struct flow_state *state)
{
    struct unit_analysis *shared = caller->shared;
    if (function_index < 0 || function_index >= shared->unit->function_count)
        return NULL;
    struct summary_entry *general = shared->summaries[function_index];
    if (!general || !general->summary.computed) {
        shared->consulted_unfinished = true;
        return NULL;
    }
    if (!general->final)
        shared->consulted_unfinished = true;
    if (shared->unit->functions[function_index].poisoned)
        return NULL;
    const struct function_summary *summary = &general->summary;
    if (summary->condition_root_count == 0 || shared->specialisation_depth >= SPECIALISATION_DEPTH)
        return summary;

    /* what the caller knows of the callee's integers, and the same with the
     * sizes it does not know to be 0 taken as positive (size_context) and
     * with what it knows of the pointers the callee tests */
    const struct ir_function *callee = &shared->unit->functions[function_index];
    struct context_value known[CONTEXT_LIMIT], wider[CONTEXT_LIMIT];
    int known_count = 0, wider_count = 0;
    bool assumed = false;
    for (int i = 0; i < summary->condition_root_count && wider_count < CONTEXT_LIMIT; i++) {
        const struct context_root *root = &summary->condition_roots[i];
        long long low = 0, high = 0;
        bool knows;
        if (root->key) {
            int path = function_global_path(caller->function, root->key);
            knows = path >= 0 && path_interval(&state->paths[path], &low, &high);
        } else {
            knows = argument_interval(caller->function, state, call, root, &low, &high);
        }
        bool pointer = pointer_root(callee, root);
        if (knows && !pointer)
            known[known_count++] = (struct context_value){*root, low, high};
        long long known_low = low, known_high = high;
        if (!size_context(summary, root, knows, &low, &high))
            continue;
        wider[wider_count++] = (struct context_value){*root, low, high};
        assumed |= pointer || !knows || low != known_low || high != known_high;
    }
    /* those serve only to rule out a NULL return: `xmalloc(n)`'s for n == 0,
     * `put_name(p, name, limit)`'s where the caller passes no limit */
    if (assumed) {
        const struct function_summary *wider_summary =
            summary_in_context(shared, general, wider, wider_count);
        if (wider_summary && !wider_summary->returns_null)
            return wider_summary;
    }
    return known_count ? summary_in_context(shared, general, known, known_count) : summary;
}

/* Functions in callee-first order (post-order of the call graph), each once. */
static int callee_first_order(const struct ir_unit *unit, const char *roots, struct arena *arena,
                              int *order)
{
    int functions = unit->function_count;
    char *seen = arena_alloc(arena, (size_t)(functions ? functions : 1));
    int *stack = arena_alloc(arena, sizeof *stack * (size_t)(functions ? functions : 1));
    int *block_at = arena_alloc(arena, sizeof *block_at * (size_t)(functions ? functions : 1));
    int *statement_at =
        arena_alloc(arena, sizeof *statement_at * (size_t)(functions ? functions : 1));
    int count = 0;
    for (int root = 0; root < functions; root++) {
        if (seen[root] || (roots && !roots[root]))
            continue;
        int depth = 0;
        stack[depth++] = root;
        seen[root] = 1;
        block_at[root] = statement_at[root] = 0;
        while (depth > 0) {
            int current = stack[depth - 1];
            const struct ir_function *function = &unit->functions[current];
            int callee = -1;
            while (block_at[current] < function->block_count && callee < 0) {
                const struct cfg_block *block = &function->blocks[block_at[current]];
                if (statement_at[current] >= block->statement_count) {
                    block_at[current]++;
                    statement_at[current] = 0;
                    continue;
                }
                const struct ir_statement *statement = &block->statements[statement_at[current]++];
                if (statement->kind == STATEMENT_CALL) {
                    int index = statement->call.function_index;
                    if (index >= 0 && index < functions && !seen[index])
                        callee = index;
                }
            }
            if (callee >= 0) {
                seen[callee] = 1;
                block_at[callee] = statement_at[callee] = 0;
                stack[depth++] = callee;
            } else {
                order[count++] = current;
                depth--;
            }
        }
    }
    return count;
}

static int compare_locations(const struct source_location *a, const struct source_location *b)
{
    int order = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (order)
        return order;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return 0;
}

/* Events about the same use of the same value: one finding. */
static int compare_uses(const struct analysis_event *a, const struct analysis_event *b)
{
    int order = compare_locations(&a->location, &b->location);
    if (order)
        return order;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    order = strcmp(a->path_text ? a->path_text : "", b->path_text ? b->path_text : "");
    if (order)
        return order;
    return strcmp(a->function ? a->function : "", b->function ? b->function : "");
}

/* Within one use, the earliest origin first (as a join would choose), so
 * the finding kept does not depend on qsort's order. */
static int compare_events(const void *left, const void *right)
{
    const struct analysis_event *a = left, *b = right;
    int order = compare_uses(a, b);
    if (order)
        return order;
    if (!a->origin || !b->origin)
        return (a->origin == NULL) - (b->origin == NULL);
    order = compare_locations(&a->origin->location, &b->origin->location);
    if (order)
        return order;
    return (a->origin->kind > b->origin->kind) - (a->origin->kind < b->origin->kind);
}

/* Records a function that its size made the analysis do less for. */
static void note_limit(const struct function_analysis *analysis, struct arena *arena,
                       struct analysis_result *result)
{
    if (analysis->partitions == PARTITIONS && !analysis->too_large)
        return;
    result->limits = arena_grow(arena, result->limits, (size_t)result->limit_count,
                                (size_t)result->limit_count + 1, sizeof *result->limits);
    struct analysis_limit *limit = &result->limits[result->limit_count++];
    limit->function = analysis->function->name;
    limit->blocks = analysis->function->block_count;
    limit->paths = analysis->function->path_count;
    limit->skipped = analysis->too_large;
}

/* More rounds over the functions whose summaries a recursive cycle may
 * still change, until none changes (a few at most). */
static void recursion_rounds(struct unit_analysis *shared, const int *order, int count)
{
    for (int round = 1; round < SUMMARY_ROUNDS; round++) {
        bool changed = false;
        for (int i = 0; i < count; i++) {
            struct summary_entry *entry = shared->summaries[order[i]];
            if (entry->final)
                continue;
            struct function_summary before = entry->summary;
            entry->next = NULL; /* context summaries depend on callees: recompute on demand */
            compute_summary(shared, entry);
            changed |= !summary_equal(&before, &entry->summary);
        }
        if (!changed)
            break;
    }
}

static void unit_analysis_init(struct unit_analysis *shared, const struct ir_unit *unit,
                               const struct analysis_options *options, struct arena *arena)
{
    memset(shared, 0, sizeof *shared);
    shared->unit = unit;
    shared->options = options;
    shared->arena = arena;
    int functions = unit->function_count;
    if (functions == 0)
        return;
    shared->summaries = arena_alloc(arena, sizeof *shared->summaries * (size_t)functions);
    for (int i = 0; i < functions; i++) {
        shared->summaries[i] = arena_alloc(arena, sizeof *shared->summaries[i]);
        shared->summaries[i]->function_index = i;
    }
}

struct caller_context {
    struct function_analysis *caller;
    const struct ir_call *call;
    const struct flow_state *state;
};

/* What the caller knows of a context root at the call. */
static bool caller_knows(const struct context_root *root, long long *low, long long *high,
                         void *data)
{
    const struct caller_context *context = data;
    if (root->key) {
        int path = function_global_path(context->caller->function, root->key);
        return path >= 0 && path_interval(&context->state->paths[path], low, high);
    }
    return argument_interval(context->caller->function, context->state, context->call, root,
                             low, high);
}

const struct function_summary *imported_summary_for_call(struct function_analysis *caller,
                                                         const struct ir_call *call,
                                                         const struct flow_state *state)
{
    const struct unit_analysis *shared = caller->shared;
    if (!imported_summary(shared, call))
        return NULL;
    struct caller_context context = {caller, call, state};
    return project_summary_in_context(project_find(shared->options->project, call->callee),
                                      caller_knows, &context);
}

const struct function_summary *imported_summary(const struct unit_analysis *shared,
                                                const struct ir_call *call)
{
    if (!shared->options->project || call->function_index >= 0 || !call->callee ||
        packs_find(shared->options->packs, call->callee))
        return NULL;
    return project_summary(shared->options->project, call->callee);
}

bool imported_never_returns(const struct unit_analysis *shared, const struct ir_call *call)
{
    if (!shared->options->project || call->function_index >= 0 || !call->callee ||
        packs_find(shared->options->packs, call->callee))
        return false;
    return project_never_returns(shared->options->project, call->callee);
}

/* What a run leaves for a later partial run of the same unit. */
struct analysis_memo {
    struct summary_entry **summaries; /* per function, with its context entries */
    struct analysis_event *events;    /* before sorting, each with the function whose walk
                                       * recorded it in producers */
    int *producers;
    int event_count;
    struct analysis_limit *limits;
    int limit_count;
    uint32_t *passed_maybe_null;      /* the unit's, and what its calls pass other units' */
    char *solved;                     /* functions (unit_analysis's, callers.c) */
    const char **external_callees;    /* functions (unit_analysis's, callers.c) */
    int external_callee_count;
    uint32_t *external_maybe_null;
};

enum { EXPORTED_CONTEXT_ROOTS = 2, EXPORTED_VALUES = 4 };

/* The constants a function compares `parameter->member` with (the kinds a
 * node accessor answers for: `case CMARK_NODE_LINK:`), at most
 * EXPORTED_VALUES, into `values`; how many. */
static int member_values(const struct ir_function *function, const struct context_root *root,
                         long long *values)
{
    if (root->parameter < 0 || root->parameter >= function->parameter_count)
        return 0;
    int member = ir_child_path(function, function->parameter_paths[root->parameter], PATH_ARROW,
                               root->member);
    int count = 0;
    for (int b = 0; b < function->block_count && member >= 0; b++) {
        const struct cfg_block *block = &function->blocks[b];
        if (block->terminator != TERMINATOR_BRANCH || block->condition.path != member ||
            block->condition.kind != CONDITION_INTEGER_EQUALS)
            continue;
        bool seen = false;
        for (int v = 0; v < count; v++)
            seen |= values[v] == block->condition.integer;
        if (!seen && count < EXPORTED_VALUES)
            values[count++] = block->condition.integer;
    }
    return count;
}

/* The summary of function `index` in `context` (`count` values), added to
 * `exported` when it differs from the context-free one; its first value
 * stands for the context there. */
static void export_context(struct unit_analysis *shared, int index, struct context_value *context,
                           int count, struct exported_function *exported)
{
    struct summary_entry *entry = arena_alloc(shared->arena, sizeof *entry);
    entry->function_index = index;
    entry->context = context;
    entry->context_count = count;
    shared->specialisation_depth++;
    compute_summary(shared, entry);
    shared->specialisation_depth--;
    if (summary_equal(&entry->summary, &shared->summaries[index]->summary))
        return;
    struct exported_context *exported_context = &exported->contexts[exported->context_count++];
    exported_context->value = context[0];
    exported_context->summary = entry->summary;
}

/* The summaries of function `index` for the values 0 and 1 of each of the
 * first globals it branches on, where they differ from its context-free
 * one: `flag = 1; sink(p);` in another unit. For parameters only when the
 * function returns NULL: functions that branch on an integer parameter are
 * many, and each context costs an analysis of the function, but a lookup
 * whose flag says "create what is missing" (`table_get(name, 1)`) returns
 * NULL only for 0. For a parameter's member (an accessor that answers for
 * some kinds of node), the values it compares the member with, when some
 * return may be NULL: `cmark_node_get_url(node)` where the caller tested
 * `node->type == CMARK_NODE_LINK`. And for an allocation wrapper, the one
 * with every size positive (`xmalloc(n)` returns NULL only for n == 0). */
static void export_contexts(struct unit_analysis *shared, int index,
                            struct exported_function *exported)
{
    exported->contexts = NULL;
    exported->context_count = 0;
    const struct summary_entry *general = shared->summaries[index];
    if (!general || !general->summary.computed || shared->unit->functions[index].poisoned)
        return;
    const struct function_summary *summary = &general->summary;
    const struct context_root *roots[EXPORTED_CONTEXT_ROOTS];
    int root_count = 0, size_count = 0;
    for (int r = 0; r < summary->condition_root_count; r++) {
        const struct context_root *root = &summary->condition_roots[r];
        if (size_root(summary, root))
            size_count++;
        else if ((root->key || summary->returns_null ||
                  (root->member && !summary->returns_nonnull)) &&
                 root_count < EXPORTED_CONTEXT_ROOTS)
            roots[root_count++] = root;
    }
    if (root_count + size_count == 0)
        return;
    exported->contexts = arena_alloc(shared->arena, sizeof *exported->contexts *
                                                        (size_t)(EXPORTED_VALUES * root_count + 1));
    for (int r = 0; r < root_count; r++) {
        long long values[EXPORTED_VALUES] = {0, 1};
        int value_count = roots[r]->member
                              ? member_values(&shared->unit->functions[index], roots[r], values)
                              : 2;
        for (int v = 0; v < value_count; v++) {
            struct context_value *context = arena_alloc(shared->arena, sizeof *context);
            context->root = *roots[r];
            context->low = context->high = values[v];
            int before = exported->context_count;
            export_context(shared, index, context, 1, exported);
            /* a pointer's (0: NULL, 1: set) serves only to rule out a NULL
             * return, as in summary_for_call */
            if (exported->context_count > before &&
                exported->contexts[before].summary.returns_null &&
                pointer_root(&shared->unit->functions[index], roots[r]))
                exported->context_count = before;
        }
    }
    if (size_count == 0)
        return;
    /* an allocation wrapper with every size positive, the context
     * size_context gives callers that do not pass 0 */
    struct context_value *sizes = arena_alloc(shared->arena, sizeof *sizes * (size_t)size_count);
    int count = 0;
    for (int r = 0; r < summary->condition_root_count; r++) {
        if (!size_root(summary, &summary->condition_roots[r]))
            continue;
        sizes[count].root = summary->condition_roots[r];
        sizes[count].low = 1;
        sizes[count].high = LLONG_MAX;
        count++;
    }
    int before = exported->context_count;
    export_context(shared, index, sizes, count, exported);
    if (exported->context_count > before &&
        exported->contexts[before].summary.returns_null) /* of no use: see size_context */
        exported->context_count = before;
}

static int compare_name(const void *key, const void *element)
{
    return strcmp(key, *(const char *const *)element);
}

/* Per function: 1 when it calls, directly or through functions of the
 * unit, another unit's function named in `changed` (sorted). */
static char *reaches_changed(const struct ir_unit *unit, const char *const *changed,
                             int changed_count, struct arena *arena)
{
    int functions = unit->function_count;
    char *reaches = arena_alloc(arena, (size_t)functions);
    for (bool grew = true; grew;) {
        grew = false;
        for (int f = 0; f < functions; f++) {
            const struct ir_function *function = &unit->functions[f];
            for (int b = 0; !reaches[f] && b < function->block_count; b++) {
                const struct cfg_block *block = &function->blocks[b];
                for (int i = 0; !reaches[f] && i < block->statement_count; i++) {
                    const struct ir_call *call = &block->statements[i].call;
                    if (block->statements[i].kind != STATEMENT_CALL)
                        continue;
                    if (call->function_index >= 0 ? reaches[call->function_index] != 0
                                                  : call->callee &&
                                                        bsearch(call->callee, changed,
                                                                (size_t)changed_count,
                                                                sizeof *changed, compare_name))
                        reaches[f] = 1, grew = true;
                }
            }
        }
    }
    return reaches;
}

void analysis_summarise(const struct ir_unit *unit, const struct analysis_options *options,
                        const bool *wanted, const char *const *changed, int changed_count,
                        const struct analysis_memo *memo, struct arena *arena,
                        struct unit_exports *exports)
{
    int functions = unit->function_count;
    if (functions == 0)
        return;
    struct unit_analysis shared;
    unit_analysis_init(&shared, unit, options, arena);
    struct arena scratch;
    arena_init(&scratch);
    /* The functions the other units' facts cannot change keep the summaries
     * of the unit's analysis alone. */
    char *affected = memo ? analysis_affected(unit, options, &scratch) : NULL;
    for (int i = 0; memo && i < functions; i++)
        if (!affected[i] && memo->summaries[i])
            shared.summaries[i] = memo->summaries[i];
    char *reaches = changed ? reaches_changed(unit, changed, changed_count, &scratch) : NULL;
    char *roots = arena_alloc(&scratch, (size_t)functions);
    for (int k = 0; k < exports->function_count; k++) {
        int index = exports->functions[k].function_index;
        if ((!wanted || wanted[k]) && index >= 0 && index < functions &&
            !unit->functions[index].poisoned && (!reaches || reaches[index]))
            roots[index] = 1;
    }
    int *order = arena_alloc(&scratch, sizeof *order * (size_t)functions);
    int count = callee_first_order(unit, roots, &scratch, order);
    int kept = 0;
    for (int i = 0; i < count; i++)
        if (!affected || affected[order[i]])
            order[kept++] = order[i];
    count = kept;
    bool all_final = true;
    for (int i = 0; i < count; i++) {
        struct summary_entry *entry = shared.summaries[order[i]];
        shared.consulted_unfinished = false;
        compute_summary(&shared, entry);
        entry->final = !shared.consulted_unfinished;
        all_final &= entry->final;
    }
    if (!all_final)
        recursion_rounds(&shared, order, count);
    for (int k = 0; k < exports->function_count; k++) {
        int index = exports->functions[k].function_index;
        if (index < 0 || index >= functions || !roots[index] ||
            !shared.summaries[index]->summary.computed)
            continue;
        exports->functions[k].summary = shared.summaries[index]->summary;
        export_contexts(&shared, index, &exports->functions[k]);
    }
    arena_free(&scratch);
}

static void sort_events(struct analysis_result *result)
{
    if (result->event_count <= 1)
        return;
    qsort(result->events, (size_t)result->event_count, sizeof *result->events, compare_events);
    int kept = 1;
    for (int i = 1; i < result->event_count; i++) {
        struct analysis_event *previous = &result->events[kept - 1];
        if (compare_uses(previous, &result->events[i]) != 0)
            result->events[kept++] = result->events[i];
        else if (!result->events[i].definitely_null)
            previous->definitely_null = false; /* NULL on some paths only */
    }
    result->event_count = kept;
}

/* Records that the events from `first` on were found in function `producer`. */
static void note_producer(struct arena *arena, int **producers, int *capacity,
                          const struct analysis_result *result, int first, int producer)
{
    if (*capacity < result->event_capacity) {
        *producers = arena_grow(arena, *producers, (size_t)*capacity,
                                (size_t)result->event_capacity, sizeof **producers);
        *capacity = result->event_capacity;
    }
    for (int e = first; e < result->event_count; e++)
        (*producers)[e] = producer;
}

/* The project's call evidence on the origins of `result` that are calls,
 * for the notes ("14 of the 16 calls that use f()'s result test it"); also on the
 * events an earlier run found. */
static void attach_evidence(const struct analysis_options *options, struct analysis_result *result)
{
    if (!options->project)
        return;
    for (int e = 0; e < result->event_count; e++) {
        for (struct null_origin *origin = (struct null_origin *)result->events[e].origin; origin;
             origin = (struct null_origin *)origin->cause) {
            if (!origin->callee || (origin->how != HOW_PACK_RESULT &&
                                    origin->how != HOW_UNIT_FUNCTION &&
                                    origin->how != HOW_DECLARED_RESULT) ||
                (origin->callee_function && origin->callee_function->is_static))
                continue;
            const struct call_evidence *evidence =
                project_evidence(options->project, origin->callee);
            if (evidence) {
                origin->evidence_tested = evidence->tested;
                origin->evidence_calls = evidence->calls;
            }
        }
    }
}

static bool callee_matters(const struct analysis_options *options, const struct ir_unit *unit,
                           const struct ir_call *call)
{
    if (!call->callee || packs_find(options->packs, call->callee))
        return false;
    if (call->function_index >= 0 && unit->functions[call->function_index].is_static)
        return false;
    const struct call_evidence *evidence = project_evidence(options->project, call->callee);
    if (evidence_says_checked(evidence) || evidence_says_mostly_unchecked(evidence))
        return true;
    if (call->function_index >= 0)
        return false;
    if (project_never_returns(options->project, call->callee))
        return true; /* also a name several programs define, none returning */
    const struct project_function *function = project_find(options->project, call->callee);
    const struct function_summary *summary = project_summary(options->project, call->callee);
    return function && summary &&
           (!summary_says_nothing(summary) || function->context_count > 0);
}

char *analysis_affected(const struct ir_unit *unit, const struct analysis_options *options,
                        struct arena *arena)
{
    int functions = unit->function_count;
    char *affected = arena_alloc(arena, (size_t)(functions ? functions : 1));
    for (int f = 0; f < functions; f++) {
        const struct ir_function *function = &unit->functions[f];
        affected[f] = callers_may_settle(options, function);
        for (int b = 0; !affected[f] && b < function->block_count; b++) {
            const struct cfg_block *block = &function->blocks[b];
            for (int i = 0; !affected[f] && i < block->statement_count; i++)
                if (block->statements[i].kind == STATEMENT_CALL &&
                    callee_matters(options, unit, &block->statements[i].call))
                    affected[f] = 1;
        }
    }
    /* and every function of the unit that calls one of those */
    for (bool grew = true; grew;) {
        grew = false;
        for (int f = 0; f < functions; f++) {
            const struct ir_function *function = &unit->functions[f];
            for (int b = 0; !affected[f] && b < function->block_count; b++) {
                const struct cfg_block *block = &function->blocks[b];
                for (int i = 0; !affected[f] && i < block->statement_count; i++) {
                    if (block->statements[i].kind != STATEMENT_CALL)
                        continue;
                    int callee = block->statements[i].call.function_index;
                    if (callee >= 0 && affected[callee])
                        affected[f] = 1, grew = true;
                }
            }
        }
    }
    return affected;
}

static void mark_solved(struct unit_analysis *shared, int function)
{
    if (!shared->solved) {
        size_t functions = (size_t)shared->unit->function_count + 1;
        shared->solved = arena_alloc(shared->arena, functions);
        memset(shared->solved, 0, functions);
    }
    shared->solved[function] = 1;
}

/* Whether every function of the unit that calls `callee` was analysed in
 * this run (a partial run redoes only some): then the arguments it passes
 * are all in passed_maybe_null. */
static bool callers_solved(const struct unit_analysis *shared, int callee)
{
    const struct ir_unit *unit = shared->unit;
    for (int f = 0; f < unit->function_count; f++) {
        const struct ir_function *function = &unit->functions[f];
        bool calls = false;
        for (int b = 0; b < function->block_count && !calls; b++)
            for (int i = 0; i < function->blocks[b].statement_count && !calls; i++)
                calls = function->blocks[b].statements[i].kind == STATEMENT_CALL &&
                        function->blocks[b].statements[i].call.function_index == callee;
        if (calls && !(shared->solved && shared->solved[f]))
            return false;
    }
    return true;
}

/* A static helper that tests its pointer parameter and uses it anyway,
 * while every call of the unit passes it a value known not to be NULL
 * (`set_pattern(info, pattern)` only in the else of `pattern == NULL`):
 * the test is the helper's caution, and its NULL side no path takes. The
 * uses it made are dropped now that every caller has been analysed (with
 * `producers`, the memo's event-to-function table, kept in step). */
static void drop_cautious_tests(const struct unit_analysis *shared,
                                struct analysis_result *result, int *producers)
{
    int kept = 0;
    for (int e = 0; e < result->event_count; e++) {
        const struct analysis_event *event = &result->events[e];
        int k = event->parameter_test;
        bool drop = false;
        if (k > 0 && event->function_info) {
            int callee = (int)(event->function_info - shared->unit->functions);
            drop = callee >= 0 && callee < shared->unit->function_count &&
                   shared->passed_maybe_null &&
                   !(shared->passed_maybe_null[callee] & (UINT32_C(1) << (k - 1))) &&
                   callers_solved(shared, callee);
        }
        if (drop)
            continue;
        if (producers)
            producers[kept] = producers[e];
        result->events[kept++] = *event;
    }
    result->event_count = kept;
}

void analysis_run_memo(const struct ir_unit *unit, const struct analysis_options *options,
                       struct arena *arena, struct analysis_result *result,
                       const struct analysis_memo *previous, const char *redo,
                       struct analysis_memo **memo)
{
    memset(result, 0, sizeof *result);
    if (memo)
        *memo = NULL;
    struct unit_analysis shared;
    unit_analysis_init(&shared, unit, options, arena);
    int functions = unit->function_count;
    if (functions == 0)
        return;
    bool partial = previous && redo;
    if (partial)
        memo = NULL; /* it would not know which walk found the earlier events */
    if (partial) {
        /* What the earlier run found for the functions not analysed again
         * holds: their summaries (final) and the events of their walks. */
        for (int i = 0; i < functions; i++)
            if (!redo[i] && previous->summaries[i])
                shared.summaries[i] = previous->summaries[i];
        for (int e = 0; e < previous->event_count; e++)
            if (!redo[previous->producers[e]])
                analysis_add_event(&shared, result, &previous->events[e]);
        result->limits = previous->limits;
        result->limit_count = previous->limit_count;
    }
    int *producers = NULL;
    int producer_capacity = 0;

    struct arena scratch;
    arena_init(&scratch);
    int *order = arena_alloc(&scratch, sizeof *order * (size_t)functions);
    int count = callee_first_order(unit, partial ? redo : NULL, &scratch, order);
    /* Callees first: a function whose callees' summaries are all final is
     * final itself, and is reported from this same fixed point. Only
     * recursive cycles need more rounds and a separate reporting pass. */
    char *reported = arena_alloc(&scratch, (size_t)functions);
    bool all_final = true;
    int kept = 0;
    for (int i = 0; i < count; i++) {
        if (partial && !redo[order[i]])
            continue;
        order[kept++] = order[i];
    }
    count = kept;
    for (int i = 0; i < count; i++) {
        struct summary_entry *entry = shared.summaries[order[i]];
        shared.consulted_unfinished = false;
        struct function_analysis analysis;
        entry->in_progress = true;
        function_analysis_begin(&analysis, &shared, order[i], NULL, 0);
        if (!partial)
            note_limit(&analysis, arena, result);
        dataflow_solve(&analysis);
        if (!analysis.too_large) /* else its calls were never seen */
            mark_solved(&shared, order[i]);
        dataflow_summarise(&analysis, &entry->summary);
        entry->in_progress = false;
        entry->final = !shared.consulted_unfinished;
        all_final &= entry->final;
        if (entry->final && !unit->functions[order[i]].poisoned) {
            int first = result->event_count;
            dataflow_report(&analysis, result);
            if (memo)
                note_producer(&scratch, &producers, &producer_capacity, result, first, order[i]);
            reported[order[i]] = 1;
        }
        function_analysis_end(&analysis);
    }
    if (!all_final)
        recursion_rounds(&shared, order, count);

    for (int i = 0; i < functions; i++) {
        if (unit->functions[i].poisoned || reported[i] || (partial && !redo[i]))
            continue;
        struct function_analysis analysis;
        function_analysis_begin(&analysis, &shared, i, NULL, 0);
        dataflow_solve(&analysis);
        if (!analysis.too_large)
            mark_solved(&shared, i);
        int first = result->event_count;
        dataflow_report(&analysis, result);
        if (memo)
            note_producer(&scratch, &producers, &producer_capacity, result, first, i);
        function_analysis_end(&analysis);
    }
    drop_cautious_tests(&shared, result, memo ? producers : NULL);
    if (memo) {
        struct analysis_memo *saved = arena_alloc(arena, sizeof *saved);
        saved->summaries = shared.summaries;
        saved->event_count = result->event_count;
        size_t events = (size_t)result->event_count;
        saved->events = arena_alloc(arena, sizeof *saved->events * (events ? events : 1));
        saved->producers = arena_alloc(arena, sizeof *saved->producers * (events ? events : 1));
        if (events) {
            memcpy(saved->events, result->events, sizeof *saved->events * events);
            memcpy(saved->producers, producers, sizeof *saved->producers * events);
        }
        saved->limits = result->limits;
        saved->limit_count = result->limit_count;
        saved->passed_maybe_null = shared.passed_maybe_null;
        saved->solved = shared.solved;
        saved->external_callees = shared.external_callees;
        saved->external_callee_count = shared.external_callee_count;
        saved->external_maybe_null = shared.external_maybe_null;
        *memo = saved;
    }
    arena_free(&scratch);
    attach_evidence(options, result);
    sort_events(result);
}

void analysis_run(const struct ir_unit *unit, const struct analysis_options *options,
                  struct arena *arena, struct analysis_result *result)
{
    analysis_run_memo(unit, options, arena, result, NULL, NULL, NULL);
}

void analysis_export_passed(const struct analysis_memo *memo, const struct ir_unit *unit,
                            const struct analysis_options *options, struct arena *arena,
                            struct unit_exports *exports)
{
    if (!memo)
        return;
    struct unit_analysis shared;
    unit_analysis_init(&shared, unit, options, arena);
    shared.external_listed = memo->external_maybe_null != NULL;
    shared.external_callees = memo->external_callees;
    shared.external_callee_count = memo->external_callee_count;
    shared.external_maybe_null = memo->external_maybe_null;
    callers_export(&shared, memo->passed_maybe_null, memo->solved, arena, exports);
}

void analysis_export_summaries(const struct analysis_memo *memo, const struct ir_unit *unit,
                               const struct analysis_options *options, const bool *contexts,
                               struct arena *arena, struct unit_exports *exports)
{
    if (!memo || unit->function_count == 0)
        return;
    struct unit_analysis shared;
    unit_analysis_init(&shared, unit, options, arena);
    for (int i = 0; i < unit->function_count; i++)
        if (memo->summaries[i])
            shared.summaries[i] = memo->summaries[i];
    for (int k = 0; k < exports->function_count; k++) {
        int index = exports->functions[k].function_index;
        if (index < 0 || index >= unit->function_count || unit->functions[index].poisoned ||
            !memo->summaries[index] || !memo->summaries[index]->summary.computed)
            continue;
        exports->functions[k].summary = memo->summaries[index]->summary;
        if (contexts && contexts[k])
            export_contexts(&shared, index, &exports->functions[k]);
    }
}

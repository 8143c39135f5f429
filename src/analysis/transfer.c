/*
 * transfer: what one IR statement, or one branch edge, does to the
 * nullability of every access path. Uses of NULL or maybe-NULL values and
 * late NULL tests become events when the caller is the reporting walk.
 * The fixed point itself is in dataflow.c.
 */
#include <assert.h>
#include <limits.h>
#include <string.h>

#include "engine.h"
#include "project.h"
#include "../support/text.h"

static const struct ir_function *function_of(const struct function_analysis *analysis)
{
    return analysis->function;
}

/* The representative of the must-alias class of `path`. */
static int alias_root(const struct flow_state *state, int path)
{
    int alias = state->paths[path].alias;
    return alias >= 0 ? alias : path;
}

bool member_path(const struct ir_function *function, int path)
{
    const struct access_path *member = &function->paths[path];
    if (member->parent < 0 || !member->is_pointer || member->weak)
        return false;
    switch (member->step) {
    case PATH_DEREF:
    case PATH_FIELD:
    case PATH_ARROW:
        return true;
    case PATH_INDEX:
        return member->name && member->name[0] != '?';
    case PATH_VARIABLE:
        break;
    }
    return false;
}

/* Paths one step below `target`, which now holds a parameter's entry
 * value (`char **p = (char **)arg;`): they hold what arg's members held on
 * entry, for member_use summaries. */
static void mark_member_entries(const struct ir_function *function, struct flow_state *state,
                                int target)
{
    int entry = state->paths[target].entry_of;
    if (entry < 0 || function->paths[entry].parent >= 0 ||
        function->paths[entry].root_kind != VARIABLE_PARAMETER)
        return;
    for (int i = target + 1; i < function->path_count; i++)
        if (function->paths[i].parent == target && member_path(function, i))
            state->paths[i].entry_of = i;
}

/* Forgets the paths reached from `path` (and `path` itself when
 * `including_path`), keeping what is known of the entry values they held
 * (entry_use is about the value, not the variable); other paths stop
 * aliasing or witnessing them. Paths are created after their parents, so
 * everything below `path` has a larger id. */
static void forget_one(const struct ir_function *function, struct flow_state *state, int path)
{
    struct path_state *forgotten = &state->paths[path];
    const struct source_location *entry_use = forgotten->entry_use;
    *forgotten = path_state_unknown();
    forgotten->entry_use = entry_use;
    if (function->paths[path].is_unsigned)
        forgotten->low = 0;
}

/* Forgets the paths below `path`, through the child links (what is below
 * a path is usually a few fields, where the function has hundreds). */
static void forget_below(const struct ir_function *function, struct flow_state *state, int path)
{
    for (int child = function->paths[path].first_child; child >= 0;
         child = function->paths[child].next_sibling) {
        forget_one(function, state, child);
        forget_below(function, state, child);
    }
}

static void spread_to_elements(const struct ir_function *function, struct flow_state *state,
                               int element);

static void forget_paths(const struct ir_function *function, struct flow_state *state, int path,
                         bool including_path)
{
    assert(path >= 0 && path < function->path_count);
    bool referenced = state->paths[path].referenced;
    if (including_path && function->paths[path].indexes_elements) {
        /* i changed: a[i] is another element now, and what a source left
         * in the one it was may be in any element another index picks */
        for (int i = 0; i < function->path_count; i++) {
            if (function->paths[i].index_root != path)
                continue;
            spread_to_elements(function, state, i);
            forget_paths(function, state, i, true);
        }
    }
    if (including_path)
        forget_one(function, state, path);
    forget_below(function, state, path);
    if (function->paths[path].first_child < 0) {
        /* nothing below: only references to `path` itself go, if any */
        for (int i = 0; including_path && referenced && i < function->path_count; i++) {
            struct path_state *other = &state->paths[i];
            if (other->alias == path)
                other->alias = -1;
            if (other->witness == path)
                other->witness = -1;
            if (other->twin == path)
                other->twin = -1;
        }
        return;
    }
    for (int i = 0; i < function->path_count; i++) {
        struct path_state *other = &state->paths[i];
        if (other->alias >= path && (other->alias != path || including_path) &&
            ir_path_is_below(function, other->alias, path))
            other->alias = -1;
        if (other->witness >= path && (other->witness != path || including_path) &&
            ir_path_is_below(function, other->witness, path))
            other->witness = -1;
        if (other->twin >= path && (other->twin != path || including_path) &&
            ir_path_is_below(function, other->twin, path))
            other->twin = -1;
    }
}

/* Forgets everything about `path` and the paths reached from it. */
static void kill_path(const struct ir_function *function, struct flow_state *state, int path)
{
    forget_paths(function, state, path, true);
}

/* Forgets what is known below `path` (the fields of what it points to),
 * keeping `path` itself. */
static void kill_below(const struct ir_function *function, struct flow_state *state, int path)
{
    forget_paths(function, state, path, false);
}

/* What `path` points to may change (it was passed to a function): forget
 * what is known below it and below every pointer known to hold the same
 * value (yyg = yyscanner; ensure_stack(yyscanner); yyg->stack). */
static void kill_below_aliases(const struct ir_function *function, struct flow_state *state,
                               int path)
{
    int root = alias_root(state, path);
    for (int i = 0; i < function->path_count; i++)
        if (i != path && (i == root || state->paths[i].alias == root))
            kill_below(function, state, i);
    kill_below(function, state, path);
}

/* What `path` points to is const for a callee (`const T *`): its members
 * stay, what they point to may change; so for every pointer known to hold
 * the same value. */
static void kill_deeper_aliases(const struct ir_function *function, struct flow_state *state,
                                int path)
{
    int root = alias_root(state, path);
    for (int i = 0; i < function->path_count; i++) {
        if (i != path && i != root && state->paths[i].alias != root)
            continue;
        for (int child = function->paths[i].first_child; child >= 0;
             child = function->paths[child].next_sibling)
            kill_below(function, state, child);
    }
}

/* Whether `path` is alone: no must-alias class, and no path names it as
 * its alias, witness or twin. The loops over every path then need only
 * look at it (huge functions have thousands of paths). */
static bool alone(const struct flow_state *state, int path)
{
    return state->paths[path].alias < 0 && !state->paths[path].referenced;
}

/* The twin of `path`'s must-alias class (a pointer NULL exactly when it
 * is), unlinked in both directions since what it said is about to be
 * known; -1 for none. */
static int take_twin(const struct ir_function *function, struct flow_state *state, int path)
{
    int root = alias_root(state, path);
    int twin = -1;
    if (alone(state, path)) {
        twin = state->paths[path].twin;
        state->paths[path].twin = -1;
        return twin;
    }
    for (int i = 0; i < function->path_count; i++) {
        struct path_state *member = &state->paths[i];
        if (member->twin >= 0 && (i == root || member->alias == root)) {
            twin = member->twin;
            member->twin = -1;
        }
    }
    if (twin >= 0)
        for (int i = 0; i < function->path_count; i++)
            if (state->paths[i].twin >= 0 && alias_root(state, state->paths[i].twin) == root)
                state->paths[i].twin = -1;
    return twin;
}

static void refine_nonnull(const struct ir_function *function, struct flow_state *state, int path,
                           const struct source_location *dereference)
{
    int root = alias_root(state, path);
    bool single = alone(state, path);
    int twin = take_twin(function, state, path);
    for (int i = single ? path : 0; i < (single ? path + 1 : function->path_count); i++) {
        struct path_state *member = &state->paths[i];
        if (i != root && member->alias != root)
            continue;
        member->nullability = NULLABILITY_NONNULL;
        member->origin = NULL;
        if (dereference && !member->dereferenced)
            member->dereferenced = dereference;
    }
    if (twin >= 0 && state->paths[twin].nullability != NULLABILITY_NONNULL)
        refine_nonnull(function, state, twin, NULL);
}

static void refine_null(const struct ir_function *function, struct flow_state *state, int path,
                        const struct null_origin *origin)
{
    int root = alias_root(state, path);
    bool single = alone(state, path);
    int twin = take_twin(function, state, path);
    for (int i = single ? path : 0; i < (single ? path + 1 : function->path_count); i++) {
        struct path_state *member = &state->paths[i];
        if (i != root && member->alias != root)
            continue;
        if (member->nullability != NULLABILITY_NULL || !member->origin)
            member->origin = origin;
        member->nullability = NULLABILITY_NULL;
        member->dereferenced = NULL;
    }
    if (twin >= 0 && state->paths[twin].nullability != NULLABILITY_NULL)
        refine_null(function, state, twin, origin);
}

static struct null_origin *new_origin(struct function_analysis *analysis, enum origin_kind kind,
                                      struct source_location location, const char *callee,
                                      enum origin_how how, int path)
{
    struct null_origin *origin = arena_alloc(analysis->shared->arena, sizeof *origin);
    origin->kind = kind;
    origin->how = how;
    origin->location = location;
    origin->callee = callee;
    origin->path_text = path >= 0 ? function_of(analysis)->paths[path].text : NULL;
    origin->type = path >= 0 ? function_of(analysis)->paths[path].type : NULL;
    return origin;
}

/* An origin a pack entry explains (a result, or what it leaves NULL). */
static struct null_origin *pack_origin(struct function_analysis *analysis, enum origin_kind kind,
                                       struct source_location location, const char *callee,
                                       const struct pack_entry *entry, enum origin_how how,
                                       int path)
{
    struct null_origin *origin = new_origin(analysis, kind, location, callee, how, path);
    origin->pack_name = entry->name;
    origin->pack_reason = entry->reason;
    return origin;
}

/* What suggestions want to know of a call's origin: the local its result
 * is stored in (by a statement a fix-it may follow) and the callee's own
 * definition, when the unit has them. */
static void describe_call_origin(struct function_analysis *analysis,
                                 const struct ir_statement *statement, struct null_origin *origin)
{
    const struct ir_function *function = function_of(analysis);
    const struct ir_call *call = &statement->call;
    if (call->function_index >= 0)
        origin->callee_function = &analysis->shared->unit->functions[call->function_index];
    for (int i = 0; i < function->call_assignment_count; i++) {
        const struct ir_call_assignment *site = &function->call_assignments[i];
        if (site->call.line != statement->location.line ||
            site->call.column != statement->location.column || !site->call.file ||
            !statement->location.file || strcmp(site->call.file, statement->location.file) != 0)
            continue;
        origin->variable = function->paths[site->variable].text;
        origin->assignment = site;
        if (function->paths[site->variable].type)
            origin->type = function->paths[site->variable].type;
        break;
    }
}

static enum origin_kind origin_of_source(enum source_kind kind)
{
    switch (kind) {
    case SOURCE_ALLOC: return ORIGIN_ALLOC;
    case SOURCE_LOOKUP: return ORIGIN_LOOKUP;
    case SOURCE_NULLABLE:
    case SOURCE_NONE: break;
    }
    return ORIGIN_NULLABLE;
}

const struct pack_entry *transfer_call_entry(const struct unit_analysis *shared,
                                             const struct ir_call *call)
{
    /* a static function of the unit is the program's own, whatever its
     * name: joe's `static char *lfind(char *s, ...)` is not POSIX's lfind */
    if (call->function_index >= 0 && shared->unit->functions[call->function_index].is_static)
        return NULL;
    const struct pack_entry *rule = packs_find(shared->options->packs, call->callee);
    if (rule || !call->contract || call->function_index >= 0 ||
        (call->facts & CALL_RETURNS_NONNULL))
        return rule;
    return packs_find(shared->options->packs, call->contract);
}

/* Marks "looked up, no rule" in function_analysis.call_rules. */
static const struct pack_entry no_rule;

/* The rule for the callee of the call statement, looked up once per analysis. */
static const struct pack_entry *call_rule(struct function_analysis *analysis, int block,
                                             int index, const struct ir_call *call)
{
    const struct pack_entry **slot = &analysis->call_rules[block][index];
    if (!*slot) {
        const struct pack_entry *rule = transfer_call_entry(analysis->shared, call);
        *slot = rule ? rule : &no_rule;
    }
    return *slot == &no_rule ? NULL : *slot;
}

/* The rule of the function-like macro whose expansion `location` lies in,
 * when a pack describes that macro (CHECK_NOT_NULL, HASH_FIND_STR, ...). */
static const struct pack_entry *macro_rule(const struct function_analysis *analysis,
                                              const struct source_location *location)
{
    if (!location->macro)
        return NULL;
    return packs_find_kind(analysis->shared->options->packs, location->macro, true);
}

/* The project's call evidence for the callee of `call`, or NULL (a single
 * unit, a static function, a call through a pointer). */
static const struct call_evidence *call_evidence_of(const struct function_analysis *analysis,
                                                    const struct ir_call *call)
{
    const struct unit_analysis *shared = analysis->shared;
    if (!shared->options->project || !call->callee ||
        (call->function_index >= 0 && shared->unit->functions[call->function_index].is_static))
        return NULL;
    return project_evidence(shared->options->project, call->callee);
}

/* The call sites that vote on whether a function of the program returns
 * NULL: the project's, or for a static function the unit's own, which are
 * all of them. */
static const struct call_evidence *result_votes(const struct function_analysis *analysis,
                                                const struct ir_call *call)
{
    struct unit_analysis *shared = analysis->shared;
    if (!call->callee || call->function_index < 0 ||
        !shared->unit->functions[call->function_index].is_static)
        return call_evidence_of(analysis, call);
    if (!shared->static_evidence)
        shared->static_evidence = unit_static_evidence(shared->unit, shared->arena);
    return &shared->static_evidence[call->function_index];
}

/* An external function that no pack, declaration or definition in the
 * project describes, whose result most call sites of the project test:
 * the project believes it may return NULL (project.h's thresholds). */
static bool evidence_nullable(const struct function_analysis *analysis,
                              const struct ir_call *call, const struct pack_entry *rule,
                              const struct function_summary *summary)
{
    if (rule || summary || call->function_index >= 0 || !call->returns_pointer ||
        (call->facts & (CALL_RETURNS_NONNULL | CALL_RETURNS_NULLABLE)))
        return false;
    const struct project_function *defined =
        project_find(analysis->shared->options->project, call->callee);
    if (defined && !defined->ambiguous)
        return false;
    return evidence_says_checked(call_evidence_of(analysis, call));
}

/* The origin made by statement `index` of `block`, created once per
 * analysis so that events and joins compare equal pointers. */
static const struct null_origin *statement_origin(struct function_analysis *analysis, int block,
                                                  int index, const struct pack_entry *rule,
                                                  const struct function_summary *summary)
{
    const struct null_origin **slot = &analysis->statement_origins[block][index];
    if (*slot)
        return *slot;
    const struct ir_statement *statement = &function_of(analysis)->blocks[block].statements[index];
    const struct pack_entry *macro =
        statement->kind != STATEMENT_CALL ? macro_rule(analysis, &statement->location) : NULL;
    struct null_origin *origin;
    if (statement->kind == STATEMENT_CALL) {
        const struct ir_call *call = &statement->call;
        bool hook = !call->callee && call->contract_how == CONTRACT_HOOK;
        if (rule && rule->returns != SOURCE_NONE) {
            origin = pack_origin(analysis, origin_of_source(rule->returns), statement->location,
                                 hook ? call->hook : call->callee, rule,
                                 hook ? HOW_HOOK_RESULT : HOW_PACK_RESULT, call->target);
        } else if (summary && (summary->returns_null || summary->null_only_for_null_parameters)) {
            origin = new_origin(analysis, summary->return_kind, statement->location, call->callee,
                                HOW_UNIT_FUNCTION, call->target);
            origin->failing = summary->return_failing;
            origin->has_definition = true;
            origin->definition = summary->null_return;
        } else if (evidence_nullable(analysis, call, rule, summary)) {
            origin = new_origin(analysis, ORIGIN_NULLABLE, statement->location, call->callee,
                                HOW_EVIDENCE, call->target);
        } else {
            origin = new_origin(analysis, ORIGIN_NULLABLE, statement->location, call->callee,
                                HOW_DECLARED_RESULT, call->target);
        }
        const struct call_evidence *evidence = call_evidence_of(analysis, call);
        if (evidence) {
            origin->evidence_tested = evidence->tested;
            origin->evidence_calls = evidence->calls;
        }
        describe_call_origin(analysis, statement, origin);
    } else if (macro && macro->out_null_arguments) {
        /* HASH_FIND(..., out) sets out = NULL before it searches: that NULL
         * means "not found", as the pack says. */
        origin = pack_origin(analysis, origin_of_source(macro->out_kind), statement->location,
                             macro->name, macro, HOW_PACK_LEFT, statement->target);
    } else {
        origin = new_origin(analysis, ORIGIN_NULL_CONSTANT, statement->location, NULL,
                            HOW_ASSIGNED, statement->target);
    }
    *slot = origin;
    return origin;
}

/* The origin of the NULL learnt on the false edge of `block`'s test of
 * `path`; `cause` is the source of the value tested (malloc, ...), if any. */
static const struct null_origin *condition_origin(struct function_analysis *analysis, int block,
                                                  int path, const struct null_origin *cause)
{
    const struct null_origin **slot = &analysis->condition_origins[block];
    if (*slot && (*slot)->cause == cause && strcmp((*slot)->path_text,
                                                   function_of(analysis)->paths[path].text) == 0)
        return *slot;
    const struct ir_condition *condition = &function_of(analysis)->blocks[block].condition;
    const struct pack_entry *macro = macro_rule(analysis, &condition->location);
    if (macro && macro->out_null_arguments && cause)
        return cause; /* a lookup macro's own loop ran off the end: still "not found" */
    struct null_origin *origin =
        macro && macro->out_null_arguments
            ? pack_origin(analysis, origin_of_source(macro->out_kind), condition->location,
                          macro->name, macro, HOW_PACK_LEFT, path)
            : new_origin(analysis, ORIGIN_NULL_CHECK, condition->location, NULL, HOW_TESTED,
                         path);
    origin->cause = cause;
    *slot = origin;
    return origin;
}

static bool same_expansion(const struct source_location *a, const struct source_location *b)
{
    return a->macro && b->macro && a->line == b->line && a->column == b->column &&
           (a->file == b->file || (a->file && b->file && strcmp(a->file, b->file) == 0));
}

/* Whether the test that `origin` names is a macro's own guard of a
 * dereference in the same expansion: lighttpd's
 * `fdevent_fdnode_interest(fdn)` is `(NULL != (fdn) ? (fdn)->events : 0)`,
 * written once for every caller, like a helper that begins with `if (!p)
 * return 0;`, so it says nothing of whether the caller's pointer can be
 * NULL. A test the caller writes in a macro's argument, `likely(p !=
 * NULL)` or `IS_NULL(p)`, guards no dereference inside the expansion; a
 * use in the same expansion is the macro's own mistake, still reported. */
static bool macro_guard(const struct ir_function *function, const struct null_origin *origin)
{
    if (!origin->location.macro)
        return false;
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        if (block->terminator != TERMINATOR_BRANCH ||
            block->condition.kind != CONDITION_NONNULL || block->condition.path < 0 ||
            !same_expansion(&block->condition.location, &origin->location))
            continue;
        int successor = block->successors[0];
        if (successor < 0 || successor >= function->block_count)
            continue;
        const struct cfg_block *guarded = &function->blocks[successor];
        for (int i = 0; i < guarded->statement_count; i++) {
            const struct ir_statement *statement = &guarded->statements[i];
            if (statement->kind == STATEMENT_USE &&
                statement->target == block->condition.path &&
                same_expansion(&statement->location, &origin->location))
                return true;
        }
    }
    return false;
}

/* The source that made a value maybe-NULL, to keep behind a NULL test. */
static const struct null_origin *source_cause(const struct path_state *value)
{
    if (value->nullability != NULLABILITY_MAYBE || !value->origin)
        return NULL;
    switch (value->origin->kind) {
    case ORIGIN_ALLOC:
    case ORIGIN_LOOKUP:
    case ORIGIN_NULLABLE:
        return value->origin;
    case ORIGIN_NULL_CHECK:
        return value->origin->cause;
    case ORIGIN_NULL_CONSTANT:
        break;
    }
    return NULL;
}

struct use_site {
    const struct source_location *location;
    enum sink_kind sink;
    const char *callee;
    int argument_index;
    const struct source_location *callee_use; /* where a summarised callee dereferences it */
    int count_position; /* required only while the argument at this 1-based position (a
                         * length) may be non-zero; 0: always */
    int parameter_test; /* analysis_event's */
};

static void remember_use(struct function_analysis *analysis,
                         const struct source_location *location, const char *text)
{
    if (analysis->use_seen_count == analysis->use_seen_capacity) {
        int capacity = analysis->use_seen_capacity ? analysis->use_seen_capacity * 2 : 16;
        analysis->uses_seen = arena_grow(&analysis->scratch, analysis->uses_seen,
                                         (size_t)analysis->use_seen_count, (size_t)capacity,
                                         sizeof *analysis->uses_seen);
        analysis->use_seen_capacity = capacity;
    }
    struct use_seen *seen = &analysis->uses_seen[analysis->use_seen_count++];
    seen->location = location;
    seen->path_text = text;
}

/* The witness search for a use of `path` at the statement being
 * transferred, done once per use. */
static const struct witness_memo *witness_for(struct function_analysis *analysis, int path)
{
    for (int i = 0; i < analysis->witness_count; i++) {
        const struct witness_memo *memo = &analysis->witnesses[i];
        if (memo->block == analysis->at_block && memo->index == analysis->at_index &&
            memo->path == path)
            return memo;
    }
    int count = analysis->witness_count;
    analysis->witnesses = arena_grow(&analysis->scratch, analysis->witnesses, (size_t)count,
                                     (size_t)count + 1, sizeof *analysis->witnesses);
    struct witness_memo *memo = &analysis->witnesses[count];
    analysis->witness_count = count + 1;
    memo->block = analysis->at_block;
    memo->index = analysis->at_index;
    memo->path = path;
    /* the search runs statements, which move at_block and at_index */
    int block = analysis->at_block, index = analysis->at_index;
    memo->result = (int)witness_search(analysis, block, index, path, &memo->steps,
                                       &memo->step_count);
    analysis->at_block = block;
    analysis->at_index = index;
    return &analysis->witnesses[count];
}

static void report_value(struct function_analysis *analysis, const struct use_site *site,
                         int path, const char *text, enum nullability nullability,
                         const struct null_origin *origin)
{
    if (!analysis->events || analysis->function->poisoned)
        return;
    if (nullability != NULLABILITY_NULL) {
        remember_use(analysis, site->location, text);
        if (nullability != NULLABILITY_MAYBE)
            return;
    }
    if (!origin)
        return;
    /* Inside a macro that a pack describes as one (HASH_FIND, CHECK_NOT_NULL,
     * json_is_string) the code is the library's, trusted as the entry says. */
    const struct pack_entry *macro = macro_rule(analysis, site->location);
    if (macro && macro->macro_only)
        return;
    /* In a function that a macro generates (RB_GENERATE, SPLAY_GENERATE),
     * a test is the generic algorithm's, written once for every type: `if
     * ((parent->right = child->left))` before a rotation fixes the parent
     * link says nothing of which nodes the tree's invariants keep set. Its
     * NULL side alone is not reported (a NULL from a source, tested there,
     * still is). */
    if (origin->kind == ORIGIN_NULL_CHECK && !origin->cause && origin->location.macro &&
        (analysis->function->location.macro ||
         (!same_expansion(site->location, &origin->location) &&
          macro_guard(analysis->function, origin))))
        return;
    /* A NULL the code made (assigned, or found by a test) may meet this
     * use only because the fixed point joined paths: report it only if a
     * single path brings it here, found within the search's bounds. */
    const struct witness_memo *witness = NULL;
    if (path >= 0 &&
        (origin->kind == ORIGIN_NULL_CONSTANT || origin->kind == ORIGIN_NULL_CHECK)) {
        witness = witness_for(analysis, path);
        if (witness->result != WITNESS_FOUND)
            return;
    }
    struct analysis_event event;
    memset(&event, 0, sizeof event);
    event.kind = EVENT_UNSAFE_USE;
    if (witness) {
        event.witness = witness->steps;
        event.witness_count = witness->step_count;
    }
    event.function = analysis->function->name;
    event.location = *site->location;
    event.path_text = text;
    event.sink = site->sink;
    event.callee = site->callee;
    event.argument_index = site->argument_index;
    event.count_position = site->count_position;
    event.parameter_test = site->parameter_test;
    event.definitely_null = nullability == NULLABILITY_NULL;
    event.origin = origin;
    event.function_info = analysis->function;
    if (site->callee_use)
        event.dereference = *site->callee_use;
    analysis_add_event(analysis->shared, analysis->events, &event);
}

/* A use of `path`: report it if it may be NULL, remember an unchecked use
 * of an entry value for the summary, then treat it as non-NULL (a second
 * use of the same value is not reported again). */
/* Why a path declared _Nullable may be NULL where nothing better is known. */
static const struct null_origin *declared_origin(struct function_analysis *analysis, int path)
{
    const struct null_origin **slot = &analysis->declared_origins[path];
    if (!*slot) {
        const struct access_path *declared = &function_of(analysis)->paths[path];
        *slot = new_origin(analysis, ORIGIN_NULLABLE, declared->declaration, NULL, HOW_DECLARED,
                           path);
    }
    return *slot;
}

/* Whether some call of the unit names function `index` (else it is only
 * handed out as a callback, or not used in the unit). */
static bool called_in_unit(struct unit_analysis *shared, int index)
{
    const struct ir_unit *unit = shared->unit;
    if (!shared->called) {
        shared->called = arena_alloc(shared->arena, (size_t)(unit->function_count + 1));
        memset(shared->called, 0, (size_t)(unit->function_count + 1));
        for (int f = 0; f < unit->function_count; f++)
            for (int b = 0; b < unit->functions[f].block_count; b++) {
                const struct cfg_block *block = &unit->functions[f].blocks[b];
                for (int i = 0; i < block->statement_count; i++)
                    if (block->statements[i].kind == STATEMENT_CALL &&
                        block->statements[i].call.function_index >= 0)
                        shared->called[block->statements[i].call.function_index] = 1;
            }
    }
    return shared->called[index] != 0;
}

/* A static function that no call of the file names is a callback: what it
 * is passed comes from a dispatcher the analysis does not see, and its
 * test of a parameter is the callback's caution, not a sign that the
 * dispatcher passes NULL (tmux's mode callbacks test `args == NULL` and
 * hand args on). A NULL found by such a test is not reported. */
static bool callback_parameter_test(struct function_analysis *analysis,
                                    const struct path_state *value)
{
    const struct ir_function *function = function_of(analysis);
    return function->is_static && value->entry_of >= 0 && value->origin &&
           value->origin->kind == ORIGIN_NULL_CHECK && !value->origin->cause &&
           function->paths[ir_path_root(function, value->entry_of)].root_kind ==
               VARIABLE_PARAMETER &&
           !called_in_unit(analysis->shared, analysis->function_index);
}

/* A NULL that a test of its own pointer parameter made, in a static
 * function whose callers are all the unit's calls: the parameter, 1-based
 * (analysis_run drops the use when every call passes a set value, so the
 * test is the helper's caution); else 0. */
static int static_parameter_test(struct function_analysis *analysis,
                                 const struct path_state *value)
{
    const struct ir_function *function = function_of(analysis);
    if (!function->is_static || function->address_taken || value->entry_of < 0 ||
        !value->origin || value->origin->kind != ORIGIN_NULL_CHECK || value->origin->cause ||
        !called_in_unit(analysis->shared, analysis->function_index))
        return 0;
    const struct access_path *entry = &function->paths[value->entry_of];
    if (entry->parent >= 0 || entry->root_kind != VARIABLE_PARAMETER || !entry->is_pointer ||
        entry->parameter_index < 0 || entry->parameter_index >= ARGUMENT_MASK_BITS)
        return 0;
    return entry->parameter_index + 1;
}

static void use_path(struct function_analysis *analysis, struct flow_state *state, int path,
                     const struct use_site *site)
{
    const struct ir_function *function = function_of(analysis);
    struct path_state *value = &state->paths[path];
    struct use_site tagged = *site;
    if (value->guard_end >= 0) {
        /* inside a region a test of other data decides: not reported */
    } else if (callback_parameter_test(analysis, value)) {
        /* a callback's caution about what its dispatcher passes */
    } else if (value->origin && value->origin->kind == ORIGIN_NULL_CHECK &&
               !value->origin->cause &&
               callers_pass_entry_set(analysis->shared, function, value->entry_of)) {
        /* an exported function's caution: every call of the program passes it set */
    } else if (value->nullability == NULLABILITY_UNKNOWN &&
               function->paths[path].declared_nullable) {
        report_value(analysis, site, path, function->paths[path].text, NULLABILITY_MAYBE,
                     declared_origin(analysis, path));
    } else {
        tagged.parameter_test = static_parameter_test(analysis, value);
        report_value(analysis, &tagged, path, function->paths[path].text, value->nullability,
                     value->origin);
    }
    if (value->nullability == NULLABILITY_UNKNOWN && value->entry_of >= 0) {
        struct path_state *entry = &state->paths[value->entry_of];
        if (!entry->entry_use)
            entry->entry_use = site->location;
    }
    /* A later NULL test is late only if nothing said non-NULL before this
     * use: after `if (p) ... p->x ... if (p)` the second test is redundant,
     * not late (check-after-deref). */
    bool dereferences = site->sink != SINK_RETURN && value->nullability != NULLABILITY_NONNULL;
    /* a dereference of a NULL ends its path, as the crash does: what comes
     * after it (a `return NULL;` that callers would be told of) never runs */
    if (value->nullability == NULLABILITY_NULL &&
        (site->sink == SINK_STAR || site->sink == SINK_ARROW || site->sink == SINK_INDEX)) {
        state->reachable = false;
        return;
    }
    refine_nonnull(function, state, path, dereferences ? site->location : NULL);
}

/* An assertion of the entry value of a parameter or global that is not
 * compiled in: its use in the summary, as a dereference would be. */
static void assert_requires_entry(struct flow_state *state, int path,
                                  const struct source_location *location)
{
    const struct path_state *value = &state->paths[path];
    if (value->nullability != NULLABILITY_UNKNOWN || value->entry_of < 0)
        return;
    struct path_state *entry = &state->paths[value->entry_of];
    if (!entry->entry_use)
        entry->entry_use = location;
}

static enum sink_kind sink_of_use(enum use_kind use)
{
    switch (use) {
    case USE_STAR: return SINK_STAR;
    case USE_ARROW: return SINK_ARROW;
    case USE_INDEX: return SINK_INDEX;
    case USE_RETURN: return SINK_RETURN;
    case USE_CALL: return SINK_CALL;
    }
    return SINK_STAR;
}

/* ---- the same pure lookup called again ---- */

static bool same_value(struct ir_value a, struct ir_value b)
{
    if (a.kind == VALUE_NONNULL && a.path < 0 && a.integer == 0)
        return false; /* a non-NULL value of unknown identity (an array, a function) */
    if (a.kind == VALUE_UNKNOWN)
        return false;
    return a.kind == b.kind && a.path == b.path && a.integer == b.integer;
}

static bool same_arguments(const struct ir_call *a, const struct ir_call *b)
{
    if (a->argument_count != b->argument_count)
        return false;
    for (int i = 0; i < a->argument_count; i++)
        if (!same_value(a->arguments[i], b->arguments[i]))
            return false;
    return true;
}

static bool same_call(const struct ir_call *a, const struct ir_call *b)
{
    return a->callee && b->callee && strcmp(a->callee, b->callee) == 0 && same_arguments(a, b);
}

/* The lookup a call finds with: its pack's `found-with` (strchr for
 * strrchr), else its own name. */
static const char *finds_with(const struct unit_analysis *shared, const struct ir_call *call)
{
    const struct pack_entry *rule = call->callee ? transfer_call_entry(shared, call) : NULL;
    return rule && rule->found_with ? rule->found_with : call->callee;
}

/* Whether two calls of different lookups with the same arguments find
 * together (strchr(s, '/') and strrchr(s, '/')). */
static bool finds_together(const struct unit_analysis *shared, const struct ir_call *a,
                           const struct ir_call *b)
{
    const char *first = finds_with(shared, a), *second = finds_with(shared, b);
    return first && second && strcmp(first, second) == 0 && same_arguments(a, b);
}

/* The signature index of a call to a pure lookup (a pack's `returns:
 * lookup`: strchr, getenv, a hash table's find; a repeatable function of
 * the program: user_find(map, key)) or to a function of the program that
 * caches its result (config_path()), or -1. */
static int lookup_signature(struct function_analysis *analysis,
                            const struct ir_statement *statement,
                            const struct pack_entry *rule,
                            const struct function_summary *summary)
{
    bool pure_lookup = rule ? rule->returns == SOURCE_LOOKUP
                            : summary && (summary->repeatable || summary->caches_result);
    if (!pure_lookup || statement->call.target < 0)
        return -1;
    for (int i = 0; i < analysis->lookup_call_count; i++)
        if (same_call(&analysis->lookup_calls[i]->call, &statement->call))
            return i;
    int count = analysis->lookup_call_count;
    analysis->lookup_calls =
        arena_grow(&analysis->scratch, analysis->lookup_calls, (size_t)count,
                   (size_t)count + 1, sizeof *analysis->lookup_calls);
    analysis->lookup_calls[count] = statement;
    analysis->lookup_call_count = count + 1;
    return count;
}

/* Whether lookup `signature` reads `path` (an argument, or below one). */
static bool lookup_reads(const struct function_analysis *analysis, int signature, int path)
{
    const struct ir_call *call = &analysis->lookup_calls[signature]->call;
    for (int i = 0; i < call->argument_count; i++) {
        struct ir_value argument = call->arguments[i];
        if ((argument.kind == VALUE_PATH || argument.kind == VALUE_NULL_TEST ||
             argument.kind == VALUE_NONNULL) &&
            argument.path >= 0 && ir_path_is_below(analysis->function, argument.path, path))
            return true;
    }
    return false;
}

/* A write to `path` (or, with path -1, to anything a call may change):
 * lookups that read it may now answer otherwise. */
static void forget_lookups(const struct function_analysis *analysis, struct flow_state *state,
                           int path)
{
    if (analysis->lookup_call_count == 0)
        return; /* no lookup result to forget */
    for (int i = 0; i < state->count; i++) {
        int signature = state->paths[i].repeats;
        if (signature >= 0 && (path < 0 || lookup_reads(analysis, signature, path)))
            state->paths[i].repeats = -1;
    }
}

/* The lookup a value written to `target` stands for: `signature`, unless
 * that lookup reads `target` itself (name = ext(name): the new name is not
 * what ext(name) would now be given), or -1. */
static int lookup_after_write(const struct function_analysis *analysis, int signature,
                              int target)
{
    return signature >= 0 && lookup_reads(analysis, signature, target) ? -1 : signature;
}

/* Whether lookup `signature` is a library's (a pack's) given constants
 * only (getenv("TZ")): no write of the program's memory or globals changes
 * its answer, only a call may (setenv). */
static bool reads_constants_only(const struct function_analysis *analysis, int signature)
{
    const struct ir_call *call = &analysis->lookup_calls[signature]->call;
    if (!transfer_call_entry(analysis->shared, call))
        return false;
    for (int i = 0; i < call->argument_count; i++) {
        struct ir_value argument = call->arguments[i];
        bool constant = argument.kind == VALUE_INTEGER || argument.kind == VALUE_NULL ||
                        (argument.kind == VALUE_NONNULL && argument.path < 0);
        if (!constant)
            return false;
    }
    return true;
}

/* A write to memory (a field, *p) or to a global, `path`: every lookup
 * may read it (a function of the program may read globals, a library's
 * search the string an unknown pointer shares), but one of a library
 * given constants only, and what reads `path` itself. */
static void forget_lookups_of_memory(const struct function_analysis *analysis,
                                     struct flow_state *state, int path)
{
    for (int i = 0; i < state->count; i++) {
        int signature = state->paths[i].repeats;
        if (signature >= 0 && !reads_constants_only(analysis, signature))
            state->paths[i].repeats = -1;
    }
    forget_lookups(analysis, state, path);
}

/* A library call that a pack describes changes only what its pointer
 * arguments reach (strcpy(buf, ...) answers strchr(buf, c) anew), not the
 * program's state nor the environment: `if (getenv("TZ")) { tz =
 * malloc(strlen(getenv("TZ")) + 1); strcpy(tz, getenv("TZ")); }` reads
 * the same variable three times. The setenv family has no entry, and a
 * call nothing describes still forgets every lookup. */
static void forget_written_lookups(const struct function_analysis *analysis,
                                   const struct ir_call *call, struct flow_state *state)
{
    if (analysis->lookup_call_count == 0)
        return;
    for (int i = 0; i < call->argument_count; i++) {
        struct ir_value argument = call->arguments[i];
        if ((argument.kind != VALUE_PATH && argument.kind != VALUE_NONNULL) ||
            argument.path < 0 || argument_in_mask(call->const_arguments, i))
            continue;
        int root = alias_root(state, argument.path);
        for (int path = 0; path < state->count; path++)
            if (path == root || state->paths[path].alias == root)
                forget_lookups(analysis, state, path);
    }
}

/* A call to a function that caches its result may fill the cache, with
 * any effect: every other lookup's answer is forgotten, its own kept. */
static void forget_other_lookups(struct flow_state *state, int kept)
{
    for (int i = 0; i < state->count; i++)
        if (state->paths[i].repeats >= 0 && state->paths[i].repeats != kept)
            state->paths[i].repeats = -1;
}

/* target = source, for a target just killed: the same value, in the same
 * must-alias class; `value` is source's state from before target was
 * killed (p = p->next). */
static void copy_value(const struct ir_function *function, struct flow_state *state, int target,
                       int source, const struct path_state *value)
{
    struct path_state *result = &state->paths[target];
    const struct source_location *entry_use = result->entry_use;
    int alias = value->alias >= 0 ? value->alias : source;
    *result = *value;
    result->entry_use = entry_use;
    if (function->paths[source].weak || function->paths[target].weak) {
        /* program = argv[i]: argv[?] stands for every element, and the one
         * it is after i++ is another: no must-alias, what is learnt of
         * program says nothing of argv[?] */
        result->alias = -1;
        return;
    }
    if (alias == target) {
        /* The class's representative was just overwritten: the source leads it now. */
        state->paths[source].alias = -1;
        alias = source;
    }
    result->alias = alias;
    state->paths[alias].referenced = true;
}

/* target = source of two structs: each field the function names on both
 * sides takes the source's value (`m2 = nomatch;` and m2.len is 0), and so
 * on below, up to a few levels. */
static void copy_fields(const struct ir_function *function, struct flow_state *state, int target,
                        int source, int depth)
{
    for (int s = function->paths[source].first_child; s >= 0; s = function->paths[s].next_sibling) {
        const struct access_path *from = &function->paths[s];
        if (from->step != PATH_FIELD || from->weak || !from->name)
            continue;
        for (int t = function->paths[target].first_child; t >= 0;
             t = function->paths[t].next_sibling) {
            const struct access_path *to = &function->paths[t];
            if (to->step != PATH_FIELD || !to->name || strcmp(to->name, from->name) != 0)
                continue;
            struct path_state value = state->paths[s];
            kill_path(function, state, t);
            copy_value(function, state, t, s, &value);
            if (depth < 4)
                copy_fields(function, state, t, s, depth + 1);
            break;
        }
    }
}

/* Before the element a[i] becomes another (i moves): if it may be NULL
 * because of a source, so may any element another index picks (fribidi
 * fills bracket_stack[iso_level] with unchecked mallocs in one loop and
 * reads it with another iso_level later); one tested after its allocation
 * (lz4's inBuffs[b]) leaves the others as they were. */
static void spread_to_elements(const struct ir_function *function, struct flow_state *state,
                               int target)
{
    const struct access_path *written = &function->paths[target];
    const struct path_state *value = &state->paths[target];
    if (!written->weak || written->step != PATH_INDEX || value->nullability != NULLABILITY_MAYBE ||
        !source_cause(value))
        return;
    for (int i = written->parent + 1; i < function->path_count; i++) {
        const struct access_path *sibling = &function->paths[i];
        if (i == target || sibling->parent != written->parent || sibling->step != PATH_INDEX ||
            !sibling->weak)
            continue;
        state->paths[i].nullability = NULLABILITY_MAYBE;
        state->paths[i].origin = value->origin;
    }
}

/* Variable `variable` was set: the elements it picks are others now. A
 * step (i++) walks to an element the walk has not written, known nothing
 * of; a value set anew may pick any element, as base[?] knows them. */
static void index_moved(const struct ir_function *function, struct flow_state *state,
                        int variable, bool step)
{
    if (!function->paths[variable].indexes_elements || step)
        return; /* forget_paths already forgot its elements */
    for (int i = 0; i < function->path_count; i++) {
        const struct access_path *element = &function->paths[i];
        if (element->index_root != variable)
            continue;
        int any = ir_child_path(function, element->parent, PATH_INDEX, "?");
        if (any < 0 || state->paths[any].nullability != NULLABILITY_MAYBE)
            continue;
        state->paths[i].nullability = NULLABILITY_MAYBE;
        state->paths[i].origin = state->paths[any].origin;
    }
}

/* A store through a pointer (ir_path_through_pointer) may write any
 * variable whose address the code stored somewhere (`pp = &list; ...
 * *pp = node;`), as a call may (transfer_call). `kept` (the value
 * stored, or -1) is spared: `*pp = list` leaves list as it was. */
static void forget_escaped(struct function_analysis *analysis, struct flow_state *state,
                           int target, int kept)
{
    const struct ir_function *function = function_of(analysis);
    if (analysis->escaped_root_count < 0) {
        int count = 0;
        for (int i = 0; i < function->path_count; i++)
            count += function->paths[i].parent < 0 && function->paths[i].address_escapes;
        analysis->escaped_roots =
            arena_alloc(&analysis->scratch, sizeof *analysis->escaped_roots * (size_t)(count + 1));
        count = 0;
        for (int i = 0; i < function->path_count; i++)
            if (function->paths[i].parent < 0 && function->paths[i].address_escapes)
                analysis->escaped_roots[count++] = i;
        analysis->escaped_root_count = count;
    }
    int written_root = ir_path_root(function, target);
    int kept_root = kept >= 0 ? ir_path_root(function, kept) : -1;
    for (int i = 0; i < analysis->escaped_root_count; i++) {
        int root = analysis->escaped_roots[i];
        if (root != written_root && root != kept_root)
            kill_path(function, state, root);
    }
}

static void assign_value(struct function_analysis *analysis, int block, int index,
                         struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    const struct ir_statement *statement = &function->blocks[block].statements[index];
    int target = statement->target;
    struct ir_value value = statement->value;
    if (target < 0)
        return;
    if (value.kind == VALUE_PATH && value.path == target) {
        /* p++, p += n: the same nullness, but what p pointed to is another object */
        kill_below(function, state, target);
        return;
    }
    struct path_state source = value.kind == VALUE_PATH ? state->paths[value.path]
                                                         : path_state_unknown();
    if (function->paths[target].parent >= 0 ||
        function->paths[target].root_kind == VARIABLE_GLOBAL)
        forget_lookups_of_memory(analysis, state, target);
    else
        forget_lookups(analysis, state, target);
    if (ir_path_through_pointer(function, target))
        forget_escaped(analysis, state, target, value.kind == VALUE_PATH ? value.path : -1);
    kill_path(function, state, target);
    const struct access_path *written = &function->paths[target];
    if (written->weak) {
        /* parent[i] = v may write any element: forget them all, and never
         * call an element NULL on the strength of a write to "some" element */
        for (int i = 0; i < function->path_count; i++) {
            const struct access_path *sibling = &function->paths[i];
            if (i != target && sibling->parent == written->parent &&
                (sibling->step == PATH_DEREF || sibling->step == PATH_INDEX))
                kill_path(function, state, i);
        }
        if (value.kind == VALUE_NULL || (value.kind == VALUE_INTEGER && value.integer == 0))
            return;
    }
    struct path_state *result = &state->paths[target];
    switch (value.kind) {
    case VALUE_UNKNOWN:
        if (value.integer == UNKNOWN_POSITIVE && !written->is_pointer)
            integer_narrow(result, 1, LLONG_MAX); /* `size = 2 * length + 1` */
        break;
    case VALUE_NULL:
        result->nullability = NULLABILITY_NULL;
        result->origin = statement_origin(analysis, block, index, NULL, NULL);
        break;
    case VALUE_NONNULL:
        result->nullability = NULLABILITY_NONNULL;
        break;
    case VALUE_INTEGER:
        if (function->paths[target].is_pointer && value.integer == 0) {
            result->nullability = NULLABILITY_NULL;
            result->origin = statement_origin(analysis, block, index, NULL, NULL);
        } else {
            integer_set(result, value.integer);
        }
        break;
    case VALUE_NULL_TEST: {
        const struct path_state *tested = &state->paths[value.path];
        if (tested->nullability == NULLABILITY_NONNULL || tested->nullability == NULLABILITY_NULL) {
            integer_set(result,
                        (tested->nullability == NULLABILITY_NONNULL) == (value.integer != 0));
        } else {
            result->witness = value.path;
            state->paths[value.path].referenced = true;
            result->witness_nonnull = value.integer != 0;
            result->witness_one_way = false;
        }
        break;
    }
    case VALUE_PATH:
        copy_value(function, state, target, value.path, &source);
        result->repeats = lookup_after_write(analysis, result->repeats, target);
        if (value.integer)
            result->derived = true;
        /* base + n where the code itself set base to NULL on some paths:
         * arithmetic on NULL is undefined, so code that computes it there
         * relies on a mode in which base is set (lz4's dictBase, NULL without
         * a dictionary, used only in the dictionary modes). The address is
         * not called NULL; an allocation's or a lookup's NULL still is. */
        if (value.integer &&
            (result->nullability == NULLABILITY_MAYBE || result->nullability == NULLABILITY_NULL) &&
            result->origin && result->origin->kind == ORIGIN_NULL_CONSTANT) {
            result->nullability = NULLABILITY_UNKNOWN;
            result->origin = NULL;
            result->alias = -1;
        }
        if (!function->paths[target].is_pointer && !ir_path_is_below(function, value.path, target))
            copy_fields(function, state, target, value.path, 0);
        mark_member_entries(function, state, target);
        break;
    }
}

static void transfer_assign(struct function_analysis *analysis, int block, int index,
                            struct flow_state *state)
{
    assign_value(analysis, block, index, state);
    const struct ir_function *function = function_of(analysis);
    const struct ir_statement *statement = &function->blocks[block].statements[index];
    if (statement->target < 0 || !state->reachable)
        return;
    index_moved(function, state, statement->target,
                statement->value.kind == VALUE_UNKNOWN &&
                    statement->value.integer == UNKNOWN_STEP);
}

/* Whether a length argument may be non-zero here: only a constant 0 or
 * a value whose known interval is [0, 0] is zero. */
static bool count_may_be_nonzero(const struct ir_call *call, const struct flow_state *state,
                                 int count)
{
    if (count >= call->argument_count)
        return true;
    struct ir_value argument = call->arguments[count];
    if (argument.kind == VALUE_INTEGER)
        return argument.integer != 0;
    if (argument.kind == VALUE_PATH)
        return !(state->paths[argument.path].low == 0 && state->paths[argument.path].high == 0);
    return true;
}

/* memcpy(buf, d, dlen) with d from a function that leaves dlen 0 on its
 * every NULL return (count_witness): d is NULL only where the length is 0. */
static bool null_only_without_count(const struct ir_call *call, const struct flow_state *state,
                                    int pointer, int count)
{
    if (count >= call->argument_count || call->arguments[pointer].kind != VALUE_PATH ||
        call->arguments[count].kind != VALUE_PATH)
        return false;
    const struct path_state *length = &state->paths[call->arguments[count].path];
    return length->witness >= 0 && length->witness_one_way && length->witness_nonnull &&
           alias_root(state, length->witness) ==
               alias_root(state, call->arguments[pointer].path);
}

/* Whether argument `index` of the call must not be NULL, and why:
 * *count_position is the 1-based position of the length that makes it
 * required (a pack's nonnull-if-nonzero), or 0. */
static bool argument_required(const struct ir_function *function, const struct ir_call *call,
                              const struct pack_entry *rule,
                              const struct function_summary *summary,
                              const struct flow_state *state, int index, int *count_position,
                              const struct source_location **callee_use)
{
    *count_position = 0;
    *callee_use = NULL;
    if (index >= ARGUMENT_MASK_BITS)
        return false;
    uint32_t bit = UINT32_C(1) << index;
    if (rule && rule->accepts_null)
        return false; /* the pack knows better than the declaration's attributes */
    if (rule && (rule->nonnull_if_nonzero & bit)) {
        /* memcpy(dst, NULL, 0) is defined (C2y, N3322): the pack's
         * condition replaces the declaration's unconditional nonnull */
        *count_position = rule->nonzero_count[index] + 1;
        return count_may_be_nonzero(call, state, rule->nonzero_count[index]) &&
               !null_only_without_count(call, state, index, rule->nonzero_count[index]);
    }
    if (summary && (summary->dereferenced_parameters & bit)) {
        *callee_use = &summary->parameter_use[index];
        return true;
    }
    if ((call->nonnull_arguments & bit) || (rule && (rule->nonnull_arguments & bit)))
        return true;
    if (call->facts & CALL_ALL_NONNULL) {
        struct ir_value argument = call->arguments[index];
        return argument.kind == VALUE_PATH && function->paths[argument.path].is_pointer;
    }
    return false;
}

/* The caller's path for what a summarised callee leaves NULL, or -1 when
 * the caller never names it (then nothing can go wrong with it here). */
static int caller_path(const struct ir_function *function, const struct ir_call *call,
                       const struct nulled_path *nulled)
{
    if (nulled->key)
        return function_global_path(function, nulled->key);
    if (nulled->parameter < 0 || nulled->parameter >= call->argument_count)
        return -1;
    struct ir_value argument = call->arguments[nulled->parameter];
    if (argument.kind != VALUE_PATH)
        return -1;
    for (int i = 0; i < function->path_count; i++) {
        const struct access_path *path = &function->paths[i];
        if (path->parent == argument.path && path->step == PATH_ARROW && path->name &&
            strcmp(path->name, nulled->field) == 0)
            return i;
    }
    return -1;
}

static void apply_nulled(struct function_analysis *analysis, const struct ir_statement *statement,
                         const struct function_summary *summary, struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    for (int n = 0; n < summary->nulled_count; n++) {
        int path = caller_path(function, &statement->call, &summary->nulled[n]);
        if (path < 0)
            continue;
        kill_path(function, state, path);
        struct path_state *value = &state->paths[path];
        value->nullability = NULLABILITY_NULL;
        struct null_origin *origin =
            new_origin(analysis, ORIGIN_NULL_CONSTANT, statement->location,
                       statement->call.callee, HOW_LEFT_BY_CALL, path);
        origin->nulled_text = summary->nulled[n].text;
        value->origin = origin;
    }
}

/* The global pointers the callee leaves non-NULL on every return. */
static void apply_set_globals(const struct ir_function *function,
                              const struct function_summary *summary, struct flow_state *state)
{
    for (int g = 0; g < summary->set_global_count; g++) {
        int path = function_global_path(function, summary->set_globals[g]);
        if (path < 0)
            continue;
        kill_path(function, state, path);
        state->paths[path].nullability = NULLABILITY_NONNULL;
    }
}

/* A call that checks its arguments like assert (a pack's `checks`): the
 * arguments in `checked` are non-NULL after it, given as pointers or as
 * NULL tests (check(p != NULL), check(ok) with ok = p != NULL). Inside a
 * checking macro's expansion every argument counts, since which one is
 * the macro's is not known here. */
static void refine_checked(const struct ir_function *function, const struct ir_call *call,
                           uint32_t checked, struct flow_state *state)
{
    for (int i = 0; i < call->argument_count; i++) {
        if (!argument_in_mask(checked, i))
            continue;
        struct ir_value argument = call->arguments[i];
        if (argument.kind == VALUE_NULL_TEST && argument.integer != 0) {
            refine_nonnull(function, state, argument.path, NULL);
        } else if (argument.kind == VALUE_PATH && function->paths[argument.path].is_pointer) {
            refine_nonnull(function, state, argument.path, NULL);
        } else if (argument.kind == VALUE_PATH) {
            const struct path_state *value = &state->paths[argument.path];
            if (value->witness >= 0 && value->witness_nonnull)
                refine_nonnull(function, state, value->witness, NULL);
        }
    }
}

/* The path `*parent` of the function, or -1. */
static int deref_path(const struct ir_function *function, int parent)
{
    for (int i = 0; i < function->path_count; i++)
        if (function->paths[i].parent == parent && function->paths[i].step == PATH_DEREF)
            return i;
    return -1;
}

/* The origin of what call `index` of `block` leaves NULL through its
 * out-parameters, made once per analysis (joins compare pointers). */
static const struct null_origin *out_origin(struct function_analysis *analysis, int block,
                                            int index, const struct pack_entry *rule,
                                            int path)
{
    const struct null_origin **slot = &analysis->out_origins[block][index];
    if (!*slot) {
        const struct ir_statement *statement =
            &function_of(analysis)->blocks[block].statements[index];
        *slot = pack_origin(analysis, origin_of_source(rule->out_kind), statement->location,
                            statement->call.callee, rule, HOW_PACK_LEFT, path);
    }
    return *slot;
}

/* Whether the call's argument `argument` (1-based) is a constant among
 * `values`: a pack's out-null-if (curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE,
 * &type)) or found-if (strchr(s, '\0')); anything else, or a value not
 * known, does not count. */
static bool argument_among(const struct ir_call *call, int argument, const long long *values,
                           int count)
{
    int index = argument - 1;
    if (index < 0 || index >= call->argument_count)
        return false;
    long long given;
    if (call->arguments[index].kind == VALUE_INTEGER)
        given = call->arguments[index].integer;
    else if (call->arguments[index].kind == VALUE_NULL)
        given = 0; /* a null pointer constant: setlocale(LC_ALL, NULL) */
    else
        return false;
    for (int i = 0; i < count; i++)
        if (given == values[i])
            return true;
    return false;
}

/* Whether the first element of the string a search is given is known to
 * be the constant it searches for (a pack's found-if-first): after `if
 * (*path == '/')`, strrchr(path, '/') finds at least that one. */
static bool first_element_searched(const struct ir_function *function,
                                   const struct ir_call *call, const struct pack_entry *rule,
                                   const struct flow_state *state)
{
    int string = rule->found_if_first_string - 1, wanted = rule->found_if_first_value - 1;
    if (string < 0 || string >= call->argument_count || wanted < 0 ||
        wanted >= call->argument_count)
        return false;
    struct ir_value pointer = call->arguments[string], value = call->arguments[wanted];
    if (pointer.kind != VALUE_PATH || pointer.path < 0 || pointer.integer != 0 ||
        value.kind != VALUE_INTEGER)
        return false;
    int holders[2] = {pointer.path, alias_root(state, pointer.path)};
    for (int i = 0; i < 2; i++) {
        int first = ir_child_path(function, holders[i], PATH_DEREF, NULL);
        if (first >= 0 && state->paths[first].low == value.integer &&
            state->paths[first].high == value.integer)
            return true;
    }
    return false;
}

/* Whether argument `argument` (1-based) is not 0 here: a nonzero constant
 * (error(EXIT_FAILURE, ...)) or, with a `state`, an integer the path has
 * ruled 0 out of. */
static bool argument_nonzero(const struct ir_call *call, int argument,
                             const struct flow_state *state)
{
    int index = argument - 1;
    if (index < 0 || index >= call->argument_count)
        return false;
    struct ir_value value = call->arguments[index];
    if (value.kind == VALUE_INTEGER)
        return value.integer != 0;
    return state && value.kind == VALUE_PATH && value.path >= 0 &&
           integer_nonzero(&state->paths[value.path]);
}

bool transfer_call_never_returns(const struct unit_analysis *shared, const struct ir_call *call,
                                 const struct pack_entry *rule, const struct flow_state *state)
{
    return (call->facts & CALL_NORETURN) || (rule && rule->noreturn) ||
           (rule && rule->noreturn_if_nonzero &&
            argument_nonzero(call, rule->noreturn_if_nonzero, state)) ||
           summary_never_returns(shared, call->function_index) ||
           imported_never_returns(shared, call);
}

/* A lookup that writes its result through a pointer (a pack's `out-null`):
 * what it writes may be NULL, "not found", until tested. */
static void leave_out_null(struct function_analysis *analysis, int block, int index,
                           const struct pack_entry *rule, struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    const struct ir_call *call = &function->blocks[block].statements[index].call;
    if (rule->out_null_if_argument > 0 &&
        !argument_among(call, rule->out_null_if_argument, rule->out_null_if_values,
                        rule->out_null_if_count))
        return;
    for (int i = 0; i < call->argument_count; i++) {
        if (!argument_in_mask(rule->out_null_arguments, i))
            continue;
        struct ir_value argument = call->arguments[i];
        int path = -1;
        if (argument.kind == VALUE_NONNULL && argument.path >= 0)
            path = argument.path; /* lookup(map, key, &value) */
        else if (argument.kind == VALUE_PATH)
            path = deref_path(function, argument.path); /* lookup(map, key, out): *out */
        if (path < 0 || !function->paths[path].is_pointer)
            continue;
        kill_path(function, state, path);
        state->paths[path].nullability = NULLABILITY_MAYBE;
        state->paths[path].origin = out_origin(analysis, block, index, rule, path);
    }
}

/* What the call fills in when it succeeds (getaddrinfo's list): non-NULL
 * from here on, so a later test of it is no witness of a NULL. On failure
 * the code leaves without reading it. */
static void fill_out_nonnull(struct function_analysis *analysis, int block, int index,
                             const struct pack_entry *rule, struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    const struct ir_call *call = &function->blocks[block].statements[index].call;
    for (int i = 0; i < call->argument_count; i++) {
        if (!argument_in_mask(rule->out_nonnull_arguments, i))
            continue;
        struct ir_value argument = call->arguments[i];
        int path = -1;
        if (argument.kind == VALUE_NONNULL && argument.path >= 0)
            path = argument.path;
        else if (argument.kind == VALUE_PATH)
            path = deref_path(function, argument.path);
        if (path < 0 || !function->paths[path].is_pointer)
            continue;
        kill_path(function, state, path);
        state->paths[path].nullability = NULLABILITY_NONNULL;
    }
}

/* The caller's path for a member_use of the callee, given the argument:
 * sink(&data) and *p is data; sink(array) and p[2] is array[2];
 * sink(s) and s.f is s.f; or -1 when the caller never names it. */
static int caller_member(const struct ir_function *function, struct ir_value argument,
                         const struct member_use *member)
{
    bool address = argument.kind == VALUE_NONNULL && argument.path >= 0;
    if (!address && argument.kind != VALUE_PATH)
        return -1;
    int base = argument.path;
    switch (member->step) {
    case PATH_DEREF:
        return address ? base : ir_child_path(function, base, PATH_DEREF, NULL);
    case PATH_INDEX:
        return ir_child_path(function, base, PATH_INDEX, member->name);
    case PATH_FIELD:
        return address ? -1 : ir_child_path(function, base, PATH_FIELD, member->name);
    case PATH_ARROW:
        return address ? ir_child_path(function, base, PATH_FIELD, member->name)
                       : ir_child_path(function, base, PATH_ARROW, member->name);
    case PATH_VARIABLE:
        break;
    }
    return -1;
}

/* Argument `index` of `call` as the callee's members of it are found: for
 * `&p->member` (whose value is p's, as NULL as p) the address of
 * p->member, so that ngx_array_init(&conf->limits, ...)'s `a->nelts` is
 * the caller's conf->limits.nelts; else the argument. */
static struct ir_value argument_place(const struct ir_call *call, int index)
{
    struct ir_value argument = call->arguments[index];
    if (call->argument_places && call->argument_places[index] >= 0) {
        argument.kind = VALUE_NONNULL;
        argument.path = call->argument_places[index];
        argument.integer = 0;
    }
    return argument;
}

/* Sets the caller's path of a member the callee leaves set: non-NULL, or
 * with `constant`, that integer value. */
static void leave_member(const struct ir_function *function, struct flow_state *state, int path,
                         const long long *constant)
{
    if (path < 0 || (constant != NULL) == function->paths[path].is_pointer)
        return;
    kill_path(function, state, path);
    if (constant)
        integer_set(&state->paths[path], *constant);
    else
        state->paths[path].nullability = NULLABILITY_NONNULL;
}

/* What the callee leaves in member `member` of argument `member->parameter`
 * on every return: in the argument's member and in those of the pointers
 * known to hold the same value (yyg = (struct guts *)scanner;
 * ensure_stack(scanner); yyg->stack). */
static void leave_members(const struct ir_function *function, const struct ir_call *call,
                          const struct member_use *member, const long long *constant,
                          struct flow_state *state)
{
    if (member->parameter < 0 || member->parameter >= call->argument_count)
        return;
    struct ir_value argument = argument_place(call, member->parameter);
    int direct = caller_member(function, argument, member);
    leave_member(function, state, direct, constant);
    if (argument.kind != VALUE_PATH || function->paths[argument.path].weak)
        return;
    int root = alias_root(state, argument.path);
    for (int i = 0; i < function->path_count; i++) {
        if (i == argument.path || (i != root && state->paths[i].alias != root))
            continue;
        struct ir_value same = {VALUE_PATH, i, 0};
        int path = caller_member(function, same, member);
        if (path != direct)
            leave_member(function, state, path, constant);
    }
}

/* What the callee leaves non-NULL below its parameters on every return
 * (ensure_stack(s): s->stack). */
static void apply_nonnull_members(const struct ir_function *function, const struct ir_call *call,
                                  const struct function_summary *summary,
                                  struct flow_state *state)
{
    for (int m = 0; m < summary->nonnull_member_count; m++)
        leave_members(function, call, &summary->nonnull_members[m], NULL, state);
}

/* What the callee leaves at one value below its parameters on every return
 * (ngx_array_init(&a, ...): a.nelts = 0). */
static void apply_constant_members(const struct ir_function *function, const struct ir_call *call,
                                   const struct function_summary *summary,
                                   struct flow_state *state)
{
    for (int m = 0; m < summary->constant_member_count; m++) {
        const struct member_value *constant = &summary->constant_members[m];
        struct member_use member = {constant->parameter, constant->step, constant->name, {0}};
        leave_members(function, call, &member, &constant->value, state);
    }
}

/* The arguments (and globals) a call requires to be non-NULL: uses. */
static void use_call_arguments(struct function_analysis *analysis,
                               const struct ir_statement *statement,
                               const struct pack_entry *rule,
                               const struct function_summary *summary, struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    const struct ir_call *call = &statement->call;
    for (int i = 0; i < call->argument_count; i++) {
        int count_position;
        const struct source_location *callee_use;
        if (!argument_required(function, call, rule, summary, state, i, &count_position,
                               &callee_use))
            continue;
        struct use_site site = {&statement->location, SINK_ARGUMENT, call->callee, i,
                                callee_use, count_position, 0};
        struct ir_value argument = call->arguments[i];
        if (argument.kind == VALUE_PATH) {
            use_path(analysis, state, argument.path, &site);
        } else if (argument.kind == VALUE_NULL ||
                   (argument.kind == VALUE_INTEGER && argument.integer == 0)) {
            struct null_origin *origin =
                new_origin(analysis, ORIGIN_NULL_CONSTANT, statement->location, NULL,
                           HOW_NULL_ARGUMENT, -1);
            report_value(analysis, &site, -1, "NULL", NULLABILITY_NULL, origin);
        }
    }
    for (int m = 0; summary && m < summary->member_use_count; m++) {
        const struct member_use *member = &summary->member_uses[m];
        if (member->parameter >= call->argument_count)
            continue;
        int path = caller_member(function, argument_place(call, member->parameter), member);
        if (path < 0)
            continue;
        struct use_site site = {&statement->location, SINK_ARGUMENT, call->callee,
                                member->parameter, &member->use, 0, 0};
        use_path(analysis, state, path, &site);
    }
    for (int g = 0; summary && g < summary->dereferenced_global_count; g++) {
        int path = function_global_path(function, summary->dereferenced_globals[g]);
        if (path < 0)
            continue;
        struct use_site site = {&statement->location, SINK_ARGUMENT, call->callee, -1,
                                &summary->global_use[g], 0, 0};
        use_path(analysis, state, path, &site);
    }
}

/* What the callee may change: what its pointer arguments point to, and
 * globals and escaped locals unless it is known not to write them. */
/* Whether a function of the program that `summary` describes writes only
 * some members of what its parameter `index` points to (writes.c). */
static bool writes_some_members(const struct function_summary *summary, int index)
{
    return summary && summary->writes_known && index < ARGUMENT_MASK_BITS &&
           !(summary->writes_through & (UINT32_C(1) << index));
}

/* The callee writes only the members `summary` lists of what its parameter
 * `index` points to, `path` (p->name, or s.name for &s): those and what
 * lies below them are forgotten, for every pointer known to hold the same
 * value; the other members stay as they were. */
static void kill_written_members(const struct ir_function *function, struct flow_state *state,
                                 int path, bool through_pointer,
                                 const struct function_summary *summary, int index)
{
    int root = alias_root(state, path);
    for (int i = 0; i < function->path_count; i++) {
        if (i != path && (!through_pointer || (i != root && state->paths[i].alias != root)))
            continue;
        for (int child = function->paths[i].first_child; child >= 0;
             child = function->paths[child].next_sibling) {
            const struct access_path *member = &function->paths[child];
            bool written = !member->name || (member->step != PATH_ARROW &&
                                             member->step != PATH_FIELD);
            for (int w = 0; !written && w < summary->written_field_count; w++)
                written = summary->written_fields[w].parameter == index &&
                          strcmp(summary->written_fields[w].name, member->name) == 0;
            if (written)
                kill_path(function, state, child);
        }
    }
}

static void forget_call_effects(const struct ir_function *function, const struct ir_call *call,
                                const struct pack_entry *rule,
                                const struct function_summary *summary, struct flow_state *state)
{
    for (int i = 0; i < call->argument_count; i++) {
        /* &p->member: what the callee writes is below p->member */
        struct ir_value argument = argument_place(call, i);
        bool constant = argument_in_mask(call->const_arguments, i);
        if (argument.kind == VALUE_PATH && function->paths[argument.path].is_pointer) {
            if (constant)
                kill_deeper_aliases(function, state, argument.path);
            else if (!rule && writes_some_members(summary, i))
                kill_written_members(function, state, argument.path, true, summary, i);
            else
                kill_below_aliases(function, state, argument.path);
        } else if (argument.kind == VALUE_NONNULL && argument.path >= 0) {
            if (constant) /* &x to a `const T *`: x stays, what it points to may not */
                kill_deeper_aliases(function, state, argument.path);
            else if (!rule && writes_some_members(summary, i) &&
                     !function->paths[argument.path].is_pointer)
                kill_written_members(function, state, argument.path, false, summary, i);
            else
                kill_path(function, state, argument.path); /* &x: the callee may set x */
        }
    }
    /* a library function leaves the program's globals alone, unless it
     * calls the program back (qsort's comparison, an event loop) */
    if ((rule != NULL && !rule->calls_back) || (summary && !summary->writes_globals))
        return;
    /* a function of the program that names what it writes leaves the
     * others, but for those whose address went elsewhere (it may write
     * through a pointer) */
    bool listed = !rule && summary && summary->globals_written_known;
    for (int i = 0; i < function->path_count; i++) {
        const struct access_path *path = &function->paths[i];
        if (path->parent >= 0 || (path->root_kind != VARIABLE_GLOBAL && !path->address_escapes))
            continue;
        if (listed && !path->address_escapes && path->global_key &&
            !summary_writes_global(summary, path->global_key))
            continue;
        kill_path(function, state, i);
    }
}

/* json_string_value(v), or a function of the unit that returns NULL only
 * when v is: the result is as NULL as v (with v's origin). */
static void propagate_argument(struct function_analysis *analysis, int block, int index,
                               uint32_t propagated, struct flow_state *state)
{
    const struct ir_statement *statement = &function_of(analysis)->blocks[block].statements[index];
    const struct ir_call *call = &statement->call;
    struct path_state *result = &state->paths[call->target];
    for (int i = 0; i < call->argument_count; i++) {
        struct ir_value argument = call->arguments[i];
        if (!argument_in_mask(propagated, i))
            continue;
        if (argument.kind == VALUE_NULL ||
            (argument.kind == VALUE_INTEGER && argument.integer == 0)) {
            /* skip_blanks(NULL): NULL in, NULL out (one origin per
             * statement, so that joins compare equal pointers) */
            const struct null_origin **slot = &analysis->statement_origins[block][index];
            if (!*slot)
                *slot = new_origin(analysis, ORIGIN_NULL_CONSTANT, statement->location,
                                   call->callee, HOW_RETURNED_ARGUMENT, call->target);
            result->nullability = NULLABILITY_NULL;
            result->origin = *slot;
            return;
        }
        if (argument.kind != VALUE_PATH || argument.path == call->target)
            continue;
        const struct path_state *source = &state->paths[argument.path];
        if (source->nullability == NULLABILITY_NULL || source->nullability == NULLABILITY_MAYBE ||
            source->nullability == NULLABILITY_NONNULL) {
            result->nullability = source->nullability;
            result->origin = source->origin;
        }
        return;
    }
}

/* hashtable_find(tbl, key, data_when_new), which returns NULL only when
 * data_when_new is NULL but may find the key even then: set when every
 * such argument is, maybe NULL when one may be NULL. False (nothing set)
 * when nothing is known of them. */
static bool null_only_for_null(const struct ir_function *function, const struct ir_call *call,
                               uint32_t parameters, const struct flow_state *state,
                               enum nullability *result)
{
    bool all_set = true;
    for (int i = 0; i < call->argument_count && i < ARGUMENT_MASK_BITS; i++) {
        if (!argument_in_mask(parameters, i))
            continue;
        struct ir_value argument = call->arguments[i];
        enum nullability value = NULLABILITY_UNKNOWN;
        if (argument.kind == VALUE_NULL || (argument.kind == VALUE_INTEGER && argument.integer == 0))
            value = NULLABILITY_NULL;
        else if (argument.kind == VALUE_NONNULL || argument.kind == VALUE_INTEGER)
            value = NULLABILITY_NONNULL; /* "", &node, (void *)-1 */
        else if (argument.kind == VALUE_PATH && argument.path != call->target &&
                 function->paths[argument.path].is_pointer)
            value = state->paths[argument.path].nullability;
        if (value == NULLABILITY_NULL || value == NULLABILITY_MAYBE) {
            *result = NULLABILITY_MAYBE;
            return true;
        }
        all_set = all_set && value == NULLABILITY_NONNULL;
    }
    if (all_set)
        *result = NULLABILITY_NONNULL;
    return all_set;
}

/* The state of the pointer that a `returns-target` argument (&s) points
 * to, before the call; false when the argument is no such address. */
static bool returned_target(const struct ir_call *call, uint32_t targets,
                            const struct flow_state *state, struct path_state *before)
{
    for (int i = 0; i < call->argument_count && i < ARGUMENT_MASK_BITS; i++) {
        struct ir_value argument = call->arguments[i];
        if (!argument_in_mask(targets, i) || argument.kind != VALUE_NONNULL || argument.path < 0)
            continue;
        *before = state->paths[argument.path];
        return true;
    }
    return false;
}

/* items = list_items(&count) where every NULL return leaves the count 0:
 * the count, found non-zero, says that the result is set
 * (`for (i = 0; i < count; i++) items[i]`). */
static void count_witness(const struct ir_function *function, const struct ir_call *call,
                          uint32_t counts, struct flow_state *state)
{
    for (int i = 0; i < call->argument_count && i < ARGUMENT_MASK_BITS; i++) {
        struct ir_value argument = call->arguments[i];
        if (!argument_in_mask(counts, i) || argument.kind != VALUE_NONNULL || argument.path < 0 ||
            function->paths[argument.path].is_pointer || argument.path == call->target)
            continue;
        struct path_state *count = &state->paths[argument.path];
        count->witness = call->target;
        count->witness_nonnull = true;
        count->witness_one_way = true;
        state->paths[call->target].referenced = true;
        return;
    }
}

/* The call's result: a pure lookup's earlier answer, a NULL source, a
 * non-NULL result, or what an argument passes through. */
/* is_string(p): true only when p is not NULL; validate(p): 0 only then;
 * ignore_client(c): non-zero whenever c->session is NULL. The result
 * witnesses the first such pointer the caller names. */
static void predicate_witness(const struct ir_function *function, const struct ir_call *call,
                              const struct function_summary *summary, struct flow_state *state)
{
    struct path_state *result = &state->paths[call->target];
    int witness = -1;
    bool nonnull = false;
    for (int i = 0; i < call->argument_count && i < ARGUMENT_MASK_BITS && witness < 0; i++) {
        struct ir_value argument = call->arguments[i];
        uint32_t bit = UINT32_C(1) << i;
        bool predicate = (summary->false_for_null_parameters & bit) != 0;
        if ((!predicate && !(summary->true_for_null_parameters & bit)) ||
            argument.kind != VALUE_PATH || argument.path == call->target ||
            !function->paths[argument.path].is_pointer)
            continue;
        witness = argument.path;
        nonnull = predicate;
    }
    for (int m = 0; m < summary->member_predicate_count && witness < 0; m++) {
        const struct member_predicate *tested = &summary->member_predicates[m];
        if (tested->parameter >= call->argument_count)
            continue;
        struct member_use member = {tested->parameter, PATH_ARROW, tested->name, {0}};
        int path = caller_member(function, call->arguments[tested->parameter], &member);
        if (path < 0 || path == call->target || !function->paths[path].is_pointer)
            continue;
        witness = path;
        nonnull = tested->zero_for_null;
    }
    if (witness < 0)
        return;
    result->witness = witness;
    state->paths[witness].referenced = true;
    result->witness_nonnull = nonnull;
    result->witness_one_way = true;
}

static void set_call_result(struct function_analysis *analysis, int block, int index,
                            const struct pack_entry *rule, const struct function_summary *summary,
                            int signature, struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    const struct ir_call *call = &function->blocks[block].statements[index].call;
    kill_path(function, state, call->target);
    /* if (strchr(s, '=')) *strchr(s, '=') = 0: what the first call gave,
     * found before the write of the target forgets the lookups that read
     * it (`if (ext(name)) name = ext(name);`) */
    int first_call = -1;
    bool caching = summary && !summary->repeatable && summary->caches_result;
    for (int i = 0; signature >= 0 && i < function->path_count && first_call < 0; i++) {
        if (i == call->target || state->paths[i].repeats != signature)
            continue;
        if (caching && state->paths[i].nullability != NULLABILITY_NONNULL)
            break; /* the cache was not set: this call fills it anew */
        first_call = i;
    }
    forget_lookups(analysis, state, call->target);
    int repeats = lookup_after_write(analysis, signature, call->target);
    struct path_state *result = &state->paths[call->target];
    if (first_call >= 0) {
        struct path_state value = state->paths[first_call];
        copy_value(function, state, call->target, first_call, &value);
        result->repeats = repeats;
        return;
    }
    result->repeats = repeats;
    /* if (strchr(p, '/')) p = strrchr(p, '/') + 1: another pointer, as NULL
     * as the first; with nothing known yet, each the other's twin */
    int twin = -1;
    for (int i = 0; signature >= 0 && rule && i < function->path_count && twin < 0; i++) {
        int other = state->paths[i].repeats;
        if (i == call->target || other < 0 || other == signature ||
            !finds_together(analysis->shared, &analysis->lookup_calls[other]->call, call))
            continue;
        enum nullability earlier = state->paths[i].nullability;
        if (earlier == NULLABILITY_NONNULL || earlier == NULLABILITY_NULL) {
            result->nullability = earlier;
            result->origin = state->paths[i].origin;
            return;
        }
        if (!function->paths[i].weak && !function->paths[call->target].weak)
            twin = i;
    }
    uint32_t propagated = rule ? rule->propagated_arguments
                          : summary ? summary->propagated_parameters
                                    : 0;
    /* A declared returns_nonnull outweighs the body's summary: it is the
     * callee's promise, and a body that breaks it is reported at its return,
     * not at every call. */
    if (rule && (rule->never_null ||
                 argument_among(call, rule->found_if_argument, rule->found_if_values,
                                rule->found_if_count) ||
                 first_element_searched(function, call, rule, state) ||
                 (rule->found_if_clock &&
                  clock_time_argument(analysis->shared, function, block, call,
                                      rule->found_if_clock)))) {
        result->nullability = NULLABILITY_NONNULL;
    } else if (!rule && summary && summary->returns_null &&
               summary->return_kind == ORIGIN_LOOKUP && !summary->return_failing &&
               call->literal_arguments) {
        /* A search of the program's own given a key the program spells, a
         * string literal (procps's do_one_spec("label", NULL)): it looks up
         * a name it wrote itself in tables it fills itself, and its author
         * knows the entry is there; a key from input is a variable. A
         * search that passes on a library lookup's miss (getenv("HOME")
         * inside) may miss whatever the key. */
    } else if ((rule && rule->returns != SOURCE_NONE) || (call->facts & CALL_RETURNS_NULLABLE) ||
               (summary && summary->returns_null && !(call->facts & CALL_RETURNS_NONNULL)) ||
               evidence_nullable(analysis, call, rule, summary)) {
        result->nullability = NULLABILITY_MAYBE;
        result->origin = statement_origin(analysis, block, index, rule, summary);
        if (summary && summary->null_count_parameters)
            count_witness(function, call, summary->null_count_parameters, state);
    } else if ((call->facts & CALL_RETURNS_NONNULL) || (summary && summary->returns_nonnull)) {
        result->nullability = NULLABILITY_NONNULL;
    } else if (summary && summary->null_only_for_null_parameters &&
               null_only_for_null(function, call, summary->null_only_for_null_parameters, state,
                                  &result->nullability)) {
        if (result->nullability == NULLABILITY_MAYBE)
            result->origin = statement_origin(analysis, block, index, rule, summary);
    } else if (propagated) {
        propagate_argument(analysis, block, index, propagated, state);
    } else if (summary && !function->paths[call->target].is_pointer) {
        predicate_witness(function, call, summary, state);
    }
    if (twin >= 0) {
        take_twin(function, state, twin);
        state->paths[alias_root(state, twin)].twin = call->target;
        state->paths[call->target].twin = twin;
        state->paths[twin].referenced = true;
    }
}

/* The arguments of a call that may be NULL (are not known set): bit i for
 * argument i. */
static uint32_t maybe_null_arguments(const struct ir_call *call, const struct flow_state *state)
{
    uint32_t maybe_null = 0;
    for (int i = 0; i < call->argument_count && i < ARGUMENT_MASK_BITS; i++) {
        struct ir_value argument = call->arguments[i];
        bool set = argument.kind == VALUE_NONNULL ||
                   (argument.kind == VALUE_PATH &&
                    state->paths[argument.path].nullability == NULLABILITY_NONNULL);
        if (!set)
            maybe_null |= UINT32_C(1) << i;
    }
    return maybe_null;
}

/* What a call of a function of the unit passes it: the arguments that
 * may be NULL (not known set) at any call, for static_parameter_test and,
 * for a function of external linkage, the project's table (callers.c). */
static void record_passed_arguments(struct function_analysis *analysis, const struct ir_call *call,
                                    const struct flow_state *state)
{
    struct unit_analysis *shared = analysis->shared;
    if (!state->reachable)
        return;
    if (call->function_index < 0) {
        /* another unit's function: for the project's table (callers.c) */
        if (call->callee)
            callers_record_external(shared, call->callee, maybe_null_arguments(call, state));
        return;
    }
    if (!shared->passed_maybe_null) {
        size_t functions = (size_t)shared->unit->function_count + 1;
        shared->passed_maybe_null =
            arena_alloc(shared->arena, sizeof *shared->passed_maybe_null * functions);
        memset(shared->passed_maybe_null, 0, sizeof *shared->passed_maybe_null * functions);
    }
    uint32_t maybe_null = maybe_null_arguments(call, state);
    shared->passed_maybe_null[call->function_index] |= maybe_null;
    if (call->function_index == analysis->function_index)
        analysis->self_passed_maybe_null |= maybe_null;
}

/* A call through a pointer to code nothing describes (an event handler)
 * may free, reset or replace what memory holds: a later NULL test of a
 * pointer kept there (`c->udp->buffer = &buf; rev->handler(rev); if
 * (c->udp)`, nginx) checks again after the callback, it is not late.
 * What is known of the pointers stays; only "dereferenced before" goes. */
static void forget_dereferences_in_memory(const struct ir_function *function,
                                          struct flow_state *state)
{
    for (int i = 0; i < function->path_count; i++) {
        const struct access_path *path = &function->paths[i];
        if (path->parent >= 0 || path->root_kind == VARIABLE_GLOBAL)
            state->paths[i].dereferenced = NULL;
    }
}

static void transfer_call(struct function_analysis *analysis, int block, int index,
                          struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    const struct ir_statement *statement = &function->blocks[block].statements[index];
    const struct ir_call *call = &statement->call;
    const struct pack_entry *rule = call_rule(analysis, block, index, call);
    const struct function_summary *summary =
        call->function_index >= 0
            ? summary_for_call(analysis, call->function_index, call, state)
            : imported_summary_for_call(analysis, call, state);
    /* A function of the project that returns NULL but whose result no call
     * site tests (of a static function: no call site of the unit), or, for
     * a search, at most a third of them (mtools's GetFs(), a walk up a
     * stream's layers that 13 of 14 sites use unchecked): the project
     * believes it does not, for the arguments it is given. Trusted only
     * where the call's own arguments select its NULL path (a summary
     * specialised for them). */
    struct function_summary weakened;
    const struct call_evidence *votes = NULL;
    if (summary && summary->returns_null &&
        summary == (call->function_index < 0
                        ? imported_summary(analysis->shared, call)
                        : &analysis->shared->summaries[call->function_index]->summary) &&
        (votes = result_votes(analysis, call)) &&
        (summary->return_kind == ORIGIN_ALLOC ? evidence_says_unchecked(votes)
                                              : evidence_says_mostly_unchecked(votes))) {
        weakened = *summary;
        weakened.returns_null = false;
        summary = &weakened;
    }

    record_passed_arguments(analysis, call, state);
    use_call_arguments(analysis, statement, rule, summary, state);
    if (!call->callee && !rule && !summary)
        forget_dereferences_in_memory(function, state);
    const struct pack_entry *macro = macro_rule(analysis, &statement->location);
    if (rule && rule->checked_arguments)
        refine_checked(function, call, rule->checked_arguments, state);
    if (macro && macro->checked_arguments)
        refine_checked(function, call, UINT32_MAX, state);

    if ((macro && macro->noreturn) || (summary && summary->never_returns) ||
        transfer_call_never_returns(analysis->shared, call, rule, state)) {
        state->reachable = false;
        return;
    }
    /* strsep(&s, d) returns what s held: read it before the call writes s */
    struct path_state target_before;
    bool returns_target = rule && rule->returned_targets && call->target >= 0 &&
                          returned_target(call, rule->returned_targets, state, &target_before);
    forget_call_effects(function, call, rule, summary, state);
    if (summary) {
        apply_nulled(analysis, statement, summary, state);
        apply_set_globals(function, summary, state);
        apply_nonnull_members(function, call, summary, state);
        apply_constant_members(function, call, summary, state);
    }
    if (rule && rule->out_null_arguments)
        leave_out_null(analysis, block, index, rule, state);
    if (rule && rule->out_nonnull_arguments)
        fill_out_nonnull(analysis, block, index, rule, state);

    int signature = lookup_signature(analysis, statement, rule, summary);
    if (signature >= 0 && !rule && summary && !summary->repeatable)
        forget_other_lookups(state, signature); /* a cache that may be filled */
    else if (signature < 0 && rule && !rule->pure && !rule->calls_back)
        forget_written_lookups(analysis, call, state);
    else if (signature < 0 && !(rule && rule->pure) && !(summary && summary->repeatable))
        forget_lookups(analysis, state, -1); /* the callee may change what lookups read */
    if (call->target >= 0)
        set_call_result(analysis, block, index, rule, summary, signature, state);
    if (call->target >= 0)
        index_moved(function, state, call->target, false);
    if (call->target >= 0 && !rule && summary && summary->returns_range &&
        !function->paths[call->target].is_pointer &&
        !integer_narrow(&state->paths[call->target], summary->return_low, summary->return_high))
        state->reachable = false;
    if (returns_target && (target_before.nullability == NULLABILITY_NULL ||
                           target_before.nullability == NULLABILITY_MAYBE ||
                           target_before.nullability == NULLABILITY_NONNULL)) {
        state->paths[call->target].nullability = target_before.nullability;
        state->paths[call->target].origin = target_before.origin;
    }
}

static void detach_alias(const struct ir_function *function, struct flow_state *state, int path);

/* A growable buffer that a capacity test found need not grow: a NULL the
 * code gave it (assigned, tested) is no longer known. A NULL from a source
 * (an unchecked malloc) stays. */
static void transfer_has_room(const struct ir_function *function, struct flow_state *state,
                              int path)
{
    struct path_state *value = &state->paths[path];
    bool own = value->origin && (value->origin->kind == ORIGIN_NULL_CONSTANT ||
                                 value->origin->kind == ORIGIN_NULL_CHECK);
    if ((value->nullability != NULLABILITY_NULL && value->nullability != NULLABILITY_MAYBE) ||
        !own)
        return;
    detach_alias(function, state, path);
    value->nullability = NULLABILITY_UNKNOWN;
    value->origin = NULL;
}

/* One end of an integer range changed by STATEMENT_ADJUST's step; the
 * ends of the type's range (nothing known) stay where they are. */
static long long adjusted_end(long long end, enum arithmetic_op op, long long k)
{
    if (end == LLONG_MIN || end == LLONG_MAX)
        return end;
    switch (op) {
    case ARITHMETIC_ADD:
    case ARITHMETIC_STEP:
        return integer_add(end, k);
    case ARITHMETIC_MULTIPLY:
        if (end > LLONG_MAX / k)
            return LLONG_MAX;
        if (end < LLONG_MIN / k)
            return LLONG_MIN;
        return end * k;
    case ARITHMETIC_DIVIDE:
        return end / k;
    case ARITHMETIC_SHIFT_RIGHT:
        return end >= 0 ? end >> k : -((-(end + 1)) >> k) - 1; /* rounding down */
    case ARITHMETIC_MASK:
    case ARITHMETIC_REMAINDER:
        break; /* not one end at a time: bounded_range */
    }
    return end;
}

/* The range of `value op k` for the operators that bound their result
 * whatever the ends: a mask keeps a value >= 0 within [0, k], a remainder
 * within [0, k - 1] (a negative value's may be down to -(k - 1)); 0 stays 0. */
static void bounded_range(enum arithmetic_op op, long long k, long long *low, long long *high)
{
    long long bound = op == ARITHMETIC_MASK ? k : k - 1;
    if (*low >= 0) {
        *high = *high < bound ? *high : bound;
        *low = 0;
    } else {
        *low = op == ARITHMETIC_MASK ? 0 : -bound;
        *high = bound;
    }
}

/* target = target op k: it leaves its class (it is another value now)
 * with its range moved. An unsigned result that may fall below 0 wraps:
 * nothing is known of it. A step walks: the elements target picked are
 * forgotten, ones not yet seen (as by an assignment of UNKNOWN_STEP);
 * after a copy (j = i + 1) they are any element, as after any assignment. */
static void transfer_adjust(struct function_analysis *analysis, struct flow_state *state,
                            int target, enum arithmetic_op op, long long k)
{
    const struct ir_function *function = function_of(analysis);
    if (function->paths[target].is_pointer)
        return;
    forget_lookups(analysis, state, target);
    detach_alias(function, state, target);
    struct path_state *value = &state->paths[target];
    long long low = adjusted_end(value->low, op, k), high = adjusted_end(value->high, op, k);
    if (op == ARITHMETIC_MASK || op == ARITHMETIC_REMAINDER)
        bounded_range(op, k, &low, &high);
    kill_path(function, state, target);
    if (function->paths[target].is_unsigned && low < 0)
        low = 0, high = LLONG_MAX;
    value->low = low;
    value->high = high;
    index_moved(function, state, target, op == ARITHMETIC_STEP);
}

void transfer_statement(struct function_analysis *analysis, int block, int index,
                        struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    const struct ir_statement *statement = &function->blocks[block].statements[index];
    analysis->at_block = block;
    analysis->at_index = index;
    switch (statement->kind) {
    case STATEMENT_ASSIGN:
        transfer_assign(analysis, block, index, state);
        break;
    case STATEMENT_CALL:
        transfer_call(analysis, block, index, state);
        break;
    case STATEMENT_USE: {
        if (statement->target < 0)
            break;
        struct use_site site = {&statement->location, sink_of_use(statement->use), NULL, -1,
                                NULL, 0, 0};
        use_path(analysis, state, statement->target, &site);
        break;
    }
    case STATEMENT_ASSUME:
        /* a project's own assertion compiled out (value.integer 1) states
         * the code's invariants, not that an allocation it did not test
         * succeeded: `hook = mm_calloc(...); EVUTIL_ASSERT(hook != NULL);`;
         * of what the caller passed, it states a precondition, which this
         * build does not check: a caller that passes NULL crashes the
         * function (FLAC__metadata_object_delete(NULL) under NDEBUG) */
        if (statement->target >= 0 && statement->value.integer == 1)
            assert_requires_entry(state, statement->target, &statement->location);
        if (statement->target >= 0 &&
            !(statement->value.integer == 1 && source_cause(&state->paths[statement->target])))
            refine_nonnull(function, state, statement->target, NULL);
        break;
    case STATEMENT_FORGET:
        if (statement->target >= 0)
            kill_path(function, state, statement->target);
        forget_lookups(analysis, state, -1);
        break;
    case STATEMENT_VARIANT:
        if (statement->target >= 0)
            transfer_variant_read(analysis, statement, state);
        break;
    case STATEMENT_HAS_ROOM:
        if (statement->target >= 0)
            transfer_has_room(function, state, statement->target);
        break;
    case STATEMENT_ADJUST:
        if (statement->target >= 0)
            transfer_adjust(analysis, state, statement->target, statement->arithmetic,
                            statement->value.integer);
        break;
    }
}

/* On an edge where `path` is known non-NULL (or NULL): refine it and its
 * aliases, or mark the edge impossible when that contradicts what is known. */
/* Takes `path` out of its must-alias class, the others staying together. */
static void detach_alias(const struct ir_function *function, struct flow_state *state, int path)
{
    int new_root = -1;
    for (int i = 0; i < function->path_count; i++) {
        if (i == path || state->paths[i].alias != path)
            continue;
        if (new_root < 0) {
            new_root = i;
            state->paths[i].alias = -1;
        } else {
            state->paths[i].alias = new_root;
            state->paths[new_root].referenced = true;
        }
    }
    state->paths[path].alias = -1;
}

/* A loop that walks a local cursor to NULL (`for (p = list; p; p = p->next)`)
 * tests where the walk ends, not whether the list it started from may be
 * NULL: on the exit edge only the cursor is NULL. Otherwise the first
 * iteration would make `list` NULL after the loop, and `free_list(list)`
 * a finding, where the author knows the list is not empty. */
static bool cursor_exit(const struct function_analysis *analysis, int block, int path)
{
    const struct ir_function *function = function_of(analysis);
    const struct access_path *tested = &function->paths[path];
    return analysis->loop_test && analysis->loop_test[block] && tested->parent < 0 &&
           tested->root_kind == VARIABLE_LOCAL;
}

/* assert(p != NULL || other): the edge of the test on which p is NULL goes
 * on to the alternative, another test of the same expansion. The assertion
 * states what the author expects (p is set unless `other`), which is no sign
 * that p may be NULL, so that edge learns nothing. An assertion that passes
 * with p NULL (assert(!p), assert(!p || other)) leaves the expansion on that
 * edge and makes p NULL as an if would. */
static bool assertion_alternative(const struct ir_function *function, int block, int null_edge)
{
    const struct ir_condition *test = &function->blocks[block].condition;
    /* an assertion macro: assert, g_assert, DEBUG_ASSERT, ASSERT_TRUE */
    if (!test->location.macro || !text_contains_folded(test->location.macro, "assert"))
        return false;
    const struct cfg_block *next = &function->blocks[function->blocks[block].successors[null_edge]];
    const struct source_location *at = &next->condition.location;
    return next->terminator == TERMINATOR_BRANCH && at->macro &&
           strcmp(at->macro, test->location.macro) == 0 && at->line == test->location.line &&
           at->file && test->location.file && strcmp(at->file, test->location.file) == 0;
}

static bool assigned_null(struct function_analysis *analysis, int path);

/* A local the function sets to NULL somewhere and that now holds a copy of
 * a pointer nothing is known of (unzip's fnfilter: `se = NULL; ... se =
 * s; ... if (se != NULL && ...)`) is a marker: its test asks which of its
 * states it is in, not whether the pointer it copied is NULL. */
static bool marker_copy(struct function_analysis *analysis, int path,
                        const struct path_state *value)
{
    const struct access_path *marker = &function_of(analysis)->paths[path];
    return marker->parent < 0 && marker->root_kind == VARIABLE_LOCAL &&
           value->nullability == NULLABILITY_UNKNOWN && assigned_null(analysis, path);
}

static void learn_nullness(struct function_analysis *analysis, int block, int path, bool nonnull,
                           struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    struct path_state *value = &state->paths[path];
    if (nonnull) {
        if (value->nullability == NULLABILITY_NULL)
            state->reachable = false;
        else
            refine_nonnull(function, state, path, NULL);
    } else if (!function->paths[path].weak) {
        const struct pack_entry *macro =
            macro_rule(analysis, &function->blocks[block].condition.location);
        if (value->nullability == NULLABILITY_NONNULL) {
            state->reachable = false;
        } else if (macro && macro->checked_arguments) {
            state->reachable = false; /* CHECK_NOT_NULL(p) does not go on with p NULL */
        } else {
            /* a cursor that walked to NULL says nothing of the list it
             * started from, except on the one path a witness search follows:
             * there, still equal to it, it found the list empty */
            if ((cursor_exit(analysis, block, path) && !analysis->witnessing) || value->derived ||
                marker_copy(analysis, path, value))
                detach_alias(function, state, path);
            refine_null(function, state, path,
                        condition_origin(analysis, block, path, source_cause(value)));
        }
    }
}

/* (a == NULL) == (b == NULL) on the edge `same` (else the opposite): what
 * is known of one says what the other is; with nothing known, each
 * becomes the other's twin (`if (!a != !b) return; if (a) strcmp(a, b)`). */
static void learn_same_nullness(struct function_analysis *analysis, int block,
                                const struct ir_condition *condition, bool same,
                                struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    int a = condition->path, b = condition->other;
    if (b < 0)
        return;
    for (int pass = 0; pass < 2; pass++, a = condition->other, b = condition->path) {
        enum nullability known = state->paths[a].nullability;
        if (known != NULLABILITY_NONNULL && known != NULLABILITY_NULL)
            continue;
        bool b_nonnull = (known == NULLABILITY_NONNULL) == same;
        learn_nullness(analysis, block, b, b_nonnull, state);
        return;
    }
    if (same && !function->paths[a].weak && !function->paths[b].weak) {
        take_twin(function, state, a);
        take_twin(function, state, b);
        state->paths[alias_root(state, a)].twin = b;
        state->paths[alias_root(state, b)].twin = a;
        state->paths[a].referenced = true;
        state->paths[b].referenced = true;
    }
}

/* path == constant on the edge `holds`; false when the edge cannot be taken. */
static bool learn_equals(const struct ir_function *function, const struct ir_condition *condition,
                         bool holds, struct path_state *value)
{
    long long constant = condition->integer;
    if (holds) {
        if (!integer_may_be(value, constant))
            return false;
        integer_set(value, constant);
        return true;
    }
    long long known;
    if (integer_known(value, &known))
        return known != constant;
    const struct access_path *tested = &function->paths[condition->path];
    if (tested->two_values && (constant == tested->values[0] || constant == tested->values[1])) {
        integer_set(value, constant == tested->values[0] ? tested->values[1] : tested->values[0]);
    } else if (tested->is_boolean && constant != 0) {
        integer_set(value, 0); /* a flag that is not 1 is 0 */
    } else {
        integer_exclude(value, constant);
    }
    return true;
}

/* The interval of `other + offset` (other -1: the constant `offset`). */
static void operand_bounds(const struct flow_state *state, int other, long long offset,
                           long long *low, long long *high)
{
    if (other < 0) {
        *low = *high = offset;
        return;
    }
    *low = integer_add(state->paths[other].low, offset);
    *high = integer_add(state->paths[other].high, offset);
}

/* Whether `path` is, or lies below, an element picked by an index the
 * front end could not name (p[?], *(p + n)): it stands for every element,
 * so an integer learnt of one is not known of the next one read. */
static bool any_element(const struct ir_function *function, int path)
{
    for (int at = path; at >= 0; at = function->paths[at].parent) {
        const struct access_path *step = &function->paths[at];
        if (step->step == PATH_INDEX && step->name && strcmp(step->name, "?") == 0)
            return true;
    }
    return false;
}

/* a < b + k, or a == b + k, on the edge `holds`: narrows both sides'
 * intervals; false when the edge cannot be taken. */
static bool learn_comparison(const struct ir_condition *condition, bool holds,
                             struct flow_state *state)
{
    struct path_state *left = &state->paths[condition->path];
    struct path_state *right = condition->other >= 0 ? &state->paths[condition->other] : NULL;
    long long k = condition->integer, low, high;
    if (condition->is_unsigned &&
        (left->low < 0 || (right && right->low < 0) || (!right && k < 0)))
        return true; /* a value above LLONG_MAX: not modelled */
    operand_bounds(state, condition->other, k, &low, &high);
    if (condition->kind == CONDITION_EQUALS_PATH) {
        long long known;
        if (holds) {
            if (!integer_narrow(left, low, high))
                return false;
            return !right || integer_narrow(right, integer_add(left->low, -k),
                                            integer_add(left->high, -k));
        }
        if (low == high && high != LLONG_MAX && high != LLONG_MIN) {
            if (integer_known(left, &known) && known == low)
                return false;
            integer_exclude(left, low);
        } else if (right && integer_known(left, &known) && known != LLONG_MIN &&
                   known != LLONG_MAX) {
            integer_exclude(right, known - k);
        }
        return true;
    }
    if (holds) { /* left < right + k */
        if (left->low != LLONG_MIN && high != LLONG_MAX && left->low >= high)
            return false;
        if (high != LLONG_MAX && !integer_narrow(left, LLONG_MIN, high - 1))
            return false;
        if (right && left->low != LLONG_MIN &&
            !integer_narrow(right, integer_add(left->low, 1 - k), LLONG_MAX))
            return false;
        return true;
    }
    /* left >= right + k */
    if (left->high != LLONG_MAX && low != LLONG_MIN && left->high < low)
        return false;
    if (low != LLONG_MIN && !integer_narrow(left, low, LLONG_MAX))
        return false;
    if (right && left->high != LLONG_MAX &&
        !integer_narrow(right, LLONG_MIN, integer_add(left->high, -k)))
        return false;
    return true;
}

/* Whether the function assigns `path` anything but NULL somewhere (a call's
 * result counts). */
static bool assigned_other(struct function_analysis *analysis, int path)
{
    const struct ir_function *function = function_of(analysis);
    if (!analysis->assigned_other) {
        size_t paths = (size_t)(function->path_count ? function->path_count : 1);
        analysis->assigned_other = arena_alloc(&analysis->scratch, paths);
        memset(analysis->assigned_other, 0, paths);
        for (int b = 0; b < function->block_count; b++)
            for (int i = 0; i < function->blocks[b].statement_count; i++) {
                const struct ir_statement *statement = &function->blocks[b].statements[i];
                if (statement->kind == STATEMENT_CALL && statement->call.target >= 0)
                    analysis->assigned_other[statement->call.target] = 1;
                if (statement->kind == STATEMENT_ASSIGN && statement->target >= 0 &&
                    statement->value.kind != VALUE_NULL &&
                    !(statement->value.kind == VALUE_INTEGER && statement->value.integer == 0))
                    analysis->assigned_other[statement->target] = 1;
            }
    }
    return analysis->assigned_other[path] != 0;
}

/* Whether `path` is a pointer parameter the calling context passes NULL
 * (context_pointer): compared with it, the other pointer is tested against
 * the caller's NULL, not against an identity: rsync's `sanitize_path(NULL,
 * p, ...)` whose `if (dest != p)` leaves `dest == p` only for a NULL p. */
static bool context_null(const struct function_analysis *analysis, int path)
{
    const struct ir_function *function = function_of(analysis);
    for (int c = 0; c < analysis->context_count; c++) {
        const struct context_value *value = &analysis->context[c];
        if (!value->root.key && !value->root.member && value->low == 0 && value->high == 0 &&
            value->root.parameter >= 0 && value->root.parameter < function->parameter_count &&
            function->parameter_paths[value->root.parameter] == path)
            return true;
    }
    return false;
}

/* a == b of two pointers, on the edge `holds`: where one side is known
 * NULL it is a NULL test of the other; where one is known non-NULL and
 * they are equal, so is the other. */
static void learn_pointer_equality(struct function_analysis *analysis, int block,
                                   const struct ir_condition *condition, bool holds,
                                   struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    int sides[2] = {condition->path, condition->other};
    /* two copies of one value are equal: `p = *list; ... if (p == *list)`
     * is no test the first time round (an address computed from the
     * value, q = p + n, is another value) */
    if (sides[1] >= 0 && !holds && alias_root(state, sides[0]) == alias_root(state, sides[1]) &&
        !state->paths[sides[0]].derived && !state->paths[sides[1]].derived &&
        !function->paths[sides[0]].weak && !function->paths[sides[1]].weak) {
        state->reachable = false;
        return;
    }
    if (sides[1] >= 0) {
        /* two NULLs are equal; NULL is no set pointer */
        enum nullability left = state->paths[sides[0]].nullability;
        enum nullability right = state->paths[sides[1]].nullability;
        bool both_null = left == NULLABILITY_NULL && right == NULLABILITY_NULL;
        bool one_null = (left == NULLABILITY_NULL && right == NULLABILITY_NONNULL) ||
                        (left == NULLABILITY_NONNULL && right == NULLABILITY_NULL);
        if ((both_null && !holds) || (one_null && holds)) {
            state->reachable = false;
            return;
        }
        /* NULL equal to a pointer nothing says may be NULL, a member or a
         * local: nginx's `prev = NULL; ... if (prev == buf->last) iov->len
         * += n; else iov = next_iov(); prev = buf->end;` coalesces only from
         * the second round. A parameter or a global compared with a NULL is
         * an identity test (below). */
        for (int s = 0; s < 2 && holds; s++) {
            const struct access_path *other = &function->paths[sides[1 - s]];
            if (state->paths[sides[s]].nullability == NULLABILITY_NULL &&
                state->paths[sides[1 - s]].nullability == NULLABILITY_UNKNOWN &&
                (other->parent >= 0 || other->root_kind == VARIABLE_LOCAL ||
                 other->root_kind == VARIABLE_TEMPORARY)) {
                state->reachable = false;
                return;
            }
        }
    }
    for (int s = 0; s < 2 && state->reachable; s++) {
        enum nullability known = state->paths[sides[1 - s]].nullability;
        /* a local that only ever holds NULL stands for NULL (ASSERT_NOT_NULL's
         * `b`); a parameter or global that a test found NULL is compared as
         * an identity (`if (line == begin)` where callers may pass no
         * begin); a local that holds NULL until the code stores another value in
         * it (`if (ictx->state != last) ...; last = ictx->state;`, a loop's
         * memory of the previous value) and a member that is NULL on some
         * path are compared as identities (`dict == buffer`: does the
         * dictionary live in the buffer?) */
        const struct access_path *other = &function->paths[sides[1 - s]];
        if (known == NULLABILITY_NULL &&
            ((other->parent < 0 && other->root_kind != VARIABLE_PARAMETER &&
              other->root_kind != VARIABLE_GLOBAL && !assigned_other(analysis, sides[1 - s])) ||
             context_null(analysis, sides[1 - s])))
            learn_nullness(analysis, block, sides[s], !holds, state);
        else if (known == NULLABILITY_NULL && !holds)
            /* whatever the NULL is, what differs from it is set */
            learn_nullness(analysis, block, sides[s], true, state);
        else if (known == NULLABILITY_NONNULL && holds)
            learn_nullness(analysis, block, sides[s], true, state);
    }
}

/* What a test learnt of an integer holds for every copy of it
 * (r->type = type; if (type == A) return; ... r->type is not A), and a
 * two-valued enum that is not one value is the other. */
static void share_integer(const struct ir_function *function, struct flow_state *state, int path)
{
    const struct path_state *learnt = &state->paths[path];
    int root = alias_root(state, path);
    if (alone(state, path))
        return; /* no copy to tell */
    for (int i = 0; i < function->path_count; i++) {
        struct path_state *copy = &state->paths[i];
        if (i == path || (i != root && copy->alias != root))
            continue;
        copy->low = learnt->low;
        copy->high = learnt->high;
        copy->excluded_count = learnt->excluded_count;
        memcpy(copy->excluded, learnt->excluded, sizeof copy->excluded);
        const struct access_path *tag = &function->paths[i];
        if (!tag->two_values)
            continue;
        for (int v = 0; v < 2; v++)
            if (!integer_may_be(copy, tag->values[v]) && integer_may_be(copy, tag->values[1 - v]))
                integer_set(copy, tag->values[1 - v]);
    }
}

/* A flag test, `flags & MASK` or `~flags & MASK`: false when a known
 * value contradicts the edge; a set bit says the value is not 0. */
static bool learn_bits(const struct ir_condition *condition, bool holds,
                       struct path_state *value)
{
    unsigned long long mask = (unsigned long long)condition->integer;
    long long known;
    if (integer_known(value, &known)) {
        unsigned long long bits = (unsigned long long)known;
        bool set = ((condition->complement ? ~bits : bits) & mask) != 0;
        return set == holds;
    }
    /* some bit of the mask set, or (~x & mask) == 0 with every bit set */
    if (mask != 0 && holds != condition->complement)
        integer_exclude(value, 0);
    return true;
}

/* An integer that, non-zero, says a pointer is set (count_witness, a
 * predicate's result): once a comparison rules 0 out, the pointer is set. */
static void count_says_set(struct function_analysis *analysis, int block, int path,
                           struct flow_state *state)
{
    const struct path_state *value = &state->paths[path];
    if (state->reachable && value->witness >= 0 && value->witness_one_way &&
        value->witness_nonnull && !integer_may_be(value, 0))
        learn_nullness(analysis, block, value->witness, true, state);
}

void transfer_edge(struct function_analysis *analysis, int block, int successor,
                   struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    const struct cfg_block *from = &function->blocks[block];
    if (from->terminator != TERMINATOR_BRANCH || !state->reachable)
        return;
    const struct ir_condition *condition = &from->condition;
    bool holds = successor == 0;
    if (condition->kind == CONDITION_UNKNOWN || condition->path < 0)
        return;
    if (condition->kind != CONDITION_NONNULL &&
        (any_element(function, condition->path) ||
         ((condition->kind == CONDITION_LESS || condition->kind == CONDITION_EQUALS_PATH) &&
          condition->other >= 0 && any_element(function, condition->other))))
        return; /* `*(p + 1) == 0` says nothing of the next p[?] compared */
    struct path_state *value = &state->paths[condition->path];
    switch (condition->kind) {
    case CONDITION_NONNULL:
        if (holds || !assertion_alternative(function, block, successor))
            learn_nullness(analysis, block, condition->path, holds, state);
        break;
    case CONDITION_INTEGER_EQUALS:
        if (!learn_equals(function, condition, holds, value)) {
            state->reachable = false;
        } else if (condition->integer == 0 && value->witness >= 0 && value->witness_one_way &&
                   !holds == value->witness_nonnull) {
            /* validate(p) == 0, is_string(p) != 0: p is not NULL */
            learn_nullness(analysis, block, value->witness, true, state);
        } else {
            count_says_set(analysis, block, condition->path, state); /* dlen == 1 */
        }
        break;
    case CONDITION_NONZERO:
        if (!integer_may_be(value, 0) ? !holds : (value->low == 0 && value->high == 0 && holds)) {
            state->reachable = false;
        } else {
            if (holds)
                integer_exclude(value, 0);
            if (value->witness >= 0 &&
                (!value->witness_one_way || holds == value->witness_nonnull))
                learn_nullness(analysis, block, value->witness, holds == value->witness_nonnull,
                               state);
            if (!holds && state->reachable)
                integer_set(value, 0);
        }
        break;
    case CONDITION_SAME_NULLNESS:
        learn_same_nullness(analysis, block, condition, holds, state);
        break;
    case CONDITION_BITS:
        if (!learn_bits(condition, holds, value))
            state->reachable = false;
        break;
    case CONDITION_LESS:
    case CONDITION_EQUALS_PATH:
        if (condition->kind == CONDITION_EQUALS_PATH && function->paths[condition->path].is_pointer)
            learn_pointer_equality(analysis, block, condition, holds, state);
        else if (!learn_comparison(condition, holds, state))
            state->reachable = false;
        else {
            /* i < count: a count whose non-zero value says a pointer is set */
            count_says_set(analysis, block, condition->path, state);
            if (condition->other >= 0)
                count_says_set(analysis, block, condition->other, state);
        }
        break;
    case CONDITION_UNKNOWN:
        break;
    }
    if (state->reachable && condition->kind != CONDITION_NONNULL &&
        !function->paths[condition->path].is_pointer) {
        share_integer(function, state, condition->path);
        if (condition->other >= 0 &&
            (condition->kind == CONDITION_LESS || condition->kind == CONDITION_EQUALS_PATH))
            share_integer(function, state, condition->other);
    }
}

/* Whether a test of `path` is of data the analysis could have related to
 * a pointer: a local or a parameter (or what they reach). A call's result
 * (a temporary) or a global is an outside event: a NULL is not made
 * conditional by a test of it. */
static bool correlatable(const struct ir_function *function, int path)
{
    if (path < 0)
        return false;
    enum variable_kind kind = function->paths[ir_path_root(function, path)].root_kind;
    return kind == VARIABLE_LOCAL || kind == VARIABLE_PARAMETER;
}

void transfer_guard(struct function_analysis *analysis, int block, struct flow_state *state,
                    int end)
{
    const struct ir_function *function = function_of(analysis);
    const struct ir_condition *condition = &function->blocks[block].condition;
    /* Integer tests only (a count, a length, a mode, a flag): a test of
     * another pointer, such as a list walk's `node != NULL`, says nothing
     * that usually rules this one's NULL out. */
    if (end < 0 || !state->reachable || condition->kind == CONDITION_UNKNOWN ||
        condition->kind == CONDITION_NONNULL || function->paths[condition->path].is_pointer ||
        !correlatable(function, condition->path))
        return;
    for (int i = 0; i < function->path_count; i++) {
        struct path_state *value = &state->paths[i];
        if ((value->nullability != NULLABILITY_NULL && value->nullability != NULLABILITY_MAYBE) ||
            !value->origin || value->guard_end >= 0)
            continue;
        enum origin_kind kind = value->origin->kind;
        if (kind == ORIGIN_NULL_CONSTANT || (kind == ORIGIN_NULL_CHECK && !value->origin->cause))
            value->guard_end = end;
    }
}

/* Whether the function assigns NULL to `path` anywhere. */
static bool assigned_null(struct function_analysis *analysis, int path)
{
    const struct ir_function *function = function_of(analysis);
    if (!analysis->assigned_null) {
        analysis->assigned_null =
            arena_alloc(&analysis->scratch, (size_t)(function->path_count ? function->path_count
                                                                           : 1));
        memset(analysis->assigned_null, 0, (size_t)function->path_count);
        for (int b = 0; b < function->block_count; b++)
            for (int i = 0; i < function->blocks[b].statement_count; i++) {
                const struct ir_statement *statement = &function->blocks[b].statements[i];
                if (statement->kind == STATEMENT_ASSIGN && statement->target >= 0 &&
                    (statement->value.kind == VALUE_NULL ||
                     (statement->value.kind == VALUE_INTEGER && statement->value.integer == 0)))
                    analysis->assigned_null[statement->target] = 1;
            }
    }
    return analysis->assigned_null[path] != 0;
}

const struct source_location *transfer_late_check(struct function_analysis *analysis,
                                                  int block, const struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    const struct cfg_block *from = &function->blocks[block];
    if (function->poisoned || !state->reachable)
        return NULL;
    if (from->terminator != TERMINATOR_BRANCH || from->condition.kind != CONDITION_NONNULL)
        return NULL;
    const struct ir_condition *condition = &from->condition;
    /* A test that a macro wrote (a generic FREE(p), CHECK(p)) is not the
     * author's second thought about this pointer: stay quiet. */
    if (condition->location.macro || condition->path < 0)
        return NULL;
    /* argv[?] stands for every element: the one dereferenced (argv[i][0])
     * need not be the one tested (argv[n] == NULL, n = i + 1). */
    if (function->paths[condition->path].weak)
        return NULL;
    const struct path_state *value = &state->paths[condition->path];
    /* A cursor computed from the pointer (next = path + n; while (next))
     * tests where a walk ends, not whether the pointer was valid. A
     * pointer the function itself sets to NULL (`previous = NULL;` before a
     * loop) is tested for which of its states it is in, whatever the paths
     * that reach this test say. */
    if (value->nullability != NULLABILITY_NONNULL || value->derived || !value->dereferenced ||
        assigned_null(analysis, condition->path))
        return NULL;
    /* What the caller of a static function passed (a parameter, a member
     * of one, or a copy) and the function dereferences states its
     * contract: its callers, all in the file or handed the function as a
     * callback, pass a pointer that is set. A test after that is redundant
     * (tmux's mode callbacks test `args` out of habit after using it); a
     * caller that passes NULL is reported at its call, where the NULL
     * reaches the dereference. A function the file exports is an
     * interface: its test says that callers may pass NULL. */
    if (function->is_static && value->entry_of >= 0 &&
        function->paths[ir_path_root(function, value->entry_of)].root_kind ==
            VARIABLE_PARAMETER)
        return NULL;
    /* An exported function's parameter that every call of the program
     * passes set (callers.c): the same contract, seen from its callers. */
    if (callers_pass_entry_set(analysis->shared, function, value->entry_of))
        return NULL;
    /* Where the code goes on to dereference it when the test says NULL,
     * the test is redundant, not late: nothing expects the NULL. */
    if (!analysis->redundant_test)
        analysis->redundant_test = arena_alloc(&analysis->scratch, (size_t)function->block_count);
    if (analysis->redundant_test[block] == 0)
        analysis->redundant_test[block] =
            anticipated_dereference(function, &analysis->scratch, from->successors[1],
                                    condition->path)
                ? 1
                : -1;
    if (analysis->redundant_test[block] > 0)
        return NULL;
    return value->dereferenced;
}

void transfer_report_late_check(struct function_analysis *analysis, int block,
                                const struct source_location *dereference)
{
    const struct ir_function *function = function_of(analysis);
    const struct ir_condition *condition = &function->blocks[block].condition;
    struct analysis_event event;
    memset(&event, 0, sizeof event);
    event.kind = EVENT_CHECK_AFTER_DEREF;
    event.function = function->name;
    event.location = condition->location;
    event.path_text = function->paths[condition->path].text;
    event.dereference = *dereference;
    event.argument_index = -1;
    event.function_info = function;
    analysis_add_event(analysis->shared, analysis->events, &event);
}

/* A pointer parameter a calling context fixes: 0 for NULL (`limit` in
 * `do_rfc1035_name(p, name, NULL)`), 1 for set (the interval convention
 * of context_value for pointers). */
static void context_pointer(struct function_analysis *analysis, struct flow_state *state,
                            int path, long long low, long long high)
{
    struct path_state *value = &state->paths[path];
    if (low == 0 && high == 0) {
        value->nullability = NULLABILITY_NULL;
        value->origin = new_origin(analysis, ORIGIN_NULL_CONSTANT, analysis->function->location,
                                   NULL, HOW_ASSIGNED, path);
    } else if (low >= 1) {
        value->nullability = NULLABILITY_NONNULL;
    }
}

void transfer_entry_state(struct function_analysis *analysis, struct flow_state *state)
{
    const struct ir_function *function = function_of(analysis);
    state->reachable = true;
    for (int i = 0; i < function->path_count; i++) {
        const struct access_path *path = &function->paths[i];
        state->paths[i] = path_state_unknown();
        if (path->is_unsigned)
            state->paths[i].low = 0;
        if (path->parent < 0 &&
            (path->root_kind == VARIABLE_PARAMETER || path->root_kind == VARIABLE_GLOBAL))
            state->paths[i].entry_of = i;
        else if (member_path(function, i) &&
                 function->paths[path->parent].root_kind == VARIABLE_PARAMETER &&
                 function->paths[path->parent].parent < 0)
            state->paths[i].entry_of = i; /* *p, p[2], s.f of a parameter */
    }
    for (int c = 0; c < analysis->context_count; c++) {
        const struct context_root *root = &analysis->context[c].root;
        int path = root->key ? function_global_path(function, root->key)
                   : root->parameter >= 0 && root->parameter < function->parameter_count
                       ? function->parameter_paths[root->parameter]
                       : -1;
        if (!root->key && root->member)
            path = ir_child_path(function, path, PATH_ARROW, root->member);
        if (path >= 0 && function->paths[path].is_pointer)
            context_pointer(analysis, state, path, analysis->context[c].low,
                            analysis->context[c].high);
        else if (path >= 0)
            integer_narrow(&state->paths[path], analysis->context[c].low,
                           analysis->context[c].high);
    }
}

/*
 * witness: a path through one function, from its entry to a use, on which
 * the value used is NULL. The fixed point joins the states of paths that
 * meet (within its partitions), so a NULL from one path and a fact from
 * another can meet at a use that no single path brings together:
 * `if ((l == NULL || ...) && (r == NULL || ...)) ...; else if (l == NULL
 * || ...) { if ((o = r)) ...; o->x; }`, where r is set. Before such a use
 * is reported, the paths to it are followed one at a time, with the same
 * transfer functions and no join: a path whose branch conditions
 * contradict what it knows ends there. The first path that reaches the
 * use with the value NULL is the witness, and its branch decisions are
 * the finding's notes; when no path does, the use is not reported. The
 * search is bounded (block visits, loop turns, memory) and takes first the
 * edge likelier to bring the NULL (blocks_for_order); past a bound, without
 * a witness, the use is not reported either: a finding shows a path that
 * can run.
 */
#include <limits.h>
#include <string.h>

#include "engine.h"

/* Block visits per search. Real functions refute or find a witness in a
 * few hundred; the bound keeps a function of many independent branches
 * from costing more than its fixed point. Each visit copies a state of
 * every path of the function, so a function of many paths gets fewer
 * (WITNESS_WORK path states per search), and one function's searches
 * together get WITNESS_FUNCTION_VISITS. */
enum { WITNESS_VISITS = 4000, WITNESS_FUNCTION_VISITS = 40000 };
#define WITNESS_WORK 4000000L

/* Times one path may enter the same block: a loop's body once more after
 * the first turn, which covers a value that the previous turn left NULL. */
enum { WITNESS_TURNS = 2 };

/* At most this many branch decisions are kept for the notes (the last
 * ones: the closest to the use). */
enum { WITNESS_STEPS_MAX = 8 };

/* Memory for saved states, per search. */
#define WITNESS_STATE_BYTES ((size_t)16 << 20)

struct decision {
    int block;
    int edge;
    bool null_before; /* the value is NULL (or maybe) at the end of the block */
    bool null_after;  /* and once the edge is taken */
    bool choice;      /* the other edge could be taken too */
};

/* A branch edge still to be followed. */
struct pending {
    int block, edge;
    bool null_before;
    struct flow_state state; /* on that edge, already refined */
    int trail_length;
    int decision_count;
};

struct search {
    struct function_analysis *analysis;
    struct arena *memory;     /* the search's own, dropped when it ends */
    const struct ir_function *function;
    int target_block, target_index, path;
    char *reaches;            /* per block: the target block can be reached from it */
    char *keeps, *nulls;      /* per block: see blocks_for_order */
    unsigned char *turns;     /* per block: times the current path entered it */
    int *trail;               /* blocks the current path entered, in order */
    int trail_length;
    struct decision *decisions;
    int decision_count;
    struct pending *pending;
    int pending_count, pending_capacity;
    char *decided;            /* per path, forget_turn_counters' scratch (all 0 between) */
    int *decided_list;
    uint64_t *seen;           /* open addressing: (block, state) hashes already followed */
    size_t seen_mask;
    long visits, budget;
    bool found;
    bool cut;                 /* a bound ended some path early */
};

/* Blocks from which `target` can be reached. */
static char *blocks_reaching(const struct ir_function *function, int target, struct arena *arena)
{
    int blocks = function->block_count;
    char *reaches = arena_alloc(arena, (size_t)blocks);
    memset(reaches, 0, (size_t)blocks);
    reaches[target] = 1;
    ir_blocks_reaching(function, reaches, NULL);
    return reaches;
}

/* Whether `value`, stored, is NULL. */
static bool null_value(struct ir_value value)
{
    return value.kind == VALUE_NULL || (value.kind == VALUE_INTEGER && value.integer == 0);
}

/* Whether a block stores into `path` a value that may not be NULL (any but
 * NULL itself: a copy, a call's result), or stores NULL. */
static bool stores_into(const struct cfg_block *block, int path, bool null)
{
    for (int i = 0; i < block->statement_count; i++) {
        const struct ir_statement *statement = &block->statements[i];
        if (statement->kind == STATEMENT_ASSIGN && statement->target == path &&
            null_value(statement->value) == null)
            return true;
        if (!null && statement->kind == STATEMENT_CALL && statement->call.target == path)
            return true;
    }
    return false;
}

/* Per block, for the search's edge order: `keeps`, the target can be
 * reached from it without a store of something else than NULL into
 * `path` (a NULL it holds is still there at the use); `nulls`, the path
 * can go on to a store of NULL into it from which the target is reached. */
static void blocks_for_order(const struct ir_function *function, int target, int path,
                             const char *reaches, struct arena *arena, char **keeps,
                             char **nulls)
{
    int blocks = function->block_count;
    *keeps = arena_alloc(arena, (size_t)blocks);
    *nulls = arena_alloc(arena, (size_t)blocks);
    char *blocked = arena_alloc(arena, (size_t)blocks);
    memset(*keeps, 0, (size_t)blocks);
    (*keeps)[target] = 1;
    for (int b = 0; b < blocks; b++) {
        (*nulls)[b] = reaches[b] && stores_into(&function->blocks[b], path, true);
        blocked[b] = stores_into(&function->blocks[b], path, false);
    }
    for (bool grew = true; grew;) {
        grew = false;
        for (int b = blocks - 1; b >= 0; b--) {
            const struct cfg_block *block = &function->blocks[b];
            for (int e = 0; e < ir_successor_count(block); e++) {
                int next = block->successors[e];
                if (next < 0 || next >= blocks)
                    continue;
                if (!(*keeps)[b] && !blocked[b] && (*keeps)[next])
                    (*keeps)[b] = 1, grew = true;
                if (!(*nulls)[b] && (*nulls)[next])
                    (*nulls)[b] = 1, grew = true;
            }
        }
    }
}

static bool null_or_maybe(const struct path_state *value)
{
    return value->nullability == NULLABILITY_NULL || value->nullability == NULLABILITY_MAYBE;
}

static uint64_t mix(uint64_t hash, uint64_t value)
{
    hash ^= value + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2);
    return hash * 0xff51afd7ed558ccdULL;
}

/* A hash of what the rest of the path can depend on: the facts of the
 * paths still read from `block` on. */
static uint64_t state_hash(const struct search *search, int block, const struct flow_state *state)
{
    const struct function_analysis *analysis = search->analysis;
    uint64_t hash = mix(0x51ed270b27f4e1d3ULL, (uint64_t)block);
    for (int i = 0; i < state->count; i++) {
        if (!liveness_live(analysis->live, analysis->live_words, block, i))
            continue;
        const struct path_state *value = &state->paths[i];
        hash = mix(hash, (uint64_t)i << 8 | (uint64_t)value->nullability);
        hash = mix(hash, (uint64_t)value->low);
        hash = mix(hash, (uint64_t)value->high);
        hash = mix(hash, value->excluded_count ? (uint64_t)value->excluded[0] : 0x5bd1e995ULL);
        for (int e = 1; e < value->excluded_count; e++)
            hash = mix(hash, (uint64_t)value->excluded[e]);
        hash = mix(hash, (uint64_t)(uint32_t)value->alias << 32 | (uint32_t)value->twin);
        hash = mix(hash, (uint64_t)(uint32_t)value->witness << 32 | (uint32_t)value->repeats);
        hash = mix(hash, (uint64_t)value->witness_nonnull << 1 | value->witness_one_way);
    }
    return hash ? hash : 1;
}

/* Whether the path already followed this block with the same state;
 * marks it followed. */
static bool seen_before(struct search *search, int block, const struct flow_state *state)
{
    uint64_t hash = state_hash(search, block, state);
    for (size_t slot = hash & search->seen_mask;; slot = (slot + 1) & search->seen_mask) {
        if (search->seen[slot] == hash)
            return true;
        if (search->seen[slot] == 0) {
            search->seen[slot] = hash;
            return false;
        }
    }
}

/* Runs the statements of `block` on `state`, from `from` on; stops at the
 * target when the value is NULL there. */
static void run_block(struct search *search, int block, int from, struct flow_state *state)
{
    const struct cfg_block *node = &search->function->blocks[block];
    for (int i = from; i < node->statement_count && state->reachable; i++) {
        if (block == search->target_block && i == search->target_index &&
            null_or_maybe(&state->paths[search->path])) {
            search->found = true;
            return;
        }
        transfer_statement(search->analysis, block, i, state);
    }
}

/* A path that comes round to `block` again forgets the ranges of the
 * counters the turn (the blocks since it last entered `block`) left
 * stepped: with WITNESS_TURNS turns it could not count to the loop's end
 * (`for (i = 0; i < 3; i++)` leaves after three), and a loop whose count
 * it does not follow leaves after any turn. A counter the turn set anew
 * after its step (`groupPos = 0` in the outer loop of a state machine)
 * keeps what it was set to. */
static void forget_turn_counters(struct search *search, int block, struct flow_state *state)
{
    const struct ir_function *function = search->function;
    int decided_count = 0;
    for (int at = search->trail_length - 1; at >= 0; at--) {
        const struct cfg_block *turned = &function->blocks[search->trail[at]];
        for (int i = turned->statement_count - 1; i >= 0; i--) {
            const struct ir_statement *statement = &turned->statements[i];
            int target = statement->kind == STATEMENT_CALL ? statement->call.target
                                                           : statement->target;
            if (target < 0 || search->decided[target] ||
                (statement->kind != STATEMENT_ADJUST && statement->kind != STATEMENT_ASSIGN &&
                 statement->kind != STATEMENT_CALL && statement->kind != STATEMENT_FORGET))
                continue;
            search->decided[target] = 1; /* its last write in the turn is this one */
            search->decided_list[decided_count++] = target;
            if (statement->kind != STATEMENT_ADJUST || statement->arithmetic != ARITHMETIC_STEP)
                continue;
            struct path_state *value = &state->paths[target];
            if (value->alias >= 0 || value->referenced)
                continue; /* in a class: left as it is */
            value->low = function->paths[target].is_unsigned ? 0 : LLONG_MIN;
            value->high = LLONG_MAX;
            value->excluded_count = 0;
        }
        if (search->trail[at] == block)
            break;
    }
    for (int i = 0; i < decided_count; i++)
        search->decided[search->decided_list[i]] = 0;
}

/* The current path enters `block` with `state`: false when it ends there
 * (unreachable, followed before with the same state, or a bound). */
static bool enter(struct search *search, int block, struct flow_state *state)
{
    if (!state->reachable)
        return false;
    if (search->turns[block] >= WITNESS_TURNS)
        return false; /* as the analyzers do, a path ends after its last turn */
    if (search->turns[block] > 0)
        forget_turn_counters(search, block, state);
    if (++search->visits > search->budget) {
        search->cut = true;
        return false;
    }
    if (seen_before(search, block, state))
        return false;
    search->turns[block]++;
    search->trail[search->trail_length++] = block;
    run_block(search, block, 0, state);
    return state->reachable && !search->found;
}

static void decide(struct search *search, int block, int edge, bool choice, bool null_before,
                   const struct flow_state *state)
{
    struct decision *decision = &search->decisions[search->decision_count++];
    decision->block = block;
    decision->edge = edge;
    decision->choice = choice;
    decision->null_before = null_before;
    decision->null_after = null_or_maybe(&state->paths[search->path]);
}

/* Saves a branch edge to follow later; false when memory is out. */
static bool save_pending(struct search *search, int block, int edge, bool null_before,
                         const struct flow_state *state)
{
    if (search->pending_count == search->pending_capacity) {
        size_t state_bytes = sizeof *state->paths * (size_t)(state->count ? state->count : 1);
        int grown = search->pending_capacity ? search->pending_capacity * 2 : 16;
        if (state_bytes * (size_t)grown > WITNESS_STATE_BYTES)
            return false;
        search->pending = arena_grow(search->memory, search->pending,
                                     (size_t)search->pending_capacity, (size_t)grown,
                                     sizeof *search->pending);
        for (int i = search->pending_capacity; i < grown; i++)
            flow_state_init(&search->pending[i].state, state->count, search->memory);
        search->pending_capacity = grown;
    }
    struct pending *saved = &search->pending[search->pending_count++];
    saved->block = block;
    saved->edge = edge;
    saved->null_before = null_before;
    flow_state_copy(&saved->state, state);
    saved->trail_length = search->trail_length;
    saved->decision_count = search->decision_count;
    return true;
}

static bool leads_to_target(const struct search *search, int successor)
{
    return successor >= 0 && successor < search->function->block_count &&
           search->reaches[successor];
}

/* From the end of `block` with `current`: the successor the path goes on
 * to (its state in `current`), saving the other edge of a branch when
 * both lead on; -1 when the path ends. */
static int step(struct search *search, int block, struct flow_state *current,
                struct flow_state *other)
{
    struct function_analysis *analysis = search->analysis;
    const struct cfg_block *node = &search->function->blocks[block];
    if (node->terminator == TERMINATOR_GOTO) {
        transfer_edge(analysis, block, 0, current);
        return current->reachable && leads_to_target(search, node->successors[0])
                   ? node->successors[0]
                   : -1;
    }
    if (node->terminator != TERMINATOR_BRANCH)
        return -1;
    bool null_before = null_or_maybe(&current->paths[search->path]);
    flow_state_copy(other, current);
    transfer_edge(analysis, block, 0, current);
    transfer_edge(analysis, block, 1, other);
    bool feasible[2] = {current->reachable, other->reachable};
    bool both = feasible[0] && feasible[1];
    bool on[2] = {feasible[0] && leads_to_target(search, node->successors[0]),
                  feasible[1] && leads_to_target(search, node->successors[1])};
    /* the edge likelier to bring a NULL first, so that a witness is found
     * before the bound when one exists: with the value NULL, the edge that
     * keeps it (not `if (p)`'s, nor `if (c) p = &x;`'s); without, the one
     * that leads to a store of NULL (`if (c) p = NULL;`) */
    bool likely[2];
    for (int e = 0; e < 2; e++) {
        const struct flow_state *edge = e == 0 ? current : other;
        int next = node->successors[e];
        likely[e] = null_or_maybe(&edge->paths[search->path]) ? search->keeps[next]
                                                                : search->nulls[next];
    }
    if (on[0] && on[1] && !likely[0] && likely[1]) {
        if (!save_pending(search, block, 0, null_before, current))
            search->cut = true;
        flow_state_copy(current, other);
        decide(search, block, 1, both, null_before, current);
        return node->successors[1];
    }
    if (on[0] && on[1] && !save_pending(search, block, 1, null_before, other))
        search->cut = true;
    if (on[0]) {
        decide(search, block, 0, both, null_before, current);
        return node->successors[0];
    }
    if (on[1]) {
        flow_state_copy(current, other);
        decide(search, block, 1, both, null_before, current);
        return node->successors[1];
    }
    return -1;
}

/* Follows paths from the entry, depth first. Returns WITNESS_FOUND,
 * WITNESS_NONE when every path was followed to its end, WITNESS_UNKNOWN
 * when a bound cut the search short. */
static enum witness_result follow(struct search *search)
{
    struct function_analysis *analysis = search->analysis;
    const struct ir_function *function = search->function;
    int paths = function->path_count;
    struct flow_state current, other;
    flow_state_init(&current, paths, search->memory);
    flow_state_init(&other, paths, search->memory);
    transfer_entry_state(analysis, &current);
    int block = function->entry;
    bool alive = enter(search, block, &current);
    for (;;) {
        if (search->found)
            return WITNESS_FOUND;
        if (alive) {
            int next = step(search, block, &current, &other);
            if (next >= 0) {
                block = next;
                alive = enter(search, block, &current);
                continue;
            }
        }
        /* back to the last branch with an edge left */
        if (search->pending_count == 0 || search->visits > search->budget)
            return search->cut ? WITNESS_UNKNOWN : WITNESS_NONE;
        struct pending *saved = &search->pending[--search->pending_count];
        while (search->trail_length > saved->trail_length)
            search->turns[search->trail[--search->trail_length]]--;
        search->decision_count = saved->decision_count;
        flow_state_copy(&current, &saved->state);
        decide(search, saved->block, saved->edge, true, saved->null_before, &current);
        block = function->blocks[saved->block].successors[saved->edge];
        alive = enter(search, block, &current);
    }
}

/* The decisions that matter to the finding, of those where the other edge
 * could be taken too: the ones taken since the value last was not NULL
 * and, when a statement made it NULL (p = NULL), the one that led there;
 * the last WITNESS_STEPS_MAX of them. */
static void keep_steps(const struct search *search, struct witness_step **steps, int *count)
{
    int first = 0;
    for (int i = 0; i < search->decision_count; i++)
        if (!search->decisions[i].null_after)
            first = i + 1;
    if (first < search->decision_count && search->decisions[first].null_before) {
        int before = first - 1;
        while (before >= 0 && !search->decisions[before].choice)
            before--;
        if (before >= 0)
            first = before;
    }
    int kept = 0;
    for (int i = first; i < search->decision_count; i++)
        kept += search->decisions[i].choice;
    if (kept > WITNESS_STEPS_MAX)
        kept = WITNESS_STEPS_MAX;
    *count = kept;
    *steps = NULL;
    if (kept == 0)
        return;
    *steps = arena_alloc(search->analysis->shared->arena, sizeof **steps * (size_t)kept);
    int at = kept;
    for (int i = search->decision_count - 1; i >= first && at > 0; i--) {
        const struct decision *decision = &search->decisions[i];
        if (!decision->choice)
            continue;
        const struct cfg_block *node = &search->function->blocks[decision->block];
        (*steps)[--at].condition = &node->condition;
        (*steps)[at].holds = decision->edge == 0;
    }
}

enum witness_result witness_search(struct function_analysis *analysis, int block, int index,
                                   int path, struct witness_step **steps, int *step_count)
{
    const struct ir_function *function = analysis->function;
    *steps = NULL;
    *step_count = 0;
    if (analysis->too_large || function->entry < 0 || block < 0 ||
        block >= function->block_count || path < 0 || path >= function->path_count)
        return WITNESS_UNKNOWN;
    long budget = WITNESS_WORK / (function->path_count + 1);
    if (budget > WITNESS_VISITS)
        budget = WITNESS_VISITS;
    if (budget > WITNESS_FUNCTION_VISITS - analysis->witness_visits)
        budget = WITNESS_FUNCTION_VISITS - analysis->witness_visits;
    if (budget <= 0)
        return WITNESS_UNKNOWN;
    struct search search;
    memset(&search, 0, sizeof search);
    search.budget = budget;
    /* its own scratch memory: a function with many uses searched would
     * otherwise keep every search's saved states until it is done */
    struct arena memory;
    arena_init(&memory);
    search.memory = &memory;
    search.analysis = analysis;
    search.function = function;
    search.target_block = block;
    search.target_index = index;
    search.path = path;
    size_t blocks = (size_t)function->block_count;
    search.reaches = blocks_reaching(function, block, search.memory);
    blocks_for_order(function, block, path, search.reaches, search.memory, &search.keeps,
                     &search.nulls);
    search.turns = arena_alloc(search.memory, blocks);
    memset(search.turns, 0, blocks);
    search.trail = arena_alloc(search.memory, sizeof *search.trail *
                                                       (blocks * WITNESS_TURNS + 1));
    search.decisions = arena_alloc(search.memory, sizeof *search.decisions *
                                                           (blocks * WITNESS_TURNS + 1));
    size_t paths = (size_t)function->path_count + 1;
    search.decided = arena_alloc(search.memory, paths);
    memset(search.decided, 0, paths);
    search.decided_list = arena_alloc(search.memory, sizeof *search.decided_list * paths);
    size_t slots = 1;
    while (slots < 4 * (size_t)WITNESS_VISITS)
        slots <<= 1;
    search.seen = arena_alloc(search.memory, sizeof *search.seen * slots);
    memset(search.seen, 0, sizeof *search.seen * slots);
    search.seen_mask = slots - 1;

    /* the search walks without reporting */
    struct analysis_result *events = analysis->events;
    analysis->events = NULL;
    analysis->witnessing = true;
    enum witness_result result = follow(&search);
    analysis->witnessing = false;
    analysis->events = events;
    analysis->witness_visits += search.visits;
    if (result == WITNESS_FOUND)
        keep_steps(&search, steps, step_count);
    arena_free(&memory);
    return result;
}

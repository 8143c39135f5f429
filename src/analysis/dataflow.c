/*
 * dataflow: the forward fixed point over one function's CFG (a worklist of
 * roots visited in reverse post-order; only the entry and join blocks keep
 * states, the blocks below them are walked again from those), the summary
 * read off a solved function, and the reporting walk that replays each
 * reachable block with its fixed-point entry states. Statement semantics
 * live in transfer.c.
 */
#include <assert.h>
#include <limits.h>
#include <string.h>

#include "engine.h"
#include "project.h"
#include "../support/text.h"

/* Upper bound on block visits, far above what real functions need (each
 * path's value can only rise a few times), so a malformed CFG cannot hang. */
enum { VISITS_PER_BLOCK = 64 };

/* Joins into a loop's head that may change its integers' ranges before
 * the next ones widen them (flow_state_widen): a flag the body sets
 * settles in one, a counter stepped each round would climb (and each
 * further round costs a walk of the body: 3 cost 4 % more time on jq). */
enum { WIDEN_AFTER = 1 };

/* Blocks that keep their entry states: the entry, and every block that
 * does not have exactly one incoming edge. The state of any other block is
 * its predecessor's exit along that edge, recomputed when needed, so a
 * function of n straight-line or tree-shaped blocks keeps a few states, not
 * n (a switch interpreter's cases, an if-chain's bodies). Every reachable
 * block hangs below a root: a cycle of one-edge blocks has no way in.
 * Returns the number of roots. */
static int mark_roots(const struct ir_function *function, char *is_root)
{
    int blocks = function->block_count;
    for (int b = 0; b < blocks; b++)
        is_root[b] = 0;
    for (int b = 0; b < blocks; b++) {
        const struct cfg_block *node = &function->blocks[b];
        for (int e = 0; e < ir_successor_count(node); e++) {
            int successor = node->successors[e];
            if (successor >= 0 && successor < blocks && is_root[successor] < 2)
                is_root[successor]++;
        }
    }
    int roots = 0;
    for (int b = 0; b < blocks; b++) {
        is_root[b] = is_root[b] != 1 || b == function->entry;
        roots += is_root[b];
    }
    return roots;
}

void function_analysis_begin(struct function_analysis *analysis, struct unit_analysis *shared,
                             int function_index, const struct context_value *context,
                             int context_count)
{
    memset(analysis, 0, sizeof *analysis);
    analysis->shared = shared;
    analysis->function_index = function_index;
    analysis->function = &shared->unit->functions[function_index];
    analysis->context = context;
    analysis->context_count = context_count;
    analysis->escaped_root_count = -1;
    arena_init(&analysis->scratch);
    const struct ir_function *function = analysis->function;
    int blocks = function->block_count;
    analysis->is_root = arena_alloc(&analysis->scratch, (size_t)(blocks ? blocks : 1));
    int roots = mark_roots(function, analysis->is_root);
    /* Work grows with every block's states, kept or not; memory with the
     * roots' only. */
    size_t walked_bytes =
        (size_t)blocks * (size_t)function->path_count * sizeof(struct path_state);
    size_t kept_bytes = (size_t)roots * (size_t)function->path_count * sizeof(struct path_state);
    analysis->partitions =
        walked_bytes * PARTITIONS > STATE_BYTES_FOR_PARTITIONS ? 1 : PARTITIONS;
    analysis->too_large = kept_bytes > STATE_BYTES_LIMIT;
    analysis->live = analysis->partitions > 1 && !analysis->too_large
                         ? liveness_compute(function, &analysis->scratch, &analysis->live_words)
                         : NULL;
    analysis->in_states = arena_alloc(&analysis->scratch,
                                      sizeof *analysis->in_states * (size_t)(blocks ? blocks : 1));
    analysis->statement_origins = arena_alloc(
        &analysis->scratch, sizeof *analysis->statement_origins * (size_t)(blocks ? blocks : 1));
    analysis->condition_origins = arena_alloc(
        &analysis->scratch, sizeof *analysis->condition_origins * (size_t)(blocks ? blocks : 1));
    analysis->declared_origins = arena_alloc(
        &analysis->scratch,
        sizeof *analysis->declared_origins * (size_t)(function->path_count + 1));
    analysis->call_rules = arena_alloc(
        &analysis->scratch, sizeof *analysis->call_rules * (size_t)(blocks ? blocks : 1));
    analysis->out_origins = arena_alloc(
        &analysis->scratch, sizeof *analysis->out_origins * (size_t)(blocks ? blocks : 1));
    for (int b = 0; b < blocks; b++) {
        analysis->in_states[b].count = 0;
        int statements = function->blocks[b].statement_count;
        analysis->statement_origins[b] = arena_alloc(
            &analysis->scratch,
            sizeof *analysis->statement_origins[b] * (size_t)(statements ? statements : 1));
        analysis->call_rules[b] = arena_alloc(
            &analysis->scratch,
            sizeof *analysis->call_rules[b] * (size_t)(statements ? statements : 1));
        analysis->out_origins[b] = arena_alloc(
            &analysis->scratch,
            sizeof *analysis->out_origins[b] * (size_t)(statements ? statements : 1));
    }
}

void function_analysis_end(struct function_analysis *analysis)
{
    arena_free(&analysis->scratch);
}

/* Blocks reachable from the entry in reverse post-order; returns the count.
 * Iterative, since generated code can nest thousands of blocks deep. */
static int reverse_postorder(const struct ir_function *function, struct arena *arena, int *order)
{
    int blocks = function->block_count;
    if (function->entry < 0 || blocks == 0)
        return 0;
    char *seen = arena_alloc(arena, (size_t)blocks);
    int *stack = arena_alloc(arena, sizeof *stack * (size_t)blocks);
    int *next_edge = arena_alloc(arena, sizeof *next_edge * (size_t)blocks);
    int *postorder = arena_alloc(arena, sizeof *postorder * (size_t)blocks);
    int depth = 0, count = 0;
    stack[depth++] = function->entry;
    seen[function->entry] = 1;
    while (depth > 0) {
        int block = stack[depth - 1];
        const struct cfg_block *node = &function->blocks[block];
        int edges = ir_successor_count(node);
        if (next_edge[block] < edges) {
            int successor = node->successors[next_edge[block]++];
            if (successor >= 0 && successor < blocks && !seen[successor]) {
                seen[successor] = 1;
                stack[depth++] = successor;
            }
            continue;
        }
        postorder[count++] = block;
        depth--;
    }
    for (int i = 0; i < count; i++)
        order[i] = postorder[count - 1 - i];
    return count;
}

/* The predecessors of every block, as one array: those of block b are
 * list[first[b] .. first[b + 1]). With `rank` given, only blocks it ranks
 * (reachable ones) count as predecessors. */
static void build_predecessors(const struct ir_function *function, const int *rank,
                               struct arena *arena, int **first_out, int **list_out)
{
    int blocks = function->block_count;
    int *first = arena_alloc(arena, sizeof *first * (size_t)(blocks + 2));
    int *list = arena_alloc(arena, sizeof *list * (size_t)(2 * blocks + 1));
    int *fill = arena_alloc(arena, sizeof *fill * (size_t)(blocks + 1));
    for (int pass = 0; pass < 2; pass++) {
        for (int b = 0; b < blocks; b++) {
            const struct cfg_block *node = &function->blocks[b];
            int edges = ir_successor_count(node);
            for (int e = 0; (!rank || rank[b] >= 0) && e < edges; e++) {
                int successor = node->successors[e];
                if (successor < 0 || successor >= blocks)
                    continue;
                if (pass == 0)
                    first[successor + 1]++;
                else
                    list[first[successor] + fill[successor]++] = b;
            }
        }
        for (int b = 0; pass == 0 && b < blocks; b++)
            first[b + 1] += first[b];
    }
    *first_out = first;
    *list_out = list;
}

/* Post-order of the reversed CFG from a virtual exit (block_count) that
 * precedes every block that leaves: number[b] is b's place, -1 for blocks
 * with no way out; order lists them. Iterative, as reverse_postorder. */
static int reversed_postorder(const struct ir_function *function, const int *first,
                              const int *list, struct arena *arena, int *number, int *order)
{
    int blocks = function->block_count, exit = blocks;
    int *stack = arena_alloc(arena, sizeof *stack * (size_t)(blocks + 1));
    int *next = arena_alloc(arena, sizeof *next * (size_t)(blocks + 1));
    for (int b = 0; b <= blocks; b++)
        number[b] = -1;
    int count = 0, depth = 0;
    char *seen = arena_alloc(arena, (size_t)(blocks + 1));
    stack[depth++] = exit;
    seen[exit] = 1;
    while (depth > 0) {
        int node = stack[depth - 1];
        int child = -1;
        if (node == exit) {
            while (next[exit] < blocks && child < 0) {
                int b = next[exit]++;
                enum terminator_kind kind = function->blocks[b].terminator;
                if ((kind == TERMINATOR_RETURN || kind == TERMINATOR_UNREACHABLE) && !seen[b])
                    child = b;
            }
        } else {
            while (first[node] + next[node] < first[node + 1] && child < 0) {
                int b = list[first[node] + next[node]++];
                if (!seen[b])
                    child = b;
            }
        }
        if (child >= 0) {
            seen[child] = 1;
            stack[depth++] = child;
        } else {
            number[node] = count;
            order[count++] = node;
            depth--;
        }
    }
    return count;
}

/* The immediate post-dominator of every block (-1: none but the exit, or
 * no way out), by Cooper, Harvey and Kennedy's iteration on the reversed
 * CFG, whose root is a virtual exit after every block that leaves. */
static int *immediate_postdominators(const struct ir_function *function, struct arena *arena)
{
    int blocks = function->block_count, exit = blocks;
    int *result = arena_alloc(arena, sizeof *result * (size_t)(blocks + 1));
    /* predecessors in the original CFG = successors in the reversed one */
    int *first, *list;
    build_predecessors(function, NULL, arena, &first, &list);
    int *number = arena_alloc(arena, sizeof *number * (size_t)(blocks + 1));
    int *order = arena_alloc(arena, sizeof *order * (size_t)(blocks + 1));
    int count = reversed_postorder(function, first, list, arena, number, order);
    int *dominator = arena_alloc(arena, sizeof *dominator * (size_t)(blocks + 1));
    for (int b = 0; b <= blocks; b++)
        dominator[b] = -1;
    dominator[exit] = exit;
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = count - 2; i >= 0; i--) { /* reverse post-order, root excluded */
            int b = order[i];
            const struct cfg_block *node = &function->blocks[b];
            int candidates[3], n = 0;
            if (node->terminator == TERMINATOR_RETURN ||
                (node->terminator == TERMINATOR_UNREACHABLE && !node->impossible))
                candidates[n++] = exit; /* an impossible block leads nowhere */
            int edges = ir_successor_count(node);
            for (int e = 0; e < edges; e++)
                if (node->successors[e] >= 0 && node->successors[e] < blocks)
                    candidates[n++] = node->successors[e];
            int chosen = -1;
            for (int c = 0; c < n; c++) {
                int p = candidates[c];
                if (dominator[p] < 0)
                    continue;
                if (chosen < 0) {
                    chosen = p;
                    continue;
                }
                int x = p, y = chosen;
                while (x != y) {
                    while (number[x] < number[y])
                        x = dominator[x];
                    while (number[y] < number[x])
                        y = dominator[y];
                }
                chosen = x;
            }
            if (chosen >= 0 && dominator[b] != chosen) {
                dominator[b] = chosen;
                changed = true;
            }
        }
    }
    for (int b = 0; b < blocks; b++)
        result[b] = dominator[b] == exit ? -1 : dominator[b];
    return result;
}

/* Whether the nullness of `path` at the start of `block` tells states
 * apart: a pointer the function reads again, and not the one the block
 * tests at its end (the test tells its two cases apart itself, and a loop
 * that walks a tree to NULL then needs no state of its own per case). */
static bool partition_key(const struct function_analysis *analysis, int block, int path)
{
    const struct ir_function *function = analysis->function;
    const struct cfg_block *node = &function->blocks[block];
    return function->paths[path].is_pointer &&
           !(node->terminator == TERMINATOR_BRANCH && node->condition.kind == CONDITION_NONNULL &&
             node->condition.path == path) &&
           liveness_live(analysis->live, analysis->live_words, block, path);
}

/* How closely two states must agree on the pointers that tell states
 * apart at a block to share a partition. */
enum partition_match {
    MATCH_NULL, /* the same pointers NULL */
    MATCH_MAYBE /* and the same pointers possibly NULL */
};

static bool same_partition(const struct function_analysis *analysis, int block,
                           const struct flow_state *a, const struct flow_state *b,
                           enum partition_match match)
{
    const struct ir_function *function = analysis->function;
    for (int i = 0; i < function->path_count; i++) {
        if (!partition_key(analysis, block, i))
            continue;
        enum nullability x = a->paths[i].nullability, y = b->paths[i].nullability;
        if ((x == NULLABILITY_NULL) != (y == NULLABILITY_NULL))
            return false;
        if (match >= MATCH_MAYBE && (x == NULLABILITY_MAYBE) != (y == NULLABILITY_MAYBE))
            return false;
    }
    return true;
}

/* Joins `incoming` into the block's partition that keeps the same pointers
 * NULL and maybe-NULL, a new one while there is room, else one that keeps
 * the same pointers NULL, else the last one. So a lookup's result that a
 * failed validation left maybe-NULL, and the flag that failure set, stay
 * apart from the validated path's while states are few. (Telling apart
 * also which pointers are known set cost a seventh of the run time and
 * refuted nothing the one-path witness search does not.) */
static bool join_partition(struct function_analysis *analysis, int block,
                           struct flow_state *incoming)
{
    if (!incoming->reachable)
        return false;
    const struct ir_function *function = analysis->function;
    struct block_states *states = &analysis->in_states[block];
    /* a region decided by a test ends where its branches meet again */
    for (int i = 0; i < function->path_count; i++)
        if (incoming->paths[i].guard_end == block)
            incoming->paths[i].guard_end = -1;
    struct flow_state *into = NULL;
    for (int part = 0; part < states->count && !into; part++)
        if (same_partition(analysis, block, &states->parts[part], incoming, MATCH_MAYBE))
            into = &states->parts[part];
    if (!into && states->count < analysis->partitions) {
        struct flow_state *fresh = &states->parts[states->count++];
        flow_state_init(fresh, function->path_count, &analysis->scratch);
        flow_state_copy(fresh, incoming);
        return true;
    }
    for (int part = 0; part < states->count && !into; part++)
        if (same_partition(analysis, block, &states->parts[part], incoming, MATCH_NULL))
            into = &states->parts[part];
    if (!into)
        into = &states->parts[analysis->partitions - 1];
    if (!analysis->loop_head || !analysis->loop_head[block])
        return flow_state_join(into, incoming);
    bool widen = analysis->head_changes[block] >= WIDEN_AFTER;
    bool changed = widen ? flow_state_widen(into, incoming) : flow_state_join(into, incoming);
    if (changed && !widen)
        analysis->head_changes[block]++;
    return changed;
}

/* Walks the blocks that hang below one root, one entry state at a time:
 * pending (block, state) pairs on a stack whose states are reused from
 * walk to walk. Only roots keep states (mark_roots). */
struct walker {
    struct function_analysis *analysis;
    int *blocks;                 /* the stack */
    struct flow_state *states;
    int count, capacity;
    struct flow_state out, edge[2];
    long budget;                 /* block visits left */
    bool solving;                /* join into roots; else they are final */
    char *dirty;                 /* solving: roots whose states changed */
    /* visiting: called with each reachable block's exit state */
    void (*visit)(struct walker *walker, int block, const struct flow_state *exit);
    void *data;
};

static void walker_init(struct walker *walker, struct function_analysis *analysis)
{
    memset(walker, 0, sizeof *walker);
    walker->analysis = analysis;
    int paths = analysis->function->path_count;
    flow_state_init(&walker->out, paths, &analysis->scratch);
    flow_state_init(&walker->edge[0], paths, &analysis->scratch);
    flow_state_init(&walker->edge[1], paths, &analysis->scratch);
    walker->budget = LONG_MAX;
}

/* Pushes `block` with `state`, which is swapped with a stack slot's
 * buffer (no copy). */
static void walker_push(struct walker *walker, int block, struct flow_state *state)
{
    struct function_analysis *analysis = walker->analysis;
    if (walker->count == walker->capacity) {
        int capacity = walker->capacity ? walker->capacity * 2 : 8;
        walker->blocks = arena_grow(&analysis->scratch, walker->blocks, (size_t)walker->count,
                                    (size_t)capacity, sizeof *walker->blocks);
        walker->states = arena_grow(&analysis->scratch, walker->states, (size_t)walker->count,
                                    (size_t)capacity, sizeof *walker->states);
        for (int i = walker->capacity; i < capacity; i++)
            flow_state_init(&walker->states[i], analysis->function->path_count,
                            &analysis->scratch);
        walker->capacity = capacity;
    }
    struct flow_state swapped = walker->states[walker->count];
    walker->states[walker->count] = *state;
    *state = swapped;
    walker->blocks[walker->count++] = block;
}

/* The edge into a root: joined while solving (marking it dirty when it
 * changed), ignored when visiting. */
static void walker_reach_root(struct walker *walker, int root, struct flow_state *edge)
{
    if (walker->solving && join_partition(walker->analysis, root, edge))
        walker->dirty[root] = 1;
}

static void walk_tree(struct walker *walker, int root, const struct flow_state *entry)
{
    struct function_analysis *analysis = walker->analysis;
    const struct ir_function *function = analysis->function;
    flow_state_copy(&walker->edge[0], entry);
    walker_push(walker, root, &walker->edge[0]);
    while (walker->count > 0 && walker->budget-- > 0) {
        int block = walker->blocks[--walker->count];
        struct flow_state popped = walker->states[walker->count];
        walker->states[walker->count] = walker->out;
        walker->out = popped;
        struct flow_state *out = &walker->out;
        const struct cfg_block *node = &function->blocks[block];
        for (int i = 0; i < node->statement_count && out->reachable; i++)
            transfer_statement(analysis, block, i, out);
        if (!out->reachable)
            continue;
        if (walker->visit)
            walker->visit(walker, block, out);
        int edges = ir_successor_count(node);
        /* The last edge takes the block's state itself: a block with one
         * way out copies no state, a branch one. */
        struct flow_state *edge_state[2] = {out, out};
        if (edges == 2) {
            flow_state_copy(&walker->edge[0], out);
            edge_state[0] = &walker->edge[0];
        }
        for (int e = 0; e < edges; e++)
            transfer_edge(analysis, block, e, edge_state[e]);
        if (edges == 2 && edge_state[0]->reachable && edge_state[1]->reachable) {
            transfer_guard(analysis, block, edge_state[0], analysis->postdominator[block]);
            transfer_guard(analysis, block, edge_state[1], analysis->postdominator[block]);
        }
        for (int e = edges - 1; e >= 0; e--) { /* the first edge is walked first */
            int successor = node->successors[e];
            struct flow_state *edge = edge_state[e];
            if (successor < 0 || successor >= function->block_count || !edge->reachable)
                continue;
            if (analysis->is_root[successor]) {
                walker_reach_root(walker, successor, edge);
                continue;
            }
            /* a region decided by a test ends where its branches meet again */
            for (int i = 0; i < function->path_count; i++)
                if (edge->paths[i].guard_end == successor)
                    edge->paths[i].guard_end = -1;
            walker_push(walker, successor, edge);
        }
    }
    walker->count = 0; /* out of budget: what is left is not walked */
}

/* The branches a back edge enters (while and for tests) or leaves (do
 * ... while tests), in reverse post-order `rank`. */
static char *loop_tests(const struct ir_function *function, const int *order, int count,
                        const int *rank, struct arena *arena)
{
    char *loop_test = arena_alloc(arena, (size_t)(function->block_count + 1));
    memset(loop_test, 0, (size_t)(function->block_count + 1));
    for (int i = 0; i < count; i++) {
        int block = order[i];
        const struct cfg_block *node = &function->blocks[block];
        for (int e = 0; e < ir_successor_count(node); e++) {
            int successor = node->successors[e];
            if (successor < 0 || successor >= function->block_count ||
                rank[successor] > rank[block])
                continue;
            if (function->blocks[successor].terminator == TERMINATOR_BRANCH)
                loop_test[successor] = 1;
            if (node->terminator == TERMINATOR_BRANCH)
                loop_test[block] = 1;
        }
    }
    return loop_test;
}

/* The blocks a back edge enters, in reverse post-order `rank`. */
static char *loop_heads(const struct ir_function *function, const int *order, int count,
                        const int *rank, struct arena *arena)
{
    char *loop_head = arena_alloc(arena, (size_t)(function->block_count + 1));
    memset(loop_head, 0, (size_t)(function->block_count + 1));
    for (int i = 0; i < count; i++) {
        const struct cfg_block *node = &function->blocks[order[i]];
        for (int e = 0; e < ir_successor_count(node); e++) {
            int successor = node->successors[e];
            if (successor >= 0 && successor < function->block_count &&
                rank[successor] <= rank[order[i]])
                loop_head[successor] = 1;
        }
    }
    return loop_head;
}

void dataflow_solve(struct function_analysis *analysis)
{
    const struct ir_function *function = analysis->function;
    int blocks = function->block_count;
    if (function->entry < 0 || blocks == 0 || analysis->too_large)
        return;
    struct arena *scratch = &analysis->scratch;
    int *order = arena_alloc(scratch, sizeof *order * (size_t)blocks);
    int *rank = arena_alloc(scratch, sizeof *rank * (size_t)blocks);
    char *dirty = arena_alloc(scratch, (size_t)blocks);
    int count = reverse_postorder(function, scratch, order);
    for (int i = 0; i < count; i++)
        rank[order[i]] = i;

    analysis->postdominator = immediate_postdominators(function, scratch);
    analysis->loop_test = loop_tests(function, order, count, rank, scratch);
    analysis->loop_head = loop_heads(function, order, count, rank, scratch);
    analysis->head_changes = arena_alloc(scratch, (size_t)blocks);
    memset(analysis->head_changes, 0, (size_t)blocks);
    struct walker walker;
    walker_init(&walker, analysis);
    walker.solving = true;
    walker.dirty = dirty;
    walker.budget = (long)count * VISITS_PER_BLOCK * PARTITIONS;
    transfer_entry_state(analysis, &walker.edge[0]);
    join_partition(analysis, function->entry, &walker.edge[0]);
    dirty[function->entry] = 1;

    int first = rank[function->entry];
    while (first < count && walker.budget > 0) {
        int block = order[first]; /* a root */
        dirty[block] = 0;
        for (int part = 0; part < analysis->in_states[block].count; part++)
            walk_tree(&walker, block, &analysis->in_states[block].parts[part]);
        /* Continue with the next dirty root in reverse post-order, and only
         * then come back to earlier ones: a loop head made dirty by each
         * block of its body is visited once per pass over the body, not
         * once per block (computed-goto dispatch, interpreters). */
        int next = count;
        for (int i = first + 1; i < count; i++) {
            if (dirty[order[i]]) {
                next = i;
                break;
            }
        }
        if (next == count) {
            for (int i = 0; i <= first && i < count; i++) {
                if (dirty[order[i]]) {
                    next = i;
                    break;
                }
            }
        }
        first = next;
    }
}

/* Calls walker->visit with the exit state of every reachable block, once
 * per entry state of its root, from the solved root states. */
static void walk_solved(struct walker *walker)
{
    struct function_analysis *analysis = walker->analysis;
    const struct ir_function *function = analysis->function;
    for (int b = 0; b < function->block_count; b++) {
        if (!analysis->is_root[b])
            continue;
        for (int part = 0; part < analysis->in_states[b].count; part++)
            walk_tree(walker, b, &analysis->in_states[b].parts[part]);
    }
}

/* The late NULL test of each block, over all its states: reported only
 * when every state that reaches the block's end finds it late. */
struct late_checks {
    const struct source_location **late;
    char *not_late;
};

static void visit_late_check(struct walker *walker, int block, const struct flow_state *exit)
{
    struct late_checks *checks = walker->data;
    const struct source_location *here =
        transfer_late_check(walker->analysis, block, exit);
    if (!here)
        checks->not_late[block] = 1;
    else if (!checks->late[block] || here->line < checks->late[block]->line)
        checks->late[block] = here;
}

void dataflow_report(struct function_analysis *analysis, struct analysis_result *events)
{
    const struct ir_function *function = analysis->function;
    int blocks = function->block_count;
    if (function->entry < 0 || blocks == 0 || analysis->too_large)
        return;
    struct late_checks checks;
    checks.late = arena_alloc(&analysis->scratch, sizeof *checks.late * (size_t)blocks);
    checks.not_late = arena_alloc(&analysis->scratch, (size_t)blocks);
    for (int b = 0; b < blocks; b++) {
        checks.late[b] = NULL;
        checks.not_late[b] = 0;
    }
    int first_event = events->event_count;
    analysis->events = events;
    struct walker walker;
    walker_init(&walker, analysis);
    walker.visit = visit_late_check;
    walker.data = &checks;
    walk_solved(&walker);
    for (int b = 0; b < blocks; b++)
        if (checks.late[b] && !checks.not_late[b])
            transfer_report_late_check(analysis, b, checks.late[b]);
    analysis->events = NULL;
    /* NULL in one partition and not in another: NULL on some paths only. */
    for (int e = first_event; e < events->event_count; e++) {
        struct analysis_event *event = &events->events[e];
        if (event->kind != EVENT_UNSAFE_USE || !event->definitely_null)
            continue;
        for (int u = 0; u < analysis->use_seen_count; u++) {
            const struct use_seen *seen = &analysis->uses_seen[u];
            if (seen->location->line == event->location.line &&
                seen->location->column == event->location.column &&
                strcmp(seen->path_text, event->path_text) == 0) {
                event->definitely_null = false;
                break;
            }
        }
    }
}

/* Whether one of the words of a function's name (split at '_' and at
 * camelCase humps) says "lookup": get_slot, findUser, list_next; not
 * budget_make, whose "get" is inside a word. */
static bool name_says_lookup(const char *name)
{
    static const char *const words[] = {"find", "lookup", "get", "search", "query", "locate",
                                        "match", "fetch", "peek", "first", "next"};
    return text_has_word(name, words, sizeof words / sizeof words[0]);
}

static bool has_loop(const struct ir_function *function, struct arena *arena)
{
    int blocks = function->block_count;
    int *order = arena_alloc(arena, sizeof *order * (size_t)(blocks ? blocks : 1));
    int *rank = arena_alloc(arena, sizeof *rank * (size_t)(blocks ? blocks : 1));
    int count = reverse_postorder(function, arena, order);
    for (int i = 0; i < blocks; i++)
        rank[i] = -1;
    for (int i = 0; i < count; i++)
        rank[order[i]] = i;
    for (int i = 0; i < count; i++) {
        const struct cfg_block *node = &function->blocks[order[i]];
        int edges = ir_successor_count(node);
        for (int e = 0; e < edges; e++) {
            int successor = node->successors[e];
            if (successor >= 0 && successor < blocks && rank[successor] >= 0 &&
                rank[successor] <= i)
                return true;
        }
    }
    return false;
}

static bool root_is_global(const struct ir_function *function, int path)
{
    return path >= 0 && function->paths[ir_path_root(function, path)].root_kind == VARIABLE_GLOBAL;
}

static void add_condition_root(struct unit_analysis *shared, struct function_summary *summary,
                               const char *key, int parameter, const char *member,
                               int *capacity)
{
    for (int i = 0; i < summary->condition_root_count; i++) {
        const struct context_root *root = &summary->condition_roots[i];
        struct context_root added = {key, parameter, member};
        if (context_root_equal(root, &added))
            return;
    }
    if (summary->condition_root_count == *capacity) {
        int grown = *capacity ? *capacity * 2 : 4;
        summary->condition_roots =
            arena_grow(shared->arena, summary->condition_roots,
                       (size_t)summary->condition_root_count, (size_t)grown,
                       sizeof *summary->condition_roots);
        *capacity = grown;
    }
    struct context_root *root = &summary->condition_roots[summary->condition_root_count++];
    root->key = key;
    root->parameter = parameter;
    root->member = member;
}

/* The integer parameters `call` passes as arguments of an allocator: a
 * pack's, or a function whose own size parameters they are. */
static uint32_t size_arguments(const struct unit_analysis *shared,
                               const struct ir_function *function, const struct ir_call *call)
{
    const struct pack_entry *rule = transfer_call_entry(shared, call);
    const struct function_summary *callee = NULL;
    if (!rule && call->function_index >= 0 && shared->summaries[call->function_index])
        callee = &shared->summaries[call->function_index]->summary;
    else if (!rule)
        callee = imported_summary(shared, call);
    bool allocator = rule ? rule->returns == SOURCE_ALLOC : callee && callee->size_parameters;
    uint32_t sizes = 0;
    for (int i = 0; allocator && i < call->argument_count && i < ARGUMENT_MASK_BITS; i++) {
        struct ir_value argument = call->arguments[i];
        if (argument.kind != VALUE_PATH || (callee && !(callee->size_parameters >> i & 1)))
            continue;
        const struct access_path *path = &function->paths[argument.path];
        if (path->parent < 0 && path->root_kind == VARIABLE_PARAMETER &&
            path->parameter_index >= 0 && path->parameter_index < ARGUMENT_MASK_BITS &&
            !path->is_pointer)
            sizes |= UINT32_C(1) << path->parameter_index;
    }
    return sizes;
}

/* returns[b]: some path from block b returns to the caller, in `arena`.
 * A block with a call that never returns, as far as the unit knows before
 * the flow (error(1, ...), not error(status, ...) of a variable), ends its
 * paths there. */
static char *blocks_that_return(const struct unit_analysis *shared,
                                const struct ir_function *function, struct arena *arena)
{
    int count = function->block_count;
    char *returns = arena_alloc(arena, (size_t)(count ? count : 1));
    char *ends = arena_alloc(arena, (size_t)(count ? count : 1));
    for (int b = 0; b < count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        ends[b] = 0;
        for (int i = 0; i < block->statement_count && !ends[b]; i++)
            ends[b] = block->statements[i].kind == STATEMENT_CALL &&
                      transfer_call_never_returns(
                          shared, &block->statements[i].call,
                          transfer_call_entry(shared, &block->statements[i].call), NULL);
        returns[b] = !ends[b] && block->terminator == TERMINATOR_RETURN;
    }
    ir_blocks_reaching(function, returns, ends);
    return returns;
}

/* The globals a function writes: `summary` may assign the global of `key`
 * (NULL: one nothing names, or any). */
struct written_globals {
    struct unit_analysis *shared;
    struct function_summary *summary;
    int capacity;
};

static void writes_global(struct written_globals *written, const char *key)
{
    struct function_summary *summary = written->summary;
    summary->writes_globals = true;
    if (!summary->globals_written_known)
        return;
    if (!key || summary->written_global_count == WRITTEN_GLOBALS_LIMIT) {
        summary->globals_written_known = false; /* any global, as far as callers know */
        return;
    }
    if (summary_writes_global(summary, key))
        return;
    if (summary->written_global_count == written->capacity) {
        int grown = written->capacity ? 2 * written->capacity : 4;
        summary->written_globals =
            arena_grow(written->shared->arena, summary->written_globals,
                       (size_t)summary->written_global_count, (size_t)grown,
                       sizeof *summary->written_globals);
        written->capacity = grown;
    }
    summary->written_globals[summary->written_global_count++] = key;
}

/* A call of a function whose summary is `callee` (NULL: unknown): what it
 * may write, the caller may. */
static void writes_callee_globals(struct written_globals *written,
                                  const struct function_summary *callee)
{
    if (!callee || !callee->globals_written_known) {
        writes_global(written, NULL);
        return;
    }
    for (int i = 0; i < callee->written_global_count; i++)
        writes_global(written, callee->written_globals[i]);
}

static const char *root_global_key(const struct ir_function *function, int path)
{
    return function->paths[ir_path_root(function, path)].global_key;
}

/* Syntactic facts: does the function write globals (itself or through
 * calls that may) on a path that returns to the caller, and which, is it
 * repeatable or does it cache its result, which integer globals does it
 * branch on. */
static void summarise_syntax(struct function_analysis *analysis, struct function_summary *summary)
{
    struct unit_analysis *shared = analysis->shared;
    const struct ir_function *function = analysis->function;
    int capacity = 0;
    struct written_globals written = {shared, summary, 0};
    summary->globals_written_known = true;
    summary->repeatable = function->returns_pointer;
    /* what bzip2's copyFileName writes (setExit(1)) just before exit() no
     * caller sees: the caller's global mode flags stay known */
    const char *returns = blocks_that_return(shared, function, &analysis->scratch);
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        for (int i = 0; i < block->statement_count; i++) {
            const struct ir_statement *statement = &block->statements[i];
            if (statement->kind == STATEMENT_ASSIGN && returns[b] &&
                root_is_global(function, statement->target))
                writes_global(&written, root_global_key(function, statement->target));
            if (statement->kind == STATEMENT_ASSIGN &&
                !repeatable_frame_storage(function, statement->target))
                summary->repeatable = false;
            if (statement->kind != STATEMENT_CALL)
                continue;
            const struct ir_call *call = &statement->call;
            if (returns[b] && root_is_global(function, call->target))
                writes_global(&written, root_global_key(function, call->target));
            if (summary->repeatable &&
                ((call->target >= 0 && !repeatable_frame_storage(function, call->target)) ||
                 !repeatable_call(analysis, call)))
                summary->repeatable = false;
            summary->size_parameters |= size_arguments(shared, function, call);
            if (transfer_call_entry(shared, call) || (call->facts & CALL_NORETURN) || !returns[b])
                continue;
            /* what a call that never returns writes (die() after a failed
             * malloc) no caller sees */
            if (call->function_index < 0) {
                const struct function_summary *imported = imported_summary(shared, call);
                if (imported ? imported->writes_globals && !imported->never_returns
                             : !imported_never_returns(shared, call))
                    writes_callee_globals(&written, imported);
            } else if (call->function_index != analysis->function_index) {
                struct summary_entry *callee = shared->summaries[call->function_index];
                if (!callee || !callee->summary.computed)
                    writes_global(&written, NULL);
                else if (callee->summary.writes_globals && !callee->summary.never_returns)
                    writes_callee_globals(&written, &callee->summary);
            }
        }
        if (block->terminator == TERMINATOR_BRANCH && function->returns_pointer &&
            block->condition.kind == CONDITION_NONNULL && block->condition.path >= 0) {
            /* an optional pointer parameter: `if (limit && p > limit) return NULL;`
             * returns NULL only where the caller passes a limit */
            const struct access_path *path = &function->paths[block->condition.path];
            if (path->parent < 0 && path->root_kind == VARIABLE_PARAMETER &&
                path->parameter_index >= 0)
                add_condition_root(shared, summary, NULL, path->parameter_index, NULL,
                                   &capacity);
        }
        if (block->terminator == TERMINATOR_BRANCH &&
            (block->condition.kind == CONDITION_INTEGER_EQUALS ||
             block->condition.kind == CONDITION_NONZERO ||
             block->condition.kind == CONDITION_LESS ||
             block->condition.kind == CONDITION_EQUALS_PATH) &&
            block->condition.path >= 0) {
            const struct access_path *path = &function->paths[block->condition.path];
            const struct access_path *parent =
                path->parent >= 0 ? &function->paths[path->parent] : NULL;
            if (path->parent < 0 && path->root_kind == VARIABLE_GLOBAL && path->global_key)
                add_condition_root(shared, summary, path->global_key, -1, NULL, &capacity);
            else if (path->parent < 0 && path->root_kind == VARIABLE_PARAMETER &&
                     path->parameter_index >= 0)
                add_condition_root(shared, summary, NULL, path->parameter_index, NULL,
                                   &capacity);
            else if (function->returns_pointer && parent && parent->parent < 0 &&
                     parent->root_kind == VARIABLE_PARAMETER && parent->parameter_index >= 0 &&
                     path->step == PATH_ARROW && path->name && !path->is_pointer)
                /* an accessor: `switch (node->type) { case LINK: return ...; } return NULL;` */
                add_condition_root(shared, summary, NULL, parent->parameter_index, path->name,
                                   &capacity);
        }
    }
    summary->caches_result = !summary->repeatable && repeatable_caches_result(analysis);
    writes_summarise(analysis, summary);
}

/* A value whose NULL a source made: an allocation, a lookup, a nullable
 * result (also after the function tested it). */
static bool source_backed(const struct null_origin *origin)
{
    if (origin && origin->kind == ORIGIN_NULL_CHECK)
        origin = origin->cause;
    return origin && (origin->kind == ORIGIN_ALLOC || origin->kind == ORIGIN_LOOKUP ||
                      origin->kind == ORIGIN_NULLABLE);
}

static enum origin_kind returned_kind(const struct ir_function *function, bool loops,
                                      const struct null_origin *origin)
{
    if (origin && origin->kind == ORIGIN_NULL_CHECK && origin->cause)
        origin = origin->cause; /* if (!p) return NULL; after p = malloc(...) */
    if (origin && origin->kind == ORIGIN_ALLOC)
        return ORIGIN_ALLOC;
    if (origin && origin->kind == ORIGIN_LOOKUP)
        return ORIGIN_LOOKUP;
    if (name_says_lookup(function->name) || loops)
        return ORIGIN_LOOKUP;
    return ORIGIN_NULLABLE;
}

/* The library lookup whose miss `origin` is, directly (getenv) or passed
 * on by a function of the program (get_home() returning getenv's NULL), or
 * NULL: a search of the program's own (a loop, or another such function). */
static const char *library_miss(const struct null_origin *origin)
{
    if (origin && origin->kind == ORIGIN_NULL_CHECK && origin->cause)
        origin = origin->cause;
    if (!origin || origin->kind != ORIGIN_LOOKUP)
        return NULL;
    if (origin->how == HOW_PACK_RESULT)
        return origin->callee;
    return origin->how == HOW_UNIT_FUNCTION ? origin->failing : NULL;
}

/* The allocator whose failure, or the library lookup whose miss, a
 * returned NULL passes on; NULL for a function's own search. */
static const char *return_failing(enum origin_kind kind, const struct null_origin *origin)
{
    if (kind == ORIGIN_LOOKUP)
        return library_miss(origin);
    if (origin && origin->kind == ORIGIN_NULL_CHECK && origin->cause)
        origin = origin->cause;
    return kind == ORIGIN_ALLOC && origin ? origin->callee : NULL;
}

/* `if (!home) return NULL;` after home = getenv("HOME"): the library
 * lookup whose miss, in the state, a NULL returned as a constant passes
 * on, or NULL. It does not make the function a lookup (its name does), but
 * it says that the NULL is not the function's own search. */
static const char *miss_passed_on(const struct ir_function *function,
                                  const struct flow_state *out)
{
    for (int i = 0; i < function->path_count; i++) {
        const struct path_state *value = &out->paths[i];
        const char *missed = value->nullability == NULLABILITY_NULL ? library_miss(value->origin)
                                                                     : NULL;
        if (missed)
            return missed;
    }
    return NULL;
}

/* Paths whose value comes from the parameters: the parameters themselves,
 * what is reached from them, and what is assigned from those or returned by
 * calls given them (n = length(list), type = get_type(&key)). A syntactic,
 * flow-insensitive closure over the function. */
/* Whether the call's result may be NULL by a source's contract (strchr,
 * fopen, a function of the unit that returns NULL): testing it observes a
 * failure or an absence, not a precondition on the arguments. */
static bool call_is_source(const struct unit_analysis *shared, const struct ir_call *call)
{
    const struct pack_entry *rule = transfer_call_entry(shared, call);
    if (rule)
        return rule->returns != SOURCE_NONE;
    if (call->function_index < 0) {
        const struct function_summary *imported = imported_summary(shared, call);
        return imported && imported->returns_null;
    }
    const struct summary_entry *callee = shared->summaries[call->function_index];
    return callee && callee->summary.computed && callee->summary.returns_null;
}

static char *parameter_derived(const struct unit_analysis *shared,
                               const struct ir_function *function, struct arena *arena)
{
    char *derived = arena_alloc(arena, (size_t)(function->path_count + 1));
    for (int i = 0; i < function->path_count; i++) {
        int root = ir_path_root(function, i);
        derived[i] = function->paths[root].root_kind == VARIABLE_PARAMETER;
    }
    bool changed = true;
    while (changed) {
        changed = false;
        for (int b = 0; b < function->block_count; b++) {
            const struct cfg_block *block = &function->blocks[b];
            for (int i = 0; i < block->statement_count; i++) {
                const struct ir_statement *statement = &block->statements[i];
                int target = -1;
                bool from_parameters = false;
                if (statement->kind == STATEMENT_ASSIGN) {
                    target = statement->target;
                    from_parameters = (statement->value.kind == VALUE_PATH ||
                                       statement->value.kind == VALUE_NULL_TEST) &&
                                      derived[statement->value.path];
                } else if (statement->kind == STATEMENT_CALL &&
                           !call_is_source(shared, &statement->call)) {
                    target = statement->call.target;
                    for (int a = 0; a < statement->call.argument_count; a++) {
                        struct ir_value argument = statement->call.arguments[a];
                        if ((argument.kind == VALUE_PATH || argument.kind == VALUE_NONNULL) &&
                            argument.path >= 0 && derived[argument.path])
                            from_parameters = true;
                    }
                }
                if (target >= 0 && from_parameters && !derived[target]) {
                    derived[target] = 1;
                    changed = true;
                }
            }
        }
    }
    return derived;
}

/* Why a function returns a NULL that no source (malloc, a lookup) made:
 * a `return NULL;` that callers must expect, or one that only answers a
 * precondition the caller is responsible for (a type tag of an argument,
 * an index out of range, a NULL argument). */
enum null_return_kind {
    NULL_RETURN_EXPECTED,         /* unconditional, after a search loop, or on a failure the
                                   * function itself observed */
    NULL_RETURN_FOR_NULL_ARGUMENT, /* only when this parameter is NULL */
    NULL_RETURN_FOR_ARGUMENTS,    /* only for some argument values */
    NULL_RETURN_DEFENSIVE         /* the NULL branch of a test of a value nothing said could
                                   * be NULL, passed on: if (ret) ...; return ret; */
};

struct null_return_context {
    bool recursive;
    uint32_t recursive_null; /* parameters a call to itself may pass NULL */
    const char *derived;
    int *rank;
    int *first_predecessor; /* predecessors of block b: predecessor[first[b] .. first[b+1]) */
    int *predecessor;
};

static void null_return_context_init(struct null_return_context *context,
                                     const struct unit_analysis *shared,
                                     const struct ir_function *function, struct arena *arena)
{
    int blocks = function->block_count;
    context->derived = parameter_derived(shared, function, arena);
    context->rank = arena_alloc(arena, sizeof *context->rank * (size_t)(blocks + 1));
    int *order = arena_alloc(arena, sizeof *order * (size_t)(blocks + 1));
    for (int b = 0; b < blocks; b++)
        context->rank[b] = -1;
    int count = reverse_postorder(function, arena, order);
    for (int i = 0; i < count; i++)
        context->rank[order[i]] = i;
    build_predecessors(function, context->rank, arena, &context->first_predecessor,
                       &context->predecessor);
}

/* Whether `path` or a path it is reached from (name[0] after
 * name = theme->name) comes from the parameters. */
static bool derived_path(const struct ir_function *function,
                         const struct null_return_context *context, int path)
{
    for (; path >= 0; path = function->paths[path].parent)
        if (context->derived[path])
            return true;
    return false;
}

/* Whether `branch` is a loop's test: a later block jumps back to it. */
static bool is_loop_test(const struct null_return_context *context, int branch)
{
    for (int i = context->first_predecessor[branch]; i < context->first_predecessor[branch + 1];
         i++)
        if (context->rank[context->predecessor[i]] >= context->rank[branch])
            return true;
    return false;
}

/* Blocks looked at when finding what decides a return, at most. */
enum { DECIDING_SEARCH_LIMIT = 64 };

/* The branches that decide whether `block` runs: going back from it, a
 * branch both of whose edges lead there decides nothing (the if-else
 * before a join), one with a single such edge does (either test of
 * `a || b`). Returns their count, or -1 when the entry is reached without
 * one, or when the search is too large to say. */
static int deciding_branches(const struct ir_function *function,
                             const struct null_return_context *context, int block,
                             int *deciding, char *edges_in, char *seen)
{
    int queue[DECIDING_SEARCH_LIMIT], length = 0, touched[DECIDING_SEARCH_LIMIT * 2];
    int touched_count = 0, result = 0;
    queue[length++] = block;
    seen[block] = 1;
    touched[touched_count++] = block;
    for (int next = 0; next < length && result >= 0; next++) {
        int current = queue[next];
        if (current == function->entry) {
            result = -1;
            break;
        }
        for (int i = context->first_predecessor[current];
             i < context->first_predecessor[current + 1]; i++) {
            int previous = context->predecessor[i];
            const struct cfg_block *node = &function->blocks[previous];
            bool enqueue = !seen[previous];
            if (node->terminator == TERMINATOR_BRANCH) {
                if (!edges_in[previous] && touched_count < DECIDING_SEARCH_LIMIT * 2)
                    touched[touched_count++] = previous;
                for (int e = 0; e < 2; e++)
                    if (node->successors[e] == current)
                        edges_in[previous] |= (char)(1 << e);
                enqueue = enqueue && edges_in[previous] == 3;
            }
            if (!enqueue)
                continue;
            if (length == DECIDING_SEARCH_LIMIT || touched_count == DECIDING_SEARCH_LIMIT * 2) {
                result = -1;
                break;
            }
            seen[previous] = 1;
            touched[touched_count++] = previous;
            queue[length++] = previous;
        }
    }
    for (int i = 0; i < touched_count; i++) {
        int b = touched[i];
        if (result >= 0 && !seen[b] && edges_in[b] && edges_in[b] != 3)
            deciding[result++] = b;
        edges_in[b] = 0;
        seen[b] = 0;
    }
    return result;
}

/* Whether the function calls itself: then a NULL return for a NULL
 * argument is the bottom of a recursive search, not a precondition,
 * unless no such call passes NULL there (rsync's hashtable_find(tbl, key,
 * data_when_new) calls itself only with data_when_new set: its NULL for a
 * NULL data_when_new still answers the caller's choice). */
static bool calls_itself(const struct function_analysis *analysis)
{
    const struct ir_function *function = analysis->function;
    for (int b = 0; b < function->block_count; b++)
        for (int i = 0; i < function->blocks[b].statement_count; i++) {
            const struct ir_statement *statement = &function->blocks[b].statements[i];
            if (statement->kind == STATEMENT_CALL &&
                statement->call.function_index == analysis->function_index)
                return true;
        }
    return false;
}

/* Whether the calling context gives the tested parameter its value, or a
 * bounded range of values: the caller chose it (theme_at(5), an index that
 * is 0 or 5), so a NULL it leads to is expected. A bound on one side only
 * (i < size) is no choice: it still prunes what cannot happen. */
static bool context_sets(const struct function_analysis *analysis,
                         const struct access_path *tested)
{
    const struct access_path *parameter =
        tested->parent >= 0 ? &analysis->function->paths[tested->parent] : tested;
    if (tested->parent >= 0 && (tested->step != PATH_ARROW || parameter->parent >= 0))
        return false; /* only `parameter->member` below a root */
    for (int c = 0; c < analysis->context_count; c++) {
        const struct context_root *root = &analysis->context[c].root;
        if (analysis->context[c].low == LLONG_MIN || analysis->context[c].high == LLONG_MAX)
            continue;
        if (root->key) {
            if (tested->parent < 0 && tested->global_key &&
                strcmp(root->key, tested->global_key) == 0)
                return true;
        } else if (parameter->root_kind == VARIABLE_PARAMETER &&
                   root->parameter == parameter->parameter_index &&
                   (root->member ? tested->parent >= 0 && tested->name &&
                                       strcmp(root->member, tested->name) == 0
                                 : tested->parent < 0)) {
            return true;
        }
    }
    return false;
}

/* Where the returned NULL was made: the block that assigns it (an arm of
 * `c ? NULL : x`, an error branch), whose deciding tests are what the
 * NULL depends on; else the returning block itself. */
static int null_block(const struct ir_function *function, const struct null_origin *origin,
                      int returning)
{
    if (!origin || origin->kind != ORIGIN_NULL_CONSTANT)
        return returning;
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        for (int i = 0; i < block->statement_count; i++) {
            const struct ir_statement *statement = &block->statements[i];
            if (statement->kind == STATEMENT_ASSIGN &&
                (statement->value.kind == VALUE_NULL ||
                 (statement->value.kind == VALUE_INTEGER && statement->value.integer == 0)) &&
                statement->location.line == origin->location.line &&
                statement->location.column == origin->location.column)
                return b;
        }
    }
    return returning;
}

/* Whether the function's calls to itself make a NULL test of `tested` the
 * bottom of a recursive search: some such call may pass NULL where it is
 * a parameter; any such call, for what lies below one. */
static bool recursion_passes_null(const struct null_return_context *context,
                                  const struct access_path *tested)
{
    if (!context->recursive)
        return false;
    if (tested->parent < 0 && tested->root_kind == VARIABLE_PARAMETER &&
        tested->parameter_index >= 0 && tested->parameter_index < ARGUMENT_MASK_BITS)
        return context->recursive_null & (UINT32_C(1) << tested->parameter_index);
    return true;
}

/* A returned value that is NULL because the function tested it (no source
 * behind it): when the test is not a loop's (a search that ran off the
 * end), the function only passes on what it was given. A parameter's NULL
 * makes the result as NULL as that argument; any other value's test is
 * defensive and makes no NULL of its own. Returns -1 when the return is to
 * be judged by what decides it instead. */
static int tested_null_return(const struct function_analysis *analysis,
                              const struct null_return_context *context,
                              const struct null_origin *origin, int *parameter)
{
    if (!origin || origin->kind != ORIGIN_NULL_CHECK || origin->cause)
        return -1;
    const struct ir_function *function = analysis->function;
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        const struct ir_condition *condition = &block->condition;
        if (block->terminator != TERMINATOR_BRANCH || condition->kind != CONDITION_NONNULL ||
            condition->path < 0 || condition->location.line != origin->location.line ||
            condition->location.column != origin->location.column)
            continue;
        if (is_loop_test(context, b))
            return -1;
        const struct access_path *tested = &function->paths[condition->path];
        if (recursion_passes_null(context, tested))
            return -1;
        if (tested->parent < 0 && tested->root_kind == VARIABLE_PARAMETER &&
            tested->parameter_index >= 0 && tested->parameter_index < ARGUMENT_MASK_BITS) {
            *parameter = tested->parameter_index;
            return NULL_RETURN_FOR_NULL_ARGUMENT;
        }
        return NULL_RETURN_DEFENSIVE;
    }
    return -1;
}

/* What the branches that decide a NULL return say of it: a NULL test of
 * one parameter alone makes it that argument's precondition, tests of
 * what the parameters give make it a NULL for some argument values, and
 * anything else (a loop's test, a local's state) makes it expected.
 * `null_edges`, when given, says per deciding branch which of its edges
 * keeps the NULL (0: the condition holds, 1: not). */
static enum null_return_kind judge_deciding(const struct function_analysis *analysis,
                                            const struct null_return_context *context,
                                            const int *deciding, const int *null_edges,
                                            int count, int *parameter)
{
    const struct ir_function *function = analysis->function;
    if (count <= 0)
        return NULL_RETURN_EXPECTED;
    int null_parameter = -1;
    bool only_null_tests = true;
    for (int i = 0; i < count; i++) {
        const struct ir_condition *condition = &function->blocks[deciding[i]].condition;
        if (is_loop_test(context, deciding[i]) || condition->kind == CONDITION_UNKNOWN ||
            condition->path < 0 || !derived_path(function, context, condition->path))
            return NULL_RETURN_EXPECTED;
        const struct access_path *tested = &function->paths[condition->path];
        if (context_sets(analysis, tested))
            return NULL_RETURN_EXPECTED;
        if (condition->kind == CONDITION_NONNULL && recursion_passes_null(context, tested))
            return NULL_RETURN_EXPECTED;
        bool parameter_test = condition->kind == CONDITION_NONNULL && tested->parent < 0 &&
                              tested->root_kind == VARIABLE_PARAMETER &&
                              tested->parameter_index >= 0 &&
                              tested->parameter_index < ARGUMENT_MASK_BITS &&
                              (null_parameter < 0 || null_parameter == tested->parameter_index) &&
                              (!null_edges || null_edges[i] == 1);
        if (parameter_test)
            null_parameter = tested->parameter_index;
        else
            only_null_tests = false;
    }
    if (only_null_tests && count == 1) {
        *parameter = null_parameter;
        return NULL_RETURN_FOR_NULL_ARGUMENT;
    }
    return NULL_RETURN_FOR_ARGUMENTS;
}

/* `*unconditional` tells whether `block` runs whatever the tests say (the
 * entry reached without a deciding branch). */
static enum null_return_kind classify_null_return(const struct function_analysis *analysis,
                                                  const struct null_return_context *context,
                                                  int block, char *edges_in, char *seen,
                                                  int *parameter, bool *unconditional)
{
    int deciding[DECIDING_SEARCH_LIMIT * 2];
    int count = deciding_branches(analysis->function, context, block, deciding, edges_in, seen);
    *unconditional = count < 0;
    return judge_deciding(analysis, context, deciding, NULL, count, parameter);
}

/* Whether block `b` writes `path` (assigns it, stores a call's result in
 * it, forgets it, steps it). */
static bool block_writes(const struct cfg_block *block, int path)
{
    for (int i = 0; i < block->statement_count; i++) {
        const struct ir_statement *statement = &block->statements[i];
        int target = statement->kind == STATEMENT_CALL ? statement->call.target
                     : statement->kind == STATEMENT_ASSIGN || statement->kind == STATEMENT_FORGET ||
                             statement->kind == STATEMENT_ADJUST
                         ? statement->target
                         : -1;
        if (target == path)
            return true;
    }
    return false;
}

/* `ret = NULL; if (con) ret = con->arg; return ret;`: the NULL assigned in
 * block `made`, unconditionally, reaches the return in block `returning`
 * only where no block overwrites `path` on the way. The branches with one
 * edge that keeps it and one that overwrites it first decide the NULL,
 * as the tests before a `return NULL;` do; a loop on the way is a search
 * that may find nothing (`found = NULL; for (...) if (...) found = e;`). */
static enum null_return_kind classify_surviving_null(const struct function_analysis *analysis,
                                                     const struct null_return_context *context,
                                                     int made, int returning, int path,
                                                     struct arena *arena, int *parameter)
{
    const struct ir_function *function = analysis->function;
    int blocks = function->block_count;
    char *kills = arena_alloc(arena, (size_t)blocks + 1);
    char *keeps = arena_alloc(arena, (size_t)blocks + 1); /* reaches `returning` unwritten */
    char *from = arena_alloc(arena, (size_t)blocks + 1);  /* reached from `made` unwritten */
    int *stack = arena_alloc(arena, sizeof *stack * ((size_t)blocks + 1));
    for (int b = 0; b < blocks; b++) {
        kills[b] = b != made && b != returning && block_writes(&function->blocks[b], path);
        keeps[b] = b == returning;
        from[b] = 0;
    }
    ir_blocks_reaching(function, keeps, kills);
    int depth = 0;
    stack[depth++] = made;
    from[made] = 1;
    while (depth > 0) {
        const struct cfg_block *block = &function->blocks[stack[--depth]];
        for (int e = 0; e < ir_successor_count(block); e++) {
            int next = block->successors[e];
            if (next >= 0 && next < blocks && !from[next] && !kills[next]) {
                from[next] = 1;
                stack[depth++] = next;
            }
        }
    }
    int deciding[DECIDING_SEARCH_LIMIT], null_edges[DECIDING_SEARCH_LIMIT], count = 0;
    for (int b = 0; b < blocks; b++) {
        const struct cfg_block *block = &function->blocks[b];
        if (!from[b] || !keeps[b] || block->terminator != TERMINATOR_BRANCH)
            continue;
        if (is_loop_test(context, b))
            return NULL_RETURN_EXPECTED; /* a search that may find nothing */
        int kept[2];
        for (int e = 0; e < 2; e++) {
            int next = block->successors[e];
            kept[e] = next >= 0 && next < blocks && from[next] && keeps[next];
        }
        if (kept[0] == kept[1])
            continue;
        if (count == DECIDING_SEARCH_LIMIT)
            return NULL_RETURN_EXPECTED;
        deciding[count] = b;
        null_edges[count++] = kept[0] ? 0 : 1;
    }
    return judge_deciding(analysis, context, deciding, null_edges, count, parameter);
}

/* A global pointer, or parameter->field: what a caller can name too. */
static bool nulled_candidate(const struct ir_function *function, int index)
{
    const struct access_path *path = &function->paths[index];
    if (!path->is_pointer)
        return false;
    if (path->parent < 0)
        return path->root_kind == VARIABLE_GLOBAL && path->global_key;
    const struct access_path *parent = &function->paths[path->parent];
    return path->step == PATH_ARROW && parent->parent < 0 &&
           parent->root_kind == VARIABLE_PARAMETER && parent->parameter_index >= 0;
}

static void collect_set_globals(struct unit_analysis *shared, const struct ir_function *function,
                                const char *set, struct function_summary *summary)
{
    int count = 0;
    for (int i = 0; i < function->path_count; i++)
        count += set[i] != 0;
    if (!count)
        return;
    summary->set_globals = arena_alloc(shared->arena, sizeof *summary->set_globals * (size_t)count);
    for (int i = 0; i < function->path_count; i++)
        if (set[i])
            summary->set_globals[summary->set_global_count++] = function->paths[i].global_key;
}

static void collect_nulled(struct unit_analysis *shared, const struct ir_function *function,
                           const char *nulled, struct function_summary *summary)
{
    int count = 0;
    for (int i = 0; i < function->path_count; i++)
        count += nulled[i] != 0;
    if (!count)
        return;
    summary->nulled = arena_alloc(shared->arena, sizeof *summary->nulled * (size_t)count);
    for (int i = 0; i < function->path_count; i++) {
        if (!nulled[i])
            continue;
        const struct access_path *path = &function->paths[i];
        struct nulled_path *entry = &summary->nulled[summary->nulled_count++];
        entry->text = path->text;
        entry->parameter = -1;
        if (path->parent < 0) {
            entry->key = path->global_key;
        } else {
            entry->parameter = function->paths[path->parent].parameter_index;
            entry->field = path->name;
        }
    }
}

/* What the returns of a function say of its NULL results, gathered one
 * returning state at a time. */
struct null_returns {
    struct null_return_context context;
    char *edges_in, *seen;               /* scratch for deciding_branches */
    bool returns_null;                   /* a NULL return that counts */
    const struct null_origin *origin;    /* the first one's */
    const char *missed;                  /* the library lookup whose miss the first one, a
                                          * constant, passes on, or NULL */
    uint32_t for_null_arguments;         /* NULL only for these NULL parameters */
    const struct null_origin *for_null_origin;  /* the first such return's */
    struct source_location for_null_return;
    bool for_arguments;                  /* NULL only for some argument values */
    bool returns_value;                  /* some return gives a value */
    bool counted;                        /* zero_counts holds since the first NULL return */
    uint32_t zero_counts;                /* parameters whose integer target every NULL
                                          * return leaves 0 */
    bool not_always_set;                 /* some return gives a value not known non-NULL */
};

static void null_returns_init(struct null_returns *returns, struct function_analysis *analysis)
{
    memset(returns, 0, sizeof *returns);
    const struct ir_function *function = analysis->function;
    null_return_context_init(&returns->context, analysis->shared, function, &analysis->scratch);
    returns->context.recursive = calls_itself(analysis);
    returns->context.recursive_null = analysis->self_passed_maybe_null;
    returns->edges_in = arena_alloc(&analysis->scratch, (size_t)(function->block_count + 1));
    returns->seen = arena_alloc(&analysis->scratch, (size_t)(function->block_count + 1));
}

/* The value returned by block `b` in state `out`: a NULL that counts for
 * callers, one that only answers a precondition, or none. */
/* `if (buf == NULL) return NULL;`: the NULL a function returns as a
 * constant where an allocation it made has just failed is that failure
 * passed on (so it is an allocation failure to its callers, and with
 * allocations-never-fail none at all). The earliest such failure in the
 * state, or NULL. A failed search passed on this way is not: whether the
 * function is a lookup goes by its name (parse_header() returning NULL
 * when strchr() finds no colon reports a parse error). */
static const struct null_origin *failure_passed_on(const struct ir_function *function,
                                                   const struct flow_state *out)
{
    const struct null_origin *found = NULL;
    for (int i = 0; i < function->path_count; i++) {
        const struct path_state *value = &out->paths[i];
        if (value->nullability != NULLABILITY_NULL || !value->origin)
            continue;
        const struct null_origin *root = value->origin;
        if (root->kind == ORIGIN_NULL_CHECK && root->cause)
            root = root->cause;
        if (root->kind == ORIGIN_ALLOC)
            found = origin_choose(found, value->origin);
    }
    return found;
}

/* The pointer parameters whose target, an integer, is 0 in `state`
 * (`*count = 0; return NULL;`). */
static uint32_t zero_count_parameters(const struct ir_function *function,
                                      const struct flow_state *state)
{
    uint32_t zero = 0;
    for (int i = 0; i < function->path_count; i++) {
        const struct access_path *path = &function->paths[i];
        long long value;
        if (path->step != PATH_DEREF || path->is_pointer || path->parent < 0)
            continue;
        const struct access_path *parameter = &function->paths[path->parent];
        if (parameter->parent >= 0 || parameter->root_kind != VARIABLE_PARAMETER ||
            parameter->parameter_index < 0 || parameter->parameter_index >= ARGUMENT_MASK_BITS)
            continue;
        if (integer_known(&state->paths[i], &value) && value == 0)
            zero |= UINT32_C(1) << parameter->parameter_index;
    }
    return zero;
}

static void null_returns_add(struct null_returns *returns, struct function_analysis *analysis,
                             int b, const struct flow_state *out,
                             struct function_summary *summary)
{
    const struct ir_function *function = analysis->function;
    const struct cfg_block *block = &function->blocks[b];
    if (!block->has_return_value || !function->returns_pointer)
        return;
    struct ir_value value = block->returned;
    bool is_null = value.kind == VALUE_NULL || (value.kind == VALUE_INTEGER && value.integer == 0);
    const struct null_origin *origin = NULL;
    returns->returns_value = true;
    if (!(value.kind == VALUE_NONNULL ||
          (value.kind == VALUE_PATH &&
           out->paths[value.path].nullability == NULLABILITY_NONNULL)))
        returns->not_always_set = true;
    if (value.kind == VALUE_PATH) {
        const struct path_state *returned = &out->paths[value.path];
        if (returned->nullability == NULLABILITY_NULL ||
            returned->nullability == NULLABILITY_MAYBE) {
            is_null = true;
            origin = returned->origin;
        }
    } else if (is_null) {
        origin = failure_passed_on(function, out);
    }
    if (is_null && !source_backed(origin)) {
        int parameter = -1;
        int kind = tested_null_return(analysis, &returns->context, origin, &parameter);
        int made = null_block(function, origin, b);
        bool unconditional = false;
        if (kind < 0)
            kind = (int)classify_null_return(analysis, &returns->context, made, returns->edges_in,
                                             returns->seen, &parameter, &unconditional);
        /* only a NULL argument's own NULL: one kept for an empty string
         * (`if (s && *s) copy = dup(s);`) is data the caller may pass */
        if (unconditional && value.kind == VALUE_PATH && made != b &&
            classify_surviving_null(analysis, &returns->context, made, b, value.path,
                                    &analysis->scratch,
                                    &parameter) == NULL_RETURN_FOR_NULL_ARGUMENT)
            kind = NULL_RETURN_FOR_NULL_ARGUMENT;
        switch ((enum null_return_kind)kind) {
        case NULL_RETURN_EXPECTED:
            break;
        case NULL_RETURN_DEFENSIVE:
            is_null = false;
            break;
        case NULL_RETURN_FOR_NULL_ARGUMENT:
            assert(parameter >= 0 && parameter < ARGUMENT_MASK_BITS);
            if (!returns->for_null_arguments) {
                returns->for_null_origin = origin;
                returns->for_null_return = block->return_location;
            }
            returns->for_null_arguments |= UINT32_C(1) << parameter;
            is_null = false;
            break;
        case NULL_RETURN_FOR_ARGUMENTS:
            returns->for_arguments = true;
            is_null = false;
            break;
        }
    }
    if (is_null) {
        uint32_t zero = zero_count_parameters(function, out);
        returns->zero_counts = returns->counted ? returns->zero_counts & zero : zero;
        returns->counted = true;
    }
    if (is_null &&
        (!returns->returns_null || block->return_location.line < summary->null_return.line)) {
        returns->returns_null = true;
        summary->null_return = block->return_location;
        returns->origin = origin;
        returns->missed = value.kind != VALUE_PATH ? miss_passed_on(function, out) : NULL;
    }
}

/* Whether a return that gives something else than NULL can run while
 * `parameter` is NULL: one reached from the entry without taking the
 * non-NULL edge of a test of it. rsync's hashtable_find(tbl, key,
 * data_when_new) returns the key's node when it finds it, whatever
 * data_when_new is, and NULL only when it does not and data_when_new is
 * NULL. */
static bool value_returned_for_null(const struct ir_function *function, int parameter,
                                    struct arena *arena)
{
    int blocks = function->block_count;
    char *seen = arena_alloc(arena, (size_t)blocks + 1);
    int *stack = arena_alloc(arena, sizeof *stack * ((size_t)blocks + 1));
    memset(seen, 0, (size_t)blocks + 1);
    int depth = 0;
    stack[depth++] = function->entry;
    seen[function->entry] = 1;
    while (depth > 0) {
        const struct cfg_block *block = &function->blocks[stack[--depth]];
        if (block->terminator == TERMINATOR_RETURN) {
            struct ir_value value = block->returned;
            bool null = value.kind == VALUE_NULL ||
                        (value.kind == VALUE_INTEGER && value.integer == 0);
            bool same = value.kind == VALUE_PATH &&
                        function->paths[value.path].parent < 0 &&
                        function->paths[value.path].root_kind == VARIABLE_PARAMETER &&
                        function->paths[value.path].parameter_index == parameter;
            if (block->has_return_value && !null && !same)
                return true;
            continue;
        }
        const struct access_path *tested =
            block->terminator == TERMINATOR_BRANCH && block->condition.kind == CONDITION_NONNULL &&
                    block->condition.path >= 0
                ? &function->paths[block->condition.path]
                : NULL;
        bool tests_parameter = tested && tested->parent < 0 &&
                               tested->root_kind == VARIABLE_PARAMETER &&
                               tested->parameter_index == parameter;
        for (int e = tests_parameter ? 1 : 0; e < ir_successor_count(block); e++) {
            int next = block->successors[e];
            if (next >= 0 && !seen[next]) {
                seen[next] = 1;
                stack[depth++] = next;
            }
        }
    }
    return false;
}

static void null_returns_finish(const struct null_returns *returns,
                                const struct ir_function *function, bool loops,
                                struct function_summary *summary, struct arena *scratch)
{
    /* "NULL only when this argument is NULL": the result is as NULL as the
     * argument, unless other NULL returns make it maybe-NULL anyway, or it
     * may be set even then (a find that inserts unless told not to): then a
     * NULL argument only makes it maybe NULL. */
    if (!returns->returns_null && !returns->for_arguments) {
        for (int i = 0; i < ARGUMENT_MASK_BITS; i++) {
            uint32_t bit = UINT32_C(1) << i;
            if (!(returns->for_null_arguments & bit))
                continue;
            if (value_returned_for_null(function, i, scratch))
                summary->null_only_for_null_parameters |= bit;
            else
                summary->propagated_parameters |= bit;
        }
    }
    if (summary->null_only_for_null_parameters) {
        summary->null_return = returns->for_null_return;
        summary->return_kind = returned_kind(function, loops, returns->for_null_origin);
        summary->return_failing = return_failing(summary->return_kind, returns->for_null_origin);
    }
    summary->returns_nonnull = function->returns_pointer && returns->returns_value &&
                               !returns->not_always_set;
    if (returns->returns_null) {
        summary->returns_null = true;
        summary->null_count_parameters = returns->zero_counts;
        summary->return_kind = returned_kind(function, loops, returns->origin);
        summary->return_failing = return_failing(summary->return_kind, returns->origin);
        if (!summary->return_failing && summary->return_kind == ORIGIN_LOOKUP)
            summary->return_failing = returns->missed;
    }
}

/* The members of parameters whose entry value every return path used
 * unchecked (a parameter's own uses are dereferenced_parameters). */
static void collect_member_uses(struct unit_analysis *shared, const struct ir_function *function,
                                const struct source_location **member_use,
                                const int *member_parameter, struct function_summary *summary)
{
    int kept = 0;
    for (int i = 0; i < function->path_count; i++)
        if (member_use[i])
            kept++;
    if (!kept)
        return;
    summary->member_uses = arena_alloc(shared->arena, sizeof *summary->member_uses * (size_t)kept);
    for (int i = 0; i < function->path_count; i++) {
        if (!member_use[i])
            continue;
        struct member_use *member = &summary->member_uses[summary->member_use_count++];
        member->parameter = member_parameter[i];
        member->step = function->paths[i].step;
        member->name = function->paths[i].name;
        member->use = *member_use[i];
    }
}

/* The globals whose entry value every return path used unchecked. */
static void collect_global_uses(struct unit_analysis *shared, const struct ir_function *function,
                                const struct source_location **global_use, int globals,
                                struct function_summary *summary)
{
    int kept = 0;
    for (int g = 0; g < globals; g++)
        if (global_use[g])
            kept++;
    if (!kept)
        return;
    summary->dereferenced_globals =
        arena_alloc(shared->arena, sizeof *summary->dereferenced_globals * (size_t)kept);
    summary->global_names = arena_alloc(shared->arena, sizeof *summary->global_names * (size_t)kept);
    summary->global_use = arena_alloc(shared->arena, sizeof *summary->global_use * (size_t)kept);
    for (int i = 0, g = 0; i < function->path_count; i++) {
        const struct access_path *path = &function->paths[i];
        if (path->parent >= 0 || path->root_kind != VARIABLE_GLOBAL || !path->global_key)
            continue;
        if (global_use[g]) {
            int k = summary->dereferenced_global_count++;
            summary->dereferenced_globals[k] = path->global_key;
            summary->global_names[k] = path->text;
            summary->global_use[k] = *global_use[g];
        }
        g++;
    }
}

/* What the returning states of a function say, gathered one state at a
 * time in whatever order the walk meets them: facts that must hold on
 * every return are and-ed, and the places quoted come from the return of
 * the lowest block, so the summary does not depend on the order. */
struct return_facts {
    struct function_summary *summary;
    int parameters;
    uint32_t used;                          /* parameters used unchecked on every return */
    const struct source_location **global_use; /* per global root: from the first return */
    char *global_unused;                    /* per global root: some return did not use it */
    int globals;
    char *nulled;                           /* per path: NULL on every return */
    char *set;                              /* per path, a global pointer: non-NULL on
                                             * every return */
    const struct source_location **member_use; /* per path, a parameter's member: its entry
                                                * value used unchecked, from the first return */
    int *member_parameter;                  /* per path: whose member (-2: none seen yet) */
    char *member_dropped;                   /* per path: some return did not use it, or used
                                             * another parameter's */
    int *nonnull_parameter;                 /* per path, a parameter's member non-NULL at
                                             * every return: whose (-2: none seen yet) */
    char *nonnull_dropped;                  /* per path: not so at some return */
    int *constant_parameter;                /* per path, a parameter's integer member at one
                                             * value at every return: whose (-2: none yet) */
    long long *constant_value;              /* per path: that value */
    char *constant_dropped;                 /* per path: not so at some return */
    struct null_returns returns;
    struct predicate_returns *predicates;
    int first_block;                        /* the lowest returning block seen, or -1 */
    bool range_seen;                        /* an integer return was seen: */
    long long range_low, range_high;        /* the hull of what they return */
};

/* The interval an integer return gives, hulled into the facts. */
static void return_range_add(struct return_facts *facts, const struct ir_function *function,
                             int b, const struct flow_state *out)
{
    const struct cfg_block *block = &function->blocks[b];
    if (!block->has_return_value || function->returns_pointer)
        return;
    long long low = LLONG_MIN, high = LLONG_MAX;
    struct ir_value value = block->returned;
    if (value.kind == VALUE_INTEGER) {
        low = high = value.integer;
    } else if (value.kind == VALUE_PATH && !function->paths[value.path].is_pointer) {
        low = out->paths[value.path].low;
        high = out->paths[value.path].high;
    }
    if (!facts->range_seen || low < facts->range_low)
        facts->range_low = low;
    if (!facts->range_seen || high > facts->range_high)
        facts->range_high = high;
    facts->range_seen = true;
}

/* The parameter whose entry value holds member path `i` at a return
 * (`p->count` with p as the caller passed it), or -1. */
static int holder_parameter(const struct return_facts *facts, const struct ir_function *function,
                            const struct flow_state *out, int i)
{
    int holder = out->paths[function->paths[i].parent].entry_of;
    if (holder < 0 || function->paths[holder].parent >= 0 ||
        function->paths[holder].root_kind != VARIABLE_PARAMETER ||
        function->paths[holder].parameter_index < 0 ||
        function->paths[holder].parameter_index >= facts->parameters)
        return -1;
    return function->paths[holder].parameter_index;
}

static void visit_members(struct return_facts *facts, const struct ir_function *function,
                          const struct flow_state *out, bool first)
{
    for (int i = 0; i < function->path_count; i++) {
        if (!member_path(function, i))
            continue;
        int holder = holder_parameter(facts, function, out, i);
        const struct source_location *use = holder >= 0 ? out->paths[i].entry_use : NULL;
        int parameter = use ? holder : -1;
        if (!use || (facts->member_parameter[i] != -2 && facts->member_parameter[i] != parameter))
            facts->member_dropped[i] = 1;
        else
            facts->member_parameter[i] = parameter;
        if (first)
            facts->member_use[i] = use;
        /* left non-NULL in what the caller passed: ensure_stack(s) */
        if (holder < 0 || out->paths[i].nullability != NULLABILITY_NONNULL ||
            (facts->nonnull_parameter[i] != -2 && facts->nonnull_parameter[i] != holder))
            facts->nonnull_dropped[i] = 1;
        else
            facts->nonnull_parameter[i] = holder;
    }
}

/* An integer reached in one step from what a pointer holds: `p->count`,
 * `s.length`, `*n`, `a[2]`. */
static bool integer_member_path(const struct ir_function *function, int path)
{
    const struct access_path *member = &function->paths[path];
    if (member->parent < 0 || member->is_pointer || member->weak)
        return false;
    return member->step == PATH_DEREF || member->step == PATH_FIELD ||
           member->step == PATH_ARROW ||
           (member->step == PATH_INDEX && member->name && member->name[0] != '?');
}

/* The integer members of parameters a return leaves at one value, and-ed
 * into the facts (array_init(a): a->nelts = 0). */
static void visit_constant_members(struct return_facts *facts, const struct ir_function *function,
                                   const struct flow_state *out)
{
    for (int i = 0; i < function->path_count; i++) {
        if (facts->constant_dropped[i] || !integer_member_path(function, i))
            continue;
        int parameter = holder_parameter(facts, function, out, i);
        long long low, high;
        if (parameter < 0 || !path_interval(&out->paths[i], &low, &high) || low != high ||
            (facts->constant_parameter[i] != -2 &&
             (facts->constant_parameter[i] != parameter || facts->constant_value[i] != low))) {
            facts->constant_dropped[i] = 1;
            continue;
        }
        facts->constant_parameter[i] = parameter;
        facts->constant_value[i] = low;
    }
}

static void collect_constant_members(struct unit_analysis *shared,
                                     const struct ir_function *function,
                                     const struct return_facts *facts,
                                     struct function_summary *summary)
{
    int kept = 0;
    for (int i = 0; i < function->path_count; i++)
        kept += !facts->constant_dropped[i] && facts->constant_parameter[i] >= 0;
    if (!kept)
        return;
    summary->constant_members =
        arena_alloc(shared->arena, sizeof *summary->constant_members * (size_t)kept);
    for (int i = 0; i < function->path_count; i++) {
        if (facts->constant_dropped[i] || facts->constant_parameter[i] < 0)
            continue;
        struct member_value *member =
            &summary->constant_members[summary->constant_member_count++];
        member->parameter = facts->constant_parameter[i];
        member->step = function->paths[i].step;
        member->name = function->paths[i].name;
        member->value = facts->constant_value[i];
    }
}

/* The members of parameters the function leaves non-NULL at every return. */
static void collect_nonnull_members(struct unit_analysis *shared,
                                    const struct ir_function *function,
                                    const struct return_facts *facts,
                                    struct function_summary *summary)
{
    int kept = 0;
    for (int i = 0; i < function->path_count; i++)
        kept += member_path(function, i) && !facts->nonnull_dropped[i] &&
                facts->nonnull_parameter[i] >= 0;
    if (!kept)
        return;
    summary->nonnull_members =
        arena_alloc(shared->arena, sizeof *summary->nonnull_members * (size_t)kept);
    for (int i = 0; i < function->path_count; i++) {
        if (!member_path(function, i) || facts->nonnull_dropped[i] ||
            facts->nonnull_parameter[i] < 0)
            continue;
        struct member_use *member = &summary->nonnull_members[summary->nonnull_member_count++];
        memset(member, 0, sizeof *member);
        member->parameter = facts->nonnull_parameter[i];
        member->step = function->paths[i].step;
        member->name = function->paths[i].name;
    }
}

static void visit_return(struct walker *walker, int block, const struct flow_state *out)
{
    struct function_analysis *analysis = walker->analysis;
    const struct ir_function *function = analysis->function;
    struct return_facts *facts = walker->data;
    if (function->blocks[block].terminator != TERMINATOR_RETURN)
        return;
    bool first = facts->first_block < 0 || block < facts->first_block;
    if (first)
        facts->first_block = block;
    for (int i = 0; i < function->path_count; i++) {
        if (out->paths[i].nullability != NULLABILITY_NULL)
            facts->nulled[i] = 0;
        if (out->paths[i].nullability != NULLABILITY_NONNULL)
            facts->set[i] = 0;
    }
    for (int p = 0; p < facts->parameters; p++) {
        const struct source_location *use = out->paths[function->parameter_paths[p]].entry_use;
        if (!use)
            facts->used &= ~(UINT32_C(1) << p);
        else if (first)
            facts->summary->parameter_use[p] = *use;
    }
    for (int i = 0, g = 0; i < function->path_count; i++) {
        const struct access_path *path = &function->paths[i];
        if (path->parent >= 0 || path->root_kind != VARIABLE_GLOBAL || !path->global_key)
            continue;
        if (!out->paths[i].entry_use)
            facts->global_unused[g] = 1;
        if (first)
            facts->global_use[g] = out->paths[i].entry_use;
        g++;
    }
    visit_members(facts, function, out, first);
    visit_constant_members(facts, function, out);
    null_returns_add(&facts->returns, analysis, block, out, facts->summary);
    return_range_add(facts, function, block, out);
    predicates_add(facts->predicates, function, block, out);
}

void dataflow_summarise(struct function_analysis *analysis, struct function_summary *summary)
{
    struct unit_analysis *shared = analysis->shared;
    const struct ir_function *function = analysis->function;
    memset(summary, 0, sizeof *summary);
    summary->computed = true;
    summarise_syntax(analysis, summary);

    struct return_facts facts;
    memset(&facts, 0, sizeof facts);
    facts.summary = summary;
    facts.first_block = -1;
    facts.parameters = function->parameter_count < ARGUMENT_MASK_BITS ? function->parameter_count
                                                                      : ARGUMENT_MASK_BITS;
    facts.used = facts.parameters == ARGUMENT_MASK_BITS ? UINT32_MAX
                                                        : ((UINT32_C(1) << facts.parameters) - 1);
    for (int i = 0; i < function->path_count; i++)
        if (function->paths[i].parent < 0 && function->paths[i].root_kind == VARIABLE_GLOBAL &&
            function->paths[i].global_key)
            facts.globals++;
    size_t globals = (size_t)(facts.globals ? facts.globals : 1);
    facts.global_use = arena_alloc(&analysis->scratch, sizeof *facts.global_use * globals);
    facts.global_unused = arena_alloc(&analysis->scratch, globals);
    memset(facts.global_unused, 0, globals);

    /* Pointers the function may leave NULL for its callers to see. */
    size_t paths = (size_t)(function->path_count + 1);
    facts.nulled = arena_alloc(&analysis->scratch, paths);
    facts.set = arena_alloc(&analysis->scratch, paths);
    for (int i = 0; i < function->path_count; i++) {
        const struct access_path *path = &function->paths[i];
        facts.nulled[i] = nulled_candidate(function, i);
        facts.set[i] = path->parent < 0 && path->root_kind == VARIABLE_GLOBAL &&
                       path->global_key && path->is_pointer;
    }
    facts.member_use = arena_alloc(&analysis->scratch, sizeof *facts.member_use * paths);
    facts.member_parameter =
        arena_alloc(&analysis->scratch, sizeof *facts.member_parameter * paths);
    facts.member_dropped = arena_alloc(&analysis->scratch, paths);
    facts.nonnull_parameter =
        arena_alloc(&analysis->scratch, sizeof *facts.nonnull_parameter * paths);
    facts.nonnull_dropped = arena_alloc(&analysis->scratch, paths);
    facts.constant_parameter =
        arena_alloc(&analysis->scratch, sizeof *facts.constant_parameter * paths);
    facts.constant_value = arena_alloc(&analysis->scratch, sizeof *facts.constant_value * paths);
    facts.constant_dropped = arena_alloc(&analysis->scratch, paths);
    for (int i = 0; i < function->path_count; i++) {
        facts.constant_parameter[i] = -2;
        facts.constant_value[i] = 0;
        facts.constant_dropped[i] = 0;
        facts.member_use[i] = NULL;
        facts.member_parameter[i] = -2;
        facts.member_dropped[i] = 0;
        facts.nonnull_parameter[i] = -2;
        facts.nonnull_dropped[i] = 0;
    }
    null_returns_init(&facts.returns, analysis);
    facts.predicates = predicates_begin(function, facts.parameters, &analysis->scratch);

    if (function->entry >= 0 && !analysis->too_large) {
        struct walker walker;
        walker_init(&walker, analysis);
        walker.visit = visit_return;
        walker.data = &facts;
        walk_solved(&walker);
    }
    bool returns = facts.first_block >= 0;
    for (int g = 0; g < facts.globals; g++)
        if (facts.global_unused[g])
            facts.global_use[g] = NULL;
    for (int i = 0; i < function->path_count; i++)
        if (facts.member_dropped[i])
            facts.member_use[i] = NULL;
    /* a function too large to analyse says nothing (not "never returns") */
    summary->never_returns = !returns && function->entry >= 0 && !analysis->too_large;
    summary->dereferenced_parameters = returns ? facts.used : 0;
    if (returns && !analysis->too_large)
        predicates_finish(facts.predicates, function, facts.parameters, shared->arena, summary);
    null_returns_finish(&facts.returns, function, has_loop(function, &analysis->scratch), summary,
                        &analysis->scratch);
    if (facts.range_seen && (facts.range_low != LLONG_MIN || facts.range_high != LLONG_MAX)) {
        summary->returns_range = true;
        summary->return_low = facts.range_low;
        summary->return_high = facts.range_high;
    }
    if (returns) {
        collect_member_uses(shared, function, facts.member_use, facts.member_parameter, summary);
        collect_nonnull_members(shared, function, &facts, summary);
        collect_constant_members(shared, function, &facts, summary);
        collect_nulled(shared, function, facts.nulled, summary);
        collect_set_globals(shared, function, facts.set, summary);
        collect_global_uses(shared, function, facts.global_use, facts.globals, summary);
    }
}

/*
 * liveness: which local paths a function may still read from the start of
 * each block, before writing them again. Path sensitivity keeps states
 * apart by the pointers that are NULL in them; a pointer the function will
 * not read again (a loop's scratch cursor) need not split states, and
 * states split by it crowd out the ones that matter (two pointers set
 * together). Paths of globals and parameters are always live: a callee or
 * the function's summary may read them.
 */
#include <stdint.h>
#include <string.h>

#include "engine.h"

/* Bits of live paths: LIVENESS_BYTES_LIMIT bounds the table, past which
 * every path counts as live. */
#define LIVENESS_BYTES_LIMIT ((size_t)8 << 20)

static void mark(uint64_t *set, int path)
{
    set[path / 64] |= UINT64_C(1) << (path % 64);
}

static void unmark(uint64_t *set, int path)
{
    set[path / 64] &= ~(UINT64_C(1) << (path % 64));
}

/* A read of `path` reads the paths it is reached from too (p->next reads p). */
static void use(const struct ir_function *function, uint64_t *set, int path)
{
    for (int at = path; at >= 0; at = function->paths[at].parent)
        mark(set, at);
}

static void use_value(const struct ir_function *function, uint64_t *set, struct ir_value value)
{
    if ((value.kind == VALUE_PATH || value.kind == VALUE_NULL_TEST ||
         value.kind == VALUE_NONNULL) &&
        value.path >= 0)
        use(function, set, value.path);
}

/* live = (live - written) + read, for one statement, backwards. */
static void step_back(const struct ir_function *function, const struct ir_statement *statement,
                      uint64_t *set)
{
    switch (statement->kind) {
    case STATEMENT_ASSIGN:
        if (statement->target >= 0)
            unmark(set, statement->target);
        use_value(function, set, statement->value);
        break;
    case STATEMENT_CALL:
        if (statement->call.target >= 0)
            unmark(set, statement->call.target);
        for (int i = 0; i < statement->call.argument_count; i++)
            use_value(function, set, statement->call.arguments[i]);
        break;
    default:
        if (statement->target >= 0)
            use(function, set, statement->target);
        break;
    }
}

static void block_live_in(const struct ir_function *function, int b, const uint64_t *live,
                          int words, uint64_t *set)
{
    const struct cfg_block *block = &function->blocks[b];
    memset(set, 0, sizeof *set * (size_t)words);
    int edges = ir_successor_count(block);
    for (int e = 0; e < edges; e++) {
        const uint64_t *out = live + (size_t)block->successors[e] * (size_t)words;
        for (int w = 0; w < words; w++)
            set[w] |= out[w];
    }
    if (block->terminator == TERMINATOR_BRANCH) {
        if (block->condition.path >= 0)
            use(function, set, block->condition.path);
        if (block->condition.other >= 0)
            use(function, set, block->condition.other);
    }
    if (block->terminator == TERMINATOR_RETURN && block->has_return_value)
        use_value(function, set, block->returned);
    for (int i = block->statement_count - 1; i >= 0; i--)
        step_back(function, &block->statements[i], set);
}

uint64_t *liveness_compute(const struct ir_function *function, struct arena *arena, int *words)
{
    int blocks = function->block_count;
    *words = (function->path_count + 63) / 64;
    size_t bytes = (size_t)blocks * (size_t)*words * sizeof(uint64_t);
    if (blocks == 0 || *words == 0 || bytes > LIVENESS_BYTES_LIMIT)
        return NULL;
    uint64_t *live = arena_alloc(arena, bytes);
    memset(live, 0, bytes);
    uint64_t *set = arena_alloc(arena, sizeof *set * (size_t)*words);
    /* Not local: always live. */
    uint64_t *always = arena_alloc(arena, sizeof *always * (size_t)*words);
    memset(always, 0, sizeof *always * (size_t)*words);
    for (int p = 0; p < function->path_count; p++) {
        enum variable_kind kind = function->paths[ir_path_root(function, p)].root_kind;
        if ((kind != VARIABLE_LOCAL && kind != VARIABLE_TEMPORARY) ||
            function->paths[ir_path_root(function, p)].address_taken)
            mark(always, p); /* read by callees, summaries, or through a pointer */
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (int b = blocks - 1; b >= 0; b--) {
            block_live_in(function, b, live, *words, set);
            uint64_t *in = live + (size_t)b * (size_t)*words;
            for (int w = 0; w < *words; w++) {
                uint64_t grown = in[w] | set[w] | always[w];
                if (grown != in[w]) {
                    in[w] = grown;
                    changed = true;
                }
            }
        }
    }
    return live;
}

bool liveness_live(const uint64_t *live, int words, int block, int path)
{
    if (!live)
        return true;
    return (live[(size_t)block * (size_t)words + (size_t)(path / 64)] >> (path % 64)) & 1;
}

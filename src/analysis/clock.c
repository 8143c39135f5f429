/*
 * clock: whether a time a call converts is one the clock gave, or another
 * whose year surely fits an int. localtime() and its kin fail only for a
 * time whose year does not, which `t = time(NULL); tm = localtime(&t);`
 * never is (a pack's found-if-clock), nor a time of 32 bits, as network
 * protocols and file formats store them: `t = (time_t)be32(p);`.
 * Flow-insensitive: every write of the local must come from a clock
 * function (a pack's clock), a copy of a local the clock wrote (`time_t
 * s = now.tv_sec;` after gettimeofday(&now, NULL)), an integer of at most
 * 32 bits or a constant whose year fits (`const time_t z = 0;`), and every
 * other call given its address must only read it. Only the blocks that can come before the
 * conversion count: screen adds a tick to its `now` after the last one.
 */
#include <string.h>

#include "engine.h"
#include "../support/argument_mask.h"

static bool writes_clock_only(const struct unit_analysis *shared,
                              const struct ir_function *function, const struct ir_call *call,
                              int root, bool *written)
{
    const struct pack_entry *rule = transfer_call_entry(shared, call);
    bool clock = rule && rule->clock;
    if (call->target >= 0 && ir_path_is_below(function, call->target, root)) {
        if (!clock)
            return false;
        *written = true;
    }
    for (int i = 0; i < call->argument_count; i++) {
        struct ir_value argument = call->arguments[i];
        if (argument.kind != VALUE_NONNULL || argument.path < 0 ||
            ir_path_root(function, argument.path) != root)
            continue;
        if (clock)
            *written = true;
        else if (i >= ARGUMENT_MASK_BITS || !(call->const_arguments >> i & 1))
            return false; /* it may store another time there */
    }
    return true;
}

enum {
    COPY_DEPTH = 2,                 /* copies of copies followed */
    MAX_ORDERED_BLOCKS = 4096,      /* above, every block counts */
};
/* 2^55 seconds is about a billion years: the year still fits an int. */
static const long long CONSTANT_TIME_LIMIT = 1LL << 55;

/* Whether every write of local `root` comes from a clock function, a copy
 * of a local or temporary that only one wrote (`time_t now = time(NULL);`)
 * counting as such, or a constant time; *written when one does. */
static bool clock_only(const struct unit_analysis *shared, const struct ir_function *function,
                       const char *before, int root, int depth, bool *written)
{
    for (int b = 0; b < function->block_count; b++) {
        if (before && !before[b])
            continue;
        const struct cfg_block *block = &function->blocks[b];
        for (int i = 0; i < block->statement_count; i++) {
            const struct ir_statement *statement = &block->statements[i];
            if (statement->kind == STATEMENT_CALL) {
                if (!writes_clock_only(shared, function, &statement->call, root, written))
                    return false;
                continue;
            }
            if ((statement->kind != STATEMENT_ASSIGN && statement->kind != STATEMENT_FORGET) ||
                !ir_path_is_below(function, statement->target, root))
                continue;
            struct ir_value value = statement->value;
            if (statement->kind == STATEMENT_FORGET)
                return false;
            if ((value.kind == VALUE_INTEGER && value.integer > -CONSTANT_TIME_LIMIT &&
                 value.integer < CONSTANT_TIME_LIMIT) ||
                (value.kind == VALUE_UNKNOWN && value.integer == UNKNOWN_32_BITS) ||
                (value.kind == VALUE_PATH && value.path >= 0 &&
                 function->paths[value.path].fits_32_bits)) {
                *written = true;
                continue;
            }
            if (depth >= COPY_DEPTH || value.kind != VALUE_PATH || value.path < 0)
                return false;
            /* a copy of a local the clock wrote; one nothing writes holds
             * whatever was there */
            int source = ir_path_root(function, value.path);
            enum variable_kind kind = function->paths[source].root_kind;
            bool source_written = false;
            if (source == root || (kind != VARIABLE_TEMPORARY && kind != VARIABLE_LOCAL) ||
                !clock_only(shared, function, before, source, depth + 1, &source_written) ||
                !source_written)
                return false;
            *written = true;
        }
    }
    return true;
}

bool clock_time_argument(const struct unit_analysis *shared, const struct ir_function *function,
                         int block, const struct ir_call *call, int argument)
{
    if (argument < 1 || argument > call->argument_count)
        return false;
    struct ir_value pointer = call->arguments[argument - 1];
    if (pointer.kind != VALUE_NONNULL || pointer.path < 0)
        return false;
    int root = ir_path_root(function, pointer.path);
    if (function->paths[root].root_kind != VARIABLE_LOCAL)
        return false;
    /* the blocks that can run before the conversion, itself included */
    char before_storage[MAX_ORDERED_BLOCKS];
    char *before = NULL;
    if (block >= 0 && function->block_count <= MAX_ORDERED_BLOCKS) {
        memset(before_storage, 0, (size_t)function->block_count);
        before_storage[block] = 1;
        ir_blocks_reaching(function, before_storage, NULL);
        before = before_storage;
    }
    bool written = false;
    return clock_only(shared, function, before, root, 0, &written) && written;
}

/*
 * clock: whether a time a call converts is one the clock gave. localtime()
 * and its kin fail only for a time whose year does not fit an int, which
 * `t = time(NULL); tm = localtime(&t);` never is (a pack's found-if-clock).
 * Flow-insensitive: every write of the local must come from a clock
 * function (a pack's clock), and every other call given its address must
 * only read it.
 */
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

/* Whether every write of local `root` comes from a clock function, a copy
 * of a temporary that one wrote (`time_t now = time(NULL);`) counting as
 * such; *written when one does. */
static bool clock_only(const struct unit_analysis *shared, const struct ir_function *function,
                       int root, int depth, bool *written)
{
    for (int b = 0; b < function->block_count; b++) {
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
            if (statement->kind == STATEMENT_FORGET || depth > 0 || value.kind != VALUE_PATH ||
                function->paths[value.path].parent >= 0 ||
                function->paths[value.path].root_kind != VARIABLE_TEMPORARY ||
                !clock_only(shared, function, value.path, depth + 1, written))
                return false;
        }
    }
    return true;
}

bool clock_time_argument(const struct unit_analysis *shared, const struct ir_function *function,
                         const struct ir_call *call, int argument)
{
    if (argument < 1 || argument > call->argument_count)
        return false;
    struct ir_value pointer = call->arguments[argument - 1];
    if (pointer.kind != VALUE_NONNULL || pointer.path < 0)
        return false;
    int root = ir_path_root(function, pointer.path);
    if (function->paths[root].root_kind != VARIABLE_LOCAL)
        return false;
    bool written = false;
    return clock_only(shared, function, root, 0, &written) && written;
}

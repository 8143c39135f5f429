/*
 * clock: whether a time a call converts is one the clock gave, or another
 * whose year surely fits an int. localtime() and its kin fail only for a
 * time whose year does not, which `t = time(NULL); tm = localtime(&t);`
 * never is (a pack's found-if-clock), nor a time of 32 bits, as network
 * protocols and file formats store them: `t = (time_t)be32(p);`.
 * When the conversion's own block writes the time before it, that last
 * write decides. Otherwise, flow-insensitively, every write of the local
 * must come from a clock function (a pack's clock), a copy of a local the
 * clock wrote (`time_t s = now.tv_sec;` after gettimeofday(&now, NULL)),
 * an integer of at most 32 bits or a constant whose year fits (`const
 * time_t z = 0;`), and every other call given its address must only read
 * it. Only the blocks that can come before the conversion count: screen
 * adds a tick to its `now` after the last one.
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

static bool clock_only(const struct unit_analysis *shared, const struct ir_function *function,
                       const char *before, int root, int depth, bool *written);

/* What a statement that is no call stores in local `root`: nothing, a time
 * whose year fits (a constant, an integer of at most 32 bits, a copy of a
 * local or temporary that only such writes set: `time_t now = time(NULL);`
 * goes through one), or anything else. */
enum time_write { WRITES_NOTHING, WRITES_FITTING_TIME, WRITES_ANY_TIME };

static enum time_write assigned_time(const struct unit_analysis *shared,
                                     const struct ir_function *function, const char *before,
                                     const struct ir_statement *statement, int root, int depth)
{
    if (statement->kind == STATEMENT_ADJUST && statement->target >= 0 &&
        ir_path_is_below(function, statement->target, root))
        /* a copy moved by a few seconds (`t = now + 60`) still fits; the
         * copy before it says of what */
        return statement->arithmetic == ARITHMETIC_ADD &&
                       statement->value.integer > -CONSTANT_TIME_LIMIT &&
                       statement->value.integer < CONSTANT_TIME_LIMIT
                   ? WRITES_NOTHING
                   : WRITES_ANY_TIME;
    if ((statement->kind != STATEMENT_ASSIGN && statement->kind != STATEMENT_FORGET) ||
        !ir_path_is_below(function, statement->target, root))
        return WRITES_NOTHING;
    struct ir_value value = statement->value;
    if (statement->kind == STATEMENT_FORGET)
        return WRITES_ANY_TIME;
    if ((value.kind == VALUE_INTEGER && value.integer > -CONSTANT_TIME_LIMIT &&
         value.integer < CONSTANT_TIME_LIMIT) ||
        (value.kind == VALUE_UNKNOWN && value.integer == UNKNOWN_32_BITS) ||
        (value.kind == VALUE_PATH && value.path >= 0 && function->paths[value.path].fits_32_bits))
        return WRITES_FITTING_TIME;
    if (depth >= COPY_DEPTH || value.kind != VALUE_PATH || value.path < 0)
        return WRITES_ANY_TIME;
    /* a copy of a local the clock wrote; one nothing writes holds whatever
     * was there */
    int source = ir_path_root(function, value.path);
    enum variable_kind kind = function->paths[source].root_kind;
    bool source_written = false;
    if (source == root || (kind != VARIABLE_TEMPORARY && kind != VARIABLE_LOCAL) ||
        !clock_only(shared, function, before, source, depth + 1, &source_written) ||
        !source_written)
        return WRITES_ANY_TIME;
    return WRITES_FITTING_TIME;
}

/* Whether every write of local `root` comes from a clock function or is a
 * time that fits (assigned_time); *written when one does. */
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
            switch (assigned_time(shared, function, before, statement, root, depth)) {
            case WRITES_NOTHING: break;
            case WRITES_FITTING_TIME: *written = true; break;
            case WRITES_ANY_TIME: return false;
            }
        }
    }
    return true;
}

/* Whether a clock call writes all of `converted`: as its result, or
 * through the address of it or of what holds it (`time(&now)`,
 * `gettimeofday(&tv, NULL)` for tv.tv_sec). */
static bool clock_covers(const struct ir_function *function, const struct ir_call *call,
                         int converted)
{
    if (call->target == converted)
        return true;
    for (int i = 0; i < call->argument_count; i++) {
        struct ir_value argument = call->arguments[i];
        if (argument.kind == VALUE_NONNULL && argument.path >= 0 &&
            ir_path_is_below(function, converted, argument.path))
            return true;
    }
    return false;
}

/* The last write of the converted path in the conversion's own block is
 * the only one that reaches it (`timenow = time(NULL); localtime(&timenow)`
 * in a loop that later sets timenow to another time): 1 when it is a time
 * that fits, 0 when it may be any, -1 when none is found (or a write of
 * another part of the local comes first) and every write must be looked at. */
static int last_write_fits(const struct unit_analysis *shared, const struct ir_function *function,
                           const char *before, int block, const struct ir_call *call,
                           int converted)
{
    const struct cfg_block *own = &function->blocks[block];
    int at = own->statement_count;
    for (int i = 0; i < own->statement_count; i++)
        if (&own->statements[i].call == call)
            at = i;
    int root = ir_path_root(function, converted);
    for (int i = at - 1; i >= 0; i--) {
        const struct ir_statement *statement = &own->statements[i];
        if (statement->kind == STATEMENT_CALL) {
            bool written = false;
            if (!writes_clock_only(shared, function, &statement->call, root, &written))
                return -1;
            if (written) /* the clock wrote the local, or a part of it */
                return clock_covers(function, &statement->call, converted) ? 1 : -1;
            continue;
        }
        enum time_write write = assigned_time(shared, function, before, statement, root, 0);
        if (write == WRITES_NOTHING)
            continue;
        if (statement->target != converted)
            return -1;
        return write == WRITES_FITTING_TIME;
    }
    return -1;
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
    if (block >= 0) {
        int last = last_write_fits(shared, function, before, block, call, pointer.path);
        if (last >= 0)
            return last == 1;
    }
    bool written = false;
    return clock_only(shared, function, before, root, 0, &written) && written;
}

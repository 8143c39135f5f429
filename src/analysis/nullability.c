/*
 * nullability: the lattice's join, pointwise over a flow_state.
 */
#include "nullability.h"

#include <assert.h>
#include <limits.h>
#include <string.h>

enum nullability nullability_join(enum nullability a, enum nullability b)
{
    if (a == b)
        return a;
    if (a == NULLABILITY_BOTTOM)
        return b;
    if (b == NULLABILITY_BOTTOM)
        return a;
    if (a == NULLABILITY_MAYBE || b == NULLABILITY_MAYBE)
        return NULLABILITY_MAYBE;
    /* Two different values among non-null, null and unknown. */
    if (a == NULLABILITY_NULL || b == NULLABILITY_NULL)
        return NULLABILITY_MAYBE;
    return NULLABILITY_UNKNOWN; /* non-null and unknown */
}

static bool location_before(const struct source_location *a, const struct source_location *b)
{
    if (a->line != b->line)
        return a->line < b->line;
    return a->column < b->column;
}

const struct null_origin *origin_choose(const struct null_origin *a, const struct null_origin *b)
{
    if (!a)
        return b;
    if (!b || a == b)
        return a;
    if (location_before(&a->location, &b->location))
        return a;
    if (location_before(&b->location, &a->location))
        return b;
    return a->kind <= b->kind ? a : b;
}

static const struct source_location *location_choose(const struct source_location *a,
                                                     const struct source_location *b)
{
    if (!a || !b)
        return NULL; /* "on every path" needs both */
    return location_before(b, a) ? b : a;
}

struct path_state path_state_unknown(void)
{
    struct path_state state;
    memset(&state, 0, sizeof state);
    state.nullability = NULLABILITY_UNKNOWN;
    state.alias = -1;
    state.entry_of = -1;
    state.witness = -1;
    state.twin = -1;
    state.low = LLONG_MIN;
    state.high = LLONG_MAX;
    state.guard_end = -1;
    state.repeats = -1;
    return state;
}

bool integer_known(const struct path_state *state, long long *value)
{
    if (state->low != state->high)
        return false;
    *value = state->low;
    return true;
}

static bool is_excluded(const struct path_state *state, long long value)
{
    for (int i = 0; i < state->excluded_count; i++)
        if (state->excluded[i] == value)
            return true;
    return false;
}

bool integer_may_be(const struct path_state *state, long long value)
{
    return state->low <= value && value <= state->high && !is_excluded(state, value);
}

bool integer_nonzero(const struct path_state *state)
{
    return !integer_may_be(state, 0);
}

/* Excluded values in ascending order and unused slots 0: states are
 * compared byte by byte (flow_state_join), so one set has one form. */
static void excluded_normalise(struct path_state *state)
{
    for (int i = 1; i < state->excluded_count; i++)
        for (int k = i; k > 0 && state->excluded[k - 1] > state->excluded[k]; k--) {
            int swap = state->excluded[k];
            state->excluded[k] = state->excluded[k - 1];
            state->excluded[k - 1] = swap;
        }
    for (int i = state->excluded_count; i < EXCLUDED_VALUES; i++)
        state->excluded[i] = 0;
}

void integer_set(struct path_state *state, long long value)
{
    state->low = state->high = value;
    state->excluded_count = 0;
    excluded_normalise(state);
}

/* Moves a bound that sits on an excluded value, and drops the exclusions
 * that the bounds already say. */
static bool integer_tidy(struct path_state *state)
{
    for (bool moved = true; moved && state->excluded_count > 0;) {
        moved = false;
        if (state->low > state->high)
            return false;
        if (state->low < state->high && is_excluded(state, state->low)) {
            state->low++;
            moved = true;
        } else if (state->low < state->high && is_excluded(state, state->high)) {
            state->high--;
            moved = true;
        } else if (state->low == state->high && is_excluded(state, state->low)) {
            return false; /* the only value left is excluded */
        }
    }
    int kept = 0;
    for (int i = 0; i < state->excluded_count; i++)
        if (state->excluded[i] > state->low && state->excluded[i] < state->high)
            state->excluded[kept++] = state->excluded[i];
    state->excluded_count = (unsigned char)kept;
    excluded_normalise(state);
    return state->low <= state->high;
}

void integer_exclude(struct path_state *state, long long value)
{
    if (state->low == state->high)
        return; /* a known value stays; the caller tests may_be first */
    if (value == state->low)
        state->low++;
    else if (value == state->high)
        state->high--;
    else if (!is_excluded(state, value) && state->excluded_count < EXCLUDED_VALUES &&
             value >= INT_MIN && value <= INT_MAX)
        state->excluded[state->excluded_count++] = (int)value;
    integer_tidy(state);
}

bool integer_narrow(struct path_state *state, long long low, long long high)
{
    if (low > state->low)
        state->low = low;
    if (high < state->high)
        state->high = high;
    return integer_tidy(state);
}

bool path_interval(const struct path_state *state, long long *low, long long *high)
{
    if (state->high == LLONG_MAX && (state->low == LLONG_MIN || state->low == 0))
        return false;
    *low = state->low;
    *high = state->high;
    return true;
}

long long integer_add(long long a, long long b)
{
    if (a == LLONG_MIN || a == LLONG_MAX)
        return a;
    if (b > 0 && a > LLONG_MAX - b)
        return LLONG_MAX;
    if (b < 0 && a < LLONG_MIN - b)
        return LLONG_MIN;
    return a + b;
}

static bool join_path(struct path_state *into, const struct path_state *from, bool widen)
{
    struct path_state joined = *into;
    joined.nullability = nullability_join(into->nullability, from->nullability);
    const struct null_origin *into_origin =
        into->nullability == NULLABILITY_NULL || into->nullability == NULLABILITY_MAYBE
            ? into->origin : NULL;
    const struct null_origin *from_origin =
        from->nullability == NULLABILITY_NULL || from->nullability == NULLABILITY_MAYBE
            ? from->origin : NULL;
    bool may_be_null =
        joined.nullability == NULLABILITY_NULL || joined.nullability == NULLABILITY_MAYBE;
    joined.origin = may_be_null ? origin_choose(into_origin, from_origin) : NULL;
    joined.low = into->low < from->low ? into->low : from->low;
    joined.high = into->high > from->high ? into->high : from->high;
    if (widen && joined.low < into->low)
        joined.low = LLONG_MIN;
    if (widen && joined.high > into->high)
        joined.high = LLONG_MAX;
    /* what neither side may be, inside the joined bounds */
    joined.excluded_count = 0;
    const struct path_state *sides[2] = {into, from};
    for (int s = 0; s < 2; s++)
        for (int i = 0; i < sides[s]->excluded_count; i++) {
            long long candidate = sides[s]->excluded[i];
            if (!integer_may_be(into, candidate) && !integer_may_be(from, candidate) &&
                candidate > joined.low && candidate < joined.high &&
                !is_excluded(&joined, candidate) && joined.excluded_count < EXCLUDED_VALUES)
                joined.excluded[joined.excluded_count++] = (int)candidate;
        }
    excluded_normalise(&joined);
    if (into->alias != from->alias)
        joined.alias = -1;
    if (into->repeats != from->repeats)
        joined.repeats = -1;
    if (into->guard_end != from->guard_end)
        joined.guard_end = -1; /* one unguarded path is enough to report */
    if (into->entry_of != from->entry_of)
        joined.entry_of = -1;
    if (into->twin != from->twin)
        joined.twin = -1;
    joined.referenced = into->referenced || from->referenced;
    joined.derived = into->derived || from->derived;
    if (into->witness != from->witness || into->witness_nonnull != from->witness_nonnull ||
        into->witness_one_way != from->witness_one_way) {
        joined.witness = -1;
        joined.witness_nonnull = false;
        joined.witness_one_way = false;
    }
    joined.dereferenced = location_choose(into->dereferenced, from->dereferenced);
    joined.entry_use = location_choose(into->entry_use, from->entry_use);
    bool changed = memcmp(&joined, into, sizeof joined) != 0;
    *into = joined;
    return changed;
}

void flow_state_init(struct flow_state *state, int count, struct arena *arena)
{
    state->reachable = false;
    state->count = count;
    state->paths = arena_alloc(arena, sizeof *state->paths * (size_t)(count ? count : 1));
    for (int i = 0; i < count; i++)
        state->paths[i] = path_state_unknown();
}

void flow_state_copy(struct flow_state *into, const struct flow_state *from)
{
    assert(into->count == from->count);
    into->reachable = from->reachable;
    memcpy(into->paths, from->paths, sizeof *into->paths * (size_t)from->count);
}

static bool join_states(struct flow_state *into, const struct flow_state *from, bool widen)
{
    assert(into->count == from->count);
    if (!from->reachable)
        return false;
    if (!into->reachable) {
        flow_state_copy(into, from);
        return true;
    }
    /* At a fixed point most states arrive unchanged: compare before joining. */
    size_t bytes = sizeof *into->paths * (size_t)into->count;
    if (memcmp(into->paths, from->paths, bytes) == 0)
        return false;
    bool changed = false;
    for (int i = 0; i < into->count; i++) {
        if (memcmp(&into->paths[i], &from->paths[i], sizeof into->paths[i]) != 0)
            changed |= join_path(&into->paths[i], &from->paths[i], widen);
    }
    return changed;
}

bool flow_state_join(struct flow_state *into, const struct flow_state *from)
{
    return join_states(into, from, false);
}

bool flow_state_widen(struct flow_state *into, const struct flow_state *from)
{
    return join_states(into, from, true);
}


/*
 * nullability: the abstract values of the dataflow and their join.
 * One path_state per access path; a flow_state holds them all for one
 * program point. The lattice of a pointer's nullability is
 *
 *            maybe-null
 *           /          \
 *       unknown        null
 *          |            |
 *       non-null        |
 *           \          /
 *             bottom
 *
 * joined pointwise with: an integer interval (their hull) and one value it
 * is known not to hold, a
 * must-alias class (kept when equal), "dereferenced on every path" (kept
 * when on both sides) and, for summaries, "entry value used unchecked on
 * every path". Pure data and functions: no IR walking here.
 */
#ifndef NULLPROOF_NULLABILITY_H
#define NULLPROOF_NULLABILITY_H

#include <stdbool.h>

#include "../ir/ir.h"
#include "analysis.h"

enum nullability {
    NULLABILITY_BOTTOM,  /* no path reaches here with a value */
    NULLABILITY_NONNULL,
    NULLABILITY_NULL,
    NULLABILITY_UNKNOWN, /* nothing known: not reported */
    NULLABILITY_MAYBE    /* NULL on some path: reported when used */
};

/* Values an integer is known not to hold, at most (those of an int). */
enum { EXCLUDED_VALUES = 3 };

struct path_state {
    enum nullability nullability;
    int twin;                            /* a pointer NULL exactly when this one is (the code
                                          * went on after `!a != !b` was false), or -1 */
    const struct null_origin *origin;    /* NULL and MAYBE: why */
    long long low, high;                 /* integers: the value lies in [low, high]
                                          * (LLONG_MIN..LLONG_MAX: nothing known) */
    unsigned char excluded_count;        /* and is none of excluded[0 .. excluded_count): */
    int excluded[EXCLUDED_VALUES];       /* tested tags (x != 5; an if-else chain over
                                          * AF_INET and AF_INET6), inside (low, high) */
    int alias;                           /* representative of the must-alias class, or -1 */
    int entry_of;                        /* holds the entry value of this parameter or global
                                          * root, or -1 */
    int witness;                         /* an integer that is the result of a NULL test of this
                                          * path (`ok = p != NULL`), or -1 */
    bool witness_nonnull;                /* the integer is true when the path is non-NULL */
    bool referenced;                     /* some path may name this one as its alias, witness
                                          * or twin (cleared when it is forgotten): without
                                          * it, forgetting it need not look at the others */
    bool derived;                        /* an address computed from its alias class's value
                                          * (q = p + n): a test that finds it NULL says nothing
                                          * of p, so it leaves the class first */
    bool witness_one_way;                /* only its truth says something: a NULL-safe predicate's
                                          * result (is_string(p) true: p is non-NULL; false:
                                          * p may be anything) */
    int repeats;                         /* the result of a pure lookup (strchr(s, c), getenv)
                                          * whose arguments have not changed since: the index of
                                          * its first call statement (same callee and arguments
                                          * give the same result); -1 otherwise */
    int guard_end;                       /* NULL or maybe-NULL by the code's own doing (assigned,
                                          * tested) and, since then, inside a region that a test
                                          * of other data decides, up to this block (its
                                          * post-dominator); -1 outside */
    const struct source_location *dereferenced; /* dereferenced on every path to here: where */
    const struct source_location *entry_use;    /* on roots: the entry value was used unchecked
                                                 * on every path to here: where */
};

struct flow_state {
    bool reachable;
    int count;
    struct path_state *paths;
};

/* The least upper bound of two nullabilities. */
enum nullability nullability_join(enum nullability a, enum nullability b);

/* The origin to keep when two paths meet: the earlier in the source, so
 * results do not depend on visiting order. Either may be NULL. */
const struct null_origin *origin_choose(const struct null_origin *a, const struct null_origin *b);

/* Joins `from` into `into` (same path count); returns true when `into` changed. */
bool flow_state_join(struct flow_state *into, const struct flow_state *from);
/* The same, with every integer bound that moves going to the end of its
 * range: at a loop's head, so a counter stepped each round (`half = n - 1`
 * fed back) reaches a fixed point in one more round. */
bool flow_state_widen(struct flow_state *into, const struct flow_state *from);

/* Makes `into` an unreachable state of `count` paths, memory from `arena`. */
void flow_state_init(struct flow_state *state, int count, struct arena *arena);

/* Copies contents (both already sized alike). */
void flow_state_copy(struct flow_state *into, const struct flow_state *from);

/* A path's state with nothing known. */
struct path_state path_state_unknown(void);

/* Integer facts of a path_state. */
bool integer_known(const struct path_state *state, long long *value); /* one value only */
bool integer_may_be(const struct path_state *state, long long value);
bool integer_nonzero(const struct path_state *state);                 /* 0 is excluded */
void integer_set(struct path_state *state, long long value);
void integer_exclude(struct path_state *state, long long value);
/* Narrows to [low, high]; false when nothing is left (the path is infeasible). */
bool integer_narrow(struct path_state *state, long long low, long long high);
/* The interval of a path that says something (not the whole range, nor
 * only "unsigned"); false otherwise. */
bool path_interval(const struct path_state *state, long long *low, long long *high);
/* a + b, saturating at the ends of long long (the ends stand for "no bound"). */
long long integer_add(long long a, long long b);

#endif

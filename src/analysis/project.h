/*
 * project: what the units of one run know of each other, for whole-program
 * analysis (the default when several units are analysed together).
 *
 * Each unit exports plain data (`unit_exports`, no pointer into its IR): its
 * functions with external linkage and their context-free summaries, the
 * external functions it calls, and how its call sites treat each callee's
 * result (the evidence of "Bugs as Deviant Behavior"). That is what the
 * result cache (src/driver/cache.h) stores per unit, with a digest of the
 * summaries it imported.
 *
 * The table merges the exports of every unit, by external name (C has one
 * namespace for external functions, so the name is the USR). A name defined
 * at different places in several units (a database holding several programs:
 * main, usage, test helpers) is ambiguous and never used. It is built by one
 * thread between phases, then only read.
 */
#ifndef NULLPROOF_PROJECT_H
#define NULLPROOF_PROJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "summary.h"

/* Evidence thresholds, justified in docs/rules/unchecked-nullable.md
 * ("Project-wide evidence"): an external function no pack describes is
 * taken to return NULL when at least EVIDENCE_MIN_TESTED call sites test
 * its result and they are at least EVIDENCE_PERCENT % of the sites that
 * use it; a function of the project that returns NULL is weak (its NULL
 * return is trusted only where the arguments make it feasible) when at
 * least WEAK_MIN_CALLS sites use its result and none tests it; a search
 * of the project (not an allocation, whose failures callers often leave
 * unchecked) is weak too when at least SEARCH_WEAK_MIN_CALLS sites use it
 * and at most SEARCH_WEAK_PERCENT % of them test it. */
enum {
    EVIDENCE_MIN_TESTED = 4,
    EVIDENCE_PERCENT = 80,
    WEAK_MIN_CALLS = 3,
    SEARCH_WEAK_MIN_CALLS = 6,
    SEARCH_WEAK_PERCENT = 34
};

/* How the call sites of one callee treat its result. A site counts when
 * its pointer result is tested against NULL or dereferenced; a result only
 * returned or stored elsewhere passes the question on and does not count. */
struct call_evidence {
    const char *callee;
    int calls;  /* sites that test or dereference the result */
    int tested; /* of those, the ones that test it */
};

/* What the calls of one unit (or, merged, of the project) pass a function
 * they name: when every call passes a pointer set, the function's own
 * NULL test of it is caution, as for a static function (callers.c). */
struct passed_arguments {
    const char *callee;
    uint32_t maybe_null; /* bit i: some call may pass argument i NULL (or not known set) */
    bool called;         /* some call names it */
    bool named;          /* named other than as a callee (a callback, a table entry):
                          * calls nothing sees may reach it */
};

/* A summary of a function for one value of a global or parameter it
 * branches on (`if (flag) use(p);` with flag 1 or 0), where it differs
 * from the context-free one: a caller that knows the value uses it. */
struct exported_context {
    struct context_value value;
    struct function_summary summary;
};

struct exported_function {
    const char *name;
    int function_index;                /* in the exporting unit's IR */
    struct source_location definition; /* where it is defined */
    struct function_summary summary;   /* context-free; `computed` false until summarised */
    struct exported_context *contexts;
    int context_count;
};

struct unit_exports {
    struct exported_function *functions; /* external linkage, defined in the unit */
    int function_count;
    const char **callees;                /* external functions called, not defined here */
    int callee_count;
    struct call_evidence *evidence;      /* by callee name, sorted */
    int evidence_count;
    struct passed_arguments *passed;     /* by callee name, sorted: what the unit's calls
                                          * pass the functions they name (filled after
                                          * phase 1's analysis) */
    int passed_count;
};

struct project_function {
    const char *name;
    struct source_location definition;
    int unit;                 /* the defining unit (the first, when ambiguous) */
    int export_index;         /* in that unit's exports */
    bool ambiguous;           /* defined at different places (several programs): its
                               * summaries are not used, only what all agree on: */
    struct source_location *definitions; /* ambiguous: each distinct definition, */
    signed char *never_returns;          /* and whether it never returns (1), returns (0)
                                          * or is not summarised yet (-1) */
    int definition_count;
    bool has_summary;
    struct function_summary summary; /* in the table's arena */
    struct exported_context *contexts; /* likewise */
    int context_count;
};

struct project_table {
    struct arena arena;
    struct project_function *functions; /* sorted by name once finished */
    int function_count, function_capacity;
    struct call_evidence *evidence;     /* merged, sorted by callee once finished */
    int evidence_count, evidence_capacity;
    struct passed_arguments *passed;    /* likewise */
    int passed_count, passed_capacity;
    bool finished;
};

/* Fills `exports` with what phase 1 knows of `unit` without analysing it:
 * its external functions (no summaries yet), its external callees and the
 * evidence of its call sites. Everything is in `arena`. */
void project_exports_init(const struct ir_unit *unit, struct arena *arena,
                          struct unit_exports *exports);

/* The functions the unit calls and does not define, once each, sorted by
 * name, into *names (in `arena`); how many. */
int unit_external_callees(const struct ir_unit *unit, struct arena *arena, const char ***names);

/* The evidence of the unit's own call sites of each of its static
 * functions (indexed like unit->functions; zero for the others): every
 * caller of a static function is in the unit, so the vote is complete. */
struct call_evidence *unit_static_evidence(const struct ir_unit *unit, struct arena *arena);

void project_table_init(struct project_table *table);
void project_table_free(struct project_table *table);

/* Adds the definitions and evidence of unit `unit` (before finishing). */
void project_table_add(struct project_table *table, int unit, const struct unit_exports *exports);

/* Sorts, merges the evidence, marks ambiguous names. */
void project_table_finish(struct project_table *table);

/* The function named `name`, ambiguous or not; NULL when no unit defines it. */
const struct project_function *project_find(const struct project_table *table, const char *name);

/* The summary another unit may use for `name`: NULL when not defined, ambiguous
 * or not summarised yet. */
const struct function_summary *project_summary(const struct project_table *table,
                                               const char *name);

/* Whether a call of `name` never returns: its summary says so, or, defined
 * differently by several programs (each its own `die()`), every
 * definition's summary does. */
bool project_never_returns(const struct project_table *table, const char *name);

/* Sorts `count` entries by callee and merges each callee's into one (a bit
 * or flag any sets stays set); returns how many are left. */
int passed_arguments_merge(struct passed_arguments *passed, int count);

/* What the project's calls pass function `name`, or NULL when no unit
 * names it. */
const struct passed_arguments *project_passed(const struct project_table *table,
                                              const char *name);

/* The evidence for callee `name`, or NULL. */
const struct call_evidence *project_evidence(const struct project_table *table,
                                             const char *name);

/* Stores a deep copy of `exported`'s summary and contexts as those of
 * `name`; true when they differ from the ones stored before (then units
 * that call it must be summarised again). */
bool project_set_summary(struct project_table *table, const char *name,
                         const struct exported_function *exported);

/* Deep copy of `from` into `to`, strings and arrays in `arena`, without its
 * context roots (summaries are not specialised across units). `map_file`,
 * when not NULL, rewrites each location's file (to a path any unit can name). */
void summary_copy(struct function_summary *to, const struct function_summary *from,
                  struct arena *arena, const char *(*map_file)(const char *file, void *data),
                  void *data);

/* Whether a summary says no more than nothing: what a call of an unknown
 * function is taken to do (it may write globals, nothing else is known). */
bool summary_says_nothing(const struct function_summary *summary);

/* Whether the global of `key` is among those `summary` names as written. */
bool summary_writes_global(const struct function_summary *summary, const char *key);

/* Whether `root` is a size parameter of an allocation wrapper whose NULL
 * may be malloc(0)'s, or the wrapper's own for a size of 0 (byacc's
 * `p = NULL; if (n) p = CALLOC(1, n); return p;`), the summary `general`'s. */
bool size_root(const struct function_summary *general, const struct context_root *root);

/* What a call may pass for `root` as far as the summary `general` cares,
 * given what the caller knows ([*low, *high] when `known`); whether an
 * interval results. An allocation wrapper whose NULL may be malloc(0)'s is
 * judged for positive sizes unless the caller passes 0 for sure: gnulib's
 * `xmalloc(n)` returns NULL only for n == 0, and a buffer of no bytes is
 * not dereferenced either way. */
bool size_context(const struct function_summary *general, const struct context_root *root,
                  bool known, long long *low, long long *high);

/* The summary of `function` for what a caller knows: `known(root, &low,
 * &high, data)` gives the interval of a global or parameter, when known.
 * A context whose root is known to hold exactly its value, or, for an
 * allocation wrapper, the one with every size positive, where the caller
 * passes no size it knows to be 0 and that context rules the NULL out
 * (size_context); else the context-free summary. */
const struct function_summary *project_summary_in_context(
    const struct project_function *function,
    bool (*known)(const struct context_root *root, long long *low, long long *high, void *data),
    void *data);

/* Deep copies of contexts into `arena` (files rewritten as summary_copy does). */
struct exported_context *contexts_copy(const struct exported_context *from, int count,
                                       struct arena *arena,
                                       const char *(*map_file)(const char *file, void *data),
                                       void *data);

/* Whether two summaries say the same to callers. */
bool summary_equal(const struct function_summary *a, const struct function_summary *b);

/* Whether two context roots name the same global, parameter or member. */
bool context_root_equal(const struct context_root *a, const struct context_root *b);

/* Evidence decisions (see the thresholds above). */
bool evidence_says_checked(const struct call_evidence *evidence);
bool evidence_says_unchecked(const struct call_evidence *evidence);
bool evidence_says_mostly_unchecked(const struct call_evidence *evidence);

#endif

/*
 * analysis: flow-sensitive nullability over the IR of one translation unit.
 * It computes, for every function, a fixed point of a forward dataflow over
 * the CFG (lattice in nullability.h), then walks each function once more
 * and records events: a possibly-NULL or NULL value that reaches a use, and
 * a NULL test of a pointer that was already dereferenced on every path.
 * Calls to functions of the same unit use per-function summaries computed
 * bottom-up; with options->project (whole-program analysis) calls to other
 * units' functions use theirs, and the project's call evidence (project.h).
 * It knows nothing of libclang and prints nothing: the checks turn events
 * into findings.
 */
#ifndef NULLPROOF_ANALYSIS_H
#define NULLPROOF_ANALYSIS_H

#include <stdbool.h>

#include "../ir/ir.h"
#include "../packs/packs.h"

/* Why a value may be NULL. */
enum origin_kind {
    ORIGIN_ALLOC,         /* an allocator's result (malloc, calloc, strdup, ...) */
    ORIGIN_LOOKUP,        /* a lookup/search that returns NULL for "absent" */
    ORIGIN_NULLABLE,      /* any other nullable source (fopen, _Nullable, ...) */
    ORIGIN_NULL_CONSTANT, /* NULL was assigned */
    ORIGIN_NULL_CHECK     /* the code tested the pointer against NULL here */
};

/* How a NULL came about, in enough detail for a check to word it (the
 * analysis writes no sentences; describe.c does). */
enum origin_how {
    HOW_PACK_RESULT,      /* a pack entry says `pack_name` returns NULL (`pack_reason`) */
    HOW_HOOK_RESULT,      /* `callee`, a function pointer named like the allocator
                           * `pack_name`, returns NULL as it does (`pack_reason`) */
    HOW_PACK_LEFT,        /* a pack entry says `pack_name` (a function or a macro) may leave
                           * it NULL through an out-argument (`pack_reason`) */
    HOW_UNIT_FUNCTION,    /* `callee`, a function of the program, returns NULL; with kind
                           * ORIGIN_ALLOC, `failing` is the allocator whose failure it is */
    HOW_DECLARED_RESULT,  /* `callee`'s result is declared _Nullable */
    HOW_DECLARED,         /* `path_text` is declared _Nullable */
    HOW_ASSIGNED,         /* NULL is assigned to `path_text` */
    HOW_TESTED,           /* `path_text` is tested against NULL */
    HOW_LEFT_BY_CALL,     /* `callee` leaves `nulled_text` (its own name for it) NULL */
    HOW_RETURNED_ARGUMENT, /* NULL is passed to `callee`, which returns it */
    HOW_NULL_ARGUMENT,    /* NULL is passed directly where it must not be */
    HOW_EVIDENCE          /* `callee`, which nothing describes, has its result tested by
                           * most call sites of the project (evidence_tested of
                           * evidence_calls) */
};

struct null_origin {
    enum origin_kind kind;
    enum origin_how how;
    struct source_location location; /* the call, the assignment or the test */
    const char *callee;               /* the source function, or NULL */
    const char *pack_name;            /* HOW_PACK_*: the entry's function or macro */
    const char *pack_reason;          /* HOW_PACK_*: the entry's reason, or NULL */
    const char *failing;              /* HOW_UNIT_FUNCTION: see above, or NULL */
    const char *nulled_text;          /* HOW_LEFT_BY_CALL */
    const char *path_text;            /* what was made NULL, e.g. "buf" */
    bool has_definition;              /* the callee is a function of the unit: */
    struct source_location definition; /* where it returns NULL */
    const struct null_origin *cause;  /* ORIGIN_NULL_CHECK: the source of the value tested */
    /* For suggestions: */
    const char *type;                 /* C type of the value ("struct user *"), or NULL */
    const char *variable;             /* the local the source's result is stored in by a
                                       * statement alone on its line, or NULL */
    const struct ir_call_assignment *assignment; /* that statement (where a fix-it may
                                                  * insert a test), or NULL */
    const struct ir_function *callee_function;   /* the source when it is a function of
                                                  * the unit, or NULL */
    int evidence_tested, evidence_calls;         /* call sites of `callee` in the project that
                                                  * test its result, of those that use it
                                                  * (0, 0: not counted) */
};

enum event_kind {
    EVENT_UNSAFE_USE,      /* value NULL or maybe-NULL reaches a use */
    EVENT_CHECK_AFTER_DEREF,
    EVENT_UNCHECKED_VARIANT /* an Option/Result payload read where its tag was not tested
                             * (or was tested the other way: definitely_null is then set) */
};

enum sink_kind {
    SINK_STAR, SINK_ARROW, SINK_INDEX, SINK_RETURN, SINK_CALL, /* as enum use_kind */
    SINK_ARGUMENT                                    /* passed where non-NULL is required */
};

/* A branch decision on a path that brings a NULL to a use (witness.c):
 * the branch's condition, and whether the path takes it as true. */
struct witness_step {
    const struct ir_condition *condition;
    bool holds;
};

struct analysis_event {
    enum event_kind kind;
    const char *function;            /* where the event happens */
    struct source_location location; /* the use, or the late test */
    const char *path_text;           /* "buf", "s->name"; VARIANT: the payload read */
    const char *tag_text;            /* VARIANT: the tag that should have been tested (its path) */
    const char *variant;             /* VARIANT of an enum-tagged union: the enumerator the tag
                                      * should hold; NULL for a boolean tag */
    bool tag_required;               /* VARIANT: the tag must be true (value) or false (error) */
    enum sink_kind sink;
    const char *callee;              /* SINK_ARGUMENT: the function called */
    int argument_index;              /* SINK_ARGUMENT: 0-based; -1 for a global the callee uses */
    int count_position;              /* SINK_ARGUMENT: required only because the argument
                                      * at this 1-based position (a length) may be non-zero;
                                      * 0: always */
    bool definitely_null;            /* NULL on every path, not only on some */
    int parameter_test;              /* UNSAFE_USE of a NULL that a static function's test of
                                      * its own parameter made: the parameter, 1-based (the
                                      * run drops it when every call passes a value known
                                      * not to be NULL); 0 otherwise */
    const struct witness_step *witness; /* UNSAFE_USE of a NULL the code made: the branch
                                         * decisions of a path that brings it here, the
                                         * last first-to-last, or NULL */
    int witness_count;
    const struct ir_macro *macro;    /* the macro the use comes from, or NULL */
    const struct null_origin *origin; /* EVENT_UNSAFE_USE */
    struct source_location dereference; /* EVENT_CHECK_AFTER_DEREF: the earlier dereference;
                                         * SINK_ARGUMENT into a function of the unit: where
                                         * that function uses the value (line 0: none) */
    bool has_call_site;              /* found while following a call from a caller: */
    struct source_location call_site;
    const struct ir_function *function_info; /* the function of `function`: its result
                                              * kind, labels and paths, for suggestions */
    const char *value_type;          /* VARIANT: the Option/Result struct's type, or NULL */
    /* UNSAFE_USE, after analysis_group_uses: */
    bool repeated;                   /* an earlier use of the same NULL is reported instead */
    struct source_location *also;    /* the later uses of the same NULL, for notes */
    int also_count;
};

/* A function the analysis did less for, to stay within its memory budget. */
struct analysis_limit {
    const char *function;
    int blocks, paths;
    bool skipped;   /* not analysed at all; else without path sensitivity */
};

struct analysis_result {
    struct analysis_event *events;
    int event_count;
    int event_capacity;
    struct analysis_limit *limits; /* for --verbose */
    int limit_count;
};

struct project_table;
struct unit_exports;
/* What analysis_run_memo keeps of a run for a later partial run of the
 * same unit (in the run's arena): every function's summaries and the
 * events of each function's walk. */
struct analysis_memo;

struct analysis_options {
    const struct pack_set *packs; /* sources, sinks, noreturn functions */
    bool follow_calls;            /* analyse callees of the unit in their caller's context */
    const struct project_table *project; /* the other units' functions and the project's call
                                          * evidence (project.h); NULL: this unit alone */
};

/* Analyses every non-poisoned function of `unit`; events are allocated in
 * `arena` (normally the unit's), deduplicated and in a deterministic order. */
void analysis_run(const struct ir_unit *unit, const struct analysis_options *options,
                  struct arena *arena, struct analysis_result *result);

/* Computes the context-free summaries of the functions of `unit` that
 * exports->functions lists and another unit calls (`wanted`, indexed like
 * exports->functions; NULL: all), with the callees' summaries they need,
 * and stores them in those entries; `options->project` gives the summaries
 * of other units' functions known so far. With `changed` (sorted names of
 * other units' functions whose summaries changed), only the wanted
 * functions that reach a call of one of them are computed again; the
 * others keep their entries. With `memo` (analysis_run_memo's, of the unit
 * alone), the functions analysis_affected leaves out keep its summaries.
 * Memory from `arena`, which must live as long as `memo`. */
void analysis_summarise(const struct ir_unit *unit, const struct analysis_options *options,
                        const bool *wanted, const char *const *changed, int changed_count,
                        const struct analysis_memo *memo, struct arena *arena,
                        struct unit_exports *exports);


/* analysis_run, with two additions for whole-program analysis. With
 * `memo`, keeps what a later run needs. With `previous` (an earlier run's
 * memo, of a run without `previous`) and `redo` (per function), analyses
 * again only the functions marked in `redo` and keeps, for the others,
 * the earlier summaries and events: exact when the others do not depend
 * on what changed since (analysis_affected). */
void analysis_run_memo(const struct ir_unit *unit, const struct analysis_options *options,
                       struct arena *arena, struct analysis_result *result,
                       const struct analysis_memo *previous, const char *redo,
                       struct analysis_memo **memo);

/* Per function of `unit` (in `arena`): 1 when options->project can change
 * its analysis: it calls, directly or through functions of the unit, an
 * external function with a summary that says something, or one whose
 * project-wide evidence decides something (project.h). */
char *analysis_affected(const struct ir_unit *unit, const struct analysis_options *options,
                        struct arena *arena);

/* What a run's (its memo's) calls passed each function they name, and
 * the functions the unit names other than as a callee, into
 * exports->passed (project.h's passed_arguments, in `arena`). */
void analysis_export_passed(const struct analysis_memo *memo, const struct ir_unit *unit,
                            const struct analysis_options *options, struct arena *arena,
                            struct unit_exports *exports);

/* The summaries a run (its memo) computed for the functions `exports`
 * lists, into those entries (pointing into the run's arena); for those
 * marked in `contexts` (indexed like exports->functions; NULL: none), also
 * their summaries for values of the globals they branch on (computed in
 * `arena`, which must live as long as the memo). */
void analysis_export_summaries(const struct analysis_memo *memo, const struct ir_unit *unit,
                               const struct analysis_options *options, const bool *contexts,
                               struct arena *arena, struct unit_exports *exports);

/* One finding per root cause: of the unsafe uses of one NULL (the same
 * origin), the first in the source stays and lists the others in `also`;
 * those are marked `repeated`. Events must be in analysis_run's order. */
void analysis_group_uses(struct analysis_result *result, struct arena *arena);

#endif

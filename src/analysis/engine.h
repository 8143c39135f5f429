/*
 * engine: the analysis's private interfaces, shared by transfer.c (what
 * one statement or one branch edge does to a flow_state), dataflow.c (the
 * fixed point over one function, summaries, the reporting walk) and
 * analysis.c (order over the call graph, contexts). Not for other modules.
 */
#ifndef NULLPROOF_ENGINE_H
#define NULLPROOF_ENGINE_H

#include "analysis.h"
#include "nullability.h"
#include "project.h"
#include "summary.h"

/* A summary computed for one calling context of one function. */
struct summary_entry {
    int function_index;
    struct context_value *context;
    int context_count;
    bool in_progress;
    bool final;                 /* computed from final callee summaries: no later round
                                 * can change it */
    struct function_summary summary;
    struct summary_entry *next;
};

/* Everything shared by the analysis of one unit. */
struct unit_analysis {
    const struct ir_unit *unit;
    const struct analysis_options *options;
    struct arena *arena;              /* results: origins, summaries, events */
    struct summary_entry **summaries; /* per function: a list, context-free entry first */
    int specialisation_depth;         /* nesting of context summaries being computed */
    bool consulted_unfinished;        /* the analysis under way used a summary that a later
                                       * round may still change (recursion) */
    char *called;                     /* per function: a call of the unit names it (made
                                       * on first use by transfer.c) */
    struct call_evidence *static_evidence; /* per function: the unit's call sites of each
                                            * static one (project.h); made on first use */
    uint32_t *passed_maybe_null;      /* per function: bit i, some call of the unit may pass
                                       * it a NULL argument i (made on first use) */
    char *solved;                     /* per function: analysed in this run, so its calls
                                       * are in passed_maybe_null */
    bool external_listed;             /* the three below are made (callers.c) */
    const char **external_callees;    /* sorted: the functions the unit calls, not defines */
    int external_callee_count;
    uint32_t *external_maybe_null;    /* per external callee: bit i, some call of the unit
                                       * may pass it a NULL argument i */
};

/* Path sensitivity, bounded: each block keeps up to PARTITIONS states,
 * told apart by which pointers are NULL (or maybe NULL) in them, so
 * 'next = NULL' before a loop and 'next = fill()' in it do not meet as
 * "maybe NULL" when other facts (a counter) keep them apart. Extra states
 * merge into one with the same NULL pointers, else into the last
 * (dataflow.c's join_partition). Eight: a walk that tests two invariant
 * pointers and a cursor still keeps a pair set together apart. */
enum { PARTITIONS = 8 };

/* Work and memory for one function are bounded. Work grows with the
 * states walked, one per block and entry state: past the first budget a
 * function keeps one state per root (no path sensitivity). Memory grows
 * with the states kept, the roots' only: past the second budget the
 * function is not analysed at all (and --verbose says so), which keeps
 * peak memory within about twice clang's own parse of the unit. A run
 * never dies of one huge generated function. */
#define STATE_BYTES_FOR_PARTITIONS ((size_t)64 << 20)
#define STATE_BYTES_LIMIT ((size_t)96 << 20)

struct block_states {
    int count;
    struct flow_state parts[PARTITIONS];
};

/* A use seen with a value that is not NULL, in the reporting walk: an
 * event at the same place from another partition is then "NULL on some
 * paths", not "NULL". */
struct use_seen {
    const struct source_location *location;
    const char *path_text;
};

/* A witness search done in the reporting walk, kept for the other
 * partitions that reach the same use. */
struct witness_memo {
    int block, index, path;
    int result;                        /* enum witness_result */
    struct witness_step *steps;
    int step_count;
};

/* The analysis of one function in one context. */
struct function_analysis {
    struct unit_analysis *shared;
    const struct ir_function *function;
    int function_index;
    struct arena scratch;              /* flow states; freed with the function */
    struct block_states *in_states;    /* per block; only roots keep states */
    char *is_root;                     /* per block: the entry or a join (not one edge in) */
    int partitions;                    /* states kept per block: PARTITIONS, or 1 for a huge
                                        * function */
    bool too_large;                    /* over STATE_BYTES_LIMIT: not analysed */
    const uint64_t *live;              /* liveness.c: paths read again from each block on, or
                                        * NULL (all); `live_words` words per block */
    int live_words;
    struct use_seen *uses_seen;        /* reporting walk only */
    int use_seen_count, use_seen_capacity;
    const struct null_origin ***statement_origins; /* lazily made origins per statement */
    const struct null_origin **condition_origins;  /* per block: NULL learnt on the false edge */
    const struct null_origin **declared_origins;   /* per path: its _Nullable declaration */
    const struct pack_entry ***call_rules;      /* per statement: the callee's rule, looked
                                                    * up once (NULL: not yet) */
    const struct null_origin ***out_origins;  /* per statement: what a call leaves NULL */
    int *postdominator;                /* per block: its immediate post-dominator, or -1 */
    char *loop_test;                   /* per block: a branch on a cycle's back edge (the
                                        * test of a while, for or do loop) */
    char *loop_head;                   /* per block: a back edge enters it (while solving) */
    int *escaped_roots;                /* roots whose address the code stored (made on first
                                        * use by a store through a pointer) */
    int escaped_root_count;            /* -1: not made yet */
    unsigned char *head_changes;       /* per block: joins that changed a loop head's states,
                                        * up to WIDEN_AFTER; from then on they widen */
    const struct ir_statement **lookup_calls; /* pure lookup calls by signature: the first call
                                               * statement with each callee and arguments */
    int lookup_call_count;
    char *assigned_null;               /* per path: the function assigns it NULL somewhere
                                        * (made on first use by transfer_late_check) */
    char *assigned_other;              /* per path: the function assigns it something else
                                        * than NULL somewhere (made on first use) */
    signed char *redundant_test;       /* per block: its NULL test's NULL side dereferences
                                        * the pointer anyway (1), not (-1), not asked (0) */
    struct analysis_result *events;    /* non-NULL only in the reporting walk */
    int at_block, at_index;            /* the statement being transferred */
    struct witness_memo *witnesses;    /* reporting walk: searches done, by use */
    int witness_count;
    long witness_visits;               /* block visits of those searches together */
    bool witnessing;                   /* a witness search is running: it follows one
                                        * path, so facts a join would blur hold there */
    const struct context_value *context;
    int context_count;
    uint32_t self_passed_maybe_null;   /* bit i: a call of the function to itself may pass
                                        * NULL (or a value not known non-NULL) as argument i */
};

/* The pack entry a call follows: its callee's, else the one of the name it
 * is spelt with or its hook's name (ir_call.contract) when nothing else is
 * known of the callee: no function of the unit, no returns_nonnull. */
const struct pack_entry *transfer_call_entry(const struct unit_analysis *shared,
                                             const struct ir_call *call);

/* Whether `call` never returns: declared so, a pack's noreturn (or
 * noreturn-if-nonzero with a nonzero argument: a constant, or with a
 * `state` an integer its path tested), or a summary that says so. `rule`
 * is the call's pack entry. */
bool transfer_call_never_returns(const struct unit_analysis *shared, const struct ir_call *call,
                                 const struct pack_entry *rule, const struct flow_state *state);

/* Applies statement `index` of `block` to `state`. Records events when
 * analysis->events is set. */
void transfer_statement(struct function_analysis *analysis, int block, int index,
                        struct flow_state *state);

/* A read of an Option/Result or enum-tagged union payload (variant.c). */
void transfer_variant_read(struct function_analysis *analysis,
                           const struct ir_statement *statement, struct flow_state *state);

/* Refines `state` for the edge `successor` (0: condition true, 1: false)
 * of `block`'s terminator; leaves it unreachable when the edge cannot be
 * taken with what is known. */
void transfer_edge(struct function_analysis *analysis, int block, int successor,
                   struct flow_state *state);

/* On the edges of a branch that both can be taken: a pointer NULL by the
 * code's own doing (assigned or tested NULL) enters the region that the
 * branch's test of other data decides, up to `end`, its post-dominator.
 * A use inside is reached only if that test goes one way, which the
 * analysis could not relate to the pointer: no witness, no report. */
void transfer_guard(struct function_analysis *analysis, int block, struct flow_state *state,
                    int end);

/* Where the pointer that `block`'s terminator tests against NULL was
 * already dereferenced on every path of `state`, or NULL. */
const struct source_location *transfer_late_check(struct function_analysis *analysis,
                                                  int block, const struct flow_state *state);

/* Records the event for a late check found in every partition. */
void transfer_report_late_check(struct function_analysis *analysis, int block,
                                const struct source_location *dereference);

/* Sets up the state at the function's entry. */
void transfer_entry_state(struct function_analysis *analysis, struct flow_state *state);

/* The summary of `function_index` for the context `call` sees in `state`
 * of the caller (integer globals and arguments the callee branches on),
 * computing it if needed; NULL while it is being computed
 * (recursion) or when the callee has no body in the unit. */
const struct function_summary *summary_for_call(struct function_analysis *caller,
                                                int function_index, const struct ir_call *call,
                                                const struct flow_state *state);

/* True when the function of the unit at `function_index` has no path that
 * returns, even if its body had errors (a die() whose va_start clang could
 * not resolve still ends in exit()). */
bool summary_never_returns(const struct unit_analysis *shared, int function_index);

/* The summary of another unit's function that `call` calls (whole-program
 * analysis), or NULL: a function of this unit, one a pack describes, or one
 * the project does not define once. */
const struct function_summary *imported_summary(const struct unit_analysis *shared,
                                                const struct ir_call *call);

/* Whether a call of a function of another unit never returns (also one
 * that several programs define, when every definition never returns). */
bool imported_never_returns(const struct unit_analysis *shared, const struct ir_call *call);

/* Whether `path` is a pointer one step below another path (`*q`, `q[2]`,
 * `q.f`, `q->f`) whose entry value a summary may record as used (member_use). */
bool member_path(const struct ir_function *function, int path);

/* imported_summary, for what the caller knows at the call in `state`: the
 * exporting unit's summary for a value of a global or argument the callee
 * branches on, when the caller knows that value. */
const struct function_summary *imported_summary_for_call(struct function_analysis *caller,
                                                         const struct ir_call *call,
                                                         const struct flow_state *state);

/* repeatable.c: whether a write to `path` stays in the function's own
 * frame (a local, a parameter variable, their fields and array elements;
 * not what a pointer leads to, nor a global). */
bool repeatable_frame_storage(const struct ir_function *function, int path);

/* repeatable.c: the context-free summary of what `call` calls, when the
 * program defines it (this unit, or another one with whole-program
 * analysis) and it is not the function itself, or NULL. */
const struct function_summary *callee_summary(const struct function_analysis *analysis,
                                              const struct ir_call *call);

/* repeatable.c: whether a call keeps its caller repeatable: a pure or
 * lookup library function, or a repeatable function of the program. */
bool repeatable_call(const struct function_analysis *analysis, const struct ir_call *call);

/* repeatable.c: whether the function being analysed caches its result
 * (function_summary.caches_result): every return gives one location that
 * outlives the call, the function tests it against NULL, and where it is
 * set, the function only reads. */
bool repeatable_caches_result(struct function_analysis *analysis);

/* clock.c: whether argument `argument` (1-based) of `call`, in block
 * `block`, is the address of a local that only clock functions write (a
 * pack's `clock`: time(), clock_gettime()) and other calls only read, in
 * the blocks that can run before it (every block when `block` is -1). */
bool clock_time_argument(const struct unit_analysis *shared, const struct ir_function *function,
                         int block, const struct ir_call *call, int argument);

/* witness.c: whether a path from the entry brings `path` NULL (or maybe
 * NULL) to statement `index` of `block`, followed one path at a time with
 * no join. FOUND fills `steps` (in the unit's arena) with its branch
 * decisions since the value became NULL; NONE: no path does; UNKNOWN: a
 * bound stopped the search. */
enum witness_result { WITNESS_FOUND, WITNESS_NONE, WITNESS_UNKNOWN };
enum witness_result witness_search(struct function_analysis *analysis, int block, int index,
                                   int path, struct witness_step **steps, int *step_count);

/* writes.c: fills the summary's writes_known, writes_through and
 * written_fields: what the function may write through its pointer
 * parameters. */
void writes_summarise(const struct function_analysis *analysis, struct function_summary *summary);

/* predicates.c: which parameters, and members of parameters, an integer
 * function's result answers for (0 or non-zero whenever they are NULL),
 * gathered one returning state at a time (`parameters`: how many of the
 * function's parameters count, at most ARGUMENT_MASK_BITS). */
struct predicate_returns;
struct predicate_returns *predicates_begin(const struct ir_function *function, int parameters,
                                           struct arena *scratch);
void predicates_add(struct predicate_returns *predicates, const struct ir_function *function,
                    int block, const struct flow_state *out);
void predicates_finish(const struct predicate_returns *predicates,
                       const struct ir_function *function, int parameters, struct arena *arena,
                       struct function_summary *summary);

/* Runs the fixed point of one function (analysis already set up). */
void dataflow_solve(struct function_analysis *analysis);

/* Sets up / tears down a function_analysis. */
void function_analysis_begin(struct function_analysis *analysis, struct unit_analysis *shared,
                             int function_index, const struct context_value *context,
                             int context_count);
void function_analysis_end(struct function_analysis *analysis);

/* Builds a summary from a solved function. */
void dataflow_summarise(struct function_analysis *analysis, struct function_summary *summary);

/* Walks a solved function once more, recording events. */
void dataflow_report(struct function_analysis *analysis, struct analysis_result *events);

/* Appends an event (copy) to the result. */
void analysis_add_event(struct unit_analysis *shared, struct analysis_result *result,
                        const struct analysis_event *event);

/* liveness.c: the paths each block may read before writing them again, as
 * `*words` 64-bit words per block, in `arena`; NULL when the table would be
 * too large (then every path counts as live). */
uint64_t *liveness_compute(const struct ir_function *function, struct arena *arena, int *words);
bool liveness_live(const uint64_t *live, int words, int block, int path);

/* anticipated.c: whether every path from the start of block `start`
 * dereferences `path` before it is assigned or the function ends (scratch
 * memory from `arena`). */
bool anticipated_dereference(const struct ir_function *function, struct arena *arena, int start,
                             int path);

/* Path id of the global with `key` in `function`, or -1. */
int function_global_path(const struct ir_function *function, const char *key);

/* callers.c: what the program's calls pass a function of external linkage.
 * A call of a function the unit does not define, with the arguments it may
 * pass NULL (bit i: argument i): */
void callers_record_external(struct unit_analysis *shared, const char *callee,
                             uint32_t maybe_null);
/* The unit's part, into exports->passed (`passed_maybe_null` is the
 * unit's per-function record, or NULL when no call was seen; `solved`
 * marks the functions the run walked, NULL: none). */
void callers_export(struct unit_analysis *shared, const uint32_t *passed_maybe_null,
                    const char *solved, struct arena *arena, struct unit_exports *exports);
/* Whether every call of the program passes `function`, one of external
 * linkage that nothing names but calls, the parameter whose entry value
 * root path `entry_of` holds set (the project's table says; false without
 * one, for -1 and for a member of a parameter). */
bool callers_pass_entry_set(const struct unit_analysis *shared,
                            const struct ir_function *function, int entry_of);
/* Whether the project may make a NULL test of one of `function`'s
 * parameters caution (its calls pass that parameter set): the function is
 * then analysed again in phase 2. */
bool callers_may_settle(const struct analysis_options *options,
                        const struct ir_function *function);

#endif

/*
 * summary: what callers need to know about a function of the same unit
 * (or, in whole-program analysis, of another unit: project.h),
 * computed from its analysis: does it return NULL on some path, which
 * parameters (and globals) does it dereference unchecked on every path,
 * does it ever return, may it write globals, is it a NULL-safe predicate.
 * Plain data with no pointers into the IR but strings and locations, so it
 * can be copied into the whole-program table (project.h) and later written
 * out and read back by a cache.
 *
 * A summary may be specialised for a calling context: the values of the
 * integer globals and parameters the function branches on (a static flag
 * set just before the call, a constant argument), so `flag = 1; sink(p);`
 * and `label(1)` are judged with the value known.
 */
#ifndef NULLPROOF_SUMMARY_H
#define NULLPROOF_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#include "analysis.h"
#include "../support/argument_mask.h"

/* The most globals a summary names as written: a function that may write
 * more is taken to write any. */
enum { WRITTEN_GLOBALS_LIMIT = 16 };

/* A global (by key) or a parameter (by position) the function branches on:
 * an integer, or a pointer parameter it tests against NULL. */
struct context_root {
    const char *key;    /* the global's USR, or NULL for a parameter */
    int parameter;      /* 0-based, when key is NULL */
    const char *member; /* with a parameter: the integer member `parameter->member` it
                         * branches on (a node's kind), or NULL for the parameter itself */
};

struct context_value {
    struct context_root root;
    long long low, high; /* the value the caller knows it has lies in [low, high]; for a
                          * pointer parameter, 0 for NULL and 1 for set */
};

/* A pointer the function leaves NULL on every path that returns: a global,
 * or a field reached from a parameter (parameter->field). */
struct nulled_path {
    const char *key;        /* the global's USR, or NULL for a parameter's field */
    int parameter;
    const char *field;
    const char *text;       /* as written in the function */
};

/* A pointer reached in one step from a parameter (`*p`, `p[2]`, `s.f`,
 * `p->f`) whose value on entry the function uses unchecked on every path:
 * what the caller passes there must not be NULL (sink(&data), sink(array),
 * sink(structure)). */
struct member_use {
    int parameter;
    enum path_step step;     /* PATH_DEREF, PATH_INDEX, PATH_FIELD or PATH_ARROW */
    const char *name;        /* the field or constant index; NULL for PATH_DEREF */
    struct source_location use;
};

/* An integer reached in one step from a parameter that the function
 * leaves at one value on every return: ngx_array_init(a, ...) sets
 * a->nelts = 0, so the caller's loop over the array does not run. */
struct member_value {
    int parameter;
    enum path_step step;     /* PATH_DEREF, PATH_INDEX, PATH_FIELD or PATH_ARROW */
    const char *name;        /* the field or constant index; NULL for PATH_DEREF */
    long long value;
};

/* A pointer member `p->name` of pointer parameter p that an integer
 * function's result answers for (predicates.c): every return gives 0
 * (zero_for_null) or non-zero (else) where the member is NULL. */
struct member_predicate {
    int parameter;
    const char *name;
    bool zero_for_null;
};

struct function_summary {
    bool computed;
    bool never_returns;          /* no path reaches a return */
    bool writes_globals;         /* may assign a global, directly or through a call */
    bool globals_written_known;  /* writes_globals: written_globals names every global it
                                  * may assign, so a caller forgets those only (a helper
                                  * that counts colours leaves the caller's `image_index`) */
    bool repeatable;             /* writes no memory but its own locals and calls only pure or
                                  * repeatable functions: called again with the same unchanged
                                  * arguments, it returns what it returned (a pure lookup) */
    bool caches_result;          /* not repeatable, but once it returned non-NULL, called again
                                  * with the same unchanged arguments it returns the same
                                  * pointer: `if (!cache) cache = compute(); return cache;` */
    bool returns_null;           /* returns NULL or a maybe-NULL value on some path */
    bool returns_range;          /* an integer result always lies in [return_low,
                                  * return_high] (`return 0;` on every path) */
    long long return_low, return_high;
    bool returns_nonnull;        /* every return gives a value known not to be NULL (a
                                  * wrapper of an allocator that aborts, a string literal) */
    enum origin_kind return_kind; /* ORIGIN_ALLOC, ORIGIN_LOOKUP or ORIGIN_NULLABLE */
    struct source_location null_return; /* the first such return */
    const char *return_failing;  /* ORIGIN_ALLOC: the allocator whose failure it passes on;
                                  * ORIGIN_LOOKUP: the lookup whose miss it passes on
                                  * (getenv); NULL for its own search */
    uint32_t propagated_parameters;     /* bit i: returns NULL only when parameter i is NULL
                                         * (returns_null is then false): NULL in, NULL out */
    uint32_t null_only_for_null_parameters; /* bit i: as propagated_parameters, but a NULL
                                             * parameter i does not always give NULL (a find
                                             * that inserts unless told not to): the result
                                             * is then maybe NULL, as null_return says */
    uint32_t dereferenced_parameters;   /* bit i: parameter i used unchecked on every path */
    uint32_t false_for_null_parameters; /* bit i: a NULL-safe predicate of pointer parameter i:
                                         * returns 0 whenever it is NULL, so a true result
                                         * means it is not */
    uint32_t true_for_null_parameters;  /* bit i: a validator of pointer parameter i: returns
                                         * non-zero whenever it is NULL, so a 0 result means
                                         * it is not */
    uint32_t size_parameters;           /* bit i: integer parameter i is passed as an argument
                                         * of an allocator (malloc(n), or a function whose bit
                                         * it is): a size */
    uint32_t null_count_parameters;     /* bit i: parameter i points to an integer that every
                                         * NULL return leaves 0 (`*count = 0; return NULL;`),
                                         * so a count found non-zero means the result is set */
    struct source_location parameter_use[ARGUMENT_MASK_BITS]; /* where, for each bit */
    const char **dereferenced_globals;  /* keys of globals whose entry value is used unchecked */
    struct source_location *global_use;
    const char **global_names;
    int dereferenced_global_count;
    struct context_root *condition_roots; /* integer globals and parameters (and members of
                                           * parameters, in functions returning a pointer)
                                           * it branches on */
    int condition_root_count;
    struct nulled_path *nulled;          /* pointers it leaves NULL */
    int nulled_count;
    struct member_use *member_uses;      /* pointers below parameters used unchecked */
    int member_use_count;
    bool writes_known;           /* writes_through and written_fields were computed (writes.c) */
    uint32_t writes_through;     /* bit i: may write anything reached through pointer
                                  * parameter i */
    struct member_use *written_fields; /* else p->name, or what lies below it, written
                                        * through parameter p (step PATH_ARROW) */
    int written_field_count;
    struct member_use *nonnull_members;  /* pointers below parameters it leaves non-NULL on
                                          * every return (ensure_stack(s) sets s->stack or
                                          * exits); `use` is not set */
    int nonnull_member_count;
    struct member_value *constant_members; /* integers below parameters it leaves at one
                                            * value on every return */
    int constant_member_count;
    const char **set_globals;    /* keys of global pointers it leaves non-NULL on every
                                  * return (flex's yyensure_buffer_stack allocates
                                  * yy_buffer_stack or exits) */
    int set_global_count;
    const char **written_globals; /* keys of the globals it may assign (with
                                   * globals_written_known), at most WRITTEN_GLOBALS_LIMIT */
    int written_global_count;
    struct member_predicate *member_predicates; /* members the result tests, as
                                                  * false_for_null_parameters and
                                                  * true_for_null_parameters do parameters */
    int member_predicate_count;
};

#endif

/*
 * summary: what callers need to know about a function of the same unit,
 * computed from its analysis: does it return NULL on some path, which
 * parameters (and globals) does it dereference unchecked on every path,
 * does it ever return, may it write globals. Plain data with no pointers
 * into the IR but strings and locations, so it can later be written out
 * and read back for cross-file analysis.
 *
 * A summary may be specialised for a calling context: the values of
 * integer globals the function tests (a static flag set just before the
 * call), so `flag = 1; sink(p);` is judged with flag known.
 */
#ifndef NULLPROOF_SUMMARY_H
#define NULLPROOF_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#include "analysis.h"

struct global_value {
    const char *key; /* the global's USR */
    long long value;
};

struct function_summary {
    bool computed;
    bool never_returns;          /* no path reaches a return */
    bool writes_globals;         /* may assign a global, directly or through a call */
    bool returns_null;           /* returns NULL or a maybe-NULL value on some path */
    enum origin_kind return_kind; /* ORIGIN_ALLOC, ORIGIN_LOOKUP or ORIGIN_NULLABLE */
    struct source_location null_return; /* the first such return */
    const char *return_reason;   /* e.g. "returns NULL when no user matches" */
    uint32_t dereferenced_parameters;   /* bit i: parameter i used unchecked on every path */
    struct source_location parameter_use[32]; /* where, for each bit */
    const char **dereferenced_globals;  /* keys of globals whose entry value is used unchecked */
    struct source_location *global_use;
    const char **global_names;
    int dereferenced_global_count;
    const char **condition_globals;     /* keys of integer globals the function branches on */
    int condition_global_count;
};

#endif

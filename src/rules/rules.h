/*
 * rules: what nullproof knows about functions it cannot see into: which
 * return NULL and why, which arguments must not be NULL, which never
 * return. The built-in table (builtin.c) is the only place these facts are
 * written down in code; a later change loads the same entries from YAML
 * packs in rules/. Lookups are by function name, read-only and safe to
 * share between worker threads.
 */
#ifndef NULLPROOF_RULES_H
#define NULLPROOF_RULES_H

#include <stdbool.h>
#include <stdint.h>

enum source_kind { SOURCE_NONE, SOURCE_ALLOC, SOURCE_LOOKUP, SOURCE_NULLABLE };

struct function_rule {
    const char *name;
    enum source_kind returns;    /* the result may be NULL, and of which kind */
    uint32_t nonnull_arguments;  /* bit i: argument i must not be NULL */
    bool noreturn;
    bool checks_argument;        /* like assert: argument 0 is non-NULL afterwards */
    const char *reason;          /* one line for notes, e.g. "returns NULL when allocation fails" */
    const char *pack;            /* which pack defines it ("builtin", a file name) */
};

struct rule_set {
    const struct function_rule *entries; /* sorted by name */
    int count;
};

/* The rules compiled into the binary. */
const struct rule_set *rules_builtin(void);

/* The entry for `name`, or NULL. */
const struct function_rule *rules_find(const struct rule_set *rules, const char *name);

#endif

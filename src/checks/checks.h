/*
 * checks: the rule registry and the rules themselves. Each rule reads the
 * analysis events of one translation unit and turns the ones it owns into
 * findings with notes (where the NULL comes from, what to do). Rules decide
 * from events alone; they never look at libclang and never print. The
 * suggestions (suggest.c) also read, never change, the IR function an
 * event points to (its labels, gotos, result kind and the statements that
 * store a call's result) to fit the fix to the function: that view serves
 * the wording only, never whether something is a finding.
 */
#ifndef NULLPROOF_CHECKS_H
#define NULLPROOF_CHECKS_H

#include <stdbool.h>

#include "../analysis/analysis.h"
#include "../report/finding.h"

/* How much advice findings carry (--suggest): none; the minimal fix and a
 * one-line pointer to the Option/Result pattern (the default); or the fix
 * and the whole pattern (type declaration, rewritten signature). */
enum suggest_level { SUGGEST_FIX, SUGGEST_NONE, SUGGEST_FULL };

struct check_context {
    struct finding_list *findings;
    const char *rule; /* the id of the rule being run: its findings carry it */
    enum suggest_level suggest;
};

struct rule_info {
    const char *id;      /* stable id, e.g. "unchecked-alloc" */
    const char *summary; /* one sentence, the same as docs/rules/ID.md's first line */
    /* Turns the events this rule owns into findings. */
    void (*run)(const struct analysis_result *result, struct check_context *context);
};

/* All rules, sorted by id. */
const struct rule_info *checks_rules(int *count);

/* The rule with this id, or NULL. */
const struct rule_info *checks_find(const char *id);

/* Runs every rule whose enabled[i] is true (i indexes checks_rules()), or
 * every rule when `enabled` is NULL; findings carry `suggest`'s advice. */
void checks_run(const struct analysis_result *result, const bool *enabled,
                enum suggest_level suggest, struct finding_list *findings);

#endif

/*
 * rules_list: the entry points of the rules, one per file, declared from
 * rule_table.h. Each reads the unit's events and adds findings under the
 * id the registry passes in its context.
 */
#ifndef NULLPROOF_RULES_LIST_H
#define NULLPROOF_RULES_LIST_H

#include "checks.h"

#define RULE(name, id, summary)                                                                \
    void check_##name(const struct analysis_result *result, struct check_context *context);
#include "rule_table.h"
#undef RULE

#endif

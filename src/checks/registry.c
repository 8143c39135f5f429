/*
 * registry: the list of rules, sorted by id, from rule_table.h. Adding a
 * rule is scripts/new_rule.sh, then writing the check and its cases.
 */
#include <string.h>

#include "rules_list.h"

static const struct rule_info rules[] = {
#define RULE(name, id, summary) {id, summary, check_##name},
#include "rule_table.h"
#undef RULE
};

const struct rule_info *checks_rules(int *count)
{
    *count = (int)(sizeof rules / sizeof rules[0]);
    return rules;
}

const struct rule_info *checks_find(const char *id)
{
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (strcmp(rules[i].id, id) == 0)
            return &rules[i];
    return NULL;
}

void checks_run(const struct analysis_result *result, const bool *enabled,
                enum suggest_level suggest, struct finding_list *findings)
{
    struct check_context context = {findings, NULL, suggest};
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        if (enabled && !enabled[i])
            continue;
        context.rule = rules[i].id;
        rules[i].run(result, &context);
    }
}

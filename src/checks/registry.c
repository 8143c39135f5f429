/*
 * registry: the list of rules, sorted by id. Adding a rule is one row here,
 * one file in src/checks/, docs/rules/ID.md and cases in testdata/cases/.
 */
#include <string.h>

#include "rules_list.h"

static const struct rule_info rules[] = {
    {"check-after-deref", "A pointer is tested against NULL after it was already dereferenced.",
     check_check_after_deref},
    {"null-deref", "A pointer that is NULL on some path is dereferenced.", check_null_deref},
    {"unchecked-alloc",
     "A possibly-NULL result of an allocator is used without a NULL check.",
     check_unchecked_alloc},
    {"unchecked-lookup",
     "A possibly-NULL result of a lookup or search is used without a NULL check.",
     check_unchecked_lookup},
    {"unchecked-nullable",
     "A possibly-NULL value from a nullable source is used without a NULL check.",
     check_unchecked_nullable},
    {"unchecked-variant",
     "The payload of an Option or Result is read without testing its tag first.",
     check_unchecked_variant},
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
    struct check_context context = {findings, SEVERITY_WARNING, suggest};
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (!enabled || enabled[i])
            rules[i].run(result, &context);
}

/*
 * checks_stub: the one function of the check registry that the
 * configuration reader calls (checks_find, to reject unknown rule ids),
 * for the fuzz target, which links the readers without the checks. The
 * ids come from the same table as the registry's.
 */
#include <string.h>

#include "checks/checks.h"

static const struct rule_info stub_rules[] = {
#define RULE(name, id, summary) {id, summary, NULL},
#include "checks/rule_table.h"
#undef RULE
};

const struct rule_info *checks_find(const char *id)
{
    for (size_t i = 0; i < sizeof stub_rules / sizeof stub_rules[0]; i++)
        if (strcmp(stub_rules[i].id, id) == 0)
            return &stub_rules[i];
    return NULL;
}

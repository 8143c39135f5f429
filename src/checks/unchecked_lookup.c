/*
 * unchecked-lookup: A possibly-NULL result of a lookup or search is used without a NULL check.
 */
#include "rules_list.h"

#include "describe.h"

/* Owns the uses of values whose source is of this kind (see the rule's
 * page for which functions those are). */
void check_unchecked_lookup(const struct analysis_result *result, struct check_context *context)
{
    describe_source_uses(result, ORIGIN_LOOKUP, context);
}

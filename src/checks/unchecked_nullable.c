/*
 * unchecked-nullable: A possibly-NULL value from a nullable source is used without a NULL check.
 */
#include "rules_list.h"

#include "describe.h"

/* Owns the uses of values whose source is of this kind (see the rule's
 * page for which functions those are). */
void check_unchecked_nullable(const struct analysis_result *result, struct check_context *context)
{
    describe_source_uses(result, ORIGIN_NULLABLE, context);
}

/*
 * rules_list: the entry points of the rules, one per file, for the
 * registry. Each reads the unit's events and adds findings.
 */
#ifndef NULLPROOF_RULES_LIST_H
#define NULLPROOF_RULES_LIST_H

#include "checks.h"

void check_check_after_deref(const struct analysis_result *result, struct check_context *context);
void check_null_deref(const struct analysis_result *result, struct check_context *context);
void check_unchecked_alloc(const struct analysis_result *result, struct check_context *context);
void check_unchecked_lookup(const struct analysis_result *result, struct check_context *context);
void check_unchecked_nullable(const struct analysis_result *result,
                              struct check_context *context);
void check_unchecked_variant(const struct analysis_result *result, struct check_context *context);

#endif

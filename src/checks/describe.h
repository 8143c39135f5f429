/*
 * describe: the wording shared by the rules: how a use is described and
 * the notes that say where the NULL comes from (the advice that follows is
 * suggest.c's). Each rule file picks its events; this file only writes
 * sentences.
 */
#ifndef NULLPROOF_DESCRIBE_H
#define NULLPROOF_DESCRIBE_H

#include "checks.h"

/* The sentence that says where a NULL comes from ("malloc() returns NULL
 * when allocation fails", "'p' is assigned NULL here"). */
const char *describe_origin(const struct null_origin *origin, struct arena *arena);

/* The test a payload read needs: "found.some", "shape->kind == SHAPE_CIRCLE". */
const char *describe_tag_test(const struct analysis_event *event, struct arena *arena);

/* Emits the finding for an unsafe use: `what` is the rule's view of the
 * value, e.g. "may be NULL" or "is NULL". Adds the origin note, a note at
 * the callee's own use for calls into functions of the unit, and the
 * suggestions (suggest_unsafe_use). */
void describe_unsafe_use(const struct analysis_event *event, const char *rule,
                         const char *what, struct check_context *context);

/* describe_witness.c: a note per branch decision of the path that brings
 * the event's NULL to its use ("assuming 'n' is 0"), when it has one. */
void describe_witness(const struct analysis_event *event, struct finding *finding,
                      struct finding_list *findings);

/* The rules of the NULL sources (unchecked-alloc, -lookup, -nullable):
 * every unsafe use of a value whose source is of `kind`, as "may be NULL". */
void describe_source_uses(const struct analysis_result *result, enum origin_kind kind,
                          struct check_context *context);

/* True for events whose value is NULL because of a NULL constant or a test
 * (null-deref's events), rather than because of a nullable source. */
bool event_is_null_flow(const struct analysis_event *event);

#endif

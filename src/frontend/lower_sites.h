/*
 * lower_sites: what the lowering records for suggestions and fix-its, not
 * for the analysis: the kind of a function's result, the C spelling of
 * types, labels and gotos, and the statements that store a call's result in
 * a local alone on their line (where a NULL test can be inserted after).
 */
#ifndef NULLPROOF_FRONTEND_LOWER_SITES_H
#define NULLPROOF_FRONTEND_LOWER_SITES_H

#include "lower.h"

/* What the function `definition` can return to say "failed" (a `_Bool`
 * written without `bool` is RETURN_UNSIGNED: `false` may not exist). */
enum return_kind sites_return_kind(struct frontend_unit *unit, CXCursor definition);

/* clang's spelling of `type` ("struct user *"), in the unit's arena. */
const char *sites_type_text(struct frontend_unit *unit, CXType type);

/* The same for pointers and structs (what suggestions name); NULL for
 * other types, which are not spelt (spelling costs a type print). */
const char *sites_pointer_type_text(struct frontend_unit *unit, CXType type);

/* Records the label `name` of a LabelStmt, and a GotoStmt to `name`. */
void sites_add_label(struct lower_context *context, const char *name, CXCursor statement);
void sites_add_goto(struct lower_context *context, const char *name, CXCursor statement);

/* Records `statement`, a direct child of a compound statement, when it
 * only stores a call's result in a local pointer and is alone on its line
 * outside macros (struct ir_call_assignment), with the line a test may
 * follow: after the declarations among `following` (the statements after
 * it in the block) that come first. Call it after lowering it. */
void sites_add_call_assignment(struct lower_context *context, CXCursor statement,
                               const CXCursor *following, int following_count);

#endif

/*
 * suggest: the advice findings carry, in one place: the minimal fix for the
 * spot (the test to add, with the real variable and a way to give up that
 * fits the function), the Option / Result pattern of include/nullproof/
 * option.h suited to where the NULL comes from, with the real types, and
 * the fix-it a --fix may apply. Rules call it; it only writes notes.
 */
#ifndef NULLPROOF_SUGGEST_H
#define NULLPROOF_SUGGEST_H

#include "checks.h"

/* Reads "none", "fix" or "full"; false for anything else. */
bool suggest_parse_level(const char *text, enum suggest_level *level);

/* The statement that gives up at `line` of `function`: "goto LABEL;" when
 * the function has a cleanup label (fail, error, err, out, cleanup, done,
 * ...) after that line that gotos reach (the one the nearest goto before
 * the line jumps to, else the first after it), else by the result type:
 * "return NULL;", "return -1;" ("return 1;" in main, "return 0;" in an
 * int function that only returns 0, 1 and comparisons), "return 0;"
 * (unsigned), "return false;", "return;". NULL when none fits (a struct
 * result, a returns_nonnull function, or no function known). */
const char *suggest_handling(const struct ir_function *function, unsigned line,
                             struct arena *arena);

/* A name for an Option or Result of the C type `type`, made of its last
 * word and `suffix`: "struct contact *" -> "contact_opt", "FILE *" ->
 * "file_result", "const char *" -> "string_opt", "void *" -> "pointer_opt",
 * "json_t *" -> "json_opt"; "value" + suffix without a type. */
const char *suggest_type_name(const char *type, const char *suffix, struct arena *arena);

/* The parameter list of `function` as declared ("struct store *store,
 * const char *name"; "void" for none), or "..." when a type is unknown. */
const char *suggest_parameters(const struct ir_function *function, struct arena *arena);

/* Adds to `finding`, made for an EVENT_UNSAFE_USE, the fix note and the
 * pattern note(s) that context->suggest asks for, and the fix-it when the
 * fix is mechanical: the value comes from a source call whose result a
 * statement alone on its line stores in a local, in a function with a way
 * to give up. The fix-it inserts "INDENT if (VAR == NULL) HANDLING\n" at
 * the start of the next line, whatever the level. */
void suggest_unsafe_use(const struct analysis_event *event, struct finding *finding,
                        struct check_context *context);

/* The same for check-after-deref (EVENT_CHECK_AFTER_DEREF): move the test
 * up, or declare the parameter nonnull. No fix-it. */
void suggest_late_check(const struct analysis_event *event, struct finding *finding,
                        struct check_context *context);

/* The same for unchecked-variant (EVENT_UNCHECKED_VARIANT): test the tag
 * first, or use option.h's checked accessors. No fix-it. */
void suggest_variant(const struct analysis_event *event, struct finding *finding,
                     struct check_context *context);

#endif

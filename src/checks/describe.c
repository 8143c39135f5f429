/*
 * describe: sentences for findings. Messages follow clang's style: lower
 * case, no final period, names in single quotes.
 */
#include "describe.h"

#include <stdio.h>
#include <string.h>

#include "suggest.h"

bool event_is_null_flow(const struct analysis_event *event)
{
    if (event->kind != EVENT_UNSAFE_USE)
        return false;
    if (event->definitely_null)
        return true;
    return event->origin && (event->origin->kind == ORIGIN_NULL_CONSTANT ||
                             event->origin->kind == ORIGIN_NULL_CHECK);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static const char *ordinal(int index, char *buffer, size_t size)
{
    snprintf(buffer, size, "%d", index + 1);
    return buffer;
}

/* The project's vote: only the calls that use the result count (one that
 * passes it on, or ignores it, neither tests nor trusts it). */
static const char *evidence_note(struct arena *arena, int tested, int calls, const char *callee)
{
    return arena_printf(arena, "%d of the %d calls that use %s()'s result test it", tested, calls,
                        callee);
}

static const char *use_text(const struct analysis_event *event, struct arena *arena)
{
    char number[16];
    switch (event->sink) {
    case SINK_STAR:
        return "dereferenced";
    case SINK_ARROW:
        return "dereferenced with '->'";
    case SINK_INDEX:
        return "indexed";
    case SINK_CALL:
        return "called";
    case SINK_RETURN:
        return arena_printf(arena, "returned from '%s', which is declared never to return NULL",
                            event->function);
    case SINK_ARGUMENT:
        break;
    }
    const char *callee = event->callee ? event->callee : "the called function";
    if (event->argument_index < 0)
        return arena_printf(arena, "used by %s(), called here, which dereferences it", callee);
    if (event->dereference.line)
        return arena_printf(arena, "passed to %s(), which dereferences argument %s", callee,
                            ordinal(event->argument_index, number, sizeof number));
    if (event->count_position > 0) {
        char count[16];
        return arena_printf(arena, "passed to %s(), whose argument %s must not be NULL when "
                            "argument %s (a length) is not 0", callee,
                            ordinal(event->argument_index, number, sizeof number),
                            ordinal(event->count_position - 1, count, sizeof count));
    }
    return arena_printf(arena, "passed to %s(), whose argument %s must not be NULL", callee,
                        ordinal(event->argument_index, number, sizeof number));
}

const char *describe_origin(const struct null_origin *origin, struct arena *arena)
{
    const char *callee = origin->callee ? origin->callee : "the called function";
    const char *path = origin->path_text ? origin->path_text : "the pointer";
    switch (origin->how) {
    case HOW_PACK_RESULT:
        return arena_printf(arena, "%s() %s", origin->pack_name,
                            origin->pack_reason ? origin->pack_reason : "may return NULL");
    case HOW_HOOK_RESULT:
        return arena_printf(arena, "%s(), an allocator hook like %s(), %s", callee,
                            origin->pack_name,
                            origin->pack_reason ? origin->pack_reason : "may return NULL");
    case HOW_PACK_LEFT:
        return arena_printf(arena, "%s() %s", origin->pack_name,
                            origin->pack_reason ? origin->pack_reason : "may leave it NULL");
    case HOW_UNIT_FUNCTION: {
        /* a function of another file: say which (the note's location is the call) */
        const char *where = "";
        if (origin->has_definition && origin->definition.file && origin->location.file &&
            strcmp(origin->definition.file, origin->location.file) != 0)
            where = arena_printf(arena, " (%s:%u)", base_name(origin->definition.file),
                                 origin->definition.line);
        if (origin->kind == ORIGIN_ALLOC && origin->failing)
            return arena_printf(arena, "%s()%s returns NULL when %s() fails", callee, where,
                                origin->failing);
        if (origin->kind == ORIGIN_LOOKUP)
            return arena_printf(arena, "%s()%s returns NULL when nothing matches", callee, where);
        return arena_printf(arena, "%s()%s returns NULL on some paths", callee, where);
    }
    case HOW_EVIDENCE:
        return evidence_note(arena, origin->evidence_tested, origin->evidence_calls, callee);
    case HOW_DECLARED_RESULT:
        return arena_printf(arena, "%s() is declared to return a nullable pointer", callee);
    case HOW_DECLARED:
        return arena_printf(arena, "'%s' is declared _Nullable here", path);
    case HOW_ASSIGNED:
        return arena_printf(arena, "'%s' is assigned NULL here", path);
    case HOW_TESTED:
        return arena_printf(arena, "'%s' is tested against NULL here, so it may be NULL", path);
    case HOW_LEFT_BY_CALL:
        return arena_printf(arena, "%s() leaves '%s' NULL",
                            origin->callee ? origin->callee : "the call", origin->nulled_text);
    case HOW_RETURNED_ARGUMENT:
        return arena_printf(arena, "NULL is passed to %s(), which returns it",
                            origin->callee ? origin->callee : "the function");
    case HOW_NULL_ARGUMENT:
        break;
    }
    return "NULL is passed directly";
}

const char *describe_tag_test(const struct analysis_event *event, struct arena *arena)
{
    if (!event->tag_text)
        return "the tag";
    if (!event->variant)
        return event->tag_text;
    return arena_printf(arena, "%s == %s", event->tag_text, event->variant);
}

void describe_unsafe_use(const struct analysis_event *event, const char *rule,
                         const char *what, struct check_context *context)
{
    struct finding_list *findings = context->findings;
    struct arena *arena = findings->arena;
    const char *name = event->path_text ? event->path_text : "value";
    const char *message = arena_printf(arena, "'%s' %s and is %s", name, what,
                                       use_text(event, arena));
    struct finding *finding =
        finding_add(findings, rule, SEVERITY_WARNING, event->location.file,
                    event->location.line, event->location.column, message, NULL,
                    event->function);
    const struct null_origin *origin = event->origin;
    /* The source named by the first note; for a NULL that a test revealed,
     * the source of the value tested, if any. */
    const struct null_origin *source = origin;
    if (origin && origin->kind == ORIGIN_NULL_CHECK && origin->cause)
        source = origin->cause;
    finding_set_subject(findings, finding, event->path_text, source ? source->callee : NULL);
    if (origin) {
        const char *note = describe_origin(origin, arena);
        if (origin->kind != ORIGIN_NULL_CONSTANT && origin->kind != ORIGIN_NULL_CHECK &&
            origin->path_text)
            note = arena_printf(arena, "'%s' may be NULL: %s", name, note);
        finding_add_note(findings, finding, origin->location.file, origin->location.line,
                         origin->location.column, note, NULL);
        if (origin->has_definition)
            finding_add_note(findings, finding, origin->definition.file, origin->definition.line,
                             origin->definition.column,
                             arena_printf(arena, "%s() returns NULL here",
                                          origin->callee ? origin->callee : "the function"),
                             NULL);
        /* The project's practice, when it has one worth naming. */
        if (origin->how == HOW_UNIT_FUNCTION && origin->evidence_tested > 0 &&
            origin->evidence_calls >= 2 && origin->callee)
            finding_add_note(findings, finding, origin->location.file, origin->location.line,
                             origin->location.column,
                             evidence_note(arena, origin->evidence_tested,
                                           origin->evidence_calls, origin->callee),
                             NULL);
    }
    describe_witness(event, finding, findings);
    if (event->macro && event->macro->definition.file && event->macro->definition.line)
        finding_add_note(findings, finding, event->macro->definition.file,
                         event->macro->definition.line, event->macro->definition.column,
                         arena_printf(arena, "expanded from macro '%s'", event->macro->name),
                         NULL);
    for (int i = 0; i < event->also_count; i++)
        finding_add_note(findings, finding, event->also[i].file, event->also[i].line,
                         event->also[i].column,
                         arena_printf(arena, "the same NULL '%s' may reach this use too", name),
                         NULL);
    if (event->sink == SINK_ARGUMENT && event->dereference.line)
        finding_add_note(findings, finding, event->dereference.file, event->dereference.line,
                         event->dereference.column,
                         arena_printf(arena, "%s() uses it here without checking for NULL",
                                      event->callee ? event->callee : "the function"),
                         NULL);
    suggest_unsafe_use(event, finding, context);
}

void describe_source_uses(const struct analysis_result *result, enum origin_kind kind,
                          struct check_context *context)
{
    for (int i = 0; i < result->event_count; i++) {
        const struct analysis_event *event = &result->events[i];
        if (event->kind != EVENT_UNSAFE_USE || event->repeated || event_is_null_flow(event) ||
            !event->origin || event->origin->kind != kind)
            continue;
        describe_unsafe_use(event, context->rule, "may be NULL", context);
    }
}

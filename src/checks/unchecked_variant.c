/*
 * unchecked-variant: The payload of an Option or Result is read on a path
 * where its tag was not tested, or was tested the other way: the C
 * equivalent of Rust's unwrap() without a match.
 */
#include "rules_list.h"

#include "describe.h"

#include "suggest.h"

void check_unchecked_variant(const struct analysis_result *result, struct check_context *context)
{
    struct finding_list *findings = context->findings;
    for (int i = 0; i < result->event_count; i++) {
        const struct analysis_event *event = &result->events[i];
        if (event->kind != EVENT_UNCHECKED_VARIANT)
            continue;
        const char *payload = event->path_text ? event->path_text : "the payload";
        const char *tag = describe_tag_test(event, findings->arena);
        const char *message =
            event->definitely_null
                ? arena_printf(findings->arena, "'%s' is read where '%s' is %s", payload, tag,
                               event->tag_required ? "false" : "true")
                : arena_printf(findings->arena, "'%s' is read without testing '%s' first",
                               payload, tag);
        struct finding *finding =
            finding_add(findings, context->rule, SEVERITY_WARNING, event->location.file,
                        event->location.line, event->location.column, message, NULL,
                        event->function);
        suggest_variant(event, finding, context);
    }
}

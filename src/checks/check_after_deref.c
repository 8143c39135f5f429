/*
 * check-after-deref: A pointer is tested against NULL after it was already
 * dereferenced. Either the test is dead code or, more often, the earlier
 * dereference is the bug and the test came too late.
 */
#include "rules_list.h"

#include "suggest.h"

void check_check_after_deref(const struct analysis_result *result, struct check_context *context)
{
    struct finding_list *findings = context->findings;
    for (int i = 0; i < result->event_count; i++) {
        const struct analysis_event *event = &result->events[i];
        if (event->kind != EVENT_CHECK_AFTER_DEREF)
            continue;
        const char *name = event->path_text ? event->path_text : "pointer";
        struct finding *finding = finding_add(
            findings, context->rule, SEVERITY_WARNING, event->location.file,
            event->location.line, event->location.column,
            arena_printf(findings->arena,
                         "'%s' is tested against NULL after it was already dereferenced", name),
            NULL, event->function);
        finding_set_subject(findings, finding, event->path_text, NULL);
        finding_add_note(findings, finding, event->dereference.file, event->dereference.line,
                         event->dereference.column,
                         arena_printf(findings->arena, "'%s' is dereferenced here", name), NULL);
        suggest_late_check(event, finding, context);
    }
}

/*
 * null-deref: A pointer that is NULL on some path is dereferenced.
 * The NULL comes from the code itself (an assignment, or the branch where
 * a test found it NULL), not from a library's contract.
 */
#include "rules_list.h"

#include "describe.h"

void check_null_deref(const struct analysis_result *result, struct check_context *context)
{
    for (int i = 0; i < result->event_count; i++) {
        const struct analysis_event *event = &result->events[i];
        if (!event_is_null_flow(event) || event->repeated)
            continue;
        describe_unsafe_use(event, context->rule,
                            event->definitely_null ? "is NULL" : "is NULL on some paths",
                            context);
    }
}

/*
 * unchecked-alloc: A possibly-NULL result of an allocator is used without a NULL check.
 */
#include "rules_list.h"

#include "describe.h"

void check_unchecked_alloc(const struct analysis_result *result, struct check_context *context)
{
    for (int i = 0; i < result->event_count; i++) {
        const struct analysis_event *event = &result->events[i];
        if (event->kind != EVENT_UNSAFE_USE || event_is_null_flow(event) || !event->origin ||
            event->origin->kind != ORIGIN_ALLOC)
            continue;
        describe_unsafe_use(event, "unchecked-alloc", "may be NULL", context);
    }
}

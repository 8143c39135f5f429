/*
 * grouping: one finding per root cause. Several uses of one NULL (a
 * calloc's result indexed in two branches, a lookup passed to three
 * functions) are one mistake: the first use is reported and the others
 * are listed with it.
 */
#include <string.h>

#include "analysis.h"

static bool same_origin(const struct null_origin *a, const struct null_origin *b)
{
    if (a == b)
        return true;
    return a->kind == b->kind && a->how == b->how && a->location.line == b->location.line &&
           a->location.column == b->location.column && a->location.file && b->location.file &&
           strcmp(a->location.file, b->location.file) == 0;
}

void analysis_group_uses(struct analysis_result *result, struct arena *arena)
{
    for (int i = 0; i < result->event_count; i++) {
        struct analysis_event *later = &result->events[i];
        if (later->kind != EVENT_UNSAFE_USE || !later->origin)
            continue;
        for (int j = 0; j < i; j++) {
            struct analysis_event *first = &result->events[j];
            if (first->kind != EVENT_UNSAFE_USE || first->repeated || !first->origin ||
                !first->function || !later->function ||
                strcmp(first->function, later->function) != 0 ||
                !same_origin(first->origin, later->origin))
                continue;
            first->also = arena_grow(arena, first->also, (size_t)first->also_count,
                                     (size_t)first->also_count + 1, sizeof *first->also);
            first->also[first->also_count++] = later->location;
            later->repeated = true;
            break;
        }
    }
}

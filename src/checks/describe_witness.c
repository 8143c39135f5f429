/*
 * describe_witness: the notes that show a path bringing a NULL to a use,
 * one per branch decision (witness.c finds them), worded as clang's
 * analyzer words its path notes: "assuming 'n' is 0".
 */
#include "describe.h"

static const char *path_name(const struct ir_function *function, int path)
{
    if (!function || path < 0 || path >= function->path_count || !function->paths[path].text)
        return NULL;
    return function->paths[path].text;
}

/* "'n' + 2", "'n'", "2": the right side of a comparison. */
static const char *operand(const struct ir_function *function, int path, long long integer,
                           struct arena *arena)
{
    const char *name = path_name(function, path);
    if (!name)
        return arena_printf(arena, "%lld", integer);
    if (integer == 0)
        return arena_printf(arena, "'%s'", name);
    return arena_printf(arena, "'%s' %s %lld", name, integer < 0 ? "-" : "+",
                        integer < 0 ? -integer : integer);
}

static const char *step_text(const struct ir_function *function,
                             const struct witness_step *step, struct arena *arena)
{
    const struct ir_condition *condition = step->condition;
    const char *name = path_name(function, condition->path);
    bool holds = step->holds;
    if (!name)
        return arena_printf(arena, "assuming the condition is %s", holds ? "true" : "false");
    switch (condition->kind) {
    case CONDITION_NONNULL:
        return arena_printf(arena, "assuming '%s' is %sNULL", name, holds ? "not " : "");
    case CONDITION_INTEGER_EQUALS:
        return arena_printf(arena, "assuming '%s' is %s%lld", name, holds ? "" : "not ",
                            condition->integer);
    case CONDITION_NONZERO:
        return arena_printf(arena, "assuming '%s' is %s", name, holds ? "not 0" : "0");
    case CONDITION_LESS:
        return arena_printf(arena, "assuming '%s' %s %s", name, holds ? "<" : ">=",
                            operand(function, condition->other, condition->integer, arena));
    case CONDITION_EQUALS_PATH:
        return arena_printf(arena, "assuming '%s' %s %s", name, holds ? "==" : "!=",
                            operand(function, condition->other, condition->integer, arena));
    case CONDITION_SAME_NULLNESS: {
        const char *other = path_name(function, condition->other);
        if (!other)
            break;
        return holds ? arena_printf(arena, "assuming '%s' and '%s' are both NULL or both not",
                                    name, other)
                     : arena_printf(arena, "assuming one of '%s' and '%s' is NULL", name,
                                    other);
    }
    case CONDITION_BITS:
        if (condition->complement)
            return arena_printf(arena, "assuming '%s' %s of the bits %#llx", name,
                                holds ? "lacks one" : "has all", (unsigned long long)condition->integer);
        return arena_printf(arena, "assuming '%s' has %s of the bits %#llx", name,
                            holds ? "one" : "none", (unsigned long long)condition->integer);
    case CONDITION_UNKNOWN:
        break;
    }
    return arena_printf(arena, "assuming the condition is %s", holds ? "true" : "false");
}

void describe_witness(const struct analysis_event *event, struct finding *finding,
                      struct finding_list *findings)
{
    for (int i = 0; i < event->witness_count; i++) {
        const struct witness_step *step = &event->witness[i];
        const struct source_location *at = &step->condition->location;
        const struct null_origin *origin = event->origin;
        if (!at->file || at->line == 0)
            continue;
        if (origin && origin->kind == ORIGIN_NULL_CHECK && origin->location.line == at->line &&
            origin->location.column == at->column)
            continue; /* the test the origin note shows already */
        finding_add_note(findings, finding, at->file, at->line, at->column,
                         step_text(event->function_info, step, findings->arena), NULL);
    }
}

/*
 * variant: what a read of a sum type's payload (STATEMENT_VARIANT) does:
 * an event when the tag is not known to allow it, then the tag is taken
 * to allow it. Tags are refined on branch edges in transfer.c like any
 * integer path.
 */
#include <string.h>

#include "engine.h"

/* Whether the function branches on `tag` anywhere. A function that never
 * looks at an enum tag is taken to serve one variant (circle_area(shape)),
 * its callers having chosen it: its reads are not judged. */
static bool function_tests(const struct ir_function *function, int tag)
{
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        /* a flag test (`flags & MASK`) treats the field as bits, not as a tag */
        if (block->terminator == TERMINATOR_BRANCH && block->condition.path == tag &&
            block->condition.kind != CONDITION_UNKNOWN && block->condition.kind != CONDITION_BITS)
            return true;
    }
    return false;
}

/* A payload read: fine where the tag is known to hold the right value;
 * afterwards it is taken to (one report per unchecked read). */
void transfer_variant_read(struct function_analysis *analysis,
                           const struct ir_statement *statement, struct flow_state *state)
{
    const struct ir_function *function = analysis->function;
    struct path_state *tag = &state->paths[statement->target];
    bool wants_true = statement->value.integer != 0;
    long long known;
    bool is_true = integer_nonzero(tag);
    bool is_false = integer_known(tag, &known) && known == 0;
    if (statement->variant) {
        /* an enum tag: it must hold exactly this enumerator */
        wants_true = true;
        is_true = integer_known(tag, &known) && known == statement->value.integer;
        is_false = !integer_may_be(tag, statement->value.integer);
    }
    bool valid = wants_true ? is_true : is_false;
    if (statement->variant && !valid && !function_tests(function, statement->target))
        valid = true;
    if (!valid && analysis->events && !function->poisoned) {
        struct analysis_event event;
        memset(&event, 0, sizeof event);
        event.kind = EVENT_UNCHECKED_VARIANT;
        event.function = function->name;
        event.location = statement->location;
        event.path_text = statement->payload;
        event.tag_text = function->paths[statement->target].text;
        event.variant = statement->variant;
        event.tag_required = wants_true;
        event.definitely_null = wants_true ? is_false : is_true; /* tested the other way */
        event.argument_index = -1;
        event.function_info = function;
        int holder = function->paths[statement->target].parent;
        event.value_type = holder >= 0 ? function->paths[holder].type : NULL;
        analysis_add_event(analysis->shared, analysis->events, &event);
    }
    if (statement->variant)
        integer_set(tag, statement->value.integer);
    else if (wants_true)
        integer_exclude(tag, 0);
    else
        integer_set(tag, 0);
}

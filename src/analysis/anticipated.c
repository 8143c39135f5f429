/*
 * anticipated: whether every path from a block dereferences a pointer
 * before the pointer is assigned or the function ends. A NULL test whose
 * NULL side does this (`if (data && data->ops) ...; data->len = 0;`) does
 * not expect NULL: it is a redundant test, not a check that came after
 * the dereference that was meant to guard it. A must-analysis: the
 * greatest fixed point of "dereferenced first here, or on every
 * successor", false where the function returns or stops.
 */
#include <string.h>

#include "engine.h"

enum first_event { FIRST_NONE, FIRST_DEREFERENCE, FIRST_CHANGE };

/* What a block does to `path` first. */
static enum first_event first_event(const struct ir_function *function, int block, int path)
{
    const struct cfg_block *from = &function->blocks[block];
    for (int i = 0; i < from->statement_count; i++) {
        const struct ir_statement *statement = &from->statements[i];
        switch (statement->kind) {
        case STATEMENT_USE:
            if (statement->target == path && statement->use != USE_RETURN)
                return FIRST_DEREFERENCE;
            break;
        case STATEMENT_ASSIGN:
        case STATEMENT_FORGET:
            if (statement->target >= 0 && ir_path_is_below(function, path, statement->target))
                return FIRST_CHANGE;
            break;
        case STATEMENT_CALL:
            if (statement->call.target >= 0 &&
                ir_path_is_below(function, path, statement->call.target))
                return FIRST_CHANGE;
            break;
        default:
            break;
        }
    }
    return FIRST_NONE;
}

bool anticipated_dereference(const struct ir_function *function, struct arena *arena, int start,
                             int path)
{
    int count = function->block_count;
    if (start < 0 || start >= count || path < 0)
        return false;
    unsigned char *first = arena_alloc(arena, (size_t)count);
    bool *holds = arena_alloc(arena, (size_t)count * sizeof *holds);
    for (int b = 0; b < count; b++) {
        first[b] = (unsigned char)first_event(function, b, path);
        holds[b] = true;
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (int b = count - 1; b >= 0; b--) {
            const struct cfg_block *block = &function->blocks[b];
            bool value;
            if (first[b] == FIRST_DEREFERENCE) {
                value = true;
            } else if (first[b] == FIRST_CHANGE || block->terminator == TERMINATOR_RETURN ||
                       block->terminator == TERMINATOR_UNREACHABLE) {
                value = false;
            } else {
                value = holds[block->successors[0]];
                if (block->terminator == TERMINATOR_BRANCH)
                    value = value && holds[block->successors[1]];
            }
            if (value != holds[b]) {
                holds[b] = value;
                changed = true;
            }
        }
    }
    return holds[start];
}

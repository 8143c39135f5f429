/*
 * predicates: which pointers an integer function's result answers for.
 * NULL-safe predicates give 0 at every return where the pointer is NULL
 * (is_string(x): `return x && x->type == 3;`, `if (!x) return 0;`), so a
 * caller's `if (!is_string(x)) return;` proves x non-NULL; validators give
 * non-zero there (`if (!x) return -1;`), so a 0 result proves it. The
 * pointers are the parameters the function never assigns and their
 * members `p->name` (`if (c->session == NULL) return 1;` in
 * ignore_client(c)): what the member holds when the function returns is
 * what the caller finds in it after the call.
 */
#include "engine.h"

#include <string.h>

struct predicate_returns {
    int path_count;
    char *candidate;        /* per path: a parameter or a member of one, tested so far */
    char *zero_for_null;    /* per path: still possible: 0 whenever NULL */
    char *nonzero_for_null; /* per path: still possible: non-zero whenever NULL */
    char *seen_null;        /* per path: a return reached with it NULL: it was tested */
};

static bool parameter_assigned(const struct ir_function *function, int path)
{
    if (function->paths[path].address_taken)
        return true;
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        for (int i = 0; i < block->statement_count; i++) {
            const struct ir_statement *statement = &block->statements[i];
            if (((statement->kind == STATEMENT_ASSIGN || statement->kind == STATEMENT_ADJUST) &&
                 statement->target == path) ||
                (statement->kind == STATEMENT_CALL && statement->call.target == path))
                return true;
        }
    }
    return false;
}

/* The index of the parameter whose path is `path`, among the first
 * `parameters`, or -1. */
static int parameter_of(const struct ir_function *function, int parameters, int path)
{
    for (int p = 0; p < parameters; p++)
        if (function->parameter_paths[p] == path)
            return p;
    return -1;
}

struct predicate_returns *predicates_begin(const struct ir_function *function, int parameters,
                                           struct arena *scratch)
{
    struct predicate_returns *predicates = arena_alloc(scratch, sizeof *predicates);
    size_t paths = (size_t)function->path_count + 1;
    predicates->path_count = function->path_count;
    predicates->candidate = arena_alloc(scratch, paths);
    predicates->zero_for_null = arena_alloc(scratch, paths);
    predicates->nonzero_for_null = arena_alloc(scratch, paths);
    predicates->seen_null = arena_alloc(scratch, paths);
    memset(predicates->candidate, 0, paths);
    memset(predicates->seen_null, 0, paths);
    if (!function->returns_pointer && (function->return_kind == RETURN_BOOL ||
                                       function->return_kind == RETURN_INTEGER ||
                                       function->return_kind == RETURN_UNSIGNED)) {
        char *unassigned = arena_alloc(scratch, paths);
        memset(unassigned, 0, paths);
        for (int p = 0; p < parameters; p++) {
            int path = function->parameter_paths[p];
            if (path >= 0 && function->paths[path].is_pointer &&
                !parameter_assigned(function, path))
                unassigned[path] = predicates->candidate[path] = 1;
        }
        for (int i = 0; i < function->path_count; i++) {
            const struct access_path *path = &function->paths[i];
            if (path->parent >= 0 && unassigned[path->parent] && path->step == PATH_ARROW &&
                path->is_pointer && path->name)
                predicates->candidate[i] = 1;
        }
    }
    memcpy(predicates->zero_for_null, predicates->candidate, paths);
    memcpy(predicates->nonzero_for_null, predicates->candidate, paths);
    return predicates;
}

/* Whether `value`, returned in `out`, is 0 (`zero`) or surely not 0 when
 * the pointer at `path` is NULL. */
static bool returns_zero(const struct flow_state *out, struct ir_value value, int path, bool zero)
{
    long long known;
    switch (value.kind) {
    case VALUE_INTEGER:
        return (value.integer == 0) == zero;
    case VALUE_NULL_TEST: /* x != NULL is 0, x == NULL is 1 */
        return value.path == path && (value.integer != 0) == zero;
    case VALUE_PATH:
        if (zero)
            return integer_known(&out->paths[value.path], &known) && known == 0;
        return integer_nonzero(&out->paths[value.path]);
    default:
        return false;
    }
}

void predicates_add(struct predicate_returns *predicates, const struct ir_function *function,
                    int b, const struct flow_state *out)
{
    const struct cfg_block *block = &function->blocks[b];
    struct ir_value returned = block->returned;
    for (int path = 0; path < predicates->path_count; path++) {
        if (!predicates->zero_for_null[path] && !predicates->nonzero_for_null[path])
            continue;
        const struct path_state *tested = &out->paths[path];
        if (tested->nullability == NULLABILITY_NONNULL)
            continue;
        if (!block->has_return_value) {
            predicates->zero_for_null[path] = predicates->nonzero_for_null[path] = 0;
        } else if (tested->nullability == NULLABILITY_NULL) {
            predicates->seen_null[path] = 1;
            if (!returns_zero(out, returned, path, true))
                predicates->zero_for_null[path] = 0;
            if (!returns_zero(out, returned, path, false))
                predicates->nonzero_for_null[path] = 0;
        } else {
            /* not known here: only `return ok;` with ok = x != NULL && ..., or
             * `return x != NULL;`, still answers 0 for NULL; only `return x ==
             * NULL;` or a validator's own result passed on (`ret = vvalidate(x,
             * ap); return ret;`, the varargs wrapper) still answers non-zero */
            const struct path_state *result =
                returned.kind == VALUE_PATH ? &out->paths[returned.path] : NULL;
            bool tests = (result && result->witness == path && result->witness_nonnull) ||
                         (returned.kind == VALUE_NULL_TEST && returned.path == path &&
                          returned.integer != 0);
            bool validates = (result && result->witness == path && !result->witness_nonnull) ||
                             (returned.kind == VALUE_NULL_TEST && returned.path == path &&
                              returned.integer == 0);
            if (tests || validates)
                predicates->seen_null[path] = 1;
            if (!tests)
                predicates->zero_for_null[path] = 0;
            if (!validates)
                predicates->nonzero_for_null[path] = 0;
        }
    }
}

void predicates_finish(const struct predicate_returns *predicates,
                       const struct ir_function *function, int parameters, struct arena *arena,
                       struct function_summary *summary)
{
    int members = 0;
    for (int path = 0; path < predicates->path_count; path++) {
        bool zero = predicates->zero_for_null[path] && predicates->seen_null[path];
        bool nonzero = predicates->nonzero_for_null[path] && predicates->seen_null[path];
        if (!zero && !nonzero)
            continue;
        int parameter = parameter_of(function, parameters, path);
        if (parameter >= 0) {
            uint32_t bit = UINT32_C(1) << parameter;
            if (zero)
                summary->false_for_null_parameters |= bit;
            else
                summary->true_for_null_parameters |= bit;
        } else if (parameter_of(function, parameters, function->paths[path].parent) >= 0) {
            members++;
        }
    }
    if (!members)
        return;
    summary->member_predicates = arena_alloc(arena, sizeof *summary->member_predicates *
                                                        (size_t)members);
    for (int path = 0; path < predicates->path_count; path++) {
        bool zero = predicates->zero_for_null[path] && predicates->seen_null[path];
        bool nonzero = predicates->nonzero_for_null[path] && predicates->seen_null[path];
        int parent = function->paths[path].parent;
        if ((!zero && !nonzero) || parent < 0 ||
            parameter_of(function, parameters, path) >= 0)
            continue;
        int parameter = parameter_of(function, parameters, parent);
        if (parameter < 0)
            continue;
        struct member_predicate *member =
            &summary->member_predicates[summary->member_predicate_count++];
        member->parameter = parameter;
        member->name = function->paths[path].name;
        member->zero_for_null = zero;
    }
}

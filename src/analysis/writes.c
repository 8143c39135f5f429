/*
 * writes: which members of what its pointer parameters point to a function
 * may write, itself or through the functions it calls (function_summary's
 * writes_through and written_fields). A caller then forgets only those
 * members of what it passed, not all of them: `wp->next` stays known
 * across `window_pane_resize(wp, sx, sy)`, which writes wp->sx and wp->sy.
 * Syntactic: a write through a parameter's member (p->f = ..., p->f->g =
 * ..., f(&p->f)) names its first member; a write through *p or p[i], a
 * copy of the pointer kept elsewhere, or a call that may write anything
 * through it makes the whole of it written.
 */
#include <string.h>

#include "engine.h"

struct writes {
    const struct function_analysis *analysis;
    struct function_summary *summary;
    int capacity;
};

/* The parameter that `path` is reached through (p->f, *p, p[i], and below
 * them), with the first member in *field (NULL: *p or p[i], anything);
 * -1 when `path` is not below a pointer parameter. */
static int through_parameter(const struct ir_function *function, int path, const char **field)
{
    int below = -1, root = path;
    while (root >= 0 && function->paths[root].parent >= 0) {
        below = root;
        root = function->paths[root].parent;
    }
    if (root < 0 || below < 0 || function->paths[root].root_kind != VARIABLE_PARAMETER ||
        !function->paths[root].is_pointer || function->paths[root].parameter_index < 0)
        return -1;
    const struct access_path *step = &function->paths[below];
    if (step->step == PATH_ARROW && step->name)
        *field = step->name;
    else if (step->step == PATH_DEREF || step->step == PATH_INDEX || step->step == PATH_ARROW)
        *field = NULL;
    else
        return -1; /* a member of a struct passed by value: the callee's copy */
    return function->paths[root].parameter_index;
}

/* The pointer parameter that `path` is, or -1. */
static int parameter_itself(const struct ir_function *function, int path)
{
    const struct access_path *root = &function->paths[path];
    if (root->parent >= 0 || root->root_kind != VARIABLE_PARAMETER || !root->is_pointer)
        return -1;
    return root->parameter_index;
}

static void write_all(struct writes *writes, int parameter)
{
    if (parameter >= 0 && parameter < ARGUMENT_MASK_BITS)
        writes->summary->writes_through |= UINT32_C(1) << parameter;
}

static void write_field(struct writes *writes, int parameter, const char *field)
{
    struct function_summary *summary = writes->summary;
    if (parameter < 0 || parameter >= ARGUMENT_MASK_BITS)
        return;
    if (!field) {
        write_all(writes, parameter);
        return;
    }
    for (int i = 0; i < summary->written_field_count; i++)
        if (summary->written_fields[i].parameter == parameter &&
            strcmp(summary->written_fields[i].name, field) == 0)
            return;
    if (summary->written_field_count == writes->capacity) {
        int grown = writes->capacity ? writes->capacity * 2 : 4;
        summary->written_fields =
            arena_grow(writes->analysis->shared->arena, summary->written_fields,
                       (size_t)summary->written_field_count, (size_t)grown,
                       sizeof *summary->written_fields);
        writes->capacity = grown;
    }
    struct member_use *written = &summary->written_fields[summary->written_field_count++];
    memset(written, 0, sizeof *written);
    written->parameter = parameter;
    written->step = PATH_ARROW;
    written->name = field;
}

/* What a callee's summary says it writes through its parameter `index`,
 * passed our parameter `parameter` itself. */
static void callee_writes(struct writes *writes, const struct function_summary *callee,
                          int index, int parameter)
{
    if (!callee || !callee->writes_known || index >= ARGUMENT_MASK_BITS ||
        (callee->writes_through & (UINT32_C(1) << index))) {
        write_all(writes, parameter);
        return;
    }
    for (int i = 0; i < callee->written_field_count; i++)
        if (callee->written_fields[i].parameter == index)
            write_field(writes, parameter, callee->written_fields[i].name);
}

static void call_writes(struct writes *writes, const struct ir_call *call)
{
    const struct function_analysis *analysis = writes->analysis;
    const struct ir_function *function = analysis->function;
    const struct pack_entry *rule = transfer_call_entry(analysis->shared, call);
    const struct function_summary *callee = rule ? NULL : callee_summary(analysis, call);
    const char *field = NULL;
    if (call->target >= 0) {
        int parameter = through_parameter(function, call->target, &field);
        if (parameter >= 0)
            write_field(writes, parameter, field);
    }
    for (int i = 0; i < call->argument_count; i++) {
        struct ir_value argument = call->arguments[i];
        if (argument_in_mask(call->const_arguments, i) || argument.path < 0 ||
            (argument.kind != VALUE_PATH && argument.kind != VALUE_NONNULL))
            continue;
        if (argument.kind == VALUE_NONNULL) { /* &p->f: the callee may set p->f */
            int parameter = through_parameter(function, argument.path, &field);
            if (parameter >= 0)
                write_field(writes, parameter, field);
            continue;
        }
        if (!function->paths[argument.path].is_pointer)
            continue;
        int parameter = parameter_itself(function, argument.path);
        if (parameter >= 0) {
            if (rule)
                write_all(writes, parameter); /* memset(p, ...), free(p) */
            else
                callee_writes(writes, callee, i, parameter);
            continue;
        }
        /* p->buffer passed on: what it points to, below p->buffer, may change */
        parameter = through_parameter(function, argument.path, &field);
        if (parameter >= 0)
            write_field(writes, parameter, field);
    }
}

void writes_summarise(const struct function_analysis *analysis, struct function_summary *summary)
{
    const struct ir_function *function = analysis->function;
    struct writes writes = {analysis, summary, 0};
    summary->writes_known = true;
    /* arguments past the declared parameters (a variadic function's, which
     * it reaches with va_arg: dropbear's m_mp_init_multi(&a, &b, NULL))
     * may have anything written through them */
    if (function->parameter_count < ARGUMENT_MASK_BITS)
        summary->writes_through |= ~((UINT32_C(1) << function->parameter_count) - 1);
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        for (int i = 0; i < block->statement_count; i++) {
            const struct ir_statement *statement = &block->statements[i];
            const char *field = NULL;
            if (statement->kind == STATEMENT_CALL) {
                call_writes(&writes, &statement->call);
                continue;
            }
            if (statement->kind != STATEMENT_ASSIGN || statement->target < 0)
                continue;
            int parameter = through_parameter(function, statement->target, &field);
            if (parameter >= 0)
                write_field(&writes, parameter, field);
            /* a copy of the pointer (q = p, list->head = p, q = &p->f) may be
             * written through later, under another name */
            struct ir_value value = statement->value;
            if ((value.kind != VALUE_PATH && value.kind != VALUE_NONNULL) || value.path < 0 ||
                !function->paths[statement->target].is_pointer ||
                parameter_itself(function, statement->target) >= 0)
                continue; /* p = p->next moves the parameter itself */
            int copied = value.kind == VALUE_PATH ? parameter_itself(function, value.path) : -1;
            if (copied >= 0) {
                write_all(&writes, copied);
            } else {
                copied = through_parameter(function, value.path, &field);
                if (copied >= 0)
                    write_field(&writes, copied, field);
            }
        }
    }
}

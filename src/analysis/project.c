/*
 * project: the table of the run's external functions and call evidence
 * (see project.h), and deep copies of summaries into it.
 */
#include "project.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char *copy_string(struct arena *arena, const char *text)
{
    return text ? arena_strdup(arena, text) : NULL;
}

static struct source_location copy_location(struct source_location location, struct arena *arena,
                                            const char *(*map_file)(const char *, void *),
                                            void *data)
{
    const char *file = map_file && location.file ? map_file(location.file, data) : location.file;
    location.file = copy_string(arena, file);
    location.macro = copy_string(arena, location.macro);
    return location;
}

/* Deep copies of a summary's lists, in `arena` (NULL for none). */
static const char **copy_strings(struct arena *arena, const char *const *from, int count)
{
    if (count <= 0)
        return NULL;
    const char **to = arena_alloc(arena, sizeof *to * (size_t)count);
    for (int i = 0; i < count; i++)
        to[i] = copy_string(arena, from[i]);
    return to;
}

static struct member_use *copy_members(struct arena *arena, const struct member_use *from,
                                       int count,
                                       const char *(*map_file)(const char *, void *),
                                       void *data)
{
    if (count <= 0)
        return NULL;
    struct member_use *to = arena_alloc(arena, sizeof *to * (size_t)count);
    for (int i = 0; i < count; i++) {
        to[i] = from[i];
        to[i].name = copy_string(arena, from[i].name);
        to[i].use = copy_location(from[i].use, arena, map_file, data);
    }
    return to;
}

void summary_copy(struct function_summary *to, const struct function_summary *from,
                  struct arena *arena, const char *(*map_file)(const char *file, void *data),
                  void *data)
{
    *to = *from;
    to->null_return = copy_location(from->null_return, arena, map_file, data);
    to->return_failing = copy_string(arena, from->return_failing);
    for (int i = 0; i < ARGUMENT_MASK_BITS; i++)
        to->parameter_use[i] = copy_location(from->parameter_use[i], arena, map_file, data);
    to->condition_roots = NULL;
    to->condition_root_count = 0;
    int globals = from->dereferenced_global_count;
    to->dereferenced_globals = copy_strings(arena, from->dereferenced_globals, globals);
    to->global_names = copy_strings(arena, from->global_names, globals);
    to->global_use = NULL;
    if (globals > 0) {
        to->global_use = arena_alloc(arena, sizeof *to->global_use * (size_t)globals);
        for (int i = 0; i < globals; i++)
            to->global_use[i] = copy_location(from->global_use[i], arena, map_file, data);
    }
    to->member_uses =
        copy_members(arena, from->member_uses, from->member_use_count, map_file, data);
    to->written_fields =
        copy_members(arena, from->written_fields, from->written_field_count, map_file, data);
    to->nonnull_members =
        copy_members(arena, from->nonnull_members, from->nonnull_member_count, map_file, data);
    to->set_globals = copy_strings(arena, from->set_globals, from->set_global_count);
    to->written_globals =
        copy_strings(arena, from->written_globals, from->written_global_count);
    to->constant_members = NULL;
    if (from->constant_member_count > 0) {
        to->constant_members = arena_alloc(arena, sizeof *to->constant_members *
                                                      (size_t)from->constant_member_count);
        for (int i = 0; i < from->constant_member_count; i++) {
            to->constant_members[i] = from->constant_members[i];
            to->constant_members[i].name = copy_string(arena, from->constant_members[i].name);
        }
    }
    to->member_predicates = NULL;
    if (from->member_predicate_count > 0) {
        to->member_predicates = arena_alloc(arena, sizeof *to->member_predicates *
                                                       (size_t)from->member_predicate_count);
        for (int i = 0; i < from->member_predicate_count; i++) {
            to->member_predicates[i] = from->member_predicates[i];
            to->member_predicates[i].name = copy_string(arena, from->member_predicates[i].name);
        }
    }
    to->nulled = NULL;
    if (from->nulled_count > 0) {
        to->nulled = arena_alloc(arena, sizeof *to->nulled * (size_t)from->nulled_count);
        for (int i = 0; i < from->nulled_count; i++) {
            to->nulled[i] = from->nulled[i];
            to->nulled[i].key = copy_string(arena, from->nulled[i].key);
            to->nulled[i].field = copy_string(arena, from->nulled[i].field);
            to->nulled[i].text = copy_string(arena, from->nulled[i].text);
        }
    }
}

static bool same_string(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_strings(const char *const *a, const char *const *b, int count)
{
    for (int i = 0; i < count; i++)
        if (!same_string(a[i], b[i]))
            return false;
    return true;
}

static bool same_members(const struct member_use *a, const struct member_use *b, int count)
{
    for (int i = 0; i < count; i++)
        if (a[i].parameter != b[i].parameter || a[i].step != b[i].step ||
            !same_string(a[i].name, b[i].name))
            return false;
    return true;
}

bool summary_equal(const struct function_summary *a, const struct function_summary *b)
{
    if (a->computed != b->computed || a->never_returns != b->never_returns ||
        a->writes_globals != b->writes_globals ||
        a->globals_written_known != b->globals_written_known ||
        a->written_global_count != b->written_global_count ||
        a->returns_null != b->returns_null ||
        a->repeatable != b->repeatable || a->caches_result != b->caches_result ||
        a->returns_nonnull != b->returns_nonnull ||
        a->return_kind != b->return_kind || a->propagated_parameters != b->propagated_parameters ||
        a->null_only_for_null_parameters != b->null_only_for_null_parameters ||
        a->dereferenced_parameters != b->dereferenced_parameters ||
        a->false_for_null_parameters != b->false_for_null_parameters ||
        a->true_for_null_parameters != b->true_for_null_parameters ||
        a->null_count_parameters != b->null_count_parameters ||
        a->size_parameters != b->size_parameters ||
        a->dereferenced_global_count != b->dereferenced_global_count ||
        a->nulled_count != b->nulled_count || a->null_return.line != b->null_return.line ||
        a->member_use_count != b->member_use_count ||
        a->nonnull_member_count != b->nonnull_member_count ||
        a->constant_member_count != b->constant_member_count ||
        a->writes_known != b->writes_known || a->writes_through != b->writes_through ||
        a->returns_range != b->returns_range || a->return_low != b->return_low ||
        a->return_high != b->return_high ||
        a->written_field_count != b->written_field_count ||
        a->member_predicate_count != b->member_predicate_count ||
        a->set_global_count != b->set_global_count ||
        !same_string(a->return_failing, b->return_failing))
        return false;
    if (!same_members(a->nonnull_members, b->nonnull_members, a->nonnull_member_count) ||
        !same_members(a->member_uses, b->member_uses, a->member_use_count) ||
        !same_members(a->written_fields, b->written_fields, a->written_field_count) ||
        !same_strings(a->dereferenced_globals, b->dereferenced_globals,
                      a->dereferenced_global_count) ||
        !same_strings(a->set_globals, b->set_globals, a->set_global_count) ||
        !same_strings(a->written_globals, b->written_globals, a->written_global_count))
        return false;
    for (int i = 0; i < a->constant_member_count; i++)
        if (a->constant_members[i].parameter != b->constant_members[i].parameter ||
            a->constant_members[i].step != b->constant_members[i].step ||
            a->constant_members[i].value != b->constant_members[i].value ||
            !same_string(a->constant_members[i].name, b->constant_members[i].name))
            return false;
    for (int i = 0; i < a->member_predicate_count; i++)
        if (a->member_predicates[i].parameter != b->member_predicates[i].parameter ||
            a->member_predicates[i].zero_for_null != b->member_predicates[i].zero_for_null ||
            !same_string(a->member_predicates[i].name, b->member_predicates[i].name))
            return false;
    for (int i = 0; i < a->nulled_count; i++)
        if (a->nulled[i].parameter != b->nulled[i].parameter ||
            !same_string(a->nulled[i].key, b->nulled[i].key) ||
            !same_string(a->nulled[i].field, b->nulled[i].field))
            return false;
    return true;
}

bool summary_says_nothing(const struct function_summary *summary)
{
    /* what a caller assumes of a function it knows nothing of: it may write
     * globals, return anything, and take any arguments (zsh's zalloc(),
     * which exits rather than return NULL, says something: returns_nonnull;
     * so does one that names the globals it writes) */
    return summary->writes_globals && !summary->globals_written_known &&
           !summary->never_returns && !summary->returns_null &&
           !summary->returns_nonnull && !summary->returns_range && !summary->repeatable &&
           !summary->caches_result && !summary->null_count_parameters &&
           !summary->propagated_parameters && !summary->null_only_for_null_parameters &&
           !summary->dereferenced_parameters &&
           !summary->false_for_null_parameters && !summary->true_for_null_parameters &&
           !summary->dereferenced_global_count && !summary->nulled_count &&
           !summary->member_use_count && !summary->nonnull_member_count &&
           !summary->constant_member_count &&
           !summary->member_predicate_count && !summary->set_global_count;
}

bool summary_writes_global(const struct function_summary *summary, const char *key)
{
    for (int i = 0; i < summary->written_global_count; i++)
        if (strcmp(summary->written_globals[i], key) == 0)
            return true;
    return false;
}

void project_table_init(struct project_table *table)
{
    memset(table, 0, sizeof *table);
    arena_init(&table->arena);
}

void project_table_free(struct project_table *table)
{
    arena_free(&table->arena);
    memset(table, 0, sizeof *table);
}

void project_table_add(struct project_table *table, int unit, const struct unit_exports *exports)
{
    for (int i = 0; i < exports->function_count; i++) {
        const struct exported_function *exported = &exports->functions[i];
        if (table->function_count == table->function_capacity) {
            int capacity = table->function_capacity ? table->function_capacity * 2 : 64;
            table->functions = arena_grow(&table->arena, table->functions,
                                          (size_t)table->function_count, (size_t)capacity,
                                          sizeof *table->functions);
            table->function_capacity = capacity;
        }
        struct project_function *function = &table->functions[table->function_count++];
        memset(function, 0, sizeof *function);
        function->name = copy_string(&table->arena, exported->name);
        function->definition = copy_location(exported->definition, &table->arena, NULL, NULL);
        function->unit = unit;
        function->export_index = i;
    }
    for (int i = 0; i < exports->evidence_count; i++) {
        if (table->evidence_count == table->evidence_capacity) {
            int capacity = table->evidence_capacity ? table->evidence_capacity * 2 : 64;
            table->evidence = arena_grow(&table->arena, table->evidence,
                                         (size_t)table->evidence_count, (size_t)capacity,
                                         sizeof *table->evidence);
            table->evidence_capacity = capacity;
        }
        struct call_evidence *evidence = &table->evidence[table->evidence_count++];
        *evidence = exports->evidence[i];
        evidence->callee = copy_string(&table->arena, evidence->callee);
    }
    for (int i = 0; i < exports->passed_count; i++) {
        if (table->passed_count == table->passed_capacity) {
            int capacity = table->passed_capacity ? table->passed_capacity * 2 : 64;
            table->passed = arena_grow(&table->arena, table->passed, (size_t)table->passed_count,
                                       (size_t)capacity, sizeof *table->passed);
            table->passed_capacity = capacity;
        }
        struct passed_arguments *passed = &table->passed[table->passed_count++];
        *passed = exports->passed[i];
        passed->callee = copy_string(&table->arena, passed->callee);
    }
}

static int compare_passed(const void *left, const void *right)
{
    const struct passed_arguments *a = left, *b = right;
    return strcmp(a->callee, b->callee);
}

int passed_arguments_merge(struct passed_arguments *passed, int count)
{
    if (count > 1)
        qsort(passed, (size_t)count, sizeof *passed, compare_passed);
    int kept = 0;
    for (int i = 0; i < count; i++) {
        struct passed_arguments *last = kept > 0 ? &passed[kept - 1] : NULL;
        if (last && strcmp(last->callee, passed[i].callee) == 0) {
            last->maybe_null |= passed[i].maybe_null;
            last->called |= passed[i].called;
            last->named |= passed[i].named;
            continue;
        }
        passed[kept++] = passed[i];
    }
    return kept;
}

static int compare_functions(const void *left, const void *right)
{
    const struct project_function *a = left, *b = right;
    int order = strcmp(a->name, b->name);
    if (order)
        return order;
    return (a->unit > b->unit) - (a->unit < b->unit);
}

static int compare_evidence(const void *left, const void *right)
{
    const struct call_evidence *a = left, *b = right;
    return strcmp(a->callee, b->callee);
}

static bool same_location(const struct source_location *a, const struct source_location *b)
{
    return a->line == b->line && a->column == b->column && same_string(a->file, b->file);
}

static bool same_definition(const struct project_function *a, const struct project_function *b)
{
    return same_location(&a->definition, &b->definition);
}

void project_table_finish(struct project_table *table)
{
    if (table->function_count > 1)
        qsort(table->functions, (size_t)table->function_count, sizeof *table->functions,
              compare_functions);
    /* One entry per name: the same definition seen from several units (a
     * non-static function of a shared header) is one function; different
     * definitions are different programs' and make the name ambiguous. */
    int kept = 0;
    for (int i = 0; i < table->function_count;) {
        int end = i + 1;
        while (end < table->function_count &&
               strcmp(table->functions[end].name, table->functions[i].name) == 0)
            end++;
        struct project_function function = table->functions[i];
        function.definition_count = 0;
        for (int j = i; j < end; j++) {
            bool seen = false;
            for (int k = i; k < j && !seen; k++)
                seen = same_definition(&table->functions[k], &table->functions[j]);
            function.definition_count += !seen;
        }
        function.ambiguous = function.definition_count > 1;
        if (function.ambiguous) {
            size_t count = (size_t)function.definition_count;
            function.definitions = arena_alloc(&table->arena, sizeof *function.definitions * count);
            function.never_returns = arena_alloc(&table->arena, count);
            memset(function.never_returns, -1, count);
            int d = 0;
            for (int j = i; j < end; j++) {
                bool seen = false;
                for (int k = 0; k < d && !seen; k++)
                    seen = same_location(&function.definitions[k], &table->functions[j].definition);
                if (!seen)
                    function.definitions[d++] = table->functions[j].definition;
            }
        }
        table->functions[kept++] = function;
        i = end;
    }
    table->function_count = kept;

    if (table->evidence_count > 1)
        qsort(table->evidence, (size_t)table->evidence_count, sizeof *table->evidence,
              compare_evidence);
    kept = 0;
    for (int i = 0; i < table->evidence_count; i++) {
        struct call_evidence *evidence = &table->evidence[i];
        if (kept > 0 && strcmp(table->evidence[kept - 1].callee, evidence->callee) == 0) {
            table->evidence[kept - 1].calls += evidence->calls;
            table->evidence[kept - 1].tested += evidence->tested;
            continue;
        }
        table->evidence[kept++] = *evidence;
    }
    table->evidence_count = kept;
    table->passed_count = passed_arguments_merge(table->passed, table->passed_count);
    table->finished = true;
}

static int compare_name_function(const void *key, const void *element)
{
    return strcmp(key, ((const struct project_function *)element)->name);
}

static int compare_name_evidence(const void *key, const void *element)
{
    return strcmp(key, ((const struct call_evidence *)element)->callee);
}

const struct project_function *project_find(const struct project_table *table, const char *name)
{
    if (!table || !name || !table->finished || table->function_count == 0)
        return NULL;
    return bsearch(name, table->functions, (size_t)table->function_count,
                   sizeof *table->functions, compare_name_function);
}

const struct function_summary *project_summary(const struct project_table *table,
                                               const char *name)
{
    const struct project_function *function = project_find(table, name);
    if (!function || function->ambiguous || !function->has_summary)
        return NULL;
    return &function->summary;
}

bool project_never_returns(const struct project_table *table, const char *name)
{
    const struct project_function *function = project_find(table, name);
    if (!function)
        return false;
    if (!function->ambiguous)
        return function->has_summary && function->summary.never_returns;
    for (int d = 0; d < function->definition_count; d++)
        if (function->never_returns[d] != 1)
            return false;
    return true;
}

static int compare_name_passed(const void *key, const void *element)
{
    return strcmp(key, ((const struct passed_arguments *)element)->callee);
}

const struct passed_arguments *project_passed(const struct project_table *table,
                                              const char *name)
{
    if (!table || !name || !table->finished || table->passed_count == 0)
        return NULL;
    return bsearch(name, table->passed, (size_t)table->passed_count, sizeof *table->passed,
                   compare_name_passed);
}

const struct call_evidence *project_evidence(const struct project_table *table, const char *name)
{
    if (!table || !name || !table->finished || table->evidence_count == 0)
        return NULL;
    return bsearch(name, table->evidence, (size_t)table->evidence_count,
                   sizeof *table->evidence, compare_name_evidence);
}

bool context_root_equal(const struct context_root *a, const struct context_root *b)
{
    if ((a->key == NULL) != (b->key == NULL))
        return false;
    if (a->key)
        return strcmp(a->key, b->key) == 0;
    return a->parameter == b->parameter && same_string(a->member, b->member);
}

static bool contexts_equal(const struct exported_context *a, int a_count,
                           const struct exported_context *b, int b_count)
{
    if (a_count != b_count)
        return false;
    for (int i = 0; i < a_count; i++)
        if (a[i].value.low != b[i].value.low || a[i].value.high != b[i].value.high ||
            !context_root_equal(&a[i].value.root, &b[i].value.root) ||
            !summary_equal(&a[i].summary, &b[i].summary))
            return false;
    return true;
}

struct exported_context *contexts_copy(const struct exported_context *from, int count,
                                       struct arena *arena,
                                       const char *(*map_file)(const char *file, void *data),
                                       void *data)
{
    if (count <= 0)
        return NULL;
    struct exported_context *to = arena_alloc(arena, sizeof *to * (size_t)count);
    for (int i = 0; i < count; i++) {
        to[i].value = from[i].value;
        to[i].value.root.key = copy_string(arena, from[i].value.root.key);
        to[i].value.root.member = copy_string(arena, from[i].value.root.member);
        summary_copy(&to[i].summary, &from[i].summary, arena, map_file, data);
    }
    return to;
}

bool project_set_summary(struct project_table *table, const char *name,
                         const struct exported_function *exported)
{
    struct project_function *function = (struct project_function *)project_find(table, name);
    if (!function)
        return false;
    if (function->ambiguous) { /* only whether this definition returns */
        for (int d = 0; d < function->definition_count; d++) {
            if (!same_location(&function->definitions[d], &exported->definition))
                continue;
            signed char never = exported->summary.never_returns ? 1 : 0;
            bool changed = function->never_returns[d] != never;
            function->never_returns[d] = never;
            return changed;
        }
        return false;
    }
    const struct function_summary *summary = &exported->summary;
    if (function->has_summary && summary_equal(&function->summary, summary) &&
        contexts_equal(function->contexts, function->context_count, exported->contexts,
                       exported->context_count))
        return false;
    bool was_known = function->has_summary;
    summary_copy(&function->summary, summary, &table->arena, NULL, NULL);
    function->contexts = contexts_copy(exported->contexts, exported->context_count,
                                       &table->arena, NULL, NULL);
    function->context_count = exported->context_count;
    function->has_summary = true;
    /* Callers analysed without it assumed what a summary that says nothing
     * says: for them nothing changed. */
    return was_known || !summary_says_nothing(summary) || exported->context_count > 0;
}

bool size_root(const struct function_summary *general, const struct context_root *root)
{
    return general->returns_null &&
           (general->return_kind == ORIGIN_ALLOC || general->return_kind == ORIGIN_NULLABLE) &&
           !root->key &&
           !root->member && root->parameter >= 0 && root->parameter < ARGUMENT_MASK_BITS &&
           (general->size_parameters & (UINT32_C(1) << root->parameter));
}

bool size_context(const struct function_summary *general, const struct context_root *root,
                  bool known, long long *low, long long *high)
{
    if (!size_root(general, root) || (known && *high < 1))
        return known;
    if (!known)
        *high = LLONG_MAX;
    if (!known || *low < 1)
        *low = 1;
    return true;
}

/* Whether the caller passes `function` no size it knows to be 0. */
static bool sizes_positive(
    const struct project_function *function,
    bool (*known)(const struct context_root *root, long long *low, long long *high, void *data),
    void *data)
{
    for (int i = 0; i < ARGUMENT_MASK_BITS; i++) {
        struct context_root root = {NULL, i, NULL};
        long long low, high;
        if (!(function->summary.size_parameters >> i & 1))
            continue;
        bool knows = known(&root, &low, &high, data);
        if (!size_context(&function->summary, &root, knows, &low, &high) || low < 1)
            return false;
    }
    return true;
}

const struct function_summary *project_summary_in_context(
    const struct project_function *function,
    bool (*known)(const struct context_root *root, long long *low, long long *high, void *data),
    void *data)
{
    if (!function || function->ambiguous || !function->has_summary)
        return NULL;
    for (int i = 0; i < function->context_count; i++) {
        const struct exported_context *context = &function->contexts[i];
        const struct context_root *root = &context->value.root;
        if (size_root(&function->summary, root)) { /* the one with every size positive */
            if (sizes_positive(function, known, data) && !context->summary.returns_null)
                return &context->summary;
            continue;
        }
        long long low, high;
        if (known(root, &low, &high, data) && low == context->value.low &&
            high == context->value.high)
            return &context->summary;
    }
    return &function->summary;
}

bool evidence_says_checked(const struct call_evidence *evidence)
{
    return evidence && evidence->tested >= EVIDENCE_MIN_TESTED &&
           evidence->tested * 100 >= evidence->calls * EVIDENCE_PERCENT;
}

bool evidence_says_unchecked(const struct call_evidence *evidence)
{
    return evidence && evidence->calls >= WEAK_MIN_CALLS && evidence->tested == 0;
}

bool evidence_says_mostly_unchecked(const struct call_evidence *evidence)
{
    return evidence_says_unchecked(evidence) ||
           (evidence && evidence->calls >= SEARCH_WEAK_MIN_CALLS &&
            evidence->tested * 100 <= evidence->calls * SEARCH_WEAK_PERCENT);
}

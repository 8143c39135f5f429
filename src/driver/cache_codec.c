/*
 * cache_codec: exports, findings and messages to bytes and back (see
 * cache_codec.h). Every count read is checked against the bytes left, so
 * a damaged count cannot make the decoder allocate or loop without bound.
 */
#include "cache_codec.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "../support/text.h"
#include "../support/xalloc.h"

/* A string's length field: the length plus one, 0 for none (NULL). */
enum { STRING_NONE = 0 };

void codec_put_u64(struct string_buffer *out, uint64_t value)
{
    unsigned char bytes[8];
    for (int i = 0; i < 8; i++)
        bytes[i] = (unsigned char)(value >> (8 * i));
    string_buffer_append_length(out, (const char *)bytes, sizeof bytes);
}

void codec_put_bytes(struct string_buffer *out, const void *bytes, size_t length)
{
    if (length > 0)
        string_buffer_append_length(out, bytes, length);
}

void codec_put_string(struct string_buffer *out, const char *text)
{
    if (!text) {
        codec_put_u64(out, STRING_NONE);
        return;
    }
    size_t length = strlen(text);
    codec_put_u64(out, (uint64_t)length + 1);
    codec_put_bytes(out, text, length);
}

const unsigned char *codec_get_bytes(struct codec_reader *in, size_t length)
{
    if (in->failed || (size_t)(in->end - in->cursor) < length) {
        in->failed = true;
        return NULL;
    }
    const unsigned char *bytes = in->cursor;
    in->cursor += length;
    return bytes;
}

uint64_t codec_get_u64(struct codec_reader *in)
{
    const unsigned char *bytes = codec_get_bytes(in, 8);
    if (!bytes)
        return 0;
    uint64_t value = 0;
    for (int i = 0; i < 8; i++)
        value |= (uint64_t)bytes[i] << (8 * i);
    return value;
}

const char *codec_get_string(struct codec_reader *in, struct arena *arena)
{
    uint64_t length = codec_get_u64(in);
    if (length == STRING_NONE || in->failed)
        return NULL;
    const unsigned char *bytes = codec_get_bytes(in, (size_t)(length - 1));
    if (!bytes)
        return NULL;
    return arena_strndup(arena, (const char *)bytes, (size_t)(length - 1));
}

/* A count of items of at least `item_size` bytes each: no more than the
 * bytes left can hold (else the input is damaged). */
static int get_count(struct codec_reader *in, size_t item_size)
{
    uint64_t count = codec_get_u64(in);
    if (in->failed || count > (uint64_t)(in->end - in->cursor) / (item_size ? item_size : 1) ||
        count > 0x7fffffff) {
        in->failed = true;
        return 0;
    }
    return (int)count;
}

static int get_int(struct codec_reader *in)
{
    return (int)(int64_t)codec_get_u64(in);
}

/* The smallest encoding of a string: its length field. */
enum { MIN_STRING = 8, MIN_LOCATION = 4 * 8 };

/* With `cited` (the imports digest), a location's line and column count
 * only in a file the unit's results cite: see codec_imports_digest. */
static void put_location(struct string_buffer *out, const struct source_location *location,
                         const struct cited_files *cited)
{
    codec_put_string(out, location->file);
    bool place = !cited || !location->file || cited_files_contains(cited, location->file);
    codec_put_u64(out, place ? location->line : 0);
    codec_put_u64(out, place ? location->column : 0);
    codec_put_string(out, location->macro);
}

static void get_location(struct codec_reader *in, struct arena *arena,
                         struct source_location *location)
{
    location->file = codec_get_string(in, arena);
    location->line = (unsigned)codec_get_u64(in);
    location->column = (unsigned)codec_get_u64(in);
    location->macro = codec_get_string(in, arena);
}

/* As summary_copy keeps it: without the condition roots, which stay with
 * the unit that computed the summary. */
static void put_summary(struct string_buffer *out, const struct function_summary *summary,
                        const struct cited_files *cited)
{
    uint64_t flags = (uint64_t)summary->computed | (uint64_t)summary->never_returns << 1 |
                     (uint64_t)summary->writes_globals << 2 |
                     (uint64_t)summary->returns_null << 3 | (uint64_t)summary->repeatable << 4 |
                     (uint64_t)summary->caches_result << 5 |
                     (uint64_t)summary->returns_nonnull << 6 |
                     (uint64_t)summary->writes_known << 7 |
                     (uint64_t)summary->returns_range << 8 |
                     (uint64_t)summary->globals_written_known << 9;
    codec_put_u64(out, flags);
    codec_put_u64(out, (uint64_t)summary->return_kind);
    put_location(out, &summary->null_return, cited);
    codec_put_string(out, summary->return_failing);
    codec_put_u64(out, summary->propagated_parameters);
    codec_put_u64(out, summary->null_only_for_null_parameters);
    codec_put_u64(out, summary->dereferenced_parameters);
    codec_put_u64(out, summary->false_for_null_parameters);
    codec_put_u64(out, summary->true_for_null_parameters);
    codec_put_u64(out, summary->null_count_parameters);
    codec_put_u64(out, summary->size_parameters);
    for (int i = 0; i < ARGUMENT_MASK_BITS; i++)
        put_location(out, &summary->parameter_use[i], cited);
    codec_put_u64(out, (uint64_t)summary->dereferenced_global_count);
    for (int i = 0; i < summary->dereferenced_global_count; i++) {
        codec_put_string(out, summary->dereferenced_globals[i]);
        put_location(out, &summary->global_use[i], cited);
        codec_put_string(out, summary->global_names[i]);
    }
    codec_put_u64(out, (uint64_t)summary->member_use_count);
    for (int i = 0; i < summary->member_use_count; i++) {
        const struct member_use *use = &summary->member_uses[i];
        codec_put_u64(out, (uint64_t)use->parameter);
        codec_put_u64(out, (uint64_t)use->step);
        codec_put_string(out, use->name);
        put_location(out, &use->use, cited);
    }
    codec_put_u64(out, (uint64_t)summary->nonnull_member_count);
    for (int i = 0; i < summary->nonnull_member_count; i++) {
        const struct member_use *member = &summary->nonnull_members[i];
        codec_put_u64(out, (uint64_t)member->parameter);
        codec_put_u64(out, (uint64_t)member->step);
        codec_put_string(out, member->name);
    }
    codec_put_u64(out, (uint64_t)summary->constant_member_count);
    for (int i = 0; i < summary->constant_member_count; i++) {
        const struct member_value *member = &summary->constant_members[i];
        codec_put_u64(out, (uint64_t)member->parameter);
        codec_put_u64(out, (uint64_t)member->step);
        codec_put_string(out, member->name);
        codec_put_u64(out, (uint64_t)member->value);
    }
    codec_put_u64(out, (uint64_t)summary->return_low);
    codec_put_u64(out, (uint64_t)summary->return_high);
    codec_put_u64(out, summary->writes_through);
    codec_put_u64(out, (uint64_t)summary->written_field_count);
    for (int i = 0; i < summary->written_field_count; i++) {
        codec_put_u64(out, (uint64_t)summary->written_fields[i].parameter);
        codec_put_string(out, summary->written_fields[i].name);
    }
    codec_put_u64(out, (uint64_t)summary->set_global_count);
    for (int i = 0; i < summary->set_global_count; i++)
        codec_put_string(out, summary->set_globals[i]);
    codec_put_u64(out, (uint64_t)summary->member_predicate_count);
    for (int i = 0; i < summary->member_predicate_count; i++) {
        codec_put_u64(out, (uint64_t)summary->member_predicates[i].parameter);
        codec_put_string(out, summary->member_predicates[i].name);
        codec_put_u64(out, summary->member_predicates[i].zero_for_null);
    }
    codec_put_u64(out, (uint64_t)summary->nulled_count);
    for (int i = 0; i < summary->nulled_count; i++) {
        const struct nulled_path *nulled = &summary->nulled[i];
        codec_put_string(out, nulled->key);
        codec_put_u64(out, (uint64_t)nulled->parameter);
        codec_put_string(out, nulled->field);
        codec_put_string(out, nulled->text);
    }
    codec_put_u64(out, (uint64_t)summary->written_global_count);
    for (int i = 0; i < summary->written_global_count; i++)
        codec_put_string(out, summary->written_globals[i]);
}

static void get_summary(struct codec_reader *in, struct arena *arena,
                        struct function_summary *summary)
{
    memset(summary, 0, sizeof *summary);
    uint64_t flags = codec_get_u64(in);
    summary->computed = flags & 1;
    summary->never_returns = (flags >> 1) & 1;
    summary->writes_globals = (flags >> 2) & 1;
    summary->returns_null = (flags >> 3) & 1;
    summary->repeatable = (flags >> 4) & 1;
    summary->caches_result = (flags >> 5) & 1;
    summary->returns_nonnull = (flags >> 6) & 1;
    summary->writes_known = (flags >> 7) & 1;
    summary->returns_range = (flags >> 8) & 1;
    summary->globals_written_known = (flags >> 9) & 1;
    summary->return_kind = (enum origin_kind)codec_get_u64(in);
    get_location(in, arena, &summary->null_return);
    summary->return_failing = codec_get_string(in, arena);
    summary->propagated_parameters = (uint32_t)codec_get_u64(in);
    summary->null_only_for_null_parameters = (uint32_t)codec_get_u64(in);
    summary->dereferenced_parameters = (uint32_t)codec_get_u64(in);
    summary->false_for_null_parameters = (uint32_t)codec_get_u64(in);
    summary->true_for_null_parameters = (uint32_t)codec_get_u64(in);
    summary->null_count_parameters = (uint32_t)codec_get_u64(in);
    summary->size_parameters = (uint32_t)codec_get_u64(in);
    for (int i = 0; i < ARGUMENT_MASK_BITS; i++)
        get_location(in, arena, &summary->parameter_use[i]);
    int globals = get_count(in, 2 * MIN_STRING + MIN_LOCATION);
    if (globals > 0) {
        summary->dereferenced_globals =
            arena_alloc(arena, sizeof *summary->dereferenced_globals * (size_t)globals);
        summary->global_use = arena_alloc(arena, sizeof *summary->global_use * (size_t)globals);
        summary->global_names =
            arena_alloc(arena, sizeof *summary->global_names * (size_t)globals);
        for (int i = 0; i < globals; i++) {
            summary->dereferenced_globals[i] = codec_get_string(in, arena);
            get_location(in, arena, &summary->global_use[i]);
            summary->global_names[i] = codec_get_string(in, arena);
        }
    }
    summary->dereferenced_global_count = globals;
    int members = get_count(in, 2 * 8 + MIN_STRING + MIN_LOCATION);
    if (members > 0) {
        summary->member_uses = arena_alloc(arena, sizeof *summary->member_uses * (size_t)members);
        for (int i = 0; i < members; i++) {
            struct member_use *use = &summary->member_uses[i];
            use->parameter = get_int(in);
            use->step = (enum path_step)codec_get_u64(in);
            use->name = codec_get_string(in, arena);
            get_location(in, arena, &use->use);
        }
    }
    summary->member_use_count = members;
    int nonnull = get_count(in, 2 * 8 + MIN_STRING);
    if (nonnull > 0) {
        summary->nonnull_members =
            arena_alloc(arena, sizeof *summary->nonnull_members * (size_t)nonnull);
        for (int i = 0; i < nonnull; i++) {
            struct member_use *member = &summary->nonnull_members[i];
            memset(member, 0, sizeof *member);
            member->parameter = get_int(in);
            member->step = (enum path_step)codec_get_u64(in);
            member->name = codec_get_string(in, arena);
        }
    }
    summary->nonnull_member_count = nonnull;
    int constants = get_count(in, 3 * 8 + MIN_STRING);
    if (constants > 0) {
        summary->constant_members =
            arena_alloc(arena, sizeof *summary->constant_members * (size_t)constants);
        for (int i = 0; i < constants; i++) {
            struct member_value *member = &summary->constant_members[i];
            member->parameter = get_int(in);
            member->step = (enum path_step)codec_get_u64(in);
            member->name = codec_get_string(in, arena);
            member->value = (long long)codec_get_u64(in);
        }
    }
    summary->constant_member_count = constants;
    summary->return_low = (long long)codec_get_u64(in);
    summary->return_high = (long long)codec_get_u64(in);
    summary->writes_through = (uint32_t)codec_get_u64(in);
    int written = get_count(in, 8 + MIN_STRING);
    if (written > 0) {
        summary->written_fields =
            arena_alloc(arena, sizeof *summary->written_fields * (size_t)written);
        for (int i = 0; i < written; i++) {
            struct member_use *field = &summary->written_fields[i];
            memset(field, 0, sizeof *field);
            field->parameter = get_int(in);
            field->step = PATH_ARROW;
            field->name = codec_get_string(in, arena);
        }
    }
    summary->written_field_count = written;
    int set = get_count(in, MIN_STRING);
    if (set > 0) {
        summary->set_globals = arena_alloc(arena, sizeof *summary->set_globals * (size_t)set);
        for (int i = 0; i < set; i++)
            summary->set_globals[i] = codec_get_string(in, arena);
    }
    summary->set_global_count = set;
    int predicates = get_count(in, 2 * 8 + MIN_STRING);
    if (predicates > 0) {
        summary->member_predicates =
            arena_alloc(arena, sizeof *summary->member_predicates * (size_t)predicates);
        for (int i = 0; i < predicates; i++) {
            struct member_predicate *member = &summary->member_predicates[i];
            member->parameter = get_int(in);
            member->name = codec_get_string(in, arena);
            member->zero_for_null = codec_get_u64(in) != 0;
        }
    }
    summary->member_predicate_count = predicates;
    int nulled = get_count(in, 3 * MIN_STRING + 8);
    if (nulled > 0) {
        summary->nulled = arena_alloc(arena, sizeof *summary->nulled * (size_t)nulled);
        for (int i = 0; i < nulled; i++) {
            struct nulled_path *path = &summary->nulled[i];
            path->key = codec_get_string(in, arena);
            path->parameter = get_int(in);
            path->field = codec_get_string(in, arena);
            path->text = codec_get_string(in, arena);
        }
    }
    summary->nulled_count = nulled;
    int written_keys = get_count(in, MIN_STRING);
    if (written_keys > 0) {
        summary->written_globals =
            arena_alloc(arena, sizeof *summary->written_globals * (size_t)written_keys);
        for (int i = 0; i < written_keys; i++)
            summary->written_globals[i] = codec_get_string(in, arena);
    }
    summary->written_global_count = written_keys;
}

static void put_contexts(struct string_buffer *out, const struct exported_context *contexts,
                         int count, const struct cited_files *cited)
{
    codec_put_u64(out, (uint64_t)count);
    for (int i = 0; i < count; i++) {
        codec_put_string(out, contexts[i].value.root.key);
        codec_put_u64(out, (uint64_t)contexts[i].value.root.parameter);
        codec_put_string(out, contexts[i].value.root.member);
        codec_put_u64(out, (uint64_t)contexts[i].value.low);
        codec_put_u64(out, (uint64_t)contexts[i].value.high);
        put_summary(out, &contexts[i].summary, cited);
    }
}

static struct exported_context *get_contexts(struct codec_reader *in, struct arena *arena,
                                             int *count)
{
    *count = get_count(in, 2 * MIN_STRING + 3 * 8);
    if (*count == 0)
        return NULL;
    struct exported_context *contexts = arena_alloc(arena, sizeof *contexts * (size_t)*count);
    for (int i = 0; i < *count; i++) {
        contexts[i].value.root.key = codec_get_string(in, arena);
        contexts[i].value.root.parameter = get_int(in);
        contexts[i].value.root.member = codec_get_string(in, arena);
        contexts[i].value.low = (long long)codec_get_u64(in);
        contexts[i].value.high = (long long)codec_get_u64(in);
        get_summary(in, arena, &contexts[i].summary);
    }
    return contexts;
}

/* The last component of a path: the same file named absolutely (in a
 * summary) and relatively (in a finding) has one name here. */
static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

void cited_files_init(struct cited_files *cited)
{
    memset(cited, 0, sizeof *cited);
    arena_init(&cited->arena);
}

void cited_files_free(struct cited_files *cited)
{
    free(cited->names);
    arena_free(&cited->arena);
    memset(cited, 0, sizeof *cited);
}

static int compare_names(const void *left, const void *right)
{
    return strcmp(*(const char *const *)left, *(const char *const *)right);
}

void cited_files_add(struct cited_files *cited, const char *path)
{
    if (!path)
        return;
    if (cited->count == cited->capacity) {
        cited->capacity = cited->capacity ? cited->capacity * 2 : 16;
        cited->names = xrealloc(cited->names, sizeof *cited->names * (size_t)cited->capacity);
    }
    cited->names[cited->count++] = arena_strdup(&cited->arena, base_name(path));
    cited->sorted = false;
}

void cited_files_finish(struct cited_files *cited)
{
    if (cited->count > 1)
        qsort(cited->names, (size_t)cited->count, sizeof *cited->names, compare_names);
    int kept = 0;
    for (int i = 0; i < cited->count; i++)
        if (kept == 0 || strcmp(cited->names[kept - 1], cited->names[i]) != 0)
            cited->names[kept++] = cited->names[i];
    cited->count = kept;
    cited->sorted = true;
}

bool cited_files_contains(const struct cited_files *cited, const char *path)
{
    const char *name = base_name(path);
    return cited->sorted && cited->count > 0 &&
           bsearch(&name, cited->names, (size_t)cited->count, sizeof *cited->names,
                   compare_names);
}

static void cite_summary(struct cited_files *cited, const struct function_summary *summary)
{
    cited_files_add(cited, summary->null_return.file);
    for (int i = 0; i < ARGUMENT_MASK_BITS; i++)
        cited_files_add(cited, summary->parameter_use[i].file);
    for (int i = 0; i < summary->dereferenced_global_count; i++)
        cited_files_add(cited, summary->global_use[i].file);
    for (int i = 0; i < summary->member_use_count; i++)
        cited_files_add(cited, summary->member_uses[i].use.file);
}

void cited_files_add_exports(struct cited_files *cited, const struct unit_exports *exports)
{
    for (int i = 0; i < exports->function_count; i++) {
        const struct exported_function *function = &exports->functions[i];
        cited_files_add(cited, function->definition.file);
        cite_summary(cited, &function->summary);
        for (int c = 0; c < function->context_count; c++)
            cite_summary(cited, &function->contexts[c].summary);
    }
}

static bool file_name_character(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '+' || c == '.' || c == '/';
}

/* The files a message names in passing: "user_find() (users.c:13) returns
 * NULL". Anything shaped NAME.EXT:LINE counts. */
static void cite_text(struct cited_files *cited, const char *text)
{
    for (const char *colon = text ? strchr(text, ':') : NULL; colon;
         colon = strchr(colon + 1, ':')) {
        if (colon[1] < '0' || colon[1] > '9')
            continue;
        const char *start = colon;
        while (start > text && file_name_character(start[-1]))
            start--;
        if (start == colon || !memchr(start, '.', (size_t)(colon - start)))
            continue;
        char name[256];
        size_t length = (size_t)(colon - start) < sizeof name - 1 ? (size_t)(colon - start)
                                                                   : sizeof name - 1;
        memcpy(name, start, length);
        name[length] = '\0';
        cited_files_add(cited, name);
    }
}

void cited_files_add_findings(struct cited_files *cited, const struct finding_list *findings)
{
    for (int i = 0; i < findings->count; i++) {
        const struct finding *finding = &findings->items[i];
        cited_files_add(cited, finding->file);
        cite_text(cited, finding->message);
        for (int n = 0; n < finding->note_count; n++) {
            cited_files_add(cited, finding->notes[n].file);
            cite_text(cited, finding->notes[n].message);
        }
        for (int n = 0; n < finding->fixit_count; n++)
            cited_files_add(cited, finding->fixits[n].file);
    }
}

void codec_put_cited(struct string_buffer *out, const struct cited_files *cited)
{
    codec_put_u64(out, (uint64_t)cited->count);
    for (int i = 0; i < cited->count; i++)
        codec_put_string(out, cited->names[i]);
}

bool codec_get_cited(struct codec_reader *in, struct cited_files *cited)
{
    int count = get_count(in, MIN_STRING);
    struct arena scratch;
    arena_init(&scratch);
    for (int i = 0; i < count && !in->failed; i++) {
        const char *name = codec_get_string(in, &scratch);
        if (!name)
            in->failed = true;
        else
            cited_files_add(cited, name);
    }
    arena_free(&scratch);
    cited_files_finish(cited);
    return !in->failed;
}

static void put_passed(struct string_buffer *out, const struct passed_arguments *passed)
{
    codec_put_string(out, passed->callee);
    codec_put_u64(out, (uint64_t)passed->maybe_null);
    codec_put_u64(out, (uint64_t)passed->called | (uint64_t)passed->named << 1);
}

void codec_put_exports(struct string_buffer *out, const struct unit_exports *exports)
{
    codec_put_u64(out, (uint64_t)exports->function_count);
    for (int i = 0; i < exports->function_count; i++) {
        const struct exported_function *function = &exports->functions[i];
        codec_put_string(out, function->name);
        put_location(out, &function->definition, NULL);
        put_summary(out, &function->summary, NULL);
        put_contexts(out, function->contexts, function->context_count, NULL);
    }
    codec_put_u64(out, (uint64_t)exports->callee_count);
    for (int i = 0; i < exports->callee_count; i++)
        codec_put_string(out, exports->callees[i]);
    codec_put_u64(out, (uint64_t)exports->evidence_count);
    for (int i = 0; i < exports->evidence_count; i++) {
        codec_put_string(out, exports->evidence[i].callee);
        codec_put_u64(out, (uint64_t)exports->evidence[i].calls);
        codec_put_u64(out, (uint64_t)exports->evidence[i].tested);
    }
    codec_put_u64(out, (uint64_t)exports->passed_count);
    for (int i = 0; i < exports->passed_count; i++)
        put_passed(out, &exports->passed[i]);
}

bool codec_get_exports(struct codec_reader *in, struct arena *arena,
                       struct unit_exports *exports)
{
    memset(exports, 0, sizeof *exports);
    int functions = get_count(in, MIN_STRING + MIN_LOCATION);
    exports->functions = arena_alloc(arena, sizeof *exports->functions * (size_t)(functions + 1));
    for (int i = 0; i < functions && !in->failed; i++) {
        struct exported_function *function = &exports->functions[i];
        function->name = codec_get_string(in, arena);
        function->function_index = -1; /* no IR: the unit was not parsed */
        get_location(in, arena, &function->definition);
        get_summary(in, arena, &function->summary);
        function->contexts = get_contexts(in, arena, &function->context_count);
        if (!function->name)
            in->failed = true;
    }
    exports->function_count = in->failed ? 0 : functions;
    int callees = get_count(in, MIN_STRING);
    exports->callees = arena_alloc(arena, sizeof *exports->callees * (size_t)(callees + 1));
    for (int i = 0; i < callees && !in->failed; i++)
        if (!(exports->callees[i] = codec_get_string(in, arena)))
            in->failed = true;
    exports->callee_count = in->failed ? 0 : callees;
    int evidence = get_count(in, MIN_STRING + 2 * 8);
    exports->evidence = arena_alloc(arena, sizeof *exports->evidence * (size_t)(evidence + 1));
    for (int i = 0; i < evidence && !in->failed; i++) {
        exports->evidence[i].callee = codec_get_string(in, arena);
        exports->evidence[i].calls = get_int(in);
        exports->evidence[i].tested = get_int(in);
        if (!exports->evidence[i].callee)
            in->failed = true;
    }
    exports->evidence_count = in->failed ? 0 : evidence;
    int passed = get_count(in, MIN_STRING + 2 * 8);
    exports->passed = arena_alloc(arena, sizeof *exports->passed * (size_t)(passed + 1));
    for (int i = 0; i < passed && !in->failed; i++) {
        struct passed_arguments *entry = &exports->passed[i];
        entry->callee = codec_get_string(in, arena);
        uint64_t mask = codec_get_u64(in), flags = codec_get_u64(in);
        entry->maybe_null = (uint32_t)mask;
        entry->called = (flags & 1) != 0;
        entry->named = (flags & 2) != 0;
        if (!entry->callee || mask > UINT32_MAX || flags > 3)
            in->failed = true;
    }
    exports->passed_count = in->failed ? 0 : passed;
    return !in->failed;
}

void codec_put_findings(struct string_buffer *out, const struct finding_list *findings)
{
    codec_put_u64(out, (uint64_t)findings->count);
    for (int i = 0; i < findings->count; i++) {
        const struct finding *finding = &findings->items[i];
        codec_put_string(out, finding->rule);
        codec_put_u64(out, (uint64_t)finding->severity);
        codec_put_string(out, finding->file);
        codec_put_u64(out, finding->line);
        codec_put_u64(out, finding->column);
        codec_put_string(out, finding->message);
        codec_put_string(out, finding->source_line);
        codec_put_string(out, finding->function);
        codec_put_u64(out, finding->end_line);
        codec_put_u64(out, finding->end_column);
        codec_put_string(out, finding->subject);
        codec_put_string(out, finding->source_function);
        codec_put_u64(out, (uint64_t)finding->note_count);
        for (int n = 0; n < finding->note_count; n++) {
            const struct finding_note *note = &finding->notes[n];
            codec_put_string(out, note->file);
            codec_put_u64(out, note->line);
            codec_put_u64(out, note->column);
            codec_put_string(out, note->message);
            codec_put_string(out, note->source_line);
        }
        codec_put_u64(out, (uint64_t)finding->fixit_count);
        for (int n = 0; n < finding->fixit_count; n++) {
            const struct finding_fixit *fixit = &finding->fixits[n];
            codec_put_string(out, fixit->file);
            codec_put_u64(out, fixit->line);
            codec_put_u64(out, fixit->column);
            codec_put_u64(out, fixit->end_line);
            codec_put_u64(out, fixit->end_column);
            codec_put_string(out, fixit->replacement);
        }
    }
}

bool codec_get_findings(struct codec_reader *in, struct finding_list *list)
{
    struct arena scratch; /* the strings before finding_add copies them */
    arena_init(&scratch);
    int count = get_count(in, 12 * 8);
    for (int i = 0; i < count && !in->failed; i++) {
        const char *rule = codec_get_string(in, &scratch);
        uint64_t severity = codec_get_u64(in);
        const char *file = codec_get_string(in, &scratch);
        unsigned line = (unsigned)codec_get_u64(in);
        unsigned column = (unsigned)codec_get_u64(in);
        const char *message = codec_get_string(in, &scratch);
        const char *source_line = codec_get_string(in, &scratch);
        const char *function = codec_get_string(in, &scratch);
        if (in->failed || !rule || !message || severity > SEVERITY_ERROR) {
            in->failed = true;
            break;
        }
        struct finding *finding = finding_add(list, rule, (enum severity)severity, file, line,
                                              column, message, source_line, function);
        finding->end_line = (unsigned)codec_get_u64(in);
        finding->end_column = (unsigned)codec_get_u64(in);
        const char *subject = codec_get_string(in, &scratch);
        const char *source_function = codec_get_string(in, &scratch);
        finding_set_subject(list, finding, subject, source_function);
        int notes = get_count(in, 5 * 8);
        for (int n = 0; n < notes && !in->failed; n++) {
            const char *note_file = codec_get_string(in, &scratch);
            unsigned note_line = (unsigned)codec_get_u64(in);
            unsigned note_column = (unsigned)codec_get_u64(in);
            const char *note_message = codec_get_string(in, &scratch);
            const char *note_source = codec_get_string(in, &scratch);
            if (!in->failed)
                finding_add_note(list, finding, note_file, note_line, note_column,
                                 note_message, note_source);
        }
        int fixits = get_count(in, 6 * 8);
        for (int n = 0; n < fixits && !in->failed; n++) {
            const char *fixit_file = codec_get_string(in, &scratch);
            unsigned fixit_line = (unsigned)codec_get_u64(in);
            unsigned fixit_column = (unsigned)codec_get_u64(in);
            unsigned end_line = (unsigned)codec_get_u64(in);
            unsigned end_column = (unsigned)codec_get_u64(in);
            const char *replacement = codec_get_string(in, &scratch);
            if (!in->failed)
                finding_add_fixit(list, finding, fixit_file, fixit_line, fixit_column, end_line,
                                  end_column, replacement);
        }
    }
    arena_free(&scratch);
    return !in->failed;
}

void codec_put_messages(struct string_buffer *out, const struct message_list *messages)
{
    codec_put_u64(out, (uint64_t)messages->count);
    for (int i = 0; i < messages->count; i++) {
        codec_put_u64(out, (uint64_t)messages->items[i].kind);
        codec_put_string(out, messages->items[i].text);
    }
}

bool codec_get_messages(struct codec_reader *in, struct message_list *messages)
{
    struct arena scratch;
    arena_init(&scratch);
    int count = get_count(in, 8 + MIN_STRING);
    for (int i = 0; i < count && !in->failed; i++) {
        uint64_t kind = codec_get_u64(in);
        const char *text = codec_get_string(in, &scratch);
        if (in->failed || !text || kind > MESSAGE_VERBOSE) {
            in->failed = true;
            break;
        }
        message_add(messages, (enum message_kind)kind, "%s", text);
    }
    arena_free(&scratch);
    return !in->failed;
}

/* What the table says of `name` to a unit that calls it. */
static void put_import(struct string_buffer *out, const struct project_table *project,
                       const char *name, const struct cited_files *cited)
{
    codec_put_string(out, name);
    const struct project_function *function = project_find(project, name);
    if (!function) {
        codec_put_u64(out, 0);
    } else {
        codec_put_u64(out, 1u | (uint64_t)function->ambiguous << 1 |
                               (uint64_t)function->has_summary << 2 |
                               (uint64_t)project_never_returns(project, name) << 3);
        put_location(out, &function->definition, cited);
        if (function->has_summary && !function->ambiguous) {
            put_summary(out, &function->summary, cited);
            put_contexts(out, function->contexts, function->context_count, cited);
        }
    }
    const struct call_evidence *evidence = project_evidence(project, name);
    codec_put_u64(out, evidence ? (uint64_t)evidence->calls + 1 : 0);
    codec_put_u64(out, evidence ? (uint64_t)evidence->tested : 0);
}

void codec_imports_digest(const struct unit_exports *exports, const bool *wanted,
                          const struct project_table *project, const struct cited_files *cited,
                          unsigned char digest[16])
{
    struct string_buffer bytes;
    string_buffer_init(&bytes);
    codec_put_u64(&bytes, (uint64_t)exports->function_count);
    for (int i = 0; i < exports->function_count; i++) {
        const char *name = exports->functions[i].name;
        const struct project_function *function = project_find(project, name);
        codec_put_string(&bytes, name);
        codec_put_u64(&bytes, (uint64_t)(wanted && wanted[i]) |
                                  (uint64_t)(function && function->ambiguous) << 1);
        const struct call_evidence *evidence = project_evidence(project, name);
        codec_put_u64(&bytes, evidence ? (uint64_t)evidence->calls + 1 : 0);
        codec_put_u64(&bytes, evidence ? (uint64_t)evidence->tested : 0);
        /* what the program's calls pass it decides its tests' findings */
        const struct passed_arguments *passed = project_passed(project, name);
        codec_put_u64(&bytes, passed != NULL);
        if (passed)
            put_passed(&bytes, passed);
    }
    codec_put_u64(&bytes, (uint64_t)exports->callee_count);
    for (int i = 0; i < exports->callee_count; i++)
        put_import(&bytes, project, exports->callees[i], cited);
    XXH128_hash_t hash = XXH3_128bits(bytes.data ? bytes.data : "", bytes.length);
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, hash);
    memcpy(digest, canonical.digest, 16);
    string_buffer_free(&bytes);
}

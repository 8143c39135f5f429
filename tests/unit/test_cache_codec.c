/*
 * test_cache_codec: the bytes of a result-cache entry (driver/cache_codec.h):
 * exports, findings and messages read back equal what was written (strings
 * that are NULL stay NULL, bytes that are not UTF-8 stay as they were);
 * every truncation and every damaged byte of an encoding is an error or a
 * value, never a crash; the imports digest changes with what the table
 * says of a callee and with what another unit wants, and only then.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "driver/cache_codec.h"

static struct source_location at(const char *file, unsigned line)
{
    return (struct source_location){file, line, 3, NULL};
}

/* Two functions, one with contexts, globals, member uses and nulled paths. */
static void sample_exports(struct arena *arena, struct unit_exports *exports)
{
    memset(exports, 0, sizeof *exports);
    exports->functions = arena_alloc(arena, sizeof *exports->functions * 2);
    exports->function_count = 2;
    struct exported_function *find = &exports->functions[0];
    find->name = "user_find";
    find->definition = at("/p/users.c", 9);
    find->summary.computed = true;
    find->summary.returns_null = true;
    find->summary.return_kind = ORIGIN_LOOKUP;
    find->summary.null_return = at("/p/users.c", 13);
    find->summary.dereferenced_parameters = 1;
    find->summary.parameter_use[0] = (struct source_location){"/p/users.c", 11, 5, "MACRO"};
    find->summary.dereferenced_global_count = 1;
    find->summary.dereferenced_globals = arena_alloc(arena, sizeof(char *));
    find->summary.dereferenced_globals[0] = "c:@table";
    find->summary.global_use = arena_alloc(arena, sizeof(struct source_location));
    find->summary.global_use[0] = at("/p/users.c", 12);
    find->summary.global_names = arena_alloc(arena, sizeof(char *));
    find->summary.global_names[0] = "table";
    find->summary.member_use_count = 1;
    find->summary.member_uses = arena_alloc(arena, sizeof(struct member_use));
    find->summary.member_uses[0] = (struct member_use){0, PATH_ARROW, "name", at("/p/u.c", 4)};
    find->summary.writes_known = true;
    find->summary.writes_through = 2;
    find->summary.written_field_count = 1;
    find->summary.written_fields = arena_alloc(arena, sizeof(struct member_use));
    find->summary.written_fields[0] = (struct member_use){0, PATH_ARROW, "count", {0}};
    find->summary.set_global_count = 1;
    find->summary.set_globals = arena_alloc(arena, sizeof(char *));
    find->summary.set_globals[0] = "c:@buffer_stack";
    find->summary.writes_globals = true;
    find->summary.globals_written_known = true;
    find->summary.written_global_count = 1;
    find->summary.written_globals = arena_alloc(arena, sizeof(char *));
    find->summary.written_globals[0] = "c:@lookups";
    find->summary.constant_member_count = 1;
    find->summary.constant_members = arena_alloc(arena, sizeof(struct member_value));
    find->summary.constant_members[0] = (struct member_value){0, PATH_ARROW, "nelts", -7};
    find->summary.null_only_for_null_parameters = 4;
    find->summary.member_predicate_count = 1;
    find->summary.member_predicates = arena_alloc(arena, sizeof(struct member_predicate));
    find->summary.member_predicates[0] = (struct member_predicate){0, "session", true};
    find->summary.nulled_count = 1;
    find->summary.nulled = arena_alloc(arena, sizeof(struct nulled_path));
    find->summary.nulled[0] = (struct nulled_path){NULL, 1, "next", "list->next"};
    find->context_count = 1;
    find->contexts = arena_alloc(arena, sizeof *find->contexts);
    find->contexts[0].value = (struct context_value){{"c:@flag", 0, NULL}, 1, 1};
    find->contexts[0].summary.computed = true;
    find->contexts[0].summary.never_returns = true;
    find->contexts[0].summary.caches_result = true;
    find->contexts[0].summary.returns_nonnull = true;
    find->contexts[0].summary.returns_range = true;
    find->contexts[0].summary.return_low = -1;
    struct exported_function *plain = &exports->functions[1];
    plain->name = "user_count";
    plain->definition = at("/p/users.c", 20);
    exports->callee_count = 2;
    exports->callees = arena_alloc(arena, sizeof(char *) * 2);
    exports->callees[0] = "log_line";
    exports->callees[1] = "strcmp";
    exports->evidence_count = 1;
    exports->evidence = arena_alloc(arena, sizeof *exports->evidence);
    exports->evidence[0] = (struct call_evidence){"log_line", 5, 4};
}

static void encode(const struct unit_exports *exports, struct string_buffer *out)
{
    string_buffer_init(out);
    codec_put_exports(out, exports);
}

static struct codec_reader reader(const struct string_buffer *bytes, size_t length)
{
    return (struct codec_reader){(const unsigned char *)bytes->data,
                                 (const unsigned char *)bytes->data + length, false};
}

static void test_exports_round_trip(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct unit_exports exports, back;
    sample_exports(&arena, &exports);
    struct string_buffer bytes, again;
    encode(&exports, &bytes);
    struct codec_reader in = reader(&bytes, bytes.length);
    assert_true(codec_get_exports(&in, &arena, &back));
    assert_ptr_equal(in.cursor, in.end);
    assert_int_equal(back.function_count, 2);
    assert_string_equal(back.functions[0].name, "user_find");
    assert_true(summary_equal(&back.functions[0].summary, &exports.functions[0].summary));
    assert_string_equal(back.functions[0].summary.parameter_use[0].macro, "MACRO");
    assert_null(back.functions[0].summary.nulled[0].key);
    assert_true(back.functions[0].summary.writes_known);
    assert_int_equal(back.functions[0].summary.writes_through, 2);
    assert_string_equal(back.functions[0].summary.written_fields[0].name, "count");
    assert_string_equal(back.functions[0].summary.member_predicates[0].name, "session");
    assert_string_equal(back.functions[0].summary.set_globals[0], "c:@buffer_stack");
    assert_true(back.functions[0].summary.globals_written_known);
    assert_string_equal(back.functions[0].summary.written_globals[0], "c:@lookups");
    assert_string_equal(back.functions[0].summary.constant_members[0].name, "nelts");
    assert_int_equal(back.functions[0].summary.constant_members[0].value, -7);
    assert_int_equal(back.functions[0].summary.null_only_for_null_parameters, 4);
    assert_true(back.functions[0].summary.member_predicates[0].zero_for_null);
    assert_int_equal(back.functions[0].context_count, 1);
    assert_int_equal(back.functions[0].contexts[0].value.low, 1);
    assert_true(back.functions[0].contexts[0].summary.caches_result);
    assert_true(back.functions[0].contexts[0].summary.returns_nonnull);
    assert_true(back.functions[0].contexts[0].summary.returns_range);
    assert_int_equal(back.functions[0].contexts[0].summary.return_low, -1);
    assert_string_equal(back.callees[1], "strcmp");
    assert_int_equal(back.evidence[0].tested, 4);
    /* what is read back encodes to the same bytes */
    encode(&back, &again);
    assert_int_equal(again.length, bytes.length);
    assert_memory_equal(again.data, bytes.data, bytes.length);
    string_buffer_free(&again);
    string_buffer_free(&bytes);
    arena_free(&arena);
}

static void test_damaged_exports_fail_without_crashing(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct unit_exports exports, back;
    sample_exports(&arena, &exports);
    struct string_buffer bytes;
    encode(&exports, &bytes);
    for (size_t length = 0; length < bytes.length; length++) {
        struct codec_reader in = reader(&bytes, length);
        assert_false(codec_get_exports(&in, &arena, &back));
    }
    /* any byte changed: decoded or refused, never out of bounds (ASan) */
    for (size_t i = 0; i < bytes.length; i++) {
        char saved = bytes.data[i];
        bytes.data[i] = (char)0xff;
        struct codec_reader in = reader(&bytes, bytes.length);
        (void)codec_get_exports(&in, &arena, &back);
        bytes.data[i] = saved;
    }
    string_buffer_free(&bytes);
    arena_free(&arena);
}

static void test_findings_and_messages_round_trip(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list list, back;
    finding_list_init(&list, &arena);
    finding_list_init(&back, &arena);
    struct finding *finding = finding_add(&list, "unchecked-alloc", SEVERITY_WARNING, "src/a.c",
                                          7, 5, "'p' may be NULL", "  p[0] = \xe9;", NULL);
    finding_add_note(&list, finding, NULL, 0, 0, "advice", NULL);
    finding_add_note(&list, finding, "src/a.c", 6, 9, "from here", "char *p = malloc(1);");
    finding_set_subject(&list, finding, "p", "malloc");
    finding_add_fixit(&list, finding, "src/a.c", 7, 1, 7, 1, "if (!p) return;\n");
    finding->end_line = 7;
    finding->end_column = 9;
    finding_add(&list, "clang-diagnostic", SEVERITY_ERROR, "src/b.c", 1, 1, "error", NULL,
                NULL);
    struct message_list messages, messages_back;
    message_list_init(&messages);
    message_list_init(&messages_back);
    message_add(&messages, MESSAGE_VERBOSE, "too large");
    message_add(&messages, MESSAGE_ERROR, "bad");
    struct string_buffer bytes;
    string_buffer_init(&bytes);
    codec_put_findings(&bytes, &list);
    codec_put_messages(&bytes, &messages);
    struct codec_reader in = reader(&bytes, bytes.length);
    assert_true(codec_get_findings(&in, &back));
    assert_true(codec_get_messages(&in, &messages_back));
    assert_ptr_equal(in.cursor, in.end);
    assert_int_equal(back.count, 2);
    const struct finding *read = &back.items[0];
    assert_string_equal(read->source_line, "  p[0] = \xe9;");
    assert_null(read->function);
    assert_int_equal(read->note_count, 2);
    assert_null(read->notes[0].file);
    assert_string_equal(read->notes[1].source_line, "char *p = malloc(1);");
    assert_string_equal(read->subject, "p");
    assert_string_equal(read->source_function, "malloc");
    assert_int_equal(read->fixit_count, 1);
    assert_string_equal(read->fixits[0].replacement, "if (!p) return;\n");
    assert_int_equal(read->end_column, 9);
    assert_int_equal(back.items[1].severity, SEVERITY_ERROR);
    assert_int_equal(messages_back.count, 2);
    assert_int_equal(messages_back.error_count, 1);
    assert_string_equal(messages_back.items[0].text, "too large");
    for (size_t length = 0; length + 1 < bytes.length; length++) {
        struct finding_list partial;
        finding_list_init(&partial, &arena);
        struct message_list partial_messages;
        message_list_init(&partial_messages);
        struct codec_reader cut = reader(&bytes, length);
        bool whole = codec_get_findings(&cut, &partial) &&
                     codec_get_messages(&cut, &partial_messages);
        assert_false(whole);
        message_list_free(&partial_messages);
    }
    message_list_free(&messages);
    message_list_free(&messages_back);
    string_buffer_free(&bytes);
    arena_free(&arena);
}

static void test_imports_digest(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct unit_exports callee_unit, caller_unit;
    sample_exports(&arena, &callee_unit);
    memset(&caller_unit, 0, sizeof caller_unit);
    const char *callees[] = {"user_find"};
    caller_unit.callees = callees;
    caller_unit.callee_count = 1;
    unsigned char before[16], after[16], other[16];

    struct project_table table;
    project_table_init(&table);
    project_table_add(&table, 0, &callee_unit);
    project_table_add(&table, 1, &caller_unit);
    project_table_finish(&table);
    project_set_summary(&table, "user_find", &callee_unit.functions[0]);
    codec_imports_digest(&caller_unit, NULL, &table, NULL, before);
    codec_imports_digest(&caller_unit, NULL, &table, NULL, after);
    assert_memory_equal(before, after, 16);
    /* the callee no longer returns NULL */
    struct exported_function changed = callee_unit.functions[0];
    changed.summary.returns_null = false;
    project_set_summary(&table, "user_find", &changed);
    codec_imports_digest(&caller_unit, NULL, &table, NULL, after);
    assert_memory_not_equal(before, after, 16);
    /* the callee's unit: another unit now wants its second function */
    bool wanted[2] = {true, false};
    codec_imports_digest(&callee_unit, wanted, &table, NULL, before);
    wanted[1] = true;
    codec_imports_digest(&callee_unit, wanted, &table, NULL, other);
    assert_memory_not_equal(before, other, 16);
    project_table_free(&table);
    arena_free(&arena);
}

/* Lines that move in a file the caller's results do not name change
 * nothing for it; in a file they name, they do. */
static void test_imports_digest_counts_lines_of_cited_files_only(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct unit_exports callee_unit, caller_unit;
    sample_exports(&arena, &callee_unit);
    memset(&caller_unit, 0, sizeof caller_unit);
    const char *callees[] = {"user_find"};
    caller_unit.callees = callees;
    caller_unit.callee_count = 1;
    struct cited_files elsewhere, users;
    cited_files_init(&elsewhere);
    cited_files_add(&elsewhere, "src/main.c");
    cited_files_finish(&elsewhere);
    cited_files_init(&users);
    /* named in passing by a note's message, as notes name a callee's return */
    struct finding_list findings;
    finding_list_init(&findings, &arena);
    struct finding *finding = finding_add(&findings, "unchecked-lookup", SEVERITY_WARNING,
                                          "src/main.c", 7, 12, "'u' may be NULL", NULL, NULL);
    finding_add_note(&findings, finding, "src/main.c", 6, 9,
                     "'u' may be NULL: user_find() (users.c:13) returns NULL", NULL);
    cited_files_add_findings(&users, &findings);
    cited_files_finish(&users);
    assert_true(cited_files_contains(&users, "/p/users.c"));
    assert_false(cited_files_contains(&elsewhere, "/p/users.c"));

    unsigned char before_elsewhere[16], after_elsewhere[16], before_users[16], after_users[16];
    struct project_table table;
    project_table_init(&table);
    project_table_add(&table, 0, &callee_unit);
    project_table_add(&table, 1, &caller_unit);
    project_table_finish(&table);
    project_set_summary(&table, "user_find", &callee_unit.functions[0]);
    codec_imports_digest(&caller_unit, NULL, &table, &elsewhere, before_elsewhere);
    codec_imports_digest(&caller_unit, NULL, &table, &users, before_users);
    project_table_free(&table);

    /* a line inserted above user_find in users.c */
    struct exported_function *find = &callee_unit.functions[0];
    find->definition.line++;
    find->summary.null_return.line++;
    find->summary.parameter_use[0].line++;
    project_table_init(&table);
    project_table_add(&table, 0, &callee_unit);
    project_table_add(&table, 1, &caller_unit);
    project_table_finish(&table);
    project_set_summary(&table, "user_find", &callee_unit.functions[0]);
    codec_imports_digest(&caller_unit, NULL, &table, &elsewhere, after_elsewhere);
    codec_imports_digest(&caller_unit, NULL, &table, &users, after_users);
    assert_memory_equal(before_elsewhere, after_elsewhere, 16);
    assert_memory_not_equal(before_users, after_users, 16);
    project_table_free(&table);
    cited_files_free(&elsewhere);
    cited_files_free(&users);
    arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exports_round_trip),
        cmocka_unit_test(test_damaged_exports_fail_without_crashing),
        cmocka_unit_test(test_findings_and_messages_round_trip),
        cmocka_unit_test(test_imports_digest),
        cmocka_unit_test(test_imports_digest_counts_lines_of_cited_files_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

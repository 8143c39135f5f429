/*
 * test_shard: --shard's parsing, keys and split (tests/unit), and the JSON
 * reader that --merge uses: findings written as JSON and read back print
 * the same in the text and JSON formats.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "driver/shard.h"
#include "report/json_read.h"
#include "report/report.h"

static void test_parse(void **state)
{
    (void)state;
    struct shard shard = {0, 0};
    char *error = NULL;
    assert_int_equal(shard_parse("2/5", &shard, &error), 0);
    assert_int_equal(shard.index, 2);
    assert_int_equal(shard.count, 5);
    assert_int_equal(shard_parse("1/1", &shard, &error), 0);
    const char *bad[] = {"0/3", "4/3", "1/0", "x", "1/3x", "-1/3", "1/-3", "/3", "1/", "",
                         "1//3", "1/3/3", "1 /3", "1000000000/1000000000"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        error = NULL;
        assert_int_equal(shard_parse(bad[i], &shard, &error), -1);
        assert_non_null(strstr(error, "--shard expects K/N"));
        free(error);
    }
}

static void test_key(void **state)
{
    (void)state;
    /* paths that do not exist are taken as they are */
    const char *cases[][3] = {
        {"/np-none/p/src/a.c", "/np-none/p", "src/a.c"},
        {"/np-none/p/src/a.c", "/np-none/p/build", "../src/a.c"},
        {"/np-none/p/src/a.c", "/np-none/p/out/x/y", "../../../src/a.c"},
        {"/np-none/elsewhere/a.c", "/np-none/p", "../elsewhere/a.c"},
        {"/np-none/p2/a.c", "/np-none/p", "../p2/a.c"}, /* not a prefix at a '/' */
        {"/np-none/a.c", "/", "np-none/a.c"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *key = shard_key(cases[i][0], cases[i][1]);
        assert_string_equal(key, cases[i][2]);
        free(key);
    }
}

static void test_split_is_stable_and_complete(void **state)
{
    (void)state;
    /* XXH3 is specified to be the same everywhere: a change of these
     * values would move units between shards of existing CI setups. */
    assert_int_equal(shard_of_key("src/a.c", 1), 1);
    assert_int_equal(shard_of_key("src/a.c", 1000), 3);
    assert_int_equal(shard_of_key("../lib/b.c", 7), 3);
    int first = shard_of_key("src/a.c", 4);
    for (int i = 0; i < 3; i++)
        assert_int_equal(shard_of_key("src/a.c", 4), first);
    int counts[8] = {0};
    char key[32];
    for (int i = 0; i < 800; i++) {
        snprintf(key, sizeof key, "src/file%d.c", i);
        int shard = shard_of_key(key, 8);
        assert_true(shard >= 1 && shard <= 8);
        counts[shard - 1]++;
    }
    for (int i = 0; i < 8; i++)
        assert_true(counts[i] > 50); /* an even split, roughly */
}

static struct finding *add_full_finding(struct finding_list *list)
{
    struct finding *finding = finding_add(list, "unchecked-alloc", SEVERITY_ERROR, "src/u.c", 7,
                                          5, "'p' may be NULL and is indexed", "    p[0] = 0;",
                                          "fill");
    finding->end_line = 7;
    finding->end_column = 6;
    finding_set_subject(list, finding, "p", "malloc");
    finding_add_note(list, finding, "src/u.c", 6, 15, "'p' may be NULL: malloc()",
                     "    char *p = malloc(4);");
    finding_add_note(list, finding, NULL, 0, 0, "add a NULL check\nwith two lines", NULL);
    finding_add_note(list, finding, "src/h.h", 2, 1, "a located note after the advice", NULL);
    finding_add_fixit(list, finding, NULL, 7, 1, 7, 1, "    if (p == NULL) return;\n");
    return finding;
}

static void render(const struct finding_list *list, const struct report_format *format,
                   const struct report_options *options, struct string_buffer *out)
{
    string_buffer_init(out);
    format->write(list, options, out);
}

static void test_json_read_back(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list written;
    finding_list_init(&written, &arena);
    add_full_finding(&written);
    finding_add(&written, "null-deref", SEVERITY_NOTE, "src/v.c", 3, 1, "plain", NULL, NULL);
    finding_add(&written, "clang-diagnostic", SEVERITY_ERROR, "src/w.c", 1, 27,
                "use of undeclared identifier 'x'", "int f(void) { return x; }", NULL);
    const char *tool_errors[] = {"src/gone.c: listed but missing"};
    struct report_options options;
    memset(&options, 0, sizeof options);
    options.tool_version = "9.9.9";
    options.tool_errors = tool_errors;
    options.tool_error_count = 1;
    options.exit_status = 2;
    options.working_directory = "/work/p";
    options.unit_count = 3;
    options.configuration = "0123456789abcdef";
    options.shard_index = 2;
    options.shard_count = 3;
    struct string_buffer json;
    render(&written, report_find_format("json"), &options, &json);
    char path[] = "/tmp/nullproof-test-shard-XXXXXX";
    int descriptor = mkstemp(path);
    assert_true(descriptor >= 0);
    assert_int_equal(write(descriptor, json.data, json.length), (ssize_t)json.length);
    close(descriptor);

    struct finding_list read;
    finding_list_init(&read, &arena);
    struct json_run run;
    char *error = NULL;
    assert_int_equal(json_read_run(path, &read, &run, &error), 0);
    unlink(path);
    assert_null(error);
    assert_string_equal(run.tool_version, "9.9.9");
    assert_string_equal(run.configuration, "0123456789abcdef");
    assert_string_equal(run.working_directory, "/work/p");
    assert_int_equal(run.unit_count, 3);
    assert_int_equal(run.exit_status, 2);
    assert_int_equal(run.shard_index, 2);
    assert_int_equal(run.shard_count, 3);
    assert_int_equal(run.tool_error_count, 1);
    assert_string_equal(run.tool_errors[0], tool_errors[0]);
    assert_int_equal(read.count, 3);
    assert_string_equal(read.items[2].rule, "clang-diagnostic");
    /* printed again, in every format, the same */
    int format_count = 0;
    const struct report_format *formats = report_formats(&format_count);
    for (int i = 0; i < format_count; i++) {
        struct string_buffer before, after;
        render(&written, &formats[i], &options, &before);
        render(&read, &formats[i], &options, &after);
        assert_string_equal(string_buffer_text(&before), string_buffer_text(&after));
        string_buffer_free(&before);
        string_buffer_free(&after);
    }
    json_run_free(&run);
    string_buffer_free(&json);
    arena_free(&arena);
}

static void test_json_read_errors_name_the_file(void **state)
{
    (void)state;
    const char *bad[] = {"{", "[]", "{\"format_version\": 2}",
                         "{\"format_version\": 1, \"tool\": {\"name\": \"nullproof\", \"version\": "
                         "\"1\"}, \"exit_status\": 0, \"findings\": [{\"rule\": 3}], "
                         "\"errors\": []}",
                         "{\"format_version\": 1, \"tool\": {\"name\": \"nullproof\", \"version\": "
                         "\"1\"}, \"exit_status\": 0, \"findings\": [3], \"errors\": []}",
                         "{\"format_version\": 1, \"tool\": {\"name\": \"nullproof\", \"version\": "
                         "\"1\"}, \"exit_status\": 0, \"findings\": [], \"errors\": [{\"source\": "
                         "\"elsewhere\"}]}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char path[] = "/tmp/nullproof-test-shard-XXXXXX";
        int descriptor = mkstemp(path);
        assert_true(descriptor >= 0);
        assert_int_equal(write(descriptor, bad[i], strlen(bad[i])), (ssize_t)strlen(bad[i]));
        close(descriptor);
        struct arena arena;
        arena_init(&arena);
        struct finding_list list;
        finding_list_init(&list, &arena);
        struct json_run run;
        char *error = NULL;
        assert_int_equal(json_read_run(path, &list, &run, &error), -1);
        assert_non_null(error);
        assert_non_null(strstr(error, path));
        free(error);
        json_run_free(&run);
        arena_free(&arena);
        unlink(path);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_key),
        cmocka_unit_test(test_split_is_stable_and_complete),
        cmocka_unit_test(test_json_read_back),
        cmocka_unit_test(test_json_read_errors_name_the_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

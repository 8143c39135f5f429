/*
 * test_sources: file collection in temporary directories: recursion and
 * order, headers, hidden entries, non-C, binary, missing and empty inputs;
 * and the names under which findings' files are shown.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "driver/pipeline.h"
#include "driver/sources.h"

struct fixture {
    char root[64];
};

static void write_file(const char *root, const char *name, const char *content, size_t size)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, name);
    FILE *stream = fopen(path, "wb");
    assert_non_null(stream);
    if (size)
        assert_int_equal(fwrite(content, 1, size, stream), size);
    fclose(stream);
}

static void make_directory(const char *root, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, name);
    assert_int_equal(mkdir(path, 0755), 0);
}

static int set_up(void **state)
{
    struct fixture *fixture = calloc(1, sizeof *fixture);
    snprintf(fixture->root, sizeof fixture->root, "/tmp/nullproof-sources-XXXXXX");
    if (!mkdtemp(fixture->root))
        return -1;
    *state = fixture;
    return 0;
}

static int tear_down(void **state)
{
    struct fixture *fixture = *state;
    char command[256];
    snprintf(command, sizeof command, "rm -rf '%s'", fixture->root);
    int status = system(command);
    free(fixture);
    return status == 0 ? 0 : -1;
}

/* The messages joined into one text, each line "error: ..." or "verbose: ...". */
static char *messages_text(const struct message_list *messages)
{
    size_t size = 1;
    for (int i = 0; i < messages->count; i++)
        size += strlen(messages->items[i].text) + 16;
    char *text = calloc(1, size);
    for (int i = 0; i < messages->count; i++) {
        strcat(text, messages->items[i].kind == MESSAGE_ERROR ? "error: " : "verbose: ");
        strcat(text, messages->items[i].text);
        strcat(text, "\n");
    }
    return text;
}

static void assert_contains(const char *text, const char *expected)
{
    if (!strstr(text, expected))
        fail_msg("'%s' not found in:\n%s", expected, text);
}

/* Collects `paths`, relative to the fixture's root. */
static void collect(const struct fixture *fixture, const char *const *names, int count,
                    struct source_set *set, struct message_list *messages)
{
    char **paths = calloc((size_t)count, sizeof *paths);
    for (int i = 0; i < count; i++) {
        paths[i] = malloc(512);
        if (names[i][0] == '/')
            snprintf(paths[i], 512, "%s", names[i]);
        else
            snprintf(paths[i], 512, "%s%s%s", fixture->root, names[i][0] ? "/" : "", names[i]);
    }
    source_set_init(set);
    message_list_init(messages);
    sources_collect((const char *const *)paths, count, set, messages);
    for (int i = 0; i < count; i++)
        free(paths[i]);
    free(paths);
}

static void assert_file(const struct fixture *fixture, const struct source_set *set, int index,
                        const char *name)
{
    char expected[512];
    snprintf(expected, sizeof expected, "%s/%s", fixture->root, name);
    assert_true(index < set->count);
    assert_string_equal(set->files[index].path, expected);
    assert_true(set->files[index].absolute[0] == '/');
}

static void test_directory_recursion_sorted(void **state)
{
    struct fixture *fixture = *state;
    make_directory(fixture->root, "src");
    make_directory(fixture->root, "src/sub");
    make_directory(fixture->root, "src/.git");
    make_directory(fixture->root, "src/a_dir");
    write_file(fixture->root, "src/zeta.c", "int z;\n", 7);
    write_file(fixture->root, "src/alpha.c", "int a;\n", 7);
    write_file(fixture->root, "src/sub/beta.c", "int b;\n", 7);
    write_file(fixture->root, "src/sub/beta.h", "int b;\n", 7);
    write_file(fixture->root, "src/a_dir/m.c", "int m;\n", 7);
    write_file(fixture->root, "src/notes.txt", "text\n", 5);
    write_file(fixture->root, "src/.git/hidden.c", "int h;\n", 7);
    write_file(fixture->root, "src/.#lock.c", "int l;\n", 7);
    const char *names[] = {"src"};
    struct source_set set;
    struct message_list messages;
    collect(fixture, names, 1, &set, &messages);
    assert_int_equal(set.count, 4);
    assert_file(fixture, &set, 0, "src/a_dir/m.c");
    assert_file(fixture, &set, 1, "src/alpha.c");
    assert_file(fixture, &set, 2, "src/sub/beta.c");
    assert_file(fixture, &set, 3, "src/zeta.c");
    assert_int_equal(messages.error_count, 0);
    char *text = messages_text(&messages);
    assert_contains(text, "verbose: ");
    assert_contains(text, "src/.git: hidden, not searched");
    assert_contains(text, "src/.#lock.c: hidden, not searched");
    free(text);
    source_set_free(&set);
    message_list_free(&messages);
}

static void test_files_in_argument_order_once(void **state)
{
    struct fixture *fixture = *state;
    write_file(fixture->root, "b.c", "", 0);
    write_file(fixture->root, "a.c", "int a;\n", 7);
    const char *names[] = {"b.c", "a.c", "b.c", ""};
    struct source_set set;
    struct message_list messages;
    collect(fixture, names, 4, &set, &messages);
    assert_int_equal(messages.error_count, 0);
    assert_int_equal(set.count, 2); /* the directory adds nothing new */
    assert_file(fixture, &set, 0, "b.c");
    assert_file(fixture, &set, 1, "a.c");
    source_set_free(&set);
    message_list_free(&messages);
}

static void test_header_named_explicitly(void **state)
{
    struct fixture *fixture = *state;
    write_file(fixture->root, "api.h", "int f(void);\n", 13);
    const char *names[] = {"api.h"};
    struct source_set set;
    struct message_list messages;
    collect(fixture, names, 1, &set, &messages);
    assert_int_equal(set.count, 0);
    assert_int_equal(messages.error_count, 0);
    char *text = messages_text(&messages);
    assert_contains(text, "verbose: ");
    assert_contains(text, "api.h: header skipped");
    free(text);
    source_set_free(&set);
    message_list_free(&messages);
}

static void test_bad_inputs(void **state)
{
    struct fixture *fixture = *state;
    write_file(fixture->root, "notes.txt", "hello\n", 6);
    write_file(fixture->root, "blob.c", "int x;\0\1\2", 9);
    make_directory(fixture->root, "empty");
    write_file(fixture->root, "good.c", "int g;\n", 7);
    const char *names[] = {"notes.txt", "blob.c", "missing.c", "empty", "good.c"};
    struct source_set set;
    struct message_list messages;
    collect(fixture, names, 5, &set, &messages);
    assert_int_equal(set.count, 1);
    assert_file(fixture, &set, 0, "good.c");
    assert_int_equal(messages.error_count, 4);
    char *text = messages_text(&messages);
    assert_contains(text, "notes.txt: not a C source file (expected .c)");
    assert_contains(text, "blob.c: binary file, not C source");
    assert_contains(text, "error: no such file or directory: ");
    assert_contains(text, "missing.c");
    assert_contains(text, "error: no C source files under ");
    free(text);
    source_set_free(&set);
    message_list_free(&messages);
}

static void test_binary_after_text(void **state)
{
    struct fixture *fixture = *state;
    /* A NUL byte beyond the first 64 KiB is not looked for. */
    size_t size = 70 * 1024;
    char *content = malloc(size);
    memset(content, ' ', size);
    content[size - 1] = '\0';
    write_file(fixture->root, "late.c", content, size);
    content[100] = '\0';
    write_file(fixture->root, "early.c", content, size);
    free(content);
    char *error = NULL;
    char path[512];
    snprintf(path, sizeof path, "%s/late.c", fixture->root);
    assert_int_equal(source_check_content(path, &error), 0);
    assert_null(error);
    snprintf(path, sizeof path, "%s/early.c", fixture->root);
    assert_int_equal(source_check_content(path, &error), -1);
    assert_non_null(error);
    assert_contains(error, "binary file");
    free(error);
}

static void test_unreadable(void **state)
{
    struct fixture *fixture = *state;
    if (geteuid() == 0)
        skip(); /* root reads everything */
    write_file(fixture->root, "secret.c", "int s;\n", 7);
    char path[512];
    snprintf(path, sizeof path, "%s/secret.c", fixture->root);
    assert_int_equal(chmod(path, 0), 0);
    const char *names[] = {"secret.c"};
    struct source_set set;
    struct message_list messages;
    collect(fixture, names, 1, &set, &messages);
    assert_int_equal(set.count, 0);
    char *text = messages_text(&messages);
    assert_contains(text, "error: cannot read ");
    assert_contains(text, "secret.c: permission denied");
    free(text);
    source_set_free(&set);
    message_list_free(&messages);
}

static void test_special_files(void **state)
{
    (void)state;
    char *error = NULL;
    assert_int_equal(source_check_content("/dev/null", &error), -1);
    assert_contains(error, "not a regular file");
    free(error);
    assert_int_equal(source_check_content("/tmp", &error), -1);
    assert_contains(error, "is a directory");
    free(error);
}

static void test_names(void **state)
{
    (void)state;
    assert_true(source_is_c_file("a.c"));
    assert_true(source_is_c_file("dir/x.y.c"));
    assert_false(source_is_c_file(".c"));
    assert_false(source_is_c_file("a.cc"));
    assert_false(source_is_c_file("a.h"));
    assert_true(source_is_header("a.h"));
    assert_false(source_is_header("a.hpp"));
    char *joined = source_join_path("src", "a.c");
    assert_string_equal(joined, "src/a.c");
    free(joined);
    joined = source_join_path("src/", "a.c");
    assert_string_equal(joined, "src/a.c");
    free(joined);
    joined = source_join_path(".", "a.c");
    assert_string_equal(joined, "a.c");
    free(joined);
    joined = source_join_path("/", "a.c");
    assert_string_equal(joined, "/a.c");
    free(joined);
}

static void test_display_paths(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    /* A file named relatively on the command line, with a compile command. */
    struct job job = {"src/a.c", "/work/p/src/a.c", "/work/p/src/a.c", "/work/p/build", NULL, 0,
                      false, NULL, NULL, 0, false, NULL, false};
    assert_string_equal(pipeline_display_path(&job, "/work/p", "/work/p/src/a.c", &arena),
                        "src/a.c");
    assert_string_equal(pipeline_display_path(&job, "/work/p", "../include/h.h", &arena),
                        "include/h.h");
    assert_string_equal(pipeline_display_path(&job, "/work/p", "/work/p/./x//y/../h.h", &arena),
                        "x/h.h");
    assert_string_equal(pipeline_display_path(&job, "/elsewhere", "../include/h.h", &arena),
                        "/work/p/include/h.h");
    assert_string_equal(pipeline_display_path(&job, "/work/p", "/usr/include/stdio.h", &arena),
                        "/usr/include/stdio.h");
    assert_null(pipeline_display_path(&job, "/work/p", NULL, &arena));
    /* Files listed by a database stay absolute. */
    struct job listed = {"/work/p/src/a.c", "/work/p/src/a.c", "/work/p/src/a.c", "/work/p",
                         NULL, 0, true, NULL, NULL, 0, false, NULL, false};
    assert_string_equal(pipeline_display_path(&listed, "/work/p", "include/h.h", &arena),
                        "/work/p/include/h.h");
    assert_string_equal(pipeline_display_path(&listed, "/work/p", "/../../a/../b", &arena),
                        "/b");
    /* No compile command: clang's relative paths are relative to our cwd. */
    struct job plain = {"a.c", "a.c", "/work/p/a.c", NULL, NULL, 0, false, NULL, NULL, 0, false,
                        NULL, false};
    assert_string_equal(pipeline_display_path(&plain, "/work/p", "a.c", &arena), "a.c");
    assert_string_equal(pipeline_display_path(&plain, "/work/p", "/work/p/a.c", &arena), "a.c");
    assert_string_equal(pipeline_display_path(&plain, "/work/p", "inc/../h.h", &arena),
                        "inc/../h.h");
    arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_directory_recursion_sorted, set_up, tear_down),
        cmocka_unit_test_setup_teardown(test_files_in_argument_order_once, set_up, tear_down),
        cmocka_unit_test_setup_teardown(test_header_named_explicitly, set_up, tear_down),
        cmocka_unit_test_setup_teardown(test_bad_inputs, set_up, tear_down),
        cmocka_unit_test_setup_teardown(test_binary_after_text, set_up, tear_down),
        cmocka_unit_test_setup_teardown(test_unreadable, set_up, tear_down),
        cmocka_unit_test(test_special_files),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_display_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

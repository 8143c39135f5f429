/*
 * test_baseline: baseline files written and read back, matching by
 * fingerprint (moved lines, renamed variables, duplicates), and the
 * errors for files that are not baselines.
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

#include "driver/baseline.h"

struct fixture {
    struct arena arena;
    struct finding_list list;
    char path[64];
};

static int set_up(void **state)
{
    struct fixture *fixture = calloc(1, sizeof *fixture);
    if (!fixture)
        return -1;
    arena_init(&fixture->arena);
    finding_list_init(&fixture->list, &fixture->arena);
    snprintf(fixture->path, sizeof fixture->path, "/tmp/nullproof-baseline-XXXXXX");
    int descriptor = mkstemp(fixture->path);
    if (descriptor < 0)
        return -1;
    close(descriptor);
    *state = fixture;
    return 0;
}

static int tear_down(void **state)
{
    struct fixture *fixture = *state;
    unlink(fixture->path);
    arena_free(&fixture->arena);
    free(fixture);
    return 0;
}

static void add(struct finding_list *list, unsigned line, const char *source_line,
                const char *function)
{
    struct finding *finding = finding_add(list, "unchecked-alloc", SEVERITY_WARNING, "f.c", line,
                                          5, "'p' may be NULL and is indexed", source_line,
                                          function);
    finding_set_subject(list, finding, "p", "malloc");
}

static void write_file(const char *path, const char *text)
{
    FILE *stream = fopen(path, "w");
    assert_non_null(stream);
    fputs(text, stream);
    fclose(stream);
}

static void test_round_trip_and_moved_lines(void **state)
{
    struct fixture *fixture = *state;
    add(&fixture->list, 6, "    p[0] = 0;", "fill");
    add(&fixture->list, 12, "    p[1] = 0;", "fill");
    finding_add(&fixture->list, "clang-diagnostic", SEVERITY_ERROR, "f.c", 1, 1, "oops", NULL,
                NULL);
    char *error = NULL;
    assert_int_equal(baseline_write(fopen(fixture->path, "w"), fixture->path, &fixture->list,
                                    "1.2.3", &error),
                     0);
    assert_null(error);
    struct baseline *baseline = baseline_load(fixture->path, &error);
    assert_non_null(baseline);
    assert_int_equal(baseline_entry_count(baseline), 2);
    const struct baseline_entry *entry = baseline_entry(baseline, 0);
    assert_string_equal(entry->rule, "unchecked-alloc");
    assert_string_equal(entry->file, "f.c");
    assert_int_equal(entry->line, 6);
    assert_string_equal(entry->function, "fill");

    /* A later run: both findings moved down, one variable renamed. */
    struct finding_list later;
    finding_list_init(&later, &fixture->arena);
    add(&later, 16, "    p[0] = 0;", "fill");
    add(&later, 22, "    q[1] = 0;", "fill");
    finding_add(&later, "clang-diagnostic", SEVERITY_ERROR, "f.c", 1, 1, "oops", NULL, NULL);
    assert_int_equal(baseline_filter(baseline, &later), 1);
    assert_int_equal(later.count, 2);
    assert_int_equal(later.items[0].line, 22);
    assert_string_equal(later.items[1].rule, "clang-diagnostic");
    assert_true(baseline_entry(baseline, 0)->matched);
    assert_false(baseline_entry(baseline, 1)->matched); /* stale: p[1] is gone */
    baseline_free(baseline);
}

static void test_duplicates_need_an_entry_each(void **state)
{
    struct fixture *fixture = *state;
    add(&fixture->list, 6, "    p[0] = 0;", "fill");
    char *error = NULL;
    assert_int_equal(baseline_write(fopen(fixture->path, "w"), fixture->path, &fixture->list,
                                    "1.2.3", &error),
                     0);
    struct baseline *baseline = baseline_load(fixture->path, &error);
    assert_non_null(baseline);
    struct finding_list later;
    finding_list_init(&later, &fixture->arena);
    add(&later, 6, "    p[0] = 0;", "fill");
    add(&later, 9, "    p[0] = 0;", "fill"); /* the same line pasted again */
    assert_int_equal(baseline_filter(baseline, &later), 1);
    assert_int_equal(later.count, 1);
    assert_int_equal(later.items[0].line, 9);
    baseline_free(baseline);
}

static void test_bad_files(void **state)
{
    struct fixture *fixture = *state;
    const char *cases[][2] = {
        {"{ not json", "not valid JSON"},
        {"[1, 2]", "is not a nullproof baseline"},
        {"{\"nullproof_baseline\": 7, \"entries\": []}", "has version 7"},
        {"{\"nullproof_baseline\": 1, \"entries\": [{\"fingerprint\": \"xyz\"}]}",
         "entry 1 has no valid fingerprint"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_file(fixture->path, cases[i][0]);
        char *error = NULL;
        assert_null(baseline_load(fixture->path, &error));
        assert_non_null(error);
        if (!strstr(error, cases[i][1]))
            fail_msg("'%s' does not say '%s'", error, cases[i][1]);
        free(error);
    }
    char *error = NULL;
    assert_null(baseline_load("/nonexistent/baseline.json", &error));
    assert_non_null(strstr(error, "cannot read baseline /nonexistent/baseline.json"));
    free(error);
    /* A stream that fails when it is written to. */
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        add(&fixture->list, 6, "    p[0] = 0;", "fill");
        assert_int_equal(baseline_write(full, "/dev/full", &fixture->list, "1", &error), -1);
        assert_non_null(strstr(error, "cannot write baseline /dev/full"));
        free(error);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip_and_moved_lines, set_up, tear_down),
        cmocka_unit_test_setup_teardown(test_duplicates_need_an_entry_each, set_up, tear_down),
        cmocka_unit_test_setup_teardown(test_bad_files, set_up, tear_down),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

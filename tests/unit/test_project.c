/*
 * test_project: the whole-program table. Names defined at different places
 * in several units are ambiguous and never used; the same definition seen
 * from several units is one function; a stored summary reports whether it
 * changed what callers were told; evidence is merged over units and decides
 * by its thresholds; summaries are deep copies.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/project.h"

static struct exported_function exported(const char *name, const char *file, unsigned line)
{
    struct exported_function function;
    memset(&function, 0, sizeof function);
    function.name = name;
    function.definition.file = file;
    function.definition.line = line;
    return function;
}

static bool set(struct project_table *table, const char *name,
                const struct function_summary *summary)
{
    struct exported_function function = exported(name, "/p/a.c", 1);
    function.summary = *summary;
    return project_set_summary(table, name, &function);
}

/* The project table of the units `a` and `b` (b may be NULL), finished. */
static void table_of(struct project_table *table, const struct unit_exports *a,
                     const struct unit_exports *b)
{
    project_table_init(table);
    project_table_add(table, 0, a);
    if (b)
        project_table_add(table, 1, b);
    project_table_finish(table);
}

static void test_ambiguous_names(void **state)
{
    (void)state;
    struct exported_function first[] = {exported("main", "/p/a.c", 3),
                                        exported("find", "/p/a.c", 10),
                                        exported("helper", "/p/inc.h", 5)};
    struct exported_function second[] = {exported("main", "/p/b.c", 7),
                                         exported("helper", "/p/inc.h", 5)};
    struct unit_exports a = {first, 3, NULL, 0, NULL, 0, NULL, 0};
    struct unit_exports b = {second, 2, NULL, 0, NULL, 0, NULL, 0};
    struct project_table table;
    table_of(&table, &a, &b);

    const struct project_function *main_function = project_find(&table, "main");
    assert_non_null(main_function);
    assert_true(main_function->ambiguous);
    const struct project_function *helper = project_find(&table, "helper");
    assert_non_null(helper);
    assert_false(helper->ambiguous); /* one definition, seen twice */
    assert_int_equal(helper->unit, 0);
    assert_null(project_find(&table, "missing"));

    struct function_summary summary;
    memset(&summary, 0, sizeof summary);
    summary.computed = true;
    summary.returns_null = true;
    assert_false(set(&table, "main", &summary));
    assert_null(project_summary(&table, "main"));
    assert_true(set(&table, "find", &summary));
    assert_non_null(project_summary(&table, "find"));
    assert_false(set(&table, "find", &summary)); /* the same again */
    summary.returns_null = false;
    summary.dereferenced_parameters = 1;
    assert_true(set(&table, "find", &summary));
    project_table_free(&table);
}

/* An ambiguous name never returns only when each definition never does. */
static void test_ambiguous_never_returns(void **state)
{
    (void)state;
    struct exported_function first[] = {exported("die", "/p/a.c", 3)};
    struct exported_function second[] = {exported("die", "/p/b.c", 7)};
    struct unit_exports a = {first, 1, NULL, 0, NULL, 0, NULL, 0};
    struct unit_exports b = {second, 1, NULL, 0, NULL, 0, NULL, 0};
    struct project_table table;
    table_of(&table, &a, &b);
    assert_int_equal(project_find(&table, "die")->definition_count, 2);

    first[0].summary.computed = true;
    first[0].summary.never_returns = true;
    assert_true(project_set_summary(&table, "die", &first[0]));
    assert_false(project_set_summary(&table, "die", &first[0])); /* the same again */
    assert_false(project_never_returns(&table, "die")); /* b.c's not known yet */
    second[0].summary.computed = true;
    assert_true(project_set_summary(&table, "die", &second[0]));
    assert_false(project_never_returns(&table, "die")); /* b.c's returns */
    second[0].summary.never_returns = true;
    assert_true(project_set_summary(&table, "die", &second[0]));
    assert_true(project_never_returns(&table, "die"));
    assert_null(project_summary(&table, "die")); /* nothing else is used */
    project_table_free(&table);
}

/* A summary that says nothing is what callers assumed without one. */
static void test_empty_summary_is_no_change(void **state)
{
    (void)state;
    struct exported_function functions[] = {exported("plain", "/p/a.c", 1)};
    struct unit_exports exports = {functions, 1, NULL, 0, NULL, 0, NULL, 0};
    struct project_table table;
    table_of(&table, &exports, NULL);
    struct function_summary summary;
    memset(&summary, 0, sizeof summary);
    summary.computed = true;
    summary.writes_globals = true;
    assert_true(summary_says_nothing(&summary));
    assert_false(set(&table, "plain", &summary));
    assert_non_null(project_summary(&table, "plain"));
    summary.writes_globals = false; /* now it says something: globals survive the call */
    assert_true(set(&table, "plain", &summary));
    project_table_free(&table);
}

static void test_evidence_merged_and_thresholds(void **state)
{
    (void)state;
    struct call_evidence first[] = {{"conn_open", 3, 3}, {"rarely", 2, 2}, {"weak", 2, 0}};
    struct call_evidence second[] = {{"conn_open", 2, 1}, {"weak", 1, 0}};
    struct unit_exports a = {NULL, 0, NULL, 0, first, 3, NULL, 0};
    struct unit_exports b = {NULL, 0, NULL, 0, second, 2, NULL, 0};
    struct project_table table;
    table_of(&table, &a, &b);

    const struct call_evidence *conn = project_evidence(&table, "conn_open");
    assert_non_null(conn);
    assert_int_equal(conn->calls, 5);
    assert_int_equal(conn->tested, 4);
    assert_true(evidence_says_checked(conn)); /* 4 of 5: 80 % */
    assert_false(evidence_says_unchecked(conn));
    const struct call_evidence *rarely = project_evidence(&table, "rarely");
    assert_false(evidence_says_checked(rarely)); /* 2 tested: too few to say */
    const struct call_evidence *weak = project_evidence(&table, "weak");
    assert_int_equal(weak->calls, 3);
    assert_true(evidence_says_unchecked(weak));
    assert_false(evidence_says_checked(NULL));
    assert_false(evidence_says_unchecked(NULL));

    struct call_evidence below[] = {{"mostly", 10, 7}};
    struct unit_exports c = {NULL, 0, NULL, 0, below, 1, NULL, 0};
    struct project_table other;
    table_of(&other, &c, NULL);
    assert_false(evidence_says_checked(project_evidence(&other, "mostly"))); /* 70 % */
    project_table_free(&other);
    project_table_free(&table);
}

/* What the units' calls pass a function merges: a bit any unit sets
 * stays set, and a unit that only names the function (a callback table)
 * marks it named. */
static void test_passed_arguments_merged(void **state)
{
    (void)state;
    struct passed_arguments first[] = {{"node_kind", 0, true, false},
                                       {"node_rank", 0, true, false}};
    struct passed_arguments second[] = {{"node_depth", 2, true, false},
                                        {"node_kind", 0, true, false},
                                        {"node_rank", 0, false, true}};
    struct unit_exports a = {NULL, 0, NULL, 0, NULL, 0, first, 2};
    struct unit_exports b = {NULL, 0, NULL, 0, NULL, 0, second, 3};
    struct project_table table;
    table_of(&table, &a, &b);
    const struct passed_arguments *kind = project_passed(&table, "node_kind");
    assert_non_null(kind);
    assert_int_equal(kind->maybe_null, 0);
    assert_true(kind->called);
    assert_false(kind->named);
    const struct passed_arguments *rank = project_passed(&table, "node_rank");
    assert_true(rank->called && rank->named);
    assert_int_equal(project_passed(&table, "node_depth")->maybe_null, 2);
    assert_null(project_passed(&table, "node_size"));
    project_table_free(&table);
}

/* A search most callers use unchecked is weak from six sites at most a
 * third of which test it; a function no site tests, from three. */
static void test_evidence_mostly_unchecked(void **state)
{
    (void)state;
    struct call_evidence layers = {"layer_of", 14, 1};
    struct call_evidence third = {"third", 6, 2};
    struct call_evidence over = {"over", 6, 3};
    struct call_evidence few = {"few", 5, 1};
    struct call_evidence none = {"none", 3, 0};
    assert_true(evidence_says_mostly_unchecked(&layers));
    assert_false(evidence_says_unchecked(&layers));
    assert_true(evidence_says_mostly_unchecked(&third)); /* 33 % */
    assert_false(evidence_says_mostly_unchecked(&over)); /* 50 % */
    assert_false(evidence_says_mostly_unchecked(&few));  /* too few sites to vote */
    assert_true(evidence_says_mostly_unchecked(&none));
    assert_false(evidence_says_mostly_unchecked(NULL));
}

static const char *rooted(const char *file, void *data)
{
    (void)data;
    return file[0] == '/' ? file : "/root/x.c";
}

static void test_summary_copy_is_deep(void **state)
{
    (void)state;
    char failing[] = "malloc";
    char field[] = "next";
    struct nulled_path nulled = {NULL, 0, field, "list->next"};
    struct member_use member = {1, PATH_DEREF, NULL, {"x.c", 4, 2, NULL}};
    struct function_summary summary;
    memset(&summary, 0, sizeof summary);
    summary.computed = true;
    summary.returns_null = true;
    summary.return_failing = failing;
    summary.null_return.file = "x.c";
    summary.nulled = &nulled;
    summary.nulled_count = 1;
    summary.member_uses = &member;
    summary.member_use_count = 1;
    struct arena arena;
    arena_init(&arena);
    struct function_summary copy;
    summary_copy(&copy, &summary, &arena, rooted, NULL);
    failing[0] = 'X';
    field[0] = 'X';
    assert_string_equal(copy.return_failing, "malloc");
    assert_string_equal(copy.nulled[0].field, "next");
    assert_string_equal(copy.null_return.file, "/root/x.c");
    assert_string_equal(copy.member_uses[0].use.file, "/root/x.c");
    assert_true(copy.nulled != summary.nulled);
    summary.return_failing = "malloc";
    field[0] = 'n';
    assert_true(summary_equal(&copy, &summary));
    copy.member_uses[0].parameter = 0;
    assert_false(summary_equal(&copy, &summary));
    arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ambiguous_names),
        cmocka_unit_test(test_ambiguous_never_returns),
        cmocka_unit_test(test_empty_summary_is_no_change),
        cmocka_unit_test(test_evidence_merged_and_thresholds),
        cmocka_unit_test(test_evidence_mostly_unchecked),
        cmocka_unit_test(test_passed_arguments_merged),
        cmocka_unit_test(test_summary_copy_is_deep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_report_json: the machine-readable formats (json, sarif, github,
 * codeclimate) on hand-made findings, read back with jansson; the
 * fingerprint and the end of a use.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "report/fingerprint.h"
#include "report/report.h"

struct fixture {
    struct arena arena;
    struct finding_list list;
};

static int set_up(void **state)
{
    struct fixture *fixture = calloc(1, sizeof *fixture);
    if (!fixture)
        return -1;
    arena_init(&fixture->arena);
    finding_list_init(&fixture->list, &fixture->arena);
    *state = fixture;
    return 0;
}

static int tear_down(void **state)
{
    struct fixture *fixture = *state;
    arena_free(&fixture->arena);
    free(fixture);
    return 0;
}

/* As the alloc rule makes it: a located note, advice, subject and source. */
static struct finding *add_alloc_finding(struct finding_list *list, const char *file,
                                         unsigned line, const char *source_line)
{
    struct finding *finding =
        finding_add(list, "unchecked-alloc", SEVERITY_WARNING, file, line, 5,
                    "'p' may be NULL and is indexed", source_line, "fill");
    finding_add_note(list, finding, file, line - 1, 15,
                     "'p' may be NULL: malloc() returns NULL when allocation fails",
                     "    char *p = malloc(10);");
    finding_add_note(list, finding, NULL, 0, 0,
                     "test it first, e.g. 'if (p == NULL) { /* handle absence */ }'", NULL);
    finding_set_subject(list, finding, "p", "malloc");
    return finding;
}

static const struct report_rule rules[] = {
    {"check-after-deref", "A pointer is tested against NULL after it was dereferenced."},
    {"unchecked-alloc", "A possibly-NULL result of an allocator is used unchecked."},
};

static struct report_options run_options(void)
{
    static const char *const errors[] = {"no such file or directory: gone.c"};
    struct report_options options;
    memset(&options, 0, sizeof options);
    options.tool_version = "9.8.7";
    options.rules = rules;
    options.rule_count = 2;
    options.tool_errors = errors;
    options.tool_error_count = 1;
    options.exit_status = 2;
    options.working_directory = "/work/project";
    return options;
}

static json_t *render_json(const char *format_name, const struct finding_list *list)
{
    const struct report_format *format = report_find_format(format_name);
    assert_non_null(format);
    struct report_options options = run_options();
    struct string_buffer out;
    string_buffer_init(&out);
    format->write(list, &options, &out);
    json_error_t error;
    json_t *root = json_loads(string_buffer_text(&out), 0, &error);
    if (!root)
        fail_msg("%s output is not JSON (%s): %s", format_name, error.text,
                 string_buffer_text(&out));
    string_buffer_free(&out);
    return root;
}

static const char *text_at(json_t *object, const char *key)
{
    json_t *value = json_object_get(object, key);
    assert_true(json_is_string(value));
    return json_string_value(value);
}

static long long integer_at(json_t *object, const char *key)
{
    json_t *value = json_object_get(object, key);
    assert_true(json_is_integer(value));
    return json_integer_value(value);
}

static void test_formats_are_listed(void **state)
{
    (void)state;
    const char *names[] = {"text", "json", "sarif", "github", "codeclimate"};
    int count = 0;
    const struct report_format *formats = report_formats(&count);
    assert_int_equal(count, 5);
    for (int i = 0; i < 5; i++)
        assert_string_equal(formats[i].name, names[i]);
}

static void test_json_fields(void **state)
{
    struct fixture *fixture = *state;
    struct finding *finding = add_alloc_finding(&fixture->list, "src/fill.c", 6, "    p[0] = 0;");
    finding_add_fixit(&fixture->list, finding, "src/fill.c", 6, 5, 6, 5, "if (p) ");
    finding_add(&fixture->list, "clang-diagnostic", SEVERITY_ERROR, "src/bad.c", 3, 12,
                "use of undeclared identifier 'x'", "    return x;", NULL);
    json_t *root = render_json("json", &fixture->list);
    assert_int_equal(integer_at(root, "format_version"), 1);
    assert_string_equal(text_at(json_object_get(root, "tool"), "version"), "9.8.7");
    assert_int_equal(integer_at(root, "exit_status"), 2);
    json_t *findings = json_object_get(root, "findings");
    assert_int_equal(json_array_size(findings), 1);
    json_t *item = json_array_get(findings, 0);
    assert_string_equal(text_at(item, "rule"), "unchecked-alloc");
    assert_string_equal(text_at(item, "severity"), "warning");
    assert_string_equal(text_at(item, "file"), "src/fill.c");
    assert_int_equal(integer_at(item, "line"), 6);
    assert_int_equal(integer_at(item, "column"), 5);
    assert_int_equal(integer_at(item, "end_line"), 6);
    assert_int_equal(integer_at(item, "end_column"), 6);
    assert_string_equal(text_at(item, "function"), "fill");
    assert_string_equal(text_at(item, "subject"), "p");
    assert_string_equal(text_at(item, "source_function"), "malloc");
    assert_string_equal(text_at(item, "source_line"), "    p[0] = 0;");
    assert_string_equal(text_at(item, "suggestion"),
                        "test it first, e.g. 'if (p == NULL) { /* handle absence */ }'");
    json_t *notes = json_object_get(item, "notes");
    assert_int_equal(json_array_size(notes), 1);
    assert_int_equal(integer_at(json_array_get(notes, 0), "line"), 5);
    json_t *fixits = json_object_get(item, "fixits");
    assert_int_equal(json_array_size(fixits), 1);
    assert_string_equal(text_at(json_array_get(fixits, 0), "replacement"), "if (p) ");
    char fingerprint[FINGERPRINT_SIZE];
    finding_fingerprint(finding, fingerprint);
    assert_string_equal(text_at(item, "fingerprint"), fingerprint);
    json_t *errors = json_object_get(root, "errors");
    assert_int_equal(json_array_size(errors), 2);
    assert_string_equal(text_at(json_array_get(errors, 0), "source"), "clang");
    assert_string_equal(text_at(json_array_get(errors, 1), "message"),
                        "no such file or directory: gone.c");
    json_decref(root);
}

static void test_json_repairs_invalid_utf8(void **state)
{
    struct fixture *fixture = *state;
    add_alloc_finding(&fixture->list, "latin1.c", 6, "    p[0] = 0; /* caf\xe9 */");
    json_t *root = render_json("json", &fixture->list);
    json_t *item = json_array_get(json_object_get(root, "findings"), 0);
    assert_string_equal(text_at(item, "source_line"), "    p[0] = 0; /* caf\xef\xbf\xbd */");
    json_decref(root);
}

static void test_sarif_run(void **state)
{
    struct fixture *fixture = *state;
    struct finding *finding = add_alloc_finding(&fixture->list, "src/fill.c", 6, "    p[0] = 0;");
    finding_add_fixit(&fixture->list, finding, NULL, 6, 5, 6, 6, "q");
    add_alloc_finding(&fixture->list, "/work/project/src/other file.c", 9, "    p[0] = 0;");
    add_alloc_finding(&fixture->list, "/elsewhere/x.c", 9, "    p[0] = 0;");
    finding_add(&fixture->list, "clang-diagnostic", SEVERITY_ERROR, "src/bad.c", 3, 12,
                "use of undeclared identifier 'x'", "    return x;", NULL);
    json_t *root = render_json("sarif", &fixture->list);
    assert_string_equal(text_at(root, "version"), "2.1.0");
    json_t *run = json_array_get(json_object_get(root, "runs"), 0);
    json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
    assert_string_equal(text_at(driver, "name"), "nullproof");
    json_t *rule_array = json_object_get(driver, "rules");
    assert_int_equal(json_array_size(rule_array), 2);
    json_t *rule = json_array_get(rule_array, 1);
    assert_string_equal(text_at(rule, "id"), "unchecked-alloc");
    assert_non_null(strstr(text_at(rule, "helpUri"), "unchecked-alloc.md"));
    assert_non_null(json_object_get(json_object_get(rule, "help"), "text"));

    json_t *results = json_object_get(run, "results");
    assert_int_equal(json_array_size(results), 3);
    json_t *first = json_array_get(results, 0);
    assert_string_equal(text_at(first, "ruleId"), "unchecked-alloc");
    assert_int_equal(integer_at(first, "ruleIndex"), 1);
    assert_string_equal(text_at(first, "level"), "warning");
    json_t *location = json_object_get(json_array_get(json_object_get(first, "locations"), 0),
                                       "physicalLocation");
    json_t *artifact = json_object_get(location, "artifactLocation");
    assert_string_equal(text_at(artifact, "uri"), "src/fill.c");
    assert_string_equal(text_at(artifact, "uriBaseId"), "%SRCROOT%");
    json_t *region = json_object_get(location, "region");
    assert_int_equal(integer_at(region, "startLine"), 6);
    assert_int_equal(integer_at(region, "startColumn"), 5);
    assert_int_equal(integer_at(region, "endColumn"), 6);
    assert_int_equal(json_array_size(json_object_get(first, "relatedLocations")), 2);
    assert_int_equal(json_array_size(json_object_get(first, "fixes")), 1);
    const char *partial = text_at(json_object_get(first, "partialFingerprints"), "nullproof/v1");
    assert_int_equal(strlen(partial), FINGERPRINT_SIZE - 1 + 2);
    assert_string_equal(partial + FINGERPRINT_SIZE - 1, ":1");

    /* Under the working directory: relative and percent-encoded. */
    json_t *second = json_array_get(results, 1);
    artifact = json_object_get(json_object_get(json_array_get(json_object_get(second,
                                                                              "locations"), 0),
                                               "physicalLocation"),
                               "artifactLocation");
    assert_string_equal(text_at(artifact, "uri"), "src/other%20file.c");
    /* Same fingerprint as the first (same rule, function, line, source). */
    partial = text_at(json_object_get(second, "partialFingerprints"), "nullproof/v1");
    assert_string_equal(partial + FINGERPRINT_SIZE - 1, ":2");
    json_t *third = json_array_get(results, 2);
    artifact = json_object_get(json_object_get(json_array_get(json_object_get(third,
                                                                              "locations"), 0),
                                               "physicalLocation"),
                               "artifactLocation");
    assert_string_equal(text_at(artifact, "uri"), "file:///elsewhere/x.c");
    assert_null(json_object_get(artifact, "uriBaseId"));

    json_t *invocation = json_array_get(json_object_get(run, "invocations"), 0);
    assert_false(json_is_true(json_object_get(invocation, "executionSuccessful")));
    assert_int_equal(integer_at(invocation, "exitCode"), 2);
    json_t *notifications = json_object_get(invocation, "toolExecutionNotifications");
    assert_int_equal(json_array_size(notifications), 2);
    json_t *bases = json_object_get(run, "originalUriBaseIds");
    assert_string_equal(text_at(json_object_get(bases, "%SRCROOT%"), "uri"),
                        "file:///work/project/");
    json_decref(root);
}

static void test_github_lines(void **state)
{
    struct fixture *fixture = *state;
    add_alloc_finding(&fixture->list, "src/a,b.c", 6, "    p[0] = 0;");
    finding_add(&fixture->list, "clang-diagnostic", SEVERITY_ERROR, "src/bad.c", 3, 12,
                "use of undeclared identifier 'x' (100%)", NULL, NULL);
    const struct report_format *format = report_find_format("github");
    assert_non_null(format);
    struct report_options options = run_options();
    struct string_buffer out;
    string_buffer_init(&out);
    format->write(&fixture->list, &options, &out);
    assert_string_equal(
        string_buffer_text(&out),
        "::warning file=src/a%2Cb.c,line=6,col=5,endLine=6,endColumn=6,title=unchecked-alloc::"
        "'p' may be NULL and is indexed"
        "%0Asrc/a,b.c:5:15: note: 'p' may be NULL: malloc() returns NULL when allocation fails"
        "%0Asrc/a,b.c:6:5: note: test it first, e.g. 'if (p == NULL) { /* handle absence */ }'\n"
        "::error file=src/bad.c,line=3,col=12,title=clang::"
        "use of undeclared identifier 'x' (100%25)\n");
    string_buffer_free(&out);
}

static void test_codeclimate_issues(void **state)
{
    struct fixture *fixture = *state;
    add_alloc_finding(&fixture->list, "/work/project/src/fill.c", 6, "    p[0] = 0;");
    add_alloc_finding(&fixture->list, "/work/project/src/fill.c", 16, "    p[0] = 0;");
    json_t *root = render_json("codeclimate", &fixture->list);
    assert_true(json_is_array(root));
    assert_int_equal(json_array_size(root), 2);
    json_t *issue = json_array_get(root, 0);
    assert_string_equal(text_at(issue, "type"), "issue");
    assert_string_equal(text_at(issue, "check_name"), "unchecked-alloc");
    assert_string_equal(text_at(issue, "severity"), "major");
    json_t *location = json_object_get(issue, "location");
    assert_string_equal(text_at(location, "path"), "src/fill.c");
    json_t *begin = json_object_get(json_object_get(location, "positions"), "begin");
    assert_int_equal(integer_at(begin, "line"), 6);
    const char *first = text_at(issue, "fingerprint");
    const char *second = text_at(json_array_get(root, 1), "fingerprint");
    assert_string_not_equal(first, second);
    json_decref(root);
}

static void test_fingerprint_ignores_lines_and_spacing(void **state)
{
    struct fixture *fixture = *state;
    struct finding *a = add_alloc_finding(&fixture->list, "f.c", 6, "    p[0] = 0;");
    struct finding *b = add_alloc_finding(&fixture->list, "f.c", 60, "\tp[0]  =  0;  ");
    struct finding *renamed = add_alloc_finding(&fixture->list, "f.c", 6, "    q[0] = 0;");
    struct finding *other_source = add_alloc_finding(&fixture->list, "f.c", 6, "    p[0] = 0;");
    other_source->source_function = "calloc";
    struct finding *other_function = add_alloc_finding(&fixture->list, "f.c", 6, "    p[0] = 0;");
    other_function->function = "refill";
    char fa[FINGERPRINT_SIZE], fb[FINGERPRINT_SIZE], fc[FINGERPRINT_SIZE];
    char fd[FINGERPRINT_SIZE], fe[FINGERPRINT_SIZE];
    finding_fingerprint(a, fa);
    finding_fingerprint(b, fb);
    finding_fingerprint(renamed, fc);
    finding_fingerprint(other_source, fd);
    finding_fingerprint(other_function, fe);
    assert_int_equal(strlen(fa), 16);
    assert_string_equal(fa, fb);
    assert_string_not_equal(fa, fc);
    assert_string_not_equal(fa, fd);
    assert_string_not_equal(fa, fe);
    char normalised[32];
    fingerprint_normalise_space(" \t a  b\tc \n", normalised);
    assert_string_equal(normalised, "a b c");
}

static void test_end_of_use(void **state)
{
    struct fixture *fixture = *state;
    unsigned line = 0, column = 0;
    struct finding *subject = add_alloc_finding(&fixture->list, "f.c", 6,
                                                "    x = store->items[i];");
    subject->column = 9;
    subject->subject = "store->items";
    finding_end(subject, &line, &column);
    assert_int_equal(line, 6);
    assert_int_equal(column, 21);
    struct finding *call = add_alloc_finding(&fixture->list, "f.c", 7,
                                             "    if (strlen(home) + 1 > size)");
    call->column = 9;
    call->subject = "home";
    finding_end(call, &line, &column);
    assert_int_equal(column, 21);
    struct finding *quoted = add_alloc_finding(&fixture->list, "f.c", 8,
                                               "    fputs(\"a)(\", out);");
    quoted->subject = "out";
    finding_end(quoted, &line, &column);
    assert_int_equal(column, 22);
    struct finding *unknown = add_alloc_finding(&fixture->list, "f.c", 9, NULL);
    finding_end(unknown, &line, &column);
    assert_int_equal(line, 9);
    assert_int_equal(column, 5);
    struct finding *given = add_alloc_finding(&fixture->list, "f.c", 10, "    p[0] = 0;");
    given->end_line = 11;
    given->end_column = 2;
    finding_end(given, &line, &column);
    assert_int_equal(line, 11);
    assert_int_equal(column, 2);
}

static void test_relative_path(void **state)
{
    (void)state;
    assert_string_equal(report_relative_path("/a/b/c.c", "/a"), "b/c.c");
    assert_string_equal(report_relative_path("/a/b/c.c", "/a/"), "b/c.c");
    assert_string_equal(report_relative_path("/ab/c.c", "/a"), "/ab/c.c");
    assert_string_equal(report_relative_path("rel/c.c", "/a"), "rel/c.c");
    assert_string_equal(report_relative_path("/a/c.c", NULL), "/a/c.c");
}

static void test_rule_documentation_is_built_in(void **state)
{
    (void)state;
    const char *markdown = report_rule_documentation("unchecked-alloc");
    assert_non_null(markdown);
    assert_non_null(strstr(markdown, "# unchecked-alloc\n"));
    assert_non_null(strstr(markdown, "## What it finds"));
    assert_null(report_rule_documentation("no-such-rule"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formats_are_listed),
        cmocka_unit_test_setup_teardown(test_json_fields, set_up, tear_down),
        cmocka_unit_test_setup_teardown(test_json_repairs_invalid_utf8, set_up, tear_down),
        cmocka_unit_test_setup_teardown(test_sarif_run, set_up, tear_down),
        cmocka_unit_test_setup_teardown(test_github_lines, set_up, tear_down),
        cmocka_unit_test_setup_teardown(test_codeclimate_issues, set_up, tear_down),
        cmocka_unit_test_setup_teardown(test_fingerprint_ignores_lines_and_spacing, set_up,
                                        tear_down),
        cmocka_unit_test_setup_teardown(test_end_of_use, set_up, tear_down),
        cmocka_unit_test(test_relative_path),
        cmocka_unit_test(test_rule_documentation_is_built_in),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

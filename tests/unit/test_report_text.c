/*
 * test_report_text: the text format against golden strings, with and
 * without colour, and the format table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "report/report.h"

/* A finding as the alloc rule makes it: two located notes and advice. */
static void add_example(struct finding_list *list)
{
    struct finding *finding =
        finding_add(list, "unchecked-alloc", SEVERITY_WARNING, "src/buf.c", 12, 5,
                    "'buf' may be NULL here: it comes from malloc() and is not checked",
                    "    buf[0] = 'x';", "fill");
    finding_add_note(list, finding, "src/buf.c", 10, 17, "'buf' is assigned the result of malloc()",
                     "    char *buf = malloc(size);");
    finding_add_note(list, finding, "src/buf.c", 10, 17,
                     "malloc() returns NULL when allocation fails",
                     "    char *buf = malloc(size);");
    finding_add_note(list, finding, NULL, 0, 0, "add 'if (!buf) return -1;' before the use",
                     NULL);
}

static void render(const struct finding_list *list, bool color, struct string_buffer *out)
{
    const struct report_format *format = report_find_format("text");
    assert_non_null(format);
    struct report_options options = {.color = color, .tool_version = "test"};
    string_buffer_init(out);
    format->write(list, &options, out);
}

static void test_plain(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list list;
    finding_list_init(&list, &arena);
    add_example(&list);
    struct string_buffer out;
    render(&list, false, &out);
    assert_string_equal(
        string_buffer_text(&out),
        "src/buf.c:12:5: warning: 'buf' may be NULL here: it comes from malloc() and is not "
        "checked [unchecked-alloc]\n"
        "    buf[0] = 'x';\n"
        "    ^\n"
        "src/buf.c:10:17: note: 'buf' is assigned the result of malloc()\n"
        "    char *buf = malloc(size);\n"
        "                ^\n"
        "src/buf.c:10:17: note: malloc() returns NULL when allocation fails\n"
        "    char *buf = malloc(size);\n"
        "                ^\n"
        "src/buf.c:12:5: note: add 'if (!buf) return -1;' before the use\n");
    string_buffer_free(&out);
    arena_free(&arena);
}

static void test_color(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list list;
    finding_list_init(&list, &arena);
    add_example(&list);
    struct string_buffer out;
    render(&list, true, &out);
    assert_string_equal(
        string_buffer_text(&out),
        "\033[1msrc/buf.c:12:5: \033[0m\033[0;1;35mwarning: \033[0m\033[1m'buf' may be NULL "
        "here: it comes from malloc() and is not checked [unchecked-alloc]\033[0m\n"
        "    buf[0] = 'x';\n"
        "    \033[0;1;32m^\033[0m\n"
        "\033[1msrc/buf.c:10:17: \033[0m\033[0;36mnote: \033[0m'buf' is assigned the result of "
        "malloc()\n"
        "    char *buf = malloc(size);\n"
        "                \033[0;1;32m^\033[0m\n"
        "\033[1msrc/buf.c:10:17: \033[0m\033[0;36mnote: \033[0mmalloc() returns NULL when "
        "allocation fails\n"
        "    char *buf = malloc(size);\n"
        "                \033[0;1;32m^\033[0m\n"
        "\033[1msrc/buf.c:12:5: \033[0m\033[0;36mnote: \033[0madd 'if (!buf) return -1;' "
        "before the use\n");
    string_buffer_free(&out);
    arena_free(&arena);
}

static void test_clang_error_has_no_rule(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list list;
    finding_list_init(&list, &arena);
    finding_add(&list, "clang-diagnostic", SEVERITY_ERROR, "bad.c", 3, 1,
                "unknown type name 'strnig'", "strnig s;", NULL);
    struct string_buffer out;
    render(&list, false, &out);
    assert_string_equal(string_buffer_text(&out), "bad.c:3:1: error: unknown type name 'strnig'\n"
                                                  "strnig s;\n"
                                                  "^\n");
    string_buffer_free(&out);
    render(&list, true, &out);
    assert_string_equal(string_buffer_text(&out),
                        "\033[1mbad.c:3:1: \033[0m\033[0;1;31merror: \033[0m\033[1munknown type "
                        "name 'strnig'\033[0m\n"
                        "strnig s;\n"
                        "\033[0;1;32m^\033[0m\n");
    string_buffer_free(&out);
    arena_free(&arena);
}

static void test_caret_alignment(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list list;
    finding_list_init(&list, &arena);
    /* Tabs are kept; the two-byte 'é' takes one column on screen. */
    finding_add(&list, "null-deref", SEVERITY_WARNING, "t.c", 2, 5, "m", "\t\xc3\xa9 *p;", NULL);
    /* No source line: no caret either. */
    struct finding *bare =
        finding_add(&list, "null-deref", SEVERITY_WARNING, "t.c", 4, 2, "n", NULL, NULL);
    finding_add_note(&list, bare, "other.h", 1, 3, "declared here", NULL);
    struct string_buffer out;
    render(&list, false, &out);
    assert_string_equal(string_buffer_text(&out), "t.c:2:5: warning: m [null-deref]\n"
                                                  "\t\xc3\xa9 *p;\n"
                                                  "\t  ^\n"
                                                  "t.c:4:2: warning: n [null-deref]\n"
                                                  "other.h:1:3: note: declared here\n");
    string_buffer_free(&out);
    arena_free(&arena);
}

static void test_empty_list_prints_nothing(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list list;
    finding_list_init(&list, &arena);
    struct string_buffer out;
    render(&list, true, &out);
    assert_string_equal(string_buffer_text(&out), "");
    string_buffer_free(&out);
    arena_free(&arena);
}

/* clang -fdiagnostics-parseable-fixits: after the finding's snippet,
 * before its notes, with LLVM's escapes; only when asked for. */
static void test_parseable_fixits(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list list;
    finding_list_init(&list, &arena);
    struct finding *finding =
        finding_add(&list, "unchecked-alloc", SEVERITY_WARNING, "a \"b\".c", 6, 5,
                    "'p' may be NULL and is indexed", "    p[0] = 0;", "fill");
    finding_add_fixit(&list, finding, "a \"b\".c", 6, 1, 6, 1,
                      "\tif (p == NULL) return;\n");
    finding_add_fixit(&list, finding, NULL, 7, 2, 7, 4, "\\\xc3\xa9");
    finding_add_note(&list, finding, NULL, 0, 0, "advice", NULL);
    const struct report_format *format = report_find_format("text");
    struct report_options options = {.parseable_fixits = true};
    struct string_buffer out;
    string_buffer_init(&out);
    format->write(&list, &options, &out);
    assert_string_equal(string_buffer_text(&out),
                        "a \"b\".c:6:5: warning: 'p' may be NULL and is indexed [unchecked-alloc]\n"
                        "    p[0] = 0;\n"
                        "    ^\n"
                        "fix-it:\"a \\\"b\\\".c\":{6:1-6:1}:\"\\tif (p == NULL) return;\\n\"\n"
                        "fix-it:\"a \\\"b\\\".c\":{7:2-7:4}:\"\\\\\\303\\251\"\n"
                        "a \"b\".c:6:5: note: advice\n");
    string_buffer_free(&out);
    options.parseable_fixits = false;
    string_buffer_init(&out);
    format->write(&list, &options, &out);
    assert_null(strstr(string_buffer_text(&out), "fix-it:"));
    string_buffer_free(&out);
    arena_free(&arena);
}

static void test_format_table(void **state)
{
    (void)state;
    int count = 0;
    const struct report_format *formats = report_formats(&count);
    assert_true(count >= 1);
    assert_string_equal(formats[0].name, "text");
    assert_ptr_equal(report_find_format("text"), &formats[0]);
    assert_null(report_find_format("yaml-ish"));
    assert_null(report_find_format(""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_color),
        cmocka_unit_test(test_clang_error_has_no_rule),
        cmocka_unit_test(test_caret_alignment),
        cmocka_unit_test(test_empty_list_prints_nothing),
        cmocka_unit_test(test_parseable_fixits),
        cmocka_unit_test(test_format_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_suppress: the comment lexer (strings, characters, digit separators,
 * block comments), the directives it finds and the lines they cover, rule
 * matching, and suppressing findings read from a real file, with unused
 * suppressions reported.
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

#include "driver/suppress.h"

static void scan(const char *text, struct suppression_list *list)
{
    memset(list, 0, sizeof *list);
    suppress_scan(text, strlen(text), list);
}

static void test_ignore_forms(void **state)
{
    (void)state;
    struct suppression_list list;
    scan("int a = *p; // nullproof: ignore[null-deref]\n"
         "   // nullproof: ignore[unchecked-alloc , unchecked-lookup]  because\n"
         "int b = *q;\n"
         "int c = *r; /* nullproof:ignore */\n"
         "/* a block\n"
         "   nullproof: ignore[null-deref] */\n"
         "int d = *s;\n"
         "// nullproof: ignored, nullproof: ignore[\n"
         "int e; // xnullproof: ignore\n",
         &list);
    assert_int_equal(list.count, 4);
    struct suppression *item = &list.items[0];
    assert_int_equal(item->form, SUPPRESSION_IGNORE);
    assert_int_equal(item->line, 1);
    assert_int_equal(item->column, 16);
    assert_int_equal(item->first_line, 1);
    assert_int_equal(item->last_line, 1);
    assert_string_equal(item->text, "nullproof: ignore[null-deref]");
    assert_int_equal(item->name_count, 1);
    assert_string_equal(item->names[0], "null-deref");
    assert_true(item->names_nullproof);

    item = &list.items[1];
    assert_int_equal(item->first_line, 3); /* alone on its line: the next one */
    assert_int_equal(item->name_count, 2);
    assert_string_equal(item->names[0], "unchecked-alloc");
    assert_string_equal(item->names[1], "unchecked-lookup");

    item = &list.items[2];
    assert_int_equal(item->first_line, 4);
    assert_int_equal(item->name_count, 0); /* every rule */
    assert_string_equal(item->text, "nullproof:ignore");

    item = &list.items[3];
    assert_int_equal(item->line, 6);
    assert_int_equal(item->first_line, 7); /* after the comment's last line */
    suppression_list_free(&list);
}

static void test_nolint_forms(void **state)
{
    (void)state;
    struct suppression_list list;
    scan("int a = *p; // NOLINT\n"
         "int b = *p; // NOLINT(nullproof-null-deref, bugprone-*)\n"
         "// NOLINTNEXTLINE(nullproof-*)\n"
         "int c = *p;\n"
         "// NOLINTBEGIN(nullproof-unchecked-alloc)\n"
         "// NOLINTBEGIN\n"
         "int d;\n"
         "// NOLINTEND(nullproof-unchecked-alloc)\n"
         "int e; // NOLINTED is not a directive, nor is XNOLINT\n",
         &list);
    assert_int_equal(list.count, 5);
    assert_int_equal(list.items[0].form, SUPPRESSION_NOLINT);
    assert_int_equal(list.items[0].first_line, 1);
    assert_int_equal(list.items[0].name_count, 0);
    assert_false(list.items[0].names_nullproof);
    assert_int_equal(list.items[1].name_count, 2);
    assert_string_equal(list.items[1].names[1], "bugprone-*");
    assert_true(list.items[1].names_nullproof);
    assert_int_equal(list.items[2].form, SUPPRESSION_NOLINT_NEXT);
    assert_int_equal(list.items[2].first_line, 4);
    assert_int_equal(list.items[3].form, SUPPRESSION_NOLINT_BEGIN);
    assert_int_equal(list.items[3].first_line, 5);
    assert_int_equal(list.items[3].last_line, 8);
    /* the bare NOLINTBEGIN has no NOLINTEND: to the end of the file */
    assert_int_equal(list.items[4].first_line, 6);
    assert_true(list.items[4].last_line > 1000);
    suppression_list_free(&list);
}

static void test_literals_are_not_comments(void **state)
{
    (void)state;
    struct suppression_list list;
    scan("const char *a = \"// nullproof: ignore\";\n"
         "const char *b = \"\\\" /* NOLINT */\";\n"
         "char c = '\"'; char d = '\\''; // nullproof: ignore[null-deref]\n"
         "long e = 1'000'000; // NOLINT\n"
         "const char *f = u8\"// NOLINT\", *g = L\"/*\";\n"
         "int h = 0; /* NOLINTNEXTLINE */\n"
         "#define Q(x) #x // nullproof: ignore\n",
         &list);
    assert_int_equal(list.count, 4);
    assert_int_equal(list.items[0].line, 3);
    assert_int_equal(list.items[1].line, 4);
    assert_int_equal(list.items[2].line, 6);
    assert_int_equal(list.items[2].first_line, 7);
    assert_int_equal(list.items[3].line, 7);
    suppression_list_free(&list);

    /* an unterminated literal ends at its line */
    scan("char *x = \"open\n"
         "int y; // NOLINT\n"
         "/* never closed NOLINT",
         &list);
    assert_int_equal(list.count, 2);
    assert_int_equal(list.items[0].line, 2);
    assert_int_equal(list.items[1].line, 3);
    suppression_list_free(&list);
}

static void test_matching(void **state)
{
    (void)state;
    struct suppression_list list;
    scan("x; // nullproof: ignore[unchecked-alloc, null-deref]\n"
         "y; // NOLINT(nullproof-unchecked-*)\n"
         "z; // nullproof: ignore\n",
         &list);
    struct suppression *ignore = &list.items[0];
    assert_false(suppression_apply(ignore, "unchecked-alloc", 2));
    assert_false(suppression_apply(ignore, "unchecked-lookup", 1));
    assert_false(ignore->used);
    assert_true(suppression_apply(ignore, "unchecked-alloc", 1));
    assert_true(ignore->used);
    assert_true(ignore->name_used[0]);
    assert_false(ignore->name_used[1]);
    struct suppression *nolint = &list.items[1];
    assert_true(suppression_apply(nolint, "unchecked-lookup", 2));
    assert_false(suppression_apply(nolint, "null-deref", 2));
    assert_true(suppression_apply(&list.items[2], "check-after-deref", 3));
    suppression_list_free(&list);
}

static void test_findings(void **state)
{
    (void)state;
    char path[] = "/tmp/nullproof-suppress-XXXXXX";
    int descriptor = mkstemp(path);
    assert_true(descriptor >= 0);
    const char *source = "int f(char *p)\n"                                       /* 1 */
                         "{\n"                                                    /* 2 */
                         "    return *p; // nullproof: ignore[null-deref]\n"      /* 3 */
                         "}\n"                                                    /* 4 */
                         "int g(char *p) { return *p; } // NOLINT(nullproof-*)\n" /* 5 */
                         "int h(char *p) { return *p; }\n"                        /* 6 */
                         "// nullproof: ignore[unchecked-alloc]\n"                /* 7 */
                         "int i(void);\n";                                        /* 8 */
    assert_int_equal(write(descriptor, source, strlen(source)), (ssize_t)strlen(source));
    close(descriptor);

    struct arena arena;
    arena_init(&arena);
    struct finding_list findings;
    finding_list_init(&findings, &arena);
    finding_add(&findings, "null-deref", SEVERITY_WARNING, path, 3, 12, "a", NULL, "f");
    finding_add(&findings, "unchecked-lookup", SEVERITY_WARNING, path, 3, 12, "b", NULL, "f");
    finding_add(&findings, "null-deref", SEVERITY_WARNING, path, 5, 25, "c", NULL, "g");
    finding_add(&findings, "null-deref", SEVERITY_WARNING, path, 6, 25, "d", NULL, "h");
    finding_add(&findings, "clang-diagnostic", SEVERITY_ERROR, path, 5, 1, "e", NULL, NULL);

    struct suppress_file file = {path, true};
    assert_int_equal(suppress_findings(&findings, &file, 1), 2);
    assert_int_equal(findings.count, 4);
    int unused = 0;
    for (int i = 0; i < findings.count; i++) {
        const struct finding *finding = &findings.items[i];
        if (strcmp(finding->rule, UNUSED_SUPPRESSION_RULE) == 0) {
            unused++;
            assert_int_equal(finding->line, 7);
            assert_int_equal(finding->column, 4);
            assert_string_equal(finding->message,
                                "suppression 'nullproof: ignore[unchecked-alloc]' matches no "
                                "finding");
            assert_string_equal(finding->source_line, "// nullproof: ignore[unchecked-alloc]");
        } else {
            assert_true(finding->line != 3 || strcmp(finding->rule, "unchecked-lookup") == 0);
        }
    }
    assert_int_equal(unused, 1);

    /* without report_unused: nothing added */
    finding_list_init(&findings, &arena);
    file.report_unused = false;
    assert_int_equal(suppress_findings(&findings, &file, 1), 0);
    assert_int_equal(findings.count, 0);

    /* a file that cannot be read hides nothing */
    finding_list_init(&findings, &arena);
    finding_add(&findings, "null-deref", SEVERITY_WARNING, "/nonexistent.c", 1, 1, "x", NULL,
                NULL);
    assert_int_equal(suppress_findings(&findings, NULL, 0), 0);
    assert_int_equal(findings.count, 1);
    arena_free(&arena);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ignore_forms),
        cmocka_unit_test(test_nolint_forms),
        cmocka_unit_test(test_literals_are_not_comments),
        cmocka_unit_test(test_matching),
        cmocka_unit_test(test_findings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

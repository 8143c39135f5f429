/*
 * test_edits: fix-its applied to a text in memory: insertions at the start
 * of a line and at the end of the file, replacements, order, duplicates,
 * overlaps and positions outside the text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "driver/edits.h"

static const char TEXT[] = "int f(void)\n{\n    char *p = g();\n    return *p;\n}\n";

static struct text_edit insertion(unsigned line, unsigned column, const char *text)
{
    struct text_edit edit = {line, column, line, column, text, -1};
    return edit;
}

static char *apply(struct text_edit *edits, int count, int *applied)
{
    size_t length = 0;
    char *result = edits_apply(TEXT, sizeof TEXT - 1, edits, count, &length, applied);
    assert_int_equal(length, strlen(result));
    return result;
}

static void test_insert_after_a_line(void **state)
{
    (void)state;
    struct text_edit edits[] = {insertion(4, 1, "    if (p == NULL) return -1;\n")};
    int applied = 0;
    char *result = apply(edits, 1, &applied);
    assert_int_equal(applied, 1);
    assert_int_equal(edits[0].status, EDIT_APPLIED);
    assert_string_equal(result, "int f(void)\n{\n    char *p = g();\n"
                                "    if (p == NULL) return -1;\n    return *p;\n}\n");
    free(result);
}

static void test_order_and_duplicates(void **state)
{
    (void)state;
    /* given out of order, one twice; the same place keeps the given order */
    struct text_edit edits[] = {insertion(4, 1, "B\n"), insertion(2, 1, "A\n"),
                                insertion(4, 1, "B\n"), insertion(4, 1, "C\n")};
    int applied = 0;
    char *result = apply(edits, 4, &applied);
    assert_int_equal(applied, 3);
    assert_int_equal(edits[2].status, EDIT_DUPLICATE);
    assert_string_equal(result, "int f(void)\nA\n{\n    char *p = g();\nB\nC\n"
                                "    return *p;\n}\n");
    free(result);
}

static void test_replacement_and_overlap(void **state)
{
    (void)state;
    struct text_edit edits[] = {
        {3, 15, 3, 18, "h()", -1},  /* g() -> h() */
        {3, 16, 3, 17, "x", -1},    /* inside the first: refused */
        insertion(6, 1, "/* end */\n"), /* the end of the file */
    };
    int applied = 0;
    char *result = apply(edits, 3, &applied);
    assert_int_equal(applied, 2);
    assert_int_equal(edits[0].status, EDIT_APPLIED);
    assert_int_equal(edits[1].status, EDIT_OVERLAP);
    assert_int_equal(edits[2].status, EDIT_APPLIED);
    assert_string_equal(result, "int f(void)\n{\n    char *p = h();\n    return *p;\n}\n"
                                "/* end */\n");
    free(result);
}

static void test_outside_the_text(void **state)
{
    (void)state;
    struct text_edit edits[] = {insertion(7, 1, "x"), insertion(1, 13, "x"),
                                insertion(0, 1, "x"), {2, 1, 1, 1, "x", -1}};
    int applied = 0;
    char *result = apply(edits, 4, &applied);
    assert_int_equal(applied, 0);
    for (int i = 0; i < 4; i++)
        assert_int_equal(edits[i].status, EDIT_OUTSIDE);
    assert_string_equal(result, TEXT);
    free(result);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_insert_after_a_line),
        cmocka_unit_test(test_order_and_duplicates),
        cmocka_unit_test(test_replacement_and_overlap),
        cmocka_unit_test(test_outside_the_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

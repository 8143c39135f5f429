/*
 * test_finding: the finding list (copies, notes, growth), its sort order
 * and the driver's merge of several lists with duplicates removed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "driver/merge.h"
#include "report/finding.h"

static void test_add_copies_strings(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list list;
    finding_list_init(&list, &arena);
    char message[] = "first message";
    char file[] = "a.c";
    struct finding *finding = finding_add(&list, "null-deref", SEVERITY_WARNING, file, 3, 4,
                                          message, NULL, "main");
    finding_add_note(&list, finding, file, 1, 2, "note one", "line");
    finding_add_note(&list, finding, NULL, 0, 0, "advice", NULL);
    strcpy(message, "changed!");
    strcpy(file, "b.c");
    assert_int_equal(list.count, 1);
    assert_string_equal(list.items[0].message, "first message");
    assert_string_equal(list.items[0].file, "a.c");
    assert_string_equal(list.items[0].rule, "null-deref");
    assert_string_equal(list.items[0].function, "main");
    assert_null(list.items[0].source_line);
    assert_int_equal(list.items[0].severity, SEVERITY_WARNING);
    assert_int_equal(list.items[0].note_count, 2);
    assert_string_equal(list.items[0].notes[0].file, "a.c");
    assert_string_equal(list.items[0].notes[0].source_line, "line");
    assert_null(list.items[0].notes[1].file);
    assert_string_equal(list.items[0].notes[1].message, "advice");
    arena_free(&arena);
}

static void test_many_findings(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list list;
    finding_list_init(&list, &arena);
    for (unsigned i = 0; i < 5000; i++) {
        char message[32];
        snprintf(message, sizeof message, "m%u", i);
        finding_add(&list, "r", SEVERITY_WARNING, "f.c", 5000 - i, 1, message, NULL, NULL);
    }
    assert_int_equal(list.count, 5000);
    finding_list_sort(&list);
    for (int i = 0; i < list.count; i++)
        assert_int_equal(list.items[i].line, (unsigned)i + 1);
    assert_string_equal(list.items[0].message, "m4999");
    arena_free(&arena);
}

static void test_sort_order(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list list;
    finding_list_init(&list, &arena);
    finding_add(&list, "z-rule", SEVERITY_WARNING, "b.c", 1, 1, "m", NULL, NULL);
    finding_add(&list, "a-rule", SEVERITY_WARNING, "a.c", 10, 2, "m", NULL, NULL);
    finding_add(&list, "a-rule", SEVERITY_WARNING, "a.c", 9, 30, "m", NULL, NULL);
    finding_add(&list, "a-rule", SEVERITY_WARNING, "a.c", 10, 1, "m", NULL, NULL);
    finding_add(&list, "b-rule", SEVERITY_WARNING, "a.c", 10, 1, "a", NULL, NULL);
    finding_add(&list, "a-rule", SEVERITY_WARNING, "a.c", 10, 1, "b", NULL, NULL);
    finding_add(&list, "clang-diagnostic", SEVERITY_ERROR, NULL, 0, 0, "no place", NULL, NULL);
    finding_list_sort(&list);
    const char *expected[] = {
        "(null):0:0 clang-diagnostic no place", "a.c:9:30 a-rule m", "a.c:10:1 a-rule b",
        "a.c:10:1 a-rule m", "a.c:10:1 b-rule a", "a.c:10:2 a-rule m", "b.c:1:1 z-rule m",
    };
    assert_int_equal(list.count, 7);
    for (int i = 0; i < list.count; i++) {
        char text[128];
        snprintf(text, sizeof text, "%s:%u:%u %s %s",
                 list.items[i].file ? list.items[i].file : "(null)", list.items[i].line,
                 list.items[i].column, list.items[i].rule, list.items[i].message);
        assert_string_equal(text, expected[i]);
    }
    arena_free(&arena);
}

static void test_sort_is_stable(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list list;
    finding_list_init(&list, &arena);
    for (int i = 0; i < 50; i++) {
        struct finding *finding =
            finding_add(&list, "r", SEVERITY_WARNING, "x.c", (unsigned)(i % 3), 1, "same", NULL,
                        NULL);
        char note[16];
        snprintf(note, sizeof note, "%d", i);
        finding_add_note(&list, finding, NULL, 0, 0, note, NULL);
    }
    finding_list_sort(&list);
    int previous_line = -1, previous_order = -1;
    for (int i = 0; i < list.count; i++) {
        int order = atoi(list.items[i].notes[0].message);
        if ((int)list.items[i].line == previous_line)
            assert_true(order > previous_order);
        previous_line = (int)list.items[i].line;
        previous_order = order;
    }
    arena_free(&arena);
}

static void test_merge_deduplicates(void **state)
{
    (void)state;
    struct arena first_arena, second_arena, merged_arena;
    arena_init(&first_arena);
    arena_init(&second_arena);
    arena_init(&merged_arena);
    struct finding_list first, second, merged;
    finding_list_init(&first, &first_arena);
    finding_list_init(&second, &second_arena);
    finding_list_init(&merged, &merged_arena);
    /* The same header finding seen from two units, with different notes. */
    struct finding *from_first =
        finding_add(&first, "null-deref", SEVERITY_WARNING, "inc.h", 4, 9, "deref", NULL, NULL);
    finding_add_note(&first, from_first, NULL, 0, 0, "from first", NULL);
    finding_add(&first, "unchecked-alloc", SEVERITY_WARNING, "a.c", 7, 3, "alloc", NULL, NULL);
    struct finding *from_second =
        finding_add(&second, "null-deref", SEVERITY_WARNING, "inc.h", 4, 9, "deref", NULL, NULL);
    finding_add_note(&second, from_second, NULL, 0, 0, "from second", NULL);
    finding_add(&second, "unchecked-alloc", SEVERITY_WARNING, "b.c", 1, 1, "alloc", NULL, NULL);
    /* Same place, another rule or message: distinct findings. */
    finding_add(&second, "check-after-deref", SEVERITY_WARNING, "inc.h", 4, 9, "deref", NULL,
                NULL);
    finding_add(&second, "null-deref", SEVERITY_WARNING, "inc.h", 4, 9, "other", NULL, NULL);

    const struct finding_list *lists[] = {&second, &first};
    findings_merge(lists, 2, &merged);
    assert_int_equal(merged.count, 5);
    assert_string_equal(merged.items[0].file, "a.c");
    assert_string_equal(merged.items[1].file, "b.c");
    assert_string_equal(merged.items[2].rule, "check-after-deref");
    assert_string_equal(merged.items[3].rule, "null-deref");
    assert_string_equal(merged.items[3].message, "deref");
    /* The first list given wins, whatever finished first. */
    assert_string_equal(merged.items[3].notes[0].message, "from second");
    assert_string_equal(merged.items[4].message, "other");
    arena_free(&merged_arena);
    arena_free(&first_arena);
    arena_free(&second_arena);
}

static void test_merge_nothing(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct finding_list merged;
    finding_list_init(&merged, &arena);
    findings_merge(NULL, 0, &merged);
    assert_int_equal(merged.count, 0);
    arena_free(&arena);
}

static void test_severity_names(void **state)
{
    (void)state;
    assert_string_equal(severity_name(SEVERITY_NOTE), "note");
    assert_string_equal(severity_name(SEVERITY_WARNING), "warning");
    assert_string_equal(severity_name(SEVERITY_ERROR), "error");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_copies_strings),
        cmocka_unit_test(test_many_findings),
        cmocka_unit_test(test_sort_order),
        cmocka_unit_test(test_sort_is_stable),
        cmocka_unit_test(test_merge_deduplicates),
        cmocka_unit_test(test_merge_nothing),
        cmocka_unit_test(test_severity_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

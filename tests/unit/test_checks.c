/*
 * Unit tests of the rule registry and of how events become findings:
 * which rule owns which event, the message and the notes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "checks/checks.h"
#include "checks/describe.h"

static struct source_location at(unsigned line, unsigned column)
{
    struct source_location location = {"demo.c", line, column, NULL};
    return location;
}

struct run {
    struct arena arena;
    struct finding_list findings;
};

static void run_events(struct run *run, struct analysis_event *events, int count)
{
    arena_init(&run->arena);
    finding_list_init(&run->findings, &run->arena);
    struct analysis_result result = {events, count, count, NULL, 0};
    checks_run(&result, NULL, SUGGEST_FIX, &run->findings);
}

static void test_registry_sorted_and_found(void **state)
{
    (void)state;
    int count = 0;
    const struct rule_info *rules = checks_rules(&count);
    int listed = 0;
#define RULE(name, id, summary) listed++;
#include "checks/rule_table.h"
#undef RULE
    assert_int_equal(count, listed);
    for (int i = 1; i < count; i++)
        assert_true(strcmp(rules[i - 1].id, rules[i].id) < 0);
    assert_non_null(checks_find("unchecked-alloc"));
    assert_non_null(checks_find("check-after-deref"));
    assert_null(checks_find("no-such-rule"));
    for (int i = 0; i < count; i++) {
        size_t length = strlen(rules[i].summary);
        assert_true(length > 10);
        assert_int_equal(rules[i].summary[length - 1], '.');
    }
}

static void test_alloc_event_becomes_unchecked_alloc(void **state)
{
    (void)state;
    struct null_origin origin;
    memset(&origin, 0, sizeof origin);
    origin.kind = ORIGIN_ALLOC;
    origin.how = HOW_PACK_RESULT;
    origin.location = at(3, 17);
    origin.callee = origin.pack_name = "malloc";
    origin.pack_reason = "returns NULL when allocation fails";
    origin.path_text = "buf";
    struct analysis_event event;
    memset(&event, 0, sizeof event);
    event.kind = EVENT_UNSAFE_USE;
    event.function = "load";
    event.location = at(4, 5);
    event.path_text = "buf";
    event.sink = SINK_INDEX;
    event.origin = &origin;
    struct run run;
    run_events(&run, &event, 1);
    assert_int_equal(run.findings.count, 1);
    const struct finding *finding = &run.findings.items[0];
    assert_string_equal(finding->rule, "unchecked-alloc");
    assert_string_equal(finding->message, "'buf' may be NULL and is indexed");
    assert_int_equal(finding->line, 4);
    assert_int_equal(finding->note_count, 3); /* origin, fix, pattern (--suggest fix) */
    assert_string_equal(finding->notes[0].message,
                        "'buf' may be NULL: malloc() returns NULL when allocation fails");
    assert_int_equal(finding->notes[0].line, 3);
    assert_null(finding->notes[1].file); /* advice at the finding itself */
    assert_non_null(strstr(finding->notes[1].message, "if (buf == NULL)"));
    assert_null(finding->notes[2].file);
    assert_non_null(strstr(finding->notes[2].message, "xmalloc()"));
    assert_int_equal(finding->fixit_count, 0); /* no statement known to follow */
    arena_free(&run.arena);
}

static void test_null_flow_goes_to_null_deref(void **state)
{
    (void)state;
    struct null_origin checked, lookup;
    memset(&checked, 0, sizeof checked);
    memset(&lookup, 0, sizeof lookup);
    checked.kind = ORIGIN_NULL_CHECK;
    checked.how = HOW_TESTED;
    checked.location = at(8, 9);
    checked.path_text = "p";
    lookup.kind = ORIGIN_LOOKUP;
    lookup.how = HOW_PACK_RESULT;
    lookup.location = at(2, 9);
    lookup.callee = lookup.pack_name = "getenv";
    lookup.pack_reason = "returns NULL when the variable is not set";
    lookup.path_text = "home";
    struct analysis_event events[2];
    memset(events, 0, sizeof events);
    events[0].kind = EVENT_UNSAFE_USE;
    events[0].location = at(10, 5);
    events[0].path_text = "p";
    events[0].sink = SINK_ARROW;
    events[0].origin = &checked;
    events[1].kind = EVENT_UNSAFE_USE;
    events[1].location = at(12, 20);
    events[1].path_text = "home";
    events[1].sink = SINK_ARGUMENT;
    events[1].callee = "strlen";
    events[1].argument_index = 0;
    events[1].origin = &lookup;
    struct run run;
    run_events(&run, events, 2);
    assert_int_equal(run.findings.count, 2);
    int null_deref = strcmp(run.findings.items[0].rule, "null-deref") == 0 ? 0 : 1;
    assert_string_equal(run.findings.items[null_deref].rule, "null-deref");
    assert_string_equal(run.findings.items[null_deref].message,
                        "'p' is NULL on some paths and is dereferenced with '->'");
    assert_string_equal(run.findings.items[1 - null_deref].rule, "unchecked-lookup");
    assert_string_equal(run.findings.items[1 - null_deref].message,
                        "'home' may be NULL and is passed to strlen(), whose argument 1 must "
                        "not be NULL");
    arena_free(&run.arena);
}

/* Every way a NULL comes about has its sentence (the analysis gives data,
 * describe.c the words). */
static void test_origin_sentences(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct null_origin origin;
    memset(&origin, 0, sizeof origin);
    origin.path_text = "p";
    origin.callee = "find";
    struct {
        enum origin_how how;
        enum origin_kind kind;
        const char *expected;
    } cases[] = {
        {HOW_UNIT_FUNCTION, ORIGIN_LOOKUP, "find() returns NULL when nothing matches"},
        {HOW_UNIT_FUNCTION, ORIGIN_NULLABLE, "find() returns NULL on some paths"},
        {HOW_DECLARED_RESULT, ORIGIN_NULLABLE, "find() is declared to return a nullable pointer"},
        {HOW_DECLARED, ORIGIN_NULLABLE, "'p' is declared _Nullable here"},
        {HOW_ASSIGNED, ORIGIN_NULL_CONSTANT, "'p' is assigned NULL here"},
        {HOW_TESTED, ORIGIN_NULL_CHECK, "'p' is tested against NULL here, so it may be NULL"},
        {HOW_RETURNED_ARGUMENT, ORIGIN_NULL_CONSTANT, "NULL is passed to find(), which returns it"},
        {HOW_NULL_ARGUMENT, ORIGIN_NULL_CONSTANT, "NULL is passed directly"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        origin.how = cases[i].how;
        origin.kind = cases[i].kind;
        assert_string_equal(describe_origin(&origin, &arena), cases[i].expected);
    }
    origin.how = HOW_UNIT_FUNCTION;
    origin.kind = ORIGIN_ALLOC;
    origin.failing = "malloc";
    assert_string_equal(describe_origin(&origin, &arena),
                        "find() returns NULL when malloc() fails");
    origin.how = HOW_LEFT_BY_CALL;
    origin.nulled_text = "cache->head";
    assert_string_equal(describe_origin(&origin, &arena), "find() leaves 'cache->head' NULL");
    origin.how = HOW_PACK_LEFT;
    origin.pack_name = "HASH_FIND";
    assert_string_equal(describe_origin(&origin, &arena), "HASH_FIND() may leave it NULL");
    origin.how = HOW_PACK_RESULT;
    origin.pack_reason = "returns NULL when the key is absent";
    assert_string_equal(describe_origin(&origin, &arena),
                        "HASH_FIND() returns NULL when the key is absent");
    arena_free(&arena);
}

static void test_disabled_rule_is_silent(void **state)
{
    (void)state;
    struct analysis_event event;
    memset(&event, 0, sizeof event);
    event.kind = EVENT_CHECK_AFTER_DEREF;
    event.location = at(7, 9);
    event.dereference = at(5, 5);
    event.path_text = "node";
    int rule_count = 0;
    const struct rule_info *rules = checks_rules(&rule_count);
    bool enabled[64];
    assert_true(rule_count <= 64);
    for (int i = 0; i < rule_count; i++)
        enabled[i] = true;
    int late_check = (int)(checks_find("check-after-deref") - rules);
    enabled[late_check] = false;
    struct arena arena;
    arena_init(&arena);
    struct finding_list findings;
    finding_list_init(&findings, &arena);
    struct analysis_result result = {&event, 1, 1, NULL, 0};
    checks_run(&result, enabled, SUGGEST_FIX, &findings);
    assert_int_equal(findings.count, 0);
    enabled[late_check] = true;
    checks_run(&result, enabled, SUGGEST_FIX, &findings);
    assert_int_equal(findings.count, 1);
    assert_string_equal(findings.items[0].message,
                        "'node' is tested against NULL after it was already dereferenced");
    assert_int_equal(findings.items[0].notes[0].line, 5);
    arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_registry_sorted_and_found),
        cmocka_unit_test(test_alloc_event_becomes_unchecked_alloc),
        cmocka_unit_test(test_null_flow_goes_to_null_deref),
        cmocka_unit_test(test_origin_sentences),
        cmocka_unit_test(test_disabled_rule_is_silent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

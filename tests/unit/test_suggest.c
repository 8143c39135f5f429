/*
 * test_suggest: the advice on findings: how a function gives up, names of
 * Option / Result types, parameter lists, the fix and pattern notes at
 * each --suggest level, and the fix-it (where it goes, what it inserts,
 * when there is none).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "checks/suggest.h"

static struct source_location at(unsigned line, unsigned column)
{
    struct source_location location = {"demo.c", line, column, NULL};
    return location;
}

/* A function `name` with the given result kind and parameters (paths 0..).
 * Its paths: the parameters, then "contact" (a local), then "found". */
struct fake_function {
    struct ir_function function;
    struct access_path paths[8];
    int parameter_paths[4];
    struct ir_call_assignment assignment;
    struct ir_label labels[2];
    struct ir_goto gotos[2];
    struct cfg_block blocks[3];
};

static void fake_init(struct fake_function *fake, const char *name, enum return_kind kind)
{
    memset(fake, 0, sizeof *fake);
    fake->function.name = name;
    fake->function.return_kind = kind;
    fake->function.paths = fake->paths;
    fake->function.parameter_paths = fake->parameter_paths;
}

static int fake_path(struct fake_function *fake, const char *text, const char *type,
                     bool parameter)
{
    int id = fake->function.path_count++;
    struct access_path *path = &fake->paths[id];
    path->parent = -1;
    path->text = text;
    path->name = text;
    path->type = type;
    path->parameter_index = -1;
    path->root_kind = parameter ? VARIABLE_PARAMETER : VARIABLE_LOCAL;
    if (parameter) {
        path->parameter_index = fake->function.parameter_count;
        fake->parameter_paths[fake->function.parameter_count++] = id;
    }
    return id;
}

static void test_levels_parse(void **state)
{
    (void)state;
    enum suggest_level level = SUGGEST_FIX;
    assert_true(suggest_parse_level("none", &level));
    assert_int_equal(level, SUGGEST_NONE);
    assert_true(suggest_parse_level("full", &level));
    assert_int_equal(level, SUGGEST_FULL);
    assert_true(suggest_parse_level("fix", &level));
    assert_int_equal(level, SUGGEST_FIX);
    assert_false(suggest_parse_level("FULL", &level));
    assert_false(suggest_parse_level("", &level));
}

static void test_type_names(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    assert_string_equal(suggest_type_name("struct contact *", "_opt", &arena), "contact_opt");
    assert_string_equal(suggest_type_name("const struct user *const", "_opt", &arena),
                        "user_opt");
    assert_string_equal(suggest_type_name("FILE *", "_result", &arena), "file_result");
    assert_string_equal(suggest_type_name("const char *", "_opt", &arena), "string_opt");
    assert_string_equal(suggest_type_name("unsigned char *", "_opt", &arena), "string_opt");
    assert_string_equal(suggest_type_name("void *", "_result", &arena), "pointer_result");
    assert_string_equal(suggest_type_name("json_t *", "_opt", &arena), "json_opt");
    assert_string_equal(suggest_type_name("struct tm *_Nullable", "_result", &arena),
                        "tm_result");
    assert_string_equal(suggest_type_name(NULL, "_opt", &arena), "value_opt");
    arena_free(&arena);
}

static void test_handling_by_result_type(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct fake_function fake;
    fake_init(&fake, "lookup", RETURN_POINTER);
    assert_string_equal(suggest_handling(&fake.function, 5, &arena), "return NULL;");
    fake.function.returns_nonnull = true; /* NULL is no answer */
    assert_null(suggest_handling(&fake.function, 5, &arena));
    fake_init(&fake, "load", RETURN_INTEGER);
    assert_string_equal(suggest_handling(&fake.function, 5, &arena), "return -1;");
    fake_init(&fake, "main", RETURN_INTEGER);
    assert_string_equal(suggest_handling(&fake.function, 5, &arena), "return 1;");
    fake_init(&fake, "count", RETURN_UNSIGNED);
    assert_string_equal(suggest_handling(&fake.function, 5, &arena), "return 0;");
    fake_init(&fake, "ready", RETURN_BOOL);
    assert_string_equal(suggest_handling(&fake.function, 5, &arena), "return false;");
    fake_init(&fake, "show", RETURN_VOID);
    assert_string_equal(suggest_handling(&fake.function, 5, &arena), "return;");
    fake_init(&fake, "point", RETURN_OTHER);
    assert_null(suggest_handling(&fake.function, 5, &arena));
    assert_null(suggest_handling(NULL, 5, &arena));
    arena_free(&arena);
}

/* An int function that answers yes or no gives up with 0, not -1 (true). */
static void test_handling_of_a_predicate(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct fake_function fake;
    fake_init(&fake, "valid_email", RETURN_INTEGER);
    fake.function.blocks = fake.blocks;
    fake.function.block_count = 2;
    fake.blocks[0].terminator = TERMINATOR_RETURN;
    fake.blocks[0].has_return_value = true;
    fake.blocks[0].returned = (struct ir_value){VALUE_INTEGER, -1, 0};
    fake.blocks[1].terminator = TERMINATOR_RETURN;
    fake.blocks[1].has_return_value = true;
    fake.blocks[1].returned = (struct ir_value){VALUE_NULL_TEST, 0, 0};
    assert_string_equal(suggest_handling(&fake.function, 5, &arena), "return 0;");
    fake.blocks[1].returned = (struct ir_value){VALUE_INTEGER, -1, -1}; /* a status */
    assert_string_equal(suggest_handling(&fake.function, 5, &arena), "return -1;");
    fake.blocks[1].returned = (struct ir_value){VALUE_INTEGER, -1, 0}; /* only 0: a status */
    assert_string_equal(suggest_handling(&fake.function, 5, &arena), "return -1;");
    arena_free(&arena);
}

static void test_handling_jumps_to_cleanup(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct fake_function fake;
    fake_init(&fake, "load", RETURN_INTEGER);
    fake.function.labels = fake.labels;
    fake.function.label_count = 2;
    fake.labels[0] = (struct ir_label){"err_close", at(30, 1)};
    fake.labels[1] = (struct ir_label){"err_free", at(32, 1)};
    fake.function.gotos = fake.gotos;
    fake.function.goto_count = 2;
    fake.gotos[0] = (struct ir_goto){"err_free", at(10, 9)};
    fake.gotos[1] = (struct ir_goto){"err_close", at(20, 9)};
    /* the nearest goto before the spot says what exists by then */
    assert_string_equal(suggest_handling(&fake.function, 15, &arena), "goto err_free;");
    assert_string_equal(suggest_handling(&fake.function, 25, &arena), "goto err_close;");
    /* none before: the first one after */
    assert_string_equal(suggest_handling(&fake.function, 5, &arena), "goto err_free;");
    /* labels before the spot are no cleanup for it */
    assert_string_equal(suggest_handling(&fake.function, 33, &arena), "return -1;");
    /* "again" is not a cleanup name */
    fake.labels[0].name = fake.gotos[1].label = "again";
    assert_string_equal(suggest_handling(&fake.function, 25, &arena), "goto err_free;");
    fake.labels[1].name = fake.gotos[0].label = "retry";
    assert_string_equal(suggest_handling(&fake.function, 25, &arena), "return -1;");
    arena_free(&arena);
}

static void test_parameters(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct fake_function fake;
    fake_init(&fake, "store_find", RETURN_POINTER);
    assert_string_equal(suggest_parameters(&fake.function, &arena), "void");
    fake_path(&fake, "store", "struct store *", true);
    fake_path(&fake, "name", "const char *", true);
    fake_path(&fake, "limit", "int", true);
    assert_string_equal(suggest_parameters(&fake.function, &arena),
                        "struct store *store, const char *name, int limit");
    fake.paths[2].type = "int (*)(void)";
    assert_string_equal(suggest_parameters(&fake.function, &arena), "...");
    assert_string_equal(suggest_parameters(NULL, &arena), "...");
    arena_free(&arena);
}

struct run {
    struct arena arena;
    struct finding_list findings;
};

static const struct finding *run_event(struct run *run, const struct analysis_event *event,
                                       enum suggest_level level)
{
    arena_init(&run->arena);
    finding_list_init(&run->findings, &run->arena);
    struct analysis_result result = {(struct analysis_event *)event, 1, 1, NULL, 0};
    checks_run(&result, NULL, level, &run->findings);
    assert_int_equal(run->findings.count, 1);
    return &run->findings.items[0];
}

/* The advice notes (no location) of a finding, joined with " | ". */
static const char *advice(const struct finding *finding, struct arena *arena)
{
    const char *text = "";
    for (int i = 0; i < finding->note_count; i++)
        if (!finding->notes[i].file)
            text = arena_printf(arena, "%s%s%s", text, text[0] ? " | " : "",
                                finding->notes[i].message);
    return text;
}

/* `contact = store_find(store, name)` in set_email(), used unchecked. */
struct lookup_case {
    struct fake_function caller;
    struct fake_function callee;
    struct null_origin origin;
    struct analysis_event event;
};

static void lookup_case_init(struct lookup_case *lookup)
{
    fake_init(&lookup->callee, "store_find", RETURN_POINTER);
    fake_path(&lookup->callee, "store", "struct store *", true);
    fake_path(&lookup->callee, "name", "const char *", true);
    fake_init(&lookup->caller, "set_email", RETURN_INTEGER);
    fake_path(&lookup->caller, "store", "struct store *", true);
    int contact = fake_path(&lookup->caller, "contact", "struct contact *", false);
    lookup->caller.assignment = (struct ir_call_assignment){at(126, 31), contact, 126, "    "};
    lookup->caller.function.call_assignments = &lookup->caller.assignment;
    lookup->caller.function.call_assignment_count = 1;
    memset(&lookup->origin, 0, sizeof lookup->origin);
    lookup->origin.kind = ORIGIN_LOOKUP;
    lookup->origin.location = at(126, 31);
    lookup->origin.callee = "store_find";
    lookup->origin.how = HOW_UNIT_FUNCTION;
    lookup->origin.path_text = "store_find()";
    lookup->origin.type = "struct contact *";
    lookup->origin.variable = "contact";
    lookup->origin.assignment = &lookup->caller.assignment;
    lookup->origin.callee_function = &lookup->callee.function;
    memset(&lookup->event, 0, sizeof lookup->event);
    lookup->event.kind = EVENT_UNSAFE_USE;
    lookup->event.function = "set_email";
    lookup->event.function_info = &lookup->caller.function;
    lookup->event.location = at(127, 10);
    lookup->event.path_text = "contact";
    lookup->event.sink = SINK_ARROW;
    lookup->event.origin = &lookup->origin;
}

static void test_lookup_fix_and_fixit(void **state)
{
    (void)state;
    struct lookup_case lookup;
    lookup_case_init(&lookup);
    struct run run;
    const struct finding *finding = run_event(&run, &lookup.event, SUGGEST_FIX);
    assert_string_equal(finding->rule, "unchecked-lookup");
    assert_string_equal(advice(finding, &run.arena),
                        "add a NULL check after 'contact' is assigned on line 126: "
                        "'if (contact == NULL) return -1;' (nullproof --fix inserts it) | "
                        "or make absence part of the type: have store_find() return an "
                        "Option, 'contact_opt' (NP_OPTION_DECLARE in nullproof/option.h), or "
                        "use 'bool store_find(..., struct contact **out)'");
    assert_int_equal(finding->fixit_count, 1);
    const struct finding_fixit *fixit = &finding->fixits[0];
    assert_string_equal(fixit->file, "demo.c");
    assert_int_equal(fixit->line, 127); /* the line after the assignment, column 1 */
    assert_int_equal(fixit->column, 1);
    assert_int_equal(fixit->end_line, 127);
    assert_int_equal(fixit->end_column, 1);
    assert_string_equal(fixit->replacement, "    if (contact == NULL) return -1;\n");
    arena_free(&run.arena);
}

static void test_lookup_full_and_none(void **state)
{
    (void)state;
    struct lookup_case lookup;
    lookup_case_init(&lookup);
    struct run run;
    const struct finding *finding = run_event(&run, &lookup.event, SUGGEST_FULL);
    const char *text = advice(finding, &run.arena);
    assert_non_null(strstr(text, "'NP_OPTION_DECLARE(contact_opt, struct contact *)' makes "
                                 "'typedef struct { bool some; struct contact *value; } "
                                 "contact_opt;'"));
    assert_non_null(strstr(text, "return it: 'contact_opt store_find(struct store *store, "
                                 "const char *name)', with 'return contact_opt_none();'"));
    assert_non_null(strstr(text, "'contact_opt contact = store_find(...); if (!contact.some) "
                                 "...', then read 'contact.value'"));
    arena_free(&run.arena);

    finding = run_event(&run, &lookup.event, SUGGEST_NONE);
    assert_int_equal(finding->note_count, 1); /* where the NULL comes from, nothing more */
    assert_int_equal(finding->fixit_count, 1); /* --fix works whatever is printed */
    arena_free(&run.arena);
}

static void test_no_fixit_without_a_safe_spot(void **state)
{
    (void)state;
    struct lookup_case lookup;
    lookup_case_init(&lookup);
    struct run run;
    /* a function with no value that means "failed": advice only */
    lookup.caller.function.return_kind = RETURN_OTHER;
    const struct finding *finding = run_event(&run, &lookup.event, SUGGEST_FIX);
    assert_int_equal(finding->fixit_count, 0);
    assert_non_null(strstr(advice(finding, &run.arena),
                           "'if (contact == NULL) { /* handle the NULL case */ }'"));
    arena_free(&run.arena);
    /* the call comes from a macro */
    lookup.caller.function.return_kind = RETURN_INTEGER;
    lookup.origin.location.macro = "FIND";
    finding = run_event(&run, &lookup.event, SUGGEST_FIX);
    assert_int_equal(finding->fixit_count, 0);
    arena_free(&run.arena);
    /* the statement is another function's */
    lookup.origin.location.macro = NULL;
    lookup.event.function_info = &lookup.callee.function;
    finding = run_event(&run, &lookup.event, SUGGEST_FIX);
    assert_int_equal(finding->fixit_count, 0);
    arena_free(&run.arena);
}

static void test_sources_get_their_pattern(void **state)
{
    (void)state;
    struct lookup_case lookup;
    lookup_case_init(&lookup);
    struct run run;
    /* fopen() into a temporary: a Result, and the call kept in a variable */
    lookup.origin.kind = ORIGIN_NULLABLE;
    lookup.origin.callee = "fopen";
    lookup.origin.type = "FILE *";
    lookup.origin.variable = NULL;
    lookup.origin.assignment = NULL;
    lookup.origin.callee_function = NULL;
    lookup.event.path_text = "fopen()";
    lookup.event.sink = SINK_ARGUMENT;
    lookup.event.callee = "fputs";
    lookup.event.argument_index = 1;
    const struct finding *finding = run_event(&run, &lookup.event, SUGGEST_FIX);
    assert_string_equal(advice(finding, &run.arena),
                        "keep fopen()'s result in a variable and test it before this use: "
                        "'FILE *value = fopen(...); if (value == NULL) return -1;' | or wrap "
                        "fopen() in a function that returns a Result carrying errno, "
                        "'file_result' (NP_RESULT_DECLARE in nullproof/option.h)");
    assert_int_equal(finding->fixit_count, 0);
    arena_free(&run.arena);
    finding = run_event(&run, &lookup.event, SUGGEST_FULL);
    assert_non_null(strstr(advice(finding, &run.arena),
                           "'NP_RESULT_DECLARE(file_result, FILE *, int)' makes 'typedef "
                           "struct { bool ok; union { FILE *value; int error; }; } "
                           "file_result;'"));
    arena_free(&run.arena);

    /* realloc() straight into a field: keep the old block */
    lookup.origin.kind = ORIGIN_ALLOC;
    lookup.origin.callee = "realloc";
    lookup.origin.type = "void *";
    lookup.event.path_text = "store->items";
    lookup.event.sink = SINK_INDEX;
    finding = run_event(&run, &lookup.event, SUGGEST_FIX);
    assert_string_equal(finding->rule, "unchecked-alloc");
    assert_string_equal(advice(finding, &run.arena),
                        "keep realloc()'s result in a variable of its own and test it before "
                        "it replaces 'store->items', which still holds the old block if it "
                        "fails: 'void *grown = realloc(...); if (grown == NULL) return -1; "
                        "store->items = grown;' | or allocate with a wrapper that never "
                        "returns NULL, 'xrealloc()', which aborts when memory runs out as Rust "
                        "does; or return a Result, 'pointer_result' (NP_RESULT_DECLARE in "
                        "nullproof/option.h), where the caller can recover");
    arena_free(&run.arena);
    finding = run_event(&run, &lookup.event, SUGGEST_FULL);
    assert_non_null(strstr(advice(finding, &run.arena),
                           "'void *xrealloc(void *pointer, size_t size)' calls realloc() and "
                           "abort()s when it fails"));
    arena_free(&run.arena);

    /* a NULL the code assigned: an Option for the variable */
    lookup.origin.kind = ORIGIN_NULL_CONSTANT;
    lookup.origin.callee = NULL;
    lookup.origin.type = "const char *";
    lookup.event.path_text = "field";
    finding = run_event(&run, &lookup.event, SUGGEST_FIX);
    assert_string_equal(finding->rule, "null-deref");
    assert_string_equal(advice(finding, &run.arena),
                        "make sure 'field' is not NULL on every path that reaches this use, or "
                        "test it here: 'if (field == NULL) return -1;' | or make the absence "
                        "explicit: keep 'field' in an Option, 'string_opt' (NP_OPTION_DECLARE "
                        "in nullproof/option.h), and read its '.value' only where '.some' is "
                        "true");
    assert_int_equal(finding->fixit_count, 0); /* only sources' results get fix-its */
    arena_free(&run.arena);
}

static void test_late_check_advice(void **state)
{
    (void)state;
    struct fake_function fake;
    fake_init(&fake, "store_add", RETURN_INTEGER);
    fake_path(&fake, "store", "struct store *", true);
    struct analysis_event event;
    memset(&event, 0, sizeof event);
    event.kind = EVENT_CHECK_AFTER_DEREF;
    event.function = "store_add";
    event.function_info = &fake.function;
    event.location = at(98, 9);
    event.dereference = at(97, 21);
    event.path_text = "store";
    struct run run;
    const struct finding *finding = run_event(&run, &event, SUGGEST_FIX);
    assert_string_equal(advice(finding, &run.arena),
                        "if 'store' can be NULL, test it before its first dereference on line "
                        "97, e.g. 'if (store == NULL) return -1;'; if it cannot, remove this "
                        "test | or, if callers must never pass NULL, make that the contract: "
                        "declare store_add() with '__attribute__((nonnull(1)))' (like a Rust "
                        "reference, never absent) and remove the test");
    arena_free(&run.arena);
    finding = run_event(&run, &event, SUGGEST_FULL);
    assert_non_null(strstr(advice(finding, &run.arena),
                           "or the parameter as 'struct store *_Nonnull store'"));
    arena_free(&run.arena);
}

static void test_variant_advice(void **state)
{
    (void)state;
    struct fake_function fake;
    fake_init(&fake, "greet", RETURN_INTEGER);
    struct analysis_event event;
    memset(&event, 0, sizeof event);
    event.kind = EVENT_UNCHECKED_VARIANT;
    event.function = "greet";
    event.function_info = &fake.function;
    event.location = at(12, 18);
    event.path_text = "found.value";
    event.tag_text = "found.some";
    event.tag_required = true;
    event.value_type = "user_opt";
    struct run run;
    const struct finding *finding = run_event(&run, &event, SUGGEST_FIX);
    assert_string_equal(advice(finding, &run.arena),
                        "test 'found.some' first: 'if (!found.some) return -1;' before this "
                        "line, or read it inside 'if (found.some)' | or use the checked "
                        "accessors of nullproof/option.h: 'user_opt_unwrap_or(found, "
                        "fallback)', or 'user_opt_expect(found, \"why it is there\")', which "
                        "aborts on none");
    arena_free(&run.arena);
    /* a Result read through a pointer, its error read where ok may hold */
    event.path_text = "r->error";
    event.tag_text = "r->ok";
    event.tag_required = false;
    event.value_type = "const file_result *";
    finding = run_event(&run, &event, SUGGEST_FIX);
    assert_string_equal(advice(finding, &run.arena),
                        "read it only where 'r->ok' is false: 'if (r->ok) return -1;' before "
                        "this line, or read it inside 'if (!r->ok)' | or branch once on "
                        "'r->ok' with if/else, reading '.value' on one side and '.error' on "
                        "the other, as Rust's match does");
    arena_free(&run.arena);
    event.path_text = "r->value";
    event.tag_required = true;
    finding = run_event(&run, &event, SUGGEST_FIX);
    assert_non_null(strstr(advice(finding, &run.arena),
                           "'file_result_value_or(*r, fallback)'"));
    arena_free(&run.arena);
    finding = run_event(&run, &event, SUGGEST_NONE);
    assert_int_equal(finding->note_count, 0);
    arena_free(&run.arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_levels_parse),
        cmocka_unit_test(test_type_names),
        cmocka_unit_test(test_handling_by_result_type),
        cmocka_unit_test(test_handling_of_a_predicate),
        cmocka_unit_test(test_handling_jumps_to_cleanup),
        cmocka_unit_test(test_parameters),
        cmocka_unit_test(test_lookup_fix_and_fixit),
        cmocka_unit_test(test_lookup_full_and_none),
        cmocka_unit_test(test_no_fixit_without_a_safe_spot),
        cmocka_unit_test(test_sources_get_their_pattern),
        cmocka_unit_test(test_late_check_advice),
        cmocka_unit_test(test_variant_advice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_options: command-line parsing (every flag, its spellings and its
 * errors), rule selection and the colour decision.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "driver/options.h"

#define ARGUMENT_COUNT(array) ((int)(sizeof(array) / sizeof((array)[0])))

/* Parses `arguments` (argv[0] included); expects success. */
static void parse_ok(char **arguments, int count, struct options *options)
{
    char *error = NULL;
    int status = options_parse(count, arguments, options, &error);
    if (status != 0)
        fail_msg("unexpected error: %s", error ? error : "(none)");
    assert_null(error);
}

/* Parses `arguments`; expects a usage error containing `expected`. */
static void parse_fails(char **arguments, int count, const char *expected)
{
    struct options options;
    char *error = NULL;
    assert_int_equal(options_parse(count, arguments, &options, &error), -1);
    assert_non_null(error);
    if (!strstr(error, expected))
        fail_msg("error '%s' does not mention '%s'", error, expected);
    free(error);
    options_free(&options);
}

static void test_defaults(void **state)
{
    (void)state;
    char *arguments[] = {"nullproof", "a.c"};
    struct options options;
    parse_ok(arguments, ARGUMENT_COUNT(arguments), &options);
    assert_int_equal(options.path_count, 1);
    assert_string_equal(options.paths[0], "a.c");
    assert_null(options.database_path);
    assert_int_equal(options.jobs, 0);
    assert_string_equal(options.format, "text");
    assert_null(options.output_path);
    assert_int_equal(options.color, COLOR_AUTO);
    assert_false(options.quiet);
    assert_false(options.verbose);
    assert_false(options.list_rules);
    assert_false(options.exit_zero);
    assert_false(options.show_version);
    assert_false(options.show_help);
    assert_false(options.dump_ir);
    assert_false(options.has_compiler_arguments);
    assert_int_equal(options.enabled_rule_count, 0);
    assert_int_equal(options.disabled_rule_count, 0);
    options_free(&options);
}

static void test_every_switch(void **state)
{
    (void)state;
    char *arguments[] = {"nullproof", "--quiet",   "--verbose", "--list-rules", "--exit-zero",
                         "--version", "--help",    "--dump-ir"};
    struct options options;
    parse_ok(arguments, ARGUMENT_COUNT(arguments), &options);
    assert_true(options.quiet);
    assert_true(options.verbose);
    assert_true(options.list_rules);
    assert_true(options.exit_zero);
    assert_true(options.show_version);
    assert_true(options.show_help);
    assert_true(options.dump_ir);
    assert_int_equal(options.path_count, 0);
    options_free(&options);

    char *short_arguments[] = {"nullproof", "-q", "-v", "-h"};
    parse_ok(short_arguments, ARGUMENT_COUNT(short_arguments), &options);
    assert_true(options.quiet);
    assert_true(options.verbose);
    assert_true(options.show_help);
    options_free(&options);
}

static void test_value_flags_separate(void **state)
{
    (void)state;
    char *arguments[] = {"nullproof", "-p",      "build",  "-j",      "3",     "--format",
                         "text",      "-o",      "out.txt", "--color", "never", "src",
                         "b.c"};
    struct options options;
    parse_ok(arguments, ARGUMENT_COUNT(arguments), &options);
    assert_string_equal(options.database_path, "build");
    assert_int_equal(options.jobs, 3);
    assert_string_equal(options.format, "text");
    assert_string_equal(options.output_path, "out.txt");
    assert_int_equal(options.color, COLOR_NEVER);
    assert_int_equal(options.path_count, 2);
    assert_string_equal(options.paths[0], "src");
    assert_string_equal(options.paths[1], "b.c");
    options_free(&options);
}

static void test_value_flags_joined(void **state)
{
    (void)state;
    char *arguments[] = {"nullproof",      "-p=build",        "-j4",          "--format=text",
                         "--output=o.txt", "--color=always",  "--jobs=2"};
    struct options options;
    parse_ok(arguments, ARGUMENT_COUNT(arguments), &options);
    assert_string_equal(options.database_path, "build");
    assert_int_equal(options.jobs, 2);
    assert_string_equal(options.output_path, "o.txt");
    assert_int_equal(options.color, COLOR_ALWAYS);
    options_free(&options);

    char *more[] = {"nullproof", "-oout.txt", "--jobs", "7", "--color", "auto", "-pother"};
    parse_ok(more, ARGUMENT_COUNT(more), &options);
    assert_string_equal(options.output_path, "out.txt");
    assert_string_equal(options.database_path, "other");
    assert_int_equal(options.jobs, 7);
    assert_int_equal(options.color, COLOR_AUTO);
    options_free(&options);
}

static void test_compiler_arguments(void **state)
{
    (void)state;
    char *arguments[] = {"nullproof", "a.c", "--", "-Iinclude", "-DX=1", "--quiet"};
    struct options options;
    parse_ok(arguments, ARGUMENT_COUNT(arguments), &options);
    assert_true(options.has_compiler_arguments);
    assert_int_equal(options.compiler_argument_count, 3);
    assert_string_equal(options.compiler_arguments[0], "-Iinclude");
    assert_string_equal(options.compiler_arguments[2], "--quiet");
    assert_false(options.quiet); /* after `--`: the compiler's, not ours */
    assert_int_equal(options.path_count, 1);
    options_free(&options);

    char *empty[] = {"nullproof", "a.c", "--"};
    parse_ok(empty, ARGUMENT_COUNT(empty), &options);
    assert_true(options.has_compiler_arguments);
    assert_int_equal(options.compiler_argument_count, 0);
    options_free(&options);
}

static void test_rule_lists(void **state)
{
    (void)state;
    char *arguments[] = {"nullproof", "--enable", "a,b", "--enable=c", "--disable", "d",
                         "--disable=e,,f"};
    struct options options;
    parse_ok(arguments, ARGUMENT_COUNT(arguments), &options);
    assert_int_equal(options.enabled_rule_count, 3);
    assert_string_equal(options.enabled_rules[0], "a");
    assert_string_equal(options.enabled_rules[1], "b");
    assert_string_equal(options.enabled_rules[2], "c");
    assert_int_equal(options.disabled_rule_count, 3);
    assert_string_equal(options.disabled_rules[0], "d");
    assert_string_equal(options.disabled_rules[1], "e");
    assert_string_equal(options.disabled_rules[2], "f");
    options_free(&options);
}

static void test_errors(void **state)
{
    (void)state;
    char *unknown[] = {"nullproof", "--frobnicate"};
    parse_fails(unknown, ARGUMENT_COUNT(unknown), "unknown option '--frobnicate'");
    char *unknown_short[] = {"nullproof", "-x"};
    parse_fails(unknown_short, ARGUMENT_COUNT(unknown_short), "unknown option '-x'");
    char *missing_value[] = {"nullproof", "-p"};
    parse_fails(missing_value, ARGUMENT_COUNT(missing_value), "-p expects a value");
    char *missing_output[] = {"nullproof", "a.c", "-o"};
    parse_fails(missing_output, ARGUMENT_COUNT(missing_output), "-o expects a value");
    char *output_twice[] = {"nullproof", "-o", "a.txt", "--output=b.txt", "a.c"};
    parse_fails(output_twice, ARGUMENT_COUNT(output_twice),
                "--output given twice ('a.txt' and 'b.txt'): give it once");
    char *empty_value[] = {"nullproof", "--format="};
    parse_fails(empty_value, ARGUMENT_COUNT(empty_value), "--format expects a value");
    char *bad_jobs[] = {"nullproof", "-j", "many"};
    parse_fails(bad_jobs, ARGUMENT_COUNT(bad_jobs), "-j expects a number");
    char *zero_jobs[] = {"nullproof", "-j0"};
    parse_fails(zero_jobs, ARGUMENT_COUNT(zero_jobs), "-j expects a number");
    char *negative_jobs[] = {"nullproof", "--jobs=-2"};
    parse_fails(negative_jobs, ARGUMENT_COUNT(negative_jobs), "-j expects a number");
    char *trailing_jobs[] = {"nullproof", "-j", "4x"};
    parse_fails(trailing_jobs, ARGUMENT_COUNT(trailing_jobs), "'4x'");
    char *bad_color[] = {"nullproof", "--color", "sometimes"};
    parse_fails(bad_color, ARGUMENT_COUNT(bad_color), "auto, always or never");
    char *empty_rules[] = {"nullproof", "--enable", ","};
    parse_fails(empty_rules, ARGUMENT_COUNT(empty_rules), "--enable expects a rule id");
    char *empty_disable[] = {"nullproof", "--disable="};
    parse_fails(empty_disable, ARGUMENT_COUNT(empty_disable), "--disable expects a rule id");
    char *standard_input[] = {"nullproof", "-"};
    parse_fails(standard_input, ARGUMENT_COUNT(standard_input), "standard input");
    char *long_glued[] = {"nullproof", "--formattext"};
    parse_fails(long_glued, ARGUMENT_COUNT(long_glued), "unknown option");
}

static void fake_run(const struct analysis_result *result, struct check_context *context)
{
    (void)result;
    (void)context;
}

static const struct rule_info fake_rules[] = {
    {"alpha", "First.", fake_run},
    {"beta", "Second.", fake_run},
    {"gamma", "Third.", fake_run},
};

static void select_rules(char **arguments, int count, bool *enabled, int expected_status,
                         const char *expected_error)
{
    struct options options;
    parse_ok(arguments, count, &options);
    char *error = NULL;
    int status = options_select_rules(&options, fake_rules, 3, enabled, &error);
    assert_int_equal(status, expected_status);
    if (expected_error) {
        assert_non_null(error);
        if (!strstr(error, expected_error))
            fail_msg("error '%s' does not mention '%s'", error, expected_error);
    } else {
        assert_null(error);
    }
    free(error);
    options_free(&options);
}

static void test_rule_selection(void **state)
{
    (void)state;
    bool enabled[3];
    char *none[] = {"nullproof"};
    select_rules(none, ARGUMENT_COUNT(none), enabled, 0, NULL);
    assert_true(enabled[0] && enabled[1] && enabled[2]);

    char *only[] = {"nullproof", "--enable", "beta"};
    select_rules(only, ARGUMENT_COUNT(only), enabled, 0, NULL);
    assert_false(enabled[0]);
    assert_true(enabled[1]);
    assert_false(enabled[2]);

    char *without[] = {"nullproof", "--disable=alpha,gamma"};
    select_rules(without, ARGUMENT_COUNT(without), enabled, 0, NULL);
    assert_false(enabled[0]);
    assert_true(enabled[1]);
    assert_false(enabled[2]);

    char *both[] = {"nullproof", "--enable", "alpha,beta", "--disable", "alpha"};
    select_rules(both, ARGUMENT_COUNT(both), enabled, 0, NULL);
    assert_false(enabled[0]);
    assert_true(enabled[1]);
    assert_false(enabled[2]);

    char *unknown[] = {"nullproof", "--enable", "alpha,delta"};
    select_rules(unknown, ARGUMENT_COUNT(unknown), enabled, -1, "unknown rule 'delta'");
    char *unknown_disabled[] = {"nullproof", "--disable", "epsilon"};
    select_rules(unknown_disabled, ARGUMENT_COUNT(unknown_disabled), enabled, -1,
                 "--disable: unknown rule 'epsilon'");
}

static void test_suggestions_and_fixes(void **state)
{
    (void)state;
    char *defaults[] = {"nullproof", "a.c"};
    struct options options;
    parse_ok(defaults, ARGUMENT_COUNT(defaults), &options);
    assert_int_equal(options.suggest, SUGGEST_FIX);
    assert_false(options.fix);
    assert_false(options.fix_backup);
    assert_false(options.parseable_fixits);
    options_free(&options);

    char *arguments[] = {"nullproof", "--suggest", "full", "--fix", "--parseable-fixits", "a.c"};
    parse_ok(arguments, ARGUMENT_COUNT(arguments), &options);
    assert_int_equal(options.suggest, SUGGEST_FULL);
    assert_true(options.fix);
    assert_false(options.fix_backup);
    assert_true(options.parseable_fixits);
    options_free(&options);

    /* --fix-backup is --fix with a backup; clang's spelling of the fix-it flag */
    char *others[] = {"nullproof", "--suggest=none", "--fix-backup",
                      "-fdiagnostics-parseable-fixits", "a.c"};
    parse_ok(others, ARGUMENT_COUNT(others), &options);
    assert_int_equal(options.suggest, SUGGEST_NONE);
    assert_true(options.fix);
    assert_true(options.fix_backup);
    assert_true(options.parseable_fixits);
    options_free(&options);

    char *wrong[] = {"nullproof", "--suggest", "all", "a.c"};
    parse_fails(wrong, ARGUMENT_COUNT(wrong), "--suggest expects none, fix or full, not 'all'");
    char *missing[] = {"nullproof", "a.c", "--suggest"};
    parse_fails(missing, ARGUMENT_COUNT(missing), "--suggest expects a value");
}

static void test_color_decision(void **state)
{
    (void)state;
    assert_true(options_use_color(COLOR_ALWAYS, false, "dumb", "1"));
    assert_false(options_use_color(COLOR_NEVER, true, "xterm", NULL));
    assert_true(options_use_color(COLOR_AUTO, true, "xterm-256color", NULL));
    assert_true(options_use_color(COLOR_AUTO, true, NULL, NULL));
    assert_true(options_use_color(COLOR_AUTO, true, "xterm", ""));
    assert_false(options_use_color(COLOR_AUTO, false, "xterm", NULL));
    assert_false(options_use_color(COLOR_AUTO, true, "dumb", NULL));
    assert_false(options_use_color(COLOR_AUTO, true, "xterm", "1"));
}

static void test_usage_mentions_every_flag(void **state)
{
    (void)state;
    const char *usage = options_usage();
    const char *flags[] = {"-p DIR", "-j N", "--format", "-o FILE", "--color", "--enable",
                           "--disable", "--list-rules", "--exit-zero", "--quiet", "--verbose",
                           "--version", "--help", "-- COMPILER-ARGS", "Exit status",
                           "--suggest", "--fix", "--fix-backup", "--parseable-fixits"};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (!strstr(usage, flags[i]))
            fail_msg("--help does not mention %s", flags[i]);
    assert_null(strstr(usage, "--dump-ir")); /* a hidden developer flag */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_every_switch),
        cmocka_unit_test(test_value_flags_separate),
        cmocka_unit_test(test_value_flags_joined),
        cmocka_unit_test(test_compiler_arguments),
        cmocka_unit_test(test_rule_lists),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_rule_selection),
        cmocka_unit_test(test_suggestions_and_fixes),
        cmocka_unit_test(test_color_decision),
        cmocka_unit_test(test_usage_mentions_every_flag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_config: the .nullproof.yaml file (every key, its errors with their
 * place, relative paths, the upward search, exclusions, writing it back),
 * the command-line flags that go with it, and how profiles merge the file
 * with the command line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "checks/checks.h"
#include "driver/config.h"
#include "driver/options.h"
#include "driver/profiles.h"

static int parse(struct config *config, const char *text, char **error)
{
    config_init(config);
    return config_parse(config, "/p/.nullproof.yaml", "/p", text, strlen(text), error);
}

static void config_fails(const char *text, const char *expected)
{
    struct config config;
    char *error = NULL;
    assert_int_equal(parse(&config, text, &error), -1);
    assert_non_null(error);
    if (!strstr(error, expected))
        fail_msg("error '%s' does not contain '%s'", error, expected);
    free(error);
    config_free(&config);
}

static void test_every_key(void **state)
{
    (void)state;
    struct config config;
    char *error = NULL;
    const char *text = "enable: [unchecked-alloc, null-deref]\n"
                       "disable: check-after-deref\n"
                       "severity:\n"
                       "  unchecked-alloc: error\n"
                       "  null-deref: note\n"
                       "packs: [tools/packs/, /etc/nullproof/extra.yaml]\n"
                       "builtin-packs: [libc, glib]\n"
                       "exclude: [third_party/, 'generated/*.h', ../shared]\n"
                       "allocations-never-fail: true\n"
                       "report-unused-suppressions: true\n"
                       "noreturn: [die, fatal_error]\n"
                       "never-null: [xmalloc]\n"
                       "compile-flags: {remove: [-fanalyzer, '-fplugin=*'], add: [-DX=1]}\n";
    if (parse(&config, text, &error) != 0)
        fail_msg("%s", error);
    assert_true(config.has_enable);
    assert_int_equal(config.enable_count, 2);
    assert_string_equal(config.enable[1], "null-deref");
    assert_int_equal(config.disable_count, 1);
    assert_string_equal(config.disable[0], "check-after-deref");
    assert_int_equal(config.severity_count, 2);
    assert_string_equal(config.severity_rules[0], "unchecked-alloc");
    assert_int_equal(config.severities[0], SEVERITY_ERROR);
    assert_int_equal(config.severities[1], SEVERITY_NOTE);
    assert_int_equal(config.pack_count, 2);
    assert_string_equal(config.packs[0], "/p/tools/packs");
    assert_string_equal(config.packs[1], "/etc/nullproof/extra.yaml");
    assert_true(config.has_builtin_packs);
    assert_int_equal(config.builtin_pack_count, 2);
    assert_int_equal(config.exclude_count, 3);
    assert_string_equal(config.exclude[0], "/p/third_party");
    assert_string_equal(config.exclude[1], "/p/generated/*.h");
    assert_string_equal(config.exclude[2], "/shared");
    assert_true(config.allocations_never_fail);
    assert_true(config.report_unused_suppressions);
    assert_int_equal(config.noreturn_count, 2);
    assert_string_equal(config.noreturn[1], "fatal_error");
    assert_int_equal(config.never_null_count, 1);
    assert_string_equal(config.never_null[0], "xmalloc");
    assert_int_equal(config.remove_flag_count, 2);
    assert_int_equal(config.add_flag_count, 1);
    assert_true(config_removes_flag(&config, "-fanalyzer"));
    assert_true(config_removes_flag(&config, "-fplugin=/x.so"));
    assert_false(config_removes_flag(&config, "-fanalyzer-verbose"));
    assert_false(config_removes_flag(&config, "-O2"));
    assert_string_equal(config.directory, "/p");
    config_free(&config);

    /* an empty file is every default */
    assert_int_equal(parse(&config, "", &error), 0);
    assert_false(config.has_enable);
    assert_false(config.allocations_never_fail);
    config_free(&config);
    assert_int_equal(parse(&config, "# only a comment\n", &error), 0);
    config_free(&config);
}

static void test_errors_name_the_place(void **state)
{
    (void)state;
    config_fails("enable: [unchecked-alloc]\nrulez: []\n",
                 "/p/.nullproof.yaml:2:1: unknown key 'rulez' in the configuration; expected "
                 "one of: enable, disable,");
    config_fails("disable: [unchecked-aloc]\n",
                 "/p/.nullproof.yaml:1:11: unknown rule 'unchecked-aloc' (see --list-rules)");
    config_fails("severity:\n  null-deref: fatal\n",
                 "2:15: expected warning, error or note, found 'fatal'");
    config_fails("severity: [null-deref]\n", "1:11: expected 'severity': rule ids mapped");
    config_fails("severity:\n  nope: error\n", "2:3: unknown rule 'nope'");
    config_fails("severity:\n  null-deref: error\n  null-deref: note\n", "given twice");
    config_fails("allocations-never-fail: maybe\n", "1:25: expected true or false");
    config_fails("noreturn: die\n", "1:11: expected a list of function names");
    config_fails("compile-flags: [-O2]\n", "1:16: expected 'compile-flags': remove and add");
    char deep[200] = "enable: ";
    for (int i = 0; i < 70; i++)
        strcat(deep, "[");
    config_fails(deep, "1:73: lists and mappings nested deeper than 64 levels");
    config_fails("compile-flags: {drop: [-O2]}\n", "unknown key 'drop'");
    config_fails("never-null: [x-malloc]\n", "1:14: expected a C function name, found 'x-malloc'");
    config_fails("builtin-packs: [libc, boost]\n",
                 "1:23: unknown built-in rule pack 'boost'");
    config_fails("packs: ['']\n", "expected a rule pack file or directory, found an empty");
    config_fails("exclude: [{a: b}]\n", "expected a path or pattern, found a mapping");
    config_fails("[enable]\n", "1:1: expected a nullproof configuration");
    config_fails("enable: [a\n", "invalid YAML");
    config_fails("enable: []\n...\n---\nenable: []\n", "found a second one");
}

static void test_load_and_find(void **state)
{
    (void)state;
    char root[] = "/tmp/nullproof-config-XXXXXX";
    assert_non_null(mkdtemp(root));
    char inner[512], deeper[512], file[512];
    snprintf(inner, sizeof inner, "%s/project", root);
    snprintf(deeper, sizeof deeper, "%s/project/src/lib", root);
    assert_int_equal(mkdir(inner, 0700), 0);
    snprintf(file, sizeof file, "%s/project/src", root);
    assert_int_equal(mkdir(file, 0700), 0);
    assert_int_equal(mkdir(deeper, 0700), 0);
    snprintf(file, sizeof file, "%s/project/.nullproof.yaml", root);
    FILE *stream = fopen(file, "w");
    assert_non_null(stream);
    fputs("packs: [packs]\nexclude: [vendor/]\n", stream);
    fclose(stream);

    char *found = config_find(deeper);
    assert_non_null(found);
    assert_string_equal(found, file);
    struct config config;
    config_init(&config);
    char *error = NULL;
    if (config_load(&config, found, &error) != 0)
        fail_msg("%s", error);
    char expected[600];
    char *real_inner = realpath(inner, NULL);
    snprintf(expected, sizeof expected, "%s/packs", real_inner);
    assert_string_equal(config.packs[0], expected);
    snprintf(expected, sizeof expected, "%s/vendor/x.h", real_inner);
    assert_true(config_excludes(&config, expected));
    snprintf(expected, sizeof expected, "%s/vendors/x.h", real_inner);
    assert_false(config_excludes(&config, expected));
    config_free(&config);
    free(found);

    config_init(&config);
    assert_int_equal(config_load(&config, "/nonexistent/.nullproof.yaml", &error), -1);
    assert_non_null(strstr(error, "cannot read configuration /nonexistent/.nullproof.yaml"));
    free(error);
    config_free(&config);

    unlink(file);
    found = config_find(deeper);
    if (found) /* only when a directory above /tmp has one */
        assert_null(strstr(found, root));
    free(found);
    free(real_inner);
    rmdir(deeper);
    snprintf(file, sizeof file, "%s/project/src", root);
    rmdir(file);
    rmdir(inner);
    rmdir(root);
}

static void test_excludes(void **state)
{
    (void)state;
    struct config config;
    char *error = NULL;
    assert_int_equal(parse(&config, "exclude: [third_party, 'gen/*.h', one.c]\n", &error), 0);
    assert_true(config_excludes(&config, "/p/third_party"));
    assert_true(config_excludes(&config, "/p/third_party/zlib/inflate.c"));
    assert_false(config_excludes(&config, "/p/third_party_tools/x.c"));
    assert_true(config_excludes(&config, "/p/gen/parser.h"));
    assert_true(config_excludes(&config, "/p/gen/sub/parser.h")); /* '*' crosses '/' */
    assert_false(config_excludes(&config, "/p/gen/parser.c"));
    assert_true(config_excludes(&config, "/p/one.c"));
    assert_false(config_excludes(&config, "/p/one.cc"));
    config_free(&config);
}

static void test_written_config_reads_back(void **state)
{
    (void)state;
    struct config config;
    char *error = NULL;
    const char *text = "enable: [null-deref]\nseverity: {null-deref: error}\n"
                       "packs: ['/odd path/with: colon.yaml']\nbuiltin-packs: [posix]\n"
                       "exclude: [\"*.gen.h\"]\nallocations-never-fail: true\n";
    assert_int_equal(parse(&config, text, &error), 0);
    struct string_buffer out;
    string_buffer_init(&out);
    config_write_yaml(&config, &out);
    struct config again;
    if (parse(&again, string_buffer_text(&out), &error) != 0)
        fail_msg("%s\n%s", error, string_buffer_text(&out));
    assert_int_equal(again.enable_count, 1);
    assert_int_equal(again.severities[0], SEVERITY_ERROR);
    assert_string_equal(again.packs[0], "/odd path/with: colon.yaml");
    assert_string_equal(again.builtin_packs[0], "posix");
    assert_string_equal(again.exclude[0], "/p/*.gen.h");
    assert_true(again.allocations_never_fail);
    assert_false(again.report_unused_suppressions);
    assert_non_null(strstr(string_buffer_text(&out), "allocations-never-fail: true\n"));
    string_buffer_free(&out);
    config_free(&again);
    config_free(&config);
}

static void test_severity_names(void **state)
{
    (void)state;
    enum severity severity;
    assert_true(config_severity_from_name("note", &severity));
    assert_int_equal(severity, SEVERITY_NOTE);
    assert_true(config_severity_from_name("warning", &severity));
    assert_int_equal(severity, SEVERITY_WARNING);
    assert_true(config_severity_from_name("error", &severity));
    assert_int_equal(severity, SEVERITY_ERROR);
    assert_false(config_severity_from_name("fatal", &severity));
}

static void test_flags(void **state)
{
    (void)state;
    char *arguments[] = {"nullproof",   "--config",     "ci.yaml",       "--rules", "a.yaml",
                         "--rules=dir", "--dump-config", "--report-unused-suppressions", "x.c"};
    struct options options;
    char *error = NULL;
    assert_int_equal(options_parse(9, arguments, &options, &error), 0);
    assert_string_equal(options.config_path, "ci.yaml");
    assert_int_equal(options.rule_path_count, 2);
    assert_string_equal(options.rule_paths[1], "dir");
    assert_true(options.dump_config);
    assert_true(options.report_unused_suppressions);
    options_free(&options);
    const char *usage = options_usage();
    assert_non_null(strstr(usage, "--config FILE"));
    assert_non_null(strstr(usage, "--rules FILE|DIR"));
    assert_non_null(strstr(usage, "--dump-config"));
    assert_non_null(strstr(usage, "--report-unused-suppressions"));
}

static int rule_index(const char *id)
{
    int count = 0;
    const struct rule_info *rules = checks_rules(&count);
    for (int i = 0; i < count; i++)
        if (strcmp(rules[i].id, id) == 0)
            return i;
    fail_msg("no rule %s", id);
    return -1;
}

/* The command line over the file: --enable replaces the file's list and
 * overrides its disable and allocations-never-fail; --disable adds. */
static void test_suggest_level(void **state)
{
    (void)state;
    struct config config;
    char *error = NULL;
    assert_int_equal(parse(&config, "suggest: full\n", &error), 0);
    assert_true(config.has_suggest);
    assert_int_equal(config.suggest, SUGGEST_FULL);
    struct string_buffer written;
    string_buffer_init(&written);
    config_write_yaml(&config, &written);
    assert_non_null(strstr(string_buffer_text(&written), "suggest: full"));
    string_buffer_free(&written);
    config_free(&config);
    config_fails("suggest: most\n", ".nullproof.yaml:1:10: expected none, fix or full");
}

static void test_profile_merge(void **state)
{
    (void)state;
    char directory[] = "/tmp/nullproof-profile-XXXXXX";
    assert_non_null(mkdtemp(directory));
    char file[300];
    snprintf(file, sizeof file, "%s/.nullproof.yaml", directory);
    FILE *stream = fopen(file, "w");
    assert_non_null(stream);
    fputs("disable: [check-after-deref]\nallocations-never-fail: true\n"
          "severity: {unchecked-lookup: error}\nbuiltin-packs: [libc]\n", stream);
    fclose(stream);

    char *plain[] = {"nullproof", "x.c"};
    struct options options;
    char *error = NULL;
    assert_int_equal(options_parse(2, plain, &options, &error), 0);
    struct job_settings base;
    memset(&base, 0, sizeof base);
    struct profile_set set;
    profiles_init(&set, &options, &base);
    const struct profile *profile = profiles_get(&set, file, &error);
    if (!profile)
        fail_msg("%s", error);
    assert_false(profile->enabled_rules[rule_index("check-after-deref")]);
    assert_false(profile->enabled_rules[rule_index("unchecked-alloc")]);
    assert_true(profile->enabled_rules[rule_index("null-deref")]);
    assert_int_equal(profile->severities[rule_index("unchecked-lookup")], SEVERITY_ERROR);
    assert_int_equal(profile->severities[rule_index("null-deref")], SEVERITY_WARNING);
    assert_int_equal(profile->packs.pack_count, 1);
    assert_ptr_equal(profile->settings.packs, &profile->packs);
    assert_ptr_equal(profiles_get(&set, file, &error), profile); /* made once */
    profiles_free(&set);
    options_free(&options);

    char *enabling[] = {"nullproof", "--enable", "unchecked-alloc,check-after-deref",
                        "--disable", "check-after-deref", "x.c"};
    assert_int_equal(options_parse(6, enabling, &options, &error), 0);
    profiles_init(&set, &options, &base);
    profile = profiles_get(&set, file, &error);
    assert_non_null(profile);
    assert_true(profile->enabled_rules[rule_index("unchecked-alloc")]);
    assert_false(profile->enabled_rules[rule_index("check-after-deref")]);
    assert_false(profile->enabled_rules[rule_index("null-deref")]);
    /* no file: defaults */
    const struct profile *defaults = profiles_get(&set, NULL, &error);
    assert_non_null(defaults);
    assert_null(defaults->config_path);
    assert_true(defaults->packs.pack_count > 1);
    profiles_free(&set);
    options_free(&options);

    char *bad_pack[] = {"nullproof", "--rules", "/nonexistent.yaml", "x.c"};
    assert_int_equal(options_parse(4, bad_pack, &options, &error), 0);
    profiles_init(&set, &options, &base);
    assert_null(profiles_get(&set, NULL, &error));
    assert_non_null(strstr(error, "/nonexistent.yaml"));
    free(error);
    profiles_free(&set);
    options_free(&options);
    unlink(file);
    rmdir(directory);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_key),
        cmocka_unit_test(test_errors_name_the_place),
        cmocka_unit_test(test_load_and_find),
        cmocka_unit_test(test_excludes),
        cmocka_unit_test(test_written_config_reads_back),
        cmocka_unit_test(test_severity_names),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_suggest_level),
        cmocka_unit_test(test_profile_merge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

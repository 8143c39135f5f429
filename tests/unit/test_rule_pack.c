/*
 * test_rule_pack: the YAML rule packs: the embedded ones (they load, they
 * keep the facts the analysis relies on, no function is described twice),
 * every key of the format, every error with its file:line:column, and how
 * packs merge into a rule set.
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

#include "packs/packs.h"

#define ARG(i) (UINT32_C(1) << (i))

static int add_text(struct pack_set *set, const char *text, char **error)
{
    return packs_add_pack(set, "test.yaml", text, strlen(text), error);
}

/* Adding `text` fails with a message that contains `expected`. */
static void pack_fails(const char *text, const char *expected)
{
    struct pack_set set;
    packs_init(&set);
    char *error = NULL;
    assert_int_equal(add_text(&set, text, &error), -1);
    assert_non_null(error);
    if (!strstr(error, expected))
        fail_msg("error '%s' does not contain '%s'", error, expected);
    assert_int_equal(set.count, 0);
    assert_int_equal(set.pack_count, 0);
    free(error);
    packs_free(&set);
}

static void test_variants(void **state)
{
    (void)state;
    struct pack_set set;
    packs_init(&set);
    char *error = NULL;
    assert_int_equal(add_text(&set,
                              "pack: events\n"
                              "variants:\n"
                              "  - {type: event, tag: what,\n"
                              "     members: {key: EV_KEY, click: EV_MOUSE}}\n",
                              &error),
                     0);
    assert_int_equal(set.variant_count, 2);
    const struct pack_variant *click = packs_find_variant(&set, "event", "click");
    assert_non_null(click);
    assert_string_equal(click->tag, "what");
    assert_string_equal(click->variant, "EV_MOUSE");
    assert_null(packs_find_variant(&set, "event", "wheel"));
    assert_null(packs_find_variant(&set, "other", "click"));
    packs_free(&set);
    pack_fails("pack: events\nvariants:\n  - {type: event, tag: what}\n",
               "needs 'type', 'tag' and 'members'");
    pack_fails("pack: events\nvariants:\n  - {type: event, tag: what, members: {a: B}, x: 1}\n",
               "unknown key 'x'");
}

static void test_embedded_packs_load(void **state)
{
    (void)state;
    int count = 0;
    const struct embedded_pack *packs = packs_embedded(&count);
    const char *expected[] = {"cjson.yaml",    "curl.yaml",    "glib.yaml",    "gnutls.yaml",
                              "hiredis.yaml",  "jansson.yaml", "libc.yaml",    "libevent.yaml",
                              "libxml2.yaml",  "openssl.yaml", "posix.yaml",   "sqlite.yaml",
                              "uthash.yaml",   "zlib.yaml"};
    assert_int_equal(count, (int)(sizeof expected / sizeof expected[0]));
    for (int i = 0; i < count; i++)
        assert_string_equal(packs[i].file, expected[i]);
    struct pack_set set;
    char *error = NULL;
    if (packs_builtin(&set, &error) != 0)
        fail_msg("embedded packs do not load: %s", error);
    assert_int_equal(set.pack_count, count);
    int total = 0;
    for (int i = 0; i < set.pack_count; i++)
        total += set.packs[i].entry_count;
    /* every name once over all packs: no pack silently overrides another */
    assert_int_equal(total, set.count);
    for (int i = 1; i < set.count; i++)
        assert_true(strcmp(set.entries[i - 1].name, set.entries[i].name) < 0);
    packs_free(&set);
}

/* The facts the old built-in table held, now in libc.yaml and posix.yaml. */
static void test_builtin_facts(void **state)
{
    (void)state;
    struct pack_set set;
    char *error = NULL;
    assert_int_equal(packs_builtin(&set, &error), 0);
    const struct pack_entry *rule = packs_find(&set, "malloc");
    assert_non_null(rule);
    assert_int_equal(rule->returns, SOURCE_ALLOC);
    assert_string_equal(rule->reason, "returns NULL when allocation fails");
    assert_string_equal(rule->pack, "libc");
    rule = packs_find(&set, "getenv");
    assert_int_equal(rule->returns, SOURCE_LOOKUP);
    assert_int_equal(rule->nonnull_arguments, ARG(0));
    assert_string_equal(rule->reason, "returns NULL when the variable is not set");
    rule = packs_find(&set, "bsearch");
    assert_int_equal(rule->nonnull_arguments, ARG(0) | ARG(4));
    assert_int_equal(rule->nonnull_if_nonzero, ARG(1));
    assert_int_equal(rule->nonzero_count[1], 2);
    rule = packs_find(&set, "memcpy");
    assert_int_equal(rule->nonnull_arguments, 0);
    assert_int_equal(rule->nonnull_if_nonzero, ARG(0) | ARG(1));
    assert_int_equal(rule->nonzero_count[0], 2);
    rule = packs_find(&set, "fputc");
    assert_int_equal(rule->returns, SOURCE_NONE);
    assert_int_equal(rule->nonnull_arguments, ARG(1));
    rule = packs_find(&set, "fopen");
    assert_int_equal(rule->returns, SOURCE_NULLABLE);
    assert_true(packs_find(&set, "exit")->noreturn);
    assert_true(packs_find(&set, "pthread_exit")->noreturn);
    assert_string_equal(packs_find(&set, "opendir")->pack, "posix");
    assert_int_equal(packs_find(&set, "readdir")->returns, SOURCE_NULLABLE);
    assert_int_equal(packs_find(&set, "g_hash_table_lookup")->returns, SOURCE_LOOKUP);
    assert_null(packs_find(&set, "no_such_function"));
    /* uthash's entries are macros: not found as functions */
    assert_null(packs_find(&set, "HASH_FIND_STR"));
    rule = packs_find_kind(&set, "HASH_FIND_STR", true);
    assert_non_null(rule);
    assert_int_equal(rule->out_null_arguments, ARG(2));
    assert_int_equal(rule->out_kind, SOURCE_LOOKUP);
    assert_int_equal(packs_find_kind(&set, "g_return_val_if_fail", true)->checked_arguments,
                     ARG(0));
    packs_free(&set);
}

static void rule_copy_facts(const struct pack_entry *rule)
{
    assert_non_null(rule);
    assert_int_equal(rule->nonnull_arguments, ARG(3));
    assert_int_equal(rule->nonnull_if_nonzero, ARG(0) | ARG(1));
    assert_int_equal(rule->nonzero_count[0], 2);
    assert_int_equal(rule->nonzero_count[1], 2);
}

static void test_every_key(void **state)
{
    (void)state;
    struct pack_set set;
    packs_init(&set);
    char *error = NULL;
    const char *text = "pack: mine\n"
                       "description: our map\n"
                       "entries:\n"
                       "  - name: map_get\n"
                       "    returns: lookup\n"
                       "    nonnull: [1, 2]\n"
                       "    reason: returns NULL when the key is absent\n"
                       "  - {name: map_find, out-null: 3, out-kind: alloc, nonnull: 1}\n"
                       "  - {name: CHECK, macro: true, checks: 1}\n"
                       "  - {name: die, noreturn: true}\n"
                       "  - {name: open_thing, returns: io}\n"
                       "  - {name: odd, returns: other, checks: [2, 3]}\n"
                       "  - {name: xmalloc, never-null: true}\n"
                       "  - {name: copy, nonnull: 4, nonnull-if-nonzero: {1: 3, 2: 3}}\n"
                       "  - {name: info, out-null: 3, out-null-if: {2: [18, 0x10001f]}}\n"
                       "  - {name: sort, calls-back: true}\n"
                       "  - {name: same, nonnull: [1, 2], pure: true}\n"
                       "  - {name: find_char, returns: lookup, found-if: {2: [0]},\n"
                       "     found-if-first: [1, 2]}\n"
                       "  - {name: find_last_char, returns: lookup, found-with: find_char}\n"
                       "  - {name: now, clock: true}\n"
                       "  - {name: convert, returns: other, found-if-clock: 1}\n"
                       "  - {name: report, noreturn-if-nonzero: 1}\n";
    if (add_text(&set, text, &error) != 0)
        fail_msg("%s", error);
    assert_int_equal(set.count, 16);
    assert_int_equal(set.pack_count, 1);
    assert_string_equal(set.packs[0].name, "mine");
    assert_string_equal(set.packs[0].description, "our map");
    assert_string_equal(set.packs[0].file, "test.yaml");
    assert_int_equal(set.packs[0].entry_count, 16);
    assert_string_equal(packs_find(&set, "find_last_char")->found_with, "find_char");
    assert_null(packs_find(&set, "find_char")->found_with);
    assert_int_equal(packs_find(&set, "find_char")->found_if_first_string, 1);
    assert_int_equal(packs_find(&set, "find_char")->found_if_first_value, 2);
    assert_int_equal(packs_find(&set, "find_last_char")->found_if_first_string, 0);
    assert_int_equal(packs_find(&set, "report")->noreturn_if_nonzero, 1);
    assert_false(packs_find(&set, "report")->noreturn);
    assert_int_equal(packs_find(&set, "die")->noreturn_if_nonzero, 0);
    rule_copy_facts(packs_find(&set, "copy"));
    assert_true(packs_find(&set, "sort")->calls_back);
    assert_false(packs_find(&set, "copy")->calls_back);
    assert_true(packs_find(&set, "same")->pure);
    assert_false(packs_find(&set, "copy")->pure);
    const struct pack_entry *info = packs_find(&set, "info");
    assert_int_equal(info->out_null_if_argument, 2);
    assert_int_equal(info->out_null_if_count, 2);
    assert_int_equal(info->out_null_if_values[0], 18);
    assert_int_equal(info->out_null_if_values[1], 0x10001f);
    const struct pack_entry *find_char = packs_find(&set, "find_char");
    assert_int_equal(find_char->found_if_argument, 2);
    assert_int_equal(find_char->found_if_count, 1);
    assert_int_equal(find_char->found_if_values[0], 0);
    assert_true(packs_find(&set, "now")->clock);
    assert_false(packs_find(&set, "convert")->clock);
    assert_int_equal(packs_find(&set, "convert")->found_if_clock, 1);
    assert_int_equal(find_char->found_if_clock, 0);
    assert_true(packs_find(&set, "xmalloc")->never_null);
    assert_false(packs_find(&set, "die")->never_null);

    const struct pack_entry *rule = packs_find(&set, "map_get");
    assert_int_equal(rule->returns, SOURCE_LOOKUP);
    assert_int_equal(rule->nonnull_arguments, ARG(0) | ARG(1));
    assert_string_equal(rule->reason, "returns NULL when the key is absent");
    assert_string_equal(rule->pack, "mine");
    assert_int_equal(rule->line, 4);

    rule = packs_find(&set, "map_find");
    assert_int_equal(rule->returns, SOURCE_NONE);
    assert_int_equal(rule->out_null_arguments, ARG(2));
    assert_int_equal(rule->out_kind, SOURCE_ALLOC);
    assert_string_equal(rule->reason, "leaves it NULL when allocation fails");

    assert_null(packs_find(&set, "CHECK"));
    rule = packs_find_kind(&set, "CHECK", true);
    assert_true(rule->macro_only);
    assert_int_equal(rule->checked_arguments, ARG(0));
    assert_true(packs_find(&set, "die")->noreturn);
    rule = packs_find(&set, "open_thing");
    assert_int_equal(rule->returns, SOURCE_NULLABLE);
    assert_string_equal(rule->reason, "returns NULL when the operation fails");
    rule = packs_find(&set, "odd");
    assert_string_equal(rule->reason, "may return NULL");
    assert_int_equal(rule->checked_arguments, ARG(1) | ARG(2));
    packs_free(&set);
}

static void test_errors_name_the_place(void **state)
{
    (void)state;
    pack_fails("pack: p\nentries:\n  - name: f\n    retruns: alloc\n",
               "test.yaml:4:5: unknown key 'retruns' in an entry; expected one of: name,");
    pack_fails("pack: p\nentries: []\nauthor: me\n",
               "test.yaml:3:1: unknown key 'author' in a rule pack");
    pack_fails("pack: p\nentries:\n  - returns: alloc\n",
               "test.yaml:3:5: an entry needs 'name'");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: maybe}\n",
               "test.yaml:3:24: expected alloc, lookup, io or other, found 'maybe'");
    pack_fails("pack: p\nentries:\n  - {name: f, nonnull: 0}\n",
               "test.yaml:3:24: expected a number from 1 to 32, found '0'");
    pack_fails("pack: p\nentries:\n  - {name: f, nonnull: [1, 33]}\n",
               "expected a number from 1 to 32, found '33'");
    pack_fails("pack: p\nentries:\n  - {name: f, nonnull: [1, 1]}\n", "listed twice");
    pack_fails("pack: p\nentries:\n  - {name: f, nonnull: []}\n", "an empty list");
    pack_fails("pack: p\nentries:\n  - {name: f, nonnull: {a: 1}}\n",
               "expected an argument position");
    pack_fails("pack: p\nentries:\n  - {name: f, nonnull-if-nonzero: 1}\n",
               "expected 'nonnull-if-nonzero' to map pointer positions");
    pack_fails("pack: p\nentries:\n  - {name: f, nonnull-if-nonzero: {}}\n",
               "expected 'nonnull-if-nonzero' to map pointer positions");
    pack_fails("pack: p\nentries:\n  - {name: f, nonnull-if-nonzero: {1: 0}}\n",
               "expected a number from 1 to 32, found '0'");
    pack_fails("pack: p\nentries:\n  - {name: f, nonnull-if-nonzero: {2: 2}}\n",
               "argument 2 cannot be its own count");
    pack_fails("pack: p\nentries:\n  - {name: f, nonnull-if-nonzero: {1: [3]}}\n",
               "expected a pointer position and the position of its count");
    pack_fails("pack: p\nentries:\n  - {name: f, nonnull: 1, nonnull-if-nonzero: {1: 3}}\n",
               "argument 1 is both 'nonnull' and 'nonnull-if-nonzero'");
    pack_fails("pack: p\nentries:\n  - {name: f, nonnull-if-nonzero: {1: 3, 1: 2}}\n",
               "argument 1 is listed twice");
    pack_fails("pack: p\nentries:\n  - {name: f, accepts-null: true, nonnull-if-nonzero: {1: 3}}\n",
               "cannot both accept NULL and require");
    pack_fails("pack: p\nentries:\n  - {name: f, out-null: 2, out-nonnull: [1, 2]}\n",
               "both 'out-null' and 'out-nonnull'");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: other, out-null-if: {2: 1}}\n",
               "'out-null-if' needs 'out-null'");
    pack_fails("pack: p\nentries:\n  - {name: f, found-if: {2: [0]}}\n",
               "'found-if' needs 'returns'");
    pack_fails("pack: p\nentries:\n  - {name: f, found-if-clock: 1}\n",
               "'found-if-clock' needs 'returns'");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: other, found-if-first: [1, 2]}\n",
               "'found-if-first' is [string, value]");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: lookup, found-if-first: 1}\n",
               "'found-if-first' is [string, value]");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: lookup, found-if-first: [2, 2]}\n",
               "two different arguments");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: alloc, found-with: g}\n",
               "'found-with' names the lookup");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: lookup, found-with: [g]}\n",
               "expected a function name");
    pack_fails("pack: p\nentries:\n  - {name: f, noreturn: true, noreturn-if-nonzero: 1}\n",
               "'noreturn-if-nonzero' needs a function");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: io, noreturn-if-nonzero: 1}\n",
               "'noreturn-if-nonzero' needs a function");
    pack_fails("pack: p\nentries:\n  - {name: f, noreturn-if-nonzero: 0}\n",
               "expected a number from 1 to 32, found '0'");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: other, found-if-clock: 0}\n",
               "expected a number from 1 to 32, found '0'");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: lookup, found-if: {2: x}}\n",
               "expected an integer constant");
    pack_fails("pack: p\nentries:\n  - {name: f, out-null: 3, out-null-if: {2: 1, 1: 2}}\n",
               "to map one argument position to its values");
    pack_fails("pack: p\nentries:\n  - {name: f, out-null: 3, out-null-if: {3: 1}}\n",
               "argument 3 is an out-parameter, not a condition");
    pack_fails("pack: p\nentries:\n  - {name: f, out-null: 3, out-null-if: {2: [x]}}\n",
               "expected an integer constant (decimal or 0x hexadecimal), found 'x'");
    pack_fails("pack: p\nentries:\n  - {name: f, out-null: 3, out-null-if: {2: []}}\n",
               "expected constants, found an empty list");
    pack_fails("pack: p\nentries:\n  - {name: f, calls-back: maybe}\n",
               "expected true or false, found 'maybe'");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: alloc, pure: true}\n",
               "'f' cannot be pure: it allocates");
    pack_fails("pack: p\nentries:\n  - {name: f, out-null: 2, pure: true}\n",
               "'f' cannot be pure");
    pack_fails("pack: p\nentries:\n  - {name: f, noreturn: yes}\n",
               "expected true or false, found 'yes'");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: alloc}\n  - {name: f, noreturn: true}\n",
               "test.yaml:4:12: 'f' is already described on line 3 of this pack");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: alloc, noreturn: true}\n",
               "cannot both never return and return");
    pack_fails("pack: p\nentries:\n  - {name: f}\n", "entry 'f' states nothing");
    pack_fails("pack: p\nentries:\n  - {name: f, returns: alloc, never-null: true}\n",
               "cannot both never return NULL and return");
    pack_fails("pack: p\nentries:\n  - {name: f, out-kind: alloc, nonnull: 1}\n",
               "'out-kind' needs 'out-null'");
    pack_fails("pack: p\nentries:\n  - {name: 2fast, noreturn: true}\n",
               "expected a C identifier as 'name', found '2fast'");
    pack_fails("pack: p\nentries:\n  - {name: f, reason: \"\", returns: alloc}\n",
               "expected a one-line reason");
    pack_fails("pack: p\nentries:\n  - {name: f, name: g, noreturn: true}\n",
               "key 'name' given twice");
    pack_fails("pack: p\nentries: {name: f}\n",
               "test.yaml:2:10: expected 'entries' to be a list of entries");
    pack_fails("entries: []\n", "a rule pack needs 'pack'");
    pack_fails("pack: p\n", "a rule pack needs 'entries'");
    pack_fails("pack: [p]\nentries: []\n", "expected a pack name, found a list");
    pack_fails("pack: p q\nentries: []\n", "expected a pack name of letters");
    pack_fails("- 1\n- 2\n", "test.yaml:1:1: expected a rule pack (a mapping");
    pack_fails("", "expected a rule pack (a mapping with 'pack' and 'entries'), found an empty");
    pack_fails("pack: p\nentries:\n  - {name: f\n", "test.yaml:4:1: invalid YAML");
    pack_fails("pack: p\n\tentries: []\n", "invalid YAML");
    pack_fails("pack: p\nentries: []\n---\npack: q\nentries: []\n",
               "test.yaml:4:1: expected one YAML document, found a second one");
    pack_fails("pack: \"a\\0b\"\nentries: []\n", "NUL byte");
    pack_fails("pack: p\nentries: [*unknown]\n", "invalid YAML");
}

static void test_later_pack_replaces(void **state)
{
    (void)state;
    struct pack_set set;
    packs_init(&set);
    char *error = NULL;
    assert_int_equal(add_text(&set, "pack: a\nentries:\n  - {name: f, returns: alloc}\n"
                                     "  - {name: g, noreturn: true}\n", &error), 0);
    const char *second = "pack: b\nentries:\n  - {name: f, nonnull: 1}\n"
                         "  - {name: a, noreturn: true}\n";
    assert_int_equal(packs_add_pack(&set, "b.yaml", second, strlen(second), &error), 0);
    assert_int_equal(set.count, 3);
    const struct pack_entry *rule = packs_find(&set, "f");
    assert_int_equal(rule->returns, SOURCE_NONE);
    assert_int_equal(rule->nonnull_arguments, ARG(0));
    assert_string_equal(rule->pack, "b");
    assert_string_equal(rule->file, "b.yaml");
    assert_string_equal(set.entries[0].name, "a");
    /* a broken pack changes nothing */
    assert_int_equal(add_text(&set, "pack: c\nentries:\n  - {name: g, returns: lookup}\n"
                                     "  - {name: h, bogus: 1}\n", &error), -1);
    free(error);
    assert_int_equal(set.count, 3);
    assert_int_equal(set.pack_count, 2);
    assert_true(packs_find(&set, "g")->noreturn);
    packs_free(&set);
}

static void write_file(const char *path, const char *text)
{
    FILE *stream = fopen(path, "w");
    assert_non_null(stream);
    fputs(text, stream);
    fclose(stream);
}

static void test_pack_files(void **state)
{
    (void)state;
    char directory[] = "/tmp/nullproof-packs-XXXXXX";
    assert_non_null(mkdtemp(directory));
    char first[256], second[256], other[256];
    snprintf(first, sizeof first, "%s/b.yaml", directory);
    snprintf(second, sizeof second, "%s/a.yml", directory);
    snprintf(other, sizeof other, "%s/notes.txt", directory);
    write_file(first, "pack: b\nentries:\n  - {name: f, returns: lookup}\n");
    write_file(second, "pack: a\nentries:\n  - {name: f, returns: alloc}\n");
    write_file(other, "not a pack");
    struct pack_set set;
    packs_init(&set);
    char *error = NULL;
    if (packs_add_path(&set, directory, &error) != 0)
        fail_msg("%s", error);
    assert_int_equal(set.pack_count, 2);
    assert_string_equal(set.packs[0].name, "a"); /* a.yml before b.yaml */
    assert_int_equal(packs_find(&set, "f")->returns, SOURCE_LOOKUP);
    assert_int_equal(packs_add_path(&set, "/nonexistent/pack.yaml", &error), -1);
    assert_non_null(strstr(error, "cannot read rule pack /nonexistent/pack.yaml"));
    free(error);
    write_file(first, "pack: b\nentries:\n  - {name: f, returns: nothing}\n");
    assert_int_equal(packs_add_path(&set, first, &error), -1);
    assert_non_null(strstr(error, first));
    assert_non_null(strstr(error, ":3:24: expected alloc"));
    free(error);
    packs_free(&set);
    unlink(first);
    unlink(second);
    unlink(other);
    packs_init(&set);
    assert_int_equal(packs_add_path(&set, directory, &error), -1);
    assert_non_null(strstr(error, "no rule packs"));
    free(error);
    packs_free(&set);
    rmdir(directory);
}

static void test_embedded_by_name(void **state)
{
    (void)state;
    struct pack_set set;
    packs_init(&set);
    char *error = NULL;
    assert_int_equal(packs_add_embedded(&set, "glib", &error), 0);
    assert_int_equal(set.pack_count, 1);
    assert_non_null(packs_find(&set, "g_try_malloc"));
    assert_null(packs_find(&set, "malloc"));
    assert_int_equal(packs_add_embedded(&set, "boost", &error), -1);
    assert_non_null(strstr(error, "unknown built-in rule pack 'boost' (available: cjson, curl"));
    free(error);
    packs_free(&set);
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(packs_kind_name(SOURCE_ALLOC), "alloc");
    assert_string_equal(packs_kind_name(SOURCE_LOOKUP), "lookup");
    assert_string_equal(packs_kind_name(SOURCE_NULLABLE), "nullable");
    assert_string_equal(packs_kind_name(SOURCE_NONE), "none");
    assert_null(packs_find(NULL, "malloc"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_embedded_packs_load),
        cmocka_unit_test(test_builtin_facts),
        cmocka_unit_test(test_every_key),
        cmocka_unit_test(test_errors_name_the_place),
        cmocka_unit_test(test_later_pack_replaces),
        cmocka_unit_test(test_pack_files),
        cmocka_unit_test(test_embedded_by_name),
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_variants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * options: command-line parsing in clang-tidy's conventions (`-p DIR`,
 * `-p=DIR`, `--flag VALUE`, `--flag=VALUE`, `--` ends our options). It
 * knows flags and their syntax, not what a run does with them.
 */
#include "options.h"

#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../checks/suggest.h"
#include "../support/text.h"
#include "../support/xalloc.h"

enum { MAX_JOBS = 1024 };

static void *grow_array(void *array, int count, size_t element_size)
{
    void *grown = xrealloc(array, (size_t)(count + 1) * element_size);
    return grown;
}

/* Splits "a,b,,c" into a, b, c (empty items are ignored) and appends them. */
static int append_rule_names(const char ***names, int *count, const char *list, const char *flag,
                             char **error)
{
    int before = *count;
    const char *start = list;
    for (;;) {
        const char *comma = strchr(start, ',');
        size_t length = comma ? (size_t)(comma - start) : strlen(start);
        if (length > 0) {
            *names = grow_array(*names, *count, sizeof **names);
            (*names)[(*count)++] = xstrndup(start, length);
        }
        if (!comma)
            break;
        start = comma + 1;
    }
    if (*count == before) {
        *error = text_printf("%s expects a rule id (see --list-rules)", flag);
        return -1;
    }
    return 0;
}

static int parse_jobs(const char *text, int *jobs, char **error)
{
    char *end = NULL;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (errno || end == text || *end != '\0' || value < 1 || value > MAX_JOBS) {
        *error = text_printf("-j expects a number of jobs from 1 to %d, not '%s'", MAX_JOBS,
                                text);
        return -1;
    }
    *jobs = (int)value;
    return 0;
}

/* --cache-size: whole MiB, from 1 MiB to 1 TiB. */
static int parse_cache_size(const char *text, long *size, char **error)
{
    char *end = NULL;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (errno || end == text || *end != '\0' || value < 1 || value > 1024L * 1024) {
        *error = text_printf("--cache-size expects a number of MiB from 1 to 1048576, not '%s'",
                             text);
        return -1;
    }
    *size = value;
    return 0;
}

static int parse_suggest(const char *text, enum suggest_level *level, char **error)
{
    if (suggest_parse_level(text, level))
        return 0;
    *error = text_printf("--suggest expects none, fix or full, not '%s'", text);
    return -1;
}

static int parse_color(const char *text, enum color_mode *mode, char **error)
{
    if (strcmp(text, "auto") == 0)
        *mode = COLOR_AUTO;
    else if (strcmp(text, "always") == 0)
        *mode = COLOR_ALWAYS;
    else if (strcmp(text, "never") == 0)
        *mode = COLOR_NEVER;
    else {
        *error = text_printf("--color expects auto, always or never, not '%s'", text);
        return -1;
    }
    return 0;
}

/* The flags that take a value. `short_name` may be NULL. */
enum value_flag { FLAG_DATABASE, FLAG_JOBS, FLAG_OUTPUT, FLAG_FORMAT, FLAG_COLOR, FLAG_ENABLE,
                  FLAG_DISABLE, FLAG_BASELINE, FLAG_WRITE_BASELINE, FLAG_EXTRA_ARGUMENT,
                  FLAG_EXTRA_ARGUMENT_BEFORE, FLAG_CONFIG, FLAG_RULES, FLAG_SUGGEST, FLAG_SHARD,
                  FLAG_CACHE_DIR, FLAG_CACHE_SIZE, FLAG_NONE };

struct value_flag_spelling {
    enum value_flag flag;
    const char *name;
    bool is_short; /* a one-letter flag also accepts its value glued on: -j4 */
};

static const struct value_flag_spelling value_flags[] = {
    {FLAG_DATABASE, "-p", true},       {FLAG_JOBS, "-j", true},
    {FLAG_JOBS, "--jobs", false},      {FLAG_OUTPUT, "-o", true},
    {FLAG_OUTPUT, "--output", false},  {FLAG_FORMAT, "--format", false},
    {FLAG_COLOR, "--color", false},    {FLAG_ENABLE, "--enable", false},
    {FLAG_DISABLE, "--disable", false},
    {FLAG_BASELINE, "--baseline", false},
    {FLAG_WRITE_BASELINE, "--write-baseline", false},
    {FLAG_EXTRA_ARGUMENT_BEFORE, "--extra-arg-before", false},
    {FLAG_EXTRA_ARGUMENT, "--extra-arg", false},
    {FLAG_CONFIG, "--config", false},
    {FLAG_RULES, "--rules", false},
    {FLAG_SUGGEST, "--suggest", false},
    {FLAG_SHARD, "--shard", false},
    {FLAG_CACHE_DIR, "--cache-dir", false},
    {FLAG_CACHE_SIZE, "--cache-size", false},
};

/* Recognises `argument` as a value flag. *inline_value is the value given
 * in the same argument (`-p=DIR`, `-pDIR`, `--format=text`), else NULL. */
static enum value_flag match_value_flag(const char *argument, const char **spelling,
                                        const char **inline_value)
{
    for (size_t i = 0; i < sizeof value_flags / sizeof value_flags[0]; i++) {
        const char *name = value_flags[i].name;
        size_t length = strlen(name);
        if (strncmp(argument, name, length) != 0)
            continue;
        const char *rest = argument + length;
        if (*rest == '\0')
            *inline_value = NULL;
        else if (*rest == '=')
            *inline_value = rest + 1;
        else if (value_flags[i].is_short)
            *inline_value = rest;
        else
            continue;
        *spelling = name;
        return value_flags[i].flag;
    }
    return FLAG_NONE;
}

/* A flag that names one file may be given once: a second -o would
 * silently win over the first. */
static int set_once(const char **slot, const char *value, const char *spelling, char **error)
{
    if (*slot) {
        *error = text_printf("%s given twice ('%s' and '%s'): give it once", spelling, *slot,
                             value);
        return -1;
    }
    *slot = value;
    return 0;
}

static int apply_value_flag(struct options *options, enum value_flag flag, const char *spelling,
                            const char *value, char **error)
{
    if (*value == '\0' && flag != FLAG_ENABLE && flag != FLAG_DISABLE) {
        *error = text_printf("%s expects a value", spelling);
        return -1;
    }
    switch (flag) {
    case FLAG_DATABASE:
        return set_once(&options->database_path, value, spelling, error);
    case FLAG_JOBS:
        return parse_jobs(value, &options->jobs, error);
    case FLAG_OUTPUT:
        return set_once(&options->output_path, value, spelling, error);
    case FLAG_FORMAT:
        options->format = value;
        return 0;
    case FLAG_COLOR:
        return parse_color(value, &options->color, error);
    case FLAG_ENABLE:
        return append_rule_names(&options->enabled_rules, &options->enabled_rule_count, value,
                                 spelling, error);
    case FLAG_DISABLE:
        return append_rule_names(&options->disabled_rules, &options->disabled_rule_count, value,
                                 spelling, error);
    case FLAG_BASELINE:
        return set_once(&options->baseline_path, value, spelling, error);
    case FLAG_WRITE_BASELINE:
        return set_once(&options->write_baseline_path, value, spelling, error);
    case FLAG_EXTRA_ARGUMENT_BEFORE:
        options->extra_arguments_before =
            grow_array(options->extra_arguments_before, options->extra_argument_before_count,
                       sizeof *options->extra_arguments_before);
        options->extra_arguments_before[options->extra_argument_before_count++] = value;
        return 0;
    case FLAG_EXTRA_ARGUMENT:
        options->extra_arguments = grow_array(options->extra_arguments,
                                              options->extra_argument_count,
                                              sizeof *options->extra_arguments);
        options->extra_arguments[options->extra_argument_count++] = value;
        return 0;
    case FLAG_CONFIG:
        options->config_path = value;
        return 0;
    case FLAG_RULES:
        options->rule_paths = grow_array(options->rule_paths, options->rule_path_count,
                                         sizeof *options->rule_paths);
        options->rule_paths[options->rule_path_count++] = value;
        return 0;
    case FLAG_SUGGEST:
        options->suggest_given = true;
        return parse_suggest(value, &options->suggest, error);
    case FLAG_SHARD:
        if (options->shard.count > 0) {
            *error = text_printf("%s given twice: give it once", spelling);
            return -1;
        }
        return shard_parse(value, &options->shard, error);
    case FLAG_CACHE_DIR:
        return set_once(&options->cache_dir, value, spelling, error);
    case FLAG_CACHE_SIZE:
        return parse_cache_size(value, &options->cache_size, error);
    case FLAG_NONE:
        break;
    }
    return 0;
}

struct switch_flag {
    const char *name;
    size_t offset; /* of the bool in struct options */
};

static const struct switch_flag switch_flags[] = {
    {"--quiet", offsetof(struct options, quiet)},
    {"-q", offsetof(struct options, quiet)},
    {"--verbose", offsetof(struct options, verbose)},
    {"-v", offsetof(struct options, verbose)},
    {"--list-rules", offsetof(struct options, list_rules)},
    {"--exit-zero", offsetof(struct options, exit_zero)},
    {"--all-uses", offsetof(struct options, all_uses)},
    {"--single-unit", offsetof(struct options, single_unit)},
    {"--cache-stats", offsetof(struct options, cache_stats)},
    {"--version", offsetof(struct options, show_version)},
    {"--help", offsetof(struct options, show_help)},
    {"-h", offsetof(struct options, show_help)},
    {"--dump-ir", offsetof(struct options, dump_ir)},
    {"--dump-config", offsetof(struct options, dump_config)},
    {"--report-unused-suppressions", offsetof(struct options, report_unused_suppressions)},
    {"--fix", offsetof(struct options, fix)},
    {"--fix-backup", offsetof(struct options, fix_backup)},
    {"--parseable-fixits", offsetof(struct options, parseable_fixits)},
    {"--lsp", offsetof(struct options, lsp)},
    {"--merge", offsetof(struct options, merge)},
    {"-fdiagnostics-parseable-fixits", offsetof(struct options, parseable_fixits)}, /* clang's */
};

static bool apply_switch_flag(struct options *options, const char *argument)
{
    for (size_t i = 0; i < sizeof switch_flags / sizeof switch_flags[0]; i++) {
        if (strcmp(argument, switch_flags[i].name) == 0) {
            *(bool *)((char *)options + switch_flags[i].offset) = true;
            return true;
        }
    }
    return false;
}

static void add_path(struct options *options, const char *path)
{
    options->paths = grow_array(options->paths, options->path_count, sizeof *options->paths);
    options->paths[options->path_count++] = path;
}

int options_parse(int argc, char **argv, struct options *options, char **error)
{
    memset(options, 0, sizeof *options);
    options->format = "text";
    options->color = COLOR_AUTO;
    *error = NULL;
    for (int i = 1; i < argc; i++) {
        const char *argument = argv[i];
        if (strcmp(argument, "--") == 0) {
            options->has_compiler_arguments = true;
            options->compiler_arguments = (const char **)argv + i + 1;
            options->compiler_argument_count = argc - i - 1;
            break;
        }
        if (argument[0] != '-') {
            add_path(options, argument);
            continue;
        }
        if (strcmp(argument, "-") == 0) {
            *error = text_printf("reading a source from standard input is not supported");
            return -1;
        }
        if (apply_switch_flag(options, argument))
            continue;
        const char *spelling = NULL;
        const char *value = NULL;
        enum value_flag flag = match_value_flag(argument, &spelling, &value);
        if (flag == FLAG_NONE) {
            *error = text_printf("unknown option '%s' (see --help)", argument);
            return -1;
        }
        if (!value) {
            if (i + 1 >= argc) {
                *error = text_printf("%s expects a value", spelling);
                return -1;
            }
            value = argv[++i];
        }
        if (apply_value_flag(options, flag, spelling, value, error) != 0)
            return -1;
    }
    if (options->fix_backup)
        options->fix = true;
    if (options->merge && (options->shard.count > 0 || options->database_path ||
                           options->has_compiler_arguments || options->fix || options->dump_ir)) {
        *error = text_printf("--merge combines JSON outputs: it takes no --shard, -p, --fix "
                             "or `--`");
        return -1;
    }
    /* Silently ignored, they would look as if they had changed the report. */
    if (options->merge &&
        (options->enabled_rule_count || options->disabled_rule_count || options->rule_path_count ||
         options->config_path || options->suggest_given || options->all_uses ||
         options->report_unused_suppressions || options->extra_argument_count ||
         options->extra_argument_before_count)) {
        *error = text_printf("--merge combines JSON outputs: the options that decide the "
                             "findings (--enable, --disable, --rules, --config, --suggest, "
                             "--all-uses, --report-unused-suppressions, --extra-arg) are the "
                             "shards' (give them to every --shard run)");
        return -1;
    }
    return 0;
}

static void free_names(const char **names, int count)
{
    for (int i = 0; i < count; i++)
        free((char *)names[i]);
    free(names);
}

void options_free(struct options *options)
{
    free(options->paths);
    free_names(options->enabled_rules, options->enabled_rule_count);
    free_names(options->disabled_rules, options->disabled_rule_count);
    free(options->extra_arguments_before);
    free(options->extra_arguments);
    free(options->rule_paths);
    memset(options, 0, sizeof *options);
}

static int find_rule(const struct rule_info *rules, int rule_count, const char *id)
{
    for (int i = 0; i < rule_count; i++)
        if (strcmp(rules[i].id, id) == 0)
            return i;
    return -1;
}

int options_select_rules(const struct options *options, const struct rule_info *rules,
                         int rule_count, bool *enabled, char **error)
{
    *error = NULL;
    for (int i = 0; i < rule_count; i++)
        enabled[i] = options->enabled_rule_count == 0;
    for (int i = 0; i < options->enabled_rule_count; i++) {
        int index = find_rule(rules, rule_count, options->enabled_rules[i]);
        if (index < 0) {
            *error = text_printf("--enable: unknown rule '%s' (see --list-rules)",
                                    options->enabled_rules[i]);
            return -1;
        }
        enabled[index] = true;
    }
    for (int i = 0; i < options->disabled_rule_count; i++) {
        int index = find_rule(rules, rule_count, options->disabled_rules[i]);
        if (index < 0) {
            *error = text_printf("--disable: unknown rule '%s' (see --list-rules)",
                                    options->disabled_rules[i]);
            return -1;
        }
        enabled[index] = false;
    }
    return 0;
}

bool options_use_color(enum color_mode mode, bool is_terminal, const char *term,
                       const char *no_color)
{
    switch (mode) {
    case COLOR_ALWAYS:
        return true;
    case COLOR_NEVER:
        return false;
    case COLOR_AUTO:
        break;
    }
    if (!is_terminal)
        return false;
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return !(no_color && *no_color);
}

const char *options_usage(void)
{
    return "Usage: nullproof [options] [PATH...] [-- COMPILER-ARGS...]\n"
           "\n"
           "Finds uses of possibly-NULL pointers that no NULL check guards, dereferences of\n"
           "pointers known to be NULL, and NULL checks that come after a dereference.\n"
           "\n"
           "PATH is a .c file or a directory (searched recursively for .c files). Without\n"
           "PATH, -p analyses every file of the compilation database.\n"
           "\n"
           "Options:\n"
           "  -p DIR|FILE          compile_commands.json (or its directory) to take compiler\n"
           "                       arguments from; without -p it is searched for upward from\n"
           "                       each file (also in build/ beside each directory)\n"
           "  -j N, --jobs N       translation units analysed in parallel (default: cores)\n"
           "  --format FORMAT      output format: text (default), json, sarif, github or\n"
           "                       codeclimate\n"
           "  -o FILE, --output FILE\n"
           "                       write the findings to FILE instead of standard output\n"
           "  --color WHEN         auto (default), always or never\n"
           "  --enable RULE[,RULE] run only these rules (may be repeated)\n"
           "  --disable RULE[,RULE]\n"
           "                       do not run these rules (may be repeated)\n"
           "  --list-rules         print every rule id with its summary and exit; with\n"
           "                       --verbose also the rule packs and what they say\n"
           "  --rules FILE|DIR     add a rule pack, or every *.yaml pack of DIR (repeatable)\n"
           "  --config FILE        the configuration file to use (default: the nearest\n"
           "                       .nullproof.yaml above each analysed file)\n"
           "  --dump-config        print the effective configuration (YAML) and exit\n"
           "  --report-unused-suppressions\n"
           "                       report suppression comments that match no finding\n"
           "  --suggest LEVEL      advice on each finding: none, fix (default: the fix and\n"
           "                       a pointer to the Option/Result pattern) or full (the\n"
           "                       pattern's type declaration and rewritten signature)\n"
           "  --parseable-fixits   print fix-its as clang's -fdiagnostics-parseable-fixits\n"
           "                       does (fix-it:\"FILE\":{L:C-L:C}:\"TEXT\")\n"
           "  --fix                apply the fix-its (a NULL test after the assignment) to\n"
           "                       files that git tracks with no uncommitted changes\n"
           "  --fix-backup         --fix any file, saving the original as FILE.orig\n"
           "  --exit-zero          exit with 0 even when there are findings\n"
           "  --all-uses           report every use of a NULL, not only the first (the\n"
           "                       others are notes of the first by default)\n"
           "  --single-unit        analyse each translation unit alone (default: the units\n"
           "                       of one run are one program and see each other's\n"
           "                       functions and call sites)\n"
           "  --baseline FILE      report only findings that FILE does not record\n"
           "  --write-baseline FILE\n"
           "                       record the findings in FILE (for --baseline) and exit 0\n"
           "  --shard K/N          analyse only the K-th of N parts of the translation units\n"
           "                       (the same split on every machine); write --format json\n"
           "                       and combine the parts with --merge\n"
           "  --merge FILE...      combine the --format json outputs of a run's shards into\n"
           "                       the report of the whole run, in any --format\n"
           "  --cache-dir DIR      keep each unit's results in DIR and reuse them while\n"
           "                       nothing they depend on changed (default: none, or the\n"
           "                       configuration's cache-dir)\n"
           "  --cache-size MIB     bound of --cache-dir, oldest entries go first (512)\n"
           "  --cache-stats        print the cache's hits, misses and size on stderr\n"
           "  --extra-arg ARG, --extra-arg-before ARG\n"
           "                       add ARG after (before) every file's compiler arguments\n"
           "  --lsp                run as a language server (LSP) on standard input and\n"
           "                       output, for editors (docs/editors.md)\n"
           "  -q, --quiet          no summary line\n"
           "  -v, --verbose        say which files are analysed and with which arguments\n"
           "  --version            print the version and exit\n"
           "  -h, --help           print this help and exit\n"
           "  -- COMPILER-ARGS     arguments for files without a compile command\n"
           "                       (default: -std=gnu11); a whole compiler command line\n"
           "                       (-- cc -I.. -c FILE, as CMAKE_C_CLANG_TIDY passes it) is\n"
           "                       the compile command of the files named\n"
           "\n"
           "Exit status: 0 no findings, 1 findings, 2 usage, configuration or input error.\n";
}

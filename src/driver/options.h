/*
 * options: the command line, parsed into a plain struct. It validates the
 * syntax (known flags, numbers, choices) and resolves rule names against a
 * rule table; it opens no files and prints nothing: errors come back as
 * messages for the driver to print.
 */
#ifndef NULLPROOF_OPTIONS_H
#define NULLPROOF_OPTIONS_H

#include <stdbool.h>

#include "../checks/checks.h"
#include "shard.h"

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct options {
    const char **paths;             /* PATH arguments, in order (point into argv) */
    int path_count;
    const char *database_path;      /* -p DIR|FILE, or NULL */
    const char **compiler_arguments; /* after `--` (point into argv) */
    int compiler_argument_count;
    bool has_compiler_arguments;    /* `--` was given, even with nothing after it */
    int jobs;                       /* -j; 0: one per online core */
    const char *format;             /* --format, default "text" */
    const char *output_path;        /* -o, or NULL for stdout */
    enum color_mode color;
    const char **enabled_rules;     /* --enable, split at commas (owned copies) */
    int enabled_rule_count;
    const char **disabled_rules;    /* --disable, split at commas (owned copies) */
    int disabled_rule_count;
    bool quiet;
    bool verbose;
    bool list_rules;
    bool exit_zero;
    bool all_uses;                  /* --all-uses: every use of one NULL is a finding */
    bool single_unit;               /* --single-unit: each unit alone, no whole-program
                                     * summaries or call evidence */
    bool show_version;
    bool show_help;
    bool dump_ir;                   /* hidden developer flag --dump-ir */
    const char *config_path;        /* --config FILE; NULL: .nullproof.yaml found upward */
    const char **rule_paths;        /* --rules FILE|DIR, in order (point into argv) */
    int rule_path_count;
    bool dump_config;               /* --dump-config: print the effective configuration */
    bool report_unused_suppressions; /* --report-unused-suppressions */
    const char *baseline_path;       /* --baseline FILE: hide the findings it records */
    const char *write_baseline_path; /* --write-baseline FILE: record the findings there */
    const char **extra_arguments_before; /* --extra-arg-before (clang-tidy's; point into argv) */
    int extra_argument_before_count;
    const char **extra_arguments;    /* --extra-arg: appended to every parse's arguments */
    int extra_argument_count;
    enum suggest_level suggest;      /* --suggest none|fix|full (default fix) */
    bool suggest_given;              /* --suggest was on the command line */
    bool fix;                        /* --fix: apply the fix-its to the files */
    bool fix_backup;                 /* --fix-backup: --fix, keeping FILE.orig */
    bool parseable_fixits;           /* --parseable-fixits: fix-it lines in text output */
    bool lsp;                        /* --lsp: serve the Language Server Protocol on stdio */
    struct shard shard;              /* --shard K/N; count 0: not given */
    bool merge;                      /* --merge: the PATHs are JSON outputs to combine */
    const char *cache_dir;           /* --cache-dir DIR: the result cache, or NULL */
    long cache_size;                 /* --cache-size MIB; 0: not given */
    bool cache_stats;                /* --cache-stats: hits and misses on stderr */
};

/* Parses argv[1..argc-1]. Returns 0, or -1 with a malloc'ed message in
 * *error (caller frees) for a usage error. The options point into argv and
 * own some arrays: release them with options_free in both cases. */
int options_parse(int argc, char **argv, struct options *options, char **error);

void options_free(struct options *options);

/* Fills enabled[i] (i indexes `rules`) from --enable / --disable: with any
 * --enable only the rules named there run, else all; --disable then removes
 * rules. Returns 0, or -1 with a malloc'ed message naming an unknown rule. */
int options_select_rules(const struct options *options, const struct rule_info *rules,
                         int rule_count, bool *enabled, char **error);

/* Whether output should be coloured: `always`, `never`, or for `auto` a
 * terminal whose TERM is not "dumb" with NO_COLOR unset or empty. */
bool options_use_color(enum color_mode mode, bool is_terminal, const char *term,
                       const char *no_color);

/* The --help text. */
const char *options_usage(void);

#endif

/*
 * run: what one nullproof run owns, shared by the driver's three parts:
 * plan.c (inputs -> jobs with their compile arguments), output.c (merged,
 * baselined and suppressed findings -> the chosen format, and what the run
 * says on stderr) and driver.c (the order of it all). Private to
 * src/driver.
 */
#ifndef NULLPROOF_RUN_H
#define NULLPROOF_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "../frontend/compile_db.h"
#include "../report/report.h"
#include "database_search.h"
#include "driver.h"
#include "jobs.h"
#include "messages.h"
#include "options.h"
#include "profiles.h"
#include "sources.h"

struct baseline;

/* Everything one run owns; released in one place whatever happened. */
struct run {
    struct options options;
    struct message_list messages; /* before the jobs: options, inputs, databases */
    bool *enabled_rules;
    const struct report_format *format;
    FILE *output;
    bool output_is_file;
    struct compile_database *database; /* -p */
    struct database_search *search;    /* no -p */
    struct source_set sources;
    struct job *jobs;
    int job_count;
    const char *const *fallback_arguments;
    int fallback_argument_count;
    char *working_directory;
    bool has_compiler_command;      /* `--` holds a compiler command line (CMake's clang-tidy) */
    int compiler_index;             /* its compiler's index after `--` */
    char ***command_arguments;      /* parse arguments made from it, one array per job */
    int *command_argument_counts;
    int command_argument_list_count;
    struct baseline *baseline;      /* --baseline */
    FILE *baseline_output;          /* --write-baseline, opened before any parse */
    int baseline_hidden;            /* findings the baseline hid */
    int baseline_written;           /* findings --write-baseline recorded; -1: not written */
    char **tool_errors;             /* every error message, for formats that record them */
    int tool_error_count;
    const char ***extended_arguments; /* per job, with --extra-arg(-before) added */
    int extended_argument_count;
    struct profile_set profiles;    /* one per configuration file; built before the jobs */
    int clang_error_count;          /* clang's errors among the merged findings */
    int unit_count;                 /* translation units analysed (parsed) */
    char *configuration;            /* digest of the rule configuration, or NULL */
};

/* plan.c: one job per translation unit to analyse, with its compiler
 * arguments (database, compiler command, fallback) and --extra-arg(s). */
void run_plan(struct run *run);

/* plan.c: whether `job` is one of the units --shard K/N reports (always
 * true without --shard). The one place the split is decided: run_plan
 * drops the other jobs today; whole-program analysis will instead run
 * phase 1 (summaries) on every job and phase 2 (findings) on these. */
bool run_job_in_shard(const struct run *run, const struct job *job);

/* output.c: the line that ends a run on stderr (not with --quiet):
 * findings, files, translation units, clang's errors and the time. */
void run_print_summary(const struct run *run, const struct driver_outcome *outcome,
                       int file_count, double seconds);

/* merge_run.c: --merge, the JSON outputs named by the PATHs combined into
 * one report, as one run over all their units would have written it.
 * Returns the number of files with findings, or -1 when the outputs could
 * not be combined (the errors are printed and counted in `outcome`). */
int run_merge(struct run *run, struct driver_outcome *outcome);

/* output.c: keeps `list`'s errors for the formats that record them. */
void run_remember_errors(struct run *run, const struct message_list *list);

/* output.c: merges the jobs' findings, applies the baseline and the
 * suppressions, writes them in the chosen format; counts into `outcome`
 * and says how many files had findings. */
void run_report(struct run *run, struct job_output *outputs, int output_count,
                struct driver_outcome *outcome, int *file_count);

/* output.c: what --write-baseline wrote, or what --baseline hid. */
void run_report_baseline(const struct run *run);

#endif

/*
 * driver: options -> inputs -> compile commands -> jobs -> merged findings
 * -> report. Every problem becomes a message printed here and counted in
 * the outcome; nothing in here exits the process.
 */
#include "driver.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../checks/checks.h"
#include "../frontend/compile_db.h"
#include "../frontend/frontend.h"
#include "../report/report.h"
#include "../packs/packs.h"
#include "baseline.h"
#include "compiler_command.h"
#include "database_search.h"
#include "fix.h"
#include "jobs.h"
#include "merge.h"
#include "messages.h"
#include "options.h"
#include "profiles.h"
#include "sources.h"
#include "suppress.h"
#include "../support/xalloc.h"

static const char *const default_arguments[] = {"-std=gnu11"};

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
};

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static void print_version(FILE *stream)
{
    char *libclang = frontend_version();
    fprintf(stream, "nullproof version %s\n", NULLPROOF_VERSION);
    if (libclang)
        fprintf(stream, "%s\n", libclang);
    free(libclang);
}

static void print_rules(FILE *stream)
{
    int count = 0;
    const struct rule_info *rules = checks_rules(&count);
    int width = 0;
    for (int i = 0; i < count; i++)
        if ((int)strlen(rules[i].id) > width)
            width = (int)strlen(rules[i].id);
    for (int i = 0; i < count; i++)
        fprintf(stream, "%-*s  %s\n", width, rules[i].id, rules[i].summary);
}

static char *format_names(void)
{
    int count = 0;
    const struct report_format *formats = report_formats(&count);
    struct string_buffer names;
    string_buffer_init(&names);
    for (int i = 0; i < count; i++)
        string_buffer_printf(&names, "%s%s", i ? ", " : "", formats[i].name);
    char *text = xstrdup(string_buffer_text(&names));
    string_buffer_free(&names);
    return text;
}

/* Rules, format and output file: what must be right before any work. */
static int configure(struct run *run)
{
    int rule_count = 0;
    const struct rule_info *rules = checks_rules(&rule_count);
    run->enabled_rules = xcalloc((size_t)rule_count + 1, sizeof *run->enabled_rules);
    char *error = NULL;
    if (options_select_rules(&run->options, rules, rule_count, run->enabled_rules, &error) != 0) {
        message_add_owned(&run->messages, MESSAGE_ERROR, error);
        return -1;
    }
    run->format = report_find_format(run->options.format);
    if (!run->format) {
        char *names = format_names();
        message_add(&run->messages, MESSAGE_ERROR, "unknown format '%s' (available: %s)",
                    run->options.format, names);
        free(names);
        return -1;
    }
    if (run->options.path_count == 0 && !run->options.database_path) {
        message_add(&run->messages, MESSAGE_ERROR,
                    "no input files: give a PATH or -p DIR (see --help)");
        return -1;
    }
    run->output = stdout;
    if (run->options.output_path) {
        run->output = fopen(run->options.output_path, "w");
        if (!run->output) {
            run->output = stdout;
            message_add(&run->messages, MESSAGE_ERROR, "cannot write %s: %s",
                        run->options.output_path, strerror(errno));
            return -1;
        }
        run->output_is_file = true;
    }
    if (run->options.has_compiler_arguments) {
        run->fallback_arguments = run->options.compiler_arguments;
        run->fallback_argument_count = run->options.compiler_argument_count;
        run->has_compiler_command = compiler_command_recognise(
            run->options.compiler_arguments, run->options.compiler_argument_count,
            &run->compiler_index);
    } else {
        run->fallback_arguments = default_arguments;
        run->fallback_argument_count = 1;
    }
    if (run->options.database_path) {
        run->database = compile_database_load(run->options.database_path, &error);
        if (!run->database) {
            message_add_owned(&run->messages, MESSAGE_ERROR,
                              error ? error : strdup("cannot load compile_commands.json"));
            return -1;
        }
    } else {
        run->search = database_search_create();
    }
    run->working_directory = getcwd(NULL, 0);
    run->baseline_written = -1;
    if (run->options.write_baseline_path) {
        /* Opened now: libclang 14 changes the working directory while it parses. */
        run->baseline_output = fopen(run->options.write_baseline_path, "w");
        if (!run->baseline_output) {
            message_add(&run->messages, MESSAGE_ERROR, "cannot write baseline %s: %s",
                        run->options.write_baseline_path, strerror(errno));
            return -1;
        }
    } else if (run->options.baseline_path) {
        run->baseline = baseline_load(run->options.baseline_path, &error);
        if (!run->baseline) {
            message_add_owned(&run->messages, MESSAGE_ERROR, error);
            return -1;
        }
    }
    return 0;
}

static struct job *new_job(struct run *run)
{
    run->jobs = xrealloc(run->jobs, (size_t)(run->job_count + 1) * sizeof *run->jobs);
    struct job *job = &run->jobs[run->job_count++];
    memset(job, 0, sizeof *job);
    return job;
}

static char *joined_arguments(const char *const *arguments, int count)
{
    struct string_buffer text;
    string_buffer_init(&text);
    for (int i = 0; i < count; i++)
        string_buffer_printf(&text, "%s%s", i ? " " : "", arguments[i]);
    char *copy = xstrdup(string_buffer_text(&text));
    string_buffer_free(&text);
    return copy;
}

/* The compile command after `--` made into this file's parse arguments. */
static void plan_given_command(struct run *run, const struct source_file *source,
                               struct job *job)
{
    int count = 0;
    char **arguments = compiler_command_arguments(
        run->options.compiler_arguments, run->options.compiler_argument_count,
        run->compiler_index, run->working_directory, source->absolute, &count);
    int lists = run->command_argument_list_count + 1;
    run->command_arguments = xrealloc(run->command_arguments,
                                     (size_t)lists * sizeof *run->command_arguments);
    run->command_argument_counts = xrealloc(run->command_argument_counts,
                                            (size_t)lists * sizeof *run->command_argument_counts);
    run->command_arguments[lists - 1] = arguments;
    run->command_argument_counts[lists - 1] = count;
    run->command_argument_list_count = lists;
    job->parse_path = source->path;
    job->arguments = (const char *const *)arguments;
    job->argument_count = count;
    char *joined = joined_arguments(job->arguments, count);
    message_add(&run->messages, MESSAGE_VERBOSE, "%s: compile command given after --: %s",
                source->path, joined);
    free(joined);
}

/* A job for a file named on the command line, with the compile command
 * given after `--` or else the one a database has. */
static void plan_source(struct run *run, const struct source_file *source)
{
    if (run->has_compiler_command) {
        struct job *job = new_job(run);
        job->display_path = source->path;
        job->absolute_path = source->absolute;
        plan_given_command(run, source, job);
        return;
    }
    const struct compile_database *database =
        run->database ? run->database
                      : database_search_find(run->search, source->absolute, &run->messages);
    const struct compile_command *command =
        database ? compile_database_find(database, source->absolute) : NULL;
    struct job *job = new_job(run);
    job->display_path = source->path;
    job->absolute_path = source->absolute;
    if (command) {
        /* The command may set -working-directory: give the front end a path
         * that does not depend on it. */
        job->parse_path = command->file;
        job->directory = command->directory;
        job->arguments = (const char *const *)command->arguments;
        job->argument_count = command->argument_count;
        message_add(&run->messages, MESSAGE_VERBOSE, "%s: using compile_commands.json from %s",
                    source->path, compile_database_directory(database));
        return;
    }
    job->parse_path = source->path;
    job->arguments = run->fallback_arguments;
    job->argument_count = run->fallback_argument_count;
    char *arguments = joined_arguments(run->fallback_arguments, run->fallback_argument_count);
    message_add(&run->messages, MESSAGE_VERBOSE, "%s: no compile command, using: %s",
                source->path, arguments);
    free(arguments);
}

static bool planned(const struct run *run, const char *absolute)
{
    for (int i = 0; i < run->job_count; i++)
        if (strcmp(run->jobs[i].absolute_path, absolute) == 0)
            return true;
    return false;
}

/* -p without PATH: every C file of the database, as it names them. */
static void plan_database(struct run *run)
{
    const struct compile_database *database = run->database;
    const char *directory = compile_database_directory(database);
    int count = compile_database_count(database);
    for (int i = 0; i < count; i++) {
        const struct compile_command *command = compile_database_entry(database, i);
        struct stat status;
        if (stat(command->file, &status) != 0) {
            message_add(&run->messages, MESSAGE_ERROR,
                        "%s: listed in %s/compile_commands.json but missing", command->file,
                        directory);
            continue;
        }
        if (!source_is_c_file(command->file)) {
            message_add(&run->messages, MESSAGE_VERBOSE,
                        "%s: not a C source file, skipped (listed in %s/compile_commands.json)",
                        command->file, directory);
            continue;
        }
        if (planned(run, command->file))
            continue; /* one configuration per file, the first */
        char *error = NULL;
        if (source_check_content(command->file, &error) != 0) {
            message_add_owned(&run->messages, MESSAGE_ERROR, error);
            continue;
        }
        struct job *job = new_job(run);
        job->display_path = command->file;
        job->parse_path = command->file;
        job->absolute_path = command->file;
        job->directory = command->directory;
        job->arguments = (const char *const *)command->arguments;
        job->argument_count = command->argument_count;
        job->from_database = true;
        message_add(&run->messages, MESSAGE_VERBOSE, "%s: using compile_commands.json from %s",
                    command->file, directory);
    }
    if (count == 0)
        message_add(&run->messages, MESSAGE_ERROR, "%s/compile_commands.json has no entries",
                    directory);
}

static void plan(struct run *run)
{
    if (run->options.path_count == 0) {
        plan_database(run);
        return;
    }
    sources_collect(run->options.paths, run->options.path_count, &run->sources,
                    &run->messages);
    for (int i = 0; i < run->sources.count; i++)
        plan_source(run, &run->sources.files[i]);
}

static int thread_count(const struct options *options)
{
    if (options->jobs > 0)
        return options->jobs;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 0 ? (int)cores : 1;
}

static bool is_clang_error(const struct finding *finding)
{
    return finding->rule && strcmp(finding->rule, "clang-diagnostic") == 0;
}

/* Files with rule findings; `findings` is sorted, so by file. */
static int count_files(const struct finding_list *findings)
{
    int files = 0;
    const char *previous = NULL;
    for (int i = 0; i < findings->count; i++) {
        const struct finding *finding = &findings->items[i];
        if (is_clang_error(finding) || !finding->file)
            continue;
        if (!previous || strcmp(previous, finding->file) != 0)
            files++;
        previous = finding->file;
    }
    return files;
}

static int write_text(FILE *stream, const char *text, size_t length)
{
    return length == 0 || fwrite(text, 1, length, stream) == length ? 0 : -1;
}

/* Keeps a copy of every error of `list` for the formats that record them. */
static void remember_errors(struct run *run, const struct message_list *list)
{
    for (int i = 0; i < list->count; i++) {
        if (list->items[i].kind != MESSAGE_ERROR)
            continue;
        xappend_string(&run->tool_errors, &run->tool_error_count, xstrdup(list->items[i].text));
    }
}

/* What machine-readable formats record of the run besides its findings:
 * the rules, the errors so far and the exit status they make. Returns the
 * rules array, for the caller to free. */
static struct report_rule *fill_run_record(struct run *run, const struct job_output *outputs,
                                           const struct driver_outcome *outcome,
                                           struct report_options *options)
{
    int rule_count = 0;
    const struct rule_info *rules = checks_rules(&rule_count);
    struct report_rule *described = xcalloc((size_t)rule_count + 2, sizeof *described);
    for (int i = 0; i < rule_count; i++) {
        described[i].id = rules[i].id;
        described[i].summary = rules[i].summary;
    }
    /* Not a check, but results can carry it (--report-unused-suppressions). */
    described[rule_count].id = UNUSED_SUPPRESSION_RULE;
    described[rule_count].summary = "A suppression comment hides no finding.";
    options->rules = described;
    options->rule_count = rule_count + 1;
    struct driver_outcome expected = *outcome;
    expected.error_count += run->messages.error_count;
    remember_errors(run, &run->messages);
    for (int i = 0; i < run->job_count; i++) {
        expected.error_count += outputs[i].messages.error_count;
        remember_errors(run, &outputs[i].messages);
    }
    options->tool_errors = (const char *const *)run->tool_errors;
    options->tool_error_count = run->tool_error_count;
    options->exit_status = driver_exit_status(&expected);
    options->working_directory = run->working_directory;
    return described;
}

/* --write-baseline records the findings (which then fail nothing);
 * --baseline hides those it records. Before anything is counted. */
static void apply_baseline(struct run *run, struct finding_list *merged,
                           struct driver_outcome *outcome)
{
    if (run->baseline_output) {
        char *error = NULL;
        FILE *stream = run->baseline_output;
        run->baseline_output = NULL; /* closed by baseline_write */
        if (baseline_write(stream, run->options.write_baseline_path, merged, NULLPROOF_VERSION,
                           &error) != 0) {
            message_add_owned(&run->messages, MESSAGE_ERROR, error);
            return;
        }
        run->baseline_written = 0;
        for (int i = 0; i < merged->count; i++)
            if (!is_clang_error(&merged->items[i]))
                run->baseline_written++;
        outcome->exit_zero = true;
    } else if (run->baseline) {
        run->baseline_hidden = baseline_filter(run->baseline, merged);
    }
}

/* Inline suppressions (nullproof: ignore, NOLINT) hide the findings they
 * cover; unused ones are reported where the file's configuration or
 * --report-unused-suppressions asks. */
static void apply_suppressions(struct run *run, struct finding_list *merged)
{
    struct suppress_file *files = xcalloc((size_t)run->job_count + 1, sizeof *files);
    for (int i = 0; i < run->job_count; i++) {
        const struct job *job = &run->jobs[i];
        files[i].path = job->display_path;
        files[i].report_unused = run->options.report_unused_suppressions ||
                                 (job->settings && job->settings->report_unused_suppressions);
    }
    suppress_findings(merged, files, run->job_count);
    free(files);
}

/* Prints the findings (and --dump-ir text) of every job; counts them. */
static void report(struct run *run, struct job_output *outputs, struct driver_outcome *outcome,
                   int *file_count)
{
    struct arena merge_arena;
    arena_init(&merge_arena);
    struct finding_list merged;
    finding_list_init(&merged, &merge_arena);
    const struct finding_list **lists = xcalloc((size_t)run->job_count + 1, sizeof *lists);
    for (int i = 0; i < run->job_count; i++)
        lists[i] = &outputs[i].findings;
    findings_merge(lists, run->job_count, &merged);
    free(lists);
    if (!run->options.dump_ir)
        apply_suppressions(run, &merged);
    if (!run->options.dump_ir)
        apply_baseline(run, &merged, outcome);

    for (int i = 0; i < merged.count; i++)
        if (!is_clang_error(&merged.items[i]))
            outcome->finding_count++;
    struct string_buffer text;
    string_buffer_init(&text);
    if (run->options.dump_ir) {
        for (int i = 0; i < run->job_count; i++)
            string_buffer_append(&text, string_buffer_text(&outputs[i].dump));
        /* The dump is the output; clang's errors still go to the user. */
        struct string_buffer errors;
        string_buffer_init(&errors);
        for (int i = 0; i < merged.count; i++)
            report_write_text_finding(&merged.items[i], false, &errors);
        fputs(string_buffer_text(&errors), stderr);
        string_buffer_free(&errors);
    } else if (!run->options.write_baseline_path) {
        bool is_terminal = isatty(fileno(run->output)) != 0;
        struct report_options report_options;
        memset(&report_options, 0, sizeof report_options);
        report_options.color = options_use_color(run->options.color, is_terminal,
                                                 getenv("TERM"), getenv("NO_COLOR"));
        report_options.tool_version = NULLPROOF_VERSION;
        report_options.parseable_fixits = run->options.parseable_fixits;
        struct report_rule *rules = fill_run_record(run, outputs, outcome, &report_options);
        run->format->write(&merged, &report_options, &text);
        free(rules);
    }
    bool failed = write_text(run->output, text.data, text.length) != 0;
    failed |= fflush(run->output) != 0;
    if (run->output_is_file) {
        failed |= fclose(run->output) != 0;
        run->output = NULL;
        run->output_is_file = false;
    }
    if (failed)
        message_add(&run->messages, MESSAGE_ERROR, "cannot write %s",
                    run->options.output_path ? run->options.output_path : "standard output");
    string_buffer_free(&text);
    if (run->options.fix && !run->options.dump_ir && !run->options.write_baseline_path)
        fix_apply(&merged, run->working_directory, run->options.fix_backup, stderr,
                  &run->messages);
    *file_count = count_files(&merged);
    arena_free(&merge_arena);
}

static void release(struct run *run)
{
    if (run->output_is_file)
        fclose(run->output);
    free(run->jobs);
    source_set_free(&run->sources);
    if (run->database)
        compile_database_free(run->database);
    database_search_free(run->search);
    free(run->enabled_rules);
    free(run->working_directory);
    for (int i = 0; i < run->command_argument_list_count; i++)
        compiler_command_free(run->command_arguments[i], run->command_argument_counts[i]);
    free(run->command_arguments);
    free(run->command_argument_counts);
    for (int i = 0; i < run->extended_argument_count; i++)
        free(run->extended_arguments[i]);
    free(run->extended_arguments);
    baseline_free(run->baseline);
    if (run->baseline_output)
        fclose(run->baseline_output);
    for (int i = 0; i < run->tool_error_count; i++)
        free(run->tool_errors[i]);
    free(run->tool_errors);
    message_list_free(&run->messages);
    profiles_free(&run->profiles);
    options_free(&run->options);
}

/* --extra-arg-before and --extra-arg around every job's arguments, in
 * clang-tidy's order. */
static void add_extra_arguments(struct run *run)
{
    int before = run->options.extra_argument_before_count;
    int after = run->options.extra_argument_count;
    if (before + after == 0 || run->job_count == 0)
        return;
    run->extended_arguments = xcalloc((size_t)run->job_count, sizeof *run->extended_arguments);
    run->extended_argument_count = run->job_count;
    for (int i = 0; i < run->job_count; i++) {
        struct job *job = &run->jobs[i];
        int count = before + job->argument_count + after;
        const char **arguments = xcalloc((size_t)count + 1, sizeof *arguments);
        if (before > 0)
            memcpy(arguments, run->options.extra_arguments_before,
                   (size_t)before * sizeof *arguments);
        if (job->argument_count > 0)
            memcpy(arguments + before, job->arguments,
                   (size_t)job->argument_count * sizeof *arguments);
        if (after > 0)
            memcpy(arguments + before + job->argument_count, run->options.extra_arguments,
                   (size_t)after * sizeof *arguments);
        job->arguments = arguments;
        job->argument_count = count;
        run->extended_arguments[i] = arguments;
    }
}

static bool analysed_file(const struct run *run, const char *file)
{
    for (int i = 0; file && i < run->job_count; i++)
        if (strcmp(run->jobs[i].display_path, file) == 0 ||
            strcmp(run->jobs[i].absolute_path, file) == 0)
            return true;
    return false;
}

/* What the baseline did: written, or how many findings it hid; under
 * --verbose, its entries for analysed files that matched nothing. */
static void report_baseline(const struct run *run)
{
    if (run->baseline_written >= 0) {
        fprintf(stderr, "nullproof: wrote %d finding%s to the baseline %s\n",
                run->baseline_written, run->baseline_written == 1 ? "" : "s",
                run->options.write_baseline_path);
        return;
    }
    if (!run->baseline)
        return;
    int stale = 0;
    for (int i = 0; i < baseline_entry_count(run->baseline); i++) {
        const struct baseline_entry *entry = baseline_entry(run->baseline, i);
        if (entry->matched || !analysed_file(run, entry->file))
            continue;
        stale++;
        if (run->options.verbose)
            fprintf(stderr, "nullproof: stale baseline entry (no longer found): %s:%u: %s [%s] "
                    "(fingerprint %s)\n", entry->file, entry->line,
                    entry->message ? entry->message : "", entry->rule ? entry->rule : "",
                    entry->fingerprint);
    }
    if (run->options.quiet)
        return;
    fprintf(stderr, "nullproof: %d finding%s hidden by the baseline %s", run->baseline_hidden,
            run->baseline_hidden == 1 ? "" : "s", run->options.baseline_path);
    if (stale > 0 && !run->options.verbose)
        fprintf(stderr, "; %d stale entr%s (--verbose lists them)", stale,
                stale == 1 ? "y" : "ies");
    else if (stale > 0)
        fprintf(stderr, "; %d stale entr%s", stale, stale == 1 ? "y" : "ies");
    fputs("\n", stderr);
}

static void analyse(struct run *run, struct driver_outcome *outcome,
                    const struct timespec *start)
{
    plan(run);
    add_extra_arguments(run);
    message_list_print(&run->messages, run->options.verbose, stderr);
    outcome->error_count += run->messages.error_count;
    remember_errors(run, &run->messages);
    message_list_free(&run->messages);

    struct job_settings settings;
    memset(&settings, 0, sizeof settings);
    settings.enabled_rules = run->enabled_rules;
    settings.dump_ir = run->options.dump_ir;
    settings.working_directory = run->working_directory;
    settings.suggest = run->options.suggest;
    profiles_init(&run->profiles, &run->options, &settings);
    if (profiles_assign(&run->profiles, run->jobs, run->job_count, &run->messages) != 0) {
        /* a wrong configuration file or rule pack: nothing is analysed */
        message_list_print(&run->messages, run->options.verbose, stderr);
        outcome->error_count += run->messages.error_count;
        return;
    }
    if (run->profiles.count > 0)
        settings.packs = &run->profiles.items[0]->packs;
    struct job_output *outputs = xcalloc((size_t)run->job_count + 1, sizeof *outputs);
    char *error = NULL;
    if (jobs_run(run->jobs, run->job_count, &settings, thread_count(&run->options), outputs,
                 &error) != 0) {
        message_add_owned(&run->messages, MESSAGE_ERROR, error);
    }
    int units = 0;
    for (int i = 0; i < run->job_count; i++) {
        if (outputs[i].parsed)
            units++;
        if (outputs[i].clang_error_count > 0)
            outcome->error_count++;
    }
    int file_count = 0;
    report(run, outputs, outcome, &file_count);
    for (int i = 0; i < run->job_count; i++) {
        message_list_print(&outputs[i].messages, run->options.verbose, stderr);
        outcome->error_count += outputs[i].messages.error_count;
        job_output_free(&outputs[i]);
    }
    free(outputs);
    message_list_print(&run->messages, run->options.verbose, stderr);
    outcome->error_count += run->messages.error_count;
    if (!run->options.quiet && !run->options.dump_ir)
        fprintf(stderr, "nullproof: %d finding%s in %d file%s, %d translation unit%s, %.2f s\n",
                outcome->finding_count, outcome->finding_count == 1 ? "" : "s", file_count,
                file_count == 1 ? "" : "s", units, units == 1 ? "" : "s", seconds_since(start));
    report_baseline(run);
}

int driver_exit_status(const struct driver_outcome *outcome)
{
    enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_ERROR = 2 };
    if (outcome->error_count > 0)
        return EXIT_ERROR;
    if (outcome->finding_count > 0 && !outcome->exit_zero)
        return EXIT_FINDINGS;
    return EXIT_CLEAN;
}

/* The profile of the configuration that applies where nullproof runs:
 * the first PATH's, else the working directory's; NULL after printing
 * the error when it (or --enable / --disable) is wrong. */
static const struct profile *profile_here(struct run *run, struct driver_outcome *outcome)
{
    int rule_count = 0;
    const struct rule_info *rules = checks_rules(&rule_count);
    bool *enabled = xcalloc((size_t)rule_count + 1, sizeof *enabled);
    char *error = NULL;
    int status = options_select_rules(&run->options, rules, rule_count, enabled, &error);
    free(enabled);
    const struct profile *profile = NULL;
    if (status == 0) {
        struct job_settings settings;
        memset(&settings, 0, sizeof settings);
        profiles_init(&run->profiles, &run->options, &settings);
        char *config_path = profiles_config_for(
            &run->options, run->options.path_count > 0 ? run->options.paths[0] : ".");
        profile = profiles_get(&run->profiles, config_path, &error);
        free(config_path);
    }
    if (!profile) {
        fprintf(stderr, "nullproof: error: %s\n", error);
        free(error);
        outcome->error_count++;
    }
    return profile;
}

/* --list-rules --verbose: the rule packs and their entries. */
static void describe_rule_packs(struct run *run, struct driver_outcome *outcome)
{
    const struct profile *profile = profile_here(run, outcome);
    if (profile)
        profiles_describe_rules(profile, stdout);
}

/* --dump-config: the configuration in effect, as YAML. */
static void dump_config(struct run *run, struct driver_outcome *outcome)
{
    const struct profile *profile = profile_here(run, outcome);
    if (!profile)
        return;
    struct string_buffer text;
    string_buffer_init(&text);
    profiles_dump(profile, &text);
    fputs(string_buffer_text(&text), stdout);
    string_buffer_free(&text);
}

struct driver_outcome driver_main(int argc, char **argv)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    struct driver_outcome outcome = {0, 0, false};
    struct run run;
    memset(&run, 0, sizeof run);
    message_list_init(&run.messages);
    source_set_init(&run.sources);

    char *error = NULL;
    if (options_parse(argc, argv, &run.options, &error) != 0) {
        fprintf(stderr, "nullproof: error: %s\n", error);
        free(error);
        outcome.error_count = 1;
        release(&run);
        return outcome;
    }
    outcome.exit_zero = run.options.exit_zero;
    if (run.options.show_help) {
        fputs(options_usage(), stdout);
    } else if (run.options.show_version) {
        print_version(stdout);
    } else if (run.options.list_rules) {
        print_rules(stdout);
        if (run.options.verbose)
            describe_rule_packs(&run, &outcome);
    } else if (run.options.dump_config) {
        dump_config(&run, &outcome);
    } else if (configure(&run) != 0) {
        message_list_print(&run.messages, run.options.verbose, stderr);
        outcome.error_count += run.messages.error_count;
    } else {
        analyse(&run, &outcome, &start);
    }
    release(&run);
    return outcome;
}

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
#include "../rules/rules.h"
#include "database_search.h"
#include "jobs.h"
#include "merge.h"
#include "messages.h"
#include "options.h"
#include "sources.h"

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
    char *text = strdup(string_buffer_text(&names));
    string_buffer_free(&names);
    if (!text)
        abort();
    return text;
}

/* Rules, format and output file: what must be right before any work. */
static int configure(struct run *run)
{
    int rule_count = 0;
    const struct rule_info *rules = checks_rules(&rule_count);
    run->enabled_rules = calloc((size_t)rule_count + 1, sizeof *run->enabled_rules);
    if (!run->enabled_rules)
        abort();
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
    return 0;
}

static struct job *new_job(struct run *run)
{
    struct job *grown = realloc(run->jobs, (size_t)(run->job_count + 1) * sizeof *grown);
    if (!grown)
        abort();
    run->jobs = grown;
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
    char *copy = strdup(string_buffer_text(&text));
    string_buffer_free(&text);
    if (!copy)
        abort();
    return copy;
}

/* A job for a file named on the command line, with its compile command
 * when a database has one. */
static void plan_source(struct run *run, const struct source_file *source)
{
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

/* Prints the findings (and --dump-ir text) of every job; counts them. */
static void report(struct run *run, struct job_output *outputs, struct driver_outcome *outcome,
                   int *file_count)
{
    struct arena merge_arena;
    arena_init(&merge_arena);
    struct finding_list merged;
    finding_list_init(&merged, &merge_arena);
    const struct finding_list **lists = calloc((size_t)run->job_count + 1, sizeof *lists);
    if (!lists)
        abort();
    for (int i = 0; i < run->job_count; i++)
        lists[i] = &outputs[i].findings;
    findings_merge(lists, run->job_count, &merged);
    free(lists);

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
    } else {
        bool is_terminal = isatty(fileno(run->output)) != 0;
        struct report_options report_options = {
            options_use_color(run->options.color, is_terminal, getenv("TERM"),
                              getenv("NO_COLOR")),
            NULLPROOF_VERSION};
        run->format->write(&merged, &report_options, &text);
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
    message_list_free(&run->messages);
    options_free(&run->options);
}

static void analyse(struct run *run, struct driver_outcome *outcome,
                    const struct timespec *start)
{
    plan(run);
    message_list_print(&run->messages, run->options.verbose, stderr);
    outcome->error_count += run->messages.error_count;
    message_list_free(&run->messages);

    struct job_output *outputs = calloc((size_t)run->job_count + 1, sizeof *outputs);
    if (!outputs)
        abort();
    struct job_settings settings = {rules_builtin(), run->enabled_rules, run->options.dump_ir,
                                    run->working_directory};
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
    } else if (configure(&run) != 0) {
        message_list_print(&run.messages, run.options.verbose, stderr);
        outcome.error_count += run.messages.error_count;
    } else {
        analyse(&run, &outcome, &start);
    }
    release(&run);
    return outcome;
}

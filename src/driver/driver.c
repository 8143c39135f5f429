/*
 * driver: options -> inputs -> compile commands -> jobs -> merged findings
 * -> report, in that order: the planning is plan.c's, the output
 * output.c's, what a run owns run.h's. Every problem becomes a message
 * printed here and counted in the outcome; nothing in here exits the
 * process.
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
#include "cache.h"
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
#include "run.h"
#include "../lsp/lsp.h"
#include "../support/xalloc.h"

static const char *const default_arguments[] = {"-std=gnu11"};

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
/* Whether `path` is the same file (inode) as `other`. */
static bool same_file(const struct stat *target, const char *other)
{
    struct stat info;
    return other && stat(other, &info) == 0 && info.st_dev == target->st_dev &&
           info.st_ino == target->st_ino;
}

/* An output path that names an input (a file given, a source found in a
 * directory given, the compile database or a file it lists) would be
 * overwritten before it is read: says so and returns true. */
static bool refuse_input_as_output(struct run *run, const char *path, const char *option)
{
    struct stat target;
    if (!path || stat(path, &target) != 0 || !S_ISREG(target.st_mode))
        return false; /* a new file, or a device such as /dev/stdout */
    const char *input = NULL;
    for (int i = 0; !input && i < run->options.path_count; i++)
        if (same_file(&target, run->options.paths[i]))
            input = run->options.paths[i];
    for (int i = 0; !input && i < run->sources.count; i++)
        if (same_file(&target, run->sources.files[i].absolute))
            input = run->sources.files[i].path;
    if (!input && run->database) {
        char *json = source_join_path(compile_database_directory(run->database),
                                      "compile_commands.json");
        if (same_file(&target, json) || same_file(&target, run->options.database_path))
            input = run->options.database_path;
        free(json);
        for (int i = 0; !input && i < compile_database_count(run->database); i++)
            if (same_file(&target, compile_database_entry(run->database, i)->file))
                input = compile_database_entry(run->database, i)->file;
    }
    if (!input)
        return false;
    message_add(&run->messages, MESSAGE_ERROR,
                "%s %s is an input (%s): refusing to overwrite it", option, path, input);
    return true;
}

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
    if (run->options.merge && run->options.path_count == 0) {
        message_add(&run->messages, MESSAGE_ERROR,
                    "--merge expects the --format json outputs of the shards to combine");
        return -1;
    }
    if (run->options.path_count == 0 && !run->options.database_path) {
        message_add(&run->messages, MESSAGE_ERROR,
                    "no input files: give a PATH or -p DIR (see --help)");
        return -1;
    }
    /* With --merge, the PATHs are JSON outputs: no sources, no database. */
    if (run->options.database_path) {
        run->database = compile_database_load(run->options.database_path, &error);
        if (!run->database) {
            message_add_owned(&run->messages, MESSAGE_ERROR,
                              error ? error : strdup("cannot load compile_commands.json"));
            return -1;
        }
    } else if (!run->options.merge) {
        run->search = database_search_create();
    }
    /* The inputs are known before any output is opened: an output that
     * names one would destroy it before it is read. */
    if (run->options.path_count > 0 && !run->options.merge)
        sources_collect(run->options.paths, run->options.path_count, &run->sources,
                        &run->messages);
    if (refuse_input_as_output(run, run->options.output_path, "-o") ||
        refuse_input_as_output(run, run->options.write_baseline_path, "--write-baseline"))
        return -1;
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

static int thread_count(const struct options *options)
{
    if (options->jobs > 0)
        return options->jobs;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 0 ? (int)cores : 1;
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
    free(run->configuration);
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

/* The digest of the configuration that applies where nullproof runs (the
 * first PATH's, else the working directory's): what --merge compares to
 * refuse outputs made with different rules. */
/* --shard: the units of other shards gave their summaries; nothing of
 * them is reported here (their own shard reports their findings and
 * errors), so they leave the run before its output. */
static void drop_other_shards(struct run *run, struct job_output *outputs)
{
    int kept = 0;
    for (int i = 0; i < run->job_count; i++) {
        if (run->jobs[i].summaries_only) {
            job_output_free(&outputs[i]);
            continue;
        }
        run->jobs[kept] = run->jobs[i];
        outputs[kept++] = outputs[i];
    }
    run->job_count = kept;
}

/* The profile of the configuration that applies where nullproof runs (the
 * first PATH's, else the working directory's), or NULL. */
static const struct profile *run_profile(struct run *run)
{
    char *config_path = profiles_config_for(
        &run->options, run->options.path_count > 0 ? run->options.paths[0] : ".");
    char *error = NULL;
    const struct profile *profile = profiles_get(&run->profiles, config_path, &error);
    free(config_path);
    free(error); /* the same file is a job's configuration, which says what is wrong */
    return profile;
}

static void record_configuration(struct run *run)
{
    const struct profile *profile = run_profile(run);
    if (!profile)
        return;
    char digest[PROFILE_DIGEST_SIZE];
    profiles_digest(profile, run->working_directory, digest);
    run->configuration = xstrdup(digest);
}

/* --cache-dir, else the run's configuration's cache-dir: the result cache,
 * told of every profile its jobs use; NULL when there is none (or after
 * an error in run->messages). */
static struct result_cache *open_cache(struct run *run)
{
    const struct profile *here = run_profile(run);
    const char *directory = run->options.cache_dir;
    long size = run->options.cache_size;
    if (!directory && here)
        directory = here->effective.cache_dir;
    if (!size && here)
        size = here->effective.cache_size;
    if (!directory || run->options.dump_ir)
        return NULL;
    char *error = NULL;
    struct result_cache *cache =
        cache_open(directory, (long long)(size ? size : CACHE_DEFAULT_SIZE_MIB) * 1024 * 1024,
                   run->working_directory, &error);
    if (!cache) {
        message_add_owned(&run->messages, MESSAGE_ERROR, error);
        return NULL;
    }
    for (int i = 0; i < run->profiles.count; i++)
        cache_add_profile(cache, run->profiles.items[i]);
    for (int i = 0; i < run->job_count; i++)
        run->jobs[i].list_includes = true; /* what an entry must check */
    return cache;
}

static void close_cache(struct run *run, struct result_cache *cache)
{
    if (!cache)
        return;
    struct cache_stats stats;
    cache_close(cache, &stats, &run->messages);
    if (run->options.cache_stats)
        fprintf(stderr,
                "nullproof: cache: %d hits, %d misses (%d for changed summaries), %d stored, "
                "%d evicted, size %.1f MiB\n",
                stats.hits, stats.misses, stats.reanalysed, stats.stored, stats.evicted,
                (double)stats.size / (1024.0 * 1024.0));
}

static void analyse(struct run *run, struct driver_outcome *outcome,
                    const struct timespec *start)
{
    run_plan(run);
    message_list_print(&run->messages, run->options.verbose, stderr);
    outcome->error_count += run->messages.error_count;
    run_remember_errors(run, &run->messages);
    message_list_free(&run->messages);

    struct job_settings settings;
    memset(&settings, 0, sizeof settings);
    settings.enabled_rules = run->enabled_rules;
    settings.dump_ir = run->options.dump_ir;
    settings.working_directory = run->working_directory;
    settings.suggest = run->options.suggest;
    settings.all_uses = run->options.all_uses;
    settings.whole_program = !run->options.single_unit;
    if (!run->options.quiet && !run->options.dump_ir && run->job_count > 1 &&
        isatty(fileno(stderr)))
        settings.progress = stderr;
    profiles_init(&run->profiles, &run->options, &settings);
    if (profiles_assign(&run->profiles, run->jobs, run->job_count, &run->messages) != 0) {
        /* a wrong configuration file or rule pack: nothing is analysed */
        message_list_print(&run->messages, run->options.verbose, stderr);
        outcome->error_count += run->messages.error_count;
        return;
    }
    if (run->profiles.count > 0)
        settings.packs = &run->profiles.items[0]->packs;
    record_configuration(run);
    settings.cache = open_cache(run);
    struct job_output *outputs = xcalloc((size_t)run->job_count + 1, sizeof *outputs);
    char *error = NULL;
    if (jobs_run(run->jobs, run->job_count, &settings, thread_count(&run->options), outputs,
                 &error) != 0) {
        message_add_owned(&run->messages, MESSAGE_ERROR, error);
    }
    close_cache(run, settings.cache);
    drop_other_shards(run, outputs);
    for (int i = 0; i < run->job_count; i++) {
        if (outputs[i].parsed)
            run->unit_count++;
        if (outputs[i].clang_error_count > 0)
            outcome->error_count++;
    }
    int file_count = 0;
    run_report(run, outputs, run->job_count, outcome, &file_count);
    for (int i = 0; i < run->job_count; i++) {
        message_list_print(&outputs[i].messages, run->options.verbose, stderr);
        outcome->error_count += outputs[i].messages.error_count;
        job_output_free(&outputs[i]);
    }
    free(outputs);
    message_list_print(&run->messages, run->options.verbose, stderr);
    outcome->error_count += run->messages.error_count;
    run_print_summary(run, outcome, file_count, seconds_since(start));
    run_report_baseline(run);
}

int driver_exit_status(const struct driver_outcome *outcome)
{
    enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_ERROR = 2 };
    if (outcome->has_status)
        return outcome->status;
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
    struct driver_outcome outcome = {0, 0, false, false, 0};
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
    } else if (run.options.lsp) {
        outcome.has_status = true;
        outcome.status = lsp_serve(&run.options, STDIN_FILENO, stdout, stderr);
    } else if (run.options.dump_config) {
        dump_config(&run, &outcome);
    } else if (configure(&run) != 0) {
        message_list_print(&run.messages, run.options.verbose, stderr);
        outcome.error_count += run.messages.error_count;
    } else if (run.options.merge) {
        int file_count = run_merge(&run, &outcome);
        if (file_count >= 0) {
            run_print_summary(&run, &outcome, file_count, seconds_since(&start));
            run_report_baseline(&run);
        }
    } else {
        analyse(&run, &outcome, &start);
    }
    release(&run);
    return outcome;
}

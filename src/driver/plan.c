/*
 * plan: the inputs of a run become jobs, one per translation unit, each
 * with the compiler arguments it is parsed with: its compile database
 * entry, the compiler command after `--`, or the fallback arguments; then
 * --extra-arg and --extra-arg-before are added.
 */
#include "run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../checks/checks.h"
#include "../frontend/compile_db.h"
#include "../frontend/frontend.h"
#include "../packs/packs.h"
#include "../report/report.h"
#include "../support/string_buffer.h"
#include "../support/xalloc.h"
#include "baseline.h"
#include "compiler_command.h"
#include "database_search.h"
#include "fix.h"
#include "jobs.h"
#include "merge.h"
#include "messages.h"
#include "options.h"
#include "profiles.h"
#include "shard.h"
#include "sources.h"
#include "suppress.h"

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
        job->parse_path = command->spelled;
        job->directory = command->directory;
        job->database_directory = compile_database_directory(database);
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
        job->parse_path = command->spelled;
        job->absolute_path = command->file;
        job->directory = command->directory;
        job->database_directory = directory;
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

static void plan_jobs(struct run *run)
{
    if (run->options.path_count == 0) {
        plan_database(run);
        return;
    }
    /* run->sources were collected by the driver before any output opened */
    for (int i = 0; i < run->sources.count; i++)
        plan_source(run, &run->sources.files[i]);
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

/* The shard (1..N of --shard K/N) that `job` belongs to; its key in *key
 * (malloc'ed) when `key` is not NULL. */
static int job_shard(const struct run *run, const struct job *job, char **key)
{
    char *text = shard_key(job->absolute_path, job->database_directory ? job->database_directory
                                                                      : run->working_directory);
    int index = shard_of_key(text, run->options.shard.count);
    if (key)
        *key = text;
    else
        free(text);
    return index;
}

bool run_job_in_shard(const struct run *run, const struct job *job)
{
    return run->options.shard.count == 0 || job_shard(run, job, NULL) == run->options.shard.index;
}

/* --shard K/N: this run reports the units of shard K only. The others
 * still give their summaries to whole-program analysis (summaries_only),
 * so that every shard judges its units with the facts of all, as one run
 * would; with --single-unit they need no work at all and are dropped. */
static void plan_select_shard(struct run *run)
{
    const struct shard *shard = &run->options.shard;
    if (shard->count == 0)
        return;
    int kept = 0;
    for (int i = 0; i < run->job_count; i++) {
        char *key = NULL;
        bool in_shard = job_shard(run, &run->jobs[i], &key) == shard->index;
        message_add(&run->messages, MESSAGE_VERBOSE, "%s: %s shard %d/%d (key %s)",
                    run->jobs[i].display_path, in_shard ? "in" : "not in", shard->index,
                    shard->count, key);
        free(key);
        if (!in_shard && run->options.single_unit)
            continue;
        run->jobs[i].summaries_only = !in_shard;
        run->jobs[kept++] = run->jobs[i];
    }
    run->job_count = kept;
}

void run_plan(struct run *run)
{
    plan_jobs(run);
    plan_select_shard(run);
    add_extra_arguments(run);
}

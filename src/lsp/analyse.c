/*
 * analyse: one translation unit as the editor holds it. The compile
 * command comes from the database the CLI would use (-p or the nearest
 * compile_commands.json), the rules from the configuration that applies
 * to the file, the text from the open buffers; the pipeline is the CLI's
 * and so are the suppressions, applied to the buffer's text. A file of a
 * database with several units is checked with the whole program's
 * summaries, as the CLI does: a lookup in b.c used unchecked in the buffer
 * of a.c is found. It neither publishes nor schedules anything.
 */
#include "server.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../driver/cache.h"
#include "../driver/database_search.h"
#include "../driver/messages.h"
#include "../driver/pipeline.h"
#include "../driver/sources.h"
#include "../driver/suppress.h"
#include "../support/text.h"

/* The CLI's arguments for a file without a compile command (driver.c). */
static const char *const fallback_arguments[] = {"-std=gnu11"};

int lsp_analyser_init(struct lsp_analyser *analyser, const struct options *options,
                      char **error)
{
    memset(analyser, 0, sizeof *analyser);
    *error = NULL;
    analyser->options = *options;
    analyser->working_directory = getcwd(NULL, 0);
    analyser->base.working_directory = analyser->working_directory;
    analyser->base.suggest = options->suggest;
    analyser->base.all_uses = options->all_uses;
    analyser->base.whole_program = !options->single_unit;
    profiles_init(&analyser->profiles, &analyser->options, &analyser->base);
    if (options->database_path) {
        analyser->database = compile_database_load(options->database_path, error);
        if (!analyser->database)
            return -1;
    } else {
        analyser->search = database_search_create();
    }
    analyser->frontend = frontend_create();
    if (!analyser->frontend) {
        *error = text_printf("cannot create a libclang index");
        return -1;
    }
    return 0;
}

void lsp_analyser_free(struct lsp_analyser *analyser)
{
    if (analyser->project_database)
        project_table_free(&analyser->project);
    frontend_destroy(analyser->frontend);
    if (analyser->database)
        compile_database_free(analyser->database);
    database_search_free(analyser->search);
    profiles_free(&analyser->profiles);
    free(analyser->working_directory);
    memset(analyser, 0, sizeof *analyser);
}

void lsp_analyser_reload(struct lsp_analyser *analyser)
{
    profiles_free(&analyser->profiles);
    profiles_init(&analyser->profiles, &analyser->options, &analyser->base);
}

static const struct compile_database *database_for(struct lsp_analyser *analyser,
                                                   const char *path,
                                                   struct message_list *messages)
{
    return analyser->database ? analyser->database
                              : database_search_find(analyser->search, path, messages);
}

static const struct compile_command *command_for(struct lsp_analyser *analyser, const char *path,
                                                 struct message_list *messages)
{
    const struct compile_database *database = database_for(analyser, path, messages);
    return database ? compile_database_find(database, path) : NULL;
}

/* Logical processors, for the pool that summarises the whole program. */
static int processors(void)
{
    long count = sysconf(_SC_NPROCESSORS_ONLN);
    return count < 1 ? 1 : count > 64 ? 64 : (int)count;
}

/* The result cache the CLI would use for `profile` (--cache-dir, else its
 * configuration's cache-dir), told of that profile; NULL when none. */
static struct result_cache *open_cache(struct lsp_analyser *analyser,
                                       const struct profile *profile)
{
    const char *directory = analyser->options.cache_dir ? analyser->options.cache_dir
                                                        : profile->effective.cache_dir;
    long size = analyser->options.cache_size ? analyser->options.cache_size
                                             : profile->effective.cache_size;
    if (!directory)
        return NULL;
    char *error = NULL;
    struct result_cache *cache =
        cache_open(directory, (long long)(size ? size : CACHE_DEFAULT_SIZE_MIB) * 1024 * 1024,
                   analyser->working_directory, &error);
    free(error); /* no cache: the table is made without one */
    if (cache)
        cache_add_profile(cache, profile);
    return cache;
}

/* The summaries of every unit of `database` from the files on disk, as
 * the CLI's whole-program phase 1 and rounds make them (no unit is checked:
 * all are summaries_only), through the result cache when there is one, as
 * the CLI's: a warm cache parses only what changed. Messages about units
 * that do not parse are the CLI's business, not this file's: they are
 * dropped. */
static void build_project(struct lsp_analyser *analyser, const struct compile_database *database,
                          const struct profile *profile)
{
    if (analyser->project_database)
        project_table_free(&analyser->project);
    analyser->project_database = NULL;
    int count = compile_database_count(database);
    struct job *jobs = calloc((size_t)count + 1, sizeof *jobs);
    struct job_output *outputs = calloc((size_t)count + 1, sizeof *outputs);
    if (!jobs || !outputs) {
        free(jobs);
        free(outputs);
        return;
    }
    for (int i = 0; i < count; i++) {
        const struct compile_command *command = compile_database_entry(database, i);
        jobs[i].display_path = command->file;
        jobs[i].parse_path = command->spelled;
        jobs[i].absolute_path = command->file;
        jobs[i].directory = command->directory;
        jobs[i].arguments = (const char *const *)command->arguments;
        jobs[i].argument_count = command->argument_count;
        jobs[i].from_database = true;
        jobs[i].summaries_only = true;
        jobs[i].settings = &profile->settings;
        jobs[i].list_includes = true; /* what a cache entry checks */
    }
    struct job_settings whole = profile->settings;
    whole.whole_program = true;
    whole.progress = NULL;
    whole.project_out = &analyser->project;
    whole.cache = open_cache(analyser, profile);
    project_table_init(&analyser->project);
    char *error = NULL;
    if (jobs_run(jobs, count, &whole, processors(), outputs, &error) == 0)
        analyser->project_database = database;
    else
        project_table_free(&analyser->project);
    free(error);
    if (whole.cache) {
        struct cache_stats stats;
        struct message_list notes;
        message_list_init(&notes);
        cache_close(whole.cache, &stats, &notes);
        message_list_free(&notes);
    }
    for (int i = 0; i < count; i++)
        job_output_free(&outputs[i]);
    free(outputs);
    free(jobs);
    analyser->project_stale = false;
}

/* The whole program's table for the unit of `path`, built or rebuilt when
 * needed; NULL when the file's database has one unit or none. */
static const struct project_table *project_for(struct lsp_analyser *analyser, const char *path,
                                               const struct profile *profile)
{
    struct message_list ignored;
    message_list_init(&ignored);
    const struct compile_database *database = database_for(analyser, path, &ignored);
    message_list_free(&ignored);
    if (!database || compile_database_count(database) < 2 || analyser->options.single_unit)
        return NULL;
    if (analyser->project_database != database || analyser->project_stale)
        build_project(analyser, database, profile);
    return analyser->project_database == database ? &analyser->project : NULL;
}

bool lsp_is_unit(struct lsp_analyser *analyser, const char *path)
{
    if (source_is_c_file(path))
        return true;
    struct message_list ignored;
    message_list_init(&ignored);
    bool listed = command_for(analyser, path, &ignored) != NULL;
    message_list_free(&ignored);
    return listed;
}

void lsp_analyse(struct lsp_analyser *analyser, const struct lsp_analysis_request *request,
                 struct job_output *output)
{
    job_output_init(output);
    struct job job;
    memset(&job, 0, sizeof job);
    /* the findings name the main file by this: it lives as long as they do */
    job.display_path = arena_strdup(&output->arena, request->path);
    job.absolute_path = request->path;
    job.unsaved = request->buffers;
    job.unsaved_count = request->buffer_count;
    job.list_includes = true;
    const struct compile_command *command = command_for(analyser, request->path,
                                                        &output->messages);
    if (command) {
        job.parse_path = command->file; /* unsaved buffers go by resolved paths (documents.c) */
        job.directory = command->directory;
        job.arguments = (const char *const *)command->arguments;
        job.argument_count = command->argument_count;
    } else if (analyser->options.has_compiler_arguments) {
        job.parse_path = request->path;
        job.arguments = analyser->options.compiler_arguments;
        job.argument_count = analyser->options.compiler_argument_count;
    } else {
        job.parse_path = request->path;
        job.arguments = fallback_arguments;
        job.argument_count = 1;
    }
    char *error = NULL;
    char *config_path = profiles_config_for(&analyser->options, request->path);
    const struct profile *profile = profiles_get(&analyser->profiles, config_path, &error);
    free(config_path);
    if (!profile) {
        message_add_owned(&output->messages, MESSAGE_ERROR, error);
        return;
    }
    job.settings = &profile->settings;
    if (!analyser->frontend) {
        message_add(&output->messages, MESSAGE_ERROR, "no libclang index");
        return;
    }
    /* The compile command may name the file otherwise (a symbolic link):
     * the buffer must be found under the name clang opens. */
    struct frontend_unsaved *buffers = NULL;
    if (strcmp(job.parse_path, request->path) != 0) {
        buffers = calloc((size_t)request->buffer_count + 1, sizeof *buffers);
        if (buffers) {
            if (request->buffer_count > 0)
                memcpy(buffers, request->buffers, (size_t)request->buffer_count * sizeof *buffers);
            buffers[request->buffer_count] =
                (struct frontend_unsaved){job.parse_path, request->text, request->length};
            job.unsaved = buffers;
            job.unsaved_count = request->buffer_count + 1;
        }
    }
    const struct project_table *project = project_for(analyser, request->path, profile);
    struct job_settings settings = profile->settings;
    settings.whole_program = project != NULL; /* alone, one analysis is enough */
    settings.cache = NULL;                    /* editor buffers are not cached */
    job.settings = &settings;
    struct pipeline_unit unit;
    if (project) {
        pipeline_prepare(analyser->frontend, &job, &settings, output, &unit);
        pipeline_check(&job, &settings, output, &unit, project);
    } else {
        pipeline_run(analyser->frontend, &job, &settings, output, &unit);
    }
    free(buffers);
    suppress_findings_in_text(&output->findings, request->path, request->text, request->length,
                              profile->settings.report_unused_suppressions);
    /* findings in the other open buffers (headers) by their unsaved text */
    for (int b = 0; b < request->buffer_count; b++) {
        const struct frontend_unsaved *buffer = &request->buffers[b];
        bool named = false;
        for (int i = 0; i < output->findings.count && !named; i++)
            named = output->findings.items[i].file &&
                    strcmp(output->findings.items[i].file, buffer->path) == 0;
        if (named && strcmp(buffer->path, request->path) != 0)
            suppress_findings_in_text(&output->findings, buffer->path, buffer->text,
                                      buffer->length, false);
    }
}

/*
 * pipeline: the phases of one translation unit in order. Everything the
 * phases build lives in a work arena freed at the end; only the findings
 * (in the job's own arena) survive until the driver prints them.
 */
#include "pipeline.h"

#include <string.h>

#include "../analysis/analysis.h"
#include "../analysis/project.h"
#include "../checks/checks.h"
#include "config.h"
#include "profiles.h"
#include "source_lines.h"
#include "../support/files.h"

const char *pipeline_display_path(const struct job *job, const char *working_directory,
                                  const char *file, struct arena *arena)
{
    if (!file)
        return NULL;
    if (strcmp(file, job->parse_path) == 0 ||
        (job->absolute_path && strcmp(file, job->absolute_path) == 0))
        return job->display_path;
    char *path;
    if (file[0] != '/' && job->directory)
        path = arena_printf(arena, "%s/%s", job->directory, file);
    else if (file[0] == '/')
        path = arena_strdup(arena, file);
    else
        return file; /* relative to our own working directory, as clang was given it */
    path_normalize(path);
    if (path[0] == '/' && job->display_path[0] != '/' && working_directory) {
        size_t length = strlen(working_directory);
        if (length > 1 && strncmp(path, working_directory, length) == 0 && path[length] == '/')
            return path + length + 1;
    }
    return path;
}

/* `file` (a display path) as it can be opened: a relative one is relative
 * to the run's working directory, which libclang 14 does not keep (its
 * -working-directory changes the process's), so it is joined to it. */
static const char *readable_path(const struct job_settings *settings, const char *file,
                                 struct arena *arena)
{
    if (!file || file[0] == '/' || !settings->working_directory)
        return file;
    return arena_printf(arena, "%s/%s", settings->working_directory, file);
}

/* Paths for display and the source lines under them. */
static void finish_findings(const struct job *job, const struct job_settings *settings,
                            struct job_output *output)
{
    struct source_lines lines;
    source_lines_init(&lines);
    struct arena *arena = &output->arena;
    for (int i = 0; i < output->findings.count; i++) {
        struct finding *finding = &output->findings.items[i];
        finding->file = pipeline_display_path(job, settings->working_directory, finding->file,
                                              arena);
        if (!finding->source_line)
            finding->source_line = source_lines_get(
                &lines, readable_path(settings, finding->file, arena), finding->line, arena);
        for (int n = 0; n < finding->note_count; n++) {
            struct finding_note *note = &finding->notes[n];
            note->file = pipeline_display_path(job, settings->working_directory, note->file,
                                               arena);
            if (note->file && !note->source_line)
                note->source_line = source_lines_get(
                    &lines, readable_path(settings, note->file, arena), note->line, arena);
        }
        for (int n = 0; n < finding->fixit_count; n++)
            finding->fixits[n].file = pipeline_display_path(
                job, settings->working_directory, finding->fixits[n].file, arena);
    }
    source_lines_free(&lines);
}

static void dump_unit(const struct ir_unit *unit, struct string_buffer *dump)
{
    for (int i = 0; i < unit->function_count; i++) {
        ir_dump_function(&unit->functions[i], dump);
        if (dump->length > 0 && dump->data[dump->length - 1] != '\n')
            string_buffer_append(dump, "\n");
    }
}

/* The configuration's compile-flags: its `remove` arguments left out of
 * the job's, its `add` ones appended. */
static void apply_compile_flags(const struct config *config, struct arena *arena,
                                struct frontend_job *request)
{
    if (!config->remove_flag_count && !config->add_flag_count)
        return;
    const char **arguments = arena_alloc(
        arena, sizeof *arguments * (size_t)(request->argument_count + config->add_flag_count + 1));
    int count = 0;
    for (int i = 0; i < request->argument_count; i++)
        if (!config_removes_flag(config, request->arguments[i]))
            arguments[count++] = request->arguments[i];
    for (int i = 0; i < config->add_flag_count; i++)
        arguments[count++] = config->add_flags[i];
    request->arguments = arguments;
    request->argument_count = count;
}

/* `file` as an absolute path, so that a unit other than the one that
 * named it can show it (relative names are relative to the compile
 * command's directory, or to the run's working directory). */
struct absolute_files {
    const struct job *job;
    const struct job_settings *settings;
    struct arena *arena;
};

static const char *absolute_file(const char *file, void *data)
{
    struct absolute_files *context = data;
    if (!file || file[0] == '/')
        return file;
    const char *base = context->job->directory ? context->job->directory
                                               : context->settings->working_directory;
    if (!base)
        return file;
    char *path = arena_printf(context->arena, "%s/%s", base, file);
    path_normalize(path);
    return path;
}

/* The exported summaries (those `wanted`, or all) into the unit's arena,
 * with files any unit can name: the analysis's own memory may go. */
static void copy_exported_summaries(const struct job *job, const struct job_settings *settings,
                                    struct pipeline_unit *unit, const bool *wanted)
{
    struct absolute_files files = {job, settings, &unit->work};
    for (int i = 0; i < unit->exports.function_count; i++) {
        struct exported_function *exported = &unit->exports.functions[i];
        if ((wanted && !wanted[i]) || !exported->summary.computed)
            continue;
        struct function_summary computed = exported->summary;
        summary_copy(&exported->summary, &computed, &unit->work, absolute_file, &files);
        exported->contexts = contexts_copy(exported->contexts, exported->context_count,
                                           &unit->work, absolute_file, &files);
    }
}

void pipeline_prepare(struct frontend *frontend, const struct job *job,
                      const struct job_settings *settings, struct job_output *output,
                      struct pipeline_unit *unit)
{
    if (job->settings)
        settings = job->settings; /* its configuration file's */
    memset(unit, 0, sizeof *unit);
    arena_init(&unit->work);
    struct frontend_job request = {job->parse_path, job->directory, job->arguments,
                                   job->argument_count, settings->packs, job->unsaved,
                                   job->unsaved_count, job->list_includes};
    if (settings->config)
        apply_compile_flags(settings->config, &unit->work, &request);
    struct frontend_result *result = &unit->result;
    int status = frontend_run(frontend, &request, &unit->work, &output->findings, result);
    for (int i = 0; i < result->dropped_count; i++)
        message_add(&output->messages, MESSAGE_VERBOSE,
                    "%s: left out the compiler argument '%s', which clang does not take",
                    job->display_path, result->dropped[i]);
    output->clang_error_count = result->error_count;
    if (result->include_count > 0) {
        output->includes = arena_alloc(&output->arena,
                                       (size_t)result->include_count * sizeof *output->includes);
        for (int i = 0; i < result->include_count; i++)
            output->includes[i] = arena_strdup(&output->arena, result->includes[i]);
        output->include_count = result->include_count;
    }
    /* Every printed clang error must fail the run, whatever the count says. */
    int printed_errors = 0;
    for (int i = 0; i < output->findings.count; i++)
        if (output->findings.items[i].severity == SEVERITY_ERROR)
            printed_errors++;
    if (output->clang_error_count < printed_errors)
        output->clang_error_count = printed_errors;
    if (status != 0 || result->parse_failed) {
        message_add(&output->messages, MESSAGE_ERROR, "%s: %s", job->display_path,
                    result->error_message ? result->error_message : "cannot be parsed");
    } else if (settings->dump_ir) {
        output->parsed = true;
        dump_unit(&result->unit, &output->dump);
    } else {
        output->parsed = true;
        unit->analysable = true;
        if (settings->whole_program) {
            project_exports_init(&result->unit, &unit->work, &unit->exports);
            struct absolute_files files = {job, settings, &unit->work};
            for (int i = 0; i < unit->exports.function_count; i++) {
                struct source_location *definition = &unit->exports.functions[i].definition;
                definition->file = absolute_file(definition->file, &files);
            }
            unit->wanted = arena_alloc(&unit->work, sizeof *unit->wanted *
                                       (size_t)(unit->exports.function_count + 1));
            /* The unit analysed alone, while no worker waits for the
             * others: the first round of summaries (every external function,
             * other units' functions unknown), and the findings of every
             * function that no other unit's facts can change. */
            struct analysis_options options = {settings->packs, true, NULL};
            struct analysis_result events;
            analysis_run_memo(&result->unit, &options, &unit->work, &events, NULL, NULL,
                              &unit->memo);
            analysis_export_summaries(unit->memo, &result->unit, &options, NULL, &unit->work,
                                      &unit->exports);
            analysis_export_passed(unit->memo, &result->unit, &options, &unit->work,
                                   &unit->exports);
            copy_exported_summaries(job, settings, unit, NULL);
        }
    }
}

void pipeline_export_contexts(const struct job *job, const struct job_settings *settings,
                              struct pipeline_unit *unit)
{
    if (job->settings)
        settings = job->settings;
    if (!unit->analysable || !unit->memo)
        return;
    struct analysis_options options = {settings->packs, true, NULL};
    analysis_export_summaries(unit->memo, &unit->result.unit, &options, unit->wanted,
                              &unit->work, &unit->exports);
    copy_exported_summaries(job, settings, unit, unit->wanted);
}

void pipeline_summarise(const struct job *job, const struct job_settings *settings,
                        struct pipeline_unit *unit, const struct project_table *project,
                        const char *const *changed, int changed_count)
{
    if (job->settings)
        settings = job->settings;
    if (!unit->analysable)
        return;
    struct analysis_options options = {settings->packs, true, project};
    /* in the unit's arena: the summaries of phase 1 it reuses may be given
     * context entries that phase 2 reads */
    analysis_summarise(&unit->result.unit, &options, unit->wanted, changed, changed_count,
                       unit->memo, &unit->work, &unit->exports);
    copy_exported_summaries(job, settings, unit, unit->wanted);
}

void pipeline_check(const struct job *job, const struct job_settings *settings,
                    struct job_output *output, struct pipeline_unit *unit,
                    const struct project_table *project)
{
    if (job->settings)
        settings = job->settings;
    if (unit->analysable) {
        struct analysis_options options = {settings->packs, true, project};
        struct analysis_result events;
        memset(&events, 0, sizeof events);
        if (unit->memo && project) {
            /* again only what the other units' facts change */
            char *redo = analysis_affected(&unit->result.unit, &options, &unit->work);
            analysis_run_memo(&unit->result.unit, &options, &unit->work, &events, unit->memo,
                              redo, NULL);
        } else {
            analysis_run(&unit->result.unit, &options, &unit->work, &events);
        }
        if (!settings->all_uses)
            analysis_group_uses(&events, &unit->work);
        for (int i = 0; i < events.limit_count; i++) {
            const struct analysis_limit *limit = &events.limits[i];
            message_add(&output->messages, MESSAGE_VERBOSE,
                        "%s: %s() is too large (%d blocks, %d values) %s", job->display_path,
                        limit->function, limit->blocks, limit->paths,
                        limit->skipped ? "to analyse: skipped, no finding in it is reported"
                                       : "for path-sensitive analysis: analysed with one state "
                                         "per block");
        }
        int first = output->findings.count;
        checks_run(&events, settings->enabled_rules, settings->suggest, &output->findings);
        profiles_settle_findings(settings, job, &output->findings, first);
    }
    finish_findings(job, settings, output);
    pipeline_unit_free(unit);
}

void pipeline_unit_free(struct pipeline_unit *unit)
{
    arena_free(&unit->work);
    memset(unit, 0, sizeof *unit);
}

void pipeline_run(struct frontend *frontend, const struct job *job,
                  const struct job_settings *settings, struct job_output *output,
                  struct pipeline_unit *unit)
{
    pipeline_prepare(frontend, job, settings, output, unit);
    pipeline_check(job, settings, output, unit, NULL);
}

/*
 * merge_run: `nullproof --merge FILE...`. Each FILE is the --format json
 * output of a shard (--shard K/N) or of a whole run; they are read back
 * into finding lists, checked to belong together (same nullproof, same
 * rule configuration, same working directory, each shard of N once) and
 * go through the path of a normal run's output (output.c: merge and
 * deduplication, baseline, the chosen format, the exit status), so the
 * report is the one a single run over all their units writes.
 */
#include "run.h"

#include <stdlib.h>
#include <string.h>

#include "../report/json_read.h"
#include "../support/text.h"
#include "../support/xalloc.h"

static bool same_text(const char *left, const char *right)
{
    return left && right ? strcmp(left, right) == 0 : left == right;
}

/* The outputs belong to one run; else errors in run->messages. */
static void check_together(struct run *run, const struct json_run *records, int count)
{
    const char *const *paths = run->options.paths;
    for (int i = 0; i < count; i++) {
        if (!same_text(records[i].tool_version, NULLPROOF_VERSION))
            message_add(&run->messages, MESSAGE_ERROR,
                        "%s was written by nullproof %s, this is nullproof %s: merge the outputs "
                        "of one version with that version",
                        paths[i], records[i].tool_version, NULLPROOF_VERSION);
        if (i > 0 && !same_text(records[i].configuration, records[0].configuration))
            message_add(&run->messages, MESSAGE_ERROR,
                        "%s and %s were made with different rule configurations (%s, %s): "
                        "give every shard the same options and configuration files",
                        paths[0], paths[i],
                        records[0].configuration ? records[0].configuration : "none",
                        records[i].configuration ? records[i].configuration : "none");
        if (i > 0 && !same_text(records[i].working_directory, records[0].working_directory))
            message_add(&run->messages, MESSAGE_ERROR,
                        "%s and %s were made in different working directories (%s, %s): run "
                        "every shard from the same directory of the same checkout path",
                        paths[0], paths[i],
                        records[0].working_directory ? records[0].working_directory : "unknown",
                        records[i].working_directory ? records[i].working_directory : "unknown");
    }
}

/* Shards must come all together, each once: a missing one would lose its
 * findings without a word. Outputs of whole runs (no shard) may not be
 * mixed with shards. */
static void check_shards(struct run *run, const struct json_run *records, int count)
{
    const char *const *paths = run->options.paths;
    int shard_count = 0;
    for (int i = 0; i < count && shard_count == 0; i++)
        shard_count = records[i].shard_count;
    if (shard_count == 0)
        return;
    const char **seen = xcalloc((size_t)shard_count + 1, sizeof *seen);
    for (int i = 0; i < count; i++) {
        const struct json_run *record = &records[i];
        if (record->shard_count != shard_count) {
            if (record->shard_count == 0)
                message_add(&run->messages, MESSAGE_ERROR,
                            "%s is not the output of a shard, but other files are", paths[i]);
            else
                message_add(&run->messages, MESSAGE_ERROR,
                            "%s is shard %d/%d, another file is of %d shards", paths[i],
                            record->shard_index, record->shard_count, shard_count);
            continue;
        }
        if (seen[record->shard_index])
            message_add(&run->messages, MESSAGE_ERROR, "%s and %s are both shard %d/%d",
                        seen[record->shard_index], paths[i], record->shard_index, shard_count);
        else
            seen[record->shard_index] = paths[i];
    }
    for (int index = 1; index <= shard_count; index++)
        if (!seen[index])
            message_add(&run->messages, MESSAGE_ERROR, "shard %d/%d is missing: give the outputs "
                        "of all %d shards", index, shard_count, shard_count);
    free(seen);
}

static int compare_texts(const void *left, const void *right)
{
    return strcmp(*(const char *const *)left, *(const char *const *)right);
}

/* Prints nullproof's errors of every output, each once (every shard
 * reports the errors of the plan), in the order the report has them.
 * Returns how many were printed. */
static int print_tool_errors(const struct json_run *records, int count)
{
    int total = 0;
    for (int i = 0; i < count; i++)
        total += records[i].tool_error_count;
    const char **errors = xcalloc((size_t)total + 1, sizeof *errors);
    int stored = 0;
    for (int i = 0; i < count; i++)
        for (int e = 0; e < records[i].tool_error_count; e++)
            errors[stored++] = records[i].tool_errors[e];
    qsort(errors, (size_t)stored, sizeof *errors, compare_texts);
    int printed = 0;
    for (int i = 0; i < stored; i++) {
        if (i > 0 && strcmp(errors[i - 1], errors[i]) == 0)
            continue;
        fprintf(stderr, "nullproof: error: %s\n", errors[i]);
        printed++;
    }
    free(errors);
    return printed;
}

static void free_outputs(struct job_output *outputs, struct json_run *records, int count)
{
    for (int i = 0; i < count; i++) {
        job_output_free(&outputs[i]);
        json_run_free(&records[i]);
    }
    free(outputs);
    free(records);
}

int run_merge(struct run *run, struct driver_outcome *outcome)
{
    int count = run->options.path_count;
    struct job_output *outputs = xcalloc((size_t)count, sizeof *outputs);
    struct json_run *records = xcalloc((size_t)count, sizeof *records);
    for (int i = 0; i < count; i++) {
        struct job_output *output = &outputs[i];
        arena_init(&output->arena);
        finding_list_init(&output->findings, &output->arena);
        message_list_init(&output->messages);
        string_buffer_init(&output->dump);
        char *error = NULL;
        if (json_read_run(run->options.paths[i], &output->findings, &records[i], &error) != 0)
            message_add_owned(&run->messages, MESSAGE_ERROR, error);
    }
    if (run->messages.error_count == 0) {
        check_together(run, records, count);
        check_shards(run, records, count);
    }
    if (run->messages.error_count > 0) {
        message_list_print(&run->messages, run->options.verbose, stderr);
        outcome->error_count += run->messages.error_count;
        free_outputs(outputs, records, count);
        return -1;
    }
    /* The report is the shards' run's: their working directory is the one
     * its relative paths (SARIF, Code Climate) are under. */
    if (records[0].working_directory) {
        free(run->working_directory);
        run->working_directory = xstrdup(records[0].working_directory);
    }
    if (records[0].configuration)
        run->configuration = xstrdup(records[0].configuration);
    bool shard_failed = false;
    for (int i = 0; i < count; i++) {
        if (records[i].unit_count > 0)
            run->unit_count += records[i].unit_count;
        for (int e = 0; e < records[i].tool_error_count; e++)
            message_add(&outputs[i].messages, MESSAGE_ERROR, "%s", records[i].tool_errors[e]);
        /* clang's errors: the run's status counts one error per unit with
         * any; the status needs only whether there is one */
        for (int f = 0; f < outputs[i].findings.count; f++)
            if (report_is_clang_diagnostic(&outputs[i].findings.items[f]))
                outputs[i].clang_error_count++;
        if (outputs[i].clang_error_count > 0)
            outcome->error_count++;
        shard_failed |= records[i].exit_status == 2;
    }
    int file_count = 0;
    run_report(run, outputs, count, outcome, &file_count);
    outcome->error_count += print_tool_errors(records, count);
    if (outcome->error_count == 0 && shard_failed)
        outcome->error_count++; /* a failure its output does not record (it says so) */
    message_list_print(&run->messages, run->options.verbose, stderr);
    outcome->error_count += run->messages.error_count;
    free_outputs(outputs, records, count);
    return file_count;
}

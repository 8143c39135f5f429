/*
 * output: the findings of all jobs, merged in a stable order, with the
 * baseline and the inline suppressions applied, written in the chosen
 * format; and the lines a run prints about its baseline.
 */
#include "run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
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
#include "sources.h"
#include "suppress.h"

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
void run_remember_errors(struct run *run, const struct message_list *list)
{
    for (int i = 0; i < list->count; i++) {
        if (list->items[i].kind != MESSAGE_ERROR)
            continue;
        xappend_string(&run->tool_errors, &run->tool_error_count, xstrdup(list->items[i].text));
    }
}

static int compare_texts(const void *left, const void *right)
{
    return strcmp(*(char *const *)left, *(char *const *)right);
}

/* The errors in one order whatever the order of the jobs, or of the
 * shards --merge reads, and each once (every shard reports the errors of
 * the plan, such as a file the database lists that is missing). */
static void sort_tool_errors(struct run *run)
{
    if (run->tool_error_count < 2)
        return;
    qsort(run->tool_errors, (size_t)run->tool_error_count, sizeof *run->tool_errors,
          compare_texts);
    int kept = 1;
    for (int i = 1; i < run->tool_error_count; i++) {
        if (strcmp(run->tool_errors[kept - 1], run->tool_errors[i]) == 0)
            free(run->tool_errors[i]);
        else
            run->tool_errors[kept++] = run->tool_errors[i];
    }
    run->tool_error_count = kept;
}

/* What machine-readable formats record of the run besides its findings:
 * the rules, the errors so far and the exit status they make. Returns the
 * rules array, for the caller to free. */
static struct report_rule *fill_run_record(struct run *run, const struct job_output *outputs,
                                           int output_count, const struct driver_outcome *outcome,
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
    run_remember_errors(run, &run->messages);
    for (int i = 0; i < output_count; i++) {
        expected.error_count += outputs[i].messages.error_count;
        run_remember_errors(run, &outputs[i].messages);
    }
    sort_tool_errors(run);
    options->tool_errors = (const char *const *)run->tool_errors;
    options->tool_error_count = run->tool_error_count;
    options->exit_status = driver_exit_status(&expected);
    options->working_directory = run->working_directory;
    options->unit_count = run->unit_count;
    options->configuration = run->configuration;
    options->shard_index = run->options.shard.index;
    options->shard_count = run->options.shard.count;
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
void run_report(struct run *run, struct job_output *outputs, int output_count,
                struct driver_outcome *outcome, int *file_count)
{
    struct arena merge_arena;
    arena_init(&merge_arena);
    struct finding_list merged;
    finding_list_init(&merged, &merge_arena);
    const struct finding_list **lists = xcalloc((size_t)output_count + 1, sizeof *lists);
    for (int i = 0; i < output_count; i++)
        lists[i] = &outputs[i].findings;
    findings_merge(lists, output_count, &merged);
    free(lists);
    /* --merge: the shards applied the suppressions, each with the
     * configuration of its files */
    if (!run->options.dump_ir && !run->options.merge)
        apply_suppressions(run, &merged);
    if (!run->options.dump_ir)
        apply_baseline(run, &merged, outcome);

    for (int i = 0; i < merged.count; i++) {
        if (is_clang_error(&merged.items[i]))
            run->clang_error_count++;
        else
            outcome->finding_count++;
    }
    /* clang's errors always reach the terminal, also when the findings go
     * to a file, to another format or to a baseline */
    bool errors_elsewhere = run->output_is_file || run->options.write_baseline_path ||
                            strcmp(run->format->name, "text") != 0;
    if (errors_elsewhere && !run->options.dump_ir && run->clang_error_count > 0) {
        struct string_buffer errors;
        string_buffer_init(&errors);
        for (int i = 0; i < merged.count; i++)
            if (is_clang_error(&merged.items[i]))
                report_write_text_finding(&merged.items[i], false, &errors);
        fputs(string_buffer_text(&errors), stderr);
        string_buffer_free(&errors);
    }
    struct string_buffer text;
    string_buffer_init(&text);
    if (run->options.dump_ir) {
        for (int i = 0; i < output_count; i++)
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
        struct report_rule *rules =
            fill_run_record(run, outputs, output_count, outcome, &report_options);
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

void run_print_summary(const struct run *run, const struct driver_outcome *outcome,
                       int file_count, double seconds)
{
    if (run->options.quiet || run->options.dump_ir)
        return;
    int units = run->unit_count;
    fprintf(stderr, "nullproof: %d finding%s in %d file%s, %d translation unit%s",
            outcome->finding_count, outcome->finding_count == 1 ? "" : "s", file_count,
            file_count == 1 ? "" : "s", units, units == 1 ? "" : "s");
    if (run->clang_error_count > 0)
        fprintf(stderr, ", %d error%s", run->clang_error_count,
                run->clang_error_count == 1 ? "" : "s");
    fprintf(stderr, ", %.2f s\n", seconds);
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
void run_report_baseline(const struct run *run)
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

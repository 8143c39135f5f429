/*
 * codeclimate: GitLab Code Quality reports, an array of Code Climate
 * issues (description, check_name, fingerprint, severity, location with
 * path and positions). GitLab wants paths relative to the repository and
 * a fingerprint unique in the report: paths under the working directory
 * are made relative, and the fingerprint is the stable one with the
 * occurrence number folded in.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>

#include "fingerprint.h"
#include "json_util.h"
#include "../support/xalloc.h"

static const char *severity(enum severity value)
{
    switch (value) {
    case SEVERITY_NOTE:
        return "info";
    case SEVERITY_WARNING:
        return "major";
    case SEVERITY_ERROR:
        return "blocker";
    }
    return "major";
}

static json_t *position(unsigned line, unsigned column)
{
    json_t *object = json_object();
    json_util_set(object, "line", json_integer(line ? line : 1));
    if (column)
        json_util_set(object, "column", json_integer(column));
    return object;
}

/* Notes and the suggestion as the issue's markdown body. */
static json_t *content(const struct finding *finding)
{
    struct string_buffer body;
    string_buffer_init(&body);
    for (int i = 0; i < finding->note_count; i++) {
        const struct finding_note *note = &finding->notes[i];
        if (note->file)
            string_buffer_printf(&body, "- %s:%u:%u: %s\n", note->file, note->line,
                                 note->column, note->message);
        else
            string_buffer_printf(&body, "- %s\n", note->message);
    }
    json_t *object = json_object();
    json_util_set(object, "body", json_util_string(string_buffer_text(&body)));
    string_buffer_free(&body);
    return object;
}

static json_t *issue(const struct finding *finding, int occurrence,
                     const struct report_options *options)
{
    bool is_ours = !report_is_clang_diagnostic(finding);
    char fingerprint[FINGERPRINT_SIZE];
    finding_fingerprint(finding, fingerprint);
    char unique[FINGERPRINT_SIZE + 16];
    snprintf(unique, sizeof unique, "%s-%d", fingerprint, occurrence);
    unsigned end_line = 0, end_column = 0;
    finding_end(finding, &end_line, &end_column);

    json_t *object = json_object();
    json_util_set(object, "type", json_string("issue"));
    json_util_set(object, "check_name", json_util_string(is_ours ? finding->rule : "clang"));
    json_util_set(object, "description", json_util_string(finding->message));
    json_util_set(object, "content", content(finding));
    json_t *categories = json_array();
    json_array_append_new(categories, json_string("Bug Risk"));
    json_util_set(object, "categories", categories);
    json_t *location = json_object();
    json_util_set(location, "path", json_util_string(
                                        report_relative_path(finding->file ? finding->file : "",
                                                             options->working_directory)));
    json_t *positions = json_object();
    json_util_set(positions, "begin", position(finding->line, finding->column));
    json_util_set(positions, "end", position(end_line ? end_line : finding->line, end_column));
    json_util_set(location, "positions", positions);
    json_util_set(object, "location", location);
    json_util_set(object, "severity", json_string(severity(finding->severity)));
    json_util_set(object, "fingerprint", json_string(unique));
    return object;
}

void report_write_codeclimate(const struct finding_list *findings,
                              const struct report_options *options, struct string_buffer *out)
{
    int *occurrence = xcalloc((size_t)findings->count + 1, sizeof *occurrence);
    finding_occurrences(findings, occurrence);
    json_t *issues = json_array();
    for (int i = 0; i < findings->count; i++)
        json_array_append_new(issues, issue(&findings->items[i], occurrence[i], options));
    free(occurrence);
    json_util_dump(issues, out);
}

/*
 * json: nullproof's own machine-readable format, documented field by field
 * in docs/json-format.md (a change there is a change here, and the other
 * way round). Built as a jansson tree, never by hand.
 */
#include "report.h"

#include "fingerprint.h"
#include "json_util.h"

enum { JSON_FORMAT_VERSION = 1 };

static json_t *location_fields(json_t *object, const char *file, unsigned line, unsigned column)
{
    json_util_set(object, "file", json_util_string(file));
    json_util_set(object, "line", json_util_position(line));
    json_util_set(object, "column", json_util_position(column));
    return object;
}

/* Located notes (with `all`, the notes without a location too, in their
 * order: what --merge needs to print them as the text format does);
 * notes without a location are also the suggestion. */
static json_t *notes_array(const struct finding *finding, bool all)
{
    json_t *notes = json_array();
    for (int i = 0; i < finding->note_count; i++) {
        const struct finding_note *note = &finding->notes[i];
        if (!note->file && !all)
            continue;
        json_t *object = json_object();
        json_util_set(object, "message", json_util_string(note->message));
        location_fields(object, note->file, note->line, note->column);
        json_util_set(object, "source_line", json_util_string(note->source_line));
        json_array_append_new(notes, object);
    }
    return notes;
}

static json_t *suggestion_text(const struct finding *finding)
{
    struct string_buffer text;
    string_buffer_init(&text);
    for (int i = 0; i < finding->note_count; i++)
        if (!finding->notes[i].file)
            string_buffer_printf(&text, "%s%s", text.length ? "\n" : "",
                                 finding->notes[i].message);
    json_t *value = text.length ? json_util_string(text.data) : json_null();
    string_buffer_free(&text);
    return value;
}

static json_t *fixits_array(const struct finding *finding)
{
    json_t *fixits = json_array();
    for (int i = 0; i < finding->fixit_count; i++) {
        const struct finding_fixit *fixit = &finding->fixits[i];
        json_t *object = location_fields(json_object(), fixit->file ? fixit->file : finding->file,
                                         fixit->line, fixit->column);
        json_util_set(object, "end_line", json_util_position(fixit->end_line));
        json_util_set(object, "end_column", json_util_position(fixit->end_column));
        json_util_set(object, "replacement", json_util_string(fixit->replacement));
        json_array_append_new(fixits, object);
    }
    return fixits;
}

static json_t *finding_object(const struct finding *finding)
{
    json_t *object = json_object();
    char fingerprint[FINGERPRINT_SIZE];
    finding_fingerprint(finding, fingerprint);
    unsigned end_line = 0, end_column = 0;
    finding_end(finding, &end_line, &end_column);
    json_util_set(object, "rule", json_util_string(finding->rule));
    json_util_set(object, "severity", json_string(severity_name(finding->severity)));
    json_util_set(object, "message", json_util_string(finding->message));
    location_fields(object, finding->file, finding->line, finding->column);
    json_util_set(object, "end_line", json_util_position(end_line));
    json_util_set(object, "end_column", json_util_position(end_column));
    json_util_set(object, "function", json_util_string(finding->function));
    json_util_set(object, "subject", json_util_string(finding->subject));
    json_util_set(object, "source_function", json_util_string(finding->source_function));
    json_util_set(object, "source_line", json_util_string(finding->source_line));
    json_util_set(object, "notes", notes_array(finding, false));
    json_util_set(object, "all_notes", notes_array(finding, true));
    json_util_set(object, "suggestion", suggestion_text(finding));
    json_util_set(object, "fixits", fixits_array(finding));
    json_util_set(object, "fingerprint", json_string(fingerprint));
    return object;
}

static json_t *clang_error_object(const struct finding *finding)
{
    json_t *object = json_object();
    json_util_set(object, "source", json_string("clang"));
    json_util_set(object, "severity", json_string(severity_name(finding->severity)));
    json_util_set(object, "message", json_util_string(finding->message));
    location_fields(object, finding->file, finding->line, finding->column);
    json_util_set(object, "source_line", json_util_string(finding->source_line));
    json_util_set(object, "notes", notes_array(finding, false));
    json_util_set(object, "all_notes", notes_array(finding, true));
    return object;
}

void report_write_json(const struct finding_list *findings, const struct report_options *options,
                       struct string_buffer *out)
{
    json_t *root = json_object();
    json_t *tool = json_object();
    json_util_set(tool, "name", json_string("nullproof"));
    json_util_set(tool, "version", json_util_string(options->tool_version));
    json_util_set(root, "format_version", json_integer(JSON_FORMAT_VERSION));
    json_util_set(root, "tool", tool);
    json_util_set(root, "exit_status", json_integer(options->exit_status));
    json_util_set(root, "working_directory", json_util_string(options->working_directory));
    json_util_set(root, "translation_units", json_integer(options->unit_count));
    json_util_set(root, "configuration", json_util_string(options->configuration));
    if (options->shard_count > 0) {
        json_t *shard = json_object();
        json_util_set(shard, "index", json_integer(options->shard_index));
        json_util_set(shard, "count", json_integer(options->shard_count));
        json_util_set(root, "shard", shard);
    }
    json_t *results = json_array();
    json_t *errors = json_array();
    for (int i = 0; i < findings->count; i++) {
        const struct finding *finding = &findings->items[i];
        if (report_is_clang_diagnostic(finding))
            json_array_append_new(errors, clang_error_object(finding));
        else
            json_array_append_new(results, finding_object(finding));
    }
    for (int i = 0; i < options->tool_error_count; i++) {
        json_t *object = json_object();
        json_util_set(object, "source", json_string("nullproof"));
        json_util_set(object, "severity", json_string("error"));
        json_util_set(object, "message", json_util_string(options->tool_errors[i]));
        json_array_append_new(errors, object);
    }
    json_util_set(root, "findings", results);
    json_util_set(root, "errors", errors);
    json_util_dump(root, out);
}

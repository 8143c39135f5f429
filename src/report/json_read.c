/*
 * json_read: the JSON format read back with jansson. Every field is
 * checked for its type, so a damaged or foreign file is an error naming
 * the file and the field, never a crash or a silently wrong report.
 */
#include "json_read.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../support/text.h"
#include "../support/xalloc.h"

enum { JSON_FORMAT_VERSION = 1 };

/* Where the reader is, for the message of the first problem found. */
struct reader {
    const char *path;
    const char *place; /* "findings[3]" */
    char *error;
};

static void fail(struct reader *reader, const char *field, const char *problem)
{
    if (reader->error)
        return;
    const char *place = reader->place ? reader->place : "";
    reader->error = text_printf("%s: not a valid nullproof JSON output: %s%s%s %s",
                                reader->path, place, *place && *field ? "." : "", field,
                                problem);
}

/* A string field; absent or null is NULL. */
static const char *string_field(struct reader *reader, const json_t *object, const char *field)
{
    const json_t *value = json_object_get(object, field);
    if (!value || json_is_null(value))
        return NULL;
    if (!json_is_string(value)) {
        fail(reader, field, "is not a string");
        return NULL;
    }
    return json_string_value(value);
}

static const char *required_string(struct reader *reader, const json_t *object,
                                   const char *field)
{
    const char *text = string_field(reader, object, field);
    if (!text)
        fail(reader, field, "is missing");
    return text;
}

/* A line or column: a positive integer, or null/absent for 0 (unknown). */
static unsigned position_field(struct reader *reader, const json_t *object, const char *field)
{
    const json_t *value = json_object_get(object, field);
    if (!value || json_is_null(value))
        return 0;
    if (!json_is_integer(value) || json_integer_value(value) < 1 ||
        json_integer_value(value) > (json_int_t)0x7fffffff) {
        fail(reader, field, "is not a line or column number");
        return 0;
    }
    return (unsigned)json_integer_value(value);
}

static const json_t *array_field(struct reader *reader, const json_t *object, const char *field,
                                 bool required)
{
    const json_t *value = json_object_get(object, field);
    if ((!value || json_is_null(value)) && !required)
        return NULL;
    if (!value || !json_is_array(value)) {
        fail(reader, field, "is not an array");
        return NULL;
    }
    return value;
}

static bool parse_severity(const char *name, enum severity *severity)
{
    static const enum severity all[] = {SEVERITY_NOTE, SEVERITY_WARNING, SEVERITY_ERROR};
    for (size_t i = 0; name && i < sizeof all / sizeof all[0]; i++) {
        if (strcmp(severity_name(all[i]), name) == 0) {
            *severity = all[i];
            return true;
        }
    }
    return false;
}

static void read_notes(struct reader *reader, const json_t *object, struct finding_list *list,
                       struct finding *finding)
{
    const json_t *notes = array_field(reader, object, "all_notes", false);
    bool all = notes != NULL;
    if (!all)
        notes = array_field(reader, object, "notes", false);
    size_t index;
    const json_t *note;
    json_array_foreach(notes, index, note) {
        if (!json_is_object(note)) {
            fail(reader, all ? "all_notes" : "notes", "holds a value that is not an object");
            return;
        }
        const char *message = required_string(reader, note, "message");
        if (reader->error)
            return;
        finding_add_note(list, finding, string_field(reader, note, "file"),
                         position_field(reader, note, "line"),
                         position_field(reader, note, "column"), message,
                         string_field(reader, note, "source_line"));
    }
    /* an older file: the advice is only in the suggestion */
    const char *suggestion = all ? NULL : string_field(reader, object, "suggestion");
    if (suggestion)
        finding_add_note(list, finding, NULL, 0, 0, suggestion, NULL);
}

static void read_fixits(struct reader *reader, const json_t *object, struct finding_list *list,
                        struct finding *finding)
{
    const json_t *fixits = array_field(reader, object, "fixits", false);
    size_t index;
    const json_t *fixit;
    json_array_foreach(fixits, index, fixit) {
        if (!json_is_object(fixit)) {
            fail(reader, "fixits", "holds a value that is not an object");
            return;
        }
        const char *replacement = required_string(reader, fixit, "replacement");
        if (reader->error)
            return;
        finding_add_fixit(list, finding, string_field(reader, fixit, "file"),
                          position_field(reader, fixit, "line"),
                          position_field(reader, fixit, "column"),
                          position_field(reader, fixit, "end_line"),
                          position_field(reader, fixit, "end_column"), replacement);
    }
}

/* A finding (an object), or a clang error when `rule` is given. */
static void read_finding(struct reader *reader, const json_t *object, const char *rule,
                         struct finding_list *list)
{
    if (!rule)
        rule = required_string(reader, object, "rule");
    const char *message = required_string(reader, object, "message");
    const char *severity_text = required_string(reader, object, "severity");
    enum severity severity = SEVERITY_WARNING;
    if (!reader->error && !parse_severity(severity_text, &severity))
        fail(reader, "severity", "is not note, warning or error");
    if (reader->error)
        return;
    struct finding *finding = finding_add(
        list, rule, severity, string_field(reader, object, "file"),
        position_field(reader, object, "line"), position_field(reader, object, "column"),
        message, string_field(reader, object, "source_line"),
        string_field(reader, object, "function"));
    finding->end_line = position_field(reader, object, "end_line");
    finding->end_column = position_field(reader, object, "end_column");
    const char *subject = string_field(reader, object, "subject");
    const char *source_function = string_field(reader, object, "source_function");
    if (subject || source_function)
        finding_set_subject(list, finding, subject, source_function);
    read_notes(reader, object, list, finding);
    read_fixits(reader, object, list, finding);
}

static void read_errors(struct reader *reader, const json_t *errors, struct finding_list *list,
                        struct json_run *run)
{
    size_t index;
    const json_t *error;
    char place[64];
    json_array_foreach(errors, index, error) {
        snprintf(place, sizeof place, "errors[%zu]", index);
        reader->place = place;
        if (!json_is_object(error)) {
            fail(reader, "", "is not an object");
            return;
        }
        const char *source = required_string(reader, error, "source");
        if (!source)
            break; /* the reader says it is missing */
        if (strcmp(source, "clang") == 0) {
            read_finding(reader, error, "clang-diagnostic", list);
        } else if (strcmp(source, "nullproof") == 0) {
            const char *message = required_string(reader, error, "message");
            if (message)
                xappend_string(&run->tool_errors, &run->tool_error_count, xstrdup(message));
        } else {
            fail(reader, "source", "is neither clang nor nullproof");
        }
        if (reader->error)
            break;
    }
    reader->place = NULL;
}

static char *copy_or_null(const char *text)
{
    return text ? xstrdup(text) : NULL;
}

static void read_run(struct reader *reader, const json_t *root, struct json_run *run)
{
    const json_t *version = json_object_get(root, "format_version");
    if (!json_is_integer(version) || json_integer_value(version) != JSON_FORMAT_VERSION) {
        fail(reader, "format_version", "is not 1 (is it a --format json output?)");
        return;
    }
    const json_t *tool = json_object_get(root, "tool");
    if (!json_is_object(tool)) {
        fail(reader, "tool", "is not an object");
        return;
    }
    const char *name = required_string(reader, tool, "name");
    if (name && strcmp(name, "nullproof") != 0)
        fail(reader, "tool.name", "is not nullproof");
    run->tool_version = copy_or_null(required_string(reader, tool, "version"));
    run->configuration = copy_or_null(string_field(reader, root, "configuration"));
    run->working_directory = copy_or_null(string_field(reader, root, "working_directory"));
    const json_t *status = json_object_get(root, "exit_status");
    if (!json_is_integer(status) || json_integer_value(status) < 0 ||
        json_integer_value(status) > 2)
        fail(reader, "exit_status", "is not 0, 1 or 2");
    else
        run->exit_status = (int)json_integer_value(status);
    const json_t *units = json_object_get(root, "translation_units");
    if (units && (!json_is_integer(units) || json_integer_value(units) < 0 ||
                  json_integer_value(units) > 0x7fffffff))
        fail(reader, "translation_units", "is not a count");
    else
        run->unit_count = units ? (int)json_integer_value(units) : -1;
    const json_t *shard = json_object_get(root, "shard");
    if (shard) {
        const json_t *index = json_object_get(shard, "index");
        const json_t *count = json_object_get(shard, "count");
        if (!json_is_integer(index) || !json_is_integer(count) || json_integer_value(count) < 1 ||
            json_integer_value(count) > 0x7fffffff || json_integer_value(index) < 1 ||
            json_integer_value(index) > json_integer_value(count))
            fail(reader, "shard", "is not {\"index\": K, \"count\": N} with 1 <= K <= N");
        else {
            run->shard_index = (int)json_integer_value(index);
            run->shard_count = (int)json_integer_value(count);
        }
    }
}

int json_read_run(const char *path, struct finding_list *findings, struct json_run *run,
                  char **error)
{
    memset(run, 0, sizeof *run);
    run->unit_count = -1;
    *error = NULL;
    json_error_t parse_error;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &parse_error);
    if (!root) {
        if (parse_error.line > 0)
            *error = text_printf("%s:%d:%d: not a valid nullproof JSON output: %s", path,
                                 parse_error.line, parse_error.column, parse_error.text);
        else
            *error = text_printf("%s: %s", path, parse_error.text);
        return -1;
    }
    struct reader reader = {path, NULL, NULL};
    if (!json_is_object(root))
        fail(&reader, "the top level", "is not an object");
    else
        read_run(&reader, root, run);
    const json_t *results = reader.error ? NULL : array_field(&reader, root, "findings", true);
    const json_t *errors = reader.error ? NULL : array_field(&reader, root, "errors", true);
    size_t index;
    const json_t *object;
    char place[64];
    json_array_foreach(results, index, object) {
        snprintf(place, sizeof place, "findings[%zu]", index);
        reader.place = place;
        if (!json_is_object(object)) {
            fail(&reader, "", "is not an object");
            break;
        }
        read_finding(&reader, object, NULL, findings);
        if (reader.error)
            break;
    }
    reader.place = NULL;
    if (!reader.error)
        read_errors(&reader, errors, findings, run);
    json_decref(root);
    *error = reader.error;
    return reader.error ? -1 : 0;
}

void json_run_free(struct json_run *run)
{
    free(run->tool_version);
    free(run->configuration);
    free(run->working_directory);
    for (int i = 0; i < run->tool_error_count; i++)
        free(run->tool_errors[i]);
    free(run->tool_errors);
    memset(run, 0, sizeof *run);
}

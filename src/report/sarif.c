/*
 * sarif: SARIF 2.1.0 as GitHub code scanning reads it: one run whose tool
 * lists every rule (with its docs/rules page as help), one result per
 * finding with related locations for the notes, fixes for fix-its and a
 * partial fingerprint, and the invocation with the exit status and the
 * errors. Paths under the working directory are relative to %SRCROOT%.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fingerprint.h"
#include "json_util.h"
#include "../support/xalloc.h"

/* Where docs/ is published (CMake's NULLPROOF_DOCS_URL): the tool's
 * informationUri, and rules/ID.md under it each rule's helpUri. */
#ifndef NULLPROOF_DOCS_URL
#define NULLPROOF_DOCS_URL "file:///usr/local/share/doc/nullproof/"
#endif

#define SARIF_SCHEMA \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define SOURCE_ROOT "%SRCROOT%"

static json_t *uri_string(const char *prefix, const char *path, const char *suffix)
{
    struct string_buffer uri;
    string_buffer_init(&uri);
    string_buffer_append(&uri, prefix);
    report_append_uri_path(&uri, path);
    string_buffer_append(&uri, suffix);
    json_t *value = json_util_string(string_buffer_text(&uri));
    string_buffer_free(&uri);
    return value;
}

static json_t *artifact_location(const char *file, const struct report_options *options)
{
    json_t *location = json_object();
    const char *relative = report_relative_path(file, options->working_directory);
    if (relative[0] == '/') {
        json_util_set(location, "uri", uri_string("file://", relative, ""));
    } else {
        json_util_set(location, "uri", uri_string("", relative, ""));
        json_util_set(location, "uriBaseId", json_string(SOURCE_ROOT));
    }
    return location;
}

/* SARIF counts columns in code points here (run.columnKind); clang counts
 * bytes. The source line, when known, converts one into the other. */
static unsigned code_point_column(const char *source_line, unsigned byte_column)
{
    if (!source_line || byte_column == 0)
        return byte_column;
    unsigned column = 1;
    for (unsigned offset = 0; offset + 1 < byte_column; offset++) {
        unsigned char byte = (unsigned char)source_line[offset];
        if (byte == '\0')
            return column + (byte_column - 1 - offset);
        if ((byte & 0xC0) != 0x80)
            column++;
    }
    return column;
}

static json_t *region(unsigned line, unsigned column, unsigned end_line, unsigned end_column,
                      const char *source_line)
{
    json_t *object = json_object();
    json_util_set(object, "startLine", json_integer(line));
    if (column)
        json_util_set(object, "startColumn",
                      json_integer(code_point_column(source_line, column)));
    /* An end at the start would make an empty region: leave it out. */
    if (end_column > 0 && (end_line > line || (end_line == line && end_column > column))) {
        json_util_set(object, "endLine", json_integer(end_line));
        json_util_set(object, "endColumn", json_integer(code_point_column(
                                                 end_line == line ? source_line : NULL,
                                                 end_column)));
    }
    if (source_line) {
        json_t *snippet = json_object();
        json_util_set(snippet, "text", json_util_string(source_line));
        json_util_set(object, "snippet", snippet);
    }
    return object;
}

static json_t *physical_location(const char *file, unsigned line, unsigned column,
                                 unsigned end_line, unsigned end_column, const char *source_line,
                                 const struct report_options *options)
{
    json_t *location = json_object();
    json_util_set(location, "artifactLocation", artifact_location(file, options));
    if (line)
        json_util_set(location, "region",
                      region(line, column, end_line, end_column, source_line));
    return location;
}

static json_t *message(const char *text)
{
    json_t *object = json_object();
    json_util_set(object, "text", json_util_string(text));
    return object;
}

/* The first paragraph under "## What it finds", lines joined. */
static char *first_paragraph_of_findings(const char *markdown)
{
    static const char heading[] = "## What it finds\n";
    const char *start = strstr(markdown, heading);
    if (!start)
        return NULL;
    start += strlen(heading);
    while (*start == '\n')
        start++;
    const char *end = strstr(start, "\n\n");
    size_t length = end ? (size_t)(end - start) : strlen(start);
    struct string_buffer text;
    string_buffer_init(&text);
    string_buffer_append_length(&text, start, length);
    for (size_t i = 0; i < text.length; i++)
        if (text.data[i] == '\n')
            text.data[i] = ' ';
    return text.data; /* the buffer's heap block, owned by the caller */
}

/* "unchecked-alloc" -> "UncheckedAlloc", the friendly name SARIF asks for. */
static json_t *pascal_case(const char *id)
{
    struct string_buffer name;
    string_buffer_init(&name);
    bool upper = true;
    for (const char *cursor = id; *cursor; cursor++) {
        if (*cursor == '-' || *cursor == '_') {
            upper = true;
            continue;
        }
        char letter = upper && *cursor >= 'a' && *cursor <= 'z' ? (char)(*cursor - 'a' + 'A')
                                                                 : *cursor;
        string_buffer_append_length(&name, &letter, 1);
        upper = false;
    }
    json_t *value = json_util_string(string_buffer_text(&name));
    string_buffer_free(&name);
    return value;
}

static json_t *rule_descriptor(const struct report_rule *rule)
{
    json_t *object = json_object();
    const char *markdown = report_rule_documentation(rule->id);
    char *full = markdown ? first_paragraph_of_findings(markdown) : NULL;
    json_util_set(object, "id", json_util_string(rule->id));
    json_util_set(object, "name", pascal_case(rule->id));
    json_util_set(object, "shortDescription", message(rule->summary));
    json_util_set(object, "fullDescription", message(full ? full : rule->summary));
    free(full);
    json_t *help = message(markdown ? markdown : rule->summary);
    if (markdown)
        json_util_set(help, "markdown", json_util_string(markdown));
    json_util_set(object, "help", help);
    char *help_uri = report_rule_help_uri(rule->id);
    json_util_set(object, "helpUri", json_util_string(help_uri));
    free(help_uri);
    json_t *configuration = json_object();
    json_util_set(configuration, "level", json_string("warning"));
    json_util_set(object, "defaultConfiguration", configuration);
    json_t *properties = json_object();
    json_t *tags = json_array();
    json_array_append_new(tags, json_string("correctness"));
    json_array_append_new(tags, json_string("null-pointer"));
    json_util_set(properties, "tags", tags);
    json_util_set(properties, "precision", json_string("high"));
    json_util_set(properties, "problem.severity", json_string("warning"));
    json_util_set(object, "properties", properties);
    return object;
}

static int rule_index(const struct report_options *options, const char *id)
{
    for (int i = 0; i < options->rule_count; i++)
        if (strcmp(options->rules[i].id, id) == 0)
            return i;
    return -1;
}

/* Notes: located ones where they are; advice at the finding's place. */
static json_t *related_locations(const struct finding *finding,
                                 const struct report_options *options)
{
    json_t *related = json_array();
    for (int i = 0; i < finding->note_count; i++) {
        const struct finding_note *note = &finding->notes[i];
        const char *file = note->file ? note->file : finding->file;
        if (!file)
            continue;
        json_t *object = json_object();
        json_util_set(object, "id", json_integer(i));
        if (note->file)
            json_util_set(object, "physicalLocation",
                          physical_location(note->file, note->line, note->column, 0, 0,
                                            note->source_line, options));
        else
            json_util_set(object, "physicalLocation",
                          physical_location(finding->file, finding->line, finding->column, 0,
                                            0, finding->source_line, options));
        json_util_set(object, "message", message(note->message));
        json_array_append_new(related, object);
    }
    return related;
}

static const char *suggestion(const struct finding *finding)
{
    for (int i = 0; i < finding->note_count; i++)
        if (!finding->notes[i].file)
            return finding->notes[i].message;
    return "apply nullproof's fix-it";
}

static json_t *fixes(const struct finding *finding, const struct report_options *options)
{
    json_t *array = json_array();
    for (int i = 0; i < finding->fixit_count; i++) {
        const struct finding_fixit *fixit = &finding->fixits[i];
        const char *file = fixit->file ? fixit->file : finding->file;
        if (!file || !fixit->line || !fixit->column)
            continue;
        const char *line_text = fixit->line == finding->line ? finding->source_line : NULL;
        json_t *deleted = json_object();
        json_util_set(deleted, "startLine", json_integer(fixit->line));
        json_util_set(deleted, "startColumn",
                      json_integer(code_point_column(line_text, fixit->column)));
        json_util_set(deleted, "endLine",
                      json_integer(fixit->end_line ? fixit->end_line : fixit->line));
        json_util_set(deleted, "endColumn",
                      json_integer(code_point_column(
                          fixit->end_line == fixit->line ? line_text : NULL,
                          fixit->end_column ? fixit->end_column : fixit->column)));
        json_t *replacement = json_object();
        json_util_set(replacement, "deletedRegion", deleted);
        json_util_set(replacement, "insertedContent", message(fixit->replacement));
        json_t *replacements = json_array();
        json_array_append_new(replacements, replacement);
        json_t *change = json_object();
        json_util_set(change, "artifactLocation", artifact_location(file, options));
        json_util_set(change, "replacements", replacements);
        json_t *changes = json_array();
        json_array_append_new(changes, change);
        json_t *fix = json_object();
        json_util_set(fix, "description", message(suggestion(finding)));
        json_util_set(fix, "artifactChanges", changes);
        json_array_append_new(array, fix);
    }
    return array;
}

/* Sets `key` to `array` when it has items; drops an empty one. */
static void set_unless_empty(json_t *object, const char *key, json_t *array)
{
    if (json_array_size(array))
        json_util_set(object, key, array);
    else
        json_decref(array);
}

static json_t *result(const struct finding *finding, int occurrence,
                      const struct report_options *options)
{
    json_t *object = json_object();
    json_util_set(object, "ruleId", json_util_string(finding->rule));
    int index = rule_index(options, finding->rule);
    if (index >= 0)
        json_util_set(object, "ruleIndex", json_integer(index));
    json_util_set(object, "level", json_string(severity_name(finding->severity)));
    json_util_set(object, "message", message(finding->message));
    json_t *locations = json_array();
    if (finding->file) {
        unsigned end_line = 0, end_column = 0;
        finding_end(finding, &end_line, &end_column);
        json_t *location = json_object();
        json_util_set(location, "physicalLocation",
                      physical_location(finding->file, finding->line, finding->column, end_line,
                                        end_column, finding->source_line, options));
        if (finding->function) {
            json_t *logical = json_object();
            json_util_set(logical, "name", json_util_string(finding->function));
            json_util_set(logical, "kind", json_string("function"));
            json_t *logicals = json_array();
            json_array_append_new(logicals, logical);
            json_util_set(location, "logicalLocations", logicals);
        }
        json_array_append_new(locations, location);
    }
    json_util_set(object, "locations", locations);
    set_unless_empty(object, "relatedLocations", related_locations(finding, options));
    char fingerprint[FINGERPRINT_SIZE];
    finding_fingerprint(finding, fingerprint);
    char identifier[FINGERPRINT_SIZE + 16];
    snprintf(identifier, sizeof identifier, "%s:%d", fingerprint, occurrence);
    json_t *fingerprints = json_object();
    json_util_set(fingerprints, "nullproof/v1", json_string(identifier));
    json_util_set(object, "partialFingerprints", fingerprints);
    set_unless_empty(object, "fixes", fixes(finding, options));
    return object;
}

static json_t *notification(const char *text, const struct finding *clang_error,
                            const struct report_options *options)
{
    json_t *object = json_object();
    json_util_set(object, "level", json_string("error"));
    json_util_set(object, "message", message(text));
    if (clang_error) {
        json_t *descriptor = json_object();
        json_util_set(descriptor, "id", json_string("clang-diagnostic"));
        json_util_set(object, "descriptor", descriptor);
        if (clang_error->file) {
            json_t *location = json_object();
            json_util_set(location, "physicalLocation",
                          physical_location(clang_error->file, clang_error->line,
                                            clang_error->column, 0, 0, clang_error->source_line,
                                            options));
            json_t *locations = json_array();
            json_array_append_new(locations, location);
            json_util_set(object, "locations", locations);
        }
    }
    return object;
}

static json_t *invocation(const struct finding_list *findings,
                          const struct report_options *options)
{
    json_t *object = json_object();
    json_util_set(object, "executionSuccessful", json_boolean(options->exit_status != 2));
    json_util_set(object, "exitCode", json_integer(options->exit_status));
    json_t *notifications = json_array();
    for (int i = 0; i < findings->count; i++)
        if (report_is_clang_diagnostic(&findings->items[i]))
            json_array_append_new(notifications, notification(findings->items[i].message,
                                                              &findings->items[i], options));
    for (int i = 0; i < options->tool_error_count; i++)
        json_array_append_new(notifications, notification(options->tool_errors[i], NULL,
                                                          options));
    json_util_set(object, "toolExecutionNotifications", notifications);
    if (options->working_directory) {
        json_t *directory = json_object();
        json_util_set(directory, "uri",
                      uri_string("file://", options->working_directory,
                                 strcmp(options->working_directory, "/") ? "/" : ""));
        json_util_set(object, "workingDirectory", directory);
    }
    return object;
}

void report_write_sarif(const struct finding_list *findings, const struct report_options *options,
                        struct string_buffer *out)
{
    json_t *driver = json_object();
    json_util_set(driver, "name", json_string("nullproof"));
    json_util_set(driver, "version", json_util_string(options->tool_version));
    json_util_set(driver, "semanticVersion", json_util_string(options->tool_version));
    json_util_set(driver, "informationUri", json_string(NULLPROOF_DOCS_URL));
    json_t *rules = json_array();
    for (int i = 0; i < options->rule_count; i++)
        json_array_append_new(rules, rule_descriptor(&options->rules[i]));
    json_util_set(driver, "rules", rules);
    json_t *tool = json_object();
    json_util_set(tool, "driver", driver);

    json_t *run = json_object();
    json_util_set(run, "tool", tool);
    json_t *invocations = json_array();
    json_array_append_new(invocations, invocation(findings, options));
    json_util_set(run, "invocations", invocations);
    if (options->working_directory) {
        json_t *root_uri = json_object();
        json_util_set(root_uri, "uri",
                      uri_string("file://", options->working_directory,
                                 strcmp(options->working_directory, "/") ? "/" : ""));
        json_t *bases = json_object();
        json_util_set(bases, SOURCE_ROOT, root_uri);
        json_util_set(run, "originalUriBaseIds", bases);
    }
    json_util_set(run, "columnKind", json_string("unicodeCodePoints"));
    int *occurrence = xcalloc((size_t)findings->count + 1, sizeof *occurrence);
    finding_occurrences(findings, occurrence);
    json_t *results = json_array();
    for (int i = 0; i < findings->count; i++)
        if (!report_is_clang_diagnostic(&findings->items[i]))
            json_array_append_new(results, result(&findings->items[i], occurrence[i], options));
    free(occurrence);
    json_util_set(run, "results", results);

    json_t *root = json_object();
    json_util_set(root, "$schema", json_string(SARIF_SCHEMA));
    json_util_set(root, "version", json_string("2.1.0"));
    json_t *runs = json_array();
    json_array_append_new(runs, run);
    json_util_set(root, "runs", runs);
    json_util_dump(root, out);
}

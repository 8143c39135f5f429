/*
 * diagnostics: a document's findings as LSP diagnostics. The range covers
 * the use (clang's byte columns turned into the negotiated encoding with
 * the line's text), the severity is the configured one, the code the rule
 * id with a link to its page, the message the CLI's, and the notes with a
 * location become relatedInformation (where the NULL comes from, the
 * path to the use). Advice without a location is the code actions'.
 */
#include "server.h"

#include <stdlib.h>
#include <string.h>

#include "../driver/suppress.h"
#include "../report/json_util.h"
#include "../report/report.h"
#include "../support/xalloc.h"

bool lsp_is_reported(const struct lsp_document *document, const struct finding *finding)
{
    return finding->file && strcmp(finding->file, document->path) == 0 && finding->line > 0;
}

/* The text of `line` of `file`: from its open buffer when it is one, else
 * the line the finding carries (read from the disk). */
static const char *line_text(const struct lsp_server *server, const char *file,
                             const char *source_line, unsigned line, size_t *length)
{
    struct lsp_documents *documents = (struct lsp_documents *)&server->documents;
    const struct lsp_document *document = documents_find_path(documents, file);
    if (document)
        return text_line(document->text, document->length, line, length);
    if (source_line)
        *length = strlen(source_line);
    return source_line;
}

static json_t *position(unsigned line, unsigned character)
{
    return json_pack("{s:I,s:I}", "line", (json_int_t)line, "character", (json_int_t)character);
}

json_t *lsp_range(const struct lsp_server *server, const char *file, const char *source_line,
                  unsigned line, unsigned column, unsigned end_line, unsigned end_column)
{
    if (line == 0)
        line = 1;
    if (column == 0)
        column = 1;
    size_t length = 0;
    const char *text = line_text(server, file, source_line, line, &length);
    unsigned start = line_character(text, length, column - 1, server->encoding);
    unsigned end;
    if (end_line == 0 || end_line < line || (end_line == line && end_column < column)) {
        end_line = line; /* unknown: one character */
        end = start + 1;
    } else if (end_line == line) {
        end = line_character(text, length, end_column - 1, server->encoding);
    } else {
        size_t end_length = 0;
        const char *end_text = line_text(server, file, NULL, end_line, &end_length);
        end = line_character(end_text, end_length, end_column - 1, server->encoding);
    }
    return json_pack("{s:o,s:o}", "start", position(line - 1, start), "end",
                     position(end_line - 1, end));
}

static int lsp_severity(enum severity severity)
{
    switch (severity) {
    case SEVERITY_ERROR:
        return 1;
    case SEVERITY_WARNING:
        return 2;
    case SEVERITY_NOTE:
        return 3;
    }
    return 2;
}

static json_t *related_information(const struct lsp_server *server,
                                   const struct finding *finding)
{
    json_t *related = json_array();
    for (int i = 0; i < finding->note_count; i++) {
        const struct finding_note *note = &finding->notes[i];
        if (!note->file || note->line == 0)
            continue;
        char *uri = path_to_uri(note->file);
        json_t *location = json_pack(
            "{s:s,s:o}", "uri", uri, "range",
            lsp_range(server, note->file, note->source_line, note->line, note->column, 0, 0));
        free(uri);
        json_array_append_new(related, json_pack("{s:o,s:o}", "location", location, "message",
                                                 json_util_string(note->message ? note->message
                                                                                : "")));
    }
    return related;
}

json_t *lsp_diagnostic(const struct lsp_server *server, const struct lsp_document *document,
                       const struct finding *finding)
{
    json_t *diagnostic = json_object();
    json_object_set_new(diagnostic, "range",
                        lsp_range(server, document->path, NULL, finding->line, finding->column,
                                  finding->end_line, finding->end_column));
    json_object_set_new(diagnostic, "severity", json_integer(lsp_severity(finding->severity)));
    json_object_set_new(diagnostic, "code", json_string(finding->rule));
    if (report_rule_documentation(finding->rule)) {
        char *href = report_rule_help_uri(finding->rule);
        json_object_set_new(diagnostic, "codeDescription", json_pack("{s:s}", "href", href));
        free(href);
    }
    json_object_set_new(diagnostic, "source", json_string("nullproof"));
    json_object_set_new(diagnostic, "message",
                        json_util_string(finding->message ? finding->message : ""));
    json_t *related = related_information(server, finding);
    if (json_array_size(related) > 0)
        json_object_set_new(diagnostic, "relatedInformation", related);
    else
        json_decref(related);
    if (strcmp(finding->rule, UNUSED_SUPPRESSION_RULE) == 0)
        json_object_set_new(diagnostic, "tags", json_pack("[i]", 1)); /* Unnecessary */
    return diagnostic;
}

static bool same_finding(const struct finding *a, const struct finding *b)
{
    return a->line == b->line && a->column == b->column && strcmp(a->rule, b->rule) == 0 &&
           strcmp(a->message ? a->message : "", b->message ? b->message : "") == 0;
}

const struct finding **lsp_findings_in(const struct lsp_server *server,
                                       const struct lsp_document *document, bool current_only,
                                       int *count)
{
    const struct finding **found = xmalloc(sizeof *found); /* never NULL, even empty */
    *count = 0;
    const struct lsp_documents *documents = &server->documents;
    for (int d = 0; d < documents->count; d++) {
        const struct lsp_document *unit = documents->items[d];
        if (!unit->has_result ||
            (current_only && (unit->result_version != unit->version || unit->pending)))
            continue;
        for (int i = 0; i < unit->result.findings.count; i++) {
            const struct finding *finding = &unit->result.findings.items[i];
            if (!lsp_is_reported(document, finding))
                continue;
            bool known = false;
            for (int k = 0; k < *count && !known; k++)
                known = same_finding(found[k], finding);
            if (known)
                continue;
            found = xrealloc(found, (size_t)(*count + 1) * sizeof *found);
            found[(*count)++] = finding;
        }
    }
    return found;
}

json_t *lsp_diagnostics(const struct lsp_server *server, const struct lsp_document *document)
{
    json_t *diagnostics = json_array();
    int count = 0;
    const struct finding **findings = lsp_findings_in(server, document, false, &count);
    for (int i = 0; i < count; i++)
        json_array_append_new(diagnostics, lsp_diagnostic(server, document, findings[i]));
    free(findings);
    /* A header's diagnostics come from the units that include it: they are
     * for the text it has now, which those units were given. */
    int version = document->has_result ? document->result_version : document->version;
    return json_pack("{s:s,s:I,s:o}", "uri", document->uri, "version", (json_int_t)version,
                     "diagnostics", diagnostics);
}

void lsp_publish_included(struct lsp_server *server, const struct lsp_document *unit)
{
    for (int d = 0; d < server->documents.count; d++) {
        const struct lsp_document *document = server->documents.items[d];
        bool included = false;
        for (int i = 0; unit->has_result && i < unit->result.include_count && !included; i++)
            included = strcmp(unit->result.includes[i], document->path) == 0;
        if (included && !document->has_result)
            lsp_notify(server, "textDocument/publishDiagnostics",
                       lsp_diagnostics(server, document));
    }
}

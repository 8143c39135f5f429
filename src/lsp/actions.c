/*
 * actions: code actions for the findings under the client's range, from
 * the analysis of the document's current version only (positions of an
 * older one would edit the wrong text): the fix-it as the preferred
 * quickfix, a `// nullproof: ignore[RULE]` comment for the line, and the
 * Option/Result advice as a command that shows it (no edit: it is a
 * redesign, not a mechanical change).
 */
#include "server.h"

#include <stdlib.h>
#include <string.h>

#include "../driver/suppress.h"
#include "../report/json_util.h"
#include "../support/string_buffer.h"
#include "../support/text.h"

/* Whether kind `kind` is asked for by `only` (absent: every kind); a kind
 * asked for covers its sub-kinds ("refactor" covers "refactor.rewrite"). */
static bool wanted(json_t *only, const char *kind)
{
    if (!only || !json_is_array(only)) /* the explicit test: libclang 14 does not show
                                        * nullproof the one inside jansson's macro */
        return true;
    size_t index;
    json_t *value;
    json_array_foreach(only, index, value) {
        const char *asked = json_string_value(value);
        size_t length = asked ? strlen(asked) : 0;
        if (asked && strncmp(kind, asked, length) == 0 &&
            (kind[length] == '\0' || kind[length] == '.'))
            return true;
    }
    return false;
}

static json_t *text_edit(json_t *range, const char *text)
{
    return json_pack("{s:o,s:o}", "range", range, "newText", json_util_string(text));
}

static json_t *workspace_edit(const char *uri, json_t *edits)
{
    json_t *changes = json_object();
    json_object_set_new(changes, uri, edits);
    return json_pack("{s:o}", "changes", changes);
}

static json_t *action(const char *title, const char *kind, json_t *diagnostic)
{
    json_t *object = json_pack("{s:o,s:s}", "title", json_util_string(title), "kind", kind);
    json_object_set_new(object, "diagnostics", json_pack("[O]", diagnostic));
    return object;
}

/* "Insert 'if (p == NULL) return;'" from the fix-its' text. */
static char *fix_title(const struct finding *finding)
{
    struct string_buffer title;
    string_buffer_init(&title);
    for (int i = 0; i < finding->fixit_count; i++) {
        const struct finding_fixit *fixit = &finding->fixits[i];
        bool insertion = fixit->line == fixit->end_line && fixit->column == fixit->end_column;
        const char *text = fixit->replacement ? fixit->replacement : "";
        while (*text == ' ' || *text == '\t' || *text == '\n')
            text++;
        size_t length = strlen(text);
        while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == ' '))
            length--;
        string_buffer_printf(&title, "%s%s '%.*s'", i ? ", " : "",
                             insertion ? (i ? "insert" : "Insert")
                                       : (length ? (i ? "replace with" : "Replace with")
                                                 : (i ? "remove text" : "Remove text")),
                             (int)length, text);
    }
    char *text = text_printf("%s", string_buffer_text(&title));
    string_buffer_free(&title);
    return text;
}

static json_t *fix_action(const struct lsp_server *server, const struct finding *finding,
                          json_t *diagnostic)
{
    /* one file's edits; a fix-it elsewhere is its own change set */
    json_t *changes = json_object();
    for (int i = 0; i < finding->fixit_count; i++) {
        const struct finding_fixit *fixit = &finding->fixits[i];
        if (!fixit->file)
            continue;
        char *uri = path_to_uri(fixit->file);
        json_t *edits = json_object_get(changes, uri);
        if (!edits) {
            edits = json_array();
            json_object_set_new(changes, uri, edits);
        }
        json_array_append_new(
            edits, text_edit(lsp_range(server, fixit->file, NULL, fixit->line, fixit->column,
                                       fixit->end_line, fixit->end_column),
                             fixit->replacement ? fixit->replacement : ""));
        free(uri);
    }
    char *title = fix_title(finding);
    json_t *object = action(title, "quickfix", diagnostic);
    free(title);
    json_object_set_new(object, "edit", json_pack("{s:o}", "changes", changes));
    json_object_set_new(object, "isPreferred", json_true());
    return object;
}

/* `// nullproof: ignore[RULE]` at the end of the finding's line; alone
 * on a line above it when the line already ends in a comment (the
 * directive must be a comment of its own). NULL for a line that a
 * comment cannot end (a macro continued with a backslash). */
static json_t *suppress_action(const struct lsp_server *server,
                               const struct lsp_document *document,
                               const struct finding *finding, json_t *diagnostic)
{
    size_t length = 0;
    const char *line = text_line(document->text, document->length, finding->line, &length);
    if (!line)
        return NULL;
    while (length > 0 && (line[length - 1] == ' ' || line[length - 1] == '\t'))
        length--;
    if (length > 0 && line[length - 1] == '\\')
        return NULL;
    bool has_comment = false;
    for (size_t i = 0; i + 1 < length; i++)
        has_comment |= line[i] == '/' && (line[i + 1] == '/' || line[i + 1] == '*');
    char *text;
    json_t *range;
    if (has_comment) {
        size_t indent = 0;
        while (indent < length && (line[indent] == ' ' || line[indent] == '\t'))
            indent++;
        text = text_printf("%.*s// nullproof: ignore[%s]\n", (int)indent, line, finding->rule);
        json_t *start = json_pack("{s:I,s:I}", "line", (json_int_t)finding->line - 1,
                                  "character", (json_int_t)0);
        range = json_pack("{s:o,s:O}", "start", start, "end", start);
    } else {
        text = text_printf(" // nullproof: ignore[%s]", finding->rule);
        unsigned character = line_character(line, length, (unsigned)length, server->encoding);
        json_t *end = json_pack("{s:I,s:I}", "line", (json_int_t)finding->line - 1,
                                "character", (json_int_t)character);
        range = json_pack("{s:o,s:O}", "start", end, "end", end);
    }
    char *title = text_printf("Suppress %s on this line", finding->rule);
    json_t *object = action(title, "quickfix", diagnostic);
    free(title);
    json_t *edits = json_array();
    json_array_append_new(edits, text_edit(range, text));
    free(text);
    json_object_set_new(object, "edit", workspace_edit(document->uri, edits));
    return object;
}

/* The advice without a location after the first (the first is the fix
 * for the spot): the Option/Result pattern, shown by a command. */
static json_t *pattern_action(const struct finding *finding, json_t *diagnostic)
{
    struct string_buffer advice;
    string_buffer_init(&advice);
    const char *first = NULL;
    int seen = 0;
    for (int i = 0; i < finding->note_count; i++) {
        const struct finding_note *note = &finding->notes[i];
        if (note->file || !note->message || seen++ == 0)
            continue;
        if (!first)
            first = note->message;
        string_buffer_printf(&advice, "%s%s", advice.length ? "\n" : "", note->message);
    }
    json_t *object = NULL;
    if (first) {
        /* "or return a Result, ..." reads as a title without its "or " */
        const char *shown = strncmp(first, "or ", 3) == 0 ? first + 3 : first;
        char *title = text_printf("Option/Result: %s", shown);
        object = action(title, "refactor.rewrite", diagnostic);
        json_object_set_new(
            object, "command",
            json_pack("{s:o,s:s,s:[o]}", "title", json_util_string(title), "command",
                      LSP_SHOW_SUGGESTION, "arguments",
                      json_util_string(string_buffer_text(&advice))));
        free(title);
    }
    string_buffer_free(&advice);
    return object;
}

static bool is_rule_finding(const struct finding *finding)
{
    return strcmp(finding->rule, "clang-diagnostic") != 0 &&
           strcmp(finding->rule, UNUSED_SUPPRESSION_RULE) != 0;
}

static void append(json_t *actions, json_t *object)
{
    if (object)
        json_array_append_new(actions, object);
}

json_t *lsp_code_actions(const struct lsp_server *server, const struct lsp_document *document,
                         json_t *params)
{
    json_t *actions = json_array();
    /* Only analyses of the open texts: positions in an older one would edit
     * the wrong text (the client asks again when new diagnostics come). */
    int count = 0;
    const struct finding **findings = lsp_findings_in(server, document, true, &count);
    json_t *range = json_object_get(params, "range");
    json_int_t first = json_integer_value(json_object_get(json_object_get(range, "start"), "line"));
    json_int_t last = json_integer_value(json_object_get(json_object_get(range, "end"), "line"));
    json_t *only = json_object_get(json_object_get(params, "context"), "only");
    for (int i = 0; i < count; i++) {
        const struct finding *finding = findings[i];
        if (!is_rule_finding(finding))
            continue;
        json_int_t line = (json_int_t)finding->line - 1;
        if (line < first || line > last)
            continue;
        json_t *diagnostic = lsp_diagnostic(server, document, finding);
        if (finding->fixit_count > 0 && wanted(only, "quickfix"))
            append(actions, fix_action(server, finding, diagnostic));
        if (wanted(only, "quickfix"))
            append(actions, suppress_action(server, document, finding, diagnostic));
        if (wanted(only, "refactor.rewrite"))
            append(actions, pattern_action(finding, diagnostic));
        json_decref(diagnostic);
    }
    free(findings);
    return actions;
}

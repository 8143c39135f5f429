/*
 * github: GitHub Actions workflow commands, one line per finding, which the
 * runner turns into annotations on the pull request:
 *   ::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=T::MESSAGE
 * The title is the rule id (clang for clang's errors); notes and the
 * suggestion follow the message on lines of their own (%0A).
 * Escaping follows @actions/core: % \r \n in the message, also : and , in
 * property values.
 */
#include "report.h"

#include <string.h>

#include "fingerprint.h"

static void append_escaped(struct string_buffer *out, const char *text, bool is_property)
{
    for (const char *cursor = text; *cursor; cursor++) {
        switch (*cursor) {
        case '%':
            string_buffer_append(out, "%25");
            break;
        case '\r':
            string_buffer_append(out, "%0D");
            break;
        case '\n':
            string_buffer_append(out, "%0A");
            break;
        case ':':
            string_buffer_append(out, is_property ? "%3A" : ":");
            break;
        case ',':
            string_buffer_append(out, is_property ? "%2C" : ",");
            break;
        default:
            string_buffer_append_length(out, cursor, 1);
            break;
        }
    }
}

static const char *command(enum severity severity)
{
    switch (severity) {
    case SEVERITY_NOTE:
        return "notice";
    case SEVERITY_WARNING:
        return "warning";
    case SEVERITY_ERROR:
        return "error";
    }
    return "warning";
}

static void append_note(struct string_buffer *out, const struct finding *finding,
                        const struct finding_note *note)
{
    append_escaped(out, "\n", false);
    if (note->file) {
        append_escaped(out, note->file, false);
        string_buffer_printf(out, ":%u:%u: ", note->line, note->column);
    } else if (finding->file) {
        append_escaped(out, finding->file, false);
        string_buffer_printf(out, ":%u:%u: ", finding->line, finding->column);
    }
    string_buffer_append(out, "note: ");
    append_escaped(out, note->message, false);
}

void report_write_github(const struct finding_list *findings, const struct report_options *options,
                         struct string_buffer *out)
{
    (void)options;
    for (int i = 0; i < findings->count; i++) {
        const struct finding *finding = &findings->items[i];
        bool is_ours = !report_is_clang_diagnostic(finding);
        string_buffer_printf(out, "::%s ", command(finding->severity));
        if (finding->file) {
            string_buffer_append(out, "file=");
            append_escaped(out, finding->file, true);
            string_buffer_append(out, ",");
        }
        if (finding->line) {
            unsigned end_line = 0, end_column = 0;
            finding_end(finding, &end_line, &end_column);
            string_buffer_printf(out, "line=%u,", finding->line);
            if (finding->column)
                string_buffer_printf(out, "col=%u,", finding->column);
            if (end_line == finding->line && end_column > finding->column)
                string_buffer_printf(out, "endLine=%u,endColumn=%u,", end_line, end_column);
        }
        string_buffer_append(out, "title=");
        append_escaped(out, is_ours ? finding->rule : "clang", true);
        string_buffer_append(out, "::");
        append_escaped(out, finding->message, false);
        for (int n = 0; n < finding->note_count; n++)
            append_note(out, finding, &finding->notes[n]);
        string_buffer_append(out, "\n");
    }
}

/*
 * text: the human format, byte for byte what clang prints so editors and CI
 * parse it: location, severity, message, [rule], then the source line and a
 * caret, then each note the same way. It does not decide whether colours
 * are wanted (the driver does) and does not read files (source lines come
 * with the findings).
 */
#include "report.h"

#include <stdio.h>
#include <string.h>

/* clang's escape sequences (TextDiagnostic.cpp): bold text, bold colours. */
#define STYLE_BOLD "\033[1m"
#define STYLE_RESET "\033[0m"
#define STYLE_WARNING "\033[0;1;35m"
#define STYLE_ERROR "\033[0;1;31m"
#define STYLE_NOTE "\033[0;36m"
#define STYLE_CARET "\033[0;1;32m"

static void append_location(struct string_buffer *out, const char *file, unsigned line,
                            unsigned column)
{
    if (!file)
        return;
    if (line == 0)
        string_buffer_printf(out, "%s: ", file);
    else if (column == 0)
        string_buffer_printf(out, "%s:%u: ", file, line);
    else
        string_buffer_printf(out, "%s:%u:%u: ", file, line, column);
}

static const char *severity_style(enum severity severity)
{
    switch (severity) {
    case SEVERITY_NOTE:
        return STYLE_NOTE;
    case SEVERITY_WARNING:
        return STYLE_WARNING;
    case SEVERITY_ERROR:
        return STYLE_ERROR;
    }
    return STYLE_WARNING;
}

/* One diagnostic line: "path:line:col: severity: message[ [rule]]". Notes
 * are not bold, like clang's. */
static void append_header(struct string_buffer *out, bool color, const char *file, unsigned line,
                          unsigned column, enum severity severity, const char *message,
                          const char *rule)
{
    bool bold_message = severity != SEVERITY_NOTE;
    if (color && file)
        string_buffer_append(out, STYLE_BOLD);
    append_location(out, file, line, column);
    if (color)
        string_buffer_printf(out, "%s%s%s: %s%s", file ? STYLE_RESET : "",
                             severity_style(severity), severity_name(severity), STYLE_RESET,
                             bold_message ? STYLE_BOLD : "");
    else
        string_buffer_printf(out, "%s: ", severity_name(severity));
    string_buffer_append(out, message);
    if (rule)
        string_buffer_printf(out, " [%s]", rule);
    if (color && bold_message)
        string_buffer_append(out, STYLE_RESET);
    string_buffer_append(out, "\n");
}

/* The caret goes under byte `column` (1-based, as clang counts). Tabs
 * before it are copied so the caret lines up whatever the tab width, and
 * UTF-8 continuation bytes take no column on screen. */
static void append_source_and_caret(struct string_buffer *out, bool color, const char *source_line,
                                    unsigned column)
{
    if (!source_line)
        return;
    string_buffer_append(out, source_line);
    string_buffer_append(out, "\n");
    if (column == 0)
        return;
    const char *cursor = source_line;
    for (unsigned offset = 1; offset < column; offset++) {
        char byte = *cursor ? *cursor++ : ' ';
        if (byte == '\t')
            string_buffer_append(out, "\t");
        else if (((unsigned char)byte & 0xC0) != 0x80)
            string_buffer_append(out, " ");
    }
    string_buffer_append(out, color ? STYLE_CARET "^" STYLE_RESET "\n" : "^\n");
}

/* LLVM's raw_ostream::write_escaped: backslash, tab, newline and quote
 * escaped, other bytes outside printable ASCII as three octal digits. */
static void append_escaped(struct string_buffer *out, const char *text)
{
    for (const unsigned char *c = (const unsigned char *)(text ? text : ""); *c; c++) {
        if (*c == '\\')
            string_buffer_append(out, "\\\\");
        else if (*c == '\t')
            string_buffer_append(out, "\\t");
        else if (*c == '\n')
            string_buffer_append(out, "\\n");
        else if (*c == '"')
            string_buffer_append(out, "\\\"");
        else if (*c >= 32 && *c < 127)
            string_buffer_append_length(out, (const char *)c, 1);
        else
            string_buffer_printf(out, "\\%03o", *c);
    }
}

void report_write_parseable_fixits(const struct finding *finding, struct string_buffer *out)
{
    for (int i = 0; i < finding->fixit_count; i++) {
        const struct finding_fixit *fixit = &finding->fixits[i];
        const char *file = fixit->file ? fixit->file : finding->file;
        if (!file || !fixit->line)
            continue;
        string_buffer_append(out, "fix-it:\"");
        append_escaped(out, file);
        string_buffer_printf(out, "\":{%u:%u-%u:%u}:\"", fixit->line, fixit->column,
                             fixit->end_line ? fixit->end_line : fixit->line,
                             fixit->end_line ? fixit->end_column : fixit->column);
        append_escaped(out, fixit->replacement);
        string_buffer_append(out, "\"\n");
    }
}

static void write_finding(const struct finding *finding, bool color, bool fixits,
                          struct string_buffer *out)
{
    /* Clang's own errors carry no rule suffix: they are not ours. */
    bool is_ours = finding->rule && strcmp(finding->rule, "clang-diagnostic") != 0;
    append_header(out, color, finding->file, finding->line, finding->column, finding->severity,
                  finding->message, is_ours ? finding->rule : NULL);
    append_source_and_caret(out, color, finding->source_line, finding->column);
    if (fixits) /* where clang prints them: after the snippet, before the notes */
        report_write_parseable_fixits(finding, out);
    for (int i = 0; i < finding->note_count; i++) {
        const struct finding_note *note = &finding->notes[i];
        if (!note->file) {
            /* Advice: said at the finding's place, its line already shown. */
            append_header(out, color, finding->file, finding->line, finding->column,
                          SEVERITY_NOTE, note->message, NULL);
            continue;
        }
        append_header(out, color, note->file, note->line, note->column, SEVERITY_NOTE,
                      note->message, NULL);
        append_source_and_caret(out, color, note->source_line, note->column);
    }
}

void report_write_text_finding(const struct finding *finding, bool color,
                               struct string_buffer *out)
{
    write_finding(finding, color, false, out);
}

void report_write_text(const struct finding_list *findings, const struct report_options *options,
                       struct string_buffer *out)
{
    for (int i = 0; i < findings->count; i++)
        write_finding(&findings->items[i], options->color, options->parseable_fixits, out);
}

/*
 * report: the output formats behind one interface. A format turns the
 * final, sorted and deduplicated findings of a run into text; the driver
 * decides where the text goes. Only "text" exists so far; json and sarif
 * are added as rows of the table in report.c.
 */
#ifndef NULLPROOF_REPORT_H
#define NULLPROOF_REPORT_H

#include <stdbool.h>

#include "../support/string_buffer.h"
#include "finding.h"

struct report_options {
    bool color;               /* ANSI colours like clang's (text format only) */
    const char *tool_version; /* NULLPROOF_VERSION, for formats that record it */
};

struct report_format {
    const char *name;
    /* Appends the whole report for `findings` to `out`. */
    void (*write)(const struct finding_list *findings, const struct report_options *options,
                  struct string_buffer *out);
};

/* Every format, in the order --help lists them. */
const struct report_format *report_formats(int *count);

/* The format called `name`, or NULL when there is none. */
const struct report_format *report_find_format(const char *name);

/* The text format: clang's `path:line:col: warning: message [rule]`
 * followed by the source line and a caret, then the notes. */
void report_write_text(const struct finding_list *findings, const struct report_options *options,
                       struct string_buffer *out);

/* One finding in the text format (used by report_write_text). */
void report_write_text_finding(const struct finding *finding, bool color,
                               struct string_buffer *out);

#endif

/*
 * report: the output formats behind one interface. A format turns the
 * final, sorted and deduplicated findings of a run into text; the driver
 * decides where the text goes. Formats: text (clang's), json, sarif,
 * github (workflow commands) and codeclimate (GitLab Code Quality).
 */
#ifndef NULLPROOF_REPORT_H
#define NULLPROOF_REPORT_H

#include <stdbool.h>

#include "../support/string_buffer.h"
#include "finding.h"

/* A rule as the machine-readable formats describe it. */
struct report_rule {
    const char *id;      /* "unchecked-alloc" */
    const char *summary; /* one sentence */
};

struct report_options {
    bool color;               /* ANSI colours like clang's (text format only) */
    bool parseable_fixits;    /* text: fix-it lines as clang -fdiagnostics-parseable-fixits */
    const char *tool_version; /* NULLPROOF_VERSION, for formats that record it */
    /* Optional (zero: not known), for the formats that record a run: */
    const struct report_rule *rules; /* every rule of this nullproof, enabled or not */
    int rule_count;
    const char *const *tool_errors;  /* errors other than clang's, without "nullproof: error: " */
    int tool_error_count;
    int exit_status;                 /* the status the run exits with */
    const char *working_directory;   /* absolute; relative paths in findings are under it */
    int unit_count;                  /* translation units analysed */
    const char *configuration;       /* digest of the rule configuration, or NULL */
    int shard_index, shard_count;    /* --shard K/N; 0: not a shard */
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

/* The fix-its of `finding` as clang's -fdiagnostics-parseable-fixits
 * prints them, one `fix-it:"FILE":{L:C-L:C}:"TEXT"` line each (file and
 * text escaped as LLVM's write_escaped does). */
void report_write_parseable_fixits(const struct finding *finding, struct string_buffer *out);

/* JSON (docs/json-format.md), written with jansson. */
void report_write_json(const struct finding_list *findings, const struct report_options *options,
                       struct string_buffer *out);

/* SARIF 2.1.0: one run with the rules, results and the invocation. */
void report_write_sarif(const struct finding_list *findings, const struct report_options *options,
                        struct string_buffer *out);

/* GitHub Actions workflow commands: one `::warning file=...::` line each. */
void report_write_github(const struct finding_list *findings, const struct report_options *options,
                         struct string_buffer *out);

/* GitLab Code Quality (Code Climate issues) JSON. */
void report_write_codeclimate(const struct finding_list *findings,
                              const struct report_options *options, struct string_buffer *out);

/* The markdown of docs/rules/ID.md built into nullproof, or NULL. */
const char *report_rule_documentation(const char *id);

/* Appends `path` percent-encoded as RFC 3986 wants (unreserved bytes
 * and '/' stay). */
void report_append_uri_path(struct string_buffer *out, const char *path);

/* The address of rule `id`'s page, docs/rules/ID.md where the docs are
 * published (CMake's NULLPROOF_DOCS_URL). Malloc'ed. */
char *report_rule_help_uri(const char *id);

/* `path` relative to `working_directory` when it is an absolute path under
 * it (a suffix of `path`), else `path` itself. */
const char *report_relative_path(const char *path, const char *working_directory);

/* True for a clang diagnostic carried as a finding, not a rule's finding. */
bool report_is_clang_diagnostic(const struct finding *finding);

#endif

/*
 * suppress: inline suppressions written in comments of the analysed code.
 * `// nullproof: ignore[RULE, ...]` or `// nullproof: ignore` at the end
 * of a line covers that line, alone on a line it covers the next one;
 * clang-tidy's NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND, with
 * `(nullproof-RULE, ...)` check globs or none, are honoured too. Comments
 * are found by a small lexer that skips string and character literals. It
 * runs in the driver after the checks, on the merged findings.
 */
#ifndef NULLPROOF_SUPPRESS_H
#define NULLPROOF_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "../report/finding.h"

#define UNUSED_SUPPRESSION_RULE "unused-suppression"

enum suppression_form {
    SUPPRESSION_IGNORE,       /* nullproof: ignore[...] */
    SUPPRESSION_NOLINT,       /* NOLINT(...) */
    SUPPRESSION_NOLINT_NEXT,  /* NOLINTNEXTLINE(...) */
    SUPPRESSION_NOLINT_BEGIN  /* NOLINTBEGIN(...) up to its NOLINTEND(...) */
};

struct suppression {
    enum suppression_form form;
    unsigned line;        /* where the directive is written (1-based) */
    unsigned column;
    unsigned first_line;  /* the lines it covers */
    unsigned last_line;
    char *text;           /* the directive as written: "nullproof: ignore[unchecked-alloc]" */
    char **names;         /* rule ids (ignore) or check globs (NOLINT); none: every rule */
    int name_count;
    bool *name_used;      /* per name: it suppressed a finding */
    bool used;            /* it suppressed a finding */
    bool names_nullproof; /* names nullproof explicitly, so an unused one is ours to report */
};

struct suppression_list {
    struct suppression *items;
    int count;
    int capacity;
};

/* Every suppression in the comments of C source `text`, in order. A
 * NOLINTBEGIN without its NOLINTEND covers the rest of the file. */
void suppress_scan(const char *text, size_t length, struct suppression_list *list);

void suppression_list_free(struct suppression_list *list);

/* Whether `suppression` covers a finding of `rule` on `line`; marks it
 * (and the name that matched) used when it does. */
bool suppression_apply(struct suppression *suppression, const char *rule, unsigned line);

/* A file whose suppressions are looked at, and whether those that match
 * nothing are reported. */
struct suppress_file {
    const char *path;
    bool report_unused;
};

/* Removes the findings that a suppression in their file covers (each file
 * named by a finding is read once), then adds an `unused-suppression`
 * warning for each suppression of a `files` entry with report_unused that
 * matched nothing. Returns the number of findings removed. */
int suppress_findings(struct finding_list *findings, const struct suppress_file *files,
                      int file_count);

/* The same for the one file `file` whose text the caller holds (an
 * editor's unsaved buffer): its findings that a suppression in `text`
 * covers are removed and, with `report_unused`, the unused suppressions
 * reported. Other files' findings are left alone. Returns the number
 * removed. */
int suppress_findings_in_text(struct finding_list *findings, const char *file, const char *text,
                              size_t length, bool report_unused);

#endif

/*
 * baseline: adopting nullproof on code with findings. A baseline file
 * (JSON) records the findings of a run by fingerprint; a later run given
 * it reports only findings it does not hold. Matching uses the fingerprint
 * alone (see report/fingerprint.h), as a multiset: two identical findings
 * need two entries. Errors come back as messages; nothing is printed.
 */
#ifndef NULLPROOF_BASELINE_H
#define NULLPROOF_BASELINE_H

#include <stdbool.h>
#include <stdio.h>

#include "../report/finding.h"

struct baseline;

/* One recorded finding; the strings belong to the baseline. */
struct baseline_entry {
    const char *fingerprint;
    const char *rule;
    const char *file;     /* as the run that wrote it showed it */
    unsigned line;
    const char *function; /* or NULL */
    const char *message;
    bool matched;         /* a finding of this run was hidden by it */
};

/* Reads the baseline at `path`. Returns NULL with a malloc'ed message in
 * *error when it is missing, unreadable or not a nullproof baseline. */
struct baseline *baseline_load(const char *path, char **error);

void baseline_free(struct baseline *baseline);

/* Removes from `findings` (in place, order kept) every rule finding whose
 * fingerprint has an entry not yet matched, and marks that entry matched.
 * Clang's errors are never hidden. Returns the number removed. */
int baseline_filter(struct baseline *baseline, struct finding_list *findings);

int baseline_entry_count(const struct baseline *baseline);
const struct baseline_entry *baseline_entry(const struct baseline *baseline, int index);

/* Writes the rule findings of `findings` as a baseline to `stream` (opened
 * for writing by the caller, before any parse: libclang 14 may change the
 * working directory) and closes it. `name` is the file's name for messages.
 * Returns 0, or -1 with a malloc'ed message in *error. */
int baseline_write(FILE *stream, const char *name, const struct finding_list *findings,
                   const char *tool_version, char **error);

#endif

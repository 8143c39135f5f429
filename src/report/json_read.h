/*
 * json_read: reads back a file that `--format json` wrote (see
 * docs/json-format.md) into the finding list it was written from, and
 * what the file says about its run. It is the inverse of json.c for every
 * field the output formats use: a finding read back prints the same in
 * every format as the one written (except bytes of a source line that
 * were not UTF-8, which the file holds as U+FFFD). Files written before
 * `all_notes` existed are read with their located notes followed by the
 * suggestion as one note without a place. Used by `nullproof --merge`.
 * Reads only; never prints.
 */
#ifndef NULLPROOF_JSON_READ_H
#define NULLPROOF_JSON_READ_H

#include "finding.h"

/* What a JSON output says about the run that wrote it. Strings are
 * malloc'ed (NULL when the file does not have the field). */
struct json_run {
    char *tool_version;
    char *configuration;     /* digest of the rule configuration */
    char *working_directory;
    int unit_count;          /* translation units analysed; -1: not recorded */
    int exit_status;
    int shard_index, shard_count; /* 0: not a shard's output */
    char **tool_errors;      /* nullproof's own errors, in file order */
    int tool_error_count;
};

/* Reads `path`: appends its findings and clang errors (rule
 * "clang-diagnostic"), in file order, to `findings` and fills `run`.
 * Returns 0, or -1 with a malloc'ed message naming `path` in *error (what
 * was appended to `findings` then is unspecified). Release `run` with
 * json_run_free in both cases. */
int json_read_run(const char *path, struct finding_list *findings, struct json_run *run,
                  char **error);

void json_run_free(struct json_run *run);

#endif

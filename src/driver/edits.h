/*
 * edits: fix-its applied to the text of one file, in memory: positions
 * (1-based line, 1-based byte column, as clang counts) become offsets, the
 * edits are ordered, exact duplicates dropped and an edit that overlaps an
 * earlier one refused. It reads and writes no files (fix.c does).
 */
#ifndef NULLPROOF_EDITS_H
#define NULLPROOF_EDITS_H

#include <stddef.h>

/* Replaces [line:column, end_line:end_column) with `replacement`; an
 * insertion when both ends are the same place. */
struct text_edit {
    unsigned line;
    unsigned column;
    unsigned end_line;
    unsigned end_column;
    const char *replacement;
    int status; /* out: EDIT_APPLIED, EDIT_DUPLICATE, EDIT_OUTSIDE or EDIT_OVERLAP */
};

enum { EDIT_APPLIED, EDIT_DUPLICATE, EDIT_OUTSIDE, EDIT_OVERLAP };

/* Applies `edits` (in any order; their `status` is set) to `text` of
 * `length` bytes. Returns the new text (malloc'ed, NUL-terminated, its
 * length in *new_length) and the number of edits applied in *applied. */
char *edits_apply(const char *text, size_t length, struct text_edit *edits, int count,
                  size_t *new_length, int *applied);

#endif

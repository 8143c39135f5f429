/*
 * fingerprint: what every machine-readable format derives from a finding
 * alone: a stable fingerprint that survives edits elsewhere in the file
 * (baselines key on it) and the end of the use. Reads no files and asks
 * nothing of the analysis.
 */
#ifndef NULLPROOF_FINGERPRINT_H
#define NULLPROOF_FINGERPRINT_H

#include "finding.h"

/* 16 hexadecimal digits and the terminating NUL. */
enum { FINGERPRINT_SIZE = 17 };

/* Writes the finding's fingerprint to `out`: a 64-bit FNV-1a hash of the
 * rule, the enclosing function, the source line of the use with runs of
 * white space collapsed (the subject when the line is unknown) and the
 * function the NULL comes from. Line and column numbers are not part of
 * it, so a finding that moved keeps its fingerprint; a renamed variable
 * changes the line and so the fingerprint. */
void finding_fingerprint(const struct finding *finding, char out[FINGERPRINT_SIZE]);

/* Copies `text` to `out` (at least strlen(text) + 1 bytes) with leading
 * and trailing white space removed and inner runs collapsed to one space. */
void fingerprint_normalise_space(const char *text, char *out);

/* The end of the finding's use: its own end_line/end_column when set,
 * else derived from the source line: the subject when the line has it at
 * the column, else the identifier there with a call's parentheses when
 * they close on the same line; else the column itself. The end column is
 * exclusive, counted in bytes from 1 like the start. */
void finding_end(const struct finding *finding, unsigned *end_line, unsigned *end_column);

/* Numbers the findings that share a fingerprint: occurrence[i] is 1 for
 * the first finding of list order with its fingerprint, 2 for the next.
 * `occurrence` has findings->count elements. Formats that want identifiers
 * unique within a run append it. */
void finding_occurrences(const struct finding_list *findings, int *occurrence);

#endif

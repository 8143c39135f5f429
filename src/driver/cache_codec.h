/*
 * cache_codec: the bytes of a result-cache entry (cache.h) for what a unit
 * leaves behind: its exports (project.h), its findings and its messages.
 * Writing appends to a string_buffer; reading checks every length against
 * the end of the input, so a damaged entry is an error value, never a
 * crash. The format is private to the cache: little-endian integers,
 * strings as a length (or "none") and bytes, no pointers. Decoding is
 * exact: what is read back compares and prints byte for byte as what was
 * written (source lines that are not UTF-8 included).
 * Also: the digest of what a unit imported from the project table.
 */
#ifndef NULLPROOF_CACHE_CODEC_H
#define NULLPROOF_CACHE_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../analysis/project.h"
#include "../report/finding.h"
#include "../support/string_buffer.h"
#include "messages.h"

/* Where a decoder is in its input; `failed` once anything did not fit. */
struct codec_reader {
    const unsigned char *cursor;
    const unsigned char *end;
    bool failed;
};

void codec_put_u64(struct string_buffer *out, uint64_t value);
void codec_put_string(struct string_buffer *out, const char *text);
void codec_put_bytes(struct string_buffer *out, const void *bytes, size_t length);

uint64_t codec_get_u64(struct codec_reader *in);
/* A string copied into `arena`, or NULL for none (and on failure). */
const char *codec_get_string(struct codec_reader *in, struct arena *arena);
/* `length` bytes, or NULL when they are not there. */
const unsigned char *codec_get_bytes(struct codec_reader *in, size_t length);

void codec_put_exports(struct string_buffer *out, const struct unit_exports *exports);
/* Decodes into `exports`, everything in `arena`; false when damaged. */
bool codec_get_exports(struct codec_reader *in, struct arena *arena,
                       struct unit_exports *exports);

void codec_put_findings(struct string_buffer *out, const struct finding_list *findings);
/* Appends the findings to `list` (strings in its arena); false when damaged. */
bool codec_get_findings(struct codec_reader *in, struct finding_list *list);

void codec_put_messages(struct string_buffer *out, const struct message_list *messages);
bool codec_get_messages(struct codec_reader *in, struct message_list *messages);

/* The files a unit's results name (by last path component, so that a
 * finding's display path and a summary's absolute path match; a name
 * shared by two files only makes the digest below stricter). */
struct cited_files {
    struct arena arena;
    const char **names; /* sorted and unique once finished */
    int count, capacity;
    bool sorted;
};

void cited_files_init(struct cited_files *cited);
void cited_files_free(struct cited_files *cited);
void cited_files_add(struct cited_files *cited, const char *path);
/* Every file a location of `exports` names. */
void cited_files_add_exports(struct cited_files *cited, const struct unit_exports *exports);
/* Every file a finding, note or fix-it names. */
void cited_files_add_findings(struct cited_files *cited, const struct finding_list *findings);
/* Sorts; needed before cited_files_contains. */
void cited_files_finish(struct cited_files *cited);
bool cited_files_contains(const struct cited_files *cited, const char *path);
void codec_put_cited(struct string_buffer *out, const struct cited_files *cited);
/* Adds the names read to `cited` (initialised) and finishes it. */
bool codec_get_cited(struct codec_reader *in, struct cited_files *cited);

/* 16 bytes that change when anything changes that a unit whose exports
 * are `exports` (and `wanted`: which of them other units call) takes from
 * `project`: the summaries and contexts of the functions it calls, their
 * ambiguity, the call evidence of those and of its own functions, and
 * which of its own functions are wanted or ambiguous. Its findings and
 * its final exports depend on its own code and on nothing else.
 * The line and column of an imported location count only when its file is
 * one of `cited` (NULL: every file): a location reaches the unit's results
 * only as a location they show, so if they name no line of strbuf.c, lines
 * moving in strbuf.c change nothing in them, while what its functions do
 * (and every file name) still counts. */
void codec_imports_digest(const struct unit_exports *exports, const bool *wanted,
                          const struct project_table *project, const struct cited_files *cited,
                          unsigned char digest[16]);

#endif

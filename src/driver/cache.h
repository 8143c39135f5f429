/*
 * cache: the result cache (--cache-dir DIR, `cache-dir:` in .nullproof.yaml;
 * docs/whole-program.md, "Result cache"). One entry per translation unit,
 * a file DIR/KEY.npc named by its key: an XXH3-128 of everything the unit's
 * results depend on but the files it reads (nullproof's version and binary,
 * libclang's version, the unit's compile command, directory and names, its
 * configuration's digest with its rule packs' contents, the run's mode).
 * The entry lists the files the unit read (main file and every include)
 * with size, mtime and content hash: a lookup checks them without parsing
 * (a changed mtime is confirmed by the content hash), so an unchanged unit
 * is a hit and a changed file is a miss.
 *
 * An entry holds what the unit gives the run: its exports (project.h) as
 * they were at the end of the summary rounds, the digest of what it
 * imported then (cache_codec.h), its findings and messages. The driver
 * decides whether a hit's findings still hold (same imports digest).
 *
 * Entries are written to a temporary file in DIR and renamed into place,
 * so concurrent runs never see a partial entry. A damaged or foreign entry
 * is a miss with a --verbose note (cache_notes). The directory is bounded:
 * after a run the oldest entries (by mtime; a hit touches its entry) go
 * until it fits. Used on the driver's thread only; the workers never see it.
 */
#ifndef NULLPROOF_CACHE_H
#define NULLPROOF_CACHE_H

#include <stdbool.h>

#include "../analysis/project.h"
#include "../report/finding.h"
#include "../support/string_buffer.h"
#include "cache_codec.h"
#include "jobs.h"
#include "messages.h"
#include "profiles.h"

enum { CACHE_DEFAULT_SIZE_MIB = 512 };

struct result_cache;

struct cache_key {
    unsigned char bytes[16];
};

/* What an entry gives back. */
struct cache_entry {
    struct arena arena;            /* everything below */
    bool parsed;                   /* the unit gave an AST */
    int clang_error_count;
    bool has_exports;              /* whole program: exports and imports below */
    struct unit_exports exports;
    unsigned char imports[16];     /* codec_imports_digest when it was stored */
    struct cited_files cited;      /* the files its results name, for that digest */
    bool has_findings;             /* false: stored by a --shard run that did not check it */
    struct finding_list findings;  /* display paths, as the run reports them */
    struct message_list messages;
    const unsigned char *results;  /* their bytes, for cache_entry_results */
    size_t result_length;
};

/* What the driver stores for a unit. */
struct cache_record {
    bool parsed;
    int clang_error_count;
    const struct string_buffer *exports; /* codec_put_exports bytes, or NULL */
    const unsigned char *imports;        /* 16 bytes, with exports */
    const struct cited_files *cited;     /* with exports: what imports was computed with */
    const struct finding_list *findings; /* NULL: not checked in this run */
    const struct message_list *messages;
    const char *const *includes;         /* as the front end listed them */
    int include_count;
};

struct cache_stats {
    int hits, misses, stored, evicted;
    int reanalysed;                /* misses that hit but imported changed summaries */
    long long size;                /* bytes in the directory after the run */
};

/* Opens DIR (made if needed) with a bound of `limit` bytes. NULL with a
 * malloc'ed message when DIR cannot be made or written. */
struct result_cache *cache_open(const char *directory, long long limit,
                                const char *working_directory, char **error);

/* The digest of `profile`'s configuration for the keys of the jobs that
 * use its settings: profiles_digest and the contents of its rule packs. */
void cache_add_profile(struct result_cache *cache, const struct profile *profile);

/* The key of `job` in a run of this mode; false when it cannot be cached
 * (editor buffers, a configuration the cache was not told of). */
bool cache_job_key(struct result_cache *cache, const struct job *job, bool whole_program,
                   struct cache_key *key);

/* The valid entry for `key` (its files unchanged), or NULL: a miss.
 * Release with cache_entry_free. Does not count hits or misses. */
struct cache_entry *cache_lookup(struct result_cache *cache, const struct job *job,
                                 const struct cache_key *key);

/* Appends the entry's findings and messages to a job's output. */
void cache_entry_results(const struct cache_entry *entry, struct finding_list *findings,
                         struct message_list *messages);

void cache_entry_free(struct cache_entry *entry);

/* Writes the entry of `job` atomically; a failure is a --verbose note. */
void cache_store(struct result_cache *cache, const struct job *job, const struct cache_key *key,
                 const struct cache_record *record);

/* The driver's count of units taken from the cache or analysed. */
void cache_count(struct result_cache *cache, int hits, int misses, int reanalysed);

/* Evicts the oldest entries beyond the bound, fills `stats`, frees. */
void cache_close(struct result_cache *cache, struct cache_stats *stats,
                 struct message_list *notes);

/* The notes of damaged or foreign entries and failed writes, so far. */
struct message_list *cache_notes(struct result_cache *cache);

#endif

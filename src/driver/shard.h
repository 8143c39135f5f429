/*
 * shard: which translation units the K-th of N shards of a run reports
 * (`--shard K/N`). A unit belongs to shard 1 + XXH3-64(key) mod N, where
 * the key is the unit's path relative to its compile database's directory
 * (or, with no database, to the working directory), after symbolic links
 * are resolved. The split is thus the same on every machine, for every
 * checkout path and working directory, and for every order of the jobs;
 * every unit is in exactly one shard.
 */
#ifndef NULLPROOF_SHARD_H
#define NULLPROOF_SHARD_H

#include <stdbool.h>

/* `--shard K/N`: index 1..count; count 0 means no sharding. */
struct shard {
    int index;
    int count;
};

/* Parses "K/N" (1 <= K <= N <= SHARD_MAX). Returns 0, or -1 with a
 * malloc'ed message in *error. */
enum { SHARD_MAX = 100000 };
int shard_parse(const char *text, struct shard *shard, char **error);

/* The machine-independent key of the unit `path` (absolute, or relative
 * to the working directory): `path` relative to `base` (absolute; the
 * compile database's directory, or the working directory), with `..`
 * where it is not under it. Malloc'ed. */
char *shard_key(const char *path, const char *base);

/* The shard (1..count) that the unit with `key` belongs to. */
int shard_of_key(const char *key, int count);

#endif

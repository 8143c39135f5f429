/*
 * profiles: what each configuration file means for a run. The file that
 * applies to a job (--config, else the nearest .nullproof.yaml above the
 * analysed file) merged with the command line gives one profile: its rule
 * set (embedded packs, the file's packs, --rules), the rules that run and
 * their severities, and the job_settings its jobs' workers read. Profiles
 * are built by the driver before the workers start and are read-only while
 * they run; nothing here is global.
 */
#ifndef NULLPROOF_PROFILES_H
#define NULLPROOF_PROFILES_H

#include <stdbool.h>
#include <stdio.h>

#include "../packs/packs.h"
#include "config.h"
#include "jobs.h"
#include "messages.h"
#include "options.h"

struct profile {
    char *config_path;         /* the configuration file, or NULL: none applies */
    struct config effective;   /* file and command line merged, as --dump-config prints it */
    struct pack_set packs;
    bool *enabled_rules;       /* indexes checks_rules() */
    enum severity *severities; /* indexes checks_rules() */
    struct job_settings settings;
};

struct profile_set {
    struct profile **items;
    int count;
    const struct options *options;
    struct job_settings base;  /* what every profile's settings start from */
};

/* An empty set; `base` (copied) holds the settings that do not depend on
 * a configuration (dump_ir, working directory, ...). */
void profiles_init(struct profile_set *set, const struct options *options,
                   const struct job_settings *base);

void profiles_free(struct profile_set *set);

/* The configuration file for `path` (a file or directory, may be
 * relative): --config, or the nearest .nullproof.yaml at or above it.
 * Malloc'ed, or NULL when none applies. */
char *profiles_config_for(const struct options *options, const char *path);

/* The profile of the configuration file `config_path` (NULL: none),
 * built on first use. NULL with a malloc'ed message in *error when the
 * file or a rule pack it names is wrong. */
const struct profile *profiles_get(struct profile_set *set, const char *config_path,
                                   char **error);

/* Points every job at its profile's settings. Returns 0, or -1 after
 * adding the errors to `messages` (the run must then stop). */
int profiles_assign(struct profile_set *set, struct job *jobs, int job_count,
                    struct message_list *messages);

/* Applies a job's configuration to the findings its checks added, from
 * index `first` on: each rule's severity, and the excluded paths. Safe on
 * worker threads (reads only `settings`). */
void profiles_settle_findings(const struct job_settings *settings, const struct job *job,
                              struct finding_list *findings, int first);

/* --list-rules --verbose: the packs loaded and what each entry says. */
void profiles_describe_rules(const struct profile *profile, FILE *stream);

/* --dump-config: the effective configuration as YAML, with a comment
 * naming the file it came from. */
void profiles_dump(const struct profile *profile, struct string_buffer *out);

/* 16 hexadecimal digits (and a NUL) that change when anything changes
 * that decides which findings `profile` reports and how they read: the
 * effective configuration (rules, severities, packs, excluded paths, ...)
 * and the settings from the command line (--suggest, --all-uses, ...).
 * Paths under `working_directory` count relative to it, so the same
 * configuration in checkouts at different places has one digest. */
enum { PROFILE_DIGEST_SIZE = 17 };
void profiles_digest(const struct profile *profile, const char *working_directory,
                     char digest[PROFILE_DIGEST_SIZE]);

#endif

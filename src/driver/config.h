/*
 * config: the `.nullproof.yaml` configuration file (docs/configuration.md):
 * finding it upward from an analysed file, reading it with libyaml (every
 * key known; errors name file, line and column), telling whether a path
 * is excluded, and writing a configuration back as YAML (--dump-config).
 * What a run makes of it together with the command line is profiles.c's
 * business.
 */
#ifndef NULLPROOF_CONFIG_H
#define NULLPROOF_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "../checks/checks.h"
#include "../report/finding.h"
#include "../support/string_buffer.h"

#define CONFIG_FILE_NAME ".nullproof.yaml"

struct config {
    char *path;                    /* the file read, or NULL for the defaults */
    char *directory;               /* relative paths in the file are relative to it */
    bool has_enable;               /* `enable` given: only those rules run */
    char **enable;
    int enable_count;
    char **disable;
    int disable_count;
    char **severity_rules;         /* severity: rule -> level */
    enum severity *severities;
    int severity_count;
    char **packs;                  /* extra rule packs (files or directories), absolute */
    int pack_count;
    bool has_builtin_packs;        /* `builtin-packs` given: only those embedded packs */
    char **builtin_packs;
    int builtin_pack_count;
    char **exclude;                /* findings in these files are dropped: absolute paths,
                                    * directories or fnmatch patterns */
    int exclude_count;
    bool allocations_never_fail;   /* the project aborts on OOM: no unchecked-alloc */
    char **noreturn;               /* functions that never return (die, fatal) */
    int noreturn_count;
    char **never_null;             /* functions whose result is never NULL (xmalloc) */
    int never_null_count;
    char **remove_flags;           /* compile-flags remove: arguments left out of every compile
                                    * command ("-fsanitize=*": a trailing * matches a prefix) */
    int remove_flag_count;
    char **add_flags;              /* compile-flags add: arguments appended to every one */
    int add_flag_count;
    bool report_unused_suppressions;
    bool has_suggest;              /* `suggest` given: how much advice findings carry */
    enum suggest_level suggest;
    char *cache_dir;               /* cache-dir: the result cache (absolute), or NULL; not
                                    * part of what --dump-config writes, which is what decides
                                    * the findings */
    long cache_size;               /* cache-size in MiB; 0: not given */
};

/* An empty configuration: every default. */
void config_init(struct config *config);

void config_free(struct config *config);

/* Parses configuration text named `file` (for messages) whose relative
 * paths are relative to `directory`. Returns 0, or -1 with a malloc'ed
 * "FILE:LINE:COLUMN: what was expected" in *error. `config` must be
 * initialised; release it with config_free in both cases. */
int config_parse(struct config *config, const char *file, const char *directory,
                 const char *text, size_t length, char **error);

/* Whether `argument` is one the configuration's compile-flags remove. */
bool config_removes_flag(const struct config *config, const char *argument);

/* Reads and parses the file at `path`. Returns 0 or -1 as config_parse. */
int config_load(struct config *config, const char *path, char **error);

/* The nearest CONFIG_FILE_NAME in `directory` or a directory above it, as
 * a malloc'ed path, or NULL when there is none up to the root. */
char *config_find(const char *directory);

/* Whether findings in the file at `absolute_path` are excluded. */
bool config_excludes(const struct config *config, const char *absolute_path);

/* Appends `config` as a YAML document that config_parse reads back. */
void config_write_yaml(const struct config *config, struct string_buffer *out);

/* "warning", "error", "note" to a severity. Returns false when unknown. */
bool config_severity_from_name(const char *name, enum severity *severity);

#endif

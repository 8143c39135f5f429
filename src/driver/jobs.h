/*
 * jobs: one job per translation unit, run by a pool of worker threads.
 * Each worker owns its own front end (libclang index); each job owns its
 * output (findings, messages, --dump-ir text) so nothing is shared while
 * the workers run. The driver reads the outputs after they all finished.
 */
#ifndef NULLPROOF_JOBS_H
#define NULLPROOF_JOBS_H

#include <stdbool.h>
#include <stdio.h>

#include "../checks/checks.h"
#include "../report/finding.h"
#include "../packs/packs.h"
#include "../support/arena.h"
#include "../support/string_buffer.h"
#include "messages.h"

struct frontend_unsaved;
struct result_cache;

struct job {
    const char *display_path;     /* how the main file is named in output */
    const char *parse_path;       /* what the front end is given */
    const char *absolute_path;    /* canonical path of the main file */
    const char *directory;        /* the compile command's directory, or NULL */
    const char *const *arguments; /* compiler arguments (compile command or `--`) */
    int argument_count;
    bool from_database;           /* the file came from a database listing (-p, no PATH) */
    const struct job_settings *settings; /* its configuration's settings; NULL: the run's */
    const struct frontend_unsaved *unsaved; /* editor buffers parsed instead of the disk
                                             * (the language server's); none: NULL */
    int unsaved_count;
    bool list_includes;           /* fill job_output.includes */
    const char *database_directory; /* its compile database's directory (--shard's key is
                                     * relative to it), or NULL: none */
    bool summaries_only;          /* another --shard's unit: parsed and summarised for the
                                   * whole program, never checked or reported */
};

struct config;
struct project_table;

/* What a run needs to know besides the job; shared read-only. */
struct job_settings {
    const struct pack_set *packs; /* function facts for the analysis */
    const bool *enabled_rules;    /* indexes checks_rules() */
    const enum severity *severities; /* per rule (indexes checks_rules()); NULL: warnings */
    const struct config *config;  /* excluded paths; NULL: none */
    bool report_unused_suppressions;
    bool dump_ir;                 /* lower and dump, do not analyse */
    const char *working_directory; /* the process's cwd, to shorten paths */
    enum suggest_level suggest;   /* --suggest: the advice findings carry */
    FILE *progress;               /* a terminal to keep one "[3/41] src/x.c" line on, or NULL */
    bool all_uses;                /* --all-uses: no grouping of the uses of one NULL */
    bool whole_program;           /* the units are analysed together (whole_program.h) */
    struct project_table *project_out; /* whole program: receives the table of summaries
                                        * after the rounds (the caller frees it with
                                        * project_table_free); NULL: it is freed */
    struct result_cache *cache;   /* --cache-dir (cache.h): used by jobs_run on the calling
                                   * thread only, never by a worker; NULL: none */
};

struct job_output {
    struct arena arena;            /* holds the findings until output */
    struct finding_list findings;  /* rule findings and clang errors, paths for display */
    struct message_list messages;  /* errors about this unit */
    struct string_buffer dump;     /* --dump-ir text */
    int clang_error_count;
    bool parsed;                   /* an AST was produced */
    const char **includes;         /* job->list_includes: the files the unit includes */
    int include_count;
};

/* Runs `jobs` on `thread_count` threads (at least 1, at most the number
 * of jobs); outputs[i] receives job i's results and must be released with
 * job_output_free. Returns 0, or -1 with a malloc'ed message when no
 * worker could be started. */
int jobs_run(const struct job *jobs, int job_count, const struct job_settings *settings,
             int thread_count, struct job_output *outputs, char **error);

/* An empty output, as jobs_run gives each job (for callers that run a
 * pipeline themselves, like the language server). */
void job_output_init(struct job_output *output);

void job_output_free(struct job_output *output);

#endif

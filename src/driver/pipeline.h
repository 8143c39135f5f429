/*
 * pipeline: one translation unit from source to findings, on the calling
 * thread: front end -> analysis -> checks, then source lines and display
 * paths filled in. Knows the order of the phases, none of their insides.
 */
#ifndef NULLPROOF_PIPELINE_H
#define NULLPROOF_PIPELINE_H

#include "../analysis/project.h"
#include "../frontend/frontend.h"
#include "jobs.h"

struct pipeline_unit;

/* Runs `job` with `frontend` (owned by the calling worker) and fills
 * `output` (already initialised): pipeline_prepare then pipeline_check,
 * the unit alone, kept in `unit` meanwhile (where a worker that lost the
 * job to an out-of-memory jump finds what to free). */
void pipeline_run(struct frontend *frontend, const struct job *job,
                  const struct job_settings *settings, struct job_output *output,
                  struct pipeline_unit *unit);

/* A unit between the phases of a whole-program run: its IR, kept from
 * parsing to checking so that each unit is parsed once, and what it
 * exports to the others (project.h). */
struct pipeline_unit {
    struct arena work;             /* the IR and the exports */
    struct frontend_result result;
    bool analysable;               /* parsed, and not only dumped */
    bool cached;                   /* exports from the result cache: no IR, not analysed */
    struct unit_exports exports;   /* with settings->whole_program */
    bool *wanted;                  /* per exports.functions: another unit calls it */
    struct analysis_memo *memo;    /* phase 1's analysis of the unit alone, for phase 2 */
};

/* Phase 1: parses and lowers `job`; clang errors and messages go to
 * `output`; with settings->whole_program also analyses the unit alone
 * (unit->memo) and fills unit->exports: definitions, call evidence and the
 * summaries of every external function as if no other unit were known
 * (locations with absolute file names). */
void pipeline_prepare(struct frontend *frontend, const struct job *job,
                      const struct job_settings *settings, struct job_output *output,
                      struct pipeline_unit *unit);

/* After phase 1, once the wanted exports are known: their summaries for
 * the values 0 and 1 of the globals they branch on (phase 1 exports only
 * context-free ones, for every external function). */
void pipeline_export_contexts(const struct job *job, const struct job_settings *settings,
                              struct pipeline_unit *unit);

/* Between the phases: summarises the unit's wanted exports again with the
 * other units' summaries in `project` (read only), into unit->exports;
 * with `changed` (sorted names), only those that call one of them. */
void pipeline_summarise(const struct job *job, const struct job_settings *settings,
                        struct pipeline_unit *unit, const struct project_table *project,
                        const char *const *changed, int changed_count);

/* Phase 2: analysis (with `project`, or NULL for the unit alone; with
 * phase 1's memo, only of the functions `project` can change), checks,
 * display paths; then frees the unit. */
void pipeline_check(const struct job *job, const struct job_settings *settings,
                    struct job_output *output, struct pipeline_unit *unit,
                    const struct project_table *project);

void pipeline_unit_free(struct pipeline_unit *unit);

/* The name under which `file`, a location reported for `job`, is shown:
 * the main file as the user named it; a path relative to the compile
 * command's directory made absolute; an absolute path under the working
 * directory made relative when the user named the main file relatively.
 * The result is in `arena` (or is one of the inputs). */
const char *pipeline_display_path(const struct job *job, const char *working_directory,
                                  const char *file, struct arena *arena);

#endif

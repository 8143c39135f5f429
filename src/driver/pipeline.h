/*
 * pipeline: one translation unit from source to findings, on the calling
 * thread: front end -> analysis -> checks, then source lines and display
 * paths filled in. Knows the order of the phases, none of their insides.
 */
#ifndef NULLPROOF_PIPELINE_H
#define NULLPROOF_PIPELINE_H

#include "../frontend/frontend.h"
#include "jobs.h"

/* Runs `job` with `frontend` (owned by the calling worker) and fills
 * `output` (already initialised). */
void pipeline_run(struct frontend *frontend, const struct job *job,
                  const struct job_settings *settings, struct job_output *output);

/* The name under which `file`, a location reported for `job`, is shown:
 * the main file as the user named it; a path relative to the compile
 * command's directory made absolute; an absolute path under the working
 * directory made relative when the user named the main file relatively.
 * The result is in `arena` (or is one of the inputs). */
const char *pipeline_display_path(const struct job *job, const char *working_directory,
                                  const char *file, struct arena *arena);

#endif

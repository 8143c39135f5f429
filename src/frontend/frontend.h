/*
 * frontend: the only module that includes clang-c. It parses one
 * translation unit with libclang and lowers every function defined in the
 * main file (and in project headers, i.e. not system headers) to IR. It
 * also reports clang's own errors. It does not analyse anything.
 *
 * One `struct frontend` per worker thread (it owns a CXIndex); a parsed
 * translation unit never leaves the thread that parsed it.
 */
#ifndef NULLPROOF_FRONTEND_H
#define NULLPROOF_FRONTEND_H

#include <stdbool.h>

#include "../ir/ir.h"
#include "../packs/packs.h"
#include "../report/finding.h"

struct frontend;

/* The text an editor holds for a file, parsed instead of the file on
 * disk (libclang's CXUnsavedFile). */
struct frontend_unsaved {
    const char *path;   /* absolute path, as the unit names the file */
    const char *text;   /* not necessarily NUL-terminated */
    unsigned long length;
};

struct frontend_job {
    const char *file;             /* source file to parse (absolute or relative to cwd) */
    const char *directory;        /* working directory for relative paths in arguments, or NULL */
    const char *const *arguments; /* compiler arguments without the compiler and the file */
    int argument_count;
    const struct pack_set *packs; /* tagged unions declared in packs, or NULL */
    const struct frontend_unsaved *unsaved; /* editor buffers read instead of the disk */
    int unsaved_count;
    bool list_includes;           /* fill frontend_result.includes */
};

struct frontend_result {
    struct ir_unit unit;           /* the lowered functions */
    struct finding_list *diagnostics; /* clang errors (rule "clang-diagnostic"), severity error */
    int error_count;               /* clang errors in the unit */
    bool parse_failed;             /* no AST at all: unit is empty; error_message says why */
    const char *error_message;
    const char **dropped;          /* compiler arguments clang does not know (GCC's
                                    * -fanalyzer, ...), left out as clangd does */
    int dropped_count;
    const char **includes;         /* with job->list_includes: every file the unit
                                    * includes, directly or not, as clang names them */
    int include_count;
};

/* Creates a front end (with its own libclang index); NULL on failure. */
struct frontend *frontend_create(void);
void frontend_destroy(struct frontend *frontend);

/* Parses and lowers one translation unit. Everything in `result` lives in
 * `arena`; diagnostics are appended to `diagnostics` (its own arena).
 * Returns 0 when an AST was produced (possibly with errors), -1 when not. */
int frontend_run(struct frontend *frontend, const struct frontend_job *job, struct arena *arena,
                 struct finding_list *diagnostics, struct frontend_result *result);

/* "libclang 14.0.6" style version text, for --version. Caller frees. */
char *frontend_version(void);

#endif

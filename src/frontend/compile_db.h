/*
 * compile_db: compile_commands.json through libclang's
 * CXCompilationDatabase (no JSON parsing of our own). Turns each entry into
 * the arguments a parse needs: the compiler, -c, -o and dependency-file
 * flags and the source itself are dropped (libclang would write .d files),
 * -working-directory is added. The interface has no libclang types so the
 * driver can use it.
 */
#ifndef NULLPROOF_COMPILE_DB_H
#define NULLPROOF_COMPILE_DB_H

struct compile_database;

struct compile_command {
    char *file;       /* absolute, normalised path of the source, symbolic links resolved:
                       * its identity */
    char *spelled;    /* the source as the entry names it (against its directory, links
                       * kept): what the compiler opened, so that `#include "x.h"` looks
                       * beside it (lsof compiles links to dialects/linux/ files) */
    char *directory;  /* the entry's directory */
    char **arguments; /* ready for frontend_job.arguments */
    int argument_count;
};

/* Loads `path` (a directory holding compile_commands.json, or the file
 * itself). Returns NULL and a message in *error (caller frees) when it is
 * missing, unreadable, empty or malformed. */
struct compile_database *compile_database_load(const char *path, char **error);

/* Directory the database was loaded from. */
const char *compile_database_directory(const struct compile_database *database);

/* Number of entries and the i-th entry (owned by the database). */
int compile_database_count(const struct compile_database *database);
const struct compile_command *compile_database_entry(const struct compile_database *database,
                                                     int index);

/* The entry for an absolute source path, or NULL. */
const struct compile_command *compile_database_find(const struct compile_database *database,
                                                    const char *file);

void compile_database_free(struct compile_database *database);

/* Filters a raw compiler command line (argv[0] is the compiler) into parse
 * arguments as above; pure string logic, unit-tested. Returns a malloc'ed
 * argv of malloc'ed strings (count in *count); `source` is the absolute
 * source path to drop, `directory` gives -working-directory. */
char **compile_command_filter(const char *const *argv, int argc, const char *directory,
                              const char *source, int *count);

#endif

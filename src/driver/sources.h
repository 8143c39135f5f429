/*
 * sources: turns the PATH arguments into the list of C files to analyse.
 * Directories are searched recursively (sorted, hidden entries and
 * symbolic links to directories are not entered); each file is checked to
 * be readable C text. Bad inputs become error messages, never silent skips.
 * It does not look for compile commands.
 */
#ifndef NULLPROOF_SOURCES_H
#define NULLPROOF_SOURCES_H

#include <stdbool.h>

#include "messages.h"

struct source_file {
    char *path;     /* as given, or joined onto the directory given */
    char *absolute; /* canonical absolute path (realpath) */
};

struct source_set {
    struct source_file *files;
    int count;
    int capacity;
};

void source_set_init(struct source_set *set);
void source_set_free(struct source_set *set);

/* Appends the C files named by `paths` (files or directories), each once,
 * in argument order, a directory's files sorted. Problems are appended to
 * `messages` as errors (or verbose lines for skipped headers). */
void sources_collect(const char *const *paths, int path_count, struct source_set *set,
                     struct message_list *messages);

/* True when the name ends in ".c". */
bool source_is_c_file(const char *path);

/* True when the name ends in ".h". */
bool source_is_header(const char *path);

/* Checks that `path` can be read and is text (no NUL byte in its first
 * 64 KiB). Returns 0, or -1 with a malloc'ed message (caller frees) such as
 * "no such file or directory: X" or "X: binary file, not C source". */
int source_check_content(const char *path, char **error);

/* `directory`/`name` without a doubled slash; "." as directory gives
 * `name` alone. Caller frees. */
char *source_join_path(const char *directory, const char *name);

#endif

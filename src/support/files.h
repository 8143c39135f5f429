/*
 * files: reading a whole file, the one way every reader (configuration,
 * rule packs, suppressions, source lines, --fix) does it; and tidying a
 * path as clang shows it.
 */
#ifndef NULLPROOF_FILES_H
#define NULLPROOF_FILES_H

#include <stddef.h>

enum read_status {
    READ_OK,
    READ_CANNOT_OPEN, /* errno says why */
    READ_TOO_LARGE,   /* more than the limit: *text holds the first `limit` bytes */
    READ_FAILED       /* a read error */
};

/* Reads `path` into *text, a NUL-terminated heap buffer of *length bytes
 * that the caller frees (also on READ_TOO_LARGE; NULL otherwise). A limit
 * of 0 means none. */
enum read_status read_whole_file(const char *path, size_t limit, char **text, size_t *length);

/* Why `path` cannot be read as a file: a heap message ("no such file or
 * directory", "a directory, not a file") that the caller frees, or NULL
 * when it is a regular file (or a device such as /dev/stdin). */
char *file_unreadable(const char *path);

/* Removes ".", ".." and doubled slashes from an absolute path, in place,
 * without asking the file system (as clang shows paths: links unresolved). */
void path_normalize(char *path);

#endif

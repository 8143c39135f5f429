/*
 * source_lines: the text of a given line of a file, for the source line
 * and caret under each finding. Files are read once per cache (one cache
 * per job, so no locking); lines are returned without their newline.
 */
#ifndef NULLPROOF_SOURCE_LINES_H
#define NULLPROOF_SOURCE_LINES_H

#include "../support/arena.h"

struct cached_source;

struct source_lines {
    struct cached_source *files;
    int count;
    int capacity;
};

void source_lines_init(struct source_lines *cache);

/* Line `line` (1-based) of `path`, copied into `arena`; NULL when the file
 * cannot be read or has no such line. */
const char *source_lines_get(struct source_lines *cache, const char *path, unsigned line,
                             struct arena *arena);

void source_lines_free(struct source_lines *cache);

#endif

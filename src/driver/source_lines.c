/*
 * source_lines: whole-file reads with a line index built on first use.
 * Files that cannot be read are remembered as such so they are tried once.
 */
#include "source_lines.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/files.h"
#include "../support/xalloc.h"
#include "../support/heap_array.h"

struct cached_source {
    char *path;
    char *text;          /* NULL when the file could not be read */
    size_t size;
    size_t *line_starts; /* offset of each line's first byte */
    unsigned line_count;
};

void source_lines_init(struct source_lines *cache)
{
    cache->files = NULL;
    cache->count = 0;
    cache->capacity = 0;
}

static void index_lines(struct cached_source *file)
{
    unsigned count = 1;
    for (size_t i = 0; i < file->size; i++)
        if (file->text[i] == '\n')
            count++;
    file->line_starts = xmalloc(count * sizeof *file->line_starts);
    file->line_starts[0] = 0;
    unsigned line = 1;
    for (size_t i = 0; i < file->size; i++)
        if (file->text[i] == '\n')
            file->line_starts[line++] = i + 1;
    file->line_count = count;
}

static struct cached_source *load(struct source_lines *cache, const char *path)
{
    for (int i = 0; i < cache->count; i++)
        if (strcmp(cache->files[i].path, path) == 0)
            return &cache->files[i];
    cache->files = heap_array_reserve(cache->files, &cache->capacity, cache->count + 1, sizeof *cache->files);
    struct cached_source *file = &cache->files[cache->count++];
    memset(file, 0, sizeof *file);
    file->path = xstrdup(path);
    if (read_whole_file(path, 0, &file->text, &file->size) != READ_OK) {
        free(file->text);
        file->text = NULL;
    }
    if (file->text)
        index_lines(file);
    return file;
}

const char *source_lines_get(struct source_lines *cache, const char *path, unsigned line,
                             struct arena *arena)
{
    if (!path || line == 0)
        return NULL;
    struct cached_source *file = load(cache, path);
    if (!file->text || line > file->line_count)
        return NULL;
    size_t start = file->line_starts[line - 1];
    size_t end = line < file->line_count ? file->line_starts[line] - 1 : file->size;
    if (start > end) /* the empty line after a final newline */
        return NULL;
    if (end > start && file->text[end - 1] == '\r')
        end--;
    return arena_strndup(arena, file->text + start, end - start);
}

void source_lines_free(struct source_lines *cache)
{
    for (int i = 0; i < cache->count; i++) {
        free(cache->files[i].path);
        free(cache->files[i].text);
        free(cache->files[i].line_starts);
    }
    free(cache->files);
    source_lines_init(cache);
}

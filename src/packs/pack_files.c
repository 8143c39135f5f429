/*
 * pack_files: user packs on disk, a file or a directory of them, read
 * whole and handed to the pack parser. Embedded packs never come here.
 */
#include "packs.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../support/text.h"
#include "../support/files.h"
#include "../support/xalloc.h"

enum { MAX_PACK_BYTES = 16 * 1024 * 1024 };

static int add_file(struct pack_set *set, const char *path, char **error)
{
    char *text;
    size_t length;
    switch (read_whole_file(path, MAX_PACK_BYTES, &text, &length)) {
    case READ_OK: {
        int status = packs_add_pack(set, path, text, length, error);
        free(text);
        return status;
    }
    case READ_CANNOT_OPEN:
        *error = text_printf("cannot read rule pack %s: %s", path, strerror(errno));
        break;
    case READ_TOO_LARGE:
        *error = text_printf("%s: a rule pack may hold at most %d bytes", path, MAX_PACK_BYTES);
        break;
    case READ_FAILED:
        *error = text_printf("cannot read rule pack %s", path);
        break;
    }
    free(text);
    return -1;
}

static bool is_pack_file(const char *name)
{
    size_t length = strlen(name);
    if (name[0] == '.')
        return false;
    return (length > 5 && strcmp(name + length - 5, ".yaml") == 0) ||
           (length > 4 && strcmp(name + length - 4, ".yml") == 0);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_directory(struct pack_set *set, const char *path, char **error)
{
    DIR *directory = opendir(path);
    if (!directory) {
        *error = text_printf("cannot read rule pack directory %s: %s", path, strerror(errno));
        return -1;
    }
    int count = 0, capacity = 16;
    char **names = xmalloc((size_t)capacity * sizeof *names);
    struct dirent *entry;
    while ((entry = readdir(directory)) != NULL) {
        if (!is_pack_file(entry->d_name))
            continue;
        if (count == capacity) {
            capacity *= 2;
            names = xrealloc(names, (size_t)capacity * sizeof *names);
        }
        names[count] = xstrdup(entry->d_name);
        count++;
    }
    closedir(directory);
    if (count > 1)
        qsort(names, (size_t)count, sizeof *names, compare_names);
    int status = 0;
    if (count == 0) {
        *error = text_printf("%s: no rule packs (*.yaml) in this directory", path);
        status = -1;
    }
    for (int i = 0; i < count && status == 0; i++) {
        size_t size = strlen(path) + strlen(names[i]) + 2;
        char *file = xmalloc(size);
        snprintf(file, size, "%s/%s", path, names[i]);
        status = add_file(set, file, error);
        free(file);
    }
    for (int i = 0; i < count; i++)
        free(names[i]);
    free(names);
    return status;
}

int packs_add_path(struct pack_set *set, const char *path, char **error)
{
    *error = NULL;
    struct stat status;
    if (stat(path, &status) != 0) {
        *error = text_printf("cannot read rule pack %s: %s", path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(status.st_mode))
        return add_directory(set, path, error);
    return add_file(set, path, error);
}

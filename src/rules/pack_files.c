/*
 * pack_files: user packs on disk, a file or a directory of them, read
 * whole and handed to the pack parser. Embedded packs never come here.
 */
#include "rules.h"
#include "../support/text.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_PACK_BYTES = 16 * 1024 * 1024 };

static int add_file(struct rule_set *set, const char *path, char **error)
{
    FILE *stream = fopen(path, "rb");
    if (!stream) {
        *error = text_printf("cannot read rule pack %s: %s", path, strerror(errno));
        return -1;
    }
    size_t capacity = 4096, length = 0;
    char *text = malloc(capacity);
    if (!text)
        abort();
    size_t got;
    while ((got = fread(text + length, 1, capacity - length, stream)) > 0) {
        length += got;
        if (length > MAX_PACK_BYTES) {
            fclose(stream);
            free(text);
            *error = text_printf("%s: a rule pack may hold at most %d bytes", path, MAX_PACK_BYTES);
            return -1;
        }
        if (length == capacity) {
            capacity *= 2;
            char *grown = realloc(text, capacity);
            if (!grown)
                abort();
            text = grown;
        }
    }
    bool failed = ferror(stream) != 0;
    fclose(stream);
    if (failed) {
        free(text);
        *error = text_printf("cannot read rule pack %s", path);
        return -1;
    }
    int status = rules_add_pack(set, path, text, length, error);
    free(text);
    return status;
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

static int add_directory(struct rule_set *set, const char *path, char **error)
{
    DIR *directory = opendir(path);
    if (!directory) {
        *error = text_printf("cannot read rule pack directory %s: %s", path, strerror(errno));
        return -1;
    }
    int count = 0, capacity = 16;
    char **names = malloc((size_t)capacity * sizeof *names);
    if (!names)
        abort();
    struct dirent *entry;
    while ((entry = readdir(directory)) != NULL) {
        if (!is_pack_file(entry->d_name))
            continue;
        if (count == capacity) {
            capacity *= 2;
            char **grown = realloc(names, (size_t)capacity * sizeof *names);
            if (!grown)
                abort();
            names = grown;
        }
        names[count] = strdup(entry->d_name);
        if (!names[count])
            abort();
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
        char *file = malloc(size);
        if (!file)
            abort();
        snprintf(file, size, "%s/%s", path, names[i]);
        status = add_file(set, file, error);
        free(file);
    }
    for (int i = 0; i < count; i++)
        free(names[i]);
    free(names);
    return status;
}

int rules_add_path(struct rule_set *set, const char *path, char **error)
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

/*
 * sources: file collection. Reads directories and the head of each file
 * (to refuse binaries); it never parses C.
 */
#include "sources.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../support/xalloc.h"
#include "../support/heap_array.h"

enum { BINARY_PROBE_SIZE = 64 * 1024 };

static char *copy_string(const char *text)
{
    char *copy = xstrdup(text);
    return copy;
}

static char *message_text(const char *format, const char *path, const char *detail)
{
    int length = snprintf(NULL, 0, format, path, detail);
    char *text = xmalloc((size_t)length + 1);
    snprintf(text, (size_t)length + 1, format, path, detail);
    return text;
}

/* The message for a failed open/stat of `path`. */
static char *access_error(const char *path, int error_number)
{
    if (error_number == ENOENT || error_number == ENOTDIR)
        return message_text("no such file or directory: %s%s", path, "");
    if (error_number == EACCES || error_number == EPERM)
        return message_text("cannot read %s: %s", path, "permission denied");
    return message_text("cannot read %s: %s", path, strerror(error_number));
}

void source_set_init(struct source_set *set)
{
    set->files = NULL;
    set->count = 0;
    set->capacity = 0;
}

void source_set_free(struct source_set *set)
{
    for (int i = 0; i < set->count; i++) {
        free(set->files[i].path);
        free(set->files[i].absolute);
    }
    free(set->files);
    source_set_init(set);
}

static bool has_suffix(const char *path, const char *suffix)
{
    size_t length = strlen(path), suffix_length = strlen(suffix);
    return length > suffix_length && strcmp(path + length - suffix_length, suffix) == 0;
}

bool source_is_c_file(const char *path)
{
    return has_suffix(path, ".c");
}

bool source_is_header(const char *path)
{
    return has_suffix(path, ".h");
}

char *source_join_path(const char *directory, const char *name)
{
    if (strcmp(directory, ".") == 0)
        return copy_string(name);
    size_t length = strlen(directory);
    bool has_slash = length > 0 && directory[length - 1] == '/';
    size_t size = length + strlen(name) + 2;
    char *joined = xmalloc(size);
    snprintf(joined, size, "%s%s%s", directory, has_slash ? "" : "/", name);
    return joined;
}

int source_check_content(const char *path, char **error)
{
    *error = NULL;
    /* O_NONBLOCK: a FIFO named x.c must not hang the run. */
    int descriptor = open(path, O_RDONLY | O_NONBLOCK);
    if (descriptor < 0) {
        *error = access_error(path, errno);
        return -1;
    }
    struct stat file_status = {0};
    if (fstat(descriptor, &file_status) != 0 || !S_ISREG(file_status.st_mode)) {
        *error = S_ISDIR(file_status.st_mode) ? message_text("%s: is a directory%s", path, "")
                                         : message_text("%s: not a regular file%s", path, "");
        close(descriptor);
        return -1;
    }
    char *probe = xmalloc(BINARY_PROBE_SIZE);
    size_t filled = 0;
    int status = 0;
    while (filled < BINARY_PROBE_SIZE) {
        ssize_t got = read(descriptor, probe + filled, BINARY_PROBE_SIZE - filled);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *error = access_error(path, errno);
            status = -1;
            break;
        }
        if (got == 0)
            break;
        filled += (size_t)got;
    }
    if (status == 0 && memchr(probe, '\0', filled)) {
        *error = message_text("%s: binary file, not C source%s", path, "");
        status = -1;
    }
    free(probe);
    close(descriptor);
    return status;
}

static bool already_listed(const struct source_set *set, const char *absolute)
{
    for (int i = 0; i < set->count; i++)
        if (strcmp(set->files[i].absolute, absolute) == 0)
            return true;
    return false;
}

/* Appends a file whose content was checked, unless it is a duplicate. */
static void add_file(struct source_set *set, const char *path, struct message_list *messages)
{
    char *absolute = realpath(path, NULL);
    if (!absolute) {
        message_add_owned(messages, MESSAGE_ERROR, access_error(path, errno));
        return;
    }
    if (already_listed(set, absolute)) {
        free(absolute);
        return;
    }
    set->files = heap_array_reserve(set->files, &set->capacity, set->count + 1, sizeof *set->files);
    set->files[set->count].path = copy_string(path);
    set->files[set->count].absolute = absolute;
    set->count++;
}

static void check_and_add_file(struct source_set *set, const char *path,
                               struct message_list *messages)
{
    char *error = NULL;
    if (source_check_content(path, &error) != 0) {
        message_add_owned(messages, MESSAGE_ERROR, error);
        return;
    }
    add_file(set, path, messages);
}

struct path_list {
    char **items;
    int count;
    int capacity;
};

static void path_list_add(struct path_list *list, char *path)
{
    list->items = heap_array_reserve(list->items, &list->capacity, list->count + 1, sizeof *list->items);
    list->items[list->count++] = path;
}

static int compare_paths(const void *left, const void *right)
{
    return strcmp(*(char *const *)left, *(char *const *)right);
}

static void sort_paths(struct path_list *list)
{
    if (list->count > 1)
        qsort(list->items, (size_t)list->count, sizeof *list->items, compare_paths);
}

/* Gathers the .c files below `directory` into `found`. Returns false
 * when the directory itself cannot be read. */
static bool search_directory(const char *directory, struct path_list *found,
                             struct message_list *messages)
{
    DIR *stream = opendir(directory);
    if (!stream) {
        message_add_owned(messages, MESSAGE_ERROR, access_error(directory, errno));
        return false;
    }
    struct path_list entries = {0};
    struct dirent *entry;
    while ((entry = readdir(stream)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        path_list_add(&entries, copy_string(entry->d_name));
    }
    closedir(stream);
    sort_paths(&entries);
    for (int i = 0; i < entries.count; i++) {
        char *path = source_join_path(directory, entries.items[i]);
        struct stat link_status, status;
        bool is_c_file = source_is_c_file(path);
        if (lstat(path, &link_status) != 0) {
            free(path); /* vanished while we looked */
            continue;
        }
        bool is_directory = S_ISDIR(link_status.st_mode);
        if (S_ISLNK(link_status.st_mode) && stat(path, &status) == 0)
            is_directory = S_ISDIR(status.st_mode);
        if (entries.items[i][0] == '.') {
            /* .git, editor lock files (.#x.c): not the project's sources. */
            if (is_directory || is_c_file)
                message_add(messages, MESSAGE_VERBOSE, "%s: hidden, not searched", path);
        } else if (is_directory && S_ISLNK(link_status.st_mode)) {
            message_add(messages, MESSAGE_VERBOSE,
                        "%s: symbolic link to a directory, not followed", path);
        } else if (is_directory) {
            search_directory(path, found, messages);
        } else if (is_c_file) {
            path_list_add(found, path);
            path = NULL;
        }
        free(path);
    }
    for (int i = 0; i < entries.count; i++)
        free(entries.items[i]);
    free(entries.items);
    return true;
}

static void collect_directory(const char *directory, struct source_set *set,
                              struct message_list *messages)
{
    struct path_list found = {0};
    if (search_directory(directory, &found, messages) && found.count == 0)
        message_add(messages, MESSAGE_ERROR, "no C source files under %s", directory);
    sort_paths(&found);
    for (int i = 0; i < found.count; i++) {
        check_and_add_file(set, found.items[i], messages);
        free(found.items[i]);
    }
    free(found.items);
}

void sources_collect(const char *const *paths, int path_count, struct source_set *set,
                     struct message_list *messages)
{
    for (int i = 0; i < path_count; i++) {
        const char *path = paths[i];
        struct stat status;
        if (stat(path, &status) != 0) {
            message_add_owned(messages, MESSAGE_ERROR, access_error(path, errno));
            continue;
        }
        if (S_ISDIR(status.st_mode)) {
            collect_directory(path, set, messages);
            continue;
        }
        if (source_is_header(path)) {
            message_add(messages, MESSAGE_VERBOSE,
                        "%s: header skipped (headers are analysed through the files that "
                        "include them)",
                        path);
            continue;
        }
        if (!S_ISREG(status.st_mode)) {
            message_add(messages, MESSAGE_ERROR, "%s: not a regular file", path);
            continue;
        }
        char *error = NULL;
        if (source_check_content(path, &error) != 0) {
            message_add_owned(messages, MESSAGE_ERROR, error);
            continue;
        }
        if (!source_is_c_file(path)) {
            message_add(messages, MESSAGE_ERROR, "%s: not a C source file (expected .c)", path);
            continue;
        }
        add_file(set, path, messages);
    }
}

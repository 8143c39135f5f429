/*
 * files: reading a whole file.
 */
#include "files.h"

#include <assert.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "text.h"
#include "xalloc.h"

enum read_status read_whole_file(const char *path, size_t limit, char **text, size_t *length)
{
    *text = NULL;
    *length = 0;
    FILE *stream = fopen(path, "rb");
    if (!stream)
        return READ_CANNOT_OPEN;
    size_t capacity = 16384, size = 0;
    char *buffer = xmalloc(capacity + 1);
    enum read_status status = READ_OK;
    size_t got;
    while ((got = fread(buffer + size, 1, capacity - size, stream)) > 0) {
        size += got;
        if (limit && size > limit) {
            size = limit;
            status = READ_TOO_LARGE;
            break;
        }
        if (size == capacity) {
            capacity *= 2;
            buffer = xrealloc(buffer, capacity + 1);
        }
    }
    bool failed = status == READ_OK && ferror(stream) != 0;
    int saved = errno;
    fclose(stream);
    if (failed) {
        free(buffer);
        errno = saved;
        return READ_FAILED;
    }
    buffer[size] = '\0';
    *text = buffer;
    *length = size;
    return status;
}

void path_normalize(char *path)
{
    char *out = path; /* writes the result over the input, never ahead of it */
    const char *in = path;
    while (*in) {
        while (*in == '/')
            in++;
        const char *end = strchr(in, '/');
        size_t length = end ? (size_t)(end - in) : strlen(in);
        if (length == 0)
            break;
        assert(out <= in);
        if (length == 1 && in[0] == '.') {
            /* nothing */
        } else if (length == 2 && in[0] == '.' && in[1] == '.') {
            while (out > path && *--out != '/')
                continue;
        } else {
            *out++ = '/';
            memmove(out, in, length);
            out += length;
        }
        in += length;
    }
    if (out == path)
        *out++ = '/';
    *out = '\0';
}

char *file_unreadable(const char *path)
{
    struct stat info;
    if (stat(path, &info) != 0)
        return text_printf("%s", strerror(errno));
    if (S_ISDIR(info.st_mode))
        return text_printf("a directory, not a file");
    return NULL;
}

/*
 * shard: a stable hash of a path that does not depend on where the
 * checkout is. XXH3 is specified to give the same value on every platform
 * and endianness, which is what makes shards on different CI machines
 * partition the same set of units.
 */
#include "shard.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "../support/string_buffer.h"
#include "../support/text.h"
#include "../support/xalloc.h"

static int parse_number(const char *start, const char *end, long *value)
{
    if (start == end || end - start > 9)
        return -1;
    long number = 0;
    for (const char *cursor = start; cursor < end; cursor++) {
        if (*cursor < '0' || *cursor > '9')
            return -1;
        number = number * 10 + (*cursor - '0');
    }
    *value = number;
    return 0;
}

int shard_parse(const char *text, struct shard *shard, char **error)
{
    const char *slash = strchr(text, '/');
    long index = 0, count = 0;
    if (!slash || parse_number(text, slash, &index) != 0 ||
        parse_number(slash + 1, slash + strlen(slash), &count) != 0 || count < 1 ||
        count > SHARD_MAX || index < 1 || index > count) {
        *error = text_printf("--shard expects K/N, shard K of N with 1 <= K <= N <= %d, not '%s'",
                             SHARD_MAX, text);
        return -1;
    }
    shard->index = (int)index;
    shard->count = (int)count;
    return 0;
}

/* `path` with symbolic links resolved when it exists, else as given. */
static char *resolved(const char *path)
{
    char *real = realpath(path, NULL);
    return real ? real : xstrdup(path);
}

char *shard_key(const char *path, const char *base)
{
    char *file = resolved(path);
    char *directory = resolved(base);
    /* the longest common prefix that ends at a directory boundary */
    size_t common = 0;
    for (size_t i = 0; file[i] && file[i] == directory[i]; i++)
        if (file[i] == '/')
            common = i + 1;
    size_t directory_length = strlen(directory);
    if (strncmp(file, directory, directory_length) == 0 && file[directory_length] == '/')
        common = directory_length + 1;
    else if (strcmp(directory, "/") == 0)
        common = 1;
    /* one ".." for each directory of `base` below the common prefix */
    struct string_buffer key;
    string_buffer_init(&key);
    const char *rest = directory + (common < directory_length ? common : directory_length);
    if (file[0] != '/' || directory[0] != '/') {
        string_buffer_append(&key, file); /* not both absolute: as given */
    } else {
        for (const char *cursor = rest; *cursor;) {
            const char *slash = strchr(cursor, '/');
            string_buffer_append(&key, "../");
            if (!slash)
                break;
            cursor = slash + 1;
        }
        string_buffer_append(&key, file + common);
    }
    char *text = xstrdup(string_buffer_text(&key));
    string_buffer_free(&key);
    free(file);
    free(directory);
    return text;
}

int shard_of_key(const char *key, int count)
{
    XXH64_hash_t hash = XXH3_64bits(key, strlen(key));
    return (int)(hash % (XXH64_hash_t)count) + 1;
}

/*
 * cache: entries on disk, their keys and the check of the files they read
 * (see cache.h). The state of each file is read once per run, however many
 * units include it (a system header is included by most of them).
 */
#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

#include "../frontend/frontend.h"
#include "../support/files.h"
#include "../support/text.h"
#include "../support/xalloc.h"
#include "cache_codec.h"

/* The entry format; a different one is a foreign entry (a miss). */
static const char ENTRY_MAGIC[16] = "nullproof-cache";
enum { ENTRY_FORMAT = 9, DIGEST_SIZE = 16 };
#define ENTRY_SUFFIX ".npc"
#define TEMPORARY_PREFIX "tmp-"
/* A temporary file this old was left by a run that died. */
enum { STALE_TEMPORARY_SECONDS = 3600 };
/* No entry is larger (a unit's findings and exports are far smaller). */
enum { MAX_ENTRY_BYTES = 256 * 1024 * 1024 };

/* What this run saw of one file. */
struct file_state {
    char *path;
    bool exists;
    long long size;
    long long mtime; /* nanoseconds */
    bool hashed;
    unsigned char hash[DIGEST_SIZE];
};

struct profile_digest {
    const struct job_settings *settings;
    unsigned char digest[DIGEST_SIZE];
};

struct result_cache {
    char *directory;
    long long limit;
    char *working_directory;
    unsigned char tool[DIGEST_SIZE]; /* version, binary, libclang */
    struct profile_digest *profiles;
    int profile_count;
    struct file_state *files;        /* open addressing by path */
    int file_capacity, file_count;
    struct message_list notes;
    struct cache_stats stats;
    unsigned long temporary_counter;
};

static void digest_of(XXH3_state_t *state, unsigned char digest[DIGEST_SIZE])
{
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state));
    memcpy(digest, canonical.digest, DIGEST_SIZE);
}

static void hash_string(XXH3_state_t *state, const char *text)
{
    /* with its terminator (or a lone 0xff for none): "a","bc" differs from "ab","c" */
    if (text)
        XXH3_128bits_update(state, text, strlen(text) + 1);
    else
        XXH3_128bits_update(state, "\xff", 1);
}

static bool hash_file(const char *path, unsigned char digest[DIGEST_SIZE])
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    char buffer[65536];
    ssize_t got;
    while ((got = read(fd, buffer, sizeof buffer)) > 0)
        XXH3_128bits_update(state, buffer, (size_t)got);
    close(fd);
    if (got == 0)
        digest_of(state, digest);
    XXH3_freeState(state);
    return got == 0;
}

static void key_hex(const struct cache_key *key, char hex[2 * DIGEST_SIZE + 1])
{
    for (int i = 0; i < DIGEST_SIZE; i++)
        snprintf(hex + 2 * i, 3, "%02x", key->bytes[i]);
}

static int make_directories(const char *path)
{
    char *copy = xstrdup(path);
    for (char *slash = strchr(copy + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
            free(copy);
            return -1;
        }
        *slash = '/';
    }
    int status = mkdir(copy, 0777) != 0 && errno != EEXIST ? -1 : 0;
    free(copy);
    return status;
}

struct result_cache *cache_open(const char *directory, long long limit,
                                const char *working_directory, char **error)
{
    *error = NULL;
    char *path = directory[0] == '/' || !working_directory
                     ? xstrdup(directory)
                     : text_printf("%s/%s", working_directory, directory);
    path_normalize(path);
    struct stat status;
    const char *problem = NULL;
    if (make_directories(path) != 0 || stat(path, &status) != 0)
        problem = strerror(errno);
    else if (!S_ISDIR(status.st_mode))
        problem = "not a directory";
    else if (access(path, W_OK | X_OK) != 0)
        problem = "not writable";
    if (problem) {
        *error = text_printf("cannot use %s as the result cache: %s", path, problem);
        free(path);
        return NULL;
    }
    struct result_cache *cache = xcalloc(1, sizeof *cache);
    cache->directory = path;
    cache->limit = limit;
    cache->working_directory = working_directory ? xstrdup(working_directory) : NULL;
    message_list_init(&cache->notes);
    /* The binary's own bytes: a development build changes the analysis
     * without changing the version. */
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    hash_string(state, NULLPROOF_VERSION);
    unsigned char binary[DIGEST_SIZE];
    if (hash_file("/proc/self/exe", binary))
        XXH3_128bits_update(state, binary, sizeof binary);
    char *libclang = frontend_version();
    hash_string(state, libclang);
    free(libclang);
    /* where clang looks for headers besides the arguments: a new search path
     * can find another header although no listed file changed */
    static const char *const environment[] = {"CPATH", "C_INCLUDE_PATH", "SDKROOT"};
    for (size_t i = 0; i < sizeof environment / sizeof environment[0]; i++)
        hash_string(state, getenv(environment[i]));
    digest_of(state, cache->tool);
    XXH3_freeState(state);
    return cache;
}

struct message_list *cache_notes(struct result_cache *cache)
{
    return &cache->notes;
}

/* Whether `file` is one of the packs compiled in (their text is the binary's). */
static bool embedded_pack(const char *file)
{
    int count = 0;
    const struct embedded_pack *packs = packs_embedded(&count);
    for (int i = 0; i < count; i++)
        if (strcmp(packs[i].file, file) == 0)
            return true;
    return false;
}

void cache_add_profile(struct result_cache *cache, const struct profile *profile)
{
    char text[PROFILE_DIGEST_SIZE];
    profiles_digest(profile, cache->working_directory, text);
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    hash_string(state, text);
    for (int i = 0; i < profile->packs.pack_count; i++) {
        const char *file = profile->packs.packs[i].file;
        hash_string(state, file);
        unsigned char content[DIGEST_SIZE];
        if (file && !embedded_pack(file) && hash_file(file, content))
            XXH3_128bits_update(state, content, sizeof content);
    }
    cache->profiles = xrealloc(cache->profiles,
                               sizeof *cache->profiles * (size_t)(cache->profile_count + 1));
    struct profile_digest *digest = &cache->profiles[cache->profile_count++];
    digest->settings = &profile->settings;
    digest_of(state, digest->digest);
    XXH3_freeState(state);
}

bool cache_job_key(struct result_cache *cache, const struct job *job, bool whole_program,
                   struct cache_key *key)
{
    if (job->unsaved_count > 0)
        return false;
    const struct profile_digest *profile = NULL;
    for (int i = 0; i < cache->profile_count && !profile; i++)
        if (cache->profiles[i].settings == job->settings)
            profile = &cache->profiles[i];
    if (!profile)
        return false;
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    hash_string(state, ENTRY_MAGIC);
    XXH3_128bits_update(state, cache->tool, sizeof cache->tool);
    XXH3_128bits_update(state, profile->digest, sizeof profile->digest);
    hash_string(state, whole_program ? "whole program" : "single unit");
    hash_string(state, cache->working_directory);
    hash_string(state, job->display_path);
    hash_string(state, job->parse_path);
    hash_string(state, job->absolute_path);
    hash_string(state, job->directory);
    for (int i = 0; i < job->argument_count; i++)
        hash_string(state, job->arguments[i]);
    hash_string(state, job->from_database ? "database" : "command line");
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state));
    memcpy(key->bytes, canonical.digest, sizeof key->bytes);
    XXH3_freeState(state);
    return true;
}

/* The file at `path` as this run sees it (stat'ed once, hashed on demand). */
static struct file_state *file_state(struct result_cache *cache, const char *path)
{
    if (cache->file_count * 2 >= cache->file_capacity) {
        int capacity = cache->file_capacity ? cache->file_capacity * 2 : 1024;
        struct file_state *files = xcalloc((size_t)capacity, sizeof *files);
        for (int i = 0; i < cache->file_capacity; i++) {
            if (!cache->files[i].path)
                continue;
            size_t slot = XXH3_64bits(cache->files[i].path, strlen(cache->files[i].path)) &
                          (size_t)(capacity - 1);
            while (files[slot].path)
                slot = (slot + 1) & (size_t)(capacity - 1);
            files[slot] = cache->files[i];
        }
        free(cache->files);
        cache->files = files;
        cache->file_capacity = capacity;
    }
    size_t mask = (size_t)cache->file_capacity - 1;
    size_t slot = XXH3_64bits(path, strlen(path)) & mask;
    while (cache->files[slot].path && strcmp(cache->files[slot].path, path) != 0)
        slot = (slot + 1) & mask;
    struct file_state *state = &cache->files[slot];
    if (!state->path) {
        state->path = xstrdup(path);
        cache->file_count++;
        struct stat status;
        if (stat(path, &status) == 0 && S_ISREG(status.st_mode)) {
            state->exists = true;
            state->size = (long long)status.st_size;
            state->mtime = (long long)status.st_mtim.tv_sec * 1000000000LL +
                           status.st_mtim.tv_nsec;
        }
    }
    return state;
}

static bool file_hash(struct file_state *state, unsigned char hash[DIGEST_SIZE])
{
    if (!state->exists)
        return false;
    if (!state->hashed) {
        if (!hash_file(state->path, state->hash)) {
            state->exists = false;
            return false;
        }
        state->hashed = true;
    }
    memcpy(hash, state->hash, DIGEST_SIZE);
    return true;
}

/* `file`, as the front end named it for `job`, as an absolute path. */
static char *absolute_input(const struct result_cache *cache, const struct job *job,
                            const char *file)
{
    char *path;
    if (file[0] == '/')
        path = xstrdup(file);
    else if (job->directory && job->directory[0] == '/')
        path = text_printf("%s/%s", job->directory, file);
    else if (job->directory && cache->working_directory)
        path = text_printf("%s/%s/%s", cache->working_directory, job->directory, file);
    else if (cache->working_directory)
        path = text_printf("%s/%s", cache->working_directory, file);
    else
        path = xstrdup(file);
    path_normalize(path);
    return path;
}

static char *main_file(const struct result_cache *cache, const struct job *job)
{
    return absolute_input(cache, job, job->absolute_path ? job->absolute_path : job->parse_path);
}

static char *entry_path(const struct result_cache *cache, const struct cache_key *key)
{
    char hex[2 * DIGEST_SIZE + 1];
    key_hex(key, hex);
    return text_printf("%s/%s" ENTRY_SUFFIX, cache->directory, hex);
}

static void note(struct result_cache *cache, const struct job *job, const char *path,
                 const char *problem)
{
    message_add(&cache->notes, MESSAGE_VERBOSE, "cache: ignored %s (%s): %s", path,
                job->display_path, problem);
}

/* The header and the checksum: the part of an entry that says whether it
 * is one of ours, whole, for `key`. On success `in` is at the body. */
static const char *check_envelope(const char *text, size_t length, const struct cache_key *key,
                                  struct codec_reader *in)
{
    if (length < sizeof ENTRY_MAGIC + 8 + DIGEST_SIZE + 8 ||
        memcmp(text, ENTRY_MAGIC, sizeof ENTRY_MAGIC) != 0)
        return "not a nullproof cache entry";
    uint64_t checksum = 0;
    for (int i = 0; i < 8; i++)
        checksum |= (uint64_t)(unsigned char)text[length - 8 + (size_t)i] << (8 * i);
    in->cursor = (const unsigned char *)text + sizeof ENTRY_MAGIC;
    in->end = (const unsigned char *)text + length - 8;
    in->failed = false;
    if (codec_get_u64(in) != ENTRY_FORMAT)
        return "written by another version of the cache format";
    if (XXH3_64bits(text, length - 8) != checksum)
        return "damaged (its checksum does not match)";
    const unsigned char *stored_key = codec_get_bytes(in, DIGEST_SIZE);
    if (!stored_key || memcmp(stored_key, key->bytes, DIGEST_SIZE) != 0)
        return "its key is not its name";
    return NULL;
}

/* Whether the files the entry lists are as they were; `in` moves past them. */
static bool inputs_unchanged(struct result_cache *cache, struct codec_reader *in,
                             struct arena *scratch)
{
    int count = (int)codec_get_u64(in);
    bool same = !in->failed && count >= 0;
    for (int i = 0; i < count && !in->failed; i++) {
        const char *path = codec_get_string(in, scratch);
        long long size = (long long)codec_get_u64(in);
        long long mtime = (long long)codec_get_u64(in);
        const unsigned char *hash = codec_get_bytes(in, DIGEST_SIZE);
        if (!same || !path || !hash)
            continue; /* read on, to the end of the list */
        struct file_state *state = file_state(cache, path);
        unsigned char now[DIGEST_SIZE];
        if (!state->exists || state->size != size)
            same = false;
        else if (state->mtime != mtime && (!file_hash(state, now) ||
                                           memcmp(now, hash, DIGEST_SIZE) != 0))
            same = false;
    }
    return same && !in->failed;
}

struct cache_entry *cache_lookup(struct result_cache *cache, const struct job *job,
                                 const struct cache_key *key)
{
    char *path = entry_path(cache, key);
    char *text = NULL;
    size_t length = 0;
    enum read_status status = read_whole_file(path, MAX_ENTRY_BYTES, &text, &length);
    if (status != READ_OK) {
        if (status != READ_CANNOT_OPEN || errno != ENOENT)
            note(cache, job, path, status == READ_TOO_LARGE ? "too large" : "cannot be read");
        free(text);
        free(path);
        return NULL;
    }
    struct codec_reader in;
    const char *problem = check_envelope(text, length, key, &in);
    struct cache_entry *entry = NULL;
    if (!problem) {
        struct arena scratch;
        arena_init(&scratch);
        bool unchanged = inputs_unchanged(cache, &in, &scratch);
        arena_free(&scratch);
        if (in.failed)
            problem = "damaged (its list of files)";
        if (unchanged && !problem) {
            entry = xcalloc(1, sizeof *entry);
            arena_init(&entry->arena);
            cited_files_init(&entry->cited);
            finding_list_init(&entry->findings, &entry->arena);
            message_list_init(&entry->messages);
            uint64_t flags = codec_get_u64(&in);
            entry->parsed = flags & 1;
            entry->has_exports = (flags >> 1) & 1;
            entry->has_findings = (flags >> 2) & 1;
            entry->clang_error_count = (int)codec_get_u64(&in);
            const unsigned char *imports = codec_get_bytes(&in, DIGEST_SIZE);
            if (imports)
                memcpy(entry->imports, imports, DIGEST_SIZE);
            codec_get_cited(&in, &entry->cited);
            if (entry->has_exports)
                codec_get_exports(&in, &entry->arena, &entry->exports);
            const unsigned char *results = in.cursor;
            /* decoded once here to know they are whole, again into the output */
            if (entry->has_findings)
                codec_get_findings(&in, &entry->findings);
            codec_get_messages(&in, &entry->messages);
            if (!in.failed) {
                entry->result_length = (size_t)(in.cursor - results);
                unsigned char *copy = arena_alloc(&entry->arena, entry->result_length + 1);
                memcpy(copy, results, entry->result_length);
                entry->results = copy;
            }
            if (in.failed || in.cursor != in.end) {
                problem = "damaged (its contents)";
                cache_entry_free(entry);
                entry = NULL;
            }
        }
    }
    if (problem)
        note(cache, job, path, problem);
    if (entry) /* the age that eviction goes by is the last use */
        utimensat(AT_FDCWD, path, NULL, 0);
    free(text);
    free(path);
    return entry;
}

void cache_entry_results(const struct cache_entry *entry, struct finding_list *findings,
                         struct message_list *messages)
{
    struct codec_reader in = {entry->results, entry->results + entry->result_length, false};
    if (entry->has_findings)
        codec_get_findings(&in, findings);
    codec_get_messages(&in, messages);
}

void cache_entry_free(struct cache_entry *entry)
{
    if (!entry)
        return;
    message_list_free(&entry->messages);
    cited_files_free(&entry->cited);
    arena_free(&entry->arena);
    free(entry);
}

static void put_input(struct result_cache *cache, struct string_buffer *out, const char *path)
{
    struct file_state *state = file_state(cache, path);
    unsigned char hash[DIGEST_SIZE] = {0};
    bool readable = file_hash(state, hash);
    codec_put_string(out, path);
    /* a file that cannot be read now never matches: size -1 */
    codec_put_u64(out, (uint64_t)(readable ? state->size : -1));
    codec_put_u64(out, (uint64_t)state->mtime);
    codec_put_bytes(out, hash, DIGEST_SIZE);
}

static bool write_all(int fd, const char *data, size_t length)
{
    while (length > 0) {
        ssize_t written = write(fd, data, length);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += written;
        length -= (size_t)written;
    }
    return true;
}

void cache_store(struct result_cache *cache, const struct job *job, const struct cache_key *key,
                 const struct cache_record *record)
{
    struct string_buffer out;
    string_buffer_init(&out);
    codec_put_bytes(&out, ENTRY_MAGIC, sizeof ENTRY_MAGIC);
    codec_put_u64(&out, ENTRY_FORMAT);
    codec_put_bytes(&out, key->bytes, DIGEST_SIZE);
    codec_put_u64(&out, (uint64_t)record->include_count + 1);
    char *main = main_file(cache, job);
    put_input(cache, &out, main);
    free(main);
    for (int i = 0; i < record->include_count; i++) {
        char *path = absolute_input(cache, job, record->includes[i]);
        put_input(cache, &out, path);
        free(path);
    }
    codec_put_u64(&out, (uint64_t)record->parsed | (uint64_t)(record->exports != NULL) << 1 |
                            (uint64_t)(record->findings != NULL) << 2);
    codec_put_u64(&out, (uint64_t)record->clang_error_count);
    static const unsigned char none[DIGEST_SIZE];
    codec_put_bytes(&out, record->exports && record->imports ? record->imports : none,
                    DIGEST_SIZE);
    struct cited_files no_files;
    cited_files_init(&no_files);
    codec_put_cited(&out, record->exports && record->cited ? record->cited : &no_files);
    cited_files_free(&no_files);
    if (record->exports)
        codec_put_bytes(&out, record->exports->data, record->exports->length);
    if (record->findings)
        codec_put_findings(&out, record->findings);
    codec_put_messages(&out, record->messages);
    codec_put_u64(&out, XXH3_64bits(out.data, out.length));

    char hex[2 * DIGEST_SIZE + 1];
    key_hex(key, hex);
    char *temporary = text_printf("%s/" TEMPORARY_PREFIX "%ld-%lu-%s", cache->directory,
                                  (long)getpid(), cache->temporary_counter++, hex);
    char *path = entry_path(cache, key);
    int fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    bool written = fd >= 0 && write_all(fd, out.data, out.length);
    if (fd >= 0 && close(fd) != 0)
        written = false;
    if (written && rename(temporary, path) == 0) {
        cache->stats.stored++;
    } else {
        message_add(&cache->notes, MESSAGE_VERBOSE, "cache: cannot write %s: %s", path,
                    strerror(errno));
        if (fd >= 0)
            unlink(temporary);
    }
    free(temporary);
    free(path);
    string_buffer_free(&out);
}

void cache_count(struct result_cache *cache, int hits, int misses, int reanalysed)
{
    cache->stats.hits += hits;
    cache->stats.misses += misses;
    cache->stats.reanalysed += reanalysed;
}

struct entry_file {
    char *path;
    long long size;
    long long mtime;
};

static int compare_age(const void *left, const void *right)
{
    const struct entry_file *a = left, *b = right;
    if (a->mtime != b->mtime)
        return a->mtime < b->mtime ? -1 : 1;
    return strcmp(a->path, b->path);
}

static bool has_suffix(const char *name, const char *suffix)
{
    size_t length = strlen(name), suffix_length = strlen(suffix);
    return length > suffix_length && strcmp(name + length - suffix_length, suffix) == 0;
}

/* The oldest entries go until the directory fits its bound; temporary
 * files of runs that died long ago go too. */
static void evict(struct result_cache *cache)
{
    DIR *directory = opendir(cache->directory);
    if (!directory)
        return;
    struct entry_file *files = NULL;
    int count = 0, capacity = 0;
    long long total = 0;
    time_t now = time(NULL);
    struct dirent *item;
    while ((item = readdir(directory)) != NULL) {
        bool entry = has_suffix(item->d_name, ENTRY_SUFFIX);
        bool temporary = strncmp(item->d_name, TEMPORARY_PREFIX, strlen(TEMPORARY_PREFIX)) == 0;
        if (!entry && !temporary)
            continue;
        char *path = text_printf("%s/%s", cache->directory, item->d_name);
        struct stat status;
        if (stat(path, &status) != 0 || !S_ISREG(status.st_mode)) {
            free(path);
            continue;
        }
        if (temporary) {
            if (now - status.st_mtime > STALE_TEMPORARY_SECONDS)
                unlink(path);
            free(path);
            continue;
        }
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 256;
            files = xrealloc(files, sizeof *files * (size_t)capacity);
        }
        files[count++] = (struct entry_file){
            path, (long long)status.st_size,
            (long long)status.st_mtim.tv_sec * 1000000000LL + status.st_mtim.tv_nsec};
        total += (long long)status.st_size;
    }
    closedir(directory);
    if (total > cache->limit && count > 0)
        qsort(files, (size_t)count, sizeof *files, compare_age);
    for (int i = 0; i < count && total > cache->limit; i++) {
        if (unlink(files[i].path) == 0 || errno == ENOENT) {
            total -= files[i].size;
            cache->stats.evicted++;
        }
    }
    for (int i = 0; i < count; i++)
        free(files[i].path);
    free(files);
    cache->stats.size = total;
}

void cache_close(struct result_cache *cache, struct cache_stats *stats,
                 struct message_list *notes)
{
    if (!cache)
        return;
    evict(cache);
    if (stats)
        *stats = cache->stats;
    for (int i = 0; notes && i < cache->notes.count; i++)
        message_add(notes, cache->notes.items[i].kind, "%s", cache->notes.items[i].text);
    for (int i = 0; i < cache->file_capacity; i++)
        free(cache->files[i].path);
    free(cache->files);
    message_list_free(&cache->notes);
    free(cache->profiles);
    free(cache->working_directory);
    free(cache->directory);
    free(cache);
}

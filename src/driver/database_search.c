/*
 * database_search: the upward search and its per-directory cache. Loading
 * and reading a database is compile_db's job.
 */
#include "database_search.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sources.h"
#include "../support/xalloc.h"
#include "../support/heap_array.h"

struct searched_directory {
    char *directory;
    struct compile_database *database; /* borrowed from `loaded`; NULL: none */
};

struct database_search {
    struct searched_directory *directories;
    int directory_count;
    int directory_capacity;
    struct compile_database **loaded;
    int loaded_count;
};

struct database_search *database_search_create(void)
{
    struct database_search *search = xcalloc(1, sizeof *search);
    return search;
}

static bool cached(const struct database_search *search, const char *directory,
                   struct compile_database **database)
{
    for (int i = 0; i < search->directory_count; i++) {
        if (strcmp(search->directories[i].directory, directory) == 0) {
            *database = search->directories[i].database;
            return true;
        }
    }
    return false;
}

static void remember(struct database_search *search, const char *directory,
                     struct compile_database *database)
{
    search->directories = heap_array_reserve(search->directories, &search->directory_capacity, search->directory_count + 1, sizeof *search->directories);
    char *copy = xstrdup(directory);
    search->directories[search->directory_count].directory = copy;
    search->directories[search->directory_count].database = database;
    search->directory_count++;
}

static bool is_file(const char *path)
{
    struct stat status;
    return stat(path, &status) == 0 && S_ISREG(status.st_mode);
}

/* Looks in `directory` and `directory`/build. Returns true when a database
 * file is there (loaded into *database, or NULL when it failed to load). */
static bool look_in(struct database_search *search, const char *directory,
                    struct compile_database **database, struct message_list *messages)
{
    static const char *const places[] = {".", "build"};
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
        char *folder = strcmp(places[i], ".") == 0 ? xstrdup(directory)
                                                   : source_join_path(directory, places[i]);
        char *file = source_join_path(folder, "compile_commands.json");
        bool found = is_file(file);
        free(file);
        if (found) {
            char *error = NULL;
            *database = compile_database_load(folder, &error);
            if (*database) {
                search->loaded =
                    xrealloc(search->loaded,
                             (size_t)(search->loaded_count + 1) * sizeof *search->loaded);
                search->loaded[search->loaded_count++] = *database;
            } else {
                message_add_owned(messages, MESSAGE_ERROR,
                                  error ? error : strdup("cannot load compile_commands.json"));
            }
        }
        free(folder);
        if (found)
            return true;
    }
    return false;
}

/* The parent of an absolute directory ("/a/b" -> "/a", "/a" -> "/"), in place. */
static void to_parent(char *directory)
{
    char *slash = strrchr(directory, '/');
    if (slash)
        slash[slash == directory ? 1 : 0] = '\0';
}

const struct compile_database *database_search_find(struct database_search *search,
                                                    const char *absolute_path,
                                                    struct message_list *messages)
{
    if (absolute_path[0] != '/')
        return NULL;
    char *directory = xstrdup(absolute_path);
    to_parent(directory);
    /* Walk up, remembering each directory passed; they all share the answer. */
    int first_new = search->directory_count;
    struct compile_database *database = NULL;
    for (;;) {
        if (cached(search, directory, &database))
            break;
        remember(search, directory, NULL);
        if (look_in(search, directory, &database, messages) || strcmp(directory, "/") == 0)
            break;
        to_parent(directory);
    }
    for (int i = first_new; i < search->directory_count; i++)
        search->directories[i].database = database;
    free(directory);
    return database;
}

void database_search_free(struct database_search *search)
{
    if (!search)
        return;
    for (int i = 0; i < search->directory_count; i++)
        free(search->directories[i].directory);
    free(search->directories);
    for (int i = 0; i < search->loaded_count; i++)
        compile_database_free(search->loaded[i]);
    free(search->loaded);
    free(search);
}

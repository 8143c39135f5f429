/*
 * compile_db: compile_commands.json through libclang's
 * CXCompilationDatabase. jansson only checks that the file is a JSON array
 * of entries before libclang reads it (libclang would print its own error
 * to stderr on a malformed file); the entries themselves are read by
 * libclang. Arguments are filtered here so the parse writes no files.
 */
#include "compile_db.h"

#include <clang-c/CXCompilationDatabase.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "maps.h"
#include "../support/text.h"
#include "../support/xalloc.h"
#include "../support/files.h"

struct compile_database {
    char *directory;
    struct compile_command *commands;
    int count;
    struct name_map by_file; /* first entry of each file */
};

static char *copy(const char *text)
{
    char *result = xstrdup(text ? text : "");
    return result;
}

/* `path` made absolute against `directory`, with "." / ".." / "//"
 * removed textually (for files that do not exist). */
static char *normalise(const char *directory, const char *path)
{
    char *joined = path[0] == '/' || !directory ? text_printf("%s", path)
                                                : text_printf("%s/%s", directory, path);
    char *result = xmalloc(strlen(joined) + 2);
    size_t length = 0;
    const char *segment = joined;
    while (*segment) {
        while (*segment == '/')
            segment++;
        const char *end = segment;
        while (*end && *end != '/')
            end++;
        size_t size = (size_t)(end - segment);
        if (size == 0 || (size == 1 && segment[0] == '.')) {
            /* nothing */
        } else if (size == 2 && segment[0] == '.' && segment[1] == '.') {
            while (length > 0 && result[length - 1] != '/')
                length--;
            if (length > 0)
                length--;
        } else {
            result[length++] = '/';
            memcpy(result + length, segment, size);
            length += size;
        }
        segment = end;
    }
    if (length == 0)
        result[length++] = '/';
    result[length] = 0;
    free(joined);
    return result;
}

/* Absolute (against `directory`, or the current directory when NULL) and
 * normalised; symbolic links resolved when the file exists. */
static char *absolute_path(const char *directory, const char *path)
{
    char current[PATH_MAX];
    if (!directory && path[0] != '/')
        directory = getcwd(current, sizeof current) ? current : "/";
    char *normalised = normalise(directory, path);
    char resolved[PATH_MAX];
    if (realpath(normalised, resolved)) {
        free(normalised);
        return copy(resolved);
    }
    return normalised;
}

static bool in_list(const char *argument, const char *const *list)
{
    for (int i = 0; list[i]; i++) {
        if (strcmp(argument, list[i]) == 0)
            return true;
    }
    return false;
}

static bool has_prefix(const char *argument, const char *const *list)
{
    for (int i = 0; list[i]; i++) {
        if (strncmp(argument, list[i], strlen(list[i])) == 0)
            return true;
    }
    return false;
}

char **compile_command_filter(const char *const *argv, int argc, const char *directory,
                              const char *source, int *count)
{
    /* flags that make the compiler write files (libclang honours -MD/-MF)
     * or turn clang's own warnings into errors */
    static const char *const drop[] = {"-c", "-MD", "-MMD", "-MP", "-M", "-MM",
                                       "-Werror", "-pedantic-errors", NULL};
    static const char *const drop_with_value[] = {"-o", "-MF", "-MT", "-MQ", NULL};
    static const char *const drop_prefix[] = {"-o", "-MF", "-MT", "-MQ", "-Werror=", NULL};
    char **result = xmalloc(((size_t)(argc > 0 ? argc : 0) + 2) * sizeof *result);
    int stored = 0;
    if (directory)
        result[stored++] = text_printf("-working-directory=%s", directory);
    for (int i = 1; i < argc; i++) {
        const char *argument = argv[i];
        if (!argument)
            continue;
        if (in_list(argument, drop_with_value)) {
            i++; /* and its value */
            continue;
        }
        if (in_list(argument, drop) || has_prefix(argument, drop_prefix))
            continue;
        if (argument[0] != '-' && source) {
            char *path = absolute_path(directory, argument);
            bool is_source = strcmp(path, source) == 0;
            free(path);
            if (is_source)
                continue;
        }
        result[stored++] = copy(argument);
    }
    *count = stored;
    return result;
}

static void free_command(struct compile_command *command)
{
    free(command->file);
    free(command->spelled);
    free(command->directory);
    for (int i = 0; i < command->argument_count; i++)
        free(command->arguments[i]);
    free(command->arguments);
}

void compile_database_free(struct compile_database *database)
{
    if (!database)
        return;
    for (int i = 0; i < database->count; i++)
        free_command(&database->commands[i]);
    free(database->commands);
    free(database->directory);
    name_map_free(&database->by_file);
    free(database);
}

/* Checks the JSON shape first so that a broken file is our error message,
 * not a LIBCLANG TOOLING ERROR line on stderr. */
static char *check_json(const char *file, const char *directory)
{
    char *unreadable = file_unreadable(file);
    if (unreadable) {
        char *message = text_printf("cannot read %s: %s", file, unreadable);
        free(unreadable);
        return message;
    }
    json_error_t problem;
    json_t *root = json_load_file(file, 0, &problem);
    if (!root && problem.line < 0) /* jansson could not open or read it */
        return text_printf("cannot read %s: %s", file, problem.text);
    if (!root)
        return text_printf("cannot read %s: not a valid compilation database (line %d: %s)", file,
                           problem.line, problem.text);
    char *error = NULL;
    if (!json_is_array(root)) {
        error = text_printf("cannot read %s: not a valid compilation database (not a JSON array)",
                       file);
    } else if (json_array_size(root) == 0) {
        error = text_printf("compile_commands.json in %s has no entries", directory);
    } else {
        for (size_t i = 0; i < json_array_size(root) && !error; i++) {
            json_t *entry = json_array_get(root, i);
            if (!json_is_object(entry) || !json_is_string(json_object_get(entry, "directory")) ||
                !json_is_string(json_object_get(entry, "file")) ||
                (!json_is_string(json_object_get(entry, "command")) &&
                 !json_is_array(json_object_get(entry, "arguments"))))
                error = text_printf("cannot read %s: not a valid compilation database (entry %zu needs "
                               "\"directory\", \"file\" and \"command\" or \"arguments\")",
                               file, i + 1);
        }
    }
    json_decref(root);
    return error;
}

static char *string_of(CXString string)
{
    char *result = copy(clang_getCString(string));
    clang_disposeString(string);
    return result;
}

static void add_command(struct compile_database *database, CXCompileCommand command)
{
    struct compile_command *entry = &database->commands[database->count];
    char *directory = string_of(clang_CompileCommand_getDirectory(command));
    entry->directory = absolute_path(database->directory, directory);
    free(directory);
    char *file = string_of(clang_CompileCommand_getFilename(command));
    entry->file = absolute_path(entry->directory, file);
    entry->spelled = file[0] == '/' ? copy(file) : text_printf("%s/%s", entry->directory, file);
    free(file);
    int argc = (int)clang_CompileCommand_getNumArgs(command);
    char **argv = xmalloc(((size_t)argc + 1) * sizeof *argv);
    for (int i = 0; i < argc; i++)
        argv[i] = string_of(clang_CompileCommand_getArg(command, (unsigned)i));
    entry->arguments = compile_command_filter((const char *const *)argv, argc, entry->directory,
                                              entry->file, &entry->argument_count);
    for (int i = 0; i < argc; i++)
        free(argv[i]);
    free(argv);
    name_map_insert(&database->by_file, entry->file, database->count);
    database->count++;
}

struct compile_database *compile_database_load(const char *path, char **error)
{
    *error = NULL;
    struct stat status;
    if (stat(path, &status) != 0) {
        *error = text_printf("cannot find a compilation database at %s: %s", path, strerror(errno));
        return NULL;
    }
    char *directory;
    if (S_ISDIR(status.st_mode)) {
        directory = absolute_path(NULL, path);
    } else {
        const char *slash = strrchr(path, '/');
        const char *name = slash ? slash + 1 : path;
        if (strcmp(name, "compile_commands.json") != 0) {
            *error = text_printf("%s: expected a directory or a file named compile_commands.json",
                            path);
            return NULL;
        }
        char *parent = slash ? text_printf("%.*s", (int)(slash - path), path) : copy(".");
        directory = absolute_path(NULL, parent[0] ? parent : "/");
        free(parent);
    }
    char *file = text_printf("%s/compile_commands.json", strcmp(directory, "/") ? directory : "");
    if (stat(file, &status) != 0) {
        *error = text_printf("no compile_commands.json in %s", directory);
        free(file);
        free(directory);
        return NULL;
    }
    *error = check_json(file, directory);
    if (*error) {
        free(file);
        free(directory);
        return NULL;
    }
    CXCompilationDatabase_Error status_code = CXCompilationDatabase_NoError;
    CXCompilationDatabase loaded = clang_CompilationDatabase_fromDirectory(directory, &status_code);
    if (!loaded || status_code != CXCompilationDatabase_NoError) {
        if (loaded)
            clang_CompilationDatabase_dispose(loaded);
        *error = text_printf("cannot read %s: not a valid compilation database", file);
        free(file);
        free(directory);
        return NULL;
    }
    free(file);
    CXCompileCommands commands = clang_CompilationDatabase_getAllCompileCommands(loaded);
    unsigned size = commands ? clang_CompileCommands_getSize(commands) : 0;
    if (size == 0) {
        *error = text_printf("compile_commands.json in %s has no entries", directory);
        if (commands)
            clang_CompileCommands_dispose(commands);
        clang_CompilationDatabase_dispose(loaded);
        free(directory);
        return NULL;
    }
    struct compile_database *database = xcalloc(1, sizeof *database);
    database->directory = directory;
    name_map_init(&database->by_file);
    database->commands = xcalloc(size, sizeof *database->commands);
    for (unsigned i = 0; i < size; i++)
        add_command(database, clang_CompileCommands_getCommand(commands, i));
    clang_CompileCommands_dispose(commands);
    clang_CompilationDatabase_dispose(loaded);
    return database;
}

const char *compile_database_directory(const struct compile_database *database)
{
    return database->directory;
}

int compile_database_count(const struct compile_database *database)
{
    return database->count;
}

const struct compile_command *compile_database_entry(const struct compile_database *database,
                                                     int index)
{
    if (index < 0 || index >= database->count)
        return NULL;
    return &database->commands[index];
}

const struct compile_command *compile_database_find(const struct compile_database *database,
                                                    const char *file)
{
    int *index = name_map_find(&database->by_file, file);
    if (!index) {
        char *absolute = absolute_path(NULL, file);
        index = name_map_find(&database->by_file, absolute);
        free(absolute);
    }
    return index ? &database->commands[*index] : NULL;
}

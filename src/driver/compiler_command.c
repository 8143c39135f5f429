/*
 * compiler_command: recognising a compiler by its name (or as an
 * executable file) and delegating the filtering to the front end's
 * compile_command_filter, which compile_commands.json entries go through.
 */
#include "compiler_command.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../frontend/compile_db.h"

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool in_list(const char *name, size_t length, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == length && strncmp(name, list[i], length) == 0)
            return true;
    return false;
}

/* "x86_64-linux-gnu-gcc-12" -> "gcc": drops a version suffix made of
 * digits and dots, then keeps what follows the last '-'. */
static bool is_compiler_name(const char *word)
{
    static const char *const compilers[] = {"cc",  "gcc", "clang", "c89",  "c99",   "c11",
                                            "c17", "tcc", "icc",   "icx",  "mpicc", "pcc",
                                            "cproc", NULL};
    const char *name = base_name(word);
    size_t length = strlen(name);
    size_t end = length;
    while (end > 0 && (name[end - 1] == '.' || (name[end - 1] >= '0' && name[end - 1] <= '9')))
        end--;
    if (end < length && end > 0 && name[end - 1] == '-')
        length = end - 1;
    size_t start = length;
    while (start > 0 && name[start - 1] != '-')
        start--;
    return in_list(name + start, length - start, compilers);
}

static bool is_launcher(const char *word)
{
    static const char *const launchers[] = {"ccache", "distcc", "sccache", "icecc", NULL};
    const char *name = base_name(word);
    return in_list(name, strlen(name), launchers);
}

static bool is_executable_file(const char *word)
{
    struct stat status;
    size_t length = strlen(word);
    bool is_source = length > 2 && strcmp(word + length - 2, ".c") == 0;
    return !is_source && stat(word, &status) == 0 && S_ISREG(status.st_mode) &&
           access(word, X_OK) == 0;
}

bool compiler_command_recognise(const char *const *arguments, int count, int *compiler_index)
{
    int index = 0;
    while (index < count && is_launcher(arguments[index]))
        index++;
    if (index >= count || arguments[index][0] == '-')
        return false;
    if (!is_compiler_name(arguments[index]) && !is_executable_file(arguments[index]))
        return false;
    *compiler_index = index;
    return true;
}

char **compiler_command_arguments(const char *const *arguments, int count, int compiler_index,
                                  const char *directory, const char *source, int *result_count)
{
    return compile_command_filter(arguments + compiler_index, count - compiler_index, directory,
                                  source, result_count);
}

void compiler_command_free(char **arguments, int count)
{
    if (!arguments)
        return;
    for (int i = 0; i < count; i++)
        free(arguments[i]);
    free(arguments);
}

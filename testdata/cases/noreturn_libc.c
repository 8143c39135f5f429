/* Library calls that never return end the path: exit, _Exit, abort, err and
 * errx. A NULL test followed by one of them guards the rest of the function. */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct settings {
    char *cache_dir;
    int threads;
};

/* must stay silent */

struct settings *settings_new(void)
{
    struct settings *settings = malloc(sizeof *settings);
    if (settings == NULL) {
        perror("malloc");
        exit(EXIT_FAILURE);
    }
    settings->threads = 1;
    settings->cache_dir = NULL;
    return settings;
}

void settings_set_cache(struct settings *settings, const char *dir)
{
    settings->cache_dir = strdup(dir);
    if (!settings->cache_dir)
        abort();
    settings->cache_dir[0] = '/';
}

size_t home_length(void)
{
    const char *home = getenv("HOME");
    if (home == NULL)
        errx(2, "HOME is not set");
    return strlen(home);
}

FILE *open_or_die(const char *path)
{
    FILE *file = fopen(path, "r");
    if (file == NULL)
        err(1, "%s", path);
    fseek(file, 0, SEEK_SET);
    return file;
}

void child_setup(const char *dir)
{
    char *copy = strdup(dir);
    if (copy == NULL)
        _Exit(127);
    copy[0] = '/';
    free(copy);
}

/* warn and warnx return: the path goes on with the NULL. */

size_t shell_length(void)
{
    const char *shell = getenv("SHELL");
    if (shell == NULL)
        warnx("SHELL is not set");
    return strlen(shell); // expect: null-deref
}

struct settings *settings_new_warn(void)
{
    struct settings *settings = malloc(sizeof *settings);
    if (settings == NULL)
        warn("malloc");
    settings->threads = 1; // expect: null-deref
    return settings;
}

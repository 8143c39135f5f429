/* GNU error(status, errnum, format, ...) exits with `status` unless it is
 * 0, the way GNU programs (cpio, tar, coreutils) report a fatal failure:
 * `if (tty == NULL) error (PAXEXIT_FAILURE, errno, TTY_NAME);`. With
 * status 0 it only prints, and the code goes on. */
#include <errno.h>
#include <error.h>
#include <stdio.h>
#include <stdlib.h>

#define PAXEXIT_FAILURE 2

void ask_for_next_volume(const char *tty_name)
{
    FILE *tty = fopen(tty_name, "r");
    if (tty == NULL)
        error(PAXEXIT_FAILURE, errno, "%s", tty_name);
    fgetc(tty);
    fclose(tty);
}

void read_config_line(const char *path, char *line, int size)
{
    FILE *config = fopen(path, "r");
    if (!config)
        error_at_line(EXIT_FAILURE, errno, path, 1, "cannot open");
    fgets(line, size, config);
    fclose(config);
}

/* A status the path has tested is not 0 either. */
void open_or_fail(const char *path, int status)
{
    if (status == 0)
        return;
    FILE *stream = fopen(path, "r");
    if (!stream)
        error(status, errno, "%s", path);
    fclose(stream);
}

/* A wrapper whose every path ends in error(1, ...) never returns. */
static void fatal(const char *what)
{
    error(1, errno, "%s", what);
}

void open_log(const char *path)
{
    FILE *log = fopen(path, "a");
    if (!log)
        fatal(path);
    fputs("started\n", log);
    fclose(log);
}

void warn_only(const char *path)
{
    FILE *stream = fopen(path, "r");
    if (stream == NULL)
        error(0, errno, "%s", path);
    fgetc(stream); // expect: null-deref
}

void status_unknown(const char *path, int status)
{
    FILE *stream = fopen(path, "r");
    if (stream == NULL)
        error(status, errno, "%s", path);
    fgetc(stream); // expect: null-deref
}

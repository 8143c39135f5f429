/* What a callee writes to globals only on paths that end in exit() no
 * caller sees: bzip2's copyFileName() sets the exit status and exits when
 * a name is too long, so the caller's global mode, tested with the pointer
 * before the call, is still known after it. A callee that writes the mode
 * and returns makes the caller forget it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum mode { FROM_STDIN = 1, FILE_TO_FILE = 3 };

static enum mode source_mode;
static int exit_value;
static char input_name[1024];
static char output_name[1024];

static void set_exit(int value)
{
    if (value > exit_value)
        exit_value = value;
}

static void copy_name(char *to, const char *from)
{
    if (strlen(from) > sizeof input_name - 10) {
        fprintf(stderr, "name too long\n");
        set_exit(1);
        exit(exit_value);
    }
    strncpy(to, from, sizeof input_name - 1);
}

static void fail_usage(const char *why)
{
    set_exit(2);
    fprintf(stderr, "%s\n", why);
    exit(exit_value);
}

void test_file(const char *name)
{
    if (name == NULL && source_mode != FROM_STDIN)
        fail_usage("bad modes");
    copy_name(output_name, "(none)");
    switch (source_mode) {
    case FROM_STDIN:
        copy_name(input_name, "(stdin)");
        break;
    case FILE_TO_FILE:
        copy_name(input_name, name);
        break;
    }
}

/* must be reported */

static void reset_mode(void)
{
    source_mode = FILE_TO_FILE;
}

void test_after_reset(const char *name)
{
    if (name == NULL && source_mode != FROM_STDIN)
        fail_usage("bad modes");
    reset_mode();
    if (source_mode == FILE_TO_FILE)
        copy_name(input_name, name); // expect: null-deref
}

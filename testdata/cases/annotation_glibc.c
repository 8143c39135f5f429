/* glibc's own annotations in the system headers: __nonnull((...)) on
 * stat, qsort, unlink and execv makes their arguments sinks without any
 * pack entry; __wur (warn_unused_result) and __attribute_malloc__ say
 * nothing about NULL and add nothing. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

long config_size(void)
{
    struct stat status;
    if (stat(getenv("APP_CONFIG"), &status) != 0) // expect: unchecked-lookup
        return -1;
    return (long)status.st_size;
}

static int compare_ints(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

void sort_copy(const int *values, size_t count)
{
    int *copy = malloc(count * sizeof *copy);
    memcpy(copy, values, count * sizeof *copy); // expect: unchecked-alloc
    qsort(copy, count, sizeof *copy, compare_ints);
    free(copy);
}

int remove_pid_file(void)
{
    return unlink(getenv("PID_FILE")); // expect: unchecked-lookup
}

int run_editor(char *const arguments[])
{
    return execv(getenv("EDITOR"), arguments); // expect: unchecked-lookup
}

/* must stay silent */

long config_size_checked(void)
{
    const char *path = getenv("APP_CONFIG");
    struct stat status;
    if (path == NULL || stat(path, &status) != 0)
        return -1;
    return (long)status.st_size;
}

/* __wur: the result must be used, which says nothing about NULL */
int working_directory_ok(void)
{
    char buffer[256];
    return getcwd(buffer, sizeof buffer) != NULL;
}

/* strsep wants the address of the cursor; the cursor itself may be NULL */
char *first_field(char *record)
{
    char *cursor = strchr(record, ':');
    return strsep(&cursor, ",");
}

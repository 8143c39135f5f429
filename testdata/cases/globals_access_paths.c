/* Globals are access paths too: a global set from a nullable source is
 * maybe-NULL until tested, and a test guards it until something may change it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct counters {
    long requests;
    long errors;
};

static FILE *log_file;
static const char *banner;
struct counters *global_counters;

/* must stay silent */

int log_open(const char *path)
{
    log_file = fopen(path, "a");
    if (log_file == NULL)
        return -1;
    fputs("log opened\n", log_file);
    return 0;
}

size_t banner_load(void)
{
    banner = getenv("BANNER");
    if (!banner)
        return 0;
    return strlen(banner);
}

int counters_init(void)
{
    global_counters = calloc(1, sizeof *global_counters);
    if (global_counters == NULL)
        return -1;
    global_counters->requests = 0;
    return 0;
}

void count_request(int failed)
{
    if (global_counters == NULL)
        return;
    global_counters->requests++;
    if (failed)
        global_counters->errors++;
}

/* Flagged. */

void log_open_unchecked(const char *path)
{
    log_file = fopen(path, "a");
    fputs("log opened\n", log_file); // expect: unchecked-nullable
}

size_t banner_load_unchecked(void)
{
    banner = getenv("BANNER");
    return strlen(banner); // expect: unchecked-lookup
}

void counters_init_unchecked(void)
{
    global_counters = malloc(sizeof *global_counters);
    global_counters->requests = 0; // expect: unchecked-alloc
    global_counters->errors = 0;
}

void count_error(void)
{
    if (global_counters == NULL)
        fputs("no counters\n", stderr);
    global_counters->errors++; // expect: null-deref
}

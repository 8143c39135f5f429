/* The libc pack's conditional arguments (nonnull-if-nonzero): a buffer
 * of length 0 may be NULL (C2y, N3322), so memcpy(dst, NULL, 0) is fine
 * while a possibly-NULL buffer with a length that may be non-zero is
 * not. A length is zero when it is the constant 0 or known to be 0 on
 * the path (n == 0 tested, m = 0 assigned). And the time functions'
 * struct tm arguments. */
#define _GNU_SOURCE /* getdate */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

char *copy_of(const char *text, size_t length)
{
    char *copy = malloc(length + 1);
    memcpy(copy, text, length); // expect: unchecked-alloc
    copy[length] = 0;
    return copy;
}

void *moved(const void *from, size_t length)
{
    void *to = malloc(length);
    return memmove(to, from, length); // expect: unchecked-alloc
}

void *zeroed(size_t length)
{
    void *block = malloc(length);
    return memset(block, 0, length); // expect: unchecked-alloc
}

int same_prefix(const char *text, const char *prefix, size_t length)
{
    const char *colon = strchr(text, ':');
    return memcmp(colon, prefix, length) == 0; // expect: unchecked-lookup
}

const char *find_byte(const char *name, int c, size_t length)
{
    const char *dot = strchr(name, '.');
    return memchr(dot, c, length); // expect: unchecked-lookup
}

static int by_value(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

void sort_copy(const int *values, size_t count)
{
    int *sorted = malloc(count * sizeof *sorted);
    qsort(sorted, count, sizeof *sorted, by_value); // expect: unchecked-alloc
    free(sorted);
    (void)values;
}

int *find_value(int key, size_t count)
{
    int *table = calloc(count, sizeof *table);
    return bsearch(&key, table, count, sizeof *table, by_value); // expect: unchecked-alloc
}

int format_number(int number)
{
    int length = snprintf(NULL, 0, "%d", number);
    char *text = malloc((size_t)length + 1);
    return snprintf(text, (size_t)length + 1, "%d", number); // expect: unchecked-alloc
}

size_t year_text(time_t when, char *buffer, size_t size)
{
    return strftime(buffer, size, "%Y", localtime(&when)); // expect: unchecked-nullable
}

time_t normalised(const char *text)
{
    struct tm *parsed = getdate(text);
    return mktime(parsed); // expect: unchecked-nullable
}

const char *stamp(time_t when)
{
    return asctime(gmtime(&when)); // expect: unchecked-nullable
}

time_t utc_seconds(time_t when)
{
    return timegm(localtime(&when)); // expect: unchecked-nullable
}

/* must stay silent */

char *copy_of_checked(const char *text, size_t length)
{
    char *copy = malloc(length + 1);
    if (!copy)
        return NULL;
    memcpy(copy, text, length);
    copy[length] = 0;
    return copy;
}

void append_nothing(char *buffer, const char *suffix)
{
    const char *slash = strchr(suffix, '/');
    memcpy(buffer, slash, 0);
}

void *moved_when_empty(const void *from, size_t length)
{
    void *to = malloc(length);
    if (length == 0)
        return memmove(to, from, length);
    free(to);
    return NULL;
}

void *zeroed_nothing(size_t length)
{
    void *block = malloc(length);
    size_t none = 0;
    memset(block, 0, none);
    return block;
}

int same_prefix_checked(const char *text, const char *prefix, size_t length)
{
    const char *colon = strchr(text, ':');
    return colon && memcmp(colon, prefix, length) == 0;
}

const char *find_byte_checked(const char *name, int c, size_t length)
{
    const char *dot = strchr(name, '.');
    return dot ? memchr(dot, c, length) : NULL;
}

void sort_copy_checked(size_t count)
{
    int *sorted = malloc(count * sizeof *sorted);
    if (sorted == NULL)
        return;
    qsort(sorted, count, sizeof *sorted, by_value);
    free(sorted);
}

void sort_nothing(void)
{
    int *none = malloc(16);
    qsort(none, 0, sizeof *none, by_value);
    free(none);
}

int *find_value_checked(int key, size_t count)
{
    int *table = calloc(count, sizeof *table);
    if (!table)
        return NULL;
    return bsearch(&key, table, count, sizeof *table, by_value);
}

int measure_only(int number)
{
    char *unused = malloc(1);
    int length = snprintf(unused, 0, "%d", number);
    free(unused);
    return length;
}

size_t year_text_checked(time_t when, char *buffer, size_t size)
{
    const struct tm *local = localtime(&when);
    return local ? strftime(buffer, size, "%Y", local) : 0;
}

time_t normalised_checked(const char *text)
{
    struct tm *parsed = getdate(text);
    return parsed ? mktime(parsed) : (time_t)-1;
}

const char *stamp_checked(time_t when)
{
    struct tm *utc = gmtime(&when);
    return utc ? asctime(utc) : "?";
}

time_t utc_seconds_checked(time_t when)
{
    struct tm *local = localtime(&when);
    if (!local)
        return (time_t)-1;
    return timegm(local);
}

/* qsort calls the comparison function (calls-back): what it sets in
 * globals is not known after the call */
static const int *largest_seen;

static int by_value_noting(const void *a, const void *b)
{
    largest_seen = a;
    return by_value(a, b);
}

int largest_after_sort(int *values, size_t count)
{
    largest_seen = NULL;
    qsort(values, count, sizeof *values, by_value_noting);
    return *largest_seen;
}

/* Library lookups return NULL for "not found": getenv, strchr, strrchr, strstr,
 * strpbrk, memchr, bsearch and setlocale (which fails only when it sets a
 * locale: setlocale(category, NULL) is a query, C11 7.11.1.1). */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

struct rate {
    int code;
    double value;
};

static int compare_rates(const void *key, const void *element)
{
    const int *code = key;
    const struct rate *rate = element;
    return *code - rate->code;
}

size_t home_length(void)
{
    const char *home = getenv("HOME");
    return strlen(home); // expect: unchecked-lookup
}

void split_key_value(char *line)
{
    char *equals = strchr(line, '=');
    *equals = '\0'; // expect: unchecked-lookup
}

const char *file_extension(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot[1] ? dot + 1 : ""; // expect: unchecked-lookup
}

char header_after_marker(const char *text)
{
    const char *marker = strstr(text, "--");
    return marker[2]; // expect: unchecked-lookup
}

void cut_at_separator(char *field)
{
    char *separator = strpbrk(field, ",;");
    separator[0] = '\0'; // expect: unchecked-lookup
}

void terminate_record(char *record, size_t size)
{
    char *newline = memchr(record, '\n', size);
    *newline = '\0'; // expect: unchecked-lookup
}

double rate_for(const struct rate *table, size_t count, int code)
{
    const struct rate *found = bsearch(&code, table, count, sizeof *table, compare_rates);
    return found->value; // expect: unchecked-lookup
}

size_t chosen_locale_length(void)
{
    const char *locale = setlocale(LC_ALL, "");
    return strlen(locale); // expect: unchecked-lookup
}

/* must stay silent */

size_t current_locale_length(void)
{
    const char *locale = setlocale(LC_ALL, NULL);
    return strlen(locale);
}

size_t home_length_checked(void)
{
    const char *home = getenv("HOME");
    return home ? strlen(home) : 0;
}

int split_key_value_checked(char *line)
{
    char *equals = strchr(line, '=');
    if (equals == NULL)
        return -1;
    *equals = '\0';
    return 0;
}

const char *file_extension_checked(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return "";
    return dot + 1;
}

double rate_for_checked(const struct rate *table, size_t count, int code)
{
    const struct rate *found = bsearch(&code, table, count, sizeof *table, compare_rates);
    if (found == NULL)
        return 1.0;
    return found->value;
}

void terminate_record_checked(char *record, size_t size)
{
    char *newline = memchr(record, '\n', size);
    if (newline != NULL)
        *newline = '\0';
}

/* Comparisons are not uses, and a result nobody reads is not used. */
int has_extension(const char *path)
{
    const char *dot = strrchr(path, '.');
    setlocale(LC_ALL, "");
    return dot != NULL && dot != path;
}

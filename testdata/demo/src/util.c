/* util: allocation wrappers that exit on failure, string helpers, time. */
#include "util.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void die(const char *format, ...)
{
    va_list arguments;
    fputs("contacts: ", stderr);
    va_start(arguments, format);
    vfprintf(stderr, format, arguments);
    va_end(arguments);
    fputc('\n', stderr);
    exit(1);
}

void *xmalloc(size_t size)
{
    void *block = malloc(size);
    if (block == NULL)
        die("out of memory (%zu bytes)", size);
    return block;
}

char *xstrdup(const char *text)
{
    size_t size = strlen(text) + 1;
    char *copy = xmalloc(size);
    memcpy(copy, text, size);
    return copy;
}

char *lower_copy(const char *text)
{
    size_t length = strlen(text);
    char *copy = malloc(length + 1);
    copy[length] = '\0'; // bug: unchecked-alloc
    for (size_t i = 0; i < length; i++)
        copy[i] = (char)tolower((unsigned char)text[i]);
    return copy;
}

char *trim(char *text)
{
    char *end;
    while (isspace((unsigned char)*text))
        text++;
    end = text + strlen(text);
    while (end > text && isspace((unsigned char)end[-1]))
        end--;
    *end = '\0';
    return text;
}

void timestamp(char *out, size_t size, time_t when)
{
    /* localtime() fails for a year beyond int */
    struct tm *local = localtime(&when);
    int year = local->tm_year + 1900; // bug: unchecked-nullable
    snprintf(out, size, "%04d-%02d-%02d %02d:%02d", year, local->tm_mon + 1, local->tm_mday,
             local->tm_hour, local->tm_min);
}

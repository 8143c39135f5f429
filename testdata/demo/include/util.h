/* util: allocation that cannot fail (it exits), small string helpers and
 * the fatal-error exit. */
#ifndef CONTACTS_UTIL_H
#define CONTACTS_UTIL_H

#include <stddef.h>
#include <time.h>

/* Never return NULL: they print a message and exit when memory runs out. */
void *xmalloc(size_t size);
char *xstrdup(const char *text);

/* A lower-case copy of `text`; the caller frees it. */
char *lower_copy(const char *text);

/* Removes leading and trailing blanks in place; returns the first non-blank. */
char *trim(char *text);

/* Writes `when` as local time, "YYYY-MM-DD HH:MM", into `out`. */
void timestamp(char *out, size_t size, time_t when);

/* Prints "contacts: MESSAGE" and exits with status 1. */
void die(const char *format, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif

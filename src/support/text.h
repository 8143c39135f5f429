/*
 * text: printf into a new heap string, for messages that outlive any
 * arena (errors handed up to the driver). The caller frees the result.
 */
#ifndef NULLPROOF_TEXT_H
#define NULLPROOF_TEXT_H

#include <stdarg.h>

/* Never returns NULL: running out of memory aborts, as in arena.c. */
char *text_printf(const char *format, ...) __attribute__((format(printf, 1, 2)));
char *text_vprintf(const char *format, va_list arguments);

#endif

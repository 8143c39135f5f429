/*
 * text: printf into a new heap string, for messages that outlive any
 * arena (errors handed up to the driver; the caller frees the result), and
 * the case-blind search that names are read with.
 */
#ifndef NULLPROOF_TEXT_H
#define NULLPROOF_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Never returns NULL: running out of memory aborts, as in arena.c. */
char *text_printf(const char *format, ...) __attribute__((format(printf, 1, 2)));
char *text_vprintf(const char *format, va_list arguments);

/* Whether `text` (may be NULL) contains `word`, written in lower case,
 * case aside: "Curl_cmalloc" contains "malloc", "DEBUG_ASSERT" "assert". */
bool text_contains_folded(const char *text, const char *word);

/* Whether one of the words of an identifier (split at '_' and at camelCase
 * humps) is one of `words` (`count` of them, lower case), case aside:
 * get_slot and findUser hold "get" and "find"; budget_make holds no "get". */
bool text_has_word(const char *name, const char *const *words, size_t count);

#endif

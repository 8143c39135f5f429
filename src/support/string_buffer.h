/*
 * string_buffer: a growable, heap-allocated text buffer for building
 * output (reports, dumps). Owns its memory; free with string_buffer_free.
 */
#ifndef NULLPROOF_STRING_BUFFER_H
#define NULLPROOF_STRING_BUFFER_H

#include <stddef.h>

struct string_buffer {
    char *data;      /* NUL-terminated once anything was appended; may be NULL before */
    size_t length;
    size_t capacity;
};

void string_buffer_init(struct string_buffer *buffer);
void string_buffer_append(struct string_buffer *buffer, const char *text);
void string_buffer_append_length(struct string_buffer *buffer, const char *text, size_t length);
void string_buffer_printf(struct string_buffer *buffer, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
/* The text so far; "" when empty. Valid until the next append. */
const char *string_buffer_text(const struct string_buffer *buffer);
void string_buffer_free(struct string_buffer *buffer);

#endif

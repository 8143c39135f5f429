/*
 * string_buffer: growable text. Allocation failure aborts, as in arena.c.
 */
#include "string_buffer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void string_buffer_init(struct string_buffer *buffer)
{
    buffer->data = NULL;
    buffer->length = 0;
    buffer->capacity = 0;
}

static void reserve(struct string_buffer *buffer, size_t extra)
{
    size_t needed = buffer->length + extra + 1;
    if (needed <= buffer->capacity)
        return;
    size_t capacity = buffer->capacity ? buffer->capacity : 256;
    while (capacity < needed)
        capacity *= 2;
    char *data = xrealloc(buffer->data, capacity);
    buffer->data = data;
    buffer->capacity = capacity;
}

void string_buffer_append_length(struct string_buffer *buffer, const char *text, size_t length)
{
    reserve(buffer, length);
    memcpy(buffer->data + buffer->length, text, length);
    buffer->length += length;
    buffer->data[buffer->length] = '\0';
}

void string_buffer_append(struct string_buffer *buffer, const char *text)
{
    string_buffer_append_length(buffer, text, strlen(text));
}

void string_buffer_printf(struct string_buffer *buffer, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int length = vsnprintf(NULL, 0, format, arguments);
    va_end(arguments);
    if (length <= 0)
        return;
    reserve(buffer, (size_t)length);
    va_start(arguments, format);
    vsnprintf(buffer->data + buffer->length, (size_t)length + 1, format, arguments);
    va_end(arguments);
    buffer->length += (size_t)length;
}

const char *string_buffer_text(const struct string_buffer *buffer)
{
    return buffer->data ? buffer->data : "";
}

void string_buffer_free(struct string_buffer *buffer)
{
    free(buffer->data);
    string_buffer_init(buffer);
}

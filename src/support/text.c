/*
 * text: heap-allocated formatted strings.
 */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "xalloc.h"

char *text_vprintf(const char *format, va_list arguments)
{
    va_list copy;
    va_copy(copy, arguments);
    int length = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    size_t size = length > 0 ? (size_t)length + 1 : 1;
    char *text = xmalloc(size);
    text[0] = '\0';
    vsnprintf(text, size, format, arguments);
    return text;
}

char *text_printf(const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    char *text = text_vprintf(format, arguments);
    va_end(arguments);
    return text;
}

bool text_contains_folded(const char *text, const char *word)
{
    for (const char *at = text ? text : ""; *at; at++) {
        size_t k = 0;
        while (word[k] && tolower((unsigned char)at[k]) == word[k])
            k++;
        if (!word[k])
            return true;
    }
    return false;
}

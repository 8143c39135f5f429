/*
 * text: heap-allocated formatted strings.
 */
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Whether name[start, end) is `word`, case aside. */
static bool word_matches(const char *name, size_t start, size_t end, const char *word)
{
    size_t size = strlen(word);
    if (end - start != size)
        return false;
    for (size_t k = 0; k < size; k++) {
        if (tolower((unsigned char)name[start + k]) != word[k])
            return false;
    }
    return true;
}

bool text_has_word(const char *name, const char *const *words, size_t count)
{
    size_t length = name ? strlen(name) : 0;
    for (size_t start = 0; start < length;) {
        size_t end = start + 1;
        while (end < length && name[end] != '_' &&
               !(isupper((unsigned char)name[end]) && islower((unsigned char)name[end - 1])))
            end++;
        for (size_t i = 0; i < count; i++) {
            if (word_matches(name, start, end, words[i]))
                return true;
        }
        start = end;
        while (start < length && name[start] == '_')
            start++;
    }
    return false;
}

/*
 * json_util: UTF-8 repair for strings handed to jansson (which refuses
 * invalid UTF-8) and the common dump settings. Nothing format-specific.
 */
#include "json_util.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../support/xalloc.h"

/* Length of the valid UTF-8 sequence at `text`, or 0. */
static size_t utf8_sequence_length(const unsigned char *text)
{
    unsigned char lead = text[0];
    size_t length;
    unsigned minimum;
    unsigned code;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        minimum = 0x80;
        code = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        minimum = 0x800;
        code = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        minimum = 0x10000;
        code = lead & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < length; i++) {
        if ((text[i] & 0xC0) != 0x80)
            return 0;
        code = (code << 6) | (text[i] & 0x3F);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return 0;
    return length;
}

json_t *json_util_string(const char *text)
{
    if (!text)
        return json_null();
    json_t *value = json_string(text);
    if (value)
        return value;
    /* Invalid UTF-8: copy what is valid, U+FFFD (3 bytes) for each bad byte. */
    size_t length = strlen(text);
    char *repaired = xmalloc(length * 3 + 1);
    size_t out = 0;
    const unsigned char *cursor = (const unsigned char *)text;
    while (*cursor) {
        size_t sequence = utf8_sequence_length(cursor);
        if (sequence == 0) {
            memcpy(repaired + out, "\xEF\xBF\xBD", 3);
            out += 3;
            cursor++;
            continue;
        }
        memcpy(repaired + out, cursor, sequence);
        out += sequence;
        cursor += sequence;
    }
    repaired[out] = '\0';
    value = json_string(repaired);
    free(repaired);
    return value ? value : json_string("");
}

json_t *json_util_position(unsigned value)
{
    return value ? json_integer(value) : json_null();
}

void json_util_set(json_t *object, const char *key, json_t *value)
{
    if (value)
        json_object_set_new(object, key, value);
}

void json_util_dump(json_t *value, struct string_buffer *out)
{
    char *text = json_dumps(value, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (text) {
        string_buffer_append(out, text);
        string_buffer_append(out, "\n");
        free(text);
    }
    json_decref(value);
}

/*
 * json_util: the few jansson helpers every JSON-writing module shares
 * (json, sarif, codeclimate reports; baselines): strings that are valid
 * UTF-8 whatever the source file's encoding, and dumping into a buffer.
 */
#ifndef NULLPROOF_JSON_UTIL_H
#define NULLPROOF_JSON_UTIL_H

#include <jansson.h>

#include "../support/string_buffer.h"

/* A JSON string for `text`, or JSON null when `text` is NULL. Bytes that
 * are not valid UTF-8 (a Latin-1 source line) become U+FFFD. Never NULL. */
json_t *json_util_string(const char *text);

/* A JSON integer, or JSON null for 0 (an unknown line or column). */
json_t *json_util_position(unsigned value);

/* Sets key to value (stealing the reference); value NULL is skipped. */
void json_util_set(json_t *object, const char *key, json_t *value);

/* Appends `value`, indented by two spaces, with a final newline, to `out`
 * and releases `value`. */
void json_util_dump(json_t *value, struct string_buffer *out);

#endif

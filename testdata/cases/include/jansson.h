/* A stand-in for jansson's <jansson.h> with the declarations the
 * pack_jansson cases use (same names and signatures as jansson 2.14), so
 * they parse without jansson installed. Not the real header. */
#ifndef NULLPROOF_TEST_JANSSON_H
#define NULLPROOF_TEST_JANSSON_H

#include <stddef.h>

typedef enum { JSON_OBJECT, JSON_ARRAY, JSON_STRING, JSON_INTEGER, JSON_REAL } json_type;

typedef struct json_t {
    json_type type;
    volatile size_t refcount;
} json_t;

#define JSON_ERROR_TEXT_LENGTH 160
#define JSON_ERROR_SOURCE_LENGTH 80

typedef struct json_error_t {
    int line;
    int column;
    int position;
    char source[JSON_ERROR_SOURCE_LENGTH];
    char text[JSON_ERROR_TEXT_LENGTH];
} json_error_t;

typedef long long json_int_t;

#define json_typeof(json) ((json)->type)
#define json_is_object(json) ((json) && json_typeof(json) == JSON_OBJECT)
#define json_is_string(json) ((json) && json_typeof(json) == JSON_STRING)
#define json_is_integer(json) ((json) && json_typeof(json) == JSON_INTEGER)

json_t *json_loads(const char *input, size_t flags, json_error_t *error);
json_t *json_load_file(const char *path, size_t flags, json_error_t *error);
json_t *json_object(void);
json_t *json_object_get(const json_t *object, const char *key);
void *json_object_iter(json_t *object);
const char *json_object_iter_key(void *iter);
json_t *json_object_iter_value(void *iter);
int json_object_set_new(json_t *object, const char *key, json_t *value);
json_t *json_array_get(const json_t *array, size_t index);
size_t json_array_size(const json_t *array);
const char *json_string_value(const json_t *string);
json_int_t json_integer_value(const json_t *integer);
json_t *json_string(const char *value);
char *json_dumps(const json_t *json, size_t flags);
void json_delete(json_t *json);

static inline void json_decref(json_t *json)
{
    if (json && json->refcount != (size_t)-1 && --json->refcount == 0)
        json_delete(json);
}

#endif

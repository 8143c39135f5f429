/* The jansson pack: json_object_get and json_array_get answer "absent"
 * with NULL, json_string_value passes a NULL value through, json_loads
 * fails with NULL, constructors and json_dumps allocate, and the
 * json_is_* macros test for NULL themselves. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

char *user_email(const json_t *user)
{
    const char *email = json_string_value(json_object_get(user, "email"));
    return strdup(email); // expect: unchecked-lookup
}

int user_age(const char *text)
{
    json_error_t error;
    json_t *root = json_loads(text, 0, &error);
    int type = root->type; // expect: unchecked-nullable
    json_decref(root);
    return type;
}

json_int_t first_id(const json_t *ids)
{
    json_t *first = json_array_get(ids, 0);
    if (json_typeof(first) != JSON_INTEGER) // expect: unchecked-lookup
        return 0;
    return json_integer_value(first);
}

size_t dumped_length(const json_t *value)
{
    char *text = json_dumps(value, 0);
    size_t length = strlen(text); // expect: unchecked-alloc
    free(text);
    return length;
}

/* An iterator of an empty object is NULL, and so is its key. */
size_t first_key_length(const json_t *object)
{
    void *iter = json_object_iter((json_t *)object);
    return strlen(json_object_iter_key(iter)); // expect: unchecked-lookup
}

/* must stay silent */

char *user_email_checked(const json_t *user)
{
    const char *email = json_string_value(json_object_get(user, "email"));
    if (email == NULL)
        return NULL;
    return strdup(email);
}

int user_type_checked(const char *text)
{
    json_error_t error;
    json_t *root = json_loads(text, 0, &error);
    if (!root)
        return -1;
    int type = root->type;
    json_decref(root);
    return type;
}

/* The usual type test first: json_is_string tests for NULL itself, so the
 * value json_string_value gives is not NULL either. */
size_t name_length(const json_t *user)
{
    json_t *name = json_object_get(user, "name");
    if (!json_is_string(name))
        return 0;
    return strlen(json_string_value(name));
}

/* The macro names its argument twice: json_object_get runs again after
 * the test, which the pack trusts. */
int has_string_id(const json_t *user)
{
    return json_is_string(json_object_get(user, "id"));
}

/* jansson's own functions accept NULL: chaining them is fine. */
json_int_t user_id(const json_t *user)
{
    return json_integer_value(json_object_get(user, "id"));
}

/* A tested iterator has a key. */
size_t tested_key_length(json_t *object)
{
    void *iter = json_object_iter(object);
    if (!iter)
        return 0;
    return strlen(json_object_iter_key(iter)) + (json_object_iter_value(iter) != NULL);
}

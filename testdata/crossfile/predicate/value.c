/* value_is_string() returns 0 for NULL (a NULL-safe predicate);
 * value_check() returns non-zero for NULL (a validator). */
#include <stddef.h>
#include <string.h>

#include "value.h"

static struct value values[8];

struct value *value_get(const char *key)
{
    for (int i = 0; i < 8; i++)
        if (values[i].text && strcmp(values[i].text, key) == 0)
            return &values[i];
    return NULL;
}

int value_is_string(const struct value *v)
{
    return v && v->type == 3;
}

int value_check(const struct value *v, int type)
{
    if (v == NULL)
        return -1;
    return v->type == type ? 0 : -2;
}

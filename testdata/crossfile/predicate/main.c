/* Predicates of another file prove their argument non-NULL when they say so. */
#include <string.h>

#include "value.h"

size_t string_length(const char *key)
{
    struct value *v = value_get(key);
    if (!value_is_string(v))
        return 0;
    return strlen(v->text);
}

size_t checked_length(const char *key)
{
    struct value *v = value_get(key);
    if (value_check(v, 3) != 0)
        return 0;
    return strlen(v->text);
}

/* the answer the wrong way round proves nothing */
size_t wrong_way(const char *key)
{
    struct value *v = value_get(key);
    if (value_is_string(v))
        return 0;
    return strlen(v->text); // expect: unchecked-lookup
}

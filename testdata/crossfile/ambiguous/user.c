/* Which config_value() this unit gets is not known: nothing is assumed. */
#include <string.h>

const char *config_value(const char *key);

size_t value_length(const char *key)
{
    return strlen(config_value(key));
}

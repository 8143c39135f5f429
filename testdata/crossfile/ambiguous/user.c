/* Which config_value() this unit gets is not known: nothing is assumed. */
#include <string.h>

const char *config_value(const char *key);

size_t value_length(const char *key)
{
    return strlen(config_value(key));
}

/* What both definitions agree on holds: out_of_memory() never returns. */
#include <stdlib.h>

void out_of_memory(void);
void warn_user(const char *message);

char *buffer_new(size_t size)
{
    char *buffer = malloc(size);
    if (buffer == NULL)
        out_of_memory();
    buffer[0] = '\0';
    return buffer;
}

/* One warn_user() returns: the NULL goes on. */
char *buffer_warned(size_t size)
{
    char *buffer = malloc(size);
    if (buffer == NULL)
        warn_user("out of memory");
    buffer[0] = '\0'; // expect: null-deref
    return buffer;
}

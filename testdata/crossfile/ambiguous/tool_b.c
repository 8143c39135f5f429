/* The other program's config_value(): never NULL. */
const char *config_value(const char *key)
{
    return key[0] ? key : "default";
}

#include <stdio.h>
#include <stdlib.h>

static void fail(const char *message)
{
    fputs(message, stderr);
    abort();
}

void out_of_memory(void)
{
    fail("out of memory");
}

void warn_user(const char *message)
{
    fail(message);
}

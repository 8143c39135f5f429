/* Two programs in one run, as a compile database of a project with
 * several tools often holds: each defines its own config_value(); one may
 * return NULL, the other never does. Neither is used across units. */
#include <stddef.h>
#include <stdlib.h>

const char *config_value(const char *key)
{
    return getenv(key);
}

/* Each program has its own out_of_memory(); neither returns. */
void out_of_memory(void)
{
    exit(2);
}

/* Each program has its own warn(); this one returns. */
void warn_user(const char *message)
{
    (void)message;
}

/* array_init() of array.c leaves the count 0: the loop over a new array's
 * elements does not run, also for the address of a member. */
#include <stddef.h>

#include "array.h"

struct limit {
    const void *zone;
};

struct conf {
    struct array limits;
};

/* must stay silent */

int add_limit(struct conf *conf, const void *zone)
{
    struct limit *limits = conf->limits.elements;
    if (limits == NULL) {
        if (array_init(&conf->limits, 1, sizeof(struct limit)) != 0)
            return -1;
    }
    for (unsigned i = 0; i < conf->limits.count; i++)
        if (zone == limits[i].zone)
            return 1;
    return 0;
}

/* flagged */

int open_limit(struct conf *conf, const void *zone)
{
    struct limit *limits = conf->limits.elements;
    if (limits == NULL) {
        if (array_open(&conf->limits, 1, sizeof(struct limit)) != 0)
            return -1;
    }
    for (unsigned i = 0; i < conf->limits.count; i++)
        if (zone == limits[i].zone) // expect: null-deref
            return 1;
    return 0;
}

/* A function that leaves an integer member of what its parameter points
 * to at one value on every return (an array's init sets the count to 0)
 * gives its callers that value, also where the argument is the address of
 * a member (`array_init(&conf->limits, ...)`): a loop over the elements
 * then does not run. A member set on some returns only is unknown after
 * the call. */
#include <stdlib.h>

struct array {
    void *elements;
    unsigned count, size, capacity;
};

static int array_init(struct array *array, unsigned capacity, unsigned size)
{
    array->count = 0;
    array->size = size;
    array->capacity = capacity;
    array->elements = malloc(capacity * size);
    if (array->elements == NULL)
        return -1;
    return 0;
}

/* count is 0 only where the allocation failed */
static int array_open(struct array *array, unsigned capacity, unsigned size)
{
    array->size = size;
    array->elements = malloc(capacity * size);
    if (array->elements == NULL) {
        array->count = 0;
        return -1;
    }
    array->count = capacity;
    return 0;
}

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

int has_zone(struct array *array, const void *zone)
{
    struct limit *limits = array->elements;
    if (limits == NULL && array_init(array, 4, sizeof(struct limit)) != 0)
        return -1;
    for (unsigned i = 0; i < array->count; i++)
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

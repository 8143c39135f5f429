/* The array functions main.c calls: what they leave in the array's count
 * crosses the file boundary in their summaries. */
#include <stdlib.h>

#include "array.h"

int array_init(struct array *array, unsigned capacity, unsigned size)
{
    array->count = 0;
    array->size = size;
    array->capacity = capacity;
    array->elements = malloc(capacity * size);
    if (array->elements == NULL)
        return -1;
    return 0;
}

int array_open(struct array *array, unsigned capacity, unsigned size)
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

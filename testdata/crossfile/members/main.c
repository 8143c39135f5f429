/* What malloc gave reaches another file's dereference inside a pointer, an
 * array or a struct. */
#include <stdlib.h>

#include "sinks.h"

void by_pointer(void)
{
    char *data = malloc(20);
    through_pointer(&data); // expect: unchecked-alloc
    free(data);
}

void by_array(void)
{
    char *array[5] = {0};
    array[2] = malloc(20);
    through_array(array); // expect: unchecked-alloc
    free(array[2]);
}

void by_struct(void)
{
    struct holder holder;
    holder.first = malloc(20);
    through_struct(holder); // expect: unchecked-alloc
    free(holder.first);
}

void by_pointer_checked(void)
{
    char *data = malloc(20);
    through_pointer_checked(&data);
    free(data);
}

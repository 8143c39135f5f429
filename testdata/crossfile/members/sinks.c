/* Sinks that read a pointer out of what they are given and dereference it:
 * through a pointer to it, an array, a struct passed by value. */
#include <string.h>

#include "sinks.h"

void through_pointer(char **pointer)
{
    char *data = *pointer;
    strcpy(data, "text");
}

void through_array(char *array[])
{
    char *data = array[2];
    strcpy(data, "text");
}

void through_struct(struct holder holder)
{
    char *data = holder.first;
    strcpy(data, "text");
}

void through_pointer_checked(char **pointer)
{
    char *data = *pointer;
    if (data)
        strcpy(data, "text");
}

/* The NULL reaches sink.c's dereference through middle.c. */
#include <stdlib.h>

#include "chain.h"

int start(void)
{
    struct record *record = malloc(sizeof *record);
    int size = middle(record); // expect: unchecked-alloc
    free(record);
    return size;
}

int start_checked(void)
{
    struct record *record = malloc(sizeof *record);
    if (!record)
        return -1;
    record->size = 0;
    int size = middle(record);
    free(record);
    return size;
}

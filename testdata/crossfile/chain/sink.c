/* The end of a chain of calls through three files: it dereferences. */
#include "chain.h"

int sink(const struct record *record)
{
    return record->size;
}

/* Passes its argument on. */
#include "chain.h"

int middle(const struct record *record)
{
    return sink(record) + 1;
}

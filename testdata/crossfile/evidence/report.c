#include "net.h"

int first_count(void)
{
    return item_at(0)->count;
}

int second_count(void)
{
    struct item *item = item_at(1);
    return item->count;
}

int third_count(void)
{
    struct item *item = item_at(2);
    return item->count + 1;
}

int named_count(const char *name)
{
    struct item *item = item_named(name);
    return item ? item->count : 0;
}

int named_count_unchecked(const char *name)
{
    struct item *item = item_named(name);
    return item->count; // expect: unchecked-lookup
}

int named_count_twice(const char *name)
{
    struct item *item = item_named(name);
    return item->count * 2; // expect: unchecked-lookup
}

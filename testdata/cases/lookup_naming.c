/* A function of the file that returns NULL is named a lookup by a word of
 * its name (get, find, lookup, search, next, ...: split at '_' and at
 * camelCase humps) or by a search loop; "get" inside "budget" is not a
 * word, so budget_make() is an other nullable source. */
#include <stddef.h>

struct budget {
    int open;
    int amount;
};

static struct budget budgets[4];

static struct budget *budget_make(int index)
{
    if (budgets[0].open)
        return NULL;
    return &budgets[index & 3];
}

static struct budget *cache_get(int index)
{
    if (budgets[1].open)
        return NULL;
    return &budgets[index & 3];
}

static struct budget *findOpenBudget(int index)
{
    if (budgets[2].open)
        return NULL;
    return &budgets[index & 3];
}

int amount_made(int index)
{
    return budget_make(index)->amount; // expect: unchecked-nullable
}

int amount_cached(int index)
{
    return cache_get(index)->amount; // expect: unchecked-lookup
}

int amount_found(int index)
{
    return findOpenBudget(index)->amount; // expect: unchecked-lookup
}

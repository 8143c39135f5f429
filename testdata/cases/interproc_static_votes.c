/* A static function of the file that returns NULL on some path, whose
 * result at least three call sites of the file use and none tests: every
 * caller is in the file, and none believes it returns NULL for what it
 * passes (jq's sort_items: NULL for an empty array, where the callers loop
 * over the same count, or when too deep, which they test first). One
 * tested site, or fewer than three, and the NULL counts again. */
#include <stdlib.h>

struct entry {
    int key;
    int value;
};

static struct entry *sorted_entries(const int *keys, int count, int *too_deep)
{
    *too_deep = 0;
    if (count == 0)
        return NULL;
    struct entry *entries = calloc((size_t)count, sizeof *entries);
    if (!entries) {
        *too_deep = 1;
        return NULL;
    }
    for (int i = 0; i < count; i++)
        entries[i].key = keys[i];
    return entries;
}

/* must stay silent */

int sum_sorted(const int *keys, int count)
{
    int too_deep = 0, total = 0;
    struct entry *entries = sorted_entries(keys, count, &too_deep);
    if (too_deep)
        return -1;
    for (int i = 0; i < count; i++)
        total += entries[i].key;
    free(entries);
    return total;
}

int first_sorted(const int *keys, int count)
{
    int too_deep = 0;
    struct entry *entries = sorted_entries(keys, count, &too_deep);
    if (too_deep || count == 0)
        return -1;
    int first = entries[0].key;
    free(entries);
    return first;
}

int last_sorted(const int *keys, int count)
{
    int too_deep = 0, last = -1;
    struct entry *entries = sorted_entries(keys, count, &too_deep);
    if (too_deep)
        return -1;
    for (int i = 0; i < count; i++)
        last = entries[i].key;
    free(entries);
    return last;
}

/* Flagged: two untested callers are too few to vote, and one tested
 * caller among four says the NULL is real. */

static struct entry table[8];

static struct entry *entry_find(int key)
{
    for (int i = 0; i < 8; i++)
        if (table[i].key == key)
            return &table[i];
    return NULL;
}

int entry_value(int key)
{
    return entry_find(key)->value; // expect: unchecked-lookup
}

int entry_doubled(int key)
{
    return 2 * entry_find(key)->value; // expect: unchecked-lookup
}

static struct entry *slot_find(int key)
{
    for (int i = 0; i < 8; i++)
        if (table[i].value == key)
            return &table[i];
    return NULL;
}

int slot_key(int value)
{
    return slot_find(value)->key; // expect: unchecked-lookup
}

int slot_key_plus(int value)
{
    return slot_find(value)->key + 1; // expect: unchecked-lookup
}

int slot_key_minus(int value)
{
    return slot_find(value)->key - 1; // expect: unchecked-lookup
}

int slot_key_checked(int value)
{
    struct entry *slot = slot_find(value);
    return slot ? slot->key : -1;
}

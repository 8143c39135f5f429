/* Tests in while and for conditions guard the loop body; after the loop the
 * pointer is NULL when the loop ran off the end. */
#include <stddef.h>
#include <string.h>

struct entry {
    struct entry *next;
    const char *key;
    int value;
};

/* must stay silent */

int sum_values(const struct entry *head)
{
    int total = 0;
    for (const struct entry *entry = head; entry != NULL; entry = entry->next)
        total += entry->value;
    return total;
}

int count_until(const struct entry *entry, int stop)
{
    int count = 0;
    while (entry && entry->value != stop) {
        count++;
        entry = entry->next;
    }
    return count;
}

int count_commas(const char *list)
{
    int commas = 0;
    for (const char *comma = strchr(list, ','); comma; comma = strchr(comma + 1, ','))
        commas++;
    return commas;
}

const struct entry *last_entry(const struct entry *entry)
{
    if (entry == NULL)
        return NULL;
    while (entry->next != NULL)
        entry = entry->next;
    return entry;
}

int value_of(const struct entry *head, const char *key)
{
    const struct entry *entry;
    for (entry = head; entry; entry = entry->next)
        if (strcmp(entry->key, key) == 0)
            break;
    if (entry == NULL)
        return -1;
    return entry->value;
}

/* After the loop the cursor is NULL; in the body it is not. */

int value_of_unchecked(const struct entry *head, const char *key)
{
    const struct entry *entry;
    for (entry = head; entry != NULL; entry = entry->next)
        if (strcmp(entry->key, key) == 0)
            break;
    return entry->value; // expect: null-deref
}

int tail_value(const struct entry *entry)
{
    while (entry != NULL)
        entry = entry->next;
    return entry->value; // expect: null-deref
}

const char *skip_to_field(const char *record)
{
    const char *separator = strchr(record, ';');
    while (*separator == ';') // expect: unchecked-lookup
        separator++;
    return separator;
}

/* The loop tests where the walk ends, not whether the list it started
 * from is empty: `table->entries` is not made NULL by the cursor's test. A
 * test of the list itself still is a witness. */
struct table {
    struct entry *entries;
    int count;
};

int renumber(struct table *table)
{
    struct entry *entry, *last = NULL;
    for (entry = table->entries; entry; entry = entry->next) {
        entry->value++;
        last = entry;
    }
    return table->entries->value + (last == table->entries);
}

int renumber_tested(struct table *table)
{
    struct entry *entry, *last = NULL;
    if (!table->entries)
        table->count = 0;
    for (entry = table->entries; entry; entry = entry->next) {
        entry->value++;
        last = entry;
    }
    return table->entries->value + (last == table->entries); // expect: null-deref
}

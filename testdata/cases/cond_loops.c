/* Tests in while and for conditions guard the loop body; after the loop the
 * pointer is NULL when the loop ran off the end. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
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

/* A walk that found nothing left `previous` at the last entry, unless the
 * list was empty: on the path where the first test ended the walk, the
 * cursor still equals the list, so the list was empty there, and the
 * code that appends tests for that. */
struct position {
    const char *name;
    struct position *next;
};

struct position *positions;
extern void reload_positions(void);

void remember_position(struct position *added, const char *name)
{
    struct position *previous = NULL, *item;
    reload_positions();
    for (item = positions; item != NULL; item = item->next) {
        if (strcmp(item->name, name) == 0)
            break;
        previous = item;
    }
    if (item == NULL) {
        if (positions == NULL)
            positions = added;
        else
            previous->next = added;
    }
}

/* An allocation whose failure ends the program in between: what die()
 * writes before it exits no caller sees, so the list is still known. */
int exit_status;

static void die(const char *message)
{
    exit_status = 2;
    fputs(message, stderr);
    exit(2);
}

static void *allocate(size_t size)
{
    void *block = malloc(size);
    if (block == NULL)
        die("out of memory");
    return block;
}

void append_position(const char *name)
{
    struct position *previous = NULL, *item;
    for (item = positions; item != NULL; item = item->next) {
        if (strcmp(item->name, name) == 0)
            return;
        previous = item;
    }
    struct position *added = allocate(sizeof *added);
    added->name = name;
    added->next = NULL;
    if (positions == NULL)
        positions = added;
    else
        previous->next = added;
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

/* Without the test of the list, an empty list reaches the append. */
void remember_position_unchecked(struct position *added, const char *name)
{
    struct position *previous = NULL, *item;
    for (item = positions; item != NULL; item = item->next) {
        if (strcmp(item->name, name) == 0)
            break;
        previous = item;
    }
    if (item == NULL)
        previous->next = added; // expect: null-deref
}

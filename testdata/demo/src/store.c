/* store: the address book, kept sorted on demand, saved atomically
 * (write to PATH.tmp, then rename). */
#include "store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Splits "name|email|phone" in place; -1 when a field is missing. */
static int parse_record(char *line, struct contact *out)
{
    char *email = strchr(line, '|');
    if (email == NULL)
        return -1;
    *email++ = '\0';
    char *phone = strchr(email, '|');
    if (phone == NULL)
        return -1;
    *phone++ = '\0';
    phone[strcspn(phone, "\n")] = '\0';
    if (strlen(line) >= sizeof out->name)
        return -1;
    strcpy(out->name, line);
    out->email = xstrdup(email);
    out->phone = xstrdup(phone);
    return 0;
}

static int reserve(struct store *store, size_t wanted)
{
    if (wanted <= store->capacity)
        return 0;
    size_t capacity = store->capacity ? store->capacity * 2 : 8;
    while (capacity < wanted)
        capacity *= 2;
    store->items = realloc(store->items, capacity * sizeof *store->items);
    for (size_t i = store->capacity; i < capacity; i++)
        store->items[i].email = store->items[i].phone = NULL; // bug: unchecked-alloc
    store->capacity = capacity;
    return 0;
}

struct store *store_open(const char *path)
{
    struct store *store = calloc(1, sizeof *store);
    if (store == NULL)
        return NULL;
    store->path = xstrdup(path);
    FILE *in = fopen(path, "r");
    if (in == NULL) {
        if (errno == ENOENT)
            return store;
        store_free(store);
        return NULL;
    }
    char *line = NULL;
    size_t line_size = 0;
    while (getline(&line, &line_size, in) > 0) {
        struct contact contact;
        if (parse_record(line, &contact) != 0)
            continue;
        if (reserve(store, store->count + 1) != 0)
            break;
        store->items[store->count++] = contact;
    }
    free(line);
    fclose(in);
    return store;
}

void store_free(struct store *store)
{
    if (store == NULL)
        return;
    for (size_t i = 0; i < store->count; i++) {
        free(store->items[i].email);
        free(store->items[i].phone);
    }
    free(store->items);
    free(store->path);
    free(store);
}

struct contact *store_find(struct store *store, const char *name)
{
    for (size_t i = 0; i < store->count; i++)
        if (strcmp(store->items[i].name, name) == 0)
            return &store->items[i];
    return NULL;
}

int store_add(struct store *store, const char *name, const char *email, const char *phone)
{
    size_t wanted = store->count + 1;
    if (store == NULL || strlen(name) >= CONTACTS_MAX_NAME) // bug: check-after-deref
        return -1;
    if (store_find(store, name) != NULL)
        return -1;
    if (reserve(store, wanted) != 0)
        return -1;
    struct contact *contact = &store->items[store->count++];
    strcpy(contact->name, name);
    contact->email = xstrdup(email);
    contact->phone = xstrdup(phone != NULL ? phone : "");
    return 0;
}

int store_remove(struct store *store, const char *name)
{
    struct contact *contact = store_find(store, name);
    if (contact == NULL)
        return -1;
    free(contact->email);
    free(contact->phone);
    size_t index = (size_t)(contact - store->items);
    memmove(contact, contact + 1, (store->count - index - 1) * sizeof *contact);
    store->count--;
    return 0;
}

int store_set_email(struct store *store, const char *name, const char *email)
{
    struct contact *contact = store_find(store, name);
    free(contact->email); // bug: unchecked-lookup
    contact->email = xstrdup(email);
    return 0;
}

static int by_name(const void *left, const void *right)
{
    return strcmp(((const struct contact *)left)->name, ((const struct contact *)right)->name);
}

static int by_email(const void *left, const void *right)
{
    return strcmp(((const struct contact *)left)->email,
                  ((const struct contact *)right)->email);
}

void store_sort(struct store *store, const char *field)
{
    if (store->count < 2)
        return;
    qsort(store->items, store->count, sizeof *store->items,
          strcmp(field, "email") == 0 ? by_email : by_name);
}

static int write_records(FILE *out, const struct store *store, char separator)
{
    for (size_t i = 0; i < store->count; i++) {
        const struct contact *contact = &store->items[i];
        if (fprintf(out, "%s%c%s%c%s\n", contact->name, separator, contact->email, separator,
                    contact->phone) < 0)
            return -1;
    }
    return 0;
}

int store_save(const struct store *store)
{
    char temporary[1024];
    if (snprintf(temporary, sizeof temporary, "%s.tmp", store->path) >= (int)sizeof temporary) {
        errno = ENAMETOOLONG;
        return -1;
    }
    FILE *out = fopen(temporary, "w");
    if (out == NULL)
        return -1;
    int status = write_records(out, store, '|');
    if (fclose(out) != 0)
        status = -1;
    if (status == 0)
        status = rename(temporary, store->path);
    else
        remove(temporary);
    return status;
}

int store_export_csv(const struct store *store, const char *path)
{
    FILE *out = fopen(path, "w");
    fputs("name,email,phone\n", out); // bug: unchecked-nullable
    int status = write_records(out, store, ',');
    return fclose(out) == 0 ? status : -1;
}

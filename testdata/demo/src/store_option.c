/* store_option: store.c converted to nullproof/option.h (the "after" of the
 * demo's before/after, see README.md). store_find returns a contact_opt,
 * store_open a store_result, files are opened through a file_result, and
 * each of store.c's bugs is fixed the way nullproof's suggestions say. */
#include "store_option.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

NP_RESULT_DECLARE(file_result, FILE *, int) /* the error: an errno value */

/* fopen() with its failure in the type. */
static file_result open_file(const char *path, const char *mode)
{
    FILE *file = fopen(path, mode);
    if (file == NULL)
        return file_result_err(errno);
    return file_result_ok(file);
}

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
    /* before: store->items = realloc(store->items, ...), used unchecked */
    struct contact *items = realloc(store->items, capacity * sizeof *items);
    if (items == NULL)
        return -1;
    store->items = items;
    for (size_t i = store->capacity; i < capacity; i++)
        store->items[i].email = store->items[i].phone = NULL;
    store->capacity = capacity;
    return 0;
}

store_result store_open(const char *path)
{
    struct store *store = calloc(1, sizeof *store);
    if (store == NULL)
        return store_result_err(ENOMEM);
    store->path = xstrdup(path);
    file_result in = open_file(path, "r");
    if (!in.ok) {
        if (in.error == ENOENT)
            return store_result_ok(store);
        store_free(store);
        return store_result_err(in.error);
    }
    char *line = NULL;
    size_t line_size = 0;
    while (getline(&line, &line_size, in.value) > 0) {
        struct contact contact;
        if (parse_record(line, &contact) != 0)
            continue;
        if (reserve(store, store->count + 1) != 0)
            break;
        store->items[store->count++] = contact;
    }
    free(line);
    fclose(in.value);
    return store_result_ok(store);
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

/* before: struct contact *store_find(...), NULL when there is no such name */
contact_opt store_find(struct store *store, const char *name)
{
    for (size_t i = 0; i < store->count; i++)
        if (strcmp(store->items[i].name, name) == 0)
            return contact_opt_some(&store->items[i]);
    return contact_opt_none();
}

int store_add(struct store *store, const char *name, const char *email, const char *phone)
{
    /* before: store->count was read first, and store tested for NULL after */
    if (store == NULL || strlen(name) >= CONTACTS_MAX_NAME)
        return -1;
    if (store_find(store, name).some)
        return -1;
    if (reserve(store, store->count + 1) != 0)
        return -1;
    struct contact *contact = &store->items[store->count++];
    strcpy(contact->name, name);
    contact->email = xstrdup(email);
    contact->phone = xstrdup(phone != NULL ? phone : "");
    return 0;
}

int store_remove(struct store *store, const char *name)
{
    contact_opt found = store_find(store, name);
    if (!found.some)
        return -1;
    struct contact *contact = found.value;
    free(contact->email);
    free(contact->phone);
    size_t index = (size_t)(contact - store->items);
    memmove(contact, contact + 1, (store->count - index - 1) * sizeof *contact);
    store->count--;
    return 0;
}

int store_set_email(struct store *store, const char *name, const char *email)
{
    /* before: the lookup's NULL went straight into free(contact->email) */
    contact_opt found = store_find(store, name);
    if (!found.some)
        return -1;
    free(found.value->email);
    found.value->email = xstrdup(email);
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
    file_result out = open_file(temporary, "w");
    if (!out.ok) {
        errno = out.error;
        return -1;
    }
    int status = write_records(out.value, store, '|');
    if (fclose(out.value) != 0)
        status = -1;
    if (status == 0)
        status = rename(temporary, store->path);
    else
        remove(temporary);
    return status;
}

int store_export_csv(const struct store *store, const char *path)
{
    /* before: fopen()'s NULL was passed to fputs() */
    file_result out = open_file(path, "w");
    if (!out.ok) {
        errno = out.error;
        return -1;
    }
    fputs("name,email,phone\n", out.value);
    int status = write_records(out.value, store, ',');
    return fclose(out.value) == 0 ? status : -1;
}

/* store: the address book in memory and its file ("name|email|phone" lines). */
#ifndef CONTACTS_STORE_H
#define CONTACTS_STORE_H

#include "contact.h"

/* Reads the store at `path`; a missing file gives an empty store. NULL when
 * the file cannot be read or memory runs out. */
struct store *store_open(const char *path);
void store_free(struct store *store);

/* The contact named `name`, or NULL. */
struct contact *store_find(struct store *store, const char *name);

int store_add(struct store *store, const char *name, const char *email, const char *phone);
int store_remove(struct store *store, const char *name);
int store_set_email(struct store *store, const char *name, const char *email);
void store_sort(struct store *store, const char *field);

/* 0 on success, -1 with errno set. */
int store_save(const struct store *store);
int store_export_csv(const struct store *store, const char *path);

#endif

/* store_option: the interface of store.h converted to nullproof/option.h,
 * the "after" of the demo's before/after (README.md): a lookup that may
 * find nothing returns an Option, opening the store returns a Result that
 * carries errno. A caller cannot use the value without looking at the tag,
 * and nullproof's unchecked-variant rule checks that it does look. */
#ifndef CONTACTS_STORE_OPTION_H
#define CONTACTS_STORE_OPTION_H

#include "contact.h"
#include "nullproof/option.h"

NP_OPTION_DECLARE(contact_opt, struct contact *)
NP_RESULT_DECLARE(store_result, struct store *, int) /* the error: an errno value */

/* Reads the store at `path`; a missing file gives an empty store. The
 * error is errno's value when the file cannot be read or memory runs out. */
store_result store_open(const char *path);
void store_free(struct store *store);

/* The contact named `name`, if there is one. */
contact_opt store_find(struct store *store, const char *name);

int store_add(struct store *store, const char *name, const char *email, const char *phone);
int store_remove(struct store *store, const char *name);
int store_set_email(struct store *store, const char *name, const char *email);
void store_sort(struct store *store, const char *field);

/* 0 on success, -1 with errno set. */
int store_save(const struct store *store);
int store_export_csv(const struct store *store, const char *path);

#endif

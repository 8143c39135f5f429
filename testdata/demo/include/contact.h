/* contact: the address book's data, shared by store.h and store_option.h. */
#ifndef CONTACTS_CONTACT_H
#define CONTACTS_CONTACT_H

#include <stddef.h>

#ifndef CONTACTS_MAX_NAME
#error "build with -DCONTACTS_MAX_NAME=N (see CMakeLists.txt)"
#endif

struct contact {
    char name[CONTACTS_MAX_NAME];
    char *email;
    char *phone;
};

struct store {
    struct contact *items;
    size_t count;
    size_t capacity;
    char *path;
};

#endif

/* An offset computed on a null constant reads nothing: glibc's
 * SUN_LEN(ptr) is `(size_t) (((struct sockaddr_un *) 0)->sun_path) +
 * strlen((ptr)->sun_path)`, and old code spells offsetof as
 * `(size_t) &((T *) 0)->field`. Reading a field through the constant is
 * still a dereference, and so is reading an array member of a pointer
 * that may be NULL. */
#define _DEFAULT_SOURCE
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>

struct record {
    int id;
    char name[16];
};

#define NAME_OFFSET ((size_t)((struct record *)0)->name)
#define ID_OFFSET ((size_t)&((struct record *)0)->id)

size_t socket_length(struct sockaddr_un *address, const char *path)
{
    strncpy(address->sun_path, path, sizeof address->sun_path - 1);
    return SUN_LEN(address) + 1;
}

size_t record_header(void)
{
    return NAME_OFFSET + ID_OFFSET;
}

int read_through_null(void)
{
    return ((struct record *)0)->id; // expect: null-deref
}

char first_letter(void)
{
    struct record *record = malloc(sizeof *record);
    return record->name[0]; // expect: unchecked-alloc
}

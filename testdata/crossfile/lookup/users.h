#include <stddef.h>

struct user {
    const char *name;
    int age;
};

struct user *user_find(const char *name);
size_t user_name_length(const struct user *user);

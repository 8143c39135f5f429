/* Uses of user_find(), which users.c defines: unchecked ones are findings
 * whose note names users.c, checked ones are not. */
#include "users.h"

int age_unchecked(const char *name)
{
    struct user *u = user_find(name);
    return u->age; // expect: unchecked-lookup
}

int age_checked(const char *name)
{
    struct user *u = user_find(name);
    if (u == NULL)
        return -1;
    return u->age;
}

/* user_name_length() (users.c) dereferences its argument */
size_t length_unchecked(const char *name)
{
    struct user *u = user_find(name);
    return user_name_length(u); // expect: unchecked-lookup
}

size_t length_checked(const char *name)
{
    struct user *u = user_find(name);
    return u ? user_name_length(u) : 0;
}

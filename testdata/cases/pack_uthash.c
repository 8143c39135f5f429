/* The uthash pack: HASH_FIND_STR, HASH_FIND_INT and HASH_FIND leave their
 * output NULL when no element has the key. The macros are read through:
 * the `out = NULL` in their expansion means "not found". */
#include <uthash.h>

struct user {
    int id;
    char name[32];
    int logins;
    UT_hash_handle hh;
};

struct user *users_by_name;
struct user *users_by_id;

int logins_of(const char *name)
{
    struct user *user;
    HASH_FIND_STR(users_by_name, name, user);
    return user->logins; // expect: unchecked-lookup
}

void count_login(int id)
{
    struct user *user;
    HASH_FIND_INT(users_by_id, &id, user);
    user->logins++; // expect: unchecked-lookup
}

const char *name_of(int id)
{
    struct user *found = NULL;
    HASH_FIND(hh, users_by_id, &id, sizeof id, found);
    return found->name; // expect: unchecked-lookup
}

/* must stay silent */

int logins_of_checked(const char *name)
{
    struct user *user;
    HASH_FIND_STR(users_by_name, name, user);
    if (user == NULL)
        return 0;
    return user->logins;
}

void count_login_checked(int id)
{
    struct user *user;
    HASH_FIND_INT(users_by_id, &id, user);
    if (user)
        user->logins++;
}

unsigned user_count(void)
{
    return HASH_COUNT(users_by_name);
}

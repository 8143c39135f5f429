/* A NULL test tells where the pointer is NULL: using it in that branch, after
 * a branch that only logs, or on the right of a bitwise & is null-deref. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct user {
    char name[32];
    int logins;
};

extern void log_message(const char *message);

int login_count(const struct user *user)
{
    if (user == NULL) {
        log_message("no user");
        return user->logins; // expect: null-deref
    }
    return user->logins;
}

void record_login(struct user *user)
{
    if (user == NULL)
        log_message("login without user");
    user->logins++; // expect: null-deref
}

int is_active(const struct user *user)
{
    return (user != NULL) & (user->logins > 0); // expect: null-deref
}

int has_name(const struct user *user)
{
    if ((user == NULL) | (user->name[0] == '\0')) // expect: null-deref
        return 0;
    return 1;
}

/* The allocation was tested, but the branch does not leave. */
char *user_label(const struct user *user)
{
    char *label = malloc(64);
    if (label == NULL)
        log_message("out of memory");
    label[0] = '\0'; // expect: null-deref
    strncat(label, user->name, 63);
    return label;
}

/* must stay silent */

int login_count_checked(const struct user *user)
{
    if (user == NULL) {
        log_message("no user");
        return 0;
    }
    return user->logins;
}

int is_active_checked(const struct user *user)
{
    return (user != NULL) && (user->logins > 0);
}

int has_name_checked(const struct user *user)
{
    if (user == NULL || user->name[0] == '\0')
        return 0;
    return (int)strlen(user->name);
}

/* Functions of the file that return NULL when nothing matches (a loop over a
 * table, a find/lookup/get by name) are lookups: their callers must check. */
#include <stdlib.h>
#include <string.h>

struct user {
    char name[32];
    int uid;
    const char *shell;
};

struct user_table {
    struct user *users;
    size_t count;
};

static struct user *find_user(const struct user_table *table, const char *name)
{
    for (size_t i = 0; i < table->count; i++) {
        if (strcmp(table->users[i].name, name) == 0)
            return &table->users[i];
    }
    return NULL;
}

struct user *user_by_uid(const struct user_table *table, int uid)
{
    size_t i = 0;
    while (i < table->count) {
        if (table->users[i].uid == uid)
            return &table->users[i];
        i++;
    }
    return NULL;
}

static const char *lookup_shell(const char *name)
{
    static const char *const names[] = {"bash", "zsh", "fish"};
    static const char *const paths[] = {"/bin/bash", "/bin/zsh", "/usr/bin/fish"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i], name) == 0)
            return paths[i];
    return NULL;
}

static const char *get_config_dir(void)
{
    return getenv("XDG_CONFIG_HOME");
}

int uid_of(const struct user_table *table, const char *name)
{
    struct user *user = find_user(table, name);
    return user->uid; // expect: unchecked-lookup
}

void rename_user(struct user_table *table, int uid, const char *name)
{
    strcpy(user_by_uid(table, uid)->name, name); // expect: unchecked-lookup
}

size_t shell_path_length(const char *name)
{
    return strlen(lookup_shell(name)); // expect: unchecked-lookup
}

char config_dir_first(void)
{
    const char *dir = get_config_dir();
    return dir[0]; // expect: unchecked-lookup
}

/* must stay silent */

/* Named like a lookup, but it never returns NULL. */
static const char *find_shell_or_default(const char *name)
{
    const char *path = lookup_shell(name);
    if (path == NULL)
        return "/bin/sh";
    return path;
}

int uid_of_checked(const struct user_table *table, const char *name)
{
    struct user *user = find_user(table, name);
    if (user == NULL)
        return -1;
    return user->uid;
}

int rename_user_checked(struct user_table *table, int uid, const char *name)
{
    struct user *user = user_by_uid(table, uid);
    if (!user)
        return -1;
    strncpy(user->name, name, sizeof user->name - 1);
    user->name[sizeof user->name - 1] = '\0';
    return 0;
}

size_t shell_path_length_checked(const char *name)
{
    return strlen(find_shell_or_default(name));
}

char config_dir_first_checked(void)
{
    const char *dir = get_config_dir();
    return dir != NULL ? dir[0] : '\0';
}

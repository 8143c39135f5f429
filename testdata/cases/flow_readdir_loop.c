/* The directory-walk idioms: `while ((entry = readdir(dir)) != NULL)` and a
 * for (;;) with a break on NULL guard the body; after the loop entry is NULL. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

/* must stay silent */

int count_sources(const char *path)
{
    DIR *dir = opendir(path);
    struct dirent *entry;
    int count = 0;
    if (!dir)
        return -1;
    while ((entry = readdir(dir)) != NULL) {
        const char *dot = strrchr(entry->d_name, '.');
        if (dot != NULL && strcmp(dot, ".c") == 0)
            count++;
    }
    closedir(dir);
    return count;
}

int list_hidden(const char *path)
{
    DIR *dir = opendir(path);
    if (dir == NULL) {
        perror(path);
        return -1;
    }
    for (;;) {
        struct dirent *entry = readdir(dir);
        if (entry == NULL)
            break;
        if (entry->d_name[0] == '.')
            puts(entry->d_name);
    }
    return closedir(dir);
}

int has_entry(const char *path, const char *name)
{
    DIR *dir = opendir(path);
    struct dirent *entry = NULL;
    int found = 0;
    if (dir == NULL)
        return 0;
    while ((entry = readdir(dir)))
        if (strcmp(entry->d_name, name) == 0) {
            found = 1;
            break;
        }
    closedir(dir);
    return found;
}

/* Flagged. */

const char *last_entry_name(const char *path)
{
    static char name[256];
    DIR *dir = opendir(path);
    struct dirent *entry;
    if (dir == NULL)
        return NULL;
    while ((entry = readdir(dir)) != NULL)
        snprintf(name, sizeof name, "%s", entry->d_name);
    printf("stopped at %s\n", entry->d_name); // expect: null-deref
    closedir(dir);
    return name;
}

unsigned char first_entry_type(const char *path)
{
    DIR *dir = opendir(path);
    struct dirent *entry;
    unsigned char type;
    if (dir == NULL)
        return 0;
    entry = readdir(dir);
    type = entry->d_type; // expect: unchecked-nullable
    closedir(dir);
    return type;
}

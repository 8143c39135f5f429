/* The posix pack's reentrant functions: the *_r lookups return 0 and
 * write NULL through their last pointer when there is no such entry
 * (out-null), the *_r time conversions need their pointers (but are not
 * NULL sources: they fail only for years beyond an int), and <libgen.h>'s
 * dirname and basename are given the result of a failed call. */
#define _GNU_SOURCE
#include <dirent.h>
#include <grp.h>
#include <libgen.h>
#include <netdb.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

static int compare_times(const void *a, const void *b)
{
    return *(const time_t *)a < *(const time_t *)b ? -1 : *(const time_t *)a > *(const time_t *)b;
}

const char *home_of(const char *user, char *buffer, size_t size)
{
    struct passwd entry, *found;
    if (getpwnam_r(user, &entry, buffer, size, &found) != 0)
        return NULL;
    return found->pw_dir; // expect: unchecked-lookup
}

const char *name_of(uid_t uid, char *buffer, size_t size)
{
    struct passwd entry;
    struct passwd *found = NULL;
    getpwuid_r(uid, &entry, buffer, size, &found);
    return found->pw_name; // expect: unchecked-lookup
}

gid_t group_id(const char *name, char *buffer, size_t size)
{
    struct group entry, *found;
    if (getgrnam_r(name, &entry, buffer, size, &found) != 0)
        return (gid_t)-1;
    return found->gr_gid; // expect: unchecked-lookup
}

const char *group_name(gid_t gid, char *buffer, size_t size)
{
    struct group entry, *found;
    if (getgrgid_r(gid, &entry, buffer, size, &found))
        return NULL;
    return found->gr_name; // expect: unchecked-lookup
}

int address_length(const char *host, char *buffer, size_t size)
{
    struct hostent entry, *found;
    int error;
    gethostbyname_r(host, &entry, buffer, size, &found, &error);
    return found->h_length; // expect: unchecked-lookup
}

int port_of(const char *service, char *buffer, size_t size)
{
    struct servent entry, *found;
    getservbyname_r(service, "tcp", &entry, buffer, size, &found);
    return found->s_port; // expect: unchecked-lookup
}

int protocol_number(const char *name, char *buffer, size_t size)
{
    struct protoent entry, *found;
    getprotobyname_r(name, &entry, buffer, size, &found);
    return found->p_proto; // expect: unchecked-lookup
}

int year_of(const time_t *when)
{
    struct tm storage;
    const time_t *stamp = bsearch(when, when, 1, sizeof *when, compare_times);
    gmtime_r(stamp, &storage); // expect: unchecked-lookup
    return storage.tm_year;
}

int hour_of(time_t when)
{
    struct tm *storage = malloc(sizeof *storage);
    localtime_r(&when, storage); // expect: unchecked-alloc
    int hour = storage->tm_hour;
    free(storage);
    return hour;
}

int converted_hour(time_t when)
{
    struct tm storage;
    /* fails only for a year beyond an int: not a NULL source */
    return localtime_r(&when, &storage)->tm_hour;
}

char *parent_of(const char *path)
{
    char *copy = strdup(path);
    return dirname(copy); // expect: unchecked-alloc
}

char *leaf_of(const char *path)
{
    char *copy = strdup(path);
    return basename(copy); // expect: unchecked-alloc
}

int first_is_hidden(DIR *directory)
{
    struct dirent storage, *entry;
    if (readdir_r(directory, &storage, &entry) != 0)
        return -1;
    return entry->d_name[0] == '.'; // expect: unchecked-lookup
}

/* must stay silent */

char *leaf_of_checked(const char *path)
{
    char *copy = strdup(path);
    if (copy == NULL)
        return NULL;
    return basename(copy);
}

const char *home_of_checked(const char *user, char *buffer, size_t size)
{
    struct passwd entry, *found;
    if (getpwnam_r(user, &entry, buffer, size, &found) != 0 || found == NULL)
        return NULL;
    return found->pw_dir;
}

const char *name_of_checked(uid_t uid, char *buffer, size_t size)
{
    struct passwd entry;
    struct passwd *found = NULL;
    getpwuid_r(uid, &entry, buffer, size, &found);
    return found ? found->pw_name : "?";
}

gid_t group_id_checked(const char *name, char *buffer, size_t size)
{
    struct group entry, *found;
    if (getgrnam_r(name, &entry, buffer, size, &found) != 0 || !found)
        return (gid_t)-1;
    return found->gr_gid;
}

const char *group_name_checked(gid_t gid, char *buffer, size_t size)
{
    struct group entry, *found;
    if (getgrgid_r(gid, &entry, buffer, size, &found) || !found)
        return NULL;
    return found->gr_name;
}

int address_length_checked(const char *host, char *buffer, size_t size)
{
    struct hostent entry, *found;
    int error;
    if (gethostbyname_r(host, &entry, buffer, size, &found, &error) != 0 || found == NULL)
        return -1;
    return found->h_length;
}

int port_of_checked(const char *service, char *buffer, size_t size)
{
    struct servent entry, *found;
    getservbyname_r(service, "tcp", &entry, buffer, size, &found);
    return found ? found->s_port : -1;
}

int protocol_number_checked(const char *name, char *buffer, size_t size)
{
    struct protoent entry, *found;
    getprotobyname_r(name, &entry, buffer, size, &found);
    return found ? found->p_proto : -1;
}

int year_of_checked(const time_t *when)
{
    struct tm storage;
    const time_t *stamp = bsearch(when, when, 1, sizeof *when, compare_times);
    if (stamp == NULL || gmtime_r(stamp, &storage) == NULL)
        return -1;
    return storage.tm_year;
}

int hour_of_checked(time_t when)
{
    struct tm *storage = malloc(sizeof *storage);
    if (!storage)
        return -1;
    localtime_r(&when, storage);
    int hour = storage->tm_hour;
    free(storage);
    return hour;
}

char *parent_of_checked(const char *path)
{
    char *copy = strdup(path);
    return copy ? dirname(copy) : NULL;
}

size_t entries_in(DIR *directory)
{
    struct dirent storage, *entry;
    size_t count = 0;
    while (readdir_r(directory, &storage, &entry) == 0 && entry != NULL)
        count += entry->d_name[0] != '.';
    return count;
}

/* Not out-parameters: getaddrinfo writes its list only on success and
 * getline's buffer is non-NULL after a line; code tests the status. */
int family_of(const char *host)
{
    struct addrinfo *list;
    if (getaddrinfo(host, NULL, NULL, &list) != 0)
        return -1;
    int family = list->ai_family;
    freeaddrinfo(list);
    return family;
}

/* A successful getaddrinfo gives at least one entry: walking the list with
 * a test, or testing it defensively, makes no NULL of it for freeaddrinfo. */
int first_reachable(const char *host)
{
    struct addrinfo *list, *entry;
    if (getaddrinfo(host, "http", NULL, &list) != 0)
        return -1;
    int family = -1;
    for (entry = list; entry != NULL; entry = entry->ai_next) {
        family = entry->ai_family;
        if (family == AF_INET)
            break;
    }
    freeaddrinfo(list);
    return family;
}

int canonical_length(const char *host)
{
    struct addrinfo *info;
    int length = -1;
    if (!getaddrinfo(host, NULL, NULL, &info)) {
        if (info && info->ai_canonname)
            length = (int)strlen(info->ai_canonname);
        freeaddrinfo(info);
    }
    return length;
}

/* A list of the program's own that may be NULL is still reported. */
int walk_own(struct addrinfo *list)
{
    struct addrinfo *entry;
    for (entry = list; entry != NULL; entry = entry->ai_next)
        ;
    return entry->ai_family; // expect: null-deref
}

size_t blank_lines(FILE *input)
{
    char *line = NULL;
    size_t size = 0, count = 0;
    while (getline(&line, &size, input) != -1)
        count += line[0] == '\n';
    free(line);
    return count;
}

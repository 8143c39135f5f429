/* POSIX sources that return NULL on failure or at the end: opendir, readdir,
 * dlopen, dlsym, localtime, gmtime, strtok, getpwnam, getpwuid. */
#include <dirent.h>
#include <dlfcn.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int first_entry_is_hidden(const char *path)
{
    DIR *dir = opendir(path);
    struct dirent *entry = readdir(dir); // expect: unchecked-nullable
    int hidden = entry->d_name[0] == '.'; // expect: unchecked-nullable
    closedir(dir);
    return hidden;
}

int plugin_version(const char *library)
{
    void *handle = dlopen(library, RTLD_NOW);
    /* dlsym(NULL, ...) is dlsym(RTLD_DEFAULT, ...): not a use of handle. */
    const int *version = dlsym(handle, "plugin_version");
    int value = *version; // expect: unchecked-nullable
    dlclose(handle); // expect: unchecked-nullable
    return value;
}

int modified_year(const struct stat *status)
{
    /* a file's time may be out of range; the clock's is not
     * (nullable_clock_times.c) */
    struct tm *local = localtime(&status->st_mtime);
    return local->tm_year + 1900; // expect: unchecked-nullable
}

int utc_hour(time_t when)
{
    return gmtime(&when)->tm_hour; // expect: unchecked-nullable
}

size_t first_word_length(char *sentence)
{
    char *word = strtok(sentence, " \t");
    return strlen(word); // expect: unchecked-nullable
}

const char *home_of(const char *login)
{
    struct passwd *account = getpwnam(login);
    return account->pw_dir; // expect: unchecked-nullable
}

const char *current_login(void)
{
    return getpwuid(getuid())->pw_name; // expect: unchecked-nullable
}

/* must stay silent */

int count_entries(const char *path)
{
    DIR *dir = opendir(path);
    struct dirent *entry;
    int count = 0;
    if (dir == NULL)
        return -1;
    while ((entry = readdir(dir)) != NULL)
        if (entry->d_name[0] != '.')
            count++;
    closedir(dir);
    return count;
}

int current_year_checked(void)
{
    time_t now = time(NULL);
    struct tm *local = localtime(&now);
    if (local == NULL)
        return 1970;
    return local->tm_year + 1900;
}

int count_words(char *sentence)
{
    int words = 0;
    for (char *word = strtok(sentence, " \t"); word != NULL; word = strtok(NULL, " \t"))
        words += word[0] != '\0';
    return words;
}

const char *home_of_checked(const char *login)
{
    struct passwd *account = getpwnam(login);
    return account ? account->pw_dir : "/";
}

int plugin_version_checked(const char *library)
{
    void *handle = dlopen(library, RTLD_NOW);
    if (!handle)
        return -1;
    const int *version = dlsym(handle, "plugin_version");
    int value = version ? *version : -1;
    dlclose(handle);
    return value;
}

/* A function of the program that caches its result (`if (!cache) cache =
 * compute(); return cache;`: a static, or a field of what a getter finds)
 * answers a second call like the first once that first call returned
 * non-NULL: the cache is set, and with it set the function only reads. A
 * tested call therefore vouches for the same call again. It does not when
 * the first answer was NULL (the second call computes anew), nor when the
 * function can return something else than its cache, nor when something
 * between the calls may reset the cache. */
#include <stdlib.h>
#include <string.h>

struct settings {
    char *attributes_file;
    char *editor;
};

extern struct settings *settings_of(void *repository);
extern void *the_repository;

/* may return NULL: the file is not there */
char *find_config_file(const char *name);
char *find_config_file(const char *name)
{
    const char *home = getenv("HOME");
    if (!home)
        return NULL;
    char *path = malloc(strlen(home) + strlen(name) + 2);
    if (path)
        strcpy(path, home);
    return path;
}

const char *system_attributes(void)
{
    static char *system_wide;
    if (!system_wide)
        system_wide = find_config_file("attributes");
    return system_wide;
}

const char *global_attributes(void)
{
    struct settings *settings = settings_of(the_repository);
    if (!settings->attributes_file)
        settings->attributes_file = find_config_file("attributes");
    return settings->attributes_file;
}

/* must stay silent */

size_t system_attributes_length(void)
{
    if (system_attributes())
        return strlen(system_attributes());
    return 0;
}

size_t global_attributes_length(void)
{
    if (!global_attributes())
        return 0;
    return strlen(global_attributes());
}

/* must be reported */

/* The first answer was NULL: the second call looks again. */
size_t attributes_after_miss(void)
{
    if (!system_attributes())
        return strlen(system_attributes()); // expect: unchecked-lookup
    return 0;
}

/* Something between the calls may reset the cache. */
extern void reload_settings(void);
size_t attributes_after_reload(void)
{
    if (global_attributes()) {
        reload_settings();
        return strlen(global_attributes()); // expect: unchecked-lookup
    }
    return 0;
}

/* Once cached, it hands out a copy: each call may fail anew. */
char *editor_copy(void)
{
    struct settings *settings = settings_of(the_repository);
    if (!settings->editor)
        settings->editor = find_config_file("editor");
    return settings->editor ? strdup(settings->editor) : NULL;
}

size_t editor_length(void)
{
    if (editor_copy())
        return strlen(editor_copy()); // expect: unchecked-alloc
    return 0;
}

/* The owner is made anew by each call: its cache starts empty. */
struct settings *settings_load(void)
{
    return calloc(1, sizeof(struct settings));
}

const char *loaded_attributes(void)
{
    struct settings *settings = settings_load();
    if (!settings->attributes_file) // expect: unchecked-alloc
        settings->attributes_file = find_config_file("attributes");
    return settings->attributes_file;
}

size_t loaded_attributes_length(void)
{
    if (loaded_attributes())
        return strlen(loaded_attributes()); // expect: unchecked-lookup
    return 0;
}

/* A user pack found through .nullproof.yaml (`packs: [packs/]`): the
 * project's string map returns NULL or leaves its out-parameter NULL for
 * "absent", and its checking macro refines like assert. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct strmap;
struct strmap *strmap_new(size_t capacity);
const char *strmap_get(const struct strmap *map, const char *key);
bool strmap_find(const struct strmap *map, const char *key, const char **value);
int strmap_put(struct strmap *map, const char *key, const char *value);
void strmap_panic(const char *message);
void check_not_null(const void *pointer, const char *file, int line);
#define CHECK_NOT_NULL(pointer) check_not_null((pointer), __FILE__, __LINE__)
void report_failure(const char *expression, const char *file, int line);
void require_failed_unless(int holds, const char *expression);
void log_panic(const char *message);
#define ENSURE(pointer)                                                                            \
    do {                                                                                           \
        if (!(pointer))                                                                            \
            report_failure(#pointer, __FILE__, __LINE__);                                          \
    } while (0)
#define REQUIRE(condition) require_failed_unless((condition), #condition)
#define PANIC(message) log_panic(message)

size_t timeout_length(const struct strmap *settings)
{
    const char *timeout = strmap_get(settings, "timeout");
    return strlen(timeout); // expect: unchecked-lookup
}

char color_initial(const struct strmap *settings)
{
    const char *color;
    strmap_find(settings, "color", &color);
    return color[0]; // expect: unchecked-lookup
}

int defaults(void)
{
    struct strmap *map = strmap_new(16);
    return strmap_put(map, "mode", "fast"); // expect: unchecked-alloc
}

int settings_value(const struct strmap *settings, const char *key)
{
    if (strmap_get(settings, key) == NULL)
        return 0;
    return strmap_get(NULL, key)[0]; // expect: null-deref, unchecked-lookup
}

/* ENSURE on another pointer checks nothing about this one */
size_t shell_length(const struct strmap *settings)
{
    const char *shell = strmap_get(settings, "shell");
    ENSURE(settings);
    return strlen(shell); // expect: unchecked-lookup
}

/* must stay silent */

size_t timeout_length_checked(const struct strmap *settings)
{
    const char *timeout = strmap_get(settings, "timeout");
    CHECK_NOT_NULL(timeout);
    return strlen(timeout);
}

char color_initial_checked(const struct strmap *settings)
{
    const char *color = NULL;
    if (!strmap_find(settings, "color", &color) || color == NULL)
        return '?';
    return color[0];
}

size_t name_length(const struct strmap *settings)
{
    const char *name = strmap_get(settings, "name");
    if (!name)
        strmap_panic("no name");
    return strlen(name);
}

size_t mode_length(const struct strmap *settings)
{
    const char *mode = strmap_get(settings, "mode");
    ENSURE(mode);
    return strlen(mode);
}

size_t user_length(const struct strmap *settings)
{
    const char *user = strmap_get(settings, "user");
    REQUIRE(user != NULL);
    return strlen(user);
}

size_t home_length(const struct strmap *settings)
{
    const char *home = strmap_get(settings, "home");
    if (home == NULL)
        PANIC("no home");
    return strlen(home);
}

size_t path_length(const struct strmap *settings)
{
    const char *path = strmap_get(settings, "path");
    check_not_null(path, __FILE__, __LINE__);
    return strlen(path);
}

/* A pure lookup (strchr, strrchr, getenv: a pack's `returns: lookup`; a
 * function of the program that writes no memory but its locals and calls
 * only pure functions, such as strcmp) called again with the same
 * unchanged arguments returns what the tested call returned. A write to
 * memory or to a global, or a call to another function, in between may
 * change the answer. Two searches that find together (a pack's
 * `found-with`: strrchr finds a last match exactly when strchr finds a
 * first) answer alike for the same arguments, whichever is tested. A
 * library call a pack describes changes only what its pointer arguments
 * reach: an allocation or a print in between leaves the environment and
 * the strings searched as they were. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* must stay silent */

void chop_newline(char *line)
{
    if (strchr(line, '\n'))
        *strchr(line, '\n') = '\0';
}

const char *base_name(const char *path)
{
    const char *name = path;
    if (strrchr(name, '/'))
        name = strrchr(name, '/') + 1;
    return name;
}

size_t base_length(const char *name)
{
    if (strchr(name, '/'))
        name = strrchr(name, '/') + 1;
    return strlen(name);
}

size_t extension_length(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!strchr(name, '.'))
        return 0;
    return strlen(dot + 1);
}

size_t home_length(void)
{
    if (getenv("HOME"))
        return strlen(getenv("HOME"));
    return 0;
}

struct user {
    const char *name;
    int age;
    struct user *next;
};

static struct user *users;

struct user *user_find(const char *name)
{
    for (struct user *user = users; user; user = user->next)
        if (strcmp(user->name, name) == 0)
            return user;
    return NULL;
}

int user_age(const char *name)
{
    if (user_find(name) && strlen(name) > 0)
        return user_find(name)->age;
    return -1;
}

/* The same function's address is the same argument: a binding found for
 * do_execute is found again (nano's first_sc_for(MMAIN, do_execute)). */
struct binding {
    int keycode;
    int menus;
    void (*func)(void);
    struct binding *next;
};

struct binding *bindings;
void do_execute(void);
void do_suspend(void);

const struct binding *first_binding_for(int menu, void (*function)(void))
{
    for (struct binding *b = bindings; b != NULL; b = b->next)
        if ((b->menus & menu) && b->func == function)
            return b;
    return NULL;
}

int suspend_is_ctrl_z(void)
{
    if (first_binding_for(1, do_execute) && first_binding_for(1, do_execute)->keycode == 0x14 &&
        first_binding_for(2, &do_suspend) && first_binding_for(2, &do_suspend)->keycode == 0x1A)
        return 1;
    return 0;
}

/* at's date parser: the variable read again around an allocation, kept
 * in a global; a library's search given constants only reads no memory of
 * the program's */
static char *saved_tz;

void save_zone(void)
{
    if (getenv("TZ")) {
        saved_tz = malloc(strlen(getenv("TZ")) + 1);
        strcpy(saved_tz, getenv("TZ")); // expect: unchecked-alloc
    }
}

void print_value(char *line)
{
    if (strchr(line, '=')) {
        fputs(line, stderr); /* a `const char *`: only read */
        *strchr(line, '=') = '\0';
    }
}

/* The tested call's answer is kept where the result replaces its own
 * argument (wavpack's `if (filespec_ext(dst)) dst = filespec_ext(dst);`),
 * loop after loop. */
static char *extension_of(char *name)
{
    char *dot = NULL;
    for (char *at = name; *at; at++)
        if (*at == '.')
            dot = at;
    return dot;
}

char *last_extension(char *name, int rounds)
{
    char *at = name + 1;
    while (rounds-- > 0) {
        if (extension_of(at))
            at = extension_of(at);
    }
    return at;
}

/* must be reported */

/* once the result replaced its argument, the same call reads another name */
size_t second_extension_length(char *name)
{
    if (extension_of(name)) {
        name = extension_of(name);
        return strlen(extension_of(name)); // expect: unchecked-lookup
    }
    return 0;
}

/* the library writes the searched string in between */
void chop_after_copy(char *line, const char *other)
{
    if (strchr(line, '=')) {
        strcpy(line, other);
        *strchr(line, '=') = '\0'; // expect: unchecked-lookup
    }
}

/* a write through a pointer that may share the searched string */
void chop_after_cursor_write(char *line, char *cursor)
{
    if (strchr(line, '=')) {
        *cursor = '\0';
        *strchr(line, '=') = '\0'; // expect: unchecked-lookup
    }
}

/* setenv has no entry: a call nothing describes may change the environment */
size_t zone_after_reset(void)
{
    if (getenv("TZ")) {
        setenv("TZ", "", 1);
        unsetenv("TZ");
        return strlen(getenv("TZ")); // expect: unchecked-lookup
    }
    return 0;
}

/* Another string is searched the second time. */
void chop_other(char *tested, char *changed)
{
    if (strchr(tested, '\n'))
        *strchr(changed, '\n') = '\0'; // expect: unchecked-lookup
}

/* The string is written between the two calls. */
void chop_after_write(char *line)
{
    if (strchr(line, '\n')) {
        line[0] = '#';
        *strchr(line, '\n') = '\0'; // expect: unchecked-lookup
    }
}

/* The environment may change in another function. */
extern void load_profile(void);
size_t home_after_call(void)
{
    if (getenv("HOME")) {
        load_profile();
        return strlen(getenv("HOME")); // expect: unchecked-lookup
    }
    return 0;
}

/* A write to a global the function reads. */
int user_age_after_reset(const char *name, struct user *fallback)
{
    if (user_find(name)) {
        users = fallback;
        return user_find(name)->age; // expect: unchecked-lookup
    }
    return -1;
}

/* A function that allocates gives another answer each time. */
struct user *user_new(const char *name)
{
    struct user *user = malloc(sizeof *user);
    if (user)
        user->name = name;
    return user;
}

const char *new_user_name(const char *name)
{
    if (user_new(name))
        return user_new(name)->name; // expect: unchecked-alloc
    return NULL;
}

/* Another function is another argument. */
int execute_is_ctrl_t(void)
{
    if (first_binding_for(1, do_suspend) && first_binding_for(1, do_execute)->keycode == 0x14) // expect: unchecked-lookup
        return 1;
    return 0;
}

size_t after_other_search(const char *name)
{
    if (strchr(name, '/'))
        name = strrchr(name, '.');
    return strlen(name); // expect: unchecked-lookup
}

size_t after_other_text(const char *name, const char *path)
{
    if (strchr(path, '/'))
        name = strrchr(name, '/');
    return strlen(name); // expect: unchecked-lookup
}

/* A function of the file that returns NULL on some path is a source for its
 * callers, also through another function that passes its result on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct theme {
    const char *name;
    const char *foreground;
    const char *background;
};

static struct theme themes[] = {
    {"light", "black", "white"},
    {"dark", "white", "black"},
};

static struct theme *theme_at(int index)
{
    if (index < 0 || index >= 2)
        return NULL;
    return &themes[index];
}

static const char *theme_label(int index)
{
    switch (index) {
    case 0:
        return "Light";
    case 1:
        return "Dark";
    default:
        return NULL;
    }
}

/* Passes theme_at's result on: callers get a maybe-NULL value too. */
static struct theme *theme_from_setting(const char *setting)
{
    int index = setting[0] == 'd' ? 1 : setting[0] == 'l' ? 0 : -1;
    return theme_at(index);
}

/* theme_at() returns NULL only for an index out of range: with an index
 * the caller knows nothing of, that is the caller's precondition (as an
 * array index would be), not a NULL to check. */
const char *foreground_of(int index)
{
    struct theme *theme = theme_at(index);
    return theme->foreground;
}

/* NULL only for the sentinel -1; a loop index bounded on one side by the
 * loop test is no choice of -1. */
static struct theme *theme_or_none(int index)
{
    if (index == -1)
        return NULL;
    return &themes[index & 1];
}

int count_dark(int count)
{
    int dark = 0;
    if (count > 100)
        return -1;
    for (int i = 0; i < count; i++)
        dark += theme_or_none(i)->name[0] == 'd';
    return dark;
}

/* A NULL made in one arm of a ?: is decided by that test: of the
 * argument here (the caller's precondition), of the environment below. */
static const char *theme_name_or_none(const struct theme *theme)
{
    const char *name = theme->name;
    return name[0] ? name : NULL;
}

static const char *theme_from_environment(void)
{
    const char *name = getenv("THEME");
    return name && name[0] ? name : NULL;
}

size_t name_length(const struct theme *theme)
{
    return strlen(theme_name_or_none(theme));
}

size_t environment_theme_length(void)
{
    return strlen(theme_from_environment()); // expect: unchecked-nullable
}

/* An index the caller knows can be out of range is reported. */
const char *foreground_of_any(int wanted)
{
    int index = wanted > 0 ? 5 : 0;
    return theme_at(index)->foreground; // expect: unchecked-nullable
}

const char *foreground_of_last(void)
{
    return theme_at(2)->foreground; // expect: unchecked-nullable
}

size_t background_length(const char *setting)
{
    return strlen(theme_from_setting(setting)->background); // expect: unchecked-nullable
}

size_t label_length(int index)
{
    return strlen(theme_label(index));
}

size_t label_length_out_of_range(void)
{
    return strlen(theme_label(3)); // expect: unchecked-nullable
}

/* must stay silent */

const char *foreground_or_default(int index)
{
    struct theme *theme = theme_at(index);
    if (theme == NULL)
        return "default";
    return theme->foreground;
}

void print_theme(const char *setting)
{
    const struct theme *theme = theme_from_setting(setting);
    if (theme != NULL)
        printf("%s on %s\n", theme->foreground, theme->background);
}

/* With this constant argument theme_label cannot return NULL. */
size_t dark_label_length(void)
{
    return strlen(theme_label(1));
}

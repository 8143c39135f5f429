/* A copy of a pointer is the same value: testing the copy guards the original
 * and the other way round, until one of them is assigned something else. */
#include <stdlib.h>
#include <string.h>

struct record {
    char *name;
    int size;
};

/* must stay silent */

int checked_through_copy(void)
{
    char *buffer = malloc(64);
    char *cursor = buffer;
    if (cursor == NULL)
        return -1;
    buffer[0] = '\0';
    free(buffer);
    return 0;
}

int copy_checked_through_original(const char *name)
{
    char *copy = strdup(name);
    char *alias = copy;
    if (!copy)
        return -1;
    alias[0] = (char)(alias[0] & 0x5f);
    free(copy);
    return 0;
}

int field_checked_through_local(struct record *record, const char *name)
{
    char *name_copy = strdup(name);
    record->name = name_copy;
    if (name_copy == NULL)
        return -1;
    record->name[0] = 'x';
    return 0;
}

int truthiness_of_copy(void)
{
    const char *home = getenv("HOME");
    const char *where = home;
    if (where)
        return home[0];
    return 0;
}

/* The check is on a copy that no longer holds the value. */

int copy_reassigned_before_check(void)
{
    char *buffer = malloc(64);
    char *cursor = buffer;
    cursor = "fallback";
    if (cursor == NULL)
        return -1;
    buffer[0] = '\0'; // expect: unchecked-alloc
    free(buffer);
    return 0;
}

int original_reassigned_after_copy(void)
{
    const char *lang = getenv("LANG");
    const char *saved = lang;
    lang = getenv("LC_ALL");
    if (saved == NULL)
        return 0;
    return lang[0]; // expect: unchecked-lookup
}

int checked_the_wrong_copy(void)
{
    char *first = malloc(32);
    char *second = malloc(32);
    char *check = first;
    if (check == NULL)
        return -1;
    second[0] = first[0] = '\0'; // expect: unchecked-alloc
    free(first);
    free(second);
    return 0;
}

/* Everyday idioms that handle absence correctly and must stay silent: GNU ?:
 * defaults, arrays and addresses, out-parameters, a test kept in a flag. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct range {
    long low;
    long high;
};

/* must stay silent */

size_t home_length(void)
{
    const char *home = getenv("HOME") ?: "/";
    return strlen(home);
}

long parse_number(const char *text)
{
    char *end;
    long number = strtol(text, &end, 10);
    if (*end != '\0')
        return -1;
    return number;
}

int fill_local(void)
{
    char buffer[16];
    char *cursor = buffer;
    cursor[0] = '\0';
    return cursor[0];
}

void store_low(struct range *out, long low)
{
    struct range fallback;
    struct range *target = out != NULL ? out : &fallback;
    target->low = low;
}

int count_comment_lines(FILE *in)
{
    char *line = NULL;
    size_t capacity = 0;
    int comments = 0;
    while (getline(&line, &capacity, in) > 0)
        comments += line[0] == '#';
    free(line);
    return comments;
}

int first_char_with_flag(void)
{
    const char *value = getenv("VALUE");
    bool present = value != NULL;
    if (!present)
        return 0;
    return value[0];
}

int else_if_chain(void)
{
    const char *value = getenv("VALUE");
    if (value == NULL)
        return 0;
    else if (value[0] == '\0')
        return 1;
    return value[1];
}

/* Flagged: the default is itself maybe-NULL. */

size_t config_length(void)
{
    const char *config = getenv("APP_CONFIG") ?: getenv("XDG_CONFIG_HOME");
    return strlen(config); // expect: unchecked-lookup
}

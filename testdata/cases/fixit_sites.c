/* Where nullproof offers a fix-it (tests/e2e/test_fix.py applies them with
 * --fix): a source's result stored in a local by a statement alone on its
 * line, in a function with a way to give up. The test, inserted on the next
 * line with the statement's indentation, fits the function: return NULL,
 * -1, 0 (unsigned, or an int predicate), false, nothing, or goto its
 * cleanup label. Findings marked "no fix-it" keep only advice. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct user {
    const char *name;
    int age;
};

struct user *user_find(struct user *users, int count, const char *name)
{
    for (int i = 0; i < count; i++)
        if (strcmp(users[i].name, name) == 0)
            return &users[i];
    return NULL;
}

char *copy_text(const char *text)
{
    char *copy = malloc(strlen(text) + 1);
    strcpy(copy, text); // expect: unchecked-alloc
    return copy;
}

int user_age(struct user *users, int count, const char *name)
{
    struct user *found = user_find(users, count, name); /* a comment stays */
    return found->age; // expect: unchecked-lookup
}

size_t home_length(void)
{
	const char *home = getenv("HOME");
	return strlen(home); // expect: unchecked-lookup
}

bool has_at(const char *email)
{
    const char *at;
    at = strchr(email, '@');
    return at[1] != '\0'; // expect: unchecked-lookup
}

int valid_name(const char *name)
{
    const char *space = strchr(name, ' ');
    if (space[1] == '\0') // expect: unchecked-lookup
        return 0;
    return strchr(name, '@') == NULL;
}

void log_line(const char *path, const char *line)
{
    FILE *out = fopen(path, "a");
    fputs(line, out); // expect: unchecked-nullable
    fclose(out);
}

int load(const char *path, char **text)
{
    int status = -1;
    char *buffer = malloc(4096);
    if (buffer == NULL)
        goto fail;
    char *header = (char *)malloc(64);
    header[0] = '\0'; // expect: unchecked-alloc
    *text = buffer;
    buffer = NULL;
    free(header);
    status = path != NULL ? 0 : -1;
fail:
    free(buffer);
    return status;
}

/* no fix-it: the statement spans two lines, shares its line, assigns a
 * field, or the function has no value that means "failed" */

struct user *first_user(void)
{
    struct user *user =
        malloc(sizeof *user);
    user->age = 0; // expect: unchecked-alloc (no fix-it)
    return user;
}

void two_statements(void)
{
    char *p = malloc(8); p[0] = 'x'; // expect: unchecked-alloc (no fix-it)
    free(p);
}

struct holder {
    char *buffer;
};

void fill(struct holder *holder)
{
    holder->buffer = malloc(8);
    holder->buffer[0] = '\0'; // expect: unchecked-alloc (no fix-it)
}

struct user make_user(const char *name)
{
    struct user user = {NULL, 0};
    char *copy = strdup(name);
    user.name = copy;
    user.age = (int)strlen(copy); // expect: unchecked-alloc (no fix-it)
    return user;
}

/* a fix-it again: _Bool written as such gives up with 0, as `false` may not
 * be defined where <stdbool.h> is not included */
_Bool starts_upper(const char *text)
{
    const char *upper = strpbrk(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    return upper[0] != '\0' && upper == text; // expect: unchecked-lookup
}

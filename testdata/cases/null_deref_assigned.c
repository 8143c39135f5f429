/* A pointer assigned NULL (at its declaration or on an error path) and then
 * used on a path where nothing replaced it is null-deref. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct connection {
    int fd;
    int retries;
};

static struct connection pool[4];

extern int connect_to(const char *host);
extern int parse_name(const char *text, char **name);

int retry(const char *host)
{
    struct connection *connection = NULL;
    int fd = connect_to(host);
    if (fd < 0)
        fprintf(stderr, "cannot connect to %s\n", host);
    else
        connection = &pool[fd % 4];
    connection->retries++; // expect: null-deref
    return fd;
}

size_t argument_length(int argc, char **argv)
{
    const char *name = NULL;
    if (argc > 1)
        name = argv[1];
    return strlen(name); // expect: null-deref
}

int always_null(void)
{
    int *counter = NULL;
    return *counter; // expect: null-deref
}

size_t literal_null_argument(void)
{
    return strlen(NULL); // expect: null-deref
}

/* *(s + 1) is the character after *s, not *s again: what the first test
 * learnt of *s does not rule out the second. */
int second_letter_count(const char *s, struct connection *connection)
{
    struct connection *found = connection;
    if (*s == 'a' && *(s + 1) == 'b')
        found = NULL;
    return found->retries; // expect: null-deref
}

/* must stay silent */

int retry_checked(const char *host)
{
    struct connection *connection = NULL;
    int fd = connect_to(host);
    if (fd >= 0)
        connection = &pool[fd % 4];
    if (connection == NULL)
        return -1;
    connection->retries++;
    return fd;
}

size_t argument_length_default(int argc, char **argv)
{
    const char *name = NULL;
    if (argc > 1)
        name = argv[1];
    else
        name = "-";
    return strlen(name);
}

/* Set through its address: the callee may have filled it in. */
size_t parsed_name_length(const char *text)
{
    char *name = NULL;
    parse_name(text, &name);
    return strlen(name);
}

int first_input_char(void)
{
    char *line = NULL;
    size_t capacity = 0;
    if (getline(&line, &capacity, stdin) < 0) {
        free(line);
        return EOF;
    }
    int first = line[0];
    free(line);
    return first;
}

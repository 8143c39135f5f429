/* Functions of the file that return NULL on an error path (not a search) are
 * nullable sources of kind "other": callers get unchecked-nullable. */
#include <stdio.h>
#include <string.h>

struct header {
    char name[32];
    const char *value;
};

struct request {
    int method;
    struct header host;
};

/* NULL when the line has no colon. */
static struct header *parse_header(char *line, struct header *out)
{
    char *colon = strchr(line, ':');
    if (colon == NULL)
        return NULL;
    *colon = '\0';
    snprintf(out->name, sizeof out->name, "%s", line);
    out->value = colon + 1;
    return out;
}

/* NULL for an unknown method or a missing host. */
struct request *parse_request_line(int method, char *host_line, struct request *out)
{
    if (method < 0 || method > 3)
        return NULL;
    if (parse_header(host_line, &out->host) == NULL)
        return NULL;
    out->method = method;
    return out;
}

size_t header_value_length(char *line)
{
    struct header storage;
    struct header *header = parse_header(line, &storage);
    return strlen(header->value); // expect: unchecked-nullable
}

int request_method(int method, char *host_line)
{
    struct request storage;
    return parse_request_line(method, host_line, &storage)->method; // expect: unchecked-nullable
}

/* must stay silent */

size_t header_value_length_checked(char *line)
{
    struct header storage;
    struct header *header = parse_header(line, &storage);
    if (header == NULL)
        return 0;
    return strlen(header->value);
}

int request_method_checked(int method, char *host_line)
{
    struct request storage;
    struct request *request = parse_request_line(method, host_line, &storage);
    if (!request) {
        fprintf(stderr, "bad request line\n");
        return -1;
    }
    return request->method;
}

/* The result is ignored: not a use. */
void skip_header(char *line)
{
    struct header storage;
    parse_header(line, &storage);
}

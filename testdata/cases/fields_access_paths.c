/* Struct fields are tracked like variables: s->buf = malloc(n) makes s->buf
 * maybe-NULL until it is tested, whatever the depth of the path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct database {
    char *path;
    int timeout;
};

struct config {
    struct database db;
    char *listen;
    int port;
};

struct line_buffer {
    char *data;
    size_t size;
};

extern void log_line(const char *message);

/* must stay silent */

int line_buffer_init(struct line_buffer *buffer, size_t size)
{
    buffer->data = malloc(size);
    if (buffer->data == NULL)
        return -1;
    buffer->data[0] = '\0';
    buffer->size = size;
    return 0;
}

int config_set_db(struct config *config, const char *path)
{
    config->db.path = strdup(path);
    if (!config->db.path)
        return -1;
    config->db.timeout = (int)strlen(config->db.path);
    return 0;
}

size_t local_struct(void)
{
    struct line_buffer buffer;
    buffer.data = calloc(1, 64);
    if (buffer.data == NULL)
        return 0;
    buffer.data[0] = 'x';
    free(buffer.data);
    return 64;
}

int other_field_unaffected(struct config *config)
{
    config->listen = strdup("0.0.0.0");
    if (config->listen == NULL)
        return -1;
    config->port = 8080;
    config->listen[0] = '*';
    return 0;
}

/* Flagged. */

void line_buffer_init_unchecked(struct line_buffer *buffer, size_t size)
{
    buffer->data = malloc(size);
    buffer->data[0] = '\0'; // expect: unchecked-alloc
    buffer->size = size;
}

void config_set_db_unchecked(struct config *config, const char *path)
{
    config->db.path = strdup(path);
    config->db.timeout = (int)strlen(config->db.path); // expect: unchecked-alloc
}

size_t local_struct_unchecked(void)
{
    struct line_buffer buffer;
    buffer.data = calloc(1, 64);
    log_line("buffer ready");
    buffer.data[0] = 'x'; // expect: unchecked-alloc
    free(buffer.data);
    return 64;
}

void listen_from_environment(struct config *config)
{
    config->listen = getenv("LISTEN");
    log_line("listen address set");
    config->port = config->listen[0] == '[' ? 6 : 4; // expect: unchecked-lookup
}

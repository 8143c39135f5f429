/* A library no rule pack describes: its header says nothing of NULL. */
struct connection;
struct buffer;

struct connection *connection_open(const char *host);
int connection_send(struct connection *connection, const char *text);
struct buffer *buffer_get(int size);
char *buffer_data(struct buffer *buffer);

/* The project's own lookups (items.c). */
struct item {
    const char *name;
    int count;
};
struct item *item_at(int index);
struct item *item_named(const char *name);

#include <stddef.h>

#include "net.h"

struct connection *upstream(const char *host)
{
    struct connection *connection = connection_open(host);
    if (connection == NULL)
        return NULL;
    connection_send(connection, "upstream");
    return connection;
}

int ping(const char *host)
{
    struct connection *connection = connection_open(host);
    if (!connection)
        return -1;
    return connection_send(connection, "ping");
}

int status(const char *host)
{
    struct connection *connection = connection_open(host);
    return connection_send(connection, "status") + *(int *)connection; // expect: unchecked-nullable
}

char second_byte(int size)
{
    struct buffer *buffer = buffer_get(size);
    if (buffer == NULL)
        return 0;
    return buffer_data(buffer)[1];
}

int buffer_size(int size)
{
    struct buffer *buffer = buffer_get(size);
    return *(int *)buffer;
}

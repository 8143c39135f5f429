/* Four of the five calls of connection_open() in the program test its
 * result: the program believes it may return NULL, so the fifth is a
 * finding. buffer_get() is tested twice only: too little to say. */
#include <stddef.h>

#include "net.h"

int send_hello(const char *host)
{
    struct connection *connection = connection_open(host);
    if (!connection)
        return -1;
    return connection_send(connection, "hello");
}

int send_bye(const char *host)
{
    struct connection *connection = connection_open(host);
    if (connection == NULL)
        return -1;
    return connection_send(connection, "bye");
}

char first_byte(int size)
{
    struct buffer *buffer = buffer_get(size);
    if (!buffer)
        return 0;
    return buffer_data(buffer)[0];
}

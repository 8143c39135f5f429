/* The libevent pack: bases, events, buffers, bufferevents and HTTP
 * servers fail to be created with NULL, a missing header or URI part is
 * NULL, and the functions that act on an event, a buffer or a
 * bufferevent dereference it. */
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/http.h>
#include <stdlib.h>
#include <string.h>

int run_loop(void)
{
    struct event_base *base = event_base_new();
    return event_base_dispatch(base); // expect: unchecked-nullable
}

int arm_timer(struct event_base *base, event_callback_fn tick, const struct timeval *period)
{
    struct event *timer = evtimer_new(base, tick, NULL);
    return event_add(timer, period); // expect: unchecked-nullable
}

int greet(void)
{
    struct evbuffer *out = evbuffer_new();
    return evbuffer_add_printf(out, "hello\n"); // expect: unchecked-alloc
}

size_t first_line_length(struct evbuffer *in)
{
    size_t length;
    char *line = evbuffer_readln(in, &length, EVBUFFER_EOL_CRLF);
    size_t text = strlen(line); // expect: unchecked-nullable
    free(line);
    return text;
}

unsigned char first_byte(struct evbuffer *in)
{
    unsigned char *bytes = evbuffer_pullup(in, 4);
    return bytes[0]; // expect: unchecked-nullable
}

void watch(struct event_base *base, int fd, bufferevent_data_cb on_read)
{
    struct bufferevent *connection = bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
    bufferevent_setcb(connection, on_read, NULL, NULL, NULL); // expect: unchecked-nullable
}

int serve(struct event_base *base, unsigned short port)
{
    struct evhttp *http = evhttp_new(base);
    return evhttp_bind_socket(http, "0.0.0.0", port); // expect: unchecked-nullable
}

size_t agent_length(struct evhttp_request *request)
{
    const char *agent =
        evhttp_find_header(evhttp_request_get_input_headers(request), "User-Agent");
    return strlen(agent); // expect: unchecked-lookup
}

size_t host_length(const char *text)
{
    struct evhttp_uri *uri = evhttp_uri_parse(text);
    const char *host = evhttp_uri_get_host(uri); // expect: unchecked-nullable
    size_t length = host ? strlen(host) : 0;
    evhttp_uri_free(uri);
    return length;
}

size_t host_length_of(const struct evhttp_uri *uri)
{
    return strlen(evhttp_uri_get_host(uri)); // expect: unchecked-lookup
}

char path_start(const struct evhttp_uri *uri)
{
    const char *path = evhttp_uri_get_path(uri);
    return path[0]; // expect: unchecked-lookup
}

char decoded_start(const char *uri)
{
    char *decoded = evhttp_decode_uri(uri);
    char first = decoded[0]; // expect: unchecked-alloc
    free(decoded);
    return first;
}

/* must stay silent */

int run_loop_checked(void)
{
    struct event_base *base = event_base_new();
    if (!base)
        return -1;
    int status = event_base_dispatch(base);
    event_base_free(base);
    return status;
}

int arm_timer_checked(struct event_base *base, event_callback_fn tick,
                      const struct timeval *period)
{
    struct event *timer = evtimer_new(base, tick, NULL);
    if (timer == NULL)
        return -1;
    return event_add(timer, period);
}

int greet_checked(void)
{
    struct evbuffer *out = evbuffer_new();
    if (!out)
        return -1;
    int status = evbuffer_add_printf(out, "hello\n");
    evbuffer_free(out);
    return status;
}

size_t first_line_length_checked(struct evbuffer *in)
{
    size_t length;
    char *line = evbuffer_readln(in, &length, EVBUFFER_EOL_CRLF);
    if (line == NULL)
        return 0;
    size_t text = strlen(line);
    free(line);
    return text;
}

unsigned char first_byte_checked(struct evbuffer *in)
{
    unsigned char *bytes = evbuffer_pullup(in, 4);
    return bytes ? bytes[0] : 0;
}

void watch_checked(struct event_base *base, int fd, bufferevent_data_cb on_read)
{
    struct bufferevent *connection = bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
    if (!connection)
        return;
    bufferevent_setcb(connection, on_read, NULL, NULL, NULL);
    bufferevent_enable(connection, EV_READ);
}

int serve_checked(struct event_base *base, unsigned short port)
{
    struct evhttp *http = evhttp_new(base);
    return http ? evhttp_bind_socket(http, "0.0.0.0", port) : -1;
}

size_t agent_length_checked(struct evhttp_request *request)
{
    const char *agent =
        evhttp_find_header(evhttp_request_get_input_headers(request), "User-Agent");
    return agent ? strlen(agent) : 0;
}

size_t host_length_checked(const char *text)
{
    struct evhttp_uri *uri = evhttp_uri_parse(text);
    if (!uri)
        return 0;
    const char *host = evhttp_uri_get_host(uri);
    size_t length = host ? strlen(host) : 0;
    evhttp_uri_free(uri);
    return length;
}

char path_start_checked(const struct evhttp_uri *uri)
{
    const char *path = evhttp_uri_get_path(uri);
    if (!path)
        path = "/";
    return path[0];
}

char decoded_start_checked(const char *uri)
{
    char *decoded = evhttp_decode_uri(uri);
    if (!decoded)
        return 0;
    char first = decoded[0];
    free(decoded);
    return first;
}

/* the loop runs the program's callbacks (calls-back): what they set in
 * globals is not known after it */
static const char *last_reply;

char first_reply_byte(struct event_base *base)
{
    last_reply = NULL;
    event_base_dispatch(base);
    return last_reply[0];
}

/* A stand-in for libevent's <event2/http.h> (libevent 2.1 names and
 * signatures) for the pack_libevent cases. Not the real header. */
#ifndef NULLPROOF_TEST_EVENT2_HTTP_H
#define NULLPROOF_TEST_EVENT2_HTTP_H

#include "event.h"
#include "buffer.h"

struct evhttp;
struct evhttp_request;
struct evhttp_uri;
struct evkeyvalq;

#define HTTP_OK 200

struct evhttp *evhttp_new(struct event_base *base);
int evhttp_bind_socket(struct evhttp *http, const char *address, unsigned short port);
void evhttp_set_gencb(struct evhttp *http, void (*cb)(struct evhttp_request *, void *),
                      void *arg);
struct evkeyvalq *evhttp_request_get_input_headers(struct evhttp_request *req);
const char *evhttp_find_header(const struct evkeyvalq *headers, const char *key);
void evhttp_send_reply(struct evhttp_request *req, int code, const char *reason,
                       struct evbuffer *databuf);
const char *evhttp_request_get_uri(const struct evhttp_request *req);
struct evhttp_uri *evhttp_uri_parse(const char *source_uri);
const char *evhttp_uri_get_host(const struct evhttp_uri *uri);
const char *evhttp_uri_get_path(const struct evhttp_uri *uri);
void evhttp_uri_free(struct evhttp_uri *uri);
char *evhttp_decode_uri(const char *uri);

#endif

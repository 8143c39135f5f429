/* A stand-in for libevent's <event2/bufferevent.h> (libevent 2.1 names
 * and signatures) for the pack_libevent cases. Not the real header. */
#ifndef NULLPROOF_TEST_EVENT2_BUFFEREVENT_H
#define NULLPROOF_TEST_EVENT2_BUFFEREVENT_H

#include "event.h"
#include "buffer.h"

struct bufferevent;
typedef void (*bufferevent_data_cb)(struct bufferevent *bev, void *ctx);
typedef void (*bufferevent_event_cb)(struct bufferevent *bev, short what, void *ctx);

#define BEV_OPT_CLOSE_ON_FREE (1 << 0)

struct bufferevent *bufferevent_socket_new(struct event_base *base, evutil_socket_t fd,
                                           int options);
void bufferevent_setcb(struct bufferevent *bufev, bufferevent_data_cb readcb,
                       bufferevent_data_cb writecb, bufferevent_event_cb eventcb, void *cbarg);
int bufferevent_enable(struct bufferevent *bufev, short event);
int bufferevent_write(struct bufferevent *bufev, const void *data, size_t size);
struct evbuffer *bufferevent_get_input(struct bufferevent *bufev);
void bufferevent_free(struct bufferevent *bufev);

#endif

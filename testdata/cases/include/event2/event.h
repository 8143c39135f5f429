/* A stand-in for libevent's <event2/event.h> with the declarations the
 * pack_libevent cases use (same names and signatures as libevent 2.1),
 * so they parse without libevent-dev. Not the real header. */
#ifndef NULLPROOF_TEST_EVENT2_EVENT_H
#define NULLPROOF_TEST_EVENT2_EVENT_H

#include <sys/time.h>

typedef int evutil_socket_t;
struct event_base;
struct event;
typedef void (*event_callback_fn)(evutil_socket_t, short, void *);

#define EV_TIMEOUT 0x01
#define EV_READ 0x02
#define EV_PERSIST 0x10

struct event_base *event_base_new(void);
void event_base_free(struct event_base *base);
int event_base_dispatch(struct event_base *base);
struct event *event_new(struct event_base *base, evutil_socket_t fd, short events,
                        event_callback_fn callback, void *callback_arg);
int event_add(struct event *ev, const struct timeval *timeout);
int event_del(struct event *ev);
void event_free(struct event *ev);

#define evtimer_new(b, cb, arg) event_new((b), -1, 0, (cb), (arg))

#endif

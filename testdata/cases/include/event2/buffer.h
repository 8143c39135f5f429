/* A stand-in for libevent's <event2/buffer.h> (libevent 2.1 names and
 * signatures) for the pack_libevent cases. Not the real header. */
#ifndef NULLPROOF_TEST_EVENT2_BUFFER_H
#define NULLPROOF_TEST_EVENT2_BUFFER_H

#include <stddef.h>
#include <sys/types.h>

struct evbuffer;
enum evbuffer_eol_style { EVBUFFER_EOL_ANY, EVBUFFER_EOL_CRLF, EVBUFFER_EOL_CRLF_STRICT,
                          EVBUFFER_EOL_LF, EVBUFFER_EOL_NUL };

struct evbuffer *evbuffer_new(void);
void evbuffer_free(struct evbuffer *buf);
size_t evbuffer_get_length(const struct evbuffer *buf);
int evbuffer_add(struct evbuffer *buf, const void *data, size_t datlen);
int evbuffer_add_printf(struct evbuffer *buf, const char *fmt, ...);
char *evbuffer_readln(struct evbuffer *buffer, size_t *n_read_out,
                      enum evbuffer_eol_style eol_style);
unsigned char *evbuffer_pullup(struct evbuffer *buf, ssize_t size);

#endif

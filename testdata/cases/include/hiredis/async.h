/* A stand-in for hiredis's <hiredis/async.h> (hiredis 1.2 names and
 * signatures) for the pack_hiredis cases. Not the real header. */
#ifndef NULLPROOF_TEST_HIREDIS_ASYNC_H
#define NULLPROOF_TEST_HIREDIS_ASYNC_H

#include "hiredis.h"

typedef struct redisAsyncContext {
    redisContext c;
    int err;
    char *errstr;
    void *data;
} redisAsyncContext;

typedef void(redisCallbackFn)(struct redisAsyncContext *, void *, void *);

redisAsyncContext *redisAsyncConnect(const char *ip, int port);
redisAsyncContext *redisAsyncConnectUnix(const char *path);
int redisAsyncCommand(redisAsyncContext *ac, redisCallbackFn *fn, void *privdata,
                      const char *format, ...);
void redisAsyncFree(redisAsyncContext *ac);

#endif

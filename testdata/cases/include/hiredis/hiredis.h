/* A stand-in for hiredis's <hiredis/hiredis.h> with the declarations the
 * pack_hiredis cases use (same names and signatures as hiredis 1.2), so
 * they parse without hiredis installed. Not the real header. */
#ifndef NULLPROOF_TEST_HIREDIS_H
#define NULLPROOF_TEST_HIREDIS_H

#include <stddef.h>
#include <sys/time.h>

#define REDIS_OK 0
#define REDIS_ERR -1
#define REDIS_REPLY_STRING 1
#define REDIS_REPLY_INTEGER 3

typedef struct redisReply {
    int type;
    long long integer;
    size_t len;
    char *str;
    size_t elements;
    struct redisReply **element;
} redisReply;

typedef struct redisContext {
    int err;
    char errstr[128];
    int fd;
} redisContext;

redisContext *redisConnect(const char *ip, int port);
redisContext *redisConnectWithTimeout(const char *ip, int port, const struct timeval tv);
redisContext *redisConnectUnix(const char *path);
void redisFree(redisContext *c);
void *redisCommand(redisContext *c, const char *format, ...);
void *redisCommandArgv(redisContext *c, int argc, const char **argv, const size_t *argvlen);
int redisAppendCommand(redisContext *c, const char *format, ...);
int redisGetReply(redisContext *c, void **reply);
void freeReplyObject(void *reply);

#endif

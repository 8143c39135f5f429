/* The hiredis pack: a context that cannot be allocated is NULL (other
 * errors are in c->err), and a failed command returns a NULL reply. */
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <stdio.h>

int connect_error(void)
{
    redisContext *c = redisConnect("127.0.0.1", 6379);
    return c->err; // expect: unchecked-alloc
}

int connect_unix_error(const char *path)
{
    redisContext *c = redisConnectUnix(path);
    return c->err; // expect: unchecked-alloc
}

long long counter(redisContext *c, const char *key)
{
    redisReply *reply = redisCommand(c, "INCR %s", key);
    long long value = reply->integer; // expect: unchecked-nullable
    freeReplyObject(reply);
    return value;
}

int reply_type(redisContext *c, int argc, const char **argv)
{
    redisReply *reply = redisCommandArgv(c, argc, argv, NULL);
    int type = reply->type; // expect: unchecked-nullable
    freeReplyObject(reply);
    return type;
}

int async_error(void)
{
    redisAsyncContext *ac = redisAsyncConnect("127.0.0.1", 6379);
    return ac->err; // expect: unchecked-alloc
}

int ping_later(redisCallbackFn *done)
{
    redisAsyncContext *ac = redisAsyncConnectUnix("/run/redis.sock");
    return redisAsyncCommand(ac, done, NULL, "PING"); // expect: unchecked-alloc
}

/* must stay silent */

redisContext *connect_checked(void)
{
    redisContext *c = redisConnect("127.0.0.1", 6379);
    if (c == NULL || c->err) {
        fprintf(stderr, "redis: %s\n", c ? c->errstr : "cannot allocate a context");
        if (c)
            redisFree(c);
        return NULL;
    }
    return c;
}

int connect_unix_checked(const char *path)
{
    redisContext *c = redisConnectUnix(path);
    if (!c)
        return -1;
    int error = c->err;
    redisFree(c);
    return error;
}

long long counter_checked(redisContext *c, const char *key)
{
    redisReply *reply = redisCommand(c, "INCR %s", key);
    if (!reply) {
        fprintf(stderr, "INCR %s: %s\n", key, c->errstr);
        return -1;
    }
    long long value = reply->integer;
    freeReplyObject(reply);
    return value;
}

int reply_type_checked(redisContext *c, int argc, const char **argv)
{
    redisReply *reply = redisCommandArgv(c, argc, argv, NULL);
    if (reply == NULL)
        return -1;
    int type = reply->type;
    freeReplyObject(reply);
    return type;
}

int async_error_checked(void)
{
    redisAsyncContext *ac = redisAsyncConnect("127.0.0.1", 6379);
    return ac ? ac->err : -1;
}

int ping_later_checked(redisCallbackFn *done)
{
    redisAsyncContext *ac = redisAsyncConnectUnix("/run/redis.sock");
    if (!ac || ac->err)
        return -1;
    return redisAsyncCommand(ac, done, NULL, "PING");
}

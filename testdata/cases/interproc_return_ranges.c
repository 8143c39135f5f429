/* A function of the program whose integer result always lies in one
 * range (`return 0;` on every path, a status of 0 or -1) gives its callers
 * that range: a test it cannot pass is no path (libuv's retry loop runs
 * again only when the operation returned -1, and closing a directory
 * always returns 0). */
#include <stddef.h>
#include <stdlib.h>

struct request {
    int type;
    char *name;
};

static int close_request(struct request *request)
{
    free(request->name);
    request->name = NULL;
    return 0;
}

static int request_status(const struct request *request)
{
    return request->type > 0 ? -1 : 0;
}

/* must stay silent */

char close_failed_name(struct request *request)
{
    const char *fallback = NULL;
    if (close_request(request) != 0)
        return fallback[0];
    return 0;
}

/* must be reported */

char status_failed_name(const struct request *request)
{
    const char *fallback = NULL;
    if (request_status(request) != 0)
        return fallback[0]; // expect: null-deref
    return 0;
}

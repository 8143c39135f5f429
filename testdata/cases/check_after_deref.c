/* A NULL test of a pointer that was dereferenced on every path before it comes
 * too late: the finding is on the line of the test. The pointer comes from
 * where the function cannot tell whether it is set (a call nothing
 * describes, a field) or from the caller of a function the file exports;
 * a static function's parameter, a member of one or a copy that it
 * dereferences states its contract instead (its callers pass it set), and
 * a test after that is redundant, not late. */
#include <stdlib.h>
#include <string.h>

struct request {
    int length;
    char *body;
    struct request *next;
};

extern void request_log(const struct request *request);
extern struct request *request_current(void);
extern struct request *request_first(void);
extern struct request *request_pending(void);
extern struct request *request_active(void);
extern struct request *request_last(void);
extern const char *request_header(const char *name);

int request_length(void)
{
    const struct request *request = request_current();
    int length = request->length;
    if (request == NULL) // expect: check-after-deref
        return -1;
    return length;
}

int body_is_empty(void)
{
    const struct request *request = request_first();
    const char *body = request->body;
    return request && body[0] == '\0'; // expect: check-after-deref
}

int chain_length(void)
{
    const struct request *request = request_pending();
    int count = 0;
    if (request->next != NULL)
        count = 1;
    else
        count = request->length > 0;
    if (!request) // expect: check-after-deref
        return 0;
    return count;
}

/* strlen dereferences its argument: the test after it is late too. */
size_t body_size(void)
{
    const char *body = request_header("body");
    size_t size = strlen(body) + 1;
    if (body == NULL) // expect: check-after-deref
        return 0;
    return size;
}

char *body_copy(void)
{
    char *copy = malloc(16);
    copy[0] = '\0'; // expect: unchecked-alloc
    if (copy == NULL) // expect: check-after-deref
        return NULL;
    return copy;
}

int body_first(void)
{
    const struct request *request = request_active();
    int first = request->body[0];
    if (request->body == NULL) // expect: check-after-deref
        return -1;
    return first;
}

int length_or_zero(void)
{
    const struct request *request = request_last();
    request_log(request);
    int length = request->length;
    return request ? length : 0; // expect: check-after-deref
}

/* A parameter of a function the file exports: its test says that callers
 * may pass NULL, and they crash before it. */
int exported_length(const struct request *request)
{
    int length = request->length;
    if (request == NULL) // expect: check-after-deref
        return -1;
    return length;
}

int exported_body_first(const struct request *request)
{
    int first = request->body[0];
    if (request->body == NULL) // expect: check-after-deref
        return -1;
    return first;
}

/* `&& argv++` as a condition steps past "-" and is true: stepping a
 * pointer presumes it set (zsh's bin_trap) */
int skip_dash(char **argv)
{
    if (!strcmp(*argv, "-") && argv++)
        return *argv == NULL;
    return 0;
}

/* but the pointer itself in the same place is a test of it */
int dash_then_test(char **argv)
{
    if (!strcmp(*argv, "-") && argv) // expect: check-after-deref
        return 1;
    return 0;
}

/* the same walk, then a real test of the vector it dereferenced */
int count_arguments_late(char **argv)
{
    int count = 0;
    for (; *argv; (void)(*argv && argv++))
        count++;
    if (argv == NULL) // expect: check-after-deref
        return -1;
    return count;
}

/* A call through a function pointer in between is no excuse for a
 * pointer the function holds itself: the handler gets no way to it. */
struct event {
    void (*handler)(struct event *event);
};

int run_with_local(struct event *event)
{
    int *counter = malloc(sizeof *counter);
    if (!counter)
        return -1;
    const struct request *request = request_active();
    int length = request->length;
    event->handler(event);
    if (request == NULL) // expect: check-after-deref
        return -1;
    free(counter);
    return length;
}

/* must stay silent */

/* `*argv && argv++` whose value nothing reads advances argv past the
 * current argument; the truth of `argv++` tests nothing (zsh's bin_fg). */
int count_arguments(char **argv)
{
    int count = 0;
    for (; *argv; (void)(*argv && argv++))
        count++;
    return count;
}

/* An event handler, code nothing describes, may close the connection and
 * reset what memory holds: the test after it checks again (nginx's UDP
 * read: `c->udp->buffer = &buf; rev->handler(rev); if (c->udp)`). */
struct connection {
    struct request *current;
    struct event *read;
};

extern struct connection *connection_find(int fd);

int deliver(int fd, char *data)
{
    struct connection *connection = connection_find(fd);
    if (connection == NULL)
        return -1;
    connection->current->body = data;
    connection->read->handler(connection->read);
    if (connection->current)
        connection->current->body = NULL;
    return 0;
}

/* A parameter of a static function that it dereferences: its callers,
 * all in this file or handed it as a callback, pass it set, and the test
 * after the dereference is redundant. */
static int request_length_of(const struct request *request)
{
    int length = request->length;
    if (request == NULL)
        return -1;
    return length;
}

/* The same for a member of a parameter, and for a copy of one. */
static int body_first_of(const struct request *request)
{
    int first = request->body[0];
    if (request->body == NULL)
        return -1;
    return first;
}

static int copied_length(void *data)
{
    const struct request *request = data;
    int length = request->length;
    if (request == NULL)
        return -1;
    return length;
}

int request_length_checked(const struct request *request)
{
    if (request == NULL)
        return -1;
    return request->length;
}

/* Dereferenced on one path only before the test. */
int request_length_verbose(const struct request *request, int verbose)
{
    int logged = 0;
    if (verbose)
        logged = request->length;
    if (request == NULL)
        return -1;
    return request->length + logged;
}

/* The loop test also sees the values of later iterations: not late. */
int count_hops(const struct request *request)
{
    int hops = request->length > 0;
    while (request != NULL) {
        hops++;
        request = request->next;
    }
    return hops;
}

/* The pointer was given a new value between the use and the test. */
int next_length(const struct request *request)
{
    int length = request->length;
    request = request->next;
    if (request == NULL)
        return length;
    return length + request->length;
}

/* Passing the pointer to a function whose contract is unknown is not a dereference. */
int logged_length(const struct request *request)
{
    request_log(request);
    if (request == NULL)
        return 0;
    return request->length;
}

/* Tested before the dereference: the later test is redundant, not late
 * (the pointer could not be NULL where it was dereferenced). */
int tested_before(struct request *request)
{
    if (request == NULL)
        return -1;
    int method = request->length;
    if (request != NULL)
        method++;
    return method;
}

/* A test whose NULL side dereferences the pointer anyway does not expect
 * NULL: a redundant half-test (`request &&` before a member test), not a
 * late check. */
struct release_hooks {
    void (*release)(void *data);
};
struct block {
    const struct release_hooks *hooks;
    void *data;
    int length;
};

extern struct block *block_current(void);

void block_release(struct block *block)
{
    const struct release_hooks *hooks = block->hooks;
    if (block && hooks)
        hooks->release(block->data);
    block->data = NULL;
    block->length = 0;
}

/* Flagged: on the NULL side the function stops dereferencing it. */
int block_length_or_reset(void)
{
    struct block *block = block_current();
    int length = block->length;
    if (block == NULL) // expect: check-after-deref
        return 0;
    block->length = 0;
    return length;
}

/* Flagged: the NULL side reaches a dereference only on some paths. */
void block_release_logged(int verbose)
{
    struct block *block = block_current();
    const struct release_hooks *hooks = block->hooks;
    if (block && hooks) // expect: check-after-deref
        hooks->release(block->data);
    if (verbose)
        block->length = 0;
}

/* A cursor computed from the pointer tests where a walk ends, not whether
 * the pointer was valid: `next` is `path + n` or an address past a '/'. */
static int is_separator(char c)
{
    return c == '/';
}

int count_components(char *path)
{
    int count = 0;
    char *next = path + is_separator(path[0]);
    while (next) {
        char *slash = next;
        while (*slash && !is_separator(*slash))
            slash++;
        count++;
        if (!*slash)
            break;
        next = slash + 1;
        if (!*next)
            break;
    }
    return count;
}

/* A pointer the function itself sets to NULL is tested for which of its
 * states it is in: `directory` is NULL until a first directory is seen,
 * and set together with `settings`. */
struct settings {
    int level;
};

extern const struct settings *settings_for(const char *path);

int apply_settings(const char *const *paths, int count, int *levels)
{
    const char *directory = NULL;
    const struct settings *settings = NULL;
    for (int i = 0; i < count; i++) {
        const char *path = paths[i];
        const char *slash = strrchr(path, '/');
        size_t length = slash ? (size_t)(slash - path) : 0;
        if (settings && directory && strncmp(directory, path, length) == 0) {
            levels[i] = settings->level;
            continue;
        }
        const struct settings *found = settings_for(path);
        if (!found) {
            settings = NULL;
            continue;
        }
        levels[i] = found->level;
        settings = found;
        directory = path;
    }
    return 0;
}

/* A scan that reads the next block in its loop test, where it may end: the
 * test after the loop is of that block, not of the cursor dereferenced
 * (`*(cursor + 1)` is the next character, which says nothing of *cursor). */
int count_lines_in_blocks(const char *cursor)
{
    int lines = 0;
    do {
        while (*cursor != '\n')
            ++cursor;
        lines++;
    } while (*(cursor + 1) == '\0' && (cursor = request_header("next")) != NULL);
    if (cursor != NULL)
        lines++;
    return lines;
}

/* Flagged: the cursor itself was dereferenced before its test. */
int first_component_length(void)
{
    const char *cursor = request_header("path");
    int length = cursor[0] == '/';
    if (cursor == NULL) // expect: check-after-deref
        return -1;
    return length;
}

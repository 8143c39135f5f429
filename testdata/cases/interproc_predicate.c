/* A NULL-safe predicate of the unit: it returns 0 for a NULL argument, so
 * a true result proves the argument non-NULL; a false one proves nothing. */
#include <stddef.h>
#include <string.h>

struct value {
    int type;
    const char *text;
};

static struct value values[8];

struct value *value_find(const char *key)
{
    for (int i = 0; i < 8; i++)
        if (values[i].text && strcmp(values[i].text, key) == 0)
            return &values[i];
    return NULL;
}

static int is_string(const struct value *v)
{
    return v && v->type == 3;
}

static int is_number(const struct value *v)
{
    if (v == NULL)
        return 0;
    return v->type == 2;
}

/* Not a predicate: it answers 1 for NULL. */
static int is_missing_or_number(const struct value *v)
{
    return v == NULL || v->type == 2;
}

size_t string_length(const char *key)
{
    struct value *v = value_find(key);
    if (!is_string(v))
        return 0;
    return strlen(v->text);
}

size_t number_length(const char *key)
{
    struct value *v = value_find(key);
    if (!is_number(v))
        return 0;
    return strlen(v->text);
}

size_t wrong_way(const char *key)
{
    struct value *v = value_find(key);
    if (is_number(v))
        return 0;
    return strlen(v->text); // expect: unchecked-lookup
}

size_t not_a_predicate(const char *key)
{
    struct value *v = value_find(key);
    if (!is_missing_or_number(v))
        return 0;
    return strlen(v->text); // expect: unchecked-lookup
}

/* A validator: non-zero (an error) for a NULL argument, so 0 proves it. */
static int validate(const struct value *v, int type)
{
    if (v == NULL)
        return -1;
    if (v->type != type)
        return -2;
    return 0;
}

size_t validated_length(const char *key)
{
    struct value *v = value_find(key);
    if (validate(v, 3) != 0)
        return 0;
    return strlen(v->text);
}

size_t validated_wrong_way(const char *key)
{
    struct value *v = value_find(key);
    if (validate(v, 3) == 0)
        return 0;
    return strlen(v->text); // expect: unchecked-lookup
}

/* A member the function tests: ignore_client(c) is non-zero whenever
 * c->session is NULL, has_session(c) is 0 then. What the member holds
 * after the call is what the caller reads. */
struct session {
    int attached;
};

struct client {
    struct session *session;
    int flags;
};

static int ignore_client(const struct client *c)
{
    if (c->session == NULL)
        return 1;
    if (c->flags & 4)
        return 1;
    return 0;
}

static int has_session(const struct client *c)
{
    return c->session != NULL && !(c->flags & 8);
}

/* Not a validator of the member: it also answers 0 with no session. */
static int ignore_flagged(const struct client *c)
{
    if (c->session != NULL && c->flags & 4)
        return 1;
    return 0;
}

void count_attached(struct client *clients, int n)
{
    for (int i = 0; i < n; i++) {
        struct client *c = &clients[i];
        struct session *s = c->session;
        if (s != NULL && !(c->flags & 2))
            s->attached++;
        if (ignore_client(c))
            continue;
        s->attached++;
    }
}

void count_with_session(struct client *c)
{
    if (c->session == NULL)
        c->flags |= 1;
    if (has_session(c))
        c->session->attached++;
}

void count_flagged(struct client *c)
{
    struct session *s = c->session;
    if (s == NULL)
        c->flags |= 1;
    if (ignore_flagged(c))
        return;
    s->attached++; // expect: null-deref
}

void count_wrong_way(struct client *c)
{
    if (c->session == NULL)
        c->flags |= 1;
    if (!has_session(c))
        c->session->attached++; // expect: null-deref
}

/* A wrapper that passes a validator's result on is a validator too: the
 * varargs front of a v-function (unpack(root, fmt, ...) calls
 * vunpack(root, fmt, ap), which fails for a NULL root). */
#include <stdarg.h>

static int vunpack(const struct value *root, const char *format, va_list ap)
{
    if (root == NULL)
        return -1;
    (void)format;
    (void)ap;
    return 0;
}

static int unpack(const struct value *root, const char *format, ...)
{
    int result;
    va_list ap;
    va_start(ap, format);
    result = vunpack(root, format, ap);
    va_end(ap);
    return result;
}

/* Not a validator: it may answer 0 for a NULL root too. */
static int unpack_lenient(const struct value *root, const char *format, ...)
{
    int result;
    va_list ap;
    va_start(ap, format);
    result = vunpack(root, format, ap);
    va_end(ap);
    if (format[0] == '?')
        return 0;
    return result;
}

int unpacked_type(const char *key)
{
    struct value *v = value_find(key);
    int failed = unpack(v, "{s:i}", "type");
    if (failed || v->type != 3)
        return -1;
    return v->type;
}

int unpacked_leniently(const char *key)
{
    struct value *v = value_find(key);
    int failed = unpack_lenient(v, "?{s:i}", "type");
    if (failed)
        return -1;
    return v->type; // expect: unchecked-lookup
}

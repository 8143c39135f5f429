/* Operators written in a macro's body are read as written, also where the
 * body mixes && with ||, or a unary - with !, and where a macro called in
 * the body or in an argument brings operators of its own. (libclang 17+
 * names each operator; with libclang 14 nullproof reads the body's text
 * and places each operator by the shape of the expression around it.) */
#include <assert.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct credential {
    char *protocol, *host, *user;
};

/* must stay silent */

/* strcmp() is reached only through `want->x != NULL && have->x != NULL`
 * (git's credential_match) */
int credential_match(const struct credential *want, const struct credential *have)
{
#define FIELD_MATCHES(x) (!want->x || (have->x && !strcmp(want->x, have->x)))
    return FIELD_MATCHES(protocol) && FIELD_MATCHES(host) && FIELD_MATCHES(user);
#undef FIELD_MATCHES
}

/* -!(fits || (p = grow(p))) is non-zero exactly when grow() gave NULL */
void *grow_names(void *names, size_t *capacity);
#define GROW_OR_FAIL(p, n, capacity) (-!((n) <= (capacity) || ((p) = grow_names((p), &(capacity)))))

int name_append(char **names, size_t *count, size_t *capacity, char *name)
{
    if (GROW_OR_FAIL(names, *count + 1, *capacity))
        return -1;
    names[(*count)++] = name;
    return 0;
}

/* a statement macro whose condition mixes == and && and calls NULL (a
 * macro itself) inside */
#define REQUIRE_FIELD(c, field, value)                                         \
    do {                                                                       \
        if ((c)->field == NULL && (value) != 0)                                \
            return -1;                                                         \
        if ((c)->field == NULL || (c)->field[0] == '\0')                       \
            return 0;                                                          \
    } while (0)

int credential_host_length(const struct credential *c, int strict)
{
    REQUIRE_FIELD(c, host, strict);
    return (int)strlen(c->host);
}

/* operators of a macro called in an argument are that macro's own */
#define KIND_MASK 0x0F
#define MAKE_FLAGS(kind, extra) (((kind) & KIND_MASK) | ((extra) & 0xF0))
#define HAS_FLAGS(value, flags) ((value) == (flags))

int credential_print(const struct credential *c, int flags)
{
    if (HAS_FLAGS(flags, MAKE_FLAGS(1, 0x80)) && c->user != NULL)
        return printf("%s\n", c->user);
    return 0;
}

/* macros calling macros: in the body (expanded as the preprocessor does)
 * and in an argument (that macro's own body) */
#define PRESENT(p) ((p) != NULL)
#define BOTH_PRESENT(a, b) (PRESENT(a) && PRESENT(b))
#define SAME_TEXT(a, b) (!BOTH_PRESENT(a, b) || strcmp(a, b) == 0)
#define FIRST_OR(p, fallback) (PRESENT(p) ? (p) : (fallback))

int credential_same_host(const struct credential *a, const struct credential *b)
{
    return SAME_TEXT(a->host, b->host);
}

size_t credential_name_length(const struct credential *c)
{
    return strlen(FIRST_OR(FIRST_OR(c->user, c->host), "anonymous"));
}

/* uthash's HASH_ITER casts with DECLTYPE(el), `(__typeof(el))`: the
 * conditional it casts, `(tmp!=NULL)?(tmp)->hh.next:NULL`, is read as
 * written (libclang 14 places the != by the body's shape) */
#define DECLTYPE(x) (__typeof(x))
#define HASH_ITER(hh, head, el, tmp)                                               \
    for (((el) = (head)), ((tmp) = DECLTYPE(el)((head != NULL) ? (head)->hh.next : NULL)); \
         (el) != NULL; ((el) = (tmp)), ((tmp) = DECLTYPE(el)((tmp != NULL) ? (tmp)->hh.next : NULL)))

struct hash_handle {
    void *next;
};

struct counted {
    int count;
    struct hash_handle hh;
};

int count_all(struct counted *table)
{
    struct counted *entry, *next;
    int total = 0;
    HASH_ITER(hh, table, entry, next) {
        total += entry->count;
        free(entry);
    }
    return total;
}

/* byacc's NO_SPACE(p): `if (p == 0) no_space(); assert(p != 0)`. The
 * == and the != have the same operands (libclang 14 places neither by
 * shape); before a call that never returns only == makes sense. */
_Noreturn void no_space(void);
#define NO_SPACE(p) \
    if (p == 0)     \
        no_space(); \
    assert(p != 0)

char *copy_name(const char *name)
{
    char *copy = malloc(strlen(name) + 1);
    NO_SPACE(copy);
    return strcpy(copy, name);
}

/* utlist's DL_DELETE(head, del) in a safe loop: glibc's assert(head !=
 * NULL) is `if (head != NULL) ; else __assert_fail(...)`, in a body that
 * also compares with == (libclang 14 cannot tell the two apart there); the
 * test that lets the code go on is the !=. */
struct message {
    struct message *next, *prev;
};

#define LIST_DELETE(head, del)                 \
    do {                                       \
        assert((head) != NULL);                \
        assert((del)->prev != NULL);           \
        if ((del)->prev == (del)) {            \
            (head) = NULL;                     \
        } else if ((del) == (head)) {          \
            (del)->next->prev = (del)->prev;   \
            (head) = (del)->next;              \
        } else {                               \
            (del)->prev->next = (del)->next;   \
            if ((del)->next)                   \
                (del)->next->prev = (del)->prev; \
            else                               \
                (head)->prev = (del)->prev;    \
        }                                      \
    } while (0)

struct inbox {
    struct message *inflight;
};

void inbox_clear(struct inbox *inbox)
{
    struct message *message, *next;
    for (message = inbox->inflight; message && (next = message->next, 1); message = next) {
        LIST_DELETE(inbox->inflight, message);
        free(message);
    }
}

/* Lua's luaL_argexpected(L, cond, arg, tname): luai_likely(cond) ||
 * luaL_typeerror(...), where luai_likely(x) is (__builtin_expect(((x) !=
 * 0), 1)): the != of a macro called in the body, beside a call that is
 * no macro. luaL_typeerror() never returns, as its body shows. */
struct lua_state;
_Noreturn void lua_raise(struct lua_state *L);
int type_error(struct lua_state *L, int arg, const char *name)
{
    (void)arg;
    (void)name;
    lua_raise(L);
}
#define lua_likely(x) (__builtin_expect(((x) != 0), 1))
#define arg_expected(L, cond, arg, name) ((void)(lua_likely(cond) || type_error(L, (arg), (name))))

struct userdata {
    int kind;
};

int userdata_kind(struct lua_state *L, struct userdata *(*find)(struct lua_state *, int))
{
    struct userdata *data = malloc(sizeof *data);
    arg_expected(L, data != NULL, 1, "userdata");
    data->kind = find(L, 1) ? 1 : 0;
    return data->kind;
}

/* Flagged: the body reaches strcmp() when one of the pointers is NULL. */

int credential_differs(const struct credential *want, const struct credential *have)
{
#define FIELD_DIFFERS(x) (want->x != NULL && have->x != NULL || strcmp(want->x, have->x) != 0)
    return FIELD_DIFFERS(host); // expect: null-deref
#undef FIELD_DIFFERS
}

/* && where || was meant: c->user may be NULL when the test fails */
#define USER_OR_EMPTY(c) ((c)->user != NULL && (c)->user[0] != '\0' || (c)->user[0] == '\0')

int credential_has_user(const struct credential *c)
{
    return USER_OR_EMPTY(c); // expect: null-deref
}

#define EITHER_PRESENT(a, b) (PRESENT(a) || PRESENT(b))
#define SAME_TEXT_LOOSE(a, b) (!EITHER_PRESENT(a, b) || strcmp(a, b) == 0)

int credential_same_user(const struct credential *a, const struct credential *b)
{
    return SAME_TEXT_LOOSE(a->user, b->user); // expect: null-deref
}

size_t credential_user_length(const struct credential *c)
{
    return strlen(FIRST_OR(FIRST_OR(c->user, c->host), getenv("USER"))); // expect: unchecked-lookup
}

/* the test is of another value: the allocation is unchecked */
int userdata_size(struct lua_state *L, int size)
{
    struct userdata *data = malloc(sizeof *data);
    arg_expected(L, size > 0, 1, "size");
    data->kind = size; // expect: unchecked-alloc
    return data->kind;
}

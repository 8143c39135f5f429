/* NULL tests written the indirect ways test frameworks and kernels write
 * them: through a local that only ever holds NULL (ASSERT_NOT_NULL
 * compares two locals), through __builtin_expect (likely/unlikely,
 * also as `(x) != 0`: a truth value compared with 0), through a cast. A
 * member that is NULL on some path, compared with another pointer, is an
 * identity test (does the dictionary live in the buffer?), not a NULL test
 * of the other; nor is a local's NULL compared with a member or a local
 * nothing says may be NULL (they are not equal). */
#include <stdlib.h>
#include <string.h>

struct item {
    int value;
};

#define ASSERT_NOT_NULL(p)                                                     \
    do {                                                                       \
        const void *actual_ = (p);                                             \
        const void *expected_ = NULL;                                          \
        if (!(actual_ != expected_))                                           \
            abort();                                                           \
    } while (0)
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
/* Lua's and others': the truth value compared with 0 */
#define l_unlikely(x) (__builtin_expect(((x) != 0), 0))
#define l_likely(x) (__builtin_expect(((x) != 0), 1))
/* GLib's G_LIKELY and its copies: the test inside a statement expression */
#define BOOLEAN_EXPR(expr) __extension__ ({ int boolean_var; if (expr) boolean_var = 1; \
                                            else boolean_var = 0; boolean_var; })
#define G_UNLIKELY(expr) (__builtin_expect(BOOLEAN_EXPR(expr), 0))

/* must stay silent */

struct decoder {
    char *buffer; /* allocated and checked when the decoder is made */
    const char *dict;
    size_t dict_size;
};

char *decoder_output(struct decoder *decoder, int fresh)
{
    if (fresh)
        decoder->dict = NULL;
    char *out = decoder->buffer;
    if (decoder->dict == decoder->buffer)
        out = decoder->buffer + decoder->dict_size;
    out[0] = '\0';
    return out;
}

int asserted(void)
{
    struct item *item = malloc(sizeof *item);
    ASSERT_NOT_NULL(item);
    item->value = 1;
    int value = item->value;
    free(item);
    return value;
}

int tested_g_unlikely(void)
{
    struct item *item = malloc(sizeof *item);
    if (G_UNLIKELY(item == NULL))
        return -1;
    item->value = 3;
    free(item);
    return 0;
}

int tested_likely(void)
{
    struct item *item = malloc(sizeof *item);
    if (!likely(item))
        return -1;
    item->value = 2;
    free(item);
    return 0;
}

int tested_unlikely(void)
{
    struct item *item = malloc(sizeof *item);
    if (unlikely(item == NULL))
        return -1;
    item->value = 3;
    free(item);
    return 0;
}

int tested_l_unlikely(void)
{
    struct item *item = malloc(sizeof *item);
    if (l_unlikely(!item))
        abort();
    item->value = 4;
    free(item);
    return 0;
}

int tested_truth_compared_with_zero(void)
{
    struct item *item = malloc(sizeof *item);
    if ((item != NULL && item->value > 0) == 0)
        return -1;
    return item->value;
}

int tested_through_cast(void)
{
    struct item *item = malloc(sizeof *item);
    if (!(long)item)
        return -1;
    item->value = 4;
    free(item);
    return 0;
}

int compared_with_null_local(void)
{
    struct item *item = malloc(sizeof *item);
    struct item *none = NULL;
    if (item == none)
        return -1;
    item->value = 5;
    free(item);
    return 0;
}

/* A local that holds NULL only until the loop stores the previous value
 * in it: `state != last` asks whether the state changed, not whether it
 * is NULL. */
struct parser_state {
    const char *name;
    const struct parser_state *next;
};

struct parser {
    const struct parser_state *state;
};

extern void parser_step(struct parser *parser, int c);
extern void parser_enter(const char *name);

void parser_feed(struct parser *parser, const char *input)
{
    const struct parser_state *last = NULL;
    const char *name = NULL;
    for (const char *c = input; *c; c++) {
        if (parser->state != last || name == NULL) {
            name = parser->state->name;
            parser_enter(name);
        }
        last = parser->state;
        parser_step(parser, *c);
    }
}

/* A local that holds NULL until the loop stores the previous end in it,
 * compared with a pointer nothing says may be NULL: equal only from the
 * second round, after `vector` was set (nginx's readv chain coalescing). */
struct chunk {
    char *start, *end;
    struct chunk *next;
};

struct span {
    char *base;
    long length;
};

int coalesce(struct chunk *chain, struct span *spans, int capacity)
{
    char *previous = NULL;
    struct span *vector = NULL;
    int count = 0;
    for (; chain; chain = chain->next) {
        if (previous == chain->start) {
            vector->length += chain->end - chain->start;
        } else {
            if (count == capacity)
                break;
            vector = &spans[count++];
            vector->base = chain->start;
            vector->length = chain->end - chain->start;
        }
        previous = chain->end;
    }
    return count;
}

/* where the start may be NULL (the code tests it), the first round may
 * coalesce into no span */
int coalesce_tested(struct chunk *chain, struct span *spans, int capacity)
{
    char *previous = NULL;
    struct span *vector = NULL;
    int count = 0;
    for (; chain; chain = chain->next) {
        if (chain->start == NULL)
            chain->end = NULL;
        if (previous == chain->start) {
            vector->length += chain->end - chain->start; // expect: null-deref
        } else {
            if (count == capacity)
                break;
            vector = &spans[count++];
            vector->base = chain->start;
            vector->length = chain->end - chain->start;
        }
        previous = chain->end;
    }
    return count;
}

/* A parameter that a test found NULL (no starting line given) is compared
 * as an identity: `line == begin` asks whether the walk came back, and
 * says nothing of whether `line` is NULL. */
struct text_line {
    char *data;
    struct text_line *next;
};

struct text_line *file_top;

size_t walk_lines(struct text_line *line, const struct text_line *begin)
{
    size_t count = 0;
    int full_circle = 0;
    if (begin == NULL)
        full_circle = -1;
    while (full_circle <= 0 && count < 1000) {
        line = line->next;
        if (line == NULL)
            line = file_top;
        if (line == begin)
            full_circle = 1;
        count += strlen(line->data);
    }
    return count;
}

/* must be reported */

/* The local compared with is not NULL: the test says nothing. */
int compared_with_other(struct item *other)
{
    struct item *item = malloc(sizeof *item);
    if (item == other)
        return -1;
    item->value = 6; // expect: unchecked-alloc
    free(item);
    return 0;
}

/* Equal to a NULL local: the branch where it is used is the NULL one. */
int used_when_equal(void)
{
    struct item *item = malloc(sizeof *item);
    struct item *none = NULL;
    if (item == none)
        return item->value; // expect: null-deref
    free(item);
    return 0;
}

/* The truth value compared with 0 tests the other way: the NULL goes on. */
int wrong_l_likely(void)
{
    struct item *item = malloc(sizeof *item);
    if (l_likely(!item))
        return item->value; // expect: null-deref
    return 0;
}

/* The statement expression tests the other way: the NULL goes on. */
int wrong_g_unlikely(void)
{
    struct item *item = malloc(sizeof *item);
    if (G_UNLIKELY(item != NULL))
        return -1;
    return item->value; // expect: null-deref
}

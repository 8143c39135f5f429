/* A call that may change a pointer makes what was known of it unknown: after
 * an unknown callee receives the struct (or may reach the global) nothing is
 * reported. A local whose address is only ever passed to calls (`f(&msg)`)
 * is changed by those calls only; one whose address is stored (`p = &x`)
 * may be changed by any call. A callee of the file that sets it to NULL makes it NULL. A
 * callee whose parameter points to const (`const struct parser *`) does not
 * write the struct: its members stay as they were, what they point to may
 * change. */
#include <stdlib.h>

struct parser {
    char *buffer;
    size_t length;
};

struct cache {
    long hits;
};

extern void parser_reset(struct parser *parser);
extern void parser_log(const struct parser *parser);

struct document {
    struct parser *parser;
    const char *title;
};

extern void document_log(const struct document *document);
extern void refresh_cache(void);

static struct cache *cache;

static void cache_drop(void)
{
    free(cache);
    cache = NULL;
}

static void parser_release(struct parser *parser)
{
    free(parser->buffer);
    parser->buffer = NULL;
    parser->length = 0;
}

/* must stay silent */

int parser_first(struct parser *parser)
{
    if (parser->buffer) {
        parser_reset(parser);
        return parser->buffer[0];
    }
    return 0;
}

int parser_fresh(struct parser *parser, size_t size)
{
    parser->buffer = malloc(size);
    parser_reset(parser);
    parser->buffer[0] = '\0';
    return 0;
}

void cache_hit(void)
{
    if (cache != NULL) {
        refresh_cache();
        cache->hits++;
    }
}

int document_first(struct document *document)
{
    if (document->parser->buffer == NULL)
        return -1;
    document_log(document); /* const: document->parser stays, *parser may change */
    return document->parser->buffer[0];
}

/* Flagged: a local whose address was passed to a call keeps what a later
 * call that does not receive it cannot change. */

extern void parser_init(struct parser *parser);
extern void log_event(const char *what);

char parser_init_then_log(void)
{
    struct parser parser;
    parser_init(&parser);
    parser.buffer = NULL;
    log_event("initialised");
    return parser.buffer[0]; // expect: null-deref
}

/* A local whose address is stored may change in any call. */
extern void watch(struct parser **slot);

char parser_watched(void)
{
    struct parser parser;
    struct parser *watched = &parser;
    watch(&watched);
    parser.buffer = NULL;
    log_event("watched");
    return parser.buffer[0];
}

/* Flagged: the file's own callee set the pointer to NULL. */

void cache_hit_after_drop(void)
{
    if (cache != NULL) {
        cache_drop();
        cache->hits++; // expect: null-deref
    }
}

int parser_peek_after_release(struct parser *parser)
{
    if (parser->buffer == NULL)
        return -1;
    parser_release(parser);
    return parser->buffer[0]; // expect: null-deref
}

/* Flagged: a callee that takes the struct as const does not set it. */

int parser_peek_after_log(struct parser *parser)
{
    if (parser->buffer != NULL)
        return 0;
    parser_log(parser);
    return parser->buffer[0]; // expect: null-deref
}

size_t title_length_after_log(struct document *document)
{
    size_t length = 0;
    if (document->title == NULL) {
        document_log(document);
        while (document->title[length]) // expect: null-deref
            length++;
    }
    return length;
}

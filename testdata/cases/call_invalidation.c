/* A call that may change a pointer makes what was known of it unknown: after
 * an unknown callee receives the struct (or may reach the global) nothing is
 * reported. A callee of the file that sets it to NULL makes it NULL. */
#include <stdlib.h>

struct parser {
    char *buffer;
    size_t length;
};

struct cache {
    long hits;
};

extern void parser_reset(struct parser *parser);
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

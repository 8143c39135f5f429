/* A project's assertion macro that expands to nothing when assertions are
 * off (FLAC's `#define FLAC__ASSERT(x)` under NDEBUG) still states what
 * its author knows, as a compiled-out assert() does (assert_ndebug.c). */
// args: -DNDEBUG -std=gnu11
#include <stddef.h>
#include <stdio.h>

#ifndef NDEBUG
#include <assert.h>
#define CHAIN_ASSERT(x) assert(x)
#else
#define CHAIN_ASSERT(x)
#endif

struct node {
    struct node *next, *prev;
    int is_last;
};

struct chain {
    struct node *head, *tail;
    int count;
};

/* must stay silent */

void chain_append(struct chain *chain, struct node *node)
{
    node->next = node->prev = NULL;
    if (chain->tail != NULL)
        chain->tail->is_last = 0;
    if (chain->head == NULL) {
        chain->head = node;
    } else {
        CHAIN_ASSERT(chain->tail != NULL);
        chain->tail->next = node;
        node->prev = chain->tail;
    }
    chain->tail = node;
    chain->count++;
}

/* flagged: the assertion is about something else */

void chain_append_unasserted(struct chain *chain, struct node *node)
{
    node->next = node->prev = NULL;
    if (chain->tail != NULL)
        chain->tail->is_last = 0;
    if (chain->head == NULL) {
        chain->head = node;
    } else {
        CHAIN_ASSERT(node != NULL);
        chain->tail->next = node; // expect: null-deref
        node->prev = chain->tail;
    }
    chain->tail = node;
    chain->count++;
}

/* What a compiled-out assertion states of a parameter is a precondition
 * that this build does not check: a caller that passes NULL crashes the
 * function. */
struct chain *chain_new(void);

int chain_count(const struct chain *chain)
{
    CHAIN_ASSERT(chain != NULL);
    return chain->count;
}

int count_of_new_chain(void)
{
    struct chain *chain = chain_new();
    if (chain == NULL)
        puts("no chain");
    return chain_count(chain); // expect: null-deref
}

int count_of_new_chain_checked(void)
{
    struct chain *chain = chain_new();
    if (chain == NULL)
        return 0;
    return chain_count(chain);
}

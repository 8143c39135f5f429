/* A pointer NULL on some paths and set on others is followed separately
 * on each (a bounded number of states per block), so facts that travel
 * with it (a counter, a flag) keep the two apart. */
#include <stddef.h>

extern unsigned fill(const unsigned char **buffer);

struct node {
    int value;
    struct node *next;
};

/* must stay silent */

/* The buffer is filled on the first pass, when `have` is still 0. */
int sum_stream(void)
{
    const unsigned char *next = NULL;
    unsigned have = 0;
    int total = 0;
    for (;;) {
        if (have == 0)
            have = fill(&next);
        if (have == 0)
            break;
        have--;
        total += *next++;
    }
    return total;
}

/* `first` says whether prev was set yet. */
int count_rises(struct node *list)
{
    struct node *prev = NULL;
    int first = 1, rises = 0;
    for (struct node *node = list; node; node = node->next) {
        if (!first && node->value > prev->value)
            rises++;
        first = 0;
        prev = node;
    }
    return rises;
}

/* Flagged. */

/* prev is NULL in the first iteration. */
int count_rises_unchecked(struct node *list)
{
    struct node *prev = NULL;
    int rises = 0;
    for (struct node *node = list; node; node = node->next) {
        if (node->value > prev->value) // expect: null-deref
            rises++;
        prev = node;
    }
    return rises;
}

char first_byte(int ready)
{
    const char *text = NULL;
    if (ready)
        text = "ready";
    return text[0]; // expect: null-deref
}

/* A counter derived from another by a constant (`half = len >> 1`, `last
 * = count - 1`) keeps what is known of the other's range, and a counter
 * stepped with ++ or -- moves its range: a loop over a count known to be
 * positive runs at least once (dash's msort()). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct node {
    struct node *next;
    int key;
};

/* must stay silent */

struct node *split_half(struct node *list, int len)
{
    struct node *p = list, *q = NULL;
    int half, n;
    if (len <= 1)
        return NULL;
    half = len >> 1;
    for (n = half; --n >= 0;) {
        q = p;
        p = p->next;
    }
    q->next = NULL;
    return p;
}

struct node *split_third(struct node *list, int len)
{
    struct node *p = list, *q = NULL;
    if (len < 3)
        return NULL;
    int third = len / 3;
    for (int n = 0; n < third; n++) {
        q = p;
        p = p->next;
    }
    q->next = NULL;
    return p;
}

int last_key(struct node *list, int count)
{
    struct node *last = NULL;
    if (count < 0)
        return 0;
    int steps = count + 1;
    while (steps-- > 0) {
        last = list;
        list = list->next;
    }
    return last->key;
}

/* a length that is 0 when its string is NULL, masked into a byte
 * (tinyproxy's SOCKS 5 user name): memcpy copies nothing from the NULL */
size_t put_user(unsigned char *out, const char *user)
{
    size_t length = user ? strlen(user) : 0;
    size_t count = length & 0xFF;
    *out++ = (unsigned char)count;
    memcpy(out, user, count);
    return count + 1;
}

int bucket_of(int *const *buckets, unsigned hash)
{
    const int *first = NULL;
    unsigned slot = hash % 8;
    if (slot < 8)
        first = buckets[slot];
    return *first;
}

/* must be reported */

/* the length is the caller's, not 0 for a NULL user */
size_t put_user_of_length(unsigned char *out, const char *user, size_t length)
{
    size_t count = length & 0xFF;
    if (user == NULL)
        *out = 0;
    memcpy(out, user, count); // expect: null-deref
    return count;
}

struct node *split_any(struct node *list, int len)
{
    struct node *p = list, *q = NULL;
    int half = len >> 1;
    for (int n = half; --n >= 0;) {
        q = p;
        p = p->next;
    }
    q->next = NULL; // expect: null-deref
    return p;
}

int key_before_last(struct node *list, int count)
{
    struct node *last = NULL;
    if (count < 0)
        return 0;
    int steps = count - 1;
    while (steps-- > 0) {
        last = list;
        list = list->next;
    }
    return last->key; // expect: null-deref
}

/* a count down leaves its loop: `n--` steps down, whatever libclang spells */
int fill_after_countdown(int n)
{
    char *buffer = malloc(16);
    if (n < 1)
        return 0;
    while (n--)
        continue;
    for (int i = 3; --i > 0;)
        continue;
    buffer[0] = 'x'; // expect: unchecked-alloc
    return buffer[0];
}

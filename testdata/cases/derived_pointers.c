/* A pointer computed from another, q = p + n, is as NULL as p: an unchecked
 * allocation stays unchecked through it. But a NULL test of q is a test of
 * q alone: a limit that is either an address past p or NULL (`qlim = len >
 * 4 ? text + len - 4 : NULL`) does not make p NULL when the code finds it
 * NULL. */
#include <stddef.h>
#include <stdlib.h>

/* must stay silent */

int scan_fast_then_slow(const unsigned char *text, size_t len, const int *delta)
{
    const unsigned char *end = text, *lim = text + len, *qlim;
    int d = 1;
    if (len >= 4)
        qlim = lim - 4;
    else
        qlim = NULL;
    while (lim - end >= d) {
        if (qlim && end <= qlim)
            end += d;
        else
            d = delta[*end];
        if (d == 0)
            return 1;
    }
    return 0;
}

int first_past_header(const char *packet, size_t header)
{
    const char *body = packet + header;
    if (body == NULL)
        return -1;
    return packet[0];
}

/* Arithmetic on a pointer the code set to NULL itself is undefined: code
 * that computes `base + index` relies on a mode in which base is set (a
 * dictionary base, NULL without a dictionary, used only in dictionary
 * mode). The address is not called NULL. */
enum match_mode { MATCH_PREFIX, MATCH_DICTIONARY };

int first_match_byte(const char *source, const char *dictionary, size_t dictionary_size,
                     enum match_mode mode, size_t index)
{
    const char *dictionary_base = dictionary == NULL ? NULL : dictionary + dictionary_size;
    const char *match;
    if (mode == MATCH_DICTIONARY)
        match = dictionary_base + index;
    else
        match = source + index;
    return match[0];
}

/* &rows[at] is rows + at: a NULL test of it is of it alone, so after the
 * rows were grown the element's address is not NULL (kilo's editor). */
struct row {
    int size;
};
struct rows {
    struct row *items;
    int count;
};

void row_grow(struct rows *rows, int at)
{
    struct row *row = at >= rows->count ? NULL : &rows->items[at];
    if (!row) {
        while (rows->count <= at)
            rows->count++;
    }
    row = &rows->items[at];
    row->size++;
}

/* Flagged: what is computed from a NULL is NULL. */

char *buffer_tail(size_t size)
{
    char *buffer = malloc(size + 1);
    char *tail = buffer + size;
    *tail = '\0'; // expect: unchecked-alloc
    return buffer;
}

int limit_or_null(const char *text, size_t len)
{
    const char *limit = len > 4 ? text + len : NULL;
    if (limit == NULL)
        return limit[0]; // expect: null-deref
    return 0;
}

/* An allocation's NULL stays NULL through arithmetic, whatever set it
 * NULL on the other paths. */
char *record_end(size_t size, int empty)
{
    char *record = NULL;
    if (!empty)
        record = malloc(size + 1);
    char *end = record + size;
    *end = '\0'; // expect: unchecked-alloc
    return record;
}

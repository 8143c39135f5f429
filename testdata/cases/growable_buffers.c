/* A growable buffer is NULL only while its capacity is 0. When a capacity
 * test finds that it need not grow (`if (nr + 1 > alloc) { ...; p =
 * realloc(p, ...); }` not taken), it has room, so it exists: a NULL the
 * code gave it no longer counts (git's ALLOC_GROW, strbuf_grow). */
#include <stddef.h>
#include <stdlib.h>

void *xrealloc(void *pointer, size_t size); /* dies when memory runs out */

#define GROW(x, nr, alloc)                                           \
    do {                                                             \
        if ((nr) > (alloc)) {                                        \
            if ((alloc) * 2 < (nr))                                  \
                (alloc) = (nr);                                      \
            else                                                     \
                (alloc) = (alloc) * 2;                               \
            (x) = xrealloc((x), (alloc) * sizeof(*(x)));             \
        }                                                            \
    } while (0)

struct names {
    const char **items;
    size_t count, capacity;
};

static const char *no_names[1];

/* must stay silent */

void names_push(struct names *names, const char *name)
{
    if (names->items == no_names)
        names->items = NULL;
    GROW(names->items, names->count + 2, names->capacity);
    names->items[names->count++] = name;
    names->items[names->count] = NULL;
}

struct text {
    char *bytes;
    size_t length, capacity;
};

void text_reserve(struct text *text, size_t extra)
{
    int fresh = !text->capacity;
    size_t wanted = text->length + extra + 1;
    if (fresh)
        text->bytes = NULL;
    if (wanted > text->capacity) {
        text->capacity = wanted * 2;
        text->bytes = xrealloc(text->bytes, text->capacity);
    }
    if (fresh)
        text->bytes[0] = '\0';
}

/* grep's -x patterns: a buffer freed and allocated anew (gnulib's xpalloc,
 * which sets the capacity) when it is too small, NULL only while the
 * capacity is 0. */
void *xpalloc(void *pointer, long *capacity, long increment, long maximum, long size);

long line_copy(const char *line, long length)
{
    char *buffer = NULL;
    long capacity = 0;
    if (capacity < length + 2) {
        free(buffer);
        capacity = length;
        buffer = xpalloc(NULL, &capacity, 2, -1, 1);
    }
    buffer[0] = line[0];
    buffer[length + 1] = '\n';
    free(buffer);
    return capacity;
}

/* gnulib's vasnprintf: ENSURE_ALLOCATION allocates or grows into a local,
 * then stores it; `result` is NULL only while `allocated` is 0. */
#define ENSURE_ALLOCATION(needed)                                        \
    if ((needed) > allocated) {                                          \
        char *memory;                                                    \
        allocated = allocated > 0 ? allocated * 2 : 12;                  \
        if ((needed) > allocated)                                        \
            allocated = (needed);                                        \
        if (result == NULL)                                              \
            memory = malloc(allocated);                                  \
        else                                                             \
            memory = realloc(result, allocated);                         \
        if (memory == NULL)                                              \
            goto out_of_memory;                                          \
        result = memory;                                                 \
    }

size_t xsum(size_t size1, size_t size2); /* saturating: SIZE_MAX on overflow */

char *terminated_copy(const char *text, size_t length)
{
    char *result = NULL;
    size_t allocated = 0;
    ENSURE_ALLOCATION(xsum(length, 1));
    for (size_t i = 0; i < length; i++)
        result[i] = text[i];
    result[length] = '\0';
    return result;
out_of_memory:
    free(result);
    return NULL;
}

/* Flagged: a flag, not a capacity, decides the allocation. */

char first_of_optional(int wanted, long length)
{
    char *buffer = NULL;
    long capacity = length;
    if (wanted)
        buffer = xpalloc(NULL, &capacity, 2, -1, 1);
    return buffer[0]; // expect: null-deref
}

char first_of_optional_copy(int wanted, size_t length)
{
    char *result = NULL;
    if (wanted) {
        char *memory = malloc(length + 1);
        if (memory == NULL)
            return 0;
        result = memory;
    }
    return result[0]; // expect: null-deref
}

/* Flagged: an allocation that may fail stays unchecked, grown or not. */

char *buffer_with_room(size_t length, size_t wanted)
{
    char *buffer = malloc(length + 1);
    if (wanted > length)
        buffer = xrealloc(buffer, wanted + 1);
    buffer[0] = '\0'; // expect: unchecked-alloc
    return buffer;
}

/* Flagged: the branch grows another buffer. */

void names_push_wrong(struct names *names, char **other, size_t *other_capacity)
{
    if (names->items == no_names)
        names->items = NULL;
    if (names->count + 2 > *other_capacity) {
        *other_capacity = names->count + 2;
        *other = xrealloc(*other, *other_capacity);
    }
    names->items[names->count++] = "x"; // expect: null-deref
}

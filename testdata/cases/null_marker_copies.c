/* A local the function sets to NULL and later to a copy of another pointer
 * nothing is known of is a marker: its NULL test asks which of its states
 * it is in (unzip's fnfilter notes where the output began to overflow with
 * `se = NULL; ... se = s; ... if (se != NULL && ...)`), not whether the
 * pointer it copied is NULL. The marker itself is NULL on that edge. */
#include <stddef.h>
#include <string.h>

struct item {
    int width;
    struct item *next;
};

/* must stay silent */

size_t escape_controls(unsigned char *space, size_t size, const unsigned char *raw)
{
    unsigned char *s = space;
    unsigned char *limit = space + size - 4;
    unsigned char *overflow_at = NULL;
    while (*raw) {
        if (s >= limit && overflow_at == NULL)
            overflow_at = s;
        if (*raw < 32) {
            if (overflow_at != NULL && s > space + size - 4)
                break;
            *s++ = '^';
            *s++ = (unsigned char)(64 + *raw++);
        } else {
            *s++ = *raw++;
        }
    }
    *s = '\0';
    return (size_t)(s - space);
}

/* must be reported */

/* the marker itself is NULL when it was never set */
int last_width(struct item *items)
{
    struct item *last = NULL;
    for (struct item *i = items; i != NULL; i = i->next)
        last = i;
    if (last == NULL)
        return last->width; // expect: null-deref
    return 0;
}

/* a copy of a search's result is as NULL as the search */
char first_separator(char *text)
{
    char *hit = NULL;
    hit = strchr(text, ',');
    if (hit == NULL)
        return *hit; // expect: null-deref
    return ',';
}

/* Every spelling of a NULL test guards the branch where the pointer is
 * non-NULL: if (p), if (!p), p == NULL, NULL != p, p == 0, !(p == NULL), p != 0. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct session {
    int id;
    int expires;
};

/* must stay silent */

int plain_truth(void)
{
    const char *lang = getenv("LANG");
    if (lang)
        return lang[0];
    return 0;
}

int negation_returns(void)
{
    const char *lang = getenv("LANG");
    if (!lang)
        return 0;
    return lang[0];
}

int equals_null_else(void)
{
    char *copy = strdup("template");
    int first;
    if (copy == NULL)
        first = 0;
    else
        first = copy[0];
    free(copy);
    return first;
}

int null_on_the_left(void)
{
    const char *shell = getenv("SHELL");
    if (NULL != shell)
        return (int)strlen(shell);
    return -1;
}

int equals_zero(void)
{
    int *slots = calloc(8, sizeof *slots);
    if (slots == 0)
        return -1;
    slots[0] = 1;
    free(slots);
    return 0;
}

int negated_comparison(void)
{
    const char *path = getenv("PATH");
    if (!(path == NULL))
        return path[0] == '/';
    return 0;
}

int not_equal_zero(void)
{
    const char *tz = getenv("TZ");
    return tz != 0 ? tz[0] : 'U';
}

/* Wrong branches: the pointer is NULL exactly where it is used. */

int used_when_false(struct session *session)
{
    if (session)
        return 0;
    return session->id; // expect: null-deref
}

int used_under_negation(struct session *session)
{
    if (!session)
        return session->expires; // expect: null-deref
    return 0;
}

int used_where_equal(struct session *session)
{
    if (session == NULL)
        session->id = 0; // expect: null-deref
    return 1;
}

int used_after_swapped_test(struct session *session)
{
    if (NULL != session)
        return 1;
    return session->id; // expect: null-deref
}

int used_where_zero(struct session *session)
{
    if (session == 0) {
        session->expires = -1; // expect: null-deref
    }
    return 0;
}

int used_under_double_negation(struct session *session)
{
    if (!(session != NULL))
        return session->id; // expect: null-deref
    return 0;
}

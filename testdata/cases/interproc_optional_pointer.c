/* A function whose NULL return needs an optional pointer argument (a limit
 * the caller may leave out): `if (limit && p > limit) return NULL;`
 * (dnsmasq's do_rfc1035_name). A caller that passes no limit gets no NULL;
 * one that passes a limit, or may, does. */
#include <stddef.h>

static unsigned char *put_name(unsigned char *p, const char *name, const unsigned char *limit)
{
    while (name && *name) {
        unsigned char *count = p++;
        if (limit && p > limit)
            return NULL;
        int length = 0;
        for (; *name && *name != '.'; name++, length++) {
            if (limit && p + 1 > limit)
                return NULL;
            *p++ = (unsigned char)*name;
        }
        *count = (unsigned char)length;
        if (*name)
            name++;
    }
    return p;
}

/* must stay silent */

size_t name_length(unsigned char *buffer, const char *name)
{
    unsigned char *end = put_name(buffer, name, NULL);
    *end++ = 0;
    return (size_t)(end - buffer);
}

size_t bounded_name_length(unsigned char *buffer, const char *name, const unsigned char *limit)
{
    unsigned char *end = put_name(buffer, name, limit);
    if (!end)
        return 0;
    *end++ = 0;
    return (size_t)(end - buffer);
}

/* must be reported */

size_t unchecked_bounded_name(unsigned char *buffer, const char *name,
                              const unsigned char *limit)
{
    unsigned char *end = put_name(buffer, name, limit);
    *end++ = 0; // expect: unchecked-lookup
    return (size_t)(end - buffer);
}

size_t unchecked_fixed_limit(unsigned char *buffer, const char *name)
{
    unsigned char *end = put_name(buffer, name, buffer + 16);
    *end++ = 0; // expect: unchecked-lookup
    return (size_t)(end - buffer);
}

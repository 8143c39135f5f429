/* A function whose NULL return needs its optional limit (dnsmasq's
 * do_rfc1035_name). */
#include <stddef.h>

#include "names.h"

unsigned char *put_name(unsigned char *p, const char *name, const unsigned char *limit)
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

/*
 * suggest_level: the names of the --suggest levels. Apart from suggest.c
 * so that the configuration reader (and its fuzz target) can use it
 * without the wording.
 */
#include <string.h>

#include "suggest.h"

bool suggest_parse_level(const char *text, enum suggest_level *level)
{
    if (strcmp(text, "none") == 0)
        *level = SUGGEST_NONE;
    else if (strcmp(text, "fix") == 0)
        *level = SUGGEST_FIX;
    else if (strcmp(text, "full") == 0)
        *level = SUGGEST_FULL;
    else
        return false;
    return true;
}

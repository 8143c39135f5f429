/* Code in system headers (the C library's inline functions, or a header that
 * says #pragma GCC system_header) is never reported; its macros used in this
 * file are this file's code. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vendor_strings.h>

/* must stay silent */

int upper_first(const char *word)
{
    return toupper((unsigned char)word[0]);
}

size_t duplicate_length(const char *text)
{
    char *copy = vendor_strdup(text);
    size_t length = copy != NULL ? strlen(copy) : 0;
    free(copy);
    return length;
}

size_t home_length(void)
{
    return vendor_env_length("HOME");
}

int first_value(const int *values)
{
    return vendor_first(values);
}

/* Flagged: the dereference is written in this file, through the vendor's macro. */

char first_char_of_editor(void)
{
    const char *editor = getenv("EDITOR");
    return VENDOR_FIRST_CHAR(editor); // expect: unchecked-lookup
}

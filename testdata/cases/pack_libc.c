/* The libc pack (C11/C17/C23): entries beyond the classics that other
 * cases cover: wide-character searches, wcstok, C23's strdup/strndup,
 * aligned_alloc, tmpfile and setlocale (a query answers the current locale). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

wchar_t *after_delimiter(wchar_t *line)
{
    wchar_t *delimiter = wcspbrk(line, L",;");
    return delimiter + 1 + (*delimiter == L';'); // expect: unchecked-lookup
}

size_t tail_length(const wchar_t *text, size_t length)
{
    const wchar_t *space = wmemchr(text, L' ', length);
    return wcslen(space); // expect: unchecked-lookup
}

wchar_t first_token_initial(wchar_t *line)
{
    wchar_t *state;
    wchar_t *token = wcstok(line, L" ", &state);
    return token[0]; // expect: unchecked-nullable
}

char *title_case(const char *word)
{
    char *copy = strndup(word, 64);
    copy[0] = (char)(copy[0] & ~0x20); // expect: unchecked-alloc
    return copy;
}

double *vector_new(size_t count)
{
    double *vector = aligned_alloc(64, count * sizeof *vector);
    vector[0] = 0.0; // expect: unchecked-alloc
    return vector;
}

int scratch_write(const char *text)
{
    FILE *scratch = tmpfile();
    return fputs(text, scratch); // expect: unchecked-nullable
}

char decimal_point_of_locale(void)
{
    const char *locale = setlocale(LC_NUMERIC, "C");
    return locale[0]; // expect: unchecked-lookup
}

/* a query answers the current locale */
char first_of_current_locale(void)
{
    const char *locale = setlocale(LC_NUMERIC, NULL);
    return locale[0];
}

/* The last slash may be missing. */
char last_slash_next(const char *path)
{
    return strrchr(path, '/')[1]; // expect: unchecked-lookup
}

/* must stay silent */

wchar_t *after_delimiter_checked(wchar_t *line)
{
    wchar_t *delimiter = wcspbrk(line, L",;");
    return delimiter != NULL ? delimiter + 1 : line;
}

char *title_case_checked(const char *word)
{
    char *copy = strndup(word, 64);
    if (!copy)
        return NULL;
    copy[0] = (char)(copy[0] & ~0x20);
    return copy;
}

int scratch_write_checked(const char *text)
{
    FILE *scratch = tmpfile();
    if (scratch == NULL)
        return EOF;
    int status = fputs(text, scratch);
    fclose(scratch);
    return status;
}

_Noreturn void usage(void)
{
    fputs("usage: tool FILE\n", stderr);
    quick_exit(2);
}

const char *argument_or_usage(int count, char **arguments)
{
    const char *name = count > 1 ? arguments[1] : NULL;
    if (!name)
        usage();
    return strchr(name, '.') ? name : "default";
}

/* The terminator is always found: strrchr(path, 0) is the string's end. */
char last_char(const char *path)
{
    return *(strrchr(path, 0) - 1) + *strchr(path, '\0');
}

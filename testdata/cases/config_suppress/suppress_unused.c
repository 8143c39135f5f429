/* report-unused-suppressions: a nullproof suppression that hides nothing
 * is reported where it is written; NOLINT forms only when they name
 * nullproof (a bare NOLINT may be clang-tidy's). */
#include <stdlib.h>
#include <string.h>

size_t used(void)
{
    return strlen(getenv("HOME")); // nullproof: ignore[unchecked-lookup]
}

size_t unused_trailing(const char *text)
{
    return strlen(text); // nullproof: ignore[unchecked-lookup] // expect: unused-suppression
}

size_t unused_line_before(const char *text)
{
    // nullproof: ignore // expect: unused-suppression
    return strlen(text);
}

size_t partly_used(void)
{
    return strlen(getenv("HOME")); // nullproof: ignore[unchecked-lookup, null-deref] // expect: unused-suppression
}

size_t unused_nolint(const char *text)
{
    return strlen(text); // NOLINT(nullproof-unchecked-lookup) // expect: unused-suppression
}

/* not ours to judge */
size_t bare_nolint(const char *text)
{
    return strlen(text); // NOLINT
}

size_t other_tool(const char *text)
{
    return strlen(text); // NOLINT(readability-*)
}

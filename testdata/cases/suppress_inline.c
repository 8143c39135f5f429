/* Inline suppressions: `nullproof: ignore[RULE]` or `nullproof: ignore` at
 * the end of the line or alone on the line before; clang-tidy's NOLINT,
 * NOLINT(nullproof-RULE), NOLINTNEXTLINE(...) and NOLINTBEGIN/NOLINTEND.
 * A suppression of another rule, or inside a string literal, hides
 * nothing. */
#include <stdlib.h>
#include <string.h>

size_t trailing_rule(void)
{
    return strlen(getenv("HOME")); // nullproof: ignore[unchecked-lookup]
}

size_t trailing_all(void)
{
    return strlen(getenv("HOME")); /* nullproof: ignore */
}

size_t line_before(void)
{
    // nullproof: ignore[unchecked-lookup] the launcher always sets HOME
    return strlen(getenv("HOME"));
}

size_t line_before_several_rules(void)
{
    char *copy = strdup("x");
    // nullproof: ignore[unchecked-alloc, unchecked-lookup]
    return strlen(getenv("HOME")) + strlen(copy);
}

size_t clang_tidy_nolint(void)
{
    return strlen(getenv("HOME")); // NOLINT(nullproof-unchecked-lookup)
}

size_t clang_tidy_nolint_glob(void)
{
    return strlen(getenv("HOME")); // NOLINT(bugprone-*, nullproof-*)
}

size_t clang_tidy_bare_nolint(void)
{
    return strlen(getenv("HOME")); // NOLINT
}

size_t clang_tidy_next_line(void)
{
    // NOLINTNEXTLINE(nullproof-unchecked-lookup)
    return strlen(getenv("HOME"));
}

// NOLINTBEGIN(nullproof-unchecked-alloc)
void region(char **out)
{
    char *buffer = malloc(8);
    buffer[0] = '\0';
    *out = buffer;
}
// NOLINTEND(nullproof-unchecked-alloc)

/* still reported */

size_t other_rule(void)
{
    return strlen(getenv("HOME")); // expect: unchecked-lookup // nullproof: ignore[unchecked-alloc]
}

size_t other_tool(void)
{
    return strlen(getenv("HOME")); // expect: unchecked-lookup // NOLINT(bugprone-unused-return-value)
}

size_t not_the_next_line(void)
{
    // NOLINTNEXTLINE(nullproof-unchecked-lookup)

    return strlen(getenv("HOME")); // expect: unchecked-lookup
}

const char *in_a_string(void)
{
    const char *text = "// nullproof: ignore"; char *p = getenv("X"); return p + *p; // expect: unchecked-lookup
}

void after_region(char **out)
{
    char *buffer = malloc(8);
    buffer[0] = '\0'; // expect: unchecked-alloc
    *out = buffer;
}

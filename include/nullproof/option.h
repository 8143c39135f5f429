/*
 * nullproof/option.h: Option and Result types for C11, in the spirit of
 * Rust's Option<T> and Result<T, E>. Absence and failure become part of the
 * type, so a caller must look at the tag before it reads the payload (and
 * nullproof's unchecked-variant rule checks that it does).
 *
 *     NP_OPTION_DECLARE(user_opt, struct user *)
 *     user_opt user_find(const struct table *users, const char *name);
 *
 *     user_opt found = user_find(users, "ada");
 *     if (!found.some)
 *         return -1;
 *     greet(found.value);
 *
 *     NP_RESULT_DECLARE(file_result, FILE *, int)   (the error: an errno value)
 *
 * Each declaration makes a struct type and small static inline functions
 * named after it: NAME_some / NAME_none / NAME_is_some / NAME_unwrap_or /
 * NAME_expect for options, NAME_ok / NAME_err / NAME_is_ok / NAME_value_or /
 * NAME_expect for results. No allocation, no dependency beyond the C
 * library; compiles warning-free with -std=c11 -Wall -Wextra -pedantic.
 */
#ifndef NULLPROOF_OPTION_H
#define NULLPROOF_OPTION_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* The functions a declaration makes are there to be used or not: clang
 * would warn about each unused one in the file that declares the type. */
#if defined(__GNUC__)
#define NP_UNUSED __attribute__((unused))
#else
#define NP_UNUSED
#endif

/* Called by NAME_expect on the wrong variant: prints the message and aborts,
 * as Rust's expect() panics. */
NP_UNUSED static inline void np_expect_failed(const char *type, const char *message)
{
    fprintf(stderr, "%s: %s\n", type, message ? message : "expect() on the wrong variant");
    abort();
}

/* An optional T: `some` says whether `value` holds one. */
#define NP_OPTION_DECLARE(NAME, T)                                                                 \
    typedef struct {                                                                               \
        bool some;                                                                                 \
        T value;                                                                                   \
    } NAME;                                                                                        \
    NP_UNUSED static inline NAME NAME##_some(T value)                                              \
    {                                                                                              \
        NAME option = {true, value};                                                               \
        return option;                                                                             \
    }                                                                                              \
    NP_UNUSED static inline NAME NAME##_none(void)                                                 \
    {                                                                                              \
        NAME option = {false};                                                                     \
        return option;                                                                             \
    }                                                                                              \
    NP_UNUSED static inline bool NAME##_is_some(NAME option) { return option.some; }               \
    NP_UNUSED static inline bool NAME##_is_none(NAME option) { return !option.some; }              \
    NP_UNUSED static inline T NAME##_unwrap_or(NAME option, T fallback)                            \
    {                                                                                              \
        return option.some ? option.value : fallback;                                              \
    }                                                                                              \
    NP_UNUSED static inline T NAME##_expect(NAME option, const char *message)                      \
    {                                                                                              \
        if (!option.some)                                                                          \
            np_expect_failed(#NAME, message);                                                      \
        return option.value;                                                                       \
    }

/* A T on success or an E on failure: `ok` says which member is live. */
#define NP_RESULT_DECLARE(NAME, T, E)                                                              \
    typedef struct {                                                                               \
        bool ok;                                                                                   \
        union {                                                                                    \
            T value;                                                                               \
            E error;                                                                               \
        };                                                                                         \
    } NAME;                                                                                        \
    NP_UNUSED static inline NAME NAME##_ok(T value)                                                \
    {                                                                                              \
        NAME result = {.ok = true, .value = value};                                                \
        return result;                                                                             \
    }                                                                                              \
    NP_UNUSED static inline NAME NAME##_err(E error)                                               \
    {                                                                                              \
        NAME result = {.ok = false, .error = error};                                               \
        return result;                                                                             \
    }                                                                                              \
    NP_UNUSED static inline bool NAME##_is_ok(NAME result) { return result.ok; }                   \
    NP_UNUSED static inline bool NAME##_is_err(NAME result) { return !result.ok; }                 \
    NP_UNUSED static inline T NAME##_value_or(NAME result, T fallback)                             \
    {                                                                                              \
        return result.ok ? result.value : fallback;                                                \
    }                                                                                              \
    NP_UNUSED static inline T NAME##_expect(NAME result, const char *message)                      \
    {                                                                                              \
        if (!result.ok)                                                                            \
            np_expect_failed(#NAME, message);                                                      \
        return result.value;                                                                       \
    }

#endif

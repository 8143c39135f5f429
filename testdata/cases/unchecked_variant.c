/* Reading an Option's or Result's payload needs its tag tested first, on
 * every path: the C form of Rust's match before unwrap. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "nullproof/option.h"

struct user {
    const char *name;
    int age;
};

NP_OPTION_DECLARE(user_opt, struct user *)
NP_RESULT_DECLARE(file_result, FILE *, int)

extern user_opt user_find(const char *name);
extern file_result config_open(const char *path);

/* A hand-written tagged struct of the same shape counts too. */
struct parse_result {
    _Bool ok;
    union {
        long value;
        const char *error;
    };
};
extern struct parse_result parse_number(const char *text);

/* must stay silent */

int age_of(const char *name)
{
    user_opt found = user_find(name);
    if (!found.some)
        return -1;
    return found.value->age;
}

int age_or_zero(const char *name)
{
    user_opt found = user_find(name);
    return found.some ? found.value->age : 0;
}

int close_config(const char *path)
{
    file_result config = config_open(path);
    if (config.ok)
        return fclose(config.value);
    fprintf(stderr, "%s: %s\n", path, strerror(config.error));
    return -1;
}

long number_or(const char *text, long fallback)
{
    struct parse_result parsed = parse_number(text);
    switch (parsed.ok) {
    case 1:
        return parsed.value;
    default:
        fprintf(stderr, "%s\n", parsed.error);
        return fallback;
    }
}

/* The accessors of nullproof/option.h test the tag too. */
int age_via_accessor(const char *name)
{
    user_opt found = user_find(name);
    if (user_opt_is_none(found))
        return -1;
    return found.value->age;
}

int close_via_accessor(const char *path)
{
    file_result config = config_open(path);
    if (!file_result_is_ok(config))
        return config.error;
    return fclose(config.value);
}

user_opt make_user(struct user *user)
{
    user_opt made;
    made.value = user;
    made.some = user != NULL;
    return made;
}

/* Flagged. */

int age_unchecked(const char *name)
{
    user_opt found = user_find(name);
    return found.value->age; // expect: unchecked-variant
}

int report_failure(const char *path)
{
    file_result config = config_open(path);
    if (config.ok)
        return errno = config.error; // expect: unchecked-variant
    return fclose(config.value); // expect: unchecked-variant
}

int age_of_other(const char *name, user_opt other)
{
    user_opt found = user_find(name);
    if (!other.some)
        return -1;
    return found.value->age; // expect: unchecked-variant
}

long number_wrong_arm(const char *text)
{
    struct parse_result parsed = parse_number(text);
    switch (parsed.ok) {
    case 0:
        return parsed.value; // expect: unchecked-variant
    default:
        return 0;
    }
}

int age_after_wrong_accessor(const char *name)
{
    user_opt found = user_find(name);
    if (user_opt_is_some(found))
        return 0;
    return found.value->age; // expect: unchecked-variant
}

/*
 * Unit tests of include/nullproof/option.h: constructors, tests, fallbacks
 * and expect() for Option and Result types over pointers, scalars and
 * structs. Also compiled with -pedantic by every compiler found (see
 * tests/CMakeLists.txt).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "nullproof/option.h"

struct user {
    const char *name;
    int age;
};

struct point {
    int x;
    int y;
};

NP_OPTION_DECLARE(user_opt, struct user *)
NP_OPTION_DECLARE(int_opt, int)
NP_OPTION_DECLARE(point_opt, struct point)
NP_RESULT_DECLARE(file_result, FILE *, int)
NP_RESULT_DECLARE(count_result, size_t, const char *)

static struct user ada = {"ada", 36};

static user_opt find_user(const char *name)
{
    if (name[0] == 'a')
        return user_opt_some(&ada);
    return user_opt_none();
}

static void test_option_some_and_none(void **state)
{
    (void)state;
    user_opt found = find_user("ada");
    assert_true(user_opt_is_some(found));
    assert_false(user_opt_is_none(found));
    assert_ptr_equal(found.value, &ada);
    user_opt missing = find_user("bob");
    assert_false(missing.some);
    assert_true(user_opt_is_none(missing));
    assert_null(missing.value); /* none leaves the payload zeroed */
}

static void test_option_unwrap_or(void **state)
{
    (void)state;
    assert_int_equal(int_opt_unwrap_or(int_opt_some(4), 7), 4);
    assert_int_equal(int_opt_unwrap_or(int_opt_none(), 7), 7);
    struct point origin = {0, 0};
    struct point got = point_opt_unwrap_or(point_opt_some((struct point){3, 4}), origin);
    assert_int_equal(got.x, 3);
    assert_int_equal(got.y, 4);
    got = point_opt_unwrap_or(point_opt_none(), origin);
    assert_int_equal(got.x, 0);
}

static void test_option_expect_on_some(void **state)
{
    (void)state;
    assert_int_equal(user_opt_expect(find_user("ada"), "ada exists")->age, 36);
}

static void test_result_ok_and_err(void **state)
{
    (void)state;
    file_result opened = file_result_ok(stdin);
    assert_true(file_result_is_ok(opened));
    assert_ptr_equal(opened.value, stdin);
    file_result failed = file_result_err(ENOENT);
    assert_true(file_result_is_err(failed));
    assert_int_equal(failed.error, ENOENT);
    assert_ptr_equal(file_result_value_or(failed, stderr), stderr);
    count_result counted = count_result_err("no input");
    assert_string_equal(counted.error, "no input");
    assert_int_equal(count_result_expect(count_result_ok(12), "counted"), 12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_option_some_and_none),
        cmocka_unit_test(test_option_unwrap_or),
        cmocka_unit_test(test_option_expect_on_some),
        cmocka_unit_test(test_result_ok_and_err),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

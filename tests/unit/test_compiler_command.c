/*
 * test_compiler_command: which command lines after `--` are a compiler's
 * (CMake's CMAKE_C_CLANG_TIDY shape) and what is left of them for a parse.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "driver/compiler_command.h"

static bool recognised(const char *const *arguments, int count, int *index)
{
    *index = -1;
    return compiler_command_recognise(arguments, count, index);
}

static void test_recognise(void **state)
{
    (void)state;
    int index = -1;
    const char *const plain[] = {"-std=c11", "-DX=1"};
    assert_false(recognised(plain, 2, &index));
    assert_false(recognised(plain, 0, &index));
    const char *const names[] = {"/usr/bin/cc", "gcc", "clang-19", "x86_64-linux-gnu-gcc-12",
                                 "arm-none-eabi-gcc", "c99", "/opt/llvm/bin/clang"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *const command[] = {names[i], "-c", "a.c"};
        if (!recognised(command, 3, &index))
            fail_msg("'%s' is a compiler", names[i]);
        assert_int_equal(index, 0);
    }
    const char *const launched[] = {"/usr/bin/ccache", "gcc", "-c", "a.c"};
    assert_true(recognised(launched, 4, &index));
    assert_int_equal(index, 1);
    const char *const not_compilers[] = {"main.c", "notacompiler", "gccx", "ccache"};
    for (size_t i = 0; i < sizeof not_compilers / sizeof not_compilers[0]; i++) {
        const char *const command[] = {not_compilers[i], "-c"};
        if (recognised(command, 2, &index))
            fail_msg("'%s' is not a compiler", not_compilers[i]);
    }
    /* An executable file is taken as a compiler whatever its name. */
    const char *const executable[] = {"/bin/sh", "-c"};
    assert_true(recognised(executable, 2, &index));
}

static void test_arguments(void **state)
{
    (void)state;
    const char *const command[] = {
        "/usr/bin/ccache", "/usr/bin/cc", "-DMAX=48", "-I/src/include", "-Wall", "-std=c11",
        "-MD", "-MT", "x.o", "-MF", "x.o.d", "-o", "x.o", "-c", "/src/main.c"};
    int count = 0;
    char **arguments = compiler_command_arguments(command, 15, 1, "/build", "/src/main.c",
                                                  &count);
    const char *const expected[] = {"-working-directory=/build", "-DMAX=48", "-I/src/include",
                                    "-Wall", "-std=c11"};
    assert_int_equal(count, 5);
    for (int i = 0; i < count; i++)
        assert_string_equal(arguments[i], expected[i]);
    compiler_command_free(arguments, count);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recognise),
        cmocka_unit_test(test_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

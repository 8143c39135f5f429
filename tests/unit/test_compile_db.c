/*
 * test_compile_db: the compile command filter (pure string logic) and
 * loading compile_commands.json through libclang: valid databases in both
 * entry shapes, a path to the file itself, and the errors for empty,
 * malformed and missing databases (with nothing printed to stderr).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "frontend/compile_db.h"

struct fixture {
    char directory[64];
};

static int setup(void **state)
{
    struct fixture *fixture = calloc(1, sizeof *fixture);
    if (!fixture)
        return -1;
    snprintf(fixture->directory, sizeof fixture->directory, "/tmp/nullproof-cdb-XXXXXX");
    if (!mkdtemp(fixture->directory))
        return -1;
    *state = fixture;
    return 0;
}

static void remove_file(const struct fixture *fixture, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", fixture->directory, name);
    unlink(path);
}

static int teardown(void **state)
{
    struct fixture *fixture = *state;
    remove_file(fixture, "compile_commands.json");
    remove_file(fixture, "src/a.c");
    remove_file(fixture, "b.c");
    char path[256];
    snprintf(path, sizeof path, "%s/src", fixture->directory);
    rmdir(path);
    rmdir(fixture->directory);
    free(fixture);
    return 0;
}

static void write_file(const struct fixture *fixture, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", fixture->directory, name);
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
}

static void free_arguments(char **arguments, int count)
{
    for (int i = 0; i < count; i++)
        free(arguments[i]);
    free(arguments);
}

static void test_filter_drops_outputs_and_source(void **state)
{
    (void)state;
    const char *const argv[] = {"/usr/bin/cc", "-c", "-o", "obj/a.o", "-Iinclude", "-MD",
                                "-MF", "obj/a.d", "-DMSG=\"hi there\"", "src/../src/a.c", "-MT",
                                "obj/a.o", "-MMD", "-MP", "-MQ", "q", "-oother.o", "-M", "-MM",
                                "-std=c11", "-Werror", "-Werror=format", "-Wall", "other.c"};
    int count = 0;
    char **arguments = compile_command_filter(argv, (int)(sizeof argv / sizeof argv[0]), "/proj",
                                              "/proj/src/a.c", &count);
    const char *const expected[] = {"-working-directory=/proj", "-Iinclude",
                                    "-DMSG=\"hi there\"", "-std=c11", "-Wall", "other.c"};
    assert_int_equal(count, (int)(sizeof expected / sizeof expected[0]));
    for (int i = 0; i < count; i++)
        assert_string_equal(arguments[i], expected[i]);
    free_arguments(arguments, count);
}

static void test_filter_edge_cases(void **state)
{
    (void)state;
    int count = -1;
    char **arguments = compile_command_filter(NULL, 0, NULL, NULL, &count);
    assert_non_null(arguments);
    assert_int_equal(count, 0);
    free_arguments(arguments, count);

    const char *const argv[] = {"cc", "/abs/x.c", "-o"}; /* a trailing -o has no value */
    arguments = compile_command_filter(argv, 3, "/build", "/abs/x.c", &count);
    assert_int_equal(count, 1);
    assert_string_equal(arguments[0], "-working-directory=/build");
    free_arguments(arguments, count);
}

static void test_load_valid(void **state)
{
    struct fixture *fixture = *state;
    char path[256];
    snprintf(path, sizeof path, "%s/src", fixture->directory);
    assert_int_equal(mkdir(path, 0700), 0);
    write_file(fixture, "src/a.c", "int a;\n");
    write_file(fixture, "b.c", "int b;\n");
    char json[2048];
    snprintf(json, sizeof json,
             "[\n"
             " {\"directory\": \"%s\", \"file\": \"src/./a.c\",\n"
             "  \"arguments\": [\"cc\", \"-c\", \"-Iinclude\", \"src/./a.c\", \"-o\", \"a.o\"]},\n"
             " {\"directory\": \"%s\", \"file\": \"%s/b.c\",\n"
             "  \"command\": \"cc -DNAME=\\\"x y\\\" -MD -MF b.d -c b.c\"}\n"
             "]\n",
             fixture->directory, fixture->directory, fixture->directory);
    write_file(fixture, "compile_commands.json", json);

    char *error = NULL;
    struct compile_database *database = compile_database_load(fixture->directory, &error);
    assert_null(error);
    assert_non_null(database);
    assert_string_equal(compile_database_directory(database), fixture->directory);
    assert_int_equal(compile_database_count(database), 2);

    char expected_file[256];
    snprintf(expected_file, sizeof expected_file, "%s/src/a.c", fixture->directory);
    const struct compile_command *first = compile_database_entry(database, 0);
    assert_string_equal(first->file, expected_file);
    assert_string_equal(first->directory, fixture->directory);
    assert_int_equal(first->argument_count, 2);
    assert_non_null(strstr(first->arguments[0], "-working-directory="));
    assert_string_equal(first->arguments[1], "-Iinclude");

    const struct compile_command *second = compile_database_entry(database, 1);
    assert_int_equal(second->argument_count, 2);
    assert_string_equal(second->arguments[1], "-DNAME=x y"); /* shell-split */

    assert_ptr_equal(compile_database_find(database, expected_file), first);
    char relative[256];
    snprintf(relative, sizeof relative, "%s/src/../b.c", fixture->directory);
    assert_ptr_equal(compile_database_find(database, relative), second);
    assert_null(compile_database_find(database, "/nowhere/c.c"));
    assert_null(compile_database_entry(database, 2));
    compile_database_free(database);

    /* the file itself instead of its directory */
    snprintf(path, sizeof path, "%s/compile_commands.json", fixture->directory);
    database = compile_database_load(path, &error);
    assert_null(error);
    assert_non_null(database);
    assert_int_equal(compile_database_count(database), 2);
    compile_database_free(database);
}

/* Loads and returns the error; fails when anything was printed to stderr. */
static char *load_error(const char *path)
{
    fflush(stderr);
    FILE *capture = tmpfile();
    assert_non_null(capture);
    int saved = dup(STDERR_FILENO);
    dup2(fileno(capture), STDERR_FILENO);
    char *error = NULL;
    struct compile_database *database = compile_database_load(path, &error);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    fseek(capture, 0, SEEK_END);
    long printed = ftell(capture);
    fclose(capture);
    assert_null(database);
    assert_non_null(error);
    assert_int_equal(printed, 0);
    return error;
}

static void test_load_empty(void **state)
{
    struct fixture *fixture = *state;
    write_file(fixture, "compile_commands.json", "[]\n");
    char *error = load_error(fixture->directory);
    assert_non_null(strstr(error, "has no entries"));
    assert_non_null(strstr(error, fixture->directory));
    free(error);
}

static void test_load_malformed(void **state)
{
    struct fixture *fixture = *state;
    write_file(fixture, "compile_commands.json", "[{\"directory\": \"/x\", \"file\": ");
    char *error = load_error(fixture->directory);
    assert_non_null(strstr(error, "not a valid compilation database"));
    assert_non_null(strstr(error, "compile_commands.json"));
    free(error);

    write_file(fixture, "compile_commands.json", "[{\"file\": \"a.c\"}]");
    error = load_error(fixture->directory);
    assert_non_null(strstr(error, "not a valid compilation database"));
    free(error);

    write_file(fixture, "compile_commands.json", "{\"not\": \"an array\"}");
    error = load_error(fixture->directory);
    assert_non_null(strstr(error, "not a valid compilation database"));
    free(error);
}

static void test_load_missing(void **state)
{
    struct fixture *fixture = *state;
    char *error = load_error(fixture->directory);
    assert_non_null(strstr(error, "no compile_commands.json"));
    free(error);

    error = load_error("/nonexistent/nullproof/build");
    assert_non_null(strstr(error, "/nonexistent/nullproof/build"));
    free(error);

    write_file(fixture, "b.c", "int b;\n");
    char path[256];
    snprintf(path, sizeof path, "%s/b.c", fixture->directory);
    error = load_error(path);
    assert_non_null(strstr(error, "compile_commands.json"));
    free(error);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_filter_drops_outputs_and_source),
        cmocka_unit_test(test_filter_edge_cases),
        cmocka_unit_test_setup_teardown(test_load_valid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_malformed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_missing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

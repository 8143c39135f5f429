/* assert_check.c compiled with -DNDEBUG: assert(p) still counts as a check, so
 * the findings must be the same as there, line for line. */
// args: -DNDEBUG -std=gnu11
#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct matrix {
    int rows;
    int columns;
    double *cells;
};

/* must stay silent */

struct matrix *matrix_new(int rows, int columns)
{
    struct matrix *matrix = malloc(sizeof *matrix);
    assert(matrix);
    matrix->rows = rows;
    matrix->columns = columns;
    matrix->cells = calloc((size_t)rows * (size_t)columns, sizeof *matrix->cells);
    assert(matrix->cells != NULL);
    matrix->cells[0] = 0.0;
    return matrix;
}

double matrix_at(const struct matrix *matrix, int row, int column)
{
    assert(matrix != NULL && row < matrix->rows);
    return matrix->cells[row * matrix->columns + column];
}

size_t data_dir_length(void)
{
    const char *dir = getenv("DATA_DIR");
    assert(dir != NULL);
    return strlen(dir);
}

/* Flagged: the assertion is about something else, or on one path only. */

double *matrix_row(int columns)
{
    double *row = malloc((size_t)columns * sizeof *row);
    assert(columns > 0);
    row[0] = 0.0; // expect: unchecked-alloc
    return row;
}

size_t config_paths_length(void)
{
    const char *system_path = getenv("SYSTEM_CONFIG");
    const char *user_path = getenv("USER_CONFIG");
    assert(system_path);
    return strlen(system_path) + strlen(user_path); // expect: unchecked-lookup
}

struct matrix *matrix_new_strict(int rows, int strict)
{
    struct matrix *matrix = malloc(sizeof *matrix);
    if (strict)
        assert(matrix);
    matrix->rows = rows; // expect: unchecked-alloc
    return matrix;
}

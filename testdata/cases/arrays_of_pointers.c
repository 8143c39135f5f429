/* Elements of an array of pointers: an element set from an allocator is
 * maybe-NULL until that element is tested. Elements with different indexes are
 * not told apart yet, so a test of one element hides a missing test of another. */
#include <stdlib.h>
#include <string.h>

#define ROWS 4

struct grid {
    char *rows[ROWS];
    int width;
};

void grid_first_row(struct grid *grid)
{
    grid->rows[0] = malloc((size_t)grid->width);
    grid->rows[0][0] = '#'; // expect: unchecked-alloc
}

void lines_init(char **lines, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        lines[i] = strdup("");
        lines[i][0] = '\0'; // expect: unchecked-alloc
    }
}

void grid_two_rows(struct grid *grid)
{
    grid->rows[0] = malloc((size_t)grid->width);
    grid->rows[1] = malloc((size_t)grid->width);
    if (grid->rows[0] == NULL)
        return;
    grid->rows[0][0] = '#';
    grid->rows[1][0] = '#'; // expect: unchecked-alloc
}

/* must stay silent */

int grid_init(struct grid *grid)
{
    for (int row = 0; row < ROWS; row++) {
        grid->rows[row] = calloc((size_t)grid->width + 1, 1);
        if (grid->rows[row] == NULL)
            return -1;
        memset(grid->rows[row], '.', (size_t)grid->width);
    }
    return 0;
}

int lines_init_checked(char **lines, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        lines[i] = strdup("");
        if (!lines[i])
            return -1;
        lines[i][0] = '\0';
    }
    return 0;
}

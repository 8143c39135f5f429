/* A function whose body has a clang error is skipped (no findings from it);
 * the other functions of the file are still analysed. */
// expect-error
#include <stdlib.h>
#include <string.h>

struct item {
    char *label;
    int count;
};

/* The undeclared identifier makes this body unusable: nothing is reported in it. */
int broken_count(void)
{
    struct item *item = malloc(sizeof *item);
    item->count = undeclared_total;
    return item->count;
}

int item_count(void)
{
    struct item *item = malloc(sizeof *item);
    item->count = 1; // expect: unchecked-alloc
    int count = item->count;
    free(item);
    return count;
}

/* must stay silent */

int item_count_checked(void)
{
    struct item *item = malloc(sizeof *item);
    if (item == NULL)
        return 0;
    item->count = 1;
    int count = item->count;
    free(item);
    return count;
}

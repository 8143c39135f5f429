/* A local pointer that only ever holds &x of one local x is x: *p, p->f
 * and (*p).f read and write x, so what is stored through one such
 * pointer is seen through another (here an inner `data` shadows the
 * outer one each time). A pointer that may point to two variables, or
 * whose own address is taken, is not followed. */
#include <stdlib.h>
#include <string.h>

struct box {
    char *name;
    int size;
};

/* flagged */

void stored_through_one_read_through_another(void)
{
    char *data;
    char **ptr1 = &data;
    char **ptr2 = &data;
    data = NULL;
    {
        char *data = *ptr1;
        data = malloc(100);
        *ptr1 = data;
    }
    {
        char *data = *ptr2;
        strcpy(data, "x"); // expect: unchecked-alloc
        free(data);
    }
}

int field_set_to_null_through_pointer(void)
{
    struct box box;
    struct box *view = &box;
    view->name = NULL;
    (*view).size = 3;
    return box.name[0]; // expect: null-deref
}

char first_of_copy(const char *text)
{
    char *copy;
    char **slot;
    slot = &copy;
    *slot = strdup(text);
    return copy[0]; // expect: unchecked-alloc
}

/* must stay silent */

void stored_through_one_checked_before_use(void)
{
    char *data;
    char **ptr1 = &data;
    char **ptr2 = &data;
    data = NULL;
    {
        char *data = *ptr1;
        data = malloc(100);
        *ptr1 = data;
    }
    {
        char *data = *ptr2;
        if (data == NULL)
            return;
        strcpy(data, "x");
        free(data);
    }
}

int field_set_through_pointer(void)
{
    static char fallback[] = "none";
    struct box box;
    struct box *view = &box;
    view->name = fallback;
    return box.name[0] + (*view).name[1];
}

char copy_checked_through_pointer(const char *text)
{
    char *copy = NULL;
    char **slot = &copy;
    *slot = strdup(text);
    if (*slot == NULL)
        return 0;
    char first = copy[0];
    free(copy);
    return first;
}

/* p may point to either variable: *p is not x */
int two_targets(int which)
{
    char *missing = NULL;
    char present[] = "yes";
    char *text = present;
    char **p = &missing;
    if (which)
        p = &text;
    *p = present;
    return missing ? missing[0] : 0;
}

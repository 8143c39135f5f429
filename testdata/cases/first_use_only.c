/* Only the first unsafe use of a value on a path is reported: after it the
 * value counts as checked. Each path and each new value gets its own finding. */
#include <stdlib.h>
#include <string.h>

struct point {
    int x;
    int y;
};

struct point *point_origin(void)
{
    struct point *point = malloc(sizeof *point);
    point->x = 0; // expect: unchecked-alloc
    point->y = 0;
    return point;
}

void fill_header(char *out, size_t size)
{
    char *header = malloc(4);
    header[0] = 'P'; // expect: unchecked-alloc
    header[1] = 'K';
    header[2] = header[3] = 0;
    memcpy(out, header, size < 4 ? size : 4);
    free(header);
}

/* One finding per root cause: the first use on each path is a use of the
 * same unchecked malloc, so the second is a note of the first (--all-uses
 * reports both); none after the paths meet. */
int first_byte(int binary)
{
    char *text = malloc(8);
    int byte;
    if (binary)
        byte = text[0] & 0x7f; // expect: unchecked-alloc
    else
        byte = text[0];
    byte += text[1];
    free(text);
    return byte;
}

/* Two allocations are two root causes: two findings. */
int two_bytes(void)
{
    char *first = malloc(8);
    char *second = malloc(8);
    int byte = first[0]; // expect: unchecked-alloc
    byte += second[0]; // expect: unchecked-alloc
    free(first);
    free(second);
    return byte;
}

/* A new value from the same source is a new value. */
int two_lookups(void)
{
    const char *value = getenv("FIRST");
    int total = value[0]; // expect: unchecked-lookup
    value = getenv("SECOND");
    total += value[0]; // expect: unchecked-lookup
    return total;
}

/* Two different values on one line: two findings. */
int two_values_one_line(void)
{
    const char *user = getenv("USER");
    const char *home = getenv("HOME");
    return user[0] + home[0]; // expect: unchecked-lookup, unchecked-lookup
}

/* must stay silent */

struct point *point_origin_checked(void)
{
    struct point *point = malloc(sizeof *point);
    if (point == NULL)
        return NULL;
    point->x = 0;
    point->y = 0;
    return point;
}

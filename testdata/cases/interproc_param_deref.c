/* A function of the file that dereferences a parameter on every path needs a
 * non-NULL argument: passing a maybe-NULL value is a finding at the call. A
 * callee that tests the parameter first, or uses it on some paths only, is not. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct point {
    int x;
    int y;
};

static size_t count_fields(const char *line)
{
    size_t fields = 1;
    for (; *line != '\0'; line++)
        if (*line == ',')
            fields++;
    return fields;
}

/* Dereferences through another function of the file. */
static size_t count_columns(const char *header)
{
    return count_fields(header);
}

static void point_clear(struct point *point)
{
    point->x = 0;
    point->y = 0;
}

static size_t count_fields_or_zero(const char *line)
{
    if (line == NULL)
        return 0;
    return count_fields(line);
}

static int point_norm(const struct point *point, int fast)
{
    if (fast)
        return 0;
    return point->x * point->x + point->y * point->y;
}

size_t field_count_from_environment(void)
{
    const char *spec = getenv("FIELDS");
    return count_fields(spec); // expect: unchecked-lookup
}

size_t column_count_from_environment(void)
{
    return count_columns(getenv("HEADER")); // expect: unchecked-lookup
}

struct point *point_new(void)
{
    struct point *point = malloc(sizeof *point);
    point_clear(point); // expect: unchecked-alloc
    return point;
}

void point_reset_missing(void)
{
    struct point *point = NULL;
    point_clear(point); // expect: null-deref
}

/* must stay silent */

size_t field_count_checked(void)
{
    const char *spec = getenv("FIELDS");
    if (spec == NULL)
        return 0;
    return count_fields(spec);
}

size_t field_count_tolerant(void)
{
    return count_fields_or_zero(getenv("FIELDS"));
}

/* In this context point_norm returns before it uses the point. */
int norm_of_nothing(void)
{
    struct point *point = NULL;
    return point_norm(point, 1);
}

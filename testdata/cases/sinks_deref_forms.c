/* Each way of dereferencing is a use: *p, p->f, p[i], (*p).f, p->a.b. Taking
 * sizeof, comparing, copying, freeing or returning the pointer is not. */
#include <stdio.h>
#include <stdlib.h>

struct point {
    int x;
    int y;
};

struct shape {
    struct point origin;
    int sides;
};

extern void register_shape(struct shape *shape);

void star_store(void)
{
    int *count = malloc(sizeof *count);
    *count = 0; // expect: unchecked-alloc
    free(count);
}

int star_load(void)
{
    int *count = malloc(sizeof *count);
    int value = *count; // expect: unchecked-alloc
    free(count);
    return value;
}

void arrow_store(void)
{
    struct shape *shape = malloc(sizeof *shape);
    shape->sides = 3; // expect: unchecked-alloc
    register_shape(shape);
}

void index_store(size_t n)
{
    struct point *points = calloc(n, sizeof *points);
    points[n - 1].x = 1; // expect: unchecked-alloc
    free(points);
}

void paren_star_field(void)
{
    struct point *point = malloc(sizeof *point);
    (*point).y = 2; // expect: unchecked-alloc
    free(point);
}

void nested_field(void)
{
    struct shape *shape = malloc(sizeof *shape);
    shape->origin.x = 0; // expect: unchecked-alloc
    register_shape(shape);
}

int compound_assignment(void)
{
    int *total = calloc(1, sizeof *total);
    *total += 5; // expect: unchecked-alloc
    int value = *total;
    free(total);
    return value;
}

/* must stay silent */

struct shape *shape_new(void)
{
    struct shape *shape = malloc(sizeof *shape);
    return shape;
}

size_t sizes(void)
{
    struct point *point = malloc(sizeof *point);
    size_t size = sizeof point->x + sizeof(*point) + sizeof point[0];
    free(point);
    return size;
}

int pointer_arithmetic_and_comparison(void)
{
    char *text = malloc(16);
    char *end = text + 16;
    int same = text == end;
    printf("%p\n", (void *)text);
    free(text);
    return same;
}

/* The callee's contract is unknown: passing is not a use. */
void hand_over(struct shape **slot)
{
    struct shape *shape = malloc(sizeof *shape);
    register_shape(shape);
    *slot = shape;
}

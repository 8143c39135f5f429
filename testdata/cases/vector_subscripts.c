/* An element of a GCC vector (vector_size, ext_vector_type) is stored in
 * the vector, as an array's is: `v[i]` reads no pointer (colour maths in
 * gifsicle's kcolor.h: `x->a[0] = 0` where `a` is a float4). Only the
 * pointer the vector is reached through can be NULL. */
#include <stddef.h>

typedef float float4 __attribute__((vector_size(sizeof(float) * 4)));
typedef int int4 __attribute__((ext_vector_type(4)));

union scale {
    float4 a;
};

struct lanes {
    int4 value;
};

/* must stay silent */

void scale_clear(union scale *x)
{
    x->a[0] = x->a[1] = x->a[2] = x->a[3] = 0;
}

union scale scale_make(float a0, float a3)
{
    union scale made;
    made.a[0] = a0;
    made.a[3] = a3;
    return made;
}

int lane_sum(int4 value)
{
    int4 copy = value;
    copy[1] = 2;
    return copy[0] + copy[1] + value[2];
}

/* flagged: the struct holding the vector is NULL */

int lane_of_missing(struct lanes *found)
{
    struct lanes *lanes = NULL;
    if (found)
        lanes = found;
    return lanes->value[0]; // expect: null-deref
}

float scale_of_missing(int ready, union scale *ok)
{
    union scale *x = ready ? ok : NULL;
    if (ready)
        return 0;
    return x->a[1]; // expect: null-deref
}

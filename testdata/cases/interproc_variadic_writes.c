/* A variadic function of the program reaches its extra arguments with
 * va_arg, which the summaries do not follow: what they point to may be
 * written (dropbear's m_mp_init_multi(&div, &h, &val, NULL) allocates each
 * number's digits). What it writes through a declared parameter is still
 * known member by member. */
#include <stdarg.h>
#include <stdlib.h>

struct number {
    int used;
    int *digits;
};

static void number_init(struct number *n)
{
    n->digits = calloc(4, sizeof *n->digits);
    if (!n->digits)
        exit(1);
    n->used = 0;
}

void number_init_multi(struct number *first, ...)
{
    va_list numbers;
    va_start(numbers, first);
    for (struct number *n = first; n; n = va_arg(numbers, struct number *))
        number_init(n);
    va_end(numbers);
}

int first_digit_of_second(void)
{
    struct number a = {0, NULL}, b = {0, NULL};
    number_init_multi(&a, &b, NULL);
    return b.digits[0];
}

/* must be reported */

void number_reset_used(struct number *first, ...)
{
    first->used = 0;
}

int first_digit_after_reset(void)
{
    struct number a = {0, NULL};
    number_reset_used(&a, 1, 2);
    return a.digits[0]; // expect: null-deref
}

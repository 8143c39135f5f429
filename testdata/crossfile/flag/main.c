/* The caller knows the flag: the sink's dereference happens, or it does
 * not. (Not yet for an argument's value: see mode_one.) */
#include <stdlib.h>

extern int verbose_copy;
void copy_if_verbose(char *data);
void copy_in_mode(char *data, int mode);

void flag_set(void)
{
    char *data = malloc(20);
    verbose_copy = 1;
    copy_if_verbose(data); // expect: unchecked-alloc
    free(data);
}

void flag_clear(void)
{
    char *data = malloc(20);
    verbose_copy = 0;
    copy_if_verbose(data);
    free(data);
}

void mode_one(void)
{
    char *data = malloc(20);
    copy_in_mode(data, 1); // known-fail: unchecked-alloc summaries per argument value are not exported (each costs an analysis)
    free(data);
}

void mode_zero(void)
{
    char *data = malloc(20);
    copy_in_mode(data, 0);
    free(data);
}

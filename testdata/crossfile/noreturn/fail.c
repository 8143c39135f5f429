/* Error functions of the program: fatal() never returns (it ends in
 * longjmp), warn() does. */
#include <setjmp.h>
#include <stdio.h>

#include "fail.h"

jmp_buf recovery;

void fatal(const char *message)
{
    fprintf(stderr, "fatal: %s\n", message);
    longjmp(recovery, 1);
}

void warn(const char *message)
{
    fprintf(stderr, "warning: %s\n", message);
}

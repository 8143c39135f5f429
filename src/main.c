/*
 * main: runs the driver and returns the exit status it decides for the
 * outcome (driver_exit_status, which SARIF reports also record).
 */
#include <stdlib.h>

#include "driver/driver.h"

int main(int argc, char **argv)
{
    /* libclang parses on a thread of its own with an 8 MiB stack, which
     * clang's recursion overflows on code it accepts itself (a 6000-arm
     * else-if chain): parse on the worker's thread instead, whose stack is
     * sized for it (jobs.c). Set before any thread starts; a value the user
     * set wins. */
    setenv("LIBCLANG_NOTHREADS", "1", 0);
    struct driver_outcome outcome = driver_main(argc, argv);
    return driver_exit_status(&outcome);
}

/*
 * driver: one run of nullproof from the command line to the report. It
 * prints findings, errors and the summary, and returns what happened;
 * main() alone turns that into an exit status.
 */
#ifndef NULLPROOF_DRIVER_H
#define NULLPROOF_DRIVER_H

#include <stdbool.h>

struct driver_outcome {
    int finding_count; /* rule findings reported (clang errors not included) */
    int error_count;   /* usage, configuration and input errors, units with clang errors */
    bool exit_zero;    /* --exit-zero: findings alone do not fail the run */
};

/* Runs nullproof with `argv` (argv[0] is the program). */
struct driver_outcome driver_main(int argc, char **argv);

#endif

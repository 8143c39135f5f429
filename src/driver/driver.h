/*
 * driver: one run of nullproof from the command line to the report. It
 * prints findings, errors and the summary, and returns what happened;
 * driver_exit_status() turns that into the exit status main() returns
 * (and that SARIF records).
 */
#ifndef NULLPROOF_DRIVER_H
#define NULLPROOF_DRIVER_H

#include <stdbool.h>

struct driver_outcome {
    int finding_count; /* rule findings reported (clang errors not included) */
    int error_count;   /* usage, configuration and input errors, units with clang errors */
    bool exit_zero;    /* --exit-zero: findings alone do not fail the run */
    bool has_status;   /* the exit status is `status` (--lsp's session decides it) */
    int status;
};

/* Runs nullproof with `argv` (argv[0] is the program). */
struct driver_outcome driver_main(int argc, char **argv);

/* The exit status for `outcome`: 2 with any error (even with --exit-zero),
 * else 1 with findings unless exit_zero, else 0. */
int driver_exit_status(const struct driver_outcome *outcome);

#endif

/*
 * main: runs the driver and turns its outcome into the exit status; the
 * only place that decides it.
 */
#include "driver/driver.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_ERROR = 2 };

int main(int argc, char **argv)
{
    struct driver_outcome outcome = driver_main(argc, argv);
    if (outcome.error_count > 0)
        return EXIT_ERROR;
    if (outcome.finding_count > 0 && !outcome.exit_zero)
        return EXIT_FINDINGS;
    return EXIT_CLEAN;
}

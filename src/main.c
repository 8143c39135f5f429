/*
 * main: runs the driver and returns the exit status it decides for the
 * outcome (driver_exit_status, which SARIF reports also record).
 */
#include "driver/driver.h"

int main(int argc, char **argv)
{
    struct driver_outcome outcome = driver_main(argc, argv);
    return driver_exit_status(&outcome);
}

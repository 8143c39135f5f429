/* localtime(), gmtime() and ctime() return NULL only for a time whose year
 * does not fit an int: never for one the clock just gave. A local that
 * only time(), clock_gettime() or gettimeofday() writes converts safely, so
 * does a copy of one and a small constant; a time from elsewhere (a
 * parameter, a file, arithmetic) may still fail. */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/time.h>
#include <time.h>

/* must stay silent */

size_t stamp_now(char *buffer, size_t size)
{
    time_t now = time(NULL);
    struct tm *tm = localtime(&now);
    return strftime(buffer, size, "%H:%M", tm);
}

size_t stamp_written_through(char *buffer, size_t size)
{
    time_t now;
    time(&now);
    return strftime(buffer, size, "%H:%M", gmtime(&now));
}

int hour_of_day(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm *tm = localtime(&tv.tv_sec);
    return tm->tm_hour;
}

int hour_of_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return localtime(&ts.tv_sec)->tm_hour;
}

int stamp_line(FILE *out)
{
    time_t now = time(NULL);
    return fputs(ctime(&now), out);
}

/* screen's status line: the seconds copied out of gettimeofday's struct */
int minute_of_status(void)
{
    struct timeval now;
    gettimeofday(&now, NULL);
    time_t seconds = now.tv_sec;
    struct tm *tm = localtime(&seconds);
    return tm->tm_min;
}

/* screen's status line again: the next tick is computed from `now` after
 * the last conversion, which that write cannot reach */
long next_status_tick(struct timeval *timeout, int tick, char *line, size_t size)
{
    struct timeval now;
    gettimeofday(&now, NULL);
    for (int i = 0; i < 2; i++) {
        time_t seconds = now.tv_sec;
        struct tm *tm = localtime(&seconds);
        snprintf(line, size, "%02d:%02d", tm->tm_hour, tm->tm_min);
    }
    now.tv_sec += tick - now.tv_sec % tick;
    *timeout = now;
    return (long)now.tv_sec;
}

/* gnulib's parse-datetime: the offset of the epoch in the local zone */
long effective_timezone(void)
{
    const time_t z = 0;
    struct tm *ltm = localtime(&z);
    return ltm->tm_gmtoff;
}

/* must be reported */

int minute_of_record(int fd)
{
    struct timeval stored;
    if (read(fd, &stored, sizeof stored) != (ssize_t)sizeof stored)
        return -1;
    time_t seconds = stored.tv_sec;
    return localtime(&seconds)->tm_min; // expect: unchecked-nullable
}

/* a write in the loop reaches the next round's conversion */
int minutes_ahead(int rounds)
{
    struct timeval now;
    gettimeofday(&now, NULL);
    int total = 0;
    for (int i = 0; i < rounds; i++) {
        time_t seconds = now.tv_sec;
        total += localtime(&seconds)->tm_min; // expect: unchecked-nullable
        now.tv_sec *= 1000;
    }
    return total;
}

int year_of_far_future(void)
{
    const time_t far = INT64_MAX;
    return gmtime(&far)->tm_year; // expect: unchecked-nullable
}

size_t stamp_given(char *buffer, size_t size, time_t when)
{
    struct tm *tm = localtime(&when);
    return strftime(buffer, size, "%H:%M", tm); // expect: unchecked-nullable
}

size_t stamp_shifted(char *buffer, size_t size, long offset)
{
    time_t now = time(NULL);
    now += offset;
    struct tm *tm = gmtime(&now);
    return strftime(buffer, size, "%H:%M", tm); // expect: unchecked-nullable
}

int hour_of_either(time_t when, int use_clock)
{
    time_t t = when;
    if (use_clock)
        t = time(NULL);
    return localtime(&t)->tm_hour; // expect: unchecked-nullable
}

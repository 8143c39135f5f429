/* localtime(), gmtime() and ctime() return NULL only for a time whose year
 * does not fit an int: never for one the clock just gave, nor for one of
 * 32 bits. A local that only time(), clock_gettime() or gettimeofday()
 * writes converts safely, so does a copy of one, a small constant and a
 * time of 32 bits (a packet's, a file format's); a time from elsewhere (a
 * parameter, a 64-bit field, wide arithmetic) may still fail. */
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

/* wget's listing parser: each round sets the time anew from the clock
 * just before the conversion; what the round writes later (any time) is
 * overwritten before the next conversion */
void midnights(time_t *out, int count)
{
    time_t now;
    for (int i = 0; i < count; i++) {
        now = time(NULL);
        struct tm *tm = localtime(&now);
        tm->tm_hour = 0;
        now = mktime(tm);
        out[i] = now;
    }
}

/* zsh's sched: the time moves on after its conversion */
long seconds_since_midnight(void)
{
    time_t t = time(NULL);
    struct tm *tm = localtime(&t);
    t -= tm->tm_sec + tm->tm_min * 60 + tm->tm_hour * 3600;
    return (long)t;
}

/* a time made from a broken-down one has a year that fits */
int weekday_of(int year, int month, int day)
{
    struct tm parts = {0};
    parts.tm_year = year - 1900;
    parts.tm_mon = month - 1;
    parts.tm_mday = day;
    time_t made = mktime(&parts);
    return localtime(&made)->tm_wday;
}

/* tcpdump's printers: a 32-bit time read from the wire */
static uint32_t read_be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

size_t stamp_of_packet(char *buffer, size_t size, const unsigned char *packet)
{
    time_t stamp = (time_t)read_be32(packet);
    struct tm *tm = localtime(&stamp);
    return strftime(buffer, size, "%Y/%m/%d %H:%M:%S", tm);
}

/* 32-bit arithmetic stays 32 bits: an NTP time moved to the Unix epoch */
int year_of_ntp(uint32_t ntp_seconds)
{
    time_t seconds = ntp_seconds - 2208988800U;
    return gmtime(&seconds)->tm_year;
}

/* a copy of a 32-bit local */
int hour_of_record(const unsigned char *record)
{
    int32_t stored = (int32_t)read_be32(record);
    time_t when = stored;
    return localtime(&when)->tm_hour;
}

/* must be reported */

/* a 64-bit time from a file may hold any year */
int year_of_build(const uint64_t *epoch)
{
    time_t when = (time_t)*epoch;
    return gmtime(&when)->tm_year; // expect: unchecked-nullable
}

/* the last write before the conversion is a time from a file */
int year_of_loaded(int fd, time_t *out)
{
    time_t when = time(NULL);
    if (read(fd, &when, sizeof when) != (ssize_t)sizeof when)
        return -1;
    *out = when;
    return gmtime(&when)->tm_year; // expect: unchecked-nullable
}

/* a time made from a broken-down one, then scaled: any year */
int weekday_scaled(int year)
{
    struct tm parts = {0};
    parts.tm_year = year - 1900;
    time_t made = mktime(&parts) * 1000;
    return localtime(&made)->tm_wday; // expect: unchecked-nullable
}

/* 32 bits made wide before the multiplication: it may overflow the year */
int year_of_scaled(const unsigned char *packet)
{
    time_t when = (time_t)read_be32(packet) * 1000000;
    return gmtime(&when)->tm_year; // expect: unchecked-nullable
}

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

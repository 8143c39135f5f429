/* Functions of the file that never return end the path too: declared with
 * _Noreturn or __attribute__((noreturn)), or inferred (every path calls exit). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct job {
    const char *name;
    int priority;
};

extern struct job *job_queue_peek(void);

_Noreturn static void fatal(const char *message)
{
    fprintf(stderr, "fatal: %s\n", message);
    exit(1);
}

__attribute__((noreturn)) static void usage(const char *program)
{
    fprintf(stderr, "usage: %s JOB\n", program);
    exit(2);
}

/* Not declared noreturn, but it never returns. */
static void die(const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    vfprintf(stderr, format, arguments);
    va_end(arguments);
    fputc('\n', stderr);
    exit(EXIT_FAILURE);
}

/* Returns: reporting is not leaving. */
static void report(const char *message)
{
    fprintf(stderr, "warning: %s\n", message);
}

static int strict_mode;

void set_strict(int on)
{
    strict_mode = on;
}

/* Leaves only in strict mode: not a function that never returns. */
static void stop_if_strict(const char *message)
{
    report(message);
    if (strict_mode)
        exit(3);
}

/* must stay silent */

int next_priority(void)
{
    struct job *job = job_queue_peek();
    if (job == NULL)
        fatal("queue is empty");
    return job->priority;
}

const char *job_name(const char *program)
{
    const char *name = getenv("JOB");
    if (!name)
        usage(program);
    return name[0] ? name : "default";
}

char *job_copy_name(const struct job *job)
{
    char *copy = strdup(job->name);
    if (copy == NULL)
        die("out of memory copying %s", job->name);
    copy[0] = (char)(copy[0] | 0x20);
    return copy;
}

/* A function that ends in an endless loop (a watchdog's halt) does not
 * return either. */
static void halt(void)
{
    for (;;)
        continue;
}

int next_priority_or_halt(void)
{
    struct job *job = job_queue_peek();
    if (job == NULL)
        halt();
    return job->priority;
}

/* Called through an expression that designates it: gawk's `fatal` is
 * `(*(set_loc(__FILE__, __LINE__), r_fatal))`, so `fatal("...")` sets the
 * location, then calls r_fatal, which never returns. */
static const char *error_file;
static int error_line;

static void set_location(const char *file, int line)
{
    error_file = file;
    error_line = line;
}

static void fatal_at(const char *message)
{
    fprintf(stderr, "%s:%d: %s\n", error_file, error_line, message);
    exit(2);
}

#define FATAL (*(set_location(__FILE__, __LINE__), fatal_at))

static void *allocate(size_t size)
{
    void *block = malloc(size);
    if (block == NULL)
        FATAL("out of memory");
    return block;
}

int first_of_new(size_t count)
{
    int *values = allocate(count * sizeof *values);
    values[0] = 1;
    return values[0];
}

/* Flagged. */

/* Through a pointer it stays unknown: it may return. */
static void (*on_error)(const char *message) = report;

int next_priority_hooked(void)
{
    struct job *job = job_queue_peek();
    if (job == NULL)
        (*(set_location(__FILE__, __LINE__), on_error))("queue is empty");
    return job->priority; // expect: null-deref
}

int next_priority_reported(void)
{
    struct job *job = job_queue_peek();
    if (job == NULL)
        report("queue is empty");
    return job->priority; // expect: null-deref
}

int next_priority_strict(void)
{
    struct job *job = job_queue_peek();
    if (job == NULL)
        stop_if_strict("queue is empty");
    return job->priority; // expect: null-deref
}

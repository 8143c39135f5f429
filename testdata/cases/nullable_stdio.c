/* Streams from fopen, fdopen, popen and tmpfile may be NULL; passing them to
 * stdio functions unchecked is unchecked-nullable. */
#include <stdio.h>
#include <string.h>

int write_pid_file(const char *path, int pid)
{
    FILE *out = fopen(path, "w");
    fprintf(out, "%d\n", pid); // expect: unchecked-nullable
    return fclose(out);
}

void log_to_descriptor(int fd, const char *message)
{
    FILE *log = fdopen(fd, "a");
    fputs(message, log); // expect: unchecked-nullable
    fclose(log);
}

int count_processes(void)
{
    char line[256];
    int count = 0;
    FILE *ps = popen("ps -e", "r");
    while (fgets(line, sizeof line, ps) != NULL) // expect: unchecked-nullable
        count++;
    pclose(ps);
    return count;
}

long spill_to_temporary(const char *data, size_t size)
{
    FILE *spill = tmpfile();
    fwrite(data, 1, size, spill); // expect: unchecked-nullable
    long end = ftell(spill);
    fclose(spill);
    return end;
}

/* must stay silent */

int write_pid_file_checked(const char *path, int pid)
{
    FILE *out = fopen(path, "w");
    if (out == NULL) {
        perror(path);
        return -1;
    }
    fprintf(out, "%d\n", pid);
    return fclose(out);
}

int count_processes_checked(void)
{
    char line[256];
    int count = 0;
    FILE *ps = popen("ps -e", "r");
    if (!ps)
        return -1;
    while (fgets(line, sizeof line, ps) != NULL)
        count++;
    pclose(ps);
    return count;
}

long spill_to_temporary_checked(const char *data, size_t size)
{
    FILE *spill;
    long end = -1;
    if ((spill = tmpfile()) != NULL) {
        fwrite(data, 1, size, spill);
        end = ftell(spill);
        fclose(spill);
    }
    return end;
}

int read_first_line(const char *path, char *line, int size)
{
    FILE *in = fopen(path, "r");
    int ok = 0;
    if (in) {
        ok = fgets(line, size, in) != NULL;
        fclose(in);
    }
    if (ok)
        line[strcspn(line, "\n")] = '\0';
    return ok;
}

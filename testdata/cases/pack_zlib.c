/* The zlib pack: gzopen and gzdopen fail with NULL, gzgets answers end
 * of file with NULL; the gzgetc macro dereferences the file. The gz*
 * functions themselves answer a NULL file with an error code. */
#include <string.h>
#include <zlib.h>

int first_byte(const char *path)
{
    gzFile file = gzopen(path, "rb");
    return gzgetc(file); // expect: unchecked-nullable
}

int first_byte_of(int fd)
{
    gzFile file = gzdopen(fd, "rb");
    int c = gzgetc(file); // expect: unchecked-nullable
    gzclose(file);
    return c;
}

size_t line_length(gzFile file, char *buffer, int size)
{
    char *line = gzgets(file, buffer, size);
    return strlen(line); // expect: unchecked-nullable
}

/* must stay silent */

int first_byte_checked(const char *path)
{
    gzFile file = gzopen(path, "rb");
    if (file == NULL)
        return -1;
    int c = gzgetc(file);
    gzclose(file);
    return c;
}

int read_some(int fd, char *buffer, unsigned size)
{
    gzFile file = gzdopen(fd, "rb");
    int count = gzread(file, buffer, size); /* -1 for a NULL file */
    gzclose(file);
    return count;
}

size_t line_length_checked(gzFile file, char *buffer, int size)
{
    const char *line = gzgets(file, buffer, size);
    return line ? strlen(line) : 0;
}

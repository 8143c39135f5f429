/* stdio functions need a real FILE *: fclose, fputs, fprintf, fgets, fread,
 * fwrite, fseek and ftell on an unchecked stream are uses. fflush(NULL) is not. */
#include <stdio.h>

void close_right_away(const char *path)
{
    FILE *file = fopen(path, "r");
    fclose(file); // expect: unchecked-nullable
}

void append_line(const char *path, const char *line)
{
    FILE *file = fopen(path, "a");
    fputs(line, file); // expect: unchecked-nullable
    fclose(file);
}

int read_number(const char *path, char *buffer, int size)
{
    FILE *file = fopen(path, "r");
    char *line = fgets(buffer, size, file); // expect: unchecked-nullable
    fclose(file);
    return line != NULL;
}

size_t read_block(const char *path, void *block, size_t size)
{
    FILE *file = fopen(path, "rb");
    size_t got = fread(block, 1, size, file); // expect: unchecked-nullable
    fclose(file);
    return got;
}

void write_block(const char *path, const void *block, size_t size)
{
    FILE *file = fopen(path, "wb");
    fwrite(block, 1, size, file); // expect: unchecked-nullable
    fclose(file);
}

long file_size(const char *path)
{
    FILE *file = fopen(path, "rb");
    fseek(file, 0, SEEK_END); // expect: unchecked-nullable
    long size = ftell(file);
    fclose(file);
    return size;
}

long position_of(const char *path)
{
    FILE *file = fopen(path, "rb");
    long position = ftell(file); // expect: unchecked-nullable
    fclose(file);
    return position;
}

/* must stay silent */

long file_size_checked(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return -1;
    if (fseek(file, 0, SEEK_END) != 0) {
        fclose(file);
        return -1;
    }
    long size = ftell(file);
    fclose(file);
    return size;
}

int append_line_checked(const char *path, const char *line)
{
    FILE *file = fopen(path, "a");
    if (!file)
        return -1;
    fputs(line, file);
    fprintf(file, "\n");
    return fclose(file);
}

/* fflush(NULL) flushes every output stream: defined by the C standard. */
void flush_everything(void)
{
    fflush(NULL);
    fflush(stdout);
}

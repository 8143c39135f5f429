/* .nullproof.yaml here: noreturn: [die], never-null: [xmalloc]. Without
 * it, each use below would be reported. */
#include <stdio.h>
#include <stdlib.h>

void die(const char *message);
void warn(const char *message);

/* The project's allocator: this file sees it return NULL, the
 * configuration says it never does (its real caller aborts). */
void *xmalloc(size_t size)
{
    void *block = malloc(size);
    if (block == NULL)
        warn("out of memory");
    return block;
}

/* must stay silent under this configuration */

int first_byte(const char *path)
{
    FILE *in = fopen(path, "r");
    if (in == NULL)
        die("cannot open");
    int byte = fgetc(in);
    fclose(in);
    return byte;
}

char *buffer_of(size_t size)
{
    char *buffer = xmalloc(size + 1);
    buffer[size] = '\0';
    return buffer;
}

/* must be reported: warn() is not listed, so it returns */

int first_byte_warned(const char *path)
{
    FILE *in = fopen(path, "r");
    if (in == NULL)
        warn("cannot open");
    int byte = fgetc(in); // expect: null-deref
    fclose(in);
    return byte;
}

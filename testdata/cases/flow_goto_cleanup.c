/* The goto-cleanup idiom: every failure jumps to one exit. Cleanup that tests
 * what it releases is silent; cleanup that assumes success is not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_SIZE 256

struct table {
    char **rows;
    int count;
};

/* must stay silent */

int table_load(const char *path, struct table *table)
{
    FILE *in = NULL;
    char *line = NULL;
    int status = -1;

    in = fopen(path, "r");
    if (in == NULL)
        goto fail;
    line = malloc(LINE_SIZE);
    if (!line)
        goto fail;
    table->count = 0;
    while (fgets(line, LINE_SIZE, in) != NULL)
        table->count++;
    status = 0;
fail:
    free(line);
    if (in != NULL)
        fclose(in);
    return status;
}

int table_first_row(const char *path, char *out, size_t size)
{
    char *line = malloc(LINE_SIZE);
    FILE *in;
    if (line == NULL)
        return -1;
    in = fopen(path, "r");
    if (in == NULL)
        goto free_line;
    if (fgets(line, LINE_SIZE, in) == NULL)
        goto close_file;
    snprintf(out, size, "%s", line);
close_file:
    fclose(in);
free_line:
    free(line);
    return 0;
}

/* Cleanup that forgets a pointer may still be NULL. */

int table_count(const char *path)
{
    char line[LINE_SIZE];
    int count = 0;
    FILE *in = fopen(path, "r");
    if (in == NULL)
        goto done;
    while (fgets(line, LINE_SIZE, in) != NULL)
        count++;
done:
    fclose(in); // expect: null-deref
    return count;
}

int table_title(const char *path)
{
    char *title = NULL;
    FILE *in = fopen(path, "r");
    if (in == NULL)
        goto out;
    title = malloc(LINE_SIZE);
    if (title == NULL)
        goto close;
    if (fgets(title, LINE_SIZE, in) == NULL)
        title[0] = '\0';
close:
    fclose(in);
out:
    printf("title length %zu\n", strlen(title)); // expect: null-deref
    free(title);
    return 0;
}

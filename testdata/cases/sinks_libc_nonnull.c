/* Passing a possibly-NULL pointer where the C library requires a non-NULL one
 * (glibc's __nonnull: strcpy, strlen, memcpy, memset, strcmp, ...) is a use. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *join_path(const char *directory, const char *file)
{
    char *path = malloc(strlen(directory) + strlen(file) + 2);
    strcpy(path, directory); // expect: unchecked-alloc
    strcat(path, "/");
    strcat(path, file);
    return path;
}

void *clone_record(const void *record, size_t size)
{
    void *copy = malloc(size);
    memcpy(copy, record, size); // expect: unchecked-alloc
    return copy;
}

char *blank_line(size_t width)
{
    char *line = malloc(width + 1);
    memset(line, ' ', width); // expect: unchecked-alloc
    line[width] = '\0';
    return line;
}

int is_dumb_terminal(void)
{
    const char *term = getenv("TERM");
    return strcmp(term, "dumb") == 0; // expect: unchecked-lookup
}

void print_editor(void)
{
    fputs(getenv("EDITOR"), stdout); // expect: unchecked-lookup
}

/* Two uses in one call: one finding. */
void drop_comment(char *line)
{
    char *hash = strchr(line, '#');
    memset(hash, 0, strlen(hash)); // expect: unchecked-lookup
}

/* must stay silent */

char *join_path_checked(const char *directory, const char *file)
{
    char *path = malloc(strlen(directory) + strlen(file) + 2);
    if (path == NULL)
        return NULL;
    strcpy(path, directory);
    strcat(path, "/");
    strcat(path, file);
    return path;
}

int is_dumb_terminal_checked(void)
{
    const char *term = getenv("TERM");
    return term != NULL && strcmp(term, "dumb") == 0;
}

void drop_comment_checked(char *line)
{
    char *hash = strchr(line, '#');
    if (hash)
        memset(hash, 0, strlen(hash));
}

void print_editor_checked(void)
{
    const char *editor = getenv("EDITOR");
    fputs(editor ? editor : "vi", stdout);
}

void *clone_record_checked(const void *record, size_t size)
{
    void *copy = malloc(size);
    if (copy != NULL)
        memcpy(copy, record, size);
    return copy;
}

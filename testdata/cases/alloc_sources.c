/* Every allocator's result may be NULL: using it unchecked is unchecked-alloc,
 * using it after a NULL test that leaves is fine. One function per allocator. */
#include <stdlib.h>
#include <string.h>

struct user {
    int id;
    char name[32];
    struct user *next;
};

struct user *user_new(int id)
{
    struct user *u = malloc(sizeof *u);
    u->id = id; // expect: unchecked-alloc
    u->next = NULL;
    return u;
}

int *make_counters(size_t count)
{
    int *counters = calloc(count, sizeof *counters);
    counters[0] = 1; // expect: unchecked-alloc
    return counters;
}

char *grow_line(char *line, size_t size)
{
    line = realloc(line, size);
    line[size - 1] = '\0'; // expect: unchecked-alloc
    return line;
}

size_t copy_name_length(const char *name)
{
    char *copy = strdup(name);
    size_t length = strlen(copy); // expect: unchecked-alloc
    free(copy);
    return length;
}

char first_of_prefix(const char *text)
{
    char *prefix = strndup(text, 4);
    char first = *prefix; // expect: unchecked-alloc
    free(prefix);
    return first;
}

double *make_vector(size_t count)
{
    double *vector = aligned_alloc(64, count * sizeof *vector);
    vector[0] = 0.0; // expect: unchecked-alloc
    return vector;
}

struct user *make_user_array(size_t count)
{
    struct user *users = reallocarray(NULL, count, sizeof *users);
    (*users).id = 0; // expect: unchecked-alloc
    return users;
}

/* must stay silent */

struct user *user_new_checked(int id)
{
    struct user *u = malloc(sizeof *u);
    if (u == NULL)
        return NULL;
    u->id = id;
    u->next = NULL;
    return u;
}

int *make_counters_checked(size_t count)
{
    int *counters = calloc(count, sizeof *counters);
    if (!counters)
        return NULL;
    counters[0] = 1;
    return counters;
}

char *grow_line_checked(char *line, size_t size)
{
    char *bigger = realloc(line, size);
    if (bigger == NULL) {
        free(line);
        return NULL;
    }
    bigger[size - 1] = '\0';
    return bigger;
}

size_t copy_name_length_checked(const char *name)
{
    char *copy = strdup(name);
    if (copy == NULL)
        return 0;
    size_t length = strlen(copy);
    free(copy);
    return length;
}

char first_of_prefix_checked(const char *text)
{
    char *prefix = strndup(text, 4);
    char first = prefix ? *prefix : '\0';
    free(prefix);
    return first;
}

double *make_vector_checked(size_t count)
{
    double *vector = aligned_alloc(64, count * sizeof *vector);
    if (vector != NULL)
        vector[0] = 0.0;
    return vector;
}

/* free(NULL) is defined and sizeof does not evaluate its operand. */
void allocation_without_use(size_t count)
{
    char *scratch = malloc(count);
    struct user *u = malloc(sizeof *u);
    free(scratch);
    free(u);
}

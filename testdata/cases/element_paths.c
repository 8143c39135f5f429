/* Elements of an array are told apart by constant index: a test of argv[1]
 * says nothing of argv[0]; moving a pointer (p++) forgets what *p was. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void usage(const char *program) __attribute__((nonnull(1)));

/* must stay silent */

int main_with_arguments(int argc, char *argv[])
{
    (void)argc;
    if (!argv[1]) {
        usage(argv[0]);
        return 2;
    }
    return (int)strlen(argv[1]);
}

int walk_options(char **argv)
{
    int count = 0;
    while (*++argv != NULL && (*argv)[0] == '-')
        count++;
    if (*argv == NULL)
        return count;
    return count + (int)strlen(*argv);
}

size_t any_element(char **names, int i, int j)
{
    if (names[i] == NULL)
        return 0;
    return strlen(names[j]);
}

/* `program` took an element; testing it says nothing of the element
 * argv[i] names after i++ (argv[?] stands for every element). */
static int is_option(const char *text) { return text[0] == '-'; }

int next_is_option(char **argv, int i)
{
    const char *program = argv[i];
    if (program == NULL)
        program = "-";
    i++;
    return is_option(argv[i]) + is_option(program);
}

/* The element dereferenced and the one tested after it may differ: the
 * option's argument follows it (check-after-deref stays quiet). */
int option_argument_length(int argc, char **argv)
{
    for (int i = 1, n; i < argc; i = n) {
        n = i + 1;
        if (argv[i][0] == '-' && argv[i][1] == 'P') {
            if (argv[n] == NULL)
                return -1;
            return (int)strlen(argv[n]);
        }
    }
    return 0;
}

/* mosquitto's bridge addresses: each round reads its element, then
 * replaces it with a copy that may be NULL; the next round's element, after
 * i++, is another one. */
struct address {
    char *host;
    int port;
};

extern void resolve(const char *host);

void copy_addresses(struct address *addresses, int count)
{
    for (int i = 0; i < count; i++) {
        char *colon = strrchr(addresses[i].host, ':');
        addresses[i].port = colon ? atoi(colon + 1) : 1883;
        addresses[i].host = strdup(addresses[i].host);
        resolve(addresses[i].host);
    }
}

/* lz4's buffer sets: each allocation is tested as it is made, so a later
 * loop that walks the sets again reads tested elements */
size_t read_blocks(FILE *input, size_t size)
{
    void *buffers[4];
    int set;
    for (set = 0; set < 4; set++) {
        buffers[set] = malloc(size);
        if (!buffers[set])
            abort();
    }
    size_t total = 0;
    for (set = 0; total < 4 * size; set = (set + 1) % 4) {
        size_t got = fread(buffers[set], 1, size, input);
        if (got == 0)
            break;
        total += got;
    }
    return total;
}

/* Flagged. */

size_t copy_then_measure(struct address *addresses, int i)
{
    addresses[i].host = strdup("localhost");
    return strlen(addresses[i].host); // expect: unchecked-alloc
}

/* fribidi's bracket stacks: one loop fills the elements with unchecked
 * allocations, later code picks one with another variable */
struct run {
    int level;
    struct run *next;
};

void push_runs(struct run *runs, int levels)
{
    struct run **stacks[64];
    if (levels > 64)
        return;
    for (int level = 0; level < levels; level++)
        stacks[level] = malloc(8 * sizeof(struct run *));
    for (struct run *r = runs; r; r = r->next) {
        int level = r->level;
        stacks[level][0] = r; // expect: unchecked-alloc
    }
}

size_t copy_then_measure_next(struct address *addresses, int count)
{
    size_t total = 0;
    for (int i = 0; i < count; i++) {
        addresses[i].host = strdup("localhost");
        if (i + 1 < count)
            total += strlen(addresses[i].host); // expect: unchecked-alloc
    }
    return total;
}

int second_unchecked(char **slots)
{
    slots[1] = NULL;
    return slots[1][0]; // expect: null-deref
}

void fill_first(char **slots)
{
    slots[0] = malloc(8);
    slots[0][0] = '\0'; // expect: unchecked-alloc
}

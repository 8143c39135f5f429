/* A function that leaves a member of what it is given non-NULL on every
 * return (it allocates it, or exits) makes that member non-NULL for its
 * caller: through the pointer passed, a copy of it, or &local. A test of
 * the member after such a call is defensive, not a sign that it may be
 * NULL. A function that may leave it NULL says nothing. */
#include <stddef.h>
#include <stdlib.h>

struct scanner {
    char **stack;
    int top;
};

struct buffer {
    char *data;
    size_t size;
};

static void fatal(const char *message) __attribute__((noreturn));

static void fatal(const char *message)
{
    (void)message;
    abort();
}

/* flex's yyensure_buffer_stack: the scanner comes in as void * */
static void ensure_stack(void *opaque)
{
    struct scanner *scanner = (struct scanner *)opaque;
    if (!scanner->stack) {
        scanner->stack = malloc(8 * sizeof *scanner->stack);
        if (!scanner->stack)
            fatal("out of memory");
        scanner->top = 0;
    }
}

char *switch_to(void *opaque, char *buffer)
{
    struct scanner *scanner = (struct scanner *)opaque;
    ensure_stack(opaque);
    char *current = scanner->stack ? scanner->stack[scanner->top] : NULL;
    scanner->stack[scanner->top] = buffer;
    return current;
}

static void buffer_init(struct buffer *buffer, size_t size)
{
    buffer->data = calloc(1, size + 1);
    if (!buffer->data)
        abort();
    buffer->size = size;
}

char first_byte(size_t size)
{
    struct buffer buffer;
    buffer_init(&buffer, size);
    char byte = buffer.data[0];
    free(buffer.data);
    return byte;
}

/* The scanner flex writes without %option reentrant keeps its stack in a
 * global: ensure_global_stack() leaves it non-NULL on every return. */
static char **buffer_stack = NULL;
static int buffer_top;

static void ensure_global_stack(void)
{
    if (!buffer_stack) {
        buffer_stack = malloc(8 * sizeof *buffer_stack);
        if (!buffer_stack)
            fatal("out of memory");
        buffer_top = 0;
    }
}

char *switch_global(char *buffer)
{
    ensure_global_stack();
    char *current = buffer_stack ? buffer_stack[buffer_top] : NULL;
    buffer_stack[buffer_top] = buffer;
    return current;
}

/* may leave the stack NULL: the test after it is a witness */
static void maybe_stack(struct scanner *scanner)
{
    if (scanner->top > 0)
        scanner->stack = malloc(8 * sizeof *scanner->stack);
}

char *switch_maybe(struct scanner *scanner, char *buffer)
{
    maybe_stack(scanner);
    char *current = scanner->stack ? scanner->stack[scanner->top] : NULL;
    scanner->stack[scanner->top] = buffer; // expect: null-deref
    return current;
}

/* may leave the global stack NULL */
static void maybe_global_stack(void)
{
    if (buffer_top > 0)
        buffer_stack = malloc(8 * sizeof *buffer_stack);
}

char *switch_global_maybe(char *buffer)
{
    maybe_global_stack();
    char *current = buffer_stack ? buffer_stack[buffer_top] : NULL;
    buffer_stack[buffer_top] = buffer; // expect: null-deref
    return current;
}

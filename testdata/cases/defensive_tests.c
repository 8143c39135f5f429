/* A NULL test inside a function says the author was careful, not that the
 * value can be NULL: a helper that tests what it got and passes it on
 * returns NULL only if it was given one. A search loop that runs off the
 * end is different: its NULL means "not found". */
#include <stddef.h>
#include <string.h>

struct buffer {
    size_t size;
    char data[64];
};

struct node {
    int key;
    int value;
    struct node *next;
};

extern struct buffer *buffer_new(size_t size);

/* must stay silent */

static struct buffer *buffer_zeroed(size_t size)
{
    struct buffer *buffer = buffer_new(size);
    if (buffer)
        memset(buffer->data, 0, sizeof buffer->data);
    return buffer;
}

static const char *skip_blanks(const char *text)
{
    if (!text)
        return text;
    while (*text == ' ')
        text++;
    return text;
}

char first_zero(void)
{
    return buffer_zeroed(8)->data[0];
}

char first_word(const char *line)
{
    return skip_blanks(line)[0];
}

/* A static helper that tests its parameter and uses it anyway, while each
 * call of the file passes a value known not to be NULL: its test is
 * caution, and no call takes its NULL side. */
struct pattern_info {
    const char *text;
    int caseless;
};

static int is_lowercase(const char *text)
{
    return text[0] >= 'a' && text[0] <= 'z';
}

static void set_pattern(struct pattern_info *info, const char *pattern)
{
    if (pattern == NULL)
        info->text = "";
    info->caseless = is_lowercase(pattern);
}

int search_for(struct pattern_info *info, const char *pattern)
{
    if (pattern == NULL || *pattern == '\0')
        return -1;
    set_pattern(info, pattern);
    return 0;
}

void search_default(struct pattern_info *info)
{
    set_pattern(info, "default");
}

/* must be reported */

static struct node *find_node(struct node *head, int key)
{
    struct node *node;
    for (node = head; node; node = node->next)
        if (node->key == key)
            break;
    return node;
}

int value_of(struct node *head, int key)
{
    return find_node(head, key)->value; // expect: unchecked-lookup
}

char first_word_of_nothing(void)
{
    return skip_blanks(NULL)[0]; // expect: null-deref
}

/* One call passes what its own caller gave: the test may be taken. */
static void set_pattern_loosely(struct pattern_info *info, const char *pattern)
{
    if (pattern == NULL)
        info->text = "";
    info->caseless = is_lowercase(pattern); // expect: null-deref
}

void search_loosely(struct pattern_info *info, const char *pattern)
{
    set_pattern_loosely(info, pattern);
}

/* Its address is taken: calls the file does not show may pass anything. */
static void set_pattern_hooked(struct pattern_info *info, const char *pattern)
{
    if (pattern == NULL)
        info->text = "";
    info->caseless = is_lowercase(pattern); // expect: null-deref
}

void (*pattern_hook)(struct pattern_info *, const char *) = set_pattern_hooked;

void search_hooked(struct pattern_info *info)
{
    set_pattern_hooked(info, "hooked");
}

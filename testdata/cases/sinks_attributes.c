/* Declarations of the file state contracts: passing a maybe-NULL value to a
 * nonnull or _Nonnull parameter, or returning it from returns_nonnull, is a use. */
#include <stdlib.h>
#include <string.h>

struct label {
    char text[64];
    int width;
};

__attribute__((nonnull)) static void label_set(struct label *label, const char *text)
{
    strncpy(label->text, text, sizeof label->text - 1);
    label->text[sizeof label->text - 1] = '\0';
    label->width = (int)strlen(label->text);
}

/* Only the label must be non-NULL; a NULL prefix means none. */
__attribute__((nonnull(2))) static int label_width(const char *prefix,
                                                   const struct label *label)
{
    return label->width + (prefix != NULL ? (int)strlen(prefix) : 0);
}

static int text_columns(const char *_Nonnull text)
{
    return (int)strlen(text);
}

__attribute__((returns_nonnull)) static struct label *label_new(void)
{
    struct label *label = calloc(1, sizeof *label);
    return label; // expect: unchecked-alloc
}

void greet_user(struct label *label)
{
    label_set(label, getenv("USER")); // expect: unchecked-lookup
}

int width_of_new_label(void)
{
    struct label *label = malloc(sizeof *label);
    int width = label_width("> ", label); // expect: unchecked-alloc
    free(label);
    return width;
}

int columns_of_term(void)
{
    return text_columns(getenv("TERM")); // expect: unchecked-lookup
}

void clear_label(struct label *label)
{
    label_set(label, NULL); // expect: null-deref
}

/* must stay silent */

__attribute__((returns_nonnull)) static struct label *label_new_or_abort(void)
{
    struct label *label = calloc(1, sizeof *label);
    if (label == NULL)
        abort();
    return label;
}

void greet_user_checked(struct label *label)
{
    const char *user = getenv("USER");
    label_set(label, user != NULL ? user : "stranger");
}

int width_of_new_label_checked(void)
{
    struct label *label = label_new_or_abort();
    label_set(label, "ok");
    int width = label_width(getenv("PROMPT"), label);
    free(label);
    return width;
}

/* The declared contract is trusted at the call: label_new never returns NULL. */
int width_of_fresh_label(void)
{
    struct label *label = label_new();
    int width = label_width(NULL, label);
    free(label);
    return width;
}

/* A translation unit with declarations and data only: no function bodies, so
 * nothing to analyse and nothing to report (and no crash). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

struct keyword {
    const char *name;
    int token;
};

typedef struct keyword *keyword_lookup_fn(const char *name);

enum token { TOKEN_IF = 1, TOKEN_ELSE, TOKEN_WHILE, TOKEN_RETURN };

static const struct keyword keywords[] = {
    {"if", TOKEN_IF},
    {"else", TOKEN_ELSE},
    {"while", TOKEN_WHILE},
    {"return", TOKEN_RETURN},
    {NULL, 0},
};

const struct keyword *const first_keyword = &keywords[0];
const char *const empty_name = NULL;
int *const no_counter = NULL;
char *search_path[] = {"/usr/share/keywords", NULL};
size_t keyword_count = sizeof keywords / sizeof keywords[0] - 1;

extern keyword_lookup_fn keyword_find;
extern FILE *keyword_log;
extern char *keyword_path(const char *base);

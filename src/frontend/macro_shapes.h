/*
 * macro_shapes: the expression skeleton of a macro's replacement list, to
 * tell which of its operators an operator expanded from it is (libclang 14
 * has no operator API, and an operator written in a macro body has no text
 * at the call site). A skeleton keeps binary and conditional operators and
 * parentheses and unary operators; everything else (names, calls, members,
 * casts, sizeof) is a leaf. An operator of the AST is one of the body's
 * operators whose skeleton below it is the same as the AST's; when all such
 * operators are written alike, that is the operator. Pure data: no libclang
 * here.
 */
#ifndef NULLPROOF_FRONTEND_MACRO_SHAPES_H
#define NULLPROOF_FRONTEND_MACRO_SHAPES_H

#include <stdbool.h>
#include <stdint.h>

#include "../support/arena.h"

enum shape_kind {
    SHAPE_LEAF,
    SHAPE_PARENTHESES,
    SHAPE_BINARY,
    SHAPE_UNARY,       /* prefix or postfix */
    SHAPE_CONDITIONAL,
    SHAPE_ANY,         /* matches every shape (an AST cut off at its depth limit) */
};

struct shape_node {
    unsigned char kind; /* enum shape_kind */
    /* operators: the token code (TOKEN_OTHER in an AST: unknown); leaves:
     * TOKEN_ARROW for a member access, TOKEN_LITERAL for a constant,
     * TOKEN_OTHER for any other expression */
    unsigned char code;
    int children[3];    /* node indexes; -1 when absent */
    /* leaves: the member's or the variable's name, or NULL (anything else,
     * or a macro parameter, which stands for whatever the call passes) */
    const char *name;
    bool exact; /* body leaves: a name that is no macro, so the AST has a leaf there */
    bool call;  /* body leaves: a call of a function that is no macro (nor a parameter),
                 * so the AST has a call there, not a constant or a member */
};

struct macro_shape {
    struct shape_node *nodes;
    int count;
    /* Expressions that stand alone: statements and conditions, and what a
     * leaf hides (call arguments, subscripts, a cast's or member access's
     * operand). */
    int *roots;
    int root_count;
};

/* One token of a replacement list: its code (enum token_code) and, for the
 * tokens coded TOKEN_OTHER (keywords, # and ##) and for names, its spelling
 * (NULL for a name that is a parameter of the macro). */
struct shape_token {
    unsigned char code;
    const char *text;
    bool expands; /* a name that is a macro (a system header's, one defined twice) */
};

/* Skeletons of every expression of a replacement list (an expression
 * macro, the conditions and expression statements of a statement macro,
 * the body of a function a macro defines). `#name` is a string and
 * `a ## b` one name. Parts that do not parse are left out; returns NULL
 * when nothing parses. */
struct macro_shape *macro_shape_parse(struct arena *arena, const struct shape_token *tokens,
                                      int count);

/* Token codes of the body's operators that stand where `target` stands
 * when the skeleton rooted at `root` in `expression` (built by the caller
 * from the AST: the largest expression around the operator that the body
 * can hold as one root) is laid over one of the body's roots. A leaf of
 * the body that is a name or a call matches any expression (it may be a
 * macro and expand to anything), but an operator inside it is none of the
 * body's; a member access or a constant matches only its like, and two
 * names that are both known must be equal. */
uint64_t macro_shape_operators(const struct macro_shape *body, const struct macro_shape *expression,
                               int root, int target);

#endif

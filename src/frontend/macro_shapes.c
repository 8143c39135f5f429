/*
 * macro_shapes: a precedence-climbing parser for the expressions of a
 * macro's replacement list, down to the skeleton macro_shapes.h describes,
 * and the match of an AST skeleton against it. What does not parse (a
 * statement expression, a compound literal, a declaration) is skipped, not
 * guessed: an operator with no matching skeleton stays unknown.
 */
#include "macro_shapes.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "../support/heap_array.h"
#include "../support/xalloc.h"

#define SHAPE_MATCH_DEPTH 64

struct parser {
    const struct shape_token *tokens;
    int position, end;
    struct shape_node *nodes;
    int count, capacity;
    int *roots;
    int root_count, root_capacity;
};

static int add_node(struct parser *parser, enum shape_kind kind, unsigned char code, int first,
                    int second, int third)
{
    parser->nodes = heap_array_reserve(parser->nodes, &parser->capacity, parser->count + 1,
                                       sizeof *parser->nodes);
    struct shape_node *node = &parser->nodes[parser->count];
    node->kind = (unsigned char)kind;
    node->code = code;
    node->children[0] = first;
    node->children[1] = second;
    node->children[2] = third;
    node->name = NULL;
    node->exact = false;
    node->call = false;
    return parser->count++;
}

static void add_root(struct parser *parser, int node)
{
    if (node < 0 || parser->nodes[node].kind == SHAPE_LEAF)
        return;
    parser->roots = heap_array_reserve(parser->roots, &parser->root_capacity,
                                       parser->root_count + 1, sizeof *parser->roots);
    parser->roots[parser->root_count++] = node;
}

/* A leaf's code: TOKEN_ARROW for a member access, TOKEN_LITERAL for a
 * constant, TOKEN_OTHER for the rest (a name, a call: either may be a macro
 * and expand to anything). */
static int leaf(struct parser *parser, enum token_code code)
{
    return add_node(parser, SHAPE_LEAF, (unsigned char)code, -1, -1, -1);
}

/* A leaf named by the token just read (a variable, a member). */
static int named_leaf(struct parser *parser, enum token_code code)
{
    int node = leaf(parser, code);
    const struct shape_token *name = &parser->tokens[parser->position - 1];
    parser->nodes[node].name = name->code == TOKEN_IDENTIFIER ? name->text : NULL;
    parser->nodes[node].exact = parser->nodes[node].name && !name->expands;
    return node;
}

static int peek(const struct parser *parser)
{
    return parser->position < parser->end ? parser->tokens[parser->position].code : -1;
}

static bool keyword_is(const struct shape_token *token, const char *keyword)
{
    return token->text && strcmp(token->text, keyword) == 0;
}

/* Binding strength of a binary operator (C11 6.5.5-6.5.17); 0: none. */
static int precedence(int code)
{
    switch (code) {
    case TOKEN_STAR: case TOKEN_SLASH: case TOKEN_PERCENT: return 13;
    case TOKEN_PLUS: case TOKEN_MINUS: return 12;
    case TOKEN_SHIFT_LEFT: case TOKEN_SHIFT_RIGHT: return 11;
    case TOKEN_LESS: case TOKEN_GREATER: case TOKEN_LESS_EQUAL: case TOKEN_GREATER_EQUAL: return 10;
    case TOKEN_EQUAL_EQUAL: case TOKEN_NOT_EQUAL: return 9;
    case TOKEN_AMPERSAND: return 8;
    case TOKEN_CARET: return 7;
    case TOKEN_PIPE: return 6;
    case TOKEN_AND_AND: return 5;
    case TOKEN_OR_OR: return 4;
    case TOKEN_QUESTION: return 3;
    case TOKEN_ASSIGN: case TOKEN_COMPOUND_ASSIGN: return 2;
    case TOKEN_COMMA: return 1;
    default: return 0;
    }
}
#define PRECEDENCE_CONDITIONAL 3
#define PRECEDENCE_ASSIGNMENT 2

/* Index of the bracket closing the one at `open`, or -1. */
static int matching_close(const struct shape_token *tokens, int open, int end)
{
    int depth = 0;
    for (int i = open; i < end; i++) {
        int code = tokens[i].code;
        if (code == TOKEN_LEFT_PAREN || code == TOKEN_LEFT_BRACKET || code == TOKEN_LEFT_BRACE)
            depth++;
        else if (code == TOKEN_RIGHT_PAREN || code == TOKEN_RIGHT_BRACKET ||
                 code == TOKEN_RIGHT_BRACE)
            if (--depth == 0)
                return i;
    }
    return -1;
}

static bool is_type_keyword(const struct shape_token *token)
{
    static const char *const keywords[] = {
        "void", "char", "short", "int", "long", "float", "double", "signed", "unsigned",
        "_Bool", "struct", "union", "enum", "const", "volatile", "restrict", "__restrict",
        "_Atomic", "_Complex",
    };
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (keyword_is(token, keywords[i]))
            return true;
    return false;
}

/* `( ... )` at [open, close] is a cast: names and trailing stars only,
 * followed by what can only be an operand, or by an operator that could be
 * unary when the parentheses name a type for sure (a keyword or a star). */
static bool is_cast(const struct parser *parser, int open, int close)
{
    bool typed = false, star_seen = false;
    if (close == open + 1)
        return false;
    for (int i = open + 1; i < close; i++) {
        const struct shape_token *token = &parser->tokens[i];
        /* (__typeof(el)), uthash's DECLTYPE: a type whatever the group holds */
        if (!star_seen && i + 1 < close && parser->tokens[i + 1].code == TOKEN_LEFT_PAREN &&
            (keyword_is(token, "typeof") || keyword_is(token, "__typeof") ||
             keyword_is(token, "__typeof__"))) {
            int group_end = matching_close(parser->tokens, i + 1, close);
            if (group_end < 0)
                return false;
            i = group_end;
            typed = true;
            continue;
        }
        if (token->code == TOKEN_STAR) {
            star_seen = typed = true;
        } else if (star_seen) {
            if (!keyword_is(token, "const") && !keyword_is(token, "restrict"))
                return false;
        } else if (is_type_keyword(token)) {
            typed = true;
        } else if (token->code != TOKEN_IDENTIFIER) {
            return false;
        }
    }
    if (close + 1 >= parser->end)
        return false;
    const struct shape_token *next = &parser->tokens[close + 1];
    switch (next->code) {
    case TOKEN_IDENTIFIER: case TOKEN_LITERAL: case TOKEN_LEFT_PAREN: case TOKEN_BANG:
    case TOKEN_TILDE:
        return true;
    case TOKEN_STAR: case TOKEN_AMPERSAND: case TOKEN_MINUS: case TOKEN_PLUS:
    case TOKEN_PLUS_PLUS: case TOKEN_MINUS_MINUS:
        return typed;
    default:
        return keyword_is(next, "sizeof");
    }
}

static int parse_expression(struct parser *parser, int minimum);

/* Parses [from, to) as one expression or as a list of them separated by
 * commas (`list`, each item a root); false unless all of it is consumed.
 * The parser's range is restored afterwards. */
static bool parse_range(struct parser *parser, int from, int to, bool list, int *result)
{
    int saved_position = parser->position, saved_end = parser->end;
    parser->position = from;
    parser->end = to;
    bool ok = true;
    int node = -1;
    while (ok && parser->position < to) {
        node = parse_expression(parser, list ? PRECEDENCE_ASSIGNMENT : 1);
        ok = node >= 0;
        if (ok && list)
            add_root(parser, node);
        if (ok && parser->position < to) {
            ok = list && peek(parser) == TOKEN_COMMA;
            parser->position++;
        }
    }
    parser->position = saved_position;
    parser->end = saved_end;
    if (result)
        *result = node;
    return ok && (list || node >= 0);
}

/* Calls, subscripts and members make the operand a leaf; postfix ++ / --
 * are unary operators. */
static int parse_postfix(struct parser *parser, int operand)
{
    for (;;) {
        int code = peek(parser);
        if (code == TOKEN_LEFT_PAREN || code == TOKEN_LEFT_BRACKET) {
            int close = matching_close(parser->tokens, parser->position, parser->end);
            int index = -1;
            if (close < 0 ||
                !parse_range(parser, parser->position + 1, close, code == TOKEN_LEFT_PAREN, &index))
                return -1;
            if (code == TOKEN_LEFT_BRACKET)
                add_root(parser, index);
            parser->position = close + 1;
        } else if (code == TOKEN_ARROW || code == TOKEN_DOT) {
            parser->position++;
            if (peek(parser) != TOKEN_IDENTIFIER)
                return -1;
            parser->position++;
            add_root(parser, operand);
            operand = named_leaf(parser, TOKEN_ARROW);
            continue;
        } else if (code == TOKEN_PLUS_PLUS || code == TOKEN_MINUS_MINUS) {
            parser->position++;
            operand = add_node(parser, SHAPE_UNARY, (unsigned char)code, operand, -1, -1);
            continue;
        } else {
            return operand;
        }
        bool call = code == TOKEN_LEFT_PAREN && operand >= 0 && parser->nodes[operand].call;
        add_root(parser, operand); /* (a ? b : c)[i] */
        operand = leaf(parser, TOKEN_OTHER);
        parser->nodes[operand].call = call; /* f(x): the call, for a function's name */
    }
}

static int parse_unary(struct parser *parser)
{
    if (parser->position >= parser->end)
        return -1;
    const struct shape_token *token = &parser->tokens[parser->position];
    switch (token->code) {
    case TOKEN_BANG: case TOKEN_TILDE: case TOKEN_MINUS: case TOKEN_PLUS: case TOKEN_STAR:
    case TOKEN_AMPERSAND: case TOKEN_PLUS_PLUS: case TOKEN_MINUS_MINUS:
    case TOKEN_KEYWORD_EXTENSION: case TOKEN_KEYWORD_REAL: case TOKEN_KEYWORD_IMAG: {
        parser->position++;
        int operand = parse_unary(parser);
        return operand < 0 ? -1 : add_node(parser, SHAPE_UNARY, token->code, operand, -1, -1);
    }
    case TOKEN_LEFT_PAREN: {
        int open = parser->position;
        int close = matching_close(parser->tokens, open, parser->end);
        if (close < 0 || (open + 1 < close && parser->tokens[open + 1].code == TOKEN_LEFT_BRACE))
            return -1; /* a statement expression */
        if (is_cast(parser, open, close)) {
            parser->position = close + 1;
            if (peek(parser) == TOKEN_LEFT_BRACE)
                return -1; /* a compound literal */
            int operand = parse_unary(parser);
            add_root(parser, operand);
            return operand < 0 ? -1 : leaf(parser, TOKEN_OTHER);
        }
        int inner;
        if (!parse_range(parser, open + 1, close, false, &inner))
            return -1;
        parser->position = close + 1;
        return parse_postfix(parser, add_node(parser, SHAPE_PARENTHESES, TOKEN_OTHER, inner, -1, -1));
    }
    case TOKEN_IDENTIFIER: {
        parser->position++;
        if (peek(parser) != TOKEN_LEFT_PAREN)
            return parse_postfix(parser, named_leaf(parser, TOKEN_OTHER));
        /* a call's name says nothing of what it returns, and a macro's
         * may stand for anything; a function's call is a call in the AST
         * (so not the 0 of `(x) != 0` beside it, in Lua's
         * `luai_likely(c) || luaL_typeerror(...)`) */
        int name = leaf(parser, TOKEN_OTHER);
        parser->nodes[name].call = token->text && !token->expands;
        return parse_postfix(parser, name);
    }
    case TOKEN_LITERAL:
        while (peek(parser) == TOKEN_LITERAL) /* "adjacent" "strings" */
            parser->position++;
        return parse_postfix(parser, leaf(parser, TOKEN_LITERAL));
    default:
        if (keyword_is(token, "sizeof") || keyword_is(token, "_Alignof") ||
            keyword_is(token, "__alignof__")) {
            parser->position++;
            if (peek(parser) == TOKEN_LEFT_PAREN) {
                int close = matching_close(parser->tokens, parser->position, parser->end);
                if (close < 0)
                    return -1;
                parser->position = close + 1; /* a type or an expression: unevaluated */
                return leaf(parser, TOKEN_OTHER);
            }
            return parse_unary(parser) < 0 ? -1 : leaf(parser, TOKEN_OTHER);
        }
        return -1;
    }
}

static int parse_expression(struct parser *parser, int minimum)
{
    int left = parse_unary(parser);
    while (left >= 0) {
        int code = peek(parser);
        int strength = precedence(code);
        if (strength == 0 || strength < minimum)
            break;
        parser->position++;
        if (code == TOKEN_QUESTION) {
            int middle = parse_expression(parser, 1);
            if (middle < 0 || peek(parser) != TOKEN_COLON)
                return -1;
            parser->position++;
            int right = parse_expression(parser, PRECEDENCE_CONDITIONAL);
            if (right < 0)
                return -1;
            left = add_node(parser, SHAPE_CONDITIONAL, TOKEN_OTHER, left, middle, right);
            continue;
        }
        bool right_associative = strength == PRECEDENCE_ASSIGNMENT;
        int right = parse_expression(parser, right_associative ? strength : strength + 1);
        if (right < 0)
            return -1;
        left = add_node(parser, SHAPE_BINARY, (unsigned char)code, left, right, -1);
    }
    return left;
}

static bool is_statement_keyword(const struct shape_token *token)
{
    static const char *const keywords[] = {
        "if", "while", "for", "switch", "return", "do", "else", "goto", "break", "continue",
        "case", "default",
    };
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (keyword_is(token, keywords[i]))
            return true;
    return false;
}

static void collect(struct parser *parser, int from, int to);

/* A statement between separators: leading keywords and the condition in
 * parentheses after if / while / switch / for are taken apart. */
static void collect_statement(struct parser *parser, int from, int to)
{
    while (from < to && (is_statement_keyword(&parser->tokens[from]) ||
                         is_type_keyword(&parser->tokens[from]))) {
        bool condition = keyword_is(&parser->tokens[from], "if") ||
                         keyword_is(&parser->tokens[from], "while") ||
                         keyword_is(&parser->tokens[from], "switch") ||
                         keyword_is(&parser->tokens[from], "for");
        from++;
        if (condition && from < to && parser->tokens[from].code == TOKEN_LEFT_PAREN) {
            int close = matching_close(parser->tokens, from, to);
            if (close < 0)
                return;
            collect(parser, from + 1, close);
            from = close + 1;
        }
    }
    if (from >= to)
        return;
    int mark = parser->count, root_mark = parser->root_count;
    int root;
    if (parse_range(parser, from, to, false, &root)) {
        add_root(parser, root);
        /* `T *q = (N) > 0 ? ... : NULL` parses as an assignment, but is a
         * declaration whose initializer the AST holds alone */
        const struct shape_node *node = &parser->nodes[root];
        if (node->kind == SHAPE_BINARY && node->code == TOKEN_ASSIGN && node->children[1] >= 0)
            add_root(parser, node->children[1]);
        return;
    }
    parser->count = mark; /* nodes of a failed parse say nothing */
    parser->root_count = root_mark;
    /* a declaration, `size_t n = (C == 0) ? (R) : C`: its initializer */
    for (int i = from; i < to; i++) {
        int code = parser->tokens[i].code;
        if (code == TOKEN_LEFT_PAREN || code == TOKEN_LEFT_BRACKET) {
            int close = matching_close(parser->tokens, i, to);
            if (close < 0)
                break;
            i = close;
        } else if (code == TOKEN_ASSIGN) {
            if (i + 1 < to && parse_range(parser, i + 1, to, false, &root)) {
                add_root(parser, root);
                return;
            }
            parser->count = mark;
            parser->root_count = root_mark;
            break;
        }
    }
    for (int i = from; i < to; i++) {
        if (parser->tokens[i].code != TOKEN_LEFT_PAREN)
            continue;
        int close = matching_close(parser->tokens, i, to);
        if (close < 0)
            return;
        collect(parser, i + 1, close);
        i = close;
    }
}

/* Statements of [from, to): split at ';', '{' and '}' at any depth of
 * braces (collect_statement takes a for loop's parentheses apart). */
static void collect(struct parser *parser, int from, int to)
{
    int start = from;
    for (int i = from; i <= to; i++) {
        int code = i < to ? parser->tokens[i].code : TOKEN_SEMICOLON;
        if (code == TOKEN_LEFT_PAREN || code == TOKEN_LEFT_BRACKET) {
            int close = matching_close(parser->tokens, i, to);
            if (close < 0)
                return;
            i = close;
            continue;
        }
        if (code == TOKEN_SEMICOLON || code == TOKEN_LEFT_BRACE || code == TOKEN_RIGHT_BRACE) {
            if (start == from && i == to) {
                collect_statement(parser, from, to); /* no separator: one statement */
                return;
            }
            collect(parser, start, i);
            start = i + 1;
        }
    }
}

/* `#name` becomes a string, `a ## b ## c` one name; false when another
 * unclassified token is left (the text is then not C). */
static bool join_pasted(const struct shape_token *tokens, int count, struct shape_token *out,
                        int *out_count)
{
    int n = 0;
    for (int i = 0; i < count; i++) {
        const char *text = tokens[i].code == TOKEN_OTHER ? tokens[i].text : NULL;
        if (text && strcmp(text, "##") == 0) {
            if (n == 0 || i + 1 == count)
                return false;
            out[n - 1] = (struct shape_token){TOKEN_IDENTIFIER, NULL, false};
            i++; /* the right-hand token joins the name */
        } else if (text && strcmp(text, "#") == 0) {
            if (i + 1 == count || tokens[i + 1].code != TOKEN_IDENTIFIER)
                return false;
            out[n++] = (struct shape_token){TOKEN_LITERAL, NULL, false};
            i++;
        } else if (tokens[i].code == TOKEN_OTHER && (!text || !(text[0] == '_' ||
                                                              (text[0] >= 'a' && text[0] <= 'z') ||
                                                              (text[0] >= 'A' && text[0] <= 'Z')))) {
            return false;
        } else {
            out[n++] = tokens[i];
        }
    }
    *out_count = n;
    return true;
}

struct macro_shape *macro_shape_parse(struct arena *arena, const struct shape_token *tokens,
                                      int count)
{
    struct shape_token *joined = xmalloc((count ? (size_t)count : 1) * sizeof *joined);
    if (!join_pasted(tokens, count, joined, &count)) {
        free(joined);
        return NULL;
    }
    tokens = joined;
    struct parser parser = {.tokens = tokens, .position = 0, .end = count};
    collect(&parser, 0, count);
    struct macro_shape *shape = NULL;
    if (parser.root_count > 0) {
        shape = arena_alloc(arena, sizeof *shape);
        shape->nodes = arena_alloc(arena, (size_t)parser.count * sizeof *shape->nodes);
        memcpy(shape->nodes, parser.nodes, (size_t)parser.count * sizeof *shape->nodes);
        shape->count = parser.count;
        shape->roots = arena_alloc(arena, (size_t)parser.root_count * sizeof *shape->roots);
        memcpy(shape->roots, parser.roots, (size_t)parser.root_count * sizeof *shape->roots);
        shape->root_count = parser.root_count;
    }
    free(parser.nodes);
    free(parser.roots);
    free(joined);
    return shape;
}

/* Lays the AST skeleton (node e) over the body's (node b); the codes of
 * body operators under `target` go to `codes`. */
static bool align(const struct macro_shape *body, int b, const struct macro_shape *expression,
                  int e, int target, uint64_t *codes, int depth)
{
    if (e < 0 || b < 0)
        return e == b;
    const struct shape_node *want = &expression->nodes[e], *have = &body->nodes[b];
    if (want->kind == SHAPE_ANY || depth > SHAPE_MATCH_DEPTH)
        return true;
    if (have->kind == SHAPE_LEAF) { /* a member access or a constant stays one */
        /* a variable, an enumerator: no macro that could expand, so the AST
         * names it there too */
        if (have->exact && (want->kind != SHAPE_LEAF || !want->name))
            return false;
        if (have->name && want->kind == SHAPE_LEAF && want->name &&
            strcmp(have->name, want->name) != 0)
            return false;
        if (have->call && (want->kind != SHAPE_LEAF || want->code != TOKEN_OTHER))
            return false;
        return have->code == TOKEN_OTHER || (want->kind == SHAPE_LEAF && want->code == have->code);
    }
    if (want->kind != have->kind)
        return false;
    if ((want->kind == SHAPE_BINARY || want->kind == SHAPE_UNARY) && want->code != TOKEN_OTHER &&
        want->code != have->code)
        return false;
    for (int i = 0; i < 3; i++)
        if (!align(body, have->children[i], expression, want->children[i], target, codes,
                   depth + 1))
            return false;
    if (e == target)
        *codes |= UINT64_C(1) << have->code;
    return true;
}

uint64_t macro_shape_operators(const struct macro_shape *body, const struct macro_shape *expression,
                               int root, int target)
{
    uint64_t codes = 0;
    if (!body || !expression || root < 0 || root >= expression->count || target < 0)
        return 0;
    for (int i = 0; i < body->root_count; i++) {
        uint64_t found = 0;
        if (align(body, body->roots[i], expression, root, target, &found, 0))
            codes |= found;
    }
    return codes;
}

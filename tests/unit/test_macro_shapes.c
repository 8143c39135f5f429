/*
 * test_macro_shapes: the skeletons of macro replacement lists (libclang
 * 14's operator fallback) on hand-written bodies and hand-built AST
 * skeletons: which body operator stands where the AST's operator stands,
 * and when none does (a macro called inside the body, an unparsable body).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "frontend/lower.h"
#include "frontend/macro_shapes.h"
#include "support/arena.h"

#define MAX_TOKENS 128

static bool is_name_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool is_keyword(const char *text, size_t length)
{
    static const char *const keywords[] = {"if", "do", "while", "return", "sizeof", "char",
                                           "int", "const", "for", "else"};
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strlen(keywords[i]) == length && memcmp(keywords[i], text, length) == 0)
            return true;
    return false;
}

/* Splits a replacement list into tokens as tokens.c classifies them. With
 * `exact`, names are variables (only NULL is a macro); without, every
 * name may be a macro, so leaves match any expression. */
static int lex(struct arena *arena, const char *text, struct shape_token *tokens, bool exact)
{
    int count = 0;
    while (*text) {
        if (*text == ' ') {
            text++;
            continue;
        }
        size_t length = 1;
        CXTokenKind kind = CXToken_Punctuation;
        if (is_name_char(*text)) {
            while (is_name_char(text[length]))
                length++;
            kind = (*text >= '0' && *text <= '9') ? CXToken_Literal
                   : is_keyword(text, length)     ? CXToken_Keyword
                                                  : CXToken_Identifier;
        } else if (*text == '"') {
            while (text[length] && text[length] != '"')
                length++;
            length++;
            kind = CXToken_Literal;
        } else {
            size_t longest = 1;
            if (strncmp(text, "<<=", 3) == 0 || strncmp(text, ">>=", 3) == 0)
                longest = 3;
            else if (text[1] && token_classify(text, 2, kind) != token_classify(text, 1, kind))
                longest = 2; /* ->, &&, <=, += ... */
            else if (text[0] == '#' && text[1] == '#')
                longest = 2;
            length = longest;
        }
        tokens[count].code = (unsigned char)token_classify(text, length, kind);
        tokens[count].text = tokens[count].code == TOKEN_OTHER ||
                                     tokens[count].code == TOKEN_IDENTIFIER
                                 ? arena_strndup(arena, text, length)
                                 : NULL;
        tokens[count].expands = tokens[count].code == TOKEN_IDENTIFIER &&
                                (!exact || (length == 4 && memcmp(text, "NULL", 4) == 0));
        count++;
        text += length;
    }
    return count;
}

/* A hand-built AST skeleton: nodes are added in order, node 0 is SHAPE_ANY. */
struct expression {
    struct shape_node nodes[32];
    struct macro_shape shape;
};

static int node(struct expression *expression, enum shape_kind kind, int first, int second,
                int third)
{
    int index = expression->shape.count++;
    expression->nodes[index] = (struct shape_node){(unsigned char)kind, TOKEN_OTHER,
                                                   {first, second, third}, NULL, false, false};
    return index;
}

static int leaf(struct expression *expression, enum token_code code)
{
    int index = node(expression, SHAPE_LEAF, -1, -1, -1);
    expression->nodes[index].code = (unsigned char)code;
    return index;
}

static void expression_init(struct expression *expression)
{
    expression->shape.nodes = expression->nodes;
    expression->shape.count = 0;
    node(expression, SHAPE_ANY, -1, -1, -1);
}

static struct macro_shape *parse(struct arena *arena, const char *body)
{
    struct shape_token tokens[MAX_TOKENS];
    int count = lex(arena, body, tokens, false);
    return macro_shape_parse(arena, tokens, count);
}

static struct macro_shape *parse_exact(struct arena *arena, const char *body)
{
    struct shape_token tokens[MAX_TOKENS];
    int count = lex(arena, body, tokens, true);
    return macro_shape_parse(arena, tokens, count);
}

#define BIT(code) (UINT64_C(1) << (code))

/* git's credential CHECK(x): && and || in one body, told apart by place. */
static void test_logical_operators_by_place(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct macro_shape *body =
        parse(&arena, "(!want->x || (have->x && !strcmp(want->x, have->x)))");
    assert_non_null(body);
    struct expression ast;
    expression_init(&ast);
    int not_want = node(&ast, SHAPE_UNARY, leaf(&ast, TOKEN_ARROW), -1, -1);
    int inner = node(&ast, SHAPE_BINARY, leaf(&ast, TOKEN_ARROW),
                     node(&ast, SHAPE_UNARY, leaf(&ast, TOKEN_OTHER), -1, -1), -1);
    int outer = node(&ast, SHAPE_BINARY, not_want, node(&ast, SHAPE_PARENTHESES, inner, -1, -1),
                     -1);
    int root = node(&ast, SHAPE_PARENTHESES, outer, -1, -1);
    assert_int_equal(macro_shape_operators(body, &ast.shape, root, outer), BIT(TOKEN_OR_OR));
    assert_int_equal(macro_shape_operators(body, &ast.shape, root, inner), BIT(TOKEN_AND_AND));
    assert_int_equal(macro_shape_operators(body, &ast.shape, root, not_want), BIT(TOKEN_BANG));
    arena_free(&arena);
}

/* An operator of a macro called in the body stands inside one of the
 * body's leaves: it is none of the body's operators. */
static void test_operator_of_a_nested_macro(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct macro_shape *body = parse(&arena, "(KIND(j) == kind)");
    struct expression ast;
    expression_init(&ast);
    int nested = node(&ast, SHAPE_BINARY, node(&ast, SHAPE_LEAF, -1, -1, -1),
                      node(&ast, SHAPE_LEAF, -1, -1, -1), -1);
    int equal = node(&ast, SHAPE_BINARY, node(&ast, SHAPE_PARENTHESES, nested, -1, -1),
                     node(&ast, SHAPE_LEAF, -1, -1, -1), -1);
    int root = node(&ast, SHAPE_PARENTHESES, equal, -1, -1);
    assert_int_equal(macro_shape_operators(body, &ast.shape, root, equal), BIT(TOKEN_EQUAL_EQUAL));
    assert_int_equal(macro_shape_operators(body, &ast.shape, root, nested), 0);
    arena_free(&arena);
}

/* A do { ... } while (0) body: the if's condition and the statements are
 * roots; NULL (a macro) is a leaf whatever it expands to. */
static void test_statement_macro(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct macro_shape *body =
        parse(&arena, "do { (p) = malloc(n); if ((p) == NULL && n > 0) return (v); } while (0)");
    assert_non_null(body);
    struct expression ast;
    expression_init(&ast);
    int null = node(&ast, SHAPE_PARENTHESES, node(&ast, SHAPE_LEAF, -1, -1, -1), -1, -1);
    int equal = node(&ast, SHAPE_BINARY,
                     node(&ast, SHAPE_PARENTHESES, node(&ast, SHAPE_LEAF, -1, -1, -1), -1, -1),
                     null, -1);
    int greater = node(&ast, SHAPE_BINARY, leaf(&ast, TOKEN_OTHER), leaf(&ast, TOKEN_LITERAL), -1);
    int both = node(&ast, SHAPE_BINARY, equal, greater, -1);
    assert_int_equal(macro_shape_operators(body, &ast.shape, both, both), BIT(TOKEN_AND_AND));
    assert_int_equal(macro_shape_operators(body, &ast.shape, both, equal), BIT(TOKEN_EQUAL_EQUAL));
    assert_int_equal(macro_shape_operators(body, &ast.shape, both, greater), BIT(TOKEN_GREATER));
    /* the assignment statement is a root of its own */
    struct expression assign;
    expression_init(&assign);
    int target = node(&assign, SHAPE_BINARY,
                      node(&assign, SHAPE_PARENTHESES, node(&assign, SHAPE_LEAF, -1, -1, -1), -1,
                           -1),
                      node(&assign, SHAPE_LEAF, -1, -1, -1), -1);
    assert_int_equal(macro_shape_operators(body, &assign.shape, target, target), BIT(TOKEN_ASSIGN));
    arena_free(&arena);
}

/* A declaration in a statement macro: its initializer is a root of its
 * own, as the AST holds it (no assignment around it), whether the
 * declaration parses as an expression (`T *q = ...`) or not (`size_t n =
 * ...`, two names in a row): brotli's BROTLI_ENSURE_CAPACITY. */
static void test_declaration_initializers(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct macro_shape *body =
        parse(&arena, "{ size_t n = (C == 0) ? (R) : C; T *q = (n) > 0 ? (T *)f(n) : NULL; }");
    assert_non_null(body);
    /* (C == 0) ? (R) : C */
    struct expression pick;
    expression_init(&pick);
    int zero = node(&pick, SHAPE_BINARY, node(&pick, SHAPE_LEAF, -1, -1, -1),
                    leaf(&pick, TOKEN_LITERAL), -1);
    int choice = node(&pick, SHAPE_CONDITIONAL, node(&pick, SHAPE_PARENTHESES, zero, -1, -1),
                      node(&pick, SHAPE_PARENTHESES, node(&pick, SHAPE_LEAF, -1, -1, -1), -1, -1),
                      node(&pick, SHAPE_LEAF, -1, -1, -1));
    assert_int_equal(macro_shape_operators(body, &pick.shape, choice, zero),
                     BIT(TOKEN_EQUAL_EQUAL));
    /* (n) > 0 ? (T *)f(n) : NULL */
    struct expression allocate;
    expression_init(&allocate);
    int positive = node(&allocate, SHAPE_BINARY,
                        node(&allocate, SHAPE_PARENTHESES, node(&allocate, SHAPE_LEAF, -1, -1, -1),
                             -1, -1),
                        leaf(&allocate, TOKEN_LITERAL), -1);
    int arm = node(&allocate, SHAPE_CONDITIONAL, positive, node(&allocate, SHAPE_LEAF, -1, -1, -1),
                   node(&allocate, SHAPE_LEAF, -1, -1, -1));
    assert_int_equal(macro_shape_operators(body, &allocate.shape, arm, positive),
                     BIT(TOKEN_GREATER));
    arena_free(&arena);
}

/* git's XDL_ALLOC_GROW: -!(a <= b || (p = f(p))): the unary minus and the
 * not stand at different depths. */
static void test_unary_operators_by_place(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct macro_shape *body =
        parse(&arena, "(-!((nr) <= (alloc) || ((p) = grow((p), (nr), &(alloc)))))");
    assert_non_null(body);
    struct expression ast;
    expression_init(&ast);
    int leaf_paren = node(&ast, SHAPE_PARENTHESES, node(&ast, SHAPE_LEAF, -1, -1, -1), -1, -1);
    int compare = node(&ast, SHAPE_BINARY, leaf_paren, leaf_paren, -1);
    int assign = node(&ast, SHAPE_BINARY, leaf_paren, node(&ast, SHAPE_LEAF, -1, -1, -1), -1);
    int or = node(&ast, SHAPE_BINARY, compare, node(&ast, SHAPE_PARENTHESES, assign, -1, -1), -1);
    int not = node(&ast, SHAPE_UNARY, node(&ast, SHAPE_PARENTHESES, or, -1, -1), -1, -1);
    int minus = node(&ast, SHAPE_UNARY, not, -1, -1);
    int root = node(&ast, SHAPE_PARENTHESES, minus, -1, -1);
    assert_int_equal(macro_shape_operators(body, &ast.shape, root, minus), BIT(TOKEN_MINUS));
    assert_int_equal(macro_shape_operators(body, &ast.shape, root, not), BIT(TOKEN_BANG));
    assert_int_equal(macro_shape_operators(body, &ast.shape, root, or), BIT(TOKEN_OR_OR));
    assert_int_equal(macro_shape_operators(body, &ast.shape, root, compare),
                     BIT(TOKEN_LESS_EQUAL));
    assert_int_equal(macro_shape_operators(body, &ast.shape, root, assign), BIT(TOKEN_ASSIGN));
    arena_free(&arena);
}

/* Call arguments, casts and conditionals parse; each argument is a root. */
static void test_casts_calls_and_conditionals(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct macro_shape *body =
        parse(&arena, "f((char *)(p) + 1, a ? b && c : d || e, sizeof(int) * n)");
    assert_non_null(body);
    struct expression ast;
    expression_init(&ast);
    int and = node(&ast, SHAPE_BINARY, node(&ast, SHAPE_LEAF, -1, -1, -1),
                   node(&ast, SHAPE_LEAF, -1, -1, -1), -1);
    int or = node(&ast, SHAPE_BINARY, node(&ast, SHAPE_LEAF, -1, -1, -1),
                  node(&ast, SHAPE_LEAF, -1, -1, -1), -1);
    int choice = node(&ast, SHAPE_CONDITIONAL, node(&ast, SHAPE_LEAF, -1, -1, -1), and, or);
    assert_int_equal(macro_shape_operators(body, &ast.shape, choice, and), BIT(TOKEN_AND_AND));
    assert_int_equal(macro_shape_operators(body, &ast.shape, choice, or), BIT(TOKEN_OR_OR));
    /* (char *)(p) + 1: the cast is a leaf, so the + has two leaves; sizeof
     * is a leaf too, and a name matches a constant (it may be a macro) */
    struct expression plus;
    expression_init(&plus);
    int sum = node(&plus, SHAPE_BINARY, leaf(&plus, TOKEN_OTHER), leaf(&plus, TOKEN_LITERAL), -1);
    assert_int_equal(macro_shape_operators(body, &plus.shape, sum, sum),
                     BIT(TOKEN_PLUS) | BIT(TOKEN_STAR));
    /* but a written constant matches no member access */
    struct expression times;
    expression_init(&times);
    int product = node(&times, SHAPE_BINARY, leaf(&times, TOKEN_OTHER), leaf(&times, TOKEN_ARROW),
                       -1);
    assert_int_equal(macro_shape_operators(body, &times.shape, product, product), BIT(TOKEN_STAR));
    arena_free(&arena);
}

/* Lua's luaL_argexpected(L, cond, arg, tname) calls luai_likely(cond),
 * `(__builtin_expect(((cond) != 0), 1)) || luaL_typeerror(...)`: the call
 * of a function is a call in the AST, never the 0 of `(x) != 0`, so only
 * the != stands there; a name that may be a macro could be that 0. */
static void test_function_call_is_no_constant(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    const char *text = "((void)((__builtin_expect(((c) != 0), 1)) || typeerror(L, (a), (t))))";
    struct expression ast;
    expression_init(&ast);
    int condition = leaf(&ast, TOKEN_OTHER);
    ast.nodes[condition].name = "c";
    int inner = node(&ast, SHAPE_PARENTHESES, condition, -1, -1);
    int compare = node(&ast, SHAPE_BINARY, inner, leaf(&ast, TOKEN_LITERAL), -1);
    int root = node(&ast, SHAPE_PARENTHESES, compare, -1, -1);
    assert_int_equal(macro_shape_operators(parse_exact(&arena, text), &ast.shape, root, compare),
                     BIT(TOKEN_NOT_EQUAL));
    assert_int_equal(macro_shape_operators(parse(&arena, text), &ast.shape, root, compare),
                     BIT(TOKEN_NOT_EQUAL) | BIT(TOKEN_OR_OR));
    arena_free(&arena);
}

/* A pasted name is one name and a stringized one a string: a function
 * body written by a macro parses. A body with no operator has no shape. */
static void test_pasted_names_and_function_bodies(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct macro_shape *body = parse(
        &arena, "static int f_ ## name(int input, struct ctx *c) { if (kind(input) != 4) "
                "{ return error(#name, input); } if (c->info == NULL) return 0; "
                "return name ## _value(input) - 1; }");
    assert_non_null(body);
    struct expression ast;
    expression_init(&ast);
    int compare = node(&ast, SHAPE_BINARY, leaf(&ast, TOKEN_OTHER), leaf(&ast, TOKEN_LITERAL), -1);
    assert_int_equal(macro_shape_operators(body, &ast.shape, compare, compare),
                     BIT(TOKEN_NOT_EQUAL) | BIT(TOKEN_MINUS));
    /* NULL expands to ((void *)0): a name in the body matches it */
    struct expression null_test;
    expression_init(&null_test);
    int null = node(&null_test, SHAPE_PARENTHESES, leaf(&null_test, TOKEN_OTHER), -1, -1);
    int equal = node(&null_test, SHAPE_BINARY, leaf(&null_test, TOKEN_ARROW), null, -1);
    assert_int_equal(macro_shape_operators(body, &null_test.shape, equal, equal),
                     BIT(TOKEN_EQUAL_EQUAL));
    assert_null(parse(&arena, "a ## ## b"));
    assert_null(parse(&arena, "0x80"));
    assert_non_null(parse(&arena, "a && b"));
    arena_free(&arena);
}

static int member(struct expression *expression, const char *name)
{
    int index = leaf(expression, TOKEN_ARROW);
    expression->nodes[index].name = name;
    return index;
}

/* A function a macro defines (khash's KHASH_INIT): two tests alike in shape
 * are told apart by the members they compare. */
static void test_names_tell_alike_shapes_apart(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    struct macro_shape *body = parse_exact(
        &arena, "int put(struct table *h, int key) { if (h->occupied >= h->bound) "
                "resize(h); if (h->size < h->buckets) return key; return 0; }");
    assert_non_null(body);
    struct expression ast;
    expression_init(&ast);
    int occupied = node(&ast, SHAPE_BINARY, member(&ast, "occupied"), member(&ast, "bound"), -1);
    int size = node(&ast, SHAPE_BINARY, member(&ast, "size"), member(&ast, "buckets"), -1);
    int unnamed = node(&ast, SHAPE_BINARY, member(&ast, NULL), member(&ast, NULL), -1);
    assert_int_equal(macro_shape_operators(body, &ast.shape, occupied, occupied),
                     BIT(TOKEN_GREATER_EQUAL));
    assert_int_equal(macro_shape_operators(body, &ast.shape, size, size), BIT(TOKEN_LESS));
    /* a member access of the body is one in the AST, with its name */
    assert_int_equal(macro_shape_operators(body, &ast.shape, unnamed, unnamed), 0);
    struct macro_shape *loose = parse(
        &arena, "int put(struct table *h, int key) { if (h->occupied >= h->bound) "
                "resize(h); if (h->size < h->buckets) return key; return 0; }");
    assert_int_equal(macro_shape_operators(loose, &ast.shape, occupied, occupied),
                     BIT(TOKEN_GREATER_EQUAL));

    /* A name that is no macro (a type, a variable) is a leaf in the AST:
     * `buf_t *oid`, read as a product, matches no test of two comparisons;
     * NULL, a macro, matches its expansion. */
    body = parse_exact(&arena, "static int from(const buf_t *oid) { const item *p = list; "
                               "if (p == NULL || oid == NULL) return 0; return 1; }");
    struct expression test;
    expression_init(&test);
    int null = node(&test, SHAPE_PARENTHESES, leaf(&test, TOKEN_OTHER), -1, -1);
    int p = leaf(&test, TOKEN_OTHER), oid = leaf(&test, TOKEN_OTHER);
    test.nodes[p].name = "p";
    test.nodes[oid].name = "oid";
    int first = node(&test, SHAPE_BINARY, p, null, -1);
    int second = node(&test, SHAPE_BINARY, oid, null, -1);
    int either = node(&test, SHAPE_BINARY, first, second, -1);
    assert_int_equal(macro_shape_operators(body, &test.shape, either, either), BIT(TOKEN_OR_OR));
    arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_logical_operators_by_place),
        cmocka_unit_test(test_operator_of_a_nested_macro),
        cmocka_unit_test(test_statement_macro),
        cmocka_unit_test(test_declaration_initializers),
        cmocka_unit_test(test_unary_operators_by_place),
        cmocka_unit_test(test_casts_calls_and_conditionals),
        cmocka_unit_test(test_function_call_is_no_constant),
        cmocka_unit_test(test_pasted_names_and_function_bodies),
        cmocka_unit_test(test_names_tell_alike_shapes_apart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

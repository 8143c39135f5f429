/*
 * test_frontend: the libclang front end on small sources written to a
 * temporary directory: control flow (branches, loops, switch, goto,
 * noreturn), NULL tests, constants, NDEBUG asserts, access paths, calls,
 * clang errors and inputs that must not crash it. Checks the IR directly
 * and through ir_dump_function.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "frontend/frontend.h"
#include "support/string_buffer.h"

struct fixture {
    struct frontend *frontend;
    char directory[64];
    char path[128];
    struct arena arena;
    struct arena diagnostics_arena;
    struct finding_list diagnostics;
    struct frontend_result result;
    int status;
};

static int setup(void **state)
{
    struct fixture *fixture = calloc(1, sizeof *fixture);
    if (!fixture)
        return -1;
    fixture->frontend = frontend_create();
    snprintf(fixture->directory, sizeof fixture->directory, "/tmp/nullproof-frontend-XXXXXX");
    if (!fixture->frontend || !mkdtemp(fixture->directory))
        return -1;
    arena_init(&fixture->arena);
    arena_init(&fixture->diagnostics_arena);
    *state = fixture;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fixture = *state;
    arena_free(&fixture->arena);
    arena_free(&fixture->diagnostics_arena);
    if (fixture->path[0])
        unlink(fixture->path);
    rmdir(fixture->directory);
    frontend_destroy(fixture->frontend);
    free(fixture);
    return 0;
}

/* Writes `source` to NAME in the fixture's directory and runs the front end
 * on it with `arguments` (NULL-terminated). */
static struct ir_unit *lower(struct fixture *fixture, const char *name, const char *source,
                             const char *const *arguments)
{
    if (fixture->path[0])
        unlink(fixture->path);
    arena_free(&fixture->arena);
    arena_free(&fixture->diagnostics_arena);
    finding_list_init(&fixture->diagnostics, &fixture->diagnostics_arena);
    snprintf(fixture->path, sizeof fixture->path, "%s/%s", fixture->directory, name);
    FILE *file = fopen(fixture->path, "w");
    assert_non_null(file);
    fputs(source, file);
    fclose(file);
    int count = 0;
    while (arguments && arguments[count])
        count++;
    struct frontend_job job = {fixture->path, fixture->directory, arguments, count, NULL, NULL, 0, false};
    fixture->status = frontend_run(fixture->frontend, &job, &fixture->arena,
                                   &fixture->diagnostics, &fixture->result);
    return &fixture->result.unit;
}

static const char *const gnu11[] = {"-std=gnu11", NULL};

static const struct ir_function *function_named(const struct ir_unit *unit, const char *name)
{
    for (int i = 0; i < unit->function_count; i++) {
        if (strcmp(unit->functions[i].name, name) == 0)
            return &unit->functions[i];
    }
    fail_msg("no function %s", name);
    return NULL;
}

/* ir_dump_function's text, in the fixture's arena. */
static const char *dump(struct fixture *fixture, const struct ir_function *function)
{
    struct string_buffer buffer;
    string_buffer_init(&buffer);
    ir_dump_function(function, &buffer);
    const char *text = arena_strdup(&fixture->arena, string_buffer_text(&buffer));
    string_buffer_free(&buffer);
    return text;
}

static void reach(const struct ir_function *function, int block, bool *seen)
{
    if (block < 0 || seen[block])
        return;
    seen[block] = true;
    const struct cfg_block *b = &function->blocks[block];
    if (b->terminator == TERMINATOR_GOTO) {
        reach(function, b->successors[0], seen);
    } else if (b->terminator == TERMINATOR_BRANCH) {
        reach(function, b->successors[0], seen);
        reach(function, b->successors[1], seen);
    }
}

/* Whether a call to `callee` is in a block reachable from the entry. */
static bool calls_reachable(const struct ir_function *function, const char *callee)
{
    bool *seen = calloc((size_t)function->block_count + 1, sizeof *seen);
    assert_non_null(seen);
    reach(function, function->entry, seen);
    bool found = false;
    for (int b = 0; b < function->block_count && !found; b++) {
        if (!seen[b])
            continue;
        for (int i = 0; i < function->blocks[b].statement_count; i++) {
            const struct ir_statement *s = &function->blocks[b].statements[i];
            if (s->kind == STATEMENT_CALL && s->call.callee && strcmp(s->call.callee, callee) == 0)
                found = true;
        }
    }
    free(seen);
    return found;
}

static bool has_call(const struct ir_function *function, const char *callee)
{
    for (int b = 0; b < function->block_count; b++) {
        for (int i = 0; i < function->blocks[b].statement_count; i++) {
            const struct ir_statement *s = &function->blocks[b].statements[i];
            if (s->kind == STATEMENT_CALL && s->call.callee && strcmp(s->call.callee, callee) == 0)
                return true;
        }
    }
    return false;
}

static int path_named(const struct ir_function *function, const char *text)
{
    for (int i = 0; i < function->path_count; i++) {
        if (strcmp(function->paths[i].text, text) == 0)
            return i;
    }
    return -1;
}

/* The first branch on CONDITION_NONNULL of `text`, or NULL. */
static const struct cfg_block *nonnull_branch(const struct ir_function *function,
                                              const char *text)
{
    int path = path_named(function, text);
    for (int b = 0; b < function->block_count; b++) {
        const struct cfg_block *block = &function->blocks[b];
        if (block->terminator == TERMINATOR_BRANCH &&
            block->condition.kind == CONDITION_NONNULL && block->condition.path == path)
            return block;
    }
    return NULL;
}

static bool block_uses(const struct ir_function *function, int block, const char *text)
{
    int path = path_named(function, text);
    const struct cfg_block *b = &function->blocks[block];
    for (int i = 0; i < b->statement_count; i++) {
        if (b->statements[i].kind == STATEMENT_USE && b->statements[i].target == path)
            return true;
    }
    return false;
}

static void test_if_else_null_test(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "if.c",
                                 "#include <stdlib.h>\n"
                                 "int f(void) {\n"
                                 "    char *p = malloc(4);\n"
                                 "    if (p == NULL)\n"
                                 "        return 1;\n"
                                 "    else\n"
                                 "        p[0] = 0;\n"
                                 "    return 0;\n"
                                 "}\n",
                                 gnu11);
    assert_int_equal(fixture->status, 0);
    assert_int_equal(fixture->result.error_count, 0);
    const struct ir_function *f = function_named(unit, "f");
    const struct cfg_block *branch = nonnull_branch(f, "p");
    assert_non_null(branch);
    /* p == NULL: the non-NULL edge is the else branch that indexes p */
    assert_true(block_uses(f, branch->successors[0], "p"));
    assert_false(block_uses(f, branch->successors[1], "p"));
    assert_int_equal(f->blocks[branch->successors[1]].terminator, TERMINATOR_RETURN);
    const char *text = dump(fixture, f);
    /* the call stores its result in p itself: no temporary in between */
    assert_non_null(strstr(text, "p = call malloc(4)"));
    assert_null(strstr(text, "malloc() ="));
    assert_non_null(strstr(text, "use p"));
}

static void test_and_chain(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "and.c",
                                 "int g(int *a, int *b) {\n"
                                 "    if (a && b && *a == 1)\n"
                                 "        return *b;\n"
                                 "    return 0;\n"
                                 "}\n",
                                 gnu11);
    const struct ir_function *g = function_named(unit, "g");
    const struct cfg_block *first = nonnull_branch(g, "a");
    const struct cfg_block *second = nonnull_branch(g, "b");
    assert_non_null(first);
    assert_non_null(second);
    /* b is only tested when a is non-NULL, *a only when both are */
    const struct cfg_block *after_a = &g->blocks[first->successors[0]];
    assert_int_equal(after_a->terminator, TERMINATOR_BRANCH);
    assert_ptr_equal(after_a, second);
    assert_true(block_uses(g, second->successors[0], "a"));
    assert_int_equal(g->blocks[second->successors[0]].condition.kind, CONDITION_INTEGER_EQUALS);
    assert_int_equal(g->blocks[second->successors[0]].condition.integer, 1);
}

static void test_loops(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "loops.c",
                                 "void step(void);\n"
                                 "void after(void);\n"
                                 "void l(int n) {\n"
                                 "    while (n > 0) { step(); n--; }\n"
                                 "    do { step(); } while (0);\n"
                                 "    for (int i = 0; i < n; i++) step();\n"
                                 "    for (; n;) n--;\n"
                                 "    after();\n"
                                 "}\n",
                                 gnu11);
    const struct ir_function *l = function_named(unit, "l");
    assert_true(calls_reachable(l, "step"));
    assert_true(calls_reachable(l, "after"));
    const char *text = dump(fixture, l);
    assert_non_null(strstr(text, "n steps -1")); /* n-- moves n's range */
    assert_non_null(strstr(text, "i steps 1"));  /* i++ */
    assert_non_null(strstr(text, "i = 0"));   /* for init */
    assert_non_null(strstr(text, "if n != 0")); /* for (; n;) */
    int back_edges = 0;
    for (int b = 0; b < l->block_count; b++) {
        const struct cfg_block *block = &l->blocks[b];
        if (block->terminator == TERMINATOR_GOTO && block->successors[0] < b)
            back_edges++;
    }
    assert_true(back_edges >= 3); /* while, for, for; not do-while(0) */
}

/* A variable changed by a constant is its copy and a step; a global's ++
 * (memory others see) stays an unknown step. */
static void test_integer_steps(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "steps.c",
                                 "int total;\n"
                                 "int s(int len, unsigned count) {\n"
                                 "    int half = len >> 1;\n"
                                 "    unsigned last = count - 1;\n"
                                 "    int third = len / 3, more = 2 + len, less = 2 - len;\n"
                                 "    unsigned char low = count & 0xFF, slot = count % 8;\n"
                                 "    total++;\n"
                                 "    return half + third + more + less + (int)last + --len + low + slot;\n"
                                 "}\n",
                                 gnu11);
    const char *text = dump(fixture, function_named(unit, "s"));
    assert_non_null(strstr(text, "half = len\n"));
    assert_non_null(strstr(text, "half >>= 1"));
    assert_non_null(strstr(text, "last += -1"));
    assert_non_null(strstr(text, "third /= 3"));
    assert_non_null(strstr(text, "more += 2"));
    assert_null(strstr(text, "less = len")); /* k - y is no step of y */
    assert_non_null(strstr(text, "low &= 255")); /* a byte holds 0xFF */
    assert_non_null(strstr(text, "slot %= 8"));
    assert_non_null(strstr(text, "total = ?"));
    assert_non_null(strstr(text, "len steps -1"));
}

static void test_for_ever(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "forever.c",
                                 "void tick(void);\n"
                                 "void never(void);\n"
                                 "void done(void);\n"
                                 "void a(void) { for (;;) tick(); never(); }\n"
                                 "void b(int x) { while (1) { if (x) break; tick(); } done(); }\n",
                                 gnu11);
    const struct ir_function *a = function_named(unit, "a");
    assert_true(calls_reachable(a, "tick"));
    assert_false(calls_reachable(a, "never"));
    assert_true(has_call(a, "never")); /* still lowered, in unreachable code */
    const struct ir_function *b = function_named(unit, "b");
    assert_true(calls_reachable(b, "done")); /* through break */
}

static void test_switch_constant(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "switch.c",
                                 "void one(void); void three(void); void other(void);\n"
                                 "void four(void); void five(void);\n"
                                 "enum { MODE = 3 };\n"
                                 "void s(void) {\n"
                                 "    switch (MODE) {\n"
                                 "    case 1: one(); break;\n"
                                 "    case 3: three(); /* falls through */\n"
                                 "    case 4: case 5: four(); break;\n"
                                 "    default: other();\n"
                                 "    }\n"
                                 "}\n"
                                 "void t(int k) {\n"
                                 "    switch (k) {\n"
                                 "    case 1: case 2: one(); break;\n"
                                 "    default: five();\n"
                                 "    }\n"
                                 "}\n",
                                 gnu11);
    const struct ir_function *s = function_named(unit, "s");
    assert_true(calls_reachable(s, "three"));
    assert_true(calls_reachable(s, "four"));
    assert_false(calls_reachable(s, "one"));
    assert_false(calls_reachable(s, "other"));
    const struct ir_function *t = function_named(unit, "t");
    assert_true(calls_reachable(t, "one"));
    assert_true(calls_reachable(t, "five"));
    const char *text = dump(fixture, t);
    assert_non_null(strstr(text, "if k == 1"));
    assert_non_null(strstr(text, "if k == 2"));
}

static void test_goto(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "goto.c",
                                 "void skipped(void); void cleanup(void);\n"
                                 "int g(int *p) {\n"
                                 "    if (!p) goto out;\n"
                                 "    return *p;\n"
                                 "    skipped();\n"
                                 "out:\n"
                                 "    cleanup();\n"
                                 "    return -1;\n"
                                 "}\n",
                                 gnu11);
    const struct ir_function *g = function_named(unit, "g");
    assert_true(calls_reachable(g, "cleanup"));
    assert_false(calls_reachable(g, "skipped"));
    const struct cfg_block *branch = nonnull_branch(g, "p");
    assert_non_null(branch);
    assert_true(block_uses(g, branch->successors[0], "p"));
}

static void test_noreturn(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "noreturn.c",
                                 "#include <stdlib.h>\n"
                                 "_Noreturn void die(const char *why);\n"
                                 "void fatal(void) __attribute__((noreturn));\n"
                                 "void after(void);\n"
                                 "void a(int x) { if (x) die(\"x\"); after(); }\n"
                                 "void b(void) { abort(); after(); }\n"
                                 "void c(void) { fatal(); after(); }\n"
                                 "void d(void) {\n"
                                 "    void (*handler)(void) = fatal;\n"
                                 "    handler();\n"
                                 "    after();\n"
                                 "}\n",
                                 gnu11);
    assert_true(calls_reachable(function_named(unit, "a"), "after"));
    assert_false(calls_reachable(function_named(unit, "b"), "after"));
    assert_false(calls_reachable(function_named(unit, "c"), "after"));
    const struct ir_function *d = function_named(unit, "d");
    assert_true(has_call(d, "fatal")); /* the one function the pointer holds */
    assert_false(calls_reachable(d, "after"));
    const struct ir_function *b = function_named(unit, "b");
    bool unreachable = false;
    for (int i = 0; i < b->block_count; i++) {
        const struct cfg_block *block = &b->blocks[i];
        if (block->terminator == TERMINATOR_UNREACHABLE && block->statement_count == 1 &&
            (block->statements[0].call.facts & CALL_NORETURN))
            unreachable = true;
    }
    assert_true(unreachable);
}

static const char assert_source[] = "#include <assert.h>\n"
                                    "#include <stddef.h>\n"
                                    "struct node { struct node *next; };\n"
                                    "int a(struct node *p, int *q) {\n"
                                    "    assert(p != NULL && p->next && q);\n"
                                    "    return *q;\n"
                                    "}\n";

static void test_assert_ndebug(void **state)
{
    struct fixture *fixture = *state;
    static const char *const ndebug[] = {"-std=gnu11", "-DNDEBUG", NULL};
    struct ir_unit *unit = lower(fixture, "assert.c", assert_source, ndebug);
    const struct ir_function *a = function_named(unit, "a");
    const char *text = dump(fixture, a);
    assert_non_null(strstr(text, "assume p != NULL"));
    assert_non_null(strstr(text, "assume p->next != NULL"));
    assert_non_null(strstr(text, "assume q != NULL"));
    assert_null(strstr(text, "__assert_fail"));
    const struct ir_statement *assume = &a->blocks[a->entry].statements[0];
    assert_int_equal(assume->kind, STATEMENT_ASSUME);
    assert_string_equal(assume->location.macro, "assert");
    assert_int_equal(assume->location.line, 5);
}

static void test_assert_enabled(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "assert.c", assert_source, gnu11);
    const struct ir_function *a = function_named(unit, "a");
    assert_true(has_call(a, "__assert_fail"));
    assert_non_null(nonnull_branch(a, "p"));
    assert_non_null(nonnull_branch(a, "q"));
    assert_null(strstr(dump(fixture, a), "assume"));
}

static void test_constant_globals(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "constants.c",
                                 "void live(void); void dead(void);\n"
                                 "static int staticTrue = 1;\n"
                                 "static int staticFive = 5;\n"
                                 "static const int LIMIT = 2 * 4;\n"
                                 "static int changing = 0;\n"
                                 "#define DEBUG 0\n"
                                 "void set(void) { changing = 1; }\n"
                                 "void f(void) {\n"
                                 "    if (staticTrue) live(); else dead();\n"
                                 "    if (staticFive == 5) live(); else dead();\n"
                                 "    if (staticFive != 5) dead();\n"
                                 "    if (LIMIT > 7 && !DEBUG) live(); else dead();\n"
                                 "}\n"
                                 "void g(void) { if (changing) dead(); }\n",
                                 gnu11);
    const struct ir_function *f = function_named(unit, "f");
    assert_true(calls_reachable(f, "live"));
    assert_false(calls_reachable(f, "dead"));
    const struct ir_function *g = function_named(unit, "g");
    assert_true(calls_reachable(g, "dead")); /* written elsewhere: not a constant */
    assert_non_null(strstr(dump(fixture, g), "if changing != 0"));
}

static void test_facts_found_after_use(void **state)
{
    struct fixture *fixture = *state;
    /* each function is scanned just before it is lowered: a write or &x
     * in a later function must still count for the earlier ones */
    struct ir_unit *unit = lower(fixture, "late.c",
                                 "void live(void); void dead(void);\n"
                                 "static int verbose = 0;\n"
                                 "static int base = 2;\n"
                                 "static const int derived = 3;\n"
                                 "static int level = 1;\n"
                                 "char *buffer;\n"
                                 "void f(void) {\n"
                                 "    if (verbose) live();\n"
                                 "    if (derived + base == 5) live(); else dead();\n"
                                 "    if (level) live(); else dead();\n"
                                 "    if (buffer) live();\n"
                                 "}\n"
                                 "void set(void) { verbose = 1; base++; }\n"
                                 "char **where(void) { return &buffer; }\n",
                                 gnu11);
    const struct ir_function *f = function_named(unit, "f");
    const char *text = dump(fixture, f);
    assert_non_null(strstr(text, "if verbose != 0"));
    assert_true(calls_reachable(f, "dead")); /* base is written after f */
    int buffer = path_named(f, "buffer");
    assert_true(buffer >= 0);
    assert_true(f->paths[buffer].address_taken);
    assert_int_equal(path_named(f, "level"), -1); /* still folded: never written */
}

static void test_union_members_share_a_path(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "union.c",
                                 "union value { int *pointer; long number; };\n"
                                 "struct box { union { char *text; void *raw; }; };\n"
                                 "int u(union value v, struct box *b) {\n"
                                 "    v.number = 0;\n"
                                 "    b->raw = 0;\n"
                                 "    return *v.pointer + *b->text;\n"
                                 "}\n",
                                 gnu11);
    const struct ir_function *u = function_named(unit, "u");
    const char *text = dump(fixture, u);
    assert_non_null(strstr(text, "v.pointer = 0"));
    assert_non_null(strstr(text, "use v.pointer"));
    assert_non_null(strstr(text, "b->text = NULL"));
    assert_non_null(strstr(text, "use b->text"));
    assert_int_equal(path_named(u, "v.number"), -1);
}

static void test_paths_and_calls(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "calls.c",
                                 "#include <stdlib.h>\n"
                                 "#include <string.h>\n"
                                 "static int counter;\n"
                                 "void take(int *a, int n, int *b)\n"
                                 "    __attribute__((nonnull(1, 3)));\n"
                                 "int *_Nullable maybe(void);\n"
                                 "static char *helper(void) { return malloc(2); }\n"
                                 "char *c(char *s) {\n"
                                 "    char *t;\n"
                                 "    char *u = malloc(1), *v = malloc(2);\n"
                                 "    if ((t = strchr(s, 'a')) != NULL) *t = 0;\n"
                                 "    take(maybe(), counter, &counter);\n"
                                 "    free(malloc(3)); free(malloc(4));\n"
                                 "    free(u); free(v);\n"
                                 "    return helper() + 1;\n"
                                 "}\n",
                                 gnu11);
    const struct ir_function *c = function_named(unit, "c");
    /* results stored in a local go there directly; the others get
     * distinct temporaries that read the same */
    assert_non_null(strstr(dump(fixture, c), "u = call malloc(1)"));
    assert_non_null(strstr(dump(fixture, c), "v = call malloc(2)"));
    int first = path_named(c, "malloc()");
    assert_true(first >= 0);
    assert_int_equal(c->paths[first].root_kind, VARIABLE_TEMPORARY);
    int mallocs = 0;
    for (int i = 0; i < c->path_count; i++) {
        if (strcmp(c->paths[i].text, "malloc()") == 0)
            mallocs++;
    }
    assert_int_equal(mallocs, 2);
    /* (t = strchr(...)) != NULL tests t after the call and the assignment */
    const struct cfg_block *branch = nonnull_branch(c, "t");
    assert_non_null(branch);
    int parameter = c->parameter_paths[0];
    assert_string_equal(c->paths[parameter].text, "s");
    assert_int_equal(c->paths[parameter].root_kind, VARIABLE_PARAMETER);
    assert_int_equal(c->paths[parameter].parameter_index, 0);
    assert_true(c->paths[parameter].is_pointer);
    int global = path_named(c, "counter");
    assert_true(global >= 0);
    assert_int_equal(c->paths[global].root_kind, VARIABLE_GLOBAL);
    assert_non_null(c->paths[global].global_key);
    bool take_seen = false, helper_linked = false, maybe_nullable = false;
    for (int b = 0; b < c->block_count; b++) {
        for (int i = 0; i < c->blocks[b].statement_count; i++) {
            const struct ir_call *call = &c->blocks[b].statements[i].call;
            if (c->blocks[b].statements[i].kind != STATEMENT_CALL || !call->callee)
                continue;
            if (strcmp(call->callee, "take") == 0) {
                take_seen = true;
                assert_int_equal(call->nonnull_arguments, 5);
                assert_int_equal(call->argument_count, 3);
                assert_int_equal(call->arguments[0].kind, VALUE_PATH);
                assert_int_equal(call->arguments[1].kind, VALUE_PATH);
                assert_int_equal(call->arguments[1].path, global);
                assert_int_equal(call->arguments[2].kind, VALUE_NONNULL);
                assert_int_equal(call->arguments[2].path, global); /* &counter */
                assert_int_equal(call->target, -1);
            } else if (strcmp(call->callee, "helper") == 0) {
                helper_linked = &unit->functions[call->function_index] ==
                                function_named(unit, "helper");
                assert_true(call->returns_pointer);
            } else if (strcmp(call->callee, "maybe") == 0) {
                maybe_nullable = (call->facts & CALL_RETURNS_NULLABLE) != 0;
            }
        }
    }
    assert_true(take_seen);
    assert_true(helper_linked);
    assert_true(maybe_nullable);
    assert_true(c->returns_pointer);
    assert_false(c->is_static);
    assert_true(function_named(unit, "helper")->is_static);
    /* helper() + 1 keeps the call's value */
    assert_non_null(strstr(dump(fixture, c), "return helper()"));
}

static void test_returns_nonnull(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "nonnull.c",
                                 "char *get(char *p) __attribute__((returns_nonnull));\n"
                                 "char *get(char *p) { return p; }\n"
                                 "int *_Nonnull other(int *q) { return q; }\n",
                                 gnu11);
    const struct ir_function *get = function_named(unit, "get");
    assert_true(get->returns_nonnull);
    const struct cfg_block *entry = &get->blocks[get->entry];
    assert_int_equal(entry->statement_count, 1);
    assert_int_equal(entry->statements[0].kind, STATEMENT_USE);
    assert_int_equal(entry->statements[0].use, USE_RETURN);
    assert_true(entry->has_return_value);
    assert_true(function_named(unit, "other")->returns_nonnull);
}

static void test_macro_locations(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "macro.c",
                                 "#include <stddef.h>\n"
                                 "#define FIRST(p) ((p)->next)\n"
                                 "#define IS_NULL(p) ((p) == NULL)\n"
                                 "struct node { struct node *next; };\n"
                                 "struct node *m(struct node *n) {\n"
                                 "    if (IS_NULL(n)) return NULL;\n"
                                 "    return FIRST(n);\n"
                                 "}\n",
                                 gnu11);
    const struct ir_function *m = function_named(unit, "m");
    const struct cfg_block *branch = nonnull_branch(m, "n");
    assert_non_null(branch);
    assert_string_equal(branch->condition.location.macro, "IS_NULL");
    assert_int_equal(branch->condition.location.line, 6);
    bool use_seen = false;
    for (int b = 0; b < m->block_count; b++) {
        for (int i = 0; i < m->blocks[b].statement_count; i++) {
            const struct ir_statement *s = &m->blocks[b].statements[i];
            if (s->kind != STATEMENT_USE)
                continue;
            use_seen = true;
            assert_string_equal(s->location.macro, "FIRST");
            assert_int_equal(s->location.line, 7);
            assert_int_equal(s->location.column, 12);
        }
    }
    assert_true(use_seen);
    assert_string_equal(m->location.file, fixture->path);
    /* where each macro is defined, for the notes */
    const struct ir_macro *first = ir_unit_macro(unit, "FIRST");
    assert_non_null(first);
    assert_int_equal(first->definition.line, 2);
    assert_int_equal(first->definition.column, 9);
    assert_string_equal(first->definition.file, fixture->path);
    assert_null(ir_unit_macro(unit, "NOT_USED"));
}

static void test_parse_error(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "broken.c",
                                 "int fine(int *p) { return p ? *p : 0; }\n"
                                 "int broken(int *p) {\n"
                                 "    int x = missing_name + 1;\n"
                                 "    return *p + x\n"
                                 "}\n",
                                 gnu11);
    assert_int_equal(fixture->status, 0);
    assert_false(fixture->result.parse_failed);
    assert_true(fixture->result.error_count >= 2);
    assert_true(fixture->diagnostics.count >= 2);
    const struct finding *first = &fixture->diagnostics.items[0];
    assert_string_equal(first->rule, "clang-diagnostic");
    assert_int_equal(first->severity, SEVERITY_ERROR);
    assert_int_equal(first->line, 3);
    assert_non_null(strstr(first->message, "missing_name"));
    assert_non_null(first->source_line);
    assert_true(function_named(unit, "broken")->poisoned);
    assert_false(function_named(unit, "fine")->poisoned);
}

static void test_parse_failure(void **state)
{
    struct fixture *fixture = *state;
    arena_free(&fixture->arena);
    finding_list_init(&fixture->diagnostics, &fixture->diagnostics_arena);
    struct frontend_job job = {"/nonexistent/nullproof/missing.c", NULL, NULL, 0, NULL, NULL, 0, false};
    int status = frontend_run(fixture->frontend, &job, &fixture->arena, &fixture->diagnostics,
                              &fixture->result);
    assert_int_equal(status, -1);
    assert_true(fixture->result.parse_failed);
    assert_non_null(strstr(fixture->result.error_message, "cannot parse"));
    assert_non_null(strstr(fixture->result.error_message, "missing.c"));
    assert_int_equal(fixture->result.unit.function_count, 0);
}

static void test_empty_file(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "empty.c", "", gnu11);
    assert_int_equal(fixture->status, 0);
    assert_int_equal(unit->function_count, 0);
    assert_int_equal(fixture->result.error_count, 0);
}

static void test_deep_nesting(void **state)
{
    struct fixture *fixture = *state;
    size_t size = 200000;
    char *source = malloc(size);
    assert_non_null(source);
    size_t length = (size_t)snprintf(source, size, "int chain(int a) { return a");
    for (int i = 0; i < 5000; i++)
        length += (size_t)snprintf(source + length, size - length, " + a");
    length += (size_t)snprintf(source + length, size - length, "; }\nint deep(int *a) { return ");
    for (int i = 0; i < 10000; i++)
        source[length++] = '(';
    source[length++] = 'a';
    for (int i = 0; i < 10000; i++)
        source[length++] = ')';
    snprintf(source + length, size - length, " != 0; }\n");
    struct ir_unit *unit = lower(fixture, "deep.c", source, gnu11);
    free(source);
    assert_int_equal(fixture->status, 0);
    assert_true(fixture->result.error_count > 0); /* clang limits bracket nesting */
    assert_non_null(function_named(unit, "chain"));
}

static void test_address_taken_and_statics(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "address.c",
                                 "void fill(char **out);\n"
                                 "int a(void) {\n"
                                 "    static int calls = 0;\n"
                                 "    char *line = 0;\n"
                                 "    calls++;\n"
                                 "    fill(&line);\n"
                                 "    return line[0];\n"
                                 "}\n",
                                 gnu11);
    const struct ir_function *a = function_named(unit, "a");
    int line = path_named(a, "line");
    assert_true(line >= 0);
    assert_true(a->paths[line].address_taken);
    int calls = path_named(a, "calls");
    assert_int_equal(a->paths[calls].root_kind, VARIABLE_GLOBAL);
    assert_non_null(strstr(a->paths[calls].global_key, "calls"));
    const char *text = dump(fixture, a);
    assert_null(strstr(text, "calls = 0")); /* a static's initializer runs once */
    assert_non_null(strstr(text, "line = NULL"));
}

static void test_null_test_values(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "flags.c",
                                 "#include <stdbool.h>\n"
                                 "#include <stdio.h>\n"
                                 "#include <stdlib.h>\n"
                                 "int f(void) {\n"
                                 "    const char *value = getenv(\"HOME\");\n"
                                 "    bool present = value != NULL;\n"
                                 "    int missing = !value;\n"
                                 "    int again = !!value;\n"
                                 "    char *line = NULL;\n"
                                 "    size_t size = 0;\n"
                                 "    getline(&line, &size, stdin);\n"
                                 "    if (!present)\n"
                                 "        return missing + again;\n"
                                 "    return value[0] + line[0];\n"
                                 "}\n",
                                 gnu11);
    const struct ir_function *f = function_named(unit, "f");
    const char *text = dump(fixture, f);
    assert_non_null(strstr(text, "present = (value != NULL)"));
    assert_non_null(strstr(text, "missing = (value == NULL)"));
    assert_non_null(strstr(text, "again = (value != NULL)"));
    assert_non_null(strstr(text, "call getline(&line, &size, stdin)"));
    assert_non_null(strstr(text, "if present != 0"));
    int value = path_named(f, "value");
    bool typed = false;
    for (int b = 0; b < f->block_count; b++) {
        for (int i = 0; i < f->blocks[b].statement_count; i++) {
            const struct ir_statement *s = &f->blocks[b].statements[i];
            if (s->kind == STATEMENT_ASSIGN && s->target == path_named(f, "present")) {
                assert_int_equal(s->value.kind, VALUE_NULL_TEST);
                assert_int_equal(s->value.path, value);
                assert_int_equal(s->value.integer, 1);
                typed = true;
            }
        }
    }
    assert_true(typed);
}

/* Whether any branch of the function tests `text` against NULL. */
static bool tests_nonnull(const struct ir_function *function, const char *text)
{
    return path_named(function, text) >= 0 && nonnull_branch(function, text) != NULL;
}

static void test_error_recovery_unknown_field_type(void **state)
{
    struct fixture *fixture = *state;
    /* glib's guint without glib's headers: `f->ev` becomes a recovery
     * expression over `f`, which must not read as `if (f != NULL)` (a
     * check after the dereference `f->x` that is not in the code) */
    struct ir_unit *unit = lower(fixture, "recovery.c",
                                 "struct watch { guint ev; int fd; GList *list; };\n"
                                 "int events(struct watch *f) {\n"
                                 "    int fd = f->fd;\n"
                                 "    if (f->ev)\n"
                                 "        return fd;\n"
                                 "    if (f->ev == 3 || !f->ev)\n"
                                 "        return 1;\n"
                                 "    char *first = f->list->data;\n"
                                 "    if (first)\n"
                                 "        return 2;\n"
                                 "    f->ev = 4;\n"
                                 "    return 0;\n"
                                 "}\n"
                                 "int plain(struct watch *w) { return w ? w->fd : 0; }\n",
                                 gnu11);
    assert_int_equal(fixture->status, 0);
    assert_true(fixture->result.error_count >= 2); /* guint, GList: outside the functions */
    const struct ir_function *events = function_named(unit, "events");
    assert_false(tests_nonnull(events, "f"));
    assert_true(events->poisoned);
    assert_true(block_uses(events, events->entry, "f")); /* f->fd is still a use */
    for (int b = 0; b < events->block_count; b++) {
        for (int i = 0; i < events->blocks[b].statement_count; i++) {
            const struct ir_statement *s = &events->blocks[b].statements[i];
            if (s->kind == STATEMENT_ASSIGN && s->target == path_named(events, "first"))
                assert_int_equal(s->value.kind, VALUE_UNKNOWN);
            if (s->kind == STATEMENT_ASSIGN) /* `f->ev = 4` assigns nothing known */
                assert_int_not_equal(s->target, path_named(events, "f"));
        }
    }
    /* a function that uses no invalid declaration is lowered as usual */
    const struct ir_function *plain = function_named(unit, "plain");
    assert_false(plain->poisoned);
    assert_true(tests_nonnull(plain, "w"));
}

static void test_error_recovery_invalid_declarations(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "invalid.c",
                                 "static GHashTable *table;\n"
                                 "int lookup(char *key) {\n"
                                 "    if (table)\n"
                                 "        return key[0];\n"
                                 "    return 0;\n"
                                 "}\n"
                                 "int clean(char *key) { return key ? key[0] : 0; }\n",
                                 gnu11);
    assert_int_equal(fixture->status, 0);
    assert_true(fixture->result.error_count >= 1);
    const struct ir_function *lookup = function_named(unit, "lookup");
    assert_true(lookup->poisoned);
    assert_false(tests_nonnull(lookup, "table"));
    assert_false(function_named(unit, "clean")->poisoned);
}

static void test_pointer_to_local_is_an_alias(void **state)
{
    struct fixture *fixture = *state;
    struct ir_unit *unit = lower(fixture, "alias.c",
                                 "struct box { char *name; };\n"
                                 "void take(char ***where);\n"
                                 "int f(char *v) {\n"
                                 "    char *data;\n"
                                 "    char **p = &data;\n"
                                 "    *p = v;\n"
                                 "    struct box b;\n"
                                 "    struct box *pb = &b;\n"
                                 "    pb->name = v;\n"
                                 "    return data[0] + (*pb).name[0];\n"
                                 "}\n"
                                 "int g(char *v, int c) {\n"
                                 "    char *x, *y;\n"
                                 "    char **two = &x;\n"
                                 "    if (c) two = &y;\n"
                                 "    *two = v;\n"
                                 "    char **escaped = &x;\n"
                                 "    take(&escaped);\n"
                                 "    *escaped = v;\n"
                                 "    return 0;\n"
                                 "}\n",
                                 gnu11);
    const struct ir_function *f = function_named(unit, "f");
    const char *text = dump(fixture, f);
    assert_non_null(strstr(text, "use p\n"));       /* p itself is still used */
    assert_non_null(strstr(text, "data = v\n"));    /* *p = v assigns data */
    assert_non_null(strstr(text, "use pb\n"));
    assert_non_null(strstr(text, "b.name = v\n"));  /* pb->name is b.name */
    assert_int_equal(path_named(f, "*p"), -1);
    assert_int_equal(path_named(f, "pb->name"), -1);
    const struct ir_function *g = function_named(unit, "g");
    text = dump(fixture, g);
    assert_non_null(strstr(text, "*two = v\n"));    /* two targets: not an alias */
    assert_non_null(strstr(text, "*escaped = v\n")); /* its address is taken */
}

static void test_negative_case_label(void **state)
{
    struct fixture *fixture = *state;
    /* libclang visits a case label's constant as a child of itself */
    struct ir_unit *unit = lower(fixture, "labels.c",
                                 "int f(int rc) {\n"
                                 "    switch (rc) {\n"
                                 "    case -1: return 1;\n"
                                 "    case 2 + 3: return 2;\n"
                                 "    case 0: return 3;\n"
                                 "    }\n"
                                 "    return 0;\n"
                                 "}\n",
                                 gnu11);
    assert_int_equal(fixture->status, 0);
    const char *text = dump(fixture, function_named(unit, "f"));
    assert_non_null(strstr(text, "if rc == -1"));
    assert_non_null(strstr(text, "if rc == 5"));
    assert_non_null(strstr(text, "if rc == 0"));
}

static void test_boolean_statement_expression(void **state)
{
    struct fixture *fixture = *state;
    /* GLib's G_UNLIKELY: the statement expression's flag is the test */
    struct ir_unit *unit = lower(fixture, "likely.c",
                                 "#include <stdlib.h>\n"
                                 "#define BOOL_EXPR(e) __extension__ ({ int v_; if (e) v_ = 1; "
                                 "else v_ = 0; v_; })\n"
                                 "#define UNLIKELY(e) (__builtin_expect(BOOL_EXPR(e), 0))\n"
                                 "int f(void) {\n"
                                 "    char *p = malloc(4);\n"
                                 "    if (UNLIKELY(!p))\n"
                                 "        return 1;\n"
                                 "    p[0] = 0;\n"
                                 "    return 0;\n"
                                 "}\n",
                                 gnu11);
    assert_int_equal(fixture->status, 0);
    const struct ir_function *f = function_named(unit, "f");
    const struct cfg_block *branch = nonnull_branch(f, "p");
    assert_non_null(branch);
    assert_true(block_uses(f, branch->successors[0], "p"));
    assert_int_equal(f->blocks[branch->successors[1]].terminator, TERMINATOR_RETURN);
    assert_int_equal(path_named(f, "v_"), -1); /* the flag is not lowered */
}

static void test_function_address_taken(void **state)
{
    struct fixture *fixture = *state;
    /* named other than as a callee: a table entry, a callback argument */
    struct ir_unit *unit = lower(fixture, "named.c",
                                 "static int called(int x) { return x; }\n"
                                 "static int tabled(int x) { return x + 1; }\n"
                                 "static int passed(int x) { return x + 2; }\n"
                                 "int (*table[])(int) = {tabled};\n"
                                 "int apply(int (*f)(int), int x) { return f(x); }\n"
                                 "int use(void) { return called(1) + tabled(2) + apply(passed, 3); }\n",
                                 gnu11);
    assert_int_equal(fixture->status, 0);
    assert_false(function_named(unit, "called")->address_taken);
    assert_true(function_named(unit, "tabled")->address_taken);
    assert_true(function_named(unit, "passed")->address_taken);
}

static void test_enum_signedness(void **state)
{
    struct fixture *fixture = *state;
    /* an enum's type is unsigned int when no enumerator is negative */
    struct ir_unit *unit = lower(fixture, "enums.c",
                                 "enum kind { ADD, CUT };\n"
                                 "enum status { FAILED = -1, DONE };\n"
                                 "struct undo { enum kind type; enum status status; };\n"
                                 "int f(struct undo *u) {\n"
                                 "    return u->type == CUT && u->status == DONE;\n"
                                 "}\n",
                                 gnu11);
    assert_int_equal(fixture->status, 0);
    const struct ir_function *function = function_named(unit, "f");
    int type = path_named(function, "u->type");
    int status = path_named(function, "u->status");
    assert_true(type >= 0 && status >= 0);
    assert_true(function->paths[type].is_unsigned);
    assert_false(function->paths[status].is_unsigned);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_if_else_null_test, setup, teardown),
        cmocka_unit_test_setup_teardown(test_and_chain, setup, teardown),
        cmocka_unit_test_setup_teardown(test_loops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_integer_steps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_for_ever, setup, teardown),
        cmocka_unit_test_setup_teardown(test_switch_constant, setup, teardown),
        cmocka_unit_test_setup_teardown(test_goto, setup, teardown),
        cmocka_unit_test_setup_teardown(test_noreturn, setup, teardown),
        cmocka_unit_test_setup_teardown(test_assert_ndebug, setup, teardown),
        cmocka_unit_test_setup_teardown(test_assert_enabled, setup, teardown),
        cmocka_unit_test_setup_teardown(test_constant_globals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_facts_found_after_use, setup, teardown),
        cmocka_unit_test_setup_teardown(test_union_members_share_a_path, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paths_and_calls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_returns_nonnull, setup, teardown),
        cmocka_unit_test_setup_teardown(test_macro_locations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse_failure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deep_nesting, setup, teardown),
        cmocka_unit_test_setup_teardown(test_address_taken_and_statics, setup, teardown),
        cmocka_unit_test_setup_teardown(test_null_test_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_recovery_unknown_field_type, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_recovery_invalid_declarations, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_negative_case_label, setup, teardown),
        cmocka_unit_test_setup_teardown(test_enum_signedness, setup, teardown),
        cmocka_unit_test_setup_teardown(test_function_address_taken, setup, teardown),
        cmocka_unit_test_setup_teardown(test_boolean_statement_expression, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pointer_to_local_is_an_alias, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Unit tests of the analysis on hand-built IR: the lattice, joins,
 * refinement on branch edges, aliases, loops, summaries and contexts.
 * No C is parsed here: each test writes the CFG the front end would.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/analysis.h"
#include "analysis/engine.h"
#include "analysis/nullability.h"
#include "analysis/project.h"
#include "ir/ir.h"
#include "packs/packs.h"

struct fixture {
    struct arena arena;
    struct ir_unit unit;
    struct analysis_result result;
};

static struct source_location at(unsigned line)
{
    struct source_location location = {"test.c", line, 5, NULL};
    return location;
}

static int setup(void **state)
{
    static struct fixture fixtures[1];
    struct fixture *fixture = &fixtures[0];
    memset(fixture, 0, sizeof *fixture);
    arena_init(&fixture->arena);
    ir_unit_init(&fixture->unit, &fixture->arena, "test.c");
    *state = fixture;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fixture = *state;
    arena_free(&fixture->arena);
    return 0;
}

static int local(struct fixture *fixture, struct ir_function *function, const char *name,
                 bool pointer)
{
    int path = ir_path(&fixture->unit, function, -1, PATH_VARIABLE, name, VARIABLE_LOCAL);
    function->paths[path].is_pointer = pointer;
    return path;
}

static int global(struct fixture *fixture, struct ir_function *function, const char *name,
                  bool pointer)
{
    int path = ir_path(&fixture->unit, function, -1, PATH_VARIABLE, name, VARIABLE_GLOBAL);
    function->paths[path].is_pointer = pointer;
    function->paths[path].global_key = name;
    return path;
}

static int parameter(struct fixture *fixture, struct ir_function *function, const char *name)
{
    int path = ir_path(&fixture->unit, function, -1, PATH_VARIABLE, name, VARIABLE_PARAMETER);
    function->paths[path].is_pointer = true;
    function->paths[path].parameter_index = function->parameter_count;
    int *paths = arena_grow(&fixture->arena, function->parameter_paths,
                            (size_t)function->parameter_count,
                            (size_t)function->parameter_count + 1, sizeof *paths);
    paths[function->parameter_count++] = path;
    function->parameter_paths = paths;
    return path;
}

static void call(struct fixture *fixture, struct ir_function *function, int block,
                 unsigned line, const char *callee, int target, int callee_index,
                 int argument_count, ...)
{
    struct ir_statement *statement =
        ir_append(&fixture->unit, function, block, STATEMENT_CALL, at(line));
    statement->call.callee = callee;
    statement->call.target = target;
    statement->call.function_index = callee_index;
    statement->call.returns_pointer = target >= 0;
    statement->call.argument_count = argument_count;
    statement->call.arguments =
        arena_alloc(&fixture->arena, sizeof(struct ir_value) * (size_t)(argument_count + 1));
    va_list arguments;
    va_start(arguments, argument_count);
    for (int i = 0; i < argument_count; i++)
        statement->call.arguments[i] = va_arg(arguments, struct ir_value);
    va_end(arguments);
}

static void assign(struct fixture *fixture, struct ir_function *function, int block,
                   unsigned line, int target, struct ir_value value)
{
    struct ir_statement *statement =
        ir_append(&fixture->unit, function, block, STATEMENT_ASSIGN, at(line));
    statement->target = target;
    statement->value = value;
}

static void use(struct fixture *fixture, struct ir_function *function, int block,
                unsigned line, int path)
{
    struct ir_statement *statement =
        ir_append(&fixture->unit, function, block, STATEMENT_USE, at(line));
    statement->target = path;
    statement->use = USE_INDEX;
}

static struct ir_value path_value(int path)
{
    struct ir_value value = {VALUE_PATH, path, 0};
    return value;
}

static struct ir_value constant(enum value_kind kind, long long integer)
{
    struct ir_value value = {kind, -1, integer};
    return value;
}

static void go(struct ir_function *function, int from, int to)
{
    function->blocks[from].terminator = TERMINATOR_GOTO;
    function->blocks[from].successors[0] = to;
}

static void branch(struct ir_function *function, int from, enum condition_kind kind, int path,
                   long long integer, int then_block, int else_block, unsigned line)
{
    struct cfg_block *block = &function->blocks[from];
    block->terminator = TERMINATOR_BRANCH;
    block->condition.kind = kind;
    block->condition.path = path;
    block->condition.integer = integer;
    block->condition.location = at(line);
    block->successors[0] = then_block;
    block->successors[1] = else_block;
}

static void run(struct fixture *fixture)
{
    struct pack_set rules;
    char *error = NULL;
    assert_int_equal(packs_builtin(&rules, &error), 0);
    struct analysis_options options = {&rules, true, NULL};
    analysis_run(&fixture->unit, &options, &fixture->arena, &fixture->result);
    packs_free(&rules);
}

/* Number of unsafe-use events, and the line of the first. */
static int unsafe_uses(const struct fixture *fixture, unsigned *line)
{
    int count = 0;
    for (int i = 0; i < fixture->result.event_count; i++) {
        const struct analysis_event *event = &fixture->result.events[i];
        if (event->kind != EVENT_UNSAFE_USE)
            continue;
        if (count++ == 0 && line)
            *line = event->location.line;
    }
    return count;
}

static void test_join_table(void **state)
{
    (void)state;
    assert_int_equal(nullability_join(NULLABILITY_BOTTOM, NULLABILITY_NULL), NULLABILITY_NULL);
    assert_int_equal(nullability_join(NULLABILITY_NONNULL, NULLABILITY_NULL), NULLABILITY_MAYBE);
    assert_int_equal(nullability_join(NULLABILITY_NONNULL, NULLABILITY_UNKNOWN),
                     NULLABILITY_UNKNOWN);
    assert_int_equal(nullability_join(NULLABILITY_NULL, NULLABILITY_UNKNOWN), NULLABILITY_MAYBE);
    assert_int_equal(nullability_join(NULLABILITY_MAYBE, NULLABILITY_NONNULL), NULLABILITY_MAYBE);
    assert_int_equal(nullability_join(NULLABILITY_NONNULL, NULLABILITY_NONNULL),
                     NULLABILITY_NONNULL);
    /* Commutative over all pairs. */
    for (int a = NULLABILITY_BOTTOM; a <= NULLABILITY_MAYBE; a++)
        for (int b = NULLABILITY_BOTTOM; b <= NULLABILITY_MAYBE; b++)
            assert_int_equal(nullability_join(a, b), nullability_join(b, a));
}

static void test_origin_choice_is_earliest(void **state)
{
    (void)state;
    struct null_origin early, late;
    memset(&early, 0, sizeof early);
    memset(&late, 0, sizeof late);
    early.kind = ORIGIN_ALLOC;
    early.how = HOW_PACK_RESULT;
    early.location = at(3);
    early.callee = "malloc";
    early.path_text = "p";
    late.kind = ORIGIN_NULL_CONSTANT;
    late.how = HOW_ASSIGNED;
    late.location = at(9);
    late.path_text = "p";
    assert_ptr_equal(origin_choose(&late, &early), &early);
    assert_ptr_equal(origin_choose(&early, &late), &early);
    assert_ptr_equal(origin_choose(NULL, &late), &late);
}

static void test_flow_state_join(void **state)
{
    struct fixture *fixture = *state;
    struct flow_state a, b;
    flow_state_init(&a, 2, &fixture->arena);
    flow_state_init(&b, 2, &fixture->arena);
    assert_false(flow_state_join(&a, &b)); /* unreachable into unreachable */
    b.reachable = true;
    b.paths[0].nullability = NULLABILITY_NULL;
    integer_set(&b.paths[1], 4);
    assert_true(flow_state_join(&a, &b));
    assert_int_equal(a.paths[0].nullability, NULLABILITY_NULL);
    b.paths[0].nullability = NULLABILITY_NONNULL;
    integer_set(&b.paths[1], 6);
    assert_true(flow_state_join(&a, &b));
    assert_int_equal(a.paths[0].nullability, NULLABILITY_MAYBE);
    long long value;
    assert_false(integer_known(&a.paths[1], &value));
    assert_true(integer_may_be(&a.paths[1], 5)); /* the hull [4, 6] */
    assert_false(integer_may_be(&a.paths[1], 7));
    assert_false(flow_state_join(&a, &b)); /* fixed point */
}

/* Intervals narrow, exclude and say when nothing is left. */
static void test_integer_intervals(void **state)
{
    (void)state;
    struct path_state value = path_state_unknown();
    assert_true(integer_may_be(&value, -3));
    integer_exclude(&value, 0);
    assert_true(integer_nonzero(&value));
    assert_true(integer_narrow(&value, 0, 10)); /* [1, 10]: 0 moved the bound */
    assert_false(integer_may_be(&value, 0));
    assert_true(integer_may_be(&value, 1));
    integer_exclude(&value, 10);
    assert_false(integer_may_be(&value, 10));
    assert_false(integer_narrow(&value, 11, 20)); /* empty */
    integer_set(&value, 2);
    long long known;
    assert_true(integer_known(&value, &known));
    assert_int_equal(known, 2);
    /* an if-else chain over tags: several values excluded, a join keeps
     * those both sides exclude, and a bound moves over excluded values */
    struct path_state tag = path_state_unknown(), other = path_state_unknown();
    integer_exclude(&tag, 2);
    integer_exclude(&tag, 10);
    integer_exclude(&tag, 17);
    assert_false(integer_may_be(&tag, 2));
    assert_false(integer_may_be(&tag, 10));
    assert_false(integer_may_be(&tag, 17));
    assert_true(integer_may_be(&tag, 3));
    integer_exclude(&other, 17);
    integer_exclude(&other, 10);
    struct path_state joined = tag;
    struct flow_state into = {true, 1, &joined}, from = {true, 1, &other};
    assert_true(flow_state_join(&into, &from));
    assert_true(integer_may_be(&joined, 2));
    assert_false(integer_may_be(&joined, 10));
    assert_false(integer_may_be(&joined, 17));
    assert_false(flow_state_join(&into, &from)); /* one form whatever the order */
    assert_true(integer_narrow(&tag, 10, 20));  /* 10 excluded: [11, 20] */
    assert_false(integer_may_be(&tag, 10));
    assert_true(integer_may_be(&tag, 11));
    assert_false(integer_narrow(&tag, 17, 17)); /* nothing left */
    assert_int_equal(integer_add(LLONG_MAX, -5), LLONG_MAX); /* no bound stays no bound */
    assert_int_equal(integer_add(LLONG_MAX - 1, 5), LLONG_MAX);
}

/* p = malloc(8); p[0] = 0; */
static void test_unchecked_malloc(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int p = local(fixture, function, "p", true);
    int entry = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    call(fixture, function, entry, 1, "malloc", p, -1, 1, constant(VALUE_INTEGER, 8));
    use(fixture, function, entry, 2, p);
    use(fixture, function, entry, 3, p); /* only the first use is reported */
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 2);
    assert_int_equal(fixture->result.events[0].origin->kind, ORIGIN_ALLOC);
    assert_false(fixture->result.events[0].definitely_null);
}

/* p = Curl_cmalloc(8) through a pointer named like malloc, q = debug_alloc(8)
 * spelt malloc(8): both follow malloc's entry. r = checked_alloc(8) spelt
 * malloc(8) but declared returns_nonnull, t = (*fp)(8) with no contract:
 * no event. */
static void test_call_contracts(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int entry = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    const char *names[] = {"p", "q", "r", "t"};
    int paths[4];
    for (int i = 0; i < 4; i++)
        paths[i] = local(fixture, function, names[i], true);
    call(fixture, function, entry, 1, NULL, paths[0], -1, 1, constant(VALUE_INTEGER, 8));
    struct ir_call *hook = &function->blocks[entry].statements[0].call;
    hook->contract = "malloc";
    hook->contract_how = CONTRACT_HOOK;
    hook->hook = "Curl_cmalloc";
    call(fixture, function, entry, 2, "debug_alloc", paths[1], -1, 1, constant(VALUE_INTEGER, 8));
    struct ir_call *spelled = &function->blocks[entry].statements[1].call;
    spelled->contract = "malloc";
    spelled->contract_how = CONTRACT_SPELLED;
    call(fixture, function, entry, 3, "checked_alloc", paths[2], -1, 1,
         constant(VALUE_INTEGER, 8));
    struct ir_call *nonnull = &function->blocks[entry].statements[2].call;
    nonnull->contract = "malloc";
    nonnull->contract_how = CONTRACT_SPELLED;
    nonnull->facts = CALL_RETURNS_NONNULL;
    call(fixture, function, entry, 4, NULL, paths[3], -1, 1, constant(VALUE_INTEGER, 8));
    for (int i = 0; i < 4; i++)
        use(fixture, function, entry, 10 + (unsigned)i, paths[i]);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 2);
    assert_int_equal(line, 10);
    assert_int_equal(fixture->result.events[0].origin->kind, ORIGIN_ALLOC);
    assert_int_equal(fixture->result.events[0].origin->how, HOW_HOOK_RESULT);
    assert_string_equal(fixture->result.events[0].origin->callee, "Curl_cmalloc");
    assert_int_equal(fixture->result.events[1].location.line, 11);
    assert_int_equal(fixture->result.events[1].origin->how, HOW_PACK_RESULT);
}

/* last = NULL; for (cursor = list; cursor; cursor = cursor->next) last =
 * cursor; list[0]: the loop's exit says the walk ended, not that `list` is
 * NULL. (`last`, NULL before the loop only, keeps the first iteration's
 * state apart, with cursor still an alias of list.) The same test in an if
 * (no back edge) is a witness for both. */
static void build_walk(struct fixture *fixture, bool loop)
{
    struct ir_function *function = ir_add_function(&fixture->unit, loop ? "walk" : "test");
    int list = parameter(fixture, function, "list");
    int cursor = local(fixture, function, "cursor", true);
    int last = local(fixture, function, "last", true);
    int next = ir_path(&fixture->unit, function, cursor, PATH_ARROW, "next", VARIABLE_LOCAL);
    function->paths[next].is_pointer = true;
    int entry = ir_add_block(&fixture->unit, function);
    int test = ir_add_block(&fixture->unit, function);
    int body = ir_add_block(&fixture->unit, function);
    int after = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    assign(fixture, function, entry, 1, last, constant(VALUE_NULL, 0));
    assign(fixture, function, entry, 1, cursor, path_value(list));
    go(function, entry, test);
    branch(function, test, CONDITION_NONNULL, cursor, 0, body, after, 2);
    assign(fixture, function, body, 3, last, path_value(cursor));
    assign(fixture, function, body, 3, cursor, path_value(next));
    go(function, body, loop ? test : after);
    use(fixture, function, after, 4, list);
    function->blocks[after].terminator = TERMINATOR_RETURN;
}

static void test_loop_cursor_exit(void **state)
{
    struct fixture *fixture = *state;
    build_walk(fixture, true);
    run(fixture);
    assert_int_equal(unsafe_uses(fixture, NULL), 0);
}

static void test_cursor_test_outside_loop(void **state)
{
    struct fixture *fixture = *state;
    build_walk(fixture, false);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 4);
}

/* if (!a != !b) return; if (a) use(b): b is non-NULL where a is (twins);
 * and with `if (!a) use(b)`, b is NULL there. */
static void build_twins(struct fixture *fixture, bool a_nonnull)
{
    struct ir_function *function = ir_add_function(&fixture->unit, "twins");
    int a = parameter(fixture, function, "a");
    int b = parameter(fixture, function, "b");
    int entry = ir_add_block(&fixture->unit, function);
    int differ = ir_add_block(&fixture->unit, function);
    int test = ir_add_block(&fixture->unit, function);
    int then = ir_add_block(&fixture->unit, function);
    int done = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    branch(function, entry, CONDITION_SAME_NULLNESS, a, 0, test, differ, 1);
    function->blocks[entry].condition.other = b;
    function->blocks[differ].terminator = TERMINATOR_RETURN;
    branch(function, test, CONDITION_NONNULL, a, 0, a_nonnull ? then : done,
           a_nonnull ? done : then, 2);
    use(fixture, function, then, 3, b);
    go(function, then, done);
    function->blocks[done].terminator = TERMINATOR_RETURN;
}

static void test_same_nullness_nonnull(void **state)
{
    struct fixture *fixture = *state;
    build_twins(fixture, true);
    run(fixture);
    assert_int_equal(unsafe_uses(fixture, NULL), 0);
}

static void test_same_nullness_null(void **state)
{
    struct fixture *fixture = *state;
    build_twins(fixture, false);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 3);
}

/* p = malloc(8); if (!p) return; p[0] = 0; and the alias q = p; if (q) */
static void test_checked_and_alias(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int p = local(fixture, function, "p", true);
    int q = local(fixture, function, "q", true);
    int entry = ir_add_block(&fixture->unit, function);
    int safe = ir_add_block(&fixture->unit, function);
    int out = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    call(fixture, function, entry, 1, "malloc", p, -1, 1, constant(VALUE_INTEGER, 8));
    assign(fixture, function, entry, 2, q, path_value(p));
    branch(function, entry, CONDITION_NONNULL, q, 0, safe, out, 3);
    use(fixture, function, safe, 4, p);
    run(fixture);
    assert_int_equal(unsafe_uses(fixture, NULL), 0);
}

/* if (p == NULL) { log(); } p->x = 1;  with p a parameter */
static void test_use_after_failed_check(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int p = parameter(fixture, function, "p");
    int entry = ir_add_block(&fixture->unit, function);
    int logged = ir_add_block(&fixture->unit, function);
    int after = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    branch(function, entry, CONDITION_NONNULL, p, 0, after, logged, 1);
    call(fixture, function, logged, 2, "puts", -1, -1, 1, constant(VALUE_NONNULL, 0));
    go(function, logged, after);
    use(fixture, function, after, 3, p);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 3);
    assert_int_equal(fixture->result.events[0].origin->kind, ORIGIN_NULL_CHECK);
}

/* p = NULL; *p;  then a dead branch: if (p) *p  is never reported */
static void test_definitely_null_and_dead_edge(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int p = local(fixture, function, "p", true);
    int entry = ir_add_block(&fixture->unit, function);
    int then_block = ir_add_block(&fixture->unit, function);
    int out = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    assign(fixture, function, entry, 1, p, constant(VALUE_NULL, 0));
    branch(function, entry, CONDITION_NONNULL, p, 0, then_block, out, 2);
    use(fixture, function, then_block, 3, p); /* unreachable: p is NULL */
    go(function, then_block, out);
    use(fixture, function, out, 4, p);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 4);
    assert_true(fixture->result.events[0].definitely_null);
}

/* p->x; if (p) ...  with p a parameter */
static void test_check_after_deref(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int p = parameter(fixture, function, "p");
    int entry = ir_add_block(&fixture->unit, function);
    int then_block = ir_add_block(&fixture->unit, function);
    int out = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    use(fixture, function, entry, 1, p);
    branch(function, entry, CONDITION_NONNULL, p, 0, then_block, out, 2);
    go(function, then_block, out);
    run(fixture);
    assert_int_equal(fixture->result.event_count, 1);
    assert_int_equal(fixture->result.events[0].kind, EVENT_CHECK_AFTER_DEREF);
    assert_int_equal(fixture->result.events[0].location.line, 2);
    assert_int_equal(fixture->result.events[0].dereference.line, 1);
}

/* while (p) { p[0]; p = next(p); }  : terminates, nothing reported */
static void test_loop_reaches_fixed_point(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int p = parameter(fixture, function, "p");
    int entry = ir_add_block(&fixture->unit, function);
    int header = ir_add_block(&fixture->unit, function);
    int body = ir_add_block(&fixture->unit, function);
    int out = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    go(function, entry, header);
    branch(function, header, CONDITION_NONNULL, p, 0, body, out, 1);
    use(fixture, function, body, 2, p);
    call(fixture, function, body, 3, "next", p, -1, 1, path_value(p));
    go(function, body, header);
    run(fixture);
    assert_int_equal(fixture->result.event_count, 0);
}

/* flag = 1; if (flag == 1) ok; else { p = NULL; *p }  : dead branch */
static void test_integer_constant_prunes(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int flag = local(fixture, function, "flag", false);
    int p = local(fixture, function, "p", true);
    int entry = ir_add_block(&fixture->unit, function);
    int dead = ir_add_block(&fixture->unit, function);
    int out = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    assign(fixture, function, entry, 1, flag, constant(VALUE_INTEGER, 1));
    branch(function, entry, CONDITION_INTEGER_EQUALS, flag, 1, out, dead, 2);
    assign(fixture, function, dead, 3, p, constant(VALUE_NULL, 0));
    use(fixture, function, dead, 4, p);
    go(function, dead, out);
    run(fixture);
    assert_int_equal(fixture->result.event_count, 0);
}

static void adjust(struct fixture *fixture, struct ir_function *function, int block,
                   unsigned line, int target, enum arithmetic_op op, long long k)
{
    struct ir_statement *statement =
        ir_append(&fixture->unit, function, block, STATEMENT_ADJUST, at(line));
    statement->target = target;
    statement->value = constant(VALUE_INTEGER, k);
    statement->arithmetic = op;
}

/* p = NULL; if (len < 2) return; half = len; half >>= 1;
 * if (half < 1) *p;  : half >= 1, the use is dead */
static void test_adjust_moves_range(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int len = local(fixture, function, "len", false);
    int half = local(fixture, function, "half", false);
    int p = local(fixture, function, "p", true);
    int entry = ir_add_block(&fixture->unit, function);
    int copy = ir_add_block(&fixture->unit, function);
    int dead = ir_add_block(&fixture->unit, function);
    int out = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    assign(fixture, function, entry, 1, p, constant(VALUE_NULL, 0));
    branch(function, entry, CONDITION_LESS, len, 2, out, copy, 2);
    function->blocks[entry].condition.other = -1;
    assign(fixture, function, copy, 3, half, path_value(len));
    adjust(fixture, function, copy, 3, half, ARITHMETIC_SHIFT_RIGHT, 1);
    branch(function, copy, CONDITION_LESS, half, 1, dead, out, 4);
    function->blocks[copy].condition.other = -1;
    use(fixture, function, dead, 5, p);
    go(function, dead, out);
    run(fixture);
    assert_int_equal(unsafe_uses(fixture, NULL), 0);
}

/* p = NULL; i = 0; while (i < 100000) i++; *p;  : the counter's range
 * widens at the loop's head, so the exit is reached (and the use with it)
 * without a visit per value */
static void test_stepped_counter_widens(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int i = local(fixture, function, "i", false);
    int p = local(fixture, function, "p", true);
    int entry = ir_add_block(&fixture->unit, function);
    int header = ir_add_block(&fixture->unit, function);
    int body = ir_add_block(&fixture->unit, function);
    int out = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    assign(fixture, function, entry, 1, p, constant(VALUE_NULL, 0));
    assign(fixture, function, entry, 2, i, constant(VALUE_INTEGER, 0));
    go(function, entry, header);
    branch(function, header, CONDITION_LESS, i, 100000, body, out, 3);
    function->blocks[header].condition.other = -1;
    adjust(fixture, function, body, 4, i, ARITHMETIC_STEP, 1);
    go(function, body, header);
    use(fixture, function, out, 5, p);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 5);
}

/* if (!p) exit(1); p[0]; */
static void test_noreturn_call(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int p = local(fixture, function, "p", true);
    int entry = ir_add_block(&fixture->unit, function);
    int fail = ir_add_block(&fixture->unit, function);
    int ok = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    call(fixture, function, entry, 1, "getenv", p, -1, 1, constant(VALUE_NONNULL, 0));
    branch(function, entry, CONDITION_NONNULL, p, 0, ok, fail, 2);
    call(fixture, function, fail, 3, "exit", -1, -1, 1, constant(VALUE_INTEGER, 1));
    go(function, fail, ok);
    use(fixture, function, ok, 4, p);
    run(fixture);
    assert_int_equal(fixture->result.event_count, 0);
}

/* find() returns NULL on one path; caller: q = find(); q[0]  */
static void test_summary_nullable_return(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *find = ir_add_function(&fixture->unit, "user_find");
    find->returns_pointer = true;
    int key = parameter(fixture, find, "key");
    int entry = ir_add_block(&fixture->unit, find);
    int missing = ir_add_block(&fixture->unit, find);
    int found = ir_add_block(&fixture->unit, find);
    find->entry = entry;
    branch(find, entry, CONDITION_UNKNOWN, -1, 0, found, missing, 2);
    find->blocks[missing].has_return_value = true;
    find->blocks[missing].returned = constant(VALUE_NULL, 0);
    find->blocks[missing].return_location = at(3);
    find->blocks[found].has_return_value = true;
    find->blocks[found].returned = path_value(key);

    struct ir_function *caller = ir_add_function(&fixture->unit, "caller");
    int q = local(fixture, caller, "q", true);
    int start = ir_add_block(&fixture->unit, caller);
    caller->entry = start;
    call(fixture, caller, start, 10, "user_find", q, 0, 1, constant(VALUE_NONNULL, 0));
    use(fixture, caller, start, 11, q);
    run(fixture);
    assert_int_equal(fixture->result.event_count, 1);
    const struct analysis_event *event = &fixture->result.events[0];
    assert_int_equal(event->location.line, 11);
    assert_int_equal(event->origin->kind, ORIGIN_LOOKUP);
    assert_true(event->origin->has_definition);
    assert_int_equal(event->origin->definition.line, 3);
}

/* ignore(c) { if (c->session == NULL) return 1; return 0; } (or, when
 * `validates` is false, returns 0 on both sides); caller:
 * if (c->session) ...; if (ignore(c)) return; c->session[0] */
static void build_member_validator(struct fixture *fixture, bool validates)
{
    struct ir_function *ignore = ir_add_function(&fixture->unit, "ignore");
    ignore->return_kind = RETURN_INTEGER;
    int c = parameter(fixture, ignore, "c");
    int session = ir_path(&fixture->unit, ignore, c, PATH_ARROW, "session", VARIABLE_PARAMETER);
    ignore->paths[session].is_pointer = true;
    int entry = ir_add_block(&fixture->unit, ignore);
    int missing = ir_add_block(&fixture->unit, ignore);
    int present = ir_add_block(&fixture->unit, ignore);
    ignore->entry = entry;
    branch(ignore, entry, CONDITION_NONNULL, session, 0, present, missing, 2);
    ignore->blocks[missing].has_return_value = true;
    ignore->blocks[missing].returned = constant(VALUE_INTEGER, validates ? 1 : 0);
    ignore->blocks[present].has_return_value = true;
    ignore->blocks[present].returned = constant(VALUE_INTEGER, 0);

    struct ir_function *caller = ir_add_function(&fixture->unit, "caller");
    int client = parameter(fixture, caller, "c");
    int member = ir_path(&fixture->unit, caller, client, PATH_ARROW, "session", VARIABLE_PARAMETER);
    caller->paths[member].is_pointer = true;
    /* the call's own temporary: a test of a local would make a guarded region */
    int r = ir_path(&fixture->unit, caller, -1, PATH_VARIABLE, "ignore()", VARIABLE_TEMPORARY);
    int start = ir_add_block(&fixture->unit, caller);
    int counted = ir_add_block(&fixture->unit, caller);
    int checked = ir_add_block(&fixture->unit, caller);
    int uses = ir_add_block(&fixture->unit, caller);
    int out = ir_add_block(&fixture->unit, caller);
    caller->entry = start;
    branch(caller, start, CONDITION_NONNULL, member, 0, counted, checked, 10);
    go(caller, counted, checked);
    call(fixture, caller, checked, 11, "ignore", r, 0, 1, path_value(client));
    caller->blocks[checked].statements[0].call.returns_pointer = false;
    branch(caller, checked, CONDITION_NONZERO, r, 0, out, uses, 11);
    use(fixture, caller, uses, 12, member);
    go(caller, uses, out);
}

static void test_member_validator(void **state)
{
    struct fixture *fixture = *state;
    build_member_validator(fixture, true);
    run(fixture);
    assert_int_equal(unsafe_uses(fixture, NULL), 0);
}

static void test_member_not_validated(void **state)
{
    struct fixture *fixture = *state;
    build_member_validator(fixture, false);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 12);
}

/* sink(d) { if (verbose) d[0]; }  caller: verbose = V; sink(malloc()) */
static void build_flag_case(struct fixture *fixture, long long flag_value)
{
    struct ir_function *sink = ir_add_function(&fixture->unit, "sink");
    int d = parameter(fixture, sink, "d");
    int verbose = global(fixture, sink, "verbose", false);
    int entry = ir_add_block(&fixture->unit, sink);
    int uses = ir_add_block(&fixture->unit, sink);
    int out = ir_add_block(&fixture->unit, sink);
    sink->entry = entry;
    branch(sink, entry, CONDITION_NONZERO, verbose, 0, uses, out, 2);
    use(fixture, sink, uses, 3, d);
    go(sink, uses, out);

    struct ir_function *caller = ir_add_function(&fixture->unit, "caller");
    int p = local(fixture, caller, "p", true);
    int flag = global(fixture, caller, "verbose", false);
    int start = ir_add_block(&fixture->unit, caller);
    caller->entry = start;
    call(fixture, caller, start, 10, "malloc", p, -1, 1, constant(VALUE_INTEGER, 8));
    assign(fixture, caller, start, 11, flag, constant(VALUE_INTEGER, flag_value));
    call(fixture, caller, start, 12, "sink", -1, 0, 1, path_value(p));
}

static void test_context_flag_set(void **state)
{
    struct fixture *fixture = *state;
    build_flag_case(fixture, 1);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 12);
    assert_int_equal(fixture->result.events[0].sink, SINK_ARGUMENT);
    assert_int_equal(fixture->result.events[0].dereference.line, 3);
}

static void test_context_flag_clear(void **state)
{
    struct fixture *fixture = *state;
    build_flag_case(fixture, 0);
    run(fixture);
    assert_int_equal(fixture->result.event_count, 0);
}

/* Recursion: walk(n) { if (!n) return NULL; return walk(n->next); }
 * terminates, and the NULL reaches a caller through the cycle: the bottom
 * of a recursive search, since the call to itself may pass NULL. */
static void test_recursion_terminates(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "walk");
    function->returns_pointer = true;
    int n = parameter(fixture, function, "n");
    int next = ir_path(&fixture->unit, function, n, PATH_ARROW, "next", VARIABLE_PARAMETER);
    function->paths[next].is_pointer = true;
    int r = local(fixture, function, "r", true);
    int entry = ir_add_block(&fixture->unit, function);
    int base = ir_add_block(&fixture->unit, function);
    int step = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    branch(function, entry, CONDITION_NONNULL, n, 0, step, base, 1);
    function->blocks[base].has_return_value = true;
    function->blocks[base].returned = constant(VALUE_NULL, 0);
    function->blocks[base].return_location = at(2);
    call(fixture, function, step, 3, "walk", r, 0, 1, path_value(next));
    function->blocks[step].has_return_value = true;
    function->blocks[step].returned = path_value(r);
    function->blocks[step].return_location = at(4);

    struct ir_function *caller = ir_add_function(&fixture->unit, "caller");
    int q = local(fixture, caller, "q", true);
    int start = ir_add_block(&fixture->unit, caller);
    caller->entry = start;
    call(fixture, caller, start, 10, "walk", q, 0, 1, constant(VALUE_NONNULL, 0));
    use(fixture, caller, start, 11, q);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 11);
}

/* find(t, d) { if (?) return t; if (!d) return NULL; return t; }: NULL only
 * for a NULL d, but a NULL d may still find: the result is maybe NULL for
 * find(t, NULL), not NULL, and set for find(t, "x"). */
static void test_null_only_for_null_argument(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "find");
    function->returns_pointer = true;
    int t = parameter(fixture, function, "t");
    int d = parameter(fixture, function, "d");
    int entry = ir_add_block(&fixture->unit, function);
    int found = ir_add_block(&fixture->unit, function);
    int missing = ir_add_block(&fixture->unit, function);
    int none = ir_add_block(&fixture->unit, function);
    int insert = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    branch(function, entry, CONDITION_UNKNOWN, -1, 0, found, missing, 1);
    function->blocks[found].has_return_value = true;
    function->blocks[found].returned = path_value(t);
    function->blocks[found].return_location = at(2);
    branch(function, missing, CONDITION_NONNULL, d, 0, insert, none, 3);
    function->blocks[none].has_return_value = true;
    function->blocks[none].returned = constant(VALUE_NULL, 0);
    function->blocks[none].return_location = at(4);
    function->blocks[insert].has_return_value = true;
    function->blocks[insert].returned = path_value(t);
    function->blocks[insert].return_location = at(5);

    struct ir_function *caller = ir_add_function(&fixture->unit, "caller");
    int q = local(fixture, caller, "q", true);
    int r = local(fixture, caller, "r", true);
    int start = ir_add_block(&fixture->unit, caller);
    caller->entry = start;
    call(fixture, caller, start, 10, "find", q, 0, 2, constant(VALUE_NONNULL, 0),
         constant(VALUE_NULL, 0));
    use(fixture, caller, start, 11, q);
    call(fixture, caller, start, 12, "find", r, 0, 2, constant(VALUE_NONNULL, 0),
         constant(VALUE_NONNULL, 0));
    use(fixture, caller, start, 13, r);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 11);
    assert_false(fixture->result.events[0].definitely_null);
}

/* Globals are forgotten across a call that may write them. */
static void test_global_invalidated_by_unknown_call(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int g = global(fixture, function, "cache", true);
    int entry = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    call(fixture, function, entry, 1, "malloc", g, -1, 1, constant(VALUE_INTEGER, 8));
    call(fixture, function, entry, 2, "refill_cache", -1, -1, 0);
    use(fixture, function, entry, 3, g);
    run(fixture);
    assert_int_equal(fixture->result.event_count, 0);
}


/* cached() { if (!cache) cache = getenv("X"); [hits = 1;] return cache; }
 * caller: if (cached()) { [reset();] cached()[0]; } */
static void build_cache_case(struct fixture *fixture, bool reset_between, bool writes_on_hit)
{
    struct ir_function *cached = ir_add_function(&fixture->unit, "cached");
    cached->returns_pointer = true;
    int cache = global(fixture, cached, "cache", true);
    int hits = global(fixture, cached, "hits", false);
    int entry = ir_add_block(&fixture->unit, cached);
    int fill = ir_add_block(&fixture->unit, cached);
    int done = ir_add_block(&fixture->unit, cached);
    cached->entry = entry;
    branch(cached, entry, CONDITION_NONNULL, cache, 0, done, fill, 2);
    call(fixture, cached, fill, 3, "getenv", cache, -1, 1, constant(VALUE_NONNULL, 0));
    go(cached, fill, done);
    if (writes_on_hit)
        assign(fixture, cached, done, 4, hits, constant(VALUE_INTEGER, 1));
    cached->blocks[done].has_return_value = true;
    cached->blocks[done].returned = path_value(cache);
    cached->blocks[done].return_location = at(5);

    struct ir_function *caller = ir_add_function(&fixture->unit, "caller");
    int first = local(fixture, caller, "first", true);
    int second = local(fixture, caller, "second", true);
    int start = ir_add_block(&fixture->unit, caller);
    int body = ir_add_block(&fixture->unit, caller);
    int out = ir_add_block(&fixture->unit, caller);
    caller->entry = start;
    call(fixture, caller, start, 10, "cached", first, 0, 0);
    branch(caller, start, CONDITION_NONNULL, first, 0, body, out, 10);
    if (reset_between)
        call(fixture, caller, body, 11, "reset", -1, -1, 0);
    call(fixture, caller, body, 12, "cached", second, 0, 0);
    use(fixture, caller, body, 12, second);
    go(caller, body, out);
    run(fixture);
}

static void test_cached_result_called_again(void **state)
{
    struct fixture *fixture = *state;
    build_cache_case(fixture, false, false);
    assert_int_equal(unsafe_uses(fixture, NULL), 0);
}

static void test_cache_reset_between_calls(void **state)
{
    struct fixture *fixture = *state;
    build_cache_case(fixture, true, false);
    assert_int_equal(unsafe_uses(fixture, NULL), 1);
}

static void test_cache_hit_that_writes(void **state)
{
    struct fixture *fixture = *state;
    build_cache_case(fixture, false, true);
    assert_int_equal(unsafe_uses(fixture, NULL), 1);
}

/* Four independent pointers z1..z4, each NULL or set by its own test,
 * make sixteen states where the fixed point keeps eight; then
 *   if (q) p = NULL; else p = &x;  if (q) [use p when flagged] else use p;
 * with p set exactly when q is NULL. Joined, p and q lose their relation;
 * followed one path at a time, p is NULL only where q is set. */
static void build_correlated_overflow(struct fixture *fixture, bool use_where_null)
{
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int q = parameter(fixture, function, "q");
    int p = local(fixture, function, "p", true);
    int entry = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    int at = entry;
    int z[4];
    for (int k = 0; k < 4; k++) {
        char name[8];
        snprintf(name, sizeof name, "a%d", k);
        int a = parameter(fixture, function, arena_strdup(&fixture->arena, name));
        snprintf(name, sizeof name, "z%d", k);
        z[k] = local(fixture, function, arena_strdup(&fixture->arena, name), true);
        int set = ir_add_block(&fixture->unit, function);
        int clear = ir_add_block(&fixture->unit, function);
        int join = ir_add_block(&fixture->unit, function);
        branch(function, at, CONDITION_NONNULL, a, 0, clear, set, 1);
        assign(fixture, function, set, 1, z[k], constant(VALUE_NONNULL, 0));
        go(function, set, join);
        assign(fixture, function, clear, 1, z[k], constant(VALUE_NULL, 0));
        go(function, clear, join);
        at = join;
    }
    int null_side = ir_add_block(&fixture->unit, function);
    int set_side = ir_add_block(&fixture->unit, function);
    int test = ir_add_block(&fixture->unit, function);
    branch(function, at, CONDITION_NONNULL, q, 0, null_side, set_side, 2);
    assign(fixture, function, null_side, 3, p, constant(VALUE_NULL, 0));
    go(function, null_side, test);
    assign(fixture, function, set_side, 4, p, constant(VALUE_NONNULL, 0));
    go(function, set_side, test);
    int q_set = ir_add_block(&fixture->unit, function);
    int q_null = ir_add_block(&fixture->unit, function);
    int out = ir_add_block(&fixture->unit, function);
    branch(function, test, CONDITION_NONNULL, q, 0, q_set, q_null, 5);
    if (use_where_null)
        use(fixture, function, q_set, 6, p);
    go(function, q_set, out);
    use(fixture, function, q_null, 7, p);
    go(function, q_null, out);
    for (int k = 0; k < 4; k++) {
        int tested = ir_add_block(&fixture->unit, function);
        int next = ir_add_block(&fixture->unit, function);
        branch(function, out, CONDITION_NONNULL, z[k], 0, tested, next, 8);
        go(function, tested, next);
        out = next;
    }
}

static void test_witness_refutes_joined_states(void **state)
{
    struct fixture *fixture = *state;
    build_correlated_overflow(fixture, false);
    run(fixture);
    assert_int_equal(unsafe_uses(fixture, NULL), 0);
}

static void test_witness_shows_decisions(void **state)
{
    struct fixture *fixture = *state;
    build_correlated_overflow(fixture, true);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 6);
    const struct analysis_event *event = &fixture->result.events[0];
    assert_non_null(event->witness);
    /* the test that led to p = NULL; the second test of q is no choice */
    assert_int_equal(event->witness_count, 1);
    assert_int_equal(event->witness[0].condition->location.line, 2);
    assert_true(event->witness[0].holds);
}

/* present = p != NULL; if (!present) return; p[0];  with p from getenv */
static void test_null_test_witness(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int p = local(fixture, function, "p", true);
    int present = local(fixture, function, "present", false);
    int entry = ir_add_block(&fixture->unit, function);
    int leave = ir_add_block(&fixture->unit, function);
    int body = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    call(fixture, function, entry, 1, "getenv", p, -1, 1, constant(VALUE_NONNULL, 0));
    struct ir_value test = {VALUE_NULL_TEST, p, 1};
    assign(fixture, function, entry, 2, present, test);
    branch(function, entry, CONDITION_NONZERO, present, 0, body, leave, 3);
    use(fixture, function, body, 4, p);
    run(fixture);
    assert_int_equal(fixture->result.event_count, 0);
}

/* label(i) { if (i == 1) return "dark"; return NULL; }: label(1) is safe, label(2) not */
static void test_parameter_context(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *label = ir_add_function(&fixture->unit, "label");
    label->returns_pointer = true;
    int index = ir_path(&fixture->unit, label, -1, PATH_VARIABLE, "i", VARIABLE_PARAMETER);
    label->paths[index].parameter_index = 0;
    label->parameter_paths = arena_alloc(&fixture->arena, sizeof(int));
    label->parameter_paths[0] = index;
    label->parameter_count = 1;
    int entry = ir_add_block(&fixture->unit, label);
    int known = ir_add_block(&fixture->unit, label);
    int other = ir_add_block(&fixture->unit, label);
    label->entry = entry;
    branch(label, entry, CONDITION_INTEGER_EQUALS, index, 1, known, other, 1);
    label->blocks[known].has_return_value = true;
    label->blocks[known].returned = constant(VALUE_NONNULL, 0);
    label->blocks[other].has_return_value = true;
    label->blocks[other].returned = constant(VALUE_NULL, 0);
    label->blocks[other].return_location = at(3);

    struct ir_function *caller = ir_add_function(&fixture->unit, "caller");
    int a = local(fixture, caller, "a", true);
    int b = local(fixture, caller, "b", true);
    int start = ir_add_block(&fixture->unit, caller);
    caller->entry = start;
    call(fixture, caller, start, 10, "label", a, 0, 1, constant(VALUE_INTEGER, 1));
    use(fixture, caller, start, 11, a);
    call(fixture, caller, start, 12, "label", b, 0, 1, constant(VALUE_INTEGER, 2));
    use(fixture, caller, start, 13, b);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 13);
}

/* xmalloc(n) { p = malloc(n); if (!p && n != 0) abort(); return p; }:
 * its NULL is malloc(0)'s. a = xmalloc(m) with m unknown is taken as a
 * positive size; b = xmalloc(0) may be NULL. */
static void test_zero_size_wrapper(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *xmalloc = ir_add_function(&fixture->unit, "xmalloc");
    xmalloc->returns_pointer = true;
    int n = ir_path(&fixture->unit, xmalloc, -1, PATH_VARIABLE, "n", VARIABLE_PARAMETER);
    xmalloc->paths[n].parameter_index = 0;
    xmalloc->parameter_paths = arena_alloc(&fixture->arena, sizeof(int));
    xmalloc->parameter_paths[0] = n;
    xmalloc->parameter_count = 1;
    int p = local(fixture, xmalloc, "p", true);
    int entry = ir_add_block(&fixture->unit, xmalloc);
    int null = ir_add_block(&fixture->unit, xmalloc);
    int die = ir_add_block(&fixture->unit, xmalloc);
    int done = ir_add_block(&fixture->unit, xmalloc);
    xmalloc->entry = entry;
    call(fixture, xmalloc, entry, 1, "malloc", p, -1, 1, path_value(n));
    branch(xmalloc, entry, CONDITION_NONNULL, p, 0, done, null, 2);
    branch(xmalloc, null, CONDITION_NONZERO, n, 0, die, done, 2);
    call(fixture, xmalloc, die, 3, "abort", -1, -1, 0);
    xmalloc->blocks[die].terminator = TERMINATOR_UNREACHABLE;
    xmalloc->blocks[done].has_return_value = true;
    xmalloc->blocks[done].returned = path_value(p);
    xmalloc->blocks[done].return_location = at(4);

    struct ir_function *caller = ir_add_function(&fixture->unit, "caller");
    int m = local(fixture, caller, "m", false);
    int a = local(fixture, caller, "a", true);
    int b = local(fixture, caller, "b", true);
    int start = ir_add_block(&fixture->unit, caller);
    caller->entry = start;
    call(fixture, caller, start, 10, "xmalloc", a, 0, 1, path_value(m));
    use(fixture, caller, start, 11, a);
    call(fixture, caller, start, 12, "xmalloc", b, 0, 1, constant(VALUE_INTEGER, 0));
    use(fixture, caller, start, 13, b);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 13);
}

/* now = time(NULL) (through a temporary); tm = localtime(&now): the clock's
 * time converts. then = time(NULL); then = shift; localtime(&then): not. */
static void test_clock_time_converts(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int now = local(fixture, function, "now", false);
    int then = local(fixture, function, "then", false);
    int shift = local(fixture, function, "shift", false);
    int result = ir_path(&fixture->unit, function, -1, PATH_VARIABLE, "time()",
                         VARIABLE_TEMPORARY);
    int tm = local(fixture, function, "tm", true);
    int other = local(fixture, function, "other", true);
    int entry = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    call(fixture, function, entry, 1, "time", result, -1, 1, constant(VALUE_NULL, 0));
    function->blocks[entry].statements[0].call.returns_pointer = false;
    assign(fixture, function, entry, 1, now, path_value(result));
    call(fixture, function, entry, 2, "localtime", tm, -1, 1,
         (struct ir_value){VALUE_NONNULL, now, 0});
    function->blocks[entry].statements[2].call.const_arguments = 1; /* const time_t * */
    use(fixture, function, entry, 3, tm);
    call(fixture, function, entry, 4, "time", then, -1, 1, constant(VALUE_NULL, 0));
    function->blocks[entry].statements[4].call.returns_pointer = false;
    assign(fixture, function, entry, 5, then, path_value(shift));
    call(fixture, function, entry, 6, "localtime", other, -1, 1,
         (struct ir_value){VALUE_NONNULL, then, 0});
    function->blocks[entry].statements[6].call.const_arguments = 1;
    use(fixture, function, entry, 7, other);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 7);
}

/* wire = (time_t)be32(p) (an unknown of 32 bits); copy = stored (an int32_t
 * local); localtime() of either converts. wide = ? (an unknown of 64 bits):
 * not. */
static void test_time_of_32_bits_converts(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int wire = local(fixture, function, "wire", false);
    int stored = local(fixture, function, "stored", false);
    function->paths[stored].fits_32_bits = true;
    int copy = local(fixture, function, "copy", false);
    int wide = local(fixture, function, "wide", false);
    int tms[3];
    for (int i = 0; i < 3; i++)
        tms[i] = local(fixture, function, i == 0 ? "tm" : i == 1 ? "tm2" : "tm3", true);
    int entry = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    assign(fixture, function, entry, 1, wire,
           constant(VALUE_UNKNOWN, UNKNOWN_32_BITS));
    assign(fixture, function, entry, 1, copy, path_value(stored));
    assign(fixture, function, entry, 1, wide, constant(VALUE_UNKNOWN, 0));
    int times[3] = {wire, copy, wide};
    for (int i = 0; i < 3; i++) {
        call(fixture, function, entry, 2 + i, "localtime", tms[i], -1, 1,
             (struct ir_value){VALUE_NONNULL, times[i], 0});
        function->blocks[entry].statements[function->blocks[entry].statement_count - 1]
            .call.const_arguments = 1;
        use(fixture, function, entry, 5 + i, tms[i]);
    }
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 7);
}

/* 0: if (?) 1 else 2;  1: goto 3;  2: return;  3: goto 1 (a loop).
 * What reaches 3: 0, 1 and 3 itself; with 1 a barrier, only 3 (its loop
 * goes through 1). Block 2 never does. */
static void test_blocks_reaching(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int entry = ir_add_block(&fixture->unit, function);
    int loop = ir_add_block(&fixture->unit, function);
    int out = ir_add_block(&fixture->unit, function);
    int body = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    branch(function, entry, CONDITION_UNKNOWN, -1, 0, loop, out, 1);
    go(function, loop, body);
    function->blocks[out].terminator = TERMINATOR_RETURN;
    go(function, body, loop);
    char reaches[4] = {0};
    reaches[body] = 1;
    ir_blocks_reaching(function, reaches, NULL);
    assert_true(reaches[entry] && reaches[loop] && reaches[body]);
    assert_false(reaches[out]);
    char barrier[4] = {0};
    barrier[loop] = 1;
    memset(reaches, 0, sizeof reaches);
    reaches[body] = 1;
    ir_blocks_reaching(function, reaches, barrier);
    assert_true(reaches[body]);
    assert_false(reaches[entry] || reaches[loop] || reaches[out]);
}

/* drop() { cache = NULL; }  caller: if (cache) { drop(); cache[0]; } */
static void test_callee_leaves_global_null(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *drop = ir_add_function(&fixture->unit, "drop");
    int mine = global(fixture, drop, "cache", true);
    int entry = ir_add_block(&fixture->unit, drop);
    drop->entry = entry;
    assign(fixture, drop, entry, 2, mine, constant(VALUE_NULL, 0));

    struct ir_function *caller = ir_add_function(&fixture->unit, "caller");
    int cache = global(fixture, caller, "cache", true);
    int start = ir_add_block(&fixture->unit, caller);
    int then_block = ir_add_block(&fixture->unit, caller);
    int out = ir_add_block(&fixture->unit, caller);
    caller->entry = start;
    branch(caller, start, CONDITION_NONNULL, cache, 0, then_block, out, 10);
    call(fixture, caller, then_block, 11, "drop", -1, 0, 0);
    use(fixture, caller, then_block, 12, cache);
    go(caller, then_block, out);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 12);
    assert_true(fixture->result.events[0].definitely_null);
}

/* p = NULL; getline(&p, ...); p[0]: the call may set p */
static void test_address_argument_forgets(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int p = local(fixture, function, "line", true);
    function->paths[p].address_taken = true;
    int entry = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    assign(fixture, function, entry, 1, p, constant(VALUE_NULL, 0));
    struct ir_value address = {VALUE_NONNULL, p, 0};
    call(fixture, function, entry, 2, "getline", -1, -1, 1, address);
    use(fixture, function, entry, 3, p);
    run(fixture);
    assert_int_equal(fixture->result.event_count, 0);
}

/* found = find(); [if (found.some)] read found.value: the tag decides */
static void build_variant_case(struct fixture *fixture, bool tested, bool negated)
{
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int found = local(fixture, function, "found", false);
    int tag = ir_path(&fixture->unit, function, found, PATH_FIELD, "some", VARIABLE_LOCAL);
    function->paths[tag].is_boolean = true;
    int entry = ir_add_block(&fixture->unit, function);
    int reads = ir_add_block(&fixture->unit, function);
    int out = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    call(fixture, function, entry, 1, "find", found, -1, 0);
    if (tested)
        branch(function, entry, CONDITION_NONZERO, tag, 0, negated ? out : reads,
               negated ? reads : out, 2);
    else
        go(function, entry, reads);
    struct ir_statement *read =
        ir_append(&fixture->unit, function, reads, STATEMENT_VARIANT, at(3));
    read->target = tag;
    read->value = constant(VALUE_INTEGER, 1);
    read->payload = "found.value";
    go(function, reads, out);
}

static void test_variant_read_needs_its_tag(void **state)
{
    struct fixture *fixture = *state;
    build_variant_case(fixture, false, false);
    run(fixture);
    assert_int_equal(fixture->result.event_count, 1);
    assert_int_equal(fixture->result.events[0].kind, EVENT_UNCHECKED_VARIANT);
    assert_false(fixture->result.events[0].definitely_null); /* not tested at all */
}

static void test_variant_read_after_test(void **state)
{
    struct fixture *fixture = *state;
    build_variant_case(fixture, true, false);
    run(fixture);
    assert_int_equal(fixture->result.event_count, 0);
}

static void test_variant_read_on_wrong_edge(void **state)
{
    struct fixture *fixture = *state;
    build_variant_case(fixture, true, true);
    run(fixture);
    assert_int_equal(fixture->result.event_count, 1);
    assert_true(fixture->result.events[0].definitely_null); /* tested the other way */
}

/* p = malloc(8); memcpy(p, s, 0); n = 0; memcpy(p, s, n); memcpy(p, s, m):
 * only the last length may be non-zero (nonnull-if-nonzero) */
static void test_length_zero_allows_null(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int p = local(fixture, function, "p", true);
    int s = parameter(fixture, function, "s");
    int n = local(fixture, function, "n", false);
    int m = local(fixture, function, "m", false);
    int entry = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    call(fixture, function, entry, 1, "malloc", p, -1, 1, constant(VALUE_INTEGER, 8));
    call(fixture, function, entry, 2, "memcpy", -1, -1, 3, path_value(p), path_value(s),
         constant(VALUE_INTEGER, 0));
    assign(fixture, function, entry, 3, n, constant(VALUE_INTEGER, 0));
    call(fixture, function, entry, 4, "memcpy", -1, -1, 3, path_value(p), path_value(s),
         path_value(n));
    call(fixture, function, entry, 5, "memcpy", -1, -1, 3, path_value(p), path_value(s),
         path_value(m));
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 5);
    assert_int_equal(fixture->result.events[0].argument_index, 0);
    assert_int_equal(fixture->result.events[0].count_position, 3);
}

/* g = NULL; memset(buf, 0, 0); g[0] is NULL, but after qsort (whose
 * comparison function may set g: calls-back) it is not known */
static void test_callback_forgets_globals(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int g = global(fixture, function, "g", true);
    int h = global(fixture, function, "h", true);
    int buf = parameter(fixture, function, "buf");
    int entry = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    assign(fixture, function, entry, 1, g, constant(VALUE_NULL, 0));
    assign(fixture, function, entry, 2, h, constant(VALUE_NULL, 0));
    call(fixture, function, entry, 3, "memset", -1, -1, 3, path_value(buf),
         constant(VALUE_INTEGER, 0), constant(VALUE_INTEGER, 0));
    use(fixture, function, entry, 4, g);
    call(fixture, function, entry, 5, "qsort", -1, -1, 4, path_value(buf),
         constant(VALUE_INTEGER, 4), constant(VALUE_INTEGER, 4), constant(VALUE_NONNULL, 0));
    use(fixture, function, entry, 6, h);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 4);
}

/* curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type) leaves type
 * possibly NULL (out-null-if); CURLINFO_EFFECTIVE_URL does not */
static void test_out_null_if_constant(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int curl = parameter(fixture, function, "curl");
    int type = local(fixture, function, "type", true);
    int url = local(fixture, function, "url", true);
    int entry = ir_add_block(&fixture->unit, function);
    function->entry = entry;
    struct ir_value address_of_type = {VALUE_NONNULL, type, 0};
    struct ir_value address_of_url = {VALUE_NONNULL, url, 0};
    call(fixture, function, entry, 1, "curl_easy_getinfo", -1, -1, 3, path_value(curl),
         constant(VALUE_INTEGER, 0x100001), address_of_url);
    use(fixture, function, entry, 2, url);
    call(fixture, function, entry, 3, "curl_easy_getinfo", -1, -1, 3, path_value(curl),
         constant(VALUE_INTEGER, 0x100012), address_of_type);
    use(fixture, function, entry, 4, type);
    run(fixture);
    unsigned line = 0;
    assert_int_equal(unsafe_uses(fixture, &line), 1);
    assert_int_equal(line, 4);
}

/* caller() { q = NAME(); q[0]; } with NAME defined in no unit of this IR. */
static void build_external_caller(struct fixture *fixture, const char *name)
{
    struct ir_function *caller = ir_add_function(&fixture->unit, "caller");
    int q = local(fixture, caller, "q", true);
    int start = ir_add_block(&fixture->unit, caller);
    caller->entry = start;
    call(fixture, caller, start, 10, name, q, -1, 0);
    use(fixture, caller, start, 11, q);
}

static void run_with(struct fixture *fixture, const struct project_table *project)
{
    struct pack_set rules;
    char *error = NULL;
    assert_int_equal(packs_builtin(&rules, &error), 0);
    struct analysis_options options = {&rules, true, project};
    analysis_run(&fixture->unit, &options, &fixture->arena, &fixture->result);
    packs_free(&rules);
}

/* A table where `name` is defined in `units` units at different lines. */
static void one_function_table(struct project_table *table, const char *name, int units,
                               const struct function_summary *summary)
{
    project_table_init(table);
    for (int u = 0; u < units; u++) {
        struct exported_function function;
        memset(&function, 0, sizeof function);
        function.name = name;
        function.definition = (struct source_location){"other.c", 20u + (unsigned)u, 1, NULL};
        struct unit_exports exports = {&function, 1, NULL, 0, NULL, 0, NULL, 0};
        project_table_add(table, u, &exports);
    }
    project_table_finish(table);
    struct exported_function exported;
    memset(&exported, 0, sizeof exported);
    exported.summary = *summary;
    project_set_summary(table, name, &exported);
}

static void test_imported_summary(void **state)
{
    struct fixture *fixture = *state;
    build_external_caller(fixture, "user_find");
    struct function_summary summary;
    memset(&summary, 0, sizeof summary);
    summary.computed = true;
    summary.returns_null = true;
    summary.return_kind = ORIGIN_LOOKUP;
    summary.null_return = (struct source_location){"other.c", 33, 5, NULL};
    struct project_table table;
    one_function_table(&table, "user_find", 1, &summary);
    run_with(fixture, &table);
    assert_int_equal(unsafe_uses(fixture, NULL), 1);
    const struct null_origin *origin = fixture->result.events[0].origin;
    assert_int_equal(origin->kind, ORIGIN_LOOKUP);
    assert_true(origin->has_definition);
    assert_string_equal(origin->definition.file, "other.c");
    assert_int_equal(origin->definition.line, 33);
    project_table_free(&table);
}

/* Two programs define it: nothing is assumed. */
static void test_ambiguous_import_ignored(void **state)
{
    struct fixture *fixture = *state;
    build_external_caller(fixture, "user_find");
    struct function_summary summary;
    memset(&summary, 0, sizeof summary);
    summary.computed = true;
    summary.returns_null = true;
    struct project_table table;
    one_function_table(&table, "user_find", 2, &summary);
    run_with(fixture, &table);
    assert_int_equal(unsafe_uses(fixture, NULL), 0);
    project_table_free(&table);
}

static void evidence_table(struct project_table *table, int calls, int tested)
{
    struct call_evidence evidence = {"conn_open", calls, tested};
    struct unit_exports exports = {NULL, 0, NULL, 0, &evidence, 1, NULL, 0};
    project_table_init(table);
    project_table_add(table, 0, &exports);
    project_table_finish(table);
}

static void test_evidence_makes_external_nullable(void **state)
{
    struct fixture *fixture = *state;
    build_external_caller(fixture, "conn_open");
    struct project_table table;
    evidence_table(&table, 5, 4);
    run_with(fixture, &table);
    assert_int_equal(unsafe_uses(fixture, NULL), 1);
    const struct null_origin *origin = fixture->result.events[0].origin;
    assert_int_equal(origin->how, HOW_EVIDENCE);
    assert_int_equal(origin->evidence_tested, 4);
    assert_int_equal(origin->evidence_calls, 5);
    project_table_free(&table);
}

static void test_weak_evidence_says_nothing(void **state)
{
    struct fixture *fixture = *state;
    build_external_caller(fixture, "conn_open");
    struct project_table table;
    evidence_table(&table, 5, 3);
    run_with(fixture, &table);
    assert_int_equal(unsafe_uses(fixture, NULL), 0);
    project_table_free(&table);
}

/* A partial run that analyses nothing again gives the first run's events. */
static void test_partial_run_keeps_events(void **state)
{
    struct fixture *fixture = *state;
    build_flag_case(fixture, 1);
    struct pack_set rules;
    char *error = NULL;
    assert_int_equal(packs_builtin(&rules, &error), 0);
    struct analysis_options options = {&rules, true, NULL};
    struct analysis_memo *memo = NULL;
    analysis_run_memo(&fixture->unit, &options, &fixture->arena, &fixture->result, NULL, NULL,
                      &memo);
    assert_non_null(memo);
    int first = unsafe_uses(fixture, NULL);
    assert_int_equal(first, 1);
    char redo[2] = {0, 0};
    analysis_run_memo(&fixture->unit, &options, &fixture->arena, &fixture->result, memo, redo,
                      NULL);
    assert_int_equal(unsafe_uses(fixture, NULL), first);
    redo[1] = 1; /* the caller again, with the sink's summary kept */
    analysis_run_memo(&fixture->unit, &options, &fixture->arena, &fixture->result, memo, redo,
                      NULL);
    assert_int_equal(unsafe_uses(fixture, NULL), first);
    packs_free(&rules);
}

static void test_rules_table_sorted(void **state)
{
    (void)state;
    struct pack_set set;
    char *error = NULL;
    assert_int_equal(packs_builtin(&set, &error), 0);
    const struct pack_set *rules = &set;
    for (int i = 1; i < rules->count; i++)
        assert_true(strcmp(rules->entries[i - 1].name, rules->entries[i].name) < 0);
    assert_non_null(packs_find(rules, "malloc"));
    assert_int_equal(packs_find(rules, "getenv")->returns, SOURCE_LOOKUP);
    assert_true(packs_find(rules, "exit")->noreturn);
    assert_null(packs_find(rules, "no_such_function"));
    packs_free(&set);
}

/* Liveness, which path partitions are keyed by:
 *   b0: p = NULL;            goto b1
 *   b1: if (q) b2 else b3
 *   b2: use p; q = ?;        goto b1
 *   b3: return
 * p is live from b1 (b2 reads it) but not at b0 (written first); q is live
 * at b0 and b1 (tested) but not at b2 (written before any read there); a
 * global is always live; nothing local is live at b3. */
static void test_liveness(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int p = local(fixture, function, "p", true);
    int q = local(fixture, function, "q", true);
    int g = global(fixture, function, "g", true);
    int blocks[4];
    for (int i = 0; i < 4; i++)
        blocks[i] = ir_add_block(&fixture->unit, function);
    function->entry = blocks[0];
    assign(fixture, function, blocks[0], 1, p, constant(VALUE_NULL, 0));
    go(function, blocks[0], blocks[1]);
    branch(function, blocks[1], CONDITION_NONNULL, q, 0, blocks[2], blocks[3], 2);
    use(fixture, function, blocks[2], 3, p);
    assign(fixture, function, blocks[2], 4, q, constant(VALUE_UNKNOWN, 0));
    go(function, blocks[2], blocks[1]);
    int words = 0;
    const uint64_t *live = liveness_compute(function, &fixture->arena, &words);
    assert_non_null(live);
    assert_false(liveness_live(live, words, blocks[0], p));
    assert_true(liveness_live(live, words, blocks[0], q));
    assert_true(liveness_live(live, words, blocks[1], p));
    assert_true(liveness_live(live, words, blocks[1], q));
    assert_true(liveness_live(live, words, blocks[2], p));
    assert_false(liveness_live(live, words, blocks[2], q));
    assert_false(liveness_live(live, words, blocks[3], p));
    assert_false(liveness_live(live, words, blocks[3], q));
    assert_true(liveness_live(live, words, blocks[3], g));
}

/* Anticipated dereference, which tells a redundant NULL test from a late one:
 *   b0: if (p) b1 else b2
 *   b1: goto b3
 *   b2: if (q) b3 else b4
 *   b3: use p;  return
 *   b4: p = ?;  goto b3
 * From b1 and b3 every path dereferences p; from b2 one path assigns p
 * first (b4), and b4 itself assigns before its use: not anticipated. A
 * block that returns first is not either. */
static void test_anticipated_dereference(void **state)
{
    struct fixture *fixture = *state;
    struct ir_function *function = ir_add_function(&fixture->unit, "f");
    int p = local(fixture, function, "p", true);
    int q = local(fixture, function, "q", true);
    int blocks[6];
    for (int i = 0; i < 6; i++)
        blocks[i] = ir_add_block(&fixture->unit, function);
    function->entry = blocks[0];
    branch(function, blocks[0], CONDITION_NONNULL, p, 0, blocks[1], blocks[2], 1);
    go(function, blocks[1], blocks[3]);
    branch(function, blocks[2], CONDITION_NONNULL, q, 0, blocks[3], blocks[4], 2);
    use(fixture, function, blocks[3], 3, p);
    function->blocks[blocks[3]].terminator = TERMINATOR_RETURN;
    assign(fixture, function, blocks[4], 4, p, constant(VALUE_UNKNOWN, 0));
    go(function, blocks[4], blocks[3]);
    function->blocks[blocks[5]].terminator = TERMINATOR_RETURN;
    assert_true(anticipated_dereference(function, &fixture->arena, blocks[1], p));
    assert_true(anticipated_dereference(function, &fixture->arena, blocks[3], p));
    assert_false(anticipated_dereference(function, &fixture->arena, blocks[2], p));
    assert_false(anticipated_dereference(function, &fixture->arena, blocks[4], p));
    assert_false(anticipated_dereference(function, &fixture->arena, blocks[0], p));
    assert_false(anticipated_dereference(function, &fixture->arena, blocks[5], p));
    assert_false(anticipated_dereference(function, &fixture->arena, blocks[1], q));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_join_table),
        cmocka_unit_test(test_origin_choice_is_earliest),
        cmocka_unit_test(test_integer_intervals),
        cmocka_unit_test_setup_teardown(test_flow_state_join, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unchecked_malloc, setup, teardown),
        cmocka_unit_test_setup_teardown(test_call_contracts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_loop_cursor_exit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cursor_test_outside_loop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_nullness_nonnull, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_nullness_null, setup, teardown),
        cmocka_unit_test_setup_teardown(test_checked_and_alias, setup, teardown),
        cmocka_unit_test_setup_teardown(test_use_after_failed_check, setup, teardown),
        cmocka_unit_test_setup_teardown(test_definitely_null_and_dead_edge, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_after_deref, setup, teardown),
        cmocka_unit_test_setup_teardown(test_loop_reaches_fixed_point, setup, teardown),
        cmocka_unit_test_setup_teardown(test_integer_constant_prunes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_adjust_moves_range, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stepped_counter_widens, setup, teardown),
        cmocka_unit_test_setup_teardown(test_noreturn_call, setup, teardown),
        cmocka_unit_test_setup_teardown(test_summary_nullable_return, setup, teardown),
        cmocka_unit_test_setup_teardown(test_member_validator, setup, teardown),
        cmocka_unit_test_setup_teardown(test_member_not_validated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_context_flag_set, setup, teardown),
        cmocka_unit_test_setup_teardown(test_context_flag_clear, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recursion_terminates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_null_only_for_null_argument, setup, teardown),
        cmocka_unit_test_setup_teardown(test_global_invalidated_by_unknown_call, setup, teardown),
        cmocka_unit_test_setup_teardown(test_null_test_witness, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parameter_context, setup, teardown),
        cmocka_unit_test_setup_teardown(test_callee_leaves_global_null, setup, teardown),
        cmocka_unit_test_setup_teardown(test_address_argument_forgets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_variant_read_needs_its_tag, setup, teardown),
        cmocka_unit_test_setup_teardown(test_variant_read_after_test, setup, teardown),
        cmocka_unit_test_setup_teardown(test_variant_read_on_wrong_edge, setup, teardown),
        cmocka_unit_test_setup_teardown(test_length_zero_allows_null, setup, teardown),
        cmocka_unit_test_setup_teardown(test_callback_forgets_globals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_out_null_if_constant, setup, teardown),
        cmocka_unit_test_setup_teardown(test_imported_summary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ambiguous_import_ignored, setup, teardown),
        cmocka_unit_test_setup_teardown(test_evidence_makes_external_nullable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_weak_evidence_says_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_partial_run_keeps_events, setup, teardown),
        cmocka_unit_test_setup_teardown(test_liveness, setup, teardown),
        cmocka_unit_test_setup_teardown(test_anticipated_dereference, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cached_result_called_again, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cache_reset_between_calls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cache_hit_that_writes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_witness_refutes_joined_states, setup, teardown),
        cmocka_unit_test_setup_teardown(test_witness_shows_decisions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zero_size_wrapper, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clock_time_converts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_time_of_32_bits_converts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_blocks_reaching, setup, teardown),
        cmocka_unit_test(test_rules_table_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_arena: the per-unit bump allocator: zeroed and aligned memory,
 * string copies, growth across chunks, large requests, reuse after free.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "support/arena.h"

static void test_zeroed_and_aligned(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    for (size_t size = 0; size < 100; size++) {
        unsigned char *block = arena_alloc(&arena, size);
        assert_non_null(block);
        assert_int_equal((uintptr_t)block % _Alignof(max_align_t), 0);
        for (size_t i = 0; i < size; i++)
            assert_int_equal(block[i], 0);
        memset(block, 0xAB, size);
    }
    arena_free(&arena);
}

static void test_strings(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    assert_string_equal(arena_strdup(&arena, "hello"), "hello");
    assert_string_equal(arena_strdup(&arena, NULL), "");
    assert_string_equal(arena_strndup(&arena, "hello world", 5), "hello");
    assert_string_equal(arena_strndup(&arena, NULL, 0), "");
    assert_string_equal(arena_printf(&arena, "%s:%u:%d", "a.c", 12u, -3), "a.c:12:-3");
    arena_free(&arena);
}

static void test_growth_keeps_contents(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    /* Many small blocks over several chunks keep their contents. */
    enum { COUNT = 20000 };
    static int *blocks[COUNT];
    for (int i = 0; i < COUNT; i++) {
        blocks[i] = arena_alloc(&arena, sizeof(int) * 3);
        blocks[i][0] = i;
        blocks[i][2] = -i;
    }
    for (int i = 0; i < COUNT; i++) {
        assert_int_equal(blocks[i][0], i);
        assert_int_equal(blocks[i][2], -i);
    }
    assert_true(arena.total >= COUNT * sizeof(int) * 3);
    arena_free(&arena);
    assert_int_equal(arena.total, 0);
}

static void test_large_request(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    char *small = arena_alloc(&arena, 8);
    size_t large_size = 9 * 1024 * 1024; /* larger than any chunk */
    char *large = arena_alloc(&arena, large_size);
    large[0] = 1;
    large[large_size - 1] = 2;
    char *after = arena_alloc(&arena, 8);
    after[0] = 3;
    small[0] = 4;
    assert_int_equal(large[0], 1);
    assert_int_equal(large[large_size - 1], 2);
    arena_free(&arena);
}

static void test_grow_array(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    int *items = NULL;
    int count = 0, capacity = 0;
    for (int i = 0; i < 1000; i++) {
        if (count == capacity) {
            int grown = capacity ? capacity * 2 : 4;
            items = arena_grow(&arena, items, (size_t)count, (size_t)grown, sizeof *items);
            capacity = grown;
        }
        items[count++] = i * 7;
    }
    for (int i = 0; i < 1000; i++)
        assert_int_equal(items[i], i * 7);
    arena_free(&arena);
}

static void test_reuse_after_free(void **state)
{
    (void)state;
    struct arena arena;
    arena_init(&arena);
    for (int round = 0; round < 3; round++) {
        char *text = arena_strdup(&arena, "again");
        assert_string_equal(text, "again");
        arena_free(&arena);
        assert_null(arena.chunks);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zeroed_and_aligned),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_growth_keeps_contents),
        cmocka_unit_test(test_large_request),
        cmocka_unit_test(test_grow_array),
        cmocka_unit_test(test_reuse_after_free),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

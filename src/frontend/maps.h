/*
 * maps: the two small hash maps the front end needs, keyed by a libclang
 * cursor (declarations, statements) or by a NUL-terminated name. Values
 * are ints (indexes into the caller's own arrays). Heap memory, freed with
 * the *_free functions; no libclang object is retained beyond the cursor.
 */
#ifndef NULLPROOF_FRONTEND_MAPS_H
#define NULLPROOF_FRONTEND_MAPS_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* clang_equalCursors, inline: the front end compares and hashes cursors
 * more than it does anything else, and a call into libclang per probe was
 * a tenth of the lowering. libclang's definition is "same kind and same
 * data[0..2]", with data[1] ignored for declarations (it records whether
 * the declaration came first in its group, which libclang does not set
 * consistently); this is exactly that. */
static inline bool cursors_equal(CXCursor a, CXCursor b)
{
    if (a.kind != b.kind || a.data[0] != b.data[0] || a.data[2] != b.data[2])
        return false;
    return a.data[1] == b.data[1] || clang_isDeclaration(a.kind);
}

/* clang_Cursor_isNull, inline (libclang compares with a null cursor
 * through clang_equalCursors, and the lowering asks this constantly). */
static inline bool cursor_is_null(CXCursor cursor)
{
    return cursor.kind == CXCursor_InvalidFile && !cursor.data[0] && !cursor.data[1] &&
           !cursor.data[2];
}

/* clang_isExpression(kind) || clang_isStatement(kind), inline. */
static inline bool cursor_kind_is_code(enum CXCursorKind kind)
{
    return (kind >= CXCursor_FirstExpr && kind <= CXCursor_LastExpr) ||
           (kind >= CXCursor_FirstStmt && kind <= CXCursor_LastStmt);
}

/* A hash consistent with cursors_equal: the statement for statements and
 * expressions (whose data[0] is only the enclosing declaration), else
 * data[0] (the declaration, reference or attribute itself). */
static inline unsigned cursor_hash(CXCursor cursor)
{
    bool code = cursor_kind_is_code(cursor.kind);
    unsigned long long bits = (unsigned long long)(uintptr_t)cursor.data[code ? 1 : 0];
    bits = (bits >> 3) ^ ((unsigned long long)cursor.kind << 40);
    bits *= 0x9e3779b97f4a7c15ull;
    return (unsigned)(bits >> 32);
}

struct cursor_map_slot {
    CXCursor key;
    unsigned hash;
    int value;
    unsigned generation; /* used when equal to the map's generation */
};

struct cursor_map {
    struct cursor_map_slot *slots;
    size_t capacity; /* a power of two, or 0 */
    size_t count;
    unsigned generation; /* slots stamped with it are in use; fresh slots hold 0 */
};

void cursor_map_init(struct cursor_map *map);

/* The value stored for `key`, or NULL. The pointer is valid until the next
 * insertion. */
int *cursor_map_find(const struct cursor_map *map, CXCursor key);

/* The value slot for `key`; when absent it is inserted with `value`. Valid
 * until the next insertion. */
int *cursor_map_insert(struct cursor_map *map, CXCursor key, int value);

void cursor_map_free(struct cursor_map *map);

struct name_map_slot {
    const char *key; /* NULL: empty slot */
    unsigned hash;
    int value;
};

struct name_map {
    struct name_map_slot *slots;
    size_t capacity;
    size_t count;
};

void name_map_init(struct name_map *map);

/* The value stored for `key`, or NULL; valid until the next insertion. */
int *name_map_find(const struct name_map *map, const char *key);

/* The stored key equal to `key` (for interning), or NULL. */
const char *name_map_key(const struct name_map *map, const char *key);

/* As cursor_map_insert. `key` is not copied: it must outlive the map. */
int *name_map_insert(struct name_map *map, const char *key, int value);

void name_map_free(struct name_map *map);

/* FNV-1a hash of a string, shared with other front-end indexes. */
unsigned name_hash(const char *text);

#endif

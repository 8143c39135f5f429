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
    unsigned generation; /* clearing bumps it instead of wiping the slots */
};

void cursor_map_init(struct cursor_map *map);

/* The value stored for `key`, or NULL. The pointer is valid until the next
 * insertion. */
int *cursor_map_find(const struct cursor_map *map, CXCursor key);

/* The value slot for `key`; when absent it is inserted with `value`. Valid
 * until the next insertion. */
int *cursor_map_insert(struct cursor_map *map, CXCursor key, int value);

/* Empties the map, keeping its memory for reuse. */
void cursor_map_clear(struct cursor_map *map);
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

void name_map_clear(struct name_map *map);
void name_map_free(struct name_map *map);

/* FNV-1a hash of a string, shared with other front-end indexes. */
unsigned name_hash(const char *text);

#endif

/*
 * maps: open-addressing hash maps (linear probing, load <= 1/2) keyed by
 * cursors (cursor_hash / cursors_equal, see maps.h) or by names. They never
 * delete single entries: the front end only adds, then clears all.
 */
#include "maps.h"

#include <stdlib.h>
#include <string.h>

#include "../support/xalloc.h"

static void *allocate_zeroed(size_t count, size_t size)
{
    void *memory = xcalloc(count, size);
    return memory;
}

void cursor_map_init(struct cursor_map *map)
{
    memset(map, 0, sizeof *map);
    map->generation = 1;
}

static struct cursor_map_slot *cursor_slot(const struct cursor_map *map, CXCursor key,
                                           unsigned hash)
{
    size_t mask = map->capacity - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        struct cursor_map_slot *slot = &map->slots[i];
        if (slot->generation != map->generation)
            return slot;
        if (slot->hash == hash && cursors_equal(slot->key, key))
            return slot;
    }
}

int *cursor_map_find(const struct cursor_map *map, CXCursor key)
{
    if (map->count == 0)
        return NULL;
    struct cursor_map_slot *slot = cursor_slot(map, key, cursor_hash(key));
    return slot->generation == map->generation ? &slot->value : NULL;
}

static void cursor_map_grow(struct cursor_map *map)
{
    struct cursor_map old = *map;
    map->capacity = old.capacity ? old.capacity * 2 : 64;
    map->slots = allocate_zeroed(map->capacity, sizeof *map->slots);
    for (size_t i = 0; i < old.capacity; i++) {
        if (old.slots[i].generation == old.generation)
            *cursor_slot(map, old.slots[i].key, old.slots[i].hash) = old.slots[i];
    }
    free(old.slots);
}

int *cursor_map_insert(struct cursor_map *map, CXCursor key, int value)
{
    if ((map->count + 1) * 2 > map->capacity)
        cursor_map_grow(map);
    unsigned hash = cursor_hash(key);
    struct cursor_map_slot *slot = cursor_slot(map, key, hash);
    if (slot->generation != map->generation) {
        slot->generation = map->generation;
        slot->key = key;
        slot->hash = hash;
        slot->value = value;
        map->count++;
    }
    return &slot->value;
}

void cursor_map_free(struct cursor_map *map)
{
    free(map->slots);
    cursor_map_init(map);
}

unsigned name_hash(const char *text)
{
    unsigned hash = 2166136261u;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        hash = (hash ^ *c) * 16777619u;
    return hash;
}

void name_map_init(struct name_map *map)
{
    memset(map, 0, sizeof *map);
}

static struct name_map_slot *name_slot(const struct name_map *map, const char *key,
                                       unsigned hash)
{
    size_t mask = map->capacity - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        struct name_map_slot *slot = &map->slots[i];
        if (!slot->key || (slot->hash == hash && strcmp(slot->key, key) == 0))
            return slot;
    }
}

int *name_map_find(const struct name_map *map, const char *key)
{
    if (map->count == 0)
        return NULL;
    struct name_map_slot *slot = name_slot(map, key, name_hash(key));
    return slot->key ? &slot->value : NULL;
}

const char *name_map_key(const struct name_map *map, const char *key)
{
    if (map->count == 0)
        return NULL;
    return name_slot(map, key, name_hash(key))->key;
}

static void name_map_grow(struct name_map *map)
{
    struct name_map old = *map;
    map->capacity = old.capacity ? old.capacity * 2 : 32;
    map->slots = allocate_zeroed(map->capacity, sizeof *map->slots);
    for (size_t i = 0; i < old.capacity; i++) {
        if (old.slots[i].key)
            *name_slot(map, old.slots[i].key, old.slots[i].hash) = old.slots[i];
    }
    free(old.slots);
}

int *name_map_insert(struct name_map *map, const char *key, int value)
{
    if ((map->count + 1) * 2 > map->capacity)
        name_map_grow(map);
    unsigned hash = name_hash(key);
    struct name_map_slot *slot = name_slot(map, key, hash);
    if (!slot->key) {
        slot->key = key;
        slot->hash = hash;
        slot->value = value;
        map->count++;
    }
    return &slot->value;
}

void name_map_free(struct name_map *map)
{
    free(map->slots);
    memset(map, 0, sizeof *map);
}

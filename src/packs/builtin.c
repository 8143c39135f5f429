/*
 * builtin: rule sets in memory: creating and releasing them, the packs
 * embedded in the binary, and lookups by name. The facts themselves are
 * not written here but in rules/NAME.yaml, which the build embeds.
 */
#include "packs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "../support/xalloc.h"
#include "../support/string_buffer.h"

const struct embedded_pack *packs_embedded(int *count)
{
    *count = nullproof_embedded_pack_count;
    return nullproof_embedded_packs;
}

void packs_init(struct pack_set *set)
{
    memset(set, 0, sizeof *set);
    arena_init(&set->strings);
}

void packs_free(struct pack_set *set)
{
    free(set->entries);
    free(set->variants);
    free(set->packs);
    arena_free(&set->strings);
    memset(set, 0, sizeof *set);
}

/* "libc" for "libc.yaml". */
static size_t pack_name_length(const char *file)
{
    const char *dot = strrchr(file, '.');
    return dot ? (size_t)(dot - file) : strlen(file);
}

int packs_add_embedded(struct pack_set *set, const char *name, char **error)
{
    *error = NULL;
    for (int i = 0; i < nullproof_embedded_pack_count; i++) {
        const struct embedded_pack *pack = &nullproof_embedded_packs[i];
        size_t length = pack_name_length(pack->file);
        if (strlen(name) == length && strncmp(pack->file, name, length) == 0)
            return packs_add_pack(set, pack->file, (const char *)pack->text, pack->length,
                                  error);
    }
    struct string_buffer message;
    string_buffer_init(&message);
    string_buffer_printf(&message, "unknown built-in rule pack '%s' (available: ", name);
    for (int i = 0; i < nullproof_embedded_pack_count; i++) {
        const char *file = nullproof_embedded_packs[i].file;
        string_buffer_printf(&message, "%s%.*s", i ? ", " : "", (int)pack_name_length(file),
                             file);
    }
    string_buffer_append(&message, ")");
    *error = xstrdup(string_buffer_text(&message));
    string_buffer_free(&message);
    return -1;
}

int packs_builtin(struct pack_set *set, char **error)
{
    packs_init(set);
    *error = NULL;
    for (int i = 0; i < nullproof_embedded_pack_count; i++) {
        const struct embedded_pack *pack = &nullproof_embedded_packs[i];
        if (packs_add_pack(set, pack->file, (const char *)pack->text, pack->length, error) != 0)
            return -1;
    }
    return 0;
}

const struct pack_entry *packs_find_kind(const struct pack_set *rules, const char *name,
                                            bool macro)
{
    if (!rules || !name)
        return NULL;
    int low = 0, high = rules->count - 1;
    while (low <= high) {
        int middle = low + (high - low) / 2;
        int order = strcmp(name, rules->entries[middle].name);
        if (order == 0) {
            const struct pack_entry *rule = &rules->entries[middle];
            return rule->macro_only && !macro ? NULL : rule;
        }
        if (order < 0)
            high = middle - 1;
        else
            low = middle + 1;
    }
    return NULL;
}

const struct pack_entry *packs_find(const struct pack_set *rules, const char *name)
{
    return packs_find_kind(rules, name, false);
}

const char *packs_kind_name(enum source_kind kind)
{
    switch (kind) {
    case SOURCE_ALLOC: return "alloc";
    case SOURCE_LOOKUP: return "lookup";
    case SOURCE_NULLABLE: return "nullable";
    case SOURCE_NONE: break;
    }
    return "none";
}

const struct pack_variant *packs_find_variant(const struct pack_set *rules, const char *type,
                                              const char *member)
{
    if (!rules || !type || !member)
        return NULL;
    for (int i = rules->variant_count - 1; i >= 0; i--) {
        const struct pack_variant *variant = &rules->variants[i];
        if (strcmp(variant->type, type) == 0 && strcmp(variant->member, member) == 0)
            return variant;
    }
    return NULL;
}

/*
 * pack: reads one YAML rule pack (format in docs/rules-format.md) into
 * pack_entry entries and merges them into a pack_set. Every key is
 * known and checked; anything else is an error naming file, line and
 * column. It reads no files: the text comes from the caller.
 */
#include "packs.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../support/yaml_input.h"
#include "../support/argument_mask.h"
#include "../support/xalloc.h"
#include "../support/heap_array.h"

enum { MAX_ARGUMENT = ARGUMENT_MASK_BITS, MAX_NAME = 255, MAX_REASON = 300 };

static const char *const pack_keys[] = {"pack", "description", "entries", "variants"};
static const char *const variant_keys[] = {"type", "tag", "members"};
static const char *const entry_keys[] = {"name",     "macro",    "returns",  "nonnull",
                                         "checks",   "out-null", "out-kind", "noreturn",
                                         "accepts-null", "propagates-null", "never-null",
                                         "nonnull-if-nonzero", "calls-back", "out-null-if",
                                         "out-nonnull", "pure", "returns-target", "found-if",
                                         "found-if-clock", "clock", "noreturn-if-nonzero",
                                         "found-if-first", "found-with", "reason"};

#define COUNT(array) ((int)(sizeof array / sizeof array[0]))

/* What a parse collects before anything is merged into the set. */
struct pending {
    struct pack_entry *entries;
    int count;
    int capacity;
};

static bool is_identifier(const char *text)
{
    if (!text[0] || strlen(text) > MAX_NAME || !(isalpha((unsigned char)text[0]) || text[0] == '_'))
        return false;
    for (const char *c = text; *c; c++)
        if (!(isalnum((unsigned char)*c) || *c == '_'))
            return false;
    return true;
}

static bool is_pack_name(const char *text)
{
    if (!text[0] || strlen(text) > 64)
        return false;
    for (const char *c = text; *c; c++)
        if (!(isalnum((unsigned char)*c) || *c == '_' || *c == '-' || *c == '.'))
            return false;
    return true;
}

static int parse_kind(struct yaml_input *input, yaml_node_t *node, enum source_kind *kind,
                      char **error)
{
    const char *text = yaml_input_scalar(input, node, "alloc, lookup, io or other", error);
    if (!text)
        return -1;
    if (strcmp(text, "alloc") == 0)
        *kind = SOURCE_ALLOC;
    else if (strcmp(text, "lookup") == 0)
        *kind = SOURCE_LOOKUP;
    else if (strcmp(text, "io") == 0 || strcmp(text, "other") == 0)
        *kind = SOURCE_NULLABLE;
    else {
        *error = yaml_input_error(input, node, "expected alloc, lookup, io or other, found '%s'",
                                  text);
        return -1;
    }
    return 0;
}

/* The reason a kind gives when the entry has none of its own; `out`:
 * said of an out-parameter rather than of the result. */
static const char *default_reason(const char *kind_text, bool out)
{
    if (strcmp(kind_text, "alloc") == 0)
        return out ? "leaves it NULL when allocation fails" : "returns NULL when allocation fails";
    if (strcmp(kind_text, "lookup") == 0)
        return out ? "leaves it NULL when nothing matches" : "returns NULL when nothing matches";
    if (strcmp(kind_text, "io") == 0)
        return out ? "leaves it NULL when the operation fails"
                   : "returns NULL when the operation fails";
    return out ? "may leave it NULL" : "may return NULL";
}

/* 1-based argument positions, as in __attribute__((nonnull(1, 2))). */
/* found-if-first: [STRING, VALUE], two argument positions: the searched
 * string and the element searched for (strchr: [1, 2]). */
static int parse_found_if_first(struct yaml_input *input, yaml_node_t *node,
                                struct pack_entry *rule, char **error)
{
    long positions[2];
    if (rule->returns != SOURCE_LOOKUP || node->type != YAML_SEQUENCE_NODE ||
        yaml_input_item_count(node) != 2) {
        *error = yaml_input_error(input, node, "'found-if-first' is [string, value], two "
                                  "argument positions, and needs 'returns: lookup'");
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        yaml_node_t *item = yaml_input_item(input, node, i);
        if (yaml_input_integer(input, item, 1, MAX_ARGUMENT, &positions[i], error) != 0)
            return -1;
    }
    if (positions[0] == positions[1]) {
        *error = yaml_input_error(input, node, "'found-if-first' needs two different arguments");
        return -1;
    }
    rule->found_if_first_string = (int)positions[0];
    rule->found_if_first_value = (int)positions[1];
    return 0;
}

static int parse_arguments(struct yaml_input *input, yaml_node_t *node, uint32_t *bits,
                           char **error)
{
    *bits = 0;
    int count = yaml_input_item_count(node);
    if (count == 0) {
        *error = yaml_input_error(input, node, "expected argument positions (1 to %d), found "
                                  "an empty list", MAX_ARGUMENT);
        return -1;
    }
    for (int i = 0; i < count; i++) {
        yaml_node_t *item = yaml_input_item(input, node, i);
        long position;
        if (item->type != YAML_SCALAR_NODE) {
            *error = yaml_input_error(input, item,
                                      "expected an argument position (1 to %d) or a list of them",
                                      MAX_ARGUMENT);
            return -1;
        }
        if (yaml_input_integer(input, item, 1, MAX_ARGUMENT, &position, error) != 0)
            return -1;
        uint32_t bit = UINT32_C(1) << (position - 1);
        if (*bits & bit) {
            *error = yaml_input_error(input, item, "argument %ld is listed twice", position);
            return -1;
        }
        *bits |= bit;
    }
    return 0;
}

/* nonnull-if-nonzero: {POINTER: COUNT, ...}, 1-based positions: the
 * pointer must not be NULL when the count may be non-zero. */
static int parse_conditional(struct yaml_input *input, yaml_node_t *node,
                             struct pack_entry *rule, char **error)
{
    if (node->type != YAML_MAPPING_NODE ||
        node->data.mapping.pairs.start == node->data.mapping.pairs.top) {
        *error = yaml_input_error(input, node, "expected 'nonnull-if-nonzero' to map pointer "
                                  "positions to the position of their count ({1: 3, 2: 3})");
        return -1;
    }
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = yaml_input_node(input, pair->key);
        yaml_node_t *value = yaml_input_node(input, pair->value);
        long pointer, count;
        if (!key || !value || key->type != YAML_SCALAR_NODE || value->type != YAML_SCALAR_NODE) {
            *error = yaml_input_error(input, key ? key : node, "expected a pointer position "
                                      "and the position of its count (1 to %d)", MAX_ARGUMENT);
            return -1;
        }
        if (yaml_input_integer(input, key, 1, MAX_ARGUMENT, &pointer, error) != 0 ||
            yaml_input_integer(input, value, 1, MAX_ARGUMENT, &count, error) != 0)
            return -1;
        uint32_t bit = UINT32_C(1) << (pointer - 1);
        if (rule->nonnull_if_nonzero & bit) {
            *error = yaml_input_error(input, key, "argument %ld is listed twice", pointer);
            return -1;
        }
        if (count == pointer) {
            *error = yaml_input_error(input, value, "argument %ld cannot be its own count",
                                      pointer);
            return -1;
        }
        if (rule->nonnull_arguments & bit) {
            *error = yaml_input_error(input, key, "argument %ld is both 'nonnull' and "
                                      "'nonnull-if-nonzero'", pointer);
            return -1;
        }
        rule->nonnull_if_nonzero |= bit;
        rule->nonzero_count[pointer - 1] = (unsigned char)(count - 1);
    }
    return 0;
}

/* A constant argument value: decimal, or hexadecimal with 0x (CURLINFO
 * codes are written that way in their header). */
static int parse_constant(struct yaml_input *input, yaml_node_t *node, long long *value,
                          char **error)
{
    const char *text = yaml_input_scalar(input, node, "an integer constant", error);
    if (!text)
        return -1;
    char *end = NULL;
    errno = 0;
    long long number = strtoll(text, &end, 0);
    if (errno || end == text || *end != '\0') {
        *error = yaml_input_error(input, node, "expected an integer constant (decimal or 0x "
                                  "hexadecimal), found '%s'", text);
        return -1;
    }
    *value = number;
    return 0;
}

/* {POSITION: [VALUE, ...]}, the argument a key's condition is about and
 * the constants it holds for (`key` names it in errors). */
static int parse_argument_values(struct pack_set *set, struct yaml_input *input,
                                 yaml_node_t *node, const char *key, int *argument,
                                 const long long **values, int *count, char **error)
{
    if (node->type != YAML_MAPPING_NODE ||
        node->data.mapping.pairs.top - node->data.mapping.pairs.start != 1) {
        *error = yaml_input_error(input, node, "expected '%s' to map one argument "
                                  "position to its values ({2: [18, 31]})", key);
        return -1;
    }
    yaml_node_pair_t *pair = node->data.mapping.pairs.start;
    yaml_node_t *position_node = yaml_input_node(input, pair->key);
    yaml_node_t *list = yaml_input_node(input, pair->value);
    long position;
    if (!position_node || !list || position_node->type != YAML_SCALAR_NODE) {
        *error = yaml_input_error(input, node, "expected an argument position (1 to %d)",
                                  MAX_ARGUMENT);
        return -1;
    }
    if (yaml_input_integer(input, position_node, 1, MAX_ARGUMENT, &position, error) != 0)
        return -1;
    int items = yaml_input_item_count(list);
    if (items == 0) {
        *error = yaml_input_error(input, list, "expected constants, found an empty list");
        return -1;
    }
    long long *constants = arena_alloc(&set->strings, (size_t)items * sizeof *constants);
    for (int i = 0; i < items; i++) {
        yaml_node_t *item = yaml_input_item(input, list, i);
        if (!item || item->type != YAML_SCALAR_NODE) {
            *error = yaml_input_error(input, item ? item : list,
                                      "expected an integer constant or a list of them");
            return -1;
        }
        if (parse_constant(input, item, &constants[i], error) != 0)
            return -1;
    }
    *argument = (int)position;
    *values = constants;
    *count = items;
    return 0;
}

/* out-null-if: {POSITION: [VALUE, ...]}: out-null applies only when the
 * argument at POSITION is one of these constants. */
static int parse_out_null_if(struct pack_set *set, struct yaml_input *input, yaml_node_t *node,
                             struct pack_entry *rule, char **error)
{
    if (!rule->out_null_arguments) {
        *error = yaml_input_error(input, node, "'out-null-if' needs 'out-null': the arguments "
                                  "it is about");
        return -1;
    }
    if (parse_argument_values(set, input, node, "out-null-if", &rule->out_null_if_argument,
                              &rule->out_null_if_values, &rule->out_null_if_count, error) != 0)
        return -1;
    if (argument_in_mask(rule->out_null_arguments, rule->out_null_if_argument - 1)) {
        *error = yaml_input_error(input, node, "argument %d is an out-parameter, not a "
                                  "condition", rule->out_null_if_argument);
        return -1;
    }
    return 0;
}

static void add_pending(struct pending *pending, const struct pack_entry *rule)
{
    pending->entries = heap_array_reserve(pending->entries, &pending->capacity, pending->count + 1, sizeof *pending->entries);
    pending->entries[pending->count++] = *rule;
}

/* An entry's facts about results and arguments: returns, nonnull, checks,
 * out-null, out-kind, propagates-null (and macro); *kind_text is the kind
 * its default reason speaks of, or NULL. */
static int parse_entry_facts(struct pack_set *set, struct yaml_input *input, yaml_node_t *node,
                             struct pack_entry *rule, const char **kind_text, char **error)
{
    yaml_node_t *value;
    if ((value = yaml_input_get(input, node, "macro")) &&
        yaml_input_bool(input, value, &rule->macro_only, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, node, "returns"))) {
        if (parse_kind(input, value, &rule->returns, error) != 0)
            return -1;
        *kind_text = (const char *)value->data.scalar.value;
    }
    if ((value = yaml_input_get(input, node, "nonnull")) &&
        parse_arguments(input, value, &rule->nonnull_arguments, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, node, "nonnull-if-nonzero")) &&
        parse_conditional(input, value, rule, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, node, "checks")) &&
        parse_arguments(input, value, &rule->checked_arguments, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, node, "out-null")) &&
        parse_arguments(input, value, &rule->out_null_arguments, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, node, "out-null-if")) &&
        parse_out_null_if(set, input, value, rule, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, node, "found-if"))) {
        if (rule->returns == SOURCE_NONE) {
            *error = yaml_input_error(input, value, "'found-if' needs 'returns': the result "
                                      "it is about");
            return -1;
        }
        if (parse_argument_values(set, input, value, "found-if", &rule->found_if_argument,
                                  &rule->found_if_values, &rule->found_if_count, error) != 0)
            return -1;
    }
    if ((value = yaml_input_get(input, node, "found-if-first")) &&
        parse_found_if_first(input, value, rule, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, node, "found-with"))) {
        const char *other = yaml_input_scalar(input, value, "a function name", error);
        if (!other)
            return -1;
        if (rule->returns != SOURCE_LOOKUP || !is_identifier(other)) {
            *error = yaml_input_error(input, value, "'found-with' names the lookup (a C "
                                      "identifier) that finds exactly when this one does, "
                                      "and needs 'returns: lookup'");
            return -1;
        }
        rule->found_with = arena_strdup(&set->strings, other);
    }
    if ((value = yaml_input_get(input, node, "found-if-clock"))) {
        long position;
        if (rule->returns == SOURCE_NONE) {
            *error = yaml_input_error(input, value, "'found-if-clock' needs 'returns': the "
                                      "result it is about");
            return -1;
        }
        if (yaml_input_integer(input, value, 1, MAX_ARGUMENT, &position, error) != 0)
            return -1;
        rule->found_if_clock = (int)position;
    }
    if ((value = yaml_input_get(input, node, "out-nonnull"))) {
        if (parse_arguments(input, value, &rule->out_nonnull_arguments, error) != 0)
            return -1;
        if (rule->out_nonnull_arguments & rule->out_null_arguments) {
            *error = yaml_input_error(input, value, "an argument cannot be in both 'out-null' "
                                      "and 'out-nonnull'");
            return -1;
        }
    }
    yaml_node_t *propagates = yaml_input_get(input, node, "propagates-null");
    if (propagates &&
        parse_arguments(input, propagates, &rule->propagated_arguments, error) != 0)
        return -1;
    if (rule->propagated_arguments && rule->returns != SOURCE_NONE) {
        *error = yaml_input_error(input, propagates, "'propagates-null' and 'returns' contradict: "
                                  "the result is either as NULL as an argument or a NULL source");
        return -1;
    }
    yaml_node_t *target = yaml_input_get(input, node, "returns-target");
    if (target && parse_arguments(input, target, &rule->returned_targets, error) != 0)
        return -1;
    if (rule->returned_targets && (rule->returns != SOURCE_NONE || rule->propagated_arguments)) {
        *error = yaml_input_error(input, target, "'returns-target' and '%s' contradict: the "
                                  "result is what the argument points to",
                                  rule->returns != SOURCE_NONE ? "returns" : "propagates-null");
        return -1;
    }
    yaml_node_t *out_kind = yaml_input_get(input, node, "out-kind");
    if (out_kind) {
        if (!rule->out_null_arguments) {
            *error = yaml_input_error(input, out_kind,
                                      "'out-kind' needs 'out-null': the arguments it is about");
            return -1;
        }
        if (parse_kind(input, out_kind, &rule->out_kind, error) != 0)
            return -1;
        if (!*kind_text)
            *kind_text = (const char *)out_kind->data.scalar.value;
    } else if (rule->out_null_arguments) {
        rule->out_kind = rule->returns != SOURCE_NONE ? rule->returns : SOURCE_LOOKUP;
        if (!*kind_text)
            *kind_text = "lookup";
    }
    return 0;
}

/* noreturn, never-null and accepts-null, which rule out some facts. */
static int parse_entry_flags(struct yaml_input *input, yaml_node_t *node,
                             struct pack_entry *rule, char **error)
{
    yaml_node_t *noreturn = yaml_input_get(input, node, "noreturn");
    if (noreturn && yaml_input_bool(input, noreturn, &rule->noreturn, error) != 0)
        return -1;
    if (rule->noreturn &&
        (rule->returns != SOURCE_NONE || rule->out_null_arguments || rule->propagated_arguments)) {
        *error = yaml_input_error(input, noreturn, "'%s' cannot both never return and return "
                                  "or leave NULL", rule->name);
        return -1;
    }
    yaml_node_t *if_nonzero = yaml_input_get(input, node, "noreturn-if-nonzero");
    if (if_nonzero) {
        long position;
        if (yaml_input_integer(input, if_nonzero, 1, MAX_ARGUMENT, &position, error) != 0)
            return -1;
        if (rule->noreturn || rule->returns != SOURCE_NONE || rule->propagated_arguments) {
            *error = yaml_input_error(input, if_nonzero, "'noreturn-if-nonzero' needs a function "
                                      "that returns nothing nullable and may return at all");
            return -1;
        }
        rule->noreturn_if_nonzero = (int)position;
    }
    yaml_node_t *never_null = yaml_input_get(input, node, "never-null");
    if (never_null && yaml_input_bool(input, never_null, &rule->never_null, error) != 0)
        return -1;
    if (rule->never_null &&
        (rule->returns != SOURCE_NONE || rule->propagated_arguments || rule->noreturn)) {
        *error = yaml_input_error(input, never_null, "'%s' cannot both never return NULL and "
                                  "return NULL, pass it on or never return", rule->name);
        return -1;
    }
    yaml_node_t *calls_back = yaml_input_get(input, node, "calls-back");
    if (calls_back && yaml_input_bool(input, calls_back, &rule->calls_back, error) != 0)
        return -1;
    yaml_node_t *clock = yaml_input_get(input, node, "clock");
    if (clock && yaml_input_bool(input, clock, &rule->clock, error) != 0)
        return -1;
    yaml_node_t *pure = yaml_input_get(input, node, "pure");
    if (pure && yaml_input_bool(input, pure, &rule->pure, error) != 0)
        return -1;
    if (rule->pure && (rule->calls_back || rule->returns == SOURCE_ALLOC || rule->noreturn ||
                       rule->out_null_arguments || rule->out_nonnull_arguments)) {
        *error = yaml_input_error(input, pure, "'%s' cannot be pure: it allocates, writes "
                                  "through an argument, calls back or never returns", rule->name);
        return -1;
    }
    yaml_node_t *accepts = yaml_input_get(input, node, "accepts-null");
    if (accepts && yaml_input_bool(input, accepts, &rule->accepts_null, error) != 0)
        return -1;
    if (rule->accepts_null &&
        (rule->nonnull_arguments || rule->nonnull_if_nonzero || rule->checked_arguments)) {
        *error = yaml_input_error(input, accepts, "'%s' cannot both accept NULL and require or "
                                  "check arguments", rule->name);
        return -1;
    }
    return 0;
}

/* The entry's reason, given or the default for its kind. */
static int parse_entry_reason(struct pack_set *set, struct yaml_input *input, yaml_node_t *node,
                              struct pack_entry *rule, const char *kind_text, char **error)
{
    yaml_node_t *value;
    if ((value = yaml_input_get(input, node, "reason"))) {
        const char *reason = yaml_input_scalar(input, value, "a one-line reason", error);
        if (!reason)
            return -1;
        if (!reason[0] || strchr(reason, '\n') || strlen(reason) > MAX_REASON) {
            *error = yaml_input_error(input, value, "expected a one-line reason of 1 to %d "
                                      "characters", MAX_REASON);
            return -1;
        }
        rule->reason = arena_strdup(&set->strings, reason);
    } else if (kind_text) {
        rule->reason = default_reason(kind_text, rule->returns == SOURCE_NONE);
    }
    return 0;
}

static int parse_entry(struct pack_set *set, struct yaml_input *input, yaml_node_t *node,
                       const char *pack, const char *file, struct pending *pending,
                       char **error)
{
    if (yaml_input_expect_mapping(input, node, "an entry", error) != 0 ||
        yaml_input_check_keys(input, node, "an entry", entry_keys, COUNT(entry_keys), error) != 0)
        return -1;
    struct pack_entry rule;
    memset(&rule, 0, sizeof rule);
    yaml_node_t *name = yaml_input_get(input, node, "name");
    if (!name) {
        *error = yaml_input_error(input, node, "an entry needs 'name': the function or macro "
                                  "it describes");
        return -1;
    }
    const char *text = yaml_input_scalar(input, name, "a function or macro name", error);
    if (!text)
        return -1;
    if (!is_identifier(text)) {
        *error = yaml_input_error(input, name, "expected a C identifier as 'name', found '%s'",
                                  text);
        return -1;
    }
    for (int i = 0; i < pending->count; i++) {
        if (strcmp(pending->entries[i].name, text) == 0) {
            *error = yaml_input_error(input, name, "'%s' is already described on line %u of "
                                      "this pack", text, pending->entries[i].line);
            return -1;
        }
    }
    rule.name = arena_strdup(&set->strings, text);
    rule.pack = pack;
    rule.file = file;
    rule.line = (unsigned)node->start_mark.line + 1;

    const char *kind_text = NULL;
    if (parse_entry_facts(set, input, node, &rule, &kind_text, error) != 0 ||
        parse_entry_flags(input, node, &rule, error) != 0 ||
        parse_entry_reason(set, input, node, &rule, kind_text, error) != 0)
        return -1;
    if (rule.returns == SOURCE_NONE && !rule.nonnull_arguments && !rule.nonnull_if_nonzero &&
        !rule.checked_arguments &&
        !rule.out_null_arguments && !rule.out_nonnull_arguments && !rule.noreturn &&
        !rule.noreturn_if_nonzero && !rule.accepts_null &&
        !rule.propagated_arguments && !rule.returned_targets && !rule.never_null &&
        !rule.calls_back && !rule.pure && !rule.clock) {
        *error = yaml_input_error(input, node, "entry '%s' states nothing; expected at least "
                                  "one of returns, nonnull, nonnull-if-nonzero, checks, "
                                  "out-null, out-nonnull, propagates-null, returns-target, "
                                  "noreturn: true, "
                                  "noreturn-if-nonzero, never-null: true, accepts-null: true, calls-back: true, "
                                  "pure: true, clock: true",
                                  rule.name);
        return -1;
    }
    add_pending(pending, &rule);
    return 0;
}

static const char *variant_scalar(struct pack_set *set, struct yaml_input *input,
                                  yaml_node_t *node, const char *what, char **error)
{
    const char *text = yaml_input_scalar(input, node, what, error);
    return text ? arena_strdup(&set->strings, text) : NULL;
}

static void add_variant(struct pack_set *set, const struct pack_variant *variant)
{
    set->variants = heap_array_reserve(set->variants, &set->variant_capacity, set->variant_count + 1, sizeof *set->variants);
    set->variants[set->variant_count++] = *variant;
}

/* variants: [{type: shape, tag: kind, members: {circle: SHAPE_ROUND, ...}}] */
static int parse_variants(struct pack_set *set, struct yaml_input *input, yaml_node_t *list,
                          char **error)
{
    if (list->type != YAML_SEQUENCE_NODE) {
        *error = yaml_input_error(input, list, "expected 'variants' to be a list of tagged "
                                  "unions");
        return -1;
    }
    for (int i = 0; i < yaml_input_item_count(list); i++) {
        yaml_node_t *item = yaml_input_item(input, list, i);
        if (yaml_input_expect_mapping(input, item, "a tagged union", error) != 0 ||
            yaml_input_check_keys(input, item, "a tagged union", variant_keys,
                                  COUNT(variant_keys), error) != 0)
            return -1;
        yaml_node_t *type = yaml_input_get(input, item, "type");
        yaml_node_t *tag = yaml_input_get(input, item, "tag");
        yaml_node_t *members = yaml_input_get(input, item, "members");
        if (!type || !tag || !members) {
            *error = yaml_input_error(input, item, "a tagged union needs 'type', 'tag' and "
                                      "'members'");
            return -1;
        }
        struct pack_variant variant;
        variant.type = variant_scalar(set, input, type, "a struct or typedef name", error);
        variant.tag = variant.type ? variant_scalar(set, input, tag, "a field name", error)
                                   : NULL;
        if (!variant.tag)
            return -1;
        if (yaml_input_expect_mapping(input, members, "members: member -> variant", error) != 0)
            return -1;
        for (yaml_node_pair_t *pair = members->data.mapping.pairs.start;
             pair < members->data.mapping.pairs.top; pair++) {
            yaml_node_t *member = yaml_input_node(input, pair->key);
            yaml_node_t *value = yaml_input_node(input, pair->value);
            variant.member = variant_scalar(set, input, member, "a member name", error);
            variant.variant = variant.member
                                  ? variant_scalar(set, input, value,
                                                   "an enumerator, true or false", error)
                                  : NULL;
            if (!variant.variant)
                return -1;
            add_variant(set, &variant);
        }
    }
    return 0;
}

static int parse_pack(struct pack_set *set, struct yaml_input *input, const char *file,
                      struct pending *pending, struct pack_info *info, char **error)
{
    yaml_node_t *root = yaml_input_root(input);
    if (!root) {
        *error = yaml_input_error(input, NULL, "expected a rule pack (a mapping with 'pack' "
                                  "and 'entries'), found an empty file");
        return -1;
    }
    if (yaml_input_expect_mapping(input, root, "a rule pack", error) != 0 ||
        yaml_input_check_keys(input, root, "a rule pack", pack_keys, COUNT(pack_keys), error) != 0)
        return -1;
    yaml_node_t *name = yaml_input_get(input, root, "pack");
    if (!name) {
        *error = yaml_input_error(input, root, "a rule pack needs 'pack': its name");
        return -1;
    }
    const char *text = yaml_input_scalar(input, name, "a pack name", error);
    if (!text)
        return -1;
    if (!is_pack_name(text)) {
        *error = yaml_input_error(input, name, "expected a pack name of letters, digits, '-', "
                                  "'_' and '.', found '%s'", text);
        return -1;
    }
    info->name = arena_strdup(&set->strings, text);
    info->file = file;
    yaml_node_t *description = yaml_input_get(input, root, "description");
    if (description) {
        const char *about = yaml_input_scalar(input, description, "a description", error);
        if (!about)
            return -1;
        info->description = arena_strdup(&set->strings, about);
    }
    yaml_node_t *variants = yaml_input_get(input, root, "variants");
    if (variants && parse_variants(set, input, variants, error) != 0)
        return -1;
    yaml_node_t *entries = yaml_input_get(input, root, "entries");
    if (!entries && variants)
        return 0;
    if (!entries) {
        *error = yaml_input_error(input, root, "a rule pack needs 'entries': a list of "
                                  "functions and macros");
        return -1;
    }
    if (entries->type != YAML_SEQUENCE_NODE) {
        *error = yaml_input_error(input, entries, "expected 'entries' to be a list of entries");
        return -1;
    }
    int count = yaml_input_item_count(entries);
    for (int i = 0; i < count; i++) {
        if (parse_entry(set, input, yaml_input_item(input, entries, i), info->name, file,
                        pending, error) != 0)
            return -1;
    }
    info->entry_count = pending->count;
    return 0;
}

static int compare_rules(const void *a, const void *b)
{
    const struct pack_entry *left = a, *right = b;
    return strcmp(left->name, right->name);
}

/* Adds the parsed entries: a name already in the set is replaced. */
static void merge(struct pack_set *set, const struct pending *pending)
{
    int before = set->count;
    for (int i = 0; i < pending->count; i++) {
        const struct pack_entry *rule = &pending->entries[i];
        struct pack_entry *existing =
            before ? bsearch(rule, set->entries, (size_t)before, sizeof *set->entries,
                             compare_rules)
                   : NULL;
        if (existing) {
            *existing = *rule;
            continue;
        }
        set->entries = heap_array_reserve(set->entries, &set->capacity, set->count + 1, sizeof *set->entries);
        set->entries[set->count++] = *rule;
    }
    if (set->count > before)
        qsort(set->entries, (size_t)set->count, sizeof *set->entries, compare_rules);
}

static void add_pack_info(struct pack_set *set, const struct pack_info *info)
{
    set->packs = xrealloc(set->packs, (size_t)(set->pack_count + 1) * sizeof *set->packs);
    set->packs[set->pack_count++] = *info;
}

int packs_add_pack(struct pack_set *set, const char *file, const char *text, size_t length,
                   char **error)
{
    *error = NULL;
    const char *stored_file = arena_strdup(&set->strings, file);
    struct yaml_input input;
    if (yaml_input_load(&input, stored_file, text, length, error) != 0) {
        yaml_input_free(&input);
        return -1;
    }
    struct pending pending = {NULL, 0, 0};
    struct pack_info info;
    memset(&info, 0, sizeof info);
    int status = parse_pack(set, &input, stored_file, &pending, &info, error);
    yaml_input_free(&input);
    if (status == 0) {
        merge(set, &pending);
        add_pack_info(set, &info);
    }
    free(pending.entries);
    return status;
}

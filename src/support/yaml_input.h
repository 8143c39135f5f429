/*
 * yaml_input: one YAML document loaded with libyaml's document API, and
 * the small checks every reader of nullproof's YAML files needs (a node
 * is a mapping, a scalar, a boolean, a small integer), each failing with
 * "FILE:LINE:COLUMN: what was expected". It knows no schema: packs
 * (rules/pack.c) and the configuration (driver/config.c) walk the nodes.
 */
#ifndef NULLPROOF_YAML_INPUT_H
#define NULLPROOF_YAML_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

struct yaml_input {
    const char *file;         /* for messages; not owned */
    yaml_document_t document;
    bool loaded;
};

/* Parses `text`, which must hold at most one document (none: an empty
 * file, root NULL). Returns 0, or -1 with a malloc'ed message in *error;
 * release `input` with yaml_input_free in both cases. */
int yaml_input_load(struct yaml_input *input, const char *file, const char *text, size_t length,
                    char **error);

void yaml_input_free(struct yaml_input *input);

/* The root node, or NULL for an empty document. */
yaml_node_t *yaml_input_root(struct yaml_input *input);

/* The node with libyaml's index `index` (never NULL for indexes found in
 * a loaded document). */
yaml_node_t *yaml_input_node(struct yaml_input *input, int index);

/* A malloc'ed "FILE:LINE:COLUMN: MESSAGE" pointing at `node`. */
char *yaml_input_error(const struct yaml_input *input, const yaml_node_t *node,
                       const char *format, ...) __attribute__((format(printf, 3, 4)));

/* The text of a scalar node (NUL-terminated by libyaml), or NULL with
 * *error set when `node` is not a scalar or holds a NUL byte. `what`
 * names the expected value in the message ("a rule id"). */
const char *yaml_input_scalar(const struct yaml_input *input, const yaml_node_t *node,
                              const char *what, char **error);

/* true/false. Returns 0, or -1 with *error. */
int yaml_input_bool(const struct yaml_input *input, const yaml_node_t *node, bool *value,
                    char **error);

/* A decimal integer from `low` to `high`. Returns 0, or -1 with *error. */
int yaml_input_integer(const struct yaml_input *input, const yaml_node_t *node, long low,
                       long high, long *value, char **error);

/* The node must be a mapping (then 0) or the call fails with *error
 * naming `what` ("a rule pack"). */
int yaml_input_expect_mapping(const struct yaml_input *input, const yaml_node_t *node,
                              const char *what, char **error);

/* Checks the keys of a mapping: each a scalar among `known` (count
 * entries), none twice. On failure *error names the key and lists the
 * known ones. Returns 0 or -1. */
int yaml_input_check_keys(struct yaml_input *input, const yaml_node_t *mapping,
                          const char *where, const char *const *known, int count, char **error);

/* The value of `key` in a mapping, or NULL when absent. */
yaml_node_t *yaml_input_get(struct yaml_input *input, const yaml_node_t *mapping,
                            const char *key);

/* A list: a sequence has its items, any other node is a list of itself
 * (`nonnull: 1` means `nonnull: [1]`). */
int yaml_input_item_count(const yaml_node_t *node);

/* Item `i` (0 <= i < yaml_input_item_count(node)) of that list. */
yaml_node_t *yaml_input_item(struct yaml_input *input, yaml_node_t *node, int i);

#endif

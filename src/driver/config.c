/*
 * config: .nullproof.yaml read with libyaml's document API and written
 * with its emitter. Rule ids and built-in pack names are checked here, so
 * a typo is reported at its line and column like any other mistake.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../checks/checks.h"
#include "../checks/suggest.h"
#include "../packs/packs.h"
#include "../support/yaml_input.h"
#include "../support/text.h"
#include "../support/files.h"
#include "../support/xalloc.h"

enum { MAX_CONFIG_BYTES = 1024 * 1024 };

static const char *const config_keys[] = {
    "enable", "disable", "severity", "packs", "builtin-packs", "exclude",
    "allocations-never-fail", "report-unused-suppressions", "suggest", "noreturn",
    "never-null", "compile-flags", "cache-dir", "cache-size"};
static const char *const compile_flag_keys[] = {"remove", "add"};

#define COUNT(array) ((int)(sizeof array / sizeof array[0]))

static void free_strings(char **items, int count)
{
    for (int i = 0; i < count; i++)
        free(items[i]);
    free(items);
}

void config_init(struct config *config)
{
    memset(config, 0, sizeof *config);
}

void config_free(struct config *config)
{
    free(config->path);
    free(config->directory);
    free_strings(config->enable, config->enable_count);
    free_strings(config->disable, config->disable_count);
    free_strings(config->severity_rules, config->severity_count);
    free(config->severities);
    free_strings(config->packs, config->pack_count);
    free_strings(config->builtin_packs, config->builtin_pack_count);
    free_strings(config->exclude, config->exclude_count);
    free_strings(config->noreturn, config->noreturn_count);
    free_strings(config->never_null, config->never_null_count);
    free_strings(config->remove_flags, config->remove_flag_count);
    free(config->cache_dir);
    free_strings(config->add_flags, config->add_flag_count);
    memset(config, 0, sizeof *config);
}

bool config_severity_from_name(const char *name, enum severity *severity)
{
    if (strcmp(name, "warning") == 0)
        *severity = SEVERITY_WARNING;
    else if (strcmp(name, "error") == 0)
        *severity = SEVERITY_ERROR;
    else if (strcmp(name, "note") == 0)
        *severity = SEVERITY_NOTE;
    else
        return false;
    return true;
}

/* `path` made absolute against `directory` and normalised; malloc'ed. */
static char *absolute_path(const char *directory, const char *path)
{
    char *joined = path[0] == '/' || !directory ? text_printf("%s", path)
                                                : text_printf("%s/%s", directory, path);
    if (joined[0] == '/')
        path_normalize(joined);
    return joined;
}

/* A list of rule ids, each checked against the registry. */
static int parse_rule_list(struct yaml_input *input, yaml_node_t *node, char ***items,
                           int *count, char **error)
{
    int length = yaml_input_item_count(node);
    for (int i = 0; i < length; i++) {
        yaml_node_t *item = yaml_input_item(input, node, i);
        const char *id = yaml_input_scalar(input, item, "a rule id", error);
        if (!id)
            return -1;
        if (!checks_find(id)) {
            *error = yaml_input_error(input, item, "unknown rule '%s' (see --list-rules)", id);
            return -1;
        }
        xappend_string(items, count, xstrdup(id));
    }
    return 0;
}

static bool is_c_identifier(const char *name)
{
    bool identifier = name[0] && !isdigit((unsigned char)name[0]);
    for (const char *c = name; *c && identifier; c++)
        identifier = isalnum((unsigned char)*c) || *c == '_';
    return identifier;
}

/* A list of strings, each a `what` ("function name"); with `identifiers`
 * each must be a C identifier (`noreturn: [die, fatal]`), else anything
 * goes (compile-flags' compiler arguments). */
static int parse_string_list(struct yaml_input *input, yaml_node_t *node, const char *what,
                             bool identifiers, char ***items, int *count, char **error)
{
    if (node->type != YAML_SEQUENCE_NODE) {
        *error = yaml_input_error(input, node, "expected a list of %ss", what);
        return -1;
    }
    char one[64]; /* "a function name", for yaml_input's messages */
    snprintf(one, sizeof one, "a %s", what);
    int length = yaml_input_item_count(node);
    for (int i = 0; i < length; i++) {
        yaml_node_t *item = yaml_input_item(input, node, i);
        const char *text = yaml_input_scalar(input, item, one, error);
        if (!text)
            return -1;
        if (identifiers && !is_c_identifier(text)) {
            *error = yaml_input_error(input, item, "expected a C %s, found '%s'", what, text);
            return -1;
        }
        xappend_string(items, count, xstrdup(text));
    }
    return 0;
}

/* compile-flags: {remove: [...], add: [...]} */
static int parse_compile_flags(struct config *config, struct yaml_input *input,
                               yaml_node_t *node, char **error)
{
    if (yaml_input_expect_mapping(input, node, "'compile-flags': remove and add lists",
                                  error) != 0 ||
        yaml_input_check_keys(input, node, "'compile-flags'", compile_flag_keys,
                              COUNT(compile_flag_keys), error) != 0)
        return -1;
    yaml_node_t *value;
    if ((value = yaml_input_get(input, node, "remove")) &&
        parse_string_list(input, value, "compiler argument", false, &config->remove_flags,
                          &config->remove_flag_count, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, node, "add")) &&
        parse_string_list(input, value, "compiler argument", false, &config->add_flags,
                          &config->add_flag_count, error) != 0)
        return -1;
    return 0;
}

bool config_removes_flag(const struct config *config, const char *argument)
{
    for (int i = 0; i < config->remove_flag_count; i++) {
        const char *pattern = config->remove_flags[i];
        size_t length = strlen(pattern);
        if (length > 0 && pattern[length - 1] == '*'
                ? strncmp(argument, pattern, length - 1) == 0
                : strcmp(argument, pattern) == 0)
            return true;
    }
    return false;
}

static int parse_severities(struct config *config, struct yaml_input *input, yaml_node_t *node,
                            char **error)
{
    if (yaml_input_expect_mapping(input, node, "'severity': rule ids mapped to warning, error "
                                  "or note", error) != 0)
        return -1;
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = yaml_input_node(input, pair->key);
        yaml_node_t *value = yaml_input_node(input, pair->value);
        const char *id = yaml_input_scalar(input, key, "a rule id", error);
        if (!id)
            return -1;
        if (!checks_find(id)) {
            *error = yaml_input_error(input, key, "unknown rule '%s' (see --list-rules)", id);
            return -1;
        }
        for (int i = 0; i < config->severity_count; i++) {
            if (strcmp(config->severity_rules[i], id) == 0) {
                *error = yaml_input_error(input, key, "severity of '%s' given twice", id);
                return -1;
            }
        }
        const char *level = yaml_input_scalar(input, value, "warning, error or note", error);
        if (!level)
            return -1;
        enum severity severity;
        if (!config_severity_from_name(level, &severity)) {
            *error = yaml_input_error(input, value, "expected warning, error or note, found '%s'",
                                      level);
            return -1;
        }
        enum severity *grown = xrealloc(config->severities,
                                        (size_t)(config->severity_count + 1) * sizeof *grown);
        config->severities = grown;
        config->severities[config->severity_count] = severity;
        xappend_string(&config->severity_rules, &config->severity_count, xstrdup(id));
    }
    return 0;
}

/* Paths relative to the configuration's directory, made absolute. */
static int parse_paths(struct yaml_input *input, yaml_node_t *node, const char *directory,
                       const char *what, char ***items, int *count, char **error)
{
    int length = yaml_input_item_count(node);
    for (int i = 0; i < length; i++) {
        yaml_node_t *item = yaml_input_item(input, node, i);
        const char *path = yaml_input_scalar(input, item, what, error);
        if (!path)
            return -1;
        if (!path[0]) {
            *error = yaml_input_error(input, item, "expected %s, found an empty string", what);
            return -1;
        }
        xappend_string(items, count, absolute_path(directory, path));
    }
    return 0;
}

static int parse_builtin_packs(struct config *config, struct yaml_input *input,
                               yaml_node_t *node, char **error)
{
    int available = 0;
    const struct embedded_pack *packs = packs_embedded(&available);
    int length = yaml_input_item_count(node);
    for (int i = 0; i < length; i++) {
        yaml_node_t *item = yaml_input_item(input, node, i);
        const char *name = yaml_input_scalar(input, item, "a built-in pack name", error);
        if (!name)
            return -1;
        bool known = false;
        size_t name_length = strlen(name);
        for (int p = 0; p < available && !known; p++)
            known = strncmp(packs[p].file, name, name_length) == 0 &&
                    strcmp(packs[p].file + name_length, ".yaml") == 0;
        if (!known) {
            *error = yaml_input_error(input, item, "unknown built-in rule pack '%s' (see "
                                      "--list-rules --verbose)", name);
            return -1;
        }
        xappend_string(&config->builtin_packs, &config->builtin_pack_count, xstrdup(name));
    }
    config->has_builtin_packs = true;
    return 0;
}

static int parse_root(struct config *config, struct yaml_input *input, const char *directory,
                      char **error)
{
    yaml_node_t *root = yaml_input_root(input);
    if (!root)
        return 0; /* an empty file: every default */
    if (yaml_input_expect_mapping(input, root, "a nullproof configuration", error) != 0 ||
        yaml_input_check_keys(input, root, "the configuration", config_keys, COUNT(config_keys),
                              error) != 0)
        return -1;
    yaml_node_t *value;
    if ((value = yaml_input_get(input, root, "enable"))) {
        config->has_enable = true;
        if (parse_rule_list(input, value, &config->enable, &config->enable_count, error) != 0)
            return -1;
    }
    if ((value = yaml_input_get(input, root, "disable")) &&
        parse_rule_list(input, value, &config->disable, &config->disable_count, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, root, "severity")) &&
        parse_severities(config, input, value, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, root, "packs")) &&
        parse_paths(input, value, directory, "a rule pack file or directory", &config->packs,
                    &config->pack_count, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, root, "compile-flags")) &&
        parse_compile_flags(config, input, value, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, root, "noreturn")) &&
        parse_string_list(input, value, "function name", true, &config->noreturn,
                          &config->noreturn_count, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, root, "never-null")) &&
        parse_string_list(input, value, "function name", true, &config->never_null,
                          &config->never_null_count, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, root, "builtin-packs")) &&
        parse_builtin_packs(config, input, value, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, root, "exclude")) &&
        parse_paths(input, value, directory, "a path or pattern", &config->exclude,
                    &config->exclude_count, error) != 0)
        return -1;
    for (int i = 0; i < config->exclude_count; i++) {
        size_t length = strlen(config->exclude[i]);
        if (length > 1 && config->exclude[i][length - 1] == '/')
            config->exclude[i][length - 1] = '\0'; /* "third_party/": the directory */
    }
    if ((value = yaml_input_get(input, root, "allocations-never-fail")) &&
        yaml_input_bool(input, value, &config->allocations_never_fail, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, root, "report-unused-suppressions")) &&
        yaml_input_bool(input, value, &config->report_unused_suppressions, error) != 0)
        return -1;
    if ((value = yaml_input_get(input, root, "cache-dir"))) {
        const char *path = yaml_input_scalar(input, value, "a directory", error);
        if (!path)
            return -1;
        if (!path[0]) {
            *error = yaml_input_error(input, value, "expected a directory, found an empty string");
            return -1;
        }
        free(config->cache_dir);
        config->cache_dir = absolute_path(directory, path);
    }
    if ((value = yaml_input_get(input, root, "cache-size"))) {
        long size = 0;
        if (yaml_input_integer(input, value, 1, 1024L * 1024, &size, error) != 0)
            return -1;
        config->cache_size = size;
    }
    if ((value = yaml_input_get(input, root, "suggest"))) {
        const char *level = yaml_input_scalar(input, value, "none, fix or full", error);
        if (!level)
            return -1;
        if (!suggest_parse_level(level, &config->suggest)) {
            *error = yaml_input_error(input, value, "expected none, fix or full, found '%s'",
                                      level);
            return -1;
        }
        config->has_suggest = true;
    }
    return 0;
}

int config_parse(struct config *config, const char *file, const char *directory,
                 const char *text, size_t length, char **error)
{
    *error = NULL;
    free(config->path);
    free(config->directory);
    config->path = xstrdup(file);
    config->directory = directory ? xstrdup(directory) : NULL;
    struct yaml_input input;
    int status = yaml_input_load(&input, file, text, length, error);
    if (status == 0)
        status = parse_root(config, &input, directory, error);
    yaml_input_free(&input);
    return status;
}

static char *read_file(const char *path, size_t *length, char **error)
{
    char *text;
    switch (read_whole_file(path, MAX_CONFIG_BYTES, &text, length)) {
    case READ_OK:
        return text;
    case READ_CANNOT_OPEN:
        *error = text_printf("cannot read configuration %s: %s", path, strerror(errno));
        break;
    case READ_TOO_LARGE:
        *error = text_printf("%s: a configuration may hold at most %d bytes", path,
                             MAX_CONFIG_BYTES);
        break;
    case READ_FAILED:
        *error = text_printf("cannot read configuration %s", path);
        break;
    }
    free(text);
    return NULL;
}

int config_load(struct config *config, const char *path, char **error)
{
    *error = NULL;
    size_t length = 0;
    char *text = read_file(path, &length, error);
    if (!text)
        return -1;
    char *absolute = realpath(path, NULL);
    const char *named = absolute ? absolute : path;
    char *directory = xstrdup(named);
    char *slash = strrchr(directory, '/');
    if (slash && slash != directory)
        *slash = '\0';
    else if (slash)
        slash[1] = '\0';
    else
        strcpy(directory, ".");
    int status = config_parse(config, path, directory, text, length, error);
    free(directory);
    free(absolute);
    free(text);
    return status;
}

char *config_find(const char *directory)
{
    char *current = xstrdup(directory);
    for (;;) {
        char *candidate = strcmp(current, "/") == 0
                              ? text_printf("/%s", CONFIG_FILE_NAME)
                              : text_printf("%s/%s", current, CONFIG_FILE_NAME);
        struct stat status;
        if (stat(candidate, &status) == 0 && S_ISREG(status.st_mode)) {
            free(current);
            return candidate;
        }
        free(candidate);
        char *slash = strrchr(current, '/');
        if (!slash || strcmp(current, "/") == 0)
            break;
        if (slash == current)
            slash[1] = '\0';
        else
            *slash = '\0';
    }
    free(current);
    return NULL;
}

static bool has_glob(const char *text)
{
    return strpbrk(text, "*?[") != NULL;
}

bool config_excludes(const struct config *config, const char *absolute_path)
{
    for (int i = 0; i < config->exclude_count; i++) {
        const char *entry = config->exclude[i];
        if (has_glob(entry)) {
            if (fnmatch(entry, absolute_path, 0) == 0)
                return true;
            continue;
        }
        size_t length = strlen(entry);
        if (strncmp(absolute_path, entry, length) == 0 &&
            (absolute_path[length] == '\0' || absolute_path[length] == '/' ||
             (length == 1 && entry[0] == '/')))
            return true;
    }
    return false;
}

/* ---- writing: libyaml's emitter into a string_buffer ---- */

static int write_to_buffer(void *data, unsigned char *bytes, size_t size)
{
    string_buffer_append_length(data, (const char *)bytes, size);
    return 1;
}

static void emit(yaml_emitter_t *emitter, yaml_event_t *event)
{
    if (!yaml_emitter_emit(emitter, event))
        abort(); /* only on a bad event order or no memory: a bug, not input */
}

static void emit_scalar(yaml_emitter_t *emitter, const char *text)
{
    yaml_event_t event;
    yaml_scalar_event_initialize(&event, NULL, NULL, (const yaml_char_t *)text,
                                 (int)strlen(text), 1, 1, YAML_ANY_SCALAR_STYLE);
    emit(emitter, &event);
}

static void emit_list(yaml_emitter_t *emitter, const char *key, char *const *items, int count)
{
    yaml_event_t event;
    emit_scalar(emitter, key);
    yaml_sequence_start_event_initialize(&event, NULL, NULL, 1, YAML_FLOW_SEQUENCE_STYLE);
    emit(emitter, &event);
    for (int i = 0; i < count; i++)
        emit_scalar(emitter, items[i]);
    yaml_sequence_end_event_initialize(&event);
    emit(emitter, &event);
}

void config_write_yaml(const struct config *config, struct string_buffer *out)
{
    yaml_emitter_t emitter;
    yaml_event_t event;
    if (!yaml_emitter_initialize(&emitter))
        abort();
    yaml_emitter_set_output(&emitter, write_to_buffer, out);
    yaml_emitter_set_unicode(&emitter, 1);
    yaml_emitter_set_width(&emitter, 100);
    yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING);
    emit(&emitter, &event);
    yaml_document_start_event_initialize(&event, NULL, NULL, NULL, 1);
    emit(&emitter, &event);
    yaml_mapping_start_event_initialize(&event, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
    emit(&emitter, &event);
    if (config->has_enable)
        emit_list(&emitter, "enable", config->enable, config->enable_count);
    emit_list(&emitter, "disable", config->disable, config->disable_count);
    emit_scalar(&emitter, "severity");
    yaml_mapping_start_event_initialize(&event, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
    emit(&emitter, &event);
    for (int i = 0; i < config->severity_count; i++) {
        emit_scalar(&emitter, config->severity_rules[i]);
        emit_scalar(&emitter, severity_name(config->severities[i]));
    }
    yaml_mapping_end_event_initialize(&event);
    emit(&emitter, &event);
    emit_list(&emitter, "packs", config->packs, config->pack_count);
    if (config->has_builtin_packs)
        emit_list(&emitter, "builtin-packs", config->builtin_packs, config->builtin_pack_count);
    emit_list(&emitter, "exclude", config->exclude, config->exclude_count);
    if (config->remove_flag_count || config->add_flag_count) {
        emit_scalar(&emitter, "compile-flags");
        yaml_mapping_start_event_initialize(&event, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
        emit(&emitter, &event);
        emit_list(&emitter, "remove", config->remove_flags, config->remove_flag_count);
        emit_list(&emitter, "add", config->add_flags, config->add_flag_count);
        yaml_mapping_end_event_initialize(&event);
        emit(&emitter, &event);
    }
    emit_list(&emitter, "noreturn", config->noreturn, config->noreturn_count);
    emit_list(&emitter, "never-null", config->never_null, config->never_null_count);
    emit_scalar(&emitter, "allocations-never-fail");
    emit_scalar(&emitter, config->allocations_never_fail ? "true" : "false");
    emit_scalar(&emitter, "report-unused-suppressions");
    emit_scalar(&emitter, config->report_unused_suppressions ? "true" : "false");
    if (config->has_suggest) {
        static const char *const levels[] = {[SUGGEST_FIX] = "fix", [SUGGEST_NONE] = "none",
                                             [SUGGEST_FULL] = "full"};
        emit_scalar(&emitter, "suggest");
        emit_scalar(&emitter, levels[config->suggest]);
    }
    yaml_mapping_end_event_initialize(&event);
    emit(&emitter, &event);
    yaml_document_end_event_initialize(&event, 1);
    emit(&emitter, &event);
    yaml_stream_end_event_initialize(&event);
    emit(&emitter, &event);
    if (!yaml_emitter_flush(&emitter))
        abort();
    yaml_emitter_delete(&emitter);
}

/*
 * yaml_input: libyaml's document loader with nullproof's error messages.
 * Line and column in messages are 1-based, as editors count them.
 */
#include "yaml_input.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "text.h"

static char *format_at(const char *file, yaml_mark_t mark, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

static char *format_at(const char *file, yaml_mark_t mark, const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    char *message = text_vprintf(format, arguments);
    va_end(arguments);
    size_t size = strlen(file) + strlen(message) + 64;
    char *text = xmalloc(size);
    snprintf(text, size, "%s:%zu:%zu: %s", file, mark.line + 1, mark.column + 1, message);
    free(message);
    return text;
}

/* Line and column of a byte offset (libyaml gives only the offset for
 * encoding errors). */
static yaml_mark_t mark_of_offset(const char *text, size_t length, size_t offset)
{
    yaml_mark_t mark = {offset, 0, 0};
    for (size_t i = 0; i < offset && i < length; i++) {
        if (text[i] == '\n') {
            mark.line++;
            mark.column = 0;
        } else {
            mark.column++;
        }
    }
    return mark;
}

static char *parser_error(const char *file, const yaml_parser_t *parser, const char *text,
                          size_t length)
{
    const char *problem = parser->problem ? parser->problem : "cannot be read";
    if (parser->error == YAML_MEMORY_ERROR)
        return format_at(file, parser->problem_mark, "out of memory reading YAML");
    if (parser->error == YAML_READER_ERROR)
        return format_at(file, mark_of_offset(text, length, parser->problem_offset),
                         "invalid YAML: %s", problem);
    if (parser->context)
        return format_at(file, parser->problem_mark, "invalid YAML: %s %s", problem,
                         parser->context);
    return format_at(file, parser->problem_mark, "invalid YAML: %s", problem);
}

/* Flow collections ([ and {) nested deeper than this are refused before
 * libyaml sees them: its scanner slows down with the square of the depth
 * (100 KB of '[' took 25 s), and no configuration or pack needs more. */
enum { MAX_FLOW_DEPTH = 64 };

/* Where the text first nests flow collections deeper than MAX_FLOW_DEPTH
 * (a quick lexical scan that skips quoted scalars and comments); false
 * when it does not. */
static bool too_deep(const char *text, size_t length, yaml_mark_t *where)
{
    int depth = 0;
    size_t line = 0, line_start = 0;
    for (size_t i = 0; i < length; i++) {
        char c = text[i];
        if (c == '\n') {
            line++;
            line_start = i + 1;
        } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' ||
                                text[i - 1] == '\n')) {
            while (i + 1 < length && text[i + 1] != '\n')
                i++;
        } else if (c == '"' || c == '\'') {
            for (i++; i < length && text[i] != c; i++) {
                if (c == '"' && text[i] == '\\' && i + 1 < length)
                    i++;
                else if (text[i] == '\n')
                    line++, line_start = i + 1;
            }
        } else if (c == '[' || c == '{') {
            if (++depth > MAX_FLOW_DEPTH) {
                where->index = i;
                where->line = line;
                where->column = i - line_start;
                return true;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    return false;
}

int yaml_input_load(struct yaml_input *input, const char *file, const char *text, size_t length,
                    char **error)
{
    memset(input, 0, sizeof *input);
    input->file = file;
    *error = NULL;
    yaml_mark_t deep;
    if (too_deep(text, length, &deep)) {
        *error = format_at(file, deep, "lists and mappings nested deeper than %d levels",
                           MAX_FLOW_DEPTH);
        return -1;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        yaml_mark_t start = {0, 0, 0};
        *error = format_at(file, start, "out of memory reading YAML");
        return -1;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, length);
    if (!yaml_parser_load(&parser, &input->document)) {
        *error = parser_error(file, &parser, text, length);
        yaml_parser_delete(&parser);
        return -1;
    }
    input->loaded = true;
    if (yaml_document_get_root_node(&input->document)) {
        yaml_document_t next;
        if (!yaml_parser_load(&parser, &next)) {
            *error = parser_error(file, &parser, text, length);
            yaml_parser_delete(&parser);
            return -1;
        }
        yaml_node_t *extra = yaml_document_get_root_node(&next);
        if (extra) {
            *error = format_at(file, extra->start_mark,
                               "expected one YAML document, found a second one");
            yaml_document_delete(&next);
            yaml_parser_delete(&parser);
            return -1;
        }
        yaml_document_delete(&next);
    }
    yaml_parser_delete(&parser);
    return 0;
}

void yaml_input_free(struct yaml_input *input)
{
    if (input->loaded)
        yaml_document_delete(&input->document);
    input->loaded = false;
}

yaml_node_t *yaml_input_root(struct yaml_input *input)
{
    return input->loaded ? yaml_document_get_root_node(&input->document) : NULL;
}

yaml_node_t *yaml_input_node(struct yaml_input *input, int index)
{
    return yaml_document_get_node(&input->document, index);
}

char *yaml_input_error(const struct yaml_input *input, const yaml_node_t *node,
                       const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    char *message = text_vprintf(format, arguments);
    va_end(arguments);
    yaml_mark_t start = {0, 0, 0};
    char *text = format_at(input->file, node ? node->start_mark : start, "%s", message);
    free(message);
    return text;
}

static const char *node_kind(const yaml_node_t *node)
{
    switch (node->type) {
    case YAML_SCALAR_NODE: return "a scalar";
    case YAML_SEQUENCE_NODE: return "a list";
    case YAML_MAPPING_NODE: return "a mapping";
    case YAML_NO_NODE: break;
    }
    return "nothing";
}

const char *yaml_input_scalar(const struct yaml_input *input, const yaml_node_t *node,
                              const char *what, char **error)
{
    if (node->type != YAML_SCALAR_NODE) {
        *error = yaml_input_error(input, node, "expected %s, found %s", what, node_kind(node));
        return NULL;
    }
    const char *text = (const char *)node->data.scalar.value;
    if (strlen(text) != node->data.scalar.length) {
        *error = yaml_input_error(input, node, "expected %s, found text with a NUL byte", what);
        return NULL;
    }
    return text;
}

int yaml_input_bool(const struct yaml_input *input, const yaml_node_t *node, bool *value,
                    char **error)
{
    const char *text = yaml_input_scalar(input, node, "true or false", error);
    if (!text)
        return -1;
    if (strcmp(text, "true") == 0) {
        *value = true;
        return 0;
    }
    if (strcmp(text, "false") == 0) {
        *value = false;
        return 0;
    }
    *error = yaml_input_error(input, node, "expected true or false, found '%s'", text);
    return -1;
}

int yaml_input_integer(const struct yaml_input *input, const yaml_node_t *node, long low,
                       long high, long *value, char **error)
{
    const char *text = yaml_input_scalar(input, node, "a number", error);
    if (!text)
        return -1;
    char *end = NULL;
    errno = 0;
    long number = strtol(text, &end, 10);
    if (errno || end == text || *end != '\0' || number < low || number > high) {
        *error = yaml_input_error(input, node, "expected a number from %ld to %ld, found '%s'",
                                  low, high, text);
        return -1;
    }
    *value = number;
    return 0;
}

int yaml_input_expect_mapping(const struct yaml_input *input, const yaml_node_t *node,
                              const char *what, char **error)
{
    if (node->type == YAML_MAPPING_NODE)
        return 0;
    *error = yaml_input_error(input, node, "expected %s (a mapping of keys to values), found %s",
                              what, node_kind(node));
    return -1;
}

static char *joined(const char *const *words, int count)
{
    size_t size = 1;
    for (int i = 0; i < count; i++)
        size += strlen(words[i]) + 2;
    char *text = xmalloc(size);
    text[0] = '\0';
    for (int i = 0; i < count; i++) {
        if (i)
            strcat(text, ", ");
        strcat(text, words[i]);
    }
    return text;
}

int yaml_input_check_keys(struct yaml_input *input, const yaml_node_t *mapping,
                          const char *where, const char *const *known, int count, char **error)
{
    for (yaml_node_pair_t *pair = mapping->data.mapping.pairs.start;
         pair < mapping->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = yaml_input_node(input, pair->key);
        const char *text = yaml_input_scalar(input, key, "a key", error);
        if (!text)
            return -1;
        bool found = false;
        for (int i = 0; i < count && !found; i++)
            found = strcmp(text, known[i]) == 0;
        if (!found) {
            char *names = joined(known, count);
            *error = yaml_input_error(input, key, "unknown key '%s' in %s; expected one of: %s",
                                      text, where, names);
            free(names);
            return -1;
        }
        for (yaml_node_pair_t *earlier = mapping->data.mapping.pairs.start; earlier < pair;
             earlier++) {
            yaml_node_t *other = yaml_input_node(input, earlier->key);
            if (other->type == YAML_SCALAR_NODE &&
                strcmp((const char *)other->data.scalar.value, text) == 0) {
                *error = yaml_input_error(input, key, "key '%s' given twice in %s", text, where);
                return -1;
            }
        }
    }
    return 0;
}

yaml_node_t *yaml_input_get(struct yaml_input *input, const yaml_node_t *mapping,
                            const char *key)
{
    for (yaml_node_pair_t *pair = mapping->data.mapping.pairs.start;
         pair < mapping->data.mapping.pairs.top; pair++) {
        yaml_node_t *name = yaml_input_node(input, pair->key);
        if (name->type == YAML_SCALAR_NODE &&
            strcmp((const char *)name->data.scalar.value, key) == 0)
            return yaml_input_node(input, pair->value);
    }
    return NULL;
}

int yaml_input_item_count(const yaml_node_t *node)
{
    if (node->type != YAML_SEQUENCE_NODE)
        return 1;
    return (int)(node->data.sequence.items.top - node->data.sequence.items.start);
}

yaml_node_t *yaml_input_item(struct yaml_input *input, yaml_node_t *node, int i)
{
    if (node->type != YAML_SEQUENCE_NODE)
        return node;
    return yaml_input_node(input, node->data.sequence.items.start[i]);
}

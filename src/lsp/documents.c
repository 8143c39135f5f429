/*
 * documents: the buffers the client opened, as it holds them (text and
 * version), their file: URIs and paths, and LSP positions: lines and
 * characters counted in UTF-16 code units (or UTF-8 bytes when that was
 * negotiated) turned into byte offsets and back. It analyses nothing.
 */
#include "server.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../report/report.h"
#include "../support/files.h"
#include "../support/string_buffer.h"
#include "../support/xalloc.h"

/* ---- URIs ---- */

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *uri_to_path(const char *uri)
{
    if (!uri || strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *cursor = uri + 7;
    if (strncmp(cursor, "localhost/", 10) == 0)
        cursor += 9;
    if (*cursor != '/')
        return NULL; /* another host */
    char *path = xmalloc(strlen(cursor) + 1);
    size_t length = 0;
    for (; *cursor && *cursor != '?' && *cursor != '#'; cursor++) {
        int high, low;
        if (*cursor == '%' && (high = hex_value(cursor[1])) >= 0 &&
            (low = hex_value(cursor[2])) >= 0) {
            path[length++] = (char)(high * 16 + low);
            cursor += 2;
        } else {
            path[length++] = *cursor;
        }
    }
    path[length] = '\0';
    /* The name findings use: symbolic links resolved when the file exists. */
    char resolved[PATH_MAX];
    if (realpath(path, resolved)) {
        free(path);
        return xstrdup(resolved);
    }
    path_normalize(path);
    return path;
}

char *path_to_uri(const char *path)
{
    struct string_buffer uri;
    string_buffer_init(&uri);
    string_buffer_append(&uri, "file://");
    report_append_uri_path(&uri, path);
    char *text = xstrdup(string_buffer_text(&uri));
    string_buffer_free(&uri);
    return text;
}

/* ---- positions ---- */

/* Bytes in the UTF-8 sequence starting with `byte` (1 for a stray one). */
static unsigned sequence_length(unsigned char byte)
{
    if (byte >= 0xF0 && byte < 0xF8)
        return 4;
    if (byte >= 0xE0)
        return byte < 0xF0 ? 3 : 1;
    if (byte >= 0xC0)
        return 2;
    return 1;
}

const char *text_line(const char *text, size_t length, unsigned number, size_t *line_length)
{
    size_t at = 0;
    for (unsigned current = 1; current < number; at++) {
        if (at >= length)
            return NULL;
        if (text[at] == '\n')
            current++;
    }
    if (at > length)
        return NULL;
    size_t end = at;
    while (end < length && text[end] != '\n')
        end++;
    if (end > at && text[end - 1] == '\r')
        end--;
    *line_length = end - at;
    return text + at;
}

/* Bytes of `line` (length `length`) up to LSP `character`. */
static size_t line_bytes(const char *line, size_t length, unsigned character,
                         enum lsp_encoding encoding)
{
    if (encoding == LSP_UTF8)
        return character < length ? character : length;
    size_t at = 0;
    unsigned units = 0;
    while (at < length && units < character) {
        unsigned size = sequence_length((unsigned char)line[at]);
        if (at + size > length)
            size = 1;
        units += size == 4 ? 2 : 1; /* outside the BMP: a surrogate pair */
        at += size;
    }
    return at;
}

size_t text_offset(const char *text, size_t length, unsigned line, unsigned character,
                   enum lsp_encoding encoding)
{
    size_t line_length = 0;
    const char *start = text_line(text, length, line + 1, &line_length);
    if (!start)
        return length;
    return (size_t)(start - text) + line_bytes(start, line_length, character, encoding);
}

unsigned line_character(const char *line, size_t line_length, unsigned byte,
                        enum lsp_encoding encoding)
{
    if (!line || encoding == LSP_UTF8)
        return byte;
    unsigned units = 0;
    size_t at = 0;
    while (at < byte && at < line_length) {
        unsigned size = sequence_length((unsigned char)line[at]);
        units += size == 4 ? 2 : 1;
        at += size;
    }
    if (byte > line_length)
        units += byte - (unsigned)line_length; /* past the end: as bytes */
    return units;
}

/* ---- the store ---- */

struct lsp_document *documents_find(struct lsp_documents *documents, const char *uri)
{
    for (int i = 0; uri && i < documents->count; i++)
        if (strcmp(documents->items[i]->uri, uri) == 0)
            return documents->items[i];
    return NULL;
}

struct lsp_document *documents_find_path(struct lsp_documents *documents, const char *path)
{
    for (int i = 0; path && i < documents->count; i++)
        if (strcmp(documents->items[i]->path, path) == 0)
            return documents->items[i];
    return NULL;
}

void document_release_result(struct lsp_document *document)
{
    if (document->has_result)
        job_output_free(&document->result);
    document->has_result = false;
}

static void set_text(struct lsp_document *document, char *text, size_t length)
{
    free(document->text);
    document->text = text;
    document->length = length;
}

struct lsp_document *documents_open(struct lsp_documents *documents, const char *uri,
                                    const char *text, int version)
{
    char *path = uri_to_path(uri);
    if (!path)
        return NULL;
    struct lsp_document *document = documents_find(documents, uri);
    if (!document) {
        document = xcalloc(1, sizeof *document);
        document->uri = xstrdup(uri);
        documents->items = xrealloc(documents->items,
                                    (size_t)(documents->count + 1) * sizeof *documents->items);
        documents->items[documents->count++] = document;
    }
    free(document->path);
    document->path = path;
    set_text(document, xstrdup(text), strlen(text));
    document->version = version;
    return document;
}

static void document_free(struct lsp_document *document)
{
    document_release_result(document);
    free(document->uri);
    free(document->path);
    free(document->text);
    free(document);
}

void documents_close(struct lsp_documents *documents, const char *uri)
{
    for (int i = 0; i < documents->count; i++) {
        if (strcmp(documents->items[i]->uri, uri) != 0)
            continue;
        document_free(documents->items[i]);
        documents->items[i] = documents->items[--documents->count];
        return;
    }
}

void documents_free(struct lsp_documents *documents)
{
    for (int i = 0; i < documents->count; i++)
        document_free(documents->items[i]);
    free(documents->items);
    documents->items = NULL;
    documents->count = 0;
}

static bool position_of(json_t *position, unsigned *line, unsigned *character)
{
    json_t *l = json_object_get(position, "line"), *c = json_object_get(position, "character");
    if (!json_is_integer(l) || !json_is_integer(c) || json_integer_value(l) < 0 ||
        json_integer_value(c) < 0 || json_integer_value(l) > UINT_MAX ||
        json_integer_value(c) > UINT_MAX)
        return false;
    *line = (unsigned)json_integer_value(l);
    *character = (unsigned)json_integer_value(c);
    return true;
}

int document_apply_change(struct lsp_document *document, json_t *change,
                          enum lsp_encoding encoding)
{
    json_t *text = json_object_get(change, "text");
    if (!json_is_string(text))
        return -1;
    const char *replacement = json_string_value(text);
    size_t replacement_length = json_string_length(text);
    json_t *range = json_object_get(change, "range");
    if (!range) {
        set_text(document, xstrndup(replacement, replacement_length), replacement_length);
        return 0;
    }
    unsigned line, character, end_line, end_character;
    if (!position_of(json_object_get(range, "start"), &line, &character) ||
        !position_of(json_object_get(range, "end"), &end_line, &end_character))
        return -1;
    size_t start = text_offset(document->text, document->length, line, character, encoding);
    size_t end = text_offset(document->text, document->length, end_line, end_character,
                             encoding);
    if (end < start)
        return -1;
    size_t length = document->length - (end - start) + replacement_length;
    char *updated = xmalloc(length + 1);
    memcpy(updated, document->text, start);
    memcpy(updated + start, replacement, replacement_length);
    memcpy(updated + start + replacement_length, document->text + end, document->length - end);
    updated[length] = '\0';
    set_text(document, updated, length);
    return 0;
}

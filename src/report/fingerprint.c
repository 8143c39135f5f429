/*
 * fingerprint: FNV-1a over a finding's rule, function, normalised use line
 * and NULL source; the extent of a use read off its source line. Pure
 * string work on the finding; nothing here opens a file.
 */
#include "fingerprint.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/xalloc.h"

static const uint64_t fnv_offset_basis = 0xcbf29ce484222325ULL;
static const uint64_t fnv_prime = 0x100000001b3ULL;

static uint64_t hash_bytes(uint64_t hash, const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        hash ^= (unsigned char)text[i];
        hash *= fnv_prime;
    }
    return hash;
}

/* Each field is followed by a separator byte that text cannot contain, so
 * ("ab", "c") and ("a", "bc") hash differently. */
static uint64_t hash_field(uint64_t hash, const char *text)
{
    static const char separator = 0x1f;
    if (text)
        hash = hash_bytes(hash, text, strlen(text));
    return hash_bytes(hash, &separator, 1);
}

void fingerprint_normalise_space(const char *text, char *out)
{
    size_t length = 0;
    bool pending_space = false;
    for (const char *cursor = text; *cursor; cursor++) {
        if (isspace((unsigned char)*cursor)) {
            pending_space = length > 0;
            continue;
        }
        if (pending_space)
            out[length++] = ' ';
        pending_space = false;
        out[length++] = *cursor;
    }
    out[length] = '\0';
}

void finding_fingerprint(const struct finding *finding, char out[FINGERPRINT_SIZE])
{
    const char *use = finding->source_line ? finding->source_line : finding->subject;
    char *normalised = NULL;
    if (use) {
        normalised = xmalloc(strlen(use) + 1);
        fingerprint_normalise_space(use, normalised);
    }
    uint64_t hash = fnv_offset_basis;
    hash = hash_field(hash, finding->rule);
    hash = hash_field(hash, finding->function);
    hash = hash_field(hash, normalised);
    hash = hash_field(hash, finding->source_function);
    free(normalised);
    snprintf(out, FINGERPRINT_SIZE, "%016llx", (unsigned long long)hash);
}

static bool is_identifier_byte(char byte)
{
    return isalnum((unsigned char)byte) || byte == '_';
}

/* Index just past the ')' matching the '(' at text[open], or 0 when the
 * line ends first. Quotes are skipped so "(" inside a literal is text. */
static size_t matching_parenthesis(const char *text, size_t open)
{
    int depth = 0;
    char quote = 0;
    for (size_t i = open; text[i]; i++) {
        char byte = text[i];
        if (quote) {
            if (byte == '\\' && text[i + 1])
                i++;
            else if (byte == quote)
                quote = 0;
            continue;
        }
        if (byte == '"' || byte == '\'')
            quote = byte;
        else if (byte == '(')
            depth++;
        else if (byte == ')' && --depth == 0)
            return i + 1;
    }
    return 0;
}

void finding_end(const struct finding *finding, unsigned *end_line, unsigned *end_column)
{
    if (finding->end_line) {
        *end_line = finding->end_line;
        *end_column = finding->end_column;
        return;
    }
    *end_line = finding->line;
    *end_column = finding->column;
    const char *text = finding->source_line;
    if (!text || finding->column == 0 || finding->column - 1 > strlen(text))
        return;
    size_t start = finding->column - 1;
    const char *subject = finding->subject;
    if (subject && *subject && strncmp(text + start, subject, strlen(subject)) == 0) {
        *end_column = finding->column + (unsigned)strlen(subject);
        return;
    }
    size_t end = start;
    while (is_identifier_byte(text[end]))
        end++;
    if (end == start) {
        if (text[start])
            *end_column = finding->column + 1;
        return;
    }
    size_t after = end;
    while (text[after] == ' ' || text[after] == '\t')
        after++;
    if (text[after] == '(') {
        size_t closed = matching_parenthesis(text, after);
        if (closed)
            end = closed;
    }
    *end_column = (unsigned)(end + 1);
}

struct numbered_fingerprint {
    char text[FINGERPRINT_SIZE];
    int index;
};

static int compare_numbered(const void *left, const void *right)
{
    const struct numbered_fingerprint *a = left, *b = right;
    int order = strcmp(a->text, b->text);
    return order ? order : (a->index > b->index) - (a->index < b->index);
}

void finding_occurrences(const struct finding_list *findings, int *occurrence)
{
    if (findings->count == 0)
        return;
    struct numbered_fingerprint *sorted = xcalloc((size_t)findings->count, sizeof *sorted);
    for (int i = 0; i < findings->count; i++) {
        finding_fingerprint(&findings->items[i], sorted[i].text);
        sorted[i].index = i;
    }
    qsort(sorted, (size_t)findings->count, sizeof *sorted, compare_numbered);
    for (int i = 0; i < findings->count; i++) {
        bool same = i > 0 && strcmp(sorted[i].text, sorted[i - 1].text) == 0;
        occurrence[sorted[i].index] = same ? occurrence[sorted[i - 1].index] + 1 : 1;
    }
    free(sorted);
}

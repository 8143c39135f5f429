/*
 * suppress: a comment lexer (string and character literals skipped, so a
 * "// nullproof: ignore" inside a string is text), the directives found in
 * comments, and their application to the merged findings. It reads the
 * source files again rather than asking the front end for comments: the
 * text is all it needs.
 */
#include "suppress.h"

#include <ctype.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/files.h"
#include "../support/xalloc.h"
#include "../support/heap_array.h"

enum { MAX_SOURCE_BYTES = 64 * 1024 * 1024, MAX_NAMES = 64 };

static const char CLANG_TIDY_PREFIX[] = "nullproof-";

/* One comment: the text between its markers and where it is. */
struct comment {
    const char *text;
    size_t length;
    unsigned line;     /* of its first character */
    unsigned column;   /* 1-based, of the comment's first marker */
    bool trailing;     /* code comes before it on its first line */
    unsigned end_line; /* of its last character */
};

/* An open NOLINTBEGIN waiting for its NOLINTEND. */
struct open_begin {
    int index;          /* in the list */
    char *names_key;    /* the check list without blanks: END must repeat it */
};

struct scan {
    const char *text;
    size_t length;
    struct suppression_list *list;
    struct open_begin *open;
    int open_count;
};

static bool is_identifier_char(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

static struct suppression *add_suppression(struct suppression_list *list)
{
    list->items = heap_array_reserve(list->items, &list->capacity, list->count + 1, sizeof *list->items);
    struct suppression *suppression = &list->items[list->count++];
    memset(suppression, 0, sizeof *suppression);
    return suppression;
}

/* Splits "a, b ,c" (between `from` and `to`) into names; blanks trimmed,
 * empty items dropped. */
static void parse_names(struct suppression *suppression, const char *from, const char *to)
{
    while (from < to && suppression->name_count < MAX_NAMES) {
        const char *comma = memchr(from, ',', (size_t)(to - from));
        const char *end = comma ? comma : to;
        const char *first = from, *last = end;
        while (first < last && isspace((unsigned char)*first))
            first++;
        while (last > first && isspace((unsigned char)last[-1]))
            last--;
        if (last > first) {
            char **names = xrealloc(suppression->names,
                                    (size_t)(suppression->name_count + 1) * sizeof *names);
            suppression->names = names;
            suppression->names[suppression->name_count++] =
                xstrndup(first, (size_t)(last - first));
        }
        from = comma ? comma + 1 : to;
    }
    suppression->name_used = xcalloc((size_t)suppression->name_count + 1, sizeof(bool));
}

/* The line of `at` inside `comment`. */
static unsigned line_at(const struct comment *comment, const char *at)
{
    unsigned line = comment->line;
    for (const char *c = comment->text; c < at; c++)
        if (*c == '\n')
            line++;
    return line;
}

/* Column of `at` (1-based bytes) in the source. */
static unsigned column_at(const struct scan *scan, const char *at)
{
    const char *start = at;
    while (start > scan->text && start[-1] != '\n')
        start--;
    return (unsigned)(at - start) + 1;
}

/* `nullproof: ignore` or `nullproof: ignore[RULE, ...]`. */
static void find_ignore(struct scan *scan, const struct comment *comment)
{
    static const char marker[] = "nullproof:";
    const char *end = comment->text + comment->length;
    for (const char *at = comment->text; at + sizeof marker - 1 <= end; at++) {
        if (memcmp(at, marker, sizeof marker - 1) != 0 ||
            (at > comment->text && is_identifier_char(at[-1])))
            continue;
        const char *word = at + sizeof marker - 1;
        while (word < end && (*word == ' ' || *word == '\t'))
            word++;
        if (end - word < 6 || memcmp(word, "ignore", 6) != 0 ||
            (word + 6 < end && is_identifier_char(word[6])))
            continue;
        const char *after = word + 6;
        const char *names_from = NULL, *names_to = NULL;
        if (after < end && *after == '[') {
            const char *close = memchr(after, ']', (size_t)(end - after));
            if (!close)
                continue; /* "ignore[" with no end: not a directive */
            names_from = after + 1;
            names_to = close;
            after = close + 1;
        }
        struct suppression *suppression = add_suppression(scan->list);
        suppression->form = SUPPRESSION_IGNORE;
        suppression->line = line_at(comment, at);
        suppression->column = column_at(scan, at);
        suppression->text = xstrndup(at, (size_t)(after - at));
        if (names_from)
            parse_names(suppression, names_from, names_to);
        else
            parse_names(suppression, after, after);
        suppression->names_nullproof = true;
        if (comment->trailing) {
            suppression->first_line = suppression->last_line = comment->line;
        } else {
            suppression->first_line = suppression->last_line = comment->end_line + 1;
        }
        at = after - 1;
    }
}

static char *names_key(const struct suppression *suppression)
{
    size_t size = 1;
    for (int i = 0; i < suppression->name_count; i++)
        size += strlen(suppression->names[i]) + 1;
    char *key = xmalloc(size);
    key[0] = '\0';
    for (int i = 0; i < suppression->name_count; i++) {
        strcat(key, suppression->names[i]);
        strcat(key, ",");
    }
    return key;
}

static void close_begin(struct scan *scan, const struct suppression *end_marker,
                        unsigned end_line)
{
    char *key = names_key(end_marker);
    for (int i = scan->open_count - 1; i >= 0; i--) {
        if (strcmp(scan->open[i].names_key, key) != 0)
            continue;
        scan->list->items[scan->open[i].index].last_line = end_line;
        free(scan->open[i].names_key);
        memmove(&scan->open[i], &scan->open[i + 1],
                (size_t)(scan->open_count - i - 1) * sizeof *scan->open);
        scan->open_count--;
        break;
    }
    free(key);
}

/* clang-tidy's NOLINT, NOLINTNEXTLINE, NOLINTBEGIN, NOLINTEND. */
static void find_nolint(struct scan *scan, const struct comment *comment)
{
    static const char marker[] = "NOLINT";
    const char *end = comment->text + comment->length;
    for (const char *at = comment->text; at + sizeof marker - 1 <= end; at++) {
        if (memcmp(at, marker, sizeof marker - 1) != 0 ||
            (at > comment->text && is_identifier_char(at[-1])))
            continue;
        const char *after = at + sizeof marker - 1;
        enum suppression_form form = SUPPRESSION_NOLINT;
        bool is_end = false;
        if (end - after >= 8 && memcmp(after, "NEXTLINE", 8) == 0) {
            form = SUPPRESSION_NOLINT_NEXT;
            after += 8;
        } else if (end - after >= 5 && memcmp(after, "BEGIN", 5) == 0) {
            form = SUPPRESSION_NOLINT_BEGIN;
            after += 5;
        } else if (end - after >= 3 && memcmp(after, "END", 3) == 0) {
            is_end = true;
            after += 3;
        }
        if (after < end && is_identifier_char(*after))
            continue; /* NOLINTED, NOLINTFOO: not ours */
        const char *names_from = after, *names_to = after;
        if (after < end && *after == '(') {
            const char *close = memchr(after, ')', (size_t)(end - after));
            if (!close)
                continue;
            names_from = after + 1;
            names_to = close;
            after = close + 1;
        }
        unsigned line = line_at(comment, at);
        struct suppression *suppression = add_suppression(scan->list);
        suppression->form = form;
        suppression->line = line;
        suppression->column = column_at(scan, at);
        suppression->text = xstrndup(at, (size_t)(after - at));
        parse_names(suppression, names_from, names_to);
        for (int i = 0; i < suppression->name_count; i++)
            if (strncmp(suppression->names[i], CLANG_TIDY_PREFIX,
                        sizeof CLANG_TIDY_PREFIX - 1) == 0)
                suppression->names_nullproof = true;
        if (is_end) {
            close_begin(scan, suppression, line);
            free(suppression->text);
            for (int i = 0; i < suppression->name_count; i++)
                free(suppression->names[i]);
            free(suppression->names);
            free(suppression->name_used);
            scan->list->count--;
        } else if (form == SUPPRESSION_NOLINT_BEGIN) {
            suppression->first_line = line;
            suppression->last_line = UINT_MAX;
            scan->open = xrealloc(scan->open, (size_t)(scan->open_count + 1) * sizeof *scan->open);
            scan->open[scan->open_count].index = scan->list->count - 1;
            scan->open[scan->open_count].names_key = names_key(suppression);
            scan->open_count++;
        } else {
            unsigned covered = form == SUPPRESSION_NOLINT_NEXT ? line + 1 : line;
            suppression->first_line = suppression->last_line = covered;
        }
        at = after - 1;
    }
}

static void on_comment(struct scan *scan, const struct comment *comment)
{
    find_ignore(scan, comment);
    find_nolint(scan, comment);
}

/* Past a string or character literal that opens at `at` with `quote`;
 * escapes are skipped, an unterminated one ends at the end of its line. */
static size_t skip_literal(const char *text, size_t length, size_t at, char quote,
                           unsigned *line)
{
    size_t i = at + 1;
    while (i < length) {
        char c = text[i];
        if (c == '\\' && i + 1 < length) {
            if (text[i + 1] == '\n')
                (*line)++;
            i += 2;
            continue;
        }
        if (c == quote)
            return i + 1;
        if (c == '\n')
            return i; /* unterminated: the newline is the lexer's again */
        i++;
    }
    return i;
}

/* Past a pp-number starting at `at` (digits, letters, '.', exponent signs
 * and C23's digit separators: 1'000'000 is one number, not a literal). */
static size_t skip_number(const char *text, size_t length, size_t at)
{
    size_t i = at;
    while (i < length) {
        char c = text[i];
        if (is_identifier_char(c) || c == '.') {
            i++;
        } else if ((c == '+' || c == '-') && i > at &&
                   strchr("eEpP", text[i - 1]) != NULL) {
            i++;
        } else if (c == '\'' && i + 1 < length && is_identifier_char(text[i + 1])) {
            i++;
        } else {
            break;
        }
    }
    return i;
}

void suppress_scan(const char *text, size_t length, struct suppression_list *list)
{
    struct scan scan = {text, length, list, NULL, 0};
    unsigned line = 1;
    bool code_on_line = false;
    size_t line_start = 0;
    size_t i = 0;
    while (i < length) {
        char c = text[i];
        if (c == '\n') {
            line++;
            code_on_line = false;
            line_start = ++i;
            continue;
        }
        if (c == '/' && i + 1 < length && (text[i + 1] == '/' || text[i + 1] == '*')) {
            bool block = text[i + 1] == '*';
            struct comment comment = {text + i + 2, 0, line, (unsigned)(i - line_start) + 1,
                                      code_on_line, line};
            size_t j = i + 2;
            if (block) {
                while (j < length && !(text[j] == '*' && j + 1 < length && text[j + 1] == '/')) {
                    if (text[j] == '\n') {
                        line++;
                        line_start = j + 1;
                    }
                    j++;
                }
                comment.length = j - (i + 2);
                j = j < length ? j + 2 : length;
            } else {
                /* a backslash before the newline continues a // comment */
                while (j < length && !(text[j] == '\n' && !(j > 0 && text[j - 1] == '\\'))) {
                    if (text[j] == '\n') {
                        line++;
                        line_start = j + 1;
                    }
                    j++;
                }
                comment.length = j - (i + 2);
            }
            comment.end_line = line;
            on_comment(&scan, &comment);
            i = j;
            continue;
        }
        if (!isspace((unsigned char)c))
            code_on_line = true;
        if (c == '"' || c == '\'') {
            i = skip_literal(text, length, i, c, &line);
        } else if (isdigit((unsigned char)c) ||
                   (c == '.' && i + 1 < length && isdigit((unsigned char)text[i + 1]))) {
            i = skip_number(text, length, i);
        } else if (is_identifier_char(c)) {
            while (i < length && is_identifier_char(text[i]))
                i++; /* u8"..", L'x': the literal follows and is skipped next */
        } else {
            i++;
        }
    }
    for (int k = 0; k < scan.open_count; k++)
        free(scan.open[k].names_key);
    free(scan.open);
}

void suppression_list_free(struct suppression_list *list)
{
    for (int i = 0; i < list->count; i++) {
        struct suppression *suppression = &list->items[i];
        free(suppression->text);
        for (int n = 0; n < suppression->name_count; n++)
            free(suppression->names[n]);
        free(suppression->names);
        free(suppression->name_used);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}

static bool name_matches(const struct suppression *suppression, const char *name,
                         const char *rule)
{
    if (suppression->form == SUPPRESSION_IGNORE)
        return strcmp(name, rule) == 0 || strcmp(name, "*") == 0;
    char check[256];
    snprintf(check, sizeof check, "%s%s", CLANG_TIDY_PREFIX, rule);
    return fnmatch(name, check, 0) == 0;
}

bool suppression_apply(struct suppression *suppression, const char *rule, unsigned line)
{
    if (line < suppression->first_line || line > suppression->last_line)
        return false;
    if (suppression->name_count == 0) {
        suppression->used = true;
        return true;
    }
    bool matched = false;
    for (int i = 0; i < suppression->name_count; i++) {
        if (name_matches(suppression, suppression->names[i], rule)) {
            suppression->name_used[i] = true;
            matched = true;
        }
    }
    suppression->used |= matched;
    return matched;
}

/* ---- applying them to findings ---- */

/* The file's text, or its first MAX_SOURCE_BYTES; NULL when unreadable. */
static char *read_source(const char *path, size_t *length)
{
    char *text;
    enum read_status status = read_whole_file(path, MAX_SOURCE_BYTES, &text, length);
    if (status == READ_OK || status == READ_TOO_LARGE)
        return text;
    free(text);
    return NULL;
}

static bool is_rule_finding(const struct finding *finding)
{
    return finding->rule && finding->file && strcmp(finding->rule, "clang-diagnostic") != 0 &&
           strcmp(finding->rule, UNUSED_SUPPRESSION_RULE) != 0;
}

static const char *source_line_of(const char *text, size_t length, unsigned line,
                                  struct arena *arena)
{
    size_t at = 0;
    for (unsigned current = 1; current < line && at < length; at++)
        if (text[at] == '\n')
            current++;
    size_t end = at;
    while (end < length && text[end] != '\n' && text[end] != '\r')
        end++;
    return arena_strndup(arena, text + at, end - at);
}

static char *unused_names(const struct suppression *suppression)
{
    size_t size = 1;
    for (int i = 0; i < suppression->name_count; i++)
        size += strlen(suppression->names[i]) + 4;
    char *text = xmalloc(size);
    text[0] = '\0';
    for (int i = 0, listed = 0; i < suppression->name_count; i++) {
        if (suppression->name_used[i])
            continue;
        if (listed++)
            strcat(text, ", ");
        strcat(text, "'");
        strcat(text, suppression->names[i]);
        strcat(text, "'");
    }
    return text;
}

static void report_unused(struct finding_list *findings, const char *file, const char *text,
                          size_t length, const struct suppression *suppression)
{
    if (!suppression->names_nullproof)
        return; /* a bare NOLINT or another tool's checks: not ours to judge */
    bool partly = false;
    for (int i = 0; i < suppression->name_count; i++) {
        if (!suppression->name_used[i] && (suppression->form == SUPPRESSION_IGNORE ||
                                           strncmp(suppression->names[i], CLANG_TIDY_PREFIX,
                                                   sizeof CLANG_TIDY_PREFIX - 1) == 0))
            partly = true;
    }
    if (suppression->used && !partly)
        return;
    const char *message;
    if (!suppression->used) {
        message = arena_printf(findings->arena, "suppression '%s' matches no finding",
                               suppression->text);
    } else {
        char *names = unused_names(suppression);
        message = arena_printf(findings->arena, "%s in suppression '%s' %s no finding", names,
                               suppression->text, strchr(names, ',') ? "match" : "matches");
        free(names);
    }
    finding_add(findings, UNUSED_SUPPRESSION_RULE, SEVERITY_WARNING, file, suppression->line,
                suppression->column, message,
                source_line_of(text, length, suppression->line, findings->arena), NULL);
}

/* Applies the suppressions of one file, whose text is `text`; returns how
 * many findings it hid. */
static int apply_text(struct finding_list *findings, const char *file, const char *text,
                      size_t length, bool report, bool *removed)
{
    struct suppression_list list;
    memset(&list, 0, sizeof list);
    suppress_scan(text, length, &list);
    int hidden = 0;
    int original_count = findings->count;
    for (int i = 0; i < original_count && list.count > 0; i++) {
        struct finding *finding = &findings->items[i];
        if (removed[i] || !is_rule_finding(finding) || strcmp(finding->file, file) != 0)
            continue;
        bool suppressed = false;
        for (int s = 0; s < list.count; s++)
            suppressed |= suppression_apply(&list.items[s], finding->rule, finding->line);
        if (suppressed) {
            removed[i] = true;
            hidden++;
        }
    }
    if (report)
        for (int s = 0; s < list.count; s++)
            report_unused(findings, file, text, length, &list.items[s]);
    suppression_list_free(&list);
    return hidden;
}

static int apply_file(struct finding_list *findings, const char *file, bool report,
                      bool *removed)
{
    size_t length = 0;
    char *text = read_source(file, &length);
    if (!text)
        return 0;
    int hidden = apply_text(findings, file, text, length, report, removed);
    free(text);
    return hidden;
}

/* Drops the findings marked in `removed` (the first `original_count`),
 * keeping the order and any added after them, sorted again if so. */
static void compact(struct finding_list *findings, int original_count, const bool *removed)
{
    int kept = 0;
    for (int i = 0; i < findings->count; i++) {
        if (i < original_count && removed[i])
            continue;
        findings->items[kept++] = findings->items[i];
    }
    bool added = findings->count > original_count;
    findings->count = kept;
    if (added)
        finding_list_sort(findings);
}

int suppress_findings_in_text(struct finding_list *findings, const char *file, const char *text,
                              size_t length, bool report_unused)
{
    int original_count = findings->count;
    bool *removed = xcalloc((size_t)original_count + 1, sizeof *removed);
    int hidden = apply_text(findings, file, text, length, report_unused, removed);
    compact(findings, original_count, removed);
    free(removed);
    return hidden;
}

struct file_entry {
    const char *path;
    bool report;
};

static int compare_file_entries(const void *a, const void *b)
{
    return strcmp(((const struct file_entry *)a)->path, ((const struct file_entry *)b)->path);
}

int suppress_findings(struct finding_list *findings, const struct suppress_file *files,
                      int file_count)
{
    int original_count = findings->count;
    bool *removed = xcalloc((size_t)original_count + 1, sizeof *removed);
    /* The files to read: every analysed one, and every other file a finding is in. */
    struct file_entry *entries =
        xmalloc(((size_t)file_count + (size_t)original_count + 1) * sizeof *entries);
    int entry_count = 0;
    for (int i = 0; i < file_count; i++)
        entries[entry_count++] = (struct file_entry){files[i].path, files[i].report_unused};
    for (int i = 0; i < original_count; i++)
        if (is_rule_finding(&findings->items[i]))
            entries[entry_count++] = (struct file_entry){findings->items[i].file, false};
    if (entry_count > 1)
        qsort(entries, (size_t)entry_count, sizeof *entries, compare_file_entries);
    int hidden = 0;
    for (int k = 0; k < entry_count;) {
        const char *path = entries[k].path;
        bool report = false;
        while (k < entry_count && strcmp(entries[k].path, path) == 0)
            report |= entries[k++].report;
        hidden += apply_file(findings, path, report, removed);
    }
    compact(findings, original_count, removed);
    free(entries);
    free(removed);
    return hidden;
}

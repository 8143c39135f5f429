/*
 * finding: the finding list (arena-backed, growing by doubling) and its
 * deterministic order. It does not print anything (see text.c) and does not
 * remove duplicates (the driver merges lists from several units).
 */
#include "finding.h"

#include <stdlib.h>
#include <string.h>

void finding_list_init(struct finding_list *list, struct arena *arena)
{
    list->arena = arena;
    list->items = NULL;
    list->count = 0;
    list->capacity = 0;
}

/* NULL stays NULL: a missing source line or function is not "". */
static const char *copy_or_null(struct arena *arena, const char *text)
{
    return text ? arena_strdup(arena, text) : NULL;
}

struct finding *finding_add(struct finding_list *list, const char *rule, enum severity severity,
                            const char *file, unsigned line, unsigned column, const char *message,
                            const char *source_line, const char *function)
{
    if (list->count == list->capacity) {
        int capacity = list->capacity ? list->capacity * 2 : 16;
        list->items = arena_grow(list->arena, list->items, (size_t)list->count,
                                 (size_t)capacity, sizeof *list->items);
        list->capacity = capacity;
    }
    struct finding *finding = &list->items[list->count++];
    memset(finding, 0, sizeof *finding);
    finding->rule = arena_strdup(list->arena, rule);
    finding->severity = severity;
    finding->file = copy_or_null(list->arena, file);
    finding->line = line;
    finding->column = column;
    finding->message = arena_strdup(list->arena, message);
    finding->source_line = copy_or_null(list->arena, source_line);
    finding->function = copy_or_null(list->arena, function);
    return finding;
}

/* Notes are few per finding, so the array is regrown by one each time
 * rather than carrying a capacity the public struct does not have. */
void finding_add_note(struct finding_list *list, struct finding *finding, const char *file,
                      unsigned line, unsigned column, const char *message,
                      const char *source_line)
{
    finding->notes = arena_grow(list->arena, finding->notes, (size_t)finding->note_count,
                                (size_t)finding->note_count + 1, sizeof *finding->notes);
    struct finding_note *note = &finding->notes[finding->note_count++];
    note->file = copy_or_null(list->arena, file);
    note->line = line;
    note->column = column;
    note->message = arena_strdup(list->arena, message);
    note->source_line = copy_or_null(list->arena, source_line);
}

void finding_set_subject(struct finding_list *list, struct finding *finding, const char *subject,
                         const char *source_function)
{
    finding->subject = copy_or_null(list->arena, subject);
    finding->source_function = copy_or_null(list->arena, source_function);
}

void finding_add_fixit(struct finding_list *list, struct finding *finding, const char *file,
                       unsigned line, unsigned column, unsigned end_line, unsigned end_column,
                       const char *replacement)
{
    finding->fixits = arena_grow(list->arena, finding->fixits, (size_t)finding->fixit_count,
                                 (size_t)finding->fixit_count + 1, sizeof *finding->fixits);
    struct finding_fixit *fixit = &finding->fixits[finding->fixit_count++];
    fixit->file = copy_or_null(list->arena, file);
    fixit->line = line;
    fixit->column = column;
    fixit->end_line = end_line;
    fixit->end_column = end_column;
    fixit->replacement = arena_strdup(list->arena, replacement);
}

static int compare_text(const char *left, const char *right)
{
    if (!left || !right)
        return (left != NULL) - (right != NULL);
    return strcmp(left, right);
}

static int compare_unsigned(unsigned left, unsigned right)
{
    return (left > right) - (left < right);
}

static int compare_findings(const struct finding *left, const struct finding *right)
{
    int order = compare_text(left->file, right->file);
    if (!order)
        order = compare_unsigned(left->line, right->line);
    if (!order)
        order = compare_unsigned(left->column, right->column);
    if (!order)
        order = compare_text(left->rule, right->rule);
    if (!order)
        order = compare_text(left->message, right->message);
    return order;
}

/* Merge sort: stable, so findings that compare equal keep the order in
 * which they were added (qsort promises no such thing). */
static void merge_sort(struct finding *items, struct finding *scratch, int count)
{
    if (count < 2)
        return;
    int half = count / 2;
    merge_sort(items, scratch, half);
    merge_sort(items + half, scratch, count - half);
    int left = 0, right = half, out = 0;
    while (left < half && right < count) {
        if (compare_findings(&items[right], &items[left]) < 0)
            scratch[out++] = items[right++];
        else
            scratch[out++] = items[left++];
    }
    while (left < half)
        scratch[out++] = items[left++];
    while (right < count)
        scratch[out++] = items[right++];
    memcpy(items, scratch, (size_t)count * sizeof *items);
}

void finding_list_sort(struct finding_list *list)
{
    if (list->count < 2)
        return;
    struct finding *scratch = arena_alloc(list->arena, (size_t)list->count * sizeof *scratch);
    merge_sort(list->items, scratch, list->count);
}

const char *severity_name(enum severity severity)
{
    switch (severity) {
    case SEVERITY_NOTE:
        return "note";
    case SEVERITY_WARNING:
        return "warning";
    case SEVERITY_ERROR:
        return "error";
    }
    return "warning";
}

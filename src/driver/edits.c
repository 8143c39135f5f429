/*
 * edits: positions to offsets, ordering and applying (see edits.h). Edits
 * at the same place keep the order they were given in, so two insertions
 * there both land, the first one first.
 */
#include "edits.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../support/string_buffer.h"
#include "../support/xalloc.h"

/* The offset of (line, column) in `text`, or false when the line does not
 * exist or the column lies past its end (the newline is the last place). */
static bool offset_of(const char *text, size_t length, unsigned line, unsigned column,
                      size_t *offset)
{
    if (line == 0 || column == 0)
        return false;
    size_t start = 0;
    for (unsigned current = 1; current < line; current++) {
        const char *newline = memchr(text + start, '\n', length - start);
        if (!newline)
            return false;
        start = (size_t)(newline - text) + 1;
    }
    const char *newline = memchr(text + start, '\n', length - start);
    size_t end = newline ? (size_t)(newline - text) : length;
    if (column - 1 > end - start)
        return false;
    *offset = start + column - 1;
    return true;
}

struct placed_edit {
    size_t begin, end;
    int index; /* in the caller's array, for stability and status */
};

static int compare_placed(const void *left, const void *right)
{
    const struct placed_edit *a = left, *b = right;
    if (a->begin != b->begin)
        return a->begin < b->begin ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

char *edits_apply(const char *text, size_t length, struct text_edit *edits, int count,
                  size_t *new_length, int *applied)
{
    struct placed_edit *placed = xcalloc((size_t)count + 1, sizeof *placed);
    int placed_count = 0;
    for (int i = 0; i < count; i++) {
        size_t begin, end;
        if (!offset_of(text, length, edits[i].line, edits[i].column, &begin) ||
            !offset_of(text, length, edits[i].end_line, edits[i].end_column, &end) ||
            end < begin) {
            edits[i].status = EDIT_OUTSIDE;
            continue;
        }
        placed[placed_count].begin = begin;
        placed[placed_count].end = end;
        placed[placed_count].index = i;
        placed_count++;
    }
    qsort(placed, (size_t)placed_count, sizeof *placed, compare_placed);

    struct string_buffer out;
    string_buffer_init(&out);
    size_t copied = 0; /* text[0, copied) is in `out` already */
    *applied = 0;
    for (int p = 0; p < placed_count; p++) {
        struct text_edit *edit = &edits[placed[p].index];
        bool duplicate = false;
        for (int q = p - 1; q >= 0 && placed[q].begin == placed[p].begin; q--) {
            const struct text_edit *earlier = &edits[placed[q].index];
            if (placed[q].end == placed[p].end && earlier->status == EDIT_APPLIED &&
                strcmp(earlier->replacement, edit->replacement) == 0)
                duplicate = true;
        }
        if (duplicate) {
            edit->status = EDIT_DUPLICATE;
            continue;
        }
        if (placed[p].begin < copied) {
            edit->status = EDIT_OVERLAP;
            continue;
        }
        string_buffer_append_length(&out, text + copied, placed[p].begin - copied);
        string_buffer_append(&out, edit->replacement);
        copied = placed[p].end;
        edit->status = EDIT_APPLIED;
        (*applied)++;
    }
    string_buffer_append_length(&out, text + copied, length - copied);
    free(placed);
    char *result = xmalloc(out.length + 1);
    memcpy(result, string_buffer_text(&out), out.length);
    result[out.length] = '\0';
    *new_length = out.length;
    string_buffer_free(&out);
    return result;
}

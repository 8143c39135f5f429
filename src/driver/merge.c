/*
 * merge: concatenation, a stable sort and adjacent-duplicate removal.
 */
#include "merge.h"

#include <string.h>

static bool same_text(const char *left, const char *right)
{
    if (!left || !right)
        return left == right;
    return strcmp(left, right) == 0;
}

static bool same_finding(const struct finding *left, const struct finding *right)
{
    return same_text(left->file, right->file) && left->line == right->line &&
           left->column == right->column && same_text(left->rule, right->rule) &&
           same_text(left->message, right->message);
}

static void findings_deduplicate(struct finding_list *list)
{
    finding_list_sort(list);
    int kept = 0;
    for (int i = 0; i < list->count; i++) {
        if (kept > 0 && same_finding(&list->items[kept - 1], &list->items[i]))
            continue;
        list->items[kept++] = list->items[i];
    }
    list->count = kept;
}

void findings_merge(const struct finding_list *const *lists, int list_count,
                    struct finding_list *merged)
{
    int total = merged->count;
    for (int i = 0; i < list_count; i++)
        total += lists[i]->count;
    if (total > merged->capacity) {
        merged->items = arena_grow(merged->arena, merged->items, (size_t)merged->count,
                                   (size_t)total, sizeof *merged->items);
        merged->capacity = total;
    }
    for (int i = 0; i < list_count; i++) {
        if (lists[i]->count == 0)
            continue;
        memcpy(merged->items + merged->count, lists[i]->items,
               (size_t)lists[i]->count * sizeof *merged->items);
        merged->count += lists[i]->count;
    }
    findings_deduplicate(merged);
}

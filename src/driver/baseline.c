/*
 * baseline: the baseline file read and written with jansson, and the
 * matching of findings against its entries. The file format is described
 * in docs/json-format.md ("Baseline files").
 */
#include "baseline.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../report/fingerprint.h"
#include "../report/json_util.h"
#include "../report/report.h"
#include "../support/text.h"
#include "../support/xalloc.h"
#include "../support/files.h"

enum { BASELINE_VERSION = 1 };

struct baseline {
    json_t *root; /* owns the strings the entries point into */
    struct baseline_entry *entries;
    int count;
};

static const char *optional_string(json_t *object, const char *key)
{
    json_t *value = json_object_get(object, key);
    /* json_is_string tests for NULL itself; the explicit test also tells
     * readers (and nullproof under libclang 14) that absence is handled. */
    if (!value || !json_is_string(value))
        return NULL;
    return json_string_value(value);
}

static bool is_fingerprint(const char *text)
{
    if (!text || strlen(text) != FINGERPRINT_SIZE - 1)
        return false;
    return strspn(text, "0123456789abcdef") == FINGERPRINT_SIZE - 1;
}

struct baseline *baseline_load(const char *path, char **error)
{
    *error = NULL;
    char *unreadable = file_unreadable(path);
    if (unreadable) {
        *error = text_printf("cannot read baseline %s: %s", path, unreadable);
        free(unreadable);
        return NULL;
    }
    json_error_t problem;
    json_t *root = json_load_file(path, 0, &problem);
    if (!root && problem.line < 0) { /* jansson could not open or read it */
        *error = text_printf("cannot read baseline %s: %s", path, problem.text);
        return NULL;
    }
    if (!root) {
        *error = text_printf("baseline %s is not valid JSON (line %d: %s)", path, problem.line,
                             problem.text);
        return NULL;
    }
    json_t *version = json_object_get(root, "nullproof_baseline");
    json_t *entries = json_object_get(root, "entries");
    if (!version || !entries || !json_is_integer(version) || !json_is_array(entries)) {
        *error = text_printf("%s is not a nullproof baseline (written by --write-baseline)",
                                path);
        json_decref(root);
        return NULL;
    }
    if (json_integer_value(version) != BASELINE_VERSION) {
        *error = text_printf("baseline %s has version %lld; this nullproof reads version %d",
                                path, (long long)json_integer_value(version), BASELINE_VERSION);
        json_decref(root);
        return NULL;
    }
    struct baseline *baseline = xcalloc(1, sizeof *baseline);
    size_t count = json_array_size(entries);
    baseline->entries = xcalloc(count + 1, sizeof *baseline->entries);
    baseline->root = root;
    for (size_t i = 0; i < count; i++) {
        json_t *item = json_array_get(entries, i);
        const char *fingerprint = optional_string(item, "fingerprint");
        if (!item || !json_is_object(item) || !is_fingerprint(fingerprint)) {
            *error = text_printf("baseline %s: entry %zu has no valid fingerprint", path,
                                    i + 1);
            baseline_free(baseline);
            return NULL;
        }
        struct baseline_entry *entry = &baseline->entries[baseline->count++];
        entry->fingerprint = fingerprint;
        entry->rule = optional_string(item, "rule");
        entry->file = optional_string(item, "file");
        json_t *line = json_object_get(item, "line");
        entry->line = line && json_is_integer(line) && json_integer_value(line) > 0
                          ? (unsigned)json_integer_value(line)
                          : 0;
        entry->function = optional_string(item, "function");
        entry->message = optional_string(item, "message");
    }
    return baseline;
}

void baseline_free(struct baseline *baseline)
{
    if (!baseline)
        return;
    json_decref(baseline->root);
    free(baseline->entries);
    free(baseline);
}

static struct baseline_entry *unmatched_entry(struct baseline *baseline, const char *fingerprint)
{
    for (int i = 0; i < baseline->count; i++) {
        struct baseline_entry *entry = &baseline->entries[i];
        if (!entry->matched && strcmp(entry->fingerprint, fingerprint) == 0)
            return entry;
    }
    return NULL;
}

int baseline_filter(struct baseline *baseline, struct finding_list *findings)
{
    int kept = 0;
    int hidden = 0;
    for (int i = 0; i < findings->count; i++) {
        struct finding *finding = &findings->items[i];
        if (!report_is_clang_diagnostic(finding)) {
            char fingerprint[FINGERPRINT_SIZE];
            finding_fingerprint(finding, fingerprint);
            struct baseline_entry *entry = unmatched_entry(baseline, fingerprint);
            if (entry) {
                entry->matched = true;
                hidden++;
                continue;
            }
        }
        findings->items[kept++] = *finding;
    }
    findings->count = kept;
    return hidden;
}

int baseline_entry_count(const struct baseline *baseline)
{
    return baseline->count;
}

const struct baseline_entry *baseline_entry(const struct baseline *baseline, int index)
{
    return &baseline->entries[index];
}

int baseline_write(FILE *stream, const char *name, const struct finding_list *findings,
                   const char *tool_version, char **error)
{
    *error = NULL;
    json_t *entries = json_array();
    for (int i = 0; i < findings->count; i++) {
        const struct finding *finding = &findings->items[i];
        if (report_is_clang_diagnostic(finding))
            continue;
        char fingerprint[FINGERPRINT_SIZE];
        finding_fingerprint(finding, fingerprint);
        json_t *entry = json_object();
        json_util_set(entry, "fingerprint", json_string(fingerprint));
        json_util_set(entry, "rule", json_util_string(finding->rule));
        json_util_set(entry, "file", json_util_string(finding->file));
        json_util_set(entry, "line", json_util_position(finding->line));
        json_util_set(entry, "function", json_util_string(finding->function));
        json_util_set(entry, "message", json_util_string(finding->message));
        json_array_append_new(entries, entry);
    }
    json_t *root = json_object();
    json_util_set(root, "nullproof_baseline", json_integer(BASELINE_VERSION));
    json_util_set(root, "tool_version", json_util_string(tool_version));
    json_util_set(root, "entries", entries);
    struct string_buffer text;
    string_buffer_init(&text);
    json_util_dump(root, &text);
    bool failed = fwrite(text.data, 1, text.length, stream) != text.length;
    failed |= fclose(stream) != 0;
    string_buffer_free(&text);
    if (failed) {
        *error = text_printf("cannot write baseline %s", name);
        return -1;
    }
    return 0;
}

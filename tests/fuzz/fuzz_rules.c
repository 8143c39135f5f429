/*
 * fuzz_rules: a libFuzzer target over nullproof's readers of untrusted
 * text. The same bytes go to the rule pack parser, the configuration
 * parser (whose output must read back) and the suppression comment lexer.
 * Built with clang -fsanitize=fuzzer,address,undefined (tests/fuzz/).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver/config.h"
#include "driver/suppress.h"
#include "packs/packs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_pack(const char *text, size_t size)
{
    struct pack_set set;
    packs_init(&set);
    char *error = NULL;
    static const char base[] = "pack: base\nentries:\n"
                               "  - {name: malloc, returns: alloc}\n"
                               "  - {name: map_get, returns: lookup, nonnull: [1, 2]}\n";
    if (packs_add_pack(&set, "base.yaml", base, sizeof base - 1, &error) != 0)
        abort(); /* a valid pack must always load */
    if (packs_add_pack(&set, "fuzz.yaml", text, size, &error) != 0) {
        if (!error || strncmp(error, "fuzz.yaml:", 10) != 0)
            abort(); /* every pack error names the file, line and column */
        free(error);
    }
    for (int i = 0; i < set.count; i++) {
        if (packs_find_kind(&set, set.entries[i].name, true) != &set.entries[i])
            abort(); /* entries stay sorted and unique */
    }
    packs_free(&set);
}

static void fuzz_config(const char *text, size_t size)
{
    struct config config;
    config_init(&config);
    char *error = NULL;
    if (config_parse(&config, "fuzz.yaml", "/project", text, size, &error) != 0) {
        free(error);
        config_free(&config);
        return;
    }
    struct string_buffer written;
    string_buffer_init(&written);
    config_write_yaml(&config, &written);
    struct config again;
    config_init(&again);
    if (config_parse(&again, "written.yaml", "/project", written.data ? written.data : "",
                     written.length, &error) != 0) {
        fprintf(stderr, "written configuration does not read back: %s\n%s", error,
                string_buffer_text(&written));
        abort();
    }
    if (again.exclude_count != config.exclude_count || again.pack_count != config.pack_count ||
        again.allocations_never_fail != config.allocations_never_fail)
        abort();
    config_free(&again);
    string_buffer_free(&written);
    config_free(&config);
}

static void fuzz_suppressions(const char *text, size_t size)
{
    struct suppression_list list;
    memset(&list, 0, sizeof list);
    suppress_scan(text, size, &list);
    for (int i = 0; i < list.count; i++) {
        struct suppression *suppression = &list.items[i];
        if (suppression->first_line > suppression->last_line || suppression->line == 0)
            abort();
        suppression_apply(suppression, "unchecked-alloc", suppression->first_line);
    }
    suppression_list_free(&list);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    fuzz_pack(text, size);
    fuzz_config(text, size);
    fuzz_suppressions(text, size);
    return 0;
}

/*
 * profiles: a configuration file and the command line merged into what a
 * run does: the command line wins (--enable replaces the file's rule list
 * and overrides its `disable` and `allocations-never-fail`; --disable and
 * --rules add to it). One profile per distinct configuration file.
 */
#include "profiles.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "../checks/checks.h"
#include "../support/argument_mask.h"
#include "../support/string_buffer.h"
#include "../support/xalloc.h"

void profiles_init(struct profile_set *set, const struct options *options,
                   const struct job_settings *base)
{
    memset(set, 0, sizeof *set);
    set->options = options;
    set->base = *base;
}

static void profile_free(struct profile *profile)
{
    free(profile->config_path);
    config_free(&profile->effective);
    packs_free(&profile->packs);
    free(profile->enabled_rules);
    free(profile->severities);
    free(profile);
}

void profiles_free(struct profile_set *set)
{
    for (int i = 0; i < set->count; i++)
        profile_free(set->items[i]);
    free(set->items);
    memset(set, 0, sizeof *set);
}

char *profiles_config_for(const struct options *options, const char *path)
{
    if (options->config_path)
        return xstrdup(options->config_path);
    char *absolute = realpath(path, NULL);
    if (!absolute)
        absolute = getcwd(NULL, 0);
    if (!absolute)
        return NULL;
    struct stat status;
    if (stat(absolute, &status) == 0 && !S_ISDIR(status.st_mode)) {
        char *slash = strrchr(absolute, '/');
        if (slash && slash != absolute)
            *slash = '\0';
        else if (slash)
            slash[1] = '\0';
    }
    char *found = config_find(absolute);
    free(absolute);
    return found;
}

static bool listed(char *const *names, int count, const char *name)
{
    for (int i = 0; i < count; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

static bool command_line_enables(const struct options *options, const char *rule)
{
    return listed((char *const *)options->enabled_rules, options->enabled_rule_count, rule);
}

/* Which rules run: the file, then the command line over it. */
static void select_rules(struct profile *profile, const struct config *file,
                         const struct options *options)
{
    int rule_count = 0;
    const struct rule_info *rules = checks_rules(&rule_count);
    for (int i = 0; i < rule_count; i++) {
        const char *id = rules[i].id;
        bool enabled;
        if (options->enabled_rule_count > 0)
            enabled = command_line_enables(options, id);
        else if (file->has_enable)
            enabled = listed(file->enable, file->enable_count, id);
        else
            enabled = true;
        bool overridden = command_line_enables(options, id);
        if (!overridden && listed(file->disable, file->disable_count, id))
            enabled = false;
        if (!overridden && file->allocations_never_fail && strcmp(id, "unchecked-alloc") == 0)
            enabled = false;
        if (listed((char *const *)options->disabled_rules, options->disabled_rule_count, id))
            enabled = false;
        profile->enabled_rules[i] = enabled;
        profile->severities[i] = SEVERITY_WARNING;
        for (int s = 0; s < file->severity_count; s++)
            if (strcmp(file->severity_rules[s], id) == 0)
                profile->severities[i] = file->severities[s];
    }
}

/* The configuration's `noreturn` and `never-null` lists, as a pack of its
 * own named "configuration" (after the file's packs, before --rules). */
static int add_configured_functions(struct profile *profile, const struct config *file,
                                    char **error)
{
    if (!file->noreturn_count && !file->never_null_count)
        return 0;
    struct string_buffer pack;
    string_buffer_init(&pack);
    string_buffer_append(&pack, "pack: configuration\n"
                                "description: noreturn and never-null of .nullproof.yaml\n"
                                "entries:\n");
    for (int i = 0; i < file->noreturn_count; i++)
        string_buffer_printf(&pack, "  - {name: %s, noreturn: true}\n", file->noreturn[i]);
    for (int i = 0; i < file->never_null_count; i++)
        string_buffer_printf(&pack, "  - {name: %s, never-null: true}\n", file->never_null[i]);
    int result = packs_add_pack(&profile->packs, file->path ? file->path : ".nullproof.yaml",
                                string_buffer_text(&pack), pack.length, error);
    string_buffer_free(&pack);
    return result;
}

/* Embedded packs (all, or the file's `builtin-packs`), the file's packs,
 * then --rules: a later pack's entry replaces an earlier one's. */
static int load_rules(struct profile *profile, const struct config *file,
                      const struct options *options, char **error)
{
    packs_init(&profile->packs);
    int embedded_count = 0;
    const struct embedded_pack *embedded = packs_embedded(&embedded_count);
    if (file->has_builtin_packs) {
        for (int i = 0; i < file->builtin_pack_count; i++)
            if (packs_add_embedded(&profile->packs, file->builtin_packs[i], error) != 0)
                return -1;
    } else {
        for (int i = 0; i < embedded_count; i++)
            if (packs_add_pack(&profile->packs, embedded[i].file, (const char *)embedded[i].text,
                               embedded[i].length, error) != 0)
                return -1;
    }
    for (int i = 0; i < file->pack_count; i++)
        if (packs_add_path(&profile->packs, file->packs[i], error) != 0)
            return -1;
    if (add_configured_functions(profile, file, error) != 0)
        return -1;
    for (int i = 0; i < options->rule_path_count; i++)
        if (packs_add_path(&profile->packs, options->rule_paths[i], error) != 0)
            return -1;
    return 0;
}

/* The merged configuration, in the file's own terms, for --dump-config. */
static void describe_effective(struct profile *profile, const struct config *file,
                               const struct options *options)
{
    struct config *effective = &profile->effective;
    config_init(effective);
    if (profile->config_path)
        effective->path = xstrdup(profile->config_path);
    int rule_count = 0;
    const struct rule_info *rules = checks_rules(&rule_count);
    effective->has_enable = true;
    for (int i = 0; i < rule_count; i++) {
        if (profile->enabled_rules[i])
            xappend_string(&effective->enable, &effective->enable_count,
                          xstrdup(rules[i].id));
        xappend_string(&effective->severity_rules, &effective->severity_count,
                      xstrdup(rules[i].id));
    }
    effective->severities = xmalloc(((size_t)rule_count + 1) * sizeof *effective->severities);
    memcpy(effective->severities, profile->severities,
           (size_t)rule_count * sizeof *effective->severities);
    for (int i = 0; i < file->pack_count; i++)
        xappend_string(&effective->packs, &effective->pack_count, xstrdup(file->packs[i]));
    for (int i = 0; i < options->rule_path_count; i++) {
        char *absolute = realpath(options->rule_paths[i], NULL);
        xappend_string(&effective->packs, &effective->pack_count,
                      absolute ? absolute : xstrdup(options->rule_paths[i]));
    }
    effective->has_builtin_packs = true;
    int embedded_count = 0;
    const struct embedded_pack *embedded = packs_embedded(&embedded_count);
    for (int i = 0; i < embedded_count; i++) {
        char *name = xstrdup(embedded[i].file);
        char *dot = strrchr(name, '.');
        if (dot)
            *dot = '\0';
        if (file->has_builtin_packs && !listed(file->builtin_packs, file->builtin_pack_count,
                                               name)) {
            free(name);
            continue;
        }
        xappend_string(&effective->builtin_packs, &effective->builtin_pack_count, name);
    }
    for (int i = 0; i < file->exclude_count; i++)
        xappend_string(&effective->exclude, &effective->exclude_count,
                      xstrdup(file->exclude[i]));
    effective->allocations_never_fail = file->allocations_never_fail;
    for (int i = 0; i < file->noreturn_count; i++)
        xappend_string(&effective->noreturn, &effective->noreturn_count,
                      xstrdup(file->noreturn[i]));
    for (int i = 0; i < file->never_null_count; i++)
        xappend_string(&effective->never_null, &effective->never_null_count,
                      xstrdup(file->never_null[i]));
    effective->cache_dir = file->cache_dir ? xstrdup(file->cache_dir) : NULL;
    effective->cache_size = file->cache_size;
    for (int i = 0; i < file->remove_flag_count; i++)
        xappend_string(&effective->remove_flags, &effective->remove_flag_count,
                       xstrdup(file->remove_flags[i]));
    for (int i = 0; i < file->add_flag_count; i++)
        xappend_string(&effective->add_flags, &effective->add_flag_count,
                       xstrdup(file->add_flags[i]));
    effective->has_suggest = true;
    effective->suggest = options->suggest_given || !file->has_suggest ? options->suggest
                                                                       : file->suggest;
    effective->report_unused_suppressions =
        file->report_unused_suppressions || options->report_unused_suppressions;
}

static struct profile *build(struct profile_set *set, const char *config_path, char **error)
{
    const struct options *options = set->options;
    struct profile *profile = xcalloc(1, sizeof *profile);
    profile->config_path = config_path ? xstrdup(config_path) : NULL;
    int rule_count = 0;
    checks_rules(&rule_count);
    profile->enabled_rules = xcalloc((size_t)rule_count + 1, sizeof *profile->enabled_rules);
    profile->severities = xcalloc((size_t)rule_count + 1, sizeof *profile->severities);
    config_init(&profile->effective);
    struct config file;
    config_init(&file);
    if (config_path && config_load(&file, config_path, error) != 0) {
        config_free(&file);
        profile_free(profile);
        return NULL;
    }
    if (load_rules(profile, &file, options, error) != 0) {
        config_free(&file);
        profile_free(profile);
        return NULL;
    }
    select_rules(profile, &file, options);
    describe_effective(profile, &file, options);
    config_free(&file);
    profile->settings = set->base;
    profile->settings.packs = &profile->packs;
    profile->settings.enabled_rules = profile->enabled_rules;
    profile->settings.severities = profile->severities;
    profile->settings.config = &profile->effective;
    profile->settings.report_unused_suppressions =
        profile->effective.report_unused_suppressions;
    profile->settings.suggest = profile->effective.suggest;
    return profile;
}

const struct profile *profiles_get(struct profile_set *set, const char *config_path,
                                   char **error)
{
    *error = NULL;
    for (int i = 0; i < set->count; i++) {
        const char *known = set->items[i]->config_path;
        if ((!known && !config_path) || (known && config_path && strcmp(known, config_path) == 0))
            return set->items[i];
    }
    struct profile *profile = build(set, config_path, error);
    if (!profile)
        return NULL;
    set->items = xrealloc(set->items, (size_t)(set->count + 1) * sizeof *set->items);
    set->items[set->count++] = profile;
    return profile;
}

int profiles_assign(struct profile_set *set, struct job *jobs, int job_count,
                    struct message_list *messages)
{
    int status = 0;
    /* configurations already reported as wrong: at most one per job */
    char **failed = xcalloc((size_t)job_count + 1, sizeof *failed);
    int failed_count = 0;
    /* Jobs of one directory share a configuration: look it up once. */
    const char *previous_directory = NULL;
    size_t previous_length = 0;
    const struct profile *previous = NULL;
    for (int i = 0; i < job_count; i++) {
        const char *path = jobs[i].absolute_path ? jobs[i].absolute_path : jobs[i].display_path;
        const char *slash = strrchr(path, '/');
        size_t length = slash ? (size_t)(slash - path) : 0;
        if (previous && previous_directory && length == previous_length &&
            strncmp(previous_directory, path, length) == 0) {
            jobs[i].settings = &previous->settings;
            continue;
        }
        char *config_path = profiles_config_for(set->options, path);
        bool known_bad = false;
        for (int f = 0; f < failed_count && !known_bad; f++)
            known_bad = strcmp(failed[f], config_path ? config_path : "") == 0;
        char *error = NULL;
        const struct profile *profile =
            known_bad ? NULL : profiles_get(set, config_path, &error);
        if (!profile) {
            if (!known_bad) {
                message_add_owned(messages, MESSAGE_ERROR, error);
                failed[failed_count++] = xstrdup(config_path ? config_path : "");
            }
            free(config_path);
            status = -1;
            previous = NULL;
            continue;
        }
        free(config_path);
        jobs[i].settings = &profile->settings;
        previous = profile;
        previous_directory = path;
        previous_length = length;
    }
    for (int f = 0; f < failed_count; f++)
        free(failed[f]);
    free(failed);
    return status;
}

static int rule_index(const char *id)
{
    int rule_count = 0;
    const struct rule_info *rules = checks_rules(&rule_count);
    for (int i = 0; id && i < rule_count; i++)
        if (strcmp(rules[i].id, id) == 0)
            return i;
    return -1;
}

/* The finding's file as an absolute, canonical path when it exists. */
static char *canonical_file(const struct job *job, const char *working_directory,
                            const char *file)
{
    size_t size = strlen(file) + 2 +
                  (job->directory ? strlen(job->directory) : 0) +
                  (working_directory ? strlen(working_directory) : 0);
    char *joined = xmalloc(size);
    if (file[0] == '/')
        snprintf(joined, size, "%s", file);
    else if (job->directory)
        snprintf(joined, size, "%s/%s", job->directory, file);
    else
        snprintf(joined, size, "%s/%s", working_directory ? working_directory : ".", file);
    char *canonical = realpath(joined, NULL);
    if (canonical) {
        free(joined);
        return canonical;
    }
    return joined;
}

void profiles_settle_findings(const struct job_settings *settings, const struct job *job,
                              struct finding_list *findings, int first)
{
    const struct config *config = settings->config;
    int kept = first;
    for (int i = first; i < findings->count; i++) {
        struct finding *finding = &findings->items[i];
        int index = rule_index(finding->rule);
        if (index >= 0 && settings->severities)
            finding->severity = settings->severities[index];
        if (index >= 0 && config && config->exclude_count > 0 && finding->file) {
            char *file = canonical_file(job, settings->working_directory, finding->file);
            bool excluded = config_excludes(config, file);
            free(file);
            if (excluded)
                continue;
        }
        findings->items[kept++] = *finding;
    }
    findings->count = kept;
}

static void print_arguments(FILE *stream, const char *label, uint32_t bits, bool *first)
{
    if (!bits)
        return;
    fprintf(stream, "%s%s ", *first ? "" : ", ", label);
    *first = false;
    bool comma = false;
    for (int i = 0; i < ARGUMENT_MASK_BITS; i++) {
        if (argument_in_mask(bits, i)) {
            fprintf(stream, "%s%d", comma ? "," : "", i + 1);
            comma = true;
        }
    }
}

void profiles_describe_rules(const struct profile *profile, FILE *stream)
{
    const struct pack_set *rules = &profile->packs;
    fprintf(stream, "\nRule packs (%s):\n",
            profile->config_path ? profile->config_path : "no configuration file");
    for (int i = 0; i < rules->pack_count; i++) {
        const struct pack_info *pack = &rules->packs[i];
        fprintf(stream, "  %-10s %3d entries  %s%s%s\n", pack->name, pack->entry_count,
                pack->file, pack->description ? ": " : "",
                pack->description ? pack->description : "");
    }
    int width = 0;
    for (int i = 0; i < rules->count; i++) {
        int length = (int)strlen(rules->entries[i].name) +
                     (rules->entries[i].macro_only ? 8 : 0);
        if (length > width)
            width = length;
    }
    fprintf(stream, "\nFunctions and macros (%d):\n", rules->count);
    for (int i = 0; i < rules->count; i++) {
        const struct pack_entry *rule = &rules->entries[i];
        char name[300];
        snprintf(name, sizeof name, "%s%s", rule->name, rule->macro_only ? " (macro)" : "");
        fprintf(stream, "  %-*s  %-8s ", width, name, rule->pack);
        bool first = true;
        if (rule->returns != SOURCE_NONE) {
            fprintf(stream, "returns %s", packs_kind_name(rule->returns));
            first = false;
        }
        print_arguments(stream, "nonnull", rule->nonnull_arguments, &first);
        for (int a = 0; a < ARGUMENT_MASK_BITS; a++) {
            if (!argument_in_mask(rule->nonnull_if_nonzero, a))
                continue;
            fprintf(stream, "%snonnull %d if %d is not 0", first ? "" : ", ", a + 1,
                    rule->nonzero_count[a] + 1);
            first = false;
        }
        print_arguments(stream, "checks", rule->checked_arguments, &first);
        print_arguments(stream, "propagates-null", rule->propagated_arguments, &first);
        print_arguments(stream, "returns-target", rule->returned_targets, &first);
        if (rule->out_null_arguments) {
            print_arguments(stream, "out-null", rule->out_null_arguments, &first);
            fprintf(stream, " (%s)", packs_kind_name(rule->out_kind));
            if (rule->out_null_if_argument > 0)
                fprintf(stream, " if argument %d is one of %d values",
                        rule->out_null_if_argument, rule->out_null_if_count);
        }
        print_arguments(stream, "out-nonnull", rule->out_nonnull_arguments, &first);
        if (rule->found_if_argument > 0) {
            fprintf(stream, "%sfound if argument %d is one of %d values", first ? "" : ", ",
                    rule->found_if_argument, rule->found_if_count);
            first = false;
        }
        if (rule->found_with) {
            fprintf(stream, "%sfound with %s", first ? "" : ", ", rule->found_with);
            first = false;
        }
        if (rule->found_if_first_string > 0) {
            fprintf(stream, "%sfound if argument %d starts with argument %d", first ? "" : ", ",
                    rule->found_if_first_string, rule->found_if_first_value);
            first = false;
        }
        if (rule->found_if_clock > 0) {
            fprintf(stream, "%sfound if argument %d is a time that fits", first ? "" : ", ",
                    rule->found_if_clock);
            first = false;
        }
        if (rule->noreturn_if_nonzero > 0) {
            fprintf(stream, "%snoreturn if argument %d is not 0", first ? "" : ", ",
                    rule->noreturn_if_nonzero);
            first = false;
        }
        const char *facts[] = {rule->noreturn ? "noreturn" : NULL,
                               rule->never_null ? "never null" : NULL,
                               rule->accepts_null ? "accepts null" : NULL,
                               rule->calls_back ? "calls back" : NULL,
                               rule->pure ? "pure" : NULL,
                               rule->clock ? "gives a time that fits" : NULL};
        for (size_t f = 0; f < sizeof facts / sizeof facts[0]; f++) {
            if (!facts[f])
                continue;
            fprintf(stream, "%s%s", first ? "" : ", ", facts[f]);
            first = false;
        }
        if (rule->reason && (rule->returns != SOURCE_NONE || rule->out_null_arguments))
            fprintf(stream, ": %s", rule->reason);
        fprintf(stream, "  [%s:%u]\n", rule->file, rule->line);
    }
}

void profiles_dump(const struct profile *profile, struct string_buffer *out)
{
    if (profile->config_path)
        string_buffer_printf(out, "# nullproof configuration: %s and the command line\n",
                             profile->config_path);
    else
        string_buffer_append(out, "# nullproof configuration: defaults and the command line "
                                  "(no .nullproof.yaml found)\n");
    config_write_yaml(&profile->effective, out);
}

void profiles_digest(const struct profile *profile, const char *working_directory,
                     char digest[PROFILE_DIGEST_SIZE])
{
    struct string_buffer text;
    string_buffer_init(&text);
    config_write_yaml(&profile->effective, &text);
    const struct job_settings *settings = &profile->settings;
    string_buffer_printf(&text, "suggest %d\nall-uses %d\nunused-suppressions %d\n",
                         (int)settings->suggest, settings->all_uses,
                         settings->report_unused_suppressions);
    int rule_count = 0;
    const struct rule_info *rules = checks_rules(&rule_count);
    for (int i = 0; i < rule_count; i++)
        string_buffer_printf(&text, "%s %d %d\n", rules[i].id, profile->enabled_rules[i],
                             (int)profile->severities[i]);
    /* the working directory's prefix made "." in every path */
    struct string_buffer stripped;
    string_buffer_init(&stripped);
    size_t prefix = working_directory ? strlen(working_directory) : 0;
    const char *cursor = string_buffer_text(&text);
    for (;;) {
        const char *found = prefix > 1 ? strstr(cursor, working_directory) : NULL;
        if (!found) {
            string_buffer_append(&stripped, cursor);
            break;
        }
        string_buffer_append_length(&stripped, cursor, (size_t)(found - cursor));
        string_buffer_append(&stripped, ".");
        cursor = found + prefix;
    }
    snprintf(digest, PROFILE_DIGEST_SIZE, "%016llx",
             (unsigned long long)XXH3_64bits(stripped.data, stripped.length));
    string_buffer_free(&stripped);
    string_buffer_free(&text);
}

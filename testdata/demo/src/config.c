/* config: reads the settings file. Unknown keys are reported and skipped;
 * a missing file leaves the defaults. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const sort_fields[] = {"name", "email", "phone"};

static void config_defaults(struct config *config)
{
    const char *store = getenv("CONTACTS_STORE");
    snprintf(config->store_path, sizeof config->store_path, "%s",
             store != NULL ? store : "contacts.db");
    snprintf(config->sort_field, sizeof config->sort_field, "name");
    config->color = 0;
}

/* The settings file: $CONTACTS_CONFIG, else ~/.contactsrc. */
static const char *default_config_path(char *out, size_t size)
{
    const char *explicit_path = getenv("CONTACTS_CONFIG");
    if (explicit_path != NULL && explicit_path[0] != '\0')
        return explicit_path;
    const char *home = getenv("HOME");
    if (strlen(home) + sizeof "/.contactsrc" > size) // bug: unchecked-lookup
        return NULL;
    snprintf(out, size, "%s/.contactsrc", home);
    return out;
}

static int set_sort_field(struct config *config, const char *value, int line_number)
{
    const char *field = NULL;
    for (size_t i = 0; i < sizeof sort_fields / sizeof sort_fields[0]; i++)
        if (strcmp(sort_fields[i], value) == 0)
            field = sort_fields[i];
    if (field == NULL)
        fprintf(stderr, "line %d: cannot sort by '%s'\n", line_number, value);
    strncpy(config->sort_field, field, sizeof config->sort_field - 1); // bug: null-deref
    config->sort_field[sizeof config->sort_field - 1] = '\0';
    return 0;
}

static int apply_setting(struct config *config, char *line, int line_number)
{
    char *equals = strchr(line, '=');
    if (equals == NULL) {
        fprintf(stderr, "line %d: expected key = value\n", line_number);
        return -1;
    }
    *equals = '\0';
    const char *key = trim(line);
    const char *value = trim(equals + 1);
    if (strcmp(key, "store") == 0)
        snprintf(config->store_path, sizeof config->store_path, "%s", value);
    else if (strcmp(key, "sort") == 0)
        return set_sort_field(config, value, line_number);
    else if (strcmp(key, "color") == 0)
        config->color = strcmp(value, "yes") == 0;
    else
        fprintf(stderr, "line %d: unknown key '%s' ignored\n", line_number, key);
    return 0;
}

int config_load(struct config *config, const char *path)
{
    char buffer[512];
    char line[256];
    int line_number = 0;
    int status = 0;

    config_defaults(config);
    if (path == NULL)
        path = default_config_path(buffer, sizeof buffer);
    if (path == NULL)
        return 0;
    FILE *in = fopen(path, "r");
    if (in == NULL)
        return errno == ENOENT ? 0 : -1;
    while (fgets(line, sizeof line, in) != NULL) {
        line_number++;
        char *comment = strchr(line, '#');
        if (comment != NULL)
            *comment = '\0';
        if (trim(line)[0] == '\0')
            continue;
        if (apply_setting(config, line, line_number) != 0)
            status = -1;
    }
    fclose(in);
    return status;
}

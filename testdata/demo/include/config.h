/* config: the settings file (key = value lines) and its defaults. */
#ifndef CONTACTS_CONFIG_H
#define CONTACTS_CONFIG_H

#include <stddef.h>

struct config {
    char store_path[512];
    char sort_field[16];
    int color;
};

/* Fills `config` with defaults, then reads `path` (or the default settings
 * file when `path` is NULL). A missing file is not an error; 0 on success,
 * -1 with a message on stderr for a malformed file. */
int config_load(struct config *config, const char *path);

#endif

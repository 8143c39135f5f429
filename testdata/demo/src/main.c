/* contacts: a small address book.
 *   contacts [-c CONFIG] list [SECONDS] | show NAME | add NAME EMAIL [PHONE] | remove NAME
 *            | email NAME EMAIL | export FILE.csv */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "store.h"
#include "util.h"

_Noreturn static void usage(void)
{
    fputs("usage: contacts [-c CONFIG] list [SECONDS] | show NAME | add NAME EMAIL [PHONE]\n"
          "                | remove NAME | email NAME EMAIL | export FILE.csv\n",
          stderr);
    exit(2);
}

/* An address needs something before and after a single '@'. */
static int valid_email(const char *email)
{
    const char *at = strchr(email, '@');
    if (at[1] == '\0' || at == email) // bug: unchecked-lookup
        return 0;
    return strchr(at + 1, '@') == NULL;
}

static void print_contact(const struct contact *contact, int color)
{
    const char *bold = color ? "\033[1m" : "";
    const char *plain = color ? "\033[0m" : "";
    printf("%s%s%s <%s>", bold, contact->name, plain, contact->email);
    if (contact->phone != NULL && contact->phone[0] != '\0')
        printf(" %s", contact->phone);
    putchar('\n');
}

static int show(struct store *store, const char *name, int color)
{
    const struct contact *contact = store_find(store, name);
    if (contact == NULL) {
        fprintf(stderr, "contacts: no contact named '%s'\n", name);
        return 1;
    }
    print_contact(contact, color);
    return 0;
}

static int run(struct store *store, const struct config *config, int argc, char **argv)
{
    const char *command = argv[0];
    if (strcmp(command, "list") == 0 && argc <= 2) {
        /* list [SECONDS]: as of a time given in seconds since 1970 */
        time_t when = argc == 2 ? (time_t)strtoll(argv[1], NULL, 10) : time(NULL);
        char as_of[32];
        timestamp(as_of, sizeof as_of, when);
        store_sort(store, config->sort_field);
        printf("# %zu contacts, %s\n", store->count, as_of);
        for (size_t i = 0; i < store->count; i++)
            print_contact(&store->items[i], config->color);
        return 0;
    }
    if (strcmp(command, "show") == 0 && argc == 2)
        return show(store, argv[1], config->color);
    if (strcmp(command, "add") == 0 && (argc == 3 || argc == 4)) {
        if (!valid_email(argv[2]))
            die("'%s' is not an email address", argv[2]);
        char *email = lower_copy(argv[2]);
        int added = store_add(store, argv[1], email, argc == 4 ? argv[3] : NULL);
        free(email);
        if (added != 0)
            die("cannot add '%s' (name too long or already there)", argv[1]);
        return store_save(store) == 0 ? 0 : 1;
    }
    if (strcmp(command, "remove") == 0 && argc == 2) {
        if (store_remove(store, argv[1]) != 0)
            die("no contact named '%s'", argv[1]);
        return store_save(store) == 0 ? 0 : 1;
    }
    if (strcmp(command, "email") == 0 && argc == 3) {
        store_set_email(store, argv[1], argv[2]);
        return store_save(store) == 0 ? 0 : 1;
    }
    if (strcmp(command, "export") == 0 && argc == 2)
        return store_export_csv(store, argv[1]) == 0 ? 0 : 1;
    usage();
}

int main(int argc, char **argv)
{
    const char *config_path = NULL;
    struct config config;

    if (argc > 2 && strcmp(argv[1], "-c") == 0) {
        config_path = argv[2];
        argc -= 2;
        argv += 2;
    }
    if (argc < 2)
        usage();
    if (config_load(&config, config_path) != 0)
        die("bad settings in %s", config_path != NULL ? config_path : "the settings file");

    struct store *store = store_open(config.store_path);
    if (store == NULL)
        die("cannot read %s: %s", config.store_path, strerror(errno));
    int status = run(store, &config, argc - 1, argv + 1);
    if (status != 0 && errno != 0)
        perror("contacts");
    store_free(store);
    return status;
}

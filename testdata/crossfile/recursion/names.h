struct entry {
    const char *name;
    const char *alias_of; /* another entry's name, or NULL */
    int id;
};

struct entry *find_entry(const char *name);
struct entry *find_alias(const char *name);
int entry_depth(const struct entry *entry);
int alias_depth(const struct entry *entry);

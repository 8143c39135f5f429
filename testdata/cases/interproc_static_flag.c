/* A static flag set just before a call decides what the callee does: the
 * callee is followed in the caller's context, so a dereference guarded by the
 * flag matters only when the caller set it (the finding is at the call). */
#include <stdlib.h>
#include <string.h>

struct entry {
    char key[32];
    long hits;
};

static int use_cache;
static struct entry cache_slot;

static void remember(const struct entry *entry)
{
    if (use_cache)
        memcpy(&cache_slot, entry, sizeof cache_slot);
}

static long hits_of(const struct entry *entry)
{
    if (!use_cache)
        return 0;
    return entry->hits;
}

extern struct entry *entry_table_get(const char *key);

void record_with_cache(void)
{
    struct entry *entry = malloc(sizeof *entry);
    use_cache = 1;
    remember(entry); // expect: unchecked-alloc
    free(entry);
}

long hits_with_cache(void)
{
    const char *key = getenv("CACHE_KEY");
    struct entry *entry = key != NULL ? entry_table_get(key) : NULL;
    use_cache = 1;
    return hits_of(entry); // expect: null-deref
}

/* must stay silent */

void record_without_cache(void)
{
    struct entry *entry = malloc(sizeof *entry);
    use_cache = 0;
    remember(entry);
    free(entry);
}

long hits_without_cache(void)
{
    struct entry *entry = NULL;
    use_cache = 0;
    return hits_of(entry);
}

void record_checked(void)
{
    struct entry *entry = calloc(1, sizeof *entry);
    if (entry == NULL)
        return;
    use_cache = 1;
    remember(entry);
    free(entry);
}

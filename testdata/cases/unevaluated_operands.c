/* Operands that are never evaluated are not uses: sizeof *p, _Alignof,
 * and offsetof(__typeof__(*p), member), which iteration macros use to
 * find a struct from its member before the pointer is set. */
#include <stddef.h>

struct entry {
    int key;
    struct entry *next;
};

extern struct entry *first_entry(size_t member_offset);
extern struct entry *next_entry(struct entry *entry, size_t member_offset);

#define for_each_entry(var)                                                    \
    for (var = NULL, var = first_entry(offsetof(__typeof__(*var), next)); var; \
         var = next_entry(var, offsetof(__typeof__(*var), next)))

/* must stay silent */

int count_entries(void)
{
    struct entry *entry;
    int count = 0;
    for_each_entry(entry)
        count++;
    return count;
}

size_t entry_size(void)
{
    struct entry *unset = NULL;
    return sizeof *unset + offsetof(__typeof__(*unset), key);
}

/* must be reported */

int first_key(void)
{
    struct entry *entry = NULL;
    size_t offset = offsetof(__typeof__(*entry), next);
    return entry->key + (int)offset; // expect: null-deref
}

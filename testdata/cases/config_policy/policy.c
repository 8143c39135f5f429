/* .nullproof.yaml here: allocations-never-fail (no unchecked-alloc),
 * check-after-deref disabled, unchecked-lookup an error, vendor/ excluded. */
#include <stdlib.h>
#include <string.h>

#include "vendor/tinyparse.h"

struct record {
    int id;
    char *name;
};

size_t user_length(void)
{
    return strlen(getenv("USER")) + tinyparse_home_length(); // expect: unchecked-lookup
}

/* must stay silent under this configuration */

struct record *record_new(int id)
{
    struct record *record = malloc(sizeof *record);
    record->id = id;
    record->name = NULL;
    return record;
}

int record_id(struct record *record)
{
    int id = record->id;
    if (record == NULL)
        return -1;
    return id;
}

/* a builder that returns NULL only where its own malloc failed passes an
 * allocation failure on: none under allocations-never-fail */
static char *joined(const char *left, const char *right)
{
    char *text = malloc(strlen(left) + strlen(right) + 1);
    if (text == NULL)
        return NULL;
    strcpy(text, left);
    return strcat(text, right);
}

size_t joined_length(const char *left, const char *right)
{
    char *text = joined(left, right);
    size_t length = strlen(text);
    free(text);
    return length;
}

/* null-deref still runs */
int first_id(struct record *records, int count)
{
    struct record *first = count > 0 ? records : NULL;
    return first->id; // expect: null-deref
}

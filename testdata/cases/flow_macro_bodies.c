/* do { ... } while (0) macro bodies are ordinary code at their expansion site:
 * a check inside one guards what follows, a dereference inside one is a use. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALLOC_OR_RETURN(pointer, size, value)                                  \
    do {                                                                       \
        (pointer) = malloc(size);                                              \
        if ((pointer) == NULL)                                                 \
            return (value);                                                    \
    } while (0)

#define LOG_RECORD(record)                                                     \
    do {                                                                       \
        fprintf(stderr, "record %d: %s\n", (record)->id, (record)->label);     \
    } while (0)

#define FREE_AND_CLEAR(pointer)                                                \
    do {                                                                       \
        free(pointer);                                                         \
        (pointer) = NULL;                                                      \
    } while (0)

struct record {
    int id;
    char label[24];
};

extern void record_cache_forget(int id);

/* must stay silent */

struct record *record_new(int id)
{
    struct record *record;
    ALLOC_OR_RETURN(record, sizeof *record, NULL);
    record->id = id;
    record->label[0] = '\0';
    LOG_RECORD(record);
    return record;
}

int record_relabel(struct record *record, const char *label)
{
    char *copy;
    ALLOC_OR_RETURN(copy, strlen(label) + 1, -1);
    strcpy(copy, label);
    snprintf(record->label, sizeof record->label, "%s", copy);
    FREE_AND_CLEAR(copy);
    return 0;
}

/* Flagged. */

void record_log_new(int id)
{
    struct record *record = calloc(1, sizeof *record);
    record_cache_forget(id);
    LOG_RECORD(record); // expect: unchecked-alloc
    free(record);
}

int record_reuse(void)
{
    struct record *record = malloc(sizeof *record);
    if (record == NULL)
        return -1;
    record->id = 1;
    FREE_AND_CLEAR(record);
    return record->id; // expect: null-deref
}

/*
 * finding: what checks produce and reporters print. A finding owns copies
 * of everything it shows (message, source line, notes), allocated in the
 * arena given to finding_list, so it outlives the translation unit that
 * produced it.
 */
#ifndef NULLPROOF_FINDING_H
#define NULLPROOF_FINDING_H

#include <stdbool.h>

#include "../support/arena.h"

enum severity { SEVERITY_NOTE, SEVERITY_WARNING, SEVERITY_ERROR };

struct finding_note {
    const char *file; /* NULL: a note with no location (advice) */
    unsigned line;
    unsigned column;
    const char *message;
    const char *source_line; /* text of that line, or NULL */
};

/* A replacement of the text from (line, column) up to, not including,
 * (end_line, end_column); an insertion when both are the same place. */
struct finding_fixit {
    const char *file;
    unsigned line;
    unsigned column;
    unsigned end_line;
    unsigned end_column;
    const char *replacement;
};

struct finding {
    const char *rule;        /* stable rule id, e.g. "unchecked-alloc" */
    enum severity severity;
    const char *file;
    unsigned line;
    unsigned column;
    const char *message;
    const char *source_line; /* text of the line, without newline, or NULL */
    const char *function;    /* enclosing function, or NULL */
    struct finding_note *notes;
    int note_count;
    /* The fields below are optional: zero or NULL when the maker of the
     * finding did not know them (reports then derive what they can). */
    unsigned end_line;       /* end of the use (exclusive column); 0: unknown */
    unsigned end_column;
    const char *subject;     /* the expression the finding is about: "p", "s->name" */
    const char *source_function; /* the function the NULL comes from ("malloc"), as the
                                  * first note names it; NULL when it comes from none */
    struct finding_fixit *fixits;
    int fixit_count;
};

/* A growable list of findings whose memory lives in `arena`. */
struct finding_list {
    struct arena *arena;
    struct finding *items;
    int count;
    int capacity;
};

void finding_list_init(struct finding_list *list, struct arena *arena);

/* Appends a finding; strings are copied into the list's arena. Returns the
 * new finding so notes can be added. */
struct finding *finding_add(struct finding_list *list, const char *rule, enum severity severity,
                            const char *file, unsigned line, unsigned column, const char *message,
                            const char *source_line, const char *function);

/* Appends a note (file may be NULL for advice with no location). */
void finding_add_note(struct finding_list *list, struct finding *finding, const char *file,
                      unsigned line, unsigned column, const char *message,
                      const char *source_line);

/* Records what the finding is about: `subject` (the expression used) and
 * `source_function` (where the NULL comes from); either may be NULL.
 * Strings are copied into the list's arena. */
void finding_set_subject(struct finding_list *list, struct finding *finding, const char *subject,
                         const char *source_function);

/* Appends a fix-it replacing [line:column, end_line:end_column) of `file`
 * with `replacement` (copied). */
void finding_add_fixit(struct finding_list *list, struct finding *finding, const char *file,
                       unsigned line, unsigned column, unsigned end_line, unsigned end_column,
                       const char *replacement);

/* Orders findings by file, line, column, rule, message: output is the same
 * whatever order the workers finished in. */
void finding_list_sort(struct finding_list *list);

const char *severity_name(enum severity severity);

#endif

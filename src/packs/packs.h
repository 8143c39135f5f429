/*
 * packs: what nullproof knows about functions and function-like macros it
 * cannot see into: which return NULL and why, which arguments must not be
 * NULL, which out-parameters may be left NULL, which never return, which
 * check their argument like assert. The facts are data: YAML packs
 * (docs/rules-format.md), the shipped ones embedded in the binary from
 * rules/NAME.yaml, users' own added with --rules or the configuration file.
 * A pack_set is built once by the driver before any worker starts and is
 * read-only afterwards, so lookups are safe to share between threads.
 */
#ifndef NULLPROOF_PACKS_H
#define NULLPROOF_PACKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../support/arena.h"
#include "../support/argument_mask.h"

/* What kind of NULL a source gives: picks the rule id of a finding
 * (unchecked-alloc, unchecked-lookup, unchecked-nullable). */
enum source_kind { SOURCE_NONE, SOURCE_ALLOC, SOURCE_LOOKUP, SOURCE_NULLABLE };

struct pack_entry {
    const char *name;
    enum source_kind returns;     /* the result may be NULL, and of which kind */
    uint32_t nonnull_arguments;   /* bit i: argument i must not be NULL */
    uint32_t nonnull_if_nonzero;  /* bit i: argument i must not be NULL when argument
                                   * nonzero_count[i] (0-based) may be non-zero
                                   * (memcpy(dst, src, n): NULL is fine when n is 0) */
    unsigned char nonzero_count[ARGUMENT_MASK_BITS];
    uint32_t checked_arguments;   /* bit i: argument i is non-NULL after the call (like assert) */
    uint32_t out_null_arguments;  /* bit i: what argument i points to may be left NULL */
    uint32_t out_nonnull_arguments; /* bit i: what argument i points to is non-NULL after the
                                     * call: the library fills it when it succeeds, and code
                                     * that goes on has tested the status (getaddrinfo) */
    uint32_t propagated_arguments; /* bit i: the result is NULL when argument i is, and only
                                    * then as far as the pack knows (json_string_value) */
    uint32_t returned_targets;    /* bit i: the result is the pointer that argument i points
                                   * to on entry (strsep(&s, d) returns *s, NULL once s is) */
    enum source_kind out_kind;    /* the kind of what out_null_arguments leave NULL */
    int out_null_if_argument;     /* 1-based; 0: out_null_arguments always apply, else only
                                   * when this argument is a constant among the values
                                   * (curl_easy_getinfo's string CURLINFO_* codes) */
    const long long *out_null_if_values;
    int out_null_if_count;
    int found_if_argument;        /* 1-based; the result is not NULL when this argument is a
                                   * constant among the values (strchr(s, '\0') finds the
                                   * terminator); 0: none */
    const long long *found_if_values;
    int found_if_count;
    int found_if_first_string;    /* 1-based; the result is not NULL when the first element
                                   * of what this argument points to is known to be the
                                   * value of argument found_if_first_value (strrchr(p, '/')
                                   * after `if (*p == '/')`); 0: none */
    int found_if_first_value;
    const char *found_with;       /* another lookup that, given the same arguments, finds
                                   * exactly when this one does (strrchr: strchr), or NULL */
    int found_if_clock;           /* 1-based; the result is not NULL when this argument points
                                   * to a local that only clock functions or integers of at
                                   * most 32 bits write (localtime(&t) after t = time(NULL)
                                   * or t = (time_t)be32(p)); 0: none */
    bool clock;                   /* gives a time whose year fits an int, as its result or
                                   * through its pointer arguments: the current time (time,
                                   * clock_gettime) or one made from a broken-down time
                                   * (mktime) */
    bool noreturn;
    int noreturn_if_nonzero;      /* 1-based; the call never returns when this argument is not
                                   * 0 (GNU error(status, errnum, format, ...)); 0: none */
    bool never_null;              /* the result is never NULL (an allocator that aborts on
                                   * failure: xmalloc), whatever its body says */
    bool accepts_null;            /* takes NULL anywhere: a function's nonnull attributes are
                                   * overridden; nothing inside a macro's expansion is reported */
    bool macro_only;              /* names a function-like macro, never a function */
    bool calls_back;              /* runs the program's own code (a comparison function,
                                   * registered callbacks): it may change globals, which
                                   * other library calls are assumed not to touch */
    bool pure;                    /* reads its arguments and writes nothing: called again
                                   * with the same unchanged arguments, it gives the same
                                   * result (strcmp, strlen) */
    const char *reason;           /* one line for notes: "returns NULL when allocation fails" */
    const char *pack;             /* the pack that defines it ("libc", a user pack's name) */
    const char *file;             /* where: "libc.yaml" for embedded packs, else the path */
    unsigned line;
};

/* A pack that was loaded, for --list-rules --verbose. */
struct pack_info {
    const char *name;
    const char *description;
    const char *file;
    int entry_count;
};

/* A tagged union declared in a pack (`variants:`): reading `member` of a
 * `type` is valid only where its field `tag` holds the enumerator
 * `variant` (or, for a boolean tag, is "true" / "false"). */
struct pack_variant {
    const char *type;    /* "shape" for struct shape or a typedef shape */
    const char *tag;     /* "kind" */
    const char *member;  /* "circle" */
    const char *variant; /* "SHAPE_ROUND", "true", "false" */
};

struct pack_set {
    struct pack_entry *entries; /* sorted by name, one per name */
    int count;
    int capacity;
    struct pack_variant *variants; /* in load order; a later pack's wins */
    int variant_count;
    int variant_capacity;
    struct pack_info *packs;  /* in load order */
    int pack_count;
    struct arena strings;          /* names, reasons, file names */
};

/* A pack compiled into the binary (rules/NAME.yaml). */
struct embedded_pack {
    const char *file;            /* "libc.yaml" */
    const unsigned char *text;
    size_t length;
};

/* The packs embedded at build time, in file name order. */
const struct embedded_pack *packs_embedded(int *count);

/* An empty set; release it with packs_free. */
void packs_init(struct pack_set *set);
void packs_free(struct pack_set *set);

/* Parses one YAML pack and adds its entries; an entry for a name that an
 * earlier pack defined replaces it. `file` names the text in messages.
 * Returns 0, or -1 with a malloc'ed "FILE:LINE:COLUMN: what was expected"
 * in *error (the set is left as it was before the call). */
int packs_add_pack(struct pack_set *set, const char *file, const char *text, size_t length,
                   char **error);

/* Adds the embedded pack whose name (file name without .yaml) is `name`.
 * Returns 0, or -1 with a malloc'ed message (unknown name, listing them). */
int packs_add_embedded(struct pack_set *set, const char *name, char **error);

/* Adds a pack file, or every *.yaml / *.yml file of a directory in name
 * order. Returns 0, or -1 with a malloc'ed message. */
int packs_add_path(struct pack_set *set, const char *path, char **error);

/* Fills `set` (uninitialised) with every embedded pack, as the analysis
 * uses by default; for tests and tools, while the driver builds its sets
 * per configuration. The caller owns the set and releases it with
 * packs_free whatever the result. Returns 0, or -1 with a malloc'ed
 * message (only if an embedded pack is broken). */
int packs_builtin(struct pack_set *set, char **error);

/* The entry for `name`, or NULL. Entries marked macro_only are found only
 * when `macro` is true (a name read from a macro expansion). */
const struct pack_entry *packs_find_kind(const struct pack_set *rules, const char *name,
                                            bool macro);

/* The entry for the function `name`, or NULL. */
const struct pack_entry *packs_find(const struct pack_set *rules, const char *name);

/* The declared variant of `member` in `type` (a struct's tag or typedef
 * name, without "struct "), or NULL. */
const struct pack_variant *packs_find_variant(const struct pack_set *rules, const char *type,
                                              const char *member);

/* "alloc", "lookup", "nullable" or "none". */
const char *packs_kind_name(enum source_kind kind);

#endif

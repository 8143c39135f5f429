/*
 * ir: nullproof's own program representation, the contract between the
 * front end (which builds it from libclang) and the analysis (which reads
 * it and knows nothing of libclang).
 *
 * A translation unit is a list of functions; a function is a control-flow
 * graph of cfg_blocks; a block is a list of simple statements over access
 * paths (a variable, or a field / dereference reached from one) followed by
 * one terminator. Expressions are already flattened: every call, every
 * dereference and every assignment is its own statement, in evaluation
 * order. Everything is plain C structs allocated in the unit's arena.
 */
#ifndef NULLPROOF_IR_H
#define NULLPROOF_IR_H

#include <stdbool.h>
#include <stdint.h>

#include "../support/arena.h"

/* Where a node came from. `file` is an absolute path or as given; line and
 * column are 1-based and point at the expansion site for code that comes
 * from a macro, whose name is then in `macro` (else NULL). */
struct source_location {
    const char *file;
    unsigned line;
    unsigned column;
    const char *macro;
};

enum path_step {
    PATH_VARIABLE, /* a root: local, parameter, global or temporary */
    PATH_FIELD,    /* parent.name */
    PATH_ARROW,    /* parent->name */
    PATH_DEREF,    /* *parent, also parent[0] */
    PATH_INDEX     /* parent[name]: name is a constant index ("1", "2", ...) or "?" for
                    * any element picked by a non-constant index (a weak path);
                    * "?i#7" for one picked by the variable i (path 7) */
};

enum variable_kind { VARIABLE_LOCAL, VARIABLE_PARAMETER, VARIABLE_GLOBAL, VARIABLE_TEMPORARY };

/* One access path of a function. Paths are interned: the same expression
 * text in one function always gives the same id. */
struct access_path {
    int parent;                  /* id of the path this one is reached from; -1 for roots */
    int first_child;             /* the paths reached from this one, by next_sibling; -1: none */
    int next_sibling;
    enum path_step step;
    const char *name;            /* variable or field name; NULL for PATH_DEREF */
    const char *text;            /* as the user would write it: "buf", "s->name", "*out" */
    enum variable_kind root_kind; /* kind of the root variable */
    int parameter_index;         /* roots that are parameters: 0-based position, else -1 */
    const char *global_key;      /* global roots: a key that is the same in every function
                                  * of the unit (the USR); else NULL */
    bool is_pointer;             /* the path holds a pointer value */
    bool address_taken;          /* &root appears somewhere */
    bool address_escapes;        /* &root appears other than as a call's argument (stored,
                                  * initializing a pointer): any call may change it */
    bool weak;                   /* stands for several locations (parent[?]): never known NULL,
                                  * and writing it may change its siblings */
    int index_root;              /* a weak element picked by a variable, base[i]: the
                                  * variable's path (the element is another once it
                                  * changes: one not yet seen when i steps, any element,
                                  * base[?], when i is set anew); else -1 */
    bool indexes_elements;       /* some weak element path is picked by this variable */
    bool is_boolean;             /* holds only 0 or 1 (a _Bool, an Option/Result tag) */
    bool is_unsigned;            /* an unsigned integer: never below 0 */
    bool fits_32_bits;           /* an integer of at most 32 bits (int32_t, unsigned) */
    bool two_values;             /* an enum with just two enumerators, `values`: not one is
                                  * the other (if (type == A) return; ... is type B) */
    long long values[2];
    bool declared_nullable;      /* its declaration says _Nullable (parameter, variable, field):
                                  * where nothing better is known it may be NULL */
    struct source_location declaration; /* where, when declared_nullable */
    const char *type;            /* the C type as clang spells it ("struct user *"), for
                                  * suggestions; set for parameters, and for pointer and
                                  * struct roots and call results; else NULL */
};

enum value_kind {
    VALUE_UNKNOWN,  /* nothing is known (an arbitrary expression) */
    VALUE_NULL,     /* a null pointer constant */
    VALUE_NONNULL,  /* &x, a string literal, an array, a function */
    VALUE_PATH,     /* the current value of another path (a copy: aliases follow) */
    VALUE_INTEGER,  /* an integer constant */
    VALUE_NULL_TEST /* the truth of a NULL test of `path`: 1 when it is non-NULL if
                     * integer is 1 (p != NULL, !!p), 1 when it is NULL if integer is 0
                     * (p == NULL, !p); e.g. `bool present = p != NULL;` */
};

struct ir_value {
    enum value_kind kind;
    int path;          /* VALUE_PATH, VALUE_NULL_TEST; VALUE_NONNULL: the path whose
                        * address this is (&x), or -1 */
    long long integer; /* VALUE_INTEGER, VALUE_NULL_TEST; VALUE_NONNULL: for a string
                        * literal or a function a hash of its spelling (never 0), else 0
                        * (an identity that calls compare); VALUE_PATH: 1 for
                        * an address computed from the path (p + n), else 0;
                        * VALUE_UNKNOWN assigned to an integer: an enum unknown_integer */
};

/* What a VALUE_UNKNOWN assigned to an integer still says of it. */
enum unknown_integer {
    UNKNOWN_ANY = 0,
    UNKNOWN_STEP = 1,   /* it steps the target (i++, i -= 2), which walks to an
                         * element not yet seen */
    UNKNOWN_32_BITS = 2, /* converted from an integer of at most 32 bits: `(time_t)
                          * be32(p)`, so a time whose year fits an int */
    UNKNOWN_POSITIVE = 3 /* an unsigned sum with a positive constant, `2 * length + 1`:
                          * at least 1 (a sum is taken not to wrap) */
};

/* Facts a call's declaration states, found by the front end in attributes
 * and function types. Name-based facts (rule tables, summaries of functions
 * of the unit) are added by the analysis, not here. */
enum call_fact {
    CALL_NORETURN = 1u << 0,         /* _Noreturn / __attribute__((noreturn)) */
    CALL_RETURNS_NONNULL = 1u << 1,  /* returns_nonnull or a _Nonnull result */
    CALL_RETURNS_NULLABLE = 1u << 2, /* a _Nullable result */
    CALL_ALL_NONNULL = 1u << 3       /* bare __attribute__((nonnull)): every pointer argument */
};

/* Why a call has a contract other than its callee's (ir_call.contract). */
enum contract_how {
    CONTRACT_NONE,
    CONTRACT_SPELLED, /* written `malloc(n)`, a macro turns it into another call */
    CONTRACT_HOOK     /* through a function pointer whose name says which allocator it is */
};

struct ir_call {
    const char *callee;      /* function name; NULL for a call through an unknown pointer */
    const char *contract;    /* the library function whose facts apply when the callee has
                              * none of its own (see contract_how), or NULL */
    enum contract_how contract_how;
    const char *hook;        /* CONTRACT_HOOK: the pointer called through, as named */
    int function_index;      /* the callee's index in ir_unit.functions, or -1 */
    struct ir_value *arguments;
    int argument_count;
    int *argument_places;    /* per argument: for `&p->member` (whose value is p's, as NULL as
                              * p), the path p->member whose address it is, else -1; NULL
                              * when no argument is such an address */
    unsigned facts;          /* enum call_fact bits */
    uint32_t nonnull_arguments; /* bit i: argument i must not be NULL (attributes, _Nonnull) */
    uint32_t const_arguments;   /* bit i: parameter i points to const (`const T *`): the callee
                                 * does not write what argument i points to, only what that
                                 * holds pointers to */
    uint32_t literal_arguments; /* bit i: argument i is a string literal, a key the
                                 * program spells (do_one_spec("label")) */
    int target;              /* path that receives the result, or -1 */
    bool returns_pointer;
};

enum statement_kind {
    STATEMENT_ASSIGN, /* target = value; kills what was known of target and paths below it */
    STATEMENT_CALL,   /* [call.target =] callee(arguments) */
    STATEMENT_USE,    /* target is dereferenced or otherwise required to be non-NULL */
    STATEMENT_ASSUME, /* target is non-NULL from here on (assert under NDEBUG, checking macros);
                       * value.integer 1: a project's own assertion compiled out, which rules
                       * out only a NULL the code made, not a source's; 2: implied by an
                       * ordering that held (p > q), no test the author wrote */
    STATEMENT_FORGET, /* nothing is known of target any more (its address escaped, ...) */
    STATEMENT_HAS_ROOM, /* a capacity test found that target, a growable buffer, need not grow
                         * here: a NULL the code gave it is no longer known */
    STATEMENT_VARIANT, /* reads the payload `payload` of an Option/Result-shaped struct: valid
                        * only where target (its tag) is non-zero when value.integer is 1,
                        * zero when it is 0 */
    STATEMENT_ADJUST  /* target = target `arithmetic` value.integer, an integer local or
                       * parameter: stepped (i++), or one the statement before made a copy of
                       * another (`half = len >> 1` is `half = len` and this), so what is known
                       * of len's range carries over and target is a copy no more */
};

/* What STATEMENT_ADJUST does with its constant k. */
enum arithmetic_op {
    ARITHMETIC_ADD,         /* + k (a subtraction adds -k) */
    ARITHMETIC_MULTIPLY,    /* * k, k > 0 */
    ARITHMETIC_DIVIDE,      /* / k, k > 0, rounding toward zero */
    ARITHMETIC_SHIFT_RIGHT, /* >> k, 0 <= k < 63, rounding down */
    ARITHMETIC_STEP,        /* + k in place, with no copy before: a variable walking (i++,
                             * --n), so an element it picks is one not yet seen */
    ARITHMETIC_MASK,        /* & k, k >= 0: within [0, k], 0 for 0 */
    ARITHMETIC_REMAINDER    /* % k, k > 0: within [0, k - 1] for a value >= 0, 0 for 0 */
};

enum use_kind {
    USE_STAR,     /* *p */
    USE_ARROW,    /* p->f */
    USE_INDEX,    /* p[i] */
    USE_RETURN,   /* returned from a function declared never to return NULL */
    USE_CALL      /* (*p)() or p(): called through */
};

/* A call's fields and the others' share storage: a huge function has
 * hundreds of thousands of statements. */
struct ir_statement {
    enum statement_kind kind;
    int target;            /* ASSIGN, USE, ASSUME, FORGET, HAS_ROOM, VARIANT, ADJUST */
    struct source_location location;
    union {
        struct ir_call call; /* CALL */
        struct {
            struct ir_value value; /* ASSIGN; VARIANT: see variant */
            enum use_kind use;     /* USE */
            enum arithmetic_op arithmetic; /* ADJUST */
            const char *payload;   /* VARIANT: the member read, as written ("found.value") */
            const char *variant;   /* VARIANT of an enum-tagged union: the enumerator that must
                                    * be in target (its value in value.integer); NULL for a
                                    * boolean tag */
        };
    };
};

enum terminator_kind {
    TERMINATOR_GOTO,       /* to successors[0] */
    TERMINATOR_BRANCH,     /* successors[0] when the condition holds, successors[1] when not */
    TERMINATOR_RETURN,     /* leaves the function, with `returned` when has_return_value */
    TERMINATOR_UNREACHABLE /* after a call that does not return */
};

enum condition_kind {
    CONDITION_UNKNOWN,        /* nothing is learnt on either edge */
    CONDITION_NONNULL,        /* path != NULL */
    CONDITION_INTEGER_EQUALS, /* path == integer */
    CONDITION_NONZERO,        /* path != 0, for integer paths */
    CONDITION_LESS,           /* path < other + integer (other -1: path < integer) */
    CONDITION_EQUALS_PATH,    /* path == other + integer, two integer paths; or
                               * path == other, two pointer paths (integer 0) */
    CONDITION_SAME_NULLNESS,  /* (path == NULL) == (other == NULL), two pointers:
                               * `!a == !b`, and `!a != !b` with the edges swapped */
    CONDITION_BITS            /* (path & integer) != 0, a flag test; with `complement`,
                               * (~path & integer) != 0 */
};

struct ir_condition {
    enum condition_kind kind;
    int path;
    long long integer;
    struct source_location location;
    int other;  /* CONDITION_LESS, CONDITION_EQUALS_PATH, CONDITION_SAME_NULLNESS: the path
                 * compared with, or -1 */
    bool is_unsigned; /* CONDITION_LESS, CONDITION_EQUALS_PATH: compared as unsigned, where a
                       * negative value stands for one above LLONG_MAX */
    bool complement;  /* CONDITION_BITS: of ~path */
};

struct cfg_block {
    struct ir_statement *statements;
    int statement_count;
    int statement_capacity;
    enum terminator_kind terminator;
    struct ir_condition condition; /* TERMINATOR_BRANCH */
    int successors[2];
    bool has_return_value;
    struct ir_value returned;      /* TERMINATOR_RETURN */
    struct source_location return_location;
    bool impossible;               /* TERMINATOR_UNREACHABLE: no execution comes here (a
                                    * switch value that no enumerator has), rather than
                                    * one that ends in a call that does not return */
};

/* What a function's result can say about failure, for suggestions that
 * give up at a spot ("return NULL;", "return -1;"). Zero: none fits. */
enum return_kind {
    RETURN_OTHER,    /* a struct, a float, an enum: no value means "failed" */
    RETURN_VOID,
    RETURN_POINTER,
    RETURN_BOOL,     /* written `bool`, so `false` is defined */
    RETURN_INTEGER,  /* a signed integer type */
    RETURN_UNSIGNED  /* an unsigned integer type (size_t, ...), a _Bool not written `bool` */
};

/* A label of the function, and a goto that jumps to one: suggestions jump
 * to the function's cleanup code ("goto fail;") where it has some. */
struct ir_label {
    const char *name;
    struct source_location location;
};

struct ir_goto {
    const char *label;
    struct source_location location;
};

/* A statement that only stores a call's result in a local pointer
 * (`T *v = f(...);` or `v = f(...);`, a cast allowed), alone on its line
 * and outside any macro: a fix-it may insert a test of v on the next line. */
struct ir_call_assignment {
    struct source_location call; /* the call, as its STATEMENT_CALL's location */
    int variable;                /* path of the local */
    unsigned line;               /* the statement's line */
    const char *indent;          /* the blanks before the statement on its line */
};

struct ir_function {
    const char *name;
    const char *key;               /* USR: stable across translation units */
    struct source_location location;
    bool is_static;
    bool returns_pointer;
    bool returns_nonnull;          /* returns_nonnull attribute or _Nonnull result */
    bool poisoned;                 /* the body had parse errors: produce no findings */
    bool address_taken;            /* named other than as a callee (a callback, a table
                                    * entry): calls beyond the unit's own may reach it */
    int parameter_count;
    int *parameter_paths;          /* path id of each parameter */
    struct access_path *paths;
    int path_count;
    int path_capacity;
    struct cfg_block *blocks;
    int block_count;
    int block_capacity;
    int entry;                     /* block id of the entry */
    /* For suggestions (the dataflow does not depend on them): */
    enum return_kind return_kind;
    struct ir_label *labels;       /* in source order */
    int label_count;
    struct ir_goto *gotos;         /* in source order */
    int goto_count;
    struct ir_call_assignment *call_assignments;
    int call_assignment_count;
};

/* A global of the unit whose value never changes: never assigned after its
 * initializer, address never taken (e.g. Juliet-style `static int staticTrue = 1`
 * or `static const int FIVE = 5`). The front end folds these into conditions
 * already; they are listed for summaries and dumps. */
struct ir_constant_global {
    const char *key;
    const char *name;
    long long value;
};

/* A macro that code of the unit comes from (the outermost of an
 * expansion, as source_location.macro names it) and where it is defined,
 * for the notes of a finding inside its expansion. */
struct ir_macro {
    const char *name;
    struct source_location definition;
};

struct ir_unit {
    const char *main_file;
    struct ir_function *functions;
    int function_count;
    int function_capacity;
    struct ir_macro *macros;
    int macro_count;
    const char **named_functions; /* functions of external linkage the unit names other
                                   * than as a callee (a callback, a table entry), defined
                                   * here or not: calls nothing sees may reach them */
    int named_function_count;
    int named_function_capacity;
    struct arena *arena;
};

/* Builders. All memory comes from the unit's arena; ids are indexes. */
void ir_unit_init(struct ir_unit *unit, struct arena *arena, const char *main_file);
struct ir_function *ir_add_function(struct ir_unit *unit, const char *name);
int ir_add_block(struct ir_unit *unit, struct ir_function *function);
struct ir_statement *ir_append(struct ir_unit *unit, struct ir_function *function, int block,
                               enum statement_kind kind, struct source_location location);
/* A statement of `kind` at `location` with nothing else set (no target,
 * no callee): what ir_append hands out, for builders with their own store. */
void ir_statement_init(struct ir_statement *statement, enum statement_kind kind,
                       struct source_location location);

/* How many of successors[] the block's terminator uses: 1 for a goto, 2
 * for a branch, 0 for a return or an unreachable end. */
int ir_successor_count(const struct cfg_block *block);

/* Grows `reaches` (a flag per block, set on the targets) to every block
 * from which a flagged block can be reached; a block flagged in `barrier`
 * (NULL: none) is never added, so paths end there. */
void ir_blocks_reaching(const struct ir_function *function, char *reaches, const char *barrier);

/* The macro of the unit named `name` (source_location.macro), or NULL. */
const struct ir_macro *ir_unit_macro(const struct ir_unit *unit, const char *name);

/* Returns the id of the path (parent, step, name), creating it when new.
 * For roots pass parent -1 and PATH_VARIABLE; `text` is computed. */
int ir_path(struct ir_unit *unit, struct ir_function *function, int parent, enum path_step step,
            const char *name, enum variable_kind root_kind);

/* Appends the path (parent, step, name) without looking for an existing
 * one: for builders that keep their own index. Returns its id. */
int ir_add_path(struct ir_unit *unit, struct ir_function *function, int parent,
                enum path_step step, const char *name, enum variable_kind root_kind);

/* The existing child of `parent` reached by (step, name), or -1 (name is
 * ignored for PATH_DEREF). */
int ir_child_path(const struct ir_function *function, int parent, enum path_step step,
                  const char *name);

/* True when `path` is `ancestor` or is reached from it. */
bool ir_path_is_below(const struct ir_function *function, int path, int ancestor);

/* Root variable of a path. */
int ir_path_root(const struct ir_function *function, int path);
/* Whether `path` is reached through a pointer (`*p`, `p->f`, `p[i]` of a
 * pointer p, or below one): memory that is not the frame's own. */
bool ir_path_through_pointer(const struct ir_function *function, int path);

/* Appends a readable dump of the function (for --dump-ir and tests). */
struct string_buffer;
void ir_dump_function(const struct ir_function *function, struct string_buffer *out);

#endif

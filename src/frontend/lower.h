/*
 * lower: private interface shared by the front end's lowering files
 * (libclang AST -> IR). struct frontend_unit holds what is known of one
 * translation unit (files, macro expansions, constants, attribute cache,
 * prescan results, scratch buffers); struct lower_context is the state of
 * lowering one function. Nothing here is part of the public contract
 * (frontend.h).
 */
#ifndef NULLPROOF_FRONTEND_LOWER_H
#define NULLPROOF_FRONTEND_LOWER_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stdint.h>

#include "../ir/ir.h"
#include "clang_compat.h"
#include "maps.h"
#include "macro_shapes.h"

/* Deepest expression / statement nesting lowered; deeper code degrades to
 * VALUE_UNKNOWN (keeps the stack bounded on generated code). */
#define LOWER_DEPTH_LIMIT 600

/* ---- tokens.c: punctuation of a file, by offset ---- */

enum token_code {
    TOKEN_OTHER,
    TOKEN_SEMICOLON,
    TOKEN_LEFT_PAREN,
    TOKEN_RIGHT_PAREN,
    TOKEN_LEFT_BRACE,
    TOKEN_RIGHT_BRACE,
    TOKEN_LEFT_BRACKET,
    TOKEN_RIGHT_BRACKET,
    TOKEN_STAR,
    TOKEN_SLASH,
    TOKEN_PERCENT,
    TOKEN_PLUS,
    TOKEN_MINUS,
    TOKEN_SHIFT_LEFT,
    TOKEN_SHIFT_RIGHT,
    TOKEN_LESS,
    TOKEN_GREATER,
    TOKEN_LESS_EQUAL,
    TOKEN_GREATER_EQUAL,
    TOKEN_EQUAL_EQUAL,
    TOKEN_NOT_EQUAL,
    TOKEN_AMPERSAND,
    TOKEN_CARET,
    TOKEN_PIPE,
    TOKEN_AND_AND,
    TOKEN_OR_OR,
    TOKEN_ASSIGN,
    TOKEN_COMPOUND_ASSIGN,
    TOKEN_COMMA,
    TOKEN_PLUS_PLUS,
    TOKEN_MINUS_MINUS,
    TOKEN_BANG,
    TOKEN_TILDE,
    TOKEN_ARROW,
    TOKEN_DOT,
    TOKEN_QUESTION,
    TOKEN_COLON,
    TOKEN_IDENTIFIER,
    TOKEN_LITERAL,
    TOKEN_KEYWORD_EXTENSION, /* __extension__ */
    TOKEN_KEYWORD_REAL,      /* __real__ */
    TOKEN_KEYWORD_IMAG,      /* __imag__ */
    TOKEN_CODE_COUNT         /* < 64: codes fit a uint64_t set */
};

struct file_token {
    unsigned offset;
    unsigned char code; /* enum token_code */
};

/* Classifies the raw text of one token (maximal munch on punctuation). */
enum token_code token_classify(const char *text, size_t length, CXTokenKind kind);

/* Index of the first token of `file` whose offset is in [from, to) and whose
 * code is in `codes` (a set of 1 << code), or -1. Tokenizes the file on first
 * use. */
int tokens_find(struct frontend_unit *unit, int file, unsigned from, unsigned to,
                uint64_t codes);
const struct file_token *tokens_at(struct frontend_unit *unit, int file, int index);

/* The operator written in [from, to) of a file when that text is exactly one
 * punctuator (or __extension__ / __real__ / __imag__) between blanks and
 * comments; TOKEN_OTHER otherwise. Reads the file buffer, no tokenizing. */
enum token_code tokens_single_operator(struct frontend_unit *unit, int file, unsigned from,
                                       unsigned to);

/* Where the logical line holding `offset` ends (backslash-newlines
 * continue it): the offset of its newline, or the file's end. */
unsigned tokens_line_end(struct frontend_unit *unit, int file, unsigned offset);

/* Tokens of a small file range [from, to) as codes (for macro calls and
 * definitions); returns how many were stored (at most `max`). When `texts`
 * is not NULL, the spelling of identifiers, literals, keywords and
 * unclassified punctuation (# and ##) is copied into the unit's arena. */
int tokens_of_range(struct frontend_unit *unit, int file, unsigned from, unsigned to,
                    struct file_token *out, const char **texts, int max);

/* ---- macros.c: macro expansion ranges ---- */

struct macro_expansion {
    int file;
    unsigned begin, end; /* expansion offsets of the macro call, [begin, end) */
    const char *name;
    CXCursor cursor;     /* the CXCursor_MacroExpansion */
    const struct macro_definition_facts *definition; /* (14 fallback) */
    bool definition_known;
};

/* What the 14 fallback reads of a macro's definition, once per definition
 * (macro_definitions.c). */
struct macro_definition_facts {
    struct shape_token *body;  /* the replacement list as written */
    int body_count;
    const char **parameters;   /* __VA_ARGS__ for `...` */
    int parameter_count;
    bool function_like, variadic;
    /* of the replacement list with the macros it calls expanded, once the
     * definition has been called (shaped) */
    bool shaped;
    uint64_t operators;        /* token codes */
    struct macro_shape *shape; /* its expressions' skeletons, or NULL */
};

void macros_add(struct frontend_unit *unit, CXCursor expansion, int file, unsigned begin);
/* Sorts the ranges and keeps only outermost ones; call once after adding. */
void macros_finish(struct frontend_unit *unit);
/* Records in the IR unit where each macro that code comes from is
 * defined (ir_unit.macros), once lowering is done. */
void macros_record_definitions(struct frontend_unit *unit);
/* Where a macro call (outermost or nested) that starts exactly at
 * (file, offset) ends, or `offset` when none starts there. libclang ends
 * an extent that ends in a macro used inside another macro's arguments at
 * that macro's name; this gives the real end. */
unsigned macros_call_end(struct frontend_unit *unit, int file, unsigned offset);
/* The outermost expansion containing (file, offset), or NULL. Binary search. */
struct macro_expansion *macros_find(struct frontend_unit *unit, int file, unsigned offset);
/* The innermost macro call, nested ones too, whose text holds [begin, end)
 * of a file and begins after `after`, or NULL (libclang 14 only: NULL on
 * 17+). */
struct macro_expansion *macros_find_nested(struct frontend_unit *unit, int file, unsigned after,
                                           unsigned begin, unsigned end);
/* Two operands around an operator written at the call site, whose extents
 * end or begin inside a macro call (`ctx->FIELD(name) == NULL`: libclang
 * ends the left one at `name`): the left one is taken to the end of the
 * calls it ends in that close before the right one begins, the right one
 * back to the start of the calls it begins in that open after the left
 * one ends. */
void macros_widen_operands(struct frontend_unit *unit, int file, unsigned *left_end,
                           unsigned *right_begin);
/* ---- macro_definitions.c: replacement lists (14 fallback) ---- */

/* Records a #define: a project's is found by name when another macro calls
 * it; a system header's name is only known to be a macro. */
void macros_add_definition(struct frontend_unit *unit, CXCursor definition, bool system);
/* The facts of the macro's definition (cached), or NULL when its text is
 * out of reach. */
const struct macro_definition_facts *macros_definition(struct frontend_unit *unit,
                                                      struct macro_expansion *macro);

/* One operand of an NDEBUG assert: a variable or member chain, as names
 * and steps (steps[i] is PATH_ARROW or PATH_FIELD for names[i + 1]). */
#define ASSERT_CHAIN_MAX 8
struct assert_operand {
    const char *names[ASSERT_CHAIN_MAX];
    enum path_step steps[ASSERT_CHAIN_MAX];
    int length;
};
/* Splits the assert(...) call into top-level && conjuncts of the form X,
 * X != NULL, NULL != X, X != 0; returns how many were stored. */
int macros_assert_operands(struct frontend_unit *unit, const struct macro_expansion *macro,
                           struct assert_operand *out, int max);
/* Whether the assertion can only fail: assert(0), assert(false),
 * assert(0 && "why"), assert(!"why"). */
bool macros_assert_fails(struct frontend_unit *unit, const struct macro_expansion *macro);

/* ---- constants.c: integer constant evaluation ---- */

/* Registers a variable that may be a file constant (integer, with an
 * initializer, static / const); the prescan decides whether it is written. */
void constants_add_candidate(struct frontend_unit *unit, CXCursor variable);
/* Value of an integer expression that is a compile-time constant with no
 * side effects (literals, enum constants, file constants, operators). */
bool constants_evaluate(struct frontend_unit *unit, CXCursor expression, long long *value);
/* A null pointer constant: NULL, 0, (T *)0, nullptr, macros of these. */
bool constants_is_null_pointer(struct frontend_unit *unit, CXCursor expression);
/* The value of a file constant (see constants_add_candidate). While a
 * function is lowered (unit->lowering_function) the answer is remembered:
 * a function scanned later may still write the variable. */
bool constants_variable(struct frontend_unit *unit, CXCursor variable, long long *value);
/* Once every function is scanned: sets stale[f] for each function lowered
 * with a file constant that is not one (or has another value) after all,
 * and forgets every decision so they are taken again; returns how many. */
int constants_settle(struct frontend_unit *unit, bool *stale);
/* Folding for the lowering, which computes constants bottom-up as it goes:
 * false when the result is not defined (division by zero, ...). */
bool constants_fold_binary(enum binary_operator op, bool is_unsigned, long long left,
                           long long right, long long *value);
bool constants_fold_unary(enum unary_operator op, long long operand, long long *value);
/* `value` converted to `type` (truncation, sign extension, _Bool). */
long long constants_convert(long long value, CXType type);
/* libclang's value of a literal, sizeof or builtin constant. */
bool constants_libclang_value(CXCursor expression, long long *value);

/* ---- attributes.c: call facts from declarations ---- */

struct callee_facts {
    const char *name;
    const char *result_name;     /* "name()": the temporary holding a call's result */
    const char *key;             /* USR */
    unsigned facts;              /* enum call_fact */
    uint32_t nonnull_arguments;
};

/* Facts of a FunctionDecl merged over its redeclarations, cached per
 * function (canonical declaration). `callee` is the call's callee
 * expression (for builtins whose decl has no usable type) or a null cursor. */
const struct callee_facts *attributes_of(struct frontend_unit *unit, CXCursor function,
                                         CXCursor callee);

/* ---- prescan.c: facts about variables over the whole unit ---- */

/* Records variables that are written, incremented or whose address is
 * taken, and what local function pointers are set to: prescan_unit in the
 * initializers of file-scope variables (before any function is lowered),
 * prescan_function in the function whose children tree is built. */
void prescan_unit(struct frontend_unit *unit, const CXCursor *variables, int count);
void prescan_function(struct frontend_unit *unit);
bool prescan_address_taken(struct frontend_unit *unit, CXCursor variable);
/* Whether &variable appears other than as a call's argument (stored,
 * initializing a pointer): then any call may write the variable. */
bool prescan_address_escapes(struct frontend_unit *unit, CXCursor variable);
bool prescan_function_named(struct frontend_unit *unit, CXCursor function);
bool prescan_written(struct frontend_unit *unit, CXCursor variable);
/* The one function a function pointer variable is ever set to, if any (for
 * a global, complete only once every function is scanned). */
bool prescan_function_pointer_target(struct frontend_unit *unit, CXCursor variable,
                                     CXCursor *function);

/* ---- cursors.c: children of cursors, small cursor helpers ---- */

/* Children lists. While a function is being lowered its cursors' children
 * come from a tree built by one visit of the function (libclang has no
 * child accessor, and a clang_visitChildren per node costs more than the
 * rest of the lowering); other cursors are visited on demand. A list is
 * valid until cursor_list_free or the next cursor_tree_build. */
struct cursor_list {
    CXCursor *items;
    int count;
    int capacity;
    CXCursor inline_items[6];
};

struct cursor_node {
    int all_first, all_count;   /* in cursor_tree.all_children */
    int code_first, code_count; /* in cursor_tree.code_children */
    int parent;                 /* node id; -1 for the root */
};

struct cursor_edge {
    int parent, child;
};

struct cursor_tree_slot {
    unsigned hash;
    unsigned generation; /* in use when equal to the tree's generation */
    int node;
};

enum { CURSOR_TREE_RECENT = 1024 };

struct cursor_tree {
    bool active;
    struct cursor_tree_slot *slots; /* cursor -> node (hashing; the key is cursors[node]) */
    /* The nodes of the children lists handed out lately, by hash: the
     * lowering asks for those next, and this small table stays in cache
     * where the big one does not. */
    struct cursor_tree_slot recent[CURSOR_TREE_RECENT];
    size_t slot_capacity;
    unsigned generation;
    CXCursor *cursors;       /* per node */
    struct cursor_node *nodes;
    int node_count, node_capacity;
    struct cursor_edge *edges;
    int edge_count, edge_capacity;
    int *all_children, *code_children; /* node ids: a huge function's tree is mostly these */
    int all_capacity, code_capacity;
    int *stack;              /* open nodes while building (depth-first) */
    int stack_count, stack_capacity;
};

/* Builds the children tree of everything below `root`, replacing the
 * previous one; cursor_tree_clear stops using it. */
void cursor_tree_build(struct frontend_unit *unit, CXCursor root);
void cursor_tree_clear(struct frontend_unit *unit);
void cursor_tree_free(struct cursor_tree *tree);

/* Direct children (all kinds). */
void cursor_children(struct frontend_unit *unit, CXCursor parent, struct cursor_list *list);
/* Direct children that are expressions or statements. */
void cursor_code_children(struct frontend_unit *unit, CXCursor parent,
                          struct cursor_list *list);
void cursor_list_free(struct cursor_list *list);
/* The parent of a cursor of the function being lowered, or a null cursor
 * (the function itself, or no tree). */
CXCursor cursor_parent(struct frontend_unit *unit, CXCursor cursor);
/* First direct child that is an expression, or a null cursor. */
CXCursor cursor_first_expression(struct frontend_unit *unit, CXCursor parent);
/* The only expression child, or a null cursor (none or several). */
CXCursor cursor_single_expression(struct frontend_unit *unit, CXCursor parent);
/* Sees through parentheses, implicit casts (single-child UnexposedExpr)
 * and __extension__; stops at error-recovery nodes. */
CXCursor cursor_strip(struct frontend_unit *unit, CXCursor expression);
/* An expression clang built while recovering from an error, or of
 * invalid type (only possible when the unit has errors): its value and
 * its children's relation to it are unknown. */
bool cursor_is_recovery(struct frontend_unit *unit, CXCursor expression);
/* Declaration a DeclRefExpr names (canonical), or a null cursor. */
CXCursor cursor_declaration(CXCursor reference);
bool cursor_is_variable(CXCursor declaration);

/* ---- lower_unit.c: the translation unit ---- */

struct source_file {
    CXFile file;
    const char *name; /* as clang gives it, in the unit's arena */
    bool is_system;
    bool tokens_loaded;
    struct file_token *tokens; /* malloc'd, sorted by offset */
    int token_count;
    bool skipped_loaded;
    unsigned *skipped;         /* malloc'd [begin, end) pairs of the text the preprocessor
                                * left out (#if 0, an #ifdef not taken), sorted */
    int skipped_count;
    unsigned *line_starts;     /* malloc'd offsets of each line's start, as clang counts */
    int line_count;            /* -1: the file's text is not available */
    int last_line;             /* index of the last line asked for (asked in order mostly) */
};

struct constant_entry {
    CXCursor variable;
    long long value;
    int state; /* 0 unknown, 1 constant, 2 not constant, 3 being evaluated */
};

struct error_position {
    int file;
    unsigned offset;
};

struct pending_call {
    int function;
    int block;
    int statement;
    const char *key;
};

/* A file constant a function was lowered with (folded), and a global
 * root whose address_taken flag a later function may still set: the
 * prescan of a function comes just before its lowering. */
struct constant_use {
    int function;
    int slot; /* in constants[] */
    long long value;
};

struct global_root {
    int function;
    int path;
    CXCursor variable;
};

/* A call through a global function pointer or a field, settled once every
 * function is lowered (hooks.c). */
struct pending_hook {
    int function;
    int block;
    int statement;
    CXCursor pointer; /* the VarDecl or FieldDecl called through */
};

struct frontend_unit {
    CXTranslationUnit tu;
    struct ir_unit *unit;
    struct arena *arena;
    const struct pack_set *packs;   /* declared tagged unions, or NULL */
    bool declarations_first;        /* C89 rules (-std=c89, -Wdeclaration-after-statement):
                                     * a fix-it may not put a statement before a declaration */

    struct source_file *files;
    int file_count, file_capacity;
    int last_file;

    struct macro_expansion *macros;
    int macro_count, macro_capacity;
    struct macro_range { int file; unsigned begin, end; } *macro_calls; /* nested ones too */
    struct macro_expansion *nested_macros; /* every call, sorted as macro_calls (14 fallback) */
    int macro_call_count;
    struct cursor_map macro_definitions; /* definition -> macro_facts[] */
    struct macro_definition_facts **macro_facts; /* arena-allocated; NULL: unreadable */
    int macro_definition_count, macro_definition_capacity;
    struct name_map macro_names; /* macro name -> macro_named[]; -1: defined twice, or in a
                                  * system header (known to be a macro, not expanded) */
    CXCursor *macro_named;
    int macro_named_count, macro_named_capacity;

    struct cursor_map constant_index; /* canonical VarDecl -> constants[] */
    struct constant_entry *constants;
    int constant_count, constant_capacity;

    struct cursor_map written;          /* canonical VarDecl -> 1 */
    struct cursor_map address_taken;    /* canonical VarDecl -> 1 */
    struct cursor_map address_escapes;  /* canonical VarDecl -> 1: &x not only as an argument */
    struct cursor_map functions_named;  /* canonical FunctionDecl -> 1: named other than as a
                                         * callee (its address is taken) */
    struct cursor_map function_pointers; /* local VarDecl -> index in targets or -1 */
    CXCursor *function_pointer_targets;
    int function_pointer_count, function_pointer_capacity;

    struct cursor_map callee_index;     /* canonical FunctionDecl -> callees[] */
    struct callee_facts *callees;
    int callee_count, callee_capacity;

    struct cursor_map global_keys;      /* canonical VarDecl -> global_key_names[] */
    const char **global_key_names;
    int global_key_count, global_key_capacity;

    struct error_position *errors;      /* error diagnostics, sorted */
    int error_count, error_capacity;

    struct pending_call *pending;
    int pending_count, pending_capacity;
    struct pending_hook *hooks;
    int hook_count, hook_capacity;

    int lowering_function;              /* index of the function being lowered, or -1 */
    struct constant_use *constant_uses;
    int constant_use_count, constant_use_capacity;
    struct global_root *global_roots;
    int global_root_count, global_root_capacity;

    bool has_errors;                    /* clang reported errors: recovery nodes may exist */
    struct name_map names;              /* interned names (macros) */
    bool prescan_done;                  /* file-scope initializers are scanned */
    struct cursor_tree tree;            /* children of the function being lowered */

    /* A function's blocks and statements are built in these (reused)
     * buffers and copied to exact-size arena arrays when it is done: the
     * arena's grow-by-copy would otherwise waste half of the IR's memory. */
    struct cfg_block *scratch_blocks;
    int scratch_block_capacity;
    struct ir_statement *scratch_statements;
    int *scratch_owners; /* block of each scratch statement */
    int scratch_statement_count, scratch_statement_capacity;
};

void frontend_unit_init(struct frontend_unit *unit, CXTranslationUnit tu, struct ir_unit *ir,
                        struct arena *arena);
void frontend_unit_free(struct frontend_unit *unit);

/* Index of a file in unit->files (created on first sight), -1 for none. */
int unit_file(struct frontend_unit *unit, CXFile file);
/* Expansion position of a location: file index and offset; false if none. */
bool unit_offset(struct frontend_unit *unit, CXSourceLocation location, int *file,
                 unsigned *offset);
/* File position (macro arguments resolved to where they are written). */
bool unit_file_offset(struct frontend_unit *unit, CXSourceLocation location, int *file,
                      unsigned *offset);
struct source_location unit_location(struct frontend_unit *unit, CXSourceLocation location);
/* Copies and disposes a CXString. */
const char *unit_string(struct frontend_unit *unit, CXString string);
const char *unit_intern(struct frontend_unit *unit, const char *name);
/* `first` followed by `second`, in the unit's arena (arena_printf's two
 * vsnprintf calls showed in profiles of the lowering). */
const char *unit_join(struct frontend_unit *unit, const char *first, const char *second);
/* USR of a global or static-local variable (cached). */
const char *unit_global_key(struct frontend_unit *unit, CXCursor variable);
/* Records a clang error at a location (for poisoning functions). */
void unit_add_error(struct frontend_unit *unit, CXSourceLocation location);

/* Remembers a global root whose address_taken flag may still change. */
void unit_add_global_root(struct frontend_unit *unit, int function, int path, CXCursor variable);

/* Remembers a call whose callee may be a function of this unit; its
 * function_index is filled in once every function is lowered. */
void unit_add_pending_call(struct frontend_unit *unit, int function, int block, int statement,
                           const char *key);

/* ---- hooks.c: calls through global function pointers and fields ---- */

/* A variable declared at file scope (a global, static or not). */
bool hooks_is_file_scope(CXCursor declaration);
/* Remembers a pointer-returning call through `pointer` (a VarDecl or a
 * FieldDecl): statement `statement` of `block` of `function`. */
void hooks_add(struct frontend_unit *unit, int function, int block, int statement,
               CXCursor pointer);
/* Drops the hooks of functions about to be lowered again. */
void hooks_forget(struct frontend_unit *unit, const bool *stale);
/* Once every function is lowered, before calls are linked: a hook the unit
 * sets to one function calls it; another may take its name's contract. */
void hooks_settle(struct frontend_unit *unit);

/* Lowers every function of the unit (main file and non-system headers). */
void lower_translation_unit(struct frontend_unit *unit);

/* ---- lower_function.c: one function ---- */

struct switch_case {
    CXCursor statement; /* CaseStmt or DefaultStmt */
    int block;
    bool is_default;
    bool has_value;     /* value (and range_end for case ranges) known */
    bool is_range;
    long long value, range_end;
};

struct switch_context {
    struct switch_case *cases; /* malloc'd, document order */
    int count;
    int next;                  /* next case expected while lowering the body */
    struct switch_context *outer;
};

struct lower_context {
    struct frontend_unit *unit_state;
    struct ir_unit *unit;
    struct ir_function *function;
    int function_index;
    int current;          /* block receiving statements; always valid */
    int break_target;     /* -1: none */
    int continue_target;
    struct switch_context *switch_context;
    int depth;
    bool returns_nonnull;
    CXCursor body;
    struct cursor_map roots;         /* canonical declaration -> root path */
    int *path_slots;                 /* hash index over function->paths (-1 empty) */
    size_t path_slot_capacity;
    struct name_map temporaries;     /* temporary base name -> uses */
    struct name_map labels;          /* label -> block */
    int *indirect_gotos;
    int indirect_goto_count, indirect_goto_capacity;
    struct cursor_map aliases;       /* local pointer -> alias_targets[] or -1 (aliases.c) */
    CXCursor *alias_targets;
    CXCursor written;                /* the left side of the assignment being lowered:
                                      * writing a payload is not reading it */
    struct macro_call *macro_calls;  /* calls written as a macro argument, by spelling */
    int macro_call_count, macro_call_capacity;
    int result_target;               /* the local that the call being lowered next stores its
                                      * result in directly (p = malloc(n)), or -1: one value
                                      * less per call keeps huge functions small */
};

/* An integer local stored a variable's value changed by a constant (`half
 * = len >> 1`): lower_stored_value returns the variable, and its
 * assignment is followed by this step (STATEMENT_ADJUST). */
struct stored_step {
    bool present;
    enum arithmetic_op op;
    long long operand;
};

/* A call spelled once as a macro argument: a macro that uses its argument
 * twice (jansson's json_is_string(x) is `(x) && (x)->type == ...`) makes
 * two calls of it, which are the same value for the analysis. */
struct macro_call {
    unsigned line, column; /* the macro's expansion site */
    unsigned spelling;     /* file offset where the call is written */
    int target;            /* the path holding its result */
};

/* Lowers a function definition into ir functions[index], or a new function
 * when index is -1; `scan` runs prescan_function on it first. */
void lower_function(struct frontend_unit *unit, CXCursor definition, bool poisoned, int index,
                    bool scan);

int lower_new_block(struct lower_context *context);
/* The block receiving statements (a fresh unreachable one after a jump). */
int lower_current_block(struct lower_context *context);
/* Ends the current block; the following code goes to a fresh block with no
 * predecessor (after return, break, goto, noreturn calls). */
void lower_goto(struct lower_context *context, int target);
void lower_branch(struct lower_context *context, struct ir_condition condition, int if_true,
                  int if_false);
void lower_start_unreachable(struct lower_context *context);
struct ir_statement *lower_emit(struct lower_context *context, enum statement_kind kind,
                                struct source_location location);

struct source_location lower_location(struct lower_context *context, CXCursor cursor);
struct source_location lower_location_start(struct lower_context *context, CXCursor cursor);

/* For an argument `&p->member` whose value (as NULL as p) is `value`, the
 * path p->member whose address it is; else -1. Lowers nothing. */
int lower_member_address_place(struct lower_context *context, CXCursor argument,
                               struct ir_value value);
/* Interned path (same rules as ir_path, with a hash index). */
int lower_path(struct lower_context *context, int parent, enum path_step step, const char *name,
               enum variable_kind kind, bool is_pointer);
/* For NAME_is_some(o), NAME_is_none(o), NAME_is_ok(o), NAME_is_err(o) with
 * o an Option/Result-shaped struct (nullproof/option.h's accessors): the
 * name of o's tag field, and whether the call is true when the tag is
 * false; NULL for any other call. Lowers nothing. */
const char *lower_variant_test(CXCursor call, bool *negated);
/* Emits the check that the member `expression` reads, of the struct at
 * (parent, step), is read where its tag allows it (nothing when it is not
 * a payload of a sum type, or is being written). */
void lower_variant_read(struct lower_context *context, CXCursor expression, int parent,
                        enum path_step step);
/* Marks an integer path unsigned, or of at most 32 bits, by its type. */
void lower_mark_integer(struct lower_context *context, int path, CXType type);
/* Facts from `declaration`'s type: _Nullable, _Bool, unsigned, 32 bits. */
void lower_mark_declaration(struct lower_context *context, int path, CXCursor declaration);
/* Root path of a variable or parameter declaration. */
int lower_root(struct lower_context *context, CXCursor declaration);
/* A fresh temporary: "base", then "base#2", ... (text "base"). */
int lower_temporary(struct lower_context *context, const char *base, bool is_pointer);
/* A path holding `value` (the path itself, or a temporary assigned it). */
int lower_materialise(struct lower_context *context, struct ir_value value,
                      struct source_location location, bool is_pointer);
/* An existing root named `name` (assert operands), or -1. */
int lower_find_root(struct lower_context *context, const char *name);

/* ---- aliases.c: local pointers that always point to one local ---- */

/* Finds, in the function's children tree, the local pointers whose every
 * initializer and assignment is &x of one local x and whose own address
 * is never taken (after prescan_function). */
void aliases_find(struct lower_context *context);
/* Whether `pointer` (an expression) is such a pointer, or &x of a local x
 * itself: then *pointer is `variable` (a VarDecl or ParmDecl). */
bool aliases_target(struct lower_context *context, CXCursor pointer, CXCursor *variable);

/* ---- lower_expression.c / lower_condition.c / lower_statement.c ---- */

enum lower_mode {
    LOWER_VALUE, /* the value is needed */
    LOWER_EFFECT /* only side effects and uses */
};

struct ir_value lower_expression(struct lower_context *context, CXCursor expression,
                                 enum lower_mode mode);
/* A CallExpr (lower_call.c). */
struct ir_value lower_call(struct lower_context *context, CXCursor call, enum lower_mode mode);
/* Lowers `expression` as a branch: ends the current block. */
void lower_condition(struct lower_context *context, CXCursor expression, int if_true,
                     int if_false);
/* The same for an `if` whose branches are `then_statement` and
 * `else_statement` (a null cursor: none): a comparison of a pointer with
 * NULL whose operator libclang 14 cannot name in a macro body is `==` where
 * the then-branch calls a function that never returns, and `!=` where the
 * then-branch is empty and the else-branch does (glibc's assert()). */
void lower_guard_condition(struct lower_context *context, CXCursor expression,
                           CXCursor then_statement, CXCursor else_statement, int if_true,
                           int if_false);
/* Ends the blocks `if_true` and `if_false` with jumps to a new block where
 * lowering goes on: the join of a two-way branch. */
void lower_rejoin(struct lower_context *context, int if_true, int if_false);
/* The value of `source` stored into the local `target` (an assignment or
 * an initializer): a call that is the whole value (casts aside) writes its
 * result into `target` itself. Returns what to assign to `target`, or a
 * value of kind VALUE_PATH equal to `target` when the call already did.
 * With a `step`, a variable changed by a constant (`len - 1`) is returned
 * as the variable, and `step` says what the assignment must be followed
 * by (lower_emit_step). */
struct ir_value lower_stored_value(struct lower_context *context, CXCursor source, int target,
                                   struct stored_step *step);
/* Emits the STATEMENT_ADJUST a stored value needs after its assignment to
 * `target` (lower_stored_value's `step`), if any. */
void lower_emit_step(struct lower_context *context, int target, const struct stored_step *step,
                     struct source_location location);
/* Lowers a condition into a diamond that joins again (value unknown). */
void lower_diamond(struct lower_context *context, CXCursor expression);
void lower_statement(struct lower_context *context, CXCursor statement);
/* The `count` code children of a statement into *parts (the caller frees
 * them); when clang built another number (error recovery), lowers each
 * child as a statement of its own and returns false. */
bool lower_statement_parts(struct lower_context *context, CXCursor statement,
                           struct cursor_list *parts, int count);
/* A SwitchStmt, and a CaseStmt / DefaultStmt met inside its body
 * (lower_switch.c). */
void lower_switch(struct lower_context *context, CXCursor statement);
void lower_case(struct lower_context *context, CXCursor statement);
/* A local struct variable's initializer list as assignments to its fields
 * (lower_initializer.c); false, lowering nothing, when it cannot map it. */
bool lower_struct_initializer(struct lower_context *context, int root, CXCursor variable,
                              CXCursor list);
/* Lowers a GNU statement expression's compound statement; its value. */
struct ir_value lower_statement_expression(struct lower_context *context, CXCursor compound);

static inline struct ir_value value_unknown(void)
{
    struct ir_value value = {VALUE_UNKNOWN, -1, 0};
    return value;
}

static inline struct ir_value value_of_kind(enum value_kind kind)
{
    struct ir_value value = {kind, -1, 0};
    return value;
}

static inline struct ir_value value_path(int path)
{
    struct ir_value value = {path >= 0 ? VALUE_PATH : VALUE_UNKNOWN, path, 0};
    return value;
}

static inline struct ir_value value_integer(long long integer)
{
    struct ir_value value = {VALUE_INTEGER, -1, integer};
    return value;
}

#endif

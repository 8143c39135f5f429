/*
 * suggest: the wording of every suggestion and the fix-its. Notes follow
 * clang's style (lower case, no final period, code in single quotes). It
 * reads the function an event is in only for names, types, labels and the
 * result kind; it never decides whether something is a finding.
 */
#include "suggest.h"

#include <ctype.h>
#include <string.h>

#include "../support/string_buffer.h"
#include "describe.h"

#define OPTION_HEADER "nullproof/option.h"


/* ---- giving up at a spot ---- */

/* fail, error, err, out, cleanup, done, bail and those followed by "_..."
 * or a digit (err_free, out2): the names cleanup code goes by. */
static bool is_cleanup_label(const char *name)
{
    static const char *const words[] = {"fail",    "failed", "failure", "error", "err",
                                        "cleanup", "out",    "done",    "bail"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t length = strlen(words[i]);
        if (strncmp(name, words[i], length) != 0)
            continue;
        char next = name[length];
        if (next == '\0' || next == '_' || isdigit((unsigned char)next))
            return true;
    }
    return false;
}

static const struct ir_label *find_label(const struct ir_function *function, const char *name)
{
    for (int i = 0; i < function->label_count; i++)
        if (strcmp(function->labels[i].name, name) == 0)
            return &function->labels[i];
    return NULL;
}

/* A goto to cleanup code that lies after `line`: the one the nearest
 * earlier goto takes (it frees what exists at that point), else the first
 * later one's. */
static const char *cleanup_label(const struct ir_function *function, unsigned line)
{
    const char *before = NULL, *after = NULL;
    unsigned before_line = 0;
    for (int i = 0; i < function->goto_count; i++) {
        const struct ir_goto *jump = &function->gotos[i];
        const struct ir_label *label = find_label(function, jump->label);
        if (!label || label->location.line <= line || !is_cleanup_label(jump->label))
            continue;
        if (jump->location.line < line && jump->location.line >= before_line) {
            before = jump->label;
            before_line = jump->location.line;
        } else if (jump->location.line > line && !after) {
            after = jump->label;
        }
    }
    return before ? before : after;
}

/* An int function used as a predicate: it returns only 0, 1 and
 * comparisons, and 1 or a comparison at least once (valid_email()). Its
 * "failed" is 0, not -1 (which would read as true). */
static bool is_predicate(const struct ir_function *function)
{
    bool says_true = false;
    for (int i = 0; i < function->block_count; i++) {
        const struct cfg_block *block = &function->blocks[i];
        if (block->terminator != TERMINATOR_RETURN || !block->has_return_value)
            continue;
        const struct ir_value *value = &block->returned;
        if (value->kind == VALUE_NULL_TEST || (value->kind == VALUE_INTEGER && value->integer == 1))
            says_true = true;
        else if (value->kind != VALUE_INTEGER || value->integer != 0)
            return false;
    }
    return says_true;
}

const char *suggest_handling(const struct ir_function *function, unsigned line,
                             struct arena *arena)
{
    if (!function)
        return NULL;
    const char *label = cleanup_label(function, line);
    if (label)
        return arena_printf(arena, "goto %s;", label);
    switch (function->return_kind) {
    case RETURN_VOID:
        return "return;";
    case RETURN_POINTER:
        return function->returns_nonnull ? NULL : "return NULL;";
    case RETURN_BOOL:
        return "return false;";
    case RETURN_INTEGER:
        if (function->name && strcmp(function->name, "main") == 0)
            return "return 1;";
        return is_predicate(function) ? "return 0;" : "return -1;";
    case RETURN_UNSIGNED:
        return "return 0;";
    case RETURN_OTHER:
        break;
    }
    return NULL;
}

/* ---- names and types ---- */

static bool is_type_keyword(const char *word, size_t length)
{
    static const char *const keywords[] = {
        "const",    "volatile", "restrict", "__restrict", "struct",   "union",
        "enum",     "unsigned", "signed",   "_Nullable",  "_Nonnull", "_Null_unspecified",
        "_Atomic",  "__unaligned"};
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strlen(keywords[i]) == length && strncmp(word, keywords[i], length) == 0)
            return true;
    return false;
}

const char *suggest_type_name(const char *type, const char *suffix, struct arena *arena)
{
    const char *word = NULL;
    size_t word_length = 0;
    for (const char *cursor = type ? type : ""; *cursor;) {
        if (!isalpha((unsigned char)*cursor) && *cursor != '_') {
            cursor++;
            continue;
        }
        const char *start = cursor;
        while (isalnum((unsigned char)*cursor) || *cursor == '_')
            cursor++;
        if (!is_type_keyword(start, (size_t)(cursor - start))) {
            word = start;
            word_length = (size_t)(cursor - start);
        }
    }
    if (!word)
        return arena_printf(arena, "value%s", suffix);
    if (word_length == 4 && strncmp(word, "char", 4) == 0)
        return arena_printf(arena, "string%s", suffix);
    if (word_length == 4 && strncmp(word, "void", 4) == 0)
        return arena_printf(arena, "pointer%s", suffix);
    if (word_length > 2 && strncmp(word + word_length - 2, "_t", 2) == 0)
        word_length -= 2;
    char *name = arena_printf(arena, "%.*s%s", (int)word_length, word, suffix);
    for (char *c = name; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return name;
}

/* "char *" and "text" -> "char *text"; "int" and "n" -> "int n". */
static const char *declaration(const char *type, const char *name, struct arena *arena)
{
    size_t length = strlen(type);
    bool glued = length > 0 && type[length - 1] == '*';
    return arena_printf(arena, "%s%s%s", type, glued ? "" : " ", name);
}

const char *suggest_parameters(const struct ir_function *function, struct arena *arena)
{
    if (!function)
        return "...";
    if (function->parameter_count == 0)
        return "void";
    struct string_buffer text;
    string_buffer_init(&text);
    const char *result = NULL;
    for (int i = 0; i < function->parameter_count; i++) {
        const struct access_path *path = &function->paths[function->parameter_paths[i]];
        if (!path->type || strchr(path->type, '(') || strchr(path->type, '[')) {
            result = "...";
            break;
        }
        string_buffer_printf(&text, "%s%s", i ? ", " : "",
                             declaration(path->type, path->text, arena));
    }
    if (!result)
        result = arena_strdup(arena, string_buffer_text(&text));
    string_buffer_free(&text);
    return result;
}

/* ---- notes ---- */

static void advise(struct check_context *context, struct finding *finding, const char *text)
{
    finding_add_note(context->findings, finding, NULL, 0, 0, text, NULL);
}

/* "if (p == NULL) return NULL;", or with a comment where nothing fits. */
static const char *null_test(const char *name, const char *handling, struct arena *arena)
{
    return arena_printf(arena, "if (%s == NULL) %s", name,
                        handling ? handling : "{ /* handle the NULL case */ }");
}

/* A temporary's text is the call it holds ("getenv()") or "(value)". */
static bool is_temporary_text(const char *text)
{
    return !text || strchr(text, '(') != NULL;
}

static bool is_realloc(const char *callee)
{
    return callee && (strcmp(callee, "realloc") == 0 || strcmp(callee, "reallocarray") == 0);
}

/* The source the pattern is chosen for: a test's cause, if any. */
static const struct null_origin *source_of(const struct null_origin *origin)
{
    if (origin && origin->kind == ORIGIN_NULL_CHECK && origin->cause)
        return origin->cause;
    return origin;
}

static bool assignment_in(const struct ir_function *function,
                          const struct ir_call_assignment *site)
{
    for (int i = 0; function && site && i < function->call_assignment_count; i++)
        if (&function->call_assignments[i] == site)
            return true;
    return false;
}

static const char *fix_text(const struct analysis_event *event, const char *handling,
                            bool has_fixit, struct arena *arena)
{
    const char *name = event->path_text ? event->path_text : "the pointer";
    const struct null_origin *origin = event->origin;
    if (event->definitely_null || !origin || origin->kind == ORIGIN_NULL_CONSTANT ||
        origin->kind == ORIGIN_NULL_CHECK) {
        if (event->path_text && strcmp(event->path_text, "NULL") == 0)
            return arena_printf(arena, "pass a pointer that is not NULL%s%s%s",
                                event->callee ? ": " : "", event->callee ? event->callee : "",
                                event->callee ? "() requires one" : "");
        return arena_printf(arena,
                            "make sure '%s' is not NULL on every path that reaches this use, "
                            "or test it here: '%s'", name, null_test(name, handling, arena));
    }
    const char *callee = origin->callee ? origin->callee : "the source";
    if (origin->variable && origin->assignment)
        return arena_printf(arena, "add a NULL check after '%s' is assigned on line %u: '%s'%s",
                            origin->variable, origin->assignment->line,
                            null_test(origin->variable, handling, arena),
                            has_fixit ? " (nullproof --fix inserts it)" : "");
    if (is_realloc(origin->callee) && !is_temporary_text(name))
        return arena_printf(arena,
                            "keep %s()'s result in a variable of its own and test it before "
                            "it replaces '%s', which still holds the old block if it fails: "
                            "'%s = %s(...); %s %s = grown;'",
                            callee, name,
                            declaration(origin->type ? origin->type : "void *", "grown", arena),
                            callee, null_test("grown", handling, arena), name);
    if (is_temporary_text(name))
        return arena_printf(arena, "keep %s()'s result in a variable and test it before this "
                            "use: '%s = %s(...); %s'",
                            callee,
                            origin->type ? declaration(origin->type, "value", arena) : "value",
                            callee, null_test("value", handling, arena));
    return arena_printf(arena, "test '%s' before this use: '%s'", name,
                        null_test(name, handling, arena));
}

/* "allocate with xmalloc()": the checked wrapper of a libc allocator. */
static const char *wrapper_signature(const char *callee, const char *type, struct arena *arena)
{
    static const char *const known[][2] = {
        {"malloc", "void *xmalloc(size_t size)"},
        {"calloc", "void *xcalloc(size_t count, size_t size)"},
        {"realloc", "void *xrealloc(void *pointer, size_t size)"},
        {"reallocarray", "void *xreallocarray(void *pointer, size_t count, size_t size)"},
        {"strdup", "char *xstrdup(const char *text)"},
        {"strndup", "char *xstrndup(const char *text, size_t size)"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(callee, known[i][0]) == 0)
            return known[i][1];
    return arena_printf(arena, "%s(...)",
                        declaration(type ? type : "void *", arena_printf(arena, "x%s", callee),
                                    arena));
}

static void alloc_notes(struct check_context *context, struct finding *finding,
                        const struct null_origin *source)
{
    struct arena *arena = context->findings->arena;
    const char *callee = source->callee ? source->callee : "the allocator";
    const char *type = source->type ? source->type : "void *";
    const char *result = suggest_type_name(type, "_result", arena);
    if (context->suggest != SUGGEST_FULL) {
        if (source->callee_function)
            advise(context, finding,
                   arena_printf(arena, "or make %s() never return NULL (abort when memory runs "
                                "out, as Rust does), or return a Result, '%s' "
                                "(NP_RESULT_DECLARE in " OPTION_HEADER ")", callee, result));
        else
            advise(context, finding,
                   arena_printf(arena, "or allocate with a wrapper that never returns NULL, "
                                "'x%s()', which aborts when memory runs out as Rust does; or "
                                "return a Result, '%s' (NP_RESULT_DECLARE in " OPTION_HEADER
                                "), where the caller can recover", callee, result));
        return;
    }
    if (source->callee_function)
        advise(context, finding,
               arena_printf(arena, "make '%s(%s)' abort() when its allocation fails instead "
                            "of returning NULL (what Rust does when memory runs out); declare "
                            "it '__attribute__((returns_nonnull))' and nullproof trusts its "
                            "result", declaration(type, callee, arena),
                            suggest_parameters(source->callee_function, arena)));
    else
        advise(context, finding,
               arena_printf(arena, "allocate through a wrapper that never returns NULL: '%s' "
                            "calls %s() and abort()s when it fails (what Rust does when memory "
                            "runs out); declare it '__attribute__((returns_nonnull))' and "
                            "nullproof trusts its result",
                            wrapper_signature(callee, source->type, arena), callee));
    advise(context, finding,
           arena_printf(arena, "or, where the caller can recover, return a Result (" OPTION_HEADER
                        "): 'NP_RESULT_DECLARE(%s, %s, int)' carrying ENOMEM, tested with "
                        "'if (!r.ok)'", result, type));
}

/* An Option for a lookup's result: unit functions are rewritten, library
 * ones wrapped. */
static void option_notes(struct check_context *context, struct finding *finding,
                         const struct null_origin *source, const char *variable)
{
    struct arena *arena = context->findings->arena;
    const char *callee = source->callee ? source->callee : "the lookup";
    const char *type = source->type ? source->type : "void *";
    const char *option = suggest_type_name(type, "_opt", arena);
    if (context->suggest != SUGGEST_FULL) {
        if (source->callee_function)
            advise(context, finding,
                   arena_printf(arena, "or make absence part of the type: have %s() return an "
                                "Option, '%s' (NP_OPTION_DECLARE in " OPTION_HEADER "), or "
                                "use 'bool %s(..., %s)'", callee, option, callee,
                                declaration(type, "*out", arena)));
        else
            advise(context, finding,
                   arena_printf(arena, "or wrap %s() in a function that returns an Option, "
                                "'%s' (NP_OPTION_DECLARE in " OPTION_HEADER "), so that no "
                                "caller can skip the test", callee, option));
        return;
    }
    advise(context, finding,
           arena_printf(arena, "declare an Option (" OPTION_HEADER "): 'NP_OPTION_DECLARE(%s, "
                        "%s)' makes 'typedef struct { bool some; %s; } %s;' with %s_some() and "
                        "%s_none()", option, type, declaration(type, "value", arena), option,
                        option, option));
    if (source->callee_function)
        advise(context, finding,
               arena_printf(arena, "return it: '%s %s(%s)', with 'return %s_none();' where it "
                            "returns NULL and 'return %s_some(...);' where it finds one",
                            option, callee, suggest_parameters(source->callee_function, arena),
                            option, option));
    else
        advise(context, finding,
               arena_printf(arena, "wrap the call: '%s %s_opt(...)' returns '%s_none()' when "
                            "%s() returns NULL, else '%s_some(value)'", option, callee, option,
                            callee, option));
    const char *name = variable ? variable : "found";
    advise(context, finding,
           arena_printf(arena, "and test it where it is used: '%s %s = %s%s(...); if (!%s.some) "
                        "...', then read '%s.value'", option, name, callee,
                        source->callee_function ? "" : "_opt", name, name));
}

/* A Result carrying errno for an operation that fails. */
static void result_notes(struct check_context *context, struct finding *finding,
                         const struct null_origin *source, const char *variable)
{
    struct arena *arena = context->findings->arena;
    const char *callee = source->callee ? source->callee : "the call";
    const char *type = source->type ? source->type : "void *";
    const char *result = suggest_type_name(type, "_result", arena);
    if (context->suggest != SUGGEST_FULL) {
        if (source->callee_function)
            advise(context, finding,
                   arena_printf(arena, "or make failure part of the type: have %s() return a "
                                "Result carrying errno, '%s' (NP_RESULT_DECLARE in "
                                OPTION_HEADER ")", callee, result));
        else
            advise(context, finding,
                   arena_printf(arena, "or wrap %s() in a function that returns a Result "
                                "carrying errno, '%s' (NP_RESULT_DECLARE in " OPTION_HEADER
                                ")", callee, result));
        return;
    }
    advise(context, finding,
           arena_printf(arena, "declare a Result (" OPTION_HEADER "): 'NP_RESULT_DECLARE(%s, %s, "
                        "int)' makes 'typedef struct { bool ok; union { %s; int error; }; } "
                        "%s;' with %s_ok() and %s_err()", result, type,
                        declaration(type, "value", arena), result, result, result));
    if (source->callee_function)
        advise(context, finding,
               arena_printf(arena, "return it: '%s %s(%s)', with 'return %s_err(errno);' where "
                            "it returns NULL", result, callee,
                            suggest_parameters(source->callee_function, arena), result));
    else
        advise(context, finding,
               arena_printf(arena, "wrap the call: '%s %s_result(...)' returns "
                            "'%s_err(errno)' when %s() returns NULL, else '%s_ok(value)'",
                            result, callee, result, callee, result));
    const char *name = variable ? variable : "result";
    advise(context, finding,
           arena_printf(arena, "and test it where it is used: '%s %s = %s%s(...); if (!%s.ok) "
                        "...', with the errno in '%s.error'", result, name, callee,
                        source->callee_function ? "" : "_result", name, name));
}

/* An Option for a variable the code itself leaves NULL. */
static void absent_value_notes(struct check_context *context, struct finding *finding,
                               const char *name, const char *type)
{
    struct arena *arena = context->findings->arena;
    const char *option = suggest_type_name(type, "_opt", arena);
    bool plain = !is_temporary_text(name) && !strpbrk(name, ".-[*");
    if (context->suggest != SUGGEST_FULL) {
        advise(context, finding,
               arena_printf(arena, "or make the absence explicit: %s%s%s an Option, '%s' "
                            "(NP_OPTION_DECLARE in " OPTION_HEADER "), and read its '.value' "
                            "only where '.some' is true", plain ? "keep '" : "use",
                            plain ? name : "", plain ? "' in" : "", option));
        return;
    }
    const char *declared = type ? type : "void *";
    advise(context, finding,
           arena_printf(arena, "declare an Option (" OPTION_HEADER "): 'NP_OPTION_DECLARE(%s, "
                        "%s)' makes 'typedef struct { bool some; %s; } %s;'", option, declared,
                        declaration(declared, "value", arena), option));
    const char *variable = plain ? name : "value";
    advise(context, finding,
           arena_printf(arena, "hold it as '%s %s = %s_none();', set it with '%s = "
                        "%s_some(...);' and read '%s.value' only where '%s.some' is true",
                        option, variable, option, variable, option, variable, variable));
}

static void pattern_notes(struct check_context *context, struct finding *finding,
                          const struct analysis_event *event)
{
    const struct null_origin *source = source_of(event->origin);
    const char *name = event->path_text ? event->path_text : "value";
    if (!source || strcmp(name, "NULL") == 0)
        return; /* NULL passed as such: there is no value to wrap */
    switch (source->kind) {
    case ORIGIN_ALLOC:
        alloc_notes(context, finding, source);
        break;
    case ORIGIN_LOOKUP:
        option_notes(context, finding, source, source->variable);
        break;
    case ORIGIN_NULLABLE:
        if (source->callee)
            result_notes(context, finding, source, source->variable);
        else
            absent_value_notes(context, finding, name, source->type);
        break;
    case ORIGIN_NULL_CONSTANT:
    case ORIGIN_NULL_CHECK:
        absent_value_notes(context, finding, name, source->type);
        break;
    }
}

/* The statement after which a test of the source's result can be
 * inserted: the source call's, stored in a local, in the function of the
 * use, outside macros; NULL when there is none. */
static const struct ir_call_assignment *fix_site(const struct analysis_event *event)
{
    const struct null_origin *origin = event->origin;
    if (event->definitely_null || !origin || !origin->variable || !origin->location.file ||
        origin->location.macro)
        return NULL;
    if (origin->kind != ORIGIN_ALLOC && origin->kind != ORIGIN_LOOKUP &&
        origin->kind != ORIGIN_NULLABLE)
        return NULL;
    return assignment_in(event->function_info, origin->assignment) ? origin->assignment : NULL;
}

void suggest_unsafe_use(const struct analysis_event *event, struct finding *finding,
                        struct check_context *context)
{
    struct arena *arena = context->findings->arena;
    const struct ir_function *function = event->function_info;
    const struct ir_call_assignment *site = fix_site(event);
    const char *handling = suggest_handling(function, site ? site->line : event->location.line,
                                            arena);
    bool has_fixit = site && handling;
    if (site && handling) {
        const struct null_origin *origin = event->origin;
        finding_add_fixit(context->findings, finding, origin->location.file, site->line + 1, 1,
                          site->line + 1, 1,
                          arena_printf(arena, "%s%s\n", site->indent ? site->indent : "",
                                       null_test(origin->variable, handling, arena)));
    }
    if (context->suggest == SUGGEST_NONE)
        return;
    advise(context, finding, fix_text(event, handling, has_fixit, arena));
    pattern_notes(context, finding, event);
}

/* The path of `function` written `text` (a root first), or NULL. */
static const struct access_path *path_named(const struct ir_function *function,
                                            const char *text)
{
    for (int i = 0; function && text && i < function->path_count; i++)
        if (function->paths[i].text && strcmp(function->paths[i].text, text) == 0)
            return &function->paths[i];
    return NULL;
}

void suggest_late_check(const struct analysis_event *event, struct finding *finding,
                        struct check_context *context)
{
    if (context->suggest == SUGGEST_NONE)
        return;
    struct arena *arena = context->findings->arena;
    const char *name = event->path_text ? event->path_text : "pointer";
    const struct ir_function *function = event->function_info;
    const char *handling = suggest_handling(function, event->dereference.line, arena);
    advise(context, finding,
           arena_printf(arena, "if '%s' can be NULL, test it before its first dereference on "
                        "line %u, e.g. '%s'; if it cannot, remove this test", name,
                        event->dereference.line, null_test(name, handling, arena)));
    const struct access_path *path = path_named(function, name);
    if (!path || path->parent >= 0 || path->parameter_index < 0) {
        absent_value_notes(context, finding, name, path ? path->type : NULL);
        return;
    }
    const char *owner = event->function ? event->function : "the function";
    int position = path->parameter_index + 1;
    if (context->suggest != SUGGEST_FULL) {
        advise(context, finding,
               arena_printf(arena, "or, if callers must never pass NULL, make that the "
                            "contract: declare %s() with '__attribute__((nonnull(%d)))' (like "
                            "a Rust reference, never absent) and remove the test", owner,
                            position));
        return;
    }
    const char *nonnull = path->type && path->type[strlen(path->type) - 1] == '*'
                              ? arena_printf(arena, "%s_Nonnull %s", path->type, name)
                              : arena_printf(arena, "T *_Nonnull %s", name);
    advise(context, finding,
           arena_printf(arena, "state the contract in %s()'s declaration: "
                        "'__attribute__((nonnull(%d)))', or the parameter as '%s' (clang's "
                        "nullability); nullproof then reports the callers that may pass NULL",
                        owner, position, nonnull));
    advise(context, finding,
           arena_printf(arena, "then remove the test of '%s', which can never hold; if NULL "
                        "must stay possible, take an Option instead (NP_OPTION_DECLARE in "
                        OPTION_HEADER ")", name));
}

/* "found" of "found.value", "*r" of "r->value". */
static const char *holder_of(const char *payload, struct arena *arena)
{
    const char *dot = strrchr(payload, '.');
    const char *arrow = strstr(payload, "->");
    while (arrow && strstr(arrow + 2, "->"))
        arrow = strstr(arrow + 2, "->");
    if (arrow && (!dot || arrow > dot))
        return arena_printf(arena, "*%.*s", (int)(arrow - payload), payload);
    if (dot)
        return arena_strndup(arena, payload, (size_t)(dot - payload));
    return payload;
}

/* The last member of a path's text: "some" of "found.some". */
static const char *member_of(const char *text)
{
    const char *dot = strrchr(text, '.');
    const char *arrow = strrchr(text, '>');
    const char *last = dot > arrow ? dot : arrow;
    return last ? last + 1 : text;
}

/* "user_opt" of "user_opt", "const user_opt *" or "struct file_result". */
static const char *struct_name(const char *type, struct arena *arena)
{
    if (!type)
        return NULL;
    const char *word = NULL;
    size_t length = 0;
    for (const char *cursor = type; *cursor;) {
        if (!isalpha((unsigned char)*cursor) && *cursor != '_') {
            cursor++;
            continue;
        }
        const char *start = cursor;
        while (isalnum((unsigned char)*cursor) || *cursor == '_')
            cursor++;
        if (!is_type_keyword(start, (size_t)(cursor - start))) {
            word = start;
            length = (size_t)(cursor - start);
        }
    }
    return word ? arena_strndup(arena, word, length) : NULL;
}

void suggest_variant(const struct analysis_event *event, struct finding *finding,
                     struct check_context *context)
{
    if (context->suggest == SUGGEST_NONE)
        return;
    struct arena *arena = context->findings->arena;
    const char *payload = event->path_text ? event->path_text : "the payload";
    const char *tag = describe_tag_test(event, arena);
    const char *handling = suggest_handling(event->function_info, event->location.line, arena);
    const char *give_up = handling ? handling : "{ /* handle it */ }";
    if (event->variant) { /* an enum-tagged union */
        advise(context, finding,
               arena_printf(arena, "test '%s' first: 'if (!(%s)) %s' before this line, or read "
                            "it only in the 'case' of a switch on the tag for that variant",
                            tag, tag, give_up));
        return;
    }
    if (event->tag_required)
        advise(context, finding,
               arena_printf(arena, "test '%s' first: 'if (!%s) %s' before this line, or read "
                            "it inside 'if (%s)'", tag, tag, give_up, tag));
    else
        advise(context, finding,
               arena_printf(arena, "read it only where '%s' is false: 'if (%s) %s' before this "
                            "line, or read it inside 'if (!%s)'", tag, tag, give_up, tag));
    const char *type = struct_name(event->value_type, arena);
    const char *holder = holder_of(payload, arena);
    const char *member = member_of(tag);
    bool is_option = strcmp(member, "some") == 0;
    bool is_result = strcmp(member, "ok") == 0;
    if (!type || (!is_option && !is_result)) {
        advise(context, finding,
               arena_printf(arena, "or read it through an accessor that tests '%s' first, as "
                            "the NAME_unwrap_or() and NAME_expect() of " OPTION_HEADER " do",
                            tag));
        return;
    }
    if (!event->tag_required) {
        advise(context, finding,
               arena_printf(arena, "or branch once on '%s' with if/else, reading '.value' on "
                            "one side and '.error' on the other, as Rust's match does", tag));
        return;
    }
    const char *fallback = is_option ? "unwrap_or" : "value_or";
    advise(context, finding,
           arena_printf(arena, "or use the checked accessors of " OPTION_HEADER ": "
                        "'%s_%s(%s, fallback)', or '%s_expect(%s, \"why it is there\")', which "
                        "aborts on %s", type, fallback, holder, type, holder,
                        is_option ? "none" : "an error"));
    if (context->suggest == SUGGEST_FULL)
        advise(context, finding,
               arena_printf(arena, "'%s_%s(o, fallback)' gives the value or 'fallback'; "
                            "'%s_expect(o, message)' gives the value or prints 'message' and "
                            "aborts, like Rust's expect()", type, fallback, type));
}

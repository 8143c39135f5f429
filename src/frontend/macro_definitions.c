/*
 * macro_definitions: what the libclang 14 operator fallback reads of a
 * macro's definition: its replacement list, with the project's macros it
 * calls expanded in it (as the preprocessor would, without conditionals),
 * its operators and the skeleton macro_shapes.c parses from it. Macros
 * are found by name among the project's #defines; a name defined more
 * than once stays unexpanded (which definition applies would depend on
 * the call site).
 */
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "macro_shapes.h"
#include "../support/heap_array.h"
#include "../support/xalloc.h"

#define DEFINITION_TOKENS_MAX 8192 /* tokens read of one #define (code generators are long) */
#define EXPANSION_TOKENS_MAX 16384 /* tokens of a replacement list once expanded */
#define EXPANSION_DEPTH_MAX 8      /* macros expanded within macros */
#define ARGUMENTS_MAX 32

void macros_add_definition(struct frontend_unit *unit, CXCursor definition, bool system)
{
    CXString spelling = clang_getCursorSpelling(definition);
    const char *name = unit_intern(unit, clang_getCString(spelling) ? clang_getCString(spelling) : "");
    clang_disposeString(spelling);
    int *known = name_map_find(&unit->macro_names, name);
    if (known || system) {
        /* defined twice (which one applies depends on the call), or a
         * system header's (its text is the platform's business) */
        if (known)
            *known = -1;
        else
            name_map_insert(&unit->macro_names, name, -1);
        return;
    }
    unit->macro_named = heap_array_reserve(unit->macro_named, &unit->macro_named_capacity,
                                           unit->macro_named_count + 1, sizeof *unit->macro_named);
    unit->macro_named[unit->macro_named_count] = definition;
    name_map_insert(&unit->macro_names, name, unit->macro_named_count++);
}

static bool is_name(const struct shape_token *token)
{
    return token->code == TOKEN_IDENTIFIER && token->text;
}

/* The facts of a definition with its text read (replacement list and
 * parameters), cached per definition; NULL when its text is out of reach. */
static struct macro_definition_facts *definition_text(struct frontend_unit *unit,
                                                      CXCursor definition)
{
    int *known = cursor_map_find(&unit->macro_definitions, definition);
    if (known)
        return unit->macro_facts[*known];
    struct macro_definition_facts *facts = NULL;
    int file;
    unsigned begin;
    if (unit_offset(unit, clang_getRangeStart(clang_getCursorExtent(definition)), &file, &begin)) {
        /* A #define is one logical line; its extent's end is not to be
         * trusted (libclang 14 ends it before the last token, or past the
         * line when a comment follows). */
        unsigned end = tokens_line_end(unit, file, begin);
        struct file_token *tokens = xmalloc(DEFINITION_TOKENS_MAX * sizeof *tokens);
        const char **texts = xmalloc(DEFINITION_TOKENS_MAX * sizeof *texts);
        int count = tokens_of_range(unit, file, begin, end, tokens, texts, DEFINITION_TOKENS_MAX);
        /* a definition longer than the buffer is cut short: its text would lie */
        if (count > 0 && count < DEFINITION_TOKENS_MAX) {
            facts = arena_alloc(unit->arena, sizeof *facts);
            /* Function-like: '(' right after the name. (clang_Cursor_isMacroFunctionLike
             * asks the macro's state at the end of the unit: false once #undef'd.) */
            facts->function_like = count > 1 && texts[0] &&
                                   tokens[1].code == TOKEN_LEFT_PAREN &&
                                   tokens[1].offset ==
                                       tokens[0].offset + (unsigned)strlen(texts[0]);
            int body = 1; /* after the name */
            if (facts->function_like) {
                facts->parameters = arena_alloc(unit->arena, (size_t)count * sizeof(char *));
                for (body = 2; body < count && tokens[body].code != TOKEN_RIGHT_PAREN; body++) {
                    if (tokens[body].code == TOKEN_IDENTIFIER) {
                        facts->parameters[facts->parameter_count++] = texts[body];
                    } else if (tokens[body].code != TOKEN_COMMA) { /* ... */
                        if (tokens[body - 1].code != TOKEN_IDENTIFIER) /* `name...` names it */
                            facts->parameters[facts->parameter_count++] = "__VA_ARGS__";
                        facts->variadic = true;
                    }
                }
                body++;
            }
            facts->body = arena_alloc(unit->arena, (size_t)count * sizeof *facts->body);
            for (int i = body; i < count; i++) {
                facts->body[facts->body_count].code = tokens[i].code;
                facts->body[facts->body_count++].text =
                    tokens[i].code == TOKEN_OTHER || tokens[i].code == TOKEN_IDENTIFIER ? texts[i]
                                                                                       : NULL;
            }
        }
        free(texts);
        free(tokens);
    }
    unit->macro_facts = heap_array_reserve(unit->macro_facts, &unit->macro_definition_capacity,
                                           unit->macro_definition_count + 1,
                                           sizeof *unit->macro_facts);
    unit->macro_facts[unit->macro_definition_count] = facts;
    cursor_map_insert(&unit->macro_definitions, definition, unit->macro_definition_count++);
    return facts;
}

/* ---- expansion of the macros a replacement list calls ---- */

struct expansion {
    struct shape_token *tokens;
    int count;
    bool overflow;
    const char *active[EXPANSION_DEPTH_MAX]; /* being expanded: not again (C11 6.10.3.4) */
    int depth;
};

static void emit(struct expansion *out, struct shape_token token)
{
    if (out->count == EXPANSION_TOKENS_MAX) {
        out->overflow = true;
        return;
    }
    out->tokens[out->count++] = token;
}

static bool is_active(const struct expansion *out, const char *name)
{
    for (int i = 0; i < out->depth; i++)
        if (strcmp(out->active[i], name) == 0)
            return true;
    return false;
}

struct argument {
    int from, to; /* tokens [from, to) of the call */
};

static void expand(struct frontend_unit *unit, const struct shape_token *in, int count,
                   struct expansion *out);

/* The replacement list of `facts` with the call's arguments put in place
 * of the parameters (#parameter is a string), expanded again. */
static void substitute(struct frontend_unit *unit, const struct macro_definition_facts *facts,
                       const struct shape_token *call, const struct argument *arguments,
                       int argument_count, struct expansion *out)
{
    struct shape_token *replaced = xmalloc(EXPANSION_TOKENS_MAX * sizeof *replaced);
    int n = 0;
    bool overflow = false;
    for (int i = 0; i < facts->body_count && !overflow; i++) {
        const struct shape_token *token = &facts->body[i];
        int parameter = -1;
        bool stringize = token->code == TOKEN_OTHER && token->text &&
                         strcmp(token->text, "#") == 0 && i + 1 < facts->body_count;
        const struct shape_token *named = stringize ? &facts->body[i + 1] : token;
        if (is_name(named))
            for (int k = 0; k < facts->parameter_count; k++)
                if (strcmp(facts->parameters[k], named->text) == 0)
                    parameter = k;
        if (stringize && parameter >= 0) {
            replaced[n++] = (struct shape_token){TOKEN_LITERAL, NULL, false};
            i++;
        } else if (parameter >= 0) {
            bool rest = facts->variadic && parameter == facts->parameter_count - 1;
            int last = rest ? argument_count - 1 : parameter;
            for (int k = parameter; k <= last && k < argument_count; k++) {
                if (k > parameter && n < EXPANSION_TOKENS_MAX)
                    replaced[n++] = (struct shape_token){TOKEN_COMMA, NULL, false};
                for (int t = arguments[k].from; t < arguments[k].to && !overflow; t++) {
                    overflow = n == EXPANSION_TOKENS_MAX;
                    if (!overflow)
                        replaced[n++] = call[t];
                }
            }
        } else {
            overflow = n == EXPANSION_TOKENS_MAX;
            if (!overflow)
                replaced[n++] = *token;
        }
    }
    if (overflow)
        out->overflow = true;
    else
        expand(unit, replaced, n, out);
    free(replaced);
}

/* The definition a name expands with here, or NULL: a project macro
 * defined once, not being expanded already, called with '(' when it takes
 * arguments. */
static const struct macro_definition_facts *expandable(struct frontend_unit *unit,
                                                       const struct expansion *out,
                                                       const struct shape_token *in, int count,
                                                       int i)
{
    if (!is_name(&in[i]) || out->depth == EXPANSION_DEPTH_MAX || is_active(out, in[i].text))
        return NULL;
    if (i > 0 && in[i - 1].code == TOKEN_OTHER && in[i - 1].text &&
        (strcmp(in[i - 1].text, "##") == 0 || strcmp(in[i - 1].text, "#") == 0))
        return NULL; /* pasted or stringized: not expanded */
    if (i + 1 < count && in[i + 1].code == TOKEN_OTHER && in[i + 1].text &&
        strcmp(in[i + 1].text, "##") == 0)
        return NULL;
    int *index = name_map_find(&unit->macro_names, in[i].text);
    if (!index || *index < 0)
        return NULL;
    const struct macro_definition_facts *facts =
        definition_text(unit, unit->macro_named[*index]);
    if (!facts || (facts->function_like && (i + 1 >= count || in[i + 1].code != TOKEN_LEFT_PAREN)))
        return NULL;
    return facts;
}

static void expand(struct frontend_unit *unit, const struct shape_token *in, int count,
                   struct expansion *out)
{
    for (int i = 0; i < count && !out->overflow; i++) {
        const struct macro_definition_facts *facts = expandable(unit, out, in, count, i);
        if (!facts) {
            emit(out, in[i]);
            continue;
        }
        out->active[out->depth++] = in[i].text;
        if (!facts->function_like) {
            expand(unit, facts->body, facts->body_count, out);
        } else {
            struct argument arguments[ARGUMENTS_MAX];
            int argument_count = 0, depth = 0, close = -1, start = i + 2;
            for (int t = i + 1; t < count && close < 0; t++) {
                int code = in[t].code;
                if (code == TOKEN_LEFT_PAREN || code == TOKEN_LEFT_BRACKET ||
                    code == TOKEN_LEFT_BRACE) {
                    depth++;
                } else if (code == TOKEN_RIGHT_PAREN || code == TOKEN_RIGHT_BRACKET ||
                           code == TOKEN_RIGHT_BRACE) {
                    if (--depth == 0)
                        close = t;
                }
                if (close == t || (depth == 1 && code == TOKEN_COMMA)) {
                    if (argument_count == ARGUMENTS_MAX)
                        break;
                    arguments[argument_count++] = (struct argument){start, t};
                    start = t + 1;
                }
            }
            if (close < 0) {
                out->overflow = true; /* the call's ')' is outside this text, or too many */
            } else {
                if (argument_count == 1 && arguments[0].from == arguments[0].to &&
                    facts->parameter_count == 0)
                    argument_count = 0; /* NAME() */
                substitute(unit, facts, in, arguments, argument_count, out);
                i = close;
            }
        }
        out->depth--;
    }
}

const struct macro_definition_facts *macros_definition(struct frontend_unit *unit,
                                                      struct macro_expansion *macro)
{
    if (macro->definition_known)
        return macro->definition;
    macro->definition_known = true;
    CXCursor definition = clang_getCursorReferenced(macro->cursor);
    if (clang_getCursorKind(definition) != CXCursor_MacroDefinition)
        return NULL;
    struct macro_definition_facts *facts = definition_text(unit, definition);
    macro->definition = facts;
    if (!facts || facts->shaped)
        return facts;
    facts->shaped = true;
    struct expansion out = {.tokens = xmalloc(EXPANSION_TOKENS_MAX * sizeof *out.tokens)};
    out.active[out.depth++] = macro->name;
    expand(unit, facts->body, facts->body_count, &out);
    /* the parameters' names stand for whatever the call passes; a name
     * left that is a macro may expand to anything */
    for (int i = 0; i < out.count; i++) {
        for (int k = 0; is_name(&out.tokens[i]) && k < facts->parameter_count; k++)
            if (strcmp(out.tokens[i].text, facts->parameters[k]) == 0)
                out.tokens[i].text = NULL;
        if (is_name(&out.tokens[i]) && name_map_find(&unit->macro_names, out.tokens[i].text))
            out.tokens[i].expands = true;
    }
    for (int i = 0; i < facts->body_count; i++)
        facts->operators |= UINT64_C(1) << facts->body[i].code;
    for (int i = 0; i < out.count; i++)
        facts->operators |= UINT64_C(1) << out.tokens[i].code;
    facts->shape = out.overflow ? NULL : macro_shape_parse(unit->arena, out.tokens, out.count);
    free(out.tokens);
    return facts;
}

/*
 * macros: where macro calls are, from the CXCursor_MacroExpansion cursors
 * of the detailed preprocessing record. Statements are tagged with the
 * macro they come from by a binary search over the outermost call ranges.
 * Also reads the text of a macro's definition (operator fallback on
 * libclang 14) and of an assert(...) call (NDEBUG asserts). It does not
 * expand macros.
 */
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "../support/xalloc.h"
#include "../support/heap_array.h"

#define MACRO_TOKENS_MAX 512

void macros_add(struct frontend_unit *unit, CXCursor expansion, int file, unsigned begin)
{
    int end_file;
    unsigned end;
    CXSourceRange extent = clang_getCursorExtent(expansion);
    if (!unit_offset(unit, clang_getRangeEnd(extent), &end_file, &end) || end_file != file ||
        end <= begin)
        end = begin + 1;
    unit->macros = heap_array_reserve(unit->macros, &unit->macro_capacity, unit->macro_count + 1, sizeof *unit->macros);
    struct macro_expansion *macro = &unit->macros[unit->macro_count++];
    memset(macro, 0, sizeof *macro);
    macro->file = file;
    macro->begin = begin;
    macro->end = end;
    CXString name = clang_getCursorSpelling(expansion);
    macro->name = unit_intern(unit, clang_getCString(name) ? clang_getCString(name) : "");
    clang_disposeString(name);
    macro->cursor = expansion;
}

static int compare_expansions(const void *a, const void *b)
{
    const struct macro_expansion *left = a, *right = b;
    if (left->file != right->file)
        return left->file < right->file ? -1 : 1;
    if (left->begin != right->begin)
        return left->begin < right->begin ? -1 : 1;
    return left->end > right->end ? -1 : left->end < right->end; /* outermost first */
}

void macros_finish(struct frontend_unit *unit)
{
    if (unit->macro_count == 0)
        return;
    qsort(unit->macros, (size_t)unit->macro_count, sizeof *unit->macros, compare_expansions);
    unit->macro_calls = xmalloc((size_t)unit->macro_count * sizeof *unit->macro_calls);
    for (int i = 0; i < unit->macro_count; i++) {
        unit->macro_calls[i].file = unit->macros[i].file;
        unit->macro_calls[i].begin = unit->macros[i].begin;
        unit->macro_calls[i].end = unit->macros[i].end;
    }
    unit->macro_call_count = unit->macro_count;
    if (compat_reads_macro_bodies()) {
        unit->nested_macros = xmalloc((size_t)unit->macro_count * sizeof *unit->nested_macros);
        memcpy(unit->nested_macros, unit->macros,
               (size_t)unit->macro_count * sizeof *unit->nested_macros);
    }
    int kept = 1;
    for (int i = 1; i < unit->macro_count; i++) {
        const struct macro_expansion *last = &unit->macros[kept - 1];
        const struct macro_expansion *next = &unit->macros[i];
        if (next->file == last->file && next->begin < last->end)
            continue; /* a macro inside another macro's call */
        unit->macros[kept++] = *next;
    }
    unit->macro_count = kept;
}

void macros_record_definitions(struct frontend_unit *unit)
{
    struct ir_unit *ir = unit->unit;
    struct name_map recorded;
    name_map_init(&recorded);
    for (int i = 0; i < unit->macro_count; i++) {
        const struct macro_expansion *macro = &unit->macros[i];
        if (!macro->name[0] || name_map_find(&recorded, macro->name))
            continue;
        name_map_insert(&recorded, macro->name, 0);
        CXCursor definition = clang_getCursorReferenced(macro->cursor);
        if (clang_Cursor_isNull(definition))
            continue;
        ir->macros = arena_grow(ir->arena, ir->macros, (size_t)ir->macro_count,
                                (size_t)ir->macro_count + 1, sizeof *ir->macros);
        struct ir_macro *recorded_macro = &ir->macros[ir->macro_count++];
        recorded_macro->name = macro->name;
        recorded_macro->definition = unit_location(unit, clang_getCursorLocation(definition));
        recorded_macro->definition.macro = NULL;
    }
    name_map_free(&recorded);
}

unsigned macros_call_end(struct frontend_unit *unit, int file, unsigned offset)
{
    int low = 0, high = unit->macro_call_count;
    while (low < high) { /* first call at or after (file, offset) */
        int middle = low + (high - low) / 2;
        const struct macro_range *call = &unit->macro_calls[middle];
        if (call->file < file || (call->file == file && call->begin < offset))
            low = middle + 1;
        else
            high = middle;
    }
    if (low < unit->macro_call_count && unit->macro_calls[low].file == file &&
        unit->macro_calls[low].begin == offset)
        return unit->macro_calls[low].end;
    return offset;
}

/* Index of the last call (nested ones too) that begins at or before
 * (file, offset), or -1. */
static int last_call_at(const struct frontend_unit *unit, int file, unsigned offset)
{
    int low = 0, high = unit->macro_call_count;
    while (low < high) {
        int middle = low + (high - low) / 2;
        const struct macro_range *call = &unit->macro_calls[middle];
        if (call->file < file || (call->file == file && call->begin <= offset))
            low = middle + 1;
        else
            high = middle;
    }
    return low - 1;
}

/* How many calls to look back over: calls that hold an operand are near it. */
#define CALLS_LOOKED_BACK 64

void macros_widen_operands(struct frontend_unit *unit, int file, unsigned *left_end,
                           unsigned *right_begin)
{
    if (*left_end == 0 || *left_end > *right_begin)
        return;
    unsigned limit = *right_begin, floor = *left_end;
    int last = last_call_at(unit, file, *left_end - 1);
    for (int i = last, n = 0; i >= 0 && n < CALLS_LOOKED_BACK; i--, n++) {
        const struct macro_range *call = &unit->macro_calls[i];
        if (call->file != file)
            break;
        if (call->end > *left_end && call->end <= limit)
            *left_end = call->end; /* the left operand ends inside this call */
    }
    last = last_call_at(unit, file, *right_begin);
    for (int i = last, n = 0; i >= 0 && n < CALLS_LOOKED_BACK; i--, n++) {
        const struct macro_range *call = &unit->macro_calls[i];
        if (call->file != file)
            break;
        if (call->begin < *right_begin && call->end > *right_begin && call->begin >= floor)
            *right_begin = call->begin; /* the right operand begins inside this call */
    }
}

struct macro_expansion *macros_find_nested(struct frontend_unit *unit, int file, unsigned after,
                                           unsigned begin, unsigned end)
{
    if (!unit->nested_macros)
        return NULL;
    struct macro_expansion *found = NULL;
    int last = last_call_at(unit, file, begin);
    for (int i = last, n = 0; i >= 0 && n < CALLS_LOOKED_BACK; i--, n++) {
        struct macro_expansion *call = &unit->nested_macros[i];
        if (call->file != file || call->begin <= after)
            break;
        if (call->begin <= begin && end <= call->end &&
            (!found || call->begin > found->begin ||
             (call->begin == found->begin && call->end < found->end)))
            found = call;
    }
    return found;
}

struct macro_expansion *macros_find(struct frontend_unit *unit, int file, unsigned offset)
{
    int low = 0, high = unit->macro_count;
    while (low < high) { /* first range after (file, offset) */
        int middle = low + (high - low) / 2;
        const struct macro_expansion *macro = &unit->macros[middle];
        if (macro->file < file || (macro->file == file && macro->begin <= offset))
            low = middle + 1;
        else
            high = middle;
    }
    if (low == 0)
        return NULL;
    struct macro_expansion *macro = &unit->macros[low - 1];
    if (macro->file != file || offset < macro->begin || offset >= macro->end)
        return NULL;
    return macro;
}

/* ---- NDEBUG assert(...) operands ---- */

static bool is_null_text(const char *text)
{
    return text && (strcmp(text, "NULL") == 0 || strcmp(text, "0") == 0 ||
                    strcmp(text, "nullptr") == 0 || strcmp(text, "0L") == 0);
}

/* Narrows [*from, *to) while the whole range is one parenthesised group. */
static void strip_parentheses(const struct file_token *tokens, int *from, int *to)
{
    while (*to - *from >= 2 && tokens[*from].code == TOKEN_LEFT_PAREN &&
           tokens[*to - 1].code == TOKEN_RIGHT_PAREN) {
        int depth = 0;
        bool wraps = true;
        for (int i = *from; i < *to - 1 && wraps; i++) {
            if (tokens[i].code == TOKEN_LEFT_PAREN)
                depth++;
            else if (tokens[i].code == TOKEN_RIGHT_PAREN)
                depth--;
            if (depth == 0)
                wraps = false; /* "(a) != (b)": the first group closes early */
        }
        if (!wraps)
            return;
        (*from)++;
        (*to)--;
    }
}

static bool parse_chain(const struct file_token *tokens, const char **texts, int from, int to,
                        struct assert_operand *operand)
{
    strip_parentheses(tokens, &from, &to);
    if (to <= from || (to - from) % 2 == 0 || (to - from + 1) / 2 > ASSERT_CHAIN_MAX)
        return false;
    operand->length = 0;
    for (int i = from; i < to; i += 2) {
        if (tokens[i].code != TOKEN_IDENTIFIER || !texts[i])
            return false;
        if (i > from) {
            enum token_code step = tokens[i - 1].code;
            if (step != TOKEN_ARROW && step != TOKEN_DOT)
                return false;
            operand->steps[operand->length - 1] = step == TOKEN_ARROW ? PATH_ARROW : PATH_FIELD;
        }
        operand->names[operand->length++] = texts[i];
    }
    return true;
}

static bool parse_conjunct(const struct file_token *tokens, const char **texts, int from,
                           int to, struct assert_operand *operand)
{
    strip_parentheses(tokens, &from, &to);
    int depth = 0;
    for (int i = from; i < to; i++) {
        if (tokens[i].code == TOKEN_LEFT_PAREN)
            depth++;
        else if (tokens[i].code == TOKEN_RIGHT_PAREN)
            depth--;
        else if (depth == 0 && tokens[i].code == TOKEN_NOT_EQUAL) {
            int left_from = from, left_to = i, right_from = i + 1, right_to = to;
            strip_parentheses(tokens, &left_from, &left_to);
            strip_parentheses(tokens, &right_from, &right_to);
            if (right_to - right_from == 1 && is_null_text(texts[right_from]))
                return parse_chain(tokens, texts, left_from, left_to, operand);
            if (left_to - left_from == 1 && is_null_text(texts[left_from]))
                return parse_chain(tokens, texts, right_from, right_to, operand);
            return false;
        }
    }
    return parse_chain(tokens, texts, from, to, operand);
}

bool macros_assert_fails(struct frontend_unit *unit, const struct macro_expansion *macro)
{
    struct file_token *tokens = xmalloc(MACRO_TOKENS_MAX * sizeof *tokens);
    const char **texts = xmalloc(MACRO_TOKENS_MAX * sizeof *texts);
    int count = tokens_of_range(unit, macro->file, macro->begin, macro->end, tokens, texts,
                                MACRO_TOKENS_MAX);
    bool fails = false;
    if (count >= 4 && tokens[1].code == TOKEN_LEFT_PAREN &&
        tokens[count - 1].code == TOKEN_RIGHT_PAREN) {
        int from = 2, to = count - 1;
        strip_parentheses(tokens, &from, &to);
        /* assert(0), assert(false), assert(0 && "why"), assert(!"why") */
        bool zero = (tokens[from].code == TOKEN_LITERAL && texts[from] &&
                     strcmp(texts[from], "0") == 0) ||
                    ((tokens[from].code == TOKEN_IDENTIFIER || tokens[from].code == TOKEN_OTHER) &&
                     texts[from] &&
                     (strcmp(texts[from], "false") == 0 || strcmp(texts[from], "FALSE") == 0));
        fails = (zero && (to - from == 1 || tokens[from + 1].code == TOKEN_AND_AND)) ||
                (to - from == 2 && tokens[from].code == TOKEN_BANG &&
                 tokens[from + 1].code == TOKEN_LITERAL && texts[from + 1] &&
                 texts[from + 1][0] == '"');
    }
    free(tokens);
    free(texts);
    return fails;
}

int macros_assert_operands(struct frontend_unit *unit, const struct macro_expansion *macro,
                           struct assert_operand *out, int max)
{
    struct file_token *tokens = xmalloc(MACRO_TOKENS_MAX * sizeof *tokens);
    const char **texts = xmalloc(MACRO_TOKENS_MAX * sizeof *texts);
    int count = tokens_of_range(unit, macro->file, macro->begin, macro->end, tokens, texts,
                                MACRO_TOKENS_MAX);
    int stored = 0;
    /* assert ( ... ) */
    if (count >= 4 && tokens[1].code == TOKEN_LEFT_PAREN &&
        tokens[count - 1].code == TOKEN_RIGHT_PAREN) {
        int from = 2, to = count - 1;
        strip_parentheses(tokens, &from, &to);
        int depth = 0, start = from;
        for (int i = from; i <= to && stored < max; i++) {
            if (i < to && tokens[i].code == TOKEN_LEFT_PAREN)
                depth++;
            else if (i < to && tokens[i].code == TOKEN_RIGHT_PAREN)
                depth--;
            if (i == to || (depth == 0 && tokens[i].code == TOKEN_AND_AND)) {
                if (parse_conjunct(tokens, texts, start, i, &out[stored]))
                    stored++;
                start = i + 1;
            }
        }
    }
    free(tokens);
    free(texts);
    return stored;
}

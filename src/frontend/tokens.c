/*
 * tokens: the punctuation of source files. A file is tokenized once
 * (lazily) and only punctuation and a few keywords are kept, so finding a
 * `;` of a `for` header is a binary search; the text between two operands
 * is read straight from the file buffer (operators on libclang 14), and
 * small ranges (macro definitions, assert calls) are tokenized on demand.
 * Raw file text only: it does not look inside macro bodies.
 */
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "../support/xalloc.h"

static enum token_code classify_punctuation(const char *text, size_t length)
{
    char a = length > 0 ? text[0] : 0, b = length > 1 ? text[1] : 0;
    char c = length > 2 ? text[2] : 0;
    if ((a == '<' || a == '>') && b == a && c == '=')
        return TOKEN_COMPOUND_ASSIGN;
    if (b == '=') {
        switch (a) {
        case '<': return TOKEN_LESS_EQUAL;
        case '>': return TOKEN_GREATER_EQUAL;
        case '=': return TOKEN_EQUAL_EQUAL;
        case '!': return TOKEN_NOT_EQUAL;
        case '*': case '/': case '%': case '+': case '-': case '&': case '^': case '|':
            return TOKEN_COMPOUND_ASSIGN;
        default: break;
        }
    }
    if (a == '-' && b == '>')
        return TOKEN_ARROW;
    if (a == b) {
        switch (a) {
        case '+': return TOKEN_PLUS_PLUS;
        case '-': return TOKEN_MINUS_MINUS;
        case '<': return TOKEN_SHIFT_LEFT;
        case '>': return TOKEN_SHIFT_RIGHT;
        case '&': return TOKEN_AND_AND;
        case '|': return TOKEN_OR_OR;
        default: break;
        }
    }
    if (a == '<' && b == ':')
        return TOKEN_LEFT_BRACKET;
    if (a == ':' && b == '>')
        return TOKEN_RIGHT_BRACKET;
    if (a == '<' && b == '%')
        return TOKEN_LEFT_BRACE;
    if (a == '%' && b == '>')
        return TOKEN_RIGHT_BRACE;
    switch (a) {
    case ';': return TOKEN_SEMICOLON;
    case '(': return TOKEN_LEFT_PAREN;
    case ')': return TOKEN_RIGHT_PAREN;
    case '{': return TOKEN_LEFT_BRACE;
    case '}': return TOKEN_RIGHT_BRACE;
    case '[': return TOKEN_LEFT_BRACKET;
    case ']': return TOKEN_RIGHT_BRACKET;
    case '*': return TOKEN_STAR;
    case '/': return TOKEN_SLASH;
    case '%': return TOKEN_PERCENT;
    case '+': return TOKEN_PLUS;
    case '-': return TOKEN_MINUS;
    case '<': return TOKEN_LESS;
    case '>': return TOKEN_GREATER;
    case '&': return TOKEN_AMPERSAND;
    case '^': return TOKEN_CARET;
    case '|': return TOKEN_PIPE;
    case '=': return TOKEN_ASSIGN;
    case ',': return TOKEN_COMMA;
    case '!': return TOKEN_BANG;
    case '~': return TOKEN_TILDE;
    case '.': return TOKEN_DOT;
    case '?': return TOKEN_QUESTION;
    case ':': return TOKEN_COLON;
    default: return TOKEN_OTHER;
    }
}

static bool keyword_is(const char *text, size_t length, const char *keyword)
{
    size_t n = strlen(keyword);
    if (length < n || memcmp(text, keyword, n) != 0)
        return false;
    if (length == n)
        return true;
    char next = text[n];
    return !(next == '_' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
             (next >= '0' && next <= '9'));
}

/* Length of the line splices (backslash-newline) a token's spelling starts
 * with: a token right after one, with no blank between, is spelled from
 * the backslash. */
static size_t leading_splices(const char *text, size_t length)
{
    size_t i = 0;
    while (i + 1 < length && text[i] == '\\') {
        if (text[i + 1] == '\n')
            i += 2;
        else if (i + 2 < length && text[i + 1] == '\r' && text[i + 2] == '\n')
            i += 3;
        else
            break;
    }
    return i;
}

enum token_code token_classify(const char *text, size_t length, CXTokenKind kind)
{
    size_t splices = leading_splices(text, length);
    text += splices;
    length -= splices;
    switch (kind) {
    case CXToken_Punctuation:
        return classify_punctuation(text, length);
    case CXToken_Keyword:
        if (keyword_is(text, length, "__extension__"))
            return TOKEN_KEYWORD_EXTENSION;
        if (keyword_is(text, length, "__real__") || keyword_is(text, length, "__real"))
            return TOKEN_KEYWORD_REAL;
        if (keyword_is(text, length, "__imag__") || keyword_is(text, length, "__imag"))
            return TOKEN_KEYWORD_IMAG;
        return TOKEN_OTHER;
    case CXToken_Identifier:
        return TOKEN_IDENTIFIER;
    case CXToken_Literal:
        return TOKEN_LITERAL;
    case CXToken_Comment:
        break;
    }
    return TOKEN_OTHER;
}

static unsigned token_offset(CXTranslationUnit tu, CXToken token)
{
    unsigned offset = 0;
    clang_getFileLocation(clang_getTokenLocation(tu, token), NULL, NULL, NULL, &offset);
    return offset;
}

static void tokens_load(struct frontend_unit *unit, struct source_file *file)
{
    file->tokens_loaded = true;
    size_t size = 0;
    const char *buffer = clang_getFileContents(unit->tu, file->file, &size);
    if (!buffer || size == 0)
        return;
    CXSourceRange all = clang_getRange(clang_getLocationForOffset(unit->tu, file->file, 0),
                                       clang_getLocationForOffset(unit->tu, file->file,
                                                                  (unsigned)size));
    CXToken *tokens = NULL;
    unsigned count = 0;
    clang_tokenize(unit->tu, all, &tokens, &count);
    if (!tokens)
        return;
    file->tokens = xmalloc((count ? count : 1) * sizeof *file->tokens);
    int kept = 0;
    for (unsigned i = 0; i < count; i++) {
        CXTokenKind kind = clang_getTokenKind(tokens[i]);
        if (kind != CXToken_Punctuation && kind != CXToken_Keyword)
            continue;
        unsigned offset = token_offset(unit->tu, tokens[i]);
        if (offset >= size)
            continue;
        enum token_code code = token_classify(buffer + offset, size - offset, kind);
        if (code == TOKEN_OTHER)
            continue;
        file->tokens[kept].offset = offset;
        file->tokens[kept].code = (unsigned char)code;
        kept++;
    }
    file->token_count = kept;
    clang_disposeTokens(unit->tu, tokens, count);
}

int tokens_find(struct frontend_unit *unit, int file_index, unsigned from, unsigned to,
                uint64_t codes)
{
    if (file_index < 0 || file_index >= unit->file_count || from >= to)
        return -1;
    struct source_file *file = &unit->files[file_index];
    if (!file->tokens_loaded)
        tokens_load(unit, file);
    int low = 0, high = file->token_count;
    while (low < high) {
        int middle = low + (high - low) / 2;
        if (file->tokens[middle].offset < from)
            low = middle + 1;
        else
            high = middle;
    }
    for (int i = low; i < file->token_count && file->tokens[i].offset < to; i++) {
        if (codes & (UINT64_C(1) << file->tokens[i].code))
            return i;
    }
    return -1;
}

const struct file_token *tokens_at(struct frontend_unit *unit, int file, int index)
{
    return &unit->files[file].tokens[index];
}

int tokens_of_range(struct frontend_unit *unit, int file_index, unsigned from, unsigned to,
                    struct file_token *out, const char **texts, int max)
{
    if (file_index < 0 || file_index >= unit->file_count || from >= to)
        return 0;
    CXFile file = unit->files[file_index].file;
    CXSourceRange range = clang_getRange(clang_getLocationForOffset(unit->tu, file, from),
                                         clang_getLocationForOffset(unit->tu, file, to));
    CXToken *tokens = NULL;
    unsigned count = 0;
    clang_tokenize(unit->tu, range, &tokens, &count);
    if (!tokens)
        return 0;
    int stored = 0;
    for (unsigned i = 0; i < count && stored < max; i++) {
        CXTokenKind kind = clang_getTokenKind(tokens[i]);
        /* clang_tokenize lexes on until it has passed the range's end: a
         * blank before the end (a '\r' of CRLF) lets one more token in */
        if (kind == CXToken_Comment || token_offset(unit->tu, tokens[i]) >= to)
            continue;
        CXString spelling = clang_getTokenSpelling(unit->tu, tokens[i]);
        const char *text = clang_getCString(spelling);
        if (!text)
            text = "";
        text += leading_splices(text, strlen(text));
        out[stored].offset = token_offset(unit->tu, tokens[i]);
        out[stored].code = (unsigned char)token_classify(text, strlen(text), kind);
        if (texts) {
            bool named = kind == CXToken_Identifier || kind == CXToken_Literal ||
                         kind == CXToken_Keyword || out[stored].code == TOKEN_OTHER;
            texts[stored] = named ? arena_strdup(unit->arena, text) : NULL;
        }
        clang_disposeString(spelling);
        stored++;
    }
    clang_disposeTokens(unit->tu, tokens, count);
    return stored;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Whether text[i] is the first character on its line but blanks. */
static bool starts_line(const char *text, size_t i)
{
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'))
        i--;
    return i == 0 || text[i - 1] == '\n' || text[i - 1] == '\r';
}

/* Skips blanks, comments, line splices and preprocessor directive lines
 * (an operand list split by `#if defined(X)` ... `#endif`) from text[i];
 * returns the new index (<= end). */
static size_t skip_blanks(const char *text, size_t i, size_t end)
{
    while (i < end) {
        if (is_blank(text[i])) {
            i++;
        } else if (text[i] == '#' && starts_line(text, i)) {
            while (i < end && text[i] != '\n') {
                if (text[i] == '\\' && i + 1 < end && text[i + 1] == '\n')
                    i++;
                i++;
            }
        } else if (text[i] == '\\' && i + 1 < end && (text[i + 1] == '\n' || text[i + 1] == '\r')) {
            i += 2;
        } else if (text[i] == '/' && i + 1 < end && text[i + 1] == '*') {
            size_t close = i + 2;
            while (close + 1 < end && !(text[close] == '*' && text[close + 1] == '/'))
                close++;
            i = close + 2;
        } else if (text[i] == '/' && i + 1 < end && text[i + 1] == '/') {
            while (i < end && text[i] != '\n')
                i++;
        } else {
            break;
        }
    }
    return i < end ? i : end;
}

static size_t punctuator_length(enum token_code code, const char *text, size_t length)
{
    switch (code) {
    case TOKEN_COMPOUND_ASSIGN:
        return length > 2 && (text[0] == '<' || text[0] == '>') && text[1] == text[0] ? 3 : 2;
    case TOKEN_LESS_EQUAL: case TOKEN_GREATER_EQUAL: case TOKEN_EQUAL_EQUAL:
    case TOKEN_NOT_EQUAL: case TOKEN_ARROW: case TOKEN_PLUS_PLUS: case TOKEN_MINUS_MINUS:
    case TOKEN_SHIFT_LEFT: case TOKEN_SHIFT_RIGHT: case TOKEN_AND_AND: case TOKEN_OR_OR:
        return 2;
    default:
        return 1;
    }
}

/* The ranges of a file the preprocessor left out, loaded once. */
static void load_skipped(struct frontend_unit *unit, struct source_file *file)
{
    file->skipped_loaded = true;
    CXSourceRangeList *ranges = clang_getSkippedRanges(unit->tu, file->file);
    if (!ranges)
        return;
    if (ranges->count > 0) {
        file->skipped = xmalloc(sizeof *file->skipped * 2 * ranges->count);
        for (unsigned r = 0; r < ranges->count; r++) {
            unsigned begin, end;
            CXFile begin_file = NULL, end_file = NULL;
            clang_getFileLocation(clang_getRangeStart(ranges->ranges[r]), &begin_file, NULL, NULL,
                                  &begin);
            clang_getFileLocation(clang_getRangeEnd(ranges->ranges[r]), &end_file, NULL, NULL,
                                  &end);
            if (!clang_File_isEqual(begin_file, file->file) ||
                !clang_File_isEqual(end_file, file->file) || end <= begin)
                continue;
            file->skipped[2 * file->skipped_count] = begin;
            file->skipped[2 * file->skipped_count + 1] = end;
            file->skipped_count++;
        }
    }
    clang_disposeSourceRangeList(ranges);
}

/* Blanks, comments, directives and text the preprocessor left out, from i. */
static size_t skip_inactive(struct frontend_unit *unit, struct source_file *file,
                            const char *text, size_t i, size_t end)
{
    i = skip_blanks(text, i, end);
    if (!file->skipped_loaded)
        load_skipped(unit, file);
    for (int r = 0; r < file->skipped_count && i < end; r++)
        if (file->skipped[2 * r] <= i && i < file->skipped[2 * r + 1])
            i = skip_blanks(text, file->skipped[2 * r + 1], end);
    return i;
}

enum token_code tokens_single_operator(struct frontend_unit *unit, int file_index,
                                       unsigned from, unsigned to)
{
    if (file_index < 0 || file_index >= unit->file_count || from >= to)
        return TOKEN_OTHER;
    size_t size = 0;
    struct source_file *file = &unit->files[file_index];
    const char *text = clang_getFileContents(unit->tu, file->file, &size);
    if (!text || to > size)
        return TOKEN_OTHER;
    /* `a || b` with `#ifdef X || c #endif` between them: the inactive
     * lines are not code (libclang 14 names no operator but by its text) */
    size_t i = skip_inactive(unit, file, text, from, to);
    if (i >= to)
        return TOKEN_OTHER;
    enum token_code code;
    size_t length;
    char c = text[i];
    if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        size_t end = i;
        while (end < to && (text[end] == '_' || (text[end] >= 'a' && text[end] <= 'z') ||
                            (text[end] >= 'A' && text[end] <= 'Z') ||
                            (text[end] >= '0' && text[end] <= '9')))
            end++;
        code = token_classify(text + i, end - i, CXToken_Keyword);
        length = end - i;
    } else {
        code = classify_punctuation(text + i, to - i);
        length = punctuator_length(code, text + i, to - i);
    }
    if (code == TOKEN_OTHER || skip_inactive(unit, file, text, i + length, to) != to)
        return TOKEN_OTHER;
    return code;
}

unsigned tokens_line_end(struct frontend_unit *unit, int file_index, unsigned offset)
{
    if (file_index < 0 || file_index >= unit->file_count)
        return offset;
    size_t size = 0;
    const char *text = clang_getFileContents(unit->tu, unit->files[file_index].file, &size);
    if (!text || offset >= size)
        return offset;
    size_t i = offset;
    while (i < size && text[i] != '\n') {
        if (text[i] == '\\' && i + 1 < size && text[i + 1] == '\n')
            i++; /* a continued line */
        else if (text[i] == '\\' && i + 2 < size && text[i + 1] == '\r' && text[i + 2] == '\n')
            i += 2;
        i++;
    }
    return (unsigned)i;
}

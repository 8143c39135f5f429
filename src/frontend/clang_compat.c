/*
 * clang_compat: the libclang 14 / 19 differences. With the operator-kind
 * API (CINDEX_VERSION_MINOR >= 64, libclang >= 17) operators are asked for.
 * Without it (14): first what the AST alone says (=, &, ++ and -- are C's
 * only operators on lvalues; types tell * from !), then the file text
 * between the operands, and for an operator written inside a macro body
 * the operators of the macro's definition (with the macros it calls
 * expanded, macro_definitions.c) narrowed by the types and then by the
 * place the operator holds in the body's expressions (macro_shapes.h).
 * Unknown stays unknown: callers then stay conservative.
 */
#include "clang_compat.h"

#include <stdlib.h>

#include "lower.h"
#include "macro_shapes.h"
#include "../support/xalloc.h"

#if CINDEX_VERSION_MINOR >= 64 && !defined(NULLPROOF_FORCE_TOKEN_FALLBACK)
#define HAVE_OPERATOR_API 1
#endif

#define BIT(code) (UINT64_C(1) << (code))

CXType compat_canonical_type(CXType type)
{
    for (int guard = 0; type.kind == CXType_Attributed && guard < 16; guard++)
        type = clang_Type_getModifiedType(type);
    return clang_getCanonicalType(type);
}

bool compat_is_pointer_type(CXType type)
{
    return kind_is_pointer(compat_canonical_type(type).kind);
}

bool compat_is_integer_type(CXType type)
{
    return kind_is_integer(compat_canonical_type(type).kind);
}

bool compat_is_unsigned_type(CXType type)
{
    CXType canonical = compat_canonical_type(type);
    if (canonical.kind == CXType_Enum) /* unsigned int when no enumerator is negative */
        canonical = clang_getCanonicalType(
            clang_getEnumDeclIntegerType(clang_getTypeDeclaration(canonical)));
    return kind_is_unsigned(canonical.kind);
}

bool compat_is_array_type(CXType type)
{
    return kind_is_array(compat_canonical_type(type).kind);
}

bool compat_is_element_container(CXType type)
{
    enum CXTypeKind kind = compat_canonical_type(type).kind;
    return kind_is_array(kind) || kind == CXType_Vector || kind == CXType_ExtVector;
}

bool compat_is_function_type(CXType type)
{
    return kind_is_function(compat_canonical_type(type).kind);
}

bool compat_is_void_type(CXType type)
{
    return compat_canonical_type(type).kind == CXType_Void;
}

bool compat_is_recovery_type(CXType type)
{
    if (type.kind == CXType_Invalid || type.kind == CXType_Dependent)
        return true;
    if (type.kind != CXType_Typedef && type.kind != CXType_Elaborated &&
        type.kind != CXType_Attributed)
        return false;
    enum CXTypeKind kind = compat_canonical_type(type).kind;
    return kind == CXType_Invalid || kind == CXType_Dependent;
}

bool compat_is_invalid_declaration(CXCursor declaration)
{
#if CINDEX_VERSION_MINOR >= 49 /* libclang 7 */
    return clang_isInvalidDeclaration(declaration) != 0;
#else
    (void)declaration;
    return false;
#endif
}

#ifdef HAVE_OPERATOR_API

static enum binary_operator binary_from_api(enum CXBinaryOperatorKind kind)
{
    switch (kind) {
    case CXBinaryOperator_Mul: return BINARY_MULTIPLY;
    case CXBinaryOperator_Div: return BINARY_DIVIDE;
    case CXBinaryOperator_Rem: return BINARY_REMAINDER;
    case CXBinaryOperator_Add: return BINARY_ADD;
    case CXBinaryOperator_Sub: return BINARY_SUBTRACT;
    case CXBinaryOperator_Shl: return BINARY_SHIFT_LEFT;
    case CXBinaryOperator_Shr: return BINARY_SHIFT_RIGHT;
    case CXBinaryOperator_LT: return BINARY_LESS;
    case CXBinaryOperator_GT: return BINARY_GREATER;
    case CXBinaryOperator_LE: return BINARY_LESS_EQUAL;
    case CXBinaryOperator_GE: return BINARY_GREATER_EQUAL;
    case CXBinaryOperator_EQ: return BINARY_EQUAL;
    case CXBinaryOperator_NE: return BINARY_NOT_EQUAL;
    case CXBinaryOperator_And: return BINARY_BIT_AND;
    case CXBinaryOperator_Xor: return BINARY_BIT_XOR;
    case CXBinaryOperator_Or: return BINARY_BIT_OR;
    case CXBinaryOperator_LAnd: return BINARY_LOGICAL_AND;
    case CXBinaryOperator_LOr: return BINARY_LOGICAL_OR;
    case CXBinaryOperator_Assign: return BINARY_ASSIGN;
    case CXBinaryOperator_MulAssign: case CXBinaryOperator_DivAssign:
    case CXBinaryOperator_RemAssign: case CXBinaryOperator_AddAssign:
    case CXBinaryOperator_SubAssign: case CXBinaryOperator_ShlAssign:
    case CXBinaryOperator_ShrAssign: case CXBinaryOperator_AndAssign:
    case CXBinaryOperator_XorAssign: case CXBinaryOperator_OrAssign:
        return BINARY_COMPOUND_ASSIGN;
    case CXBinaryOperator_Comma: return BINARY_COMMA;
    default: return BINARY_UNKNOWN;
    }
}

static enum unary_operator unary_from_api(enum CXUnaryOperatorKind kind)
{
    switch (kind) {
    case CXUnaryOperator_PostInc: return UNARY_POST_INCREMENT;
    case CXUnaryOperator_PostDec: return UNARY_POST_DECREMENT;
    case CXUnaryOperator_PreInc: return UNARY_PRE_INCREMENT;
    case CXUnaryOperator_PreDec: return UNARY_PRE_DECREMENT;
    case CXUnaryOperator_AddrOf: return UNARY_ADDRESS;
    case CXUnaryOperator_Deref: return UNARY_DEREFERENCE;
    case CXUnaryOperator_Plus: return UNARY_PLUS;
    case CXUnaryOperator_Minus: return UNARY_MINUS;
    case CXUnaryOperator_Not: return UNARY_COMPLEMENT;
    case CXUnaryOperator_LNot: return UNARY_NOT;
    case CXUnaryOperator_Real: return UNARY_REAL;
    case CXUnaryOperator_Imag: return UNARY_IMAGINARY;
    case CXUnaryOperator_Extension: return UNARY_EXTENSION;
    default: return UNARY_UNKNOWN;
    }
}

enum binary_operator compat_binary_operator(struct frontend_unit *unit, CXCursor op)
{
    (void)unit;
    enum CXCursorKind kind = clang_getCursorKind(op);
    if (kind == CXCursor_CompoundAssignOperator)
        return BINARY_COMPOUND_ASSIGN;
    if (kind != CXCursor_BinaryOperator)
        return BINARY_UNKNOWN;
    return binary_from_api(clang_getCursorBinaryOperatorKind(op));
}

enum unary_operator compat_unary_operator(struct frontend_unit *unit, CXCursor op)
{
    (void)unit;
    if (clang_getCursorKind(op) != CXCursor_UnaryOperator)
        return UNARY_UNKNOWN; /* the API crashes on UnaryExpr (sizeof) */
    return unary_from_api(clang_getCursorUnaryOperatorKind(op));
}

bool compat_is_assignment(struct frontend_unit *unit, CXCursor op)
{
    return compat_binary_operator(unit, op) == BINARY_ASSIGN;
}

bool compat_reads_macro_bodies(void)
{
    return false;
}

enum unary_operator compat_unary_writes(struct frontend_unit *unit, CXCursor op)
{
    enum unary_operator kind = compat_unary_operator(unit, op);
    if (kind == UNARY_ADDRESS)
        return kind;
    if (kind == UNARY_PRE_INCREMENT || kind == UNARY_PRE_DECREMENT ||
        kind == UNARY_POST_INCREMENT || kind == UNARY_POST_DECREMENT)
        return UNARY_PRE_INCREMENT;
    return UNARY_UNKNOWN;
}

#else /* token and type fallback (libclang < 17) */

static enum binary_operator binary_from_token(enum token_code code)
{
    switch (code) {
    case TOKEN_STAR: return BINARY_MULTIPLY;
    case TOKEN_SLASH: return BINARY_DIVIDE;
    case TOKEN_PERCENT: return BINARY_REMAINDER;
    case TOKEN_PLUS: return BINARY_ADD;
    case TOKEN_MINUS: return BINARY_SUBTRACT;
    case TOKEN_SHIFT_LEFT: return BINARY_SHIFT_LEFT;
    case TOKEN_SHIFT_RIGHT: return BINARY_SHIFT_RIGHT;
    case TOKEN_LESS: return BINARY_LESS;
    case TOKEN_GREATER: return BINARY_GREATER;
    case TOKEN_LESS_EQUAL: return BINARY_LESS_EQUAL;
    case TOKEN_GREATER_EQUAL: return BINARY_GREATER_EQUAL;
    case TOKEN_EQUAL_EQUAL: return BINARY_EQUAL;
    case TOKEN_NOT_EQUAL: return BINARY_NOT_EQUAL;
    case TOKEN_AMPERSAND: return BINARY_BIT_AND;
    case TOKEN_CARET: return BINARY_BIT_XOR;
    case TOKEN_PIPE: return BINARY_BIT_OR;
    case TOKEN_AND_AND: return BINARY_LOGICAL_AND;
    case TOKEN_OR_OR: return BINARY_LOGICAL_OR;
    case TOKEN_ASSIGN: return BINARY_ASSIGN;
    case TOKEN_COMPOUND_ASSIGN: return BINARY_COMPOUND_ASSIGN;
    case TOKEN_COMMA: return BINARY_COMMA;
    default: return BINARY_UNKNOWN;
    }
}

static enum unary_operator prefix_from_token(enum token_code code)
{
    switch (code) {
    case TOKEN_STAR: return UNARY_DEREFERENCE;
    case TOKEN_AMPERSAND: return UNARY_ADDRESS;
    case TOKEN_PLUS: return UNARY_PLUS;
    case TOKEN_MINUS: return UNARY_MINUS;
    case TOKEN_TILDE: return UNARY_COMPLEMENT;
    case TOKEN_BANG: return UNARY_NOT;
    case TOKEN_PLUS_PLUS: return UNARY_PRE_INCREMENT;
    case TOKEN_MINUS_MINUS: return UNARY_PRE_DECREMENT;
    case TOKEN_KEYWORD_EXTENSION: return UNARY_EXTENSION;
    case TOKEN_KEYWORD_REAL: return UNARY_REAL;
    case TOKEN_KEYWORD_IMAG: return UNARY_IMAGINARY;
    default: return UNARY_UNKNOWN;
    }
}

static bool extent_offsets(struct frontend_unit *unit, CXCursor cursor, int *file,
                           unsigned *begin, unsigned *end)
{
    CXSourceRange extent = clang_getCursorExtent(cursor);
    int end_file;
    if (!unit_file_offset(unit, clang_getRangeStart(extent), file, begin) ||
        !unit_file_offset(unit, clang_getRangeEnd(extent), &end_file, end) || end_file != *file)
        return false;
    *end = macros_call_end(unit, *file, *end);
    return true;
}

/* The macro call whose body `op` was written in, or NULL: the outermost
 * one, unless the expression lies within a macro called in an argument;
 * then the innermost such call that holds it. */
static struct macro_expansion *macro_of(struct frontend_unit *unit, CXCursor op)
{
    int file, begin_file, end_file;
    unsigned offset, begin, end;
    if (!unit_offset(unit, clang_getCursorLocation(op), &file, &offset))
        return NULL;
    struct macro_expansion *macro = macros_find(unit, file, offset);
    if (!macro)
        return NULL;
    CXSourceRange extent = clang_getCursorExtent(op);
    if (unit_file_offset(unit, clang_getRangeStart(extent), &begin_file, &begin) &&
        unit_file_offset(unit, clang_getRangeEnd(extent), &end_file, &end) &&
        begin_file == file && end_file == file && begin > macro->begin && end < macro->end) {
        /* within the arguments: a macro called there, or the outer body's
         * operator between two arguments (`if (a >= b)` with a and b
         * parameters) */
        struct macro_expansion *nested = macros_find_nested(unit, file, macro->begin, begin, end);
        if (nested)
            return nested;
    }
    return macro;
}

/* Operators of the macro whose expansion holds `op` (a set of token codes). */
static uint64_t macro_operators(struct frontend_unit *unit, CXCursor op)
{
    struct macro_expansion *macro = macro_of(unit, op);
    const struct macro_definition_facts *facts = macro ? macros_definition(unit, macro) : NULL;
    return facts ? facts->operators : 0;
}

static bool single_bit(uint64_t set)
{
    return set && !(set & (set - 1));
}

static int bit_index(uint64_t set)
{
    int index = 0;
    while (!(set & 1)) {
        set >>= 1;
        index++;
    }
    return index;
}

/* An operand that is still an lvalue: no implicit conversion (lvalue to
 * rvalue, array decay) was put around it. In C only =, ++, -- and & take
 * such operands, so this tells them apart without the text. */
static bool is_lvalue_operand(struct frontend_unit *unit, CXCursor operand)
{
    for (int guard = 0; guard < 10000 && clang_getCursorKind(operand) == CXCursor_ParenExpr;
         guard++)
        operand = cursor_single_expression(unit, operand);
    switch (clang_getCursorKind(operand)) {
    case CXCursor_DeclRefExpr: {
        enum CXCursorKind kind = clang_getCursorKind(clang_getCursorReferenced(operand));
        return kind == CXCursor_VarDecl || kind == CXCursor_ParmDecl;
    }
    case CXCursor_MemberRefExpr:
    case CXCursor_ArraySubscriptExpr:
        return true;
    case CXCursor_UnaryOperator:
        return compat_unary_operator(unit, operand) == UNARY_DEREFERENCE;
    default:
        return false;
    }
}

/* The operator written in the file between two operands (both outside a
 * macro body, or both arguments of one call), or TOKEN_OTHER. */
static enum token_code written_between(struct frontend_unit *unit, CXCursor left, CXCursor right)
{
    int left_file, right_file;
    unsigned left_begin, left_end, right_begin, right_end;
    if (!extent_offsets(unit, left, &left_file, &left_begin, &left_end) ||
        !extent_offsets(unit, right, &right_file, &right_begin, &right_end) ||
        left_file != right_file || left_end > right_begin)
        return TOKEN_OTHER;
    macros_widen_operands(unit, left_file, &left_end, &right_begin);
    enum token_code code = tokens_single_operator(unit, left_file, left_end, right_begin);
    /* a lone comma between two macro arguments separates them */
    if (code == TOKEN_COMMA && macros_find(unit, left_file, left_end))
        code = TOKEN_OTHER;
    return code;
}

/* ---- the skeleton of an expression from a macro body (macro_shapes.h) ---- */

#define SKELETON_NODES 1024
#define SKELETON_DEPTH 48

struct skeleton {
    struct shape_node nodes[SKELETON_NODES];
    struct macro_shape shape;
    CXCursor target;
    int target_node; /* the node of `target`, or -1 */
};

static int skeleton_add(struct skeleton *skeleton, enum shape_kind kind)
{
    if (skeleton->shape.count == SKELETON_NODES)
        return 0; /* node 0 is SHAPE_ANY */
    struct shape_node *node = &skeleton->nodes[skeleton->shape.count];
    node->kind = (unsigned char)kind;
    node->code = TOKEN_OTHER;
    node->children[0] = node->children[1] = node->children[2] = -1;
    node->name = NULL;
    node->exact = false;
    node->call = false;
    return skeleton->shape.count++;
}

static bool begins_at(struct frontend_unit *unit, CXCursor cursor, unsigned offset)
{
    int file;
    unsigned begin;
    return unit_file_offset(unit, clang_getRangeStart(clang_getCursorExtent(cursor)), &file,
                            &begin) &&
           begin == offset;
}

/* Skeleton of `cursor`: operators and parentheses written in the macro's
 * body are kept; what an argument brings in (its text lies at the call
 * site, so it has operators written between its operands or begins after
 * the macro's name) is a leaf, as the parameter is in the body. */
static int skeleton_of(struct frontend_unit *unit, const struct macro_expansion *macro,
                       struct skeleton *skeleton, CXCursor cursor, int depth)
{
    if (depth > SKELETON_DEPTH)
        return 0;
    for (int guard = 0; guard < 64 && clang_getCursorKind(cursor) == CXCursor_UnexposedExpr;
         guard++) {
        CXCursor inner = cursor_single_expression(unit, cursor); /* an implicit conversion */
        if (clang_Cursor_isNull(inner))
            break;
        cursor = inner;
    }
    enum CXCursorKind kind = clang_getCursorKind(cursor);
    if (kind != CXCursor_ParenExpr && kind != CXCursor_BinaryOperator &&
        kind != CXCursor_CompoundAssignOperator && kind != CXCursor_ConditionalOperator &&
        kind != CXCursor_UnaryOperator) {
        int leaf = skeleton_add(skeleton, SHAPE_LEAF);
        if (leaf > 0 && kind == CXCursor_MemberRefExpr)
            skeleton->nodes[leaf].code = TOKEN_ARROW;
        else if (leaf > 0 && (kind == CXCursor_IntegerLiteral || kind == CXCursor_FloatingLiteral ||
                              kind == CXCursor_StringLiteral || kind == CXCursor_CharacterLiteral))
            skeleton->nodes[leaf].code = TOKEN_LITERAL;
        if (leaf > 0 && (kind == CXCursor_MemberRefExpr || kind == CXCursor_DeclRefExpr)) {
            CXString spelling = clang_getCursorSpelling(cursor);
            const char *text = clang_getCString(spelling);
            skeleton->nodes[leaf].name = text && text[0] ? unit_intern(unit, text) : NULL;
            clang_disposeString(spelling);
        }
        return leaf;
    }
    struct cursor_list operands;
    cursor_code_children(unit, cursor, &operands);
    int node;
    if (kind == CXCursor_ParenExpr || kind == CXCursor_UnaryOperator) {
        enum shape_kind shape = kind == CXCursor_ParenExpr ? SHAPE_PARENTHESES : SHAPE_UNARY;
        node = operands.count == 1 && begins_at(unit, cursor, macro->begin)
                   ? skeleton_add(skeleton, shape)
                   : skeleton_add(skeleton, SHAPE_LEAF);
    } else if (kind == CXCursor_ConditionalOperator) {
        node = operands.count == 3 && written_between(unit, operands.items[0],
                                                      operands.items[1]) == TOKEN_OTHER
                   ? skeleton_add(skeleton, SHAPE_CONDITIONAL)
                   : skeleton_add(skeleton, SHAPE_LEAF);
    } else {
        node = operands.count == 2 && written_between(unit, operands.items[0],
                                                      operands.items[1]) == TOKEN_OTHER
                   ? skeleton_add(skeleton, SHAPE_BINARY)
                   : skeleton_add(skeleton, SHAPE_LEAF);
    }
    if (node > 0 && clang_equalCursors(cursor, skeleton->target))
        skeleton->target_node = node;
    if (node > 0 && skeleton->nodes[node].kind != SHAPE_LEAF) {
        for (int i = 0; i < operands.count && i < 3; i++) {
            int child = skeleton_of(unit, macro, skeleton, operands.items[i], depth + 1);
            skeleton->nodes[node].children[i] = child;
        }
    }
    cursor_list_free(&operands);
    return node;
}

static bool is_skeleton_kind(enum CXCursorKind kind)
{
    return kind == CXCursor_ParenExpr || kind == CXCursor_BinaryOperator ||
           kind == CXCursor_CompoundAssignOperator || kind == CXCursor_ConditionalOperator ||
           kind == CXCursor_UnaryOperator || kind == CXCursor_UnexposedExpr;
}

/* The largest expression around `op` within the macro call that the body's
 * skeleton holds as one root: up through operators and parentheses, up to
 * a statement, a call, a cast or what reaches past the call. */
static CXCursor skeleton_root(struct frontend_unit *unit, const struct macro_expansion *macro,
                              CXCursor op)
{
    CXCursor root = op;
    for (int guard = 0; guard < SKELETON_DEPTH; guard++) {
        CXCursor parent = cursor_parent(unit, root);
        int begin_file, end_file;
        unsigned begin, end;
        if (clang_Cursor_isNull(parent) || !is_skeleton_kind(clang_getCursorKind(parent)))
            break;
        CXSourceRange extent = clang_getCursorExtent(parent);
        if (!unit_file_offset(unit, clang_getRangeStart(extent), &begin_file, &begin) ||
            !unit_file_offset(unit, clang_getRangeEnd(extent), &end_file, &end) ||
            begin_file != macro->file || end_file != macro->file || begin < macro->begin ||
            end > macros_call_end(unit, macro->file, macro->begin))
            break;
        root = parent;
    }
    return root;
}

/* Operators of the macro's body that stand where `op` stands; false when
 * the body is out of reach or none of it parses. */
static bool operators_by_shape(struct frontend_unit *unit, CXCursor op, uint64_t *codes)
{
    *codes = 0;
    struct macro_expansion *macro = macro_of(unit, op);
    const struct macro_definition_facts *facts = macro ? macros_definition(unit, macro) : NULL;
    if (!facts || !facts->shape)
        return false;
    struct skeleton *skeleton = xmalloc(sizeof *skeleton);
    skeleton->shape.nodes = skeleton->nodes;
    skeleton->shape.count = 0;
    skeleton->target = op;
    skeleton->target_node = -1;
    skeleton_add(skeleton, SHAPE_ANY);
    int root = skeleton_of(unit, macro, skeleton, skeleton_root(unit, macro, op), 0);
    if (root > 0)
        *codes = macro_shape_operators(facts->shape, &skeleton->shape, root, skeleton->target_node);
    free(skeleton);
    return true;
}

/* An operator written in a macro body: the candidates are the operators of
 * the definition, narrowed by what the types allow and then by where in
 * the body's expressions such an operator stands; one left is the answer. */
static enum binary_operator binary_from_macro(struct frontend_unit *unit, CXCursor op,
                                              CXCursor left, CXCursor right)
{
    const uint64_t comparisons = BIT(TOKEN_LESS) | BIT(TOKEN_GREATER) | BIT(TOKEN_LESS_EQUAL) |
                                 BIT(TOKEN_GREATER_EQUAL) | BIT(TOKEN_EQUAL_EQUAL) |
                                 BIT(TOKEN_NOT_EQUAL);
    const uint64_t logical = BIT(TOKEN_AND_AND) | BIT(TOKEN_OR_OR);
    const uint64_t arithmetic = BIT(TOKEN_STAR) | BIT(TOKEN_SLASH) | BIT(TOKEN_PERCENT) |
                                BIT(TOKEN_PLUS) | BIT(TOKEN_MINUS) | BIT(TOKEN_SHIFT_LEFT) |
                                BIT(TOKEN_SHIFT_RIGHT) | BIT(TOKEN_AMPERSAND) |
                                BIT(TOKEN_CARET) | BIT(TOKEN_PIPE);
    if (is_lvalue_operand(unit, left))
        return BINARY_ASSIGN;
    const uint64_t comma = BIT(TOKEN_COMMA);
    uint64_t candidates =
        macro_operators(unit, op) & (comparisons | logical | arithmetic | comma);
    CXType result = clang_getCursorType(op);
    CXType left_type = clang_getCursorType(left), right_type = clang_getCursorType(right);
    bool pointer_operand = compat_is_pointer_type(left_type) || compat_is_pointer_type(right_type);
    if (compat_is_pointer_type(result)) {
        candidates &= BIT(TOKEN_PLUS) | BIT(TOKEN_MINUS) | comma;
    } else if (pointer_operand && compat_canonical_type(result).kind == CXType_Int) {
        candidates &= comparisons | logical | comma;
        if (constants_is_null_pointer(unit, left) || constants_is_null_pointer(unit, right))
            candidates &= BIT(TOKEN_EQUAL_EQUAL) | BIT(TOKEN_NOT_EQUAL) | logical | comma;
    }
    if (!clang_equalTypes(compat_canonical_type(result),
                          compat_canonical_type(right_type)))
        candidates &= ~comma; /* a comma's value is its right operand's */
    /* where the body parses, an operator must stand where its shape fits:
     * one from a macro called inside the body fits nowhere and stays unknown */
    uint64_t shaped;
    if (candidates && operators_by_shape(unit, op, &shaped))
        candidates &= shaped;
    if (!single_bit(candidates))
        return BINARY_UNKNOWN;
    return binary_from_token((enum token_code)bit_index(candidates));
}

enum binary_operator compat_binary_operator(struct frontend_unit *unit, CXCursor op)
{
    enum CXCursorKind kind = clang_getCursorKind(op);
    if (kind == CXCursor_CompoundAssignOperator)
        return BINARY_COMPOUND_ASSIGN;
    if (kind != CXCursor_BinaryOperator)
        return BINARY_UNKNOWN;
    struct cursor_list operands;
    cursor_code_children(unit, op, &operands);
    enum binary_operator result = BINARY_UNKNOWN;
    if (operands.count == 2 && is_lvalue_operand(unit, operands.items[0])) {
        result = BINARY_ASSIGN; /* C's only binary operator on an lvalue */
    } else if (operands.count == 2) {
        result = binary_from_token(written_between(unit, operands.items[0], operands.items[1]));
        if (result == BINARY_UNKNOWN)
            result = binary_from_macro(unit, op, operands.items[0], operands.items[1]);
    }
    cursor_list_free(&operands);
    return result;
}

/* Unary operator from the AST and the macro definition (14, macro bodies):
 * & and ++ / -- take lvalues, the others rvalues; types tell * from &. */
static enum unary_operator unary_from_types(struct frontend_unit *unit, CXCursor op,
                                            CXCursor operand)
{
    CXType result = compat_canonical_type(clang_getCursorType(op));
    CXType type = compat_canonical_type(clang_getCursorType(operand));
    bool lvalue = is_lvalue_operand(unit, operand);
    if (result.kind == CXType_Pointer &&
        clang_equalTypes(compat_canonical_type(clang_getPointeeType(result)), type) &&
        (lvalue || compat_is_function_type(type)))
        return UNARY_ADDRESS;
    uint64_t written = macro_operators(unit, op);
    uint64_t shaped;
    if (operators_by_shape(unit, op, &shaped) && shaped)
        written = shaped; /* the operators written where `op` stands in the body */
    if (lvalue) {
        if ((written & BIT(TOKEN_KEYWORD_EXTENSION)) &&
            !(written & (BIT(TOKEN_PLUS_PLUS) | BIT(TOKEN_MINUS_MINUS))))
            return UNARY_EXTENSION;
        return UNARY_PRE_INCREMENT; /* ++ or --: lowered alike */
    }
    if (type.kind == CXType_Pointer) {
        CXType pointee = compat_canonical_type(clang_getPointeeType(type));
        if (clang_equalTypes(result, type))
            return UNARY_EXTENSION; /* an rvalue pointer kept as it is */
        if (clang_equalTypes(result, pointee)) {
            if (result.kind != CXType_Int || !(written & BIT(TOKEN_BANG)))
                return UNARY_DEREFERENCE;
            if (!(written & BIT(TOKEN_STAR)))
                return UNARY_NOT;
            return UNARY_UNKNOWN;
        }
        return result.kind == CXType_Int ? UNARY_NOT : UNARY_UNKNOWN;
    }
    uint64_t candidates = written & (BIT(TOKEN_BANG) | BIT(TOKEN_TILDE) | BIT(TOKEN_MINUS) |
                                     BIT(TOKEN_PLUS) | BIT(TOKEN_KEYWORD_EXTENSION));
    if (!single_bit(candidates))
        return UNARY_UNKNOWN;
    return prefix_from_token((enum token_code)bit_index(candidates));
}

/* What the operand and result types alone tell: & and ++ / -- take an
 * lvalue (which of ++ / -- does not matter to the lowering); * and !
 * differ in their result unless the pointee is an int. */
static enum unary_operator unary_from_ast(struct frontend_unit *unit, CXCursor op,
                                          CXCursor operand)
{
    CXType result = compat_canonical_type(clang_getCursorType(op));
    CXType type = compat_canonical_type(clang_getCursorType(operand));
    bool points_to_operand =
        result.kind == CXType_Pointer &&
        clang_equalTypes(compat_canonical_type(clang_getPointeeType(result)), type);
    if (is_lvalue_operand(unit, operand))
        return points_to_operand ? UNARY_ADDRESS : UNARY_PRE_INCREMENT;
    if (points_to_operand && compat_is_function_type(type))
        return UNARY_ADDRESS;
    if (type.kind != CXType_Pointer)
        return UNARY_UNKNOWN;
    CXType pointee = compat_canonical_type(clang_getPointeeType(type));
    if (clang_equalTypes(result, pointee) && result.kind != CXType_Int)
        return UNARY_DEREFERENCE;
    if (result.kind == CXType_Int && pointee.kind != CXType_Int)
        return UNARY_NOT;
    return UNARY_UNKNOWN;
}

bool compat_reads_macro_bodies(void)
{
    return true;
}

bool compat_is_assignment(struct frontend_unit *unit, CXCursor op)
{
    if (clang_getCursorKind(op) != CXCursor_BinaryOperator)
        return false;
    CXCursor left = cursor_first_expression(unit, op);
    return !cursor_is_null(left) && is_lvalue_operand(unit, left);
}

enum unary_operator compat_unary_writes(struct frontend_unit *unit, CXCursor op)
{
    if (clang_getCursorKind(op) != CXCursor_UnaryOperator)
        return UNARY_UNKNOWN;
    CXCursor operand = cursor_first_expression(unit, op);
    if (cursor_is_null(operand))
        return UNARY_UNKNOWN;
    enum unary_operator kind = unary_from_ast(unit, op, operand);
    return kind == UNARY_ADDRESS || kind == UNARY_PRE_INCREMENT ? kind : UNARY_UNKNOWN;
}

enum unary_operator compat_unary_operator(struct frontend_unit *unit, CXCursor op)
{
    if (clang_getCursorKind(op) != CXCursor_UnaryOperator)
        return UNARY_UNKNOWN;
    CXCursor operand = cursor_first_expression(unit, op);
    if (cursor_is_null(operand))
        return UNARY_UNKNOWN;
    enum unary_operator known = unary_from_ast(unit, op, operand);
    int op_file, operand_file;
    unsigned op_begin, op_end, operand_begin, operand_end;
    if (known == UNARY_PRE_INCREMENT) {
        /* ++ or --: postfix when the operand comes first (the value of a
         * postfix one is the old value); which of the two, from the token
         * between them (a step's direction moves the counter's range) */
        if (!extent_offsets(unit, op, &op_file, &op_begin, &op_end) ||
            !extent_offsets(unit, operand, &operand_file, &operand_begin, &operand_end) ||
            op_file != operand_file)
            return UNARY_PRE_STEP;
        bool postfix = op_begin == operand_begin && operand_end < op_end;
        enum token_code code =
            postfix ? tokens_single_operator(unit, op_file, operand_end, op_end)
            : op_begin < operand_begin ? tokens_single_operator(unit, op_file, op_begin, operand_begin)
                                       : TOKEN_OTHER;
        if (code == TOKEN_PLUS_PLUS)
            return postfix ? UNARY_POST_INCREMENT : UNARY_PRE_INCREMENT;
        if (code == TOKEN_MINUS_MINUS)
            return postfix ? UNARY_POST_DECREMENT : UNARY_PRE_DECREMENT;
        return postfix ? UNARY_POST_STEP : UNARY_PRE_STEP;
    }
    if (known != UNARY_UNKNOWN)
        return known;
    if (extent_offsets(unit, op, &op_file, &op_begin, &op_end) &&
        extent_offsets(unit, operand, &operand_file, &operand_begin, &operand_end) &&
        op_file == operand_file && op_begin <= operand_begin && operand_end <= op_end) {
        if (op_begin < operand_begin) {
            enum unary_operator prefix = prefix_from_token(
                tokens_single_operator(unit, op_file, op_begin, operand_begin));
            if (prefix != UNARY_UNKNOWN)
                return prefix;
        } else if (operand_end < op_end) {
            enum token_code code = tokens_single_operator(unit, op_file, operand_end, op_end);
            if (code == TOKEN_PLUS_PLUS)
                return UNARY_POST_INCREMENT;
            if (code == TOKEN_MINUS_MINUS)
                return UNARY_POST_DECREMENT;
        }
    }
    return unary_from_types(unit, op, operand);
}

#endif

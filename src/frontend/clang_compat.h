/*
 * clang_compat: every difference between libclang 14 and 19 that the front
 * end depends on, behind one interface: operator kinds of unary and binary
 * operators (an API on 19, tokens and types on 14) and type predicates
 * that see through attributed / elaborated sugar. Nothing else in the
 * front end tests CINDEX_VERSION_MINOR.
 */
#ifndef NULLPROOF_FRONTEND_CLANG_COMPAT_H
#define NULLPROOF_FRONTEND_CLANG_COMPAT_H

#include <clang-c/Index.h>
#include <stdbool.h>

struct frontend_unit;

enum binary_operator {
    BINARY_UNKNOWN,
    BINARY_MULTIPLY,
    BINARY_DIVIDE,
    BINARY_REMAINDER,
    BINARY_ADD,
    BINARY_SUBTRACT,
    BINARY_SHIFT_LEFT,
    BINARY_SHIFT_RIGHT,
    BINARY_LESS,
    BINARY_GREATER,
    BINARY_LESS_EQUAL,
    BINARY_GREATER_EQUAL,
    BINARY_EQUAL,
    BINARY_NOT_EQUAL,
    BINARY_BIT_AND,
    BINARY_BIT_XOR,
    BINARY_BIT_OR,
    BINARY_LOGICAL_AND,
    BINARY_LOGICAL_OR,
    BINARY_ASSIGN,
    BINARY_COMPOUND_ASSIGN, /* any of *= /= %= += -= <<= >>= &= ^= |= */
    BINARY_COMMA
};

enum unary_operator {
    UNARY_UNKNOWN,
    UNARY_POST_INCREMENT,
    UNARY_POST_DECREMENT,
    UNARY_PRE_INCREMENT,
    UNARY_PRE_DECREMENT,
    UNARY_POST_STEP,  /* ++ or --, which one cannot be told (libclang 14, in a macro body) */
    UNARY_PRE_STEP,
    UNARY_ADDRESS,
    UNARY_DEREFERENCE,
    UNARY_PLUS,
    UNARY_MINUS,
    UNARY_COMPLEMENT, /* ~ */
    UNARY_NOT,        /* ! */
    UNARY_REAL,
    UNARY_IMAGINARY,
    UNARY_EXTENSION   /* __extension__ */
};

/* Operator of a CXCursor_BinaryOperator or CXCursor_CompoundAssignOperator.
 * BINARY_UNKNOWN when it cannot be told (on 14: an operator written inside
 * a macro body whose definition does not make it unambiguous). */
enum binary_operator compat_binary_operator(struct frontend_unit *unit, CXCursor op);

/* Operator of a CXCursor_UnaryOperator (anything else: UNARY_UNKNOWN, never
 * a libclang call that could crash). */
enum unary_operator compat_unary_operator(struct frontend_unit *unit, CXCursor op);

/* Cheap questions the prescan asks of every operator: whether a binary
 * operator is a plain assignment, and whether a unary one writes or
 * takes the address of its operand (UNARY_ADDRESS, UNARY_PRE_INCREMENT
 * for any ++ / --, else UNARY_UNKNOWN). */
bool compat_is_assignment(struct frontend_unit *unit, CXCursor op);
enum unary_operator compat_unary_writes(struct frontend_unit *unit, CXCursor op);

/* True when operators are read from macro bodies' text (no operator API):
 * the front end then records the project's #defines. */
bool compat_reads_macro_bodies(void);

/* The canonical type with attributed sugar (_Nullable, ...) stripped. */
CXType compat_canonical_type(CXType type);

/* The predicates below on a type that is already canonical (from
 * compat_canonical_type): one canonicalisation for several questions. */
static inline bool kind_is_pointer(enum CXTypeKind kind)
{
    return kind == CXType_Pointer;
}
static inline bool kind_is_integer(enum CXTypeKind kind)
{
    return (kind >= CXType_Bool && kind <= CXType_Int128) || kind == CXType_Enum;
}
static inline bool kind_is_unsigned(enum CXTypeKind kind)
{
    return kind >= CXType_Bool && kind <= CXType_UInt128;
}
static inline bool kind_is_array(enum CXTypeKind kind)
{
    return kind == CXType_ConstantArray || kind == CXType_IncompleteArray ||
           kind == CXType_VariableArray || kind == CXType_DependentSizedArray;
}
static inline bool kind_is_function(enum CXTypeKind kind)
{
    return kind == CXType_FunctionProto || kind == CXType_FunctionNoProto;
}

bool compat_is_pointer_type(CXType type);
bool compat_is_integer_type(CXType type); /* integers, _Bool, enums */
bool compat_is_unsigned_type(CXType type);
bool compat_is_array_type(CXType type);
/* An array or a vector (GCC's vector_size, ext_vector_type): `a[i]` names
 * an element stored inside it, and reads no pointer. */
bool compat_is_element_container(CXType type);
bool compat_is_function_type(CXType type);
bool compat_is_void_type(CXType type);

/* An expression clang built while recovering from an error (a RecoveryExpr
 * is an UnexposedExpr of dependent type; members and operators over one
 * are dependent too), or one of invalid type. */
bool compat_is_recovery_type(CXType type);
/* A declaration clang marked invalid (a variable or field of an unknown
 * type: clang gives it type int and this mark). */
bool compat_is_invalid_declaration(CXCursor declaration);

#endif

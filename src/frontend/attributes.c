/*
 * attributes: what a callee's declarations promise (noreturn, returns
 * nonnull or nullable, nonnull parameters), read from the pretty-printed
 * declaration, the function type and nullability qualifiers, merged over
 * the declarations libclang lets us reach (first, the one the call sees,
 * the definition) and cached per function. Name-based facts (rule tables)
 * are not here.
 */
#include <stdlib.h>
#include <string.h>

#include "lower.h"
#include "../support/argument_mask.h"
#include "../support/xalloc.h"
#include "../support/heap_array.h"

static bool contains(const char *text, const char *needle)
{
    return text && strstr(text, needle) != NULL;
}

static uint32_t pointer_parameters(CXType type)
{
    uint32_t bits = 0;
    int count = clang_getNumArgTypes(type);
    for (int i = 0; i < count && i < ARGUMENT_MASK_BITS; i++) {
        if (compat_is_pointer_type(clang_getArgType(type, (unsigned)i)))
            bits |= UINT32_C(1) << i;
    }
    return bits;
}

/* nonnull(...) attributes in a pretty-printed declaration. */
static void parse_nonnull(const char *text, CXType type, struct callee_facts *facts)
{
    static const char marker[] = "__attribute__((nonnull";
    for (const char *at = text ? strstr(text, marker) : NULL; at; at = strstr(at, marker)) {
        at += sizeof marker - 1;
        if (*at != '(') {
            facts->facts |= CALL_ALL_NONNULL;
            facts->nonnull_arguments |= pointer_parameters(type);
            continue;
        }
        at++;
        while (*at && *at != ')') {
            char *end;
            long index = strtol(at, &end, 10);
            if (end == at) {
                at++;
                continue;
            }
            if (index >= 1 && index <= ARGUMENT_MASK_BITS)
                facts->nonnull_arguments |= UINT32_C(1) << (index - 1);
            at = end;
        }
    }
}

static void merge_declaration(CXCursor declaration, struct callee_facts *facts)
{
    CXType type = clang_getCursorType(declaration);
    CXPrintingPolicy policy = clang_getCursorPrintingPolicy(declaration);
    clang_PrintingPolicy_setProperty(policy, CXPrintingPolicy_TerseOutput, 1);
    CXString printed = clang_getCursorPrettyPrinted(declaration, policy);
    CXString type_text = clang_getTypeSpelling(type);
    const char *text = clang_getCString(printed);
    const char *type_spelling = clang_getCString(type_text);
    if (contains(text, "_Noreturn") || contains(text, "__attribute__((noreturn))") ||
        contains(text, "[[noreturn]]") || contains(type_spelling, "__attribute__((noreturn))"))
        facts->facts |= CALL_NORETURN;
    if (contains(text, "__attribute__((returns_nonnull))"))
        facts->facts |= CALL_RETURNS_NONNULL;
    parse_nonnull(text, type, facts);
    enum CXTypeNullabilityKind result = clang_Type_getNullability(clang_getResultType(type));
    if (result == CXTypeNullability_NonNull)
        facts->facts |= CALL_RETURNS_NONNULL;
    else if (result == CXTypeNullability_Nullable)
        facts->facts |= CALL_RETURNS_NULLABLE;
    int count = clang_getNumArgTypes(type);
    for (int i = 0; i < count && i < ARGUMENT_MASK_BITS; i++) {
        if (clang_Type_getNullability(clang_getArgType(type, (unsigned)i)) ==
            CXTypeNullability_NonNull)
            facts->nonnull_arguments |= UINT32_C(1) << i;
    }
    clang_disposeString(printed);
    clang_disposeString(type_text);
    clang_PrintingPolicy_dispose(policy);
}

const struct callee_facts *attributes_of(struct frontend_unit *unit, CXCursor function,
                                         CXCursor callee)
{
    CXCursor canonical = clang_getCanonicalCursor(function);
    int *index = cursor_map_find(&unit->callee_index, canonical);
    if (index)
        return &unit->callees[*index];
    struct callee_facts facts;
    memset(&facts, 0, sizeof facts);
    facts.name = unit_string(unit, clang_getCursorSpelling(canonical));
    facts.result_name = unit_join(unit, facts.name, "()");
    facts.key = unit_string(unit, clang_getCursorUSR(canonical));
    CXCursor declarations[3] = {canonical, function, clang_getCursorDefinition(canonical)};
    for (int i = 0; i < 3; i++) {
        bool seen = cursor_is_null(declarations[i]);
        for (int j = 0; j < i && !seen; j++)
            seen = clang_equalCursors(declarations[i], declarations[j]);
        if (!seen)
            merge_declaration(declarations[i], &facts);
    }
    if (!cursor_is_null(callee)) { /* builtins: the callee's type has the attribute */
        CXString type_text = clang_getTypeSpelling(clang_getCursorType(callee));
        if (contains(clang_getCString(type_text), "__attribute__((noreturn))"))
            facts.facts |= CALL_NORETURN;
        clang_disposeString(type_text);
    }
    unit->callees = heap_array_reserve(unit->callees, &unit->callee_capacity, unit->callee_count + 1, sizeof *unit->callees);
    unit->callees[unit->callee_count] = facts;
    cursor_map_insert(&unit->callee_index, canonical, unit->callee_count);
    return &unit->callees[unit->callee_count++];
}

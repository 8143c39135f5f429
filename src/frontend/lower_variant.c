/*
 * lower_variant: reads of a sum type's payload. Recognises Option/Result-
 * shaped structs (a boolean tag `some` / `ok` beside `value` / `error`) and
 * enum-tagged unions (the enumerator that names the member read), and
 * emits STATEMENT_VARIANT for each read of a payload, and the tag tests of
 * nullproof/option.h's accessors. The analysis decides whether the tag
 * allows the read.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "lower.h"
#include "../packs/packs.h"

static enum CXChildVisitResult find_tag(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (clang_getCursorKind(cursor) != CXCursor_FieldDecl)
        return CXChildVisit_Continue;
    static const char *const tags[] = {"some", "ok", "has_value", "is_some", "is_ok"};
    CXString name = clang_getCursorSpelling(cursor);
    const char *text = clang_getCString(name);
    for (size_t i = 0; text && i < sizeof tags / sizeof tags[0]; i++) {
        if (strcmp(text, tags[i]) == 0) {
            CXType type = compat_canonical_type(clang_getCursorType(cursor));
            if (type.kind == CXType_Bool || compat_is_integer_type(type))
                *(const char **)data = tags[i];
            break;
        }
    }
    clang_disposeString(name);
    return CXChildVisit_Continue;
}

static bool ends_with(const char *text, const char *suffix)
{
    size_t length = strlen(text), suffix_length = strlen(suffix);
    return length > suffix_length && strcmp(text + length - suffix_length, suffix) == 0;
}

const char *lower_variant_test(CXCursor call, bool *negated)
{
    CXCursor callee = clang_getCursorReferenced(call);
    if (clang_getCursorKind(callee) != CXCursor_FunctionDecl ||
        clang_Cursor_getNumArguments(call) != 1)
        return NULL;
    CXString spelling = clang_getCursorSpelling(callee);
    const char *spelled = clang_getCString(spelling);
    const char *name = spelled ? spelled : "";
    bool some = ends_with(name, "_is_some"), none = ends_with(name, "_is_none");
    bool ok = ends_with(name, "_is_ok"), err = ends_with(name, "_is_err");
    clang_disposeString(spelling);
    if (!some && !none && !ok && !err)
        return NULL;
    CXType type = compat_canonical_type(clang_getCursorType(clang_Cursor_getArgument(call, 0)));
    if (type.kind != CXType_Record)
        return NULL;
    const char *tag = NULL;
    clang_visitChildren(clang_getTypeDeclaration(type), find_tag, &tag);
    bool result_tag = tag && (strcmp(tag, "ok") == 0 || strcmp(tag, "is_ok") == 0);
    if (!tag || (ok || err) != result_tag)
        return NULL;
    *negated = none || err;
    return tag;
}

/* A read of `value` or `error` in a struct shaped like an Option or a
 * Result (nullproof/option.h's, or any with a boolean tag named some / ok
 * beside the payload, also through an anonymous union): the tag's name,
 * and whether the read needs it true (value) or false (error). */
static const char *variant_tag(CXCursor reference, bool *needs_true)
{
    CXCursor field = clang_getCursorReferenced(reference);
    if (clang_getCursorKind(field) != CXCursor_FieldDecl)
        return NULL;
    CXString spelling = clang_getCursorSpelling(field);
    const char *spelled = clang_getCString(spelling);
    const char *name = spelled ? spelled : "";
    bool is_value = strcmp(name, "value") == 0, is_error = strcmp(name, "error") == 0;
    clang_disposeString(spelling);
    if (!is_value && !is_error)
        return NULL;
    CXCursor record = clang_getCursorSemanticParent(field);
    if (clang_getCursorKind(record) == CXCursor_UnionDecl && clang_Cursor_isAnonymous(record))
        record = clang_getCursorSemanticParent(record);
    if (clang_getCursorKind(record) != CXCursor_StructDecl)
        return NULL;
    const char *tag = NULL;
    clang_visitChildren(record, find_tag, &tag);
    if (!tag || (is_error && strcmp(tag, "ok") != 0 && strcmp(tag, "is_ok") != 0))
        return NULL;
    *needs_true = is_value;
    return tag;
}

struct enum_search {
    const char *member;  /* the union member read, e.g. "circle" */
    char name[128];      /* the one enumerator that names it, e.g. "SHAPE_CIRCLE" */
    long long value;
    int matches;
    int enumerators;     /* how many the enum has, and the first two values */
    long long values[2];
};

/* An enumerator names a member when, ignoring case, it is the member's
 * name or ends with "_" and the member's name (SHAPE_CIRCLE for circle). */
static enum CXChildVisitResult match_enumerator(CXCursor cursor, CXCursor parent,
                                                CXClientData data)
{
    (void)parent;
    struct enum_search *search = data;
    if (clang_getCursorKind(cursor) != CXCursor_EnumConstantDecl)
        return CXChildVisit_Continue;
    if (search->enumerators < 2)
        search->values[search->enumerators] = clang_getEnumConstantDeclValue(cursor);
    search->enumerators++;
    CXString spelling = clang_getCursorSpelling(cursor);
    const char *spelled = clang_getCString(spelling);
    const char *name = spelled ? spelled : "";
    size_t length = strlen(name), member = strlen(search->member);
    bool matches = length >= member && strcasecmp(name + length - member, search->member) == 0 &&
                   (length == member || name[length - member - 1] == '_');
    if (matches && ++search->matches == 1) {
        snprintf(search->name, sizeof search->name, "%s", name);
        search->value = clang_getEnumConstantDeclValue(cursor);
    }
    clang_disposeString(spelling);
    return CXChildVisit_Continue;
}

static enum CXChildVisitResult find_enum_tag(CXCursor cursor, CXCursor parent,
                                             CXClientData data)
{
    (void)parent;
    if (clang_getCursorKind(cursor) == CXCursor_FieldDecl &&
        compat_canonical_type(clang_getCursorType(cursor)).kind == CXType_Enum) {
        *(CXCursor *)data = cursor;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
}

struct union_members {
    CXCursor enumeration; /* the tag's enum declaration */
    bool all_named;       /* so far, each member has its one enumerator */
    int count;            /* members seen */
};

/* Whether each member of the union is named by exactly one enumerator:
 * a sum type (circle, rect for SHAPE_CIRCLE, SHAPE_RECT), not a union
 * shared by groups of kinds (gawk's NODE: `val` for Node_val and a dozen
 * other types, `nodep` for the rest). A union of one member is no choice
 * between variants: FLAC's entropy coding method keeps `partitioned_rice`
 * for both of its kinds, PARTITIONED_RICE and PARTITIONED_RICE2. */
static enum CXChildVisitResult member_named(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct union_members *members = data;
    if (clang_getCursorKind(cursor) != CXCursor_FieldDecl)
        return CXChildVisit_Continue;
    members->count++;
    CXString spelling = clang_getCursorSpelling(cursor);
    char member[128];
    snprintf(member, sizeof member, "%s", clang_getCString(spelling));
    clang_disposeString(spelling);
    struct enum_search search;
    memset(&search, 0, sizeof search);
    search.member = member;
    clang_visitChildren(members->enumeration, match_enumerator, &search);
    if (search.matches != 1) {
        members->all_named = false;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
}

/* A read of a member of a union that sits in a struct beside an enum field
 * with exactly one enumerator naming that member, and one naming each other
 * member of the union (struct shape { enum
 * shape_kind kind; union { struct circle circle; ... } u; }): the tag
 * field, the enumerator and its value, and whether the union is an
 * anonymous member (else the struct is one step further up). */
static bool enum_variant(CXCursor reference, CXCursor *tag, struct enum_search *search,
                         bool *anonymous)
{
    CXCursor field = clang_getCursorReferenced(reference);
    if (clang_getCursorKind(field) != CXCursor_FieldDecl)
        return false;
    CXCursor record = clang_getCursorSemanticParent(field);
    if (clang_getCursorKind(record) != CXCursor_UnionDecl)
        return false;
    CXCursor container = clang_getCursorSemanticParent(record);
    if (clang_getCursorKind(container) != CXCursor_StructDecl)
        return false;
    *tag = clang_getNullCursor();
    clang_visitChildren(container, find_enum_tag, tag);
    if (cursor_is_null(*tag))
        return false;
    CXString spelling = clang_getCursorSpelling(field);
    char member[128];
    snprintf(member, sizeof member, "%s", clang_getCString(spelling));
    clang_disposeString(spelling);
    memset(search, 0, sizeof *search);
    search->member = member;
    CXCursor declaration =
        clang_getTypeDeclaration(compat_canonical_type(clang_getCursorType(*tag)));
    clang_visitChildren(declaration, match_enumerator, search);
    search->member = NULL;
    *anonymous = clang_Cursor_isAnonymousRecordDecl(record) != 0;
    if (search->matches != 1)
        return false;
    struct union_members members = {declaration, true, 0};
    clang_visitChildren(record, member_named, &members);
    return members.all_named && members.count >= 2;
}

/* The check that a member of an enum-tagged union is read in its variant. */
static void emit_enum_variant_read(struct lower_context *context, CXCursor expression,
                                   int parent, enum path_step step)
{
    CXCursor tag;
    struct enum_search search;
    bool anonymous = false;
    if (!enum_variant(expression, &tag, &search, &anonymous) ||
        clang_equalCursors(expression, context->written))
        return;
    int holder = parent;
    enum path_step holder_step = step;
    if (!anonymous) { /* s.u.circle: the tag is s.kind */
        const struct access_path *union_path = &context->function->paths[parent];
        if (union_path->parent < 0 || union_path->step == PATH_DEREF ||
            union_path->step == PATH_INDEX)
            return;
        holder = union_path->parent;
        holder_step = union_path->step;
    }
    CXString tag_spelling = clang_getCursorSpelling(tag);
    const char *tag_name = unit_string(context->unit_state, tag_spelling);
    int tag_path = lower_path(context, holder, holder_step, tag_name, VARIABLE_LOCAL, false);
    if (search.enumerators == 2 && search.values[0] != search.values[1]) {
        struct access_path *tag_access = &context->function->paths[tag_path];
        tag_access->two_values = true;
        tag_access->values[0] = search.values[0];
        tag_access->values[1] = search.values[1];
    }
    CXString member = clang_getCursorSpelling(clang_getCursorReferenced(expression));
    struct ir_statement *statement =
        lower_emit(context, STATEMENT_VARIANT, lower_location(context, expression));
    statement->target = tag_path;
    statement->value = value_integer(search.value);
    statement->variant = arena_strdup(context->unit->arena, search.name);
    statement->payload = arena_printf(context->unit->arena, "%s%s%s",
                                      context->function->paths[parent].text,
                                      step == PATH_ARROW ? "->" : ".",
                                      clang_getCString(member));
    clang_disposeString(member);
}

struct tag_search {
    const char *name;
    CXCursor field;
};

static enum CXChildVisitResult find_named_field(CXCursor cursor, CXCursor parent,
                                                CXClientData data)
{
    (void)parent;
    struct tag_search *search = data;
    if (clang_getCursorKind(cursor) != CXCursor_FieldDecl)
        return CXChildVisit_Continue;
    CXString spelling = clang_getCursorSpelling(cursor);
    const char *name = clang_getCString(spelling);
    bool found = name && strcmp(name, search->name) == 0;
    clang_disposeString(spelling);
    if (found) {
        search->field = cursor;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
}

struct enumerator_search {
    const char *name;
    bool found;
    long long value;
};

static enum CXChildVisitResult find_enumerator(CXCursor cursor, CXCursor parent,
                                               CXClientData data)
{
    (void)parent;
    struct enumerator_search *search = data;
    if (clang_getCursorKind(cursor) != CXCursor_EnumConstantDecl)
        return CXChildVisit_Continue;
    CXString spelling = clang_getCursorSpelling(cursor);
    const char *name = clang_getCString(spelling);
    if (name && strcmp(name, search->name) == 0) {
        search->found = true;
        search->value = clang_getEnumConstantDeclValue(cursor);
    }
    clang_disposeString(spelling);
    return search->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* A read of a member of a tagged union that a rule pack declares
 * (`variants:`), whatever its names. Returns false when none applies. */
static bool emit_declared_variant_read(struct lower_context *context, CXCursor expression,
                                       int parent, enum path_step step)
{
    const struct pack_set *rules = context->unit_state->packs;
    if (!rules || rules->variant_count == 0)
        return false;
    CXCursor field = clang_getCursorReferenced(expression);
    if (clang_getCursorKind(field) != CXCursor_FieldDecl)
        return false;
    CXCursor record = clang_getCursorSemanticParent(field);
    bool in_union = clang_getCursorKind(record) == CXCursor_UnionDecl;
    CXCursor container = in_union ? clang_getCursorSemanticParent(record) : record;
    if (clang_getCursorKind(container) != CXCursor_StructDecl)
        return false;
    CXString type_spelling = clang_getCursorSpelling(container);
    CXString member_spelling = clang_getCursorSpelling(field);
    const struct pack_variant *variant = packs_find_variant(
        rules, clang_getCString(type_spelling), clang_getCString(member_spelling));
    clang_disposeString(type_spelling);
    if (!variant) {
        clang_disposeString(member_spelling);
        return false;
    }
    bool boolean = strcmp(variant->variant, "true") == 0 || strcmp(variant->variant, "false") == 0;
    long long value = strcmp(variant->variant, "false") != 0;
    if (!boolean) {
        struct tag_search tag = {variant->tag, clang_getNullCursor()};
        clang_visitChildren(container, find_named_field, &tag);
        struct enumerator_search enumerator = {variant->variant, false, 0};
        if (!cursor_is_null(tag.field))
            clang_visitChildren(
                clang_getTypeDeclaration(compat_canonical_type(clang_getCursorType(tag.field))),
                find_enumerator, &enumerator);
        if (!enumerator.found) {
            clang_disposeString(member_spelling);
            return false;
        }
        value = enumerator.value;
    }
    int holder = parent;
    enum path_step holder_step = step;
    if (in_union && !clang_Cursor_isAnonymousRecordDecl(record)) {
        const struct access_path *union_path = &context->function->paths[parent];
        if (union_path->parent >= 0 && union_path->step != PATH_DEREF &&
            union_path->step != PATH_INDEX) {
            holder = union_path->parent;
            holder_step = union_path->step;
        }
    }
    if (!clang_equalCursors(expression, context->written)) {
        int tag_path = lower_path(context, holder, holder_step, variant->tag, VARIABLE_LOCAL,
                                  false);
        context->function->paths[tag_path].is_boolean |= boolean;
        struct ir_statement *statement =
            lower_emit(context, STATEMENT_VARIANT, lower_location(context, expression));
        statement->target = tag_path;
        statement->value = value_integer(value);
        statement->variant = boolean ? NULL : variant->variant;
        statement->payload = arena_printf(context->unit->arena, "%s%s%s",
                                          context->function->paths[parent].text,
                                          step == PATH_ARROW ? "->" : ".",
                                          clang_getCString(member_spelling));
    }
    clang_disposeString(member_spelling);
    return true;
}

void lower_variant_read(struct lower_context *context, CXCursor expression, int parent,
                        enum path_step step)
{
    if (emit_declared_variant_read(context, expression, parent, step))
        return;
    bool needs_true = false;
    const char *tag = variant_tag(expression, &needs_true);
    if (!tag) {
        emit_enum_variant_read(context, expression, parent, step);
        return;
    }
    if (clang_equalCursors(expression, context->written))
        return;
    int tag_path = lower_path(context, parent, step, tag, VARIABLE_LOCAL, false);
    context->function->paths[tag_path].is_boolean = true;
    struct ir_statement *statement =
        lower_emit(context, STATEMENT_VARIANT, lower_location(context, expression));
    statement->target = tag_path;
    statement->value = value_integer(needs_true ? 1 : 0);
    statement->payload = arena_printf(context->unit->arena, "%s%s%s",
                                      context->function->paths[parent].text,
                                      step == PATH_ARROW ? "->" : ".",
                                      needs_true ? "value" : "error");
}

/*
 * hooks: calls through a global function pointer, a field, or a local set
 * to no single function, settled once every function of the unit is
 * lowered (a later function may assign the global). A hook the unit sets
 * to one function only (`static void *(*hook)(size_t) = xmalloc;`) is a
 * call of that function. Any other keeps the contract its name or type
 * states: `Curl_cmalloc` of type `curl_malloc_callback` is malloc. The
 * analysis applies that contract only where the callee has no facts of
 * its own. An external global set to one function here may be set to
 * another in a unit not seen: the unit that defines a hook sets its
 * default, and that is the evidence there is.
 */
#include <string.h>

#include "lower.h"
#include "../support/heap_array.h"
#include "../support/text.h"

/* Allocator words, longest first where one contains another. */
static const char *const allocator_words[] = {
    "reallocarray", "realloc", "calloc", "malloc", "strndup", "strdup",
};

bool hooks_is_file_scope(CXCursor declaration)
{
    return clang_getCursorKind(declaration) == CXCursor_VarDecl &&
           clang_getCursorKind(clang_getCursorSemanticParent(declaration)) ==
               CXCursor_TranslationUnit;
}

void hooks_add(struct frontend_unit *unit, int function, int block, int statement,
               CXCursor pointer)
{
    unit->hooks = heap_array_reserve(unit->hooks, &unit->hook_capacity, unit->hook_count + 1,
                                     sizeof *unit->hooks);
    struct pending_hook *hook = &unit->hooks[unit->hook_count++];
    hook->function = function;
    hook->block = block;
    hook->statement = statement;
    hook->pointer = pointer;
}

void hooks_forget(struct frontend_unit *unit, const bool *stale)
{
    int kept = 0;
    for (int i = 0; i < unit->hook_count; i++) {
        if (!stale[unit->hooks[i].function])
            unit->hooks[kept++] = unit->hooks[i];
    }
    unit->hook_count = kept;
}

/* The allocator `text` names ("Curl_cmalloc" -> "malloc"), or NULL. */
static const char *allocator_word(const char *text)
{
    for (size_t i = 0; i < sizeof allocator_words / sizeof *allocator_words; i++) {
        if (text_contains_folded(text, allocator_words[i]))
            return allocator_words[i];
    }
    return NULL;
}

/* What the hook's name, else its declared type's name, says it is. */
static const char *named_allocator(struct frontend_unit *unit, CXCursor pointer)
{
    const char *word = allocator_word(unit_string(unit, clang_getCursorSpelling(pointer)));
    if (!word)
        word = allocator_word(
            unit_string(unit, clang_getTypeSpelling(clang_getCursorType(pointer))));
    return word ? unit_intern(unit, word) : NULL;
}

static void call_function(struct frontend_unit *unit, const struct pending_hook *hook,
                          struct ir_call *call, CXCursor function)
{
    const struct callee_facts *facts = attributes_of(unit, function, clang_getNullCursor());
    call->callee = facts->name;
    call->facts = facts->facts;
    call->nonnull_arguments |= facts->nonnull_arguments;
    if (facts->key && facts->key[0])
        unit_add_pending_call(unit, hook->function, hook->block, hook->statement, facts->key);
}

void hooks_settle(struct frontend_unit *unit)
{
    for (int i = 0; i < unit->hook_count; i++) {
        const struct pending_hook *hook = &unit->hooks[i];
        struct ir_call *call =
            &unit->unit->functions[hook->function].blocks[hook->block].statements[hook->statement]
                 .call;
        CXCursor function;
        if (clang_getCursorKind(hook->pointer) == CXCursor_VarDecl &&
            prescan_function_pointer_target(unit, hook->pointer, &function)) {
            call_function(unit, hook, call, function);
            continue;
        }
        const char *allocator = named_allocator(unit, hook->pointer);
        if (allocator) {
            call->contract = allocator;
            call->contract_how = CONTRACT_HOOK;
            call->hook = unit_string(unit, clang_getCursorSpelling(hook->pointer));
        }
    }
    unit->hook_count = 0;
}

/*
 * rule_table: every rule, one line each, sorted by id:
 *
 *     RULE(NAME, "id", "summary")
 *
 * NAME is the C name of the rule's file and entry point (src/checks/NAME.c,
 * check_NAME()); the summary is the first line of docs/rules/ID.md. This
 * is the one place where a rule's id is written in code: the registry, the
 * fuzz target's stub and, through --list-rules, the tests derive from it.
 * It includes nothing, so readers without the analysis types can use it.
 * scripts/new_rule.sh adds a line.
 */
RULE(check_after_deref, "check-after-deref",
     "A pointer is tested against NULL after it was already dereferenced.")
RULE(null_deref, "null-deref", "A pointer that is NULL on some path is dereferenced.")
RULE(unchecked_alloc, "unchecked-alloc",
     "A possibly-NULL result of an allocator is used without a NULL check.")
RULE(unchecked_lookup, "unchecked-lookup",
     "A possibly-NULL result of a lookup or search is used without a NULL check.")
RULE(unchecked_nullable, "unchecked-nullable",
     "A possibly-NULL value from a nullable source is used without a NULL check.")
RULE(unchecked_variant, "unchecked-variant",
     "The payload of an Option or Result is read without testing its tag first.")

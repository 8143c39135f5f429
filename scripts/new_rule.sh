#!/usr/bin/env bash
# Scaffolds a new rule, as clang-tidy's add_new_check.py does:
#
#   scripts/new_rule.sh RULE-ID "One sentence that says what it finds."
#
# It adds the rule's line to src/checks/rule_table.h (the one list of
# rules: the registry, --list-rules, SARIF and the tests follow it) and a
# row to README's rule table, and creates src/checks/RULE_ID.c (an entry
# point that reports nothing yet), docs/rules/RULE-ID.md (with a checked
# example to fill in, which tests/e2e/test_doc_examples.py runs) and
# testdata/cases/RULE_ID.c with one flagged and one clean example to
# replace. Then write the check and its cases, regenerate the SARIF golden
# file (it lists every rule) and run scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -ne 2 ]]; then
    echo "usage: scripts/new_rule.sh RULE-ID \"One sentence that says what it finds.\"" >&2
    exit 2
fi
id=$1
summary=$2
if [[ ! $id =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]]; then
    echo "new_rule.sh: a rule id is lower-case words joined by '-': '$id'" >&2
    exit 2
fi
if [[ $summary != *. || $summary == *'"'* ]]; then
    echo "new_rule.sh: the summary is one sentence ending with '.', without '\"'" >&2
    exit 2
fi
name=${id//-/_}
table=src/checks/rule_table.h
if grep -q "\"$id\"" "$table"; then
    echo "new_rule.sh: $id is already in $table" >&2
    exit 2
fi
for path in "src/checks/$name.c" "docs/rules/$id.md" "testdata/cases/$name.c"; do
    if [[ -e $path ]]; then
        echo "new_rule.sh: $path exists" >&2
        exit 2
    fi
done

# The table stays sorted by id: insert before the first line with a larger one.
python3 - "$table" "$name" "$id" "$summary" <<'PY'
import re, sys
path, name, rule_id, summary = sys.argv[1:]
text = open(path).read()
entry = 'RULE(%s, "%s",\n     "%s")\n' % (name, rule_id, summary)
if len('RULE(%s, "%s", "%s")' % (name, rule_id, summary)) <= 100:
    entry = 'RULE(%s, "%s", "%s")\n' % (name, rule_id, summary)
entries = list(re.finditer(r'^RULE\(\w+, "([a-z0-9-]+)"', text, re.MULTILINE))
at = next((m.start() for m in entries if m.group(1) > rule_id), None)
if at is None:
    text = text.rstrip("\n") + "\n" + entry
else:
    text = text[:at] + entry + text[at:]
open(path, "w").write(text)
PY

# README's table of rules, also sorted.
python3 - README.md "$id" "$summary" <<'PY'
import re, sys
path, rule_id, summary = sys.argv[1:]
lines = open(path).read().split("\n")
rows = [i for i, line in enumerate(lines) if re.match(r"^\| `[a-z0-9-]+` \| ", line)
        and i > 0 and lines[i - 1].startswith(("|---", "| `"))]
row = "| `%s` | %s |" % (rule_id, summary)
at = next((i for i in rows if lines[i].split("`")[1] > rule_id), rows[-1] + 1)
lines.insert(at, row)
open(path, "w").write("\n".join(lines))
PY

cat >"src/checks/$name.c" <<C
/*
 * $id: $summary
 */
#include "rules_list.h"

#include "describe.h"

/* Turns the events this rule owns into findings (context->rule is "$id"). */
void check_$name(const struct analysis_result *result, struct check_context *context)
{
    for (int i = 0; i < result->event_count; i++) {
        const struct analysis_event *event = &result->events[i];
        (void)event; /* pick this rule's events and describe them */
    }
    (void)context;
}
C

cat >"docs/rules/$id.md" <<MD
# $id

$summary

## What it finds

## What it does not report

## Bad

\`\`\`c
\`\`\`

## Good

\`\`\`c
\`\`\`

## Checked example

A whole file that nullproof reports, then the same file fixed, which it
does not; \`tests/e2e/test_doc_examples.py\` checks both on every build.

\`\`\`c
/* a file with one use that $id reports */
\`\`\`

\`\`\`c
/* the same file, fixed */
\`\`\`

## Options

The rule is on by default.

- \`--disable $id\` turns it off.
- \`--enable $id\` runs only this rule.

## Suppressing a finding

\`// nullproof: ignore[$id]\` at the end of the line (or alone on the line
before), or clang-tidy's \`NOLINT(nullproof-$id)\`; see
docs/configuration.md. \`--disable $id\` turns the rule off for a run.
MD

cat >"testdata/cases/$name.c" <<CASE
/* $id: $summary */

/* must stay silent */

void clean_example(void)
{
}

/* must be reported */

void flagged_example(void)
{
    /* the use goes here, marked with: // expect: $id */
}
CASE

echo "new_rule.sh: added $id to $table and README.md; created src/checks/$name.c,"
echo "  docs/rules/$id.md and testdata/cases/$name.c. Write the check and its cases,"
echo "  build, regenerate the SARIF golden file, which lists every rule:"
echo "    NULLPROOF_UPDATE_GOLDEN=1 python3 tests/e2e/test_formats.py BUILD/nullproof ."
echo "  then run scripts/test.sh."

#!/usr/bin/env python3
"""Every rule page (docs/rules/ID.md) shows a checked example: under
"## Checked example", a C file that nullproof flags with that rule, then the
same file fixed, which it does not flag at all. This test compiles both
with nullproof and checks that the page says what the tool does.

Usage: test_doc_examples.py NULLPROOF_BINARY SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile
import unittest

BINARY = None
SOURCE_DIR = None


def rule_ids():
    with open(os.path.join(SOURCE_DIR, "src", "checks", "rule_table.h")) as table:
        return re.findall(r'^RULE\(\w+, "([a-z0-9-]+)"', table.read(), re.MULTILINE)


def checked_example(page):
    """The two C blocks of the page's "## Checked example" section."""
    with open(page) as stream:
        text = stream.read()
    section = re.search(r"^## Checked example\n(.*?)(?=^## )", text, re.MULTILINE | re.DOTALL)
    if not section:
        return None
    return re.findall(r"```c\n(.*?)```", section.group(1), re.DOTALL)


class DocExampleTest(unittest.TestCase):
    def run_on(self, source):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "example.c")
            with open(path, "w") as stream:
                stream.write(source)
            result = subprocess.run([BINARY, "--color", "never", "--quiet", "--exit-zero", path,
                                     "--", "-std=gnu11"],
                                    capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        return re.findall(r": (?:warning|error|note): .*\[([a-z0-9-]+)\]$", result.stdout,
                          re.MULTILINE)

    def test_every_rule_page_has_a_checked_example_that_holds(self):
        for rule in rule_ids():
            page = os.path.join(SOURCE_DIR, "docs", "rules", rule + ".md")
            with self.subTest(rule=rule):
                blocks = checked_example(page)
                self.assertIsNotNone(blocks, page + ' has no "## Checked example" section')
                self.assertEqual(len(blocks), 2, page + ": a flagged file, then the fixed one")
                flagged, fixed = blocks
                self.assertIn(rule, self.run_on(flagged), page + ": the flagged file")
                self.assertEqual(self.run_on(fixed), [], page + ": the fixed file")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    unittest.main(argv=sys.argv[:1], verbosity=2)

#!/usr/bin/env python3
"""scripts/new_rule.sh on a copy of the files it edits: the rule goes into
rule_table.h and README's table in id order, its check, page and case are
created, the page has the checked-example section the doc test runs, and a
second run with the same id (or a malformed one) changes nothing.

Usage: test_new_rule.py NULLPROOF_BINARY SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE_DIR = None


class NewRuleTest(unittest.TestCase):
    def setUp(self):
        self.tree = tempfile.mkdtemp(prefix="nullproof-new-rule-")
        for name in ("scripts/new_rule.sh", "src/checks/rule_table.h", "README.md"):
            os.makedirs(os.path.dirname(os.path.join(self.tree, name)), exist_ok=True)
            shutil.copy(os.path.join(SOURCE_DIR, name), os.path.join(self.tree, name))
        os.makedirs(os.path.join(self.tree, "docs", "rules"))
        os.makedirs(os.path.join(self.tree, "testdata", "cases"))

    def tearDown(self):
        shutil.rmtree(self.tree)

    def run_script(self, *arguments):
        return subprocess.run(["bash", os.path.join(self.tree, "scripts", "new_rule.sh")] +
                              list(arguments), capture_output=True, text=True, timeout=60)

    def read(self, name):
        with open(os.path.join(self.tree, name)) as stream:
            return stream.read()

    def test_scaffolds_a_rule_in_order(self):
        result = self.run_script("null-toy", "A toy rule that finds nothing.")
        self.assertEqual(result.returncode, 0, result.stderr)
        table = self.read("src/checks/rule_table.h")
        ids = re.findall(r'^RULE\(\w+, "([a-z0-9-]+)"', table, re.MULTILINE)
        self.assertIn("null-toy", ids)
        self.assertEqual(ids, sorted(ids))
        self.assertIn('RULE(null_toy, "null-toy", "A toy rule that finds nothing.")', table)
        rows = re.findall(r"^\| `([a-z0-9-]+)` \| ", self.read("README.md"), re.MULTILINE)
        self.assertIn("null-toy", rows)
        rules_rows = [row for row in rows if row in ids]
        self.assertEqual(rules_rows, sorted(rules_rows))
        check = self.read("src/checks/null_toy.c")
        self.assertIn("void check_null_toy(const struct analysis_result *result, "
                      "struct check_context *context)", check)
        page = self.read("docs/rules/null-toy.md")
        self.assertTrue(page.startswith("# null-toy\n\nA toy rule that finds nothing.\n"))
        self.assertIn("## Checked example", page)
        self.assertIn("// expect: null-toy", self.read("testdata/cases/null_toy.c"))

    def test_refuses_a_second_run_and_bad_input(self):
        self.assertEqual(self.run_script("null-toy", "A toy rule.").returncode, 0)
        before = self.read("src/checks/rule_table.h")
        for arguments in (["null-toy", "Again."], ["Null_Toy", "Bad id."],
                          ["other-toy", "no final period"], ["other-toy"]):
            with self.subTest(arguments=arguments):
                self.assertEqual(self.run_script(*arguments).returncode, 2)
        self.assertEqual(self.read("src/checks/rule_table.h"), before)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    unittest.main(argv=sys.argv[:1], verbosity=2)

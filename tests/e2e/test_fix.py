#!/usr/bin/env python3
"""End-to-end tests of fix-its and --fix on testdata/cases/fixit_sites.c:
copied into a fresh git repository, fixed, the diff checked, analysed
again (only the findings marked "no fix-it" remain), compiled, and fixed
again (nothing changes). Also the policy (uncommitted changes, untracked
files and files outside git are refused unless --fix-backup), the backup,
--parseable-fixits in clang's format, and fix-its in JSON.

Usage: test_fix.py NULLPROOF_BINARY SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demo_project  # noqa: E402

BINARY = None
SOURCE_DIR = None
CASE = "fixit_sites.c"
FLAGS = ["--", "-std=gnu11"]

# What --fix inserts, as `git diff` shows it: after which original line.
EXPECTED_INSERTIONS = [
    (27, "    if (copy == NULL) return NULL;"),
    (34, "    if (found == NULL) return -1;"),
    (40, "\tif (home == NULL) return 0;"),
    (47, "    if (at == NULL) return false;"),
    (53, "    if (space == NULL) return 0;"),
    (61, "    if (out == NULL) return;"),
    (72, "    if (header == NULL) goto fail;"),
    (123, "    if (upper == NULL) return 0;"),
]
WARNING_RE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):\d+: warning: .* \[(?P<rule>[a-z-]+)\]$",
                        re.MULTILINE)


def git(directory, *arguments):
    completed = subprocess.run(["git", "-c", "user.name=nullproof", "-c",
                                "user.email=nullproof@example.invalid"] + list(arguments),
                               cwd=directory, capture_output=True, text=True, timeout=60)
    if completed.returncode != 0:
        raise AssertionError("git %s: %s" % (" ".join(arguments), completed.stderr))
    return completed.stdout


def inserted_lines(diff):
    """(original line the insertion follows, text) of each added line."""
    insertions = []
    original = 0
    for line in diff.splitlines():
        hunk = re.match(r"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@", line)
        if hunk:
            # "-L,0": an insertion after line L; else the hunk starts at line L
            original = int(hunk.group(1)) - (0 if hunk.group(2) == "0" else 1)
        elif line.startswith("+") and not line.startswith("+++"):
            insertions.append((original, line[1:]))
        elif line.startswith(" ") or (line.startswith("-") and not line.startswith("---")):
            original += 1
    return insertions


class FixTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="nullproof-fix-")
        self.case = os.path.join(self.directory, CASE)
        shutil.copy(os.path.join(SOURCE_DIR, "testdata", "cases", CASE), self.case)
        with open(self.case) as stream:
            self.original = stream.read()

    def tearDown(self):
        shutil.rmtree(self.directory)

    def commit(self):
        git(self.directory, "init", "-q", ".")
        git(self.directory, "add", CASE)
        git(self.directory, "commit", "-q", "-m", "case")

    def run_nullproof(self, *arguments):
        return demo_project.run(BINARY, ["--color", "never"] + list(arguments) + [CASE] + FLAGS,
                                self.directory)

    def text(self):
        with open(self.case) as stream:
            return stream.read()

    def remaining(self, result):
        """Lines (texts) of the findings of a run."""
        lines = self.text().splitlines()
        return [lines[int(match.group("line")) - 1]
                for match in WARNING_RE.finditer(result.stdout)]

    def test_fix_applies_reruns_clean_compiles_and_is_idempotent(self):
        self.commit()
        before = self.run_nullproof()
        self.assertEqual(before.status, 1, repr(before))
        self.assertEqual(len(WARNING_RE.findall(before.stdout)), 12, repr(before))

        fixed = self.run_nullproof("--fix")
        self.assertEqual(fixed.status, 1, repr(fixed))  # the findings it fixed are reported
        self.assertEqual(fixed.stdout, before.stdout)
        # never silently: every insertion is printed, and a summary
        for line, text in EXPECTED_INSERTIONS:
            self.assertIn("nullproof: %s: inserted '%s' after line %d" % (CASE, text.strip(),
                                                                         line), fixed.stderr)
        self.assertIn("nullproof: --fix applied 8 fix-its to 1 file", fixed.stderr)
        diff = git(self.directory, "diff", "--no-color", "-U0")
        self.assertEqual(inserted_lines(diff), EXPECTED_INSERTIONS, diff)
        self.assertNotIn("\n-", diff.replace("\n--- ", "\n"))  # nothing removed

        again = self.run_nullproof()
        remaining = self.remaining(again)
        self.assertEqual(len(remaining), 4, repr(again))
        for line in remaining:
            self.assertIn("(no fix-it)", line)

        compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
        if compiler:
            compiled = subprocess.run([compiler, "-std=gnu11", "-Wall", "-Werror",
                                       "-fsyntax-only", CASE], cwd=self.directory,
                                      capture_output=True, text=True, timeout=120)
            self.assertEqual(compiled.returncode, 0, compiled.stderr)

        text = self.text()
        git(self.directory, "commit", "-q", "-a", "-m", "fixed")
        third = self.run_nullproof("--fix")
        self.assertEqual(third.status, 1, repr(third))  # the "no fix-it" findings
        self.assertIn("nullproof: --fix: no fix-its to apply", third.stderr)
        self.assertEqual(self.text(), text)

    def fix_other(self, name, content, *flags):
        """--fix on a file of its own, committed; returns (result, fixed text)."""
        path = os.path.join(self.directory, name)
        with open(path, "w", newline="") as stream:
            stream.write(content)
        git(self.directory, "init", "-q", ".")
        git(self.directory, "add", name)
        git(self.directory, "commit", "-q", "-m", name)
        result = demo_project.run(BINARY, ["--color", "never", "--fix", name, "--"] +
                                  list(flags), self.directory)
        with open(path, newline="") as stream:
            return result, stream.read()

    def test_fix_keeps_c89_declarations_first(self):
        source = ("#include <stdlib.h>\n#include <string.h>\n\n"
                  "size_t copy_length(const char *s)\n{\n"
                  "    char *p = malloc(16);\n"
                  "    size_t n = strlen(s);\n"
                  "    int k = 0;\n"
                  "    p[0] = 'x';\n"
                  "    free(p);\n"
                  "    return n + (size_t)k;\n}\n")
        result, fixed = self.fix_other("c89.c", source, "-std=c89", "-pedantic")
        self.assertIn("inserted 'if (p == NULL) return 0;' after line 8", result.stderr)
        self.assertIn("    int k = 0;\n    if (p == NULL) return 0;\n    p[0] = 'x';", fixed)
        if shutil.which("gcc"):
            compiled = subprocess.run(["gcc", "-std=c89", "-pedantic-errors", "-fsyntax-only",
                                       "c89.c"], cwd=self.directory, capture_output=True,
                                      text=True)
            self.assertEqual(compiled.returncode, 0, compiled.stderr)

    def test_fix_goes_right_after_the_assignment_since_c99(self):
        source = ("#include <stdlib.h>\n\nint first(void)\n{\n"
                  "    char *p = malloc(16);\n"
                  "    int c = p[0];\n"
                  "    free(p);\n"
                  "    return c;\n}\n")
        result, fixed = self.fix_other("c99.c", source, "-std=c99")
        self.assertIn("    char *p = malloc(16);\n    if (p == NULL) return -1;\n    int c = p[0];",
                      fixed, result.stderr)

    def test_no_fixit_when_a_declaration_uses_the_value_first(self):
        source = ("#include <stdlib.h>\n\nint first(void)\n{\n"
                  "    char *p = malloc(16);\n"
                  "    int c = p[0];\n"
                  "    free(p);\n"
                  "    return c;\n}\n")
        result, fixed = self.fix_other("early.c", source, "-Wdeclaration-after-statement")
        self.assertIn("[unchecked-alloc]", result.stdout)
        self.assertEqual(fixed, source)  # the test would come after the use: no fix-it

    def test_fix_keeps_crlf_line_ends(self):
        source = ("#include <stdlib.h>\r\nint f(void)\r\n{\r\n"
                  "    char *p = malloc(4);\r\n"
                  "    p[0] = 0;\r\n"
                  "    free(p);\r\n"
                  "    return 0;\r\n}\r\n")
        _, fixed = self.fix_other("crlf.c", source)
        self.assertIn("    char *p = malloc(4);\r\n    if (p == NULL) return -1;\r\n", fixed)
        self.assertNotIn("\n", fixed.replace("\r\n", ""))

    def test_refuses_uncommitted_changes(self):
        self.commit()
        with open(self.case, "a") as stream:
            stream.write("/* edited */\n")
        edited = self.text()
        result = self.run_nullproof("--fix")
        self.assertEqual(result.status, 2, repr(result))
        self.assertIn("nullproof: error: --fix: %s has uncommitted changes; commit them first, "
                      "or use --fix-backup" % CASE, result.stderr)
        self.assertEqual(self.text(), edited)
        git(self.directory, "add", CASE)  # staged is not committed either
        self.assertEqual(self.run_nullproof("--fix").status, 2)
        self.assertEqual(self.text(), edited)

    def test_refuses_untracked_and_outside_git(self):
        result = self.run_nullproof("--fix")
        self.assertEqual(result.status, 2, repr(result))
        self.assertIn("--fix: %s is not in a git work tree; use --fix-backup" % CASE,
                      result.stderr)
        self.assertEqual(self.text(), self.original)
        git(self.directory, "init", "-q", ".")
        result = self.run_nullproof("--fix")
        self.assertEqual(result.status, 2, repr(result))
        self.assertIn("--fix: git does not track %s; commit it first" % CASE, result.stderr)
        self.assertEqual(self.text(), self.original)

    def test_backup(self):
        result = self.run_nullproof("--fix-backup")  # no git needed
        self.assertEqual(result.status, 1, repr(result))
        self.assertIn("nullproof: %s: original saved as %s.orig" % (CASE, CASE), result.stderr)
        with open(self.case + ".orig") as stream:
            self.assertEqual(stream.read(), self.original)
        fixed = self.text()
        self.assertEqual(len(fixed.splitlines()), len(self.original.splitlines()) + 8)
        # a second run has nothing to do, so the backup is left alone
        self.assertEqual(self.run_nullproof("--fix-backup").status, 1)
        self.assertEqual(self.text(), fixed)
        # an existing backup is never overwritten
        shutil.copy(self.case + ".orig", self.case)
        result = self.run_nullproof("--fix-backup")
        self.assertEqual(result.status, 2, repr(result))
        self.assertIn("--fix-backup: cannot write %s.orig: it exists already" % CASE,
                      result.stderr)
        self.assertEqual(self.text(), self.original)

    def test_parseable_fixits_and_json(self):
        plain = self.run_nullproof()
        self.assertNotIn("fix-it:", plain.stdout)
        result = self.run_nullproof("--parseable-fixits")
        self.assertIn('fix-it:"%s":{28:1-28:1}:"    if (copy == NULL) return NULL;\\n"\n' % CASE,
                      result.stdout)
        self.assertIn('fix-it:"%s":{41:1-41:1}:"\\tif (home == NULL) return 0;\\n"\n' % CASE,
                      result.stdout)
        # as clang prints them: right after the warning's caret line, before its notes
        self.assertRegex(result.stdout, r"\[unchecked-alloc\]\n    strcpy\(copy, text\);.*\n"
                                        r"    \^\nfix-it:")
        self.assertEqual(len(re.findall(r"^fix-it:", result.stdout, re.MULTILINE)), 8)
        # --suggest none drops the advice, not the fix-its
        quiet = self.run_nullproof("--parseable-fixits", "--suggest", "none")
        self.assertEqual(len(re.findall(r"^fix-it:", quiet.stdout, re.MULTILINE)), 8)
        self.assertNotIn("add a NULL check", quiet.stdout)
        self.assertIn("add a NULL check", result.stdout)

        report = json.loads(self.run_nullproof("--format", "json").stdout)
        fixits = [fixit for finding in report["findings"] for fixit in finding["fixits"]]
        self.assertEqual(len(fixits), 8)
        self.assertIn({"file": CASE, "line": 73, "column": 1, "end_line": 73,
                       "end_column": 1, "replacement": "    if (header == NULL) goto fail;\n"},
                      fixits)

    def test_suggest_levels(self):
        fix = self.run_nullproof().stdout
        full = self.run_nullproof("--suggest", "full").stdout
        none = self.run_nullproof("--suggest=none").stdout
        self.assertIn("or make absence part of the type: have user_find() return an Option, "
                      "'user_opt'", fix)
        self.assertIn("'NP_OPTION_DECLARE(user_opt, struct user *)' makes 'typedef struct { "
                      "bool some; struct user *value; } user_opt;'", full)
        self.assertIn("return it: 'user_opt user_find(struct user *users, int count, "
                      "const char *name)'", full)
        self.assertNotIn("NP_OPTION_DECLARE(user_opt", fix)
        self.assertNotIn("NP_", none)
        self.assertEqual(WARNING_RE.findall(fix), WARNING_RE.findall(none))
        self.assertEqual(WARNING_RE.findall(fix), WARNING_RE.findall(full))


def main():
    global BINARY, SOURCE_DIR
    if len(sys.argv) < 3:
        sys.exit("usage: test_fix.py NULLPROOF_BINARY SOURCE_DIR")
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    if not shutil.which("git"):
        print("skipped: git is not installed")
        sys.exit(demo_project.SKIP)
    unittest.main(argv=sys.argv[:1] + sys.argv[3:], verbosity=2)


if __name__ == "__main__":
    main()

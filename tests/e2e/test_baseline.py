#!/usr/bin/env python3
"""End-to-end tests of baselines: --write-baseline records the findings,
--baseline hides them in later runs even when the code moved, reports
findings that are new (a renamed variable makes a new one), and lists
entries that match nothing any more under --verbose.

Usage: test_baseline.py NULLPROOF_BINARY SOURCE_DIR
"""
import json
import os
import re
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demo_project  # noqa: E402

BINARY = None
SOURCE_DIR = None

LEGACY = """#include <stdlib.h>
#include <string.h>

char *copy_name(const char *name)
{
    char *copy = malloc(strlen(name) + 1);
    strcpy(copy, name);
    return copy;
}

void fill(void)
{
    char *p = malloc(10);
    p[0] = 0;
    free(p);
}
"""

MOVED = """/* A header comment added above everything,
 * which moves every line down. */
#include <stdlib.h>
#include <string.h>

int unrelated(int x)
{
    return x * 2;
}

char *copy_name(const char *name)
{
    char *copy = malloc(strlen(name) + 1);
    strcpy(copy, name);
    return copy;
}

void fill(void)
{
    char *p = malloc(10);
    p[0] = 0;
    free(p);
}
"""

WARNING = re.compile(r"^(\S+):(\d+):\d+: warning: .* \[([a-z-]+)\]$", re.MULTILINE)


class BaselineTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="nullproof-baseline-")

    def tearDown(self):
        shutil.rmtree(self.directory)

    def write(self, name, content):
        with open(os.path.join(self.directory, name), "w") as stream:
            stream.write(content)

    def run_nullproof(self, *arguments):
        return demo_project.run(BINARY, list(arguments), self.directory)

    def findings(self, result):
        return [(match.group(1), int(match.group(2)), match.group(3))
                for match in WARNING.finditer(result.stdout)]

    def write_baseline(self):
        self.write("legacy.c", LEGACY)
        result = self.run_nullproof("--write-baseline", "base.json", "legacy.c")
        self.assertEqual(result.status, 0, repr(result))
        self.assertEqual(result.stdout, "")
        self.assertIn("nullproof: wrote 2 findings to the baseline base.json\n", result.stderr)
        return result

    def test_written_file(self):
        self.write_baseline()
        with open(os.path.join(self.directory, "base.json")) as stream:
            baseline = json.load(stream)
        self.assertEqual(baseline["nullproof_baseline"], 1)
        entries = baseline["entries"]
        self.assertEqual([(entry["file"], entry["line"], entry["rule"], entry["function"])
                          for entry in entries],
                         [("legacy.c", 7, "unchecked-alloc", "copy_name"),
                          ("legacy.c", 14, "unchecked-alloc", "fill")])
        for entry in entries:
            self.assertRegex(entry["fingerprint"], r"^[0-9a-f]{16}$")
        # The same fingerprints as --format json.
        result = self.run_nullproof("--format", "json", "legacy.c")
        fingerprints = [finding["fingerprint"] for finding in json.loads(result.stdout)["findings"]]
        self.assertEqual(fingerprints, [entry["fingerprint"] for entry in entries])

    def test_unchanged_code_is_quiet(self):
        self.write_baseline()
        result = self.run_nullproof("--baseline", "base.json", "legacy.c")
        self.assertEqual(result.status, 0, repr(result))
        self.assertEqual(result.stdout, "")
        self.assertIn("nullproof: 2 findings hidden by the baseline base.json\n", result.stderr)
        result = self.run_nullproof("--quiet", "--baseline", "base.json", "legacy.c")
        self.assertEqual(result.stderr, "")

    def test_moved_code_stays_matched(self):
        self.write_baseline()
        self.write("legacy.c", MOVED)
        result = self.run_nullproof("--baseline", "base.json", "legacy.c")
        self.assertEqual(result.status, 0, repr(result))
        self.assertEqual(self.findings(result), [])
        self.assertIn("2 findings hidden by the baseline", result.stderr)
        # Without the baseline both are there, on other lines.
        result = self.run_nullproof("legacy.c")
        self.assertEqual(self.findings(result), [("legacy.c", 14, "unchecked-alloc"),
                                                 ("legacy.c", 21, "unchecked-alloc")])

    def test_renamed_variable_is_a_new_finding(self):
        self.write_baseline()
        self.write("legacy.c", LEGACY.replace("char *p =", "char *buffer =")
                   .replace("p[0] = 0;", "buffer[0] = 0;").replace("free(p);", "free(buffer);"))
        result = self.run_nullproof("--baseline", "base.json", "legacy.c")
        self.assertEqual(result.status, 1, repr(result))
        self.assertEqual(self.findings(result), [("legacy.c", 14, "unchecked-alloc")])
        self.assertIn("'buffer' may be NULL", result.stdout)
        self.assertIn("1 finding hidden by the baseline base.json; 1 stale entry "
                      "(--verbose lists them)", result.stderr)
        result = self.run_nullproof("--verbose", "--baseline", "base.json", "legacy.c")
        self.assertRegex(result.stderr, r"nullproof: stale baseline entry \(no longer found\): "
                                        r"legacy.c:14: 'p' may be NULL and is indexed "
                                        r"\[unchecked-alloc\] \(fingerprint [0-9a-f]{16}\)")

    def test_deleted_finding_is_a_stale_entry(self):
        self.write_baseline()
        self.write("legacy.c", LEGACY.replace("    p[0] = 0;\n",
                                              "    if (p == NULL)\n        return;\n"
                                              "    p[0] = 0;\n"))
        result = self.run_nullproof("--baseline", "base.json", "legacy.c")
        self.assertEqual(result.status, 0, repr(result))
        self.assertIn("1 finding hidden by the baseline base.json; 1 stale entry",
                      result.stderr)
        self.assertNotIn("stale baseline entry (no longer found)", result.stderr)
        result = self.run_nullproof("--verbose", "--baseline", "base.json", "legacy.c")
        self.assertIn("nullproof: stale baseline entry (no longer found): legacy.c:14: 'p' may "
                      "be NULL and is indexed [unchecked-alloc]", result.stderr)

    def test_entries_of_files_not_analysed_are_not_stale(self):
        self.write_baseline()
        self.write("other.c", "int other(void)\n{\n    return 1;\n}\n")
        result = self.run_nullproof("--verbose", "--baseline", "base.json", "other.c")
        self.assertEqual(result.status, 0, repr(result))
        self.assertNotIn("stale", result.stderr)
        self.assertIn("0 findings hidden by the baseline base.json\n", result.stderr)

    def test_new_finding_with_json(self):
        self.write_baseline()
        self.write("legacy.c", LEGACY + "\nvoid more(void)\n{\n    int *q = calloc(4, 4);\n"
                                        "    *q = 1;\n    free(q);\n}\n")
        result = self.run_nullproof("--format", "json", "--baseline", "base.json", "legacy.c")
        self.assertEqual(result.status, 1, repr(result))
        findings = json.loads(result.stdout)["findings"]
        self.assertEqual([(finding["function"], finding["line"]) for finding in findings],
                         [("more", 21)])
        self.assertEqual(json.loads(result.stdout)["exit_status"], 1)

    def test_bad_baseline_stops_the_run(self):
        self.write("legacy.c", LEGACY)
        self.write("bad.json", "[1, 2, 3]")
        for path, message in [("missing.json", "cannot read baseline missing.json"),
                              ("bad.json", "bad.json is not a nullproof baseline")]:
            with self.subTest(path=path):
                result = self.run_nullproof("--baseline", path, "legacy.c")
                self.assertEqual(result.status, 2, repr(result))
                self.assertIn("nullproof: error: " + message, result.stderr)
                self.assertEqual(result.stdout, "")
        result = self.run_nullproof("--write-baseline", "no/such/dir/base.json", "legacy.c")
        self.assertEqual(result.status, 2, repr(result))
        self.assertIn("nullproof: error: cannot write baseline no/such/dir/base.json",
                      result.stderr)

    def test_demo_baseline_round_trip(self):
        database = demo_project.write_demo_database(SOURCE_DIR, os.path.join(self.directory,
                                                                             "db"))
        baseline = os.path.join(self.directory, "demo-baseline.json")
        result = demo_project.run(BINARY, ["--write-baseline", baseline, "-p", database],
                                  SOURCE_DIR)
        self.assertEqual(result.status, 0, repr(result))
        self.assertIn("wrote 9 findings", result.stderr)
        result = demo_project.run(BINARY, ["--baseline", baseline, "-p", database], SOURCE_DIR)
        self.assertEqual(result.status, 0, repr(result))
        self.assertIn("9 findings hidden by the baseline", result.stderr)


def main():
    global BINARY, SOURCE_DIR
    if len(sys.argv) < 3:
        sys.exit("usage: test_baseline.py NULLPROOF_BINARY SOURCE_DIR")
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""End-to-end tests of the nullproof command line: exit status, messages for
bad input, compile databases, parallel runs, rule selection and output options.

Usage: test_cli.py NULLPROOF_BINARY SOURCE_DIR
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
from demo_project import Result  # noqa: E402  (the shared e2e helpers)

BINARY = None
SOURCE_DIR = None

FLAGGED = """#include <stdlib.h>

void fill(void)
{
    char *p = malloc(10);
    p[0] = 0;
    free(p);
}
"""
FLAGGED_LINE = 6

CLEAN = """#include <stdlib.h>

int fill(void)
{
    char *p = malloc(10);
    if (!p)
        return -1;
    p[0] = 0;
    free(p);
    return 0;
}
"""

SUMMARY = re.compile(
    r"^nullproof: (\d+) findings? in (\d+) files?, (\d+) translation units?, \d+\.\d\d s$",
    re.MULTILINE)
def rules_from_table(source_dir):
    """The rule ids of src/checks/rule_table.h, the one list of rules."""
    with open(os.path.join(source_dir, "src", "checks", "rule_table.h")) as table:
        return re.findall(r'^RULE\(\w+, "([a-z0-9-]+)"', table.read(), re.MULTILINE)


def finding_pattern(path, line, rule):
    return re.compile(r"^%s:%d:\d+: warning: .* \[%s\]$" % (re.escape(path), line,
                                                            re.escape(rule)), re.MULTILINE)


class CliTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="nullproof-e2e-")

    def tearDown(self):
        for root, directories, _ in os.walk(self.directory):
            for name in directories:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(self.directory)

    def write(self, name, content, mode="w"):
        path = os.path.join(self.directory, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, mode) as stream:
            stream.write(content)
        return path

    def run_nullproof(self, *arguments, cwd=None, environment=None):
        env = dict(os.environ)
        env.pop("NO_COLOR", None)
        env.update(environment or {})
        completed = subprocess.run([BINARY] + list(arguments), cwd=cwd or self.directory,
                                   capture_output=True, text=True, env=env, timeout=600,
                                   errors="replace")
        result = Result(completed)
        self.assertGreaterEqual(result.status, 0, "killed by a signal: %r" % result)
        self.assertNotIn("Sanitizer", result.stderr, repr(result))
        self.assertNotIn("runtime error", result.stderr, repr(result))
        return result

    def assertStatus(self, result, status):
        self.assertEqual(result.status, status, repr(result))

    def assertSummary(self, result, findings, files, units):
        match = SUMMARY.search(result.stderr)
        self.assertIsNotNone(match, repr(result))
        self.assertEqual((int(match.group(1)), int(match.group(2)), int(match.group(3))),
                         (findings, files, units), repr(result))

    # --- exit status -----------------------------------------------------

    def test_clean_file_exits_zero(self):
        self.write("clean.c", CLEAN)
        result = self.run_nullproof("clean.c")
        self.assertStatus(result, 0)
        self.assertEqual(result.stdout, "")
        self.assertSummary(result, 0, 0, 1)

    def test_finding_exits_one_with_clang_style_output(self):
        self.write("flagged.c", FLAGGED)
        result = self.run_nullproof("flagged.c")
        self.assertStatus(result, 1)
        self.assertRegex(result.stdout, finding_pattern("flagged.c", FLAGGED_LINE,
                                                        "unchecked-alloc"))
        lines = result.stdout.splitlines()
        self.assertEqual(lines[1], "    p[0] = 0;")
        self.assertRegex(lines[2], r"^ *\^$")
        self.assertRegex(result.stdout, re.compile(r"^flagged.c:\d+:\d+: note: ", re.MULTILINE))
        self.assertNotIn("\x1b[", result.stdout)
        self.assertSummary(result, 1, 1, 1)

    def test_exit_zero(self):
        self.write("flagged.c", FLAGGED)
        result = self.run_nullproof("--exit-zero", "flagged.c")
        self.assertStatus(result, 0)
        self.assertRegex(result.stdout, finding_pattern("flagged.c", FLAGGED_LINE,
                                                        "unchecked-alloc"))

    def test_exit_zero_keeps_errors(self):
        self.write("flagged.c", FLAGGED)
        result = self.run_nullproof("--exit-zero", "flagged.c", "missing.c")
        self.assertStatus(result, 2)
        self.assertIn("nullproof: error: no such file or directory: missing.c", result.stderr)

    def test_quiet_and_verbose(self):
        self.write("clean.c", CLEAN)
        result = self.run_nullproof("--quiet", "clean.c")
        self.assertStatus(result, 0)
        self.assertEqual(result.stderr, "")
        result = self.run_nullproof("--verbose", "clean.c")
        self.assertIn("nullproof: clean.c: no compile command, using: -std=gnu11", result.stderr)
        result = self.run_nullproof("--verbose", "clean.c", "--", "-std=c11", "-DX=1")
        self.assertIn("nullproof: clean.c: no compile command, using: -std=c11 -DX=1",
                      result.stderr)

    # --- usage errors ----------------------------------------------------

    def test_usage_errors(self):
        self.write("clean.c", CLEAN)
        cases = [
            (["--frobnicate", "clean.c"], "unknown option '--frobnicate'"),
            ([], "no input files"),
            (["-j", "zero", "clean.c"], "-j expects a number"),
            (["--format", "xml", "clean.c"], "unknown format 'xml' (available: text"),
            (["--color", "pink", "clean.c"], "--color expects auto, always or never"),
            (["-p"], "-p expects a value"),
            (["--enable", "no-such-rule", "clean.c"], "unknown rule 'no-such-rule'"),
            (["--disable=unchecked-alloc,bogus", "clean.c"], "unknown rule 'bogus'"),
        ]
        for arguments, message in cases:
            with self.subTest(arguments=arguments):
                result = self.run_nullproof(*arguments)
                self.assertStatus(result, 2)
                self.assertIn("nullproof: error: ", result.stderr)
                self.assertIn(message, result.stderr)
                self.assertEqual(result.stdout, "")

    # --- bad inputs: each an error, the others still analysed -------------

    def test_missing_path(self):
        self.write("flagged.c", FLAGGED)
        result = self.run_nullproof("nope.c", "flagged.c", "nodir/")
        self.assertStatus(result, 2)
        self.assertIn("nullproof: error: no such file or directory: nope.c\n", result.stderr)
        self.assertIn("nullproof: error: no such file or directory: nodir/\n", result.stderr)
        self.assertRegex(result.stdout, finding_pattern("flagged.c", FLAGGED_LINE,
                                                        "unchecked-alloc"))

    @unittest.skipIf(os.geteuid() == 0, "root reads every file")
    def test_unreadable_file(self):
        path = self.write("secret.c", CLEAN)
        os.chmod(path, 0)
        self.write("flagged.c", FLAGGED)
        result = self.run_nullproof("secret.c", "flagged.c")
        self.assertStatus(result, 2)
        self.assertIn("nullproof: error: cannot read secret.c: permission denied",
                      result.stderr)
        self.assertIn("[unchecked-alloc]", result.stdout)

    @unittest.skipIf(os.geteuid() == 0, "root reads every directory")
    def test_unreadable_directory(self):
        self.write("locked/a.c", CLEAN)
        os.chmod(os.path.join(self.directory, "locked"), 0)
        result = self.run_nullproof("locked")
        self.assertStatus(result, 2)
        self.assertIn("nullproof: error: cannot read locked: permission denied", result.stderr)

    def test_directory_without_c_files(self):
        self.write("docs/readme.txt", "hello\n")
        self.write("docs/api.h", "int f(void);\n")
        self.write("flagged.c", FLAGGED)
        result = self.run_nullproof("docs", "flagged.c")
        self.assertStatus(result, 2)
        self.assertIn("nullproof: error: no C source files under docs\n", result.stderr)
        self.assertIn("[unchecked-alloc]", result.stdout)

    def test_binary_and_non_c_files(self):
        self.write("blob.c", b"\x7fELF\x00\x01\x02", mode="wb")
        self.write("notes.txt", "int x;\n")
        self.write("clean.c", CLEAN)
        result = self.run_nullproof("blob.c", "notes.txt", "clean.c")
        self.assertStatus(result, 2)
        self.assertIn("nullproof: error: blob.c: binary file, not C source\n", result.stderr)
        self.assertIn("nullproof: error: notes.txt: not a C source file (expected .c)\n",
                      result.stderr)
        self.assertSummary(result, 0, 0, 1)

    def test_empty_file_is_fine(self):
        self.write("empty.c", "")
        result = self.run_nullproof("empty.c")
        self.assertStatus(result, 0)
        self.assertEqual(result.stdout, "")
        self.assertSummary(result, 0, 0, 1)

    def test_header_named_explicitly_is_skipped(self):
        self.write("api.h", "int f(void);\n")
        self.write("clean.c", CLEAN)
        result = self.run_nullproof("--verbose", "api.h", "clean.c")
        self.assertStatus(result, 0)
        self.assertIn("nullproof: api.h: header skipped", result.stderr)

    def test_parse_errors_are_reported_and_others_analysed(self):
        self.write("broken.c", "int f(void)\n{\n    return undeclared_name;\n}\n")
        self.write("flagged.c", FLAGGED)
        result = self.run_nullproof("broken.c", "flagged.c")
        self.assertStatus(result, 2)
        self.assertRegex(result.stdout, re.compile(
            r"^broken.c:3:12: error: use of undeclared identifier 'undeclared_name'$",
            re.MULTILINE))
        self.assertNotIn("[clang-diagnostic]", result.stdout)
        self.assertRegex(result.stdout, finding_pattern("flagged.c", FLAGGED_LINE,
                                                        "unchecked-alloc"))

    def test_missing_include_is_an_error(self):
        self.write("needs.c", '#include "nowhere.h"\nint x;\n')
        result = self.run_nullproof("needs.c")
        self.assertStatus(result, 2)
        self.assertIn("'nowhere.h' file not found", result.stdout)

    # --- compile databases ----------------------------------------------

    def make_project(self, database_folder="build"):
        """A project that parses only with its compile command (-I, -D)."""
        self.write("proj/include/config.h",
                   "#ifndef CONFIG_H\n#define CONFIG_H\ntypedef struct { char *name; } item;\n"
                   "#endif\n")
        self.write("proj/src/main.c",
                   '#include <stdlib.h>\n#include "config.h"\n'
                   "#ifndef PROJECT_MODE\n#error PROJECT_MODE must be defined\n#endif\n"
                   "item *make(void)\n{\n    item *it = malloc(sizeof *it);\n"
                   "    it->name = NULL;\n    return it;\n}\n")
        project = os.path.join(self.directory, "proj")
        entries = [{
            "directory": project,
            "arguments": ["cc", "-Iinclude", "-DPROJECT_MODE=2", "-MD", "-MF", "main.d", "-c",
                          "src/main.c", "-o", "main.o"],
            "file": "src/main.c",
        }]
        folder = os.path.join(project, database_folder) if database_folder else project
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "compile_commands.json"), "w") as stream:
            json.dump(entries, stream)
        return project

    def test_database_with_p(self):
        project = self.make_project()
        main = os.path.join(project, "src", "main.c")
        result = self.run_nullproof("-p", "proj/build")
        self.assertStatus(result, 1)
        # Files listed by the database are shown as it names them: absolute.
        self.assertRegex(result.stdout, finding_pattern(main, 9, "unchecked-alloc"))
        self.assertNotIn("error:", result.stdout)
        self.assertFalse(os.path.exists(os.path.join(project, "main.d")),
                         "the depfile flags must not reach libclang")
        result = self.run_nullproof("-p", "proj/build/compile_commands.json", "--verbose",
                                    "proj/src/main.c")
        self.assertStatus(result, 1)
        self.assertRegex(result.stdout, finding_pattern("proj/src/main.c", 9,
                                                        "unchecked-alloc"))
        self.assertIn("nullproof: proj/src/main.c: using compile_commands.json from", result.stderr)
        # Without its compile command the file does not parse.
        shutil.copy(main, os.path.join(self.directory, "main.c"))
        result = self.run_nullproof("main.c")
        self.assertStatus(result, 2)
        self.assertIn("'config.h' file not found", result.stdout)

    def test_database_found_upward_and_in_build(self):
        for folder in ["", "build"]:
            with self.subTest(folder=folder or "."):
                shutil.rmtree(os.path.join(self.directory, "proj"), ignore_errors=True)
                self.make_project(folder)
                result = self.run_nullproof("--verbose", "src/main.c",
                                            cwd=os.path.join(self.directory, "proj"))
                self.assertStatus(result, 1)
                self.assertRegex(result.stdout, finding_pattern("src/main.c", 9,
                                                                "unchecked-alloc"))
                self.assertIn("nullproof: src/main.c: using compile_commands.json from",
                              result.stderr)
                # From elsewhere, by a path into the project.
                result = self.run_nullproof("proj/src")
                self.assertStatus(result, 1)
                self.assertRegex(result.stdout, finding_pattern("proj/src/main.c", 9,
                                                                "unchecked-alloc"))

    def test_file_missing_from_database_uses_fallback(self):
        self.make_project()
        self.write("proj/src/extra.c", FLAGGED)
        result = self.run_nullproof("--verbose", "proj/src/extra.c")
        self.assertStatus(result, 1)
        self.assertIn("nullproof: proj/src/extra.c: no compile command, using: -std=gnu11",
                      result.stderr)

    def test_malformed_and_empty_databases(self):
        self.write("clean.c", CLEAN)
        for content in ["{ this is not json", "", "[]"]:
            with self.subTest(content=content):
                self.write("db/compile_commands.json", content)
                result = self.run_nullproof("-p", "db")
                self.assertStatus(result, 2)
                self.assertIn("nullproof: error: ", result.stderr)
                self.assertIn("compile_commands.json", result.stderr)
        result = self.run_nullproof("-p", "no-such-dir", "clean.c")
        self.assertStatus(result, 2)
        self.assertIn("nullproof: error: ", result.stderr)

    def test_malformed_database_found_upward(self):
        self.write("proj/compile_commands.json", "[{")
        self.write("proj/src/flagged.c", FLAGGED)
        result = self.run_nullproof("proj/src/flagged.c")
        self.assertStatus(result, 2)
        self.assertIn("nullproof: error: ", result.stderr)
        self.assertIn("[unchecked-alloc]", result.stdout)

    def test_database_entry_whose_file_is_gone(self):
        project = self.make_project()
        self.write("proj/src/flagged.c", FLAGGED)
        with open(os.path.join(project, "build", "compile_commands.json")) as stream:
            entries = json.load(stream)
        entries.append({"directory": project, "arguments": ["cc", "-c", "src/gone.c"],
                        "file": "src/gone.c"})
        entries.append({"directory": project, "arguments": ["cc", "-c", "src/flagged.c"],
                        "file": "src/flagged.c"})
        with open(os.path.join(project, "build", "compile_commands.json"), "w") as stream:
            json.dump(entries, stream)
        result = self.run_nullproof("-p", "proj/build")
        self.assertStatus(result, 2)
        gone = os.path.join(project, "src", "gone.c")
        self.assertIn("nullproof: error: %s: listed in " % gone, result.stderr)
        self.assertIn("compile_commands.json but missing", result.stderr)
        self.assertRegex(result.stdout, finding_pattern(os.path.join(project, "src", "flagged.c"),
                                                        FLAGGED_LINE, "unchecked-alloc"))
        self.assertSummary(result, 2, 2, 2)

    # --- parallel runs ---------------------------------------------------

    def test_output_identical_whatever_the_job_count(self):
        self.write("many/shared.h",
                   "#include <stdlib.h>\nstatic inline void shared_fill(void)\n{\n"
                   "    char *q = malloc(4);\n    q[1] = 2;\n    free(q);\n}\n")
        for index in range(12):
            body = FLAGGED if index % 3 else CLEAN
            self.write("many/unit%02d.c" % index, '#include "shared.h"\n' + body)
        outputs = []
        for jobs in ["1", "4", "2"]:
            result = self.run_nullproof("-j", jobs, "many")
            self.assertStatus(result, 1)
            outputs.append(result.stdout)
        self.assertEqual(outputs[0], outputs[1])
        self.assertEqual(outputs[0], outputs[2])
        # The header's finding, seen from twelve units, is reported once.
        header = finding_pattern("many/shared.h", 5, "unchecked-alloc")
        self.assertEqual(len(header.findall(outputs[0])), 1, outputs[0])
        self.assertEqual(len(re.findall(r"warning: .*\[unchecked-alloc\]", outputs[0])), 9)
        # Sorted: by file, then line.
        files = re.findall(r"^(many/[^:]+):\d+:\d+: warning", outputs[0], re.MULTILINE)
        self.assertEqual(files, sorted(files))

    # --- information -----------------------------------------------------

    def test_one_finding_per_root_cause(self):
        path = os.path.join(self.directory, "twice.c")
        with open(path, "w") as stream:
            stream.write("#include <stdlib.h>\n"
                         "int pick(int binary)\n"
                         "{\n"
                         "    char *text = malloc(8);\n"
                         "    int byte = binary ? text[0] : text[1];\n"
                         "    free(text);\n"
                         "    return byte;\n"
                         "}\n")
        grouped = self.run_nullproof("--color", "never", path)
        self.assertStatus(grouped, 1)
        self.assertEqual(grouped.stdout.count("warning:"), 1, grouped.stdout)
        self.assertIn("note: the same NULL 'text' may reach this use too", grouped.stdout)
        every = self.run_nullproof("--color", "never", "--all-uses", path)
        self.assertStatus(every, 1)
        self.assertEqual(every.stdout.count("warning:"), 2, every.stdout)
        self.assertNotIn("the same NULL", every.stdout)

    def test_list_rules(self):
        result = self.run_nullproof("--list-rules")
        self.assertStatus(result, 0)
        listed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
        rules = rules_from_table(SOURCE_DIR)
        self.assertEqual(listed, rules)
        summaries = dict(line.split(None, 1) for line in result.stdout.splitlines()
                         if line.strip())
        with open(os.path.join(SOURCE_DIR, "README.md")) as readme:
            table = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (.*) \|$", readme.read(),
                                    re.MULTILINE))
        for rule in rules:  # every rule has its page and its README row, saying the same
            page = os.path.join(SOURCE_DIR, "docs", "rules", rule + ".md")
            with open(page) as text:
                self.assertEqual(text.read().split("\n")[2], summaries[rule].strip(), page)
            self.assertEqual(table.get(rule), summaries[rule].strip(), "README: " + rule)
        for line in result.stdout.splitlines():
            self.assertGreater(len(line.split(None, 1)[1]), 10, line)

    def test_version_and_help(self):
        result = self.run_nullproof("--version")
        self.assertStatus(result, 0)
        self.assertRegex(result.stdout, r"^nullproof version \d+\.\d+\.\d+\n")
        self.assertRegex(result.stdout, r"libclang|clang version")
        result = self.run_nullproof("--help")
        self.assertStatus(result, 0)
        self.assertTrue(result.stdout.startswith("Usage: nullproof [options] [PATH...]"))
        for flag in ["-p DIR", "-j N", "--format", "-o FILE", "--color", "--enable", "--disable",
                     "--list-rules", "--exit-zero", "--quiet", "--verbose", "--version"]:
            self.assertIn(flag, result.stdout)

    def test_documented_release_is_this_version(self):
        # docs/ci.md tells pre-commit users which release to pin; it must be
        # the version this tree builds (tagged v<version> when released).
        result = self.run_nullproof("--version")
        version = re.match(r"nullproof version (\S+)", result.stdout).group(1)
        with open(os.path.join(SOURCE_DIR, "docs", "ci.md")) as page:
            pins = re.findall(r"^\s*rev: (\S+)", page.read(), re.M)
        self.assertTrue(pins, "docs/ci.md pins no rev")
        for pin in pins:
            self.assertEqual(pin, "v" + version)

    # --- rule selection ----------------------------------------------------

    def test_enable_and_disable(self):
        self.write("flagged.c", FLAGGED)
        self.assertStatus(self.run_nullproof("--disable", "unchecked-alloc", "flagged.c"), 0)
        self.assertStatus(self.run_nullproof("--disable=null-deref", "flagged.c"), 1)
        self.assertStatus(self.run_nullproof("--enable", "null-deref", "flagged.c"), 0)
        self.assertStatus(self.run_nullproof("--enable=null-deref,unchecked-alloc",
                                             "flagged.c"), 1)
        result = self.run_nullproof("--enable", "unchecked-alloc", "--disable",
                                    "unchecked-alloc", "flagged.c")
        self.assertStatus(result, 0)
        self.assertEqual(result.stdout, "")

    # --- output options --------------------------------------------------

    def test_output_file(self):
        self.write("flagged.c", FLAGGED)
        result = self.run_nullproof("-o", "report.txt", "flagged.c")
        self.assertStatus(result, 1)
        self.assertEqual(result.stdout, "")
        with open(os.path.join(self.directory, "report.txt")) as stream:
            report = stream.read()
        self.assertRegex(report, finding_pattern("flagged.c", FLAGGED_LINE, "unchecked-alloc"))
        self.assertNotIn("\x1b[", report)
        result = self.run_nullproof("-o", "no/such/dir/report.txt", "flagged.c")
        self.assertStatus(result, 2)
        self.assertIn("nullproof: error: cannot write no/such/dir/report.txt", result.stderr)

    def test_color(self):
        self.write("flagged.c", FLAGGED)
        result = self.run_nullproof("--color", "always", "flagged.c")
        self.assertStatus(result, 1)
        self.assertIn("\x1b[0;1;35mwarning: \x1b[0m", result.stdout)
        self.assertIn("\x1b[0;1;32m^\x1b[0m", result.stdout)
        result = self.run_nullproof("--color=never", "flagged.c")
        self.assertNotIn("\x1b[", result.stdout)
        result = self.run_nullproof("--color", "auto", "flagged.c")  # a pipe, not a terminal
        self.assertNotIn("\x1b[", result.stdout)
        result = self.run_nullproof("--color=always", "flagged.c",
                                    environment={"NO_COLOR": "1"})
        self.assertIn("\x1b[", result.stdout)

    def test_dump_ir(self):
        self.write("flagged.c", FLAGGED)
        result = self.run_nullproof("--dump-ir", "flagged.c")
        self.assertStatus(result, 0)
        self.assertIn("fill", result.stdout)
        self.assertNotIn("[unchecked-alloc]", result.stdout)


def main():
    global BINARY, SOURCE_DIR
    if len(sys.argv) < 3:
        sys.exit("usage: test_cli.py NULLPROOF_BINARY SOURCE_DIR")
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""End-to-end robustness tests: inputs that are large, deep or odd must give an
answer (findings, no findings or a clear error), never a crash or a hang.

Usage: test_robustness.py NULLPROOF_BINARY SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

BINARY = None


class RobustnessTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="nullproof-robust-")

    def tearDown(self):
        shutil.rmtree(self.directory)

    def write(self, name, content, mode="w"):
        path = os.path.join(self.directory, name)
        with open(path, mode) as stream:
            stream.write(content)
        return path

    def run_nullproof(self, *arguments, timeout=600, environment=None):
        completed = subprocess.run([BINARY, "--color=never"] + list(arguments),
                                   cwd=self.directory, capture_output=True, text=True,
                                   errors="replace", timeout=timeout,
                                   env=dict(os.environ, **(environment or {})))
        description = "status %d\n--- stdout\n%s--- stderr\n%s" % (
            completed.returncode, completed.stdout[-4000:], completed.stderr[-4000:])
        self.assertGreaterEqual(completed.returncode, 0, "killed by a signal: " + description)
        self.assertIn(completed.returncode, (0, 1, 2), description)
        self.assertNotIn("Sanitizer", completed.stderr, description)
        self.assertNotIn("runtime error", completed.stderr, description)
        return completed, description

    def test_hundred_thousand_lines(self):
        parts = ["#include <stdlib.h>\n"]
        lines = 1
        index = 0
        while lines < 99990:
            parts.append("int function_%d(int *values, int count)\n{\n    int total = 0;\n"
                         "    for (int i = 0; i < count; i++)\n        total += values[i];\n"
                         "    if (total > %d)\n        return -1;\n    return total;\n}\n\n"
                         % (index, index))
            lines += 10
            index += 1
        parts.append("void last(void)\n{\n    char *p = malloc(8);\n    p[0] = 1;\n"
                     "    free(p);\n}\n")
        expected_line = lines + 4
        self.write("huge.c", "".join(parts))
        started = time.monotonic()
        completed, description = self.run_nullproof("huge.c")
        elapsed = time.monotonic() - started
        self.assertEqual(completed.returncode, 1, description)
        self.assertRegex(completed.stdout, re.compile(
            r"^huge.c:%d:\d+: warning: .*\[unchecked-alloc\]$" % expected_line, re.MULTILINE))
        self.assertEqual(len(re.findall(r": warning: ", completed.stdout)), 1, description)
        print("100,000 lines: %.1f s" % elapsed, file=sys.stderr)

    def test_one_huge_function(self):
        body = "".join("    total += values[%d] * %d;\n" % (i % 7, i) for i in range(20000))
        self.write("long_function.c",
                   "int sum(const int *values)\n{\n    int total = 0;\n" + body +
                   "    return total;\n}\n")
        completed, description = self.run_nullproof("long_function.c")
        self.assertEqual(completed.returncode, 0, description)

    def test_deeply_nested_expressions(self):
        chain = " + ".join(["x"] * 20000)
        parentheses = "(" * 200 + "x" + ")" * 200
        conditions = " && ".join("p[%d]" % (i % 5) for i in range(3000))
        # Brackets, braces and parentheses count towards clang's limit of 256.
        ternary = "".join("x > %d ? %d : " % (i, i) for i in range(2000)) + "x"
        members = "s" + "->next" * 500
        blocks = "".join("    if (x > %d) {\n" % i for i in range(250))
        blocks += "        x++;\n" + "    }\n" * 250
        source = ("struct node { struct node *next; int value; };\n"
                  "int chain(int x) { return %s; }\n"
                  "int parens(int x) { return %s; }\n"
                  "int all(int *p) { if (p && %s) return 1; return 0; }\n"
                  "int pick(int x) { return %s; }\n"
                  "int walk(struct node *s) { return s ? %s != 0 : 0; }\n"
                  "int nest(int x)\n{\n%s    return x;\n}\n"
                  % (chain, parentheses, conditions, ternary, members, blocks))
        self.write("deep.c", source)
        completed, description = self.run_nullproof("deep.c")
        self.assertIn(completed.returncode, (0, 1), description)
        self.assertNotIn("error:", completed.stdout, description)

    def test_nesting_beyond_clang_limit_is_an_error(self):
        self.write("too_deep.c", "int f(int x) { return %sx%s; }\n" % ("(" * 1000, ")" * 1000))
        completed, description = self.run_nullproof("too_deep.c")
        self.assertEqual(completed.returncode, 2, description)
        self.assertIn("error:", completed.stdout, description)

    def test_crlf_and_odd_bytes(self):
        source = ("#include <stdlib.h>\r\n/* caf\xe9 \xff */\r\nvoid f(void)\r\n{\r\n"
                  "    char *p = malloc(4);\r\n    p[0] = 0;\r\n    free(p);\r\n}\r\n")
        self.write("crlf.c", source.encode("latin-1"), mode="wb")
        completed, description = self.run_nullproof("crlf.c")
        self.assertEqual(completed.returncode, 1, description)
        self.assertNotIn("\r", completed.stdout)
        self.assertIn("\n    p[0] = 0;\n", completed.stdout)

    def test_no_trailing_newline_and_empty(self):
        self.write("tail.c", "int f(int *p) { return p ? *p : 0; }")
        self.write("empty.c", "")
        self.write("blank.c", "\n\n\n")
        completed, description = self.run_nullproof("tail.c", "empty.c", "blank.c")
        self.assertEqual(completed.returncode, 0, description)

    def test_garbage_text(self):
        self.write("garbage.c", "}{ ) int int ; ; ** -> (( @@@ \n#if\n" * 50)
        completed, description = self.run_nullproof("garbage.c")
        self.assertEqual(completed.returncode, 2, description)
        self.assertIn("garbage.c:1:", completed.stdout, description)

    def test_many_files_in_one_run(self):
        os.makedirs(os.path.join(self.directory, "many"))
        for index in range(60):
            self.write("many/file%02d.c" % index,
                       "#include <string.h>\nint length_%d(const char *s)\n{\n"
                       "    return s ? (int)strlen(s) : 0;\n}\n" % index)
        completed, description = self.run_nullproof("-j", "8", "many")
        self.assertEqual(completed.returncode, 0, description)
        self.assertRegex(completed.stderr, r"60 translation units")


    # --- never lose data: outputs that name inputs --------------------------

    def test_output_that_is_an_input_is_refused(self):
        source = "int main(void) { return 0; }\n"
        self.write("a.c", source)
        os.makedirs(os.path.join(self.directory, "tree"))
        self.write("tree/b.c", source)
        self.write("compile_commands.json", json.dumps([
            {"directory": self.directory, "file": "a.c", "arguments": ["cc", "-c", "a.c"]}]))
        for arguments in (["-o", "a.c", "a.c"], ["--write-baseline", "a.c", "a.c"],
                          ["--output=a.c", "a.c"], ["-o", "tree/b.c", "tree"],
                          ["-o", "a.c", "-p", "."],
                          ["-o", "compile_commands.json", "-p", "."]):
            with self.subTest(arguments=arguments):
                completed, description = self.run_nullproof(*arguments)
                self.assertEqual(completed.returncode, 2, description)
                self.assertIn("is an input", completed.stderr, description)
                self.assertIn("refusing to overwrite it", completed.stderr, description)
        for name in ("a.c", "tree/b.c"):
            with open(os.path.join(self.directory, name)) as stream:
                self.assertEqual(stream.read(), source, name)
        with open(os.path.join(self.directory, "compile_commands.json")) as stream:
            self.assertIn('"a.c"', stream.read())
        # a new file, or a device, is fine
        completed, description = self.run_nullproof("-o", "report.txt", "a.c")
        self.assertEqual(completed.returncode, 0, description)
        completed, description = self.run_nullproof("-o", "/dev/null", "a.c")
        self.assertEqual(completed.returncode, 0, description)

    def test_one_file_flag_given_twice_is_an_error(self):
        self.write("a.c", "int main(void) { return 0; }\n")
        for flag in ("-o", "--baseline", "--write-baseline", "-p"):
            with self.subTest(flag=flag):
                completed, description = self.run_nullproof(flag, "x.json", flag, "y.json",
                                                            "a.c")
                self.assertEqual(completed.returncode, 2, description)
                self.assertIn("given twice ('x.json' and 'y.json')", completed.stderr,
                              description)
        self.assertFalse(os.path.exists(os.path.join(self.directory, "x.json")))

    def test_directories_where_files_are_expected(self):
        self.write("a.c", "int main(void) { return 0; }\n")
        os.makedirs(os.path.join(self.directory, "dir", "compile_commands.json"))
        completed, description = self.run_nullproof("--baseline", "dir", "a.c")
        self.assertEqual(completed.returncode, 2, description)
        self.assertIn("cannot read baseline dir: a directory, not a file", completed.stderr,
                      description)
        completed, description = self.run_nullproof("-p", "dir", "a.c")
        self.assertEqual(completed.returncode, 2, description)
        self.assertIn("compile_commands.json: a directory, not a file", completed.stderr,
                      description)
        self.assertNotIn("line -1", completed.stderr, description)


    def test_errors_reach_stderr_whatever_the_output(self):
        self.write("broken.c", "int f(void) { return undefined_thing; }\n")
        for arguments in (["broken.c"], ["--format", "sarif", "-o", "out.sarif", "--exit-zero",
                                         "broken.c"],
                          ["--format", "json", "broken.c"],
                          ["--write-baseline", "base.json", "broken.c"]):
            with self.subTest(arguments=arguments):
                completed, description = self.run_nullproof(*arguments)
                self.assertEqual(completed.returncode, 2, description)
                # text on standard output carries them itself; any other output also
                # shows them on standard error
                shown = completed.stdout if arguments == ["broken.c"] else completed.stderr
                self.assertIn("broken.c:1:22: error: use of undeclared identifier", shown,
                              description)
                self.assertEqual(completed.stderr.count("error: use of undeclared"),
                                 0 if arguments == ["broken.c"] else 1, description)
                self.assertRegex(completed.stderr, r"nullproof: 0 findings in 0 files, "
                                 r"1 translation unit, 1 error, \d+\.\d\d s\n", description)


    def test_gcc_only_flags_are_left_out(self):
        self.write("f.c", "#include <stdlib.h>\n"
                          "void f(void) { char *p = malloc(4); p[0] = 0; free(p); }\n")
        gcc_flags = ["-fanalyzer", "-fno-allow-store-data-races", "-O2"]
        self.write("compile_commands.json", json.dumps([
            {"directory": self.directory, "file": "f.c",
             "arguments": ["gcc"] + gcc_flags + ["-c", "f.c"]}]))
        for arguments in (["--verbose", "-p", ".", "f.c"],
                          ["--verbose", "f.c", "--"] + gcc_flags,
                          ["--verbose", "f.c", "--", "gcc"] + gcc_flags + ["-c", "f.c", "-o",
                                                                          "f.o"]):
            with self.subTest(arguments=arguments):
                completed, description = self.run_nullproof(*arguments)
                self.assertEqual(completed.returncode, 1, description)  # the finding, no error
                self.assertIn("[unchecked-alloc]", completed.stdout, description)
                self.assertNotIn("error:", completed.stdout + completed.stderr, description)
                self.assertIn("left out the compiler argument '-fanalyzer'", completed.stderr,
                              description)
        completed, description = self.run_nullproof("-p", ".", "f.c")
        self.assertNotIn("left out", completed.stderr, description)  # only with --verbose


    def test_linked_sources_include_beside_the_link(self):
        # lsof's build links dialects/linux/*.c into the top folder and
        # compiles the links: `#include "lsof.h"` finds the top folder's
        # header, beside the name the compiler was given, not the target's
        os.makedirs(os.path.join(self.directory, "dialects", "linux"))
        self.write(os.path.join("dialects", "linux", "store.c"),
                   '#include "lsof.h"\n#include <stdlib.h>\n'
                   "void f(void) { char *p = malloc(SIZE); p[0] = 0; free(p); }\n")
        self.write("lsof.h", "#define SIZE 4\n")
        os.symlink(os.path.join("dialects", "linux", "store.c"),
                   os.path.join(self.directory, "store.c"))
        self.write("compile_commands.json", json.dumps([
            {"directory": self.directory, "file": "store.c",
             "arguments": ["cc", "-c", "-o", "store.o", "store.c"]}]))
        completed, description = self.run_nullproof("-p", ".")
        self.assertEqual(completed.returncode, 1, description)  # the finding, no error
        self.assertNotIn("error", completed.stdout + completed.stderr, description)
        # reported where the code is: the link's target
        self.assertRegex(completed.stdout, r"dialects/linux/store\.c:3:\d+: warning: .*"
                         r"\[unchecked-alloc\]", description)


    def test_gcc_only_machine_options_are_left_out(self):
        # dropbear builds with -mfunction-return=thunk, whose value clang's
        # driver refuses: no unit came out at all (libclang error 4)
        self.write("f.c", "#include <stdlib.h>\n"
                          "void f(void) { char *p = malloc(4); p[0] = 0; free(p); }\n")
        gcc_flags = ["-mindirect-branch=thunk", "-mfunction-return=thunk", "-m64"]
        completed, description = self.run_nullproof("--verbose", "f.c", "--", *gcc_flags)
        self.assertEqual(completed.returncode, 1, description)  # the finding, no error
        self.assertIn("[unchecked-alloc]", completed.stdout, description)
        self.assertNotIn("cannot parse", completed.stderr, description)
        self.assertIn("left out the compiler argument '-mfunction-return=thunk'",
                      completed.stderr, description)
        self.assertNotIn("'-m64'", completed.stderr, description)
        # nasm: libclang 14 refuses -ftrivial-auto-var-init=zero (an error
        # with no place in the source), which clang 16 takes
        completed, description = self.run_nullproof("f.c", "--",
                                                     "-ftrivial-auto-var-init=zero")
        self.assertEqual(completed.returncode, 1, description)
        self.assertIn("[unchecked-alloc]", completed.stdout, description)
        self.assertNotIn("error", completed.stdout + completed.stderr, description)


    def test_gcc_only_warning_options_print_nothing(self):
        # clang's driver warns on stderr of each -W option it does not know,
        # once per unit (gzip's -Wno-unsuffixed-float-constants)
        self.write("f.c", "int f(void) { return 0; }\n")
        completed, description = self.run_nullproof(
            "f.c", "--", "-Wno-unsuffixed-float-constants", "-Wlogical-op")
        self.assertEqual(completed.returncode, 0, description)
        self.assertNotIn("warning", completed.stderr, description)
        self.assertNotIn("unknown", completed.stderr, description)


    def test_deeply_nested_yaml_is_refused_at_once(self):
        # libyaml slows down with the square of the nesting: 100 KB of '['
        # once took 25 s. The test's own timeout is the bound, not a timing.
        self.write("a.c", "int main(void) { return 0; }\n")
        self.write("deep.yaml", "enable: " + "[" * 100000 + "\n")
        self.write("deep_pack.yaml", "pack: p\nentries: " + "[" * 100000 + "\n")
        for arguments in (["--config", "deep.yaml", "a.c"], ["--rules", "deep_pack.yaml", "a.c"]):
            with self.subTest(arguments=arguments):
                completed, description = self.run_nullproof(*arguments, timeout=60)
                self.assertEqual(completed.returncode, 2, description)
                self.assertIn("nested deeper than 64 levels", completed.stderr, description)


    def test_code_clang_accepts_does_not_crash_the_parse(self):
        # libclang 19 parses on a thread of its own with an 8 MiB stack, which
        # a 6000-arm else-if chain overflowed: nullproof parses on its worker.
        arms = ["    %sif (c == %d) y = %d;" % ("else " if i else "", i, i) for i in range(6000)]
        self.write("chain.c", "int f(int c)\n{\n    int y;\n" + "\n".join(arms) +
                   "\n    else y = -1;\n    return y;\n}\n")
        completed, description = self.run_nullproof("chain.c")
        self.assertEqual(completed.returncode, 0, description)
        self.assertIn("1 translation unit", completed.stderr, description)
        self.write("parens.c", "int f(int x) { return " + "(" * 1000 + "x" + ")" * 1000 +
                   "; }\n")
        completed, description = self.run_nullproof("parens.c", "--", "-fbracket-depth=100000")
        self.assertEqual(completed.returncode, 0, description)

    def test_a_unit_out_of_memory_fails_alone(self):
        # An allocation that fails while one unit is analysed fails that unit
        # with a message; the other units' findings stand, whole-program or
        # not, on one worker or two. NULLPROOF_FAIL_ALLOCATIONS_OVER makes
        # every allocation above 1 MB fail: the small unit makes none that
        # large, the huge function's lowering does.
        self.write("small.c", "#include <stdlib.h>\nchar first(void)\n{\n"
                   "    char *p = malloc(4);\n    return p[0];\n}\n")
        cases = ["    case %d: r%d = malloc(%d); if (!r%d) return -1; r%d[0] = 1; break;"
                 % (i, i % 100, i + 1, i % 100, i % 100) for i in range(5000)]
        self.write("huge.c", "#include <stdlib.h>\nint run(const int *code, int length)\n{\n" +
                   "".join("    char *r%d = 0;\n" % k for k in range(100)) +
                   "    for (int pc = 0; pc < length; pc++) {\n        switch (code[pc]) {\n" +
                   "\n".join(cases) + "\n        }\n    }\n    return 0;\n}\n")
        # Leaving libclang's visit of the huge unit mid-way leaks what its
        # frames held (the frontend and the unit's arena are released): the
        # sanitizer build's leak check does not apply to this run.
        limit = {"NULLPROOF_FAIL_ALLOCATIONS_OVER": "1000000",
                 "ASAN_OPTIONS": "detect_leaks=0"}
        for extra in ([], ["--single-unit"], ["-j1"]):
            completed, description = self.run_nullproof(
                "--format", "json", "small.c", "huge.c", *extra, environment=limit)
            self.assertEqual(completed.returncode, 2, description)
            self.assertIn("huge.c: out of memory while analysing it: skipped", completed.stderr,
                          description)
            findings = json.loads(completed.stdout)["findings"]
            self.assertEqual([(os.path.basename(f["file"]), f["line"]) for f in findings],
                             [("small.c", 5)], description)
        completed, description = self.run_nullproof("small.c", "huge.c")
        self.assertEqual(completed.returncode, 1, description)
        self.assertNotIn("out of memory", completed.stderr, description)


def main():
    global BINARY
    if len(sys.argv) < 3:
        sys.exit("usage: test_robustness.py NULLPROOF_BINARY SOURCE_DIR")
    BINARY = os.path.abspath(sys.argv[1])
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])


if __name__ == "__main__":
    main()

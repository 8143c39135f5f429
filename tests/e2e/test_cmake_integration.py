#!/usr/bin/env python3
"""nullproof run by a real CMake build through CMAKE_C_CLANG_TIDY, the way
clang-tidy is: CMake runs `nullproof OPTIONS FILE -- COMPILER ARGS...` for
every translation unit before compiling it, prints what nullproof writes to
standard output, and fails the build when nullproof exits non-zero. The
demo project (testdata/demo) only parses with its compiler arguments, so
the findings prove that the command line after `--` was used.

Usage: test_cmake_integration.py NULLPROOF_BINARY SOURCE_DIR
"""
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

# The bugs of testdata/demo/README.md: file, line, rule.
DEMO_BUGS = [("config.c", 30, "unchecked-lookup"), ("config.c", 44, "null-deref"),
             ("main.c", 25, "unchecked-lookup"), ("store.c", 41, "unchecked-alloc"),
             ("store.c", 98, "check-after-deref"), ("store.c", 127, "unchecked-lookup"),
             ("store.c", 185, "unchecked-nullable"), ("util.c", 42, "unchecked-alloc"),
             ("util.c", 64, "unchecked-nullable")]


class CmakeIntegrationTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="nullproof-cmake-")
        self.demo = os.path.join(SOURCE_DIR, "testdata", "demo")

    def tearDown(self):
        shutil.rmtree(self.directory)

    def cmake(self, *arguments):
        completed = subprocess.run(["cmake"] + list(arguments), cwd=self.directory,
                                   capture_output=True, text=True, timeout=600)
        return completed.returncode, completed.stdout + completed.stderr

    def configure(self, tidy):
        build = os.path.join(self.directory, "build")
        status, output = self.cmake("-S", self.demo, "-B", build, "-G", "Unix Makefiles",
                                    "-DCMAKE_C_CLANG_TIDY=" + ";".join(tidy))
        self.assertEqual(status, 0, output)
        return build

    def found(self, output):
        pattern = re.compile(r"^%s/src/([a-z]+\.c):(\d+):\d+: warning: .* \[([a-z-]+)\]$" %
                             re.escape(self.demo), re.MULTILINE)
        return sorted((match.group(1), int(match.group(2)), match.group(3))
                      for match in pattern.finditer(output))

    def test_findings_reported_and_build_goes_on_with_exit_zero(self):
        build = self.configure([BINARY, "--quiet", "--exit-zero"])
        status, output = self.cmake("--build", build)
        self.assertEqual(status, 0, output)
        self.assertEqual(self.found(output), DEMO_BUGS, output)
        self.assertNotIn("error:", output)
        self.assertTrue(os.path.exists(os.path.join(build, "contacts")), output)

    def test_findings_fail_the_build_without_exit_zero(self):
        build = self.configure([BINARY, "--quiet"])
        status, output = self.cmake("--build", build, "--", "-k")
        self.assertNotEqual(status, 0, output)
        # make -k: every translation unit is still checked, each reports its own.
        self.assertEqual(self.found(output), DEMO_BUGS, output)
        self.assertFalse(os.path.exists(os.path.join(build, "contacts")), output)

    def test_command_line_shape(self):
        """What CMake 3.25 runs, given by hand: the compiler, -MD/-MF/-o/-c and
        the source after `--` are dropped, the rest is the compile command, and
        no depfile or object appears."""
        util = os.path.join(self.demo, "src", "util.c")
        arguments = ["--quiet", "--extra-arg-before=--driver-mode=gcc", util, "--",
                     "/usr/bin/cc"] + ["-I" + os.path.join(self.demo, "include")] + \
            demo_project.DEMO_FLAGS[1:] + ["-MD", "-MT", "util.c.o", "-MF", "util.c.o.d",
                                          "-o", "util.c.o", "-c", util]
        result = demo_project.run(BINARY, arguments, self.directory)
        self.assertEqual(result.status, 1, repr(result))
        self.assertEqual(self.found(result.stdout),
                         [bug for bug in DEMO_BUGS if bug[0] == "util.c"], repr(result))
        self.assertEqual(sorted(os.listdir(self.directory)), [])
        # Flags alone after `--` keep their old meaning.
        result = demo_project.run(BINARY, ["--verbose", util, "--", "-std=c11"], self.directory)
        self.assertIn("no compile command, using: -std=c11", result.stderr)


def main():
    global BINARY, SOURCE_DIR
    if len(sys.argv) < 3:
        sys.exit("usage: test_cmake_integration.py NULLPROOF_BINARY SOURCE_DIR")
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    if not shutil.which("cmake") or not shutil.which("cc"):
        print("SKIPPED: cmake and a C compiler (cc) are needed for a real CMake build")
        sys.exit(demo_project.SKIP)
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""End-to-end test of `cmake --install`: the binary, the Option/Result header
every suggestion points to, the man page and the documentation land where a
user looks for them, and the man page names every option --help lists.

Usage: test_install.py NULLPROOF_BINARY SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = None
SOURCE_DIR = None


class InstallTest(unittest.TestCase):
    def test_install_tree(self):
        build = os.path.dirname(BINARY)
        if not os.path.isfile(os.path.join(build, "cmake_install.cmake")):
            self.skipTest("not a CMake build directory: " + build)
        with tempfile.TemporaryDirectory() as prefix:
            result = subprocess.run(["cmake", "--install", build, "--prefix", prefix],
                                    capture_output=True, text=True, timeout=300)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            for path in ("bin/nullproof", "include/nullproof/option.h",
                         "share/man/man1/nullproof.1", "share/doc/nullproof/rules/null-deref.md",
                         "share/doc/nullproof/configuration.md"):
                self.assertTrue(os.path.isfile(os.path.join(prefix, path)), path)
            with open(os.path.join(SOURCE_DIR, "include", "nullproof", "option.h")) as a, \
                    open(os.path.join(prefix, "include", "nullproof", "option.h")) as b:
                self.assertEqual(a.read(), b.read())
            installed = os.path.join(prefix, "bin", "nullproof")
            version = subprocess.run([installed, "--version"], capture_output=True, text=True)
            self.assertEqual(version.returncode, 0, version.stderr)

    def test_man_page_names_every_option(self):
        with open(os.path.join(SOURCE_DIR, "docs", "man", "nullproof.1")) as stream:
            page = stream.read().replace("\\-", "-")
        help_text = subprocess.run([BINARY, "--help"], capture_output=True, text=True).stdout
        options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-z])\b", help_text))
        self.assertGreater(len(options), 20)
        for option in sorted(options):
            self.assertIn(option, page, "the man page does not name " + option)
        if shutil.which("man"):
            rendered = subprocess.run(["man", "-l", os.path.join(SOURCE_DIR, "docs", "man",
                                                                 "nullproof.1")],
                                      capture_output=True, text=True,
                                      env=dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING=""))
            self.assertEqual(rendered.returncode, 0, rendered.stderr)
            self.assertIn("EXIT STATUS", rendered.stdout)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    unittest.main(argv=sys.argv[:1], verbosity=2)

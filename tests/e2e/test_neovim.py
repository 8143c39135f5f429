#!/usr/bin/env python3
"""The quickfix list in a real editor: headless Neovim (Debian's neovim
package) runs `:cexpr system('nullproof ...')` over a file with a finding
and writes getqflist() to a JSON file that the test reads back: the
finding's file, line, column and text must be there, once with Vim's
default 'errorformat' and once with the one docs/editors.md recommends.

Without nvim the test exits 77 (ctest: skipped); scripts/install-deps.sh
installs Debian's neovim.

Usage: test_neovim.py NULLPROOF_BINARY SOURCE_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = None
SOURCE_DIR = None
SKIP = 77

FLAGGED = """#include <stdlib.h>

void fill(void)
{
    char *p = malloc(10);
    p[0] = 0;
    free(p);
}
"""

# docs/editors.md: warnings, errors and notes typed, source and caret lines dropped.
RECOMMENDED = r"%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tote:\ %m,%-G%.%#"


class NeovimTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="nullproof-nvim-")
        with open(os.path.join(self.directory, "fill.c"), "w") as stream:
            stream.write(FLAGGED)

    def tearDown(self):
        shutil.rmtree(self.directory)

    def quickfix(self, errorformat=None):
        """Runs Neovim headless and returns its quickfix entries."""
        output = os.path.join(self.directory, "qflist.json")
        commands = []
        if errorformat:
            commands.append("set errorformat=" + errorformat)
        commands += [
            "cexpr system('%s --quiet --color never fill.c')" % BINARY,
            "call writefile([json_encode(map(getqflist(), "
            "{_, e -> {'file': bufname(e.bufnr), 'line': e.lnum, 'col': e.col, "
            "'type': e.type, 'text': e.text, 'valid': e.valid}}))], '%s')" % output,
            "qall!",
        ]
        arguments = ["nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n"]
        for command in commands:
            arguments += ["-c", command]
        environment = dict(os.environ)
        environment["HOME"] = self.directory
        environment["XDG_STATE_HOME"] = os.path.join(self.directory, "state")
        environment["XDG_DATA_HOME"] = os.path.join(self.directory, "data")
        completed = subprocess.run(arguments, cwd=self.directory, capture_output=True, text=True,
                                   env=environment, timeout=120, stdin=subprocess.DEVNULL)
        self.assertTrue(os.path.exists(output),
                        "nvim wrote no quickfix list (status %d):\n%s%s" %
                        (completed.returncode, completed.stdout, completed.stderr))
        with open(output) as stream:
            return json.load(stream)

    def test_default_errorformat(self):
        entries = [entry for entry in self.quickfix() if entry["valid"]]
        self.assertGreaterEqual(len(entries), 1, entries)
        first = entries[0]
        self.assertEqual((first["file"], first["line"], first["col"]), ("fill.c", 6, 5))
        self.assertIn("'p' may be NULL and is indexed [unchecked-alloc]", first["text"])
        # The notes are entries too: where the NULL comes from, the fix.
        self.assertIn(("fill.c", 5, 15), [(entry["file"], entry["line"], entry["col"])
                                          for entry in entries])

    def test_recommended_errorformat(self):
        entries = self.quickfix(RECOMMENDED)
        self.assertTrue(all(entry["valid"] for entry in entries), entries)
        self.assertEqual([(entry["file"], entry["line"], entry["col"], entry["type"])
                          for entry in entries],
                         [("fill.c", 6, 5, "w"), ("fill.c", 5, 15, "n"), ("fill.c", 6, 5, "n"),
                          ("fill.c", 6, 5, "n")])  # the fix, then the Option/Result pattern
        self.assertEqual(entries[0]["text"], "'p' may be NULL and is indexed [unchecked-alloc]")
        self.assertEqual(entries[1]["text"],
                         "'p' may be NULL: malloc() returns NULL when allocation fails")


def main():
    global BINARY, SOURCE_DIR
    if len(sys.argv) < 3:
        sys.exit("usage: test_neovim.py NULLPROOF_BINARY SOURCE_DIR")
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    if not shutil.which("nvim"):
        print("SKIPPED: Neovim (nvim) is not installed (scripts/install-deps.sh installs "
              "Debian's neovim); the quickfix list was not tested")
        sys.exit(SKIP)
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""End-to-end test of the progress line: on a terminal, stderr keeps one
line, `[N/TOTAL] FILE`, rewritten as each translation unit starts (as ninja
does), cleared before the summary; none when stderr is not a terminal or
with --quiet.

Usage: test_progress.py NULLPROOF_BINARY SOURCE_DIR
"""
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = None


def run_with_terminal(arguments, cwd):
    """Runs BINARY with stderr on a pseudo-terminal; returns (status, stdout, terminal)."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen([BINARY] + arguments, cwd=cwd, stdout=subprocess.PIPE,
                               stderr=secondary, stdin=subprocess.DEVNULL)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    stdout = process.stdout.read().decode()
    process.wait(timeout=300)
    os.close(primary)
    return process.returncode, stdout, b"".join(chunks).decode(errors="replace")


class ProgressTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="nullproof-progress-")
        for name in ("a.c", "b.c", "c.c"):
            with open(os.path.join(self.directory, name), "w") as stream:
                stream.write("int %s_value(void) { return 1; }\n" % name[0])

    def tearDown(self):
        shutil.rmtree(self.directory)

    def test_one_line_on_a_terminal(self):
        status, stdout, terminal = run_with_terminal(["-j1", "a.c", "b.c", "c.c"],
                                                     self.directory)
        self.assertEqual(status, 0, terminal)
        for expected in ("[1/3] a.c", "[2/3] b.c", "[3/3] c.c"):
            self.assertIn(expected, terminal)
        self.assertIn("\r\x1b[K", terminal)  # rewritten in place
        # cleared before the summary, which stands on a line of its own
        self.assertRegex(terminal, r"\r\x1b\[Knullproof: 0 findings in 0 files, "
                                   r"3 translation units")
        self.assertEqual(stdout, "")

    def test_quiet_or_not_a_terminal(self):
        status, _, terminal = run_with_terminal(["-q", "a.c", "b.c"], self.directory)
        self.assertEqual(status, 0, terminal)
        self.assertNotIn("[1/2]", terminal)
        result = subprocess.run([BINARY, "a.c", "b.c"], cwd=self.directory,
                                capture_output=True, text=True)
        self.assertNotIn("[1/2]", result.stderr)
        self.assertNotIn("\x1b", result.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    BINARY = os.path.abspath(sys.argv[1])
    unittest.main(argv=sys.argv[:1], verbosity=2)

#!/usr/bin/env python3
"""nullproof as a pre-commit hook, for real: Debian's pre-commit, a
throwaway git repository whose .pre-commit-config.yaml uses the hook that
this repository's .pre-commit-hooks.yaml defines, a commit of a file with a
finding (rejected, the finding printed) and of the fixed file (accepted).

pre-commit takes hooks from a git repository at a revision. The lead's
working tree may hold a .pre-commit-hooks.yaml that is not committed yet, so
the test does not clone this repository's HEAD: it commits the working
tree's .pre-commit-hooks.yaml, unchanged, into a scratch hooks repository
and points `repo:` at it by path. That runs the real file through pre-commit's
remote-repository path (clone, rev, hook lookup), which `repo: local` with a
copied definition would not. The hook is `language: system`, so the built
binary is put on PATH as `nullproof`, as an installed one would be.

The project's file includes a header found only through the -I of its
build/compile_commands.json, so an accepted commit also shows that the hook
found the file's compile command.

Without pre-commit or git the test exits 77 (ctest: skipped);
scripts/install-deps.sh installs Debian's pre-commit.

Usage: test_precommit.py NULLPROOF_BINARY SOURCE_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import demo_project  # noqa: E402

BINARY = None
SOURCE_DIR = None

HEADER = "#ifndef PROJECT_H\n#define PROJECT_H\n#include <stdlib.h>\n#define BUFFER_SIZE 16\n" \
         "#endif\n"
BAD = """#include "project.h"

void fill(void)
{
    char *buffer = malloc(BUFFER_SIZE);
    buffer[0] = 0;
    free(buffer);
}
"""
FIXED = BAD.replace("    buffer[0] = 0;\n", "    if (buffer == NULL)\n        return;\n"
                                           "    buffer[0] = 0;\n")


class PreCommitTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="nullproof-precommit-")
        bin_directory = os.path.join(self.directory, "bin")
        os.makedirs(bin_directory)
        os.symlink(BINARY, os.path.join(bin_directory, "nullproof"))
        self.environment = dict(os.environ)
        self.environment.update({
            "PATH": bin_directory + os.pathsep + os.environ.get("PATH", ""),
            "PRE_COMMIT_HOME": os.path.join(self.directory, "pre-commit-cache"),
            "HOME": self.directory,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "nullproof test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
            "GIT_COMMITTER_NAME": "nullproof test",
            "GIT_COMMITTER_EMAIL": "test@example.invalid",
        })
        self.environment.pop("NO_COLOR", None)
        self.hooks = self.make_hooks_repository()
        self.project = self.make_project()

    def tearDown(self):
        shutil.rmtree(self.directory)

    def run_command(self, arguments, cwd, check=True):
        completed = subprocess.run(arguments, cwd=cwd, env=self.environment,
                                   capture_output=True, text=True, timeout=600)
        output = completed.stdout + completed.stderr
        if check and completed.returncode != 0:
            self.fail("%s failed (%d):\n%s" % (" ".join(arguments), completed.returncode, output))
        self.assertNotIn("Sanitizer", output)
        return completed.returncode, output

    def git(self, cwd, *arguments, check=True):
        return self.run_command(["git", "-c", "init.defaultBranch=main",
                                 "-c", "commit.gpgsign=false"] + list(arguments), cwd, check)

    def make_hooks_repository(self):
        hooks = os.path.join(self.directory, "hooks")
        os.makedirs(hooks)
        shutil.copy(os.path.join(SOURCE_DIR, ".pre-commit-hooks.yaml"), hooks)
        self.git(hooks, "init", "-q")
        self.git(hooks, "add", ".pre-commit-hooks.yaml")
        self.git(hooks, "commit", "-q", "-m", "nullproof hooks")
        return hooks

    def write(self, relative, content):
        path = os.path.join(self.project, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as stream:
            stream.write(content)

    def make_project(self):
        self.project = os.path.join(self.directory, "project")
        os.makedirs(self.project)
        _, revision = self.git(self.hooks, "rev-parse", "HEAD")
        self.write(".pre-commit-config.yaml",
                   "repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: nullproof\n" %
                   (self.hooks, revision.strip()))
        self.write("include/project.h", HEADER)
        self.write("build/compile_commands.json", json.dumps([{
            "directory": self.project, "file": "src/buffer.c",
            "arguments": ["cc", "-Iinclude", "-std=c11", "-c", "src/buffer.c"]}]))
        self.write(".gitignore", "build/\n")
        self.git(self.project, "init", "-q")
        self.run_command(["pre-commit", "install"], self.project)
        self.git(self.project, "add", ".pre-commit-config.yaml", ".gitignore",
                 "include/project.h")
        self.git(self.project, "commit", "-q", "-m", "configuration")
        return self.project

    def test_bad_commit_rejected_fixed_commit_accepted(self):
        self.write("src/buffer.c", BAD)
        self.git(self.project, "add", "src/buffer.c")
        status, output = self.git(self.project, "commit", "-m", "bad", check=False)
        self.assertNotEqual(status, 0, output)
        self.assertIn("nullproof", output)
        self.assertIn("Failed", output)
        self.assertIn("src/buffer.c:6:5: warning: 'buffer' may be NULL and is indexed "
                      "[unchecked-alloc]", output)
        self.assertNotIn("file not found", output)  # the compile command was used
        _, log = self.git(self.project, "log", "--oneline")
        self.assertEqual(len(log.splitlines()), 1, log)

        self.write("src/buffer.c", FIXED)
        self.git(self.project, "add", "src/buffer.c")
        status, output = self.git(self.project, "commit", "-m", "fixed", check=False)
        self.assertEqual(status, 0, output)
        self.assertRegex(output, r"nullproof\.+Passed")
        _, log = self.git(self.project, "log", "--oneline")
        self.assertEqual(len(log.splitlines()), 2, log)

        # The time the hook takes on one file (the hook environment exists now).
        started = time.monotonic()
        status, output = self.run_command(["pre-commit", "run", "nullproof", "--files",
                                           "src/buffer.c"], self.project, check=False)
        hook_seconds = time.monotonic() - started
        self.assertEqual(status, 0, output)
        started = time.monotonic()
        result = demo_project.run(BINARY, ["--quiet", "src/buffer.c"], self.project)
        direct_seconds = time.monotonic() - started
        self.assertEqual(result.status, 0, repr(result))
        print("\npre-commit hook on one file: %.2f s (nullproof alone: %.2f s)" %
              (hook_seconds, direct_seconds), file=sys.stderr)

    def test_header_only_commit_skips_the_hook(self):
        self.write("include/project.h", HEADER + "/* more */\n")
        self.git(self.project, "add", "include/project.h")
        status, output = self.git(self.project, "commit", "-m", "header", check=False)
        self.assertEqual(status, 0, output)
        self.assertRegex(output, r"nullproof\.+\(no files to check\)Skipped")


def main():
    global BINARY, SOURCE_DIR
    if len(sys.argv) < 3:
        sys.exit("usage: test_precommit.py NULLPROOF_BINARY SOURCE_DIR")
    BINARY = os.path.abspath(sys.argv[1])
    SOURCE_DIR = os.path.abspath(sys.argv[2])
    for program in ("pre-commit", "git"):
        if not shutil.which(program):
            print("SKIPPED: %s is not installed (scripts/install-deps.sh installs Debian's "
                  "pre-commit and git); the pre-commit hook was not tested" % program)
            sys.exit(demo_project.SKIP)
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])


if __name__ == "__main__":
    main()

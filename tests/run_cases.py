#!/usr/bin/env python3
"""Runs nullproof over the expectation files and compares what it reports
with the `// expect:` markers written in them. It checks findings and clang
errors only (notes and clang warnings are ignored); it builds nothing.

Usage: run_cases.py --nullproof BIN [--jobs N] [--filter SUBSTRING]
                    [--timeout SECONDS] DIR_OR_FILES...

Markers, on the line a finding is reported at:
  // expect: rule-id[, rule-id...]    these findings must appear (a rule
                                      written twice must appear twice)
  // known-fail: rule-id reason       this finding should appear but does
                                      not yet; passes when missing, fails
                                      with "now passes, remove known-fail"
                                      when it appears
Markers for the whole file:
  // args: FLAGS      (in the first 10 lines) compiler flags instead of the
                      default -std=gnu11; -I DIR/include is always added
  // expect-error     clang errors in this file do not fail it

The binary runs once per group of files that share their flags and their
directory, which it analyses as one program (whole-program analysis, the
default): a directory of testdata/crossfile is one program whose files see
each other's functions; the files of testdata/cases are unrelated, and
their results must not depend on being run together (a function name
defined in several of them is ambiguous and ignored across files):
  BIN --color never --exit-zero --quiet -j N FILES -- FLAGS -I DIR/include
Prints `PASS file` / `FAIL file` (with the differences after each FAIL) and
`cases: N passed, N failed`; exits 1 when a file failed.
"""

import argparse
import collections
import os
import re
import shlex
import signal
import subprocess
import sys

DEFAULT_FLAGS = ["-std=gnu11"]
ARGS_SEARCH_LINES = 10

RULE_ID = r"[a-z][a-z0-9-]*"
EXPECT_RE = re.compile(r"//\s*expect:\s*(" + RULE_ID + r"(?:\s*,\s*" + RULE_ID + r")*)")
KNOWN_FAIL_RE = re.compile(r"//\s*known-fail:\s*(" + RULE_ID + r")\b\s*(.*?)\s*(?://|$)")
ARGS_RE = re.compile(r"//\s*args:\s*(.*?)\s*$")
EXPECT_ERROR_RE = re.compile(r"//\s*expect-error\b")
# path:line:col: severity: message [rule]; the path may itself contain ':'.
DIAGNOSTIC_RE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>warning|error|note): "
    r"(?P<message>.*?)(?: \[(?P<rule>[^\]\s]+)\])?\s*$")

# "nullproof: error: cannot parse x.c" and the like: errors with no location.
TOOL_ERROR_RE = re.compile(r"^[\w./+-]+: (?:fatal )?error: ")

Finding = collections.namedtuple("Finding", "line rule message")


class CaseFile:
    """One expectation file: its markers and what the run found in it."""

    def __init__(self, path, display):
        self.path = path          # absolute, real path
        self.display = display    # as shown to the user
        self.flags = list(DEFAULT_FLAGS)
        self.allows_errors = False
        self.expected = collections.Counter()     # (line, rule) -> count
        self.known_fail = {}                      # (line, rule) -> reason
        self.findings = []                        # Finding
        self.errors = []                          # Finding (clang errors)
        self.problems = []                        # run-level failures (crash, timeout)
        self._read()

    def _read(self):
        with open(self.path, encoding="utf-8", errors="replace") as source:
            lines = source.read().splitlines()
        for number, text in enumerate(lines, start=1):
            if number <= ARGS_SEARCH_LINES:
                match = ARGS_RE.search(text)
                if match:
                    self.flags = shlex.split(match.group(1))
            if EXPECT_ERROR_RE.search(text):
                self.allows_errors = True
            match = EXPECT_RE.search(text)
            if match:
                for rule in match.group(1).split(","):
                    self.expected[(number, rule.strip())] += 1
            match = KNOWN_FAIL_RE.search(text)
            if match:
                self.known_fail[(number, match.group(1))] = match.group(2)

    def compare(self):
        """Returns the list of difference lines; empty when the file passes."""
        differences = list(self.problems)
        found = collections.Counter((f.line, f.rule) for f in self.findings)
        messages = collections.defaultdict(list)
        for finding in self.findings:
            messages[(finding.line, finding.rule)].append(finding.message)
        keys = sorted(set(found) | set(self.expected) | set(self.known_fail))
        for key in keys:
            line, rule = key
            extra = found[key] - self.expected[key]
            if key in self.known_fail and extra > 0:
                differences.append("%s:%d: now passes, remove known-fail %s"
                                   % (self.display, line, rule))
                extra -= 1
            for _ in range(self.expected[key] - found[key]):
                differences.append("%s:%d: missing %s" % (self.display, line, rule))
            if extra > 0:
                for message in messages[key][-extra:]:
                    differences.append("%s:%d: unexpected %s: %s"
                                       % (self.display, line, rule, message))
        if not self.allows_errors:
            for error in self.errors:
                differences.append("%s:%d: clang error: %s"
                                   % (self.display, error.line, error.message))
        return differences


def collect(paths, name_filter):
    """Case files named by `paths` (directories give their *.c, not recursive)."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                candidate = os.path.join(path, name)
                if name.endswith(".c") and os.path.isfile(candidate):
                    files.append(candidate)
        elif os.path.isfile(path):
            files.append(path)
        else:
            raise SystemExit("run_cases.py: no such file or directory: %s" % path)
    if name_filter:
        files = [f for f in files if name_filter in f]
    seen = set()
    cases = []
    for display in files:
        real = os.path.realpath(display)
        if real not in seen:
            seen.add(real)
            cases.append(CaseFile(real, os.path.normpath(display)))
    return cases


def command_for(binary, jobs, cases, flags):
    include = os.path.join(os.path.dirname(cases[0].path), "include")
    # The project's own headers (nullproof/option.h) are there for the cases too.
    project_include = os.path.normpath(os.path.join(os.path.dirname(cases[0].path),
                                                    "..", "..", "include"))
    extra = ["-I", project_include] if os.path.isdir(project_include) else []
    return ([binary, "--color", "never", "--exit-zero", "--quiet", "-j", str(jobs)]
            + [case.path for case in cases] + ["--"] + flags + ["-I", include] + extra)


def run_group(binary, jobs, timeout, cases, flags, stray):
    """Runs the binary over one group and files what it printed."""
    command = command_for(binary, jobs, cases, flags)
    try:
        # Its own process group, so a timeout ends the binary and anything it started.
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   stdin=subprocess.DEVNULL, universal_newlines=True,
                                   errors="replace", start_new_session=True)
    except OSError as error:
        raise SystemExit("run_cases.py: cannot run %s: %s" % (binary, error))
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        for case in cases:
            case.problems.append("%s: nullproof did not finish within %d s (run together with "
                                 "%d file(s))" % (case.display, timeout, len(cases)))
        return
    by_path = {case.path: case for case in cases}
    for text in (stdout + "\n" + stderr).splitlines():
        match = DIAGNOSTIC_RE.match(text)
        if not match:
            if TOOL_ERROR_RE.match(text):
                stray.append(text)
            continue
        severity = match.group("severity")
        rule = match.group("rule") or ""
        if severity == "note":
            continue
        if severity == "warning" and (not rule or rule.startswith("-W")
                                      or rule.startswith("clang-diagnostic")):
            continue  # a compiler warning, not a finding
        case = by_path.get(os.path.realpath(match.group("file")))
        item = Finding(int(match.group("line")), rule, match.group("message"))
        if case is None:
            stray.append(text)
        elif severity == "error" and (not rule or rule.startswith("clang-diagnostic")):
            case.errors.append(item)
        else:
            case.findings.append(item)
    # --exit-zero: only a crash, a signal or a failure that printed nothing
    # a case can own is a failure of the run itself; a status for clang
    # errors in an expect-error file is not.
    explained = any(case.errors for case in cases)
    status = process.returncode
    if status < 0 or (status != 0 and not explained):
        how = ("was killed by signal %d" % -status if status < 0
               else "exited with status %d" % status)
        last = (stderr.strip().splitlines() or [""])[-1]
        for case in cases:
            case.problems.append("%s: nullproof %s%s"
                                 % (case.display, how, ": " + last if last else ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nullproof", required=True, metavar="BIN", help="the binary to test")
    parser.add_argument("--jobs", "-j", type=int, default=min(os.cpu_count() or 1, 2))
    parser.add_argument("--filter", metavar="SUBSTRING", help="only files whose path has it")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per run of BIN")
    parser.add_argument("paths", nargs="+", metavar="DIR_OR_FILES")
    options = parser.parse_args()

    cases = collect(options.paths, options.filter)
    if not cases:
        print("cases: 0 passed, 0 failed")
        return 0
    groups = collections.OrderedDict()
    for case in cases:
        key = (tuple(case.flags), os.path.dirname(case.path))
        groups.setdefault(key, []).append(case)
    stray = []
    for (flags, _), members in groups.items():
        run_group(options.nullproof, options.jobs, options.timeout, members, list(flags), stray)

    passed = failed = 0
    for case in sorted(cases, key=lambda c: c.display):
        differences = case.compare()
        if differences:
            failed += 1
            print("FAIL %s" % case.display)
            for line in differences:
                print(line)
        else:
            passed += 1
            print("PASS %s" % case.display)
    if stray:
        failed += 1
        print("FAIL (output outside the case files)")
        for line in stray:
            print("unexpected: " + line)
    print("cases: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scores nullproof on a Juliet test-suite folder (see bench/juliet.sh).

A test case is the group of files sharing a name up to the two-digit flow
variant. A finding inside a function whose name contains "bad" counts as
a detection of that case; one inside a function whose name contains
"good" is a false alarm. Functions are located by scanning the sources
for definitions (Juliet's layout: the name at the start of a line,
the body's braces at column 0), which is enough for this benchmark input.
"""
import collections
import os
import re
import subprocess
import sys
import time

FINDING = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): warning: .* \[(?P<rule>[a-z-]+)\]$")
CASE = re.compile(r"^(?P<cwe>CWE\d+)_.*__(?P<variant>.+)_(?P<flow>\d\d)(?P<part>[a-z]?)\.c$")
DEFINITION = re.compile(r"^(?:static\s+)?[A-Za-z_][\w\s\*]*?\b(?P<name>\w+)\s*\([^;]*$")


def function_ranges(path):
    """[(first_line, last_line, name)] of the functions defined in path."""
    ranges = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().split("\n")
    name, start = None, None
    for number, text in enumerate(lines, 1):
        if name is None:
            match = DEFINITION.match(text)
            if match and not text.startswith(("#", " ", "\t")):
                name, start = match.group("name"), number
        elif text.startswith("}"):
            ranges.append((start, number, name))
            name = None
        elif text.endswith(";") and not text.startswith(("{", " ", "\t")):
            name = None  # a prototype spread over lines
    return ranges


def flow_group(flow):
    n = int(flow)
    for low, high, label in ((1, 1, "01"), (2, 18, "02-18"), (21, 22, "21-22"), (31, 34, "31-34"),
                             (41, 45, "41-45"), (51, 54, "51-54"), (61, 68, "61-68")):
        if low <= n <= high:
            return label
    return "other"


def main():
    if len(sys.argv) < 3:
        print("usage: juliet_score.py NULLPROOF JULIET_DIR [JOBS]", file=sys.stderr)
        return 2
    binary, root = sys.argv[1], os.path.abspath(sys.argv[2])
    jobs = sys.argv[3] if len(sys.argv) > 3 else str(os.cpu_count() or 1)
    support = os.path.join(root, "testcasesupport")
    files = []
    for folder in sorted(os.listdir(root)):
        path = os.path.join(root, folder)
        if folder.startswith("CWE") and os.path.isdir(path):
            files += [os.path.join(path, f) for f in sorted(os.listdir(path)) if f.endswith(".c")]
    cases = collections.OrderedDict()
    for path in files:
        match = CASE.match(os.path.basename(path))
        if not match:
            continue
        key = (match.group("cwe"), match.group("variant"), match.group("flow"))
        cases.setdefault(key, []).append(path)

    started = time.time()
    # One run: the files of a multi-file case (a, b, c...) are one program, and
    # the other cases' functions have names of their own.
    extra = os.environ.get("JULIET_ARGS", "").split()
    run = subprocess.run([binary, "--color", "never", "--quiet", "--exit-zero", "-j", jobs]
                         + extra + files + ["--", "-std=gnu11", "-I", support],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.time() - started
    if run.returncode not in (0, 1):
        sys.stderr.write(run.stderr[-4000:])
        print(f"juliet: nullproof exited with {run.returncode}", file=sys.stderr)
    findings = collections.defaultdict(list)
    for line in run.stdout.splitlines():
        match = FINDING.match(line)
        if match:
            findings[os.path.abspath(match.group("file"))].append(
                (int(match.group("line")), match.group("rule")))

    ranges = {path: function_ranges(path) for path in files}
    totals = collections.defaultdict(lambda: [0, 0, 0])  # cases, detected, false-alarm cases
    missed, alarms = [], []
    for key, paths in cases.items():
        detected = alarmed = False
        for path in paths:
            for line, rule in findings.get(os.path.abspath(path), []):
                owner = next((name for first, last, name in ranges[path] if first <= line <= last), "")
                lowered = owner.lower()
                if "bad" in lowered:
                    detected = True
                elif "good" in lowered:
                    alarmed = True
                    alarms.append(f"{os.path.basename(path)}:{line}: {rule} in {owner}")
        if not detected:
            missed.append("_".join(key))
        for group in ((key[0], flow_group(key[2])), (key[0], "all"), ("all", flow_group(key[2])),
                      ("all", "all")):
            totals[group][0] += 1
            totals[group][1] += detected
            totals[group][2] += alarmed
        # 01-45 as numbered, and the part of it whose case is one file (22 spans two);
        # xfile: the cases whose flow crosses files (22, 51-54, 61-68), which only
        # whole-program analysis (the default; JULIET_ARGS=--single-unit turns it off) sees.
        groups = []
        if len(paths) > 1:
            groups += [(key[0], "xfile"), ("all", "xfile")]
        if int(key[2]) <= 45:
            groups += [(key[0], "01-45"), ("all", "01-45")]
            if len(paths) == 1:
                groups += [(key[0], "1file"), ("all", "1file")]
        for group in groups:
            totals[group][0] += 1
            totals[group][1] += detected
            totals[group][2] += alarmed

    print("flows: Juliet flow-variant groups; 1file = flows 01-45 whose case is a single file;")
    print("       xfile = cases whose files are several (22, 51-54, 61-68: cross-file flows)")
    print(f"{'CWE':8} {'flows':6} {'cases':>5} {'found':>5} {'recall':>7} {'false-alarm cases':>18}")
    for (cwe, group), (count, found, false_alarms) in sorted(totals.items()):
        print(f"{cwe:8} {group:6} {count:5d} {found:5d} {100.0 * found / count:6.1f}% "
              f"{false_alarms:6d} ({100.0 * false_alarms / count:4.1f}%)")
    print(f"files: {len(files)}, cases: {len(cases)}, nullproof time: {seconds:.2f} s (-j {jobs})")
    if os.environ.get("JULIET_VERBOSE"):
        print("missed:", *missed, sep="\n  ")
        print("false alarms:", *alarms, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scores nullproof's findings against a verdict file, for the benches that
run it on third-party code outside ../shared/corpus (extra_precision.sh,
debian_precision.sh; precision.sh uses ../shared/tools/triage.py).

  score_verdicts.py RESULTS_DIR VERDICTS [--base DIR | --basename]

RESULTS_DIR holds NAME.json per project (nullproof --format json). VERDICTS
is a TSV: project, file:line, rule, verdict (TP, TPA, FP), reason; lines
starting with '#' are comments. A finding's file is named relative to
DIR/NAME (--base), or by its base name (--basename). Prints the counts and
precision overall, per project and per rule, then the findings that have
no verdict.
"""
import argparse
import collections
import json
import os


def load_verdicts(path):
    verdicts = {}
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        project, site, _rule, verdict = line.rstrip("\n").split("\t")[:4]
        verdicts[(project, site)] = verdict
    return verdicts


def site_of(finding, project, arguments):
    if arguments.basename:
        name = os.path.basename(finding["file"])
    else:
        base = os.path.realpath(os.path.join(arguments.base, project)) + os.sep
        path = os.path.realpath(finding["file"])
        name = path[len(base):] if path.startswith(base) else path
    return "%s:%d" % (name, finding["line"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results")
    parser.add_argument("verdicts")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--base")
    where.add_argument("--basename", action="store_true")
    arguments = parser.parse_args()
    verdicts = load_verdicts(arguments.verdicts)
    counts = collections.defaultdict(collections.Counter)
    missing = []
    for name in sorted(os.listdir(arguments.results)):
        if not name.endswith(".json"):
            continue
        project = name[:-5]
        with open(os.path.join(arguments.results, name)) as stream:
            findings = json.load(stream).get("findings", [])
        for finding in findings:
            site = site_of(finding, project, arguments)
            verdict = verdicts.get((project, site))
            if verdict is None:
                missing.append("%s %s %s" % (project, site, finding["rule"]))
                continue
            for key in ("all", "project " + project, "rule " + finding["rule"]):
                counts[key][verdict] += 1
    print("%-28s %5s %5s %5s %9s %9s" % ("", "TP", "TPA", "FP", "precision", "with TPA"))
    for key in sorted(counts, key=lambda k: (k != "all", k)):
        count = counts[key]
        total = count["TP"] + count["TPA"] + count["FP"]
        print("%-28s %5d %5d %5d %8.1f%% %8.1f%%" %
              (key, count["TP"], count["TPA"], count["FP"], 100.0 * count["TP"] / total,
               100.0 * (count["TP"] + count["TPA"]) / total))
    print("findings without a verdict: %d" % len(missing))
    for line in missing:
        print("  " + line)


if __name__ == "__main__":
    main()

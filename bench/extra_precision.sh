#!/usr/bin/env bash
# Precision on small C libraries nobody here wrote, besides ../shared/corpus:
# runs nullproof over each library folder of LIBRARIES_DIR and scores the
# findings against the verdicts in bench/triage/extra-libraries.tsv (read
# as that file's header says; the libraries are third-party and are not
# part of this repository: fetch the commits the header lists).
#
#   bench/extra_precision.sh LIBRARIES_DIR [NULLPROOF]
#
# LIBRARIES_DIR holds one folder per library (cjson, sds, inih, linenoise,
# kilo, parson, zlib, hiredis, lua), each with the library's .c and .h files.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
libraries=${1:?usage: bench/extra_precision.sh LIBRARIES_DIR [NULLPROOF]}
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/extra-libraries.tsv
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

[[ -x $nullproof ]] || { echo "extra_precision.sh: no binary at $nullproof" >&2; exit 2; }
for library in "$libraries"/*/; do
    name=$(basename "$library")
    # The libraries build without a configure step; gnu89 lets old code call
    # POSIX functions its headers do not declare under strict C99.
    flags=(-std=gnu89 -D_GNU_SOURCE -D_LARGEFILE64_SOURCE)
    [[ $name == lua ]] && flags+=(-DLUA_USE_LINUX)
    (cd "$library" && ls ./*.c >/dev/null 2>&1) || continue
    (cd "$library" && "$nullproof" --format json -o "$results/$name.json" \
        --exit-zero -q ./*.c -- "${flags[@]}") 2>"$results/$name.stderr" || {
        echo "extra_precision.sh: nullproof failed on $name:" >&2
        cat "$results/$name.stderr" >&2
        exit 1
    }
done

python3 - "$results" "$verdicts" <<'PY'
import collections, json, os, sys
results, verdict_file = sys.argv[1], sys.argv[2]
verdicts = {}
for line in open(verdict_file):
    if line.startswith("#") or not line.strip():
        continue
    library, site, rule, verdict = line.rstrip("\n").split("\t")[:4]
    verdicts[(library, site)] = verdict
counts = collections.defaultdict(collections.Counter)
missing = []
for name in sorted(os.listdir(results)):
    if not name.endswith(".json"):
        continue
    library = name[:-5]
    for finding in json.load(open(os.path.join(results, name))).get("findings", []):
        site = "%s:%d" % (os.path.basename(finding["file"]), finding["line"])
        verdict = verdicts.get((library, site))
        if verdict is None:
            missing.append("%s %s %s" % (library, site, finding["rule"]))
            continue
        for key in ("all", "library " + library, "rule " + finding["rule"]):
            counts[key][verdict] += 1
print("%-28s %5s %5s %5s %9s" % ("", "TP", "TPA", "FP", "precision"))
for key in sorted(counts, key=lambda k: (k != "all", k)):
    c = counts[key]
    total = c["TP"] + c["TPA"] + c["FP"]
    print("%-28s %5d %5d %5d %8.1f%%" % (key, c["TP"], c["TPA"], c["FP"],
                                         100.0 * c["TP"] / total if total else 0.0))
print("findings without a verdict: %d" % len(missing))
for line in missing:
    print("  " + line)
PY

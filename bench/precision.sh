#!/usr/bin/env bash
# Runs nullproof over the real-code corpus in ../shared/corpus and prints the
# findings per project and rule; with the verdicts in bench/triage/ it also
# scores precision (../shared/tools/triage.py score).
#
#   bench/precision.sh [NULLPROOF] [RESULTS_DIR]
#
# NULLPROOF defaults to build-rel/nullproof (a Release build, see README);
# RESULTS_DIR (default: a temporary folder) receives NAME.json per project,
# the input that `triage.py sample --results RESULTS_DIR` reads.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
nullproof=${1:-$top/build-rel/nullproof}
results=${2:-$(mktemp -d)}
corpus=${NULLPROOF_CORPUS:-$top/../shared/corpus}
verdicts=$top/bench/triage/verdicts.tsv

[[ -x $nullproof ]] || { echo "precision.sh: no binary at $nullproof (build it first)" >&2; exit 2; }
[[ -d $corpus ]] || { echo "precision.sh: no corpus at $corpus" >&2; exit 2; }
mkdir -p "$results"
rm -f "$results/times.txt"
databases=$(mktemp -d)
trap 'rm -rf "$databases"' EXIT
"$corpus/prepare.sh" "$databases" >/dev/null

for project in git jq lz4 mbedtls zstd; do
    start=$(date +%s%N)
    "$nullproof" -p "$databases/$project" --format json -o "$results/$project.json" \
        --exit-zero -q -j"$(nproc)" 2>"$results/$project.stderr" || {
        echo "precision.sh: nullproof failed on $project:" >&2
        cat "$results/$project.stderr" >&2
        exit 1
    }
    end=$(date +%s%N)
    elapsed=$(( (end - start) / 10000000 )) # hundredths of a second
    printf '%s %d.%02d\n' "$project" $((elapsed / 100)) $((elapsed % 100)) >>"$results/times.txt"
done

python3 - "$results" <<'PY'
import collections, json, os, sys
results = sys.argv[1]
rules = collections.Counter()
rows = []
for name in sorted(os.listdir(results)):
    if not name.endswith(".json"):
        continue
    findings = json.load(open(os.path.join(results, name)))["findings"]
    counts = collections.Counter(f["rule"] for f in findings)
    rules.update(counts)
    rows.append((name[:-5], len(findings), counts))
times = dict(line.split() for line in open(os.path.join(results, "times.txt")))
print("%-10s %8s %8s  %s" % ("project", "findings", "seconds", "per rule"))
for project, total, counts in rows:
    print("%-10s %8d %8s  %s" % (project, total, times.get(project, "?"),
          ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
print("%-10s %8d %8s  %s" % ("all", sum(rules.values()), "", ", ".join("%s %d" % kv for kv in sorted(rules.items()))))
PY
echo "results: $results"
if [[ -f $verdicts ]]; then
    python3 "$corpus/../tools/triage.py" score --results "$results" --verdicts "$verdicts"
fi

#!/usr/bin/env bash
# --shard and --merge on the real-code corpus: each project is analysed whole
# and in N shards; the shards' JSON merged in each format must be byte for
# byte the whole run's output. Prints, per project, the units, the findings,
# whether every format was identical, the units per shard, and the CPU time of
# the largest shard and of the merge as a share of the whole run's.
#
#   bench/shard.sh [NULLPROOF] [N]        (N defaults to 4)
#
# Exits 1 when an output differs.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
nullproof=${1:-$top/build-rel/nullproof}
shards=${2:-4}
corpus=${NULLPROOF_CORPUS:-$top/../shared/corpus}
formats=(json sarif text github codeclimate)

[[ -x $nullproof ]] || { echo "shard.sh: no binary at $nullproof (build it first)" >&2; exit 2; }
nullproof=$(cd "$(dirname "$nullproof")" && pwd)/$(basename "$nullproof")
[[ -d $corpus ]] || { echo "shard.sh: no corpus at $corpus" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: >"$work/errors"
"$corpus/prepare.sh" "$work/db" >/dev/null

# CPU seconds (user + system) of a command, in $work/cpu; its status is kept.
cpu() {
    local status=0
    /usr/bin/time -f '%U %S' -o "$work/cpu.raw" "$@" || status=$?
    tail -n 1 "$work/cpu.raw" | awk '{ printf "%.2f", $1 + $2 }' >"$work/cpu"
    return $status
}

printf '%-8s %6s %8s %10s %-18s %9s %8s\n' project units findings identical "units/shard" \
    max-shard merge
failed=0
cd "$work"   # every run from one working directory, as CI runs them
for project in git jq lz4 mbedtls zstd; do
    db=$work/db/$project
    cpu "$nullproof" -p "$db" --format json -o whole.json --exit-zero -q -j2 2>>"$work/errors" || true
    whole_cpu=$(cat cpu)
    for format in "${formats[@]:1}"; do
        "$nullproof" -p "$db" --format "$format" -o "whole.$format" --exit-zero -q -j2 \
            2>>"$work/errors" || true
    done
    max_shard=0 per_shard=""
    for ((k = 1; k <= shards; k++)); do
        cpu "$nullproof" -p "$db" --shard "$k/$shards" --format json -o "shard-$k.json" \
            --exit-zero -q -j2 2>>"$work/errors" || true
        max_shard=$(awk -v a="$max_shard" -v b="$(cat cpu)" 'BEGIN { print (b > a ? b : a) }')
        per_shard+="${per_shard:+/}$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["translation_units"])' "shard-$k.json")"
    done
    identical=yes
    for format in "${formats[@]}"; do
        if [[ $format == json ]]; then cpu "$nullproof" --merge shard-*.json --format json \
            -o merged.json --exit-zero -q 2>>"$work/errors" || true; merge_cpu=$(cat cpu)
        else "$nullproof" --merge shard-*.json --format "$format" -o "merged.$format" \
            --exit-zero -q 2>>"$work/errors" || true; fi
        cmp -s "whole.$format" "merged.$format" || { identical="NO($format)"; failed=1; }
    done
    read -r units findings < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["translation_units"], len(r["findings"]))' whole.json)
    share() { awk -v a="$1" -v b="$whole_cpu" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
    printf '%-8s %6d %8d %10s %-18s %9s %8s\n' "$project" "$units" "$findings" "$identical" \
        "$per_shard" "$(share "$max_shard")" "$(share "$merge_cpu")"
    rm -f shard-*.json
done
[[ $failed == 0 ]] || { echo "shard.sh: nullproof's messages:" >&2; cat "$work/errors" >&2; }
exit $failed

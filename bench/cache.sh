#!/usr/bin/env bash
# What the result cache (--cache-dir) saves, on a copy of the real-code
# corpus (the cache must see files change, and the corpus is read-only):
# per project, a cold run (empty cache), a warm run (nothing changed) and
# a one-file re-check (a blank line appended to the unit of median size,
# the typical pre-commit or editor-save case), and a one-file re-check that
# moves every line of that unit (a comment line inserted at its top: the
# locations in its summaries change, so the units that call its functions
# are analysed again too, for the notes that cite them), whole-program analysis,
# -j2. Wall and CPU time are the least of ROUNDS repetitions (the machine
# is shared and noisy); the ratios are what to compare. Targets: warm at
# least 10x faster than cold; a one-file re-check at most 0.3 s.
#
#   bench/cache.sh [NULLPROOF] [ROUNDS]     (default ROUNDS: 3)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
nullproof=${1:-$top/build-rel/nullproof}
rounds=${2:-3}
corpus=${NULLPROOF_CORPUS:-$top/../shared/corpus}
[[ -x $nullproof ]] || { echo "cache.sh: no binary at $nullproof" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "cache.sh: needs GNU time (apt-get install time)" >&2; exit 2; }
[[ -d $corpus ]] || { echo "cache.sh: no corpus at $corpus" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$corpus" "$work/corpus"
chmod -R u+w "$work/corpus"
"$work/corpus/prepare.sh" "$work/db" >/dev/null

# one run into cache $1: "wall cpu" on stdout; the findings in $work/$2.json
measure() {
    local cache=$1 name=$2
    shift 2
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$nullproof" "$@" --cache-dir "$cache" \
        --format json -o "$work/$name.json" --exit-zero -q -j2 2>/dev/null >/dev/null || true
    read -r wall user system <"$work/time"
    echo "$wall $(echo "$user $system" | awk '{print $1 + $2}')"
}

least() { awk -v a="$1" -v b="$2" 'BEGIN{print (a == "" || b < a) ? b : a}'; }

# the unit of median size of a compile database
typical_unit() {
    python3 - "$1" <<'EOF'
import json, os, sys
files = sorted({e["file"] for e in json.load(open(sys.argv[1]))}, key=os.path.getsize)
print(files[len(files) // 2])
EOF
}

printf '%-9s %6s %8s %8s %8s %8s %8s %8s %8s %8s %s\n' project units cold warm ratio one-file \
    moved cpu-cold cpu-warm cpu-one same
for project in git jq lz4 mbedtls zstd; do
    db=$work/db/$project
    unit=$(typical_unit "$db/compile_commands.json")
    cold=; warm=; one=; moved=; cpu_cold=; cpu_warm=; cpu_one=; same=yes
    for ((r = 0; r < rounds; r++)); do
        rm -rf "$work/cache"
        read -r wall cpu < <(measure "$work/cache" cold -p "$db")
        cold=$(least "$cold" "$wall"); cpu_cold=$(least "$cpu_cold" "$cpu")
        read -r wall cpu < <(measure "$work/cache" warm -p "$db")
        warm=$(least "$warm" "$wall"); cpu_warm=$(least "$cpu_warm" "$cpu")
        cmp -s "$work/cold.json" "$work/warm.json" || same=no
        echo >>"$unit"
        read -r wall cpu < <(measure "$work/cache" one -p "$db")
        one=$(least "$one" "$wall"); cpu_one=$(least "$cpu_one" "$cpu")
        # the re-check reports what a run without the cache reports
        "$nullproof" -p "$db" --format json -o "$work/plain.json" --exit-zero -q -j2 \
            2>/dev/null || true
        cmp -s "$work/plain.json" "$work/one.json" || same=no
        sed -i '1i /* moved */' "$unit"
        read -r wall cpu < <(measure "$work/cache" moved -p "$db")
        moved=$(least "$moved" "$wall")
        "$nullproof" -p "$db" --format json -o "$work/plain.json" --exit-zero -q -j2 \
            2>/dev/null || true
        cmp -s "$work/plain.json" "$work/moved.json" || same=no
    done
    units=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' \
        "$db/compile_commands.json")
    echo "$project $units $cold $warm $one $moved $cpu_cold $cpu_warm $cpu_one $same $(basename "$unit")"
done | tee "$work/table" | awk '{
    printf "%-9s %6d %8.2f %8.2f %7.1fx %8.2f %8.2f %8.2f %8.2f %8.2f %s (%s)\n", $1, $2, $3, $4,
           $3 / ($4 > 0 ? $4 : 0.005), $5, $6, $7, $8, $9, $10, $11
    c += $3; w += $4 }
    END { printf "%-9s %6s %8.2f %8.2f %7.1fx\n", "all", "", c, w, c / (w > 0 ? w : 0.005) }'

#!/usr/bin/env bash
# What whole-program analysis (the default) costs over analysing each unit
# alone (--single-unit), with the same binary, on the real-code corpus:
# wall time (the least of ROUNDS runs, the two modes interleaved, since the
# machine is shared and noisy), CPU time and peak memory per project, and
# the ratio. Compare the ratios, not the seconds.
#
#   bench/whole_program.sh [NULLPROOF] [ROUNDS]     (default ROUNDS: 3)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
nullproof=${1:-$top/build-rel/nullproof}
rounds=${2:-3}
corpus=${NULLPROOF_CORPUS:-$top/../shared/corpus}
[[ -x $nullproof ]] || { echo "whole_program.sh: no binary at $nullproof" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "whole_program.sh: needs GNU time (apt-get install time)" >&2; exit 2; }
[[ -d $corpus ]] || { echo "whole_program.sh: no corpus at $corpus" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$corpus/prepare.sh" "$work/db" >/dev/null

# one run: "wall cpu peak-kB" on stdout
measure() {
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$nullproof" "$@" --format json \
        -o "$work/out.json" --exit-zero -q -j"$(nproc)" 2>/dev/null >/dev/null || true
    read -r wall user system peak <"$work/time"
    echo "$wall $(echo "$user $system" | awk '{print $1 + $2}') $peak"
}

printf '%-9s %9s %9s %7s %9s %9s %7s %10s %10s\n' project single whole ratio \
    cpu-single cpu-whole ratio kB-single kB-whole
for project in git jq lz4 mbedtls zstd; do
    best_single=; best_whole=; cpu_single=; cpu_whole=; peak_single=0; peak_whole=0
    for ((r = 0; r < rounds; r++)); do
        read -r wall cpu peak < <(measure -p "$work/db/$project" --single-unit)
        best_single=$(awk -v a="$best_single" -v b="$wall" 'BEGIN{print (a == "" || b < a) ? b : a}')
        cpu_single=$(awk -v a="$cpu_single" -v b="$cpu" 'BEGIN{print (a == "" || b < a) ? b : a}')
        peak_single=$((peak > peak_single ? peak : peak_single))
        read -r wall cpu peak < <(measure -p "$work/db/$project")
        best_whole=$(awk -v a="$best_whole" -v b="$wall" 'BEGIN{print (a == "" || b < a) ? b : a}')
        cpu_whole=$(awk -v a="$cpu_whole" -v b="$cpu" 'BEGIN{print (a == "" || b < a) ? b : a}')
        peak_whole=$((peak > peak_whole ? peak : peak_whole))
    done
    echo "$project $best_single $best_whole $cpu_single $cpu_whole $peak_single $peak_whole"
done | tee "$work/table" | awk '{
    printf "%-9s %9.2f %9.2f %6.1f%% %9.2f %9.2f %6.1f%% %10d %10d\n", $1, $2, $3,
           100 * ($3 / $2 - 1), $4, $5, 100 * ($5 / $4 - 1), $6, $7
    s += $2; w += $3; cs += $4; cw += $5 }
    END { printf "%-9s %9.2f %9.2f %6.1f%% %9.2f %9.2f %6.1f%%\n", "all", s, w, 100 * (w / s - 1),
                 cs, cw, 100 * (cw / cs - 1) }'

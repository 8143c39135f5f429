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

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --basename

#!/usr/bin/env bash
# Recall and false alarms of nullproof on a Juliet test-suite folder (the
# NULL-pointer subset in ../shared/juliet, or any folder laid out alike).
# Usage: bench/juliet.sh [JULIET_DIR] [NULLPROOF]   (JULIET_VERBOSE=1 lists misses;
#        JULIET_ARGS=--single-unit measures without whole-program analysis)
# Not part of the test suite: the Juliet files are benchmark input, not ours.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
juliet=${1:-$here/../shared/juliet}
binary=${2:-$here/build/nullproof}
if [ ! -x "$binary" ]; then
    echo "juliet.sh: $binary not built (run scripts/demo.sh or cmake --build build)" >&2
    exit 2
fi
if [ ! -d "$juliet/testcasesupport" ]; then
    echo "juliet.sh: $juliet does not look like a Juliet folder (no testcasesupport/)" >&2
    exit 2
fi
exec python3 "$here/bench/juliet_score.py" "$binary" "$juliet"

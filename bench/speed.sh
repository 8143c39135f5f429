#!/usr/bin/env bash
# Speed and memory of nullproof against clang -fsyntax-only on the same
# translation units (any build folder with compile_commands.json; the
# default is testdata/demo configured into build/demo by scripts/demo.sh).
# Usage: bench/speed.sh [BUILD_DIR] [NULLPROOF] [CLANG]
# Reported, never asserted: shared machines are noisy; compare ratios.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
database=${1:-$here/build/demo}
binary=${2:-$here/build/nullproof}
if [ -z "${3:-}" ]; then
    # The clang whose libclang nullproof was built against, so both parse alike.
    major=$("$binary" --version | sed -n 's/.*libclang[^0-9]*\([0-9][0-9]*\)\..*/\1/p' | head -n 1)
    clang=/usr/lib/llvm-${major:-14}/bin/clang
    [ -x "$clang" ] || clang=$(command -v clang || true)
else
    clang=$3
fi
if [ ! -f "$database/compile_commands.json" ]; then
    echo "speed.sh: no compile_commands.json in $database (run scripts/demo.sh first)" >&2
    exit 2
fi
if [ -z "$clang" ] || [ ! -x "$clang" ]; then
    echo "speed.sh: no clang to compare with (apt-get install clang)" >&2
    exit 2
fi
exec python3 "$here/bench/speed.py" "$binary" "$database" "$clang"

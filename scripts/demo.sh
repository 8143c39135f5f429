#!/usr/bin/env bash
# Builds nullproof (Release, in build/) and runs it on the demo project in
# testdata/demo through that project's compile_commands.json. Findings are
# the point of the demo: the script fails only if something broke.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${NULLPROOF_BUILD_DIR:-build}

scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DNULLPROOF_TESTS=OFF
cmake --build "$build" -j"$jobs"

if [[ ! -f testdata/demo/CMakeLists.txt ]]; then
    echo "demo: testdata/demo/CMakeLists.txt is missing; nothing to analyse" >&2
    exit 1
fi
cmake -S testdata/demo -B "$build/demo" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null

echo
echo "\$ $build/nullproof -p $build/demo"
status=0
"$build/nullproof" -p "$build/demo" || status=$?
case $status in
    0) echo "demo: no findings" ;;
    1) echo "demo: findings reported above (nullproof exit status 1)" ;;
    *) echo "demo: nullproof failed with exit status $status" >&2; exit "$status" ;;
esac

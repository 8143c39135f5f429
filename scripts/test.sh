#!/usr/bin/env bash
# Builds and tests nullproof against every installed libclang (14 and 19)
# with ASan+UBSan and -Werror, and prints the total of passed and failed
# ctest tests. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh || { echo "test.sh: installing dependencies failed" >&2; exit 1; }
jobs=$(nproc 2>/dev/null || echo 2)

passed=0
failed=0
skipped=0
broken=0
versions=0
for version in 14 19; do
    root=/usr/lib/llvm-$version
    if [[ ! -f $root/include/clang-c/Index.h ]]; then
        echo "test.sh: libclang $version not installed ($root); skipped"
        continue
    fi
    versions=$((versions + 1))
    build=build-test-$version
    echo "=== libclang $version: $build"
    if ! cmake -S . -B "$build" -DLLVM_ROOT="$root" -DNULLPROOF_SANITIZE=ON \
            -DNULLPROOF_WERROR=ON -DCMAKE_BUILD_TYPE=Debug >"$build.configure.log" 2>&1; then
        cat "$build.configure.log"
        echo "test.sh: configuring $build failed" >&2
        broken=$((broken + 1))
        continue
    fi
    rm -f "$build.configure.log"
    if ! cmake --build "$build" -j"$jobs"; then
        echo "test.sh: building $build failed" >&2
        broken=$((broken + 1))
        continue
    fi
    log=$(mktemp)
    (cd "$build" && ctest --output-on-failure -j"$jobs") 2>&1 | tee "$log"
    # ctest ends with "N% tests passed, F tests failed out of T".
    summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
    # Tests that need a missing tool exit 77 (ctest: Skipped); say why.
    skips=$(grep -c '\*\*\*Skipped' "$log" || true)
    skipped=$((skipped + skips))
    if [[ $skips -gt 0 && -f $build/Testing/Temporary/LastTest.log ]]; then
        grep -h '^SKIPPED: ' "$build/Testing/Temporary/LastTest.log" | sort -u |
            sed "s/^/test.sh: $build: /"
    fi
    rm -f "$log"
    if [[ -z $summary ]]; then
        echo "test.sh: ctest in $build gave no summary" >&2
        broken=$((broken + 1))
        continue
    fi
    total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$summary")
    failures=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$summary")
    passed=$((passed + total - failures - skips))
    failed=$((failed + failures))
done

if [[ $versions -eq 0 ]]; then
    echo "test.sh: no libclang found under /usr/lib/llvm-14 or /usr/lib/llvm-19" >&2
    broken=$((broken + 1))
fi
echo "test.sh: $passed passed, $failed failed, $skipped skipped"
if [[ $failed -ne 0 || $broken -ne 0 ]]; then
    exit 1
fi

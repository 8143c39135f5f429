#!/usr/bin/env bash
# Time and peak memory of nullproof against `clang -fsyntax-only` on
# generated functions of growing size (issue: cost must stay close to
# clang's own on any function). Prints one table; compare the ratios, not
# the seconds (shared, noisy machines).
#
#   bench/scale.sh [NULLPROOF] [SIZES...]     (default sizes: 1000 2000 5000 10000 20000)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
nullproof=${1:-$top/build-rel/nullproof}
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 2000 5000 10000 20000)
[[ -x $nullproof ]] || { echo "scale.sh: no binary at $nullproof" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "scale.sh: needs GNU time (apt-get install time)" >&2; exit 2; }
clang=$(command -v clang || command -v clang-19 || command -v clang-14) ||
    { echo "scale.sh: no clang to compare with" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "${sizes[@]}" <<'PY'
import os, sys
work, sizes = sys.argv[1], [int(n) for n in sys.argv[2:]]
def write(name, n, lines):
    with open(os.path.join(work, "%s_%d.c" % (name, n)), "w") as out:
        out.write("\n".join(["#include <stdlib.h>"] + lines) + "\n")
for n in sizes:
    # n tests that may allocate, then one use
    write("if_chain", n, ["char f(int c) {", "  char *p = 0;"] +
          ["  if (c == %d) p = malloc(%d + 1);" % (i, i) for i in range(n)] +
          ["  return p[0];", "}"])
    # a switch interpreter with 100 pointer locals
    locals_ = ["  char *r%d = 0;" % k for k in range(100)]
    cases = ["    case %d: r%d = malloc(%d); if (!r%d) return -1; r%d[0] = %d; break;"
             % (i, i % 100, i + 1, i % 100, i % 100, i % 7) for i in range(n)]
    write("switch_interpreter", n, ["int run(const int *code, int length) {"] + locals_ +
          ["  for (int pc = 0; pc < length; pc++) {", "    switch (code[pc]) {"] + cases +
          ["    }", "  }", "  return 0;", "}"])
    # computed-goto dispatch
    labels = ["op%d: p = (p ? p : malloc(%d)); if (!p) return -1; p[0] = %d; goto *table[code[pc++] %% %d];"
              % (i, i + 1, i % 7, n) for i in range(n)]
    write("computed_goto", n, ["int run(const int *code) {", "  char *p = 0;", "  int pc = 0;",
          "  static void *table[] = {" + ", ".join("&&op%d" % i for i in range(n)) + "};",
          "  goto *table[code[pc++] %% %d];" % n] + labels + ["}"])
    # a long else-if chain ending in the use
    write("else_if", n, ["char g(int c) {", "  char *p = malloc(4);", "  int y;"] +
          [("  if" if i == 0 else "  else if") + " (c == %d) y = %d;" % (i, i) for i in range(n)] +
          ["  else y = -1;", "  return p[0] + (char)y;", "}"])
    # deep nesting (clang's own bracket limit caps blocks at 256: nested ifs)
    depth = min(n, 250)
    write("nesting", n, ["char h(int c) {", "  char *p = malloc(4);", "  char r = 0;"] +
          ["  " + " " * i + "if (c > %d) {" % i for i in range(depth)] +
          ["    r = p[0];"] + ["  }" for _ in range(depth)] + ["  return r;", "}"])
PY

# CPU seconds (user + system), not elapsed time: on a shared machine the
# other processes stretch the elapsed time of both sides differently.
measure() { # command... -> "seconds kilobytes", or "crash crash" when it died of a signal
    /usr/bin/time -f "%U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
    if grep -q "terminated by signal" "$work/time"; then
        echo "crash crash"
    else
        tail -n 1 "$work/time" | awk '{ printf "%.2f %s\n", $1 + $2, $3 }'
    fi
}
# What nullproof did with the function when it was over a budget (--verbose).
degraded() {
    if grep -q "to analyse: skipped" "$work/stderr"; then
        echo "not analysed (over the memory budget)"
    elif grep -q "for path-sensitive analysis" "$work/stderr"; then
        echo "one state per join"
    fi
}
printf '%-20s %6s %10s %10s %7s %10s %10s %7s  %s\n' shape n "np cpu s" "clang s" ratio \
    "np MiB" "clang MiB" ratio "degraded"
for n in "${sizes[@]}"; do
    for shape in if_chain switch_interpreter computed_goto else_if nesting; do
        file=$work/${shape}_$n.c
        read -r np_s np_kb < <(measure "$nullproof" --verbose --exit-zero "$file" -- -std=gnu11)
        note=$(degraded)
        read -r cl_s cl_kb < <(measure "$clang" -fsyntax-only -std=gnu11 "$file")
        python3 -c "
import sys
name, n, a, b, c, d, note = sys.argv[1:]
if 'crash' in (a, c):
    print('%-20s %6s %10s (nullproof died of a signal)' % (name, n, 'CRASH'))
    sys.exit(0)
if 'crash' in (b, d):
    print('%-20s %6s %10.2f %10s %7s %10.1f %10s (clang died of a signal)'
          % (name, n, float(a), 'CRASH', '', float(c) / 1024, 'CRASH'))
    sys.exit(0)
a, b, c, d = float(a), float(b), float(c) / 1024, float(d) / 1024
print('%-20s %6s %10.2f %10.2f %6.1fx %10.1f %10.1f %6.1fx  %s' % (name, n, a, b, a / max(b, 0.01), c, d, c / max(d, 1), note))
" "$shape" "$n" "$np_s" "$cl_s" "$np_kb" "$cl_kb" "$note"
    done
done

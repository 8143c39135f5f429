#!/usr/bin/env bash
# A second held-out precision measurement on real projects nobody here wrote
# or had read before the measurement: fetches the Debian bookworm source
# packages of jansson, libevent, bc, less and gawk (pinned versions) into
# WORK_DIR, writes their compilation databases (configure + bear, or CMake),
# runs nullproof over each, and scores the findings against
# bench/triage/heldout2-sources.tsv. The sources stay in WORK_DIR:
# third-party code is not part of this repository.
#
#   bench/heldout2_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, cmake, libssl-dev, libncurses-dev,
# libreadline-dev, bison, flex, texinfo), installed when missing.
# libevent is analysed without its test/ folder (configured with
# EVENT__DISABLE_TESTS and EVENT__DISABLE_BENCHMARK): its regression suite
# would bring 396 of its 427 findings, nearly all unchecked results of the
# API under test, and drown the library's own. gawk is analysed in its top
# folder and extension/ only: support/ is gnulib's (dfa, regex, getopt,
# localeinfo, random) and support/malloc is glibc's dynarray, neither gawk's
# code. jansson (library, examples, test suites and json_process), bc
# (bc, dc and lib/, whose number.c is bc's own and getopt*.c gnulib's) and
# less are analysed whole.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout2_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout2-sources.tsv
packages=(jansson=2.14-2 libevent=2.1.12-stable-8 bc=1.07.1-3 less=590-2.1~deb12u2
          gawk=1:5.2.1-2)
[[ -x $nullproof ]] || { echo "heldout2_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout2_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear cmake make gcc pkg-config libssl-dev libncurses-dev libreadline-dev \
    bison flex texinfo
debian_fetch "${packages[@]}"
jansson=$(debian_unpack jansson "jansson_*.orig.tar.gz")
libevent=$(debian_unpack libevent "libevent_*.orig.tar.gz")
bc=$(debian_unpack bc "bc_*.orig.tar.gz")
less=$(debian_unpack less "less_*.orig.tar.gz")
gawk=$(debian_unpack gawk "gawk_*.orig.tar.xz")
[[ -f $jansson/build/compile_commands.json ]] ||
    cmake -S "$jansson" -B "$jansson/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DJANSSON_BUILD_DOCS=OFF >/dev/null 2>&1
[[ -f $libevent/build/compile_commands.json ]] ||
    cmake -S "$libevent" -B "$libevent/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DEVENT__DISABLE_TESTS=ON -DEVENT__DISABLE_BENCHMARK=ON >/dev/null 2>&1
debian_build bc "$bc" "./configure -q"
debian_build less "$less" "./configure -q"
# gawk's make stops in doc/ (the dfsg tarball has no gawktexi.in), after all
# of its C has been built.
[[ -f $gawk/compile_commands.json ]] ||
    (cd "$gawk" && ./configure -q >/dev/null && { bear -- make -s -j"$(nproc)" >/dev/null 2>&1 || true; })
[[ -f $gawk/extension/filefuncs.lo ]] || { echo "heldout2_precision.sh: gawk did not build" >&2; exit 1; }

debian_results
debian_run jansson "$jansson/build"
debian_run libevent "$libevent/build"
debian_run bc "$bc"
debian_run less "$less"
debian_run gawk "$gawk" "$gawk"/*.c "$gawk/extension"

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

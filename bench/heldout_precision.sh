#!/usr/bin/env bash
# Held-out precision on real projects nobody here wrote or had read before
# the measurement: fetches the Debian bookworm source packages of htop,
# nano, dash, cmark and expat (pinned versions) into WORK_DIR, writes their
# compilation databases (configure + bear, or CMake), runs nullproof over
# each, and scores the findings against bench/triage/heldout-sources.tsv.
# The sources stay in WORK_DIR: third-party code is not part of this
# repository.
#
#   bench/heldout_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, autoconf, automake, libncurses-dev, libnl-3-dev,
# libnl-genl-3-dev, libsensors-dev, cmake), installed when missing. nano is
# analysed in src/ only: gnulib's lib/ is 51 of its 67 units and is not
# nano's code. cmark is analysed in src/ only: its api_test/ harness calls
# the allocating API unchecked some 30 times and would outnumber the
# library's own 21 findings. htop, dash and expat (library, xmlwf,
# examples, tests) are analysed whole.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout-sources.tsv
packages=(htop=3.2.2-2 nano=7.2-1+deb12u1 dash=0.5.12-2 cmark=0.30.2-6 expat=2.5.0-1+deb12u2)
[[ -x $nullproof ]] || { echo "heldout_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear autoconf automake libncurses-dev libnl-3-dev libnl-genl-3-dev \
    libsensors-dev cmake make gcc pkg-config
debian_fetch "${packages[@]}"
htop=$(debian_unpack htop "htop_*.orig.tar.gz")
nano=$(debian_unpack nano "nano_*.orig.tar.xz")
dash=$(debian_unpack dash "dash_*.orig.tar.gz")
cmark=$(debian_unpack cmark "cmark_*.orig.tar.gz")
expat=$(debian_unpack expat "expat_*.orig.tar.gz")
# htop's tarball has no configure script; expat's is the repository, the
# library in expat/.
debian_build htop "$htop" "./autogen.sh && ./configure -q"
debian_build nano "$nano" "./configure -q"
debian_build dash "$dash" "./configure -q"
[[ -f $cmark/build/compile_commands.json ]] ||
    cmake -S "$cmark" -B "$cmark/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
[[ -f $expat/build/compile_commands.json ]] ||
    cmake -S "$expat/expat" -B "$expat/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null

debian_results
debian_run htop "$htop"
debian_run nano "$nano" "$nano/src"
debian_run dash "$dash"
debian_run cmark "$cmark/build" "$cmark/src"
debian_run expat "$expat/build"

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

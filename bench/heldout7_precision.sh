#!/usr/bin/env bash
# A seventh precision measurement on real projects nobody here wrote: fetches
# the Debian bookworm source packages of dropbear, byacc, memcached, nasm
# and units (pinned versions) into WORK_DIR, writes their compilation databases
# (configure + bear, or make + bear), runs nullproof over each, and scores
# the findings against bench/triage/heldout7-sources.tsv. The sources stay
# in WORK_DIR: third-party code is not part of this repository.
#
#   bench/heldout7_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, libevent for memcached), installed
# when missing. Every project is analysed whole, as a user runs `nullproof
# -p .` (dropbear without zlib).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout7_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout7-sources.tsv
packages=(dropbear=2022.83-1+deb12u3 byacc=1:2.0.20221106-1 memcached=1.6.18-1
          nasm=2.16.01-1 units=2.22-2)
[[ -x $nullproof ]] || { echo "heldout7_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout7_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc pkg-config libevent-dev
debian_fetch "${packages[@]}"
declare -A folder
folder[dropbear]=$(debian_unpack dropbear "dropbear_*.orig.tar.bz2")
folder[byacc]=$(debian_unpack byacc "byacc_*.orig.tar.gz")
folder[memcached]=$(debian_unpack memcached "memcached_*.orig.tar.xz")
folder[nasm]=$(debian_unpack nasm "nasm_*.orig.tar.xz")
folder[units]=$(debian_unpack units "units_*.orig.tar.gz")
debian_build dropbear "${folder[dropbear]}" "./configure -q --disable-zlib"
debian_build byacc "${folder[byacc]}" "./configure -q"
debian_build memcached "${folder[memcached]}" "./configure -q"
debian_build nasm "${folder[nasm]}" "./configure -q"
debian_build units "${folder[units]}" "./configure -q"

debian_results
for name in dropbear byacc memcached nasm units; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

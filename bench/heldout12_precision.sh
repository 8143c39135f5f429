#!/usr/bin/env bash
# A twelfth precision measurement on real projects nobody here wrote:
# fetches the Debian bookworm source packages of dos2unix, gdbm, lhasa,
# procps, yajl and ncompress (pinned versions) into WORK_DIR, writes their
# compilation databases (configure, CMake or autoreconf, then make under
# bear), runs nullproof over each, and scores
# the findings against bench/triage/heldout12-sources.tsv. The sources stay in WORK_DIR:
# third-party code is not part of this repository.
#
#   bench/heldout12_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, CMake, autoconf, automake and
# libtool for lhasa, ncurses for procps), installed when missing. Every
# project is analysed whole, as a user runs `nullproof -p .` (dos2unix
# without native language support, gdbm without readline).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout12_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout12-sources.tsv
packages=(dos2unix=7.4.3-1 gdbm=1.23-3 lhasa=0.3.1-4 procps=2:4.0.2-3
          yajl=2.1.0-3+deb12u2 ncompress=4.2.4.6-6)
names=(dos2unix gdbm lhasa procps yajl ncompress)
[[ -x $nullproof ]] || { echo "heldout12_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout12_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc cmake pkg-config autoconf automake libtool libncurses-dev
debian_fetch "${packages[@]}"
declare -A folder
folder[dos2unix]=$(debian_unpack dos2unix "dos2unix_*.orig.tar.gz")
folder[gdbm]=$(debian_unpack gdbm "gdbm_*.orig.tar.gz")
folder[lhasa]=$(debian_unpack lhasa "lhasa_*.orig.tar.xz")
folder[procps]=$(debian_unpack procps "procps_*.orig.tar.xz")
folder[yajl]=$(debian_unpack yajl "yajl_*.orig.tar.gz")
folder[ncompress]=$(debian_unpack ncompress "ncompress_*.orig.tar.gz")
debian_build dos2unix "${folder[dos2unix]}" "" ENABLE_NLS=
debian_build gdbm "${folder[gdbm]}" "./configure -q --without-readline"
debian_build lhasa "${folder[lhasa]}" "autoreconf -fi && ./configure -q"
debian_build procps "${folder[procps]}" "./configure -q --disable-nls"
debian_build yajl "${folder[yajl]}" "cmake ."
debian_build ncompress "${folder[ncompress]}" ""

debian_results
for name in "${names[@]}"; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

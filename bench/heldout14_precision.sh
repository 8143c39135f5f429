#!/usr/bin/env bash
# A fourteenth precision measurement on real projects nobody here wrote:
# fetches the Debian bookworm source packages of dosfstools, jhead,
# wavpack, cscope, mtools, logrotate and figlet (pinned versions) into
# WORK_DIR, writes their compilation databases (configure or the project's
# Makefile, then make under bear), runs nullproof over each, and scores the
# findings against bench/triage/heldout14-sources.tsv. The sources stay in WORK_DIR:
# third-party code is not part of this repository.
#
#   bench/heldout14_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, flex, bison, ncurses and popt
# headers), installed when missing. Every project is analysed whole, as a
# user runs `nullproof -p .`.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout14_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout14-sources.tsv
packages=(dosfstools=4.2-1 jhead=1:3.06.0.1-6 wavpack=5.6.0-1 cscope=15.9-1
          mtools=4.0.33-1+really4.0.32-1 logrotate=3.21.0-1 figlet=2.2.5-3)
names=(dosfstools jhead wavpack cscope mtools logrotate figlet)
[[ -x $nullproof ]] || { echo "heldout14_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout14_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc flex bison libncurses-dev libpopt-dev
debian_fetch "${packages[@]}"
declare -A folder
folder[dosfstools]=$(debian_unpack dosfstools "dosfstools_*.orig.tar.gz")
folder[jhead]=$(debian_unpack jhead "jhead_*.orig.tar.gz")
folder[wavpack]=$(debian_unpack wavpack "wavpack_*.orig.tar.bz2")
folder[cscope]=$(debian_unpack cscope "cscope_*.orig.tar.xz")
folder[mtools]=$(debian_unpack mtools "mtools_*.orig.tar.bz2")
folder[logrotate]=$(debian_unpack logrotate "logrotate_*.orig.tar.gz")
folder[figlet]=$(debian_unpack figlet "figlet_*.orig.tar.gz")
debian_build dosfstools "${folder[dosfstools]}" "./configure -q --without-udev"
debian_build jhead "${folder[jhead]}" ""
debian_build wavpack "${folder[wavpack]}" "./configure -q --disable-asm"
debian_build cscope "${folder[cscope]}" "./configure -q"
debian_build mtools "${folder[mtools]}" "./configure -q"
debian_build logrotate "${folder[logrotate]}" "./configure -q --without-selinux --without-acl"
debian_build figlet "${folder[figlet]}" ""

debian_results
for name in "${names[@]}"; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

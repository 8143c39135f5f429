#!/usr/bin/env bash
# A fourth precision measurement on real projects nobody here wrote: fetches
# the Debian bookworm source packages of m4, grep, lua5.4, tree and dnsmasq
# (pinned versions) into WORK_DIR, writes their compilation databases
# (configure + bear, or make + bear), runs nullproof over each, and scores
# the findings against bench/triage/heldout4-sources.tsv. The sources stay
# in WORK_DIR: third-party code is not part of this repository.
#
#   bench/heldout4_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc), installed when missing. Every
# project is analysed whole, as a user runs `nullproof -p .` (m4's and
# grep's lib/ and gnulib-tests/ are gnulib's).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout4_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout4-sources.tsv
packages=(m4=1.4.19-3 grep=3.8-5 lua5.4=5.4.4-3+deb12u1 tree=2.1.0-1 dnsmasq=2.90-4~deb12u2)
[[ -x $nullproof ]] || { echo "heldout4_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout4_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc pkg-config
debian_fetch "${packages[@]}"
declare -A folder
folder[m4]=$(debian_unpack m4 "m4_*.orig.tar.xz")
folder[grep]=$(debian_unpack grep "grep_*.orig.tar.xz")
folder[lua]=$(debian_unpack lua "lua5.4_*.orig.tar.gz")
folder[tree]=$(debian_unpack tree "tree_*.orig.tar.gz")
folder[dnsmasq]=$(debian_unpack dnsmasq "dnsmasq_*.orig.tar.xz")
debian_build m4 "${folder[m4]}" "./configure -q"
debian_build grep "${folder[grep]}" "./configure -q"
debian_build lua "${folder[lua]}" "" linux
debian_build tree "${folder[tree]}" ""
debian_build dnsmasq "${folder[dnsmasq]}" ""

debian_results
for name in m4 grep lua tree dnsmasq; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

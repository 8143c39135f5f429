#!/usr/bin/env bash
# A third held-out precision measurement on real projects nobody here wrote
# or had read before the measurement: fetches the Debian bookworm source
# packages of mawk, libconfuse, libpcap, pv, ed, fribidi, file, sed and
# patch (pinned versions) into WORK_DIR, writes their compilation databases
# (configure + bear), runs nullproof over each, and scores the findings
# against bench/triage/heldout3-sources.tsv. The sources stay in WORK_DIR:
# third-party code is not part of this repository.
#
#   bench/heldout3_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, flex, bison, zlib1g-dev, and autoconf, automake,
# libtool and autopoint for libconfuse, whose tarball has no configure),
# installed when missing. (ed's configure takes no -q.) Every project is
# analysed whole, as a user runs `nullproof -p .`: sed's and patch's lib/
# (and sed's gnulib-tests/) are gnulib's, and their callers' view of
# gnulib's xmalloc depends on it being in the program.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout3_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout3-sources.tsv
packages=(mawk=1.3.4.20200120-3.1 libconfuse=3.3-3 libpcap=1.10.3-1 pv=1.6.20-1 ed=1.19-1
          fribidi=1.0.8-2.1 file=1:5.44-3 sed=4.9-1+deb12u1 patch=2.7.6-7)
[[ -x $nullproof ]] || { echo "heldout3_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout3_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc pkg-config flex bison zlib1g-dev autoconf automake libtool \
    autopoint gettext
debian_fetch "${packages[@]}"
declare -A folder
folder[mawk]=$(debian_unpack mawk "mawk_*.orig.tar.gz")
folder[libconfuse]=$(debian_unpack libconfuse "libconfuse_*.orig.tar.xz")
folder[libpcap]=$(debian_unpack libpcap "libpcap_*.orig.tar.gz")
folder[pv]=$(debian_unpack pv "pv_*.orig.tar.bz2")
folder[ed]=$(debian_unpack ed "ed_*.orig.tar.gz")
folder[fribidi]=$(debian_unpack fribidi "fribidi_*.orig.tar.bz2")
folder[file]=$(debian_unpack file "file_*.orig.tar.gz")
folder[sed]=$(debian_unpack sed "sed_*.orig.tar.xz")
folder[patch]=$(debian_unpack patch "patch_*.orig.tar.xz")
for name in mawk libconfuse libpcap pv ed fribidi file sed patch; do
    debian_build "$name" "${folder[$name]}" '{ [[ -x configure ]] || ./autogen.sh; } && ./configure'
done

debian_results
for name in mawk libconfuse libpcap pv ed fribidi file sed patch; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

#!/usr/bin/env bash
# A seventeenth precision measurement on real projects nobody here wrote:
# fetches the Debian bookworm source packages of chrony, picocom, jdupes,
# cksfv, clzip, gifsicle, twolame and faad2 (pinned versions) into
# WORK_DIR, writes their compilation databases (configure, autoreconf then
# configure, or the project's Makefile, then make under bear), runs
# nullproof over each, and scores the findings against
# bench/triage/heldout17-sources.tsv. The sources stay in WORK_DIR:
# third-party code is not part of this repository.
#
#   bench/heldout17_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, autoconf, automake, libtool),
# installed when missing. Every project is analysed whole, as a user runs
# `nullproof -p .`.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout17_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout17-sources.tsv
packages=(chrony=4.3-2+deb12u3 picocom=3.1-4 jdupes=1.21.3-1+deb12u1 cksfv=1.3.15-1
          clzip=1.13-5 gifsicle=1.93-2 twolame=0.4.0-2 faad2=2.10.1-1)
names=(chrony picocom jdupes cksfv clzip gifsicle twolame faad2)
[[ -x $nullproof ]] || { echo "heldout17_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout17_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc autoconf automake libtool
debian_fetch "${packages[@]}"
declare -A folder
folder[chrony]=$(debian_unpack chrony "chrony_*.orig.tar.gz")
folder[picocom]=$(debian_unpack picocom "picocom_*.orig.tar.gz")
folder[jdupes]=$(debian_unpack jdupes "jdupes_*.orig.tar.gz")
folder[cksfv]=$(debian_unpack cksfv "cksfv_*.orig.tar.bz2")
folder[clzip]=$(debian_unpack clzip "clzip_*.orig.tar.xz")
folder[gifsicle]=$(debian_unpack gifsicle "gifsicle_*.orig.tar.gz")
folder[twolame]=$(debian_unpack twolame "twolame_*.orig.tar.gz")
folder[faad2]=$(debian_unpack faad2 "faad2_*.orig.tar.gz")
# chrony without its optional libraries: their headers need not be there.
debian_build chrony "${folder[chrony]}" "./configure --disable-readline --without-nettle \
    --without-nss --without-tomcrypt --without-gnutls --disable-sechash --without-libcap \
    --without-seccomp"
debian_build picocom "${folder[picocom]}" ""
debian_build jdupes "${folder[jdupes]}" ""
debian_build cksfv "${folder[cksfv]}" "./configure"
debian_build clzip "${folder[clzip]}" "./configure"
# gifsicle's and faad2's tarballs have no configure script; gifview needs X11.
debian_build gifsicle "${folder[gifsicle]}" "autoreconf -i && ./configure --disable-gifview"
debian_build twolame "${folder[twolame]}" "./configure -q"
debian_build faad2 "${folder[faad2]}" "autoreconf -i && ./configure -q"

debian_results
for name in "${names[@]}"; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

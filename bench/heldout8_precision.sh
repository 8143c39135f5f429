#!/usr/bin/env bash
# An eighth precision measurement on real projects nobody here wrote: fetches
# the Debian bookworm source packages of rsync, tinyproxy, xz-utils, psmisc,
# fdupes and giflib (pinned versions) into WORK_DIR, writes their
# compilation databases (configure + bear, or make + bear), runs nullproof
# over each, and scores the findings against
# bench/triage/heldout8-sources.tsv. The sources stay in WORK_DIR:
# third-party code is not part of this repository.
#
#   bench/heldout8_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, ncurses for psmisc), installed when
# missing. Every project is analysed whole, as a user runs `nullproof -p .`
# (rsync with its bundled popt and zlib, without the optional libraries;
# fdupes without its ncurses interface, its configure made by autoreconf).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout8_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout8-sources.tsv
packages=(rsync=3.2.7-1+deb12u6 tinyproxy=1.11.1-2.1+deb12u1 xz-utils=5.4.1-1+deb12u1
          psmisc=23.6-1 fdupes=1:2.2.1-1 giflib=5.2.1-2.5+deb12u1)
names=(rsync tinyproxy xz-utils psmisc fdupes giflib)
[[ -x $nullproof ]] || { echo "heldout8_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout8_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc pkg-config autoconf automake libncurses-dev
debian_fetch "${packages[@]}"
declare -A folder
folder[rsync]=$(debian_unpack rsync "rsync_*.orig.tar.gz")
folder[tinyproxy]=$(debian_unpack tinyproxy "tinyproxy_*.orig.tar.*")
folder[xz-utils]=$(debian_unpack xz-utils "xz-utils_*.orig.tar.xz")
folder[psmisc]=$(debian_unpack psmisc "psmisc_*.orig.tar.xz")
folder[fdupes]=$(debian_unpack fdupes "fdupes_*.orig.tar.xz")
folder[giflib]=$(debian_unpack giflib "giflib_*.orig.tar.gz")
debian_build rsync "${folder[rsync]}" "./configure -q --with-included-popt --with-included-zlib \
    --disable-openssl --disable-xxhash --disable-zstd --disable-lz4 --disable-md2man"
debian_build tinyproxy "${folder[tinyproxy]}" "./configure -q"
debian_build xz-utils "${folder[xz-utils]}" "./configure -q --disable-doc"
debian_build psmisc "${folder[psmisc]}" "./configure -q"
debian_build fdupes "${folder[fdupes]}" "autoreconf -fi && ./configure -q --without-ncurses"
debian_build giflib "${folder[giflib]}" ""

debian_results
for name in "${names[@]}"; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

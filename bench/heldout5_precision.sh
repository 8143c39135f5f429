#!/usr/bin/env bash
# A fifth precision measurement on real projects nobody here wrote: fetches
# the Debian bookworm source packages of bzip2, screen, cpio, indent and lighttpd
# (pinned versions) into WORK_DIR, writes their compilation databases
# (configure + bear, or make + bear), runs nullproof over each, and scores
# the findings against bench/triage/heldout5-sources.tsv. The sources stay
# in WORK_DIR: third-party code is not part of this repository.
#
#   bench/heldout5_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, ncurses), installed when missing.
# Every project is analysed whole, as a user runs `nullproof -p .` (cpio's and
# indent's lib/ are gnulib's; lighttpd is built without its optional
# libraries).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout5_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout5-sources.tsv
packages=(bzip2=1.0.8-5 screen=4.9.0-4 cpio=2.13+dfsg-7.1 indent=2.2.12-4+deb12u3
          lighttpd=1.4.69-1)
[[ -x $nullproof ]] || { echo "heldout5_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout5_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc pkg-config autoconf libncurses-dev
debian_fetch "${packages[@]}"
declare -A folder
folder[bzip2]=$(debian_unpack bzip2 "bzip2_*.orig.tar.gz")
folder[screen]=$(debian_unpack screen "screen_*.orig.tar.gz")
folder[cpio]=$(debian_unpack cpio "cpio_*.orig.tar.bz2")
folder[indent]=$(debian_unpack indent "indent_*.orig.tar.xz")
folder[lighttpd]=$(debian_unpack lighttpd "lighttpd_*.orig.tar.xz")
debian_build bzip2 "${folder[bzip2]}" ""
debian_build screen "${folder[screen]}" "./autogen.sh && ./configure -q"
# Debian's cpio tarball has no manual (doc/ is skipped), and gnulib's
# progname.c and cpio's global.c both define program_name (Debian patches
# that; the linker is told to take the first).
debian_build cpio "${folder[cpio]}" \
    "./configure -q LDFLAGS=-Wl,--allow-multiple-definition && printf 'all:\\n' >doc/Makefile"
debian_build indent "${folder[indent]}" "./configure -q"
debian_build lighttpd "${folder[lighttpd]}" \
    "./configure -q --without-pcre2 --without-zlib --without-bzip2 --without-zstd"

debian_results
for name in bzip2 screen cpio indent lighttpd; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

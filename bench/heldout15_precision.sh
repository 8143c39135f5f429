#!/usr/bin/env bash
# A fifteenth precision measurement on real projects nobody here wrote:
# fetches the Debian bookworm source packages of squashfs-tools, libpng,
# miniupnpc, dtach, librsync, unzip, zip and joe (pinned versions) into
# WORK_DIR, writes their compilation databases (configure, CMake or the
# project's Makefile, then make under bear), runs nullproof over each, and
# scores the findings against bench/triage/heldout15-sources.tsv. The
# sources stay in WORK_DIR: third-party code is not part of this repository.
#
#   bench/heldout15_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, cmake, zlib and liblzma headers),
# installed when missing. Every project is analysed whole, as a user runs
# `nullproof -p .`.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout15_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout15-sources.tsv
packages=(squashfs-tools=1:4.5.1-1 libpng1.6=1.6.39-2+deb12u5 miniupnpc=2.2.4-1
          dtach=0.9-5 librsync=2.3.2-1 unzip=6.0-28 zip=3.0-13 joe=4.6-1.1)
names=(squashfs-tools libpng miniupnpc dtach librsync unzip zip joe)
[[ -x $nullproof ]] || { echo "heldout15_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout15_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc cmake zlib1g-dev liblzma-dev
debian_fetch "${packages[@]}"
declare -A folder database
folder[squashfs-tools]=$(debian_unpack squashfs-tools "squashfs-tools_*.orig.tar.gz")
folder[libpng]=$(debian_unpack libpng "libpng1.6_*.orig.tar.gz")
folder[miniupnpc]=$(debian_unpack miniupnpc "miniupnpc_*.orig.tar.gz")
folder[dtach]=$(debian_unpack dtach "dtach_*.orig.tar.gz")
folder[librsync]=$(debian_unpack librsync "librsync_*.orig.tar.gz")
folder[unzip]=$(debian_unpack unzip "unzip_*.orig.tar.gz")
folder[zip]=$(debian_unpack zip "zip_*.orig.tar.gz")
folder[joe]=$(debian_unpack joe "joe_*.orig.tar.gz")
for name in "${names[@]}"; do database[$name]=${folder[$name]}; done
# squashfs-tools keeps its sources and Makefile one folder down.
database[squashfs-tools]=${folder[squashfs-tools]}/squashfs-tools
debian_build squashfs-tools "${database[squashfs-tools]}" ""
debian_build libpng "${folder[libpng]}" "./configure -q"
debian_build miniupnpc "${folder[miniupnpc]}" ""
debian_build dtach "${folder[dtach]}" "./configure -q"
database[librsync]=${folder[librsync]}/build
[[ -s ${database[librsync]}/compile_commands.json ]] ||
    cmake -S "${folder[librsync]}" -B "${database[librsync]}" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DCMAKE_BUILD_TYPE=Release >/dev/null ||
    { echo "$bench: librsync did not configure" >&2; exit 1; }
# Info-ZIP's unzip and zip build with their Unix makefile's portable target.
debian_build unzip "${folder[unzip]}" "" -f unix/Makefile generic
debian_build zip "${folder[zip]}" "" -f unix/Makefile generic
debian_build joe "${folder[joe]}" "./configure -q"

debian_results
for name in "${names[@]}"; do
    debian_run "$name" "${database[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

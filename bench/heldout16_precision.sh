#!/usr/bin/env bash
# A sixteenth precision measurement on real projects nobody here wrote:
# fetches the Debian bookworm source packages of libtiff, brotli, jbig2dec,
# libogg, traceroute, diffstat and cmatrix (pinned versions) into WORK_DIR,
# writes their compilation databases (CMake, configure or the project's
# Makefile, then make under bear), runs nullproof over each, and scores the
# findings against bench/triage/heldout16-sources.tsv. The sources stay in
# WORK_DIR: third-party code is not part of this repository.
#
#   bench/heldout16_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, cmake, zlib and ncurses headers),
# installed when missing. Every project is analysed whole, as a user runs
# `nullproof -p .`.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout16_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout16-sources.tsv
packages=(tiff=4.5.0-6+deb12u4 brotli=1.0.9-2 jbig2dec=0.19-3 libogg=1.3.5-3
          traceroute=1:2.1.2-1 diffstat=1.65-1 cmatrix=2.0-3)
names=(tiff brotli jbig2dec libogg traceroute diffstat cmatrix)
[[ -x $nullproof ]] || { echo "heldout16_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout16_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc cmake zlib1g-dev libncurses-dev
debian_fetch "${packages[@]}"
declare -A folder database
folder[tiff]=$(debian_unpack tiff "tiff_*.orig.tar.bz2")
folder[brotli]=$(debian_unpack brotli "brotli_*.orig.tar.gz")
folder[jbig2dec]=$(debian_unpack jbig2dec "jbig2dec_*.orig.tar.gz")
folder[libogg]=$(debian_unpack libogg "libogg_*.orig.tar.xz")
folder[traceroute]=$(debian_unpack traceroute "traceroute_*.orig.tar.gz")
folder[diffstat]=$(debian_unpack diffstat "diffstat_*.orig.tar.xz")
folder[cmatrix]=$(debian_unpack cmatrix "cmatrix_*.orig.tar.gz")
for name in "${names[@]}"; do database[$name]=${folder[$name]}; done
# The CMake projects write their database when configured.
for name in tiff brotli cmatrix; do
    database[$name]=${folder[$name]}/build
    [[ -s ${database[$name]}/compile_commands.json ]] ||
        cmake -S "${folder[$name]}" -B "${database[$name]}" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
            -DCMAKE_BUILD_TYPE=Release >/dev/null 2>&1 ||
        { echo "$bench: $name did not configure" >&2; exit 1; }
done
# jbig2dec's tarball has no configure; its plain Unix makefile builds it.
debian_build jbig2dec "${folder[jbig2dec]}" "" -f Makefile.unix
debian_build libogg "${folder[libogg]}" "./configure -q"
debian_build traceroute "${folder[traceroute]}" ""
debian_build diffstat "${folder[diffstat]}" "./configure -q"

debian_results
for name in "${names[@]}"; do
    debian_run "$name" "${database[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

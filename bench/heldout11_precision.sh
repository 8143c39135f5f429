#!/usr/bin/env bash
# An eleventh precision measurement on real projects nobody here wrote:
# fetches the Debian bookworm source packages of json-c, c-ares, popt,
# tcpdump, jo and libmaxminddb (pinned versions) into WORK_DIR, writes
# their compilation databases (configure, CMake or autoreconf, then make
# under bear), runs nullproof over each, and scores
# the findings against bench/triage/heldout11-sources.tsv. The sources stay in WORK_DIR:
# third-party code is not part of this repository.
#
#   bench/heldout11_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, CMake, autoconf and automake for jo,
# libpcap for tcpdump), installed when missing. Every project is analysed
# whole, as a user runs `nullproof -p .`, tests left out where CMake can.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout11_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout11-sources.tsv
packages=(json-c=0.16-2 c-ares=1.18.1-3 popt=1.19+dfsg-1 tcpdump=4.99.3-1
          jo=1.9-1 libmaxminddb=1.7.1-1)
names=(json-c c-ares popt tcpdump jo libmaxminddb)
[[ -x $nullproof ]] || { echo "heldout11_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout11_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc cmake pkg-config autoconf automake libpcap-dev
debian_fetch "${packages[@]}"
declare -A folder
folder[json-c]=$(debian_unpack json-c "json-c_*.orig.tar.gz")
folder[c-ares]=$(debian_unpack c-ares "c-ares_*.orig.tar.gz")
folder[popt]=$(debian_unpack popt "popt_*.orig.tar.xz")
folder[tcpdump]=$(debian_unpack tcpdump "tcpdump_*.orig.tar.gz")
folder[jo]=$(debian_unpack jo "jo_*.orig.tar.gz")
folder[libmaxminddb]=$(debian_unpack libmaxminddb "libmaxminddb_*.orig.tar.gz")
debian_build json-c "${folder[json-c]}" "cmake -DBUILD_TESTING=OFF ."
debian_build c-ares "${folder[c-ares]}" "./configure -q"
debian_build popt "${folder[popt]}" "./configure -q"
debian_build tcpdump "${folder[tcpdump]}" "./configure -q"
debian_build jo "${folder[jo]}" "autoreconf -fi && ./configure -q"
debian_build libmaxminddb "${folder[libmaxminddb]}" "cmake -DBUILD_TESTING=OFF ."

debian_results
for name in "${names[@]}"; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

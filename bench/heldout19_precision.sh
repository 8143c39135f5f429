#!/usr/bin/env bash
# A nineteenth precision measurement on real projects nobody here wrote:
# fetches the Debian bookworm source packages of lame, libb2 and
# daemontools (pinned versions) into WORK_DIR, writes their compilation
# databases (configure, autoreconf then configure, or the project's
# Makefile, then make under bear), runs nullproof over each, and scores
# the findings against bench/triage/heldout19-sources.tsv. The sources stay
# in WORK_DIR: third-party code is not part of this repository.
#
#   bench/heldout19_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, autoconf, automake, libtool),
# installed when missing. Every project is analysed whole, as a user runs
# `nullproof -p .`.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout19_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout19-sources.tsv
packages=(lame=3.100-6 libb2=0.98.1-1.1 daemontools=1:0.76-8.1)
names=(lame libb2 daemontools)
[[ -x $nullproof ]] || { echo "heldout19_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout19_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc autoconf automake libtool
debian_fetch "${packages[@]}"
declare -A folder database
folder[lame]=$(debian_unpack lame "lame_*.orig.tar.gz")
folder[libb2]=$(debian_unpack libb2 "libb2_*.orig.tar.gz")
folder[daemontools]=$(debian_unpack daemontools "daemontools_*.orig.tar.gz")
for name in "${names[@]}"; do database[$name]=${folder[$name]}; done
# lame's library and tools without its frontend's optional dependencies.
debian_build lame "${folder[lame]}" "./configure -q --disable-frontend"
# libb2's tarball has no configure script.
debian_build libb2 "${folder[libb2]}" "autoreconf -i && ./configure -q"
# daemontools builds in its src folder, with the install prefix in `home`
# (package/compile writes it) and <errno.h> for its `extern int errno;`.
database[daemontools]=${folder[daemontools]}/daemontools-0.76/src
debian_build daemontools "${database[daemontools]}" \
    "echo '$work/daemontools' > home && echo 'gcc -O2 -include /usr/include/errno.h' > conf-cc"

debian_results
for name in "${names[@]}"; do
    debian_run "$name" "${database[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

#!/usr/bin/env bash
# An eighteenth precision measurement on real projects nobody here wrote:
# fetches the Debian bookworm source packages of a52dec, cpulimit, zopfli,
# moreutils, ucspi-tcp, flac and libwebp (pinned versions) into WORK_DIR,
# writes their compilation databases (configure, CMake or the project's
# Makefile, then make under bear), runs nullproof over each, and scores
# the findings against bench/triage/heldout18-sources.tsv. The sources
# stay in WORK_DIR: third-party code is not part of this repository.
#
#   bench/heldout18_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, cmake), installed when missing.
# Every project is analysed whole, as a user runs `nullproof -p .`.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout18_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout18-sources.tsv
packages=(a52dec=0.7.4-20 cpulimit=2.8-1 zopfli=1.0.3-1 moreutils=0.67-1
          ucspi-tcp=1:0.88-7 flac=1.4.2+ds-2 libwebp=1.2.4-0.2+deb12u1)
names=(a52dec cpulimit zopfli moreutils ucspi-tcp flac libwebp)
[[ -x $nullproof ]] || { echo "heldout18_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout18_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc cmake
debian_fetch "${packages[@]}"
declare -A folder database
folder[a52dec]=$(debian_unpack a52dec "a52dec_*.orig.tar.gz")
folder[cpulimit]=$(debian_unpack cpulimit "cpulimit_*.orig.tar.gz")
folder[zopfli]=$(debian_unpack zopfli "zopfli_*.orig.tar.gz")
folder[moreutils]=$(debian_unpack moreutils "moreutils_*.orig.tar.gz")
folder[ucspi-tcp]=$(debian_unpack ucspi-tcp "ucspi-tcp_*.orig.tar.gz")
folder[flac]=$(debian_unpack flac "flac_*.orig.tar.xz")
folder[libwebp]=$(debian_unpack libwebp "libwebp_*.orig.tar.gz")
for name in "${names[@]}"; do database[$name]=${folder[$name]}; done
debian_build a52dec "${folder[a52dec]}" "./configure -q"
debian_build cpulimit "${folder[cpulimit]}" ""
debian_build zopfli "${folder[zopfli]}" ""
# moreutils' programs only: its man pages need a DocBook DTD.
debian_build moreutils "${folder[moreutils]}" "" isutf8 ifdata ifne pee sponge mispipe \
    lckdo parallel errno
# ucspi-tcp declares `extern int errno;`, which glibc's TLS errno refuses at
# link time; Debian's build includes <errno.h> the same way.
debian_build ucspi-tcp "${folder[ucspi-tcp]}" "echo 'gcc -O2 -include /usr/include/errno.h' > conf-cc"
debian_build flac "${folder[flac]}" "./configure -q --disable-ogg --disable-doxygen-docs \
    --disable-xmms-plugin --disable-cpplibs"
database[libwebp]=${folder[libwebp]}/build
[[ -s ${database[libwebp]}/compile_commands.json ]] ||
    cmake -S "${folder[libwebp]}" -B "${database[libwebp]}" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DCMAKE_BUILD_TYPE=Release >/dev/null 2>&1 ||
    { echo "$bench: libwebp did not configure" >&2; exit 1; }

debian_results
for name in "${names[@]}"; do
    debian_run "$name" "${database[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

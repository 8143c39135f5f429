#!/usr/bin/env bash
# A ninth precision measurement on real projects nobody here wrote: fetches
# the Debian bookworm source packages of nginx, ethtool, zlib, flex and lsof
# (pinned versions) into WORK_DIR, writes their
# compilation databases (configure + bear, or make + bear), runs nullproof
# over each, and scores the findings against
# bench/triage/heldout9-sources.tsv. The sources stay in WORK_DIR:
# third-party code is not part of this repository.
#
#   bench/heldout9_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, m4 for flex), installed when missing.
# Every project is analysed whole, as a user runs `nullproof -p .` (nginx
# without the modules that need PCRE or zlib, ethtool without netlink).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout9_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout9-sources.tsv
packages=(nginx=1.22.1-9+deb12u9 ethtool=1:6.1-1 zlib=1:1.2.13.dfsg-1 flex=2.6.4-8.2
          lsof=4.95.0-1)
names=(nginx ethtool zlib flex lsof)
[[ -x $nullproof ]] || { echo "heldout9_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout9_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc pkg-config m4
debian_fetch "${packages[@]}"
declare -A folder
folder[nginx]=$(debian_unpack nginx "nginx_*.orig.tar.gz")
folder[ethtool]=$(debian_unpack ethtool "ethtool_*.orig.tar.*")
folder[zlib]=$(debian_unpack zlib "zlib_*.orig.tar.*")
folder[flex]=$(debian_unpack flex "flex_*.orig.tar.gz")
folder[lsof]=$(debian_unpack lsof "lsof_*.orig.tar.*")
debian_build nginx "${folder[nginx]}" "./configure --without-http_rewrite_module \
    --without-http_gzip_module"
debian_build ethtool "${folder[ethtool]}" "./configure -q --disable-netlink"
debian_build zlib "${folder[zlib]}" "./configure"
debian_build flex "${folder[flex]}" "./configure -q"
debian_build lsof "${folder[lsof]}" "./Configure -n linux"

debian_results
for name in "${names[@]}"; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

#!/usr/bin/env bash
# A thirteenth precision measurement on real projects nobody here wrote:
# fetches the Debian bookworm source packages of at, libev, libtasn1-6,
# tinycdb and unzip (pinned versions) into WORK_DIR, writes
# their compilation databases (configure or the project's Makefile, then
# make under bear), runs nullproof over each, and scores
# the findings against bench/triage/heldout13-sources.tsv. The sources stay in WORK_DIR:
# third-party code is not part of this repository.
#
#   bench/heldout13_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, bison and flex for at), installed
# when missing. Every project is analysed whole, as a user runs
# `nullproof -p .` (at's daemon and tool with Debian's spool folders,
# unzip's generic Unix build).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout13_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout13-sources.tsv
packages=(at=3.2.5-1 libev=1:4.33-1 libtasn1-6=4.19.0-2+deb12u1 tinycdb=0.78
          unzip=6.0-28)
names=(at libev libtasn1-6 tinycdb unzip)
[[ -x $nullproof ]] || { echo "heldout13_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout13_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc bison flex
debian_fetch "${packages[@]}"
declare -A folder
folder[at]=$(debian_unpack at "at_*.orig.tar.gz")
folder[libev]=$(debian_unpack libev "libev_*.orig.tar.gz")
folder[libtasn1-6]=$(debian_unpack libtasn1-6 "libtasn1-6_*.orig.tar.gz")
folder[tinycdb]=$(debian_unpack tinycdb "tinycdb_*.tar.gz")
folder[unzip]=$(debian_unpack unzip "unzip_*.orig.tar.gz")
debian_build at "${folder[at]}" "./configure -q --with-jobdir=/var/spool/cron/atjobs \
    --with-atspool=/var/spool/cron/atspool SENDMAIL=/usr/sbin/sendmail" at atd
debian_build libev "${folder[libev]}" "./configure -q"
debian_build libtasn1-6 "${folder[libtasn1-6]}" "./configure -q"
debian_build tinycdb "${folder[tinycdb]}" ""
debian_build unzip "${folder[unzip]}" "" -f unix/Makefile generic

debian_results
for name in "${names[@]}"; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

#!/usr/bin/env bash
# A sixth precision measurement on real projects nobody here wrote: fetches
# the Debian bookworm source packages of gzip, socat, libmicrohttpd and
# mosquitto (pinned versions) into WORK_DIR, writes their compilation databases
# (configure + bear, or make + bear), runs nullproof over each, and scores
# the findings against bench/triage/heldout6-sources.tsv. The sources stay
# in WORK_DIR: third-party code is not part of this repository.
#
#   bench/heldout6_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, GnuTLS for libmicrohttpd), installed
# when missing. Every project is analysed whole, as a user runs `nullproof
# -p .` (gzip's lib/ is gnulib's; socat is built without OpenSSL, mosquitto
# without TLS, cJSON and its documentation).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout6_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout6-sources.tsv
packages=(gzip=1.12-1 socat=1.7.4.4-2 libmicrohttpd=0.9.75-6 mosquitto=2.0.11-1.2+deb12u2)
[[ -x $nullproof ]] || { echo "heldout6_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout6_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc pkg-config libgnutls28-dev
debian_fetch "${packages[@]}"
declare -A folder
folder[gzip]=$(debian_unpack gzip "gzip_*.orig.tar.xz")
folder[socat]=$(debian_unpack socat "socat_*.orig.tar.gz")
folder[libmicrohttpd]=$(debian_unpack libmicrohttpd "libmicrohttpd_*.orig.tar.xz")
folder[mosquitto]=$(debian_unpack mosquitto "mosquitto_*.orig.tar.gz")
debian_build gzip "${folder[gzip]}" "./configure -q"
debian_build socat "${folder[socat]}" "./configure -q --disable-openssl"
debian_build libmicrohttpd "${folder[libmicrohttpd]}" "./configure -q --disable-doc"
debian_build mosquitto "${folder[mosquitto]}" "" WITH_TLS=no WITH_CJSON=no WITH_DOCS=no

debian_results
for name in gzip socat libmicrohttpd mosquitto; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

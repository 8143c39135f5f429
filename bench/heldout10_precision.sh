#!/usr/bin/env bash
# A tenth precision measurement on real projects nobody here wrote: fetches
# the Debian bookworm source packages of wget, xxhash, stunnel4 and zsh
# (pinned versions) into WORK_DIR, writes their compilation databases
# (configure + bear, or make + bear), runs nullproof over each, and scores
# the findings against bench/triage/heldout10-sources.tsv. The sources stay in WORK_DIR:
# third-party code is not part of this repository.
#
#   bench/heldout10_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, make, gcc, OpenSSL for stunnel4, ncurses for
# zsh), installed when missing. Every project is analysed whole, as a user
# runs `nullproof -p .` (wget without TLS, zlib, PCRE and IRI support; zsh
# told that tcsetpgrp works, which configure cannot test without a terminal).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout10_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout10-sources.tsv
packages=(wget=1.21.3-1+deb12u1 xxhash=0.8.1-1 stunnel4=3:5.68-2+deb12u1
          zsh=5.9-4)
names=(wget xxhash stunnel4 zsh)
[[ -x $nullproof ]] || { echo "heldout10_precision.sh: no binary at $nullproof" >&2; exit 2; }
bench=heldout10_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear make gcc pkg-config libssl-dev libncurses-dev
debian_fetch "${packages[@]}"
declare -A folder
folder[wget]=$(debian_unpack wget "wget_*.orig.tar.gz")
folder[xxhash]=$(debian_unpack xxhash "xxhash_*.orig.tar.gz")
folder[stunnel4]=$(debian_unpack stunnel4 "stunnel4_*.orig.tar.gz")
folder[zsh]=$(debian_unpack zsh "zsh_*.orig.tar.xz")
debian_build wget "${folder[wget]}" "./configure -q --without-ssl --without-libpsl \
    --disable-pcre --disable-pcre2 --without-zlib --disable-iri"
debian_build xxhash "${folder[xxhash]}" ""
debian_build stunnel4 "${folder[stunnel4]}" "./configure -q"
debian_build zsh "${folder[zsh]}" "./configure -q --with-tcsetpgrp"

debian_results
for name in "${names[@]}"; do
    debian_run "$name" "${folder[$name]}"
done

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

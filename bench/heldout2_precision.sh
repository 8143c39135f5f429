#!/usr/bin/env bash
# A second held-out precision measurement on real projects nobody here wrote
# or had read before the measurement: fetches the Debian bookworm source
# packages of jansson, libevent, bc, less and gawk (pinned versions) into
# WORK_DIR, writes their compilation databases (configure + bear, or CMake),
# runs nullproof over each, and scores the findings against
# bench/triage/heldout2-sources.tsv. The sources stay in WORK_DIR:
# third-party code is not part of this repository.
#
#   bench/heldout2_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, cmake, libssl-dev, libncurses-dev,
# libreadline-dev, bison, flex, texinfo), installed when missing.
# libevent is analysed without its test/ folder (configured with
# EVENT__DISABLE_TESTS and EVENT__DISABLE_BENCHMARK): its regression suite
# would bring 396 of its 427 findings, nearly all unchecked results of the
# API under test, and drown the library's own. gawk is analysed in its top
# folder and extension/ only: support/ is gnulib's (dfa, regex, getopt,
# localeinfo, random) and support/malloc is glibc's dynarray, neither gawk's
# code. jansson (library, examples, test suites and json_process), bc
# (bc, dc and lib/, whose number.c is bc's own and getopt*.c gnulib's) and
# less are analysed whole.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout2_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout2-sources.tsv
packages=(jansson=2.14-2 libevent=2.1.12-stable-8 bc=1.07.1-3 less=590-2.1~deb12u2
          gawk=1:5.2.1-2)
[[ -x $nullproof ]] || { echo "heldout2_precision.sh: no binary at $nullproof" >&2; exit 2; }

sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
missing=()
for package in bear cmake make gcc pkg-config libssl-dev libncurses-dev libreadline-dev \
               bison flex texinfo; do
    dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$package")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"
fi

# A source list of its own, so that the machine's apt configuration stays as it is.
apt_dir=$work/apt
mkdir -p "$apt_dir/lists/partial"
cat >"$apt_dir/sources.sources" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
apt_options=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir"
             -o "Dir::State::Lists=$apt_dir/lists")
sources=$work/sources
mkdir -p "$sources"
if ! ls "$sources"/*.dsc >/dev/null 2>&1 ||
   [[ $(ls "$sources"/*.dsc | wc -l) -lt ${#packages[@]} ]]; then
    apt-get "${apt_options[@]}" update -qq
    (cd "$sources" && apt-get "${apt_options[@]}" source --download-only -qq "${packages[@]}")
fi

projects=$work/projects
mkdir -p "$projects"
unpack() { # NAME TARBALL: the project's folder
    local folder=$projects/$1
    if [[ ! -d $folder ]]; then
        mkdir -p "$folder"
        tar -xf "$2" -C "$folder" --strip-components=1
    fi
    echo "$folder"
}
jansson=$(unpack jansson "$(ls "$sources"/jansson_*.orig.tar.gz)")
libevent=$(unpack libevent "$(ls "$sources"/libevent_*.orig.tar.gz)")
bc=$(unpack bc "$(ls "$sources"/bc_*.orig.tar.gz)")
less=$(unpack less "$(ls "$sources"/less_*.orig.tar.gz)")
gawk=$(unpack gawk "$(ls "$sources"/gawk_*.orig.tar.xz)")
[[ -f $jansson/build/compile_commands.json ]] ||
    cmake -S "$jansson" -B "$jansson/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DJANSSON_BUILD_DOCS=OFF >/dev/null 2>&1
[[ -f $libevent/build/compile_commands.json ]] ||
    cmake -S "$libevent" -B "$libevent/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DEVENT__DISABLE_TESTS=ON -DEVENT__DISABLE_BENCHMARK=ON >/dev/null 2>&1
for folder in "$bc" "$less"; do
    [[ -f $folder/compile_commands.json ]] ||
        (cd "$folder" && ./configure -q >/dev/null && bear -- make -s -j"$(nproc)" >/dev/null 2>&1)
done
# gawk's make stops in doc/ (the dfsg tarball has no gawktexi.in), after all
# of its C has been built.
[[ -f $gawk/compile_commands.json ]] ||
    (cd "$gawk" && ./configure -q >/dev/null && { bear -- make -s -j"$(nproc)" >/dev/null 2>&1 || true; })
[[ -f $gawk/extension/filefuncs.lo ]] || { echo "heldout2_precision.sh: gawk did not build" >&2; exit 1; }

results=$work/results
rm -rf "$results"
mkdir -p "$results"
run() { # NAME DATABASE-DIR [PATHS...]
    local name=$1 database=$2
    shift 2
    "$nullproof" -p "$database" --format json -o "$results/$name.json" --exit-zero -q \
        -j"$(nproc)" "$@" 2>"$results/$name.stderr" || {
        echo "heldout2_precision.sh: nullproof failed on $name:" >&2
        cat "$results/$name.stderr" >&2
        exit 1
    }
}
run jansson "$jansson/build"
run libevent "$libevent/build"
run bc "$bc"
run less "$less"
run gawk "$gawk" "$gawk"/*.c "$gawk/extension"

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

#!/usr/bin/env bash
# Held-out precision on real projects nobody here wrote or had read before
# the measurement: fetches the Debian bookworm source packages of htop,
# nano, dash, cmark and expat (pinned versions) into WORK_DIR, writes their
# compilation databases (configure + bear, or CMake), runs nullproof over
# each, and scores the findings against bench/triage/heldout-sources.tsv.
# The sources stay in WORK_DIR: third-party code is not part of this
# repository.
#
#   bench/heldout_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, autoconf, automake, libncurses-dev, libnl-3-dev,
# libnl-genl-3-dev, libsensors-dev, cmake), installed when missing. nano is
# analysed in src/ only: gnulib's lib/ is 51 of its 67 units and is not
# nano's code. cmark is analysed in src/ only: its api_test/ harness calls
# the allocating API unchecked some 30 times and would outnumber the
# library's own 21 findings. htop, dash and expat (library, xmlwf,
# examples, tests) are analysed whole.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/heldout_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/heldout-sources.tsv
packages=(htop=3.2.2-2 nano=7.2-1+deb12u1 dash=0.5.12-2 cmark=0.30.2-6 expat=2.5.0-1+deb12u2)
[[ -x $nullproof ]] || { echo "heldout_precision.sh: no binary at $nullproof" >&2; exit 2; }

sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
missing=()
for package in bear autoconf automake libncurses-dev libnl-3-dev libnl-genl-3-dev \
               libsensors-dev cmake make gcc pkg-config; do
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
htop=$(unpack htop "$(ls "$sources"/htop_*.orig.tar.gz)")
nano=$(unpack nano "$(ls "$sources"/nano_*.orig.tar.xz)")
dash=$(unpack dash "$(ls "$sources"/dash_*.orig.tar.gz)")
cmark=$(unpack cmark "$(ls "$sources"/cmark_*.orig.tar.gz)")
expat=$(unpack expat "$(ls "$sources"/expat_*.orig.tar.gz)")
# htop's tarball has no configure script; expat's is the repository, the
# library in expat/.
[[ -f $htop/compile_commands.json ]] ||
    (cd "$htop" && ./autogen.sh >/dev/null 2>&1 && ./configure -q >/dev/null &&
     bear -- make -s -j"$(nproc)" >/dev/null 2>&1)
for folder in "$nano" "$dash"; do
    [[ -f $folder/compile_commands.json ]] ||
        (cd "$folder" && ./configure -q >/dev/null && bear -- make -s -j"$(nproc)" >/dev/null 2>&1)
done
[[ -f $cmark/build/compile_commands.json ]] ||
    cmake -S "$cmark" -B "$cmark/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
[[ -f $expat/build/compile_commands.json ]] ||
    cmake -S "$expat/expat" -B "$expat/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null

results=$work/results
rm -rf "$results"
mkdir -p "$results"
run() { # NAME DATABASE-DIR [PATHS...]
    local name=$1 database=$2
    shift 2
    "$nullproof" -p "$database" --format json -o "$results/$name.json" --exit-zero -q \
        -j"$(nproc)" "$@" 2>"$results/$name.stderr" || {
        echo "heldout_precision.sh: nullproof failed on $name:" >&2
        cat "$results/$name.stderr" >&2
        exit 1
    }
}
run htop "$htop"
run nano "$nano" "$nano/src"
run dash "$dash"
run cmark "$cmark/build" "$cmark/src"
run expat "$expat/build"

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

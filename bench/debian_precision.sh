#!/usr/bin/env bash
# Precision on real projects nobody here wrote, besides ../shared/corpus:
# fetches the Debian bookworm source packages of tmux, libuv1, hiredis and
# libyaml (pinned versions) into WORK_DIR, writes their compilation
# databases (configure + bear, or CMake), runs nullproof over each, and
# scores the findings against bench/triage/debian-sources.tsv. The sources
# stay in WORK_DIR: third-party code is not part of this repository.
#
#   bench/debian_precision.sh WORK_DIR [NULLPROOF]
#
# Needs Debian's deb.debian.org (apt-get source) and root or sudo for the
# build dependencies (bear, libevent-dev, libncurses-dev), installed when
# missing. libuv is analysed in src/ only: its 400 test files call
# uv_default_loop() unchecked about 800 times, which is true under its
# contract (NULL when the loop cannot be initialised) and would drown the
# rest.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:?usage: bench/debian_precision.sh WORK_DIR [NULLPROOF]}" && cd "$1" && pwd)
nullproof=$(realpath "${2:-$top/build-rel/nullproof}")
verdicts=$top/bench/triage/debian-sources.tsv
packages=(tmux=3.3a-3 libuv1=1.44.2-1+deb12u1 hiredis=0.14.1-3 libyaml=0.2.5-1)
[[ -x $nullproof ]] || { echo "debian_precision.sh: no binary at $nullproof" >&2; exit 2; }

sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
missing=()
for package in bear libevent-dev libncurses-dev cmake make gcc pkg-config; do
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
if ! ls "$sources"/*.orig.tar.gz >/dev/null 2>&1 ||
   [[ $(ls "$sources"/*.orig.tar.gz | wc -l) -lt ${#packages[@]} ]]; then
    apt-get "${apt_options[@]}" update -qq
    (cd "$sources" && apt-get "${apt_options[@]}" source --download-only -qq "${packages[@]}")
fi

projects=$work/projects
mkdir -p "$projects"
unpack() { # NAME TARBALL-GLOB: the project's folder
    local folder=$projects/$1
    if [[ ! -d $folder ]]; then
        mkdir -p "$folder"
        tar -xzf $2 -C "$folder" --strip-components=1
    fi
    echo "$folder"
}
tmux=$(unpack tmux "$sources/tmux_*.orig.tar.gz")
libuv=$(unpack libuv "$sources/libuv1_*.orig.tar.gz")
hiredis=$(unpack hiredis "$sources/hiredis_*.orig.tar.gz")
yaml=$(unpack libyaml "$sources/libyaml_*.orig.tar.gz")
[[ -f $tmux/compile_commands.json ]] ||
    (cd "$tmux" && ./configure -q >/dev/null && bear -- make -s -j"$(nproc)" >/dev/null 2>&1)
[[ -f $hiredis/compile_commands.json ]] ||
    (cd "$hiredis" && bear -- make -s -j"$(nproc)" >/dev/null 2>&1)
for folder in "$libuv" "$yaml"; do
    [[ -f $folder/build/compile_commands.json ]] ||
        cmake -S "$folder" -B "$folder/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
done

results=$work/results
rm -rf "$results"
mkdir -p "$results"
run() { # NAME DATABASE-DIR [PATHS...]
    local name=$1 database=$2
    shift 2
    "$nullproof" -p "$database" --format json -o "$results/$name.json" --exit-zero -q \
        -j"$(nproc)" "$@" 2>"$results/$name.stderr" || {
        echo "debian_precision.sh: nullproof failed on $name:" >&2
        cat "$results/$name.stderr" >&2
        exit 1
    }
}
run tmux "$tmux"
# the files of src/ the database compiles (not src/win/)
mapfile -t libuv_sources < <(python3 -c '
import json, os, sys
for entry in json.load(open(sys.argv[1])):
    path = os.path.join(entry["directory"], entry["file"])
    if os.path.realpath(path).startswith(os.path.realpath(sys.argv[2]) + os.sep):
        print(path)' "$libuv/build/compile_commands.json" "$libuv/src")
run libuv "$libuv/build" "${libuv_sources[@]}"
run hiredis "$hiredis"
run libyaml "$yaml/build"

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

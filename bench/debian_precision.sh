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
bench=debian_precision.sh
source "$top/bench/debian_sources.sh"

debian_install bear libevent-dev libncurses-dev cmake make gcc pkg-config
debian_fetch "${packages[@]}"
tmux=$(debian_unpack tmux "tmux_*.orig.tar.gz")
libuv=$(debian_unpack libuv "libuv1_*.orig.tar.gz")
hiredis=$(debian_unpack hiredis "hiredis_*.orig.tar.gz")
yaml=$(debian_unpack libyaml "libyaml_*.orig.tar.gz")
[[ -f $tmux/compile_commands.json ]] ||
    (cd "$tmux" && ./configure -q >/dev/null && bear -- make -s -j"$(nproc)" >/dev/null 2>&1)
[[ -f $hiredis/compile_commands.json ]] ||
    (cd "$hiredis" && bear -- make -s -j"$(nproc)" >/dev/null 2>&1)
for folder in "$libuv" "$yaml"; do
    [[ -f $folder/build/compile_commands.json ]] ||
        cmake -S "$folder" -B "$folder/build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
done

debian_results
debian_run tmux "$tmux"
# the files of src/ the database compiles (not src/win/)
mapfile -t libuv_sources < <(python3 -c '
import json, os, sys
for entry in json.load(open(sys.argv[1])):
    path = os.path.join(entry["directory"], entry["file"])
    if os.path.realpath(path).startswith(os.path.realpath(sys.argv[2]) + os.sep):
        print(path)' "$libuv/build/compile_commands.json" "$libuv/src")
debian_run libuv "$libuv/build" "${libuv_sources[@]}"
debian_run hiredis "$hiredis"
debian_run libyaml "$yaml/build"

python3 "$top/bench/score_verdicts.py" "$results" "$verdicts" --base "$projects"

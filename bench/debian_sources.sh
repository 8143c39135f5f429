# shellcheck shell=bash
# Shared by the benches that score nullproof on Debian bookworm source
# packages (debian_precision.sh, heldout_precision.sh,
# heldout2_precision.sh to heldout19_precision.sh): sourced,
# not run. Each of them sets `work`
# (its WORK_DIR), `nullproof` and `bench` (its own name, for messages),
# then calls these in order.
# shellcheck disable=SC2154 # work, nullproof and bench are the caller's

# Installs the Debian packages of its arguments that the machine lacks.
debian_install() {
    local sudo=() missing=() package
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    for package in "$@"; do
        dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed' ||
            missing+=("$package")
    done
    if [[ ${#missing[@]} -gt 0 ]]; then
        "${sudo[@]}" apt-get update -qq
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends "${missing[@]}"
    fi
}

# Downloads the source packages NAME=VERSION of its arguments into
# $work/sources (sets `sources`), unless they are there already, with a
# source list of its own, so that the machine's apt configuration stays as
# it is. Sets `projects` too, where debian_unpack puts them.
debian_fetch() {
    local apt_dir=$work/apt
    mkdir -p "$apt_dir/lists/partial"
    cat >"$apt_dir/sources.sources" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    local apt_options=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir"
                       -o "Dir::State::Lists=$apt_dir/lists")
    sources=$work/sources
    projects=$work/projects
    mkdir -p "$sources" "$projects"
    if ! ls "$sources"/*.dsc >/dev/null 2>&1 || [[ $(ls "$sources"/*.dsc | wc -l) -lt $# ]]; then
        apt-get "${apt_options[@]}" update -qq
        # Only the upstream tarballs are analysed: a missing Debian packaging
        # file (libconfuse_3.3-3.debian.tar.xz answers 404) is no reason to
        # stop, and debian_unpack says which tarball is missing if one is.
        (cd "$sources" && apt-get "${apt_options[@]}" source --download-only -qq "$@") ||
            echo "$bench: some source files did not download; going on with those that did" >&2
    fi
}

# NAME TARBALL-PATTERN (in $sources): unpacks the upstream tarball into
# $projects/NAME once, and prints that folder.
debian_unpack() {
    local folder=$projects/$1 tarball
    # shellcheck disable=SC2086 # the pattern is to be expanded
    tarball=$(ls "$sources"/$2 2>/dev/null) ||
        { echo "$bench: no $2 in $sources (the download failed)" >&2; return 1; }
    if [[ ! -d $folder ]]; then
        mkdir -p "$folder"
        tar -xf "$tarball" -C "$folder" --strip-components=1
    fi
    echo "$folder"
}

# NAME DIR SETUP [MAKE-TARGET...]: unless DIR has a compilation database
# already, runs SETUP there (a shell command, "" for none: ./configure),
# then make under bear; stops the bench when the build fails.
debian_build() {
    local name=$1 dir=$2 setup=$3
    shift 3
    [[ -s $dir/compile_commands.json && $(head -c 2 "$dir/compile_commands.json") != "[]" ]] &&
        return 0
    (cd "$dir" && { [[ -z $setup ]] || eval "$setup" >/dev/null 2>&1; } &&
        bear -- make -s -j"$(nproc)" "$@" >/dev/null 2>&1) ||
        { echo "$bench: $name did not build" >&2; exit 1; }
}

# Empties $work/results (sets `results`) for debian_run.
debian_results() {
    results=$work/results
    rm -rf "$results"
    mkdir -p "$results"
}

# NAME DATABASE-DIR [PATHS...]: runs nullproof over the database (or only
# the PATHS of it), into $results/NAME.json. A unit that does not compile
# (exit status 2, its error on stderr) is reported and the other units'
# findings are kept: build systems record probes that are meant to fail,
# such as rsync's rounding.c. Anything else stops the bench.
debian_run() {
    local name=$1 database=$2 status=0
    shift 2
    "$nullproof" -p "$database" --format json -o "$results/$name.json" --exit-zero -q \
        -j"$(nproc)" "$@" 2>"$results/$name.stderr" || status=$?
    if [[ $status -eq 2 && -s $results/$name.json ]] && grep -q ': error: ' "$results/$name.stderr"; then
        echo "$bench: some units of $name do not compile; scored without them:" >&2
        grep ': error: ' "$results/$name.stderr" >&2
    elif [[ $status -ne 0 ]]; then
        echo "$bench: nullproof failed on $name:" >&2
        cat "$results/$name.stderr" >&2
        exit 1
    fi
}

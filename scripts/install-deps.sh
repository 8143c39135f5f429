#!/usr/bin/env bash
# Installs the Debian packages nullproof needs to build and test, and only
# those that are missing (apt-get update runs once, only if needed).
set -euo pipefail

packages=(cmake make gcc pkg-config python3 libclang-dev libclang-19-dev libcmocka-dev
          libjansson-dev libyaml-dev libxxhash-dev clang python3-jsonschema
          git pre-commit neovim) # the last three for the pre-commit and editor tests
# not in every distribution: go on without them (their tests are skipped)
optional=(libclang-19-dev pre-commit neovim)

is_installed() {
    dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'
}

is_optional() {
    local candidate
    for candidate in "${optional[@]}"; do
        [[ $candidate == "$1" ]] && return 0
    done
    return 1
}

missing=()
for package in "${packages[@]}"; do
    is_installed "$package" || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all packages present"
    exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq

installable=()
for package in "${missing[@]}"; do
    if is_optional "$package" && ! apt-cache show "$package" >/dev/null 2>&1; then
        echo "install-deps: $package is not available in this distribution; continuing without it"
        continue
    fi
    installable+=("$package")
done
if [[ ${#installable[@]} -gt 0 ]]; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${installable[@]}"
fi

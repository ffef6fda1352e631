# Sourced by run.sh, test.sh and bench.sh: install what is missing, configure and build.
set -euo pipefail

MS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MS_BUILD_DIR=${MS_BUILD_DIR:-$MS_ROOT/build}

ms_install_packages() {
    local wanted missing=()
    wanted=$(grep -Ev '^\s*(#|$)' "$MS_ROOT/scripts/packages.txt")
    for p in $wanted "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing: ${missing[*]}" >&2
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo=sudo
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
    fi
}

ms_build() {
    local generator=()
    command -v ninja >/dev/null && generator=(-G Ninja)
    if [ ! -f "$MS_BUILD_DIR/CMakeCache.txt" ]; then
        cmake -S "$MS_ROOT" -B "$MS_BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE="${MS_BUILD_TYPE:-RelWithDebInfo}" "$@"
    elif [ $# -gt 0 ]; then
        cmake "$MS_BUILD_DIR" "$@"
    fi
    cmake --build "$MS_BUILD_DIR" --parallel "$(nproc)"
}

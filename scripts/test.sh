#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with ctest; non-zero on any failure.
#   scripts/test.sh            everything (what CI runs)
#   scripts/test.sh --quick    only the fast unit suites
#   scripts/test.sh --sanitize the whole suite under ASan+UBSan, in build-sanitize/
#   scripts/test.sh -R NAME    extra arguments go to ctest
source "$(dirname "$0")/common.sh"

ctest_args=()
sanitize=0
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) ctest_args+=(-L unit) ;;
        --sanitize) sanitize=1 ;;
        *) ctest_args+=("$1") ;;
    esac
    shift
done

ms_install_packages
if [ $sanitize -eq 1 ]; then
    MS_BUILD_DIR=$MS_ROOT/build-sanitize ms_build -DMIRRORSCOPE_SANITIZE=ON
    MS_BUILD_DIR=$MS_ROOT/build-sanitize
    export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
    ms_build
fi

# Services the suites need, each started here and stopped on exit.
source "$MS_ROOT/scripts/test-services.sh"
ms_start_services

cd "$MS_BUILD_DIR"
ctest --output-on-failure --timeout 600 -j2 "${ctest_args[@]}"

#!/usr/bin/env bash
# Installs what is missing, builds, and runs the tests; non-zero when any stage fails.
#   scripts/test.sh               what CI runs (.ci/run), in this order:
#                                 1. normal build (build/) + every test
#                                 2. ASan+UBSan build (build-sanitize/) + every test
#                                 3. every fuzz harness for 60 s under ASan+UBSan (build-fuzz/)
#   scripts/test.sh --quick       only stage 1, only the fast unit suites
#   scripts/test.sh --sanitize    only stage 2
#   scripts/test.sh --no-sanitize / --no-fuzz   leave stage 2 / 3 out (local runs)
#   scripts/test.sh --fuzz-seconds N            stage 3 runs each harness N seconds
#   scripts/test.sh -R NAME       other arguments go to ctest
source "$(dirname "$0")/common.sh"

ctest_args=()
run_normal=1
run_sanitize=1
run_fuzz=1
fuzz_seconds=60
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) ctest_args+=(-L unit); run_sanitize=0; run_fuzz=0 ;;
        --sanitize) run_normal=0; run_sanitize=1; run_fuzz=0 ;;
        --no-sanitize) run_sanitize=0 ;;
        --no-fuzz) run_fuzz=0 ;;
        --fuzz-seconds) fuzz_seconds=$2; shift ;;
        *) ctest_args+=("$1") ;;
    esac
    shift
done

ms_install_packages

# Services the suites need, each started here and stopped on exit.
source "$MS_ROOT/scripts/test-services.sh"
ms_start_services

failed=()
stage() { echo "==== $* ($(date -u +%H:%M:%S) UTC)" >&2; }

run_suite() {
    rm -f "$MS_BUILD_DIR/Testing/Temporary/LastTestsFailed.log"
    (cd "$MS_BUILD_DIR" && ctest --output-on-failure --timeout 600 -j2 "${ctest_args[@]}")
}

# CI keeps only the end of the output, and the fuzz stage comes last: repeat the
# name and the last lines of every failed test there, so a failure can be read.
failure_report=$(mktemp)
trap 'rm -f "$failure_report"' EXIT
record_failures() {
    local dir=$1/Testing/Temporary
    [ -s "$dir/LastTestsFailed.log" ] || return 0
    local name
    while IFS=: read -r _ name; do
        local output
        output=$(awk -v n="$name" '$0 ~ "Testing: "n"$" {on=1; next} on && $0 ~ "^\""n"\" end time" {on=0} on' \
            "$dir/LastTest.log")
        {
            echo "---- $2: $name failed; its failures, then the end of its output:"
            grep -E 'FAIL!|Loc: |runtime error|Sanitizer|Timeout|Segmentation|Abort' <<<"$output" | head -n 20
            echo "..."
            tail -n 25 <<<"$output"
        } >>"$failure_report"
    done <"$dir/LastTestsFailed.log"
}

if [ $run_normal -eq 1 ]; then
    stage "normal build and tests"
    if ! ms_build || ! run_suite; then
        failed+=("tests")
        record_failures "$MS_BUILD_DIR" "normal build"
    fi
fi

if [ $run_sanitize -eq 1 ]; then
    stage "ASan+UBSan build and tests"
    # Qt's own libraries are not instrumented; leak checking would report theirs.
    (
        export MS_BUILD_DIR=$MS_ROOT/build-sanitize
        # -O0 compiles much faster, and the CI budget (45 min, three builds on two cores) is tight.
        export MS_BUILD_TYPE=${MS_SANITIZE_BUILD_TYPE:-Debug}
        export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=0
        export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
        ms_build -DMIRRORSCOPE_SANITIZE=ON && run_suite
    ) || {
        failed+=("sanitized tests")
        record_failures "$MS_ROOT/build-sanitize" "ASan+UBSan build"
    }
fi

if [ $run_fuzz -eq 1 ]; then
    stage "fuzzing every harness for ${fuzz_seconds}s"
    "$MS_ROOT/scripts/fuzz.sh" all "$fuzz_seconds" || failed+=("fuzzing")
fi

stage "done"
if [ ${#failed[@]} -gt 0 ]; then
    cat "$failure_report" >&2
    echo "FAILED: ${failed[*]}" >&2
    exit 1
fi

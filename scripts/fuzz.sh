#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan+UBSan) in build-fuzz/ and runs one or all of them.
#   scripts/fuzz.sh NAME SECONDS    NAME: soap_request, jwt, rsa_key, http_request, xml_subset or all
# Each run starts from fuzz/corpus/NAME plus what earlier runs found (build-fuzz/corpus/NAME);
# a crash leaves its input in build-fuzz/artifacts/NAME/ and makes this script fail.
# Keep a fixed crash's input in fuzz/regressions/NAME/ (tst_fuzzregressions replays it).
source "$(dirname "$0")/common.sh"

all_targets=(soap_request jwt rsa_key http_request xml_subset)
name=${1:-}
seconds=${2:-60}
if [ -z "$name" ]; then
    echo "usage: $0 NAME|all SECONDS   (NAME: ${all_targets[*]})" >&2
    exit 2
fi
if [ "$name" = all ]; then
    targets=("${all_targets[@]}")
else
    targets=("$name")
fi

ms_install_packages
MS_BUILD_DIR=${MS_FUZZ_BUILD_DIR:-$MS_ROOT/build-fuzz}
if [ ! -f "$MS_BUILD_DIR/CMakeCache.txt" ]; then
    cmake -S "$MS_ROOT" -B "$MS_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DMIRRORSCOPE_FUZZ=ON \
        -DMIRRORSCOPE_SANITIZE=ON -DMIRRORSCOPE_BUILD_TESTS=OFF -DMIRRORSCOPE_BUILD_GUI=OFF
fi
cmake --build "$MS_BUILD_DIR" --parallel "${MS_JOBS:-$(nproc)}" \
    --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_LOGGING_RULES="*.debug=false;*.warning=false"
fixtures=$(sed -n 's/^MIRRORSCOPE_FIXTURES_DIR:PATH=//p' "$MS_BUILD_DIR/CMakeCache.txt")
failed=()
for target in "${targets[@]}"; do
    work=$MS_BUILD_DIR/corpus/$target
    artifacts=$MS_BUILD_DIR/artifacts/$target/
    mkdir -p "$work" "$artifacts"
    # The public fixtures are seeds too, but stay out of the repository (copied to the work dir).
    case $target in
        jwt) cp -f "$fixtures/example-superoffice-token.jwt" "$work/" ;;
        rsa_key) cp -f "$fixtures"/app-p*-key.{xml,pem} "$fixtures/DevNet.crt" "$work/" ;;
        soap_request) cp -f "$fixtures/authenticate-request.xml" "$work/" ;;
    esac
    echo "== fuzz_$target for ${seconds}s" >&2
    # -timeout: an input that takes 10 s is a finding too (a request that hangs the server).
    if ! "$MS_BUILD_DIR/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$artifacts" "$work" "$MS_ROOT/fuzz/corpus/$target"; then
        failed+=("$target")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found crashes in: ${failed[*]} (inputs in $MS_BUILD_DIR/artifacts/)" >&2
    exit 1
fi

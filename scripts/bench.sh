#!/usr/bin/env bash
# Builds an optimised tree in build-bench/ and prints every figure of issue #8.
#   scripts/bench.sh              all benchmarks
#   scripts/bench.sh ingest       one of: auth ingest memory gui
# Extra arguments after the name go to that benchmark (e.g. `ingest --rows 100000`).
source "$(dirname "$0")/common.sh"

which=${1:-all}
[ $# -gt 0 ] && shift
ms_install_packages
# Only the benchmarks and what they start: a full tree (tests) would take far longer than the
# figures on a small machine. The GUI libraries are built for bench_gui (the window under load).
# MS_BENCH_BUILD_DIR reuses an existing optimised build.
bench_build=${MS_BENCH_BUILD_DIR:-$MS_ROOT/build-bench}
if [ ! -f "$bench_build/CMakeCache.txt" ]; then
    generator=()
    command -v ninja >/dev/null && generator=(-G Ninja)
    cmake -S "$MS_ROOT" -B "$bench_build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
        -DMIRRORSCOPE_BUILD_TESTS=OFF -DMIRRORSCOPE_BUILD_GUI=ON
fi
targets=(mirrorscope bench_auth bench_ingest bench_memory)
grep -q '^build bench/bench_gui' "$bench_build/build.ninja" 2>/dev/null && targets+=(bench_gui)
cmake --build "$bench_build" --parallel "$(nproc)" --target "${targets[@]}"
bench=$bench_build/bench
export QT_LOGGING_RULES="mirrorscope.*.info=false"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
run() {
    echo "== $1"
    shift
    "$@"
}
case $which in
    all)
        run "token validation + signing" "$bench/bench_auth"
        run "ingest: raw SQLite, store, end to end" "$bench/bench_ingest"
        run "serve memory while ingesting 1 GB" "$bench/bench_memory"
        if [ -x "$bench/bench_gui" ]; then
            run "window under load" "$bench/bench_gui"
        else
            echo "== window under load: not measured, $bench_build is configured without the GUI"
        fi
        ;;
    auth) run "token validation + signing" "$bench/bench_auth" "$@" ;;
    ingest) run "ingest" "$bench/bench_ingest" "$@" ;;
    memory) run "serve memory" "$bench/bench_memory" "$@" ;;
    gui) run "window under load" "$bench/bench_gui" "$@" ;;
    *) echo "unknown benchmark: $which (auth ingest memory gui)" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Builds the app and saves a PNG of the window and of each pane with demo data into
# docs/screenshots/: the hidden --demo-screenshots option runs a demo cycle in-process (its own
# data directory, settings and a free port), selects a tenant, a table, a query and an event, and
# grabs each pane (QWidget::grab). Runs under Xvfb so it works without a display.
#   scripts/screenshots.sh [OUTPUT_DIR]          (MS_BUILD_DIR selects the build directory)
#   MS_LANGUAGE=de scripts/screenshots.sh /tmp/de  (the window in another language)
source "$(dirname "$0")/common.sh"

out=${1:-$MS_ROOT/docs/screenshots}
ms_install_packages xvfb xauth
if [ ! -f "$MS_BUILD_DIR/CMakeCache.txt" ]; then
    generator=()
    command -v ninja >/dev/null && generator=(-G Ninja)
    cmake -S "$MS_ROOT" -B "$MS_BUILD_DIR" "${generator[@]}" \
        -DCMAKE_BUILD_TYPE="${MS_BUILD_TYPE:-RelWithDebInfo}" -DMIRRORSCOPE_BUILD_GUI=ON
fi
cmake --build "$MS_BUILD_DIR" --parallel "${MS_JOBS:-2}" --target mirrorscope

mkdir -p "$out"
language=()
[ -n "${MS_LANGUAGE:-}" ] && language=(--language "$MS_LANGUAGE")
# A fixed screen size and no desktop style plugins: the same pixels on every machine.
xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb QT_QPA_PLATFORMTHEME= \
    LC_ALL=C.UTF-8 "$MS_BUILD_DIR/src/mirrorscope" --demo-screenshots "$out" "${language[@]}"
echo "Screenshots in $out:"
ls -1 "$out"/*.png

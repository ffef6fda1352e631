#!/usr/bin/env bash
# Installs what is missing, builds, and starts MirrorScope on the embedded SQLite mirror.
# Extra arguments go to the app (e.g. scripts/run.sh serve --listen 127.0.0.1:0 ...).
source "$(dirname "$0")/common.sh"
ms_install_packages
ms_build
exec "$MS_BUILD_DIR/src/mirrorscope" "$@"

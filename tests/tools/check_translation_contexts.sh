#!/bin/bash
# Fails on a free function named tr() in the sources. lupdate files the strings of such a
# wrapper under the enclosing namespace, while the wrapper looks them up under the context it
# names, so they are never translated (this happened to seven files). Use a class with
# Q_DECLARE_TR_FUNCTIONS(context) and call Class::tr() instead.
set -euo pipefail
cd "${1:?usage: check_translation_contexts.sh SOURCE_DIR}"
if found=$(grep -rnE '^\s*(static\s+)?QString\s+tr\s*\(' src --include='*.cpp' --include='*.h'); then
    echo "Free tr() wrappers (their strings are never translated):"
    echo "$found"
    exit 1
fi
echo "no free tr() wrappers"

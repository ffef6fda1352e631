#!/bin/bash
# Fails when two classes or structs of the same namespace-qualified name are defined in
# different files. Two definitions of one name break the one-definition rule silently: the
# linker keeps one copy of each inline member (a destructor, say) for both types, and the
# program misbehaves only in some builds. This happened once (two ms::SqlDialect), and only
# the -O0 sanitized build showed it, as a crash. Types in anonymous namespaces are private to
# their file and skipped; tests' own types count only inside namespace ms, where they meet
# the libraries'.
set -euo pipefail
root=${1:?usage: check_unique_types.sh SOURCE_DIR}
cd "$root"

program='
    FNR == 1 { depth = 0; anon = 0 }
    /^namespace *\{/ { anon++; next }
    /^namespace +[A-Za-z_][A-Za-z0-9_:]* *\{/ { ns = $2; sub(/\{.*/, "", ns); stack[++depth] = ns; next }
    /^\} *\/\/ *namespace *$/ { if (anon > 0) anon--; next }
    /^\} *\/\/ *namespace +[A-Za-z_]/ { if (depth > 0) depth--; next }
    anon == 0 && /^(class|struct) +[A-Za-z_][A-Za-z0-9_]*( +final)?( *:[^:].*)? *(\{.*)?$/ && !/; *$/ {
        name = $0; sub(/^(class|struct) +/, "", name); sub(/[^A-Za-z0-9_].*$/, "", name)
        qualified = ""
        for (i = 1; i <= depth; i++) qualified = qualified stack[i] "::"
        print qualified name "\t" FILENAME ":" FNR
    }'

types=$(
    find src \( -name '*.h' -o -name '*.cpp' \) -print0 | xargs -0 awk "$program"
    find tests bench fuzz \( -name '*.h' -o -name '*.cpp' \) -print0 2>/dev/null |
        xargs -0 awk "$program" | grep -E '^ms(::|[[:space:]])' || true
)
duplicates=$(cut -f1 <<<"$types" | sort | uniq -d)
if [ -n "$duplicates" ]; then
    echo "Types defined more than once (rename one of each):"
    while read -r name; do
        grep -P "^\Q$name\E\t" <<<"$types" | sed 's/^/  /'
    done <<<"$duplicates"
    exit 1
fi
echo "$(wc -l <<<"$types") namespace-level types, each defined once"

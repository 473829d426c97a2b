#!/bin/bash
# golden_full.sh - minigc's whole output on tests/golden/full/*.go against
# gc 1.19's, run as the command is (imports from GOROOT's sources, inlining
# as the flags say).
#
# Usage: tests/golden_full.sh [MINIGC]
#
# Each NAME.go gives its flags on its first line ("// flags: -m"); NAME.want
# is what the real gc printed for it, in gc's order (see
# tests/golden/full/README.md). These are the rules met on the standard
# library that the escape harness (tests/unit/test_escape.c, models only,
# inlining off in the package) cannot show.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d /tmp/minigc-golden-full.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
dir=$here/golden/full
passed=0
failed=0
for f in "$dir"/*.go; do
    name=$(basename "$f" .go)
    flags=$(sed -n '1s|^// flags: ||p' "$f")
    # shellcheck disable=SC2086
    (cd "$dir" && timeout 60 "$bin" -p=p $flags "$name.go") >"$tmp/out" 2>&1
    status=$?
    if [ "$status" -ne 0 ]; then
        failed=$((failed + 1))
        echo "FAIL golden full $name: minigc exited with $status"
        head -5 "$tmp/out"
    elif diff -u "$dir/$name.want" "$tmp/out" >"$tmp/diff"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL golden full $name: the output differs from gc's ($name.want)"
        head -30 "$tmp/diff"
    fi
done
echo "golden full: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

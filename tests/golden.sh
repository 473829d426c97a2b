#!/bin/bash
# golden.sh - the SSA dump of each sample after `build`, against the dump
# checked in under tests/golden/build/. A difference fails and is shown.
#
# Usage: tests/golden.sh [MINIGC]          compare
#        UPDATE=1 tests/golden.sh [MINIGC] rewrite the checked-in dumps
#
# Rewrite only after reading the diff: a golden file records what a reader
# of the dump sees, so a change in it is a change in what minigc teaches.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d /tmp/minigc-golden.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
for f in "$root"/samples/*.go; do
    name=$(basename "$f" .go)
    want=$here/golden/build/$name.txt
    if ! (cd "$root/samples" && MINIGC_CHECK=1 "$bin" -dump=build "$name.go") >"$tmp/got" 2>&1; then
        failed=$((failed + 1))
        echo "FAIL golden build $name: minigc failed"
        head -5 "$tmp/got"
        continue
    fi
    if [ "${UPDATE:-}" = 1 ]; then
        cp "$tmp/got" "$want"
        passed=$((passed + 1))
    elif [ -f "$want" ] && diff -u "$want" "$tmp/got" >"$tmp/diff"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL golden build $name: the dump differs from tests/golden/build/$name.txt"
        head -40 "$tmp/diff" 2>/dev/null
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

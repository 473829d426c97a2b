#!/bin/bash
# programs.sh - ordinary programs on the real standard library (bufio, sort,
# strings, strconv, errors, time, math, os, container/list and heap,
# context, encoding/json, sync): each tests/programs/NAME.go compiled with
# -m -l must print exactly NAME.m, which is what gc 1.19 prints for it
# (`go tool compile -m -l`). Their imports are read from GOROOT's sources.
# (long_lines.go shows gc's column rule: from column 255 on, none;
# line_directives.go its //line and /*line*/ directives.)
#
# Usage: tests/programs.sh MINIGC
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/programs" || exit 1
passed=0
failed=0
out=$(mktemp /tmp/minigc-programs.XXXXXX)
trap 'rm -f "$out"' EXIT
for src in *.go; do
    name=${src%.go}
    timeout 60 "$bin" -m -l "$src" >"$out" 2>&1
    status=$?
    if [ "$status" -ne 0 ]; then
        echo "FAIL $name: exit status $status"
        head -5 "$out" | sed 's/^/    /'
        failed=$((failed + 1))
    elif ! cmp -s "$name.m" "$out"; then
        echo "FAIL $name: -m -l output differs from gc's ($name.m)"
        diff "$name.m" "$out" | head -6 | sed 's/^/    /'
        failed=$((failed + 1))
    else
        passed=$((passed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

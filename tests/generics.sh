#!/bin/bash
# generics.sh - std's generic types (frontend/generic.c). Each
# tests/generics/NAME.go with a NAME.m is a package compiled as std code
# (-std -p example/NAME -m): minigc must print exactly NAME.m, which is gc
# 1.19's output for it (`go tool compile -std -p example/NAME -m`): shape
# instantiations, their order, their $GOROOT positions, no inlining of them
# into ordinary callers. Each refuse_NAME.go is user code (no -std) that
# uses or declares generics: minigc must refuse it (exit 1) with the
# positioned error in refuse_NAME.err; refuse_bare.err is also gc's own text.
#
# Usage: tests/generics.sh MINIGC
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/generics" || exit 1
passed=0
failed=0
out=$(mktemp /tmp/minigc-generics.XXXXXX)
trap 'rm -f "$out"' EXIT
for src in *.go; do
    name=${src%.go}
    case $name in
    refuse_*)
        timeout 60 "$bin" -m "$src" >"$out" 2>&1
        status=$?
        want=1 expect=$name.err ;;
    *)
        timeout 60 "$bin" -std -p "example/$name" -m "$src" >"$out" 2>&1
        status=$?
        want=0 expect=$name.m ;;
    esac
    if [ "$status" -ne "$want" ]; then
        echo "FAIL generics $name: exit status $status, want $want"
        head -5 "$out" | sed 's/^/    /'
        failed=$((failed + 1))
    elif ! cmp -s "$expect" "$out"; then
        echo "FAIL generics $name: output differs from $expect"
        diff "$expect" "$out" | head -8 | sed 's/^/    /'
        failed=$((failed + 1))
    else
        passed=$((passed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/bash
# check_inlined.sh - the SSA invariant checker after every pass, with
# inlining on, on Go 1.19's 29 escape and inline suite files (the ones
# tests/conformance.sh scores) and the samples.
#
# Usage: tests/check_inlined.sh [MINIGC]
#
# Each file is compiled with `-d=ssa/check/on -m` (gc's flag for checking
# the SSA after every pass), never with -l, even where the file's own
# errorcheck line asks for it: the point is the SSA of inlined bodies. A
# broken invariant is minigc's internal error (exit status 3) and fails the
# test, as does any other failure to compile the file.
# Without the Go test files only the samples are checked.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
gotests=/usr/share/go-1.19/test
tmp=$(mktemp -d /tmp/minigc-check-inlined.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

files=()
if [ -d "$gotests" ]; then
    for f in "$gotests"/escape*.go; do
        if head -n 1 "$f" | grep -qE '^// errorcheck .*-l( |$)'; then
            files+=("$f")
        fi
    done
    for f in escape4.go inline.go inline_big.go inline_endian.go inline_math_bits_rotate.go \
        inline_sync.go inline_variadic.go; do
        files+=("$gotests/$f")
    done
else
    echo "check_inlined: $gotests is missing (Debian package golang-1.19-src); only the samples"
fi
files+=("$root"/samples/*.go "$here"/golden/inline_ssa/*.go)

passed=0
failed=0
for f in "${files[@]}"; do
    (cd "$(dirname "$f")" && timeout 60 "$bin" -d=ssa/check/on -m "$(basename "$f")") >"$tmp/out" 2>"$tmp/err"
    status=$?
    if [ "$status" -eq 0 ] && ! grep -q 'internal error' "$tmp/err"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL check_inlined $(basename "$f"): exit status $status"
        head -5 "$tmp/err"
    fi
done
echo "ssa check with inlining: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

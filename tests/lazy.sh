#!/bin/bash
# lazy.sh - analysing only the library functions a program reaches
# (frontend/reach.c) changes nothing: for the ordinary programs, the std
# generics programs, the bench program and the samples, -m, -m -l and -m=2 print the same with
# MINIGC_LAZY=0 (every imported function analysed) as without. And it does
# leave functions out: a library function the program cannot reach is not
# in the pipeline's dumps, except with MINIGC_LAZY=0.
#
# Usage: tests/lazy.sh MINIGC
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
if [ ! -d /usr/lib/go-1.19/src ] && [ -z "${GOROOT:-}" ]; then
    echo "lazy: no Go 1.19 sources (golang-1.19-src); skipped"
    exit 0
fi
tmp=$(mktemp -d /tmp/minigc-lazy.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

run() {     # run OUT FILE FLAGS...: output and exit status of minigc
    local out=$1 file=$2
    shift 2
    (cd "$(dirname "$file")" && timeout 60 "$bin" "$@" "$(basename "$file")" >"$out" 2>&1; echo "exit $?" >>"$out")
}

for file in "$root"/tests/programs/*.go "$root"/tests/generics/*.go "$root"/tests/bench/imports.go "$root"/samples/*.go; do
    for flags in "-m" "-m -l" "-m=2"; do
        # shellcheck disable=SC2086
        MINIGC_LAZY=0 run "$tmp/all" "$file" $flags
        # shellcheck disable=SC2086
        run "$tmp/lazy" "$file" $flags
        if cmp -s "$tmp/all" "$tmp/lazy"; then
            passed=$((passed + 1))
        else
            echo "FAIL $(basename "$file") $flags: the output depends on what is analysed"
            diff "$tmp/all" "$tmp/lazy" | head -6 | sed 's/^/    /'
            failed=$((failed + 1))
        fi
    done
done

# strings.Repeat is not reached from a program calling only strings.ToUpper.
printf 'package main\n\nimport "strings"\n\nfunc main() { println(strings.ToUpper("a")) }\n' >"$tmp/upper.go"
run "$tmp/lazy" "$tmp/upper.go" -dump=build -func=Repeat
MINIGC_LAZY=0 run "$tmp/all" "$tmp/upper.go" -dump=build -func=Repeat
if grep -q '^minigc: no function named Repeat' "$tmp/lazy" && grep -q '^Repeat func(string, int) string' "$tmp/all"; then
    passed=$((passed + 1))
else
    echo "FAIL unreached: strings.Repeat should be analysed only with MINIGC_LAZY=0"
    head -3 "$tmp/lazy" "$tmp/all" | sed 's/^/    /'
    failed=$((failed + 1))
fi
echo "lazy: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/bash
# conformance.sh - minigc's escape verdicts against Go 1.19's own tests.
#
# Usage: tests/conformance.sh [MINIGC]     (default ./minigc)
#
# Runs ../shared/conformance/errorcheck.py over the escape tests of Go 1.19
# (Debian's golang-1.19-src, /usr/share/go-1.19/test) that compile with
# inlining off (`// errorcheck ... -l`): each `// ERROR "regexp"` annotation
# is an expectation minigc's -m output must meet, as gc's own test harness
# checks it; and the seven that run with inlining on (escape4.go, inline*.go).
# The figures must not fall below tests/conformance.baseline:
# expectations met and files passing strictly are floors, unexpected
# diagnostics a ceiling, and nothing may crash. When the figures rise, raise
# the baseline with them (never lower it): the script says so.
# Without the Go test files it says why and succeeds.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
gotests=/usr/share/go-1.19/test
errorcheck=$root/../shared/conformance/errorcheck.py
baseline=$here/conformance.baseline

if [ ! -d "$gotests" ]; then
    echo "conformance: $gotests is missing (Debian package golang-1.19-src); skipped"
    exit 0
fi
if [ ! -f "$errorcheck" ]; then
    echo "conformance: $errorcheck is missing; skipped"
    exit 0
fi
if [ ! -x "$bin" ]; then
    echo "conformance: $bin is not an executable; run make first" >&2
    exit 1
fi

# Scores one group of files against the baseline's figures named
# PREFIXmet, PREFIXstrict, PREFIXunexpected. Sets fail=1 if below them.
fail=0
score() {
    local label=$1 prefix=$2
    shift 2
    local out status summary strict crashed met unexpected
    out=$(python3 "$errorcheck" --tool "$bin" "$@" 2>&1)
    status=$?
    summary=$(printf '%s\n' "$out" | tail -n 1)
    echo "$label: $summary"
    # "files passed 22/22, crashed 0; expectations met 1465/1465 (100.0%); unexpected diagnostics 0"
    strict=$(sed -n 's/^files passed \([0-9]*\)\/.*/\1/p' <<<"$summary")
    crashed=$(sed -n 's/.*crashed \([0-9]*\);.*/\1/p' <<<"$summary")
    met=$(sed -n 's/.*expectations met \([0-9]*\)\/.*/\1/p' <<<"$summary")
    unexpected=$(sed -n 's/.*unexpected diagnostics \([0-9]*\).*/\1/p' <<<"$summary")
    if [ -z "$strict" ] || [ -z "$met" ] || [ -z "$unexpected" ] || [ -z "$crashed" ]; then
        echo "conformance: could not read errorcheck.py's figures (exit status $status):" >&2
        printf '%s\n' "$out" | tail -n 20 >&2
        fail=1
        return
    fi
    local base_met base_strict base_unexpected bad=0
    base_met=$(want "${prefix}met")
    base_strict=$(want "${prefix}strict")
    base_unexpected=$(want "${prefix}unexpected")
    if [ "$crashed" -ne 0 ]; then
        echo "FAIL $crashed file(s) crashed or timed out"
        bad=1
    fi
    if [ "$met" -lt "$base_met" ]; then
        echo "FAIL expectations met $met, below the baseline $base_met"
        bad=1
    fi
    if [ "$strict" -lt "$base_strict" ]; then
        echo "FAIL files passing strictly $strict, below the baseline $base_strict"
        bad=1
    fi
    if [ "$unexpected" -gt "$base_unexpected" ]; then
        echo "FAIL unexpected diagnostics $unexpected, above the baseline's ceiling $base_unexpected"
        bad=1
    fi
    if [ "$bad" -ne 0 ]; then
        printf '%s\n' "$out" | grep -v '^PASS' | head -n 40
        fail=1
        return
    fi
    if [ "$met" -gt "$base_met" ] || [ "$strict" -gt "$base_strict" ] || [ "$unexpected" -lt "$base_unexpected" ]; then
        echo "conformance: better than the baseline: raise tests/conformance.baseline to" \
            "${prefix}met $met, ${prefix}strict $strict, ${prefix}unexpected $unexpected"
    fi
}

want() { sed -n "s/^$1[[:space:]]\{1,\}\([0-9]\{1,\}\).*/\1/p" "$baseline"; }

# The escape tests that run with inlining off.
files=()
for f in "$gotests"/escape*.go; do
    if head -n 1 "$f" | grep -qE '^// errorcheck .*-l( |$)'; then
        files+=("$f")
    fi
done
score "-l" "" "${files[@]}"

# The escape and inline tests that run with inlining on.
inl=()
for f in escape4.go inline.go inline_big.go inline_endian.go inline_math_bits_rotate.go \
    inline_sync.go inline_variadic.go; do
    inl+=("$gotests/$f")
done
score "inlining on" "inline_" "${inl[@]}"
exit "$fail"

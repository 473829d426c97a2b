#!/bin/bash
# conformance.sh - minigc's escape verdicts against Go 1.19's own tests.
#
# Usage: tests/conformance.sh [MINIGC]     (default ./minigc)
#
# Runs ../shared/conformance/errorcheck.py over the escape tests of Go 1.19
# (Debian's golang-1.19-src, /usr/share/go-1.19/test) that compile with
# inlining off (`// errorcheck ... -l`): each `// ERROR "regexp"` annotation
# is an expectation minigc's -m output must meet, as gc's own test harness
# checks it. The figures must not fall below tests/conformance.baseline:
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

files=()
for f in "$gotests"/escape*.go; do
    if head -n 1 "$f" | grep -qE '^// errorcheck .*-l( |$)'; then
        files+=("$f")
    fi
done

out=$(python3 "$errorcheck" --tool "$bin" "${files[@]}" 2>&1)
status=$?
summary=$(printf '%s\n' "$out" | tail -n 1)
echo "$summary"
# "files passed 22/22, crashed 0; expectations met 1465/1465 (100.0%); unexpected diagnostics 0"
strict=$(sed -n 's/^files passed \([0-9]*\)\/.*/\1/p' <<<"$summary")
crashed=$(sed -n 's/.*crashed \([0-9]*\);.*/\1/p' <<<"$summary")
met=$(sed -n 's/.*expectations met \([0-9]*\)\/.*/\1/p' <<<"$summary")
unexpected=$(sed -n 's/.*unexpected diagnostics \([0-9]*\).*/\1/p' <<<"$summary")
if [ -z "$strict" ] || [ -z "$met" ] || [ -z "$unexpected" ] || [ -z "$crashed" ]; then
    echo "conformance: could not read errorcheck.py's figures (exit status $status):" >&2
    printf '%s\n' "$out" | tail -n 20 >&2
    exit 1
fi

want() { sed -n "s/^$1[[:space:]]\{1,\}\([0-9]\{1,\}\).*/\1/p" "$baseline"; }
base_met=$(want met)
base_strict=$(want strict)
base_unexpected=$(want unexpected)

fail=0
if [ "$crashed" -ne 0 ]; then
    echo "FAIL $crashed file(s) crashed or timed out"
    fail=1
fi
if [ "$met" -lt "$base_met" ]; then
    echo "FAIL expectations met $met, below the baseline $base_met"
    fail=1
fi
if [ "$strict" -lt "$base_strict" ]; then
    echo "FAIL files passing strictly $strict, below the baseline $base_strict"
    fail=1
fi
if [ "$unexpected" -gt "$base_unexpected" ]; then
    echo "FAIL unexpected diagnostics $unexpected, above the baseline's ceiling $base_unexpected"
    fail=1
fi
if [ "$fail" -ne 0 ]; then
    printf '%s\n' "$out" | grep -v '^PASS' | head -n 40
    exit 1
fi
if [ "$met" -gt "$base_met" ] || [ "$strict" -gt "$base_strict" ] || [ "$unexpected" -lt "$base_unexpected" ]; then
    echo "conformance: better than the baseline: raise tests/conformance.baseline to" \
        "met $met, strict $strict, unexpected $unexpected"
fi
exit 0

#!/bin/bash
# conformance_const.sh - minigc's constant errors against Go 1.19's own tests.
#
# Usage: tests/conformance_const.sh [MINIGC]     (default ./minigc)
#
# Runs ../shared/conformance/errorcheck.py, with -e as Go's harness gives gc,
# over Go 1.19's errorcheck tests of constants (overflow, truncation,
# division by zero, shift counts, float32/float64 rounding, malformed
# literals): each `// ERROR "regexp"` must match minigc's message on its
# line. The figures must not fall below tests/conformance_const.baseline
# (met and strict are floors, unexpected a ceiling, no crash); raise the
# baseline as they rise. Without the Go test files it says why and succeeds.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
gotests=/usr/share/go-1.19/test
errorcheck=$root/../shared/conformance/errorcheck.py
baseline=$here/conformance_const.baseline

if [ ! -d "$gotests" ] || [ ! -f "$errorcheck" ]; then
    echo "conformance_const: $gotests or $errorcheck is missing; skipped"
    exit 0
fi
if [ ! -x "$bin" ]; then
    echo "conformance_const: $bin is not an executable; run make first" >&2
    exit 1
fi

names="const1 const2 const5 const6 float_lit3 convlit shift1 ddd1 makechan makemap typecheckloop
fixedbugs/bug015 fixedbugs/bug016 fixedbugs/bug090 fixedbugs/bug108 fixedbugs/bug176 fixedbugs/bug238
fixedbugs/bug255 fixedbugs/bug362 fixedbugs/issue11326 fixedbugs/issue11371 fixedbugs/issue11590
fixedbugs/issue11674 fixedbugs/issue13365 fixedbugs/issue13471 fixedbugs/issue13559 fixedbugs/issue16439
fixedbugs/issue19947 fixedbugs/issue20227 fixedbugs/issue20232 fixedbugs/issue21979 fixedbugs/issue28079b
fixedbugs/issue38117 fixedbugs/issue4085a fixedbugs/issue4097 fixedbugs/issue4232 fixedbugs/issue4264
fixedbugs/issue4813 fixedbugs/issue5609 fixedbugs/issue6889 fixedbugs/issue7150 fixedbugs/issue7675
fixedbugs/issue7746 fixedbugs/issue7760 fixedbugs/issue8183"
files=()
for n in $names; do
    files+=("$gotests/$n.go")
done

out=$(python3 "$errorcheck" --tool "$bin -e" "${files[@]}" 2>&1)
status=$?
summary=$(printf '%s\n' "$out" | tail -n 1)
echo "$summary"
strict=$(sed -n 's/^files passed \([0-9]*\)\/.*/\1/p' <<<"$summary")
crashed=$(sed -n 's/.*crashed \([0-9]*\);.*/\1/p' <<<"$summary")
met=$(sed -n 's/.*expectations met \([0-9]*\)\/.*/\1/p' <<<"$summary")
unexpected=$(sed -n 's/.*unexpected diagnostics \([0-9]*\).*/\1/p' <<<"$summary")
if [ -z "$strict" ] || [ -z "$met" ] || [ -z "$unexpected" ] || [ -z "$crashed" ]; then
    echo "conformance_const: could not read errorcheck.py's figures (exit status $status):" >&2
    printf '%s\n' "$out" | tail -n 20 >&2
    exit 1
fi

want() { sed -n "s/^$1[[:space:]]\{1,\}\([0-9]\{1,\}\).*/\1/p" "$baseline"; }
fail=0
[ "$crashed" -ne 0 ] && { echo "FAIL $crashed file(s) crashed or timed out"; fail=1; }
[ "$met" -lt "$(want met)" ] && { echo "FAIL expectations met $met, below the baseline $(want met)"; fail=1; }
[ "$strict" -lt "$(want strict)" ] && { echo "FAIL files passing strictly $strict, below the baseline $(want strict)"; fail=1; }
[ "$unexpected" -gt "$(want unexpected)" ] && { echo "FAIL unexpected diagnostics $unexpected, above the ceiling $(want unexpected)"; fail=1; }
if [ "$fail" -ne 0 ]; then
    printf '%s\n' "$out" | grep -v '^PASS' | head -n 40
    exit 1
fi
if [ "$met" -gt "$(want met)" ] || [ "$strict" -gt "$(want strict)" ] || [ "$unexpected" -lt "$(want unexpected)" ]; then
    echo "conformance_const: better than the baseline: raise tests/conformance_const.baseline to" \
        "met $met, strict $strict, unexpected $unexpected"
fi
exit 0

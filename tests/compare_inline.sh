#!/bin/bash
# compare_inline.sh - `minigc -compare-inline` on each sample against what
# gc 1.19 shows with and without -l.
#
# Usage: tests/compare_inline.sh [MINIGC]          compare
#        UPDATE=1 tests/compare_inline.sh [MINIGC] rewrite the expectations from gc
#
# tests/golden/compare/NAME.want is the output of tests/compare_inline.py on
# samples/NAME.go: the verdicts that change, derived from gc's own
# `-m -l` and `-m` output (UPDATE=1 reruns it; it needs gc 1.19). Each
# checked-in expectation must be printed exactly, and with -svg=DIR both
# escape graphs of each function it lists must be written. A sample whose -m output
# minigc does not yet print as gc does has no expectation (see
# tests/golden/compare/README.md).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d /tmp/minigc-compare.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
dir=$here/golden/compare
passed=0
failed=0
if [ "${UPDATE:-}" = 1 ]; then
    for want in "$dir"/*.want; do
        name=$(basename "$want" .want)
        (cd "$root/samples" && python3 "$here/compare_inline.py" "$name.go") >"$want" || exit 1
    done
fi
for want in "$dir"/*.want; do
    name=$(basename "$want" .want)
    (cd "$root/samples" && timeout 20 "$bin" -compare-inline "$name.go") >"$tmp/got" 2>&1 </dev/null
    status=$?
    if [ "$status" -eq 0 ] && diff -u "$want" "$tmp/got" >"$tmp/diff"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL compare-inline $name: exit status $status, differs from gc's (- gc, + minigc)"
        head -20 "$tmp/diff"
    fi
done
# -svg=DIR: both escape graphs of each function listed as changed.
for want in "$dir"/*.want; do
    name=$(basename "$want" .want)
    rm -rf "$tmp/svg"
    (cd "$root/samples" && timeout 20 "$bin" -compare-inline -svg="$tmp/svg" "$name.go") >/dev/null 2>&1 </dev/null
    for fn in $(grep -E '^[^[:space:]].*:$' "$want" | sed 's/:$//'); do
        for run in noinline inline; do
            f=$tmp/svg/$fn.escgraph.$run.svg
            if grep -q '<svg' "$f" 2>/dev/null; then
                passed=$((passed + 1))
            else
                failed=$((failed + 1))
                echo "FAIL compare-inline -svg $name: no picture $fn.escgraph.$run.svg"
            fi
        done
    done
done
# -html=FILE -func=F: F's page holds the verdicts that changed (gc's, from
# the .want) above the escape graph without inlining.
for want in "$dir"/*.want; do
    name=$(basename "$want" .want)
    line=$(grep -m1 -P '^\t' "$want" | sed 's/^\t//')
    [ -n "$line" ] || continue
    fn=$(grep -m1 -E '^[^[:space:]].*:$' "$want" | sed 's/:$//')
    (cd "$root/samples" && timeout 20 "$bin" -compare-inline -html="$tmp/page.html" -func="$fn" "$name.go") >/dev/null 2>&1 </dev/null
    text=$(printf '%s' "$line" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')
    if grep -qF -- "$text" "$tmp/page.html" 2>/dev/null && grep -q 'escape graph without inlining' "$tmp/page.html"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL compare-inline -html $name: the page of $fn lacks the changed verdict or the graph without inlining"
    fi
done
echo "compare-inline: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

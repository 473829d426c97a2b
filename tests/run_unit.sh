#!/bin/bash
# run_unit.sh - runs the cmocka unit-test programs and adds up their results.
#
# Usage: tests/run_unit.sh PROGRAM...
#
# Every program runs, even after one fails. The closing "N passed, N failed"
# counts test cases as cmocka reports them; a program that dies before its
# summary (a crash, a sanitizer abort, a failed assertion outside a test)
# counts as one more failure, since its own counts never got printed.
set -u

out=$(mktemp /tmp/minigc-unit.XXXXXX)
trap 'rm -f "$out"' EXIT
passed=0
failed=0

for t in "$@"; do
    echo "== $t"
    "$t" >"$out" 2>&1 </dev/null
    status=$?
    cat "$out"
    p=$(grep -aE '^\[  PASSED  \] [0-9]+ test' "$out" | awk '{s += $4} END {print s + 0}')
    f=$(grep -aE '^\[  FAILED  \] [0-9]+ test' "$out" | awk '{s += $4} END {print s + 0}')
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "FAIL $t: exit status $status before cmocka's summary"
        failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/bash
# stream.sh - the SSA living one escape batch at a time (Program.stream:
# built where the escape pass needs it, freed after the batch) changes
# nothing that is printed: for the samples, the ordinary programs, the std
# generics programs, the golden and bad inputs and the escape and inline
# files of Go's suite, at -m, -m=2, -m -l or -m=2 -l, print the same, with the
# same exit status, with MINIGC_STREAM=0 (the whole program's SSA built and
# kept, as for the dumps and pictures) as without. Each run also has the
# SSA checker on, so the streamed SSA is checked after every step.
# And the streamed run keeps less: its peak memory on a generated file of
# 600 functions is below the kept run's.
#
# Usage: tests/stream.sh MINIGC
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
suite=/usr/share/go-1.19/test
tmp=$(mktemp -d /tmp/minigc-stream.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

run() {     # run OUT FILE FLAGS...: output and exit status of minigc
    local out=$1 file=$2
    shift 2
    (cd "$(dirname "$file")" && MINIGC_CHECK=1 timeout 60 "$bin" "$@" "$(basename "$file")" >"$out" 2>&1; echo "exit $?" >>"$out")
}

# Each group of files with the flags that exercise it: the inputs meant
# for -m with inlining on and off, the suite's files at both levels, the
# bad and fuzzed inputs (errors, limits) once.
check_files() {  # check_files "FLAGS;FLAGS..." FILE...
    local flagsets=$1 file flags
    shift
    for file in "$@"; do
        [ -f "$file" ] || continue
        IFS=';' read -r -a sets <<<"$flagsets"
        for flags in "${sets[@]}"; do
            # shellcheck disable=SC2086
            MINIGC_STREAM=0 run "$tmp/kept" "$file" $flags
            # shellcheck disable=SC2086
            run "$tmp/streamed" "$file" $flags
            if cmp -s "$tmp/kept" "$tmp/streamed"; then
                passed=$((passed + 1))
            else
                echo "FAIL $(basename "$file") $flags: the output depends on the SSA's life time"
                diff "$tmp/kept" "$tmp/streamed" | head -6 | sed 's/^/    /'
                failed=$((failed + 1))
            fi
        done
    done
}
check_files "-m;-m=2 -l" "$root"/samples/*.go "$root"/tests/programs/*.go "$root"/tests/generics/*.go \
    "$root"/tests/golden/*/*.go
check_files "-m" "$root"/tests/bad/*.go "$root"/tests/fuzz/corpus/*.go
if [ -d "$suite" ]; then
    check_files "-m;-m=2;-m -l" "$suite"/escape*.go "$suite"/inline*.go
else
    echo "stream: no Go 1.19 test suite (golang-1.19-src); its files skipped"
fi

# A strongly connected component of 2,500 functions: more SSA than one
# batch keeps alive (escape.c's STREAM_BATCH_BYTES), so it is dropped after
# the walk and rebuilt for the rewrite, piece by piece.
{
    printf 'package p\n\ntype T struct{ a, b int; p *T }\n\nvar sink *T\n'
    for i in $(seq 0 2499); do
        printf 'func f%d(d int, q *T) *T {\n\tt := &T{a: d, b: %d}\n\tu := new(T)\n\tu.p = t\n' "$i" "$i"
        printf '\tvar v T\n\tv.p = q\n\tif d > 0 {\n\t\treturn f%d(d-1, &v)\n\t}\n' "$(( (i + 1) % 2500 ))"
        printf '\tif d < -5 {\n\t\tsink = u\n\t}\n\treturn u.p\n}\n'
    done
} >"$tmp/scc.go"
check_files "-m;-m=2" "$tmp/scc.go"

# Memory: 600 functions of a few allocations each.
{
    echo "package p"
    for i in $(seq 600); do
        printf 'type T%d struct{ a, b, c int; next *T%d }\n' "$i" "$i"
        printf 'func f%d(n int) *T%d {\n\tvar s []*T%d\n\tfor i := 0; i < n; i++ {\n' "$i" "$i" "$i"
        printf '\t\tt := &T%d{a: i, b: i * 2, c: i * 3}\n\t\tif i > 2 {\n\t\t\tt.next = s[i-1]\n\t\t}\n' "$i"
        printf '\t\ts = append(s, t)\n\t}\n\tif len(s) == 0 {\n\t\treturn nil\n\t}\n\treturn s[0]\n}\n'
    done
} >"$tmp/many.go"
peak() { /usr/bin/time -f %M "$@" >/dev/null 2>"$tmp/time.err"; tail -1 "$tmp/time.err"; }
if [ -x /usr/bin/time ]; then
    kept=$(MINIGC_STREAM=0 peak "$bin" -m "$tmp/many.go")
    streamed=$(peak "$bin" -m "$tmp/many.go")
    if [ "$streamed" -lt "$kept" ]; then
        passed=$((passed + 1))
    else
        echo "FAIL memory: streamed peak ${streamed} KB is not below the kept ${kept} KB"
        failed=$((failed + 1))
    fi
else
    echo "stream: no /usr/bin/time (apt-get install time); memory check skipped"
fi
echo "stream: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/bash
# bench.sh - how long minigc takes next to the real gc on one big file.
#
# Usage: tests/bench.sh [MINIGC]     (default ./minigc)
#
# Generates `../shared/bench/gengo.py 4000` (about 270,000 lines), then times
# `go tool compile -p=bench -o TMP.o big.go` (gc 1.19) and minigc stopped
# after each measured phase (-stopafter), best of three runs each,
# interleaved so all see the same machine. Each phase has the ratio its
# issue requires (the frontend: 1/50 of gc's time; up to the SSA build:
# 1/20); the verdict is printed as PASS or FAIL, but the exit status is 0 either way: this is a
# report, not a test (timings on a shared machine are too noisy to gate on).
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
gengo=$root/../shared/bench/gengo.py
groups=4000
runs=3
required_ratio=50

go=/usr/lib/go-1.19/bin/go
[ -x "$go" ] || go=$(command -v go || true)
if [ -z "$go" ]; then
    echo "bench: no Go 1.19 (install golang-1.19-go); nothing to compare with"
    exit 0
fi
if [ ! -x "$bin" ] || [ ! -f "$gengo" ]; then
    echo "bench: need $bin (run make) and $gengo"
    exit 0
fi

tmp=$(mktemp -d /tmp/minigc-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
python3 "$gengo" "$groups" >"$tmp/big.go" || { echo "bench: gengo.py failed"; exit 0; }
echo "bench: gengo.py $groups -> $(wc -l <"$tmp/big.go") lines, $(wc -c <"$tmp/big.go") bytes"

# elapsed_ns CMD...: runs CMD quietly and prints its wall time in ns, or
# "fail" if it did not exit 0.
elapsed_ns() {
    local start end
    start=$(date +%s%N)
    if ! "$@" >"$tmp/last.out" 2>&1; then
        echo fail
        return
    fi
    end=$(date +%s%N)
    echo $((end - start))
}

# The phases of minigc measured, each with the ratio gc/minigc it must reach:
# the frontend alone (issue: frontend), then up to the SSA build (issue: SSA).
phases=(check build)
required=(50 20)
labels=("parse + type check" "parse + check + SSA build")

best_gc=
declare -a best
for _ in $(seq "$runs"); do
    t=$(cd "$tmp" && elapsed_ns "$go" tool compile -p=bench -o "$tmp/big.o" big.go)
    if [ "$t" = fail ]; then
        echo "bench: go tool compile failed:"; head -5 "$tmp/last.out"; exit 0
    fi
    [ -z "$best_gc" ] || [ "$t" -lt "$best_gc" ] && best_gc=$t
    for i in "${!phases[@]}"; do
        t=$(cd "$tmp" && elapsed_ns "$bin" -p=bench -stopafter="${phases[$i]}" big.go)
        if [ "$t" = fail ]; then
            echo "bench: minigc -stopafter=${phases[$i]} failed on the generated file:"; head -5 "$tmp/last.out"
            echo "bench: FAIL"
            exit 0
        fi
        [ -z "${best[$i]:-}" ] || [ "$t" -lt "${best[$i]}" ] && best[$i]=$t
    done
done

ms() { printf '%d.%03d' $(($1 / 1000000)) $(($1 / 1000 % 1000)); }
printf '%-34s best of %d: %s ms\n' "gc (go tool compile):" "$runs" "$(ms "$best_gc")"
for i in "${!phases[@]}"; do
    b=${best[$i]}
    [ "$b" -gt 0 ] || b=1
    ratio_x10=$((best_gc * 10 / b))
    verdict=FAIL
    [ $((b * required[i])) -le "$best_gc" ] && verdict=PASS
    printf '%-34s best of %d: %s ms   gc/minigc = %d.%d (required: at least %d): %s\n' \
        "minigc (${labels[$i]}):" "$runs" "$(ms "$b")" $((ratio_x10 / 10)) $((ratio_x10 % 10)) "${required[$i]}" "$verdict"
done
exit 0

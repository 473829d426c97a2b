#!/bin/bash
# bench.sh - how long minigc takes next to the real gc on one big file.
#
# Usage: tests/bench.sh [MINIGC]     (default ./minigc)
#
# Generates `../shared/bench/gengo.py 4000` (about 270,000 lines), then times
# `go tool compile -p=bench -o TMP.o big.go` (gc 1.19, plain and with
# -m -l) and minigc stopped after each measured phase (-stopafter) or run
# whole with -m -l, best of three runs each, interleaved so all see the same
# machine. Each row has the ratio its issue requires; the verdict is printed
# as PASS or FAIL, but the exit status is 0 either way: this is a
# report, not a test (timings on a shared machine are too noisy to gate on).
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
gengo=$root/../shared/bench/gengo.py
groups=4000
runs=${BENCH_RUNS:-3}
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

# What is measured, each against its gc command, with the ratio gc/minigc
# its issue requires: the frontend alone (1/50 of gc's time), up to the SSA
# build (1/20), and the whole run with escape analysis, -m -l against gc's
# -m -l (1/15).
labels=("parse + type check" "parse + check + SSA build" "-m -l (escape analysis)")
minigc_flags=("-stopafter=check" "-stopafter=build" "-m -l")
gc_flags=("" "" "-m -l")
required=(50 20 15)

declare -a best_gc best_minigc
for _ in $(seq "$runs"); do
    for i in "${!labels[@]}"; do
        # gc's plain compile is the same command for the first two rows.
        if [ "$i" -eq 0 ] || [ "${gc_flags[$i]}" != "${gc_flags[$((i - 1))]}" ]; then
            # shellcheck disable=SC2086
            t=$(cd "$tmp" && elapsed_ns "$go" tool compile -p=bench ${gc_flags[$i]} -o "$tmp/big.o" big.go)
            if [ "$t" = fail ]; then
                echo "bench: go tool compile ${gc_flags[$i]} failed:"; head -5 "$tmp/last.out"; exit 0
            fi
        else
            t=${last_gc:-}
        fi
        last_gc=$t
        [ -z "${best_gc[$i]:-}" ] || [ "$t" -lt "${best_gc[$i]}" ] && best_gc[$i]=$t
        # shellcheck disable=SC2086
        t=$(cd "$tmp" && elapsed_ns "$bin" -p=bench ${minigc_flags[$i]} big.go)
        if [ "$t" = fail ]; then
            echo "bench: minigc ${minigc_flags[$i]} failed on the generated file:"; head -5 "$tmp/last.out"
            echo "bench: FAIL"
            exit 0
        fi
        [ -z "${best_minigc[$i]:-}" ] || [ "$t" -lt "${best_minigc[$i]}" ] && best_minigc[$i]=$t
    done
done

ms() { printf '%d.%03d' $(($1 / 1000000)) $(($1 / 1000 % 1000)); }
for i in "${!labels[@]}"; do
    g=${best_gc[$i]}
    b=${best_minigc[$i]}
    [ "$b" -gt 0 ] || b=1
    ratio_x10=$((g * 10 / b))
    verdict=FAIL
    [ $((b * required[i])) -le "$g" ] && verdict=PASS
    printf '%-28s gc%-7s %10s ms   minigc %10s ms   gc/minigc = %d.%d (required: at least %d): %s\n' \
        "${labels[$i]}:" " ${gc_flags[$i]}" "$(ms "$g")" "$(ms "$b")" $((ratio_x10 / 10)) $((ratio_x10 % 10)) \
        "${required[$i]}" "$verdict"
done
# The worst-case time of -svg on one function (issue 10, item 2).
bash "$here/bench_pictures.sh" "$bin"
exit 0

#!/bin/bash
# bench_imports.sh - how long a small program with ordinary imports takes:
# minigc -m against `go tool compile -m` on tests/bench/imports.go (about
# 150 lines on fmt, strings, sort, strconv, time and os), warm and cold.
#
# Usage: tests/bench_imports.sh [MINIGC]     (default ./minigc)
#
# gc reads the imports' export data (GOROOT/pkg); minigc reads, checks and
# analyses their sources (only the functions the program reaches). Warm: the
# files are in the page cache (best of BENCH_RUNS runs, default 5). Cold:
# just before each run the files each compiler reads are dropped from the
# page cache (posix_fadvise DONTNEED on GOROOT/src for minigc, on GOROOT/pkg
# and the compile binary for gc; nothing else on the machine is touched).
# Wall time is what the goals are about (warm: no slower than gc; cold:
# under 3 s); CPU time (user+sys) is printed beside it, since a loaded
# machine stretches the wall time of both. A report: the exit status is 0.
set -u

here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
runs=${BENCH_RUNS:-5}
src=$here/bench/imports.go
go=/usr/lib/go-1.19/bin/go
goroot=${GOROOT:-/usr/lib/go-1.19}
if [ ! -x "$go" ] || [ ! -x "$bin" ] || [ ! -f "$src" ]; then
    echo "bench imports: need $go (golang-1.19-go), $bin (run make) and $src"
    exit 0
fi
tmp=$(mktemp -d /tmp/minigc-bench-imports.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cp "$src" "$tmp/imports.go"

# drop DIR...: the files under DIR leave the page cache.
drop() {
    python3 - "$@" <<'EOF'
import os, sys
for top in sys.argv[1:]:
    paths = [top] if os.path.isfile(top) else (os.path.join(d, f) for d, _, fs in os.walk(top) for f in fs)
    for p in paths:
        try:
            fd = os.open(p, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)
EOF
}

# timed CMD...: "WALL_MS CPU_MS" of one quiet run, or "fail".
timed() {
    local t
    t=$( { TIMEFORMAT='%R %U %S'; time "$@" >"$tmp/out" 2>&1; } 2>&1 ) || { echo fail; return; }
    # shellcheck disable=SC2086
    set -- $t
    awk -v r="$1" -v u="$2" -v s="$3" 'BEGIN { printf "%d %d\n", r * 1000, (u + s) * 1000 }'
}

gc_cmd=("$go" tool compile -p=main -m -o "$tmp/imports.o" imports.go)
mg_cmd=("$bin" -m imports.go)
gc_tool=$("$go" env GOTOOLDIR 2>/dev/null)/compile

# best NAME KIND: runs the command `runs` times (KIND cold: dropping its
# files first) and sets best_NAME_KIND to the smallest "wall cpu".
best() {
    local name=$1 kind=$2 i t w c bw= bc=
    local -n cmd=${name}_cmd
    for i in $(seq "$runs"); do
        if [ "$kind" = cold ]; then
            if [ "$name" = gc ]; then drop "$goroot/pkg" "$gc_tool"; else drop "$goroot/src" "$bin"; fi
        fi
        t=$(cd "$tmp" && timed "${cmd[@]}")
        if [ "$t" = fail ]; then
            echo "bench imports: $name failed:"; head -5 "$tmp/out"
            eval "best_${name}_$kind=fail"
            return
        fi
        read -r w c <<<"$t"
        if [ -z "$bw" ] || [ "$w" -lt "$bw" ]; then bw=$w; fi
        if [ -z "$bc" ] || [ "$c" -lt "$bc" ]; then bc=$c; fi
    done
    eval "best_${name}_$kind=\"$bw $bc\""
}

(cd "$tmp" && "${mg_cmd[@]}" >/dev/null 2>&1; "${gc_cmd[@]}" >/dev/null 2>&1)
for kind in warm cold; do
    best gc $kind
    best mg $kind
done

echo "imports: tests/bench/imports.go ($(wc -l <"$src") lines; fmt, strings, sort, strconv, time, os), -m, best of $runs"
for kind in warm cold; do
    g=best_gc_$kind m=best_mg_$kind
    if [ "${!g}" = fail ] || [ "${!m}" = fail ]; then
        echo "  $kind: FAIL (a compiler failed)"
        continue
    fi
    read -r gw gcpu <<<"${!g}"
    read -r mw mcpu <<<"${!m}"
    if [ "$kind" = warm ]; then
        goal="no slower than gc"
        ok=$((mw <= gw))
    else
        goal="under 3000 ms"
        ok=$((mw < 3000))
    fi
    verdict=FAIL
    [ "$ok" -eq 1 ] && verdict=PASS
    printf '  %-5s gc -m %6d ms (cpu %5d ms)   minigc -m %6d ms (cpu %5d ms)   goal: %s: %s\n' \
        "$kind" "$gw" "$gcpu" "$mw" "$mcpu" "$goal" "$verdict"
done
exit 0

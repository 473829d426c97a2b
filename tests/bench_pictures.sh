#!/bin/bash
# bench_pictures.sh - the worst-case time of `minigc -svg` on one function.
#
# Usage: tests/bench_pictures.sh [MINIGC]     (default ./minigc)
#
# For each shape of tests/picture_shapes.py (a wide switch, a long chain of
# ifs, deep loops, a long pointer chain, many calls) at sizes on both sides
# of the layout's size limits (dot/layout.c), and for Go's test/inline.go,
# times `minigc -svg=DIR -func=f` (every CFG picture after every pass and
# the escape graph) and checks that each SVG written parses as XML. Prints
# one line per shape with its slowest size, then the worst case overall
# against the bound (PICTURE_BOUND_MS, default 5000). A report, like
# bench.sh: the exit status is 0 either way.
set -u

here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
bound_ms=${PICTURE_BOUND_MS:-5000}
gotests=/usr/share/go-1.19/test
if [ ! -x "$bin" ]; then
    echo "bench pictures: need $bin (run make)"
    exit 0
fi
tmp=$(mktemp -d /tmp/minigc-bench-pictures.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

worst=0
worst_what=
bad=0
# run NAME DIR FILE FLAGS...: times one -svg run, prints its ms.
run() {
    local name=$1 dir=$2 file=$3
    shift 3
    rm -rf "$tmp/svg"
    local start end
    start=$(date +%s%N)
    if ! (cd "$dir" && timeout 120 "$bin" -svg="$tmp/svg" "$@" "$file") >"$tmp/out" 2>&1 </dev/null; then
        echo "bench pictures: FAIL $name: minigc failed or took over 120 s" >&2
        head -3 "$tmp/out" >&2
        bad=1
    fi
    end=$(date +%s%N)
    if ! python3 - "$tmp/svg" <<'EOF' >&2; then
import os, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
for f in sorted(os.listdir(d)):
    if not f.endswith('.svg'):
        sys.exit('stray file %s' % f)
    ET.parse(os.path.join(d, f))
EOF
        echo "bench pictures: FAIL $name: an SVG does not parse" >&2
        bad=1
    fi
    echo $(((end - start) / 1000000))
}

for shape in switch ifs loops chain calls; do
    slowest=0
    slowest_k=
    for k in 10 20 30 45 60 80 100 150 300 1000; do
        [ "$shape" = loops ] && [ "$k" -gt 300 ] && continue
        python3 "$here/picture_shapes.py" "$shape" "$k" >"$tmp/x.go"
        ms=$(run "$shape $k" "$tmp" x.go -l -func=f)
        if [ "$ms" -gt "$slowest" ]; then
            slowest=$ms
            slowest_k=$k
        fi
    done
    printf 'pictures: %-8s slowest at K=%-5s %6d ms\n' "$shape" "$slowest_k" "$slowest"
    if [ "$slowest" -gt "$worst" ]; then
        worst=$slowest
        worst_what="$shape K=$slowest_k"
    fi
done
if [ -f "$gotests/inline.go" ]; then
    ms=$(run inline.go "$gotests" inline.go -m)
    printf 'pictures: %-8s (every function)   %6d ms\n' inline.go "$ms"
    if [ "$ms" -gt "$worst" ]; then
        worst=$ms
        worst_what="test/inline.go"
    fi
fi
verdict=PASS
[ "$worst" -le "$bound_ms" ] && [ "$bad" -eq 0 ] || verdict=FAIL
echo "pictures: worst case $worst ms ($worst_what), bound $bound_ms ms: $verdict"
exit 0

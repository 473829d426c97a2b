#!/bin/bash
# memcheck.sh - valgrind's memcheck on real runs, pictures included.
#
# Usage: tests/memcheck.sh [MINIGC]     (default ./minigc)
#
# Runs minigc under `valgrind --tool=memcheck` on every sample with -m=2
# and both DOT and SVG pictures, so the paths through libcgraph and libgvc
# are covered, and on a generated program (../shared/bench/gengo.py 100,
# about 6,000 lines) with -m=2 and DOT pictures (its SVG layouts under
# valgrind would take most of CI's time and add no path of minigc's). Any memcheck error (invalid read or write, use of
# uninitialised memory, bad free) or definitely lost block fails the run;
# Graphviz's own layout code keeps caches that valgrind reports as "still
# reachable" or "possibly lost", which are not minigc's and are not
# counted (the sanitizer build's tests/lsan.supp names the same code). One
# definite leak inside Graphviz's dot layout (cluster skeletons, so every
# escape graph with its legend) is suppressed by tests/valgrind.supp.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if ! command -v valgrind >/dev/null 2>&1; then
    echo "memcheck: valgrind is not installed (apt-get install valgrind)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
tmp=$(mktemp -d /tmp/minigc-memcheck.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

inputs=("$root"/samples/*.go)
gengo=$root/../shared/bench/gengo.py
if [ -f "$gengo" ]; then
    python3 "$gengo" 100 >"$tmp/gengo100.go" && inputs+=("$tmp/gengo100.go")
else
    echo "memcheck: $gengo not found; the generated program is skipped"
fi

for src in "${inputs[@]}"; do
    name=$(basename "$src" .go)
    rm -rf "$tmp/pics"
    pictures=(-dot="$tmp/pics" -svg="$tmp/pics")
    [ "$name" = gengo100 ] && pictures=(-dot="$tmp/pics")
    # --error-exitcode tells errors from minigc's own status (0, or 1 for
    # bad input); leaks are read from the summary below.
    timeout 600 valgrind --tool=memcheck --error-exitcode=99 --leak-check=full --suppressions="$here/valgrind.supp" \
        --show-leak-kinds=definite --errors-for-leak-kinds=definite --track-origins=no \
        --log-file="$tmp/vg.log" "$bin" -m=2 "${pictures[@]}" "$src" >"$tmp/out" 2>"$tmp/err"
    status=$?
    lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$tmp/vg.log" | tr -d , | head -1)
    errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$tmp/vg.log" | tail -1)
    if [ "$status" -eq 99 ] || [ "${errors:-0}" -ne 0 ] || [ "${lost:-0}" -ne 0 ]; then
        failed=$((failed + 1))
        echo "FAIL memcheck $name: ${errors:-?} errors, ${lost:-0} bytes definitely lost (status $status):"
        grep -A12 -E '^==[0-9]+== (Invalid|Conditional|Use of|Mismatched|Source and|Syscall param|[0-9,]+ bytes in [0-9,]+ blocks are definitely)' \
            "$tmp/vg.log" | head -40
    elif [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
        failed=$((failed + 1))
        echo "FAIL memcheck $name: exit status $status"
        head -5 "$tmp/err"
    else
        passed=$((passed + 1))
        echo "ok   memcheck $name"
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/bash
# replay.sh - the fuzzer's findings, replayed through the ordinary binary.
#
# Usage: tests/fuzz/replay.sh [MINIGC]     (default ./minigc)
#
# Every file in tests/fuzz/corpus/ once made the fuzz target crash, hang,
# leak or trip a sanitizer. Each is compiled as the target compiles it
# (-m=2, DOT pictures into a temporary directory, SVG too for inputs of at
# most 1,024 bytes, the SSA checker on) and
# must end with exit status 0 or 1 within 10 seconds, with nothing from a
# sanitizer (make test SAN=1 runs this with the sanitized binary).
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d /tmp/minigc-replay.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# The 10 seconds are CPU time (ulimit -t; SIGXCPU gives status 152), with
# a wall-clock bound of 60 s for a run that waits: on a machine shared by
# many jobs wall time says more about the neighbours than about minigc.
limited() { (ulimit -t 10 && exec timeout 60 "$@"); }
passed=0
failed=0
for f in "$here"/corpus/*; do
    [ -f "$f" ] || continue
    name=$(basename "$f")
    cp "$f" "$tmp/x.go"
    rm -rf "$tmp/pics"
    svg=()
    [ "$(wc -c <"$f")" -le 1024 ] && svg=(-svg="$tmp/pics")
    MINIGC_CHECK=1 limited "$bin" -m=2 -dot="$tmp/pics" "${svg[@]}" "$tmp/x.go" >"$tmp/out" 2>"$tmp/err" </dev/null
    status=$?
    [ "$status" -eq 152 ] && status=124
    if [ "$status" -eq 124 ]; then
        echo "FAIL fuzz $name: took more than 10 s of CPU (or 60 s)"
    elif grep -qE 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:' "$tmp/err" "$tmp/out"; then
        echo "FAIL fuzz $name: sanitizer report:"
        head -20 "$tmp/err"
    elif [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
        echo "FAIL fuzz $name: exit status $status, want 0 or 1"
        head -5 "$tmp/err"
    else
        passed=$((passed + 1))
        continue
    fi
    failed=$((failed + 1))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

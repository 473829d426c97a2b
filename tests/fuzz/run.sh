#!/bin/bash
# run.sh - runs the libFuzzer target for a while from the corpora.
#
# Usage: tests/fuzz/run.sh FUZZER SECONDS [JOBS]
#
# The fuzzer starts from build/fuzz/corpus (what earlier runs learnt, kept
# between runs but never committed), tests/fuzz/corpus (the committed
# regression inputs) and seeds copied fresh each run from the samples, the
# bad-input tests, the program and generics tests and Go 1.19's own escape
# and inline tests. New inputs go into build/fuzz/corpus; a crash, hang
# (over 10 s), leak or sanitizer report is written to build/fuzz/ as
# crash-*, timeout-*, leak-* or oom-*, and the run fails. Keep a finding: copy it into tests/fuzz/corpus/ with a name
# saying what it found, fix the bug, and `make test` replays it for good.
set -u
fuzzer=${1:?usage: run.sh FUZZER SECONDS [JOBS]}
seconds=${2:-60}
jobs=${3:-1}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(dirname "$fuzzer")
mkdir -p "$out/corpus" "$out/seeds"
for f in "$root"/samples/*.go "$root"/tests/bad/*.go "$root"/tests/programs/*.go \
         "$root"/tests/generics/*.go /usr/share/go-1.19/test/escape*.go \
         /usr/share/go-1.19/test/inline*.go; do
    [ -f "$f" ] && cp "$f" "$out/seeds/$(basename "$(dirname "$f")")_$(basename "$f")"
done
# The target's files go to a directory of our own in /dev/shm (memory) when
# there is one; a crash leaves it behind, so it is removed here.
shm=/dev/shm; [ -d "$shm" ] && [ -w "$shm" ] || shm=${TMPDIR:-/tmp}
export FUZZ_TMP=$(mktemp -d "$shm/minigc-fuzz-run.XXXXXX")
trap 'rm -rf "$FUZZ_TMP"' EXIT
export ASAN_OPTIONS=${FUZZ_ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
# A hang is an input taking more than 10 s of CPU, as the regression replay
# allows: the target itself aborts then (fuzz_minigc.c), whatever the load.
# libFuzzer's -timeout counts wall time, so it is only a backstop here
# (FUZZ_TIMEOUT, default 300 s): a seed importing net/http takes about 10 s
# of CPU in this build, and under nice on a loaded machine that was over
# 60 s of wall time, so the old 60 s backstop reported a hang that was none. Inputs are at most FUZZ_MAX_LEN bytes (4096;
# longer seeds are cut): the sanitized, coverage-instrumented build runs a
# 4 KB program in about 0.1 s of CPU, a 36 KB one in 2 s.
# FUZZ_ARGS: more libFuzzer flags, e.g. "-fork=2 -ignore_crashes=1
# -ignore_timeouts=1" to keep going past findings.
args=(-max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-300}" -rss_limit_mb=2560 -max_len="${FUZZ_MAX_LEN:-4096}"
      -dict="$here/go.dict" -artifact_prefix="$out/" -print_final_stats=1 ${FUZZ_ARGS:-})
if [ "$jobs" -gt 1 ]; then
    args+=(-jobs="$jobs" -workers="$jobs")
fi
echo "fuzz: $fuzzer for ${seconds}s from $out/corpus, tests/fuzz/corpus and $(ls "$out/seeds" | wc -l) seeds"
"$fuzzer" "${args[@]}" "$out/corpus" "$here/corpus" "$out/seeds"
status=$?
if [ "$status" -ne 0 ]; then
    echo "fuzz: FAILED (status $status); the input is in $out/ (crash-*, timeout-*, leak-*, oom-*)"
    echo "0 passed, 1 failed"
else
    echo "1 passed, 0 failed"
fi
exit "$status"

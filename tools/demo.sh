#!/bin/bash
# demo.sh - what `make demo` shows: minigc on a bundled sample, with
# everything a lecture needs left in one folder.
#
# Usage: tools/demo.sh [MINIGC]      (default ./minigc)
#
# Runs on samples/closure_capture.go (a closure that outlives its function,
# one that does not) and leaves in build/demo/:
#   closure_capture.m2.txt      -m=2 -l: gc's verdicts and their explanations
#   makeCounter.escgraph.svg    the escape graph of makeCounter (and its closure)
#   makeCounter.html            the page stepping through the passes
#   svg/                        every pass's CFG of makeCounter as SVG
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
out=$root/build/demo
sample=closure_capture.go
func=makeCounter
rm -rf "$out"
mkdir -p "$out"
cd "$root/samples"
echo "== minigc -m=2 -l $sample   (gc's escape verdicts, with the reasons)"
"$bin" -m=2 -l "$sample" | tee "$out/closure_capture.m2.txt"
"$bin" -l -svg="$out/svg" -func="$func" "$sample" >/dev/null
mv "$out/svg/$func.escgraph.svg" "$out/$func.escgraph.svg"
"$bin" -l -m -html="$out/$func.html" -func="$func" "$sample" >/dev/null
echo
echo "== minigc -l -dump-changed -func=$func $sample   (what each pass changed)"
"$bin" -l -dump-changed -func="$func" "$sample" | grep -E '^# after'
echo
echo "demo: the -m=2 output, the escape graph and the page are in $out:"
echo "  $out/closure_capture.m2.txt"
echo "  $out/$func.escgraph.svg"
echo "  $out/$func.html      (open in a browser: arrow keys step through the passes, p presents)"

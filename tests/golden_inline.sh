#!/bin/bash
# golden_inline.sh - the inliner's decisions on tests/golden/inline/*.go
# against gc 1.19's.
#
# Usage: tests/golden_inline.sh [MINIGC]
#
# Each NAME.go gives its flags on its first line ("// flags: -m=2"); NAME.want
# is what the real gc printed for it (see tests/golden/inline/README.md). The
# inliner's lines ("can inline", "cannot inline", "inlining call to") must
# be gc's, in gc's order, costs and bodies included. (The escape lines are
# not compared here: some calls are not spliced yet, see passes/inline.c.)
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d /tmp/minigc-golden-inline.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
dir=$here/golden/inline
pattern=': (can inline|cannot inline|inlining call to) '
passed=0
failed=0
for f in "$dir"/*.go; do
    name=$(basename "$f" .go)
    flags=$(sed -n '1s|^// flags: ||p' "$f")
    # shellcheck disable=SC2086
    (cd "$dir" && "$bin" -p=p $flags "$name.go") >"$tmp/out" 2>&1
    status=$?
    grep -E "$pattern" "$tmp/out" >"$tmp/got"
    grep -E "$pattern" "$dir/$name.want" >"$tmp/want"
    if [ "$status" -ne 0 ]; then
        failed=$((failed + 1))
        echo "FAIL golden inline $name: minigc exited with $status"
        head -5 "$tmp/out"
    elif ! [ -s "$tmp/want" ]; then
        failed=$((failed + 1))
        echo "FAIL golden inline $name: $name.want has no inlining line to compare"
    elif diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL golden inline $name: the inlining lines differ from gc's ($name.want)"
        head -30 "$tmp/diff"
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

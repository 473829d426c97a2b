#!/bin/bash
# regen.sh - rewrites the expectations of tests/programs from gc 1.19 itself:
# NAME.m is what `go tool compile -m -l` prints for NAME.go, NAME.m_inline
# what `go tool compile -m` prints (inlining on). Never edit them by hand,
# and never write them from minigc's output: they record gc's answer.
#
# Usage: tests/programs/regen.sh [NAME.go ...]    (default: every program)
set -eu
go=${GO:-/usr/lib/go-1.19/bin/go}
cd "$(dirname "$0")"
case $("$go" version) in
*go1.19*) ;;
*) echo "regen.sh: $go is not Go 1.19" >&2; exit 1 ;;
esac
tmp=$(mktemp -d /tmp/minigc-regen.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
[ $# -gt 0 ] || set -- *.go
for src in "$@"; do
    name=${src%.go}
    # gc deletes its output file when a compile fails: give it a temporary one.
    "$go" tool compile -m -l -o "$tmp/out.o" "$src" >"$name.m" 2>&1
    "$go" tool compile -m -o "$tmp/out.o" "$src" >"$name.m_inline" 2>&1
done

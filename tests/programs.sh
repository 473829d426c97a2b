#!/bin/bash
# programs.sh - ordinary programs on the real standard library (bufio, sort,
# strings, strconv, errors, time, math, os, container/list and heap,
# context, encoding/json, sync): each tests/programs/NAME.go compiled with
# -m -l must print exactly NAME.m, and compiled with -m (inlining on)
# exactly NAME.m_inline: what gc 1.19 prints for it (tests/programs/regen.sh
# writes both from gc). Their imports are read from GOROOT's sources.
# (long_lines.go shows gc's column rule: from column 255 on, none;
# line_directives.go its //line and /*line*/ directives.)
#
# tests/programs/known_m_differences lists the programs whose -m output is
# known to differ from gc's: for each, the lines that differ (a regex) and
# why. All their other lines must still be gc's, in order; the program is
# reported as XFAIL. One that becomes identical fails the run until it is
# taken off the list, so the list only shrinks.
#
# Usage: tests/programs.sh MINIGC
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/programs" || exit 1
passed=0
failed=0
xfail=0
out=$(mktemp /tmp/minigc-programs.XXXXXX)
trap 'rm -f "$out"' EXIT
known() { grep -q "^$1|" known_m_differences 2>/dev/null; }
# NAME's excluded lines: the fields between the first and the last '|'.
excluded() { grep "^$1|" known_m_differences | sed 's/^[^|]*|//; s/|[^|]*$//'; }
reason() { grep "^$1|" known_m_differences | sed 's/.*|//'; }
for src in *.go; do
    name=${src%.go}
    for mode in l inline; do
        if [ $mode = l ]; then
            flags="-m -l" want=$name.m
        else
            flags="-m" want=$name.m_inline
        fi
        # shellcheck disable=SC2086
        timeout 60 "$bin" $flags "$src" >"$out" 2>&1
        status=$?
        if [ "$status" -ne 0 ]; then
            echo "FAIL $name ($flags): exit status $status"
            head -5 "$out" | sed 's/^/    /'
            failed=$((failed + 1))
        elif ! [ -f "$want" ]; then
            echo "FAIL $name: no $want (tests/programs/regen.sh writes it from gc)"
            failed=$((failed + 1))
        elif cmp -s "$want" "$out"; then
            if [ $mode = inline ] && known "$name"; then
                echo "FAIL $name: -m now matches gc; take it off known_m_differences"
                failed=$((failed + 1))
            else
                passed=$((passed + 1))
            fi
        elif [ $mode = inline ] && known "$name" &&
            cmp -s <(grep -Ev "$(excluded "$name")" "$want") <(grep -Ev "$(excluded "$name")" "$out"); then
            xfail=$((xfail + 1))
            echo "XFAIL $name (-m): $(reason "$name")"
        else
            echo "FAIL $name: $flags output differs from gc's ($want)"
            diff "$want" "$out" | head -6 | sed 's/^/    /'
            failed=$((failed + 1))
        fi
    done
done
echo "$passed passed, $failed failed, $xfail known -m differences"
[ "$failed" -eq 0 ]

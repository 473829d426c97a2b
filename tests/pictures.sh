#!/bin/bash
# pictures.sh - the pictures survive what users and machines throw at them.
#
# Usage: tests/pictures.sh [MINIGC]     (default ./minigc)
#
#   - a full disk (a 64 KiB tmpfs, when run as root; skipped otherwise,
#     saying so): minigc prints every -m line, then
#     "minigc: write DIR/F.svg: No space left on device", exits 1, and
#     leaves no temporary and no partial picture (the same for -dot);
#   - SIGKILL and SIGINT at random moments during -svg leave only
#     well-formed pictures and no .minigc-* temporary;
#   - string constants holding bytes that are not UTF-8 (a surrogate, an
#     overlong form, a code point above U+10FFFF, U+FFFE) give SVG files
#     that parse as XML;
#   - two `func init()` and two `func _()` get distinct pictures;
#   - the shapes that took minutes to lay out (a wide switch, 1,000 ifs)
#     finish in bounded time;
#   - the escape-graph flags: -why across functions, -escgraph=all,
#     -rankdir, -cfg=skeleton, a graph where nothing escapes, bad values.
# Every SVG written is parsed as XML.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d /tmp/minigc-pictures.XXXXXX)
mnt=$tmp/full
cleanup() {
    mountpoint -q "$mnt" 2>/dev/null && umount "$mnt"
    rm -rf "$tmp"
}
trap cleanup EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() {
    failed=$((failed + 1))
    echo "FAIL $*"
}

# xml_ok DIR: every *.svg in DIR parses; no stray files (temporaries).
xml_ok() {
    python3 - "$1" <<'EOF'
import os, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
bad = []
for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
    p = os.path.join(d, f)
    if f.startswith('.minigc-'):
        bad.append('temporary left: ' + f)
    elif f.endswith('.svg'):
        try:
            ET.parse(p)
        except ET.ParseError as e:
            bad.append('%s: %s' % (f, e))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
EOF
}

sample=$root/samples/closure_capture.go

# --- A full disk -------------------------------------------------------------
full_disk() {
    local kind=$1 flag=$2
    mkdir -p "$mnt"
    if ! mount -t tmpfs -o size=64k tmpfs "$mnt" 2>/dev/null; then
        echo "pictures: skipping the full-disk test (mounting a tmpfs needs root)"
        return
    fi
    # Fill it but for a few KiB: the first picture may fit, a later one not.
    head -c 56k /dev/zero >"$mnt/filler" 2>/dev/null
    (cd "$(dirname "$sample")" && "$bin" -m "$flag=$mnt/out" "$(basename "$sample")") \
        >"$tmp/out" 2>"$tmp/err"
    local status=$?
    (cd "$(dirname "$sample")" && "$bin" -m "$(basename "$sample")") >"$tmp/want"
    if [ "$status" -ne 1 ]; then
        bad "full disk ($kind): exit status $status, want 1"
    elif ! grep -qE "^minigc: write $mnt/out/[^ ]+\.$kind: No space left on device\$" "$tmp/err"; then
        bad "full disk ($kind): stderr is: $(head -c 300 "$tmp/err")"
    elif ! cmp -s "$tmp/out" "$tmp/want"; then
        bad "full disk ($kind): the -m lines differ from a run without pictures"
    elif [ -n "$(find "$mnt" -name '.minigc-*')" ]; then
        bad "full disk ($kind): a temporary is left"
    elif ! xml_ok "$mnt/out" >"$tmp/xml"; then
        bad "full disk ($kind): $(cat "$tmp/xml")"
    else
        ok
    fi
    umount "$mnt"
}
if [ "$(id -u)" -eq 0 ]; then
    full_disk svg -svg
    full_disk dot -dot
else
    echo "pictures: skipping the full-disk test (not root: cannot mount a small tmpfs)"
fi

# --- Killed while drawing ----------------------------------------------------
python3 "$here/picture_shapes.py" switch 60 >"$tmp/kill.go"
for i in 1 2 3 4 5 6 7 8; do
    rm -rf "$tmp/k"
    "$bin" -svg="$tmp/k" "$tmp/kill.go" >/dev/null 2>&1 &
    pid=$!
    sleep "0.$((RANDOM % 9))$((RANDOM % 10))"
    if [ $((i % 2)) -eq 0 ]; then kill -KILL "$pid" 2>/dev/null; else kill -INT "$pid" 2>/dev/null; fi
    wait "$pid" 2>/dev/null
    if xml_ok "$tmp/k" >"$tmp/xml"; then ok; else bad "killed during -svg (run $i): $(cat "$tmp/xml")"; fi
done

# --- Bytes that are not UTF-8 ------------------------------------------------
cat >"$tmp/bytes.go" <<'EOF'
package main

var sink interface{}

func f() {
	sink = "surrogate \xed\xa0\x80 overlong \xc0\xaf \xe0\x80\xaf big \xf4\x90\x80\x80 \xf8\x88\x80\x80\x80 fffe \xef\xbf\xbe ffff \xef\xbf\xbf <&>\"'\\ ]]> \x00\x01\x1b\x7f end"
	s := "\xed\xb0\x80" + "x"
	sink = s
	println("&#xD800; &amp; \\l \\N", s)
}

func main() { f() }
EOF
rm -rf "$tmp/b"
if (cd "$tmp" && "$bin" -m -svg="$tmp/b" bytes.go) >/dev/null 2>"$tmp/err" && xml_ok "$tmp/b" >"$tmp/xml"; then
    ok
else
    bad "strings that are not UTF-8: $(cat "$tmp/err" "$tmp/xml" 2>/dev/null | head -5)"
fi

# --- Functions sharing a name ------------------------------------------------
cat >"$tmp/dup.go" <<'EOF'
package main

var sink *int

func init() { x := 1; sink = &x }

func init() { y := 2; sink = &y }

func _() {}

func _() { z := 3; sink = &z }

func main() {}
EOF
rm -rf "$tmp/d"
(cd "$tmp" && "$bin" -svg="$tmp/d" dup.go) >/dev/null 2>&1
n=$(ls "$tmp/d" 2>/dev/null | grep -c '\.escgraph\.svg$')
if [ "$n" -eq 5 ] && [ -f "$tmp/d/init.0.escgraph.svg" ] && [ -f "$tmp/d/init.1.escgraph.svg" ] &&
    grep -q 'moved to heap' "$tmp/d/init.1.escgraph.svg" && [ -f "$tmp/d/__.1.build.svg" ]; then
    ok
else
    bad "two init and two _ functions: $(ls "$tmp/d" 2>/dev/null | tr '\n' ' ')"
fi

# --- Bounded layout time -----------------------------------------------------
for shape in "switch 100" "ifs 1000" "switch 1000"; do
    # shellcheck disable=SC2086
    python3 "$here/picture_shapes.py" $shape >"$tmp/big.go"
    rm -rf "$tmp/t"
    start=$(date +%s)
    if timeout 60 "$bin" -l -svg="$tmp/t" "$tmp/big.go" >/dev/null 2>&1 && xml_ok "$tmp/t" >/dev/null; then
        ok
    else
        bad "-svg on $shape: failed or over 60 s"
    fi
    end=$(date +%s)
    [ $((end - start)) -le 60 ] || bad "-svg on $shape took $((end - start)) s"
done

# --- Escape-graph flags ------------------------------------------------------
cat >"$tmp/why.go" <<'EOF'
package main

var sink *int

func leak(q *int) { sink = q }

func caller() {
	y := 1
	leak(&y)
}

func loop() *int {
	var p *int
	for i := 0; i < 3; i++ {
		x := i
		p = &x
	}
	return p
}

func scalar() int {
	n := 3
	return n
}

func main() {}
EOF
rm -rf "$tmp/w"
(cd "$tmp" && "$bin" -l -svg="$tmp/w" -why=y why.go) >/dev/null 2>"$tmp/err"
if xml_ok "$tmp/w" >"$tmp/xml" && [ -f "$tmp/w/y.why.svg" ] && grep -q 'in leak' "$tmp/w/y.why.svg" &&
    grep -q 'in caller' "$tmp/w/y.why.svg" && grep -q 'passed to q of leak' "$tmp/w/y.why.svg" &&
    ! grep -q 'in loop' "$tmp/w/y.why.svg"; then
    ok
else
    bad "-why=y: $(cat "$tmp/err" "$tmp/xml" | head -3)"
fi
if grep -q 'q of leak: leaks to heap' "$tmp/w/caller.escgraph.svg" &&
    grep -q 'outlives the loop it was declared in (depth 1 &lt; 2)' "$tmp/w/loop.escgraph.svg" &&
    grep -q 'nothing escapes' "$tmp/w/scalar.escgraph.svg" && grep -q 'legend' "$tmp/w/scalar.escgraph.svg" &&
    ! grep -q '<title>l[0-9]*</title>' "$tmp/w/scalar.escgraph.svg"; then
    ok
else
    bad "escape graphs: call tag, loop reason, nothing-escapes note or hidden scalar missing"
fi
rm -rf "$tmp/w"
(cd "$tmp" && "$bin" -l -svg="$tmp/w" -escgraph=all -rankdir=LR -cfg=skeleton -func=scalar why.go) >/dev/null 2>&1
if xml_ok "$tmp/w" >/dev/null && grep -q '<title>l[0-9]*</title>' "$tmp/w/scalar.escgraph.svg" &&
    ! grep '<text' "$tmp/w/scalar.build.svg" | grep -q 'Const64' && grep -q 'Const64' "$tmp/w/scalar.build.svg"; then
    ok
else
    bad "-escgraph=all -rankdir=LR -cfg=skeleton"
fi
for flag in -rankdir=UP -escgraph=some -cfg=tiny; do
    "$bin" "$flag" -svg="$tmp/w" "$tmp/why.go" >/dev/null 2>&1
    if [ $? -eq 2 ]; then ok; else bad "$flag: want exit status 2"; fi
done

echo "pictures: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

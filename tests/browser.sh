#!/bin/bash
# browser.sh - minigc's HTML pages in a real browser.
#
# Usage: tests/browser.sh [MINIGC]      (default ./minigc)
#
# Writes the page of every function of every sample (and of
# tests/browser/xss.go, whose text tries to break out of the page) with
# `minigc -html=PAGE -func=F`, then loads each in Debian's chromium
# (/usr/bin/chromium, headless, a fresh profile) through playwright-core,
# pinned in tests/browser/package-lock.json and installed with `npm ci`
# (no browser download: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD). tests/browser/
# pages.mjs says what is checked. Screenshots go to build/browser/shots;
# with UPDATE_DOCS=1, those of the closure sample's page and escape graph
# are copied to docs/ for the README.
# `make deps` installs chromium, nodejs and npm.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
out=$root/build/browser
failed=0

for tool in node npm; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "FAIL browser: $tool not found (make deps installs it)"
        echo "0 passed, 1 failed"
        exit 1
    fi
done
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
    echo "FAIL browser: $chromium not found (make deps installs Debian's chromium)"
    echo "0 passed, 1 failed"
    exit 1
fi

# playwright-core as the lock file pins it; reinstalled only when the lock
# file is newer than what is installed.
lock=$here/browser/package-lock.json
stamp=$here/browser/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
    if ! (cd "$here/browser" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --prefer-offline \
            --loglevel=error); then
        echo "FAIL browser: npm ci in tests/browser failed"
        echo "0 passed, 1 failed"
        exit 1
    fi
fi

rm -rf "$out/pages"
mkdir -p "$out/pages" "$out/shots"
pages=()
# page DIR FILE FUNC: minigc -html for one function, run in DIR.
page() {
    local dir=$1 file=$2 func=$3
    local name
    name=$(basename "$file" .go).$(printf '%s' "$func" | tr -c 'A-Za-z0-9.\n' '_')
    if (cd "$dir" && MINIGC_CHECK=1 "$bin" -html="$out/pages/$name.html" -func="$func" "$file") >"$out/pages/$name.log" 2>&1; then
        pages+=("$out/pages/$name.html")
    else
        failed=$((failed + 1))
        echo "FAIL browser: minigc -html -func=$func $file"
        head -5 "$out/pages/$name.log"
    fi
}
# The functions of a file: the headers of its build dump.
funcs() {
    (cd "$1" && "$bin" -l -dump=build "$2") | awk '/^[^ #]/ && $1 != "name" { print $1 }'
}
for f in "$root"/samples/*.go "$here"/browser/xss.go; do
    dir=$(dirname "$f")
    file=$(basename "$f")
    for fn in $(funcs "$dir" "$file"); do
        page "$dir" "$file" "$fn"
    done
done

log=$out/browser.log
(cd "$here/browser" && CHROMIUM=$chromium timeout 600 node pages.mjs "$out/shots" "${pages[@]}") >"$log" 2>&1
status=$?
grep -v '^PASS' "$log" | grep -v ' passed, ' || true
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
if [ -z "$summary" ]; then
    echo "FAIL browser: pages.mjs did not finish (status $status); see $log"
    tail -5 "$log"
    echo "0 passed, $((failed + 1)) failed"
    exit 1
fi
p=${summary%% passed*}
f=${summary#*passed, }
f=${f%% failed}
echo "browser: ${#pages[@]} pages, screenshots in build/browser/shots"
if [ "${UPDATE_DOCS:-}" = 1 ] && [ "$status" -eq 0 ]; then
    mkdir -p "$root/docs"
    cp "$out/shots/closure_capture.makeCounter.png" "$root/docs/page-closure.png"
    cp "$out/shots/closure_capture.makeCounter.escape.png" "$root/docs/escgraph-closure.png"
    cp "$out/shots/closure_capture.makeCounter.present.png" "$root/docs/present-closure.png"
    echo "browser: docs/page-closure.png, docs/escgraph-closure.png, docs/present-closure.png updated"
fi
echo "$p passed, $((f + failed)) failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]

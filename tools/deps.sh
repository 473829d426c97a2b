#!/bin/sh
# deps.sh - makes sure the Debian packages minigc needs are installed.
#
# Each package is asked of dpkg-query; nothing is done when all are there.
# As root the missing ones are installed with apt-get (non-interactively, so
# CI can run it); as anyone else the exact command is printed and the script
# fails, since installing needs root. `make deps`, `make demo` and `make test`
# run it first, so a fresh Debian machine sets itself up.
set -u

# gcc, make, libc6-dev: the C toolchain; pkg-config finds libgraphviz-dev
# (libcgraph, libgvc), libgmp-dev and libmpfr-dev (exact constants) and
# libcmocka-dev (unit tests); python3 runs the shared
# scripts (gengo.py, errorcheck.py); golang-1.19-go is the reference compiler
# and golang-1.19-src holds Go's own test files and gc's sources; chromium
# is the browser the HTML pages are tested in (tests/browser.sh: never a
# browser download); clang and libclang-rt-14-dev build the libFuzzer target
# (make fuzz: clang's -fsanitize=fuzzer runtime is in the latter) and
# valgrind runs make memcheck.
PACKAGES="gcc make libc6-dev pkg-config libgraphviz-dev libgmp-dev libmpfr-dev libcmocka-dev python3 golang-1.19-go golang-1.19-src chromium clang libclang-rt-14-dev valgrind"

installed() {
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [ "$status" = "install ok installed" ]
}

# playwright-core, as tests/browser/package-lock.json pins it, from the npm
# registry; done again only when the lock file is newer than the install.
# PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: the browser is Debian's chromium.
npm_deps() {
    dir=$(dirname "$0")/../tests/browser
    [ -f "$dir/package-lock.json" ] || return 0
    if [ -f "$dir/node_modules/.package-lock.json" ] &&
        [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        return 0
    fi
    echo "deps: npm ci in tests/browser (playwright-core)"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) || return 1
}

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "deps: dpkg-query not found; this script knows Debian only." >&2
    echo "deps: install by hand: $PACKAGES" >&2
    exit 1
fi

missing=""
for p in $PACKAGES; do
    installed "$p" || missing="$missing $p"
done
# node and npm drive the browser test (playwright-core from the npm
# registry, tests/browser/package-lock.json). Any node that is there will
# do (a newer one may come from another package than Debian's nodejs);
# Debian's packages otherwise.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"

if [ -z "$missing" ]; then
    echo "deps: all packages present"
    npm_deps || exit 1
    exit 0
fi

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -ne 0 ]; then
    echo "deps: missing Debian packages:$missing" >&2
    echo "deps: run as root:  apt-get update && DEBIAN_FRONTEND=noninteractive $cmd" >&2
    exit 1
fi

echo "deps: installing:$missing"
apt-get update || exit 1
DEBIAN_FRONTEND=noninteractive $cmd || exit 1
for p in $missing; do
    if ! installed "$p" && ! { [ "$p" = nodejs ] && command -v node >/dev/null 2>&1; } &&
        ! { [ "$p" = npm ] && command -v npm >/dev/null 2>&1; }; then
        echo "deps: $p is still not installed" >&2
        exit 1
    fi
done
echo "deps: installed:$missing"
npm_deps || exit 1

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
# (libcgraph, libgvc) and libcmocka-dev (unit tests); python3 runs the shared
# scripts (gengo.py, errorcheck.py); golang-1.19-go is the reference compiler
# and golang-1.19-src holds Go's own test files and gc's sources.
PACKAGES="gcc make libc6-dev pkg-config libgraphviz-dev libcmocka-dev python3 golang-1.19-go golang-1.19-src"

installed() {
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [ "$status" = "install ok installed" ]
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

if [ -z "$missing" ]; then
    echo "deps: all packages present"
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
    if ! installed "$p"; then
        echo "deps: $p is still not installed" >&2
        exit 1
    fi
done
echo "deps: installed:$missing"

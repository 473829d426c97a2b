#!/bin/bash
# run_bad.sh - minigc on bad input: the right errors, the right exit
# status, and never a crash, a hang or a sanitizer report.
#
# Usage: tests/run_bad.sh [MINIGC]     (default ./minigc)
#
# Three groups of checks:
#  1. tests/bad/NAME.go with NAME.want: run from inside tests/bad on the short
#     name, minigc must exit 1, print exactly NAME.want (every line of it)
#     and nothing on stderr. The .want lines were taken from the real gc 1.19
#     (`go tool compile -p=main -o TMP.o NAME.go`), except minigc's own
#     messages (generics), which gc has no reason to give.
#  2. the command line: usage errors exit 2, an unreadable file exits 1.
#  3. hostile inputs generated here (empty, garbage, invalid UTF-8, NULs,
#     unterminated comment and string, nesting past the depth limit, a
#     million-byte identifier, ...): exit status exactly 1 within 10 seconds.
#     (Deep and long inputs that gc compiles: tests/run_hostile.sh.)
# Every run has 10 s of CPU (see limited below), and a sanitizer report anywhere fails the
# check (the Makefile makes sanitizers abort, so their status is never 1).
set -u

here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-./minigc}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if [ ! -x "$bin" ]; then
    echo "run_bad: $bin is not an executable; run make first" >&2
    exit 1
fi

tmp=$(mktemp -d /tmp/minigc-bad.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "FAIL $1: $2"
}

# The 10 seconds are CPU time (ulimit -t; SIGXCPU gives status 152), with
# a wall-clock bound of 60 s for a run that waits: on a machine shared by
# many jobs wall time says more about the neighbours than about minigc.
limited() { (ulimit -t 10 && exec timeout 60 "$@"); }

# run NAME ARGS... : runs minigc with a time limit in the current directory;
# sets $status and leaves its output in $tmp/out and $tmp/err.
run() {
    limited "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    status=$?
    [ "$status" -eq 152 ] && status=124
}

sanitizer_report() {
    grep -qE 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:' "$tmp/err" "$tmp/out"
}

# expect_status NAME WANT: the last run ended with status WANT, in time and
# without a sanitizer report.
expect_status() {
    if [ "$status" -eq 124 ]; then
        fail "$1" "took more than 10 s of CPU (or 60 s)"
    elif sanitizer_report; then
        fail "$1" "sanitizer report:"
        head -20 "$tmp/err"
    elif [ "$status" -ne "$2" ]; then
        fail "$1" "exit status $status, want $2"
        head -5 "$tmp/err"
    else
        return 0
    fi
    return 1
}

# 1. Committed cases with their expected first line.
check_committed() {
    cd "$here/bad" || exit 1
    for src in *.go; do
        name=${src%.go}
        if [ ! -f "$name.want" ]; then
            fail "$name" "no $name.want beside $src"
            continue
        fi
        run "$src"
        expect_status "$name" 1 || continue
        if ! cmp -s "$name.want" "$tmp/out"; then
            fail "$name" "output differs from $name.want"
            diff "$name.want" "$tmp/out" | head -6 | sed 's/^/    /'
        elif [ -s "$tmp/err" ]; then
            fail "$name" "unexpected output on stderr:"
            head -5 "$tmp/err"
        else
            pass
        fi
    done
    cd - >/dev/null || exit 1
}

# expect_cli NAME STATUS FIRST-LINE-PATTERN ARGS...: a command-line case; the
# pattern is matched (grep -E) against the first line of stdout+stderr; an
# empty pattern means no output at all.
expect_cli() {
    local name=$1 want_status=$2 pattern=$3
    shift 3
    run "$@"
    expect_status "cli $name" "$want_status" || return
    local first
    first=$(cat "$tmp/out" "$tmp/err" | head -n 1)
    if [ -z "$pattern" ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then
        pass
    elif [ -n "$pattern" ] && printf '%s\n' "$first" | grep -qE -- "$pattern"; then
        pass
    else
        fail "cli $name" "first line does not match /$pattern/:"
        cat "$tmp/out" "$tmp/err" | head -3
    fi
}

# -time: one line on stderr per phase (parse, check, each pass of -passes
# that runs, output), in that order; stdout as without it.
check_time() {
    printf 'package main\n\nfunc f() *int { return new(int) }\n\nfunc main() { _ = f() }\n' >time.go
    run -m time.go
    cp "$tmp/out" "$tmp/plain.out"
    run -m -time time.go
    expect_status "cli time" 0 || return
    local want got
    want=$(printf 'parse\ncheck\n'; "$bin" -passes | sed 's/  .*//; s/ *$//'; printf 'output\n')
    got=$(sed -n 's/^minigc: time \(.*[^ ]\) *  *[0-9.]* ms  arena .* MB  rss .* MB  peak .* MB$/\1/p' "$tmp/err")
    if [ "$got" != "$want" ] || [ "$(wc -l <"$tmp/err")" -ne "$(printf '%s\n' "$want" | wc -l)" ]; then
        fail "cli time" "stderr is not one line per phase:"
        head -12 "$tmp/err"
    elif ! cmp -s "$tmp/plain.out" "$tmp/out"; then
        fail "cli time" "stdout differs from the run without -time"
    else
        pass
    fi
}

# 2. The command line, as gc treats it (but with exit 1 for input errors).
check_cli() {
    cd "$tmp" || exit 1
    printf 'package main\n\nfunc main() {}\n' >ok.go
    expect_cli no-files 2 '^usage: minigc '
    expect_cli unknown-flag 2 '^flag provided but not defined: -x$' -x ok.go
    expect_cli help 2 '^usage: minigc ' -help
    expect_cli needs-arg 2 '^flag needs an argument: -p$' -p
    expect_cli bad-count 2 '^invalid boolean value "x" for -m: invalid count "x"$' -m=x ok.go
    printf 'package other\n\nfunc g() {}\n' >other.go
    expect_cli package-mismatch 1 '^other.go:1:1: package other; expected main$' ok.go other.go
    printf 'package main\n\nfunc main() {\n\tx := 1\n}\n' >unused.go
    expect_cli no-columns 1 '^unused.go:4: x declared but not used$' -C unused.go
    printf 'package main\n\nfunc f() *int {\n\tx := 1\n\treturn &x\n}\n\nfunc main() { f() }\n' >moved.go
    expect_cli no-columns-m2 0 '^moved.go:4: x escapes to heap:$' -C -m=2 -l moved.go
    expect_cli passes 0 '^[a-z]+ ' -passes
    expect_cli missing-file 1 '^open nosuchfile.go: no such file or directory$' nosuchfile.go
    # gc 1.19 inlines under -l=4 and -N: it prints this line for ok.go
    expect_cli valid 0 '^ok.go:3: can inline main with cost 0 as: func\(\) \{  \}$' -0 -m -m -l=4 -N -e -C -smallframes -complete -d=inlfuncswithclosures=1,ssa/check/on \
        -p main -o "$tmp/ok.o" -func=main -dot="$tmp/pics" -svg="$tmp/pics" ok.go
    # A func literal early deadcode drops leaves a hole the inliner skips.
    printf 'package main\n\nfunc main() {\n\tif false {\n\t\tf := func() {}\n\t\tf()\n\t}\n}\n' >dead.go
    expect_cli dead-literal-inline 0 '^dead.go:3:6: can inline main$' -m dead.go
    # gc's package-build flags, as cmd/go passes them (values gc accepts).
    printf '# symbol ABIs\n' >abis
    printf '# import config\nimportmap golang.org/x/y=vendor/golang.org/x/y\npackagefile fmt=/x/fmt.a\n' >cfg
    expect_cli build-flags 0 '' -std -+ -complete -symabis abis -importcfg cfg -trimpath="$tmp=>" \
        -goversion go1.19.8 -buildid abc/def -c=4 -c 2 -nolocalimports -pack -lang=go1.19 -p main -- ok.go
    expect_cli bad-lang 1 '^minigc: invalid value "foo" for -lang: should be something like "go1.12"$' -lang=foo ok.go
    expect_cli new-lang 1 '^minigc: invalid value "go1.25" for -lang: max known version is "go1.19"$' -lang=go1.25 ok.go
    expect_cli goversion 1 '^minigc: version "go1.19" does not match go tool version "go1.18"$' -goversion=go1.18 ok.go
    expect_cli symabis-missing 1 '^minigc: -symabis: open nosuch: No such file' -symabis nosuch ok.go
    expect_cli importcfg-missing 1 '^-importcfg: open nosuch: No such file' -importcfg nosuch ok.go
    printf 'importmap x\n' >badcfg
    expect_cli importcfg-bad 1 '^badcfg:1: invalid importmap: syntax is "importmap path=filename"$' -importcfg badcfg ok.go
    printf 'package main\n\nimport "sync/atomic"\n\nvar p atomic.Pointer[int]\n\nfunc main() {}\n' >gen.go
    expect_cli generic-std-type 1 '^gen.go:5:7: generic type atomic.Pointer is not supported by minigc$' gen.go
    # A GOROOT of another Go, or one without Go 1.19's sources (every import
    # is read from GOROOT).
    printf 'package main\n\nimport "sort"\n\nfunc main() { sort.Ints(nil) }\n' >sort.go
    mkdir -p newgo/src/runtime nosrc
    printf 'go1.26.8\n' >newgo/VERSION
    printf 'go1.19.8\n' >nosrc/VERSION
    GOROOT=$tmp/newgo expect_cli goroot-other-go 1 \
        '^sort.go:3:8: could not import sort \(GOROOT .*/newgo holds go1\.26\.8, not Go 1\.19' sort.go
    GOROOT=$tmp/nosrc expect_cli goroot-no-sources 1 \
        '^sort.go:3:8: could not import sort \(GOROOT .*/nosrc has no Go sources in .*install golang-1\.19-src' sort.go
    GOROOT=/nonexistent expect_cli goroot-missing 1 \
        '^sort.go:3:8: could not import sort \(GOROOT /nonexistent holds no Go 1\.19 \(no VERSION file\)\)$' sort.go
    # std's vendored packages: a library package's import of golang.org/x/...
    # resolves through GOROOT/src/vendor (cmd/go's importmap does that for
    # std); the package being compiled gets it by the vendor/ path, as from
    # gc, or from an -importcfg importmap (tests/bad/import_vendored.go:
    # neither, gc's "file not found").
    printf 'package main\n\nimport "vendor/golang.org/x/net/dns/dnsmessage"\n\nfunc main() { _ = dnsmessage.TypeA }\n' >vend.go
    expect_cli vendored-path 0 '' vend.go
    printf 'package main\n\nimport "golang.org/x/net/dns/dnsmessage"\n\nfunc main() { _ = dnsmessage.TypeA }\n' >vendmap.go
    printf 'importmap golang.org/x/net/dns/dnsmessage=vendor/golang.org/x/net/dns/dnsmessage\n' >vend.cfg
    expect_cli vendored-importcfg 0 '' -importcfg vend.cfg vendmap.go
    expect_cli dump 0 '^# after build$' -dump=all -func=main ok.go
    expect_cli dump-unknown-pass 2 '^minigc: -dump: no pass named nosuch ' -dump=nosuch ok.go
    expect_cli func-unknown 2 '^minigc: no function named nosuch$' -dump=build -func=nosuch ok.go
    expect_cli stopafter-unknown 2 '^minigc: -stopafter: no phase named nosuch ' -stopafter=nosuch ok.go
    check_time
    expect_cli html 0 '' -html="$tmp/x.html" -func=main ok.go
    expect_cli html-needs-func 2 '^minigc: -html needs -func=NAME' -html="$tmp/x.html" ok.go
    # -d as gc reads it (messages from gc 1.19; its "compile: " is "minigc: ").
    expect_cli d-unknown-key 2 '^invalid value "nosuch" for flag -d: unknown debug key nosuch$' -d=nosuch ok.go
    expect_cli d-bad-int 1 '^minigc: invalid debug value checkptr$' -d=checkptr=x ok.go
    expect_cli d-unknown-phase 1 '^minigc: Did not find a phase matching nosuch in -d=ssa/\.\.\. debug option$' \
        -d=ssa/nosuch/dump=main ok.go
    expect_cli d-unknown-flag 1 '^minigc: Did not find a flag matching foo in -d=ssa/late_deadcode debug option$' \
        -d=ssa/late_deadcode/foo ok.go
    expect_cli d-ssa-dump 0 '^# after late deadcode$' -d=ssa/late_deadcode/dump=main ok.go
    expect_cli dump-changed 0 '^# after build$' -dump-changed -func=main ok.go
    expect_cli compare-inline 0 '^0 verdicts changed, 0 stayed the same$' -compare-inline ok.go
    expect_cli compare-inline-dump 2 '^minigc: -compare-inline: -dump and -dot are not supported' \
        -compare-inline -dump=all ok.go
    printf 'package main\n\nfunc main() { x }\n' >bad_compare.go
    expect_cli compare-inline-error 1 '^bad_compare.go:3:15: undefined: x$' -compare-inline bad_compare.go
    cd - >/dev/null || exit 1
}

# 3. Hostile inputs, written by python3 so they are the same on every run.
generate_hostile() {
    python3 - "$tmp/gen" <<'EOF'
import os, random, sys
d = sys.argv[1]
os.makedirs(d, exist_ok=True)
N = 200000
def put(name, data):
    with open(os.path.join(d, name + ".go"), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
rng = random.Random(1)
put("empty", b"")
put("garbage", bytes(rng.randrange(256) for _ in range(4096)))
put("garbage_after_package", b"package main\n" + bytes(rng.randrange(256) for _ in range(4096)))
put("invalid_utf8", b"package main\n\nvar s\xff = \"\xc3\x28\xa0\xa1\"\n\nfunc main() { \xe2\x82 }\n")
put("nul_bytes", b"package main\n\x00\nfunc main() { x := 1\x00 }\n")
put("bom_in_middle", b"package main\n\nvar x = 1\xef\xbb\xbf\n")
put("unterminated_comment", "package main\n\nfunc main() {}\n/* " + "never closed " * 1000)
put("unterminated_string", "package main\n\nvar s = \"" + "x" * 100000)
put("unterminated_raw_string", "package main\n\nvar s = `" + "x\n" * 10000)
put("unterminated_rune", "package main\n\nvar r = '")
put("nested_parens_unclosed", "package main\n\nvar x = " + "(" * N + "\n")
put("nested_blocks_unclosed", "package main\n\nfunc main() " + "{" * N + "\n")
# gc compiles 200,000 nested parentheses or blocks (tests/run_hostile.sh);
# these go past PARSE_MAX_DEPTH, where gc has long run out of stack (it
# takes minutes on 200,000 nested slice types or pointers).
D = 1100000
put("nested_brackets", "package main\n\nvar x " + "[]" * D + "int\n")
put("nested_index", "package main\n\nvar a []int\nvar x = a" + "[0" * N + "]" * N + "\n")
put("nested_unary", "package main\n\nvar x = " + "-" * N + "1\n")
put("nested_stars", "package main\n\nvar x " + "*" * D + "int\n")
put("nested_funclits", "package main\n\nvar x = " + "func() {" * N + "}" * N + "\n")
put("nested_composite", "package main\n\nvar x = []interface{}" + "{[]interface{}" * N + "}" * N + "\n")
put("else_if_chain", "package main\n\nfunc main() {\n\tx := 1\n\tif x == 0 {\n\t}" + " else if x == 1 {\n\t}" * N + " else {\n\t\tundefinedName()\n\t}\n}\n")
put("long_sum", "package main\n\nvar x = " + "1 + " * N + "undefinedName\n")
put("long_identifier", "package main\n\nfunc main() { _ = " + "a" * 1000000 + " }\n")
put("long_string", "package main\n\nvar s = \"" + "x" * 1000000 + "\"\n\nfunc main() { undefinedName() }\n")
put("many_errors", "package main\n\nfunc main() {\n" + "\tundefinedName()\n" * 100000 + "}\n")
put("many_decls", "package main\n\n" + "".join("var v%d = %d\n" % (i, i) for i in range(100000)) + "var v0 = 1\n")
put("huge_int", "package main\n\nvar x = " + "9" * 100000 + "\n")
put("huge_float", "package main\n\nvar x int = 1e1000000\n")
put("bad_escape", "package main\n\nvar s = \"\\q\\x\\u12\\U0011ffff\\777\"\n")
put("only_package", "package\n")
put("keywords", "package main\n\n" + "func for if else switch case go defer return " * 1000 + "\n")
EOF
}

check_hostile() {
    if ! generate_hostile; then
        fail "generate" "python3 could not write the hostile inputs"
        return
    fi
    cd "$tmp/gen" || exit 1
    for src in *.go; do
        run "$src"
        expect_status "hostile ${src%.go}" 1 && pass
    done
    cd - >/dev/null || exit 1
}

check_committed
check_cli
check_hostile
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

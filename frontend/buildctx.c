// buildctx.c - which files of a package directory `go build` compiles for
// linux/amd64 with CGO_ENABLED=0, the gc compiler and Go 1.19.
//
// Three rules, as go/build applies them (see Go 1.19's go/build/build.go):
//   1. the name: only *.go, not *_test.go, not starting with '_' or '.';
//      after the first '_', a last element (or last two, OS then arch) that
//      is a known GOOS or GOARCH must match linux / amd64. "unix" is a tag,
//      not a known GOOS, so foo_unix.go is not filtered by its name.
//   2. the header: in the leading run of comments and blank lines before
//      the package clause, a `//go:build EXPR` line decides alone; without
//      one, every `// +build` line (in the part of the header followed by a
//      blank line) must be satisfied.
//   3. a file importing "C" needs cgo, which is off: the loader drops it
//      after parsing (build_needs_cgo).
// The satisfied tags: linux, amd64, unix, gc, go1.1 ... go1.19, and the
// experiments Go 1.19 turns on by default for amd64 (regabiwrappers,
// regabiargs). Not cgo, not boringcrypto.
#include "frontend.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

static const char *const known_os[] = {
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
    "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos",
};
static const char *const known_arch[] = {
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips",
    "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le",
    "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
};

static bool in_set(const char *const *set, size_t n, const char *s, size_t len) {
    for (size_t i = 0; i < n; i++)
        if (strlen(set[i]) == len && memcmp(set[i], s, len) == 0)
            return true;
    return false;
}

#define IN(set, s, len) in_set(set, sizeof set / sizeof set[0], s, len)

static bool same(const char *s, size_t len, const char *lit) {
    return strlen(lit) == len && memcmp(s, lit, len) == 0;
}

bool build_tag_ok(const char *tag, size_t len) {
    if (same(tag, len, "linux") || same(tag, len, "amd64") || same(tag, len, "unix") ||
        same(tag, len, "gc") || same(tag, len, "goexperiment.regabiwrappers") ||
        same(tag, len, "goexperiment.regabiargs"))
        return true;
    // Release tags go1.1 ... go1.19.
    if (len > 4 && memcmp(tag, "go1.", 4) == 0) {
        int minor = 0;
        for (size_t i = 4; i < len; i++) {
            if (!isdigit((unsigned char)tag[i]) || minor > 100)
                return false;
            minor = minor * 10 + (tag[i] - '0');
        }
        return tag[4] != '0' && minor >= 1 && minor <= 19;
    }
    return false;
}

bool build_name_ok(const char *name) {
    size_t len = strlen(name);
    if (name[0] == '_' || name[0] == '.' || len < 4 || strcmp(name + len - 3, ".go") != 0)
        return false;
    if (len >= 8 && strcmp(name + len - 8, "_test.go") == 0)
        return false;
    // The elements after the first '_', up to the first '.'.
    const char *stem_end = strchr(name, '.');
    const char *u = memchr(name, '_', (size_t)(stem_end - name));
    if (!u)
        return true;
    const char *elem[64];
    size_t elen[64];
    int n = 0;
    for (const char *p = u + 1; n < 64;) {
        const char *q = memchr(p, '_', (size_t)(stem_end - p));
        size_t l = q ? (size_t)(q - p) : (size_t)(stem_end - p);
        elem[n] = p;
        elen[n++] = l;
        if (!q)
            break;
        p = q + 1;
    }
    if (n > 0 && same(elem[n - 1], elen[n - 1], "test"))
        n--;
    if (n >= 2 && IN(known_os, elem[n - 2], elen[n - 2]) && IN(known_arch, elem[n - 1], elen[n - 1]))
        return build_tag_ok(elem[n - 2], elen[n - 2]) && build_tag_ok(elem[n - 1], elen[n - 1]);
    if (n >= 1 && (IN(known_os, elem[n - 1], elen[n - 1]) || IN(known_arch, elem[n - 1], elen[n - 1])))
        return build_tag_ok(elem[n - 1], elen[n - 1]);
    return true;
}

// ---------------------------------------------------------------------------
// //go:build expressions: || over && over ! and parentheses, tags made of
// letters, digits, '_' and '.'. A malformed expression excludes the file
// (go/build reports it; gc never sees such a file).

typedef struct ExprParser {
    const char *p, *end;
    bool bad;
} ExprParser;

static void skip_space(ExprParser *x) {
    while (x->p < x->end && (*x->p == ' ' || *x->p == '\t'))
        x->p++;
}

static bool tag_char(char c) { return isalnum((unsigned char)c) || c == '_' || c == '.'; }

static bool parse_or(ExprParser *x);

// not := '!' not | '(' or ')' | tag
static bool parse_not(ExprParser *x) {
    skip_space(x);
    if (x->p >= x->end) {
        x->bad = true;
        return false;
    }
    if (*x->p == '!') {
        x->p++;
        return !parse_not(x);
    }
    if (*x->p == '(') {
        x->p++;
        bool v = parse_or(x);
        skip_space(x);
        if (x->p >= x->end || *x->p != ')')
            x->bad = true;
        else
            x->p++;
        return v;
    }
    const char *start = x->p;
    while (x->p < x->end && tag_char(*x->p))
        x->p++;
    if (x->p == start) {
        x->bad = true;
        return false;
    }
    return build_tag_ok(start, (size_t)(x->p - start));
}

// and := not { '&&' not }
static bool parse_and(ExprParser *x) {
    bool v = parse_not(x);
    for (;;) {
        skip_space(x);
        if (x->end - x->p < 2 || x->p[0] != '&' || x->p[1] != '&')
            return v;
        x->p += 2;
        v = parse_not(x) && v;
    }
}

// or := and { '||' and }
static bool parse_or(ExprParser *x) {
    bool v = parse_and(x);
    for (;;) {
        skip_space(x);
        if (x->end - x->p < 2 || x->p[0] != '|' || x->p[1] != '|')
            return v;
        x->p += 2;
        v = parse_and(x) || v;
    }
}

static bool go_build_ok(const char *s, size_t len) {
    ExprParser x = {s, s + len, false};
    bool v = parse_or(&x);
    skip_space(&x);
    return v && !x.bad && x.p == x.end;
}

// `// +build a,!b c`: any space-separated option satisfied, each option's
// comma-separated terms all satisfied. A malformed term is not satisfied.
static bool plus_build_ok(const char *s, size_t len) {
    const char *p = s, *end = s + len;
    bool any = false, seen = false;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (p >= end)
            break;
        seen = true;
        const char *opt_end = p;
        while (opt_end < end && *opt_end != ' ' && *opt_end != '\t')
            opt_end++;
        bool all = true;
        for (const char *t = p; t < opt_end;) {
            const char *comma = memchr(t, ',', (size_t)(opt_end - t));
            const char *term_end = comma ? comma : opt_end;
            bool neg = t < term_end && *t == '!';
            const char *name = t + neg;
            bool valid = name < term_end;
            for (const char *c = name; c < term_end; c++)
                valid &= tag_char(*c);
            bool v = valid && (build_tag_ok(name, (size_t)(term_end - name)) != neg);
            all &= v;
            t = comma ? comma + 1 : opt_end;
        }
        any |= all;
        p = opt_end;
    }
    return any || !seen;    // an empty line does not parse: go/build ignores it
}

typedef struct Line {
    const char *s;
    size_t len;
} Line;

static Line trim(const char *s, size_t len) {
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    return (Line){s, len};
}

static bool starts(Line l, const char *lit) {
    size_t n = strlen(lit);
    return l.len >= n && memcmp(l.s, lit, n) == 0;
}

bool build_header_ok(const char *text, size_t len) {
    const char *p = text, *end = text + len;
    const char *header_end = text;   // +build lines must come before a blank line
    bool ended = false, in_block = false;
    Line go_build = {NULL, 0};
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *next = nl ? nl + 1 : end;
        Line l = trim(p, (size_t)((nl ? nl : end) - p));
        p = next;
        if (l.len == 0 && !ended) {
            header_end = p;
            continue;
        }
        if (!starts(l, "//"))
            ended = true;
        if (!in_block && starts(l, "//go:build") &&
            (l.len == 10 || l.s[10] == ' ' || l.s[10] == '\t')) {
            if (go_build.s)
                return false;   // "multiple //go:build comments"
            go_build = l;
        }
        // Only comments may come before the package clause's line.
        bool stop = false;
        while (l.len) {
            if (in_block) {
                const char *close = NULL;
                for (size_t i = 0; i + 1 < l.len; i++)
                    if (l.s[i] == '*' && l.s[i + 1] == '/') {
                        close = l.s + i;
                        break;
                    }
                if (!close)
                    break;
                in_block = false;
                l = trim(close + 2, (size_t)(l.s + l.len - close - 2));
                continue;
            }
            if (starts(l, "//"))
                break;
            if (starts(l, "/*")) {
                in_block = true;
                l = trim(l.s + 2, l.len - 2);
                continue;
            }
            stop = true;
            break;
        }
        if (stop)
            break;
    }
    if (go_build.s)
        return go_build_ok(go_build.s + 10, go_build.len - 10);
    for (const char *q = text; q < header_end;) {
        const char *nl = memchr(q, '\n', (size_t)(header_end - q));
        const char *next = nl ? nl + 1 : header_end;
        Line l = trim(q, (size_t)((nl ? nl : header_end) - q));
        q = next;
        if (!starts(l, "//"))
            continue;
        Line rest = trim(l.s + 2, l.len - 2);
        if (!starts(rest, "+build") || (rest.len > 6 && rest.s[6] != ' ' && rest.s[6] != '\t'))
            continue;
        if (!plus_build_ok(rest.s + 6, rest.len - 6))
            return false;
    }
    return true;
}

bool build_needs_cgo(const File *f) {
    for (int i = 0; i < f->imports.len; i++) {
        const Node *spec = f->imports.items[i];
        const Node *p = spec->u.import.path;
        if (p && p->kind == N_BASICLIT && p->u.lit.len == 3 && memcmp(p->u.lit.text, "\"C\"", 3) == 0)
            return true;
    }
    return false;
}

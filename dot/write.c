// write.c - labels, file names, and writing pictures to files.
//
// Label text goes through dotbuf_escape, which makes any bytes valid UTF-8
// that XML accepts and escapes what Graphviz would read as markup. Every
// picture is laid out and rendered into memory first (layout.c), then
// written by dot_write_file in one go into an unnamed temporary file in the
// target directory, named and renamed into place once complete: a failing
// write is reported in minigc's words ("write DIR/F.svg: No space left on
// device") and an interrupted or killed run leaves no partial picture.
//
// File names are made by dot_file_name (mapping documented in dot.h).
#define _GNU_SOURCE     // O_TMPFILE, open_memstream
#include "dot/dot.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

// ---------------------------------------------------------------------------
// Arena strings

void dotbuf_init(DotBuf *b, Arena *a) {
    *b = (DotBuf){.arena = a};
    b->cap = 256;
    b->s = arena_alloc(a, b->cap);
}

static void dotbuf_reserve(DotBuf *b, size_t more) {
    if (b->len + more + 1 <= b->cap)
        return;
    size_t ncap = b->cap * 2;
    while (ncap < b->len + more + 1)
        ncap *= 2;
    char *n = arena_alloc(b->arena, ncap);
    memcpy(n, b->s, b->len + 1);
    b->s = n;
    b->cap = ncap;
}

static void dotbuf_putn(DotBuf *b, const char *s, size_t n) {
    dotbuf_reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

void dotbuf_puts(DotBuf *b, const char *s) { dotbuf_putn(b, s, strlen(s)); }

void dotbuf_printf(DotBuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    dotbuf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

// The length of the UTF-8 sequence at s (at most n bytes) if it encodes a
// character XML accepts, else 0: no overlong forms, no surrogates, nothing
// above U+10FFFF, not U+FFFE or U+FFFF.
static size_t utf8_seq_len(const unsigned char *s, size_t n) {
    size_t want = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 && s[0] <= 0xef ? 3 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;
    if (want == 0 || want > n)
        return 0;
    uint32_t c = s[0] & (want == 2 ? 0x1f : want == 3 ? 0x0f : 0x07);
    for (size_t i = 1; i < want; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3f);
    }
    static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < least[want] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) || c == 0xfffe || c == 0xffff)
        return 0;
    return want;
}

// Graphviz wants UTF-8: a string constant may hold any bytes, so the ones
// that are not UTF-8 (and control bytes) become visible \xhh text.
void dotbuf_escape(DotBuf *b, const char *s, size_t len) {
    if (len == (size_t)-1)
        len = strlen(s);
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = u[i];
        if (c == '\\') {
            dotbuf_puts(b, "\\\\");
            continue;
        }
        if (c == '&') {
            dotbuf_puts(b, "&amp;");
            continue;
        }
        if (c >= 0x80) {
            size_t n = utf8_seq_len(u + i, len - i);
            if (n) {
                dotbuf_putn(b, s + i, n);
                i += n - 1;
                continue;
            }
        }
        if (c < 0x20 || c >= 0x7f)
            dotbuf_printf(b, "\\\\x%02x", c);
        else
            dotbuf_putn(b, s + i, 1);
    }
}

void dotbuf_line(DotBuf *b, const char *s, size_t len) {
    dotbuf_escape(b, s, len);
    dotbuf_puts(b, "\\l");
}

// ---------------------------------------------------------------------------
// File names

enum { FILE_NAME_MAX = 240 };   // below NAME_MAX (255) with room to spare

static bool is_ascii_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Appends s[0:len] escaped (see dot.h), stopping before the unit that would
// take the name past `limit` bytes. Returns how many bytes of s were taken.
static size_t escape_name_part(DotBuf *b, const char *s, size_t len, bool keep_dots, bool at_start,
                               size_t limit) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned char c = u[i];
        char unit[8];
        size_t n = 1, take = 1;
        bool first = at_start && b->len == 0;
        if (c == '_') {
            memcpy(unit, "__", 2);
            n = 2;
        } else if (c >= 0x80) {
            // A byte that is not UTF-8 stays too: escaping it as _hh (h >= 8)
            // could make "ptr_" ambiguous, and Go names are UTF-8 anyway.
            take = utf8_seq_len(u + i, len - i);
            if (take == 0)
                take = 1;
            memcpy(unit, s + i, take);
            n = take;
        } else if (is_ascii_alnum(c) || (c == '.' && keep_dots && !first) || (c == '-' && !first)) {
            unit[0] = (char)c;
        } else {
            snprintf(unit, sizeof unit, "_%02x", c);
            n = 3;
        }
        if (b->len + n > limit)
            break;
        dotbuf_putn(b, unit, n);
        i += take;
    }
    return i;
}

// FNV-1a, 64 bits: stable across runs, enough to keep long names apart.
static uint64_t name_hash(const char *s) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return h;
}

// "(*R).rest" with a receiver name R that could be a Go identifier:
// *recv_len is R's length and the return value points at rest.
static const char *pointer_method_rest(const char *name, size_t *recv_len) {
    if (strncmp(name, "(*", 2) != 0)
        return NULL;
    const char *r = name + 2;
    const char *close = strchr(r, ')');
    if (!close || close == r || close[1] != '.' || (*r >= '0' && *r <= '9'))
        return NULL;
    if (memchr(r, '(', (size_t)(close - r)))
        return NULL;
    *recv_len = (size_t)(close - r);
    return close + 2;
}

// The function part of a file name, at most `limit` bytes.
static void escape_func_name(DotBuf *b, const char *name, size_t limit) {
    size_t full = strlen(name);
    if (full == 0) {
        dotbuf_puts(b, "_e");
        return;
    }
    size_t recv_len = 0;
    const char *rest = pointer_method_rest(name, &recv_len);
    size_t hashed = 2 + 16;     // "_z" and the hash
    size_t budget = limit > hashed ? limit - hashed : 0;
    size_t taken;
    if (rest) {
        dotbuf_puts(b, "ptr_");
        taken = escape_name_part(b, name + 2, recv_len, true, false, budget);
        bool whole = taken == recv_len && b->len + 1 <= budget;
        if (whole) {
            dotbuf_puts(b, ".");
            size_t rest_len = strlen(rest);
            whole = escape_name_part(b, rest, rest_len, true, false, budget) == rest_len;
        }
        if (whole)
            return;
    } else {
        taken = escape_name_part(b, name, full, true, true, budget);
        if (taken == full)
            return;
    }
    dotbuf_printf(b, "_z%016llx", (unsigned long long)name_hash(name));
}

const char *dot_file_name(Arena *a, const char *func_name, const char *pass, const char *ext) {
    DotBuf b;
    dotbuf_init(&b, a);
    // Escape the suffix first to know how much room the function name has.
    DotBuf suffix;
    dotbuf_init(&suffix, a);
    if (pass) {
        dotbuf_puts(&suffix, ".");
        escape_name_part(&suffix, pass, strlen(pass), false, false, FILE_NAME_MAX / 2);
    }
    if (ext) {
        dotbuf_puts(&suffix, ".");
        escape_name_part(&suffix, ext, strlen(ext), false, false, FILE_NAME_MAX / 4);
    }
    escape_func_name(&b, func_name ? func_name : "", FILE_NAME_MAX - suffix.len);
    dotbuf_puts(&b, suffix.s);
    return b.s;
}

// ---------------------------------------------------------------------------
// Graphs

void dot_set(void *obj, const char *name, const char *value) {
    // libcgraph copies both strings; its prototypes just lack the const.
    agsafeset(obj, (char *)name, (char *)value, "");
}

// Courier, not a generic "monospace": without a text-layout plugin libgvc
// sizes text from built-in metrics, which it has for Courier (and SVG then
// names the font "Courier,monospace", so viewers still fall back well).
Agraph_t *dot_graph_new(const char *name, const char *title) {
    Agraph_t *g = agopen((char *)name, Agdirected, NULL);
    if (!g)
        return NULL;
    agattr(g, AGRAPH, "rankdir", "TB");
    agattr(g, AGRAPH, "fontname", "Courier");
    agattr(g, AGRAPH, "fontsize", "14");
    agattr(g, AGNODE, "fontname", "Courier");
    agattr(g, AGNODE, "fontsize", "12");
    agattr(g, AGEDGE, "fontname", "Courier");
    agattr(g, AGEDGE, "fontsize", "11");
    if (title) {
        Arena a;
        arena_init(&a);
        DotBuf t;
        dotbuf_init(&t, &a);
        dotbuf_escape(&t, title, (size_t)-1);
        agattr(g, AGRAPH, "labelloc", "t");
        agattr(g, AGRAPH, "labeljust", "l");
        agattr(g, AGRAPH, "label", t.s);
        arena_free(&a);
    }
    return g;
}

// ---------------------------------------------------------------------------
// Directories and files

static int report(Compiler *cc, const char **err, const char *what, const char *path, int e) {
    *err = arena_sprintf(&cc->arena, "%s %s: %s", what, path, strerror(e));
    return -1;
}

int dot_make_dir(Compiler *cc, const char *dir, const char **err) {
    size_t n = strlen(dir);
    char *p = arena_alloc(&cc->arena, n + 1);
    memcpy(p, dir, n + 1);
    // Each prefix ending before a '/', then the whole path.
    for (size_t i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i] != 0)
            continue;
        char saved = p[i];
        p[i] = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            return report(cc, err, "create directory", dir, errno);
        p[i] = saved;
    }
    struct stat st;
    if (stat(dir, &st) != 0)
        return report(cc, err, "create directory", dir, errno);
    if (!S_ISDIR(st.st_mode))
        return report(cc, err, "create directory", dir, ENOTDIR);
    return 0;
}

static int write_all(int fd, const char *data, size_t len) {
    while (len > 0) {
        ssize_t k = write(fd, data, len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return -1;
        if (k == 0) {
            errno = ENOSPC;
            return -1;
        }
        data += k;
        len -= (size_t)k;
    }
    return 0;
}

// Holds the signals that would end the process while a temporary has a
// name, so it is renamed or removed first; they arrive once released.
// The synchronous ones (SIGSEGV, ...) are never held: that is undefined.
static void hold_signals(sigset_t *old) {
    sigset_t set;
    sigemptyset(&set);
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2,
                               SIGXFSZ, SIGXCPU, SIGVTALRM, SIGPROF};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaddset(&set, sigs[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

// The directory part of path ("." if none), in cc's arena.
static const char *dir_of(Compiler *cc, const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ".";
    if (slash == path)
        return "/";
    return arena_sprintf(&cc->arena, "%.*s", (int)(slash - path), path);
}

// Gives the unnamed file fd a hidden temporary name in dir and renames it
// to path. 0; 1 if it cannot be named (no /proc: the caller falls back to
// mkstemp); -1 with errno set.
static int name_tmpfile(Compiler *cc, int fd, const char *dir, const char *path) {
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    for (int attempt = 0; attempt < 100; attempt++) {
        const char *tmp = arena_sprintf(&cc->arena, "%s/.minigc-%ld-%d-%d.tmp", dir, (long)getpid(), fd, attempt);
        if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) != 0) {
            if (errno == EEXIST)
                continue;
            return errno == ENOENT || errno == EPERM || errno == EXDEV || errno == ENOTDIR ? 1 : -1;
        }
        if (rename(tmp, path) != 0) {
            int e = errno;
            unlink(tmp);
            errno = e;
            return -1;
        }
        return 0;
    }
    errno = EEXIST;
    return -1;
}

// The fallback where O_TMPFILE is missing: a named temporary from the start.
static int write_via_mkstemp(Compiler *cc, const char *dir, const char *path, const char *data, size_t len) {
    char *tmp = arena_sprintf(&cc->arena, "%s/.minigc-XXXXXX.tmp", dir);
    int fd = mkstemps(tmp, 4);
    if (fd < 0)
        return -1;
    // mkstemp makes the file private; a picture is as readable as any output.
    fchmod(fd, 0644);
    int rc = write_all(fd, data, len);
    int e = errno;
    if (close(fd) != 0 && rc == 0)
        rc = -1, e = errno;
    if (rc == 0 && rename(tmp, path) != 0)
        rc = -1, e = errno;
    if (rc != 0) {
        unlink(tmp);
        errno = e;
    }
    return rc;
}

int dot_write_file(Compiler *cc, const char *path, const char *data, size_t len, const char **err) {
    const char *dir = dir_of(cc, path);
    sigset_t old;
    int rc = -1, e = 0;
    int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
    if (fd >= 0) {
        rc = write_all(fd, data, len);
        e = errno;
        if (rc == 0) {
            hold_signals(&old);
            rc = name_tmpfile(cc, fd, dir, path);
            e = errno;
            sigprocmask(SIG_SETMASK, &old, NULL);
        }
        if (close(fd) != 0 && rc == 0)
            rc = -1, e = errno;
        if (rc <= 0) {
            if (rc < 0)
                return report(cc, err, "write", path, e);
            return 0;
        }
    } else if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
        return report(cc, err, "write", path, errno);
    }
    hold_signals(&old);
    rc = write_via_mkstemp(cc, dir, path, data, len);
    e = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    return rc == 0 ? 0 : report(cc, err, "write", path, e);
}

int dot_emit(Compiler *cc, Agraph_t *g, const char *path, bool svg, DotContext *ctx, const char **err) {
    if (svg) {
        size_t len = 0;
        const char *why = NULL;
        const char *data = dot_render_svg(&cc->arena, g, ctx, &len, &why);
        if (!data) {
            *err = arena_sprintf(&cc->arena, "render %s: %s", path, why);
            return -1;
        }
        return dot_write_file(cc, path, data, len, err);
    }
    char *data = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&data, &len);
    if (!out)
        return report(cc, err, "write", path, errno);
    int rc = agwrite(g, out);
    if (fclose(out) != 0 || rc != 0) {
        free(data);
        return report(cc, err, "write", path, ENOMEM);
    }
    rc = dot_write_file(cc, path, data, len, err);
    free(data);
    return rc;
}

int dot_write_graph(Compiler *cc, Agraph_t *g, const char *dir, const char *func_name, const char *pass,
                    bool svg, DotContext *ctx, const char **path_out, const char **err) {
    if (dot_make_dir(cc, dir, err) != 0)
        return -1;
    const char *name = dot_file_name(&cc->arena, func_name, pass, svg ? "svg" : "dot");
    size_t dl = strlen(dir);
    const char *path = dl && dir[dl - 1] == '/' ? arena_sprintf(&cc->arena, "%s%s", dir, name)
                                                 : arena_sprintf(&cc->arena, "%s/%s", dir, name);
    if (path_out)
        *path_out = path;
    return dot_emit(cc, g, path, svg, ctx, err);
}

// ---------------------------------------------------------------------------
// Functions sharing a name

// The top-level function a literal is in, and how deep.
static const FuncInfo *outermost(const FuncInfo *fi) {
    while (fi && fi->outer)
        fi = fi->outer;
    return fi;
}

const char *dot_picture_name(Arena *a, const FuncInfo *fi, const char *name) {
    const FuncInfo *top = outermost(fi);
    if (!top || !top->gc_name || !top->pkg || !name)
        return name;
    const char *tn = top->gc_name;
    // Only init and _ may be declared more than once in a package.
    if (strcmp(tn, "init") != 0 && strcmp(tn, "_") != 0)
        return name;
    size_t tl = strlen(tn);
    if (strncmp(name, tn, tl) != 0)
        return name;
    int index = -1, count = 0;
    for (int i = 0; i < top->pkg->funcs.len; i++) {
        const FuncInfo *o = top->pkg->funcs.items[i];
        if (o->outer || !o->gc_name || strcmp(o->gc_name, tn) != 0 || o->recv)
            continue;
        if (o == top)
            index = count;
        count++;
    }
    if (count < 2 || index < 0)
        return name;
    return arena_sprintf(a, "%s.%d%s", tn, index, name + tl);
}

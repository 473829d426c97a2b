// diag.c - diagnostics as records, printed the way gc prints them.
//
// gc collects errors, sorts them stably by position, drops an error
// identical to the one before it, and prints "file:line:col: msg". Under -m
// it prints each message as it makes it (WarnfAt flushes at once), so -m
// messages keep the order the passes made them in, never sorted.
// Without -e it gives up after 10 errors with "too many errors".
//
// A big file makes a hundred thousand -m notes: they are formatted by a
// small formatter of their own (%s, %d, %u, %lld; anything else goes to
// vsnprintf) and printed through one buffer, since printf's machinery was
// a tenth of the run's time spent outside the passes.
#include "frontend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void diag_add(Compiler *cc, DiagKind kind, Pos pos, const char *msg, size_t len) {
    Diags *d = &cc->diags;
    if (d->len == d->cap) {
        int cap = d->cap ? d->cap * 2 : 64;
        Diag *items = realloc(d->items, sizeof(Diag) * (size_t)cap);
        if (!items)
            abort();
        d->items = items;
        d->cap = cap;
    }
    d->items[d->len] = (Diag){kind, pos, msg, (uint32_t)d->len, (uint32_t)len};
    d->len++;
    if (kind == DIAG_ERROR)
        d->nerrors++;
}

void diag_verror(Compiler *cc, Pos pos, const char *fmt, va_list ap) {
    char buf[1024];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    if (n >= (int)sizeof buf) {
        // A message may quote a constant of hundreds of digits, as gc does.
        char *big = arena_alloc(&cc->arena, (size_t)n + 1);
        vsnprintf(big, (size_t)n + 1, fmt, again);
        va_end(again);
        diag_add(cc, DIAG_ERROR, pos, big, strlen(big));
        return;
    }
    va_end(again);
    size_t len = strlen(buf);
    diag_add(cc, DIAG_ERROR, pos, arena_strndup(&cc->arena, buf, len), len);
}

void diag_error(Compiler *cc, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(cc, pos, fmt, ap);
    va_end(ap);
}

// Whether fmt has only the conversions note_format knows.
static bool note_format_ok(const char *fmt) {
    for (const char *f = fmt; (f = strchr(f, '%')) != NULL;) {
        f++;
        if (*f == 's' || *f == 'd' || *f == 'u' || *f == '%')
            f++;
        else if (f[0] == 'l' && f[1] == 'l' && f[2] == 'd')
            f += 3;
        else
            return false;
    }
    return true;
}

static size_t put_uint(char *p, unsigned long long v) {
    char tmp[24];
    size_t n = 0;
    do
        tmp[n++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    for (size_t i = 0; i < n; i++)
        p[i] = tmp[n - 1 - i];
    return n;
}

// Formats into buf as vsnprintf would (fmt passed note_format_ok). Returns
// the length, or -1 when it does not fit in cap bytes with the NUL.
static long note_format(char *buf, size_t cap, const char *fmt, va_list ap) {
    size_t n = 0;
    for (const char *f = fmt; *f;) {
        const char *pct = strchr(f, '%');
        size_t lit = pct ? (size_t)(pct - f) : strlen(f);
        if (n + lit >= cap)
            return -1;
        memcpy(buf + n, f, lit);
        n += lit;
        if (!pct)
            break;
        f = pct + 1;
        if (*f == 's') {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            size_t len = strlen(s);
            if (n + len >= cap)
                return -1;
            memcpy(buf + n, s, len);
            n += len;
            f++;
            continue;
        }
        if (cap - n < 24)
            return -1;
        if (*f == '%') {
            buf[n++] = '%';
            f++;
        } else if (*f == 'u') {
            n += put_uint(buf + n, va_arg(ap, unsigned));
            f++;
        } else {
            long long v;
            if (*f == 'd') {
                v = va_arg(ap, int);
                f++;
            } else {
                v = va_arg(ap, long long);
                f += 3;
            }
            unsigned long long u = (unsigned long long)v;
            if (v < 0) {
                buf[n++] = '-';
                u = 0 - u;
            }
            n += put_uint(buf + n, u);
        }
    }
    buf[n] = 0;
    return (long)n;
}

void diag_note(Compiler *cc, Pos pos, const char *fmt, ...) {
    char buf[4096];
    va_list ap;
    if (note_format_ok(fmt)) {
        va_start(ap, fmt);
        long n = note_format(buf, sizeof buf, fmt, ap);
        va_end(ap);
        if (n >= 0) {
            diag_add(cc, DIAG_NOTE, pos, arena_strndup(&cc->arena, buf, (size_t)n), (size_t)n);
            return;
        }
    }
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if (n >= (int)sizeof buf) {
        // -m=2 explanations can be long: format again into a buffer that fits.
        char *big = arena_alloc(&cc->arena, (size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        diag_add(cc, DIAG_NOTE, pos, big, (size_t)n);
        return;
    }
    diag_add(cc, DIAG_NOTE, pos, arena_strndup(&cc->arena, buf, (size_t)n), (size_t)n);
}

void diag_note_text(Compiler *cc, Pos pos, const char *msg, size_t len) {
    diag_add(cc, DIAG_NOTE, pos, msg, len);
}

int diag_error_count(const Compiler *cc) { return cc->diags.nerrors; }

int pos_compare(Pos a, Pos b) {
    if (a.file != b.file)
        return a.file < b.file ? -1 : 1;
    if (a.line != b.line)
        return a.line < b.line ? -1 : 1;
    if (a.col != b.col)
        return a.col < b.col ? -1 : 1;
    return 0;
}

// gc packs a position's line and column into 32 bits (cmd/internal/src's
// lico: 20 bits of line, 8 of column). A column from 255 on is saturated and
// then printed as unknown, so the message has no column; a line from
// 1048574 on is saturated and loses its column too.
enum { GC_COL_MAX = 255, GC_LINE_MAX = (1 << 20) - 2 };

static Pos gc_pos(Pos p) {
    if (p.line >= GC_LINE_MAX) {
        p.line = GC_LINE_MAX;
        p.col = 0;
    }
    if (p.col >= GC_COL_MAX)
        p.col = 0;
    return p;
}

static int diag_cmp(const void *pa, const void *pb) {
    const Diag *a = pa, *b = pb;
    int c = pos_compare(gc_pos(a->pos), gc_pos(b->pos));
    if (c)
        return c;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

// The position as printed: through the last line directive before it (see
// LineBase), then saturated as gc packs it.
static Pos shown_pos(const Compiler *cc, Pos pos, const char **name) {
    const SourceFile *sf = cc->files.items[pos.file];
    *name = sf->path;
    for (int i = cc->line_bases.len - 1; i >= 0; i--) {
        const LineBase *b = cc->line_bases.items[i];
        if (b->file != pos.file || b->line > pos.line || (b->line == pos.line && b->col > pos.col))
            continue;
        *name = b->filename;
        uint32_t col = b->rel_col == 0 ? 0 : pos.line == b->line ? b->rel_col + pos.col - b->col : pos.col;
        pos.line = b->rel_line + (pos.line - b->line);
        pos.col = col;
        break;
    }
    return gc_pos(pos);
}

// A position without a column (gc's <autogenerated>:1) prints as file:line.
const char *pos_string(const Compiler *cc, Arena *a, Pos pos) {
    const char *name;
    pos = shown_pos(cc, pos, &name);
    if (cc->opt.no_columns || pos.col == 0)
        return arena_sprintf(a, "%s:%u", name, pos.line);
    return arena_sprintf(a, "%s:%u:%u", name, pos.line, pos.col);
}

// The output, gathered in a buffer and written in big pieces.
typedef struct OutBuf {
    FILE *out;
    size_t len;
    const char *name;   // the file name printed last, and its length
    size_t name_len;
    char buf[1 << 16];
} OutBuf;

static void out_flush(OutBuf *o) {
    if (o->len)
        fwrite(o->buf, 1, o->len, o->out);
    o->len = 0;
}

static inline void out_put(OutBuf *o, const char *s, size_t len) {
    if (len > sizeof o->buf - o->len) {
        out_flush(o);
        if (len > sizeof o->buf) {
            fwrite(s, 1, len, o->out);
            return;
        }
    }
    memcpy(o->buf + o->len, s, len);
    o->len += len;
}

// "file:line:col: ", or "file:line: " under -C, as gc prints positions.
static void print_pos(const Compiler *cc, OutBuf *o, Pos pos) {
    const char *name;
    pos = shown_pos(cc, pos, &name);
    if (name != o->name) {
        o->name = name;
        o->name_len = strlen(name);
    }
    out_put(o, name, o->name_len);
    char tmp[64];
    size_t n = 0;
    tmp[n++] = ':';
    n += put_uint(tmp + n, pos.line);
    if (!cc->opt.no_columns && pos.col != 0) {
        tmp[n++] = ':';
        n += put_uint(tmp + n, pos.col);
    }
    tmp[n++] = ':';
    tmp[n++] = ' ';
    out_put(o, tmp, n);
}

void diag_flush(Compiler *cc, void *outp) {
    Diags *d = &cc->diags;
    OutBuf *o = malloc(sizeof *o);
    if (!o)
        abort();
    o->out = outp;
    o->len = 0;
    o->name = NULL;
    // Errors are sorted by position; -m messages keep the order they were
    // made in (gc prints each at once under -m), and compilation stops
    // before the passes that make them when there are errors.
    if (d->len > 1 && d->nerrors > 0)
        qsort(d->items, (size_t)d->len, sizeof(Diag), diag_cmp);
    int errors = 0;
    const Diag *prev = NULL;
    for (int i = 0; i < d->len; i++) {
        const Diag *g = &d->items[i];
        // Only errors: gc prints each -m message as it is made (WarnfAt
        // flushes at once under -m), so it never drops a repeated one.
        if (g->kind == DIAG_ERROR && prev && prev->kind == DIAG_ERROR && pos_compare(prev->pos, g->pos) == 0 &&
            strcmp(prev->msg, g->msg) == 0)
            continue;
        prev = g;
        if (pos_known(g->pos))
            print_pos(cc, o, g->pos);
        out_put(o, g->msg, g->len);
        out_put(o, "\n", 1);
        if (g->kind == DIAG_ERROR && ++errors >= 10 && !cc->opt.all_errors) {
            bool more = false;
            for (int j = i + 1; j < d->len; j++)
                more |= d->items[j].kind == DIAG_ERROR;
            if (more) {
                print_pos(cc, o, g->pos);
                out_put(o, "too many errors\n", strlen("too many errors\n"));
            }
            break;
        }
    }
    out_flush(o);
    free(o);
    free(d->items);
    memset(d, 0, sizeof *d);
}

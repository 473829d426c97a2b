// diag.c - diagnostics as records, printed the way gc prints them.
//
// gc collects errors, sorts them stably by position, drops an error
// identical to the one before it, and prints "file:line:col: msg". Under -m
// it prints each message as it makes it (WarnfAt flushes at once), so -m
// messages keep the order the passes made them in, never sorted.
// Without -e it gives up after 10 errors with "too many errors".
#include "frontend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void diag_add(Compiler *cc, DiagKind kind, Pos pos, const char *msg) {
    Diags *d = &cc->diags;
    if (d->len == d->cap) {
        int cap = d->cap ? d->cap * 2 : 64;
        Diag *items = realloc(d->items, sizeof(Diag) * (size_t)cap);
        if (!items)
            abort();
        d->items = items;
        d->cap = cap;
    }
    d->items[d->len] = (Diag){kind, pos, msg, (uint32_t)d->len};
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
        diag_add(cc, DIAG_ERROR, pos, big);
        return;
    }
    va_end(again);
    diag_add(cc, DIAG_ERROR, pos, arena_strndup(&cc->arena, buf, strlen(buf)));
}

void diag_error(Compiler *cc, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(cc, pos, fmt, ap);
    va_end(ap);
}

void diag_note(Compiler *cc, Pos pos, const char *fmt, ...) {
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof buf) {
        // -m=2 explanations can be long: format again into a buffer that fits.
        char *big = arena_alloc(&cc->arena, (size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        diag_add(cc, DIAG_NOTE, pos, big);
        return;
    }
    diag_add(cc, DIAG_NOTE, pos, arena_strndup(&cc->arena, buf, strlen(buf)));
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

static int diag_cmp(const void *pa, const void *pb) {
    const Diag *a = pa, *b = pb;
    int c = pos_compare(a->pos, b->pos);
    if (c)
        return c;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

const char *pos_string(const Compiler *cc, Arena *a, Pos pos) {
    const SourceFile *sf = cc->files.items[pos.file];
    if (cc->opt.no_columns)
        return arena_sprintf(a, "%s:%u", sf->path, pos.line);
    return arena_sprintf(a, "%s:%u:%u", sf->path, pos.line, pos.col);
}

// "file:line:col: ", or "file:line: " under -C, as gc prints positions.
static void print_pos(const Compiler *cc, FILE *out, Pos pos) {
    const SourceFile *sf = cc->files.items[pos.file];
    if (cc->opt.no_columns)
        fprintf(out, "%s:%u: ", sf->path, pos.line);
    else
        fprintf(out, "%s:%u:%u: ", sf->path, pos.line, pos.col);
}

void diag_flush(Compiler *cc, void *outp) {
    FILE *out = outp;
    Diags *d = &cc->diags;
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
            print_pos(cc, out, g->pos);
        fprintf(out, "%s\n", g->msg);
        if (g->kind == DIAG_ERROR && ++errors >= 10 && !cc->opt.all_errors) {
            bool more = false;
            for (int j = i + 1; j < d->len; j++)
                more |= d->items[j].kind == DIAG_ERROR;
            if (more) {
                print_pos(cc, out, g->pos);
                fputs("too many errors\n", out);
            }
            break;
        }
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}

// compare.c - -compare-inline: pairs the escape verdicts of a run without
// inlining with those of a run with it (see compare.h).
//
// It works on the -m notes, which are gc's text, so that what it prints is
// what one derives by reading gc's `-m -l` and `-m` output side by side
// (tests/compare_inline.py does exactly that with gc's output):
//   - a verdict is a note "X escapes to heap", "X does not escape",
//     "moved to heap: x" or "leaking param...: p", keyed by position and X;
//   - with inlining, gc prints a verdict about an inlined copy at the
//     outermost call site, where it also printed "inlining call to F": such
//     a verdict pairs with the verdict about the same X inside F's own body
//     in the run without inlining;
//   - any other verdict pairs with the one at the same position;
//   - a variable gc says nothing about stayed on the stack.
#include <stdlib.h>

#include "compare.h"

typedef struct CmpNote {
    Pos pos;
    const char *at;         // pos as messages print it
    const char *subject;    // the expression or the name
    const char *verdict;    // "escapes to heap", "does not escape", "moved to heap", "leaking param..."
    bool is_var;            // a variable or parameter (silence means it stays on the stack)
    bool used;              // paired with a verdict at the same position
} CmpNote;

typedef struct CmpFunc {
    Pos pos;
    const char *name;       // as gc names it: f, T.M, (*T).M
    const char *svg;        // its escape graph, when the driver kept it
    size_t svg_len;
} CmpFunc;

static bool starts(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

static bool ends(const char *s, const char *suffix, size_t *head) {
    size_t n = strlen(s), k = strlen(suffix);
    if (n <= k || strcmp(s + n - k, suffix) != 0)
        return false;
    *head = n - k;
    return true;
}

static int pos_cmp(Pos a, Pos b) {
    if (a.file != b.file)
        return a.file < b.file ? -1 : 1;
    if (a.line != b.line)
        return a.line < b.line ? -1 : 1;
    return a.col < b.col ? -1 : a.col > b.col;
}

static bool pos_eq(Pos a, Pos b) { return pos_cmp(a, b) == 0; }

// A note as a verdict; false for the notes that are none (inlining, devirtualizing).
static bool parse_verdict(Arena *a, const char *msg, CmpNote *n) {
    size_t head;
    if (strchr(msg, '\n'))
        return false;
    if (starts(msg, "moved to heap: ")) {
        n->subject = arena_strndup(a, msg + strlen("moved to heap: "), strlen(msg) - strlen("moved to heap: "));
        n->verdict = "moved to heap";
        n->is_var = true;
        return true;
    }
    if (starts(msg, "leaking param")) {
        const char *name = strchr(msg, ':');
        if (!name)
            return false;
        name += 2;
        size_t len = strcspn(name, " ");
        n->subject = arena_strndup(a, name, len);
        n->verdict = name[len] ? arena_sprintf(a, "%.*s%s", (int)(name - 2 - msg), msg, name + len)
                               : arena_strndup(a, msg, (size_t)(name - 2 - msg));
        n->is_var = true;
        return true;
    }
    if (ends(msg, " escapes to heap", &head)) {
        n->subject = arena_strndup(a, msg, head);
        n->verdict = "escapes to heap";
        return true;
    }
    if (ends(msg, " does not escape", &head)) {
        n->subject = arena_strndup(a, msg, head);
        n->verdict = "does not escape";
        return true;
    }
    return false;
}

void cmp_collect(Arena *a, CmpRun *run, const Compiler *cc, const Package *pkg) {
    for (int i = 0; i < cc->diags.len; i++) {
        const Diag *g = &cc->diags.items[i];
        if (g->kind != DIAG_NOTE || !pos_known(g->pos))
            continue;
        CmpNote tmp = {.pos = g->pos};
        bool call = starts(g->msg, "inlining call to ");
        if (call)
            tmp.subject = arena_strndup(a, g->msg + strlen("inlining call to "), strlen(g->msg) - strlen("inlining call to "));
        else if (!parse_verdict(a, g->msg, &tmp))
            continue;
        // A parameter leaking both to a result and its content gets two
        // notes: one verdict.
        if (!call && tmp.is_var && run->notes.len) {
            CmpNote *last = run->notes.items[run->notes.len - 1];
            if (pos_eq(last->pos, tmp.pos) && strcmp(last->subject, tmp.subject) == 0) {
                last->verdict = arena_sprintf(a, "%s, %s", last->verdict, tmp.verdict);
                continue;
            }
        }
        CmpNote *n = ARENA_NEW(a, CmpNote);
        *n = tmp;
        n->at = pos_string(cc, a, g->pos);
        ptrvec_push(a, call ? &run->calls : &run->notes, n);
    }
    for (int i = 0; i < pkg->funcs.len; i++) {
        const FuncInfo *fi = pkg->funcs.items[i];
        if (!fi->obj || !fi->decl || !fi->gc_name)
            continue;
        CmpFunc *f = ARENA_NEW(a, CmpFunc);
        f->pos = fi->decl->pos;
        f->name = arena_strndup(a, fi->gc_name, strlen(fi->gc_name));
        ptrvec_push(a, &run->funcs, f);
    }
}

// The declared function whose text holds pos: the last one starting before it.
static int enclosing(const CmpRun *run, Pos pos) {
    int best = -1;
    for (int i = 0; i < run->funcs.len; i++) {
        const CmpFunc *f = run->funcs.items[i];
        if (f->pos.file == pos.file && pos_cmp(f->pos, pos) <= 0 &&
            (best < 0 || pos_cmp(((CmpFunc *)run->funcs.items[best])->pos, f->pos) < 0))
            best = i;
    }
    return best;
}

// Without inlining, the verdict about `subject` inside the function `callee`.
static CmpNote *in_callee(const CmpRun *run, const char *callee, const char *subject) {
    for (int i = 0; i < run->notes.len; i++) {
        CmpNote *n = run->notes.items[i];
        int f = enclosing(run, n->pos);
        if (f >= 0 && strcmp(((CmpFunc *)run->funcs.items[f])->name, callee) == 0 && strcmp(n->subject, subject) == 0)
            return n;
    }
    return NULL;
}

typedef struct CmpChange {
    int func;               // index in with->funcs, -1 outside any
    const CmpNote *orig;    // where the verdict is about (the callee's text for an inlined copy)
    const char *subject, *without, *with;
    const char *site;       // the inlined call, or NULL
    Pos order;
} CmpChange;

static const char *silent(const CmpNote *n) { return n->is_var ? "stays on the stack" : "not reported"; }

static int change_cmp(const void *x, const void *y) {
    const CmpChange *a = x, *b = y;
    if (a->func != b->func)
        return a->func < b->func ? -1 : 1;
    int c = pos_cmp(a->order, b->order);
    return c ? c : pos_cmp(a->orig->pos, b->orig->pos);
}

int cmp_func_count(const CmpRun *run) { return run->funcs.len; }

const char *cmp_func_name(const CmpRun *run, int i) { return ((const CmpFunc *)run->funcs.items[i])->name; }

void cmp_set_picture(Arena *a, CmpRun *run, int i, const char *svg, size_t len) {
    CmpFunc *f = run->funcs.items[i];
    f->svg = arena_strndup(a, svg, len);
    f->svg_len = len;
}

const char *cmp_picture(const CmpRun *run, const char *name, size_t *len) {
    for (int i = 0; i < run->funcs.len; i++) {
        const CmpFunc *f = run->funcs.items[i];
        if (strcmp(f->name, name) == 0 && f->svg) {
            *len = f->svg_len;
            return f->svg;
        }
    }
    return NULL;
}

int cmp_print(FILE *out, Arena *a, const CmpRun *without, const CmpRun *with, PtrVec *changed) {
    int nchanges = 0, same = 0;
    CmpChange *changes = ARENA_ARRAY(a, CmpChange, with->notes.len + without->notes.len + 1);
    for (int i = 0; i < without->notes.len; i++)
        ((CmpNote *)without->notes.items[i])->used = false;
    for (int i = 0; i < with->notes.len; i++) {
        const CmpNote *w = with->notes.items[i];
        CmpNote *n = NULL;
        for (int j = 0; j < without->notes.len && !n; j++) {
            CmpNote *c = without->notes.items[j];
            if (!c->used && pos_eq(c->pos, w->pos) && strcmp(c->subject, w->subject) == 0)
                n = c;
        }
        const char *site = NULL;
        if (n) {
            n->used = true;
        } else {
            for (int j = 0; j < with->calls.len && !n; j++) {
                const CmpNote *call = with->calls.items[j];
                if (pos_eq(call->pos, w->pos) && (n = in_callee(without, call->subject, w->subject)))
                    site = w->at;
            }
        }
        if (n && strcmp(n->verdict, w->verdict) == 0) {
            same++;
            continue;
        }
        CmpChange *c = &changes[nchanges++];
        *c = (CmpChange){.func = enclosing(with, w->pos), .orig = n ? n : w, .subject = w->subject,
                         .without = n ? n->verdict : silent(w), .with = w->verdict, .site = site, .order = w->pos};
    }
    for (int i = 0; i < without->notes.len; i++) {
        const CmpNote *n = without->notes.items[i];
        if (n->used)
            continue;
        changes[nchanges++] = (CmpChange){.func = enclosing(with, n->pos), .orig = n, .subject = n->subject,
                                          .without = n->verdict, .with = silent(n), .order = n->pos};
    }
    qsort(changes, (size_t)nchanges, sizeof *changes, change_cmp);
    for (int i = 0; i < nchanges; i++) {
        const CmpChange *c = &changes[i];
        if (i == 0 || c->func != changes[i - 1].func) {
            const char *name = c->func >= 0 ? ((CmpFunc *)with->funcs.items[c->func])->name : NULL;
            fprintf(out, "%s:\n", name ? name : "(package level)");
            if (name)
                ptrvec_push(a, changed, (void *)name);
        }
        fprintf(out, "\t%s: %s: %s without inlining; %s with inlining", c->orig->at, c->subject, c->without, c->with);
        if (c->site)
            fprintf(out, " (inlined at %s)", c->site);
        fputc('\n', out);
    }
    fprintf(out, "%d verdict%s changed, %d stayed the same\n", nchanges, nchanges == 1 ? "" : "s", same);
    return nchanges;
}

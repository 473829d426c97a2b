// snapshot.c - a Func's dump kept as lines, and what a pass changed in it.
//
// The driver takes a snapshot of every shown function after every pass;
// comparing it with the one before says which values the pass added (+),
// removed (-) or rewrote in place (~: same id, another op, type, aux, args
// or line), as LLVM's -print-changed marks a diff. Values are matched by
// id, since passes keep a value's id when they rewrite it (gc does too);
// blocks by id as well, their header (preds) and end (kind, control,
// succs) compared as text. A removed value is shown at the end of the
// values of the block it was in; a removed block after the others.
//
// The lines are what func_print prints, so `-dump-changed` and the HTML
// page (one column per pass) show the same text as `-dump`.
#include "ssa/ssa.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *dup(Arena *a, const char *s) {
    size_t n = strlen(s);
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n + 1);
    return p;
}

typedef struct LineVec {
    Arena *a;
    SnapLine *items;
    int len, cap;
} LineVec;

static SnapLine *push(LineVec *v) {
    if (v->len == v->cap) {
        int cap = v->cap ? v->cap * 2 : 64;
        SnapLine *items = arena_alloc(v->a, sizeof *items * (size_t)cap);
        if (v->len)
            memcpy(items, v->items, sizeof *items * (size_t)v->len);
        v->items = items;
        v->cap = cap;
    }
    SnapLine *l = &v->items[v->len++];
    memset(l, 0, sizeof *l);
    return l;
}

static void add(LineVec *v, SnapKind kind, uint32_t id, uint32_t block, uint32_t line, const char *pos,
                const char *text) {
    SnapLine *l = push(v);
    l->kind = kind;
    l->id = id;
    l->block = block;
    l->line = line;
    l->pos = pos ? dup(v->a, pos) : NULL;
    l->text = dup(v->a, text);
}

static void add_name(void *ctx, const char *text) {
    LineVec *v = ctx;
    uint32_t k = 0;
    for (int i = 0; i < v->len; i++)
        k += v->items[i].kind == SNAP_NAME;
    add(v, SNAP_NAME, k, 0, 0, NULL, text);
}

// prev's lines by kind and id, so that matching is linear in the size of
// the function (a dump of every pass of a big function stays fast).
typedef struct Index {
    int *at[4];         // per SnapKind: id -> line index + 1 (0: none)
    uint32_t n;         // ids below n
} Index;

static void index_build(Index *x, const Snapshot *s) {
    memset(x, 0, sizeof *x);
    if (!s)
        return;
    for (int i = 0; i < s->nlines; i++)
        if (s->lines[i].id >= x->n)
            x->n = s->lines[i].id + 1;
    for (int k = 0; k < 4; k++) {
        x->at[k] = calloc(x->n + 1, sizeof(int));
        if (!x->at[k])
            abort();
    }
    for (int i = 0; i < s->nlines; i++)
        if (s->lines[i].change != CHANGE_REMOVED)
            x->at[s->lines[i].kind][s->lines[i].id] = i + 1;
}

static void index_free(Index *x) {
    for (int k = 0; k < 4; k++)
        free(x->at[k]);
}

static const SnapLine *find_in(const Snapshot *s, const Index *x, SnapKind kind, uint32_t id) {
    if (!s || id >= x->n || !x->at[kind][id])
        return NULL;
    return &s->lines[x->at[kind][id] - 1];
}

static bool same_text(const char *a, const char *b) {
    return (a == NULL) == (b == NULL) && (!a || strcmp(a, b) == 0);
}

// Marks l against its counterpart in prev (none: added).
static void mark(SnapLine *l, const Snapshot *prev, const Index *x) {
    if (!prev)
        return;
    const SnapLine *old = find_in(prev, x, l->kind, l->id);
    if (!old)
        l->change = CHANGE_ADDED;
    else if (!same_text(old->text, l->text) || !same_text(old->pos, l->pos))
        l->change = CHANGE_REWRITTEN;
}

static void copy_removed(LineVec *v, const SnapLine *old) {
    SnapLine *l = push(v);
    *l = *old;
    l->change = CHANGE_REMOVED;
}

Snapshot *snapshot_take(Arena *a, const Func *f, const Snapshot *prev) {
    Snapshot *s = arena_alloc(a, sizeof *s);
    memset(s, 0, sizeof *s);
    LineVec v = {.a = a};
    Index x;
    index_build(&x, prev);
    // Ids alive now, for what prev had and no block has any more.
    uint32_t maxid = f->next_value_id > x.n ? f->next_value_id : x.n;
    bool *alive_v = calloc(maxid + 1, 1), *alive_b = calloc((f->next_block_id > x.n ? f->next_block_id : x.n) + 1, 1);
    if (!alive_v || !alive_b)
        abort();
    for (int i = 0; i < f->nblocks; i++) {
        alive_b[f->blocks[i]->id] = true;
        for (int j = 0; j < f->blocks[i]->nvalues; j++)
            alive_v[f->blocks[i]->values[j]->id] = true;
    }
    // prev's values that are gone, listed by the block they were in (in
    // reverse, so each list comes out in prev's order).
    uint32_t nb = (f->next_block_id > x.n ? f->next_block_id : x.n) + 1;
    int *gone_head = calloc(nb, sizeof(int)), *gone_next = calloc(prev ? (size_t)prev->nlines + 1 : 1, sizeof(int));
    if (!gone_head || !gone_next)
        abort();
    for (int k = prev ? prev->nlines - 1 : -1; k >= 0; k--) {
        const SnapLine *old = &prev->lines[k];
        if (old->kind == SNAP_VALUE && old->change != CHANGE_REMOVED && !alive_v[old->id] && old->block < nb) {
            gone_next[k] = gone_head[old->block];
            gone_head[old->block] = k + 1;
        }
    }
    s->func = dup(a, f->name);
    char buf[4096], pos[32];
    for (int i = 0; i < f->nblocks; i++) {
        const Block *b = f->blocks[i];
        block_header_format(buf, sizeof buf, b);
        add(&v, SNAP_BLOCK, b->id, b->id, pos_known(b->pos) ? b->pos.line : 0, NULL, buf);
        mark(&v.items[v.len - 1], prev, &x);
        for (int j = 0; j < b->nvalues; j++) {
            const Value *val = b->values[j];
            value_pos_format(pos, sizeof pos, val);
            value_long_format(buf, sizeof buf, val);
            add(&v, SNAP_VALUE, val->id, b->id, pos_known(val->pos) ? val->pos.line : 0, pos, buf);
            mark(&v.items[v.len - 1], prev, &x);
        }
        // Values of this block in prev that no block has any more.
        for (int k = gone_head[b->id]; k; k = gone_next[k - 1])
            copy_removed(&v, &prev->lines[k - 1]);
        block_end_format(buf, sizeof buf, b);
        add(&v, SNAP_END, b->id, b->id, 0, NULL, buf);
        mark(&v.items[v.len - 1], prev, &x);
    }
    // Whole blocks of prev that are gone.
    for (int k = 0; prev && k < prev->nlines; k++) {
        const SnapLine *old = &prev->lines[k];
        if (old->change == CHANGE_REMOVED || old->kind == SNAP_NAME)
            continue;
        // A value of a gone block may live on in another one.
        bool alive = alive_b[old->block] || (old->kind == SNAP_VALUE && alive_v[old->id]);
        if (!alive)
            copy_removed(&v, old);
    }
    func_names_each(f, add_name, &v);
    s->lines = v.items;
    s->nlines = v.len;
    for (int i = 0; i < s->nlines; i++)
        s->changed |= s->lines[i].change != CHANGE_NONE;
    // A trailer that differs (a name moved to another value) is a change
    // too, though it has no mark of its own.
    if (prev && !s->changed) {
        int n_old = 0, n_new = 0;
        for (int i = 0; i < prev->nlines; i++)
            n_old += prev->lines[i].kind == SNAP_NAME;
        for (int i = 0; i < s->nlines; i++) {
            if (s->lines[i].kind != SNAP_NAME)
                continue;
            n_new++;
            const SnapLine *old = find_in(prev, &x, SNAP_NAME, s->lines[i].id);
            s->changed |= !old || strcmp(old->text, s->lines[i].text) != 0;
        }
        s->changed |= n_old != n_new;
    }
    if (!prev)
        s->changed = true;
    index_free(&x);
    free(alive_v);
    free(alive_b);
    free(gone_head);
    free(gone_next);
    s->header = dup(a, f->info && f->info->sig ? type_string(f->cc, f->info->sig) : "func()");
    return s;
}

static const char mark_char[] = {' ', '+', '-', '~'};

void snapshot_print(void *outp, const Snapshot *s, bool marks) {
    FILE *out = outp;
    fprintf(out, "%s %s\n", s->func, s->header);
    for (int i = 0; i < s->nlines; i++) {
        const SnapLine *l = &s->lines[i];
        char m = marks ? mark_char[l->change] : ' ';
        switch (l->kind) {
        case SNAP_BLOCK: fprintf(out, "%c %s\n", m, l->text); break;
        case SNAP_VALUE: fprintf(out, "%c   %s %s\n", m, l->pos, l->text); break;
        case SNAP_END: fprintf(out, "%c   %s\n", m, l->text); break;
        case SNAP_NAME: fprintf(out, "%s\n", l->text); break;
        }
    }
}

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

static const SnapLine *find(const Snapshot *s, SnapKind kind, uint32_t id) {
    if (!s)
        return NULL;
    for (int i = 0; i < s->nlines; i++)
        if (s->lines[i].kind == kind && s->lines[i].id == id)
            return &s->lines[i];
    return NULL;
}

static bool same_text(const char *a, const char *b) {
    return (a == NULL) == (b == NULL) && (!a || strcmp(a, b) == 0);
}

// Marks l against its counterpart in prev (none: added).
static void mark(SnapLine *l, const Snapshot *prev) {
    if (!prev)
        return;
    const SnapLine *old = find(prev, l->kind, l->id);
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
    s->func = dup(a, f->name);
    char buf[4096], pos[32];
    for (int i = 0; i < f->nblocks; i++) {
        const Block *b = f->blocks[i];
        block_header_format(buf, sizeof buf, b);
        add(&v, SNAP_BLOCK, b->id, b->id, pos_known(b->pos) ? b->pos.line : 0, NULL, buf);
        mark(&v.items[v.len - 1], prev);
        for (int j = 0; j < b->nvalues; j++) {
            const Value *val = b->values[j];
            value_pos_format(pos, sizeof pos, val);
            value_long_format(buf, sizeof buf, val);
            add(&v, SNAP_VALUE, val->id, b->id, pos_known(val->pos) ? val->pos.line : 0, pos, buf);
            mark(&v.items[v.len - 1], prev);
        }
        // Values of this block in prev that no block has any more.
        for (int k = 0; prev && k < prev->nlines; k++) {
            const SnapLine *old = &prev->lines[k];
            if (old->kind != SNAP_VALUE || old->block != b->id || old->change == CHANGE_REMOVED)
                continue;
            bool alive = false;
            for (int i2 = 0; i2 < f->nblocks && !alive; i2++)
                for (int j2 = 0; j2 < f->blocks[i2]->nvalues && !alive; j2++)
                    alive = f->blocks[i2]->values[j2]->id == old->id;
            if (!alive)
                copy_removed(&v, old);
        }
        block_end_format(buf, sizeof buf, b);
        add(&v, SNAP_END, b->id, b->id, 0, NULL, buf);
        mark(&v.items[v.len - 1], prev);
    }
    // Whole blocks of prev that are gone.
    for (int k = 0; prev && k < prev->nlines; k++) {
        const SnapLine *old = &prev->lines[k];
        if (old->change == CHANGE_REMOVED || old->kind == SNAP_NAME)
            continue;
        bool alive = false;
        for (int i = 0; i < f->nblocks && !alive; i++) {
            alive = f->blocks[i]->id == old->block;
            // A value of a gone block may live on in another one.
            for (int j = 0; old->kind == SNAP_VALUE && j < f->blocks[i]->nvalues && !alive; j++)
                alive = f->blocks[i]->values[j]->id == old->id;
        }
        if (!alive)
            copy_removed(&v, old);
    }
    bool more = true;
    for (int k = 0; more; k++) {
        func_names_format(buf, sizeof buf, f, k, &more);
        if (more)
            add(&v, SNAP_NAME, (uint32_t)k, 0, 0, NULL, buf);
    }
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
            const SnapLine *old = find(prev, SNAP_NAME, s->lines[i].id);
            s->changed |= !old || strcmp(old->text, s->lines[i].text) != 0;
        }
        s->changed |= n_old != n_new;
    }
    if (!prev)
        s->changed = true;
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

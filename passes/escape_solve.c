// escape_solve.c - the walk over a batch's location graph (gc's walkAll).
//
// From every location (the root) the walk finds, for every location that
// flows into it, the least number of derefs on the way: Bellman-Ford over
// edges weighted -1 (address), 0 (copy), +1 per load, with the count never
// taken below 0 past an address (the address of x flowing somewhere says
// nothing about what x's own value points to). Then:
//   - if the root outlives a location whose address reaches it, that
//     location must live on the heap (it "escapes");
//   - if the root outlives a parameter whose value reaches it, the
//     parameter leaks there: to the heap, or to one of the function's
//     results with the deref count (its tag).
// A location that starts to escape, or stops being transient, is walked
// again; each can change only once, so the walks are linear in number.
// At -m=2 each conclusion is explained by the path the walk took back to
// the root (dst/dst_edge, set as the walk relaxes an edge).
#include "passes/escape.h"

#include <stdlib.h>

// c is a func literal inside f (gc tells by name prefix; the literal's
// chain of enclosing functions says the same).
static bool contains_closure(const EscFn *f, const EscFn *c) {
    if (!f || !c || f == c)
        return false;
    for (const EscFn *o = c->outer; o; o = o->outer)
        if (o == f)
            return true;
    return false;
}

// May values stored in l survive beyond other's lifetime if other were on
// the stack?
static bool outlives(const EscLoc *l, const EscLoc *other) {
    if (l->escapes)
        return true;
    if (l->result_index > 0) {
        // A literal called where it is written may return addresses of
        // its enclosing function's variables without moving them.
        if (contains_closure(other->fn, l->fn) && l->fn->closure_called)
            return false;
        return true;
    }
    if (l->fn == other->fn && l->loop_depth < other->loop_depth)
        return true;
    if (contains_closure(l->fn, other->fn))
        return true;
    return false;
}

static void leak_to(EscLoc *l, const EscLoc *sink, int derefs) {
    if (!sink->escapes && sink->result_index > 0 && sink->fn == l->fn) {
        int ri = sink->result_index - 1;
        if (ri < ESC_RESULTS) {
            leaks_add_result(&l->leaks, ri, derefs);
            return;
        }
    }
    leaks_add_heap(&l->leaks, derefs);
}

// gc's explainPath: the flows from src back to the root.
static void explain_path(EscPass *p, PtrVec *lines, const EscLoc *root, EscLoc *src) {
    Pos pos = src->pos;
    // Locations seen, to stop at a cycle as gc does: marked with a walkgen
    // of their own would disturb the walk, so a small list is kept.
    PtrVec seen = {0};
    for (;;) {
        for (int i = 0; i < seen.len; i++)
            if (seen.items[i] == src) {
                esc_explain_line(p, lines, pos,
                                 "  warning: truncated explanation due to assignment cycle; see golang.org/issue/35518");
                return;
            }
        ptrvec_push(p->arena, &seen, src);
        EscLoc *dst = src->dst;
        if (!dst || src->dst_edge >= dst->nedges)
            return;
        EscEdge *e = &dst->edges[src->dst_edge];
        esc_explain_flow(p, lines, pos, dst, src, e->derefs, e->notes);
        if (dst == root)
            return;
        src = dst;
    }
}

typedef struct LocStack {
    EscLoc **items;
    int len, cap;
} LocStack;

static void push(LocStack *s, EscLoc *l) {
    if (s->len == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        EscLoc **items = realloc(s->items, sizeof(EscLoc *) * (size_t)s->cap);
        if (!items)
            abort();
        s->items = items;
    }
    s->items[s->len++] = l;
}

static void enqueue(LocStack *todo, EscLoc *l) {
    if (!l->queued) {
        push(todo, l);
        l->queued = true;
    }
}

// For the picture: the walk's path from l to the root, as it is now
// (dst/dst_edge change with the next walk). Stops at a cycle.
static void keep_path(EscBatch *b, EscLoc *root, EscLoc *l) {
    EscPass *p = b->pass;
    int n = 0;
    for (EscLoc *s = l; s != root && s->dst && n <= b->locs.len; s = s->dst)
        n++;
    EscStep *steps = ARENA_ARRAY(p->arena, EscStep, (size_t)n + 1);
    int k = 0;
    for (EscLoc *s = l; s != root && s->dst && k < n; s = s->dst)
        steps[k++] = (EscStep){s->dst, s->dst_edge};
    if (l == root) {
        // Its own address flows into it (x = &x): that edge is the path.
        for (int i = 0; i < l->nedges && k == 0; i++)
            if (l->edges[i].src == l && l->edges[i].derefs < 0)
                steps[k++] = (EscStep){l, i};
    }
    l->why_path = steps;
    l->nwhy_path = k;
    l->why_root = root;
}

// The explanation: printed at -m=2, kept for the picture.
static void explain_done(EscPass *p, EscLoc *l, PtrVec *lines) {
    if (p->prog->pictures) {
        const char *text = esc_explain_text(p, lines);
        l->explain = l->explain ? arena_sprintf(p->arena, "%s\n%s", l->explain, text) : text;
    }
    if (p->m >= 2)
        esc_explain_flush(p, lines);
}

static void report_leak(EscBatch *b, EscLoc *root, EscLoc *l, int derefs) {
    EscPass *p = b->pass;
    if (p->prog->pictures && root->kind == LOC_HEAP && !l->why_root && !l->escapes)
        keep_path(b, root, l);
    if (!p->explain || l->escapes || !esc_reports(p, l->pos))
        return;
    PtrVec lines = {0};
    esc_explain_line(p, &lines, l->pos, "parameter %s leaks to %s with derefs=%d:", l->name, esc_loc_string(p, root),
                     derefs);
    explain_path(p, &lines, root, l);
    explain_done(p, l, &lines);
}

static void report_escape(EscBatch *b, EscLoc *root, EscLoc *l) {
    EscPass *p = b->pass;
    if (p->prog->pictures)
        keep_path(b, root, l);
    if (!p->explain || !esc_reports(p, l->pos))
        return;
    PtrVec lines = {0};
    esc_explain_line(p, &lines, l->pos, "%s escapes to heap:", esc_loc_expr(p, l));
    explain_path(p, &lines, root, l);
    explain_done(p, l, &lines);
}

static void walk_one(EscBatch *b, EscLoc *root, uint32_t walkgen, LocStack *todo, LocStack *work) {
    root->walkgen = walkgen;
    root->derefs = 0;
    root->dst = NULL;
    work->len = 0;
    push(work, root);
    while (work->len > 0) {
        EscLoc *l = work->items[--work->len];
        int derefs = l->derefs;
        bool address_of = derefs < 0;
        if (address_of) {
            derefs = 0;
            if (!root->transient && l->transient) {
                l->transient = false;
                enqueue(todo, l);
            }
        }
        if (outlives(root, l)) {
            if (l->is_param) {
                report_leak(b, root, l, derefs);
                leak_to(l, root, derefs);
            }
            if (address_of && !l->escapes) {
                report_escape(b, root, l);
                l->escapes = true;
                enqueue(todo, l);
                continue;
            }
        }
        for (int i = 0; i < l->nedges; i++) {
            EscEdge *e = &l->edges[i];
            if (e->src->escapes)
                continue;
            int d = derefs + e->derefs;
            if (e->src->walkgen != walkgen || e->src->derefs > d) {
                e->src->walkgen = walkgen;
                e->src->derefs = d;
                e->src->dst = l;
                e->src->dst_edge = i;
                push(work, e->src);
            }
        }
    }
}

void esc_walk_all(EscBatch *b) {
    LocStack todo = {0}, work = {0};
    for (int i = 0; i < b->locs.len; i++)
        enqueue(&todo, b->locs.items[i]);
    enqueue(&todo, &b->heap);
    while (todo.len > 0) {
        EscLoc *root = todo.items[--todo.len];
        root->queued = false;
        b->pass->walkgen++;
        walk_one(b, root, b->pass->walkgen, &todo, &work);
    }
    free(todo.items);
    free(work.items);
}

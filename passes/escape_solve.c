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

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

// ---------------------------------------------------------------------------
// The verdicts alone (no -m=2 explanation, no picture): the same escapes
// and, once optimized, the same tags as the walk from every root, in time
// near linear in the batch's flows.
//
// Walking from every root costs a batch of N locations N walks, each of
// up to N locations: in a strongly connected component of K functions,
// each result reaches every location of the component. But most roots
// outlive everything ("universal": the heap, every location that escapes,
// every result but those of a literal called where it is written), so:
//   1. escapes: one walk from all universal roots at once finds, for every
//      location, the least derefs from any of them (a location escapes if
//      that is an address); a location that escapes on the way becomes a
//      root itself, which is what expanding it with derefs clamped at 0
//      already does. The other roots are walked one by one as before, but
//      only those that outlive something at all (a deeper loop of their
//      function, a literal inside it, a literal's result); each escape
//      they find joins the walk of the universal roots.
//   2. leaks: one more walk from the universal roots, each location keeping
//      the least derefs of its best ESC_LABELS distinct owners: the result
//      a root is (a parameter of that result's function leaks to it), or
//      "the heap" for every other root. A parameter then leaks to the heap
//      with the least derefs of an owner not its function's result, and to
//      its function's results with theirs. An owner dropped at some
//      location has ESC_LABELS better ones there, of which at most
//      ESC_RESULTS - 1 others are results of one function: a leak to the
//      heap no deeper, so leaks_optimize would have dropped its result leak.
// Flows through a location that escapes are not followed (as in the walk
// from every root): that location, a root itself, gives every leak it
// passes on at no more derefs, and to the heap.
// The transient marks are not computed: nothing after the solver reads them.
enum { ESC_LABELS = ESC_RESULTS + 1 };

typedef struct Label {
    int32_t derefs;
    int32_t owner;      // 0: the heap; else 1 + the index of a result location
} Label;

typedef struct FastSolve {
    EscBatch *b;
    int n;              // b->locs.len, and the heap at index n
    EscLoc **at;        // index -> location
    int32_t *least;     // phase 1: least derefs from a universal root (INT32_MAX: none)
    bool *inq;
    int32_t *queue;     // FIFO of indexes, n + 1 long (each location once at a time)
    int qhead, qlen;
    Label *labels;      // phase 2: ESC_LABELS per location
    uint8_t *nlabels;
} FastSolve;

static int loc_index(const FastSolve *s, const EscLoc *l) { return l == &s->b->heap ? s->n : (int)l->id; }

static void fs_push(FastSolve *s, int i) {
    if (s->inq[i])
        return;
    s->inq[i] = true;
    s->queue[(s->qhead + s->qlen++) % (s->n + 1)] = i;
}

static int fs_pop(FastSolve *s) {
    int i = s->queue[s->qhead];
    s->qhead = (s->qhead + 1) % (s->n + 1);
    s->qlen--;
    s->inq[i] = false;
    return i;
}

static bool universal(const EscLoc *l) {
    return l->escapes || (l->result_index > 0 && !(l->fn && l->fn->closure_called));
}

// Phase 1: the least derefs from any universal root, escapes marked.
static void fs_escapes(FastSolve *s) {
    while (s->qlen > 0) {
        EscLoc *l = s->at[fs_pop(s)];
        int derefs = s->least[loc_index(s, l)];
        if (derefs < 0) {
            derefs = 0;
            l->escapes = true;
        }
        for (int i = 0; i < l->nedges; i++) {
            EscEdge *e = &l->edges[i];
            if (e->src->escapes)
                continue;
            int si = loc_index(s, e->src), d = derefs + e->derefs;
            if (s->least[si] > d) {
                s->least[si] = d;
                fs_push(s, si);
            }
        }
    }
}

// A root l that is not universal can make a location escape or a param
// leak only if it outlives one: a deeper loop of its function, a literal
// inside it, or, as a literal's result, any other location.
static bool outlives_some(const EscLoc *l) {
    if (l->result_index > 0 || !l->fn)
        return true;
    return l->fn->solve_encloses || l->loop_depth < l->fn->solve_depth;
}

// Adds (derefs, owner) to location i's labels; true if they changed.
static bool fs_label(FastSolve *s, int i, int32_t derefs, int32_t owner) {
    Label *ls = &s->labels[(size_t)i * ESC_LABELS];
    int n = s->nlabels[i], worst = -1;
    for (int k = 0; k < n; k++) {
        if (ls[k].owner == owner) {
            if (ls[k].derefs <= derefs)
                return false;
            ls[k].derefs = derefs;
            return true;
        }
        if (worst < 0 || ls[k].derefs > ls[worst].derefs)
            worst = k;
    }
    if (n < ESC_LABELS) {
        ls[n] = (Label){derefs, owner};
        s->nlabels[i]++;
        return true;
    }
    if (ls[worst].derefs <= derefs)
        return false;
    ls[worst] = (Label){derefs, owner};
    return true;
}

// Phase 2: the leaks of params to universal roots.
static void fs_leaks(FastSolve *s) {
    for (int i = 0; i <= s->n; i++) {
        EscLoc *l = s->at[i];
        if (!universal(l))
            continue;
        int owner = 0;
        if (!l->escapes && l->result_index > 0 && l->result_index - 1 < ESC_RESULTS)
            owner = 1 + i;
        fs_label(s, i, 0, owner);
        fs_push(s, i);
    }
    while (s->qlen > 0) {
        int li = fs_pop(s);
        EscLoc *l = s->at[li];
        Label *ls = &s->labels[(size_t)li * ESC_LABELS];
        int nl = s->nlabels[li];
        if (l->is_param) {
            for (int k = 0; k < nl; k++) {
                int d = ls[k].derefs < 0 ? 0 : ls[k].derefs;
                const EscLoc *r = ls[k].owner ? s->at[ls[k].owner - 1] : NULL;
                if (r && r->fn == l->fn)
                    leaks_add_result(&l->leaks, r->result_index - 1, d);
                else
                    leaks_add_heap(&l->leaks, d);
            }
        }
        for (int i = 0; i < l->nedges; i++) {
            EscEdge *e = &l->edges[i];
            if (e->src->escapes)
                continue;
            int si = loc_index(s, e->src);
            bool changed = false;
            for (int k = 0; k < nl; k++) {
                int d = ls[k].derefs < 0 ? 0 : ls[k].derefs;
                changed |= fs_label(s, si, d + e->derefs, ls[k].owner);
            }
            if (changed)
                fs_push(s, si);
        }
    }
}

static void solve_fast(EscBatch *b) {
    int n = b->locs.len;
    FastSolve s = {.b = b, .n = n};
    s.at = malloc(sizeof(EscLoc *) * (size_t)(n + 1));
    s.least = malloc(sizeof(int32_t) * (size_t)(n + 1));
    s.inq = calloc((size_t)n + 1, sizeof(bool));
    s.queue = malloc(sizeof(int32_t) * (size_t)(n + 1));
    if (!s.at || !s.least || !s.inq || !s.queue)
        abort();
    for (int i = 0; i < n; i++)
        s.at[i] = b->locs.items[i];
    s.at[n] = &b->heap;
    // Each function's deepest loop, and whether a literal of the batch is
    // inside it.
    for (int i = 0; i < n; i++)
        if (s.at[i]->fn)
            s.at[i]->fn->solve_depth = 0, s.at[i]->fn->solve_encloses = false;
    for (int i = 0; i < n; i++) {
        EscFn *fn = s.at[i]->fn;
        if (fn && s.at[i]->loop_depth > fn->solve_depth)
            fn->solve_depth = s.at[i]->loop_depth;
        for (EscFn *o = fn ? fn->outer : NULL; o; o = o->outer)
            o->solve_encloses = true;
    }
    for (int i = 0; i <= n; i++) {
        s.least[i] = INT32_MAX;
        if (universal(s.at[i])) {
            s.least[i] = 0;
            fs_push(&s, i);
        }
    }
    fs_escapes(&s);
    LocStack todo = {0}, work = {0};
    EscPass *p = b->pass;
    for (int i = 0; i < n; i++) {
        EscLoc *root = s.at[i];
        if (universal(root) || !outlives_some(root))
            continue;
        p->walkgen++;
        walk_one(b, root, p->walkgen, &todo, &work);
        for (int k = 0; k < todo.len; k++) {
            EscLoc *l = todo.items[k];
            l->queued = false;
            int li = loc_index(&s, l);
            if (l->escapes && s.least[li] > 0) {
                s.least[li] = 0;
                fs_push(&s, li);
            }
        }
        todo.len = 0;
        fs_escapes(&s);
    }
    free(todo.items);
    free(work.items);
    s.labels = malloc(sizeof(Label) * ESC_LABELS * (size_t)(n + 1));
    s.nlabels = calloc((size_t)n + 1, 1);
    if (!s.labels || !s.nlabels)
        abort();
    fs_leaks(&s);
    free(s.labels);
    free(s.nlabels);
    free(s.at);
    free(s.least);
    free(s.inq);
    free(s.queue);
}

static void walk_every_root(EscBatch *b);

#ifdef ESC_SOLVE_CHECK
// Built with -DESC_SOLVE_CHECK: both solvers on every batch, their
// verdicts compared (escapes, and the optimized tags of params).
static void solve_checked(EscBatch *b) {
    int n = b->locs.len;
    bool *esc0 = malloc((size_t)n + 1), *esc1 = malloc((size_t)n + 1), *tr = malloc((size_t)n + 1);
    EscLeaks *lk0 = malloc(sizeof(EscLeaks) * ((size_t)n + 1)), *lk1 = malloc(sizeof(EscLeaks) * ((size_t)n + 1));
    for (int i = 0; i <= n; i++) {
        EscLoc *l = i < n ? b->locs.items[i] : &b->heap;
        if (i < n && l->id != (uint32_t)i)
            fprintf(stderr, "solve check: location %d has id %u\n", i, l->id), abort();
        for (int k = 0; k < l->nedges; k++) {
            EscLoc *src = l->edges[k].src;
            if (src != &b->heap && (src->id >= (uint32_t)n || b->locs.items[src->id] != src))
                fprintf(stderr, "solve check: a flow from outside the batch\n"), abort();
        }
        esc0[i] = l->escapes, lk0[i] = l->leaks, tr[i] = l->transient;
    }
    solve_fast(b);
    for (int i = 0; i <= n; i++) {
        EscLoc *l = i < n ? b->locs.items[i] : &b->heap;
        esc1[i] = l->escapes, lk1[i] = l->leaks;
        l->escapes = esc0[i], l->leaks = lk0[i], l->transient = tr[i];
    }
    walk_every_root(b);
    for (int i = 0; i < n; i++) {
        EscLoc *l = b->locs.items[i];
        EscLeaks a = lk1[i], c = l->leaks;
        leaks_optimize(&a);
        leaks_optimize(&c);
        if (esc1[i] != l->escapes || (l->is_param && memcmp(&a, &c, sizeof a) != 0)) {
            fprintf(stderr, "solve check: %s %s: escapes %d (every root: %d), tag %s (every root: %s)\n",
                    esc_pos_string(b->pass, l->pos), esc_loc_string(b->pass, l), esc1[i], l->escapes,
                    leaks_string(b->pass->arena, &a), leaks_string(b->pass->arena, &c));
            abort();
        }
    }
    free(esc0), free(esc1), free(tr), free(lk0), free(lk1);
}
#endif

void esc_walk_all(EscBatch *b) {
    if (!b->pass->explain && !b->pass->prog->pictures) {
#ifdef ESC_SOLVE_CHECK
        solve_checked(b);
#else
        solve_fast(b);
#endif
        return;
    }
    walk_every_root(b);
}

// gc's walkAll: a walk from every location, and again from each that
// starts to escape or stops being transient.
static void walk_every_root(EscBatch *b) {
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

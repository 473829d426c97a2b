// check_init.c - initialization order of package-level variables, and
// initialization loops.
//
// While the checker works, every package-level declaration records the
// package-level constants, variables and functions it refers to (DeclInfo's
// deps; a function's body counts for the function). From those, as types2
// does: build the dependency graph of the objects reachable from variable
// and constant initializers, drop the function nodes (connecting their
// callers to what they use, since only values are initialized), then emit
// objects by fewest remaining dependencies, ties in source order. An object
// emitted with dependencies left closes a loop, reported with its path:
// "initialization loop for x / x refers to / f refers to / x".
#include "check.h"

#include <stdlib.h>
#include <string.h>

typedef struct GNode GNode;
struct GNode {
    Obj *obj;
    PtrVec succ, pred;  // GNode*: what it depends on / what depends on it
    int ndeps;
    int heap_index;
    int order;
    bool is_func;
};

void add_decl_dep(Checker *c, Obj *o) {
    Obj *d = c->decl_obj;
    if (!d || !o || !o->declinfo || o->pkg != c->pkg)
        return;
    // Without variable initializers only constants can form loops, and
    // the order is moot: functions need not record what they use.
    if (!c->st->track_deps && d->kind != OBJ_CONST)
        return;
    if (o->kind != OBJ_CONST && o->kind != OBJ_VAR && o->kind != OBJ_FUNC)
        return;
    DeclInfo *di = d->declinfo;
    if (!di)
        return;
    // The variables of `var a, b = f()` share their initializer's
    // dependencies.
    int n = di->lhs ? di->nlhs : 1;
    for (int k = 0; k < n; k++) {
        DeclInfo *t = di->lhs ? di->lhs[k]->declinfo : di;
        if (!t)
            continue;
        bool seen = false;
        for (int i = 0; i < t->deps.len && !seen; i++)
            seen = t->deps.items[i] == o;
        if (!seen)
            ptrvec_push(&c->cc->arena, &t->deps, o);
    }
}

static bool vec_has(PtrVec *v, void *p) {
    for (int i = 0; i < v->len; i++)
        if (v->items[i] == p)
            return true;
    return false;
}

static void vec_add(Checker *c, PtrVec *v, void *p) {
    if (!vec_has(v, p))
        ptrvec_push(&c->cc->arena, v, p);
}

static void vec_remove(PtrVec *v, void *p) {
    for (int i = 0; i < v->len; i++)
        if (v->items[i] == p) {
            v->items[i] = v->items[--v->len];
            return;
        }
}

// The graph node of o, made on first request; nodes live in `all`.
static GNode *node_of(Checker *c, PtrVec *all, Obj *o) {
    DeclInfo *d = o->declinfo;
    if (d->gnode)
        return d->gnode;
    GNode *n = ARENA_NEW(&c->cc->arena, GNode);
    n->obj = o;
    n->order = d->order;
    n->is_func = o->kind == OBJ_FUNC;
    d->gnode = n;
    ptrvec_push(&c->cc->arena, all, n);
    return n;
}

static bool is_dependency(Obj *o) {
    return o && o->declinfo && (o->kind == OBJ_CONST || o->kind == OBJ_VAR || o->kind == OBJ_FUNC);
}

// Builds the graph of everything reachable from the given roots.
static void build_graph(Checker *c, PtrVec *roots, PtrVec *all) {
    PtrVec work = {0};
    for (int i = 0; i < roots->len; i++) {
        node_of(c, all, roots->items[i]);
        ptrvec_push(&c->cc->arena, &work, roots->items[i]);
    }
    while (work.len > 0) {
        Obj *o = work.items[--work.len];
        GNode *n = node_of(c, all, o);
        DeclInfo *d = o->declinfo;
        for (int i = 0; i < d->deps.len; i++) {
            Obj *dep = d->deps.items[i];
            if (!is_dependency(dep))
                continue;
            bool fresh = ((DeclInfo *)dep->declinfo)->gnode == NULL;
            GNode *s = node_of(c, all, dep);
            vec_add(c, &n->succ, s);
            vec_add(c, &s->pred, n);
            if (fresh)
                ptrvec_push(&c->cc->arena, &work, dep);
        }
    }
}

static int cost_cmp(const void *a, const void *b) {
    const GNode *x = *(GNode *const *)a, *y = *(GNode *const *)b;
    long cx = (long)x->pred.len * x->succ.len, cy = (long)y->pred.len * y->succ.len;
    if (cx != cy)
        return cx < cy ? -1 : 1;
    return x->order - y->order;
}

// Removes function nodes, connecting each caller to each callee.
static void drop_functions(Checker *c, PtrVec *all, PtrVec *values) {
    PtrVec funcs = {0};
    for (int i = 0; i < all->len; i++) {
        GNode *n = all->items[i];
        ptrvec_push(&c->cc->arena, n->is_func ? &funcs : values, n);
    }
    if (funcs.len > 1)
        qsort(funcs.items, (size_t)funcs.len, sizeof(void *), cost_cmp);
    for (int i = 0; i < funcs.len; i++) {
        GNode *n = funcs.items[i];
        for (int j = 0; j < n->pred.len; j++) {
            GNode *p = n->pred.items[j];
            if (p == n)
                continue;
            for (int k = 0; k < n->succ.len; k++) {
                GNode *s = n->succ.items[k];
                if (s == n)
                    continue;
                vec_add(c, &p->succ, s);
                vec_add(c, &s->pred, p);
            }
            vec_remove(&p->succ, n);
        }
        for (int k = 0; k < n->succ.len; k++)
            vec_remove(&((GNode *)n->succ.items[k])->pred, n);
    }
}

// A binary heap of nodes by (ndeps, source order).
typedef struct Heap {
    GNode **items;
    int len;
} Heap;

static bool before(GNode *a, GNode *b) {
    if (a->ndeps != b->ndeps)
        return a->ndeps < b->ndeps;
    return a->order < b->order;
}

static void heap_swap(Heap *h, int i, int j) {
    GNode *t = h->items[i];
    h->items[i] = h->items[j];
    h->items[j] = t;
    h->items[i]->heap_index = i;
    h->items[j]->heap_index = j;
}

static void heap_up(Heap *h, int i) {
    while (i > 0) {
        int p = (i - 1) / 2;
        if (!before(h->items[i], h->items[p]))
            break;
        heap_swap(h, i, p);
        i = p;
    }
}

static void heap_down(Heap *h, int i) {
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->len && before(h->items[l], h->items[m]))
            m = l;
        if (r < h->len && before(h->items[r], h->items[m]))
            m = r;
        if (m == i)
            return;
        heap_swap(h, i, m);
        i = m;
    }
}

static GNode *heap_pop(Heap *h) {
    GNode *top = h->items[0];
    heap_swap(h, 0, h->len - 1);
    h->len--;
    top->heap_index = -1;
    if (h->len > 0)
        heap_down(h, 0);
    return top;
}

// A path from `from` back to `to` through the recorded dependencies, in
// reverse (the last element is the first step), as types2's findPath.
static bool find_path(Checker *c, Obj *from, Obj *to, PtrVec *seen, PtrVec *path) {
    if (vec_has(seen, from))
        return false;
    ptrvec_push(&c->cc->arena, seen, from);
    DeclInfo *d = from->declinfo;
    for (int i = 0; i < d->deps.len; i++) {
        Obj *dep = d->deps.items[i];
        if (!is_dependency(dep))
            continue;
        if (dep == to) {
            ptrvec_push(&c->cc->arena, path, dep);
            return true;
        }
        if (find_path(c, dep, to, seen, path)) {
            ptrvec_push(&c->cc->arena, path, dep);
            return true;
        }
    }
    return false;
}

static const char *obj_pos(Checker *c, Obj *o) {
    const SourceFile *sf = c->cc->files.items[o->pos.file];
    return arena_sprintf(&c->cc->arena, "%s:%u:%u", sf->path, o->pos.line, o->pos.col);
}

static void report_loop(Checker *c, PtrVec *cycle) {
    Obj *o = cycle->items[0];
    const char *msg = arena_sprintf(&c->cc->arena, "initialization loop for %s", o->name->s);
    Pos at = o->pos;
    for (int i = cycle->len - 1; i >= 0; i--) {
        msg = arena_sprintf(&c->cc->arena, "%s\n\t%s: %s refers to", msg, obj_pos(c, o), o->name->s);
        o = cycle->items[i];
    }
    msg = arena_sprintf(&c->cc->arena, "%s\n\t%s: %s", msg, obj_pos(c, o), o->name->s);
    check_errorf(c, at, "%s", msg);
}

void check_init_order(Checker *c, PtrVec *objs) {
    PtrVec roots = {0}, all = {0}, values = {0};
    for (int i = 0; i < objs->len; i++) {
        Obj *o = objs->items[i];
        DeclInfo *d = o->declinfo;
        if (d && (o->kind == OBJ_VAR || o->kind == OBJ_CONST) && d->deps.len > 0)
            ptrvec_push(&c->cc->arena, &roots, o);
    }
    build_graph(c, &roots, &all);
    drop_functions(c, &all, &values);

    // Variables without dependencies are initialized in source order around
    // the others; all take part in the queue.
    for (int i = 0; i < objs->len; i++) {
        Obj *o = objs->items[i];
        DeclInfo *d = o->declinfo;
        if (d && o->kind == OBJ_VAR && !d->gnode)
            ptrvec_push(&c->cc->arena, &values, node_of(c, &all, o));
    }
    Heap h = {ARENA_ARRAY(&c->cc->arena, GNode *, values.len > 0 ? values.len : 1), 0};
    for (int i = 0; i < values.len; i++) {
        GNode *n = values.items[i];
        n->ndeps = n->succ.len;
        n->heap_index = h.len;
        h.items[h.len++] = n;
        heap_up(&h, n->heap_index);
    }
    while (h.len > 0) {
        GNode *n = heap_pop(&h);
        if (n->ndeps > 0) {
            PtrVec seen = {0}, cycle = {0};
            if (find_path(c, n->obj, n->obj, &seen, &cycle))
                report_loop(c, &cycle);
        }
        for (int i = 0; i < n->pred.len; i++) {
            GNode *p = n->pred.items[i];
            if (p->heap_index < 0)
                continue;
            p->ndeps--;
            heap_up(&h, p->heap_index);
        }
        Obj *o = n->obj;
        DeclInfo *d = o->declinfo;
        if (o->kind != OBJ_VAR || !d->init)
            continue;
        // `var a, b = f()`: one initializer, emitted once, as a.
        Obj *first = d->lhs ? d->lhs[0] : o;
        DeclInfo *fd = first->declinfo;
        if (fd->emitted)
            continue;
        fd->emitted = true;
        ptrvec_push(&c->cc->arena, &c->pkg->init_order, first);
    }
}

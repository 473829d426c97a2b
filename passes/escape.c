// escape.c - the escape pass: gc 1.19's escape analysis over the program.
//
// Requires build (prog->funcs) and, if it ran, devirtualize; rewrites the
// SSA of every function it decides about (see 5 below).
//
//   1. Every function and func literal gets an EscFn; every allocating SSA
//      value is indexed by the AST node it came from, so a location made
//      for that node finds the value that allocates it.
//   2. The static call graph (a function refers to another by name, method
//      value, method expression or call; a literal belongs to the function
//      it is written in) is split into strongly connected components,
//      visited callees first, as gc's VisitFuncsBottomUp does.
//   3. Each component is one batch: locations for every variable, the walk
//      of the bodies (escape_stmt.c, escape_expr.c) that adds the flows,
//      the captured variables flowing into their closures (by value or by
//      reference, decided now that all assignments are known), gc's size
//      rules (too large for stack, non-constant size), and the walk of the
//      graph (escape_solve.c).
//   4. The verdicts: each parameter's tag (what later callers use), and
//      with -m the messages gc prints, never for a standard-library model.
//   5. The SSA changes its mind (escape_ssa.c): new(T) or &T{...} that does
//      not escape becomes a stack variable, a variable that moved to heap
//      lives in a NewObject of its type whose address its uses go through.
// Package-level initializers gc cannot set statically are analysed last,
// as the init function gc makes of them.
#include "passes/escape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_STACK_VAR = 10 * 1024 * 1024,       // gc's MaxStackVarSize
    MAX_IMPLICIT_VAR = 64 * 1024,           // gc's MaxImplicitStackVarSize
    SMALL_STACK_VAR = 128 * 1024,           // the same under -smallframes
    SMALL_IMPLICIT_VAR = 16 * 1024,
};

bool esc_reports(EscPass *p, Pos pos) {
    if (!pos_known(pos) || pos.file >= (uint32_t)p->cc->files.len)
        return false;
    const SourceFile *sf = p->cc->files.items[pos.file];
    return !sf->is_std;
}

// ---------------------------------------------------------------------------
// 1. Functions and SSA allocation sites

static EscFn *new_fn(EscPass *p, FuncInfo *fi) {
    EscFn *fn = escmap_get(&p->fns, fi);
    if (fn)
        return fn;
    fn = ARENA_NEW(p->arena, EscFn);
    fn->info = fi;
    fn->has_body = func_body(fi) != NULL;
    fn->is_std = fi->pkg && fi->pkg->is_std;
    fn->inlined = inlined_calls_of(p->prog, fi);
    escmap_put(p->arena, &p->fns, fi, fn);
    return fn;
}

static bool indexes_alloc(const Value *v) { return v->node && (op_info[v->op].flags & OPF_ALLOC); }

static bool indexes_conv(const Value *v) {
    return v->node && (v->op == OpConvIface || v->op == OpIMake ||
                       (v->op == OpConvert && v->type && type_is_interface(v->type)));
}

static void index_func(EscPass *p, Func *f) {
    for (int b = 0; b < f->nblocks; b++) {
        Block *blk = f->blocks[b];
        for (int k = 0; k < blk->nvalues; k++) {
            Value *v = blk->values[k];
            if (indexes_alloc(v) && !escmap_get(&p->ssa_allocs, v->node))
                escmap_put(p->arena, &p->ssa_allocs, v->node, v);
            if (indexes_conv(v) && !escmap_get(&p->ssa_convs, v->node))
                escmap_put(p->arena, &p->ssa_convs, v->node, v);
        }
    }
}

// Under Program.stream the SSA of a batch's functions is made when the
// batch walks them (built, then devirtualized: what the build and
// devirtualize passes would have done to it) ...
static void stream_build(EscPass *p, PtrVec *all, int from, int to) {
    Program *prog = p->prog;
    for (int i = from; i < to; i++) {
        EscFn *fn = all->items[i];
        if (fn->is_wrapper || !fn->has_body || fn->ssa)
            continue;
        fn->ssa = build_function(prog, fn->info);
        devirtualize_func(prog, fn->ssa);
        if (prog->check)
            check_func_after(fn->ssa, "devirtualize");
        index_func(p, fn->ssa);
    }
}

// ... and once the batch is decided and its SSA rewritten, the rest of the
// pipeline runs on it (late deadcode) and it goes.
static void stream_finish(EscPass *p, EscBatch *b) {
    Program *prog = p->prog;
    for (int i = 0; i < b->fns.len; i++) {
        EscFn *fn = b->fns.items[i];
        if (!fn->ssa)
            continue;
        if (prog->check)
            check_func_after(fn->ssa, "escape");
        esc_note_itabs(p, fn);
        if (!prog->no_opt) {
            deadcode_late_func(fn->ssa);
            if (prog->check)
                check_func_after(fn->ssa, "late deadcode");
        }
        fn->ssa = NULL;
    }
    for (int i = 0; i < b->locs.len; i++)
        ((EscLoc *)b->locs.items[i])->ssa = NULL;
    escmap_clear(&p->ssa_allocs);
    escmap_clear(&p->ssa_convs);
    arena_reset(prog->ssa_arena);
}

// A strongly connected component can hold thousands of functions (gengo's
// chain of 4,000), whose SSA together would be the peak of the run. Past
// this much, the SSA of the functions walked so far is dropped; the walk
// needed it (positions, allocating values), the rewrite needs it again
// after the solve, and gets it rebuilt, this much at a time.
enum { STREAM_BATCH_BYTES = 8 << 20 };

// Whether v holds the same len items from index a on as from index b on.
static bool same_items(const PtrVec *v, int a, int b, int len) {
    return len == 0 || memcmp(&v->items[a], &v->items[b], sizeof(void *) * (size_t)len) == 0;
}

// Notes a function's itabs from the SSA about to be dropped, if they are
// what its rewritten SSA would give; false if not (nothing noted). Nothing
// but esc_note_itabs reads a streamed batch's SSA after the solve: the
// rewrite turns allocations into stack slots and moved variables into heap
// objects, which keeps every conversion and call it notes (ops, types and
// nodes), except that a rewrite leaving values unused removes every unused
// one (func_remove_dead). So the notes stand if removing the unused values
// now changes none of them. (A repeated note changes nothing: the wrappers
// keep each itab and type once, at its first note.)
static bool note_before_drop(EscPass *p, EscFn *fn) {
    PtrVec *it = &fn->itabs, *bp = &p->boxed_ptrs;
    int i0 = it->len, b0 = bp->len;
    esc_note_itabs(p, fn);
    int i1 = it->len, b1 = bp->len;
    func_remove_dead(fn->ssa);
    esc_note_itabs(p, fn);
    bool same = it->len - i1 == i1 - i0 && bp->len - b1 == b1 - b0 && same_items(it, i0, i1, i1 - i0) &&
                same_items(bp, b0, b1, b1 - b0);
    it->len = same ? i1 : i0;
    bp->len = same ? b1 : b0;
    return same;
}

// Drops the SSA walked so far, remembering which locations the rewrite
// will need the allocating value of again (by their node, l->n). While
// *noted, the itabs of the functions dropped are noted first, and *noted
// stays true if they all could be.
static void stream_drop(EscPass *p, EscBatch *b, PtrVec *all, int upto, PtrVec *refind, bool *noted) {
    for (int i = 0; i < upto && *noted; i++) {
        EscFn *fn = all->items[i];
        if (fn->ssa)
            *noted = note_before_drop(p, fn);
    }
    for (int i = 0; i < b->locs.len; i++) {
        EscLoc *l = b->locs.items[i];
        if (l->ssa && l->ssa->op == OpNewObject && l->n)
            ptrvec_push(p->batch_arena, refind, l);
        l->ssa = NULL;
    }
    for (int i = 0; i < upto; i++)
        ((EscFn *)all->items[i])->ssa = NULL;
    escmap_clear(&p->ssa_allocs);
    escmap_clear(&p->ssa_convs);
    arena_reset(p->prog->ssa_arena);
}

// After the solve of a batch whose SSA was dropped: rebuilt, rewritten and
// finished in pieces of STREAM_BATCH_BYTES.
static void stream_rewrite_in_pieces(EscPass *p, EscBatch *b, PtrVec *all, PtrVec *refind) {
    for (int from = 0; from < all->len;) {
        int to = from;
        while (to < all->len && p->prog->ssa_arena->total < STREAM_BATCH_BYTES)
            stream_build(p, all, to, to + 1), to++;
        for (int i = 0; i < refind->len; i++) {
            EscLoc *l = refind->items[i];
            l->ssa = escmap_get(&p->ssa_allocs, l->n);
        }
        esc_rewrite_ssa(p, b);
        stream_finish(p, b);
        from = to;
    }
}

static void index_program(EscPass *p) {
    Compiler *cc = p->cc;
    // The functions in the order the call graph is walked from (the
    // packages', then the main package's if it is not one of them).
    Package *m = p->prog->main_pkg;
    bool main_listed = false;
    for (int i = 0; i < cc->packages.len; i++) {
        Package *pkg = cc->packages.items[i];
        main_listed |= pkg == m;
        for (int j = 0; j < pkg->funcs.len; j++)
            if (pkg->funcs.items[j])
                ptrvec_push(p->arena, &p->order, new_fn(p, pkg->funcs.items[j]));
    }
    for (int j = 0; m && !main_listed && j < m->funcs.len; j++)
        if (m->funcs.items[j])
            ptrvec_push(p->arena, &p->order, new_fn(p, m->funcs.items[j]));
    for (int i = 0; i < p->prog->nfuncs; i++) {
        Func *f = p->prog->funcs[i];
        EscFn *fn = f->info ? new_fn(p, f->info) : NULL;
        if (fn)
            fn->ssa = f;
        index_func(p, f);
    }
    // The literals copied into inlined bodies are functions of the caller.
    int n = p->order.len;
    for (int i = 0; i < n; i++)
        for (const InlinedCall *ic = ((EscFn *)p->order.items[i])->inlined; ic; ic = ic->next_in_caller)
            for (int k = 0; ic->spliced && k < ic->nlits; k++)
                new_fn(p, ic->lits[k]);
    for (uint32_t i = 0; i < p->fns.cap; i++) {
        EscFn *fn = p->fns.slots[i].val;
        if (fn && fn->info->outer)
            fn->outer = escmap_get(&p->fns, fn->info->outer);
    }
}

void esc_visit(Node *n, bool (*f)(Node *n, void *ctx), void *ctx) { tree_visit(n, f, ctx); }

// ---------------------------------------------------------------------------
// 2. The call graph, bottom up (Tarjan, iteratively)

typedef struct SccState {
    EscPass *p;
    PtrVec succ;            // scratch: the current function's references
    PtrVec lits;            // ... and its literals, for its batch (see collect_lits)
    EscFn *self;
} SccState;

static EscFn *top_level(EscFn *fn) {
    while (fn && fn->outer)
        fn = fn->outer;
    return fn;
}

static void add_ref(SccState *s, FuncInfo *fi) {
    EscFn *fn = fi ? escmap_get(&s->p->fns, fi) : NULL;
    fn = top_level(fn);
    if (fn)
        ptrvec_push(s->p->arena, &s->succ, fn);
}

// The walk is collect_lits's too: both go into inlined bodies alike.
static bool collect_refs(Node *n, void *ctx) {
    SccState *s = ctx;
    switch (n->kind) {
    case N_FUNCLIT: {
        EscFn *fn = escmap_get(&s->p->fns, n->u.funclit.fn);
        if (fn)
            ptrvec_push(s->p->arena, &s->lits, fn);
        return true;
    }
    case N_IDENT:
        if (n->u.ident.obj && n->u.ident.obj->kind == OBJ_FUNC)
            add_ref(s, n->u.ident.obj->u.func.fn);
        return false;
    case N_SELECTOR:
        if (n->u.sel.obj && n->u.sel.obj->kind == OBJ_FUNC &&
            (n->u.sel.kind == SEL_QUALIFIED || n->u.sel.kind == SEL_METHOD || n->u.sel.kind == SEL_METHOD_EXPR))
            add_ref(s, n->u.sel.obj->u.func.fn);
        return true;
    case N_CALL: {
        // An inlined call refers to what its body refers to, not to the callee.
        const InlinedCall *ic = inlined_call(s->p->prog, n);
        if (ic && ic->spliced) {
            Node *fun = unparen(n->u.call.fun);
            if (n->u.call.kind == CALL_METHOD && fun->kind == N_SELECTOR)
                esc_visit(fun->u.sel.x, collect_refs, s);
            if (esc_callee_call(n))
                esc_visit(esc_callee_call(n), collect_refs, s);
            for (int i = 0; i < n->u.call.args.len; i++)
                esc_visit(n->u.call.args.items[i], collect_refs, s);
            esc_visit(ic->body, collect_refs, s);
            return false;
        }
        Devirt *d = devirt_of(s->p->prog, n);
        if (d && d->method && d->method->kind == OBJ_FUNC)
            add_ref(s, d->method->u.func.fn);
        return true;
    }
    default:
        return true;
    }
}

typedef struct Frame {
    EscFn *fn;
    EscFn **succ;
    int nsucc, next;
} Frame;

static void run_batch(EscPass *p, EscFn **fns, int n, bool pictured);

static void refs_of(EscPass *p, EscFn *fn, Frame *fr) {
    SccState s = {.p = p, .self = fn};
    esc_visit(func_body(fn->info), collect_refs, &s);
    fn->lits = (EscFn **)s.lits.items;
    fn->nlits = s.lits.len;
    fn->lits_known = true;
    fr->fn = fn;
    fr->succ = (EscFn **)s.succ.items;
    fr->nsucc = s.succ.len;
    fr->next = 0;
}

// The walk's frames, kept from one root to the next.
typedef struct Frames {
    Frame *items;
    int cap;
} Frames;

static void scc_from(EscPass *p, EscFn *root, uint32_t *counter, PtrVec *stack, Frames *fs) {
    int sp = 0;
    if (!fs->cap) {
        fs->cap = 64;
        fs->items = malloc(sizeof(Frame) * (size_t)fs->cap);
        if (!fs->items)
            abort();
    }
    Frame *frames = fs->items;
    int cap = fs->cap;
    root->scc_id = root->scc_low = ++*counter;
    root->scc_on_stack = true;
    ptrvec_push(p->arena, stack, root);
    refs_of(p, root, &frames[sp++]);
    while (sp > 0) {
        Frame *fr = &frames[sp - 1];
        if (fr->next < fr->nsucc) {
            EscFn *w = fr->succ[fr->next++];
            if (!w->scc_id) {
                w->scc_id = w->scc_low = ++*counter;
                w->scc_on_stack = true;
                ptrvec_push(p->arena, stack, w);
                if (sp == cap) {
                    cap *= 2;
                    Frame *nf = realloc(frames, sizeof(Frame) * (size_t)cap);
                    if (!nf)
                        abort();
                    frames = nf;
                    fs->items = nf;
                    fs->cap = cap;
                }
                refs_of(p, w, &frames[sp++]);
            } else if (w->scc_on_stack && w->scc_id < fr->fn->scc_low) {
                fr->fn->scc_low = w->scc_id;
            }
            continue;
        }
        EscFn *v = fr->fn;
        sp--;
        if (sp > 0 && v->scc_low < frames[sp - 1].fn->scc_low)
            frames[sp - 1].fn->scc_low = v->scc_low;
        if (v->scc_low == v->scc_id) {
            int start = stack->len;
            while (start > 0 && stack->items[start - 1] != v)
                start--;
            start--;
            int n = stack->len - start;
            EscFn **comp = ARENA_ARRAY(p->arena, EscFn *, n);
            for (int i = 0; i < n; i++) {
                comp[i] = stack->items[start + i];
                comp[i]->scc_on_stack = false;
            }
            stack->len = start;
            run_batch(p, comp, n, true);
        }
    }
}

// ---------------------------------------------------------------------------
// 3. One batch

// Collects a function's literals (those its body reaches), nested ones
// too, those of the bodies inlined into it (in place of the call) too.
static bool collect_lits(Node *n, void *ctx) {
    PtrVec *out = ((PtrVec **)ctx)[0];
    EscPass *p = ((EscPass **)ctx)[1];
    if (n->kind == N_FUNCLIT) {
        EscFn *fn = escmap_get(&p->fns, n->u.funclit.fn);
        if (fn)
            ptrvec_push(p->arena, out, fn);
    }
    if (n->kind == N_CALL) {
        const InlinedCall *ic = inlined_call(p->prog, n);
        if (ic && ic->spliced) {
            Node *fun = unparen(n->u.call.fun);
            if (n->u.call.kind == CALL_METHOD && fun->kind == N_SELECTOR)
                esc_visit(fun->u.sel.x, collect_lits, ctx);
            if (esc_callee_call(n))
                esc_visit(esc_callee_call(n), collect_lits, ctx);
            for (int i = 0; i < n->u.call.args.len; i++)
                esc_visit(n->u.call.args.items[i], collect_lits, ctx);
            esc_visit(ic->body, collect_lits, ctx);
            return false;
        }
    }
    return true;
}

static int in_dcl(const Obj *param) {
    return param && param->name && param->name->s[0] && param->name->s[0] != '~' && !name_is(param->name, "_");
}

static void init_fn(EscBatch *b, EscFn *fn) {
    EscPass *p = b->pass;
    EscWalk w = {.b = b, .p = p, .fn = fn, .loop_depth = 1};
    FuncInfo *fi = fn->info;
    fn->state = FN_PLANNED;
    ptrvec_push(p->batch_arena, &b->fns, fn);
    // gc's Dcl, whose length numbers the temporaries: unnamed and blank
    // parameters are not in it, results always are (~r0, ~b1).
    int ndcl = 0;
    if (fi->recv) {
        EscLoc *l = esc_var_loc(&w, fi->recv);
        l->is_param = true;
        ndcl += in_dcl(fi->recv);
    }
    for (int i = 0; i < fi->nparams; i++) {
        if (fi->params[i]) {
            EscLoc *l = esc_var_loc(&w, fi->params[i]);
            l->is_param = true;
        }
        ndcl += in_dcl(fi->params[i]);
    }
    fn->nresults = fi->nresults;
    fn->results = ARENA_ARRAY(p->batch_arena, EscLoc *, fi->nresults + 1);
    for (int i = 0; i < fi->nresults; i++) {
        if (fi->results[i]) {
            EscLoc *l = esc_var_loc(&w, fi->results[i]);
            l->result_index = 1 + i;
            fn->results[i] = l;
        }
        ndcl++;
    }
    fn->nfixed = ndcl;
    for (int i = 0; i < fi->locals.len; i++) {
        Obj *o = fi->locals.items[i];
        if (o && o->name && !name_is(o->name, "_")) {
            esc_var_loc(&w, o);
            fn->nlocals++;
        }
    }
    // The variables of the bodies inlined into it, declared as gc's inliner
    // appends them to the function: parameters and locals, then results.
    for (const InlinedCall *ic = fn->inlined; ic; ic = ic->next_in_caller) {
        if (!ic->spliced)
            continue;
        if (ic->recv)
            esc_var_loc(&w, ic->recv), fn->nlocals++;
        for (int i = 0; i < ic->nparams; i++)
            if (ic->params[i])
                esc_var_loc(&w, ic->params[i]), fn->nlocals++;
        for (int i = 0; i < ic->nlocals; i++)
            if (ic->locals[i] && ic->locals[i]->kind == OBJ_VAR)
                esc_var_loc(&w, ic->locals[i]), fn->nlocals++;
        for (int i = 0; i < ic->nresults; i++)
            if (ic->results[i])
                esc_var_loc(&w, ic->results[i]), fn->nlocals++;
    }
    fn->ntags = (fi->recv ? 1 : 0) + fi->nparams;
}

static int64_t size_of(EscPass *p, Type *t) { return t ? type_size(p->cc, t) : 0; }

static bool small_int_const(Node *n, int64_t *v) {
    if (!n || node_val(n)->kind != CONST_INT)
        return false;
    int64_t x;
    if (!const_int64(*node_val(n), &x) || x < INT32_MIN || x > INT32_MAX)
        return false;
    *v = x;
    return true;
}

// gc's HeapAllocReason.
static const char *heap_alloc_reason_of(EscPass *p, EscLoc *l) {
    if (l->kind == LOC_VAR) {
        if (l->is_param || l->result_index || !l->type)
            return NULL;
        l->heap_bytes = size_of(p, l->type);
        return l->heap_bytes > p->max_stack_var ? "too large for stack" : NULL;
    }
    if (l->kind != LOC_ALLOC || !l->n)
        return NULL;
    Type *t = l->type;
    l->heap_bytes = size_of(p, t);
    if (t && l->heap_bytes > p->max_stack_var)
        return "too large for stack";
    Type *u = t ? type_underlying(t) : NULL;
    if ((l->alloc == AK_NEW || l->alloc == AK_PTRLIT) && u && u->kind == TY_POINTER &&
        (l->heap_bytes = size_of(p, u->u.ptr.elem)) > p->max_implicit_var)
        return "too large for stack";
    if (l->alloc == AK_MAKESLICE) {
        const Node *call = l->n;
        Node *r = call->u.call.args.len > 2 ? call->u.call.args.items[2]
                  : call->u.call.args.len > 1 ? call->u.call.args.items[1] : NULL;
        int64_t v;
        if (!small_int_const(r, &v))
            return "non-constant size";
        Type *e = u && u->kind == TY_SLICE ? u->u.slice.elem : NULL;
        int64_t es = size_of(p, e);
        if (es != 0 && v > p->max_implicit_var / es) {
            l->heap_bytes = v * es;
            return "too large for stack";
        }
    }
    if (l->alloc == AK_CLOSURE && l->n && l->n->kind == N_FUNCLIT) {
        // The closure record: the code pointer, then each captured
        // variable (by value) or its address.
        FuncInfo *fi = l->n->u.funclit.fn;
        int64_t size = 8;
        for (int i = 0; fi && i < fi->captured.len; i++) {
            Obj *v = fi->captured.items[i];
            EscLoc *vl = esc_old_loc(p, v);
            bool byval = vl && !vl->addrtaken && !vl->reassigned && size_of(p, v->type) <= 128;
            size += byval ? size_of(p, v->type) : 8;
        }
        l->heap_bytes = size;
        if (size > p->max_implicit_var)
            return "too large for stack";
    }
    return NULL;
}

// The same, the size it found kept only when it is the reason (pictures
// say "too large for stack: N bytes").
static const char *heap_alloc_reason(EscPass *p, EscLoc *l) {
    const char *why = heap_alloc_reason_of(p, l);
    if (!why || strcmp(why, "too large for stack") != 0)
        l->heap_bytes = 0;
    return why;
}

// The first use of `var` in a literal's body: where gc's closure variable is.
typedef struct FirstUse {
    Obj *var;
    Pos pos;
    bool found;
} FirstUse;

static bool find_first_use(Node *n, void *ctx) {
    FirstUse *u = ctx;
    if (u->found)
        return false;
    // A variable a nested literal captures is captured by this one where
    // that literal is.
    if (n->kind == N_FUNCLIT && n->u.funclit.fn) {
        PtrVec *cv = &n->u.funclit.fn->captured;
        for (int i = 0; i < cv->len; i++)
            if (cv->items[i] == u->var) {
                u->pos = n->pos;
                u->found = true;
                return false;
            }
        return false;
    }
    if (n->kind == N_IDENT && n->u.ident.obj == u->var) {
        u->pos = n->pos;
        u->found = true;
        return false;
    }
    return true;
}

// gc's flowClosure: each captured variable flows into the closure, its
// value if it is small and never reassigned nor address-taken, else its
// address.
static void flow_closure(EscBatch *b, EscClosure *c) {
    EscPass *p = b->pass;
    for (int i = 0; i < c->captured.len; i++) {
        EscLoc *l = c->captured.items[i];
        if (!l)
            continue;
        int64_t width = size_of(p, l->type);
        bool byval = !l->addrtaken && !l->reassigned && width <= 128;
        Pos at = l->pos;
        if (c->captured_pos.len > i) {
            at = *(Pos *)c->captured_pos.items[i];
        } else if (p->explain && c->lit && l->var) {
            FirstUse u = {.var = l->var};
            esc_visit(c->lit->u.funclit.body, find_first_use, &u);
            if (u.found)
                at = u.pos;
        }
        if (p->m >= 2 && esc_reports(p, l->pos)) {
            const char *owner = l->fn && l->fn->info ? l->fn->info->gc_name : "?";
            diag_note(p->cc, l->pos, "%s capturing by %s: %s (addr=%s assign=%s width=%lld)", owner,
                      byval ? "value" : "ref", l->name, l->addrtaken ? "true" : "false",
                      l->reassigned ? "true" : "false", (long long)width);
        }
        EscHole k = c->k;
        k.why = "captured by a closure";    // what the picture says
        if (!byval)
            k = esc_note_at(p, esc_shift(k, -1), l->name, at, "reference");
        esc_flow(b, esc_note_at(p, k, l->name, at, "captured by a closure"), l);
    }
}

// ---------------------------------------------------------------------------
// 4. Tags and messages

static bool is_named(Obj *o) { return o && o->name && o->name->s[0] && !name_is(o->name, "_"); }

static bool is_uintptr(Type *t) {
    Type *u = t ? type_underlying(t) : NULL;
    return u && u->kind == TY_UINTPTR;
}

// The tag of one parameter and, with -m, gc's message about it.
static EscLeaks param_tag(EscPass *p, EscFn *fn, Obj *param, Type *t, bool variadic_last, bool diagnose) {
    EscLeaks esc = {0};
    const char *name = is_named(param) ? param->name->s : NULL;
    Pos pos = param ? param->pos : (Pos){0};
    diagnose = diagnose && esc_reports(p, pos);
    Compiler *cc = p->cc;
    if (!fn->has_body) {
        // Without a body gc names a parameter written `_` too (it has a
        // symbol; an unnamed one has none).
        if (!name && param && param->decl && param->decl->kind == N_FIELD && param->decl->u.field.names.len > 0)
            name = "_";
        if (is_uintptr(t)) {
            if (diagnose)
                diag_note(cc, pos, "assuming %s is unsafe uintptr", name ? name : "arg");
            leaks_add_heap(&esc, 0);
            return esc;
        }
        if (!esc_type_has_pointers(t)) {
            leaks_add_heap(&esc, 0);
            return esc;
        }
        if (fn->info->pragmas & PRAGMA_NOESCAPE) {
            if (diagnose && name)
                diag_note(cc, pos, "%s does not escape", name);
        } else {
            if (diagnose && name)
                diag_note(cc, pos, "leaking param: %s", name);
            leaks_add_heap(&esc, 0);
        }
        return esc;
    }
    if (fn->info->pragmas & PRAGMA_UINTPTRESCAPES) {
        if (is_uintptr(t)) {
            if (diagnose)
                diag_note(cc, pos, "marking %s as escaping uintptr", name ? name : "arg");
            leaks_add_heap(&esc, 0);
            return esc;
        }
        Type *u = t ? type_underlying(t) : NULL;
        if (variadic_last && u && u->kind == TY_SLICE && is_uintptr(u->u.slice.elem)) {
            if (diagnose)
                diag_note(cc, pos, "marking %s as escaping ...uintptr", name ? name : "arg");
            leaks_add_heap(&esc, 0);
            return esc;
        }
    }
    if (!esc_type_has_pointers(t)) {
        leaks_add_heap(&esc, 0);
        return esc;
    }
    if (!name)
        return esc;
    EscLoc *l = esc_old_loc(p, param);
    if (!l)
        return esc;
    esc = l->leaks;
    leaks_optimize(&esc);
    if (diagnose && !l->escapes) {
        if (leaks_empty(&esc))
            diag_note(cc, pos, "%s does not escape", name);
        int x = leaks_heap(&esc);
        if (x == 0)
            diag_note(cc, pos, "leaking param: %s", name);
        else if (x > 0)
            diag_note(cc, pos, "leaking param content: %s", name);
        for (int i = 0; i < ESC_RESULTS; i++) {
            x = leaks_result(&esc, i);
            if (x >= 0) {
                Obj *r = i < fn->info->nresults ? fn->info->results[i] : NULL;
                diag_note(cc, pos, "leaking param: %s to result %s level=%d", name,
                          r && r->name ? r->name->s : "?", x);
            }
        }
    }
    return esc;
}

static void tag_fn(EscPass *p, EscFn *fn) {
    FuncInfo *fi = fn->info;
    fn->tags = ARENA_ARRAY(p->arena, EscLeaks, fn->ntags + 1);
    // gc says nothing of a wrapper's parameters, nor of a method stenciled
    // for a GC shape (both are DUPOK).
    bool diagnose = p->m != 0 && !fn->is_std && !fn->is_wrapper && !fi->shape;
    int k = 0;
    if (fi->recv)
        fn->tags[k++] = param_tag(p, fn, fi->recv, fi->recv->type, false, diagnose);
    for (int i = 0; i < fi->nparams; i++) {
        Obj *o = fi->params[i];
        Type *sig = fi->sig ? type_underlying(fi->sig) : NULL;
        Type *t = o ? o->type : sig && sig->kind == TY_FUNC && i < sig->u.func.nparams ? sig->u.func.params[i] : NULL;
        bool last = sig && sig->kind == TY_FUNC && sig->u.func.variadic && i == fi->nparams - 1;
        fn->tags[k++] = param_tag(p, fn, o, t, last, diagnose);
    }
    fn->state = FN_TAGGED;
}

static void report_locs(EscBatch *b) {
    EscPass *p = b->pass;
    if (!p->m)
        return;
    for (int i = 0; i < b->locs.len; i++) {
        EscLoc *l = b->locs.items[i];
        if (l->kind != LOC_VAR && l->kind != LOC_ALLOC)
            continue;
        if (l->kind == LOC_VAR && !l->var && !l->name)
            continue;
        if (l->fn && !l->fn->visited && l->fn->state != FN_TAGGED)
            continue;
        if (!esc_reports(p, l->pos) || l->go_defer_wrapper)
            continue;
        if (l->escapes) {
            if (l->kind == LOC_VAR)
                diag_note(p->cc, l->pos, "moved to heap: %s", l->name);
            else
                diag_note(p->cc, l->pos, "%s escapes to heap", esc_loc_expr(p, l));
        } else if (l->kind == LOC_ALLOC) {
            diag_note(p->cc, l->pos, "%s does not escape", esc_loc_expr(p, l));
        }
    }
}

static void run_batch(EscPass *p, EscFn **fns, int n, bool pictured) {
    escmap_clear(&p->locs);
    EscBatch *b = ARENA_NEW(p->batch_arena, EscBatch);
    b->pass = p;
    b->heap.kind = LOC_HEAP;
    b->heap.escapes = true;
    b->blank.kind = LOC_BLANK;
    if (pictured && p->batch_arena == p->arena)
        ptrvec_push(p->arena, &p->batches, b);
    // The functions and the literals they contain.
    PtrVec all = {0};
    int *starts = ARENA_ARRAY(p->batch_arena, int, n + 1);  // fns[i] and its literals: all[starts[i]..starts[i+1])
    for (int i = 0; i < n; i++) {
        starts[i] = all.len;
        ptrvec_push(p->batch_arena, &all, fns[i]);
        for (int k = 0; k < fns[i]->nlits; k++)
            ptrvec_push(p->batch_arena, &all, fns[i]->lits[k]);
        void *ctx[2] = {&all, p};
        if (!fns[i]->lits_known)
            esc_visit(func_body(fns[i]->info), collect_lits, ctx);
    }
    starts[n] = all.len;
    for (int i = 0; i < all.len; i++)
        init_fn(b, all.items[i]);
    // Under Program.stream each function's SSA (its literals' too) is built
    // just before its walk, in `all`'s order, and dropped when too much of
    // the batch's is alive at once.
    // A batch past STREAM_BATCH_BYTES was built twice, which made the time
    // of one component of K functions grow faster than K: unless the SSA is
    // checked, it is built again only if some function's itabs could not be
    // noted before its SSA went (note_before_drop).
    bool dropped = false, noted = !p->prog->check;
    PtrVec refind = {0};
    for (int i = 0; i < n; i++) {
        if (p->prog->stream)
            stream_build(p, &all, starts[i], starts[i + 1]);
        if (fns[i]->has_body)
            esc_walk_func(b, fns[i]);
        else
            fns[i]->visited = true;
        if (p->prog->stream && p->prog->ssa_arena->total >= STREAM_BATCH_BYTES && i + 1 < n) {
            stream_drop(p, b, &all, starts[i + 1], &refind, &noted);
            dropped = true;
        }
    }
    for (int i = 0; i < b->closures.len; i++)
        flow_closure(b, b->closures.items[i]);
    for (int i = 0; i < b->locs.len; i++) {
        EscLoc *l = b->locs.items[i];
        const char *why = heap_alloc_reason(p, l);
        if (why) {
            EscHole k = esc_shift(esc_heap_hole(b), -1);
            if (p->explain)
                k = esc_note_at(p, k, l->kind == LOC_VAR ? l->name : esc_loc_expr(p, l), l->pos, why);
            esc_flow(b, k, l);
        }
    }
    esc_walk_all(b);
    for (int i = 0; i < b->fns.len; i++) {
        EscFn *fn = b->fns.items[i];
        if (fn->visited)
            tag_fn(p, fn);
    }
    report_locs(b);
    if (dropped) {
        stream_drop(p, b, &all, all.len, &refind, &noted);
        if (!noted)
            stream_rewrite_in_pieces(p, b, &all, &refind);
    } else {
        esc_rewrite_ssa(p, b);
    }
    if (p->prog->stream)
        stream_finish(p, b);
    else
        for (int i = 0; i < b->fns.len; i++)
            esc_note_itabs(p, b->fns.items[i]);
    for (int i = 0; i < b->fns.len; i++) {
        EscFn *fn = b->fns.items[i];
        if (!fn->visited)
            fn->state = FN_TAGGED;
        // Its result locations go with the batch; callers use its tags.
        if (p->batch_arena != p->arena)
            fn->results = NULL, fn->closure_loc = NULL;
    }
    if (p->batch_arena != p->arena)
        arena_reset(p->batch_arena);
}

void esc_run_wrapper(EscPass *p, FuncInfo *fi) {
    EscFn *fn = new_fn(p, fi);
    fn->is_wrapper = true;
    run_batch(p, &fn, 1, false);
}

// ---------------------------------------------------------------------------
// The pass

static void analyse(EscPass *p) {
    uint32_t counter = 0;
    PtrVec stack = {0};
    Frames frames = {0};
    for (int i = 0; i < p->order.len; i++) {
        EscFn *fn = p->order.items[i];
        if (fn->outer || fn->scc_id)
            continue;
        scc_from(p, fn, &counter, &stack, &frames);
    }
    free(frames.items);
}

// ---------------------------------------------------------------------------
// Package-level initializers: gc's init function
//
// gc sets package-level variables statically when it can (constants,
// addresses of globals, func literals, composite literals of such things,
// their conversions to interfaces) and by code in the package's init
// function otherwise; escape analysis only sees the latter, where every
// value is stored into a global, i.e. the heap.

// The parts of a package-level initializer gc cannot set statically go to
// the init function as assignments into the variable's (static) storage.
// Composite literals other than maps, &composites, conversions to
// interfaces (boxed into static storage), func literals, constants and
// other globals are static; what they contain may not be.
static void global_value(EscWalk *w, Node *e, Type *dst, const char *text, Pos pos) {
    EscPass *p = w->p;
    e = unparen(e);
    if (!e || node_val(e)->kind != CONST_NONE || (e->flags & NF_TYPE))
        return;
    switch (e->kind) {
    case N_IDENT: case N_FUNCLIT:
        return;
    case N_SELECTOR:
        if (e->u.sel.kind == SEL_QUALIFIED || e->u.sel.kind == SEL_METHOD_EXPR)
            return;
        break;
    case N_UNARY:
        if (e->u.unary.op == T_AND) {
            Node *x = unparen(e->u.unary.x);
            if (x && x->kind == N_IDENT)
                return;     // &global
            if (x && x->kind == N_COMPOSITE) {
                global_value(w, x, x->type, text, pos);
                return;
            }
        }
        break;
    case N_COMPOSITE: {
        Type *u = e->type ? type_underlying(e->type) : NULL;
        if (!u || u->kind == TY_MAP)
            break;
        NodeList *elts = &e->u.complit.elts;
        for (int i = 0; i < elts->len; i++) {
            Node *x = elts->items[i];
            if (x->kind == N_KEYVALUE)
                x = x->u.kv.value;
            Type *et = NULL;
            if (u->kind == TY_ARRAY)
                et = u->u.array.elem;
            else if (u->kind == TY_SLICE)
                et = u->u.slice.elem;
            Node *xu = unparen(x);
            // An element `{...}` with its type elided for a pointer element is &T{...}.
            if (xu && xu->kind == N_COMPOSITE && !xu->u.complit.type) {
                Type *xt = et && type_underlying(et) && type_underlying(et)->kind == TY_POINTER
                               ? type_underlying(et)->u.ptr.elem : et;
                global_value(w, xu, xt ? xt : xu->type, text, pos);
                continue;
            }
            global_value(w, x, et ? et : x->type, text, pos);
        }
        return;
    }
    case N_CALL:
        if (e->u.call.kind == CALL_CONVERSION && e->u.call.args.len == 1) {
            Node *x = e->u.call.args.items[0];
            Type *xt = x->type ? type_underlying(x->type) : NULL;
            bool strconv = xt && (xt->kind == TY_STRING || xt->kind == TY_UNTYPED_STRING) && node_val(x)->kind != CONST_NONE;
            Type *to = e->type ? type_underlying(e->type) : NULL;
            // []byte(s) or []rune(s) of a variable allocates at init time.
            if (!strconv && xt && xt->kind == TY_STRING && to && to->kind == TY_SLICE)
                break;
            if (strconv || type_is_interface(e->type) || !xt || xt->kind != TY_SLICE) {
                if (!strconv)
                    global_value(w, x, x->type, text, pos);
                return;
            }
        }
        break;
    default:
        break;
    }
    // A conversion to an interface boxes into static storage too.
    Type *t = dst && type_is_interface(dst) && e->type && !type_is_interface(e->type) ? e->type : dst;
    EscHole k = esc_heap_hole(w->b);
    if (p->explain)
        k = esc_note_at(p, k, text, pos, "assign");
    esc_expr_to(w, k, e, t, e->pos);
}

// The literals copied into the bodies inlined into the initializers are
// functions of the init function (gc's closures of init), planned in this
// batch like a function's.
typedef struct InitLits {
    EscBatch *b;
    EscFn *init;
} InitLits;

static bool init_lits(Node *n, void *ctx) {
    InitLits *x = ctx;
    EscPass *p = x->b->pass;
    const InlinedCall *ic = n->kind == N_CALL ? inlined_call(p->prog, n) : NULL;
    if (!ic || !ic->spliced)
        return true;
    for (int i = 0; i < ic->nlits; i++) {
        FuncInfo *lit = ic->lits[i];
        EscFn *fn = new_fn(p, lit);
        fn->outer = lit->outer && lit->outer->copy_of ? escmap_get(&p->fns, lit->outer) : x->init;
        if (fn->state == FN_UNKNOWN)
            init_fn(x->b, fn);
    }
    esc_visit(ic->body, init_lits, ctx);
    return true;
}

// Whether evaluating n may have an effect (a call, a receive, a
// dereference, an index that may panic, ...), as gc's staticinit judges
// before it drops `var _ = v`.
static bool side_effects(Node *n) {
    n = unparen(n);
    if (!n || node_val(n)->kind != CONST_NONE || (n->flags & NF_TYPE))
        return false;
    switch (n->kind) {
    case N_IDENT: case N_BASICLIT:
        return false;
    case N_SELECTOR:
        if (n->u.sel.kind == SEL_QUALIFIED)
            return false;
        return n->u.sel.kind != SEL_FIELD || n->u.sel.indirect || esc_sel_ptr_last(n) || side_effects(n->u.sel.x);
    case N_UNARY:
        return n->u.unary.op == T_ARROW || side_effects(n->u.unary.x);
    case N_BINARY: {
        TokKind op = n->u.binary.op;
        if ((op == T_QUO || op == T_REM) && (node_val(unparen(n->u.binary.y))->kind == CONST_NONE ||
                                               const_sign(*node_val(unparen(n->u.binary.y))) == 0))
            return true;
        return side_effects(n->u.binary.x) || side_effects(n->u.binary.y);
    }
    case N_KEYVALUE:
        return side_effects(n->u.kv.key) || side_effects(n->u.kv.value);
    case N_COMPOSITE:
        for (int i = 0; i < n->u.complit.elts.len; i++)
            if (side_effects(n->u.complit.elts.items[i]))
                return true;
        return false;
    case N_CALL: {
        NodeList *a = &n->u.call.args;
        if (n->u.call.kind == CALL_BUILTIN) {
            switch (n->u.call.builtin) {
            case BI_LEN: case BI_CAP: case BI_NEW: case BI_REAL: case BI_IMAG: case BI_COMPLEX:
                break;
            case BI_MAKE: {
                Type *u = a->len ? type_underlying(a->items[0]->type) : NULL;
                if (!u || (u->kind != TY_MAP && u->kind != TY_CHAN))
                    return true;
                if (a->len > 1 && (node_val(unparen(a->items[1]))->kind == CONST_NONE || const_sign(*node_val(unparen(a->items[1]))) != 0))
                    return true;
                return false;
            }
            default:
                return true;
            }
        } else if (n->u.call.kind != CALL_CONVERSION) {
            return true;
        }
        for (int i = 0; i < a->len; i++)
            if (side_effects(a->items[i]))
                return true;
        return false;
    }
    default:
        return true;
    }
}

static void walk_globals(EscPass *p, Package *pkg) {
    if (!pkg || pkg->is_std || !pkg->globals.len)
        return;
    escmap_clear(&p->locs);
    EscBatch *b = ARENA_NEW(p->batch_arena, EscBatch);
    b->pass = p;
    b->heap.kind = LOC_HEAP;
    b->heap.escapes = true;
    b->blank.kind = LOC_BLANK;
    FuncInfo *fi = ARENA_NEW(p->arena, FuncInfo);
    fi->gc_name = "init";
    fi->pkg = pkg;
    EscFn *fn = ARENA_NEW(p->arena, EscFn);
    fn->info = fi;
    fn->has_body = true;
    fn->state = FN_STARTED;
    fn->visited = true;
    ptrvec_push(p->arena, &b->fns, fn);
    EscWalk w = {.b = b, .p = p, .fn = fn, .loop_depth = 1};
    bool any = false;
    InitLits lits = {b, fn};
    for (int i = 0; i < pkg->globals.len; i++) {
        Obj *g = pkg->globals.items[i];
        Node *spec = g->decl;
        if (spec && spec->kind == N_VALUESPEC && spec->u.valspec.names.items[0]->u.ident.obj == g)
            esc_visit(spec, init_lits, &lits);
    }
    for (int i = 0; i < pkg->globals.len; i++) {
        Obj *g = pkg->globals.items[i];
        Node *spec = g->decl;
        if (!spec || spec->kind != N_VALUESPEC || !spec->u.valspec.values.len)
            continue;
        NodeList *names = &spec->u.valspec.names, *values = &spec->u.valspec.values;
        int at = -1;
        for (int j = 0; j < names->len; j++)
            if (names->items[j]->u.ident.obj == g)
                at = j;
        if (at < 0)
            continue;
        if (values->len == names->len && names->items[at]->u.ident.name &&
            name_is(names->items[at]->u.ident.name, "_")) {
            // var _ = v: dropped unless v has effects; then `_ = v` in init.
            Node *v = values->items[at], *u = unparen(values->items[at]);
            if (!side_effects(v))
                continue;
            Type *ut = u->type ? type_underlying(u->type) : NULL;
            bool is_static = (u->kind == N_COMPOSITE && ut && ut->kind != TY_MAP) || u->kind == N_FUNCLIT ||
                             (u->kind == N_UNARY && u->u.unary.op == T_AND) ||
                             (u->kind == N_CALL && u->u.call.kind == CALL_CONVERSION);
            if (is_static) {
                // Laid out statically as for a named variable; its dynamic parts go to init.
                global_value(&w, v, g->type, p->explain ? var_assign_string(p->cc, spec, at) : NULL, g->pos);
                any = true;
                continue;
            }
            EscHole k = esc_discard_hole(b);
            if (p->explain)
                k = esc_note_at(p, k, var_assign_string(p->cc, spec, at), g->pos, "assign");
            esc_expr_to(&w, k, v, g->type, v->pos);
            any = true;
        } else if (values->len == names->len) {
            size_t before = (size_t)b->locs.len + (size_t)b->closures.len;
            const char *text = p->explain ? var_assign_string(p->cc, spec, at) : NULL;
            global_value(&w, values->items[at], g->type, text, g->pos);
            any |= before != (size_t)b->locs.len + (size_t)b->closures.len;
        } else if (at == 0 && values->len == 1) {
            // var a, b = f(): every result is stored into a global.
            Node *c = unparen(values->items[0]);
            EscHole *ks = ARENA_ARRAY(p->arena, EscHole, names->len + 1);
            for (int j = 0; j < names->len; j++)
                ks[j] = esc_heap_hole(b);
            if (c && c->kind == N_CALL)
                esc_call(&w, ks, names->len, c);
            else
                esc_expr(&w, ks[0], c);
            any = true;
        }
    }
    if (any) {
        if (p->batch_arena == p->arena)
            ptrvec_push(p->arena, &p->batches, b);
        for (int i = 0; i < b->closures.len; i++)
            flow_closure(b, b->closures.items[i]);
        esc_walk_all(b);
        for (int i = 1; i < b->fns.len; i++)
            if (((EscFn *)b->fns.items[i])->visited)
                tag_fn(p, b->fns.items[i]);
        report_locs(b);
    }
    if (p->batch_arena != p->arena) {
        // As after a batch of functions: the literals' result locations go.
        for (int i = 0; i < b->fns.len; i++)
            ((EscFn *)b->fns.items[i])->results = NULL, ((EscFn *)b->fns.items[i])->closure_loc = NULL;
        arena_reset(p->batch_arena);
    }
}

const char *esc_call_text(void *ctx, const Node *call) {
    EscPass *p = ctx;
    const char *t = escmap_get(&p->call_texts, call);
    if (t)
        return t;
    return p->prev_call_text ? p->prev_call_text(p->prev_call_text_ctx, call) : NULL;
}

EscPass *escape_run(Program *prog) {
    Compiler *cc = prog->cc;
    EscPass *p = ARENA_NEW(&cc->arena, EscPass);
    p->cc = cc;
    p->prog = prog;
    p->arena = &cc->arena;
    p->m = cc->opt.m_level;
    p->explain = p->m >= 2 || prog->pictures;
    p->batch_arena = p->explain ? p->arena : &p->scratch;
    p->max_stack_var = cc->opt.smallframes ? SMALL_STACK_VAR : MAX_STACK_VAR;
    p->max_implicit_var = cc->opt.smallframes ? SMALL_IMPLICIT_VAR : MAX_IMPLICIT_VAR;
    escmap_init_clearable(&p->locs);
    escmap_init_clearable(&p->rw_moved);
    escmap_init_clearable(&p->rw_stack);
    escmap_init_clearable(&p->rw_sel0);
    escmap_init_clearable(&p->rw_sel1);
    escmap_init_clearable(&p->rw_params);
    escmap_init_clearable(&p->ssa_allocs);  // emptied after each batch under Program.stream
    escmap_init_clearable(&p->ssa_convs);
    p->prev_call_text = cc->call_text;
    p->prev_call_text_ctx = cc->call_text_ctx;
    cc->call_text = esc_call_text;
    cc->call_text_ctx = p;
    index_program(p);
    analyse(p);
    walk_globals(p, prog->main_pkg);
    esc_wrappers(p);
    arena_free(&p->scratch);
    p->batch_arena = p->arena;
    prog->escape = p;
    return p;
}

void pass_escape(Program *prog) { escape_run(prog); }

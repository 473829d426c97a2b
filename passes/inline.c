// inline.c - the inline pass: gc 1.19's inlining decisions (InlinePackage).
//
// Requires build. Decides, for every function, whether gc would inline it
// and at what cost, and which calls gc inlines, printing what gc prints at
// -m: "can inline f", "inlining call to f", and at -m=2 the cost and body
// and every "cannot inline f: reason". For each call it inlines it makes
// the body as it stands there (gc's OINLCALL): a copy with fresh variables
// placed at the outermost call site, returns turned into assignments to
// fresh results (~R0 ...); the literals in it are new functions of the
// caller (gc's copies of closures: their own fresh variables, their inside
// at the callee's positions); it publishes them (inlined_call, passes.h),
// the escape pass walks them in place of the call, and the builder builds
// them there (build_inlined). The method wrappers gc makes later get the
// same inlining (inline_wrapper).
//
//   1. The call graph bottom up (funcs_bottom_up): each strongly connected
//      component in turn, its functions in gc's order (a function, then the
//      literals in it).
//   2. For each: gc's CanInline (unless it is alone and recursive: "cannot
//      inline f: recursive"), then gc's InlineCalls: every call, innermost
//      first, whose callee has an inlinable body within the caller's limit
//      (80, or 20 in a function of 5000 nodes and more) is inlined, and so,
//      transitively, are the calls in the body it brings (mid-stack
//      inlining), each reported at the outermost call site; a callee
//      already being inlined further out is a "repeated recursive cycle".
//   3. A func literal is decided when a call first reaches it (gc's
//      inlCallee), else after the function holding it. A literal inside a
//      body being inlined is a new function in gc, named after the caller
//      (f.func3, f.func1.2): decided, and reported, under that name.
// Nothing is printed for the standard-library models: gc reads their
// decisions from export data; calls into them are reported as gc does.
#include "passes/inline.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------
// FuncInfo -> InlFn

static uint32_t ptr_hash(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15u;
    return (uint32_t)(x >> 32);
}

static const char *display_name(Inliner *in, FuncInfo *fi) {
    const char *name = fi->gc_name ? fi->gc_name : "?";
    if (fi->pkg && fi->pkg != in->prog->main_pkg && fi->pkg->name)
        return arena_sprintf(&in->cc->arena, "%s.%s", pkg_qualifier(fi->pkg), name);
    return name;
}

// The hash tables of the pass grow by replacement: each is a heap block of
// the arena, given back when the bigger one is made (the smaller copies
// left in the arena were megabytes on a big file).
static void grow(Inliner *in) {
    uint32_t cap = in->cap ? in->cap * 2 : 256;
    InlFn **slots = arena_alloc_block(&in->cc->arena, sizeof(InlFn *) * cap);
    for (uint32_t i = 0; i < in->cap; i++) {
        InlFn *f = in->slots[i];
        if (!f)
            continue;
        uint32_t h = ptr_hash(f->fi) & (cap - 1);
        while (slots[h])
            h = (h + 1) & (cap - 1);
        slots[h] = f;
    }
    if (in->slots)
        arena_free_block(&in->cc->arena, in->slots);
    in->slots = slots;
    in->cap = cap;
}

InlFn *inl_fn(Inliner *in, FuncInfo *fi) {
    if (!fi)
        return NULL;
    if (2 * (in->len + 1) > in->cap)
        grow(in);
    uint32_t h = ptr_hash(fi) & (in->cap - 1);
    for (; in->slots[h]; h = (h + 1) & (in->cap - 1))
        if (in->slots[h]->fi == fi)
            return in->slots[h];
    InlFn *f = ARENA_NEW(&in->cc->arena, InlFn);
    f->fi = fi;
    f->name = display_name(in, fi);
    f->closgen = fi->nlits;
    in->slots[h] = f;
    in->len++;
    return f;
}

// ---------------------------------------------------------------------------
// Intrinsics (amd64): gc compiles these calls to instructions.

static bool name_in(const char *s, const char *const *list) {
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return true;
    return false;
}

// gc's intrinsics table for amd64, by package: a call to one is compiled to
// instructions, so the inliner neither inlines it nor charges it as a call.
// Functions gc intrinsifies only on other architectures (math.Abs,
// math.Copysign, bits.LeadingZeros64, bits.OnesCount8, bits.Reverse...) are
// ordinary functions here and inline as any other.
typedef struct Intrinsics {
    const char *pkg;
    const char *const *names;
} Intrinsics;

static const char *const intr_math[] = {
    "Ceil", "FMA", "Floor", "RoundToEven", "Sqrt", "Trunc", NULL,
};
static const char *const intr_math_big[] = {
    "mulWW", NULL,
};
static const char *const intr_math_bits[] = {
    "Add", "Add64", "Div", "Div64", "Len", "Len16", "Len32", "Len64", "Len8", "Mul", "Mul64",
    "OnesCount", "OnesCount16", "OnesCount32", "OnesCount64", "ReverseBytes32", "ReverseBytes64",
    "RotateLeft", "RotateLeft16", "RotateLeft32", "RotateLeft64", "RotateLeft8", "Sub", "Sub64",
    "TrailingZeros16", "TrailingZeros32", "TrailingZeros64", "TrailingZeros8", NULL,
};
static const char *const intr_runtime[] = {
    "KeepAlive", "getcallerpc", "getcallersp", "getclosureptr", "getg", "mulUintptr",
    "slicebytetostringtmp", NULL,
};
static const char *const intr_runtime_internal_atomic[] = {
    "And", "And8", "Cas", "Cas64", "CasRel", "Casint32", "Casint64", "Casp1", "Casuintptr", "Load",
    "Load64", "Load8", "LoadAcq", "LoadAcq64", "LoadAcquintptr", "Loadint32", "Loadint64", "Loadp",
    "Loaduint", "Loaduintptr", "Or", "Or8", "Store", "Store64", "Store8", "StoreRel", "StoreRel64",
    "StoreReluintptr", "Storeint32", "Storeint64", "StorepNoWB", "Storeuintptr", "Xadd", "Xadd64",
    "Xaddint32", "Xaddint64", "Xadduintptr", "Xchg", "Xchg64", "Xchgint32", "Xchgint64",
    "Xchguintptr", NULL,
};
static const char *const intr_runtime_internal_math[] = {
    "Mul64", "MulUintptr", NULL,
};
static const char *const intr_runtime_internal_sys[] = {
    "Bswap32", "Bswap64", "Ctz32", "Ctz64", "Ctz8", "Len64", "Len8", "OnesCount64", "Prefetch",
    "PrefetchStreamed", "TrailingZeros64", "TrailingZeros8", NULL,
};
static const char *const intr_sync[] = {
    "runtime_LoadAcquintptr", "runtime_StoreReluintptr", NULL,
};
static const char *const intr_sync_atomic[] = {
    "AddInt32", "AddInt64", "AddUint32", "AddUint64", "AddUintptr", "CompareAndSwapInt32",
    "CompareAndSwapInt64", "CompareAndSwapUint32", "CompareAndSwapUint64", "CompareAndSwapUintptr",
    "LoadInt32", "LoadInt64", "LoadPointer", "LoadUint32", "LoadUint64", "LoadUintptr",
    "StoreInt32", "StoreInt64", "StoreUint32", "StoreUint64", "StoreUintptr", "SwapInt32",
    "SwapInt64", "SwapUint32", "SwapUint64", "SwapUintptr", NULL,
};
static const Intrinsics amd64_intrinsics[] = {
    {"math", intr_math},
    {"math/big", intr_math_big},
    {"math/bits", intr_math_bits},
    {"runtime", intr_runtime},
    {"runtime/internal/atomic", intr_runtime_internal_atomic},
    {"runtime/internal/math", intr_runtime_internal_math},
    {"runtime/internal/sys", intr_runtime_internal_sys},
    {"sync", intr_sync},
    {"sync/atomic", intr_sync_atomic},
    {NULL, NULL},
};

// The intrinsics of a package (NULL if none), remembered for the last
// packages asked about: every call is asked, and the path comparisons
// were most of the cost.
static const char *const *package_intrinsics(Inliner *in, const Package *pkg) {
    for (int i = 0; i < in->nintr; i++)
        if (in->intr_pkgs[i] == pkg)
            return in->intr_names[i];
    const char *const *names = NULL;
    for (const Intrinsics *t = amd64_intrinsics; t->pkg; t++)
        if (strcmp(pkg->path, t->pkg) == 0)
            names = t->names;
    int i = in->nintr < INL_INTR_CACHE ? in->nintr++ : (int)(in->intr_next++ % INL_INTR_CACHE);
    in->intr_pkgs[i] = pkg;
    in->intr_names[i] = names;
    return names;
}

bool inl_is_intrinsic(Inliner *in, Node *call) {
    if (call->u.call.kind != CALL_FUNC)
        return false;
    Node *f = unparen(call->u.call.fun);
    Obj *o = NULL;
    if (f->kind == N_IDENT)
        o = f->u.ident.obj;
    else if (f->kind == N_SELECTOR && f->u.sel.kind == SEL_QUALIFIED)
        o = f->u.sel.obj;
    if (!o || o->kind != OBJ_FUNC || !o->pkg || !o->pkg->path || o->u.func.recv)
        return false;
    const char *const *names = package_intrinsics(in, o->pkg);
    return names && name_in(o->name->s, names);
}

// ---------------------------------------------------------------------------
// The walk state of one InlineCalls

typedef struct Literal {
    FuncInfo *made;     // the copy's FuncInfo (its node in the inlined body)
    InlFn *copy;
} Literal;

// One inlined call: the callee's body as it now stands in the caller.
typedef struct Instance {
    InlFn *callee;
    Node *call;
    InlinedCall *ic;            // the copy of the body, published
    struct Instance *parent;    // the inlined body holding the call; NULL: the caller's own
    int lit_begin, lit_end;     // its literals' copies, in Calls.lits
    Node *result;               // what the call yields when gc can see it (see delayed_result)
} Instance;

typedef struct Calls {
    Inliner *in;
    InlFn *cur;             // the function calls are inlined into
    int max_cost;           // -1: not known yet (see max_cost)
    bool report;            // cur is the program's, not a model's
    PtrVec active;          // InlFn* being inlined further out (gc's inlMap)
    Pos site;               // the outermost call site, inside an inlined body
    Instance *inst;         // the inlined body being walked, NULL for cur's own
    PtrVec insts;           // every Instance made so far
    struct InlTable *table; // call -> InlinedCall, for the passes after
    Literal *lits;          // literals of the inlined bodies, renamed
    int nlits, caplits;
    Arena *scratch;         // what lives only while the calls are inlined: the
                            // instances, the lists above (Inliner.scratch)
} Calls;

static bool reports(Inliner *in, FuncInfo *fi) {
    if (!fi || !fi->decl || in->m == 0)
        return false;
    Pos p = fi->decl->pos;
    if (p.file >= (uint32_t)in->cc->files.len)
        return false;
    const SourceFile *sf = in->cc->files.items[p.file];
    return !sf->is_std;
}

// "can inline f", "inlining call to f": without a format, as thousands of
// them cost the run more than the inlining they report.
static void note_name(Compiler *cc, Pos pos, const char *what, const char *name) {
    size_t a = strlen(what), b = strlen(name);
    char *msg = arena_alloc(&cc->arena, a + b + 1);
    memcpy(msg, what, a);
    memcpy(msg + a, name, b + 1);
    diag_note_text(cc, pos, msg, a + b);
}

// gc reports a function at the token after `func`: its name, or the
// receiver's parenthesis; a literal at `func`.
static Pos func_pos(FuncInfo *fi) { return fi->decl->pos; }

// ---------------------------------------------------------------------------
// CanInline

// gc's signature text: `func(int, int) int`, `method(*T) func() int`.
static const char *signature(Inliner *in, FuncInfo *fi) {
    const char *sig = type_string(in->cc, fi->sig);
    if (fi->obj && fi->obj->u.func.recv)
        return arena_sprintf(&in->cc->arena, "method(%s) %s", type_string(in->cc, fi->obj->u.func.recv), sig);
    return sig;
}

static const char *pragma_reason(unsigned pragmas) {
    if (pragmas & PRAGMA_NOINLINE)
        return "marked go:noinline";
    if (pragmas & PRAGMA_CGO_UNSAFE_ARGS)
        return "marked go:cgo_unsafe_args";
    if (pragmas & PRAGMA_UINTPTRKEEPALIVE)
        return "marked as having a keep-alive uintptr argument";
    if (pragmas & PRAGMA_UINTPTRESCAPES)
        return "marked as having an escaping uintptr argument";
    if (pragmas & PRAGMA_YESWRITEBARRIERREC)
        return "marked go:yeswritebarrierrec";
    return NULL;
}

void inl_can_inline(Inliner *in, InlFn *f) {
    if (f->checked)
        return;
    f->checked = true;
    FuncInfo *fi = f->fi;
    unsigned pragmas = fi->decl && fi->decl->kind == N_FUNCDECL ? fi->decl->u.funcdecl.pragmas : fi->pragmas;
    const char *reason = pragma_reason(pragmas);
    Node *body = func_body(fi);
    if (!reason && !body)
        reason = "no function body";
    int cost = 0;
    if (!reason)
        reason = inl_cost(in, f, &cost);
    bool report = reports(in, fi);
    if (reason) {
        if (report && in->m > 1)
            diag_note(in->cc, func_pos(fi), "cannot inline %s: %s", f->name, reason);
        return;
    }
    f->can = true;
    f->cost = cost;
    if (!report)
        return;
    if (in->m > 1)
        diag_note(in->cc, func_pos(fi), "can inline %s with cost %d as: %s { %s }", f->name, cost,
                  signature(in, fi), inline_body_string(in->cc, fi, &body->u.block.stmts));
    else
        note_name(in->cc, func_pos(fi), "can inline ", f->name);
}

// ---------------------------------------------------------------------------
// Callees

// The function whose body inlining f copies: a literal's copy inside an
// inlined body is a function of its own, with its own variables.
static FuncInfo *body_of(InlFn *f) { return f->made ? f->made : f->fi; }

static InlFn *literal_copy(Calls *c, Instance *inst, FuncInfo *lit) {
    for (int i = inst->lit_begin; i < inst->lit_end; i++)
        if (c->lits[i].made == lit)
            return c->lits[i].copy;
    return NULL;
}

// gc's StaticValue where inlining has already rewritten the caller: the
// callee's parameters are assigned the call's arguments (so they lead back
// to them), its other variables have no definition gc looks through, and an
// inlined call yields its single return value when gc delays the result.
// *ctx says which inlined body n is in, and is updated as n moves.
static bool scan_assign(Node *n, void *ctx) {
    Obj **v = ctx;
    if (!*v)
        return false;
    if (n->kind == N_ASSIGN && (n->u.assign.op == T_ASSIGN || n->u.assign.op == T_DEFINE))
        for (int i = 0; i < n->u.assign.lhs.len; i++) {
            Node *x = unparen(n->u.assign.lhs.items[i]);
            if (x && x->kind == N_IDENT && x->u.ident.obj == *v)
                *v = NULL;
        }
    if (n->kind == N_UNARY && n->u.unary.op == T_AND) {
        Node *x = outer_value(n->u.unary.x);
        if (x && x->kind == N_IDENT && x->u.ident.obj == *v)
            *v = NULL;
    }
    return *v != NULL;
}

static Node *argument_for(Instance *inst, Obj *param) {
    FuncInfo *fi = body_of(inst->callee);
    InlinedCall *ic = inst->ic;
    Node *call = inst->call;
    Node *fun = unparen(call->u.call.fun);
    NodeList *args = &call->u.call.args;
    int shift = 0;
    if (param == ic->recv) {
        if (call->u.call.kind == CALL_METHOD && fun->kind == N_SELECTOR)
            return fun->u.sel.x;
        return args->len ? args->items[0] : NULL;
    }
    if (fi->recv && call->u.call.kind != CALL_METHOD)
        shift = 1;  // T.M(t, a): the receiver is the first argument
    bool variadic = fi->sig && fi->sig->u.func.variadic;
    for (int i = 0; i < ic->nparams; i++) {
        if (ic->params[i] != param)
            continue;
        if (variadic && i == fi->nparams - 1)
            return NULL;
        if (args->len == 1 && unparen(args->items[0])->type && unparen(args->items[0])->type->kind == TY_TUPLE)
            return NULL;
        return i + shift < args->len ? args->items[i + shift] : NULL;
    }
    return NULL;
}

static Instance *instance_of(Calls *c, Node *call, Instance *parent) {
    for (int i = c->insts.len - 1; i >= 0; i--) {
        Instance *x = c->insts.items[i];
        if (x->call == call && x->parent == parent)
            return x;
    }
    return NULL;
}

static Node *inlined_static_value(Calls *c, Node *n, Instance **ctx) {
    for (int guard = 0; n && guard < 100; guard++) {
        n = unparen(n);
        Instance *inst = *ctx;
        if (n->kind == N_IDENT) {
            Obj *o = n->u.ident.obj;
            if (!o || o->kind != OBJ_VAR)
                return n;
            if (inst) {
                if (o->u.var.fn != body_of(inst->callee) || o->u.var.addr_taken ||
                    !(o->u.var.is_param || o->u.var.is_recv) || o == NULL)
                    return n;
                Obj *probe = o;
                tree_visit(inst->ic->body, scan_assign, &probe);
                Node *arg = probe ? argument_for(inst, o) : NULL;
                if (!arg)
                    return n;
                n = arg;
                *ctx = inst->parent;
                continue;
            }
            Node *rhs = static_definition(o);
            if (!rhs)
                return n;
            n = rhs;
            continue;
        }
        if (n->kind == N_CALL) {
            Instance *x = instance_of(c, n, inst);
            if (!x || !x->result)
                return n;
            n = x->result;
            *ctx = x;
            continue;
        }
        return n;
    }
    return n;
}

InlFn *inl_callee(Inliner *in, Node *call) {
    Node *fun = unparen(call->u.call.fun);
    if (call->u.call.kind == CALL_METHOD) {
        if (fun->kind == N_SELECTOR && fun->u.sel.obj && fun->u.sel.obj->kind == OBJ_FUNC)
            return inl_fn(in, fun->u.sel.obj->u.func.fn);
        return NULL;
    }
    if (call->u.call.kind != CALL_FUNC)
        return NULL;
    Calls *c = in->walking;
    Instance *ctx = c ? c->inst : NULL;
    Node *v = c ? inlined_static_value(c, fun, &ctx) : static_value(fun);
    if (!v)
        return NULL;
    switch (v->kind) {
    case N_IDENT:
        if (v->u.ident.obj && v->u.ident.obj->kind == OBJ_FUNC)
            return inl_fn(in, v->u.ident.obj->u.func.fn);
        return NULL;
    case N_SELECTOR:
        if (v->u.sel.kind == SEL_QUALIFIED && v->u.sel.obj && v->u.sel.obj->kind == OBJ_FUNC)
            return inl_fn(in, v->u.sel.obj->u.func.fn);
        if (v->u.sel.kind == SEL_METHOD_EXPR && v->u.sel.obj && v->u.sel.obj->kind == OBJ_FUNC) {
            Obj *m = v->u.sel.obj;
            Type *xt = v->u.sel.x ? v->u.sel.x->type : NULL;
            if (!m->u.func.recv || !xt || !type_identical(m->u.func.recv, xt))
                return NULL;
            return inl_fn(in, m->u.func.fn);
        }
        return NULL;
    case N_FUNCLIT: {
        InlFn *f = NULL;
        if (ctx)
            f = literal_copy(c, ctx, v->u.funclit.fn);
        else
            f = inl_fn(in, v->u.funclit.fn);
        if (f)
            inl_can_inline(in, f);
        return f;
    }
    default:
        return NULL;
    }
}

// ---------------------------------------------------------------------------
// InlineCalls

static void inline_body(Calls *c, Node *call, InlFn *callee, Pos site);

static bool go_defer_call(Node *call, Node *stmt) {
    return stmt && (stmt->kind == N_GO || stmt->kind == N_DEFER) && unparen(stmt->u.unary.x) == call;
}

typedef struct CallsCtx {
    Calls *c;
    PtrVec stmts;       // go/defer statements met on the way down
} CallsCtx;

static bool is_active(Calls *c, InlFn *f) {
    for (int i = 0; i < c->active.len; i++)
        if (c->active.items[i] == f)
            return true;
    return false;
}

// gc's rule for stenciled code (generic.c): a method stenciled by GC shape
// is called with a dictionary and inlined only where some argument (the
// receiver included) has a shape type, that is, from other stenciled code;
// a plain function is not inlined where an argument has a shape type.
static bool shape_mismatch(Node *call, InlFn *callee) {
    bool any = false;
    Node *fun = unparen(call->u.call.fun);
    if (call->u.call.kind == CALL_METHOD && fun->kind == N_SELECTOR && fun->u.sel.x)
        any |= type_has_shape(fun->u.sel.x->type);
    for (int i = 0; i < call->u.call.args.len && !any; i++)
        any |= type_has_shape(call->u.call.args.items[i]->type);
    return callee->fi && callee->fi->shape ? !any : any;
}

// gc's limit for the callees of cur: 20 in a big function, else 80. A
// function the cost walk found inlinable is not big (that walk counted at
// least the nodes isBigFunc counts, literals included); for the others the
// count waits until a callee's cost needs it.
static int max_cost(Calls *c) {
    if (c->max_cost < 0)
        c->max_cost = inl_is_big(c->in, c->cur->fi) ? INL_BIG_FUNCTION_MAX_COST : INL_MAX_BUDGET;
    return c->max_cost;
}

static void mkinlcall(Calls *c, Node *call, InlFn *callee) {
    Inliner *in = c->in;
    if (!callee->can || callee == c->cur)
        return;
    // The caller's limit is needed only past the smaller one.
    if (callee->cost > INL_BIG_FUNCTION_MAX_COST && callee->cost > max_cost(c))
        return;
    if (shape_mismatch(call, callee))
        return;
    Pos site = c->inst ? c->site : call->pos;
    if (is_active(c, callee)) {
        if (c->report && in->m > 1)
            diag_note(in->cc, site, "cannot inline %s into %s: repeated recursive cycle", callee->name, c->cur->name);
        return;
    }
    if (c->report)
        note_name(in->cc, site, "inlining call to ", callee->name);
    inline_body(c, call, callee, site);
}

// One call InlineCalls meets (a call of a function or method, not the one
// a go or defer statement makes, nor an intrinsic).
static void call_at(Calls *c, Node *n) {
    InlFn *callee = inl_callee(c->in, n);
    if (callee)
        mkinlcall(c, n, callee);
}

static bool calls_post(Node *n, void *ctx) {
    CallsCtx *x = ctx;
    if ((n->kind == N_GO || n->kind == N_DEFER) && x->stmts.len)
        x->stmts.len--;
    if (n->kind != N_CALL || (n->u.call.kind != CALL_FUNC && n->u.call.kind != CALL_METHOD))
        return true;
    if (x->stmts.len && go_defer_call(n, x->stmts.items[x->stmts.len - 1]))
        return true;
    if (!inl_is_intrinsic(x->c->in, n))
        call_at(x->c, n);
    return true;
}

static bool calls_pre_ctx(Node *n, void *ctx) {
    CallsCtx *x = ctx;
    if (n->kind == N_FUNCLIT)
        return false;
    if (n->kind == N_GO || n->kind == N_DEFER)
        ptrvec_push(x->c->scratch, &x->stmts, n);
    return true;
}

static void walk_calls(Calls *c, Node *body) {
    CallsCtx x = {.c = c};
    tree_visit_post(body, calls_pre_ctx, calls_post, &x);
}

// Literals inside a body being inlined become new functions of the caller,
// named as gc names them: inner ones first, each from the caller's count.
static void add_literal(Calls *c, FuncInfo *made) {
    Inliner *in = c->in;
    InlFn *cur = c->cur;
    InlFn *copy = ARENA_NEW(&in->cc->arena, InlFn);
    FuncInfo *orig = made->copy_of ? made->copy_of : made;
    copy->fi = orig;
    copy->made = made;
    copy->closgen = orig->nlits;
    cur->closgen++;
    if (cur->fi->outer)
        copy->name = arena_sprintf(&in->cc->arena, "%s.%d", cur->name, cur->closgen);
    else
        copy->name = arena_sprintf(&in->cc->arena, "%s.func%d", cur->name, cur->closgen);
    if (c->nlits == c->caplits) {
        int cap = c->caplits ? c->caplits * 2 : 8;
        Literal *l = ARENA_ARRAY(c->scratch, Literal, cap);
        if (c->nlits)
            memcpy(l, c->lits, sizeof(Literal) * (size_t)c->nlits);
        c->lits = l;
        c->caplits = cap;
    }
    c->lits[c->nlits++] = (Literal){made, copy};
    made->gc_name = copy->name;
}

// Names the literals of `n` inner first (post-order over literals).
static void name_literals(Calls *c, Node *n, int depth);

typedef struct LitCollect {
    Calls *c;
    int depth;
} LitCollect;

static bool lit_found(Node *n, void *ctx) {
    LitCollect *l = ctx;
    if (n->kind != N_FUNCLIT)
        return true;
    name_literals(l->c, n->u.funclit.body, l->depth + 1);
    if (n->u.funclit.fn)
        add_literal(l->c, n->u.funclit.fn);
    return false;
}

static void name_literals(Calls *c, Node *n, int depth) {
    if (depth > 100)
        return;
    LitCollect l = {c, depth};
    tree_visit(n, lit_found, &l);
}

// gc's CanDelayResults: one return statement, with values, and unnamed
// results: the return then defines the result, which StaticValue follows.
// `returns`: the body's, outside its literals (tree_copy_facts).
static Node *delayed_result(FuncInfo *fi, const PtrVec *returns) {
    if (returns->len != 1 || fi->nresults != 1)
        return NULL;
    Node *last = returns->items[0];
    if (last->u.ret.results.len != 1)
        return NULL;
    for (int i = 0; i < fi->nresults; i++) {
        Obj *res = fi->results[i];
        if (res && res->name && !name_is(res->name, "_") && res->name->s[0] != '~')
            return NULL;
    }
    return last->u.ret.results.items[0];
}

// The call -> InlinedCall table the pass publishes (open hashing on the node).
typedef struct InlTable {
    const Node **keys;
    InlinedCall **vals;
    uint32_t cap, len;
    // caller -> its first InlinedCall (open hashing on the FuncInfo): the
    // escape pass asks once per function, so a list would be quadratic.
    const FuncInfo **callers;
    InlinedCall **firsts;
    uint32_t ccap, clen;
    InlinedCall *last;  // the last one made, for next_in_caller
    Inliner *in;        // the decisions, for the functions made later (inline_wrapper)
} InlTable;

static void firsts_put(Arena *a, InlTable *t, const FuncInfo *caller, InlinedCall *ic) {
    if (!caller)
        return;
    if (2 * (t->clen + 1) > t->ccap) {
        uint32_t cap = t->ccap ? t->ccap * 2 : 64;
        const FuncInfo **keys = arena_alloc_block(a, sizeof(*keys) * cap);
        InlinedCall **vals = arena_alloc_block(a, sizeof(*vals) * cap);
        for (uint32_t i = 0; i < t->ccap; i++) {
            if (!t->callers[i])
                continue;
            uint32_t h = ptr_hash(t->callers[i]) & (cap - 1);
            while (keys[h])
                h = (h + 1) & (cap - 1);
            keys[h] = t->callers[i];
            vals[h] = t->firsts[i];
        }
        if (t->callers) {
            arena_free_block(a, (void *)t->callers);
            arena_free_block(a, t->firsts);
        }
        t->callers = keys, t->firsts = vals, t->ccap = cap;
    }
    uint32_t h = ptr_hash(caller) & (t->ccap - 1);
    while (t->callers[h] && t->callers[h] != caller)
        h = (h + 1) & (t->ccap - 1);
    if (t->callers[h])
        return;     // the first one stays the caller's first
    t->callers[h] = caller;
    t->firsts[h] = ic;
    t->clen++;
}

const InlinedCall *inlined_calls_of(const Program *prog, const FuncInfo *fn) {
    const InlTable *t = prog->inlined;
    if (!t || !t->ccap || !fn)
        return NULL;
    for (uint32_t h = ptr_hash(fn) & (t->ccap - 1); t->callers[h]; h = (h + 1) & (t->ccap - 1))
        if (t->callers[h] == fn)
            return t->firsts[h];
    return NULL;
}

static void table_put(Arena *a, InlTable *t, const Node *call, InlinedCall *ic) {
    if (2 * (t->len + 1) > t->cap) {
        uint32_t cap = t->cap ? t->cap * 2 : 64;
        const Node **keys = arena_alloc_block(a, sizeof(*keys) * cap);
        InlinedCall **vals = arena_alloc_block(a, sizeof(*vals) * cap);
        for (uint32_t i = 0; i < t->cap; i++) {
            if (!t->keys[i])
                continue;
            uint32_t h = ptr_hash(t->keys[i]) & (cap - 1);
            while (keys[h])
                h = (h + 1) & (cap - 1);
            keys[h] = t->keys[i];
            vals[h] = t->vals[i];
        }
        if (t->keys) {
            arena_free_block(a, (void *)t->keys);
            arena_free_block(a, t->vals);
        }
        t->keys = keys, t->vals = vals, t->cap = cap;
    }
    uint32_t h = ptr_hash(call) & (t->cap - 1);
    while (t->keys[h] && t->keys[h] != call)
        h = (h + 1) & (t->cap - 1);
    if (!t->keys[h])
        t->len++;
    t->keys[h] = call;
    t->vals[h] = ic;
}

static const InlinedCall *table_get(const InlTable *t, const Node *call);

const char *inlined_call_text(const Program *prog, const Node *call) {
    const InlinedCall *ic = table_get(prog->inlined, call);
    if (ic && ic->spliced && ic->nresults == 1 && ic->results[0] && ic->results[0]->name)
        return ic->results[0]->name->s;
    return NULL;
}

const InlinedCall *inlined_call(const Program *prog, const Node *call) {
    return table_get(prog->inlined, call);
}

static const InlinedCall *table_get(const InlTable *t, const Node *call) {
    if (!t || !t->cap || !call)
        return NULL;
    for (uint32_t h = ptr_hash(call) & (t->cap - 1); t->keys[h]; h = (h + 1) & (t->cap - 1))
        if (t->keys[h] == call)
            return t->vals[h];
    return NULL;
}

static Obj *fresh_var(Compiler *cc, TreeObjMap *map, Obj *o, Pos site) {
    if (!o)
        return NULL;
    Obj *m = ARENA_NEW(&cc->arena, Obj);
    *m = *o;
    m->pos = site;
    tree_objmap_put(cc, map, o, m);
    return m;
}

// The literals of a copied body are new functions of the caller (gc's
// inlsubst.closure): each copied N_FUNCLIT gets a FuncInfo of its own whose
// variables are the copy's fresh ones (they keep the positions they have
// in the source, as gc's copies of closures do), its outer the caller or
// the copied literal around it.
typedef struct MakeLits {
    Compiler *cc;
    TreeObjMap *map;
    FuncInfo *outer;
    Package *pkg;
    PtrVec made;
    int depth;
} MakeLits;

// The copy of a variable of the literal `orig`, made now if the copied body
// never named it (an unused parameter).
static Obj *lit_var(MakeLits *m, Obj *o) {
    if (!o)
        return NULL;
    Obj *v = tree_objmap_get(m->map, o);
    if (!v) {
        v = ARENA_NEW(&m->cc->arena, Obj);
        *v = *o;
        tree_objmap_put(m->cc, m->map, o, v);
    }
    return v;
}

static Obj **lit_vars(MakeLits *m, Obj **vars, int n) {
    Obj **out = ARENA_ARRAY(&m->cc->arena, Obj *, n > 0 ? n : 1);
    for (int i = 0; i < n; i++)
        out[i] = lit_var(m, vars[i]);
    return out;
}

static bool make_literal(Node *n, void *ctx) {
    MakeLits *m = ctx;
    if (n->kind != N_FUNCLIT || !n->u.funclit.fn)
        return true;
    if (m->depth > 100)
        return false;
    FuncInfo *orig = n->u.funclit.fn;
    FuncInfo *nf = ARENA_NEW(&m->cc->arena, FuncInfo);
    *nf = *orig;
    nf->copy_of = orig->copy_of ? orig->copy_of : orig;
    nf->decl = n;
    nf->outer = m->outer;
    nf->pkg = m->pkg;
    nf->obj = NULL;
    nf->recv = NULL;
    nf->params = lit_vars(m, orig->params, orig->nparams);
    nf->results = lit_vars(m, orig->results, orig->nresults);
    nf->locals = (PtrVec){0};
    for (int i = 0; i < orig->locals.len; i++)
        ptrvec_push(&m->cc->arena, &nf->locals, lit_var(m, orig->locals.items[i]));
    nf->captured = (PtrVec){0};
    for (int i = 0; i < orig->captured.len; i++) {
        Obj *o = orig->captured.items[i];
        Obj *v = tree_objmap_get(m->map, o);
        ptrvec_push(&m->cc->arena, &nf->captured, v ? v : o);
    }
    nf->closures = (PtrVec){0};
    for (int i = 0; i < m->map->len; i++)
        if (m->map->from[i]->kind == OBJ_VAR && m->map->from[i]->u.var.fn == orig)
            m->map->to[i]->u.var.fn = nf;
    n->u.funclit.fn = nf;
    if (m->outer && m->outer->copy_of)
        ptrvec_push(&m->cc->arena, &m->outer->closures, nf);
    ptrvec_push(&m->cc->arena, &m->made, nf);
    FuncInfo *saved = m->outer;
    m->outer = nf;
    m->depth++;
    tree_visit(n->u.funclit.body, make_literal, m);
    m->depth--;
    m->outer = saved;
    return false;
}

static bool mark_imported(Node *n, void *ctx) {
    (void)ctx;
    n->flags |= NF_IMPORTED;
    return true;
}

// ~R0, ~R1, ...: written by hand, as snprintf cost more than the copy of
// a small body.
static Name *make_result_name(Compiler *cc, int i) {
    char buf[16], digits[12];
    int n = 0, k = 0;
    unsigned u = (unsigned)i;
    do
        digits[n++] = (char)('0' + u % 10);
    while ((u /= 10) && n < (int)sizeof digits);
    buf[k++] = '~';
    buf[k++] = 'R';
    while (n)
        buf[k++] = digits[--n];
    buf[k] = 0;
    return intern_cstr(cc, buf);
}

// The first few once per pass: most calls have one result.
static Name *result_name(Inliner *in, int i) {
    if (i >= INL_RESULT_NAMES)
        return make_result_name(in->cc, i);
    if (!in->result_names[i])
        in->result_names[i] = make_result_name(in->cc, i);
    return in->result_names[i];
}

// The body of callee as it now stands at the call: a copy with fresh
// variables, at the outermost call site.
static InlinedCall *copy_body(Calls *c, InlFn *callee, Pos site, TreeCopyFacts *facts) {
    Compiler *cc = c->in->cc;
    FuncInfo *fi = body_of(callee);
    Node *body = func_body(fi);
    InlinedCall *ic = ARENA_NEW(&cc->arena, InlinedCall);
    // The map lives only while the copy is made: most hold a handful.
    Obj *from[16], *to[16];
    TreeObjMap map = {from, to, 0, 16};
    ic->callee = fi;
    ic->recv = fresh_var(cc, &map, fi->recv, site);
    ic->nparams = fi->nparams;
    ic->params = ARENA_ARRAY(&cc->arena, Obj *, fi->nparams > 0 ? fi->nparams : 1);
    for (int i = 0; i < fi->nparams; i++)
        ic->params[i] = fresh_var(cc, &map, fi->params[i], site);
    ic->nresults = fi->nresults;
    ic->results = ARENA_ARRAY(&cc->arena, Obj *, fi->nresults > 0 ? fi->nresults : 1);
    for (int i = 0; i < fi->nresults; i++) {
        ic->results[i] = fresh_var(cc, &map, fi->results[i], site);
        // gc names the results it makes for unnamed (or blank) ones ~R0, ~R1, ...
        Obj *r = ic->results[i];
        if (r && (!r->name || r->name->s[0] == '~' || name_is(r->name, "_")))
            r->name = result_name(c->in, i);
    }
    int fixed = map.len;
    ic->body = tree_copy_facts(cc, body, fi, &map, &site, facts);
    if (fi->pkg != c->in->prog->main_pkg)
        tree_visit(ic->body, mark_imported, NULL);
    // The variables the copy declares at its top level join the caller;
    // those of its literals belong to the literals' copies.
    int nlocals = 0;
    for (int i = fixed; i < map.len; i++)
        nlocals += map.from[i]->kind == OBJ_VAR && map.from[i]->u.var.fn == fi;
    ic->locals = ARENA_ARRAY(&cc->arena, Obj *, nlocals > 0 ? nlocals : 1);
    for (int i = fixed; i < map.len; i++)
        if (map.from[i]->kind == OBJ_VAR && map.from[i]->u.var.fn == fi)
            ic->locals[ic->nlocals++] = map.to[i];
    MakeLits m = {.cc = cc, .map = &map, .outer = c->cur->fi, .pkg = c->cur->fi->pkg};
    if (facts->literals)
        tree_visit(ic->body, make_literal, &m);
    ic->has_literals = m.made.len > 0;
    ic->lits = (FuncInfo **)m.made.items;
    ic->nlits = m.made.len;
    ic->caller = c->cur->fi;
    // The caller now holds what the body holds (FuncInfo.facts).
    func_add_facts(ic->caller, fi->facts & FACT_CHECKED ? fi->facts : FACT_ALL);
    InlTable *t = c->table;
    if (t->last && t->last->caller == ic->caller) {
        t->last->next_in_caller = ic;
    } else {
        firsts_put(&cc->arena, t, ic->caller, ic);
    }
    t->last = ic;
    return ic;
}

static Node *result_ident(Compiler *cc, Obj *o, Pos site) {
    Node *n = node_new(cc, N_IDENT, site);
    n->u.ident.name = o->name;
    n->u.ident.obj = o;
    n->type = o->type;
    n->flags |= NF_IMPLICIT;
    return n;
}

typedef struct Returns2 {
    Compiler *cc;
    InlinedCall *ic;
    Pos site;
} Returns2;

// gc turns each return of an inlined body into an assignment to the results.
static bool rewrite_return(Node *n, void *ctx) {
    Returns2 *r = ctx;
    if (n->kind == N_FUNCLIT)
        return false;
    if (n->kind != N_RETURN)
        return true;
    NodeList res = n->u.ret.results;
    InlinedCall *ic = r->ic;
    if (res.len == 0 || ic->nresults == 0) {
        memset(&n->u, 0, sizeof n->u.ret);   // a node has only its kind's member
        n->kind = N_EMPTYSTMT;
        n->flags |= NF_INLINED;     // still a return: the SSA jumps to the end there
        return false;
    }
    Node **lhs = ARENA_ARRAY(&r->cc->arena, Node *, ic->nresults);
    for (int i = 0; i < ic->nresults; i++)
        lhs[i] = result_ident(r->cc, ic->results[i], r->site);
    memset(&n->u, 0, sizeof n->u.assign);   // node_size(N_RETURN) has room for it
    n->kind = N_ASSIGN;
    n->u.assign.lhs = nodelist_from(r->cc, lhs, ic->nresults);
    n->u.assign.rhs = res;
    n->u.assign.op = T_ASSIGN;
    n->flags |= NF_INLINED;
    return false;
}

// (NULL for f(g()) and a variadic call's implicit slice: the escape pass
// names the temporaries and the slice itself.)
static const char *params_text(Compiler *cc, InlinedCall *ic, Node *call) {
    Arena *a = &cc->arena;
    Type *sig = ic->callee->sig;
    if (sig && sig->kind == TY_FUNC && sig->u.func.variadic && !call->u.call.has_dots)
        return NULL;
    NodeList *cargs = &call->u.call.args;
    if (cargs->len == 1 && unparen(cargs->items[0])->type && unparen(cargs->items[0])->type->kind == TY_TUPLE)
        return NULL;
    const char *lhs = "", *rhs = "";
    NodeList *args = &call->u.call.args;
    Node *fun = unparen(call->u.call.fun);
    int k = 0, ai = 0;
    Obj *vars[64];
    Node *vals[64];
    if (ic->recv) {
        vars[k] = ic->recv;
        vals[k++] = call->u.call.kind == CALL_METHOD && fun->kind == N_SELECTOR ? fun->u.sel.x : args->items[ai++];
    }
    for (int i = 0; i < ic->nparams && k < 64; i++)
        vars[k] = ic->params[i], vals[k++] = args->items[ai++];
    // The callee's own variables from another package keep its symbols.
    bool imported = ic->callee->pkg && ic->caller && ic->callee->pkg != ic->caller->pkg && ic->callee->pkg->name;
    for (int i = 0; i < k; i++) {
        const char *name = vars[i] && vars[i]->name ? vars[i]->name->s : "_";
        if (imported && vars[i] && vars[i]->name && !name_is(vars[i]->name, "_"))
            name = arena_sprintf(a, "%s.%s", pkg_qualifier(ic->callee->pkg), name);
        lhs = i ? arena_sprintf(a, "%s, %s", lhs, name) : name;
        const char *v = expr_string(cc, vals[i]);
        rhs = i ? arena_sprintf(a, "%s, %s", rhs, v) : v;
    }
    return k ? arena_sprintf(a, "%s := %s", lhs, rhs) : NULL;
}

static void inline_body(Calls *c, Node *call, InlFn *callee, Pos site) {
    if (!func_body(callee->fi))
        return;
    Arena *a = &c->in->cc->arena;
    Instance *inst = ARENA_NEW(c->scratch, Instance);
    inst->callee = callee;
    inst->call = call;
    inst->parent = c->inst;
    // Both lists are read only here.
    void *returns[4], *calls[8];
    TreeCopyFacts facts = {.calls = true, .returns = {returns, 0, 4}, .call_list = {calls, 0, 8}};
    inst->ic = copy_body(c, callee, site, &facts);
    Node *body = inst->ic->body;
    inst->result = delayed_result(callee->fi, &facts.returns);
    {
        Compiler *cc = c->in->cc;
        inst->ic->spliced = true;
        // Only the escape pass's explanations (-m=2, pictures) print it.
        if (c->in->m >= 2 || c->in->prog->pictures)
            inst->ic->params_text = params_text(cc, inst->ic, call);
        Returns2 r = {cc, inst->ic, site};
        for (int i = 0; i < facts.returns.len; i++)
            rewrite_return(facts.returns.items[i], &r);
    }
    table_put(a, c->table, call, inst->ic);
    ptrvec_push(c->scratch, &c->insts, inst);
    ptrvec_push(c->scratch, &c->active, callee);
    Pos saved_site = c->site;
    Instance *saved_inst = c->inst;
    inst->lit_begin = c->nlits;
    if (facts.literals)
        name_literals(c, body, 0);
    inst->lit_end = c->nlits;
    c->site = site;
    c->inst = inst;
    for (int i = 0; i < facts.call_list.len; i++)
        if (!inl_is_intrinsic(c->in, facts.call_list.items[i]))
            call_at(c, facts.call_list.items[i]);
    c->site = saved_site;
    c->inst = saved_inst;
    c->active.len--;
}

static void inline_calls(Inliner *in, InlFn *f) {
    Node *body = func_body(f->fi);
    if (!body || (f->listed && !f->ncalls))
        return;
    Calls c = {.in = in, .cur = f, .max_cost = -1, .report = reports(in, f->fi), .table = in->table,
               .scratch = in->scratch};
    if (f->can && f->nodes < INL_BIG_FUNCTION_NODES)
        c.max_cost = INL_MAX_BUDGET;
    Calls *saved = in->walking;
    in->walking = &c;
    size_t used = in->scratch->total;
    if (f->listed)
        for (int i = 0; i < f->ncalls; i++)
            call_at(&c, f->calls[i]);
    else
        walk_calls(&c, body);
    in->walking = saved;
    if (in->scratch->total != used)
        arena_reset(in->scratch);
}

// gc gathers the package-level initializers it cannot set statically into
// an init function, made before inlining and inlined into last (it calls
// everything); its calls are inlined as any function's, in initialization
// order. It is never itself a candidate ("can inline" is not asked).
static void inline_init(Inliner *in, Package *pkg) {
    if (!pkg || !pkg->init_order.len)
        return;
    Arena *a = &in->cc->arena;
    FuncInfo *fi = ARENA_NEW(a, FuncInfo);
    fi->gc_name = "init";
    fi->pkg = pkg;
    InlFn *f = ARENA_NEW(a, InlFn);
    f->fi = fi;
    f->name = "init";
    f->checked = true;
    Calls c = {.in = in, .cur = f, .max_cost = INL_MAX_BUDGET, .report = in->m && !pkg->is_std, .table = in->table,
               .scratch = in->scratch};
    Calls *saved = in->walking;
    in->walking = &c;
    for (int i = 0; i < pkg->init_order.len; i++) {
        Obj *g = pkg->init_order.items[i];
        Node *spec = g->decl;
        if (!spec || spec->kind != N_VALUESPEC)
            continue;
        NodeList *names = &spec->u.valspec.names, *values = &spec->u.valspec.values;
        for (int j = 0; j < names->len; j++) {
            if (names->items[j]->u.ident.obj != g)
                continue;
            if (values->len == names->len)
                walk_calls(&c, values->items[j]);
            else if (values->len == 1)
                walk_calls(&c, values->items[0]);
        }
    }
    in->walking = saved;
}

// ---------------------------------------------------------------------------
// The pass

typedef struct Batch {
    Inliner *in;
    PtrVec all;         // every FuncInfo
} Batch;

// The walk that finds the call graph also lists, for each function and
// literal, the calls walk_calls would meet, in its order: InlineCalls then
// goes down the list instead of walking the body again, and a function
// without calls costs nothing more. The bodies do not change until the pass
// is over (inlining copies them).
static void listed_calls(FuncInfo *fi, Node **calls, int n, void *ctx) {
    Batch *b = ctx;
    InlFn *f = inl_fn(b->in, fi);
    if (f->listed)
        return;
    f->listed = true;
    int k = 0;
    for (int i = 0; i < n; i++)
        if (!inl_is_intrinsic(b->in, calls[i]))
            calls[k++] = calls[i];
    f->ncalls = k;
    if (!k)
        return;
    f->calls = ARENA_ARRAY(&b->in->cc->arena, Node *, k);
    memcpy(f->calls, calls, sizeof(Node *) * (size_t)k);
}

static void decide(Inliner *in, InlFn *f, bool alone_recursive) {
    if (!alone_recursive) {
        inl_can_inline(in, f);
    } else if (!f->checked) {
        f->checked = true;
        if (reports(in, f->fi) && in->m > 1)
            diag_note(in->cc, func_pos(f->fi), "cannot inline %s: recursive", f->name);
    }
    inline_calls(in, f);
}

static void batch(FuncInfo **fns, int n, bool recursive, void *ctx) {
    Batch *b = ctx;
    Inliner *in = b->in;
    for (int i = 0; i < n; i++) {
        InlFn *top = inl_fn(in, fns[i]);
        decide(in, top, recursive && n == 1);
        for (int j = 0; j < top->lits.len; j++)
            decide(in, inl_fn(in, top->lits.items[j]), recursive && n == 1);
    }
}

// gc inlines into the method wrappers it makes after escape analysis
// (reflectdata's methodWrapper): InlineCalls on the wrapper, reported at its
// position (<autogenerated>:1).
void inline_wrapper(Program *prog, FuncInfo *wrapper) {
    InlTable *t = prog->inlined;
    if (!prog->inlining || !t || !t->in)
        return;
    Arena scratch;
    arena_init(&scratch);
    t->in->scratch = &scratch;
    inline_calls(t->in, inl_fn(t->in, wrapper));
    t->in->scratch = NULL;
    arena_free(&scratch);
}

void pass_inline(Program *prog) {
    Compiler *cc = prog->cc;
    // -l is about the package being compiled: gc compiled the standard
    // library with inlining on, and what its functions' tags say comes
    // from that. So under -l only the imported packages are inlined.
    bool imports_only = !prog->inlining;
    // Kept (in the arena) for inline_wrapper.
    Inliner *inp = ARENA_NEW(&cc->arena, Inliner);
    *inp = (Inliner){.prog = prog, .cc = cc, .m = cc->opt.m_level};
    Inliner in = *inp;
    in.extra_call_cost = cc->opt.l_level == 4 ? 1 : INL_EXTRA_CALL_COST;
    in.closures = cc->opt.inlfuncswithclosures;
    in.table = ARENA_NEW(&cc->arena, InlTable);
    prog->inlined = in.table;
    Arena scratch;
    arena_init(&scratch);
    in.scratch = &scratch;
    Batch b = {.in = &in};
    bool main_listed = false;
    for (int i = 0; i < cc->packages.len; i++) {
        Package *pkg = cc->packages.items[i];
        main_listed |= pkg == prog->main_pkg;
        if (imports_only && (pkg == prog->main_pkg || !pkg->is_std))
            continue;
        // Early deadcode leaves NULL where it dropped a dead func literal.
        for (int j = 0; j < pkg->funcs.len; j++)
            if (pkg->funcs.items[j])
                ptrvec_push(&cc->arena, &b.all, pkg->funcs.items[j]);
    }
    if (!main_listed && prog->main_pkg && !imports_only)
        for (int j = 0; j < prog->main_pkg->funcs.len; j++)
            if (prog->main_pkg->funcs.items[j])
                ptrvec_push(&cc->arena, &b.all, prog->main_pkg->funcs.items[j]);
    // The func literals inside each function (at any depth, in the order
    // of `all`), which its batch lists after it.
    for (int j = 0; j < b.all.len; j++) {
        FuncInfo *lit = b.all.items[j], *top = lit->outer;
        if (!top)
            continue;
        while (top->outer)
            top = top->outer;
        ptrvec_push(&cc->arena, &inl_fn(&in, top)->lits, lit);
    }
    funcs_bottom_up_calls(cc, (FuncInfo **)b.all.items, b.all.len, listed_calls, batch, &b);
    if (!imports_only)
        inline_init(&in, prog->main_pkg);
    arena_free(&scratch);
    in.scratch = NULL;
    *inp = in;
    in.table->in = inp;
}

// reach.c - the imported functions a program can reach, so that only those
// are built and analysed.
//
// What the main package's -m output says of an imported function depends on
// that function's inlinability, cost and body, and on its escape tags; both
// come from its own body and from what the functions it refers to concluded
// (their costs, bodies and tags), and so on down. A function nothing reached
// refers to cannot change a verdict the program's package prints, so the
// passes skip it: importing fmt then analyses a few hundred of the library's
// functions, not all twenty thousand of its import graph. gc reads the same
// facts from export data; minigc derives them from the sources on demand.
//
// Reached, starting from every function of the main package and its
// package-level initializers (the roots):
//   - every function or method a reached body names (a call, a function
//     value, a method value or expression): inlining, devirtualization and
//     escape analysis only ever look through such names;
//   - the literals inside a reached body (they are separate FuncInfos);
//   - for an interface call x.M() whose x is known to hold one concrete
//     type (a conversion, or a local variable declared with one), that
//     type's methods M: devirtualize.c may make it a static call of one;
//     and for a concrete value passed to an interface parameter or
//     returned as an interface result, its type's methods of that
//     interface: after inlining, the callee's (or caller's) calls on it may
//     be devirtualized the same way;
//   - in the main package's own code, every method of each defined type it
//     has a value of (with its pointer type's and the methods promoted from
//     its embedded fields): its method wrappers call them, and a library
//     call inlined into it may be devirtualized on its values. This is
//     wider than needed, never narrower.
// Types are followed through pointers, slices, arrays, maps, channels,
// unnamed structs and signatures down to defined types; a defined type's
// own fields only through its embedded ones (only those add methods).
//
// One kind of function is left out although a reached body names it: one
// that can never be inlined and has no parameter (receiver included) that
// holds a pointer. Its escape tags are empty whatever its body does, and a
// call of it costs what any call of a function that cannot be inlined
// costs, which is also what the inliner assumes of a function it was not
// given, so nothing of it or below it can show. "Never inlined" is decided
// from the source alone and only where it is sure: a pragma that forbids
// it, go, defer, recover or a call of getcallerpc or getcallersp in the
// body, or a lower bound of its cost past gc's budget of 80. The bound
// (min_cost_node) counts one unit for each node the cost model of
// inline_cost.c charges at least one for, leaves out what gc's dead-code
// pass may fold away first, and adds for each call what the callee costs
// at the least (57 if it cannot be inlined, else its own bound); in the
// runtime that cuts most of what runtime.throw (80 by itself) leads to.
//
// The result: every imported Package.funcs keeps, in its order, only the
// reached functions. The walk needs nothing but the typed AST, so it runs
// between the checker and the passes.
#include "frontend.h"

#include <stdint.h>
#include <string.h>

// A set of pointers (open addressing; the arena holds it).
typedef struct PtrSet {
    const void **slots;
    uint32_t cap, len;
} PtrSet;

static uint32_t hash_ptr(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15ull;
    return (uint32_t)(x >> 32);
}

static bool set_has(const PtrSet *s, const void *p) {
    if (!s->cap)
        return false;
    for (uint32_t h = hash_ptr(p) & (s->cap - 1);; h = (h + 1) & (s->cap - 1)) {
        if (!s->slots[h])
            return false;
        if (s->slots[h] == p)
            return true;
    }
}

// Adds p; false if it was there already.
static bool set_add(Arena *a, PtrSet *s, const void *p) {
    if ((s->len + 1) * 2 > s->cap) {
        PtrSet old = *s;
        s->cap = old.cap ? old.cap * 2 : 1024;
        s->len = 0;
        s->slots = ARENA_ARRAY(a, const void *, s->cap);
        memset(s->slots, 0, sizeof(void *) * s->cap);
        for (uint32_t i = 0; i < old.cap; i++)
            if (old.slots[i])
                set_add(a, s, old.slots[i]);
    }
    for (uint32_t h = hash_ptr(p) & (s->cap - 1);; h = (h + 1) & (s->cap - 1)) {
        if (s->slots[h] == p)
            return false;
        if (!s->slots[h]) {
            s->slots[h] = p;
            s->len++;
            return true;
        }
    }
}

typedef struct CostBound CostBound;

typedef struct Reach {
    Compiler *cc;
    Arena *arena;       // the sets and the work list (freed at the end)
    PtrSet funcs;       // FuncInfo* reached
    PtrSet types;       // Type* followed
    PtrSet skipped;     // FuncInfo* found irrelevant (see the top)
    CostBound **bounds; // cost bounds by FuncInfo (open addressing)
    uint32_t nbounds, capbounds;
    PtrVec work;        // FuncInfo* whose bodies are still to walk
    bool all_methods;   // walking the main package: every method of its values' types
    Type *sig;          // of the function whose body is being walked
} Reach;

// ---------------------------------------------------------------------------
// A lower bound of a function's inlining cost

enum { INLINE_BUDGET = 80, INLINE_CLOSURE_COST = 15, INLINE_THROW_COST = 80, INLINE_CALL_COST = 57 };

// What is known of one function's cost (memoized per FuncInfo).
struct CostBound {
    const FuncInfo *fi;
    int cost;           // at least this (counting stops past the budget)
    bool never;         // never inlined (a pragma, go, defer, recover, ...)
    bool busy;          // being computed: a recursive call counts nothing
};

typedef struct MinCost {
    Reach *r;
    int cost;
    bool never;
} MinCost;

static bool over(const MinCost *m) { return m->never || m->cost > INLINE_BUDGET; }

static const CostBound *cost_bound(Reach *r, FuncInfo *fi);
static bool min_cost_node(Node *n, void *ctx);

static void min_cost_of(MinCost *m, Node *n) {
    if (n && !over(m))
        tree_visit(n, min_cost_node, m);
}

static bool is_const(const Node *n) { return n && node_val(n)->kind != CONST_NONE; }

// gc's dead-code pass (before inlining) folds `true && x` to x and drops
// the branch of an if that a constant condition rules out, and with it the
// rest of the block when the branch taken ends in a return: a condition
// that may become constant is treated as one.
static bool may_be_const(const Node *n) {
    n = unparen(n);
    if (is_const(n))
        return true;
    return n && n->kind == N_BINARY && (n->u.binary.op == T_LAND || n->u.binary.op == T_LOR) &&
           (may_be_const(n->u.binary.x) || may_be_const(n->u.binary.y));
}

// Statements of a block or a case, up to an if that dead code may cut.
static void min_cost_stmts(MinCost *m, NodeList *l) {
    for (int i = 0; i < l->len && !over(m); i++) {
        Node *s = l->items[i];
        if (s && s->kind == N_IF && may_be_const(s->u.ifs.cond))
            return;
        min_cost_of(m, s);
    }
}

// A switch the dead-code pass may reduce to one case: a constant tag (or
// none), unless the first case it compares is not constant.
static bool may_fold_switch(const Node *n) {
    if (n->u.sw.tag && !is_const(n->u.sw.tag))
        return false;
    for (int i = 0; i < n->u.sw.clauses.len; i++) {
        Node *c = n->u.sw.clauses.items[i];
        if (c->u.clause.list.len > 0)
            return is_const(c->u.clause.list.items[0]);
    }
    return true;
}

// The function a call names directly (a function, a qualified one, a
// concrete method), or NULL.
static Obj *named_callee(const Node *call) {
    const Node *fun = unparen(call->u.call.fun);
    Obj *o = NULL;
    if (fun->kind == N_IDENT)
        o = fun->u.ident.obj;
    else if (fun->kind == N_SELECTOR &&
             (fun->u.sel.kind == SEL_QUALIFIED || fun->u.sel.kind == SEL_METHOD || fun->u.sel.kind == SEL_METHOD_EXPR))
        o = fun->u.sel.obj;
    return o && o->kind == OBJ_FUNC ? o : NULL;
}

static bool in_pkg(const Obj *o, const char *path) {
    return o->pkg && o->pkg->path && strcmp(o->pkg->path, path) == 0;
}

static bool named(const Obj *o, const char *name) { return o->name && strcmp(o->name->s, name) == 0; }

// gc compiles calls of some functions to instructions (ssagen's intrinsics,
// on any architecture) and charges encoding/binary's cheap methods nothing:
// such a call may cost no more than a node. Whole packages are taken to be
// safe.
static bool maybe_intrinsic(const Obj *o) {
    static const char *const pkgs[] = {
        "math", "math/big", "math/bits", "sync", "sync/atomic", "runtime/internal/atomic",
        "runtime/internal/math", "runtime/internal/sys", "encoding/binary",
    };
    static const char *const runtime_names[] = {
        "KeepAlive", "getcallerpc", "getcallersp", "getclosureptr", "getg", "slicebytetostringtmp",
        "publicationBarrier", "mulUintptr",
    };
    for (size_t i = 0; i < sizeof pkgs / sizeof pkgs[0]; i++)
        if (in_pkg(o, pkgs[i]))
            return true;
    for (size_t i = 0; in_pkg(o, "runtime") && i < sizeof runtime_names / sizeof runtime_names[0]; i++)
        if (named(o, runtime_names[i]))
            return true;
    return false;
}

// What a call adds beyond its own node: a callee that is never inlined
// costs the call cost (57, 1 under -l=4), one that may be at least the
// smaller of that and its own bound; a call through a function value may
// be resolved to a literal, and counts nothing.
static int call_extra(MinCost *m, Node *call) {
    int call_cost = m->r->cc->opt.l_level == 4 ? 1 : INLINE_CALL_COST;
    if (call->u.call.kind == CALL_INTERFACE)
        return call_cost;
    Obj *o = named_callee(call);
    if (!o || maybe_intrinsic(o))
        return 0;
    if (in_pkg(o, "runtime") && named(o, "throw"))
        return INLINE_THROW_COST;
    const CostBound *b = cost_bound(m->r, o->u.func.fn);
    if (!b || b->busy)
        return 0;
    if (b->never || b->cost > INLINE_BUDGET)
        return call_cost;
    return b->cost < call_cost ? b->cost : call_cost;
}

// Counts each node that costs gc one unit or more; returns whether to
// count its children too. Where the cost model charges nothing for a node
// (parentheses, blocks, labels and jumps, keys, conversions that may keep
// the representation, the names of types) or may fold it away, it counts
// nothing.
static bool min_cost_node(Node *n, void *ctx) {
    MinCost *m = ctx;
    if (over(m) || (n->flags & NF_TYPE))
        return false;
    if (is_const(n)) {
        m->cost++;
        return false;
    }
    switch (n->kind) {
    case N_PAREN: case N_EXPRSTMT: case N_KEYVALUE: case N_DECLSTMT: case N_VALUESPEC:
    case N_LABELED: case N_BRANCH:
        return true;
    case N_GENDECL:
        return n->u.gendecl.tok == T_VAR;
    case N_BLOCK:
        min_cost_stmts(m, &n->u.block.stmts);
        return false;
    case N_IDENT: {
        Obj *o = n->u.ident.obj;
        if (o && (o->kind == OBJ_VAR || o->kind == OBJ_FUNC || o->kind == OBJ_NIL))
            m->cost++;
        return false;
    }
    case N_BINARY:
        if (n->u.binary.op == T_LAND || n->u.binary.op == T_LOR) {
            if (!may_be_const(n->u.binary.x))
                min_cost_of(m, n->u.binary.x);
            if (!may_be_const(n->u.binary.y))
                min_cost_of(m, n->u.binary.y);
            return false;
        }
        // a + b + c on strings is one node.
        if (!(n->u.binary.op == T_ADD && n->type && type_is_string(n->type)))
            m->cost++;
        return true;
    case N_CALL: {
        if (n->u.call.kind == CALL_CONVERSION)
            return true;
        Obj *o = named_callee(n);
        if ((n->u.call.kind == CALL_BUILTIN && n->u.call.builtin == BI_RECOVER) ||
            (o && in_pkg(o, "runtime") && (named(o, "getcallerpc") || named(o, "getcallersp"))))
            m->never = true;
        if (n->u.call.kind != CALL_BUILTIN)
            m->cost += call_extra(m, n);
        m->cost++;
        return true;
    }
    case N_GO: case N_DEFER:
        m->never = true;
        return false;
    case N_FUNCLIT:
        m->cost += 1 + INLINE_CLOSURE_COST;
        return true;
    case N_IF:
        if (may_be_const(n->u.ifs.cond))
            return false;
        m->cost++;
        return true;
    case N_FOR:
        m->cost++;
        return !may_be_const(n->u.fors.cond);
    case N_SWITCH:
        m->cost++;
        return !may_fold_switch(n);
    case N_CASECLAUSE: case N_COMMCLAUSE:
        m->cost++;
        for (int i = 0; i < n->u.clause.list.len; i++)
            min_cost_of(m, n->u.clause.list.items[i]);
        min_cost_of(m, n->u.clause.comm);
        min_cost_stmts(m, &n->u.clause.body);
        return false;
    default:
        m->cost++;
        return true;
    }
}

static CostBound **bound_slot(Reach *r, const FuncInfo *fi) {
    if ((r->nbounds + 1) * 2 > r->capbounds) {
        CostBound **old = r->bounds;
        uint32_t oldcap = r->capbounds;
        r->capbounds = oldcap ? oldcap * 2 : 1024;
        r->bounds = ARENA_ARRAY(r->arena, CostBound *, r->capbounds);
        memset(r->bounds, 0, sizeof(CostBound *) * r->capbounds);
        for (uint32_t i = 0; i < oldcap; i++)
            if (old[i])
                *bound_slot(r, old[i]->fi) = old[i];
    }
    uint32_t h = hash_ptr(fi) & (r->capbounds - 1);
    while (r->bounds[h] && r->bounds[h]->fi != fi)
        h = (h + 1) & (r->capbounds - 1);
    return &r->bounds[h];
}

// The bound of a declared function (NULL for anything else). A function
// without a body is never inlined; pragmas that forbid it are as
// inline.c's.
static const CostBound *cost_bound(Reach *r, FuncInfo *fi) {
    if (!fi || !fi->decl || fi->decl->kind != N_FUNCDECL)
        return NULL;
    CostBound **slot = bound_slot(r, fi);
    if (*slot)
        return *slot;
    CostBound *b = ARENA_NEW(r->arena, CostBound);
    *b = (CostBound){.fi = fi, .busy = true};
    *slot = b;
    r->nbounds++;
    unsigned pragmas = fi->decl->u.funcdecl.pragmas;
    Node *body = fi->decl->u.funcdecl.body;
    if (!body ||
        (pragmas & (PRAGMA_NOINLINE | PRAGMA_CGO_UNSAFE_ARGS | PRAGMA_UINTPTRKEEPALIVE | PRAGMA_UINTPTRESCAPES |
                    PRAGMA_YESWRITEBARRIERREC))) {
        b->never = true;
    } else {
        MinCost m = {.r = r};
        min_cost_of(&m, body);
        b->cost = m.cost;
        b->never = m.never;
    }
    b->busy = false;
    return b;
}

static bool has_pointer_param(const FuncInfo *fi) {
    if (fi->recv && fi->recv->type && type_has_pointers(fi->recv->type))
        return true;
    Type *sig = fi->sig;
    for (int i = 0; sig && i < sig->u.func.nparams; i++)
        if (type_has_pointers(sig->u.func.params[i]))
            return true;
    return false;
}

// An imported function whose verdicts cannot matter (see the top).
static bool irrelevant(Reach *r, FuncInfo *fi) {
    if (!fi->pkg || !fi->pkg->is_std || fi->outer || !fi->decl || fi->decl->kind != N_FUNCDECL ||
        !fi->decl->u.funcdecl.body)
        return false;
    unsigned pragmas = fi->decl->u.funcdecl.pragmas;
    if ((pragmas & (PRAGMA_UINTPTRESCAPES | PRAGMA_UINTPTRKEEPALIVE)) || has_pointer_param(fi))
        return false;
    const CostBound *b = cost_bound(r, fi);
    return b && (b->never || b->cost > INLINE_BUDGET);
}

// ---------------------------------------------------------------------------
// The walk

static void reach_func(Reach *r, FuncInfo *fi) {
    if (!fi || set_has(&r->funcs, fi) || set_has(&r->skipped, fi))
        return;
    if (irrelevant(r, fi)) {
        set_add(r->arena, &r->skipped, fi);
        return;
    }
    set_add(r->arena, &r->funcs, fi);
    ptrvec_push(r->arena, &r->work, fi);
}

static void reach_methods(Reach *r, Method *ms, int n) {
    for (int i = 0; i < n; i++)
        if (ms[i].obj && ms[i].obj->kind == OBJ_FUNC)
            reach_func(r, ms[i].obj->u.func.fn);
}

// Types nest deeply only in machine-made input; past this, stop following.
enum { REACH_MAX_TYPE_DEPTH = 1000 };

static void reach_type(Reach *r, Type *t, int depth) {
    if (!t || depth > REACH_MAX_TYPE_DEPTH || !set_add(r->arena, &r->types, t))
        return;
    depth++;
    switch (t->kind) {
    case TY_NAMED: {
        reach_methods(r, t->u.named.methods, t->u.named.nmethods);
        Type *u = t->u.named.underlying;
        if (u && u->kind == TY_STRUCT)
            for (int i = 0; i < u->u.strct.nfields; i++)
                if (u->u.strct.fields[i].embedded)
                    reach_type(r, u->u.strct.fields[i].type, depth);
        break;
    }
    case TY_POINTER: reach_type(r, t->u.ptr.elem, depth); break;
    case TY_SLICE: reach_type(r, t->u.slice.elem, depth); break;
    case TY_ARRAY: reach_type(r, t->u.array.elem, depth); break;
    case TY_CHAN: reach_type(r, t->u.chan.elem, depth); break;
    case TY_MAP:
        reach_type(r, t->u.map.key, depth);
        reach_type(r, t->u.map.value, depth);
        break;
    case TY_STRUCT:
        for (int i = 0; i < t->u.strct.nfields; i++)
            reach_type(r, t->u.strct.fields[i].type, depth);
        break;
    case TY_FUNC:
        for (int i = 0; i < t->u.func.nparams; i++)
            reach_type(r, t->u.func.params[i], depth);
        for (int i = 0; i < t->u.func.nresults; i++)
            reach_type(r, t->u.func.results[i], depth);
        break;
    case TY_TUPLE:
        for (int i = 0; i < t->u.tuple.n; i++)
            reach_type(r, t->u.tuple.types[i], depth);
        break;
    default:
        break;
    }
}

// Every method called `name` of t's method set, at any depth of embedding.
static void reach_methods_named(Reach *r, Type *t, Name *name, int depth) {
    if (t && t->kind == TY_POINTER)
        t = t->u.ptr.elem;
    if (!t || depth > REACH_MAX_TYPE_DEPTH)
        return;
    if (t->kind == TY_NAMED)
        for (int i = 0; i < t->u.named.nmethods; i++)
            if (t->u.named.methods[i].name == name && t->u.named.methods[i].obj)
                reach_func(r, t->u.named.methods[i].obj->u.func.fn);
    Type *u = type_underlying(t);
    if (u && u->kind == TY_STRUCT)
        for (int i = 0; i < u->u.strct.nfields; i++)
            if (u->u.strct.fields[i].embedded)
                reach_methods_named(r, u->u.strct.fields[i].type, name, depth + 1);
}

// The value a local variable is declared with, if its declaration gives one
// (whether it is assigned again is not asked: this may find more than the
// devirtualizer does, never less).
static Node *declared_value(const Obj *v) {
    if (!v || v->kind != OBJ_VAR || v->u.var.is_global || v->u.var.is_param || v->u.var.is_result || !v->decl)
        return NULL;
    Node *d = v->decl;
    NodeList *l = NULL, *vals = NULL;
    if (d->kind == N_ASSIGN && d->u.assign.op == T_DEFINE)
        l = &d->u.assign.lhs, vals = &d->u.assign.rhs;
    else if (d->kind == N_VALUESPEC)
        l = &d->u.valspec.names, vals = &d->u.valspec.values;
    if (!l || l->len != vals->len)
        return NULL;
    for (int i = 0; i < l->len; i++) {
        Node *x = unparen(l->items[i]);
        if (x && x->kind == N_IDENT && x->u.ident.obj == v)
            return vals->items[i];
    }
    return NULL;
}

// An interface call x.M() is devirtualized when x is known to hold one
// concrete type (devirtualize.c): that type's M is reached.
static void reach_devirtualized(Reach *r, Node *call) {
    Node *sel = unparen(call->u.call.fun);
    if (!sel || sel->kind != N_SELECTOR)
        return;
    Node *x = sel->u.sel.x;
    for (int guard = 0; x && guard < 100; guard++) {
        x = unparen(x);
        if (x->kind == N_CALL && x->u.call.kind == CALL_CONVERSION && x->u.call.args.len == 1)
            x = x->u.call.args.items[0];
        else if (x->kind == N_IDENT && x->type && type_is_interface(x->type))
            x = declared_value(x->u.ident.obj);
        else
            break;
    }
    x = unparen(x);
    if (x && x->type && !type_is_interface(x->type) && !(x->flags & NF_TYPE))
        reach_methods_named(r, x->type, sel->u.sel.name, 0);
}

// x stored into an interface of type `to`, implicitly: once the function
// taking (or returning) it is inlined, a call of to's methods on it may be
// devirtualized to x's type's (devirtualize.c follows inlined parameters
// and results), so those methods are reached.
static void reach_conversion(Reach *r, Type *to, Node *x) {
    Type *u = to ? type_underlying(to) : NULL;
    x = unparen(x);
    if (!u || u->kind != TY_INTERFACE || !x || !x->type || (x->flags & NF_TYPE) || type_is_interface(x->type) ||
        x->type->kind == TY_UNTYPED_NIL)
        return;
    for (int i = 0; i < u->u.iface.nmethods; i++)
        reach_methods_named(r, x->type, u->u.iface.methods[i].name, 0);
}

static void reach_call_args(Reach *r, Node *call) {
    Node *fun = unparen(call->u.call.fun);
    Type *sig = fun && fun->type ? type_underlying(fun->type) : NULL;
    if (!sig || sig->kind != TY_FUNC)
        return;
    NodeList *args = &call->u.call.args;
    for (int i = 0; i < args->len; i++) {
        Type *pt = NULL;
        if (i < sig->u.func.nparams - (sig->u.func.variadic ? 1 : 0))
            pt = sig->u.func.params[i];
        else if (sig->u.func.variadic && !call->u.call.has_dots && sig->u.func.nparams > 0) {
            Type *last = type_underlying(sig->u.func.params[sig->u.func.nparams - 1]);
            pt = last && last->kind == TY_SLICE ? last->u.slice.elem : NULL;
        }
        reach_conversion(r, pt, args->items[i]);
    }
}

static void reach_results(Reach *r, Node *ret) {
    Type *sig = r->sig ? type_underlying(r->sig) : NULL;
    NodeList *l = &ret->u.ret.results;
    if (!sig || sig->kind != TY_FUNC || l->len != sig->u.func.nresults)
        return;
    for (int i = 0; i < l->len; i++)
        reach_conversion(r, sig->u.func.results[i], l->items[i]);
}

static bool reach_node(Node *n, void *ctx) {
    Reach *r = ctx;
    Obj *o = NULL;
    if (n->kind == N_IDENT)
        o = n->u.ident.obj;
    else if (n->kind == N_SELECTOR && n->u.sel.kind != SEL_FIELD && n->u.sel.kind != SEL_NONE)
        o = n->u.sel.obj;
    else if (n->kind == N_CALL && n->u.call.kind != CALL_CONVERSION && n->u.call.kind != CALL_BUILTIN)
        reach_call_args(r, n);
    else if (n->kind == N_RETURN)
        reach_results(r, n);
    if (n->kind == N_CALL && n->u.call.kind == CALL_INTERFACE)
        reach_devirtualized(r, n);
    if (o && o->kind == OBJ_FUNC)
        reach_func(r, o->u.func.fn);
    if (r->all_methods)
        reach_type(r, n->type, 0);
    if (n->kind == N_FUNCLIT) {
        // Its body is walked with this one, its returns for its own results.
        FuncInfo *lit = n->u.funclit.fn;
        set_add(r->arena, &r->funcs, lit);
        Type *outer = r->sig;
        r->sig = lit ? lit->sig : n->type;
        tree_visit(n->u.funclit.body, reach_node, r);
        r->sig = outer;
        return false;
    }
    return true;
}

static void reach_body(Reach *r, FuncInfo *fi) {
    r->sig = fi->sig;
    tree_visit(func_body(fi), reach_node, r);
    r->sig = NULL;
}

// The main package's roots: its functions and their signatures, its
// package-level declarations (initializers, declared types).
static void reach_roots(Reach *r, Package *pkg) {
    r->all_methods = true;
    for (int i = 0; i < pkg->funcs.len; i++)
        if (pkg->funcs.items[i])
            set_add(r->arena, &r->funcs, pkg->funcs.items[i]);
    for (int i = 0; i < pkg->funcs.len; i++) {
        FuncInfo *fi = pkg->funcs.items[i];
        if (!fi)
            continue;
        reach_type(r, fi->sig, 0);
        reach_body(r, fi);
    }
    for (int i = 0; i < pkg->nfiles; i++) {
        File *f = pkg->files[i];
        for (int k = 0; f && k < f->decls.len; k++) {
            Node *d = f->decls.items[k];
            if (d->kind != N_GENDECL)
                continue;
            if (d->u.gendecl.tok != T_TYPE) {
                tree_visit(d, reach_node, r);
                continue;
            }
            for (int s = 0; s < d->u.gendecl.specs.len; s++) {
                Node *spec = d->u.gendecl.specs.items[s];
                Node *name = spec->kind == N_TYPESPEC ? spec->u.typespec.name : NULL;
                if (name && name->kind == N_IDENT && name->u.ident.obj)
                    reach_type(r, name->u.ident.obj->type, 0);
            }
        }
    }
    r->all_methods = false;
}

// Whether some imported package has functions to prune: without one the
// walk of the main package would decide nothing (a program importing
// nothing walks its whole body for no result).
static bool has_imported_funcs(Compiler *cc, Package *main_pkg) {
    for (int i = 0; i < cc->packages.len; i++) {
        Package *p = cc->packages.items[i];
        if (p != main_pkg && p->is_std && p->funcs.len > 0)
            return true;
    }
    return false;
}

void reach_prune(Compiler *cc, Package *main_pkg) {
    if (!main_pkg || !has_imported_funcs(cc, main_pkg))
        return;
    Arena a;
    arena_init(&a);
    Reach r = {.cc = cc, .arena = &a};
    reach_roots(&r, main_pkg);
    while (r.work.len > 0) {
        reach_body(&r, r.work.items[--r.work.len]);
    }
    for (int i = 0; i < cc->packages.len; i++) {
        Package *p = cc->packages.items[i];
        if (p == main_pkg || !p->is_std)
            continue;
        int n = 0;
        for (int k = 0; k < p->funcs.len; k++)
            if (p->funcs.items[k] && set_has(&r.funcs, p->funcs.items[k]))
                p->funcs.items[n++] = p->funcs.items[k];
        p->funcs.len = n;
    }
    arena_free(&a);
}

// ---------------------------------------------------------------------------
// Which packages gc names by their quoted path
//
// gc prints an imported name as pkg.Name unless two of the packages it has
// read of export data share that package name; it then writes the quoted
// path, "crypto/internal/subtle".AnyOverlap. It counts the packages the
// export data of each direct import mentions: the import itself, and every
// package owning a declaration that data re-exports: the types of its
// exported objects, followed through every named type's underlying type and
// methods, and the inline bodies written with them and what those name.
// minigc follows the same things in the sources. A body is counted when the
// function may be inlined by the cost bound above (gc writes only bodies it
// can inline); a method's when it is exported or its type is one the
// package itself exports (gc's crawler: such a type may be embedded, which
// makes all its methods callable). Wider than gc's crawler in that every
// type met counts its exported methods' bodies, not only those reachable
// from a value.

typedef struct Exports {
    Reach r;            // for cost bounds
    PtrSet objs;        // Obj* followed
    PtrSet types;       // Type* followed
    PtrSet pkgs;        // Package* mentioned
    PtrSet roots;       // Package* whose export data was followed
    PtrVec work;        // Obj* still to follow
    Package *root;      // the import whose export data is being followed
} Exports;

static void exp_type(Exports *x, Type *t, int depth);

static bool is_exported(const Name *n) { return n && n->s[0] >= 'A' && n->s[0] <= 'Z'; }

static void exp_obj(Exports *x, Obj *o) {
    if (o && o->pkg && set_add(x->r.arena, &x->objs, o))
        ptrvec_push(x->r.arena, &x->work, o);
}

static bool may_inline(Exports *x, Obj *fn) {
    FuncInfo *fi = fn && fn->kind == OBJ_FUNC ? fn->u.func.fn : NULL;
    const CostBound *b = cost_bound(&x->r, fi);
    return b && !b->never && b->cost <= INLINE_BUDGET;
}

static bool exp_node(Node *n, void *ctx) {
    Exports *x = ctx;
    Obj *o = NULL;
    if (n->kind == N_IDENT)
        o = n->u.ident.obj;
    else if (n->kind == N_SELECTOR && n->u.sel.kind != SEL_NONE)
        o = n->u.sel.obj;
    if (o && (o->kind == OBJ_FUNC || o->kind == OBJ_TYPE || o->kind == OBJ_CONST ||
              (o->kind == OBJ_VAR && o->u.var.is_global)))
        exp_obj(x, o);
    exp_type(x, n->type, 0);
    return true;
}

static void exp_body(Exports *x, Obj *fn) {
    if (may_inline(x, fn))
        tree_visit(func_body(fn->u.func.fn), exp_node, x);
}

static void exp_sig_list(Exports *x, Type **ts, int n, int depth) {
    for (int i = 0; i < n; i++)
        exp_type(x, ts[i], depth + 1);
}

static void exp_type(Exports *x, Type *t, int depth) {
    if (!t || depth > REACH_MAX_TYPE_DEPTH || !set_add(x->r.arena, &x->types, t))
        return;
    switch (t->kind) {
    case TY_ARRAY: exp_type(x, t->u.array.elem, depth + 1); break;
    case TY_SLICE: exp_type(x, t->u.slice.elem, depth + 1); break;
    case TY_POINTER: exp_type(x, t->u.ptr.elem, depth + 1); break;
    case TY_CHAN: exp_type(x, t->u.chan.elem, depth + 1); break;
    case TY_MAP:
        exp_type(x, t->u.map.key, depth + 1);
        exp_type(x, t->u.map.value, depth + 1);
        break;
    case TY_STRUCT:
        for (int i = 0; i < t->u.strct.nfields; i++)
            exp_type(x, t->u.strct.fields[i].type, depth + 1);
        break;
    case TY_FUNC:
        exp_sig_list(x, t->u.func.params, t->u.func.nparams, depth);
        exp_sig_list(x, t->u.func.results, t->u.func.nresults, depth);
        break;
    case TY_INTERFACE:
        for (int i = 0; i < t->u.iface.nmethods; i++)
            exp_type(x, t->u.iface.methods[i].type, depth + 1);
        break;
    case TY_TUPLE: exp_sig_list(x, t->u.tuple.types, t->u.tuple.n, depth); break;
    case TY_NAMED: {
        Obj *o = t->u.named.obj;
        if (t->u.named.shape || !o || !o->pkg)
            break;
        set_add(x->r.arena, &x->pkgs, o->pkg);
        exp_sig_list(x, t->u.named.targs, t->u.named.ntargs, depth);
        exp_type(x, t->u.named.underlying, depth + 1);
        bool all = o->pkg == x->root && is_exported(o->name);
        for (int i = 0; i < t->u.named.nmethods; i++) {
            Method *m = &t->u.named.methods[i];
            exp_type(x, m->type, depth + 1);
            if (m->obj && (all || is_exported(m->name)))
                exp_obj(x, m->obj);
        }
        break;
    }
    default: break;
    }
}

static void exp_follow(Exports *x, Obj *o) {
    set_add(x->r.arena, &x->pkgs, o->pkg);
    exp_type(x, o->type, 0);
    if (o->kind == OBJ_FUNC)
        exp_body(x, o);
}

// Adds to x->pkgs the packages the export data of `imp` mentions.
static void exp_import(Exports *x, Package *imp) {
    x->root = imp;
    set_add(x->r.arena, &x->pkgs, imp);
    Scope *s = imp->scope;
    int n = s ? (s->hashed ? s->cap : s->len) : 0;
    for (int i = 0; i < n; i++) {
        Obj *o = s->entries[i];
        if (o && o->kind != OBJ_PKG && is_exported(o->name))
            exp_obj(x, o);
    }
    while (x->work.len > 0)
        exp_follow(x, x->work.items[--x->work.len]);
}

// Whether two loaded packages share a name: without that no name is ever
// quoted and nothing need be followed.
static bool names_collide(Compiler *cc) {
    for (int i = 0; i < cc->packages.len; i++) {
        Package *p = cc->packages.items[i];
        for (int k = i + 1; p->is_std && p->name && k < cc->packages.len; k++) {
            Package *q = cc->packages.items[k];
            if (q->is_std && q->name == p->name)
                return true;
        }
    }
    return false;
}

void reach_qualifiers(Compiler *cc, Package *main_pkg) {
    if (!main_pkg || !names_collide(cc))
        return;
    Arena a;
    arena_init(&a);
    Exports x = {.r = {.cc = cc, .arena = &a}};
    for (int i = 0; i < main_pkg->nfiles; i++) {
        File *f = main_pkg->files[i];
        for (int k = 0; f && k < f->imports.len; k++) {
            Package *imp = f->imports.items[k]->u.import.pkg;
            // Only the union counts: what one import's data led to need
            // not be followed again for the next.
            if (imp && imp->is_std && !imp->fake && imp != cc->unsafe_pkg && set_add(&a, &x.roots, imp))
                exp_import(&x, imp);
        }
    }
    for (uint32_t i = 0; i < x.pkgs.cap; i++) {
        Package *p = (Package *)x.pkgs.slots[i];
        if (!p || p == main_pkg || !p->name)
            continue;
        for (uint32_t k = 0; k < x.pkgs.cap; k++) {
            Package *q = (Package *)x.pkgs.slots[k];
            if (q && q != p && q != main_pkg && q->name == p->name) {
                p->qual = arena_sprintf(&cc->arena, "\"%s\"", p->path);
                break;
            }
        }
    }
    arena_free(&a);
}

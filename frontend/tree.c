// tree.c - helpers over the typed AST that several passes need, as gc keeps
// them in its ir package below every pass: unparen, a function's body, one
// visitor, a deep copy with fresh objects, gc's StaticValue and OuterValue,
// and the call
// graph bottom up (gc's VisitFuncsBottomUp).
//
// The visitor calls f on a node before its children and descends only while
// f returns true; a func literal's body is one of its children, so a pass that
// treats literals apart returns false at N_FUNCLIT and walks the body itself.
// Nesting is bounded (TREE_MAX_DEPTH) so that a machine-made tree cannot
// exhaust the stack.
#include "frontend.h"

#include <stdlib.h>

#define TREE_MAX_DEPTH 10000

Node *func_body(const FuncInfo *fi) {
    if (!fi || !fi->decl)
        return NULL;
    if (fi->decl->kind == N_FUNCDECL)
        return fi->decl->u.funcdecl.body;
    if (fi->decl->kind == N_FUNCLIT)
        return fi->decl->u.funclit.body;
    return NULL;
}

// ---------------------------------------------------------------------------
// The visitor

typedef struct Visitor {
    TreeVisitFn pre, post;
    void *ctx;
} Visitor;

static void walk(Visitor *v, Node *n, int depth);

// The children are tested here, not in walk: most are leaves or absent, and
// a call for each was most of the visitor's cost. A leaf (a name, a
// literal) gets its callbacks without a call of walk.
static inline bool is_leaf(const Node *n) { return n->kind == N_IDENT || n->kind == N_BASICLIT; }

static inline void child(Visitor *v, Node *n, int depth) {
    if (!n || depth > TREE_MAX_DEPTH)
        return;
    if (is_leaf(n)) {
        if (v->pre(n, v->ctx) && v->post)
            v->post(n, v->ctx);
        return;
    }
    walk(v, n, depth);
}

// The children of n in source order, each given to visit (a node) or
// visit_list (a NodeList *): the one order every walk of the tree follows.
#define TREE_CHILDREN(n, visit, visit_list) \
    switch (n->kind) { \
    case N_COMPOSITE: visit_list(&n->u.complit.elts); break; \
    case N_KEYVALUE: visit(n->u.kv.key); visit(n->u.kv.value); break; \
    case N_FUNCLIT: visit(n->u.funclit.body); break; \
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPRSTMT: case N_GO: case N_DEFER: \
        visit(n->u.unary.x); \
        break; \
    case N_SELECTOR: visit(n->u.sel.x); break; \
    case N_INDEX: visit(n->u.index.x); visit(n->u.index.index); break; \
    case N_SLICE: \
        visit(n->u.slice.x); \
        visit(n->u.slice.lo); \
        visit(n->u.slice.hi); \
        visit(n->u.slice.max); \
        break; \
    case N_TYPEASSERT: visit(n->u.assert.x); break; \
    case N_CALL: visit(n->u.call.fun); visit_list(&n->u.call.args); break; \
    case N_BINARY: visit(n->u.binary.x); visit(n->u.binary.y); break; \
    case N_DECLSTMT: visit(n->u.declstmt.decl); break; \
    case N_GENDECL: visit_list(&n->u.gendecl.specs); break; \
    case N_VALUESPEC: \
        visit_list(&n->u.valspec.names); \
        visit_list(&n->u.valspec.values); \
        break; \
    case N_LABELED: visit(n->u.labeled.stmt); break; \
    case N_SENDSTMT: visit(n->u.send.chan); visit(n->u.send.value); break; \
    case N_INCDEC: visit(n->u.incdec.x); break; \
    case N_ASSIGN: visit_list(&n->u.assign.lhs); visit_list(&n->u.assign.rhs); break; \
    case N_RETURN: visit_list(&n->u.ret.results); break; \
    case N_BLOCK: visit_list(&n->u.block.stmts); break; \
    case N_IF: \
        visit(n->u.ifs.init); \
        visit(n->u.ifs.cond); \
        visit(n->u.ifs.then); \
        visit(n->u.ifs.els); \
        break; \
    case N_CASECLAUSE: case N_COMMCLAUSE: \
        visit_list(&n->u.clause.list); \
        visit(n->u.clause.comm); \
        visit_list(&n->u.clause.body); \
        break; \
    case N_SWITCH: case N_TYPESWITCH: case N_SELECT: \
        visit(n->u.sw.init); \
        visit(n->u.sw.tag); \
        visit_list(&n->u.sw.clauses); \
        break; \
    case N_FOR: \
        visit(n->u.fors.init); \
        visit(n->u.fors.cond); \
        visit(n->u.fors.post); \
        visit(n->u.fors.body); \
        break; \
    case N_RANGE: \
        visit(n->u.range.key); \
        visit(n->u.range.value); \
        visit(n->u.range.x); \
        visit(n->u.range.body); \
        break; \
    default: \
        break; \
    }

// (child has checked the depth.)
static void walk(Visitor *v, Node *n, int depth) {
    if (!v->pre(n, v->ctx))
        return;
    depth++;
#define visit(n) child(v, (n), depth)
#define visit_list(l) \
    for (int i_ = 0; i_ < (l)->len; i_++) \
        child(v, (l)->items[i_], depth)
    TREE_CHILDREN(n, visit, visit_list)
#undef visit
#undef visit_list
    if (v->post)
        v->post(n, v->ctx);
}

// The same without a post callback (tree_visit, most walks): the callback
// and its context in arguments, no test for post at every node.
static void walk_pre(TreeVisitFn pre, void *ctx, Node *n, int depth);

static inline void child_pre(TreeVisitFn pre, void *ctx, Node *n, int depth) {
    if (!n || depth > TREE_MAX_DEPTH)
        return;
    if (is_leaf(n))
        pre(n, ctx);
    else
        walk_pre(pre, ctx, n, depth);
}

static void walk_pre(TreeVisitFn pre, void *ctx, Node *n, int depth) {
    if (!pre(n, ctx))
        return;
    depth++;
#define visit(n) child_pre(pre, ctx, (n), depth)
#define visit_list(l) \
    for (int i_ = 0; i_ < (l)->len; i_++) \
        child_pre(pre, ctx, (l)->items[i_], depth)
    TREE_CHILDREN(n, visit, visit_list)
#undef visit
#undef visit_list
}

void tree_visit(Node *n, TreeVisitFn f, void *ctx) { child_pre(f, ctx, n, 0); }

void tree_visit_list(NodeList *l, TreeVisitFn f, void *ctx) {
    for (int i = 0; i < l->len; i++)
        child_pre(f, ctx, l->items[i], 0);
}

void tree_visit_post(Node *n, TreeVisitFn pre, TreeVisitFn post, void *ctx) {
    Visitor v = {pre, post, ctx};
    child(&v, n, 0);
}

// ---------------------------------------------------------------------------
// Deep copy with fresh objects
//
// Every node is copied; an identifier naming a variable declared inside the
// copied function (params, results, locals, those of nested literals) names
// a fresh object instead, the same fresh object at every use, so the copy can
// live beside the original in another function. Objects declared elsewhere
// (globals, functions, types, constants) are shared.

typedef struct CopyCtx {
    Compiler *cc;
    const FuncInfo *root;   // the function whose variables are renewed
    TreeObjMap *map;
    int depth;
    const Pos *site;        // if set, the copies are placed there ...
    int in_literal;         // ... but not inside a func literal (gc's noPosUpdate)
    TreeCopyFacts *facts;   // if set, filled as the copy is made
} CopyCtx;

static bool owned_by(const FuncInfo *fn, const FuncInfo *root) {
    for (; fn; fn = fn->outer)
        if (fn == root)
            return true;
    return false;
}

Obj *tree_objmap_get(const TreeObjMap *m, const Obj *from) {
    for (int i = 0; i < m->len; i++)
        if (m->from[i] == from)
            return m->to[i];
    return NULL;
}

void tree_objmap_put(Compiler *cc, TreeObjMap *m, Obj *from, Obj *to) {
    if (m->len == m->cap) {
        // One map per inlined call, most of a handful of variables.
        int cap = m->cap ? m->cap * 2 : 4;
        Obj **f = ARENA_ARRAY(&cc->arena, Obj *, cap), **t = ARENA_ARRAY(&cc->arena, Obj *, cap);
        if (m->len) {
            memcpy(f, m->from, sizeof(Obj *) * (size_t)m->len);
            memcpy(t, m->to, sizeof(Obj *) * (size_t)m->len);
        }
        m->from = f, m->to = t, m->cap = cap;
    }
    m->from[m->len] = from;
    m->to[m->len] = to;
    m->len++;
}

static Obj *fresh_obj(CopyCtx *c, Obj *o) {
    if (!o || o->kind != OBJ_VAR || o->u.var.is_global || o->u.var.is_field || !owned_by(o->u.var.fn, c->root))
        return o;
    Obj *m = tree_objmap_get(c->map, o);
    if (!m) {
        m = ARENA_NEW(&c->cc->arena, Obj);
        *m = *o;
        if (c->site && o->u.var.fn == c->root)
            m->pos = *c->site;
        tree_objmap_put(c->cc, c->map, o, m);
    }
    return m;
}

static Node *copy(CopyCtx *c, Node *n);

static NodeList copy_list(CopyCtx *c, NodeList l) {
    NodeList r = {NULL, l.len};
    if (l.len <= 0)
        return r;
    r.items = ARENA_ARRAY(&c->cc->arena, Node *, l.len);
    for (int i = 0; i < l.len; i++)
        r.items[i] = copy(c, l.items[i]);
    return r;
}

static Node *copy(CopyCtx *c, Node *n) {
    if (!n || c->depth > TREE_MAX_DEPTH)
        return n;
    c->depth++;
    Node *m = node_clone(c->cc, n);
    if (c->site && !c->in_literal)
        m->pos = *c->site;
    switch (n->kind) {
    case N_IDENT: m->u.ident.obj = fresh_obj(c, n->u.ident.obj); break;
    case N_COMPOSITE: m->u.complit.elts = copy_list(c, n->u.complit.elts); break;
    case N_KEYVALUE: m->u.kv.key = copy(c, n->u.kv.key); m->u.kv.value = copy(c, n->u.kv.value); break;
    case N_FUNCLIT:
        if (c->facts)
            c->facts->literals = true;
        c->in_literal++;
        m->u.funclit.body = copy(c, n->u.funclit.body);
        c->in_literal--;
        break;
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPRSTMT: case N_GO: case N_DEFER:
        m->u.unary.x = copy(c, n->u.unary.x);
        break;
    case N_SELECTOR: m->u.sel.x = copy(c, n->u.sel.x); break;
    case N_INDEX: m->u.index.x = copy(c, n->u.index.x); m->u.index.index = copy(c, n->u.index.index); break;
    case N_SLICE:
        m->u.slice.x = copy(c, n->u.slice.x);
        m->u.slice.lo = copy(c, n->u.slice.lo);
        m->u.slice.hi = copy(c, n->u.slice.hi);
        m->u.slice.max = copy(c, n->u.slice.max);
        break;
    case N_TYPEASSERT: m->u.assert.x = copy(c, n->u.assert.x); break;
    case N_CALL: m->u.call.fun = copy(c, n->u.call.fun); m->u.call.args = copy_list(c, n->u.call.args); break;
    case N_BINARY: m->u.binary.x = copy(c, n->u.binary.x); m->u.binary.y = copy(c, n->u.binary.y); break;
    case N_DECLSTMT: m->u.declstmt.decl = copy(c, n->u.declstmt.decl); break;
    case N_GENDECL: m->u.gendecl.specs = copy_list(c, n->u.gendecl.specs); break;
    case N_VALUESPEC:
        m->u.valspec.names = copy_list(c, n->u.valspec.names);
        m->u.valspec.values = copy_list(c, n->u.valspec.values);
        break;
    case N_LABELED: m->u.labeled.stmt = copy(c, n->u.labeled.stmt); break;
    case N_SENDSTMT: m->u.send.chan = copy(c, n->u.send.chan); m->u.send.value = copy(c, n->u.send.value); break;
    case N_INCDEC: m->u.incdec.x = copy(c, n->u.incdec.x); break;
    case N_ASSIGN:
        m->u.assign.lhs = copy_list(c, n->u.assign.lhs);
        m->u.assign.rhs = copy_list(c, n->u.assign.rhs);
        break;
    case N_RETURN:
        if (c->facts && !c->in_literal)
            ptrvec_push(&c->cc->arena, &c->facts->returns, m);
        m->u.ret.results = copy_list(c, n->u.ret.results);
        break;
    case N_BLOCK: m->u.block.stmts = copy_list(c, n->u.block.stmts); break;
    case N_IF:
        m->u.ifs.init = copy(c, n->u.ifs.init);
        m->u.ifs.cond = copy(c, n->u.ifs.cond);
        m->u.ifs.then = copy(c, n->u.ifs.then);
        m->u.ifs.els = copy(c, n->u.ifs.els);
        break;
    case N_CASECLAUSE: case N_COMMCLAUSE:
        m->u.clause.list = copy_list(c, n->u.clause.list);
        m->u.clause.comm = copy(c, n->u.clause.comm);
        m->u.clause.body = copy_list(c, n->u.clause.body);
        m->u.clause.bind = fresh_obj(c, n->u.clause.bind);
        break;
    case N_SWITCH: case N_TYPESWITCH: case N_SELECT:
        m->u.sw.init = copy(c, n->u.sw.init);
        m->u.sw.tag = copy(c, n->u.sw.tag);
        m->u.sw.bind = copy(c, n->u.sw.bind);
        m->u.sw.clauses = copy_list(c, n->u.sw.clauses);
        break;
    case N_FOR:
        m->u.fors.init = copy(c, n->u.fors.init);
        m->u.fors.cond = copy(c, n->u.fors.cond);
        m->u.fors.post = copy(c, n->u.fors.post);
        m->u.fors.body = copy(c, n->u.fors.body);
        break;
    case N_RANGE:
        m->u.range.key = copy(c, n->u.range.key);
        m->u.range.value = copy(c, n->u.range.value);
        m->u.range.x = copy(c, n->u.range.x);
        m->u.range.body = copy(c, n->u.range.body);
        break;
    default:
        break;
    }
    if (c->facts && c->facts->calls && !c->in_literal) {
        PtrVec *calls = &c->facts->call_list;
        if (m->kind == N_CALL && (m->u.call.kind == CALL_FUNC || m->u.call.kind == CALL_METHOD))
            ptrvec_push(&c->cc->arena, calls, m);
        else if ((m->kind == N_GO || m->kind == N_DEFER) && calls->len &&
                 calls->items[calls->len - 1] == unparen(m->u.unary.x))
            calls->len--;
    }
    c->depth--;
    return m;
}

Node *tree_copy(Compiler *cc, Node *n, const FuncInfo *root, TreeObjMap *map, const Pos *site) {
    CopyCtx c = {cc, root, map, 0, site, 0, NULL};
    return copy(&c, n);
}

Node *tree_copy_facts(Compiler *cc, Node *n, const FuncInfo *root, TreeObjMap *map, const Pos *site,
                      TreeCopyFacts *facts) {
    CopyCtx c = {cc, root, map, 0, site, 0, facts};
    return copy(&c, n);
}

// ---------------------------------------------------------------------------
// gc's StaticValue: what a local variable is known to hold when it is
// defined with a value and then never assigned again, nor has its address
// taken (gc's ir.reassigned: `x += 1` and x++ do not count), looked through
// repeatedly.

static bool names_var(Node *n, const Obj *var) {
    n = unparen(n);
    return n && n->kind == N_IDENT && n->u.ident.obj == var;
}

// Whether a selector's last step goes through a pointer (p.f, not s.f).
static bool sel_through_ptr(Node *n) {
    Type *t = n->u.sel.x->type;
    int depth = n->u.sel.depth > 0 ? n->u.sel.depth : 1;
    bool ptr = false;
    for (int i = 0; i < depth; i++) {
        Type *u = t ? type_underlying(t) : NULL;
        ptr = false;
        if (u && u->kind == TY_POINTER) {
            ptr = true;
            u = u->u.ptr.elem ? type_underlying(u->u.ptr.elem) : NULL;
        }
        if (!u || u->kind != TY_STRUCT || !n->u.sel.path || n->u.sel.path[i] >= u->u.strct.nfields)
            break;
        t = u->u.strct.fields[n->u.sel.path[i]].type;
    }
    return ptr;
}

// x, x.f, x[i] of an array: what &... takes the address of (gc's OuterValue).
Node *outer_value(Node *n) {
    for (;;) {
        n = unparen(n);
        if (!n)
            return NULL;
        if (n->kind == N_SELECTOR && n->u.sel.kind == SEL_FIELD && !sel_through_ptr(n)) {
            n = n->u.sel.x;
            continue;
        }
        if (n->kind == N_INDEX && n->u.index.x->type && type_underlying(n->u.index.x->type)->kind == TY_ARRAY) {
            n = n->u.index.x;
            continue;
        }
        return n;
    }
}

typedef struct ReassignScan {
    const Obj *var;
    const Node *defn;
    bool found;
} ReassignScan;

static bool scan_reassign(Node *n, void *ctx) {
    ReassignScan *s = ctx;
    if (s->found)
        return false;
    if (n->kind == N_ASSIGN && (n->u.assign.op == T_ASSIGN || n->u.assign.op == T_DEFINE) && n != s->defn)
        for (int i = 0; i < n->u.assign.lhs.len; i++)
            if (names_var(n->u.assign.lhs.items[i], s->var))
                s->found = true;
    if (n->kind == N_UNARY && n->u.unary.op == T_AND && names_var(outer_value(n->u.unary.x), s->var))
        s->found = true;
    return !s->found;
}

Node *static_definition(const Obj *var) {
    if (!var || var->kind != OBJ_VAR || var->u.var.is_global || var->u.var.is_param || var->u.var.is_result ||
        !var->u.var.fn)
        return NULL;
    Node *d = var->decl;
    Node *rhs = NULL;
    if (!d)
        return NULL;
    if (d->kind == N_ASSIGN && d->u.assign.op == T_DEFINE) {
        NodeList *l = &d->u.assign.lhs, *r = &d->u.assign.rhs;
        if (l->len != r->len)
            return NULL;
        for (int i = 0; i < l->len; i++)
            if (names_var(l->items[i], var))
                rhs = r->items[i];
    } else if (d->kind == N_VALUESPEC) {
        NodeList *l = &d->u.valspec.names, *r = &d->u.valspec.values;
        if (l->len != r->len)
            return NULL;
        for (int i = 0; i < l->len; i++)
            if (l->items[i]->u.ident.obj == var)
                rhs = r->items[i];
    }
    if (!rhs)
        return NULL;
    // The checker marks every variable assigned after its declaration or
    // whose address is taken (a superset of what the scan below finds: it
    // also counts x += 1 and code deadcode removed later). For a function
    // or interface value, whose address can only be taken as &x, neither
    // mark means the scan finds nothing: skipping it keeps a function with
    // many such variables from being scanned once per use.
    Type *u = var->type ? type_underlying(var->type) : NULL;
    if (u && (u->kind == TY_FUNC || u->kind == TY_INTERFACE) && !var->u.var.reassigned && !var->u.var.addr_taken)
        return rhs;
    ReassignScan s = {.var = var, .defn = d};
    tree_visit(func_body(var->u.var.fn), scan_reassign, &s);
    return s.found ? NULL : rhs;
}

Node *static_value(Node *n) {
    for (int guard = 0; guard < 100; guard++) {
        n = unparen(n);
        if (!n || n->kind != N_IDENT)
            return n;
        Node *rhs = static_definition(n->u.ident.obj);
        if (!rhs)
            return n;
        n = rhs;
    }
    return n;
}

// ---------------------------------------------------------------------------
// The call graph bottom up: Tarjan's strongly connected components, as gc's
// VisitFuncsBottomUp finds them. A func literal belongs to the function it
// is written in; references are uses of a function or method by name. Each
// component goes to `batch` callees first, its functions in the order they
// were reached, literals after the function that holds them.

typedef struct SccNode {
    const FuncInfo *fi;
    uint32_t id, low;
    bool on_stack, done;
} SccNode;

typedef struct Scc {
    Compiler *cc;
    FuncInfo **all;
    int nall;
    SccNode *nodes;         // parallel to all
    PtrVec stack;           // FuncInfo* in visit order
    int *hslots;            // see scc_index
    uint32_t hcap;          // a power of two, at least twice nall
} Scc;

// FuncInfo* -> index in all, by open hashing (hslots holds index + 1).
static uint32_t ptr_hash(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15u;
    return (uint32_t)(x >> 32);
}

static int scc_index(Scc *s, const FuncInfo *fi) {
    for (uint32_t h = ptr_hash(fi) & (s->hcap - 1);; h = (h + 1) & (s->hcap - 1)) {
        int k = s->hslots[h];
        if (!k)
            return -1;
        if (s->all[k - 1] == fi)
            return k - 1;
    }
}

static void scc_index_add(Scc *s, int i) {
    uint32_t h = ptr_hash(s->all[i]) & (s->hcap - 1);
    while (s->hslots[h])
        h = (h + 1) & (s->hcap - 1);
    s->hslots[h] = i + 1;
}

static const FuncInfo *outermost(const FuncInfo *fi) {
    while (fi && fi->outer)
        fi = fi->outer;
    return fi;
}

// The successors of the functions on the DFS path, each frame's on top of
// its parent's (a frame is done with them before it is popped): one heap
// buffer for the whole walk instead of a vector in the arena per function.
typedef struct TreeRefs {
    const FuncInfo **items;
    int len, cap;
} TreeRefs;

static void refs_push(TreeRefs *r, const Obj *o) {
    if (r->len == r->cap) {
        int cap = r->cap ? r->cap * 2 : 256;
        const FuncInfo **items = realloc(r->items, sizeof(*items) * (size_t)cap);
        if (!items)
            abort();
        r->items = items;
        r->cap = cap;
    }
    r->items[r->len++] = outermost(o->u.func.fn);
}

static inline void tree_refs_note(TreeRefs *r, const Node *n) {
    Obj *o = NULL;
    if (n->kind == N_IDENT)
        o = n->u.ident.obj;
    else if (n->kind == N_SELECTOR && (n->u.sel.kind == SEL_QUALIFIED || n->u.sel.kind == SEL_METHOD ||
                                       n->u.sel.kind == SEL_METHOD_EXPR))
        o = n->u.sel.obj;
    if (o && o->kind == OBJ_FUNC && o->u.func.fn)
        refs_push(r, o);
}

static bool collect_ref(Node *n, void *ctx) {
    tree_refs_note(ctx, n);
    return true;
}

static void body_refs(FuncInfo *fi, TreeRefs *refs, void *ctx) {
    (void)ctx;
    tree_visit(func_body(fi), collect_ref, refs);
}

// funcs_bottom_up_calls' walk: the references as collect_ref finds them,
// and each function's calls on a stack of the open functions' (a literal's
// are taken off when it closes), reported as each function ends.
typedef struct CallScan {
    TreeRefs *refs;
    Node **calls;
    int ncalls, cap;
    TreeCallsFn report;
    void *ctx;
} CallScan;

static void scan_calls(CallScan *s, Node *n, int depth);

// As child(): a leaf needs no call.
static inline void scan_child(CallScan *s, Node *n, int depth) {
    if (!n || depth > TREE_MAX_DEPTH)
        return;
    if (is_leaf(n))
        tree_refs_note(s->refs, n);
    else
        scan_calls(s, n, depth);
}

static void scan_calls(CallScan *s, Node *n, int depth) {
    tree_refs_note(s->refs, n);
    depth++;
    if (n->kind == N_FUNCLIT) {
        int begin = s->ncalls;
        scan_child(s, n->u.funclit.body, depth);
        if (n->u.funclit.fn)
            s->report(n->u.funclit.fn, s->calls ? s->calls + begin : NULL, s->ncalls - begin, s->ctx);  // no calls yet: no array
        s->ncalls = begin;
        return;
    }
#define visit(x) scan_child(s, (x), depth)
#define visit_list(l) \
    for (int i_ = 0; i_ < (l)->len; i_++) \
        scan_child(s, (l)->items[i_], depth)
    TREE_CHILDREN(n, visit, visit_list)
#undef visit
#undef visit_list
    if (n->kind == N_CALL && (n->u.call.kind == CALL_FUNC || n->u.call.kind == CALL_METHOD)) {
        if (s->ncalls == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 256;
            Node **calls = realloc(s->calls, sizeof(Node *) * (size_t)s->cap);
            if (!calls)
                abort();
            s->calls = calls;
        }
        s->calls[s->ncalls++] = n;
    } else if ((n->kind == N_GO || n->kind == N_DEFER) && s->ncalls &&
               s->calls[s->ncalls - 1] == unparen(n->u.unary.x)) {
        s->ncalls--;    // the statement's own call, the last one to end in it
    }
}

static void body_calls(FuncInfo *fi, TreeRefs *refs, void *ctx) {
    CallScan *s = ctx;
    s->refs = refs;
    s->ncalls = 0;
    scan_child(s, func_body(fi), 0);
    s->report(fi, s->calls, s->ncalls, s->ctx);
}

typedef void (*TreeBodyFn)(FuncInfo *fi, TreeRefs *refs, void *ctx);

typedef struct SccFrame {
    int node;
    int begin, next;    // its successors: refs.items[begin ..] until the next frame's
} SccFrame;

typedef struct SccRun {
    Scc *s;
    TreeRefs refs;
    SccFrame *frames;
    int cap, sp;
    uint32_t counter;
    TreeBodyFn body;
    void *body_ctx;
    TreeSccFn batch;
    void *ctx;
} SccRun;

static void scc_push(SccRun *r, int i) {
    Scc *s = r->s;
    s->nodes[i].id = s->nodes[i].low = ++r->counter;
    s->nodes[i].on_stack = true;
    ptrvec_push(&s->cc->arena, &s->stack, s->all[i]);
    if (r->sp == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        SccFrame *nf = realloc(r->frames, sizeof(SccFrame) * (size_t)r->cap);
        if (!nf)
            abort();
        r->frames = nf;
    }
    SccFrame *fr = &r->frames[r->sp++];
    fr->node = i;
    fr->begin = fr->next = r->refs.len;
    r->body(s->all[i], &r->refs, r->body_ctx);
}

static void scc_from(SccRun *r, int root) {
    Scc *s = r->s;
    scc_push(r, root);
    while (r->sp > 0) {
        SccFrame *fr = &r->frames[r->sp - 1];
        if (fr->next < r->refs.len) {
            int w = scc_index(s, r->refs.items[fr->next++]);
            if (w < 0)
                continue;
            SccNode *wn = &s->nodes[w];
            if (!wn->id) {
                scc_push(r, w);
            } else if (wn->on_stack) {
                SccNode *v = &s->nodes[fr->node];
                if (wn->id < v->low)
                    v->low = wn->id;
                if (w == fr->node)
                    v->done = true;     // refers to itself: recursive alone
            }
            continue;
        }
        int vi = fr->node;
        SccNode *v = &s->nodes[vi];
        r->refs.len = fr->begin;
        r->sp--;
        if (r->sp > 0 && v->low < s->nodes[r->frames[r->sp - 1].node].low)
            s->nodes[r->frames[r->sp - 1].node].low = v->low;
        if (v->low == v->id) {
            int start = s->stack.len;
            while (start > 0 && s->stack.items[start - 1] != s->all[vi])
                start--;
            start--;
            int n = s->stack.len - start;
            // The batch may keep the component only while it runs.
            FuncInfo **comp = (FuncInfo **)s->stack.items + start;
            for (int i = 0; i < n; i++)
                s->nodes[scc_index(s, comp[i])].on_stack = false;
            r->batch(comp, n, n > 1 || v->done, r->ctx);
            s->stack.len = start;
        }
    }
}

static void bottom_up(Compiler *cc, FuncInfo **fns, int n, TreeBodyFn body, void *body_ctx, TreeSccFn batch,
                      void *ctx) {
    // Only top-level functions are nodes; each batch then lists the literals
    // each holds after it, in source order (gc's stack order).
    Scc s = {.cc = cc};
    s.all = ARENA_ARRAY(&cc->arena, FuncInfo *, n > 0 ? n : 1);
    for (int i = 0; i < n; i++)
        if (!fns[i]->outer)
            s.all[s.nall++] = fns[i];
    s.nodes = ARENA_ARRAY(&cc->arena, SccNode, s.nall > 0 ? s.nall : 1);
    s.hcap = 16;
    while (s.hcap < 2u * (uint32_t)s.nall)
        s.hcap *= 2;
    s.hslots = ARENA_ARRAY(&cc->arena, int, s.hcap);
    for (int i = 0; i < s.nall; i++)
        scc_index_add(&s, i);
    SccRun r = {.s = &s, .body = body, .body_ctx = body_ctx, .batch = batch, .ctx = ctx};
    for (int i = 0; i < s.nall; i++)
        if (!s.nodes[i].id)
            scc_from(&r, i);
    free(r.refs.items);
    free(r.frames);
}

void funcs_bottom_up(Compiler *cc, FuncInfo **fns, int n, TreeSccFn batch, void *ctx) {
    bottom_up(cc, fns, n, body_refs, NULL, batch, ctx);
}

void funcs_bottom_up_calls(Compiler *cc, FuncInfo **fns, int n, TreeCallsFn calls, TreeSccFn batch, void *ctx) {
    CallScan scan = {.report = calls, .ctx = ctx};
    bottom_up(cc, fns, n, body_calls, &scan, batch, ctx);
    free(scan.calls);
}

// ---------------------------------------------------------------------------
// gc's RewriteNonNameCall test (callOrChan anywhere but inside literals)

bool tree_calls_or_chans(const Node *n) {
    n = unparen(n);
    if (!n || node_val(n)->kind != CONST_NONE)
        return false;
    switch (n->kind) {
    case N_CALL:
        if (n->u.call.kind == CALL_CONVERSION)
            return n->u.call.args.len == 1 && tree_calls_or_chans(n->u.call.args.items[0]);
        if (n->u.call.kind == CALL_BUILTIN && n->u.call.builtin == BI_NEW)
            return false;
        return true;
    case N_UNARY:
        return n->u.unary.op == T_ARROW || tree_calls_or_chans(n->u.unary.x);
    case N_STAR: return tree_calls_or_chans(n->u.unary.x);
    case N_SELECTOR: return n->u.sel.kind != SEL_QUALIFIED && tree_calls_or_chans(n->u.sel.x);
    case N_INDEX: return tree_calls_or_chans(n->u.index.x) || tree_calls_or_chans(n->u.index.index);
    case N_SLICE:
        return tree_calls_or_chans(n->u.slice.x) || tree_calls_or_chans(n->u.slice.lo) ||
               tree_calls_or_chans(n->u.slice.hi) || tree_calls_or_chans(n->u.slice.max);
    case N_TYPEASSERT: return tree_calls_or_chans(n->u.assert.x);
    case N_BINARY: return tree_calls_or_chans(n->u.binary.x) || tree_calls_or_chans(n->u.binary.y);
    case N_COMPOSITE:
        for (int i = 0; i < n->u.complit.elts.len; i++) {
            const Node *e = n->u.complit.elts.items[i];
            if (e->kind == N_KEYVALUE ? tree_calls_or_chans(e->u.kv.key) || tree_calls_or_chans(e->u.kv.value)
                                      : tree_calls_or_chans(e))
                return true;
        }
        return false;
    default:
        return false;
    }
}

// inline_cost.c - gc 1.19's inlining cost model, over minigc's typed AST.
//
// gc charges one unit per node of its typed IR (the "hairy visitor" of
// inline/inl.go), with a few exceptions, against a budget of 80. The IR is
// what gc's front end makes of the source, not the source itself, so this
// walk counts, for each construct of the typed AST, the IR nodes gc makes of
// it. The correspondence, as measured on gc 1.19 (-m=2 prints the cost):
//
//   x, 1, nil, pkg.V, a constant expression      1 (a name or literal)
//   x op y, -x, <-c, &x, *p, x[i], x.(T)         1 + operands
//   a + b + c on strings                         1 + operands (one OADDSTR)
//   x.f through embedded fields e.T.f            1 per field step + x
//   s[i:j:k]; a[:] of an array                   1 + operands; +1 for the &a
//   conversions that keep the representation     0 + operand (OCONVNOP);
//     (identical underlying types, pointer and   other conversions 1
//     unsafe.Pointer, integers of one size)
//   a value stored into an interface             +1 (implicit OCONVIFACE)
//   f(a, b)                                      1 + f + args + the callee's
//                                                cost if it is inlinable,
//                                                else 57 (1 under -l=4)
//   t.M(a)                                       a call of T.M (1 for the
//                                                type) with t as first arg,
//                                                +1 for an implicit & or *
//   i.M(a)                                       1 + 57 + 1 (ODOTINTER) + i + args
//   intrinsics, encoding/binary's cheap methods  1 + operands, no call cost
//   runtime.throw                                1 + 80 + operands
//   T.M (method expression)                      1 (the type); method value x.M 2 + x
//   len, cap, copy, append, delete, print, ...   1 + args; new(T) 2;
//                                                make(map/chan) 2 (+ size)
//   panic(x)                                     1 + 1 + x (+1 if x is boxed, -1 then)
//   T{...}                                       1 + 1 per field key + values;
//                                                []T{...} one more; keyed array
//                                                and map elements 1 per key
//   &T{...}                                      1 + the literal
//   func literal                                 1 + 15 + its body
//   x := e, var x T = e                          2 per new variable (ODCL) +
//                                                1 + lhs + rhs; var x T alone
//                                                2 + 2 (x = nil)
//   x = e, a, b = c, d, x += e, x++              1 + lhs + rhs (x++: x += 1)
//   if, for, switch, case, select, label,        1 + parts; range: +2 per new
//     break, continue, goto, return, send        variable; a receive case's v := <-c
//                                                has a blank second target
//   if with a constant condition                 only the branch taken
//   { ... }, const declarations, fallthrough     0
//
// The walk is pre-order as gc's, because what it meets first decides the
// reason a function cannot be inlined, and because deciding a func literal
// a call reaches (gc's inlCallee) prints its "can inline" line on the spot.
#include "passes/inline.h"

#include <string.h>

typedef struct Walk {
    Inliner *in;
    InlFn *f;
    int budget;
    int nodes;
    bool count_only;        // inl_is_big: count nodes, decide nothing
    const char *reason;
    bool stop;
    int depth;
    Type *sig;              // of the function whose statements are walked
} Walk;

static void ex(Walk *w, Node *n);
static void st(Walk *w, Node *n);

static Type *under(Type *t) { return t ? type_underlying(t) : NULL; }
static TypeKind ukind(Type *t) {
    Type *u = under(t);
    return u ? u->kind : TY_INVALID;
}

static void fail(Walk *w, const char *reason) {
    if (w->count_only)
        return;
    if (!w->reason)
        w->reason = reason;
    w->stop = true;
}

// One IR node. gc gives up early once over budget, unless -m=2 asks for the
// whole cost.
static void node(Walk *w) {
    w->budget--;
    w->nodes++;
    if (w->budget < 0 && !w->count_only && w->in->m < 2 && !w->stop) {
        w->reason = "too expensive";
        w->stop = true;
    }
}

static void extra(Walk *w, int units) {
    if (!w->count_only)
        w->budget -= units;
}

static bool is_const(Node *n) { return node_val(n)->kind != CONST_NONE && !(n->flags & NF_TYPE); }

// n without parentheses.
static inline bool is_nil_unparen(const Node *n) {
    if (n->kind == N_IDENT && n->u.ident.obj && n->u.ident.obj->kind == OBJ_NIL)
        return true;
    return n->type && n->type->kind == TY_UNTYPED_NIL;
}

static bool is_nil(Node *n) { return is_nil_unparen(unparen(n)); }

// Whether storing src into a destination of type dst boxes it (gc's
// implicit OCONVIFACE): a non-interface into an interface, or an interface
// into another interface type.
static bool boxes(Type *dst, Node *src) {
    if (!dst || !src || !type_is_interface(dst) || is_nil(src))
        return false;
    Type *t = unparen(src)->type;
    if (!t || t->kind == TY_TUPLE)
        return false;
    if (!type_is_interface(t))
        return true;
    return !type_identical(t, dst);
}

static void value_to(Walk *w, Type *dst, Node *src) {
    if (w->stop || !src)
        return;
    if (boxes(dst, src))
        node(w);
    ex(w, src);
}

static void exprs(Walk *w, NodeList *l) {
    for (int i = 0; i < l->len && !w->stop; i++)
        ex(w, l->items[i]);
}

// The type reached after `steps` field steps of a selector's path.
static Type *path_type(Node *sel, int steps) {
    Type *t = sel->u.sel.x->type;
    for (int i = 0; i < steps && t; i++) {
        Type *u = under(t);
        if (u && u->kind == TY_POINTER)
            u = under(u->u.ptr.elem);
        if (!u || u->kind != TY_STRUCT || !sel->u.sel.path || sel->u.sel.path[i] >= u->u.strct.nfields)
            return NULL;
        t = u->u.strct.fields[sel->u.sel.path[i]].type;
    }
    return t;
}

// The receiver gc passes for x.m: x through the embedded fields, then an
// implicit & or * to meet the method's receiver type. A call as receiver
// goes to a temporary first.
static void receiver(Walk *w, Node *sel) {
    if (tree_calls_or_chans(sel->u.sel.x)) {
        node(w);    // the assignment, its target, the temporary as receiver
        node(w);
        node(w);
    }
    int steps = sel->u.sel.depth > 0 ? sel->u.sel.depth - 1 : 0;
    Obj *m = sel->u.sel.obj;
    Type *have = path_type(sel, steps);
    if (m && m->kind == OBJ_FUNC && m->u.func.recv && have) {
        bool want_ptr = ukind(m->u.func.recv) == TY_POINTER && m->u.func.recv->kind != TY_NAMED;
        bool have_ptr = ukind(have) == TY_POINTER && have->kind != TY_NAMED;
        if (want_ptr != have_ptr)
            node(w);        // &x or *x
    }
    for (int i = 0; i < steps; i++)
        node(w);
    ex(w, sel->u.sel.x);
}

// gc's convertop: which conversions are OCONVNOP (no code).
static int int_size_class(Type *t) {
    switch (ukind(t)) {
    case TY_INT: case TY_INT64: return 1;
    case TY_UINT: case TY_UINT64: case TY_UINTPTR: return 2;
    case TY_INT32: return 3;
    case TY_UINT32: return 4;
    case TY_INT16: return 5;
    case TY_UINT16: return 6;
    case TY_INT8: return 7;
    case TY_UINT8: return 8;
    case TY_FLOAT32: return 9;
    case TY_FLOAT64: return 10;
    case TY_COMPLEX64: return 11;
    case TY_COMPLEX128: return 12;
    default: return 0;
    }
}

static bool conversion_is_nop(Type *dst, Type *src) {
    if (!dst || !src)
        return false;
    if (type_is_interface(dst))
        return type_is_interface(src) && type_identical(src, dst);
    if (type_identical_ignore_tags(under(dst), under(src)))
        return true;
    TypeKind d = ukind(dst), s = ukind(src);
    if (d == TY_POINTER && s == TY_POINTER && dst->kind != TY_NAMED && src->kind != TY_NAMED &&
        type_identical_ignore_tags(under(under(dst)->u.ptr.elem), under(under(src)->u.ptr.elem)))
        return true;
    int dc = int_size_class(dst), sc = int_size_class(src);
    if (dc && sc && dc == sc)
        return true;
    if (d == TY_UNSAFE_POINTER && (s == TY_POINTER || s == TY_UINTPTR))
        return true;
    if (s == TY_UNSAFE_POINTER && (d == TY_POINTER || d == TY_UINTPTR))
        return true;
    if (s == TY_CHAN && d == TY_CHAN)
        return true;
    return false;
}

static void conversion(Walk *w, Node *n) {
    Node *x = n->u.call.args.len ? n->u.call.args.items[0] : NULL;
    if (!x)
        return;
    if (!conversion_is_nop(n->type, unparen(x)->type))
        node(w);
    else {
        w->nodes++;     // an OCONVNOP is a node, free of charge
    }
    ex(w, x);
}

static void builtin(Walk *w, Node *n) {
    NodeList *args = &n->u.call.args;
    switch (n->u.call.builtin) {
    case BI_RECOVER:
        fail(w, "call to recover");
        return;
    case BI_PANIC: {
        Node *x = args->len ? args->items[0] : NULL;
        bool boxed = x && boxes(w->in->cc->any_type, x);
        if (boxed)
            w->budget++;
        extra(w, INL_EXTRA_PANIC_COST);
        node(w);
        if (x)
            value_to(w, w->in->cc->any_type, x);
        return;
    }
    case BI_NEW:
        node(w);
        node(w);    // the type operand
        return;
    case BI_MAKE: {
        node(w);
        TypeKind k = args->len ? ukind(args->items[0]->type) : TY_INVALID;
        if ((k == TY_MAP || k == TY_CHAN) && args->len < 2)
            node(w);    // gc supplies the size 0
        for (int i = 1; i < args->len && !w->stop; i++)
            ex(w, args->items[i]);
        return;
    }
    case BI_APPEND: {
        node(w);
        Type *elem = args->len && ukind(args->items[0]->type) == TY_SLICE ? under(args->items[0]->type)->u.slice.elem : NULL;
        for (int i = 0; i < args->len && !w->stop; i++) {
            if (i > 0 && !n->u.call.has_dots)
                value_to(w, elem, args->items[i]);
            else
                ex(w, args->items[i]);
        }
        return;
    }
    case BI_PRINT: case BI_PRINTLN:
        node(w);
        exprs(w, args);
        return;
    default:
        node(w);
        exprs(w, args);
        return;
    }
}

static bool in_pkg(FuncInfo *fi, const char *path) {
    return fi && fi->pkg && fi->pkg->path && strcmp(fi->pkg->path, path) == 0;
}

// encoding/binary's byte-order methods, which gc counts as cheap calls on
// machines that merge loads (amd64).
static bool cheap_method(FuncInfo *fi) {
    static const char *const names[] = {
        "littleEndian.Uint64", "littleEndian.Uint32", "littleEndian.Uint16",
        "bigEndian.Uint64", "bigEndian.Uint32", "bigEndian.Uint16",
        "littleEndian.PutUint64", "littleEndian.PutUint32", "littleEndian.PutUint16",
        "bigEndian.PutUint64", "bigEndian.PutUint32", "bigEndian.PutUint16",
    };
    if (!in_pkg(fi, "encoding/binary") || !fi->gc_name)
        return false;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(fi->gc_name, names[i]) == 0)
            return true;
    return false;
}

static FuncInfo *named_callee(Node *fun) {
    Node *f = unparen(fun);
    Obj *o = NULL;
    if (f->kind == N_IDENT)
        o = f->u.ident.obj;
    else if (f->kind == N_SELECTOR && f->u.sel.kind == SEL_QUALIFIED)
        o = f->u.sel.obj;
    return o && o->kind == OBJ_FUNC ? o->u.func.fn : NULL;
}

// What gc's stenciling adds to a call (frontend/generic.c): a method
// stenciled for a GC shape takes a dictionary, &.dict.G[A].M from ordinary
// code (OADDR, ONAME) and an entry of the caller's own dictionary from
// stenciled code (four nodes); a method of a type parameter is called as a
// dictionary entry, three nodes more than the interface call minigc makes
// of it (the receiver converted to the constraint).
static int dictionary_nodes(Walk *w, Node *n, Node *fun, bool method, bool iface) {
    bool caller_shape = w->f && w->f->fi && w->f->fi->shape;
    if (method && fun->u.sel.obj && fun->u.sel.obj->kind == OBJ_FUNC && fun->u.sel.obj->u.func.fn &&
        fun->u.sel.obj->u.func.fn->shape)
        return caller_shape ? 4 : 2;
    if (iface && fun->kind == N_SELECTOR && fun->u.sel.x) {
        Node *x = fun->u.sel.x;
        if (x->kind == N_CALL && x->u.call.kind == CALL_CONVERSION && (x->flags & NF_IMPLICIT) &&
            x->u.call.args.len == 1 && type_has_shape(x->u.call.args.items[0]->type))
            return 3;
    }
    (void)n;
    return 0;
}

static void call(Walk *w, Node *n) {
    Node *fun = unparen(n->u.call.fun);
    switch (n->u.call.kind) {
    case CALL_CONVERSION:
        if (is_const(n)) {
            node(w);
            return;
        }
        conversion(w, n);
        return;
    case CALL_BUILTIN:
        if (is_const(n)) {
            node(w);
            return;
        }
        builtin(w, n);
        return;
    default:
        break;
    }
    Type *sig = under(fun->type);
    bool method = n->u.call.kind == CALL_METHOD && fun->kind == N_SELECTOR;
    bool iface = n->u.call.kind == CALL_INTERFACE;
    if (!w->count_only) {
        if (iface) {
            extra(w, w->in->extra_call_cost);
        } else {
            FuncInfo *named = named_callee(fun);
            bool done = false;
            if (named && in_pkg(named, "runtime") && named->obj) {
                const char *nm = named->obj->name->s;
                if (strcmp(nm, "getcallerpc") == 0 || strcmp(nm, "getcallersp") == 0) {
                    fail(w, strcmp(nm, "getcallerpc") == 0 ? "call to getcallerpc" : "call to getcallersp");
                    return;
                }
                if (strcmp(nm, "throw") == 0) {
                    extra(w, INL_EXTRA_THROW_COST);
                    done = true;
                }
            }
            if (!done && method && fun->u.sel.obj && fun->u.sel.obj->kind == OBJ_FUNC &&
                cheap_method(fun->u.sel.obj->u.func.fn))
                done = true;
            if (!done && inl_is_intrinsic(w->in, n))
                done = true;
            if (!done) {
                InlFn *callee = inl_callee(w->in, n);
                if (callee && callee->can)
                    extra(w, callee->cost);
                else
                    extra(w, w->in->extra_call_cost);
            }
        }
    }
    node(w);
    if (w->stop)
        return;
    for (int k = dictionary_nodes(w, n, fun, method, iface); k > 0 && !w->stop; k--)
        node(w);
    int first = 0;
    // gc's RewriteNonNameCall: a callee or interface receiver that calls
    // something goes to a temporary first (as receiver() for methods).
    if ((iface && fun->kind == N_SELECTOR && tree_calls_or_chans(fun->u.sel.x)) ||
        (!iface && !method && tree_calls_or_chans(fun))) {
        node(w);    // the assignment, its target, the temporary as callee
        node(w);
        node(w);
    }
    if (iface) {
        node(w);    // ODOTINTER
        if (fun->kind == N_SELECTOR) {
            int steps = fun->u.sel.depth > 0 ? fun->u.sel.depth - 1 : 0;
            for (int i = 0; i < steps; i++)
                node(w);
            ex(w, fun->u.sel.x);
        } else {
            ex(w, fun);
        }
    } else if (method) {
        node(w);    // the receiver type of the method expression
        receiver(w, fun);
    } else {
        ex(w, fun);
    }
    NodeList *args = &n->u.call.args;
    if (args->len == 1 && unparen(args->items[0])->type && unparen(args->items[0])->type->kind == TY_TUPLE) {
        // f(g()): gc assigns g's results to temporaries first (ODCL, name,
        // assignment target and argument for each, one OAS2FUNC).
        int k = unparen(args->items[0])->type->u.tuple.n;
        for (int i = 0; i < 4 * k + 1; i++)
            node(w);
        ex(w, args->items[0]);
        return;
    }
    int nparams = sig && sig->kind == TY_FUNC ? sig->u.func.nparams : 0;
    for (int i = first; i < args->len && !w->stop; i++) {
        Type *pt = NULL;
        if (sig && sig->kind == TY_FUNC && nparams > 0) {
            if (sig->u.func.variadic && i >= nparams - 1) {
                Type *last = sig->u.func.params[nparams - 1];
                pt = n->u.call.has_dots ? last : (ukind(last) == TY_SLICE ? under(last)->u.slice.elem : NULL);
            } else if (i < nparams) {
                pt = sig->u.func.params[i];
            }
        }
        value_to(w, pt, args->items[i]);
    }
}

static Type *elem_type(Type *t) {
    Type *u = under(t);
    if (!u)
        return NULL;
    switch (u->kind) {
    case TY_ARRAY: return u->u.array.elem;
    case TY_SLICE: return u->u.slice.elem;
    case TY_MAP: return u->u.map.value;
    case TY_POINTER: return elem_type(u->u.ptr.elem);
    default: return NULL;
    }
}

static void composite(Walk *w, Node *n) {
    Type *t = n->type;
    Type *u = under(t);
    if (u && u->kind == TY_POINTER) {   // &T{...} elided inside a literal
        node(w);
        t = u->u.ptr.elem;
        u = under(t);
    }
    node(w);
    if (!u)
        return;
    NodeList *elts = &n->u.complit.elts;
    switch (u->kind) {
    case TY_STRUCT:
        for (int i = 0; i < elts->len && !w->stop; i++) {
            Node *e = elts->items[i];
            node(w);    // OSTRUCTKEY
            Node *v = e->kind == N_KEYVALUE ? e->u.kv.value : e;
            int fi = i;
            if (e->kind == N_KEYVALUE) {
                fi = -1;
                Node *k = unparen(e->u.kv.key);
                for (int j = 0; k && k->kind == N_IDENT && j < u->u.strct.nfields; j++)
                    if (u->u.strct.fields[j].name == k->u.ident.name)
                        fi = j;
            }
            value_to(w, fi >= 0 && fi < u->u.strct.nfields ? u->u.strct.fields[fi].type : NULL, v);
        }
        return;
    case TY_SLICE: case TY_ARRAY: case TY_MAP: {
        if (u->kind == TY_SLICE)
            w->budget--;    // gc's extra unit for a slice literal
        Type *et = elem_type(t);
        Type *kt = u->kind == TY_MAP ? u->u.map.key : NULL;
        for (int i = 0; i < elts->len && !w->stop; i++) {
            Node *e = elts->items[i];
            if (e->kind == N_KEYVALUE) {
                node(w);    // OKEY
                value_to(w, kt, e->u.kv.key);
                value_to(w, et, e->u.kv.value);
            } else {
                value_to(w, et, e);
            }
        }
        return;
    }
    default:
        return;
    }
}

static void func_lit(Walk *w, Node *n) {
    if (w->count_only) {
        node(w);
        return;
    }
    if (!w->in->closures) {
        fail(w, "not inlining functions with closures");
        return;
    }
    extra(w, INL_CLOSURE_COST);
    Node *body = n->u.funclit.body;
    Type *outer = w->sig;
    w->sig = n->u.funclit.fn ? n->u.funclit.fn->sig : NULL;
    if (body)
        for (int i = 0; i < body->u.block.stmts.len && !w->stop; i++)
            st(w, body->u.block.stmts.items[i]);
    w->sig = outer;
    if (w->stop)
        return;
    node(w);
}

// Whether the pointer operand of *p is &x, through conversions that keep
// the representation: gc refunds half of the pair.
static bool deref_of_addr(Node *p) {
    for (;;) {
        p = unparen(p);
        if (p->kind == N_CALL && p->u.call.kind == CALL_CONVERSION && p->u.call.args.len == 1 &&
            conversion_is_nop(p->type, unparen(p->u.call.args.items[0])->type)) {
            p = p->u.call.args.items[0];
            continue;
        }
        return p->kind == N_UNARY && p->u.unary.op == T_AND;
    }
}

static bool is_concat(Node *n) {
    return n->kind == N_BINARY && n->u.binary.op == T_ADD && type_is_string(n->type) && !is_const(n);
}

static void concat_operands(Walk *w, Node *n) {
    n = unparen(n);
    if (is_concat(n)) {
        concat_operands(w, n->u.binary.x);
        concat_operands(w, n->u.binary.y);
        return;
    }
    ex(w, n);
}

static void ex(Walk *w, Node *n) {
    if (!n || w->stop)
        return;
    n = unparen(n);
    if (w->depth > 10000)
        return;
    w->depth++;
    if (is_const(n) || is_nil_unparen(n)) {
        node(w);
        w->depth--;
        return;
    }
    switch (n->kind) {
    case N_IDENT:
        node(w);
        break;
    case N_BASICLIT:
        node(w);
        break;
    case N_FUNCLIT:
        func_lit(w, n);
        break;
    case N_SELECTOR:
        switch (n->u.sel.kind) {
        case SEL_QUALIFIED:
            node(w);
            break;
        case SEL_FIELD: {
            int steps = n->u.sel.depth > 0 ? n->u.sel.depth : 1;
            for (int i = 0; i < steps; i++)
                node(w);
            ex(w, n->u.sel.x);
            break;
        }
        case SEL_METHOD_EXPR:
            node(w);    // OMETHEXPR costs nothing; its type operand one
            break;
        case SEL_METHOD:
            w->budget--;
            node(w);
            receiver(w, n);
            break;
        case SEL_INTERFACE_METHOD: {
            w->budget--;
            node(w);
            int steps = n->u.sel.depth > 0 ? n->u.sel.depth - 1 : 0;
            for (int i = 0; i < steps; i++)
                node(w);
            ex(w, n->u.sel.x);
            break;
        }
        default:
            node(w);
            break;
        }
        break;
    case N_INDEX: {
        node(w);
        Type *xt = n->u.index.x->type;
        if (ukind(xt) == TY_POINTER)
            node(w);    // implicit * of a pointer to array
        ex(w, n->u.index.x);
        Type *kt = ukind(xt) == TY_MAP ? under(xt)->u.map.key : NULL;
        value_to(w, kt, n->u.index.index);
        break;
    }
    case N_SLICE:
        node(w);
        if (ukind(n->u.slice.x->type) == TY_ARRAY)
            node(w);    // implicit &a
        ex(w, n->u.slice.x);
        ex(w, n->u.slice.lo);
        ex(w, n->u.slice.hi);
        ex(w, n->u.slice.max);
        break;
    case N_TYPEASSERT:
        node(w);
        ex(w, n->u.assert.x);
        break;
    case N_CALL:
        call(w, n);
        break;
    case N_STAR:
        node(w);
        if (!w->count_only && deref_of_addr(n->u.unary.x))
            w->budget++;
        ex(w, n->u.unary.x);
        break;
    case N_UNARY:
        if (n->u.unary.op == T_AND && unparen(n->u.unary.x)->kind == N_COMPOSITE) {
            node(w);    // OPTRLIT
            composite(w, unparen(n->u.unary.x));
            break;
        }
        node(w);
        ex(w, n->u.unary.x);
        break;
    case N_BINARY: {
        if (is_concat(n)) {
            node(w);
            concat_operands(w, n->u.binary.x);
            concat_operands(w, n->u.binary.y);
            break;
        }
        node(w);
        Node *x = n->u.binary.x, *y = n->u.binary.y;
        TokKind op = n->u.binary.op;
        bool cmp = op == T_EQL || op == T_NEQ;
        // Comparing an interface with a concrete value boxes the latter.
        value_to(w, cmp && !is_const(x) ? unparen(y)->type : NULL, x);
        value_to(w, cmp && !is_const(y) ? unparen(x)->type : NULL, y);
        break;
    }
    case N_COMPOSITE:
        composite(w, n);
        break;
    case N_KEYVALUE:
        ex(w, n->u.kv.key);
        ex(w, n->u.kv.value);
        break;
    default:
        node(w);
        break;
    }
    w->depth--;
}

// ---------------------------------------------------------------------------
// Statements

static void stmts(Walk *w, NodeList *l) {
    for (int i = 0; i < l->len && !w->stop; i++)
        st(w, l->items[i]);
}

static bool is_blank(Node *n) {
    n = unparen(n);
    return n && n->kind == N_IDENT && name_is(n->u.ident.name, "_");
}

// The variables a := declares: those whose object it introduces.
static int declared_by(Node *as) {
    int k = 0;
    for (int i = 0; i < as->u.assign.lhs.len; i++) {
        Node *x = unparen(as->u.assign.lhs.items[i]);
        if (x && x->kind == N_IDENT && !is_blank(x) && x->u.ident.obj && x->u.ident.obj->decl == as)
            k++;
    }
    return k;
}

static void assign(Walk *w, Node *n) {
    NodeList *lhs = &n->u.assign.lhs, *rhs = &n->u.assign.rhs;
    if (n->u.assign.op == T_DEFINE)
        for (int i = declared_by(n); i > 0; i--) {
            node(w);
            node(w);
        }
    node(w);
    if (w->stop)
        return;
    if (n->u.assign.op != T_DEFINE && n->u.assign.op != T_ASSIGN) {
        ex(w, lhs->items[0]);
        ex(w, rhs->items[0]);
        return;
    }
    exprs(w, lhs);
    if (lhs->len == rhs->len) {
        for (int i = 0; i < rhs->len && !w->stop; i++)
            value_to(w, unparen(lhs->items[i])->type, rhs->items[i]);
    } else {
        exprs(w, rhs);
    }
}

static void var_spec(Walk *w, Node *spec) {
    NodeList *names = &spec->u.valspec.names, *values = &spec->u.valspec.values;
    for (int i = 0; i < names->len; i++) {
        node(w);
        node(w);
    }
    if (values->len == 0) {
        for (int i = 0; i < names->len && !w->stop; i++) {
            node(w);
            ex(w, names->items[i]);
        }
        return;
    }
    if (values->len == names->len) {
        for (int i = 0; i < names->len && !w->stop; i++) {
            node(w);
            ex(w, names->items[i]);
            value_to(w, names->items[i]->type, values->items[i]);
        }
        return;
    }
    node(w);
    exprs(w, names);
    exprs(w, values);
}

static void decl(Walk *w, Node *d) {
    if (!d || d->kind != N_GENDECL)
        return;
    switch (d->u.gendecl.tok) {
    case T_VAR:
        for (int i = 0; i < d->u.gendecl.specs.len && !w->stop; i++)
            var_spec(w, d->u.gendecl.specs.items[i]);
        return;
    case T_TYPE:
        fail(w, "unhandled op DCLTYPE");
        return;
    default:
        return;     // constants: no code
    }
}

static Type *result_type(Walk *w, int i) {
    Type *sig = w->sig;
    if (sig && sig->kind == TY_FUNC && i < sig->u.func.nresults)
        return sig->u.func.results[i];
    return NULL;
}

static void if_stmt(Walk *w, Node *n) {
    Node *cond = n->u.ifs.cond;
    if (cond && is_const(cond) && node_val(cond)->kind == CONST_BOOL) {
        st(w, n->u.ifs.init);
        if (node_val(cond)->u.b)
            st(w, n->u.ifs.then);
        else
            st(w, n->u.ifs.els);
        return;
    }
    node(w);
    st(w, n->u.ifs.init);
    ex(w, cond);
    st(w, n->u.ifs.then);
    st(w, n->u.ifs.els);
}

static void switch_stmt(Walk *w, Node *n) {
    node(w);
    st(w, n->u.sw.init);
    Node *tag = n->u.sw.tag;
    bool typesw = n->kind == N_TYPESWITCH;
    if (typesw) {
        node(w);    // OTYPESW
        if (n->u.sw.bind)
            node(w);
        ex(w, tag);
    } else {
        ex(w, tag);
    }
    Type *tt = tag && !typesw ? unparen(tag)->type : NULL;
    for (int i = 0; i < n->u.sw.clauses.len && !w->stop; i++) {
        Node *c = n->u.sw.clauses.items[i];
        node(w);
        if (typesw && c->u.clause.bind)
            node(w);
        NodeList *l = &c->u.clause.list;
        for (int j = 0; j < l->len && !w->stop; j++) {
            if (typesw)
                node(w);    // a type, or nil
            else if (tt && boxes(tt, l->items[j]))
                value_to(w, tt, l->items[j]);
            else
                ex(w, l->items[j]);
        }
        stmts(w, &c->u.clause.body);
    }
}

static void select_stmt(Walk *w, Node *n) {
    node(w);
    for (int i = 0; i < n->u.sw.clauses.len && !w->stop; i++) {
        Node *c = n->u.sw.clauses.items[i];
        node(w);
        Node *comm = c->u.clause.comm;
        if (comm && comm->kind == N_ASSIGN && comm->u.assign.lhs.len == 1)
            node(w);    // gc's receive case always has two targets
        if (comm && comm->kind == N_EXPRSTMT) {
            node(w);    // ... in an assignment, both blank
            node(w);
            node(w);
        }
        st(w, comm);
        stmts(w, &c->u.clause.body);
    }
}

static void range_stmt(Walk *w, Node *n) {
    if (n->u.range.define) {
        Node *vars[2] = {n->u.range.key, n->u.range.value};
        for (int i = 0; i < 2; i++)
            if (vars[i] && !is_blank(vars[i])) {
                node(w);
                node(w);
            }
    }
    node(w);
    ex(w, n->u.range.x);
    ex(w, n->u.range.key);
    ex(w, n->u.range.value);
    st(w, n->u.range.body);
}

static void st(Walk *w, Node *n) {
    if (!n || w->stop)
        return;
    switch (n->kind) {
    case N_EMPTYSTMT:
        return;
    case N_EXPRSTMT:
        ex(w, n->u.unary.x);
        return;
    case N_ASSIGN:
        assign(w, n);
        return;
    case N_INCDEC:
        node(w);
        ex(w, n->u.incdec.x);
        node(w);    // the constant 1
        return;
    case N_DECLSTMT:
        decl(w, n->u.declstmt.decl);
        return;
    case N_RETURN: {
        node(w);
        NodeList *l = &n->u.ret.results;
        bool one_call = l->len == 1 && result_type(w, 1);
        if (one_call && unparen(l->items[0])->type && unparen(l->items[0])->type->kind == TY_TUPLE) {
            // return g() of several results: through temporaries, as f(g())
            int k = unparen(l->items[0])->type->u.tuple.n;
            for (int i = 0; i < 4 * k + 1; i++)
                node(w);
            ex(w, l->items[0]);
            return;
        }
        for (int i = 0; i < l->len && !w->stop; i++)
            value_to(w, one_call ? NULL : result_type(w, i), l->items[i]);
        return;
    }
    case N_BLOCK:
        stmts(w, &n->u.block.stmts);
        return;
    case N_IF:
        if_stmt(w, n);
        return;
    case N_FOR:
        node(w);
        st(w, n->u.fors.init);
        ex(w, n->u.fors.cond);
        st(w, n->u.fors.post);
        st(w, n->u.fors.body);
        return;
    case N_RANGE:
        range_stmt(w, n);
        return;
    case N_SWITCH: case N_TYPESWITCH:
        switch_stmt(w, n);
        return;
    case N_SELECT:
        select_stmt(w, n);
        return;
    case N_LABELED:
        node(w);
        st(w, n->u.labeled.stmt);
        return;
    case N_BRANCH:
        if (n->u.branch.tok == T_FALLTHROUGH)
            return;
        node(w);
        return;
    case N_GO:
        fail(w, "unhandled op GO");
        if (w->count_only) {
            node(w);
            ex(w, n->u.unary.x);
        }
        return;
    case N_DEFER:
        fail(w, "unhandled op DEFER");
        if (w->count_only) {
            node(w);
            ex(w, n->u.unary.x);
        }
        return;
    case N_SENDSTMT: {
        node(w);
        ex(w, n->u.send.chan);
        Type *ct = n->u.send.chan->type;
        value_to(w, ukind(ct) == TY_CHAN ? under(ct)->u.chan.elem : NULL, n->u.send.value);
        return;
    }
    default:
        node(w);
        return;
    }
}

// ---------------------------------------------------------------------------

const char *inl_cost(Inliner *in, InlFn *f, int *cost) {
    Walk w = {.in = in, .f = f, .budget = INL_MAX_BUDGET, .sig = f->fi->sig};
    Node *body = func_body(f->fi);
    stmts(&w, &body->u.block.stmts);
    if (w.reason)
        return w.reason;
    *cost = INL_MAX_BUDGET - w.budget;
    f->nodes = w.nodes;
    if (w.budget < 0)
        return arena_sprintf(&in->cc->arena, "function too complex: cost %d exceeds budget %d", *cost,
                             INL_MAX_BUDGET);
    return NULL;
}

bool inl_is_big(Inliner *in, FuncInfo *fi) {
    Walk w = {.in = in, .budget = 1 << 30, .count_only = true, .sig = fi->sig};
    Node *body = func_body(fi);
    if (!body)
        return false;
    w.nodes = 1;    // the function itself
    stmts(&w, &body->u.block.stmts);
    return w.nodes >= INL_BIG_FUNCTION_NODES;
}

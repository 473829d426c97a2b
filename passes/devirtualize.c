// devirtualize.c - interface calls on a value of one known concrete type
// become static calls (gc's devirtualize pass, which runs even with -l).
//
// Requires build; turns the InterLECall of each such call into a
// StaticLECall of the method on the interface's data (when the method is
// T's own, not one promoted from an embedded field), and publishes which
// calls it made static in prog->devirt (devirt_of, passes/passes.h).
//
// An interface call x.M(...) is devirtualized when x's value is known to
// be a conversion of a concrete value of type T to the interface: x is the
// conversion itself, or a local variable defined once by it and never
// reassigned nor address-taken (gc's ir.StaticValue, followed through such
// variables). Inlined bodies are walked where their calls are, as gc's IR
// holds them after inlining: an inlined parameter holds its argument, and
// an inlined call yields its one return value (so inlining exposes the
// concrete types devirtualization needs). The call becomes x.(T).M(...): the method of T's method set,
// found through T's embedded fields if need be. If M comes from an embedded
// interface field, the call stays an interface call on that field ("partially
// devirtualizing"). With -m each is reported at the call, as gc does:
// "devirtualizing x.M to T", function by function in gc's order (a
// function's literals, innermost first, before the function itself).
//
// gc rewrites the call in its IR, and later messages print the rewritten
// call; the AST stays as written (a second run of the pipeline must find it
// unchanged), so the rewritten forms are made as nodes of their own and the
// expression printer shows them in the call's place (Compiler.call_text).
#include "passes/passes.h"

#include <string.h>

static Type *under(Type *t) { return t ? type_underlying(t) : NULL; }

// ---------------------------------------------------------------------------
// The published table: call Node* -> Devirt* (open addressing, never shrinks)

struct DevirtTable {
    const Node **keys;
    Devirt **vals;
    uint32_t cap, len;
};

static uint32_t hash_node(const Node *n) {
    uint64_t x = (uint64_t)(uintptr_t)n;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

static void table_put(Arena *a, DevirtTable *t, const Node *key, Devirt *val) {
    if ((t->len + 1) * 2 > t->cap) {
        DevirtTable old = *t;
        t->cap = old.cap ? old.cap * 2 : 64;
        t->len = 0;
        t->keys = ARENA_ARRAY(a, const Node *, t->cap);
        t->vals = ARENA_ARRAY(a, Devirt *, t->cap);
        for (uint32_t i = 0; i < old.cap; i++)
            if (old.keys[i])
                table_put(a, t, old.keys[i], old.vals[i]);
    }
    uint32_t h = hash_node(key) & (t->cap - 1);
    while (t->keys[h] && t->keys[h] != key)
        h = (h + 1) & (t->cap - 1);
    if (!t->keys[h])
        t->len++;
    t->keys[h] = key;
    t->vals[h] = val;
}

Devirt *devirt_of(const Program *prog, const Node *call) {
    const DevirtTable *t = prog ? prog->devirt : NULL;
    if (!t || !t->cap || !call)
        return NULL;
    for (uint32_t h = hash_node(call) & (t->cap - 1); t->keys[h]; h = (h + 1) & (t->cap - 1))
        if (t->keys[h] == call)
            return t->vals[h];
    return NULL;
}

// The call as messages print it (Compiler.call_text).
static const char *call_text(void *ctx, const Node *call) {
    const Program *prog = ctx;
    Devirt *d = devirt_of(prog, call);
    if (!d)
        return inlined_call_text(prog, call);
    return expr_string(prog->cc, d->escape_reached ? d->method_call : d->call);
}

// ---------------------------------------------------------------------------
// Which calls

// gc reports on the program's own code, never on a standard-library model.
static bool reported_at(Compiler *cc, Pos pos) {
    if (!pos_known(pos) || pos.file >= (uint32_t)cc->files.len)
        return false;
    return !((const SourceFile *)cc->files.items[pos.file])->is_std;
}

static bool is_conversion_to_iface(Node *n) {
    return n && n->kind == N_CALL && n->u.call.kind == CALL_CONVERSION && n->u.call.args.len == 1 &&
           type_is_interface(n->type);
}

typedef struct Ctx {
    Compiler *cc;
    const Program *prog;
    FuncInfo *fn;
    DevirtTable *out;
    PtrVec *lits;           // the literals met in fn's own body
    int inlined;            // > 0 inside an inlined body (its literals are ic->lits)
    PtrVec found;           // the calls to devirtualize: (call, selector, Devirt*) triples
    PtrVec args;            // inlined parameters and the argument each holds (Obj*, Node* pairs)
    PtrVec objs;            // the variables of the bodies inlined into fn (Obj*)
} Ctx;

static bool listed(const PtrVec *v, const void *x, int step) {
    for (int i = 0; i < v->len; i += step)
        if (v->items[i] == x)
            return true;
    return false;
}

static Node *argument_of(const Ctx *c, const Obj *param) {
    for (int i = 0; i + 1 < c->args.len; i += 2)
        if (c->args.items[i] == param)
            return c->args.items[i + 1];
    return NULL;
}

typedef struct Returns {
    int n;
    Node *last;
} Returns;

// The returns of an inlined body are its NF_INLINED statements.
static bool count_return(Node *n, void *ctx) {
    Returns *r = ctx;
    if (n->kind == N_FUNCLIT)
        return false;
    if ((n->flags & NF_INLINED) && (n->kind == N_ASSIGN || n->kind == N_EMPTYSTMT)) {
        r->n += n->kind == N_ASSIGN && n->u.assign.rhs.len == 1 ? 1 : 2;
        r->last = n;
    }
    return true;
}

// What an inlined call yields when gc's StaticValue sees through it: the
// value of its one return, when that is the body's only return and the
// result is unnamed (gc then defines the result at the return).
static Node *inlined_result(const Ctx *c, Node *call) {
    const InlinedCall *ic = inlined_call(c->prog, call);
    if (!ic || !ic->spliced || ic->nresults != 1 || !ic->callee || ic->callee->nresults != 1)
        return NULL;
    Obj *r = ic->callee->results[0];
    if (r && r->name && r->name->s[0] != '~' && !name_is(r->name, "_"))
        return NULL;
    Returns rets = {0};
    tree_visit(ic->body, count_return, &rets);
    if (rets.n != 1)
        return NULL;
    return rets.last->u.assign.rhs.items[0];
}

// The concrete type the interface value n is known to hold, or NULL.
static Type *static_concrete_type(Ctx *c, Node *n) {
    FuncInfo *fn = c->fn;
    for (int guard = 0; guard < 100; guard++) {
        n = unparen(n);
        if (!n)
            return NULL;
        if (is_conversion_to_iface(n)) {
            Node *x = n->u.call.args.items[0];
            return x->type && !type_is_interface(x->type) ? x->type : NULL;
        }
        Node *rhs = NULL;
        if (n->kind == N_CALL) {
            rhs = inlined_result(c, n);
        } else if (n->kind == N_IDENT) {
            Obj *v = n->u.ident.obj;
            if (!v || v->kind != OBJ_VAR)
                return NULL;
            rhs = argument_of(c, v);
            if (!rhs && (v->u.var.fn == fn || listed(&c->objs, v, 1)))
                rhs = static_definition(v);
        }
        if (!rhs)
            return NULL;
        Node *r = unparen(rhs);
        if (r && r->type && !type_is_interface(r->type) && r->type->kind != TY_UNTYPED_NIL && !(r->flags & NF_TYPE))
            return r->type;     // the implicit conversion of the definition
        n = rhs;
    }
    return NULL;
}

// Finds method `name` in the method set of t, breadth first through
// embedded fields (the shallowest wins, as in Go's selector rules).
static bool find_method(Type *t, Name *name, Devirt *d) {
    typedef struct Cand { Type *t; int path[16]; int depth; } Cand;
    Cand level[64], next[64];
    int n = 1, nn;
    level[0].t = t;
    level[0].depth = 0;
    for (int depth = 0; depth < 16 && n > 0; depth++) {
        nn = 0;
        for (int i = 0; i < n; i++) {
            Type *ct = level[i].t;
            Type *named = ct && ct->kind == TY_POINTER ? ct->u.ptr.elem : ct;
            if (named && named->kind == TY_NAMED) {
                for (int j = 0; j < named->u.named.nmethods; j++) {
                    Method *m = &named->u.named.methods[j];
                    if (m->name == name) {
                        d->method = m->obj;
                        d->m = m;
                        memcpy(d->path, level[i].path, sizeof d->path);
                        d->depth = level[i].depth;
                        return true;
                    }
                }
            }
            Type *u = under(named);
            if (u && u->kind == TY_INTERFACE && depth > 0) {
                for (int j = 0; j < u->u.iface.nmethods; j++)
                    if (u->u.iface.methods[j].name == name) {
                        d->partial = true;
                        d->m = &u->u.iface.methods[j];
                        memcpy(d->path, level[i].path, sizeof d->path);
                        d->depth = level[i].depth;
                        return true;
                    }
            }
            if (!u || u->kind != TY_STRUCT)
                continue;
            for (int j = 0; j < u->u.strct.nfields && nn < 64; j++) {
                Field *f = &u->u.strct.fields[j];
                if (!f->embedded)
                    continue;
                next[nn] = level[i];
                next[nn].t = f->type;
                next[nn].path[level[i].depth] = j;
                next[nn].depth = level[i].depth + 1;
                nn++;
            }
        }
        memcpy(level, next, sizeof(Cand) * (size_t)nn);
        n = nn;
    }
    return false;
}

// The rewritten call as gc's IR holds it (see Devirt in passes/passes.h):
// x.(T), the embedded fields, the method; the call of it, and the call of
// the method expression escape analysis makes of that.
static void make_nodes(Compiler *cc, Node *call, Node *sel, Devirt *d) {
    Node *tn = node_new(cc, N_IDENT, sel->pos);
    tn->flags = NF_TYPE | NF_IMPLICIT;
    tn->type = d->typ;
    Node *x = node_new(cc, N_TYPEASSERT, sel->pos);
    x->flags = NF_IMPLICIT;
    x->u.assert.x = sel->u.sel.x;
    x->u.assert.type = tn;
    x->type = d->typ;
    d->steps[0] = x;
    Type *t = d->typ;
    for (int i = 0; i < d->depth; i++) {
        Type *u = under(t);
        bool ptr = u && u->kind == TY_POINTER;
        if (ptr)
            u = under(u->u.ptr.elem);
        if (!u || u->kind != TY_STRUCT || d->path[i] >= u->u.strct.nfields)
            break;
        Field *f = &u->u.strct.fields[d->path[i]];
        Node *s = node_new(cc, N_SELECTOR, sel->pos);
        s->flags = NF_IMPLICIT;
        s->u.sel.x = x;
        s->u.sel.name = f->name;
        s->u.sel.name_pos = sel->u.sel.name_pos;
        s->u.sel.kind = SEL_FIELD;
        s->u.sel.obj = f->obj;
        s->u.sel.path = ARENA_NEW(&cc->arena, int);
        s->u.sel.path[0] = d->path[i];
        s->u.sel.depth = 1;
        s->u.sel.indirect = ptr;
        s->type = f->type;
        d->steps[i + 1] = x = s;
        t = f->type;
    }
    Node *m = node_clone(cc, sel);
    m->flags = NF_IMPLICIT;
    m->u.sel.x = x;
    m->u.sel.kind = d->partial ? SEL_INTERFACE_METHOD : SEL_METHOD;
    m->u.sel.obj = d->partial ? d->m->obj : d->method;
    m->u.sel.path = ARENA_NEW(&cc->arena, int);
    m->u.sel.depth = 1;
    m->u.sel.indirect = false;
    Node *c = node_clone(cc, call);
    c->u.call.fun = m;
    c->u.call.kind = CALL_INTERFACE;    // printed as written: x.(T).M(a)
    d->call = c;
    if (d->partial) {
        d->method_call = c;
        return;
    }
    Node *mc = node_clone(cc, c);
    mc->u.call.kind = CALL_METHOD;      // printed as gc's method expression call: T.M(x.(T), a)
    d->method_call = mc;
}

static bool visit_call(Node *n, void *vctx);

// Whether an inlined body assigns param or takes its address (gc's
// Reassigned and Addrtaken: StaticValue does not look through it then).
typedef struct Reassign {
    const Obj *var;
    bool found;
} Reassign;

static bool names(Node *n, const Obj *var) {
    n = unparen(n);
    return n && n->kind == N_IDENT && n->u.ident.obj == var;
}

static bool scan_reassign(Node *n, void *ctx) {
    Reassign *r = ctx;
    if (n->kind == N_ASSIGN && (n->u.assign.op == T_ASSIGN || n->u.assign.op == T_DEFINE))
        for (int i = 0; i < n->u.assign.lhs.len; i++)
            r->found |= names(n->u.assign.lhs.items[i], r->var);
    if (n->kind == N_UNARY && n->u.unary.op == T_AND)
        r->found |= names(outer_value(n->u.unary.x), r->var);
    if (n->kind == N_RANGE)
        r->found |= names(n->u.range.key, r->var) || names(n->u.range.value, r->var);
    return !r->found;
}

static void bind_argument(Ctx *c, const InlinedCall *ic, Obj *param, Node *arg) {
    if (!param || !arg || param->u.var.addr_taken)
        return;
    // Only an interface value is followed to its argument (static_concrete_type):
    // the scan is not needed for other parameters.
    if (param->type && !type_is_interface(param->type))
        return;
    Reassign r = {param, false};
    tree_visit(ic->body, scan_reassign, &r);
    if (r.found)
        return;
    ptrvec_push(&c->cc->arena, &c->args, param);
    ptrvec_push(&c->cc->arena, &c->args, arg);
}

// An inlined call is devirtualized as gc's IR has it: the arguments, then
// the body, where each parameter holds its argument.
static void visit_inlined(Ctx *c, Node *call, const InlinedCall *ic) {
    Node *fun = unparen(call->u.call.fun);
    NodeList *args = &call->u.call.args;
    bool method = call->u.call.kind == CALL_METHOD && fun && fun->kind == N_SELECTOR;
    tree_visit(method ? fun->u.sel.x : call->u.call.fun, visit_call, c);
    tree_visit_list(args, visit_call, c);
    FuncInfo *fi = ic->callee;
    int shift = 0;
    if (ic->recv)
        bind_argument(c, ic, ic->recv, method ? fun->u.sel.x : args->len ? args->items[0] : NULL);
    if (fi->recv && !method)
        shift = 1;  // T.M(t, a): the receiver is the first argument
    bool variadic = fi->sig && fi->sig->kind == TY_FUNC && fi->sig->u.func.variadic && !call->u.call.has_dots;
    bool spread = args->len == 1 && unparen(args->items[0])->type &&
                  unparen(args->items[0])->type->kind == TY_TUPLE;
    for (int i = 0; i < ic->nparams && !spread; i++) {
        if (variadic && i == ic->nparams - 1)
            break;
        if (i + shift < args->len)
            bind_argument(c, ic, ic->params[i], args->items[i + shift]);
    }
    c->inlined++;
    tree_visit(ic->body, visit_call, c);
    c->inlined--;
}

static bool visit_call(Node *n, void *vctx) {
    Ctx *c = vctx;
    if (n->kind == N_FUNCLIT) {
        // A literal's calls are its own function's: visited with it.
        if (!c->inlined && n->u.funclit.fn)
            ptrvec_push(&c->cc->arena, c->lits, n->u.funclit.fn);
        return false;
    }
    if (n->kind == N_CALL && n->u.call.kind != CALL_INTERFACE) {
        const InlinedCall *ic = inlined_call(c->prog, n);
        if (ic && ic->spliced && ic->body && ic->callee) {
            visit_inlined(c, n, ic);
            return false;
        }
    }
    if (n->kind != N_CALL || n->u.call.kind != CALL_INTERFACE)
        return true;
    Node *sel = unparen(n->u.call.fun);
    if (!sel || sel->kind != N_SELECTOR || sel->u.sel.depth > 1)
        return true;
    // gc calls the method on a temporary of its own (.autotmp_N) when the
    // receiver is an inlined call, and names it so: not modelled, left
    // dynamic rather than reported under another name.
    Node *recv = unparen(sel->u.sel.x);
    if (recv && recv->kind == N_CALL && inlined_call(c->prog, recv))
        return true;
    Type *typ = static_concrete_type(c, sel->u.sel.x);
    if (!typ)
        return true;
    Compiler *cc = c->cc;
    Devirt *d = ARENA_NEW(&cc->arena, Devirt);
    d->typ = typ;
    if (!find_method(typ, sel->u.sel.name, d))
        return true;
    ptrvec_push(&cc->arena, &c->found, n);
    ptrvec_push(&cc->arena, &c->found, sel);
    ptrvec_push(&cc->arena, &c->found, d);
    return true;
}

// The decisions of visit_call take effect (and are reported) once the
// function's literals are done, as gc reports them.
static void apply_found(Ctx *c) {
    Compiler *cc = c->cc;
    for (int i = 0; i + 2 < c->found.len; i += 3) {
        Node *n = c->found.items[i], *sel = c->found.items[i + 1];
        Devirt *d = c->found.items[i + 2];
        make_nodes(cc, n, sel, d);
        table_put(&cc->arena, c->out, n, d);
        if (cc->opt.m_level && reported_at(cc, n->pos))
            diag_note(cc, n->pos, "%sdevirtualizing %s to %s", d->partial ? "partially " : "",
                      expr_string(cc, sel), type_string(cc, d->typ));
    }
}

// gc devirtualizes function by function in the order of its list of
// declarations, where a func literal is listed when its body is done: the
// literals a function holds (each after its own literals), then the
// function.
static void devirtualize_fn(const Program *prog, DevirtTable *out, FuncInfo *fi, int depth) {
    Node *body = func_body(fi);
    if (!body || depth > 1000)
        return;
    Compiler *cc = prog->cc;
    PtrVec lits = {0};
    Ctx c = {.cc = cc, .prog = prog, .fn = fi, .out = out, .lits = &lits};
    const InlinedCall *first = inlined_calls_of(prog, fi);
    for (const InlinedCall *ic = first; ic; ic = ic->next_in_caller)
        for (int i = 0; ic->spliced && i < ic->nlocals; i++)
            ptrvec_push(&cc->arena, &c.objs, ic->locals[i]);
    // One walk decides fi's calls and finds its literals; what a literal
    // decides depends on nothing fi decides, so deciding fi first and
    // applying it after the literals keeps gc's order.
    tree_visit(body, visit_call, &c);
    for (int i = 0; i < lits.len; i++)
        devirtualize_fn(prog, out, lits.items[i], depth + 1);
    // The copies of literals that inlining made functions of fi, then fi.
    for (const InlinedCall *ic = first; ic; ic = ic->next_in_caller)
        for (int i = 0; ic->spliced && i < ic->nlits; i++)
            if (ic->lits[i] && ic->lits[i]->outer == fi)
                devirtualize_fn(prog, out, ic->lits[i], depth + 1);
    apply_found(&c);
}

// ---------------------------------------------------------------------------
// The SSA

// Moves v (just appended to its block) to stand right before `anchor`.
static void move_before(Value *v, Value *anchor) {
    Block *b = anchor->block;
    int at = -1;
    for (int i = 0; i < b->nvalues; i++)
        if (b->values[i] == anchor)
            at = i;
    if (at < 0 || b->values[b->nvalues - 1] != v)
        return;
    memmove(&b->values[at + 1], &b->values[at], sizeof(Value *) * (size_t)(b->nvalues - 1 - at));
    b->values[at] = v;
}

static Value *new_before(Value *anchor, Op op, Type *t) {
    Value *v = value_new(anchor->block, op, t, anchor->pos);
    v->inl = anchor->inl;   // part of the same inlined code, if it is
    v->src = anchor->src;
    move_before(v, anchor);
    return v;
}

static bool ptr_recv(Obj *m) {
    Type *r = m && m->kind == OBJ_FUNC ? m->u.func.recv : NULL;
    Type *u = under(r);
    return r && (r->kind == TY_POINTER || (u && u->kind == TY_POINTER));
}

// The interface call v on a value of type typ becomes a static call of the
// method on the value the interface holds: its data word when the type is
// held directly, else what the data word points to.
static void make_static(Compiler *cc, Value *v, Devirt *d) {
    if (d->partial || d->depth || !d->method || !d->method->u.func.fn || v->nargs < 2)
        return;
    Value *iface = v->args[0];
    Value *mem = v->args[v->nargs - 1];
    Type *typ = d->typ;
    Value *recv;
    if (type_is_direct_iface(typ)) {
        recv = new_before(v, OpIData, typ);
        value_add_arg(recv, iface);
    } else {
        Value *data = new_before(v, OpIData, type_pointer(cc, typ));
        value_add_arg(data, iface);
        recv = new_before(v, OpLoad, typ);
        value_add_arg(recv, data);
        value_add_arg(recv, mem);
    }
    // A value method called on a *T the interface holds.
    Type *tu = under(typ);
    if (!ptr_recv(d->method) && tu && tu->kind == TY_POINTER) {
        Value *l = new_before(v, OpLoad, tu->u.ptr.elem);
        value_add_arg(l, recv);
        value_add_arg(l, mem);
        recv = l;
    }
    value_set_arg(v, 0, recv);
    v->op = OpStaticLECall;
    v->aux = (Aux){.kind = AUX_FUNC, .u.fn = d->method->u.func.fn};
}

static void rewrite_calls(Compiler *cc, Func *f, const Program *prog) {
    // A function without interface calls (inlined ones included) has no
    // InterLECall.
    if (f->info && !func_may_hold(f->info, FACT_IFACE_CALL))
        return;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->nvalues; k++) {
            Value *v = f->blocks[b]->values[k];
            if (v->op != OpInterLECall || !v->node)
                continue;
            Devirt *d = devirt_of(prog, v->node);
            if (d) {
                int before = f->blocks[b]->nvalues;
                make_static(cc, v, d);
                k += f->blocks[b]->nvalues - before;    // values inserted before v
            }
        }
}

void pass_devirtualize(Program *prog) {
    Compiler *cc = prog->cc;
    DevirtTable *out = ARENA_NEW(&cc->arena, DevirtTable);
    prog->devirt = out;
    cc->call_text = call_text;
    cc->call_text_ctx = prog;
    // The functions in the order the build pass makes them (the models,
    // then the main package), whether or not their SSA exists yet.
    bool main_listed = false;
    for (int i = 0; i <= cc->packages.len; i++) {
        Package *pkg = i < cc->packages.len ? cc->packages.items[i] : main_listed ? NULL : prog->main_pkg;
        main_listed |= pkg == prog->main_pkg;
        for (int j = 0; pkg && j < pkg->funcs.len; j++) {
            FuncInfo *fi = pkg->funcs.items[j];
            // Without an interface call in it (its literals and inlined
            // bodies included) a function has nothing to decide.
            if (fi && !fi->outer && func_may_hold(fi, FACT_IFACE_CALL))
                devirtualize_fn(prog, out, fi, 0);
        }
    }
    if (out->len)
        for (int i = 0; i < prog->nfuncs; i++)
            rewrite_calls(cc, prog->funcs[i], prog);
}

void devirtualize_func(Program *prog, Func *f) {
    if (prog->devirt && prog->devirt->len)
        rewrite_calls(prog->cc, f, prog);
}

// devirtualize.c - interface calls on a value of one known concrete type
// become static calls (gc's devirtualize pass, which runs even with -l).
//
// Requires build; turns the InterLECall of each such call into a
// StaticLECall of the method on the interface's data (when the method is
// T's own, not one promoted from an embedded field), and leaves for the
// escape pass, in prog->devirt, which calls it made static (call node ->
// EscDevirt).
//
// An interface call x.M(...) is devirtualized when x's value is known to
// be a conversion of a concrete value of type T to the interface: x is the
// conversion itself, or a local variable defined once by it and never
// reassigned nor address-taken (gc's ir.StaticValue, followed through such
// variables). The call becomes x.(T).M(...): the method of T's method set,
// found through T's embedded fields if need be. If M comes from an embedded
// interface field, the call stays an interface call on that field ("partially
// devirtualizing"). With -m each is reported at the call, as gc does:
// "devirtualizing x.M to T".
#include "passes/escape.h"

#include <string.h>

static Type *under(Type *t) { return t ? type_underlying(t) : NULL; }

static bool is_conversion_to_iface(Node *n) {
    return n && n->kind == N_CALL && n->u.call.kind == CALL_CONVERSION && n->u.call.args.len == 1 &&
           type_is_interface(n->type);
}

// The concrete type the interface value n is known to hold, or NULL.
static Type *static_concrete_type(EscPass *p, FuncInfo *fn, Node *n) {
    for (int guard = 0; guard < 100; guard++) {
        n = unparen(n);
        if (!n)
            return NULL;
        if (is_conversion_to_iface(n)) {
            Node *x = n->u.call.args.items[0];
            return x->type && !type_is_interface(x->type) ? x->type : NULL;
        }
        if (n->kind != N_IDENT)
            return NULL;
        Obj *v = n->u.ident.obj;
        if (!v || v->kind != OBJ_VAR || v->u.var.fn != fn)
            return NULL;
        Node *rhs = esc_single_definition(p, v);
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
static bool find_method(Type *t, Name *name, EscDevirt *d) {
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

typedef struct Ctx {
    EscPass *p;
    FuncInfo *fn;
    EscMap *out;
} Ctx;

static bool visit_call(Node *n, void *vctx) {
    Ctx *c = vctx;
    if (n->kind == N_FUNCLIT) {
        // A literal's calls are its own function's: visited with it.
        return false;
    }
    if (n->kind != N_CALL || n->u.call.kind != CALL_INTERFACE)
        return true;
    Node *sel = unparen(n->u.call.fun);
    if (!sel || sel->kind != N_SELECTOR || sel->u.sel.depth > 1)
        return true;
    Type *typ = static_concrete_type(c->p, c->fn, sel->u.sel.x);
    if (!typ)
        return true;
    EscDevirt *d = ARENA_NEW(c->p->arena, EscDevirt);
    d->typ = typ;
    if (!find_method(typ, sel->u.sel.name, d))
        return true;
    escmap_put(c->p->arena, c->out, n, d);
    Compiler *cc = c->p->cc;
    if (cc->opt.m_level && esc_reports(c->p, n->pos))
        diag_note(cc, n->pos, "%sdevirtualizing %s to %s", d->partial ? "partially " : "", expr_string(cc, sel),
                  type_string(cc, typ));
    return true;
}

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
    move_before(v, anchor);
    return v;
}

static bool ptr_recv(Obj *m) {
    Type *r = m && m->kind == OBJ_FUNC ? m->u.func.recv : NULL;
    Type *u = under(r);
    return r && (r->kind == TY_POINTER || (u && u->kind == TY_POINTER));
}

// The interface call v on a value of type typ becomes a static call of the
// method on the value the interface holds: its data word, or what it
// points to when the value was boxed.
static void make_static(Compiler *cc, Value *v, EscDevirt *d) {
    if (d->partial || d->depth || !d->method || !d->method->u.func.fn || v->nargs < 2)
        return;
    Value *iface = v->args[0];
    Value *mem = v->args[v->nargs - 1];
    Type *typ = d->typ;
    Value *recv;
    bool direct = !type_is_interface(typ) && under(typ) &&
                  (under(typ)->kind == TY_POINTER || under(typ)->kind == TY_CHAN || under(typ)->kind == TY_MAP ||
                   under(typ)->kind == TY_FUNC || under(typ)->kind == TY_UNSAFE_POINTER);
    if (direct) {
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

static void rewrite_calls(Compiler *cc, Func *f, EscMap *devirt) {
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->nvalues; k++) {
            Value *v = f->blocks[b]->values[k];
            if (v->op != OpInterLECall || !v->node)
                continue;
            EscDevirt *d = escmap_get(devirt, v->node);
            if (d) {
                int before = f->blocks[b]->nvalues;
                make_static(cc, v, d);
                k += f->blocks[b]->nvalues - before;    // values inserted before v
            }
        }
}

static Node *body_of(FuncInfo *fi) {
    if (!fi || !fi->decl)
        return NULL;
    if (fi->decl->kind == N_FUNCDECL)
        return fi->decl->u.funcdecl.body;
    if (fi->decl->kind == N_FUNCLIT)
        return fi->decl->u.funclit.body;
    return NULL;
}

void pass_devirtualize(Program *prog) {
    Compiler *cc = prog->cc;
    EscPass p = {.cc = cc, .prog = prog, .arena = &cc->arena, .m = cc->opt.m_level};
    EscMap *out = ARENA_NEW(&cc->arena, EscMap);
    for (int i = 0; i < prog->nfuncs; i++) {
        FuncInfo *fi = prog->funcs[i]->info;
        Ctx c = {.p = &p, .fn = fi, .out = out};
        Node *body = body_of(fi);
        if (body)
            esc_visit(body, visit_call, &c);
    }
    if (out->len)
        for (int i = 0; i < prog->nfuncs; i++)
            rewrite_calls(cc, prog->funcs[i], out);
    prog->devirt = out;
}

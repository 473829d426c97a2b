// generic.c - the generic types of Go's standard library, stenciled by GC
// shape as gc 1.19 compiles them.
//
// Outside cmd, std declares generics in two files only: sync/atomic's
// Pointer[T any] and crypto/elliptic's nistCurve[Point nistPoint[Point]]
// (with the constraint interface nistPoint[T any]), each with methods; there
// are no generic functions and no inferred type arguments. So minigc models
// generic types of one type parameter, instantiated explicitly:
//
//  1. G[A] is a defined type of its own, one per A up to identity (the
//     instances hang off G's Generic). Its underlying type and its method
//     signatures are G's declaration checked again, on a fresh copy of the
//     syntax, in a scope binding the type parameter's name to A (the
//     receiver of a method may name the parameter differently).
//  2. Method bodies are compiled per GC shape, in every package whose code
//     reaches the instance (gc stencils in each importer that reads the
//     instantiated type: go/parser compiles atomic.Pointer[File]'s methods
//     again). The shape of a pointer type is *uint8, of any other type its
//     underlying type; the shape type (go.shape.*uint8_0) stands for the
//     type parameter in the copied bodies, and a method of the parameter is
//     called as gc calls it through the dictionary: as an interface method
//     of the constraint, on the value converted to it.
//  3. A stenciled method is FuncInfo.shape (gc's DUPOK instantiation): its
//     parameters are not reported, and a caller passing no shape-typed
//     argument does not inline it (gc's rule for dictionary calls). Its
//     positions, when the generic type is another package's, print as gc
//     prints export data positions: $GOROOT/src/sync/atomic/type.go:50:22,
//     at the method's name.
//
// User code never gets here: the parser refuses generic declarations outside
// std, and an instance of a std generic type written in user code is
// refused by generic_index ("generic type atomic.Pointer is not supported").
#include "check.h"

#include <stdio.h>

typedef struct Generic {
    Obj *obj;               // the generic type's OBJ_TYPE
    Node *spec;             // its N_TYPESPEC (never checked itself)
    Scope *file_scope;
    Package *pkg;
    Obj **methods;          // its methods' OBJ_FUNCs (decl: the FuncDecl, never checked itself)
    int nmethods;
    PtrVec instances;       // Type*: G[A] for each A met, shape arguments included
} Generic;

// What lasts across the packages of one compile.
typedef struct Generics {
    PtrVec shapes;          // Type*: the shape types made so far
    PtrVec aliases;         // pairs (original SourceFile*, its $GOROOT alias)
    int ninstances;         // instances with non-shape arguments
} Generics;

// What one package's check collects.
typedef struct GenericState {
    PtrVec todo;            // instances (non-shape) whose methods the package stencils
    PtrVec done;            // shape instances stenciled in this package
    Type **seen;            // named types walked from imported objects (open hash)
    uint32_t nseen, cap;
} GenericState;

static Generics *generics(Compiler *cc) {
    if (!cc->generics)
        cc->generics = ARENA_NEW(&cc->arena, Generics);
    return cc->generics;
}

static GenericState *state(Checker *c) {
    if (!c->st->generic)
        c->st->generic = ARENA_NEW(&c->cc->arena, GenericState);
    return c->st->generic;
}

static Generic *generic_of(Type *t) {
    return t && t->kind == TY_NAMED ? t->u.named.generic : NULL;
}

bool generic_type(Type *t) { return generic_of(t) != NULL; }

const char *generic_type_string(Checker *c, Type *t) {
    Generic *g = generic_of(t);
    const char *s = tstr(c, t);
    NodeList *l = &g->spec->u.typespec.tparams;
    for (int i = 0; i < l->len; i++) {
        Node *f = l->items[i];
        for (int j = 0; j < f->u.field.names.len; j++)
            s = arena_sprintf(&c->cc->arena, "%s%s%s", s, i || j ? ", " : "[", f->u.field.names.items[j]->u.ident.name->s);
        s = arena_sprintf(&c->cc->arena, "%s %s", s, node_string(c->cc, f->u.field.type));
    }
    return arena_sprintf(&c->cc->arena, "%s]", s);
}

// The base of a receiver type expression: T, *T, (T), G[P], *G[P].
static Node *receiver_instance(Node *recv) {
    Node *t = recv ? recv->u.field.type : NULL;
    while (t && (t->kind == N_STAR || t->kind == N_PAREN))
        t = t->u.unary.x;
    return t && t->kind == N_INDEX ? t : NULL;
}

bool generic_method_decl(const Node *decl) {
    return decl && decl->kind == N_FUNCDECL && receiver_instance(decl->u.funcdecl.recv);
}

bool type_has_shape(Type *t) {
    for (int depth = 0; t && depth < 64; depth++) {
        switch (t->kind) {
        case TY_NAMED:
            if (t->u.named.shape)
                return true;
            for (int i = 0; i < t->u.named.ntargs; i++)
                if (type_has_shape(t->u.named.targs[i]))
                    return true;
            return false;
        case TY_POINTER: t = t->u.ptr.elem; break;
        case TY_SLICE: t = t->u.slice.elem; break;
        case TY_ARRAY: t = t->u.array.elem; break;
        case TY_CHAN: t = t->u.chan.elem; break;
        case TY_MAP:
            if (type_has_shape(t->u.map.key))
                return true;
            t = t->u.map.value;
            break;
        case TY_FUNC:
            for (int i = 0; i < t->u.func.nparams; i++)
                if (type_has_shape(t->u.func.params[i]))
                    return true;
            for (int i = 0; i < t->u.func.nresults; i++)
                if (type_has_shape(t->u.func.results[i]))
                    return true;
            return false;
        case TY_STRUCT:
            for (int i = 0; i < t->u.strct.nfields; i++)
                if (type_has_shape(t->u.strct.fields[i].type))
                    return true;
            return false;
        case TY_TUPLE:
            for (int i = 0; i < t->u.tuple.n; i++)
                if (type_has_shape(t->u.tuple.types[i]))
                    return true;
            return false;
        default:
            return false;
        }
    }
    return false;
}

// ---------------------------------------------------------------------------
// Copies of the generic syntax

typedef struct Copier {
    Compiler *cc;
    uint32_t from_file, to_file;    // positions in from_file move to to_file
    bool remap;
} Copier;

static Node *copy_node(Copier *k, Node *n);

static NodeList copy_list(Copier *k, NodeList l) {
    if (!l.len)
        return l;
    Node **items = ARENA_ARRAY(&k->cc->arena, Node *, l.len);
    for (int i = 0; i < l.len; i++)
        items[i] = copy_node(k, l.items[i]);
    return (NodeList){items, l.len};
}

static Pos copy_pos(Copier *k, Pos p) {
    if (k->remap && p.file == k->from_file)
        p.file = k->to_file;
    return p;
}

// A deep copy of syntax the checker has not seen: every node fresh, with
// nothing the checker writes carried over.
static Node *copy_node(Copier *k, Node *n) {
    if (!n)
        return NULL;
    Node *m = node_clone(k->cc, n);
    m->type = NULL;
    m->flags &= NF_PARENS | NF_IMPLICIT | NF_BADLIT;
    m->pos = copy_pos(k, n->pos);
    switch (n->kind) {
    case N_IDENT: m->u.ident.obj = NULL; break;
    case N_COMPOSITE:
        m->u.complit.type = copy_node(k, n->u.complit.type);
        m->u.complit.elts = copy_list(k, n->u.complit.elts);
        m->u.complit.rbrace = copy_pos(k, n->u.complit.rbrace);
        break;
    case N_KEYVALUE: m->u.kv.key = copy_node(k, n->u.kv.key); m->u.kv.value = copy_node(k, n->u.kv.value); break;
    case N_FUNCLIT:
        m->u.funclit.type = copy_node(k, n->u.funclit.type);
        m->u.funclit.body = copy_node(k, n->u.funclit.body);
        m->u.funclit.fn = NULL;
        break;
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPRSTMT: case N_GO: case N_DEFER: case N_ELLIPSIS:
        m->u.unary.x = copy_node(k, n->u.unary.x);
        break;
    case N_SELECTOR:
        m->u.sel.x = copy_node(k, n->u.sel.x);
        m->u.sel.name_pos = copy_pos(k, n->u.sel.name_pos);
        m->u.sel.kind = SEL_NONE;
        m->u.sel.obj = NULL;
        m->u.sel.path = NULL;
        m->u.sel.depth = 0;
        m->u.sel.indirect = false;
        break;
    case N_INDEX: m->u.index.x = copy_node(k, n->u.index.x); m->u.index.index = copy_node(k, n->u.index.index); break;
    case N_SLICE:
        m->u.slice.x = copy_node(k, n->u.slice.x);
        m->u.slice.lo = copy_node(k, n->u.slice.lo);
        m->u.slice.hi = copy_node(k, n->u.slice.hi);
        m->u.slice.max = copy_node(k, n->u.slice.max);
        break;
    case N_TYPEASSERT: m->u.assert.x = copy_node(k, n->u.assert.x); m->u.assert.type = copy_node(k, n->u.assert.type); break;
    case N_CALL:
        m->u.call.fun = copy_node(k, n->u.call.fun);
        m->u.call.args = copy_list(k, n->u.call.args);
        m->u.call.rparen = copy_pos(k, n->u.call.rparen);
        m->u.call.kind = CALL_NONE;
        m->u.call.builtin = BI_NONE;
        break;
    case N_BINARY: m->u.binary.x = copy_node(k, n->u.binary.x); m->u.binary.y = copy_node(k, n->u.binary.y); break;
    case N_ARRAYTYPE:
        m->u.arraytype.len = copy_node(k, n->u.arraytype.len);
        m->u.arraytype.elem = copy_node(k, n->u.arraytype.elem);
        break;
    case N_STRUCTTYPE: case N_INTERFACETYPE:
        m->u.fields.list = copy_list(k, n->u.fields.list);
        m->u.fields.rbrace = copy_pos(k, n->u.fields.rbrace);
        break;
    case N_FUNCTYPE:
        m->u.functype.params = copy_list(k, n->u.functype.params);
        m->u.functype.results = copy_list(k, n->u.functype.results);
        break;
    case N_MAPTYPE: m->u.maptype.key = copy_node(k, n->u.maptype.key); m->u.maptype.value = copy_node(k, n->u.maptype.value); break;
    case N_CHANTYPE: m->u.chantype.elem = copy_node(k, n->u.chantype.elem); break;
    case N_FIELD:
        m->u.field.names = copy_list(k, n->u.field.names);
        m->u.field.type = copy_node(k, n->u.field.type);
        m->u.field.tag = copy_node(k, n->u.field.tag);
        break;
    case N_DECLSTMT: m->u.declstmt.decl = copy_node(k, n->u.declstmt.decl); break;
    case N_LABELED:
        m->u.labeled.label = copy_node(k, n->u.labeled.label);
        m->u.labeled.stmt = copy_node(k, n->u.labeled.stmt);
        m->u.labeled.obj = NULL;
        break;
    case N_SENDSTMT: m->u.send.chan = copy_node(k, n->u.send.chan); m->u.send.value = copy_node(k, n->u.send.value); break;
    case N_INCDEC: m->u.incdec.x = copy_node(k, n->u.incdec.x); break;
    case N_ASSIGN: m->u.assign.lhs = copy_list(k, n->u.assign.lhs); m->u.assign.rhs = copy_list(k, n->u.assign.rhs); break;
    case N_RETURN: m->u.ret.results = copy_list(k, n->u.ret.results); break;
    case N_BRANCH: m->u.branch.label = copy_node(k, n->u.branch.label); m->u.branch.target = NULL; break;
    case N_BLOCK:
        m->u.block.stmts = copy_list(k, n->u.block.stmts);
        m->u.block.rbrace = copy_pos(k, n->u.block.rbrace);
        break;
    case N_IF:
        m->u.ifs.init = copy_node(k, n->u.ifs.init);
        m->u.ifs.cond = copy_node(k, n->u.ifs.cond);
        m->u.ifs.then = copy_node(k, n->u.ifs.then);
        m->u.ifs.els = copy_node(k, n->u.ifs.els);
        break;
    case N_CASECLAUSE: case N_COMMCLAUSE:
        m->u.clause.list = copy_list(k, n->u.clause.list);
        m->u.clause.body = copy_list(k, n->u.clause.body);
        m->u.clause.comm = copy_node(k, n->u.clause.comm);
        m->u.clause.colon = copy_pos(k, n->u.clause.colon);
        m->u.clause.bind = NULL;
        break;
    case N_SWITCH: case N_TYPESWITCH: case N_SELECT:
        m->u.sw.init = copy_node(k, n->u.sw.init);
        m->u.sw.tag = copy_node(k, n->u.sw.tag);
        m->u.sw.bind = copy_node(k, n->u.sw.bind);
        m->u.sw.clauses = copy_list(k, n->u.sw.clauses);
        m->u.sw.rbrace = copy_pos(k, n->u.sw.rbrace);
        break;
    case N_FOR:
        m->u.fors.init = copy_node(k, n->u.fors.init);
        m->u.fors.cond = copy_node(k, n->u.fors.cond);
        m->u.fors.post = copy_node(k, n->u.fors.post);
        m->u.fors.body = copy_node(k, n->u.fors.body);
        break;
    case N_RANGE:
        m->u.range.key = copy_node(k, n->u.range.key);
        m->u.range.value = copy_node(k, n->u.range.value);
        m->u.range.x = copy_node(k, n->u.range.x);
        m->u.range.body = copy_node(k, n->u.range.body);
        m->u.range.extra = copy_node(k, n->u.range.extra);
        break;
    case N_VALUESPEC:
        m->u.valspec.names = copy_list(k, n->u.valspec.names);
        m->u.valspec.type = copy_node(k, n->u.valspec.type);
        m->u.valspec.values = copy_list(k, n->u.valspec.values);
        break;
    case N_TYPESPEC:
        m->u.typespec.name = copy_node(k, n->u.typespec.name);
        m->u.typespec.type = copy_node(k, n->u.typespec.type);
        m->u.typespec.tparams = copy_list(k, n->u.typespec.tparams);
        break;
    case N_GENDECL: m->u.gendecl.specs = copy_list(k, n->u.gendecl.specs); break;
    case N_FUNCDECL:
        m->u.funcdecl.recv = copy_node(k, n->u.funcdecl.recv);
        m->u.funcdecl.name = copy_node(k, n->u.funcdecl.name);
        m->u.funcdecl.type = copy_node(k, n->u.funcdecl.type);
        m->u.funcdecl.body = copy_node(k, n->u.funcdecl.body);
        m->u.funcdecl.fn = NULL;
        break;
    default:
        break;
    }
    return m;
}

// The file a copy's positions live in: the original, or, when the package
// compiled (not an import) stencils another package's generic, an alias of
// it named as gc names export data positions ($GOROOT/src/...), whose
// messages are printed.
static Copier copier_for(Checker *c, Generic *g, Package *target) {
    Copier k = {.cc = c->cc};
    uint32_t f = g->spec->pos.file;
    if (target->is_std || g->pkg == target || f >= (uint32_t)c->cc->files.len)
        return k;
    SourceFile *sf = c->cc->files.items[f];
    if (!sf->is_std)
        return k;
    Generics *gs = generics(c->cc);
    SourceFile *alias = NULL;
    for (int i = 0; i + 1 < gs->aliases.len; i += 2)
        if (gs->aliases.items[i] == sf)
            alias = gs->aliases.items[i + 1];
    if (!alias) {
        const char *src = strstr(sf->path, "/src/");
        alias = ARENA_NEW(&c->cc->arena, SourceFile);
        *alias = *sf;
        alias->path = src ? arena_sprintf(&c->cc->arena, "$GOROOT%s", src) : sf->path;
        alias->is_std = false;
        alias->index = (uint32_t)c->cc->files.len;
        ptrvec_push(&c->cc->arena, &c->cc->files, alias);
        ptrvec_push(&c->cc->arena, &gs->aliases, sf);
        ptrvec_push(&c->cc->arena, &gs->aliases, alias);
    }
    k.remap = true;
    k.from_file = f;
    k.to_file = alias->index;
    return k;
}

// ---------------------------------------------------------------------------
// Declarations and instances

// The names a type parameter list declares, in order.
static int tparam_names(Node *spec, Node **names, int cap) {
    int n = 0;
    NodeList *l = &spec->u.typespec.tparams;
    for (int i = 0; i < l->len; i++) {
        Node *f = l->items[i];
        for (int j = 0; j < f->u.field.names.len; j++, n++)
            if (n < cap)
                names[n] = f->u.field.names.items[j];
    }
    return n;
}

static Node *tparam_constraint(Node *spec, int index) {
    NodeList *l = &spec->u.typespec.tparams;
    int n = 0;
    for (int i = 0; i < l->len; i++) {
        Node *f = l->items[i];
        n += f->u.field.names.len;
        if (index < n)
            return f->u.field.type;
    }
    return NULL;
}

void generic_type_decl(Checker *c, Obj *o, Obj **methods, int nmethods) {
    Generic *g = ARENA_NEW(&c->cc->arena, Generic);
    g->obj = o;
    g->spec = o->decl;
    g->file_scope = ((DeclInfo *)o->declinfo)->file_scope;
    g->pkg = c->pkg;
    g->methods = methods;
    g->nmethods = nmethods;
    Type *t = type_new(c->cc, TY_NAMED);
    t->u.named.obj = o;
    t->u.named.generic = g;
    t->u.named.underlying = c->cc->basic[TY_INVALID];
    o->type = t;
}

// A scope binding a type parameter list's names (ids) to the arguments.
static Scope *bind_tparams(Checker *c, Scope *parent, Node **ids, int n, Type **targs) {
    Scope *s = scope_new(c->cc, parent);
    for (int i = 0; i < n; i++) {
        if (!ids[i] || ids[i]->kind != N_IDENT || name_is(ids[i]->u.ident.name, "_"))
            continue;
        Obj *p = obj_new(c->cc, OBJ_TYPE, ids[i]->u.ident.name, ids[i]->pos, targs[i]);
        p->pkg = c->pkg;
        p->color = COLOR_BLACK;
        scope_insert(c->cc, s, p);
    }
    return s;
}

// The type parameter names a method's receiver G[P] declares.
static int receiver_tparams(Node *decl, Node **ids, int cap) {
    Node *inst = receiver_instance(decl->u.funcdecl.recv);
    if (!inst || cap < 1)
        return 0;
    ids[0] = inst->u.index.index;
    return 1;
}

// Where the checker is while it checks a copy of g's syntax: g's package
// and file, outside any function.
static Checker enter_generic(Checker *c, Generic *g, Scope *scope) {
    Checker saved = *c;
    c->pkg = g->pkg;
    c->scope = scope;
    c->scope_pending = false;
    c->file_scope = g->file_scope;
    c->fn = NULL;
    c->sig = NULL;
    c->decl_obj = NULL;
    c->iota = -1;
    c->loop_depth = 0;
    c->errpos = (Pos){0};
    return saved;
}

Type *generic_instantiate(Checker *c, Type *gen, Type *targ, Pos pos) {
    Generic *g = generic_of(gen);
    for (int i = 0; i < g->instances.len; i++) {
        Type *inst = g->instances.items[i];
        if (type_identical(inst->u.named.targs[0], targ)) {
            if (!type_has_shape(targ))
                ptrvec_push(&c->cc->arena, &state(c)->todo, inst);
            return inst;
        }
    }
    Node *ids[2];
    if (tparam_names(g->spec, ids, 2) != 1) {
        check_errorf(c, pos, "generic type %s with more than one type parameter is not supported by minigc",
                     g->obj->name->s);
        return c->cc->basic[TY_INVALID];
    }
    Type *t = type_new(c->cc, TY_NAMED);
    Obj *o = obj_new(c->cc, OBJ_TYPE, g->obj->name, g->obj->pos, t);
    o->pkg = g->pkg;
    o->decl = g->spec;
    o->color = COLOR_BLACK;
    t->u.named.obj = o;
    t->u.named.orig = g->obj;
    t->u.named.targs = ARENA_NEW(&c->cc->arena, Type *);
    t->u.named.targs[0] = targ;
    t->u.named.ntargs = 1;
    ptrvec_push(&c->cc->arena, &g->instances, t);
    // Checked for cycles (a struct containing its own instance) with the
    // package's defined types.
    ptrvec_push(&c->cc->arena, &c->st->pending_types, t);
    bool shaped = type_has_shape(targ);
    if (!shaped) {
        generics(c->cc)->ninstances++;
        ptrvec_push(&c->cc->arena, &state(c)->todo, t);
    }

    Copier k = {.cc = c->cc};
    Scope *s = bind_tparams(c, g->file_scope, ids, 1, &targ);
    Checker saved = enter_generic(c, g, s);
    // A shape stands for the parameter with its constraint's methods.
    if (targ->kind == TY_NAMED && targ->u.named.shape && !targ->u.named.bound) {
        Node *cons = tparam_constraint(g->spec, 0);
        Type *b = cons ? check_type(c, copy_node(&k, cons)) : NULL;
        if (b && type_is_interface(b))
            targ->u.named.bound = b;
    }
    Type *rhs = check_type(c, copy_node(&k, g->spec->u.typespec.type));
    Type *u = type_underlying(rhs);
    t->u.named.underlying = u ? u : c->cc->basic[TY_INVALID];
    t->u.named.rhs = rhs;
    if (u && u->kind == TY_INTERFACE)
        interface_complete(c, u);

    Method *ms = ARENA_ARRAY(&c->cc->arena, Method, g->nmethods > 0 ? g->nmethods : 1);
    for (int i = 0; i < g->nmethods; i++) {
        Obj *gm = g->methods[i];
        Node *decl = copy_node(&k, gm->decl);
        Node *rids[1];
        int nr = receiver_tparams(decl, rids, 1);
        Scope *ms_scope = bind_tparams(c, g->file_scope, rids, nr, &targ);
        c->scope = ms_scope;
        Obj *mo = obj_new(c->cc, OBJ_FUNC, gm->name, gm->pos, NULL);
        mo->pkg = g->pkg;
        mo->decl = decl;
        mo->color = COLOR_BLACK;
        Type *sig = check_func_type(c, decl->u.funcdecl.type, decl->u.funcdecl.recv, NULL, NULL);
        mo->type = sig;
        Node *rt = decl->u.funcdecl.recv->u.field.type;
        while (rt && rt->kind == N_PAREN)
            rt = rt->u.unary.x;
        mo->u.func.recv = rt && rt->kind == N_STAR ? pointer_to(c, t) : t;
        ms[i] = (Method){.name = gm->name, .type = sig, .obj = mo, .ptr_recv = rt && rt->kind == N_STAR};
    }
    t->u.named.methods = ms;
    t->u.named.nmethods = g->nmethods;
    *c = saved;
    return t;
}

// ---------------------------------------------------------------------------
// Shapes and stenciling

// gc 1.19's shape of a type argument: every pointer is *uint8, any other
// type its underlying type; one shape type per (shape, parameter index).
static Type *shape_of(Checker *c, Type *t, int index) {
    Type *u = type_is_pointer(t) && type_underlying(t)->kind == TY_POINTER ? pointer_to(c, c->cc->basic[TY_UINT8])
                                                                         : type_underlying(t);
    const char *text = arena_sprintf(&c->cc->arena, "go.shape.%s_%d", type_link_string(c->cc, u), index);
    Name *name = intern_cstr(c->cc, text);
    Generics *gs = generics(c->cc);
    for (int i = 0; i < gs->shapes.len; i++) {
        Type *s = gs->shapes.items[i];
        if (s->u.named.obj->name == name)
            return s;
    }
    Type *s = type_new(c->cc, TY_NAMED);
    Obj *o = obj_new(c->cc, OBJ_TYPE, name, (Pos){0}, s);
    o->pkg = c->pkg;
    o->color = COLOR_BLACK;
    s->u.named.obj = o;
    s->u.named.underlying = u;
    s->u.named.shape = true;
    ptrvec_push(&c->cc->arena, &gs->shapes, s);
    return s;
}

static bool in_list(PtrVec *v, void *p) {
    for (int i = 0; i < v->len; i++)
        if (v->items[i] == p)
            return true;
    return false;
}

// A call of an instance's method calls stenciled code: the copy made by the
// first package that stenciled it (an import's, for an importer that
// stencils it again only because gc does: its own calls are the import's).
static void bind_methods(Type *inst, Type *sinst) {
    for (int i = 0; i < inst->u.named.nmethods && i < sinst->u.named.nmethods; i++)
        if (!inst->u.named.methods[i].obj->u.func.fn)
            inst->u.named.methods[i].obj->u.func.fn = sinst->u.named.methods[i].obj->u.func.fn;
}

// Compiles the methods of instance inst for its shape in the package being
// checked: copies of the bodies, appended to its functions (as gc appends
// instantiations to its declarations).
static void stencil(Checker *c, Type *inst) {
    Generic *g = generic_of(inst->u.named.orig->type);
    GenericState *gst = state(c);
    Type *shape = shape_of(c, inst->u.named.targs[0], 0);
    Type *sinst = generic_instantiate(c, g->obj->type, shape, g->obj->pos);
    if (sinst->kind != TY_NAMED)
        return;
    Package *target = c->pkg;
    bool first = !in_list(&gst->done, sinst);
    if (first)
        ptrvec_push(&c->cc->arena, &gst->done, sinst);
    if (!first) {
        bind_methods(inst, sinst);
        return;
    }
    Copier k = copier_for(c, g, target);
    Node *ids[1];
    tparam_names(g->spec, ids, 1);
    for (int i = 0; i < g->nmethods && i < sinst->u.named.nmethods; i++) {
        Obj *gm = g->methods[i];
        Node *decl = copy_node(&k, gm->decl);
        if (k.remap)
            decl->pos = decl->u.funcdecl.name->pos;  // export data keeps the name's position
        Node *rids[1];
        int nr = receiver_tparams(decl, rids, 1);
        Scope *ms_scope = bind_tparams(c, g->file_scope, rids, nr, &shape);
        Checker saved = enter_generic(c, g, ms_scope);
        Obj *mo = obj_new(c->cc, OBJ_FUNC, gm->name, decl->u.funcdecl.name->pos, NULL);
        mo->pkg = g->pkg;
        mo->decl = decl;
        mo->color = COLOR_BLACK;
        decl->u.funcdecl.name->u.ident.obj = mo;
        FuncInfo *fn = new_func_info(c, decl, mo);
        fn->pragmas = decl->u.funcdecl.pragmas;
        fn->shape = true;
        Method *sm = &sinst->u.named.methods[i];
        fn->gc_name = arena_sprintf(&c->cc->arena, sm->ptr_recv ? "(*%s[%s]).%s" : "%s[%s].%s", g->obj->name->s,
                                    shape->u.named.obj->name->s, gm->name->s);
        mo->u.func.fn = fn;
        decl->u.funcdecl.fn = fn;
        Scope *fs = scope_new(c->cc, ms_scope);
        fs->is_func = true;
        fn->scope = fs;
        Type *sig = check_func_type(c, decl->u.funcdecl.type, decl->u.funcdecl.recv, fn, fs);
        mo->type = sig;
        fn->sig = sig;
        if (!sm->obj->u.func.fn)
            sm->obj->u.func.fn = fn;
        ptrvec_push(&c->cc->arena, &target->funcs, fn);
        check_func_body(c, fn, decl->u.funcdecl.body);
        *c = saved;
    }
    bind_methods(inst, sinst);
}

void generic_stencil_pending(Checker *c) {
    if (!c->st->generic)
        return;
    GenericState *gst = c->st->generic;
    for (int i = 0; i < gst->todo.len; i++)
        stencil(c, gst->todo.items[i]);
}

// ---------------------------------------------------------------------------
// Instances an importer meets

static bool seen_add(Checker *c, GenericState *gst, Type *t) {
    if (gst->nseen * 2 >= gst->cap) {
        uint32_t cap = gst->cap ? gst->cap * 2 : 256;
        Type **slots = ARENA_ARRAY(&c->cc->arena, Type *, cap);
        for (uint32_t i = 0; i < gst->cap; i++) {
            Type *x = gst->seen[i];
            if (!x)
                continue;
            uint32_t h = (x->id * 2654435761u) & (cap - 1);
            while (slots[h])
                h = (h + 1) & (cap - 1);
            slots[h] = x;
        }
        gst->seen = slots;
        gst->cap = cap;
    }
    uint32_t h = (t->id * 2654435761u) & (gst->cap - 1);
    while (gst->seen[h]) {
        if (gst->seen[h] == t)
            return false;
        h = (h + 1) & (gst->cap - 1);
    }
    gst->seen[h] = t;
    gst->nseen++;
    return true;
}

// Walks what reading t from export data reads: its structure and, for a
// defined type, its underlying type and its methods' signatures.
static void walk_type(Checker *c, GenericState *gst, Type *t, int depth) {
    if (!t || depth > 200)
        return;
    switch (t->kind) {
    case TY_NAMED:
        if (!seen_add(c, gst, t))
            return;
        if (t->u.named.orig && !type_has_shape(t->u.named.targs[0]))
            ptrvec_push(&c->cc->arena, &gst->todo, t);
        walk_type(c, gst, t->u.named.underlying, depth + 1);
        for (int i = 0; i < t->u.named.nmethods; i++)
            walk_type(c, gst, t->u.named.methods[i].type ? t->u.named.methods[i].type : t->u.named.methods[i].obj
                                  ? t->u.named.methods[i].obj->type : NULL, depth + 1);
        return;
    case TY_POINTER: walk_type(c, gst, t->u.ptr.elem, depth + 1); return;
    case TY_SLICE: walk_type(c, gst, t->u.slice.elem, depth + 1); return;
    case TY_ARRAY: walk_type(c, gst, t->u.array.elem, depth + 1); return;
    case TY_CHAN: walk_type(c, gst, t->u.chan.elem, depth + 1); return;
    case TY_MAP: walk_type(c, gst, t->u.map.key, depth + 1); walk_type(c, gst, t->u.map.value, depth + 1); return;
    case TY_FUNC:
        for (int i = 0; i < t->u.func.nparams; i++)
            walk_type(c, gst, t->u.func.params[i], depth + 1);
        for (int i = 0; i < t->u.func.nresults; i++)
            walk_type(c, gst, t->u.func.results[i], depth + 1);
        return;
    case TY_STRUCT:
        for (int i = 0; i < t->u.strct.nfields; i++)
            walk_type(c, gst, t->u.strct.fields[i].type, depth + 1);
        return;
    case TY_INTERFACE:
        for (int i = 0; i < t->u.iface.nmethods; i++)
            walk_type(c, gst, t->u.iface.methods[i].type, depth + 1);
        for (int i = 0; i < t->u.iface.nembedded; i++)
            walk_type(c, gst, t->u.iface.embedded[i], depth + 1);
        return;
    default:
        return;
    }
}

void generic_imported_object(Checker *c, Obj *o) {
    if (!c->cc->generics || !c->cc->generics->ninstances || c->pkg->is_std || !o || !o->type)
        return;
    walk_type(c, state(c), o->type, 0);
}

// ---------------------------------------------------------------------------
// Uses in expressions

void generic_index(Checker *c, Operand *x, Node *e) {
    Generic *g = generic_of(x->type);
    Node *ie = e->u.index.index;
    uint32_t f = e->pos.file;
    const SourceFile *sf = f < (uint32_t)c->cc->files.len ? c->cc->files.items[f] : NULL;
    if (!sf || !sf->std_rules) {
        Package *p = g->pkg;
        if (p != c->pkg && p->name)
            check_errorf(c, start_pos(e), "generic type %s.%s is not supported by minigc", p->name->s,
                         g->obj->name->s);
        else
            check_errorf(c, start_pos(e), "generic type %s is not supported by minigc", g->obj->name->s);
        use_expr(c, ie);
        x->mode = MODE_INVALID;
        return;
    }
    Type *targ = check_type(c, ie);
    if (targ->kind == TY_INVALID) {
        x->mode = MODE_INVALID;
        return;
    }
    x->type = generic_instantiate(c, x->type, targ, start_pos(e));
    x->mode = x->type->kind == TY_INVALID ? MODE_INVALID : MODE_TYPE;
    x->expr = e;
}

// x.m on a value of a shape type: the method is the constraint's, called on
// x converted to it (gc calls it through the dictionary's itab).
Node *generic_shape_receiver(Checker *c, Operand *x) {
    Type *t = x->type;
    if (!t || t->kind != TY_NAMED || !t->u.named.shape || !t->u.named.bound || x->mode == MODE_TYPE)
        return NULL;
    Node *e = x->expr;
    Type *b = t->u.named.bound;
    Node *tn = node_new(c->cc, N_IDENT, e->pos);
    tn->flags = NF_TYPE | NF_IMPLICIT;
    tn->type = b;
    tn->u.ident.name = b->kind == TY_NAMED ? b->u.named.obj->name : intern_cstr(c->cc, "interface");
    Node *conv = node_new(c->cc, N_CALL, e->pos);
    conv->flags = NF_IMPLICIT | NF_USED;
    conv->u.call.fun = tn;
    conv->u.call.args = nodelist_from(c->cc, &e, 1);
    conv->u.call.kind = CALL_CONVERSION;
    conv->u.call.rparen = e->pos;
    conv->type = b;
    x->mode = MODE_VALUE;
    x->type = b;
    x->expr = conv;
    return conv;
}

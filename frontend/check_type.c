// check_type.c - type expressions, defined types, method sets and lookups.
//
// check_type turns a type expression into a Type. While a defined type
// `type T rhs` is being declared, the composite type made for rhs becomes
// T's underlying type the moment it is allocated (the `def` argument), so
// that rhs may refer to T through pointers, slices, maps, functions and
// channels. A struct or array that contains T itself is caught afterwards by
// valid_type, which walks the type without following such indirections.
//
// Interfaces keep their complete method set sorted as gc sorts methods
// (exported names first, then by name); an interface embedding another is
// completed after the embedded one. Field and method lookup follows the
// spec's depth rule: a breadth-first walk through embedded fields, where a
// name found twice at the shallowest depth is ambiguous.
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Type *invalid_type(Checker *c) { return c->cc->basic[TY_INVALID]; }

static bool is_exported(const Name *n) { return n && n->s[0] >= 'A' && n->s[0] <= 'Z'; }

static void set_def(Type *def, Type *t) {
    if (def && def->kind == TY_NAMED && !def->u.named.underlying)
        def->u.named.underlying = t;
}

// Same name as seen from package `from`: unexported names belong to their
// package.
static bool same_id(Obj *o, Name *name, Package *from) {
    if (!o || o->name != name)
        return false;
    if (is_exported(name))
        return true;
    return !o->pkg || !from || o->pkg == from;
}

bool is_named(Type *t) {
    return t && (t->kind == TY_NAMED || t->kind <= TY_UNTYPED_NIL);
}


bool has_nil(Type *t) {
    Type *u = type_underlying(t);
    if (!u)
        return false;
    switch (u->kind) {
    case TY_UNSAFE_POINTER: case TY_SLICE: case TY_POINTER: case TY_FUNC:
    case TY_INTERFACE: case TY_MAP: case TY_CHAN:
        return true;
    default:
        return false;
    }
}

Type *default_type(Checker *c, Type *t) {
    if (!t)
        return t;
    switch (t->kind) {
    case TY_UNTYPED_BOOL: return c->cc->basic[TY_BOOL];
    case TY_UNTYPED_INT: return c->cc->basic[TY_INT];
    case TY_UNTYPED_RUNE: return c->cc->rune_type;
    case TY_UNTYPED_FLOAT: return c->cc->basic[TY_FLOAT64];
    case TY_UNTYPED_COMPLEX: return c->cc->basic[TY_COMPLEX128];
    case TY_UNTYPED_STRING: return c->cc->basic[TY_STRING];
    default: return t;
    }
}

// ---------------------------------------------------------------------------
// Shared pointer and slice types. A program writes *T and []T (and takes
// &x) over and over; one Type per element type saves most of the memory.

typedef struct TypeCacheEntry {
    Type *elem, *ptr, *slice;
} TypeCacheEntry;

struct TypeCache {
    TypeCacheEntry *slots;
    int cap, len;       // cap is a power of two
};

static TypeCacheEntry *cache_entry(Checker *c, Type *elem) {
    struct TypeCache *tc = c->st->type_cache;
    if (!tc) {
        tc = ARENA_NEW(&c->cc->arena, struct TypeCache);
        c->st->type_cache = tc;
    }
    if (2 * (tc->len + 1) > tc->cap) {
        int cap = tc->cap ? tc->cap * 2 : 256;
        TypeCacheEntry *slots = ARENA_ARRAY(&c->cc->arena, TypeCacheEntry, cap);
        for (int i = 0; i < tc->cap; i++) {
            TypeCacheEntry *e = &tc->slots[i];
            if (!e->elem)
                continue;
            uint32_t j = e->elem->id & (uint32_t)(cap - 1);
            while (slots[j].elem)
                j = (j + 1) & (uint32_t)(cap - 1);
            slots[j] = *e;
        }
        tc->slots = slots;
        tc->cap = cap;
    }
    uint32_t i = elem->id & (uint32_t)(tc->cap - 1);
    while (tc->slots[i].elem && tc->slots[i].elem != elem)
        i = (i + 1) & (uint32_t)(tc->cap - 1);
    if (!tc->slots[i].elem) {
        tc->slots[i].elem = elem;
        tc->len++;
    }
    return &tc->slots[i];
}

Type *pointer_to(Checker *c, Type *elem) {
    if (!elem)
        return type_pointer(c->cc, elem);
    TypeCacheEntry *e = cache_entry(c, elem);
    if (!e->ptr)
        e->ptr = type_pointer(c->cc, elem);
    return e->ptr;
}

Type *slice_of(Checker *c, Type *elem) {
    if (!elem)
        return type_slice(c->cc, elem);
    TypeCacheEntry *e = cache_entry(c, elem);
    if (!e->slice)
        e->slice = type_slice(c->cc, elem);
    return e->slice;
}

// ---------------------------------------------------------------------------
// Type expressions

// Whether e (G or pkg.G) names a generic declaration (see File.generics).
static bool names_generic(Checker *c, Node *e) {
    Obj *o = NULL;
    if (e->kind == N_IDENT) {
        o = lookup(c, e->u.ident.name);
    } else if (e->kind == N_SELECTOR && e->u.sel.x && e->u.sel.x->kind == N_IDENT) {
        Obj *p = lookup(c, e->u.sel.x->u.ident.name);
        if (p && p->kind == OBJ_PKG && p->u.imported && p->u.imported->scope)
            o = scope_lookup_local(p->u.imported->scope, e->u.sel.name);
    }
    return o && o->kind == OBJ_BAD;
}

// Whether e (G or pkg.G) names a generic type that generic.c instantiates.
static bool names_generic_type(Checker *c, Node *e) {
    Obj *o = NULL;
    if (e->kind == N_IDENT) {
        o = lookup(c, e->u.ident.name);
    } else if (e->kind == N_SELECTOR && e->u.sel.x && e->u.sel.x->kind == N_IDENT) {
        Obj *p = lookup(c, e->u.sel.x->u.ident.name);
        if (p && p->kind == OBJ_PKG && p->u.imported && p->u.imported->scope)
            o = scope_lookup_local(p->u.imported->scope, e->u.sel.name);
    }
    return o && o->kind == OBJ_TYPE && o->decl && o->decl->kind == N_TYPESPEC && o->decl->u.typespec.tparams.len;
}

static Type *check_type_def(Checker *c, Node *e, Type *def);

static Type *record_type(Node *e, Type *t) {
    e->type = t;
    e->flags |= NF_TYPE;
    return t;
}


static int64_t array_length(Checker *c, Node *e) {
    // A name that is not a constant may be a type parameter list missing
    // its constraint: say so in terms of the array length.
    if (e->kind == N_IDENT) {
        Obj *o = lookup(c, e->u.ident.name);
        if (!o) {
            check_errorf(c, e->pos, "undeclared name %s for array length", e->u.ident.name->s);
            return -1;
        }
        if (o->kind != OBJ_CONST) {
            check_errorf(c, e->pos, "invalid array length %s", e->u.ident.name->s);
            return -1;
        }
    }
    Operand x = {0};
    check_expr(c, &x, e);
    if (x.mode == MODE_INVALID)
        return -1;
    if (x.mode != MODE_CONST) {
        check_errorf(c, start_pos(e), "array length %s must be constant", opstr(c, &x));
        return -1;
    }
    if (type_is_untyped(x.type) || type_is_integer(x.type)) {
        ConstVal v;
        int64_t n;
        // Lengths beyond int fall through to "must be integer", as in gc.
        if (const_to_int(&c->cc->arena, x.val, &v) && const_int64(v, &n)) {
            if (n >= 0)
                return n;
            check_errorf(c, start_pos(e), "invalid array length %s", opstr(c, &x));
            return -1;
        }
    }
    check_errorf(c, start_pos(e), "array length %s must be integer", opstr(c, &x));
    return -1;
}

static Node *embedded_field_ident(Node *e) {
    while (e) {
        switch (e->kind) {
        case N_IDENT: return e;
        case N_SELECTOR: return e;      // pkg.T: the name is sel.name
        case N_STAR:
            if (e->u.unary.x && e->u.unary.x->kind == N_STAR)
                return NULL;
            e = e->u.unary.x;
            break;
        case N_PAREN: e = e->u.unary.x; break;
        case N_INDEX: e = e->u.index.x; break;     // an instance G[A] (std only)
        default: return NULL;
        }
    }
    return NULL;
}

static const char *field_tag(Checker *c, Node *tag) {
    if (!tag || tag->kind != N_BASICLIT)
        return NULL;
    char *s;
    size_t n;
    const char *err;
    if (tag->u.lit.kind != T_STRING || !lit_unquote(&c->cc->arena, tag->u.lit.text, tag->u.lit.len, &s, &n, &err)) {
        check_errorf(c, tag->pos, "invalid AST: incorrect tag syntax: %.*s", (int)tag->u.lit.len, tag->u.lit.text);
        return NULL;
    }
    return n ? s : NULL;
}

static void check_embedded_field(Checker *c, Type *t, Pos pos) {
    bool is_ptr = t && t->kind == TY_POINTER;
    Type *base = is_ptr ? t->u.ptr.elem : t;
    Type *u = type_underlying(base);
    if (!u || u->kind == TY_INVALID)
        return;
    if (u->kind == TY_UNSAFE_POINTER)
        check_errorf(c, pos, "embedded field type cannot be unsafe.Pointer");
    else if (u->kind == TY_POINTER)
        check_errorf(c, pos, "embedded field type cannot be a pointer");
    else if (u->kind == TY_INTERFACE && is_ptr)
        check_errorf(c, pos, "embedded field type cannot be a pointer to an interface");
}

static Field *add_field(Checker *c, PtrVec *fields, Name *name, Type *t, Pos pos, const char *tag, bool embedded) {
    for (int i = 0; i < fields->len; i++) {
        Field *f = fields->items[i];
        if (f->name == name && !name_is(name, "_")) {
            check_errorf(c, pos, "%s redeclared\n\t%s:%u:%u: other declaration of %s", name->s,
                         ((SourceFile *)c->cc->files.items[f->pos.file])->path, f->pos.line, f->pos.col, name->s);
            return NULL;
        }
    }
    Field *f = ARENA_NEW(&c->cc->arena, Field);
    f->name = name;
    f->type = t;
    f->pos = pos;
    f->tag = tag;
    f->embedded = embedded;
    Obj *o = obj_new(c->cc, OBJ_VAR, name, pos, t);
    o->pkg = c->pkg;
    o->color = COLOR_BLACK;
    o->u.var.is_field = true;
    o->u.var.embedded = embedded;
    f->obj = o;
    ptrvec_push(&c->cc->arena, fields, f);
    return f;
}

static Type *struct_type(Checker *c, Node *e, Type *def) {
    Type *t = type_new(c->cc, TY_STRUCT);
    set_def(def, t);
    void *fbuf[16];
    PtrVec fields = {fbuf, 0, 16};
    for (int i = 0; i < e->u.fields.list.len; i++) {
        Node *f = e->u.fields.list.items[i];
        Type *ft = check_type(c, f->u.field.type);
        const char *tag = field_tag(c, f->u.field.tag);
        if (f->u.field.names.len > 0) {
            for (int j = 0; j < f->u.field.names.len; j++) {
                Node *id = f->u.field.names.items[j];
                Field *fld = add_field(c, &fields, id->u.ident.name, ft, id->pos, tag, false);
                if (fld)
                    id->u.ident.obj = fld->obj;
            }
            continue;
        }
        Pos pos = start_pos(f->u.field.type);
        Node *id = embedded_field_ident(f->u.field.type);
        if (!id) {
            check_errorf(c, pos, "invalid embedded field type %s", estr(c, f->u.field.type));
            continue;
        }
        Name *name = id->kind == N_SELECTOR ? id->u.sel.name : id->u.ident.name;
        add_field(c, &fields, name, ft, pos, tag, true);
        check_embedded_field(c, ft, pos);
    }
    t->u.strct.nfields = fields.len;
    t->u.strct.fields = ARENA_ARRAY(&c->cc->arena, Field, fields.len > 0 ? fields.len : 1);
    for (int i = 0; i < fields.len; i++)
        t->u.strct.fields[i] = *(Field *)fields.items[i];
    return t;
}

// gc's method order: exported names first, then by name.
static int method_cmp(const void *pa, const void *pb) {
    const Method *a = pa, *b = pb;
    bool ea = is_exported(a->name), eb = is_exported(b->name);
    if (ea != eb)
        return ea ? -1 : 1;
    int r = strcmp(a->name->s, b->name->s);
    if (r)
        return r;
    const char *pa_ = a->obj && a->obj->pkg ? a->obj->pkg->path : "";
    const char *pb_ = b->obj && b->obj->pkg ? b->obj->pkg->path : "";
    return strcmp(pa_, pb_);
}

// Interfaces whose embedded types are still being resolved.
// An interface's complete method set needs the interfaces it embeds to be
// complete, and those may still be under construction (a method of I may
// mention J, which embeds I). So interfaces are completed lazily: on first
// demand, and in any case once no declaration is in progress
// (complete_pending_interfaces). An interface still collecting its own
// methods and embedded types has nmethods == -1 and cannot be completed yet.

static void record_owner(Checker *c, Type *iface, Type *def) {
    if (def && def->kind == TY_NAMED && def->u.named.obj) {
        ptrvec_push(&c->cc->arena, &c->st->iface_owners, iface);
        ptrvec_push(&c->cc->arena, &c->st->iface_owners, def->u.named.obj);
    }
}

static const char *at(Checker *c, Pos p) {
    const SourceFile *sf = c->cc->files.items[p.file];
    return arena_sprintf(&c->cc->arena, "%s:%u:%u", sf->path, p.line, p.col);
}

// Where an interface's embedded types are written (for duplicate method
// reports), kept beside the type: pairs (interface, Pos array).
static Pos *embed_positions(Checker *c, Type *iface) {
    for (int i = 0; i + 1 < c->st->iface_embeds.len; i += 2)
        if (c->st->iface_embeds.items[i] == iface)
            return c->st->iface_embeds.items[i + 1];
    return NULL;
}

static Obj *iface_owner(Checker *c, Type *iface) {
    for (int i = 0; i + 1 < c->st->iface_owners.len; i += 2)
        if (c->st->iface_owners.items[i] == iface)
            return c->st->iface_owners.items[i + 1];
    return NULL;
}

static Type *interface_type(Checker *c, Node *e, Type *def) {
    Type *t = type_new(c->cc, TY_INTERFACE);
    set_def(def, t);
    record_owner(c, t, def);
    t->u.iface.nmethods = -1;
    void *mbuf[16], *ebuf[8], *pbuf[8];
    PtrVec methods = {mbuf, 0, 16}, embedded = {ebuf, 0, 8}, epos = {pbuf, 0, 8};
    for (int i = 0; i < e->u.fields.list.len; i++) {
        Node *f = e->u.fields.list.items[i];
        if (f->u.field.names.len == 0) {
            Type *et = check_type(c, f->u.field.type);
            Type *eu = type_underlying(et);
            if (et->kind == TY_INVALID || !eu)
                continue;
            if (eu->kind != TY_INTERFACE) {
                check_errorf(c, start_pos(f->u.field.type),
                             "cannot use %s in interface (not an interface type)", tstr(c, et));
                continue;
            }
            ptrvec_push(&c->cc->arena, &embedded, et);
            ptrvec_push(&c->cc->arena, &epos, f->u.field.type);
            continue;
        }
        Node *id = f->u.field.names.items[0];
        if (name_is(id->u.ident.name, "_")) {
            check_errorf(c, id->pos, "methods must have a unique non-blank name");
            continue;
        }
        Type *sig = check_type(c, f->u.field.type);
        if (sig->kind != TY_FUNC)
            continue;
        Method *dup = NULL;
        for (int k = 0; k < methods.len && !dup; k++)
            if (((Method *)methods.items[k])->name == id->u.ident.name)
                dup = methods.items[k];
        if (dup) {
            check_errorf(c, id->pos, "duplicate method %s\n\t%s: other declaration of %s", id->u.ident.name->s,
                         at(c, dup->obj->pos), id->u.ident.name->s);
            continue;
        }
        Method *m = ARENA_NEW(&c->cc->arena, Method);
        m->name = id->u.ident.name;
        m->type = sig;
        m->obj = obj_new(c->cc, OBJ_FUNC, m->name, id->pos, sig);
        m->obj->decl = f;   // its parameters' names and positions (gc's method wrappers copy them)
        m->obj->pkg = c->pkg;
        m->obj->color = COLOR_BLACK;
        m->obj->u.func.recv = def ? def : t;
        id->u.ident.obj = m->obj;
        ptrvec_push(&c->cc->arena, &methods, m);
    }
    t->u.iface.embedded = ARENA_ARRAY(&c->cc->arena, Type *, embedded.len > 0 ? embedded.len : 1);
    for (int i = 0; i < embedded.len; i++)
        t->u.iface.embedded[i] = embedded.items[i];
    t->u.iface.nembedded = embedded.len;
    if (embedded.len > 0) {
        Pos *ps = ARENA_ARRAY(&c->cc->arena, Pos, embedded.len);
        for (int i = 0; i < embedded.len; i++)
            ps[i] = start_pos(epos.items[i]);
        ptrvec_push(&c->cc->arena, &c->st->iface_embeds, t);
        ptrvec_push(&c->cc->arena, &c->st->iface_embeds, ps);
    }
    t->u.iface.methods = ARENA_ARRAY(&c->cc->arena, Method, methods.len > 0 ? methods.len : 1);
    for (int i = 0; i < methods.len; i++)
        t->u.iface.methods[i] = *(Method *)methods.items[i];
    t->u.iface.nmethods = methods.len;
    if (embedded.len == 0) {
        // Nothing to wait for: sort the own methods now.
        interface_complete(c, t);
    } else {
        ptrvec_push(&c->cc->arena, &c->st->pending_ifaces, t);
    }
    return t;
}

static void recursive_type_error(Checker *c, Type **path, int n);

// Reports an interface embedding itself: the chain of interfaces being
// completed from the first occurrence of t.
static void embedding_cycle(Checker *c, Type *t) {
    PtrVec *stack = &c->st->completing;
    int start = 0;
    for (int i = 0; i < stack->len; i++)
        if (stack->items[i] == t)
            start = i;
    int n = stack->len - start;
    Type **named = ARENA_ARRAY(&c->cc->arena, Type *, n > 0 ? n : 1);
    int k = 0;
    for (int i = 0; i < n; i++) {
        Obj *o = iface_owner(c, stack->items[start + i]);
        if (o && o->type && o->type->kind == TY_NAMED)
            named[k++] = o->type;
    }
    if (k == 0)
        return;
    recursive_type_error(c, named, k);
    // The types of the cycle are invalid: nothing else about them is worth
    // reporting.
    for (int i = 0; i < k; i++)
        named[i]->u.named.underlying = c->cc->basic[TY_INVALID];
}

// Computes the complete method set of an interface: its own methods plus
// those of the interfaces it embeds. Returns false if that cannot be done
// yet (an embedded interface is still under construction) or ever (an
// embedding cycle, reported here).
static bool complete(Checker *c, Type *t) {
    if (!t || t->kind != TY_INTERFACE || t->u.iface.complete)
        return true;
    if (t->u.iface.nmethods < 0)
        return false;
    PtrVec *stack = &c->st->completing;
    for (int i = 0; i < stack->len; i++)
        if (stack->items[i] == t) {
            embedding_cycle(c, t);
            // Drop the embedding that closes the cycle.
            t->u.iface.nembedded = 0;
            return false;
        }
    ptrvec_push(&c->cc->arena, stack, t);
    bool ok = true;
    for (int i = 0; i < t->u.iface.nembedded && ok; i++) {
        Type *eu = type_underlying(t->u.iface.embedded[i]);
        if (eu && eu->kind == TY_INTERFACE && !complete(c, eu))
            ok = false;
    }
    stack->len--;
    if (!ok)
        return t->u.iface.complete;
    int own = t->u.iface.nmethods;
    void *abuf[16];
    PtrVec all = {abuf, 0, 16};
    // Where each method of `all` comes from: its name for explicit methods,
    // the embedded type for the others.
    Pos mpos_buf[16];
    Pos *mpos = mpos_buf;
    int mcap = 16;
    if (own > mcap) {
        mcap = own * 2;
        mpos = ARENA_ARRAY(&c->cc->arena, Pos, mcap);
    }
    Pos *epos = embed_positions(c, t);
    for (int i = 0; i < own; i++) {
        ptrvec_push(&c->cc->arena, &all, &t->u.iface.methods[i]);
        mpos[i] = t->u.iface.methods[i].obj ? t->u.iface.methods[i].obj->pos : (Pos){0};
    }
    for (int i = 0; i < t->u.iface.nembedded; i++) {
        Type *eu = type_underlying(t->u.iface.embedded[i]);
        if (!eu || eu->kind != TY_INTERFACE)
            continue;
        Pos here = epos ? epos[i] : (Pos){0};
        for (int j = 0; j < eu->u.iface.nmethods; j++) {
            Method *m = &eu->u.iface.methods[j];
            bool dup = false;
            for (int k = 0; k < all.len && !dup; k++) {
                Method *o = all.items[k];
                if (o->name != m->name)
                    continue;
                dup = true;
                // A method met again through embedding is fine if identical.
                if (!type_identical(o->type, m->type))
                    check_errorf(c, here, "duplicate method %s\n\t%s: other declaration of %s", m->name->s,
                                 at(c, mpos[k]), m->name->s);
            }
            if (dup)
                continue;
            if (all.len == mcap) {
                Pos *n = ARENA_ARRAY(&c->cc->arena, Pos, mcap * 2);
                memcpy(n, mpos, sizeof(Pos) * (size_t)mcap);
                mpos = n;
                mcap *= 2;
            }
            mpos[all.len] = here;
            ptrvec_push(&c->cc->arena, &all, m);
        }
    }
    Method *ms = ARENA_ARRAY(&c->cc->arena, Method, all.len > 0 ? all.len : 1);
    for (int i = 0; i < all.len; i++)
        ms[i] = *(Method *)all.items[i];
    if (all.len > 1)
        qsort(ms, (size_t)all.len, sizeof(Method), method_cmp);
    t->u.iface.methods = ms;
    t->u.iface.nmethods = all.len;
    t->u.iface.complete = true;
    return true;
}

void interface_complete(Checker *c, Type *t) { complete(c, t); }

static void check_map_keys(Checker *c) {
    PtrVec *p = &c->st->pending_keys;
    for (int i = 0; i + 1 < p->len; i += 2) {
        Type *m = p->items[i];
        Node *key = p->items[i + 1];
        Type *k = m->u.map.key;
        Type *ku = type_underlying(k);
        if (ku && ku->kind != TY_INVALID && !type_comparable(k))
            check_errorf(c, start_pos(key), "invalid map key type %s", tstr(c, k));
    }
    p->len = 0;
}

void complete_pending_interfaces(Checker *c) {
    check_pending_types(c);
    check_map_keys(c);
    PtrVec *p = &c->st->pending_ifaces;
    for (int i = 0; i < p->len; i++) {
        Type *t = p->items[i];
        if (!complete(c, t) && !t->u.iface.complete && t->u.iface.nmethods >= 0) {
            // Part of a cycle: give it what it has, so nothing loops later.
            t->u.iface.nembedded = 0;
            complete(c, t);
        }
    }
    p->len = 0;
}

// ~rN for the unnamed result N, ~bN for the blank one (gc's names).
static Name *result_name(Checker *c, bool blank, int i) {
    Name **cache = blank ? c->st->bnames : c->st->rnames;
    if (i < 8 && cache[i])
        return cache[i];
    char buf[24];
    int k = snprintf(buf, sizeof buf, "%s%d", blank ? "~b" : "~r", i);
    Name *n = intern(c->cc, buf, (size_t)k);
    if (i < 8)
        cache[i] = n;
    return n;
}

// Names of a signature that has no function (a func type, an interface
// method), which may not repeat either.
typedef struct DupCheck {
    Name *names[32];
    Pos pos[32];
    int n;
} DupCheck;

static void check_dup_param(Checker *c, DupCheck *d, Node *id) {
    Name *name = id->u.ident.name;
    if (name == c->st->blank)
        return;
    for (int i = 0; i < d->n; i++)
        if (d->names[i] == name) {
            const SourceFile *sf = c->cc->files.items[d->pos[i].file];
            check_errorf(c, id->pos, "%s redeclared in this block\n\t%s:%u:%u: other declaration of %s", name->s,
                         sf->path, d->pos[i].line, d->pos[i].col, name->s);
            return;
        }
    if (d->n < 32) {
        d->names[d->n] = name;
        d->pos[d->n++] = id->pos;
    }
}

// Collects a parameter list; declares the parameters in `scope` (when
// checking a function's signature) and records their objects in `objs`.
static void collect_params(Checker *c, NodeList *list, bool variadic_ok, Scope *scope, PtrVec *types,
                           PtrVec *names, PtrVec *objs, bool *variadic, bool results, DupCheck *dups) {
    for (int i = 0; i < list->len; i++) {
        Node *f = list->items[i];
        Node *te = f->u.field.type;
        bool dots = te && te->kind == N_ELLIPSIS;
        if (dots) {
            if (variadic_ok && i == list->len - 1 && f->u.field.names.len <= 1)
                *variadic = true;
            else
                check_errorf(c, te->pos, "can only use ... with final parameter in list");
            te = te->u.unary.x;
        }
        Type *t = te ? check_type(c, te) : invalid_type(c);
        if (dots && *variadic && i == list->len - 1) {
            Type *s = slice_of(c, t);
            f->u.field.type->type = s;
            t = s;
        }
        int n = f->u.field.names.len > 0 ? f->u.field.names.len : 1;
        for (int j = 0; j < n; j++) {
            Node *id = f->u.field.names.len > 0 ? f->u.field.names.items[j] : NULL;
            Name *name = id ? id->u.ident.name : NULL;
            ptrvec_push(&c->cc->arena, types, t);
            ptrvec_push(&c->cc->arena, names, name);
            if (!objs) {
                if (id)
                    check_dup_param(c, dups, id);
                continue;
            }
            // Unnamed and blank parameters get objects too: later passes
            // need one per parameter slot.
            // gc names results it must be able to refer to: ~rN when
            // unnamed, ~bN when blank.
            Name *oname = name ? name : c->st->blank;
            if (results && (!name || name == c->st->blank))
                oname = result_name(c, name != NULL, objs->len);
            Obj *o = obj_new(c->cc, OBJ_VAR, oname, id ? id->pos : f->pos, t);
            o->decl = f;
            o->pkg = c->pkg;
            o->color = COLOR_BLACK;
            o->u.var.is_param = !results;
            o->u.var.is_result = results;
            o->u.var.param_index = objs->len;
            o->u.var.loop_depth = 1;
            // An unnamed result is used by definition; parameters are never
            // reported as unused.
            o->u.var.used = true;
            if (id) {
                id->u.ident.obj = o;
                id->type = t;
            }
            if (scope && name && name != c->st->blank)
                declare_local(c, scope, o, id);
            ptrvec_push(&c->cc->arena, objs, o);
        }
    }
}

static Type **vec_types(Checker *c, PtrVec *v) {
    Type **ts = ARENA_ARRAY(&c->cc->arena, Type *, v->len > 0 ? v->len : 1);
    for (int i = 0; i < v->len; i++)
        ts[i] = v->items[i];
    return ts;
}

static Name **vec_names(Checker *c, PtrVec *v) {
    bool any = false;
    for (int i = 0; i < v->len; i++)
        any |= v->items[i] != NULL;
    if (!any)
        return NULL;
    Name **ns = ARENA_ARRAY(&c->cc->arena, Name *, v->len);
    for (int i = 0; i < v->len; i++)
        ns[i] = v->items[i];
    return ns;
}

static Obj **vec_objs(Checker *c, PtrVec *v) {
    Obj **os = ARENA_ARRAY(&c->cc->arena, Obj *, v->len > 0 ? v->len : 1);
    for (int i = 0; i < v->len; i++) {
        os[i] = v->items[i];
        os[i]->u.var.param_index = i;
    }
    return os;
}

static void validate_receiver(Checker *c, Obj *recv, Node *recv_field) {
    Type *t = recv->type;
    if (!t || t->kind == TY_INVALID)
        return;
    Type *base = t->kind == TY_POINTER ? t->u.ptr.elem : t;
    Pos pos = recv->pos;
    if (recv_field && recv_field->u.field.names.len == 0)
        pos = start_pos(recv_field->u.field.type);
    if (!base || base->kind == TY_INVALID)
        return;
    if (base->kind == TY_NAMED) {
        Obj *o = base->u.named.obj;
        if (o && o->pkg != c->pkg) {
            check_errorf(c, pos, "cannot define new methods on non-local type %s", tstr(c, base));
            return;
        }
        Type *u = base->u.named.underlying;
        if (!u)
            return;
        if (u->kind == TY_UNSAFE_POINTER)
            check_errorf(c, pos, "invalid receiver type %s (unsafe.Pointer)", tstr(c, base));
        else if (u->kind == TY_POINTER || u->kind == TY_INTERFACE)
            check_errorf(c, pos, "invalid receiver type %s (pointer or interface type)", tstr(c, base));
        return;
    }
    if (base->kind <= TY_UNTYPED_NIL)
        check_errorf(c, pos, "cannot define new methods on non-local type %s", tstr(c, base));
    else
        check_errorf(c, pos, "invalid receiver type %s", tstr(c, t));
}

Type *check_func_type(Checker *c, Node *ftype, Node *recv, FuncInfo *fn, Scope *scope) {
    Type *sig = type_new(c->cc, TY_FUNC);
    if (ftype)
        record_type(ftype, sig);
    // Parameter lists are short: collect them in stack buffers (PtrVec
    // moves to the arena only if one overflows).
    void *b[9][8];
    PtrVec rtypes = {b[0], 0, 8}, rnames = {b[1], 0, 8}, robjs = {b[2], 0, 8};
    PtrVec ptypes = {b[3], 0, 8}, pnames = {b[4], 0, 8}, pobjs = {b[5], 0, 8};
    PtrVec otypes = {b[6], 0, 8}, onames = {b[7], 0, 8}, oobjs = {b[8], 0, 8};
    bool variadic = false, dummy = false;
    PtrVec *objs_r = fn ? &robjs : NULL, *objs_p = fn ? &pobjs : NULL, *objs_o = fn ? &oobjs : NULL;
    // A signature without a function still may not repeat a name.
    DupCheck dups;
    dups.n = 0;
    if (recv) {
        NodeList one = {&recv, 1};
        collect_params(c, &one, false, scope, &rtypes, &rnames, objs_r ? objs_r : &robjs, &dummy, false, &dups);
    }
    if (ftype) {
        collect_params(c, &ftype->u.functype.params, true, scope, &ptypes, &pnames, objs_p, &variadic, false, &dups);
        collect_params(c, &ftype->u.functype.results, false, scope, &otypes, &onames, objs_o, &dummy, true, &dups);
    }
    sig->u.func.params = vec_types(c, &ptypes);
    sig->u.func.nparams = ptypes.len;
    sig->u.func.param_names = vec_names(c, &pnames);
    sig->u.func.results = vec_types(c, &otypes);
    sig->u.func.nresults = otypes.len;
    sig->u.func.result_names = vec_names(c, &onames);
    sig->u.func.variadic = variadic;
    if (recv && robjs.len > 0) {
        Obj *r = robjs.items[0];
        r->u.var.is_param = false;
        r->u.var.is_recv = true;
        r->u.var.param_index = -1;
        if (fn) {
            fn->recv = r;
            r->u.var.fn = fn;
        }
        if (fn && fn->obj)
            fn->obj->u.func.recv = r->type;
        validate_receiver(c, r, recv);
    }
    if (fn) {
        fn->sig = sig;
        fn->params = vec_objs(c, &pobjs);
        fn->nparams = pobjs.len;
        fn->results = vec_objs(c, &oobjs);
        fn->nresults = oobjs.len;
        for (int i = 0; i < fn->nparams; i++)
            fn->params[i]->u.var.fn = fn;
        for (int i = 0; i < fn->nresults; i++) {
            fn->results[i]->u.var.fn = fn;
            fn->results[i]->u.var.param_index = i;
        }
    }
    return sig;
}

static Type *map_type(Checker *c, Node *e, Type *def) {
    Type *t = type_new(c->cc, TY_MAP);
    set_def(def, t);
    t->u.map.key = check_type(c, e->u.maptype.key);
    t->u.map.value = check_type(c, e->u.maptype.value);
    // The key's type may still be under construction (type T struct{ m
    // map[T]int }): its comparability is checked once declarations settle.
    ptrvec_push(&c->cc->arena, &c->st->pending_keys, t);
    ptrvec_push(&c->cc->arena, &c->st->pending_keys, e->u.maptype.key);
    if (c->st->path.len == 0)
        complete_pending_interfaces(c);
    return t;
}

static Type *ident_type(Checker *c, Node *e, Type *def) {
    (void)def;
    Operand x = {0};
    check_raw_expr(c, &x, e, NULL);
    switch (x.mode) {
    case MODE_TYPE:
        return x.type;
    case MODE_INVALID:
        return invalid_type(c);
    case MODE_NOVALUE:
        check_errorf(c, start_pos(e), "%s used as type", opstr(c, &x));
        return invalid_type(c);
    default:
        check_errorf(c, start_pos(e), "%s is not a type", opstr(c, &x));
        return invalid_type(c);
    }
}

static Type *check_type_def(Checker *c, Node *e, Type *def) {
    if (!e)
        return invalid_type(c);
    Type *t;
    switch (e->kind) {
    case N_IDENT:
    case N_SELECTOR:
        t = ident_type(c, e, def);
        if (generic_type(t)) {
            check_errorf(c, start_pos(e), "cannot use generic type %s without instantiation", generic_type_string(c, t));
            t = invalid_type(c);
        }
        break;
    case N_PAREN:
        t = check_type_def(c, e->u.unary.x, def);
        break;
    case N_STAR: {
        if (!def) {
            Type *elem = check_type(c, e->u.unary.x);
            t = elem->kind == TY_INVALID ? invalid_type(c) : pointer_to(c, elem);
            break;
        }
        Type *p = type_new(c->cc, TY_POINTER);
        p->u.ptr.elem = invalid_type(c);
        set_def(def, p);
        p->u.ptr.elem = check_type(c, e->u.unary.x);
        t = p->u.ptr.elem->kind == TY_INVALID ? invalid_type(c) : p;
        break;
    }
    case N_ARRAYTYPE:
        if (!e->u.arraytype.len && !def) {
            t = slice_of(c, check_type(c, e->u.arraytype.elem));
        } else if (!e->u.arraytype.len) {
            Type *s = type_new(c->cc, TY_SLICE);
            set_def(def, s);
            s->u.slice.elem = check_type(c, e->u.arraytype.elem);
            t = s;
        } else if (e->u.arraytype.len->kind == N_ELLIPSIS && !e->u.arraytype.len->u.unary.x) {
            check_errorf(c, e->pos, "invalid use of [...] array (outside a composite literal)");
            check_type(c, e->u.arraytype.elem);
            t = invalid_type(c);
        } else {
            Type *a = type_new(c->cc, TY_ARRAY);
            set_def(def, a);
            a->u.array.len = array_length(c, e->u.arraytype.len);
            a->u.array.elem = check_type(c, e->u.arraytype.elem);
            t = a->u.array.len < 0 ? invalid_type(c) : a;
        }
        break;
    case N_STRUCTTYPE:
        t = struct_type(c, e, def);
        break;
    case N_FUNCTYPE: {
        Type *f = check_func_type(c, e, NULL, NULL, NULL);
        set_def(def, f);
        t = f;
        break;
    }
    case N_INTERFACETYPE:
        t = interface_type(c, e, def);
        break;
    case N_MAPTYPE:
        t = map_type(c, e, def);
        break;
    case N_CHANTYPE: {
        Type *ch = type_new(c->cc, TY_CHAN);
        set_def(def, ch);
        ch->u.chan.dir = e->u.chantype.dir ? e->u.chantype.dir : CHAN_BOTH;
        ch->u.chan.elem = check_type(c, e->u.chantype.elem);
        t = ch;
        break;
    }
    case N_ELLIPSIS:
        check_errorf(c, e->pos, "invalid use of '...'");
        if (e->u.unary.x)
            check_type(c, e->u.unary.x);
        t = invalid_type(c);
        break;
    case N_BAD:
        t = invalid_type(c);    // reported by the parser
        break;
    case N_INDEX:
        // G[A] of a generic std type: its instance (generic.c), or refused
        // in user code.
        if (names_generic_type(c, e->u.index.x)) {
            t = ident_type(c, e, def);
            break;
        }
        // G[T] of a generic std declaration dropped by the parser: its use is
        // reported as not supported (by use_expr), not as "not a type".
        if (names_generic(c, e->u.index.x)) {
            use_expr(c, e->u.index.x);
            t = invalid_type(c);
            break;
        }
        check_errorf(c, start_pos(e), "%s is not a type", estr(c, e));
        use_expr(c, e);
        t = invalid_type(c);
        break;
    default:
        check_errorf(c, start_pos(e), "%s is not a type", estr(c, e));
        use_expr(c, e);
        t = invalid_type(c);
        break;
    }
    set_def(def, t);
    return record_type(e, t);
}

Type *check_type(Checker *c, Node *e) { return check_type_def(c, e, NULL); }


// ---------------------------------------------------------------------------
// Defined types and aliases

// ---------------------------------------------------------------------------
// Recursive types
//
// A defined type may not contain itself except through an indirection
// (pointer, slice, map, channel, function): `type T struct{ a [2]T }` has
// no size. types2 finds such cycles in its validType, once per defined type
// in the order their declarations were entered, after the declarations
// have settled: a depth-first walk through each type's right-hand side,
// struct fields and array elements, keeping the path of defined types
// entered; meeting a type already on the path is a cycle, reported from
// the type that comes first in the source, and that type's underlying type
// becomes invalid so the rest of the cycle is not reported again. Types
// found valid are remembered and never walked again, which keeps the whole
// check linear in the size of the declarations.
//
// The walk here is the same, with an explicit stack instead of recursion so
// that neither the length of a chain of types nor the depth of a nesting
// (`[1][1]...[1]T`) is bounded by the C stack.

// A defined type's state in the walk: 0 unknown, VT_VALID, or its index in
// the path plus VT_ON_PATH while the walk is inside it.
enum { VT_VALID = 1, VT_ON_PATH = 2 };

typedef struct ValidTypes {
    const Type **keys;
    int *state;
    int len, cap;           // a power of two
} ValidTypes;

static int *vt_slot(Checker *c, const Type *t) {
    ValidTypes *v = c->st->valid_types;
    if (!v) {
        v = ARENA_NEW(&c->cc->arena, ValidTypes);
        c->st->valid_types = v;
    }
    if (2 * (v->len + 1) > v->cap) {
        int cap = v->cap ? v->cap * 2 : 64;
        const Type **keys = ARENA_ARRAY(&c->cc->arena, const Type *, cap);
        int *state = ARENA_ARRAY(&c->cc->arena, int, cap);
        for (int i = 0; i < v->cap; i++) {
            if (!v->keys[i])
                continue;
            uint32_t j = v->keys[i]->id & (uint32_t)(cap - 1);
            while (keys[j])
                j = (j + 1) & (uint32_t)(cap - 1);
            keys[j] = v->keys[i];
            state[j] = v->state[i];
        }
        v->keys = keys;
        v->state = state;
        v->cap = cap;
    }
    uint32_t i = t->id & (uint32_t)(v->cap - 1);
    while (v->keys[i] && v->keys[i] != t)
        i = (i + 1) & (uint32_t)(v->cap - 1);
    if (!v->keys[i]) {
        v->keys[i] = t;
        v->state[i] = 0;
        v->len++;
    }
    return &v->state[i];
}

static const char *obj_pos_str(Checker *c, Obj *o) {
    const SourceFile *sf = c->cc->files.items[o->pos.file];
    return arena_sprintf(&c->cc->arena, "%s:%u:%u", sf->path, o->pos.line, o->pos.col);
}

// Reports the cycle of defined types path[0..n-1] (each refers to the
// next, the last to the first), starting from the one first in the source.
static void recursive_type_error(Checker *c, Type **path, int n) {
    int first = 0;
    for (int i = 1; i < n; i++)
        if (pos_compare(path[i]->u.named.obj->pos, path[first]->u.named.obj->pos) < 0)
            first = i;
    Obj *o = path[first]->u.named.obj;
    // One line per type: built in one malloc'd buffer, since a cycle may be
    // thousands of types long.
    size_t cap = 256, len = 0;
    char *buf = malloc(cap);
    for (int k = 0; k <= n + 1 && buf; k++) {
        Obj *p = k == 0 || k == n + 1 ? o : path[(first + k - 1) % n]->u.named.obj;
        const char *line = k == 0 ? arena_sprintf(&c->cc->arena, "invalid recursive type %s", o->name->s)
                           : arena_sprintf(&c->cc->arena, "\n\t%s: %s%s", obj_pos_str(c, p), p->name->s,
                                           k <= n ? " refers to" : "");
        size_t l = strlen(line);
        if (len + l + 1 > cap) {
            cap = 2 * (len + l + 1);
            char *nb = realloc(buf, cap);
            if (!nb)
                free(buf);
            buf = nb;
        }
        if (buf) {
            memcpy(buf + len, line, l + 1);
            len += l;
        }
    }
    check_errorf(c, o->pos, "%s", buf ? buf : "invalid recursive type");
    free(buf);
}

// One step of the walk: a type and how many of its parts are done.
typedef struct VtFrame {
    Type *t;
    int next;
} VtFrame;

typedef struct VtStack {
    VtFrame *items;
    int len, cap;
} VtStack;

static void vt_push(Checker *c, VtStack *s, Type *t) {
    if (s->len == s->cap) {
        int cap = s->cap ? s->cap * 2 : 64;
        VtFrame *n = ARENA_ARRAY(&c->cc->arena, VtFrame, cap);
        if (s->len)
            memcpy(n, s->items, sizeof(VtFrame) * (size_t)s->len);
        s->items = n;
        s->cap = cap;
    }
    s->items[s->len++] = (VtFrame){t, 0};
}

// The defined types of this package with a right-hand side to walk.
static bool vt_walks(Checker *c, const Type *t) {
    return t->u.named.rhs && t->u.named.obj && t->u.named.obj->pkg == c->pkg;
}

// types2's validType for one defined type. Returns false at a cycle (and
// on reaching an invalid type, as types2 does), true otherwise.
static bool valid_type(Checker *c, Type *root) {
    VtStack st = {0};
    PtrVec path = {0};          // the defined types entered, outermost first
    vt_push(c, &st, root);
    bool ok = true;
    while (st.len > 0 && ok) {
        VtFrame *f = &st.items[st.len - 1];
        Type *t = f->t;
        Type *child = NULL;
        bool done = false;
        switch (t ? t->kind : TY_INVALID) {
        case TY_ARRAY:
            if (f->next++ == 0)
                child = t->u.array.elem;
            else
                done = true;
            break;
        case TY_STRUCT:
            if (f->next < t->u.strct.nfields)
                child = t->u.strct.fields[f->next++].type;
            else
                done = true;
            break;
        case TY_NAMED: {
            if (f->next > 0) {
                // Its right-hand side is valid.
                path.len--;
                *vt_slot(c, t) = VT_VALID;
                done = true;
                break;
            }
            if (!vt_walks(c, t)) {
                done = true;
                break;
            }
            int *state = vt_slot(c, t);
            if (*state == VT_VALID) {
                done = true;
                break;
            }
            if (!t->u.named.underlying || t->u.named.underlying->kind == TY_INVALID) {
                ok = false;
                break;
            }
            if (*state >= VT_ON_PATH) {
                int start = *state - VT_ON_PATH;
                t->u.named.underlying = c->cc->basic[TY_INVALID];
                recursive_type_error(c, (Type **)path.items + start, path.len - start);
                ok = false;
                break;
            }
            *state = VT_ON_PATH + path.len;
            ptrvec_push(&c->cc->arena, &path, t);
            f->next = 1;
            child = t->u.named.rhs;
            break;
        }
        default:
            done = true;
            break;
        }
        if (child)
            vt_push(c, &st, child);
        else if (done)
            st.len--;
    }
    // Types left on the path by a failure are not known valid: unmark them.
    for (int i = 0; i < path.len; i++)
        *vt_slot(c, path.items[i]) = 0;
    return ok;
}

void check_pending_types(Checker *c) {
    PtrVec *p = &c->st->pending_types;
    // valid_type may not add to the list, but keep to its own length anyway.
    for (int i = 0; i < p->len; i++) {
        Type *t = p->items[i];
        if (t->kind == TY_NAMED)
            valid_type(c, t);
    }
    p->len = 0;
}

static void attach_methods(Checker *c, Obj *o, Type *named) {
    DeclInfo *d = o->declinfo;
    if (!d || d->nlhs == 0)
        return;
    Method *ms = ARENA_ARRAY(&c->cc->arena, Method, d->nlhs);
    int n = 0;
    Type *u = named->u.named.underlying;
    for (int i = 0; i < d->nlhs; i++) {
        Obj *m = d->lhs[i];
        bool dup = false;
        for (int j = 0; j < n; j++)
            if (ms[j].name == m->name && !name_is(m->name, "_")) {
                check_errorf(c, m->pos, "%s.%s redeclared in this block\n\t%s:%u:%u: other declaration of %s", o->name->s,
                             m->name->s, ((SourceFile *)c->cc->files.items[ms[j].obj->pos.file])->path,
                             ms[j].obj->pos.line, ms[j].obj->pos.col, m->name->s);
                dup = true;
            }
        if (dup)
            continue;
        // A method named like a field is reported but kept: lookups find
        // the method first, as types2's do.
        if (u && u->kind == TY_STRUCT && !name_is(m->name, "_")) {
            for (int k = 0; k < u->u.strct.nfields; k++)
                if (u->u.strct.fields[k].name == m->name)
                    check_errorf(c, m->pos, "field and method with the same name %s\n\t%s:%u:%u: other declaration of %s",
                                 m->name->s, ((SourceFile *)c->cc->files.items[u->u.strct.fields[k].pos.file])->path,
                                 u->u.strct.fields[k].pos.line, u->u.strct.fields[k].pos.col, m->name->s);
        }
        Node *rt = m->decl->u.funcdecl.recv->u.field.type;
        while (rt && rt->kind == N_PAREN)
            rt = rt->u.unary.x;
        ms[n].name = m->name;
        ms[n].obj = m;
        ms[n].ptr_recv = rt && rt->kind == N_STAR;
        ms[n].type = NULL;      // resolved on first use (method_sig)
        n++;
    }
    named->u.named.methods = ms;
    named->u.named.nmethods = n;
}

void named_type_decl(Checker *c, Obj *o) {
    Node *spec = o->decl;
    if (spec->u.typespec.tparams.len) {
        DeclInfo *d = o->declinfo;
        generic_type_decl(c, o, d ? d->lhs : NULL, d ? d->nlhs : 0);
        return;
    }
    if (spec->u.typespec.alias) {
        o->type = invalid_type(c);     // while resolving: a self-reference is a cycle
        Type *t = check_type(c, spec->u.typespec.type);
        o->type = t;
        return;
    }
    Type *named = type_new(c->cc, TY_NAMED);
    named->u.named.obj = o;
    o->type = named;
    // Checked for cycles once the declarations in progress have settled.
    ptrvec_push(&c->cc->arena, &c->st->pending_types, named);
    Type *rhs = check_type_def(c, spec->u.typespec.type, named);
    Type *u = type_underlying(rhs);
    if (!u) {
        // T's right side is a defined type whose underlying type is still
        // being resolved: only a cycle of type names gets here.
        report_cycle(c, rhs->kind == TY_NAMED ? rhs->u.named.obj : o);
        u = invalid_type(c);
    }
    named->u.named.underlying = u;
    named->u.named.rhs = rhs;
    attach_methods(c, o, named);
}

// ---------------------------------------------------------------------------
// Methods and lookups

Type *method_sig(Checker *c, Method *m) {
    if (m->type)
        return m->type;
    if (m->obj) {
        obj_decl(c, m->obj);
        if (m->obj->type && m->obj->type->kind == TY_FUNC)
            m->type = m->obj->type;
    }
    if (!m->type)
        m->type = invalid_type(c);
    return m->type;
}

typedef struct Embedded {
    Type *type;
    int *path;
    int depth;
    bool indirect;
    bool multiples;
} Embedded;

// A list of embedded types with room for the usual few on the stack.
typedef struct EmbList {
    Embedded *items;
    int len, cap;
    Embedded inline_items[8];
} EmbList;

static void emb_push(Checker *c, EmbList *l, Embedded e) {
    if (!l->items) {
        l->items = l->inline_items;
        l->cap = 8;
    }
    if (l->len == l->cap) {
        Embedded *n = ARENA_ARRAY(&c->cc->arena, Embedded, l->cap * 2);
        memcpy(n, l->items, sizeof(Embedded) * (size_t)l->len);
        l->items = n;
        l->cap *= 2;
    }
    l->items[l->len++] = e;
}

// Defined types already searched (an embedding cycle through pointers).
typedef struct SeenList {
    Type *items[16];
    int len;
    PtrVec more;
} SeenList;

static bool seen_add(Checker *c, SeenList *s, Type *t) {
    for (int i = 0; i < s->len; i++)
        if (s->items[i] == t)
            return false;
    for (int i = 0; i < s->more.len; i++)
        if (s->more.items[i] == t)
            return false;
    if (s->len < 16)
        s->items[s->len++] = t;
    else
        ptrvec_push(&c->cc->arena, &s->more, t);
    return true;
}

static int *path_append(Checker *c, int *path, int depth, int i) {
    int *p = ARENA_ARRAY(&c->cc->arena, int, depth + 1);
    if (depth)
        memcpy(p, path, sizeof(int) * (size_t)depth);
    p[depth] = i;
    return p;
}

static void found(Checker *c, Selection *sel, Embedded *e, Obj *o, Method *m, int i) {
    sel->obj = o;
    sel->method = m;
    sel->path = path_append(c, e->path, e->depth, i);
    sel->depth = e->depth + 1;
    sel->indirect = e->indirect;
}

// Looks for `name` at one embedding depth. Returns true when a collision
// ended the search.
static bool lookup_at(Checker *c, Embedded *e, Name *name, Package *pkg, Selection *sel, EmbList *next,
                      SeenList *seen) {
    Type *t = e->type;
    if (t && t->kind == TY_NAMED) {
        if (!seen_add(c, seen, t))
            return false;
        for (int i = 0; i < t->u.named.nmethods; i++) {
            Method *m = &t->u.named.methods[i];
            if (!same_id(m->obj, name, pkg))
                continue;
            if (sel->obj || e->multiples) {
                sel->ambiguous = true;
                return true;
            }
            found(c, sel, e, m->obj, m, i);
            return false;
        }
    }
    Type *u = type_underlying(t);
    if (!u)
        return false;
    if (u->kind == TY_STRUCT) {
        for (int i = 0; i < u->u.strct.nfields; i++) {
            Field *f = &u->u.strct.fields[i];
            if (same_id(f->obj, name, pkg)) {
                if (sel->obj || e->multiples) {
                    sel->ambiguous = true;
                    return true;
                }
                found(c, sel, e, f->obj, NULL, i);
                continue;
            }
            if (!sel->obj && f->embedded) {
                Type *ft = f->type;
                bool is_ptr = ft && ft->kind == TY_POINTER;
                Embedded ne = {
                    .type = is_ptr ? ft->u.ptr.elem : ft,
                    .path = path_append(c, e->path, e->depth, i),
                    .depth = e->depth + 1,
                    .indirect = e->indirect || is_ptr,
                    .multiples = e->multiples,
                };
                emb_push(c, next, ne);
            }
        }
    } else if (u->kind == TY_INTERFACE) {
        interface_complete(c, u);
        for (int i = 0; i < u->u.iface.nmethods; i++) {
            Method *m = &u->u.iface.methods[i];
            if (!same_id(m->obj, name, pkg) && !(m->name == name && (!m->obj || is_exported(name))))
                continue;
            if (sel->obj || e->multiples) {
                sel->ambiguous = true;
                return true;
            }
            found(c, sel, e, m->obj, m, i);
        }
    }
    return false;
}

// Embedded types met more than once at one depth collide if they hold the
// name.
static void consolidate(EmbList *list) {
    int n = 0;
    for (int i = 0; i < list->len; i++) {
        Embedded *e = &list->items[i];
        bool dup = false;
        for (int j = 0; j < n; j++) {
            Embedded *p = &list->items[j];
            if (type_identical(p->type, e->type)) {
                p->multiples = true;
                dup = true;
                break;
            }
        }
        if (!dup)
            list->items[n++] = *e;
    }
    list->len = n;
}

// pkg qualifies an unexported name: the package doing the lookup, or for an
// interface method the method's own package (as types2's lookup).
static Selection lookup_in(Checker *c, Type *t, bool addressable, Name *name, Package *pkg) {
    Selection sel = {0};
    if (!t || !name || name_is(name, "_"))
        return sel;
    bool is_ptr = t->kind == TY_POINTER;
    Type *typ = is_ptr ? t->u.ptr.elem : t;
    if (is_ptr && type_is_interface(typ))
        return sel;
    EmbList lists[2] = {{0}, {0}};
    SeenList seen = {0};
    EmbList *current = &lists[0], *next = &lists[1];
    emb_push(c, current, (Embedded){.type = typ, .indirect = is_ptr});
    for (int depth = 0; current->len > 0 && depth < 64; depth++) {
        next->len = 0;
        for (int i = 0; i < current->len; i++) {
            if (lookup_at(c, &current->items[i], name, pkg, &sel, next, &seen)) {
                sel.obj = NULL;
                return sel;
            }
        }
        if (sel.ambiguous) {
            sel.obj = NULL;
            return sel;
        }
        if (sel.obj) {
            if (sel.method && sel.method->ptr_recv && !sel.indirect && !addressable) {
                sel.ptr_recv_needed = true;
                sel.obj = NULL;
            }
            return sel;
        }
        consolidate(next);
        EmbList *tmp = current;
        current = next;
        next = tmp;
    }
    return sel;
}

Selection lookup_field_or_method(Checker *c, Type *t, bool addressable, Name *name) {
    // A defined pointer type (type P *T) has T's fields but no methods.
    if (t && t->kind == TY_NAMED) {
        Type *u = type_underlying(t);
        if (u && u->kind == TY_POINTER) {
            Selection s = lookup_in(c, u, false, name, c->pkg);
            if (s.obj && s.obj->kind == OBJ_FUNC) {
                Selection none = {0};
                return none;
            }
            return s;
        }
    }
    return lookup_in(c, t, addressable, name, c->pkg);
}

static bool equal_fold(const char *a, const char *b) {
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z')
            x = (char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (char)(y + 32);
        if (x != y)
            return false;
    }
    return *a == *b;
}

// Case-folded method lookup, for the "missing method" explanation.
static Selection lookup_fold(Checker *c, Type *t, Name *name) {
    (void)c;
    Selection none = {0};
    Type *base = t->kind == TY_POINTER ? t->u.ptr.elem : t;
    if (base && base->kind == TY_NAMED) {
        for (int i = 0; i < base->u.named.nmethods; i++) {
            Method *m = &base->u.named.methods[i];
            if (equal_fold(m->name->s, name->s)) {
                Selection sel = {0};
                sel.obj = m->obj;
                sel.method = m;
                return sel;
            }
        }
    }
    return none;
}

static const char *func_string(Checker *c, Name *name, Type *sig) {
    const char *s = tstr(c, sig);     // "func(...) ..."
    return arena_sprintf(&c->cc->arena, "%s%s", name->s, strncmp(s, "func", 4) == 0 ? s + 4 : s);
}

// The first method of iface (sorted) that t lacks, with the near miss found.
static Method *missing_method(Checker *c, Type *t, Type *iu, bool is_static, Obj **alt_out, Type **alt_sig) {
    *alt_out = NULL;
    *alt_sig = NULL;
    interface_complete(c, iu);
    Type *tu = type_underlying(t);
    if (tu && tu->kind == TY_INTERFACE) {
        interface_complete(c, tu);
        for (int i = 0; i < iu->u.iface.nmethods; i++) {
            Method *m = &iu->u.iface.methods[i];
            Method *f = NULL;
            for (int j = 0; j < tu->u.iface.nmethods; j++)
                if (tu->u.iface.methods[j].name == m->name)
                    f = &tu->u.iface.methods[j];
            if (!f) {
                if (!is_static)
                    continue;
                return m;
            }
            if (!type_identical(f->type, m->type)) {
                *alt_out = f->obj;
                *alt_sig = f->type;
                return m;
            }
        }
        return NULL;
    }
    for (int i = 0; i < iu->u.iface.nmethods; i++) {
        Method *m = &iu->u.iface.methods[i];
        Package *mpkg = m->obj && m->obj->pkg ? m->obj->pkg : c->pkg;
        Selection s = lookup_in(c, t, false, m->name, mpkg);
        bool found = s.obj != NULL;
        if (!found) {
            s = lookup_in(c, pointer_to(c, t), false, m->name, mpkg);
            if (!s.obj)
                s = lookup_fold(c, t, m->name);
        }
        if (!s.obj || s.obj->kind != OBJ_FUNC || !s.method) {
            return m;
        }
        Type *sig = method_sig(c, s.method);
        if (!found || !type_identical(sig, m->type)) {
            *alt_out = s.obj;
            *alt_sig = sig;
            return m;
        }
    }
    return NULL;
}

static const char *missing_reason(Checker *c, Type *v, Type *t, Method *m, Obj *alt, Type *alt_sig) {
    if (alt) {
        if (alt->name != m->name)
            return arena_sprintf(&c->cc->arena, "(missing %s method)\n\t\thave %s\n\t\twant %s", m->name->s,
                                 func_string(c, alt->name, alt_sig), func_string(c, m->name, m->type));
        if (type_identical(m->type, alt_sig))
            return arena_sprintf(&c->cc->arena, "(%s method has pointer receiver)", m->name->s);
        return arena_sprintf(&c->cc->arena, "(wrong type for %s method)\n\t\thave %s\n\t\twant %s", m->name->s,
                             func_string(c, alt->name, alt_sig), func_string(c, m->name, m->type));
    }
    Type *vu = type_underlying(v);
    if (vu && vu->kind == TY_POINTER && type_is_interface(vu->u.ptr.elem))
        return arena_sprintf(&c->cc->arena, "(type %s is pointer to interface, not interface)", tstr(c, v));
    (void)t;
    return arena_sprintf(&c->cc->arena, "(missing %s method)", m->name->s);
}

bool implements(Checker *c, Type *v, Type *t, const char **why) {
    Type *vu = type_underlying(v), *tu = type_underlying(t);
    if (!vu || !tu || vu->kind == TY_INVALID || tu->kind == TY_INVALID)
        return true;
    if (vu->kind == TY_POINTER) {
        Type *pb = type_underlying(vu->u.ptr.elem);
        if (!pb || pb->kind == TY_INVALID)
            return true;
    }
    if (tu->kind != TY_INTERFACE) {
        if (why) {
            bool ip = tu->kind == TY_POINTER && type_is_interface(tu->u.ptr.elem);
            *why = arena_sprintf(&c->cc->arena, "%s does not implement %s (%s)", tstr(c, v), tstr(c, t),
                                 ip ? arena_sprintf(&c->cc->arena, "type %s is pointer to interface, not interface", tstr(c, t))
                                    : arena_sprintf(&c->cc->arena, "%s is not an interface", tstr(c, t)));
        }
        return false;
    }
    interface_complete(c, tu);
    if (tu->u.iface.nmethods == 0)
        return true;
    Obj *alt;
    Type *alt_sig;
    Method *m = missing_method(c, v, tu, true, &alt, &alt_sig);
    if (!m)
        return true;
    if (why)
        *why = arena_sprintf(&c->cc->arena, "%s does not implement %s %s", tstr(c, v), tstr(c, t),
                             missing_reason(c, v, t, m, alt, alt_sig));
    return false;
}

// For type assertions x.(T): T must have the interface's methods, if T is
// concrete. Returns the missing method's reason or NULL.
const char *assertable_to(Checker *c, Type *iface, Type *t) {
    if (type_is_interface(t))
        return NULL;
    Type *iu = type_underlying(iface);
    if (!iu || iu->kind != TY_INTERFACE)
        return NULL;
    Obj *alt;
    Type *alt_sig;
    Method *m = missing_method(c, t, iu, false, &alt, &alt_sig);
    if (!m)
        return NULL;
    return missing_reason(c, t, iface, m, alt, alt_sig);
}


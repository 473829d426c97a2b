// check.c - the type checker's entry point: packages, imports and
// package-level declarations.
//
// check_package works in the order types2 does:
//   1. collect: every file gets a scope for its imports; every package-level
//      const, var, type and func is declared in the package scope with a
//      DeclInfo saying how to check it later; methods are attached to the
//      DeclInfo of their receiver's base type.
//   2. objects: each object is checked in source order by obj_decl, which
//      first checks whatever the object's declaration refers to (lazily,
//      through identifier lookups), so declaration order does not matter.
//      An object met again while in progress (grey) closes a cycle.
//   3. bodies: function bodies, in source order, then the func literals of
//      package-level initializers; then unused imports.
// Everything else lives in check_type.c (types), check_expr.c, check_call.c
// (expressions), check_stmt.c and check_label.c (statements).
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------
// Errors and positions

void check_errorf(Checker *c, Pos pos, const char *fmt, ...) {
    char small[2048];
    char *buf = small;
    if (pos_known(c->errpos))
        pos = c->errpos;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof small) {
        // Constants of hundreds of digits are quoted in full, as gc does, and
        // a cycle of many types is listed whole.
        buf = arena_alloc(&c->cc->arena, (size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(buf, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    // types2 drops follow-on errors that mention an invalid operand or type
    // (not at the start of the message) once something has been reported.
    const char *io = strstr(buf, "invalid operand"), *it = strstr(buf, "invalid type");
    if (diag_error_count(c->cc) > 0 && ((io && io != buf) || (it && it != buf)))
        return;
    // gc keeps only the first of equal messages reported one after the
    // other on one line.
    if (c->st->last_err_msg && c->st->last_err_pos.file == pos.file && c->st->last_err_pos.line == pos.line &&
        strcmp(c->st->last_err_msg, buf) == 0)
        return;
    diag_error(c->cc, pos, "%s", buf);
    c->st->last_err_pos = pos;
    c->st->last_err_msg = c->cc->diags.items[c->cc->diags.len - 1].msg;
}

Pos start_pos(const Node *n) {
    while (n) {
        switch (n->kind) {
        case N_COMPOSITE:
            if (!n->u.complit.type)
                return n->pos;
            n = n->u.complit.type;
            break;
        case N_SELECTOR: n = n->u.sel.x; break;
        case N_INDEX: n = n->u.index.x; break;
        case N_SLICE: n = n->u.slice.x; break;
        case N_TYPEASSERT: n = n->u.assert.x; break;
        case N_BINARY: n = n->u.binary.x; break;
        case N_CALL: n = n->u.call.fun; break;
        case N_SENDSTMT: n = n->u.send.chan; break;
        case N_ASSIGN:
            if (n->u.assign.lhs.len == 0)
                return n->pos;
            n = n->u.assign.lhs.items[0];
            break;
        case N_INCDEC: n = n->u.incdec.x; break;
        case N_RANGE:
            n = n->u.range.key ? n->u.range.key : n->u.range.x;
            break;
        default:
            return n->pos;
        }
    }
    return (Pos){0};
}

Pos op_pos(const Node *n) {
    if (n && (n->kind == N_BINARY || n->kind == N_UNARY))
        return n->pos;
    return start_pos(n);
}

const char *tstr(Checker *c, Type *t) { return type_string_types2(c->cc, t, c->pkg); }

static const char *pos_str(Checker *c, Pos p) {
    const SourceFile *sf = p.file < (uint32_t)c->cc->files.len ? c->cc->files.items[p.file] : NULL;
    return arena_sprintf(&c->cc->arena, "%s:%u:%u", sf ? sf->path : "?", p.line, p.col);
}

// ---------------------------------------------------------------------------
// Scopes and declarations

Obj *lookup(Checker *c, Name *name) { return scope_lookup(c->scope, name); }

Scope *decl_scope(Checker *c) {
    if (c->scope_pending) {
        c->scope = scope_new(c->cc, c->scope);
        c->scope_pending = false;
    }
    return c->scope;
}

static void redeclared(Checker *c, Obj *o, Obj *alt) {
    if (pos_known(alt->pos))
        check_errorf(c, o->pos, "%s redeclared in this block\n\t%s: other declaration of %s",
                     o->name->s, pos_str(c, alt->pos), o->name->s);
    else
        check_errorf(c, o->pos, "%s redeclared in this block", o->name->s);
}

// Declares o in s, reporting a redeclaration. Returns o, or NULL if the
// name was taken.
Obj *declare_local(Checker *c, Scope *s, Obj *o, Node *ident) {
    if (!o->pkg)
        o->pkg = c->pkg;
    if (ident && ident->kind == N_IDENT)
        ident->u.ident.obj = o;
    if (name_is(o->name, "_")) {
        o->scope = s;
        return o;
    }
    Obj *alt = scope_insert(c->cc, s, o);
    if (alt) {
        redeclared(c, o, alt);
        return NULL;
    }
    return o;
}

void record_global_var(Checker *c, Obj *o) {
    o->u.var.is_global = true;
    ptrvec_push(&c->cc->arena, &c->pkg->globals, o);
}

static DeclInfo *new_decl_info(Checker *c, Node *spec) {
    DeclInfo *d = ARENA_NEW(&c->cc->arena, DeclInfo);
    d->file_scope = c->file_scope;
    d->spec = spec;
    d->order = c->st->ndecls++;
    return d;
}

static void declare_pkg_obj(Checker *c, Node *ident, Obj *o, DeclInfo *d) {
    o->declinfo = d;
    o->pkg = c->pkg;
    if (name_is(o->name, "init")) {
        check_errorf(c, ident->pos, "cannot declare init - must be func");
        return;
    }
    if (name_is(o->name, "main") && name_is(c->pkg->name, "main")) {
        check_errorf(c, ident->pos, "cannot declare main - must be func");
        return;
    }
    declare_local(c, c->pkg->scope, o, ident);
}

// ---------------------------------------------------------------------------
// Collection (phase 1)

typedef struct Collected {
    PtrVec objs;        // package-level objects in source order
    PtrVec methods;     // method Obj*s
    PtrVec funcs;       // FuncDecl nodes with their objects (Obj*), in order
} Collected;

// Collected lives only while its package is checked: on the heap, not
// doubling in the arena (a big file has tens of thousands of functions).
static void col_push(PtrVec *v, void *p) {
    if (v->len == v->cap) {
        int cap = v->cap ? v->cap * 2 : 64;
        void **items = realloc(v->items, sizeof(void *) * (size_t)cap);
        if (!items) {
            fputs("minigc: out of memory\n", stderr);
            exit(2);
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = p;
}

static void col_free(Collected *col) {
    free(col->objs.items);
    free(col->methods.items);
    free(col->funcs.items);
}

static void arity(Checker *c, Node *spec, NodeList *names, NodeList *inits, bool is_const, bool inherited) {
    int l = names->len, r = inits->len;
    if (l < r) {
        Node *n = inits->items[l];
        if (inherited)
            check_errorf(c, spec->pos, "extra init expr at %s", pos_str(c, n->pos));
        else
            check_errorf(c, start_pos(n), "extra init expr %s", estr(c, n));
    } else if (l > r && (is_const || r != 1)) {
        Node *n = names->items[r];
        check_errorf(c, n->pos, "missing init expr for %s", n->u.ident.name->s);
    }
}

static void collect_consts(Checker *c, Collected *col, Node *decl) {
    Node *last_type = NULL;
    NodeList *last_values = NULL;
    for (int i = 0; i < decl->u.gendecl.specs.len; i++) {
        Node *spec = decl->u.gendecl.specs.items[i];
        bool inherited = false;
        if (spec->u.valspec.type || spec->u.valspec.values.len > 0) {
            last_type = spec->u.valspec.type;
            last_values = &spec->u.valspec.values;
        } else {
            inherited = true;
        }
        NodeList none = {0};
        NodeList *values = last_values ? last_values : &none;
        for (int j = 0; j < spec->u.valspec.names.len; j++) {
            Node *id = spec->u.valspec.names.items[j];
            Obj *o = obj_new(c->cc, OBJ_CONST, id->u.ident.name, id->pos, NULL);
            o->decl = spec;
            DeclInfo *d = new_decl_info(c, spec);
            d->type_expr = last_type;
            d->init = j < values->len ? values->items[j] : NULL;
            d->iota = i;
            d->inherited = inherited;
            declare_pkg_obj(c, id, o, d);
            col_push(&col->objs, o);
        }
        arity(c, spec, &spec->u.valspec.names, values, true, inherited);
    }
}

static void collect_vars(Checker *c, Collected *col, Node *decl) {
    for (int i = 0; i < decl->u.gendecl.specs.len; i++) {
        Node *spec = decl->u.gendecl.specs.items[i];
        NodeList *names = &spec->u.valspec.names, *values = &spec->u.valspec.values;
        Obj **lhs = ARENA_ARRAY(&c->cc->arena, Obj *, names->len > 0 ? names->len : 1);
        for (int j = 0; j < names->len; j++) {
            Node *id = names->items[j];
            Obj *o = obj_new(c->cc, OBJ_VAR, id->u.ident.name, id->pos, NULL);
            o->decl = spec;
            lhs[j] = o;
        }
        // One initializer for several variables is a multi-value call whose
        // check sets all of them at once.
        bool n_to_1 = values->len == 1 && names->len > 1;
        for (int j = 0; j < names->len; j++) {
            Obj *o = lhs[j];
            DeclInfo *d = new_decl_info(c, spec);
            d->type_expr = spec->u.valspec.type;
            if (n_to_1) {
                d->lhs = lhs;
                d->nlhs = names->len;
                d->init = values->items[0];
            } else if (j < values->len) {
                d->init = values->items[j];
            }
            record_global_var(c, o);
            declare_pkg_obj(c, names->items[j], o, d);
            col_push(&col->objs, o);
        }
        if (!spec->u.valspec.type || values->len > 0)
            arity(c, spec, names, values, false, false);
    }
}

static void collect_types(Checker *c, Collected *col, Node *decl) {
    for (int i = 0; i < decl->u.gendecl.specs.len; i++) {
        Node *spec = decl->u.gendecl.specs.items[i];
        Node *id = spec->u.typespec.name;
        Obj *o = obj_new(c->cc, OBJ_TYPE, id->u.ident.name, id->pos, NULL);
        o->decl = spec;
        declare_pkg_obj(c, id, o, new_decl_info(c, spec));
        col_push(&col->objs, o);
    }
}

static void collect_func(Checker *c, Collected *col, Node *decl) {
    Node *id = decl->u.funcdecl.name;
    Obj *o = obj_new(c->cc, OBJ_FUNC, id->u.ident.name, id->pos, NULL);
    o->decl = decl;
    o->pkg = c->pkg;
    if (generic_method_decl(decl)) {
        // A method of a std generic type: never checked as written, only
        // in its instances (generic.c).
        o->color = COLOR_BLACK;
        col_push(&col->methods, o);
        return;
    }
    o->declinfo = new_decl_info(c, decl);
    id->u.ident.obj = o;
    FuncInfo *fn = new_func_info(c, decl, o);
    fn->pragmas = decl->u.funcdecl.pragmas;
    o->u.func.fn = fn;
    decl->u.funcdecl.fn = fn;
    col_push(&col->funcs, o);
    if (decl->u.funcdecl.recv) {
        col_push(&col->methods, o);
        return;
    }
    Name *name = id->u.ident.name;
    if (name_is(name, "init") || (name_is(name, "main") && name_is(c->pkg->name, "main"))) {
        if (decl->u.funcdecl.type && (decl->u.funcdecl.type->u.functype.params.len ||
                                      decl->u.funcdecl.type->u.functype.results.len))
            check_errorf(c, decl->pos, "func %s must have no arguments and no return values", name->s);
    }
    if (name_is(name, "init")) {
        o->scope = c->pkg->scope;   // init functions are not declared
        if (!decl->u.funcdecl.body)
            check_errorf(c, id->pos, "missing function body");
    } else {
        declare_local(c, c->pkg->scope, o, id);
    }
    col_push(&col->objs, o);
}

static const char *import_path(Checker *c, Node *spec) {
    Node *p = spec->u.import.path;
    if (!p || p->kind != N_BASICLIT)
        return NULL;
    char *s;
    size_t n;
    const char *err;
    if (!lit_unquote(&c->cc->arena, p->u.lit.text, p->u.lit.len, &s, &n, &err) || n == 0) {
        check_errorf(c, p->pos, "invalid import path (%s)", n == 0 ? "empty string" : err);
        return NULL;
    }
    return s;
}

// Visits every object of a scope (linear or hashed).
static int scope_count(Scope *s) { return s->hashed ? s->cap : s->len; }

static bool is_exported_name(Name *n) { return n && n->s[0] >= 'A' && n->s[0] <= 'Z'; }

static void dot_import(Checker *c, Package *imp, Obj *pkgobj) {
    for (int i = 0; i < scope_count(imp->scope); i++) {
        Obj *o = imp->scope->entries[i];
        if (!o || !is_exported_name(o->name))
            continue;
        // The object keeps its own scope: insert without adopting it.
        Scope *own = o->scope;
        Obj *alt = scope_insert(c->cc, c->file_scope, o);
        o->scope = own;
        if (alt && alt != o)
            redeclared(c, o, alt);
    }
    pkgobj->scope = c->file_scope;
    ptrvec_push(&c->cc->arena, &c->st->imports, pkgobj);
}

void mark_dot_import_used(Checker *c, Obj *o) {
    for (int i = 0; i < c->st->imports.len; i++) {
        Obj *imp = c->st->imports.items[i];
        if (imp->u.imported == o->pkg && name_is(imp->name, ".") && imp->scope == c->file_scope)
            imp->u.var.used = true;
    }
}

// Stands in for a package minigc cannot import, named after the last
// element of its path, so that its one error is the only one: gc likewise
// reports a failed import once and then treats its uses as invalid.
static Package *fake_package(Checker *c, const char *path) {
    Package *p = ARENA_NEW(&c->cc->arena, Package);
    const char *elem = strrchr(path, '/');
    elem = elem ? elem + 1 : path;
    p->path = arena_strndup(&c->cc->arena, path, strlen(path));
    p->name = intern_cstr(c->cc, elem);
    p->scope = scope_new(c->cc, NULL);
    p->checked = true;
    p->fake = true;
    return p;
}

static void collect_import(Checker *c, Node *spec) {
    const char *path = import_path(c, spec);
    if (!path)
        return;
    Package *imp;
    if (strcmp(path, "unsafe") == 0) {
        imp = c->cc->unsafe_pkg;
    } else {
        const char *why = NULL;
        int errors = diag_error_count(c->cc);
        imp = import_package(c->cc, path, &why);
        if (!imp) {
            if (why)
                check_errorf(c, spec->u.import.path->pos, "could not import %s (%s)", path, why);
            imp = fake_package(c, path);
        } else if (diag_error_count(c->cc) > errors && c->cc->import_depth == 0) {
            // gc compiles every std package; an error in one is minigc's.
            check_errorf(c, spec->u.import.path->pos,
                         "could not import %s (minigc rejects Go's sources of it or of a package it imports)", path);
        }
    }
    spec->u.import.pkg = imp;
    Node *nm = spec->u.import.name;
    Name *name = nm ? nm->u.ident.name : imp->name;
    if (!name)
        return;
    if (name_is(name, "_"))
        return;
    Obj *o = obj_new(c->cc, OBJ_PKG, name, nm ? nm->pos : spec->u.import.path->pos, NULL);
    o->u.imported = imp;
    o->pkg = c->pkg;
    o->decl = spec;
    o->color = COLOR_BLACK;
    if (nm)
        nm->u.ident.obj = o;
    if (name_is(name, ".")) {
        dot_import(c, imp, o);
        return;
    }
    if (name_is(name, "init")) {
        check_errorf(c, o->pos, "cannot import package as init - init must be a func");
        return;
    }
    Obj *alt = scope_insert(c->cc, c->file_scope, o);
    if (alt) {
        redeclared(c, o, alt);
        return;
    }
    o->scope = c->file_scope;
    ptrvec_push(&c->cc->arena, &c->st->imports, o);
}

// The base type name of a receiver type expression: T, *T, (T), (*T).
static Node *receiver_base(Node *t) {
    while (t && (t->kind == N_PAREN || t->kind == N_STAR))
        t = t->u.unary.x;
    if (t && t->kind == N_INDEX)    // G[P]: a std generic type's method
        t = t->u.index.x;
    return t && t->kind == N_IDENT ? t : NULL;
}

static void associate_methods(Checker *c, Collected *col) {
    for (int i = 0; i < col->methods.len; i++) {
        Obj *m = col->methods.items[i];
        Node *recv = m->decl->u.funcdecl.recv;
        Node *base = receiver_base(recv ? recv->u.field.type : NULL);
        if (!base)
            continue;   // reported when the signature is checked
        Obj *t = scope_lookup_local(c->pkg->scope, base->u.ident.name);
        // A method declared on an alias belongs to the aliased local type.
        for (int k = 0; k < 8 && t && t->kind == OBJ_TYPE && t->decl && t->decl->kind == N_TYPESPEC &&
                        t->decl->u.typespec.alias; k++) {
            Node *rhs = t->decl->u.typespec.type;
            while (rhs && rhs->kind == N_PAREN)
                rhs = rhs->u.unary.x;
            t = rhs && rhs->kind == N_IDENT ? scope_lookup_local(c->pkg->scope, rhs->u.ident.name) : NULL;
        }
        if (!t || t->kind != OBJ_TYPE || !t->declinfo)
            continue;
        DeclInfo *d = t->declinfo;
        // The method list hangs off the type's spec: reuse the lhs array.
        Obj **ms = ARENA_ARRAY(&c->cc->arena, Obj *, d->nlhs + 1);
        if (d->nlhs)
            memcpy(ms, d->lhs, sizeof(Obj *) * (size_t)d->nlhs);
        ms[d->nlhs++] = m;
        d->lhs = ms;
    }
}

// About how many names the files declare at package level.
static int count_decl_names(File **files, int nfiles) {
    int n = 0;
    for (int i = 0; i < nfiles; i++) {
        if (!files[i])
            continue;
        n += files[i]->generics.len;
        for (int j = 0; j < files[i]->decls.len; j++) {
            Node *d = files[i]->decls.items[j];
            if (d->kind != N_GENDECL) {
                n++;
                continue;
            }
            for (int k = 0; k < d->u.gendecl.specs.len; k++) {
                Node *spec = d->u.gendecl.specs.items[k];
                n += spec->kind == N_VALUESPEC ? spec->u.valspec.names.len : 1;
            }
        }
    }
    return n;
}

static void collect_file(Checker *c, Collected *col, File *f) {
    for (int i = 0; i < f->imports.len; i++)
        collect_import(c, f->imports.items[i]);
    for (int i = 0; i < f->generics.len; i++) {
        Node *g = f->generics.items[i];
        Node *id = g->kind == N_TYPESPEC ? g->u.typespec.name : g->u.funcdecl.name;
        Obj *o = obj_new(c->cc, OBJ_BAD, id->u.ident.name, id->pos, NULL);
        o->pkg = c->pkg;
        o->decl = g;
        o->color = COLOR_BLACK;
        declare_local(c, c->pkg->scope, o, id);
    }
    for (int i = 0; i < f->decls.len; i++) {
        Node *d = f->decls.items[i];
        if (d->kind == N_FUNCDECL) {
            collect_func(c, col, d);
            continue;
        }
        if (d->kind != N_GENDECL)
            continue;
        switch (d->u.gendecl.tok) {
        case T_CONST: collect_consts(c, col, d); break;
        case T_VAR: collect_vars(c, col, d); break;
        case T_TYPE: collect_types(c, col, d); break;
        default: break;
        }
    }
}

// A package-level name may not also be a file's import name.
static void check_import_conflicts(Checker *c) {
    for (int i = 0; i < c->st->imports.len; i++) {
        Obj *imp = c->st->imports.items[i];
        Obj *alt = scope_lookup_local(c->pkg->scope, imp->name);
        if (alt && alt->kind != OBJ_PKG)
            check_errorf(c, alt->pos, "%s already declared through import of package %s (\"%s\")\n\t%s: other declaration of %s",
                         alt->name->s, imp->u.imported->name->s, imp->u.imported->path,
                         pos_str(c, imp->pos), alt->name->s);
    }
}

// ---------------------------------------------------------------------------
// Package-level objects (phase 2)

static bool is_value_obj(Obj *o) { return o->kind == OBJ_CONST || o->kind == OBJ_VAR; }

static void cycle_error(Checker *c, int start, Obj *o) {
    int n = c->st->path.len - start;
    Obj **cycle = (Obj **)c->st->path.items + start;
    bool values = true;
    for (int i = 0; i < n; i++)
        values &= is_value_obj(cycle[i]) || cycle[i]->kind == OBJ_FUNC;
    // The report starts at the object that comes first in the source.
    int first = 0;
    for (int i = 1; i < n; i++)
        if (pos_compare(cycle[i]->pos, cycle[first]->pos) < 0)
            first = i;
    Obj *f = cycle[first];
    size_t cap = 256 + (size_t)n * 160, len = 0;
    char *msg = arena_alloc(&c->cc->arena, cap);
    len += (size_t)snprintf(msg, cap, values ? "initialization loop for %s" : "invalid recursive type %s", f->name->s);
    for (int k = 0; k < n && len < cap; k++) {
        Obj *a = cycle[(first + k) % n];
        len += (size_t)snprintf(msg + len, cap - len, "\n\t%s: %s refers to", pos_str(c, a->pos), a->name->s);
    }
    if (len < cap)
        snprintf(msg + len, cap - len, "\n\t%s: %s", pos_str(c, f->pos), f->name->s);
    check_errorf(c, f->pos, "%s", msg);
    (void)o;
}

// Called when o is met while its own declaration is being checked. Cycles
// through functions only (recursion) or through a defined type (a pointer to
// T inside T) are fine; through values or aliases only they are not.
static void grey_object(Checker *c, Obj *o) {
    int start = -1;
    for (int i = 0; i < c->st->path.len; i++)
        if (c->st->path.items[i] == o)
            start = i;
    if (start < 0)
        return;
    int nval = 0, ndef = 0, n = c->st->path.len - start;
    for (int i = start; i < c->st->path.len; i++) {
        Obj *p = c->st->path.items[i];
        if (is_value_obj(p))
            nval++;
        else if (p->kind == OBJ_TYPE && !(p->decl && p->decl->kind == N_TYPESPEC && p->decl->u.typespec.alias))
            ndef++;
    }
    if (o->kind == OBJ_FUNC && nval == 0)
        return;
    if (nval == 0 && ndef > 0)
        return;
    if (nval == n) {
        // A loop among values is left to the initialization order, which
        // reports it; the value is invalid meanwhile.
        if (!o->type)
            o->type = c->cc->basic[TY_INVALID];
        return;
    }
    cycle_error(c, start, o);
    if (!o->type || o->kind != OBJ_TYPE)
        o->type = c->cc->basic[TY_INVALID];
    if (o->kind == OBJ_TYPE && o->type && o->type->kind == TY_NAMED && !o->type->u.named.underlying)
        o->type->u.named.underlying = c->cc->basic[TY_INVALID];
}

void report_cycle(Checker *c, Obj *o) {
    for (int i = 0; i < c->st->path.len; i++)
        if (c->st->path.items[i] == o) {
            cycle_error(c, i, o);
            return;
        }
}

static void const_decl(Checker *c, Obj *o, DeclInfo *d);
static void var_decl(Checker *c, Obj *o, DeclInfo *d);
static void func_decl(Checker *c, Obj *o, DeclInfo *d);

void obj_decl(Checker *c, Obj *o) {
    if (o->color == COLOR_BLACK)
        return;
    if (o->color == COLOR_GREY) {
        grey_object(c, o);
        return;
    }
    DeclInfo *d = o->declinfo;
    if (!d) {
        o->color = COLOR_BLACK;
        return;
    }
    o->color = COLOR_GREY;
    ptrvec_push(&c->cc->arena, &c->st->path, o);

    // Declarations are checked in their file's environment, whatever the
    // context of the use that triggered them.
    Checker saved = *c;
    c->scope = d->file_scope;
    c->scope_pending = false;
    c->file_scope = d->file_scope;
    c->fn = NULL;
    c->sig = NULL;
    c->decl_obj = o;
    c->iota = -1;
    c->loop_depth = 0;
    c->errpos = (Pos){0};

    switch (o->kind) {
    case OBJ_CONST: const_decl(c, o, d); break;
    case OBJ_VAR: var_decl(c, o, d); break;
    case OBJ_TYPE: named_type_decl(c, o); break;
    case OBJ_FUNC: func_decl(c, o, d); break;
    default: break;
    }

    *c = saved;
    c->st->path.len--;
    o->color = COLOR_BLACK;
    // With no declaration in progress, every interface can be completed.
    if (c->st->path.len == 0)
        complete_pending_interfaces(c);
    if (!o->type)
        o->type = c->cc->basic[TY_INVALID];
}

// Checks `const name [T] = init` with iota set; shared with local consts.
static void check_const_spec_1(Checker *c, Obj *o, Node *type_expr, Node *init, int iota);

// An inherited initializer is the text of an earlier spec: its errors are
// reported at this constant's name.
static void check_const_spec(Checker *c, Obj *o, Node *type_expr, Node *init, int iota, bool inherited) {
    Pos saved = c->errpos;
    if (inherited)
        c->errpos = o->pos;
    check_const_spec_1(c, o, type_expr, init, iota);
    c->errpos = saved;
}

static void check_const_spec_1(Checker *c, Obj *o, Node *type_expr, Node *init, int iota) {
    Type *t = NULL;
    if (type_expr) {
        t = check_type(c, type_expr);
        Type *u = type_underlying(t);
        if (u && u->kind != TY_INVALID && !(u->kind >= TY_BOOL && u->kind <= TY_STRING)) {
            check_errorf(c, start_pos(type_expr), "invalid constant type %s", tstr(c, t));
            o->type = c->cc->basic[TY_INVALID];
            return;
        }
    }
    int saved_iota = c->iota;
    c->iota = iota;
    Operand x = {0};
    if (init) {
        check_expr(c, &x, init);
    } else {
        x.mode = MODE_INVALID;
    }
    c->iota = saved_iota;
    if (x.mode == MODE_INVALID || !x.type || x.type->kind == TY_INVALID || (t && t->kind == TY_INVALID)) {
        o->type = t ? t : c->cc->basic[TY_INVALID];
        if (!init && !t)
            o->type = c->cc->basic[TY_INVALID];
        return;
    }
    if (x.mode != MODE_CONST) {
        check_errorf(c, start_pos(x.expr), "%s is not constant", opstr(c, &x));
        o->type = t ? t : c->cc->basic[TY_INVALID];
        return;
    }
    if (!t)
        t = x.type;
    o->type = t;
    check_assignment(c, &x, t, "constant declaration");
    if (x.mode == MODE_INVALID)
        return;
    o->u.cval = x.val;
}

static void const_decl(Checker *c, Obj *o, DeclInfo *d) {
    check_const_spec(c, o, d->type_expr, d->init, d->iota, d->inherited);
}

static void var_decl(Checker *c, Obj *o, DeclInfo *d) {
    if (!d->lhs) {
        check_var_decl(c, o, NULL, 0, d->type_expr, d->init);
        return;
    }
    // All variables of an n:1 declaration are set by one check; the others
    // are in progress meanwhile, like o.
    for (int i = 0; i < d->nlhs; i++) {
        Obj *v = d->lhs[i];
        if (v != o && v->color == COLOR_WHITE) {
            v->color = COLOR_GREY;
            ptrvec_push(&c->cc->arena, &c->st->path, v);
        }
    }
    check_var_decl(c, o, d->lhs, d->nlhs, d->type_expr, d->init);
    for (int i = 0; i < d->nlhs; i++) {
        Obj *v = d->lhs[i];
        if (v != o && v->color == COLOR_GREY) {
            v->color = COLOR_BLACK;
            c->st->path.len--;
            if (!v->type)
                v->type = c->cc->basic[TY_INVALID];
        }
    }
}

static void func_decl(Checker *c, Obj *o, DeclInfo *d) {
    Node *decl = d->spec;
    FuncInfo *fn = o->u.func.fn;
    Scope *s = scope_new(c->cc, c->file_scope);
    s->is_func = true;
    fn->scope = s;
    Type *sig = check_func_type(c, decl->u.funcdecl.type, decl->u.funcdecl.recv, fn, s);
    o->type = sig;
    fn->sig = sig;
}

// ---------------------------------------------------------------------------
// Local constant, variable and type declarations

static void local_consts(Checker *c, Node *decl) {
    Node *last_type = NULL;
    NodeList *last_values = NULL;
    for (int i = 0; i < decl->u.gendecl.specs.len; i++) {
        Node *spec = decl->u.gendecl.specs.items[i];
        bool inherited = false;
        if (spec->u.valspec.type || spec->u.valspec.values.len > 0) {
            last_type = spec->u.valspec.type;
            last_values = &spec->u.valspec.values;
        } else {
            inherited = true;
        }
        NodeList none = {0};
        NodeList *values = last_values ? last_values : &none;
        int n = spec->u.valspec.names.len;
        Obj **objs = ARENA_ARRAY(&c->cc->arena, Obj *, n > 0 ? n : 1);
        for (int j = 0; j < n; j++) {
            Node *id = spec->u.valspec.names.items[j];
            Obj *o = obj_new(c->cc, OBJ_CONST, id->u.ident.name, id->pos, NULL);
            o->decl = spec;
            o->pkg = c->pkg;
            o->color = COLOR_BLACK;
            id->u.ident.obj = o;
            check_const_spec(c, o, last_type, j < values->len ? values->items[j] : NULL, i, inherited);
            objs[j] = o;
        }
        arity(c, spec, &spec->u.valspec.names, values, true, inherited);
        // The scope of a constant begins after its spec.
        for (int j = 0; j < n; j++)
            declare_local(c, decl_scope(c), objs[j], spec->u.valspec.names.items[j]);
    }
}

static void local_vars(Checker *c, Node *decl) {
    for (int i = 0; i < decl->u.gendecl.specs.len; i++) {
        Node *spec = decl->u.gendecl.specs.items[i];
        NodeList *names = &spec->u.valspec.names, *values = &spec->u.valspec.values;
        Node *type_expr = spec->u.valspec.type;
        int n = names->len;
        Obj **objs = ARENA_ARRAY(&c->cc->arena, Obj *, n > 0 ? n : 1);
        for (int j = 0; j < n; j++)
            objs[j] = check_new_local_var(c, names->items[j], spec);
        Type *t = type_expr ? check_type(c, type_expr) : NULL;
        for (int j = 0; j < n; j++)
            objs[j]->type = t;
        for (int j = 0; j < n; j++) {
            Node *init = NULL;
            bool all = false;
            if (values->len == n)
                init = values->items[j];
            else if (values->len == 1)
                all = true, init = values->items[0];
            else if (j < values->len)
                init = values->items[j];
            check_var_decl(c, objs[j], all ? objs : NULL, all ? n : 0, type_expr, init);
            if (values->len == 1)
                break;
        }
        if (!type_expr || values->len > 0)
            arity(c, spec, names, values, false, false);
        for (int j = 0; j < n; j++)
            if (!objs[j]->type)
                objs[j]->type = c->cc->basic[TY_INVALID];
        // The scope of a variable begins after its spec.
        for (int j = 0; j < n; j++)
            declare_local(c, decl_scope(c), objs[j], names->items[j]);
    }
}

static void local_types(Checker *c, Node *decl) {
    for (int i = 0; i < decl->u.gendecl.specs.len; i++) {
        Node *spec = decl->u.gendecl.specs.items[i];
        Node *id = spec->u.typespec.name;
        Obj *o = obj_new(c->cc, OBJ_TYPE, id->u.ident.name, id->pos, NULL);
        o->decl = spec;
        o->pkg = c->pkg;
        // The type's scope starts at its name, so that it may refer to itself.
        declare_local(c, decl_scope(c), o, id);
        DeclInfo *d = new_decl_info(c, spec);
        d->file_scope = decl_scope(c);
        o->declinfo = d;
        o->color = COLOR_GREY;
        ptrvec_push(&c->cc->arena, &c->st->path, o);
        named_type_decl(c, o);
        c->st->path.len--;
        o->color = COLOR_BLACK;
        if (c->st->path.len == 0)
            complete_pending_interfaces(c);
    }
}

void check_local_decl(Checker *c, Node *decl) {
    switch (decl->u.gendecl.tok) {
    case T_CONST: local_consts(c, decl); break;
    case T_VAR: local_vars(c, decl); break;
    case T_TYPE: local_types(c, decl); break;
    default: break;
    }
}

// ---------------------------------------------------------------------------
// The package

static void check_package_name(Checker *c, File **files, int nfiles) {
    for (int i = 0; i < nfiles; i++) {
        Node *pn = files[i]->pkg_name;
        if (!pn || pn->kind != N_IDENT)
            continue;
        Name *n = pn->u.ident.name;
        if (!c->pkg->name) {
            if (name_is(n, "_")) {
                check_errorf(c, pn->pos, "invalid package name _");
                continue;
            }
            c->pkg->name = n;
        } else if (n != c->pkg->name) {
            // Reported at the start of the file, as types2 does.
            Pos at = {files[i]->src ? files[i]->src->index : pn->pos.file, 1, 1};
            check_errorf(c, at, "package %s; expected %s", n->s, c->pkg->name->s);
        }
    }
}

// A std file declaring generics: its imports may serve only the generic
// methods' bodies, which are checked in instances alone.
static bool in_generic_file(Checker *c, Obj *imp) {
    for (int i = 0; i < c->pkg->nfiles; i++) {
        File *f = c->pkg->files[i];
        if (f && f->src && f->src->index == imp->pos.file)
            return f->has_generics;
    }
    return false;
}

static void unused_imports(Checker *c) {
    for (int i = 0; i < c->st->imports.len; i++) {
        Obj *o = c->st->imports.items[i];
        // An imported std package compiles with gc; one of its imports
        // looks unused only when its user was a dropped generic declaration.
        if (o->u.var.used || o->u.imported->fake || c->pkg->is_std || in_generic_file(c, o))
            continue;
        Package *p = o->u.imported;
        const char *elem = strrchr(p->path, '/');
        elem = elem ? elem + 1 : p->path;
        if (strcmp(o->name->s, elem) == 0 || name_is(o->name, "."))
            check_errorf(c, o->pos, "imported and not used: \"%s\"", p->path);
        else
            check_errorf(c, o->pos, "imported and not used: \"%s\" as %s", p->path, o->name->s);
    }
}

static bool func_before(const FuncInfo *f, const FuncInfo *g) {
    return pos_compare(f->decl->pos, g->decl->pos) < 0;
}

// Package.funcs holds the declared functions (and their closures) in source
// order; the closures of package-level initializers are merged in by
// position. Functions without a body came in at their declaration too.
static void merge_global_funcs(Checker *c) {
    PtrVec *a = &c->pkg->funcs, *b = &c->st->global_funcs;
    if (b->len == 0)
        return;
    PtrVec out = {0};
    int i = 0, j = 0;
    while (i < a->len || j < b->len) {
        if (j >= b->len || (i < a->len && !func_before(b->items[j], a->items[i])))
            ptrvec_push(&c->cc->arena, &out, a->items[i++]);
        else
            ptrvec_push(&c->cc->arena, &out, b->items[j++]);
    }
    *a = out;
}

static void check_bodies(Checker *c, Collected *col) {
    for (int i = 0; i < col->funcs.len; i++) {
        Obj *o = col->funcs.items[i];
        obj_decl(c, o);
        Node *decl = o->decl;
        ptrvec_push(&c->cc->arena, &c->pkg->funcs, o->u.func.fn);
        if (!decl->u.funcdecl.body)
            continue;
        DeclInfo *d = o->declinfo;
        c->scope = d->file_scope;
        c->scope_pending = false;
        c->file_scope = d->file_scope;
        c->decl_obj = o;
        check_func_body(c, o->u.func.fn, decl->u.funcdecl.body);
    }
}

// Reports every type too large for gc (larger than the address space, or a
// struct past its limit) among the package's types and variables. gc finds
// these only when it lays the types out, after type checking succeeded, so
// they are reported only then; each type once, at the first declaration
// using it, innermost types first.
typedef struct SizeReport {
    Checker *c;
    Pos pos;
    PtrVec said;        // the messages given: equal types are one type to gc
} SizeReport;

static void size_report(void *arg, const char *msg) {
    SizeReport *r = arg;
    for (int i = 0; i < r->said.len; i++)
        if (strcmp(r->said.items[i], msg) == 0)
            return;
    ptrvec_push(&r->c->cc->arena, &r->said, (void *)msg);
    diag_error(r->c->cc, r->pos, "%s", msg);
}

static void size_limit(SizeReport *r, Type *t, Pos pos) {
    r->pos = pos;
    type_size_errors(r->c->cc, t, size_report, r);
}

static void check_sizes(Checker *c, Collected *col) {
    if (diag_error_count(c->cc) > 0)
        return;
    SizeReport r = {.c = c};
    for (int i = 0; i < col->objs.len; i++) {
        Obj *o = col->objs.items[i];
        if ((o->kind == OBJ_TYPE || o->kind == OBJ_VAR) && o->type)
            size_limit(&r, o->type, o->pos);
    }
    // gc stops after errors in the package-level declarations, before it
    // looks at the function bodies.
    if (diag_error_count(c->cc) > 0)
        return;
    for (int i = 0; i < c->pkg->funcs.len; i++) {
        FuncInfo *fn = c->pkg->funcs.items[i];
        for (int j = 0; j < fn->locals.len; j++) {
            Obj *o = fn->locals.items[j];
            if (o->type)
                size_limit(&r, o->type, o->pos);
        }
    }
}

Package *check_package(Compiler *cc, const char *path, File **files, int nfiles) {
    Package *pkg = ARENA_NEW(&cc->arena, Package);
    pkg->path = arena_strndup(&cc->arena, path, strlen(path));
    pkg->files = files;
    pkg->nfiles = nfiles;
    pkg->scope = scope_new(cc, cc->universe);
    pkg->scope->is_pkg = true;
    pkg->is_std = nfiles > 0 && files[0] && files[0]->src && files[0]->src->is_std;
    pkg->file_scopes = ARENA_ARRAY(&cc->arena, Scope *, nfiles > 0 ? nfiles : 1);

    CheckState st = {.blank = intern_cstr(cc, "_")};
    Checker c = {.cc = cc, .pkg = pkg, .st = &st, .iota = -1};
    check_package_name(&c, files, nfiles);
    if (!pkg->name)
        pkg->name = intern_cstr(cc, path);

    Collected col = {0};
    scope_reserve(cc, pkg->scope, count_decl_names(files, nfiles));
    for (int i = 0; i < nfiles; i++) {
        if (!files[i])
            continue;
        Scope *fs = scope_new(cc, pkg->scope);
        pkg->file_scopes[i] = fs;
        c.file_scope = fs;
        c.scope = fs;
        collect_file(&c, &col, files[i]);
    }
    check_import_conflicts(&c);
    associate_methods(&c, &col);
    for (int i = 0; i < col.objs.len && !st.track_deps; i++) {
        Obj *o = col.objs.items[i];
        st.track_deps = o->kind == OBJ_VAR && ((DeclInfo *)o->declinfo)->init;
    }

    // As types2: defined types first, then aliases, then everything else,
    // each in source order (an alias may stand for a type mentioning a
    // defined type declared after it).
    for (int pass = 0; pass < 3; pass++) {
        for (int i = 0; i < col.objs.len; i++) {
            Obj *o = col.objs.items[i];
            bool is_type = o->kind == OBJ_TYPE;
            bool alias = is_type && o->decl && o->decl->kind == N_TYPESPEC && o->decl->u.typespec.alias;
            int group = !is_type ? 2 : alias ? 1 : 0;
            if (group == pass)
                obj_decl(&c, o);
        }
    }
    complete_pending_interfaces(&c);
    // Methods whose receiver type is undeclared or not local still get
    // their signatures checked (and their errors reported).
    for (int i = 0; i < col.methods.len; i++)
        obj_decl(&c, col.methods.items[i]);
    check_bodies(&c, &col);
    generic_stencil_pending(&c);
    check_init_order(&c, &col.objs);
    unused_imports(&c);

    merge_global_funcs(&c);
    check_sizes(&c, &col);
    col_free(&col);
    pkg->checked = true;
    ptrvec_push(&cc->arena, &cc->packages, pkg);
    // The package compiled (not one it imports): how the passes' messages
    // name what it imported.
    if (cc->import_depth == 0 && diag_error_count(cc) == 0)
        reach_qualifiers(cc, pkg);
    return pkg;
}

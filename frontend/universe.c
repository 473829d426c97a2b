// universe.c - the universe scope and package unsafe.
//
// The universe holds Go's predeclared identifiers: the basic types (byte and
// rune are distinct Type objects of kind uint8/int32 so that messages can
// print them by the name the program used, as gc does), error and any, the
// constants true, false and iota, nil, and the built-in functions. Package
// unsafe is a Package made here rather than from a model source, because its
// members are built-ins the checker types specially.
#include "check.h"

static Obj *declare(Compiler *cc, Scope *s, ObjKind kind, const char *name, Type *t) {
    Obj *o = obj_new(cc, kind, intern_cstr(cc, name), (Pos){0}, t);
    o->color = COLOR_BLACK;
    scope_insert(cc, s, o);
    return o;
}

static void declare_basic_types(Compiler *cc, Scope *u) {
    static const struct { TypeKind kind; const char *name; } basics[] = {
        {TY_BOOL, "bool"}, {TY_INT, "int"}, {TY_INT8, "int8"}, {TY_INT16, "int16"},
        {TY_INT32, "int32"}, {TY_INT64, "int64"}, {TY_UINT, "uint"}, {TY_UINT8, "uint8"},
        {TY_UINT16, "uint16"}, {TY_UINT32, "uint32"}, {TY_UINT64, "uint64"},
        {TY_UINTPTR, "uintptr"}, {TY_FLOAT32, "float32"}, {TY_FLOAT64, "float64"},
        {TY_COMPLEX64, "complex64"}, {TY_COMPLEX128, "complex128"}, {TY_STRING, "string"},
    };
    for (size_t i = 0; i < sizeof basics / sizeof basics[0]; i++)
        declare(cc, u, OBJ_TYPE, basics[i].name, cc->basic[basics[i].kind]);
    cc->byte_type = type_new(cc, TY_UINT8);
    cc->rune_type = type_new(cc, TY_INT32);
    declare(cc, u, OBJ_TYPE, "byte", cc->byte_type);
    declare(cc, u, OBJ_TYPE, "rune", cc->rune_type);
}

// error is `type error interface { Error() string }`.
static void declare_error(Compiler *cc, Scope *u) {
    Type *sig = type_new(cc, TY_FUNC);
    sig->u.func.results = ARENA_ARRAY(&cc->arena, Type *, 1);
    sig->u.func.results[0] = cc->basic[TY_STRING];
    sig->u.func.nresults = 1;

    Type *iface = type_new(cc, TY_INTERFACE);
    Method *m = ARENA_NEW(&cc->arena, Method);
    m->name = intern_cstr(cc, "Error");
    m->type = sig;
    m->obj = obj_new(cc, OBJ_FUNC, m->name, (Pos){0}, sig);
    m->obj->color = COLOR_BLACK;
    iface->u.iface.methods = m;
    iface->u.iface.nmethods = 1;
    iface->u.iface.complete = true;

    Type *named = type_new(cc, TY_NAMED);
    Obj *o = declare(cc, u, OBJ_TYPE, "error", named);
    named->u.named.obj = o;
    named->u.named.underlying = iface;
    m->obj->u.func.recv = named;
    cc->error_type = named;

    Type *any = type_new(cc, TY_INTERFACE);
    any->u.iface.complete = true;
    cc->any_type = any;
    declare(cc, u, OBJ_TYPE, "any", any);
}

static void declare_builtins(Compiler *cc, Scope *s, const char *const *names, const Builtin *ids, int n) {
    for (int i = 0; i < n; i++) {
        Obj *o = declare(cc, s, OBJ_BUILTIN, names[i], NULL);
        o->u.builtin = ids[i];
    }
}

static void declare_unsafe(Compiler *cc) {
    Package *p = ARENA_NEW(&cc->arena, Package);
    p->path = "unsafe";
    p->name = intern_cstr(cc, "unsafe");
    p->scope = scope_new(cc, cc->universe);
    p->scope->is_pkg = true;
    p->is_std = true;
    p->checked = true;
    Obj *ptr = declare(cc, p->scope, OBJ_TYPE, "Pointer", cc->basic[TY_UNSAFE_POINTER]);
    ptr->pkg = p;
    static const char *const names[] = {"Alignof", "Offsetof", "Sizeof", "Add", "Slice"};
    static const Builtin ids[] = {BI_ALIGNOF, BI_OFFSETOF, BI_SIZEOF, BI_UNSAFE_ADD, BI_UNSAFE_SLICE};
    declare_builtins(cc, p->scope, names, ids, 5);
    for (int i = 0; i < p->scope->len; i++)
        p->scope->entries[i]->pkg = p;
    cc->unsafe_pkg = p;
}

void universe_init(Compiler *cc) {
    Scope *u = scope_new(cc, NULL);
    u->is_universe = true;
    cc->universe = u;
    for (int k = TY_BOOL; k <= TY_UNTYPED_NIL; k++)
        cc->basic[k] = type_basic(cc, (TypeKind)k);
    cc->basic[TY_INVALID] = type_basic(cc, TY_INVALID);

    declare_basic_types(cc, u);
    declare_error(cc, u);

    Obj *t = declare(cc, u, OBJ_CONST, "true", cc->basic[TY_UNTYPED_BOOL]);
    t->u.cval = const_bool(true);
    Obj *f = declare(cc, u, OBJ_CONST, "false", cc->basic[TY_UNTYPED_BOOL]);
    f->u.cval = const_bool(false);
    Obj *iota = declare(cc, u, OBJ_CONST, "iota", cc->basic[TY_UNTYPED_INT]);
    iota->u.cval = const_int(0);
    declare(cc, u, OBJ_NIL, "nil", cc->basic[TY_UNTYPED_NIL]);

    static const char *const names[] = {
        "append", "cap", "close", "complex", "copy", "delete", "imag", "len",
        "make", "new", "panic", "print", "println", "real", "recover",
    };
    static const Builtin ids[] = {
        BI_APPEND, BI_CAP, BI_CLOSE, BI_COMPLEX, BI_COPY, BI_DELETE, BI_IMAG, BI_LEN,
        BI_MAKE, BI_NEW, BI_PANIC, BI_PRINT, BI_PRINTLN, BI_REAL, BI_RECOVER,
    };
    declare_builtins(cc, u, names, ids, 15);
    declare_unsafe(cc);
}

// build_expr.c - expressions to SSA values.
//
// be_expr gives the value of an expression, be_addr the address of an
// addressable one, be_cond branches on a boolean one (so && and || in
// conditions become jumps, as gc builds them), be_multi the values of a call
// with several results or of a comma-ok form. be_expr_to gives a value
// assigned to a given type: that is where untyped constants get their type
// and where concrete values are boxed into interfaces, the one place every
// implicit conversion passes through (assignments, arguments, results,
// composite literal elements, sends, map keys). Comparing an interface with
// a concrete value boxes nothing, as in gc. Each boxing carries the position
// gc reports it at, which for assignments is not the operand's (see
// be_expr_to_at).
//
// Whether an operand is read from memory or taken apart as an SSA value
// follows where it lives: a variable in a stack slot, anything behind a
// pointer, a global are memory (Load of an OffPtr/PtrIndex path); a variable
// kept in SSA form is taken apart with StructSelect and ArraySelect.
// Aggregates too big for SSA registers still appear as whole values where
// one is passed around; when one must be built or indexed, it goes through a
// compiler temporary (.autotmp_N) in memory, as gc does.
//
// Ops that yield memory and a result (calls, allocations, runtime
// operations) yield a tuple taken apart with SelectN; ops that only read
// memory and yield two results use Select0/Select1.
#include "passes/build.h"

#include <stdio.h>
#include <string.h>

// ---------------------------------------------------------------------------
// Types the builder derives (pointer to T, a call's result tuple, ...), made
// once per pass: type constructors allocate a fresh Type on every call.

enum { DERIVE_PTR, DERIVE_TUPLE1, DERIVE_OK, DERIVE_RESULTS, DERIVE_SLICE };

static Type *derived(Builder *b, int tag, Type *t) {
    TypeCache *c = b->types;
    if ((c->len + 1) * 2 > c->cap) {
        TypeCache old = *c;
        c->cap = old.cap ? old.cap * 2 : 1024;
        c->len = 0;
        c->keys = ARENA_ARRAY(c->arena, Type *, c->cap);
        c->tags = ARENA_ARRAY(c->arena, int, c->cap);
        c->vals = ARENA_ARRAY(c->arena, Type *, c->cap);
        for (uint32_t i = 0; i < old.cap; i++) {
            if (!old.vals[i])
                continue;
            uint32_t h = ((uint32_t)old.keys[i]->id * 31u + (uint32_t)old.tags[i]) & (c->cap - 1);
            while (c->vals[h])
                h = (h + 1) & (c->cap - 1);
            c->keys[h] = old.keys[i];
            c->tags[h] = old.tags[i];
            c->vals[h] = old.vals[i];
            c->len++;
        }
    }
    uint32_t h = ((uint32_t)t->id * 31u + (uint32_t)tag) & (c->cap - 1);
    while (c->vals[h]) {
        if (c->keys[h] == t && c->tags[h] == tag)
            return c->vals[h];
        h = (h + 1) & (c->cap - 1);
    }
    Compiler *cc = b->cc;
    Type *r = NULL;
    switch (tag) {
    case DERIVE_PTR: r = type_pointer(cc, t); break;
    case DERIVE_SLICE: r = type_slice(cc, t); break;
    case DERIVE_TUPLE1: r = type_tuple(cc, &t, 1); break;
    case DERIVE_OK: {
        Type *two[2] = {t, type_basic(cc, TY_BOOL)};
        r = type_tuple(cc, two, 2);
        break;
    }
    case DERIVE_RESULTS: {
        Type *u = type_underlying(t);
        r = u && u->kind == TY_FUNC ? type_tuple(cc, u->u.func.results, u->u.func.nresults) : type_tuple(cc, NULL, 0);
        break;
    }
    }
    c->keys[h] = t;
    c->tags[h] = tag;
    c->vals[h] = r;
    c->len++;
    return r;
}

static Type *ptr_to(Builder *b, Type *t) { return t ? derived(b, DERIVE_PTR, t) : type_basic(b->cc, TY_UNSAFE_POINTER); }
static Type *tuple1(Builder *b, Type *t) { return derived(b, DERIVE_TUPLE1, t); }
static Type *tuple_ok(Builder *b, Type *t) { return derived(b, DERIVE_OK, t); }
static Type *tbasic(Builder *b, TypeKind k) { return type_basic(b->cc, k); }
Type *be_results_type(Builder *b, Type *sig) { return derived(b, DERIVE_RESULTS, sig); }

// The underlying type; an untyped string constant (indexed, sliced, ranged
// over) acts as a string.
static Type *under(Type *t) {
    if (t && t->kind == TY_UNTYPED_STRING)
        return NULL;
    return t ? type_underlying(t) : NULL;
}
static TypeKind ukind(Type *t) {
    if (t && t->kind == TY_UNTYPED_STRING)
        return TY_STRING;
    Type *u = under(t);
    return u ? u->kind : TY_INVALID;
}

Type *be_type(Builder *b, Type *t) {
    if (!t)
        return NULL;
    switch (t->kind) {
    case TY_UNTYPED_BOOL: return tbasic(b, TY_BOOL);
    case TY_UNTYPED_INT: return tbasic(b, TY_INT);
    case TY_UNTYPED_RUNE: return b->cc->rune_type ? b->cc->rune_type : tbasic(b, TY_INT32);
    case TY_UNTYPED_FLOAT: return tbasic(b, TY_FLOAT64);
    case TY_UNTYPED_COMPLEX: return tbasic(b, TY_COMPLEX128);
    case TY_UNTYPED_STRING: return tbasic(b, TY_STRING);
    case TY_UNTYPED_NIL: return tbasic(b, TY_UNSAFE_POINTER);
    default: return t;
    }
}

static bool is_untyped_nil(Type *t) { return t && t->kind == TY_UNTYPED_NIL; }

void be_set_expr(Builder *b, Value *v, Node *n) {
    if (!v || !n)
        return;
    if (!v->node)
        v->node = n;
    if (!v->expr)
        v->expr = expr_string(b->cc, n);
}

static void set_node(Value *v, Node *n) {
    if (v && n && !v->node)
        v->node = n;
}

// ---------------------------------------------------------------------------
// Small makers

static Value *mem_op(Builder *b, Value *v) {
    // v's last arg must be the memory; v yields the new memory (alone).
    bb_set_mem(b, v);
    return v;
}

Value *be_unknown(Builder *b, Type *t, Pos pos) { return value_new(b->cur, OpUnknown, be_type(b, t), pos); }

// Memory and the results of a tuple-yielding op: out[i] = SelectN [i].
void be_split(Builder *b, Value *tuple, int n, Value **out) {
    Type *tt = tuple->type;
    for (int i = 0; i < n; i++) {
        Type *et = tt && tt->kind == TY_TUPLE && i < tt->u.tuple.n ? tt->u.tuple.types[i] : NULL;
        Value *s = value_new1(b->cur, OpSelectN, et, tuple->pos, tuple);
        s->auxint = i;
        if (out)
            out[i] = s;
    }
    Value *m = value_new1(b->cur, OpSelectN, NULL, tuple->pos, tuple);
    m->auxint = n;
    m->is_mem = true;
    bb_set_mem(b, m);
}

Value *be_split1(Builder *b, Value *tuple) {
    Value *r = NULL;
    be_split(b, tuple, 1, &r);
    return r;
}

static Value *select_pure(Builder *b, Value *tuple, int i, Type *t, Pos pos) {
    return value_new1(b->cur, i == 0 ? OpSelect0 : OpSelect1, t, pos, tuple);
}

Value *be_load(Builder *b, Value *addr, Type *t, Pos pos) {
    return value_new2(b->cur, OpLoad, t, pos, addr, bb_mem(b));
}

Value *be_store(Builder *b, Value *addr, Value *val, Type *t, Pos pos, Obj *var) {
    Value *s = value_new3(b->cur, OpStore, NULL, pos, addr, val, bb_mem(b));
    s->aux = (Aux){.kind = AUX_TYPE, .u.type = t};
    s->var = var;
    return mem_op(b, s);
}

static Value *zero_mem(Builder *b, Value *addr, Type *t, Pos pos, Obj *var) {
    Value *z = value_new2(b->cur, OpZero, NULL, pos, addr, bb_mem(b));
    z->aux = (Aux){.kind = AUX_TYPE, .u.type = t};
    z->var = var;
    return mem_op(b, z);
}

static Value *vardef(Builder *b, Obj *obj, Pos pos) {
    Value *d = value_new1(b->cur, OpVarDef, NULL, pos, bb_mem(b));
    d->aux = (Aux){.kind = AUX_VAR, .u.var = obj};
    d->var = obj;
    return mem_op(b, d);
}

static Value *const_int(Builder *b, Type *t, int64_t x, Pos pos) {
    t = be_type(b, t);
    int64_t size = type_size(b->cc, t);
    Op op = size == 1 ? OpConst8 : size == 2 ? OpConst16 : size == 4 ? OpConst32 : OpConst64;
    Value *v = value_new(b->cur, op, t, pos);
    v->auxint = x;
    return v;
}

static Value *int_const(Builder *b, int64_t x, Pos pos) { return const_int(b, tbasic(b, TY_INT), x, pos); }

static Value *const_bool(Builder *b, Type *t, bool x, Pos pos) {
    Value *v = value_new(b->cur, OpConstBool, t ? t : tbasic(b, TY_BOOL), pos);
    v->auxint = x;
    return v;
}

static double const_as_float(const ConstVal *cv) { return const_float64(*cv); }

static int64_t const_as_int(const ConstVal *cv) { return (int64_t)const_bits64(*cv); }

static Type *const_default_type(Builder *b, const ConstVal *cv) {
    switch (cv->kind) {
    case CONST_BOOL: return tbasic(b, TY_BOOL);
    case CONST_INT: return tbasic(b, TY_INT);
    case CONST_FLOAT: return tbasic(b, TY_FLOAT64);
    case CONST_COMPLEX: return tbasic(b, TY_COMPLEX128);
    case CONST_STRING: return tbasic(b, TY_STRING);
    default: return tbasic(b, TY_INT);
    }
}

Value *be_const(Builder *b, const ConstVal *cv, Type *t, Pos pos) {
    t = t ? be_type(b, t) : const_default_type(b, cv);
    if (type_is_interface(t))
        t = const_default_type(b, cv);
    Type *u = under(t);
    TypeKind k = u ? u->kind : TY_INVALID;
    Value *v;
    if (k == TY_BOOL || cv->kind == CONST_BOOL) {
        return const_bool(b, t, cv->kind == CONST_BOOL ? cv->u.b : const_as_int(cv) != 0, pos);
    } else if (k == TY_STRING || cv->kind == CONST_STRING) {
        v = value_new(b->cur, OpConstString, t, pos);
        v->aux.kind = AUX_STRING;
        if (cv->kind == CONST_STRING) {
            v->aux.u.str.s = cv->u.s;
            v->aux.u.str.len = cv->len;
        } else {
            v->aux.u.str.s = "";
        }
        return v;
    } else if (k == TY_FLOAT32 || k == TY_FLOAT64) {
        v = value_new(b->cur, k == TY_FLOAT32 ? OpConst32F : OpConst64F, t, pos);
        v->aux = (Aux){.kind = AUX_FLOAT, .u.f = const_as_float(cv)};
        return v;
    } else if (k == TY_COMPLEX64 || k == TY_COMPLEX128) {
        v = value_new(b->cur, OpConstComplex, t, pos);
        v->aux.kind = AUX_COMPLEX;
        if (cv->kind == CONST_COMPLEX) {
            v->aux.u.c.re = const_float64(*cv);
            v->aux.u.c.im = const_imag64(*cv);
        } else {
            v->aux.u.c.re = const_as_float(cv);
        }
        return v;
    } else if (k == TY_POINTER || k == TY_UNSAFE_POINTER) {
        return value_new(b->cur, OpConstNil, t, pos);
    }
    return const_int(b, t, const_as_int(cv), pos);
}

static Value *zero_via_temp(Builder *b, Type *t, Pos pos) {
    Value *addr = be_temp_addr(b, t, pos, NULL);
    return be_load(b, addr, t, pos);
}

Value *be_zero(Builder *b, Type *t, Pos pos) {
    t = be_type(b, t);
    Type *u = under(t);
    if (!u)
        return be_unknown(b, t, pos);
    switch (u->kind) {
    case TY_BOOL: return const_bool(b, t, false, pos);
    case TY_STRING: case TY_FLOAT32: case TY_FLOAT64: case TY_COMPLEX64: case TY_COMPLEX128: {
        ConstVal zero = {.kind = u->kind == TY_STRING ? CONST_STRING : CONST_INT};
        if (u->kind == TY_STRING)
            zero.u.s = "";
        return be_const(b, &zero, t, pos);
    }
    case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_FUNC: case TY_UNSAFE_POINTER:
        return value_new(b->cur, OpConstNil, t, pos);
    case TY_SLICE: return value_new(b->cur, OpConstSlice, t, pos);
    case TY_INTERFACE: return value_new(b->cur, OpConstInterface, t, pos);
    case TY_STRUCT: {
        if (!bb_type_ssa_able(b->cc, t))
            return zero_via_temp(b, t, pos);
        Value *fields[4];
        for (int i = 0; i < u->u.strct.nfields; i++)
            fields[i] = be_zero(b, u->u.strct.fields[i].type, pos);
        Value *v = value_new(b->cur, OpStructMake, t, pos);
        for (int i = 0; i < u->u.strct.nfields; i++)
            value_add_arg(v, fields[i]);
        return v;
    }
    case TY_ARRAY:
        if (u->u.array.len == 0)
            return value_new(b->cur, OpArrayMake0, t, pos);
        if (bb_type_ssa_able(b->cc, t))
            return value_new1(b->cur, OpArrayMake1, t, pos, be_zero(b, u->u.array.elem, pos));
        return zero_via_temp(b, t, pos);
    default:
        if (type_is_integer(u))
            return const_int(b, t, 0, pos);
        return be_unknown(b, t, pos);
    }
}

// ---------------------------------------------------------------------------
// Variables

Value *be_local_addr(Builder *b, Obj *obj, Pos pos) {
    Value *a = value_new2(b->cur, OpLocalAddr, ptr_to(b, obj->type), pos, b->f->sp, bb_mem(b));
    a->aux = (Aux){.kind = AUX_VAR, .u.var = obj};
    a->var = obj;
    return a;
}

Value *be_var_addr(Builder *b, uint32_t var, Pos pos) {
    VarInfo *vi = bv_info(b, var);
    switch (vi->cls) {
    case VC_CAPT_REF:
        return vi->addr;
    case VC_GLOBAL: {
        Value *a = value_new1(b->cur, OpAddr, ptr_to(b, vi->type), pos, b->f->sb);
        a->aux = (Aux){.kind = AUX_VAR, .u.var = vi->obj};
        a->var = vi->obj;
        return a;
    }
    case VC_MEM:
        return be_local_addr(b, vi->obj, pos);
    case VC_REG:
        break;
    }
    // A register variable whose address is wanted: the checker did not mark
    // it; give it a slot from now on so the program still builds.
    vi->cls = VC_MEM;
    Value *cur = bv_read(b, var, b->cur);
    Value *addr = be_local_addr(b, vi->obj, pos);
    be_store(b, addr, cur, vi->type, pos, vi->obj);
    return addr;
}

static bool is_blank(Obj *obj) { return !obj || name_is(obj->name, "_"); }

Value *be_read_var(Builder *b, Obj *obj, Pos pos) {
    uint32_t var = bv_index(b, obj);
    VarInfo *vi = bv_info(b, var);
    if (vi->cls == VC_REG)
        return bv_read(b, var, b->cur);
    return be_load(b, be_var_addr(b, var, pos), vi->type, pos);
}

// The value a variable gets: marked as defining it, or copied first when
// it already stands for something else (another variable, a merge).
static Value *defining(Builder *b, Obj *obj, Value *v, Pos pos) {
    if (!v->var && v->block == b->cur && v->op != OpPhi && v->op != OpUnknown && !v->is_mem) {
        v->var = obj;
        return v;
    }
    Value *c = value_new1(b->cur, OpCopy, v->type, pos, v);
    c->var = obj;
    return c;
}

void be_write_var(Builder *b, Obj *obj, Value *v, Pos pos) {
    if (is_blank(obj))
        return;
    uint32_t var = bv_index(b, obj);
    VarInfo *vi = bv_info(b, var);
    if (vi->cls == VC_REG) {
        bv_write(b, var, b->cur, defining(b, obj, v, pos));
        return;
    }
    be_store(b, be_var_addr(b, var, pos), v, vi->type, pos, obj);
}

void be_declare_var(Builder *b, Obj *obj, Value *v, Pos pos) {
    if (is_blank(obj))
        return;
    uint32_t var = bv_index(b, obj);
    VarInfo *vi = bv_info(b, var);
    if (vi->cls == VC_REG) {
        bv_write(b, var, b->cur, defining(b, obj, v ? v : be_zero(b, vi->type, pos), pos));
        return;
    }
    if (vi->cls == VC_MEM)
        vardef(b, obj, pos);
    Value *addr = be_var_addr(b, var, pos);
    if (v)
        be_store(b, addr, v, vi->type, pos, obj);
    else
        zero_mem(b, addr, vi->type, pos, obj);
}

// A compiler temporary in memory, zeroed, as gc's .autotmp_N.
Value *be_temp_addr(Builder *b, Type *t, Pos pos, Obj **tmp) {
    char name[32];
    snprintf(name, sizeof name, ".autotmp_%d", b->ntemps++);
    Obj *obj = obj_new(b->cc, OBJ_VAR, intern_cstr(b->cc, name), pos, t);
    obj->u.var.fn = b->info;
    obj->pkg = b->info ? b->info->pkg : NULL;
    uint32_t var = bv_index(b, obj);
    bv_info(b, var)->cls = VC_MEM;
    vardef(b, obj, pos);
    Value *addr = be_local_addr(b, obj, pos);
    zero_mem(b, addr, t, pos, obj);
    if (tmp)
        *tmp = obj;
    return addr;
}

// ---------------------------------------------------------------------------
// Conversions

// v (of type src) converted to interface type dst. pos is where gc reports
// the conversion: see be_expr_to_at.
static Value *to_iface(Builder *b, Value *v, Type *src, Type *dst, Node *n, Pos pos) {
    if (type_is_interface(src)) {
        if (type_identical(src, dst))
            return v;
        Value *c = value_new1(b->cur, OpConvert, dst, pos, v);
        set_node(c, n);
        return c;
    }
    if (type_is_direct_iface(src)) {  // no boxing allocation
        Value *tw = value_new(b->cur, OpTypeAddr, tbasic(b, TY_UINTPTR), pos);
        tw->aux = (Aux){.kind = AUX_TYPE, .u.type = src};
        Value *m = value_new2(b->cur, OpIMake, dst, pos, tw, v);
        set_node(m, n);
        return m;
    }
    Value *c = value_new2(b->cur, OpConvIface, tuple1(b, dst), pos, v, bb_mem(b));
    c->aux = (Aux){.kind = AUX_TYPE, .u.type = src};
    be_set_expr(b, c, n);
    return be_split1(b, c);
}

Value *be_assign_conv_at(Builder *b, Value *v, Type *src, Type *dst, Node *n, Pos pos) {
    if (!dst || !src || !v)
        return v;
    if (type_is_interface(dst)) {
        if (is_untyped_nil(src))
            return value_new(b->cur, OpConstInterface, dst, v->pos);
        return to_iface(b, v, be_type(b, src), dst, n, pos);
    }
    return v;
}

Value *be_assign_conv(Builder *b, Value *v, Type *src, Type *dst, Node *n) {
    return be_assign_conv_at(b, v, src, dst, n, n ? n->pos : v ? v->pos : (Pos){0});
}

static bool is_nil_node(Node *n) {
    n = unparen(n);
    if (!n)
        return false;
    if (n->kind == N_IDENT && n->u.ident.obj && n->u.ident.obj->kind == OBJ_NIL)
        return true;
    return is_untyped_nil(n->type);
}

Value *be_expr_to(Builder *b, Node *n, Type *dst) { return be_expr_to_at(b, n, dst, n ? n->pos : (Pos){0}); }

// gc's noder keeps a "current position" that moves to each expression it
// converts from the parsed syntax, in pre-order, skipping constants (which
// it turns into literals directly) and types; an implicit conversion made
// afterwards is reported there. This finds the last position an expression
// leaves behind; false if it moves nothing.
bool be_noder_last(Node *n, Pos *out) {
    n = unparen(n);
    if (!n || (n->flags & NF_TYPE) || node_val(n)->kind != CONST_NONE)
        return false;
    if (n->kind == N_IDENT && name_is(n->u.ident.name, "_"))
        return false;
    *out = n->pos;
    switch (n->kind) {
    case N_SELECTOR:
        if (n->u.sel.kind != SEL_QUALIFIED)
            be_noder_last(n->u.sel.x, out);
        break;
    case N_INDEX:
        be_noder_last(n->u.index.x, out);
        be_noder_last(n->u.index.index, out);
        break;
    case N_SLICE:
        be_noder_last(n->u.slice.x, out);
        be_noder_last(n->u.slice.lo, out);
        be_noder_last(n->u.slice.hi, out);
        be_noder_last(n->u.slice.max, out);
        break;
    case N_TYPEASSERT:
        be_noder_last(n->u.assert.x, out);
        break;
    case N_STAR: case N_UNARY:
        be_noder_last(n->u.unary.x, out);
        break;
    case N_BINARY:
        be_noder_last(n->u.binary.x, out);
        be_noder_last(n->u.binary.y, out);
        break;
    case N_CALL:
        if (n->u.call.kind != CALL_BUILTIN && n->u.call.kind != CALL_CONVERSION)
            be_noder_last(n->u.call.fun, out);
        for (int i = 0; i < n->u.call.args.len; i++)
            be_noder_last(n->u.call.args.items[i], out);
        // An ordinary call is transformed after its arguments, and the
        // transformation moves the position back to the call.
        if (n->u.call.kind != CALL_BUILTIN && n->u.call.kind != CALL_CONVERSION)
            *out = n->pos;
        break;
    case N_COMPOSITE:
        for (int i = 0; i < n->u.complit.elts.len; i++) {
            Node *e = n->u.complit.elts.items[i];
            if (e->kind == N_KEYVALUE) {
                be_noder_last(e->u.kv.key, out);
                e = e->u.kv.value;
            }
            be_noder_last(e, out);
        }
        break;
    default:
        break;
    }
    return true;
}

// A variable or function name, an imported one (pkg.V) too: gc's
// per-argument conversion leaves the current position where it was for these
// (its IR has the name itself, with no position of its own).
bool be_is_plain_name(Node *n) {
    n = unparen(n);
    Obj *o = !n ? NULL : n->kind == N_IDENT ? n->u.ident.obj
                     : n->kind == N_SELECTOR && n->u.sel.kind == SEL_QUALIFIED ? n->u.sel.obj : NULL;
    return o && (o->kind == OBJ_VAR || o->kind == OBJ_FUNC);
}

// gc reports an implicit conversion to an interface where its noder stood
// when it made the conversion: at the operand for arguments, composite
// literal elements and sends, but elsewhere at a neighbour (the assigned
// variable, the last value of a list); the statement builders pass that
// position as `at`.
Value *be_expr_to_at(Builder *b, Node *n, Type *dst, Pos at) {
    if (!n)
        return dst ? be_zero(b, dst, (Pos){0}) : NULL;
    if (!dst)
        return be_expr(b, n);
    if (is_nil_node(n))
        return be_zero(b, dst, n->pos);
    if (node_val(n)->kind != CONST_NONE && !(n->flags & NF_TYPE)) {
        if (!type_is_interface(dst)) {
            Value *c = be_const(b, node_val(n), dst, n->pos);
            set_node(c, n);
            return c;
        }
        Type *t = n->type && !type_is_untyped(n->type) ? n->type : const_default_type(b, node_val(n));
        Value *c = be_const(b, node_val(n), t, n->pos);
        set_node(c, n);
        return to_iface(b, c, t, dst, n, at);
    }
    Value *v = be_expr(b, n);
    return be_assign_conv_at(b, v, n->type, dst, n, at);
}

static int int_size(Builder *b, Type *t) {
    int64_t s = type_size(b->cc, t);
    return s == 1 ? 0 : s == 2 ? 1 : s == 4 ? 2 : 3;
}

static Value *alloc_conv(Builder *b, Op op, Value *x, Type *dst, Node *n) {
    Value *c = value_new2(b->cur, op, tuple1(b, dst), n->pos, x, bb_mem(b));
    be_set_expr(b, c, n);
    return be_split1(b, c);
}

// T(x) for a non-constant x.
static Value *convert(Builder *b, Node *call, Node *xn, Type *dst) {
    Type *src = be_type(b, xn->type);
    if (type_is_interface(dst)) {
        // An explicit conversion is named as written, I(x), at its paren.
        if (is_nil_node(xn))
            return be_zero(b, dst, call->pos);
        Value *x = be_expr(b, xn);
        return to_iface(b, x, src, dst, call, call->pos);
    }
    if (is_nil_node(xn))
        return be_zero(b, dst, call->pos);
    Value *x = be_expr(b, xn);
    Type *su = under(src), *du = under(dst);
    if (!su || !du)
        return x;
    Pos pos = call->pos;
    if (type_is_integer(su) && type_is_integer(du)) {
        int64_t ss = type_size(b->cc, su), ds = type_size(b->cc, du);
        if (ss == ds)
            return x;
        Op op = ds < ss ? OpTrunc : type_is_unsigned(su) ? OpZeroExt : OpSignExt;
        return value_new1(b->cur, op, dst, pos, x);
    }
    if (type_is_integer(su) && type_is_float(du))
        return value_new1(b->cur, OpCvtIntToFloat, dst, pos, x);
    if (type_is_float(su) && type_is_integer(du))
        return value_new1(b->cur, OpCvtFloatToInt, dst, pos, x);
    if (type_is_float(su) && type_is_float(du))
        return type_size(b->cc, su) == type_size(b->cc, du) ? x : value_new1(b->cur, OpCvtFloat, dst, pos, x);
    if (type_is_complex(su) && type_is_complex(du))
        return type_size(b->cc, su) == type_size(b->cc, du) ? x : value_new1(b->cur, OpCvtComplex, dst, pos, x);
    if (du->kind == TY_STRING && type_is_integer(su))
        return alloc_conv(b, OpIntToString, x, dst, call);
    if (du->kind == TY_STRING && su->kind == TY_SLICE)
        return alloc_conv(b, ukind(su->u.slice.elem) == TY_INT32 ? OpRunesToString : OpBytesToString, x, dst, call);
    if (su->kind == TY_STRING && du->kind == TY_SLICE)
        return alloc_conv(b, ukind(du->u.slice.elem) == TY_INT32 ? OpStringToRunes : OpStringToBytes, x, dst, call);
    if (su->kind == TY_UNSAFE_POINTER || du->kind == TY_UNSAFE_POINTER || (su->kind == TY_SLICE && du->kind == TY_POINTER))
        return value_new1(b->cur, OpConvert, dst, pos, x);
    return x;   // same representation: a named type and its underlying type, channel directions
}

// ---------------------------------------------------------------------------
// Where an operand lives

static bool in_memory(Builder *b, Node *n);

static bool var_in_memory(Builder *b, Obj *obj) {
    if (!obj || obj->kind != OBJ_VAR)
        return false;
    return bv_info(b, bv_index(b, obj))->cls != VC_REG;
}

// Does the selector x.f go through a pointer (explicit or an embedded one)?
static bool selector_through_pointer(Node *n) {
    Type *t = n->u.sel.x->type;
    if (ukind(t) == TY_POINTER)
        return true;
    for (int i = 0; i + 1 < n->u.sel.depth; i++) {
        Type *u = under(ukind(t) == TY_POINTER ? under(t)->u.ptr.elem : t);
        if (!u || u->kind != TY_STRUCT || n->u.sel.path[i] < 0 || n->u.sel.path[i] >= u->u.strct.nfields)
            return n->u.sel.indirect;
        t = u->u.strct.fields[n->u.sel.path[i]].type;
        if (ukind(t) == TY_POINTER)
            return true;
    }
    return false;
}

static bool in_memory(Builder *b, Node *n) {
    n = unparen(n);
    if (!n)
        return false;
    switch (n->kind) {
    case N_IDENT:
        return var_in_memory(b, n->u.ident.obj);
    case N_STAR:
        return true;
    case N_INDEX:
        switch (ukind(n->u.index.x->type)) {
        case TY_SLICE: case TY_POINTER: return true;
        case TY_ARRAY: return in_memory(b, n->u.index.x);
        default: return false;
        }
    case N_SELECTOR:
        if (n->u.sel.kind == SEL_QUALIFIED)
            return n->u.sel.obj && n->u.sel.obj->kind == OBJ_VAR;
        if (n->u.sel.kind != SEL_FIELD)
            return false;
        return selector_through_pointer(n) || in_memory(b, n->u.sel.x);
    default:
        return false;
    }
}

// ---------------------------------------------------------------------------
// Field paths: x.f through embedded fields, in memory or in SSA values

typedef struct Place {
    Value *v;       // the address of a `t` when is_addr, else a `t` value
    Type *t;
    bool is_addr;
    Obj *root;      // the variable whose slot an address is based on
} Place;

static Place place_of(Builder *b, Node *x) {
    Place p = {.t = x->type};
    if (ukind(x->type) == TY_POINTER) {
        p.v = be_expr(b, x);
        p.t = under(x->type)->u.ptr.elem;
        p.is_addr = true;
    } else if (in_memory(b, x)) {
        p.v = be_addr(b, x, &p.root);
        p.is_addr = true;
    } else {
        p.v = be_expr(b, x);
    }
    return p;
}

static void place_field(Builder *b, Place *p, int index, Pos pos) {
    Type *u = under(p->t);
    if (u && u->kind == TY_POINTER) {
        // An embedded pointer: follow it; what it points to is memory.
        p->v = p->is_addr ? be_load(b, p->v, p->t, pos) : p->v;
        p->t = u->u.ptr.elem;
        p->is_addr = true;
        p->root = NULL;
        u = under(p->t);
    }
    if (!u || u->kind != TY_STRUCT || index < 0 || index >= u->u.strct.nfields) {
        p->v = be_unknown(b, NULL, pos);
        p->t = NULL;
        p->is_addr = false;
        return;
    }
    type_size(b->cc, u);    // lays out the fields
    Field *fld = &u->u.strct.fields[index];
    if (p->is_addr) {
        Value *o = value_new1(b->cur, OpOffPtr, ptr_to(b, fld->type), pos, p->v);
        o->auxint = fld->offset;
        o->aux = (Aux){.kind = AUX_FIELD, .u.field = fld};
        p->v = o;
    } else {
        Value *s = value_new1(b->cur, OpStructSelect, fld->type, pos, p->v);
        s->auxint = index;
        p->v = s;
    }
    p->t = fld->type;
}

static Value *place_value(Builder *b, Place *p, Pos pos) {
    return p->is_addr ? be_load(b, p->v, p->t, pos) : p->v;
}

// The address a place stands for; a value is spilled to a temporary.
static Value *place_addr(Builder *b, Place *p, Pos pos) {
    if (p->is_addr)
        return p->v;
    Value *addr = be_temp_addr(b, p->t, pos, NULL);
    be_store(b, addr, p->v, p->t, pos, NULL);
    return addr;
}

// The embedded fields a selector walks before its final field or method.
static int sel_embedded_steps(Node *sel) { return sel->u.sel.depth > 0 ? sel->u.sel.depth - 1 : 0; }

static Place field_place(Builder *b, Node *n) {
    Place p = place_of(b, n->u.sel.x);
    for (int i = 0; i < n->u.sel.depth; i++)
        place_field(b, &p, n->u.sel.path[i], n->pos);
    return p;
}

// ---------------------------------------------------------------------------
// Addresses

static Value *composite_alloc(Builder *b, Node *amp, Node *lit, Type *t);
static void complit_into(Builder *b, Node *n, Value *addr, Type *t, Obj *root);
static Value *complit_value(Builder *b, Node *n, Type *t);

Value *be_addr(Builder *b, Node *n, Obj **root) {
    Obj *dummy = NULL;
    if (!root)
        root = &dummy;
    *root = NULL;
    n = unparen(n);
    if (!n)
        return be_unknown(b, NULL, (Pos){0});
    switch (n->kind) {
    case N_IDENT: {
        Obj *obj = n->u.ident.obj;
        if (obj && obj->kind == OBJ_VAR) {
            *root = obj;
            return be_var_addr(b, bv_index(b, obj), n->pos);
        }
        break;
    }
    case N_STAR:
        return be_expr(b, n->u.unary.x);
    case N_SELECTOR:
        if (n->u.sel.kind == SEL_QUALIFIED && n->u.sel.obj && n->u.sel.obj->kind == OBJ_VAR) {
            *root = n->u.sel.obj;
            return be_var_addr(b, bv_index(b, n->u.sel.obj), n->pos);
        }
        if (n->u.sel.kind == SEL_FIELD) {
            Place p = field_place(b, n);
            *root = p.is_addr ? p.root : NULL;
            return place_addr(b, &p, n->pos);
        }
        break;
    case N_INDEX: {
        Node *x = n->u.index.x;
        Type *xu = under(x->type);
        if (!xu)
            break;
        Value *base = NULL;
        Type *elem = NULL;
        if (xu->kind == TY_SLICE) {
            Value *s = be_expr(b, x);
            elem = xu->u.slice.elem;
            base = value_new1(b->cur, OpSlicePtr, ptr_to(b, elem), n->pos, s);
        } else if (xu->kind == TY_POINTER && ukind(xu->u.ptr.elem) == TY_ARRAY) {
            base = be_expr(b, x);
            elem = under(xu->u.ptr.elem)->u.array.elem;
        } else if (xu->kind == TY_ARRAY) {
            elem = xu->u.array.elem;
            if (in_memory(b, x)) {
                base = be_addr(b, x, root);
            } else {
                Place p = {.v = be_expr(b, x), .t = x->type};
                base = place_addr(b, &p, n->pos);
            }
        } else {
            break;
        }
        Value *i = be_expr(b, n->u.index.index);
        return value_new2(b->cur, OpPtrIndex, ptr_to(b, elem), n->pos, base, i);
    }
    case N_COMPOSITE:
        return composite_alloc(b, n, n, n->type);
    default:
        break;
    }
    // Not addressable in Go; the value goes to a temporary so the build goes on.
    Value *v = be_expr(b, n);
    Place p = {.v = v, .t = n->type};
    return place_addr(b, &p, n->pos);
}

// ---------------------------------------------------------------------------
// Composite literals

static int field_index_by_name(Type *st, Node *key) {
    Type *u = under(st);
    key = unparen(key);
    if (!u || u->kind != TY_STRUCT || !key || key->kind != N_IDENT)
        return -1;
    for (int i = 0; i < u->u.strct.nfields; i++) {
        Field *f = &u->u.strct.fields[i];
        if ((key->u.ident.obj && f->obj == key->u.ident.obj) || f->name == key->u.ident.name)
            return i;
    }
    return -1;
}

// An element of a composite literal given as `{...}` with its type elided
// and an expected pointer type stands for &T{...}.
// `at` is the element's position, or its key's colon when keyed: where gc
// reports the element's conversion to an interface.
static Value *complit_elem(Builder *b, Node *elt, Type *want, Pos at) {
    Node *e = unparen(elt);
    if (e && e->kind == N_COMPOSITE && !e->u.complit.type && ukind(want) == TY_POINTER)
        return composite_alloc(b, e, e, under(want)->u.ptr.elem);
    if (e && e->kind == N_COMPOSITE && !e->u.complit.type)
        return complit_value(b, e, want);
    return be_expr_to_at(b, elt, want, at);
}

// Stores the elements of literal n (of type t) into the zeroed memory at addr.
static void complit_into(Builder *b, Node *n, Value *addr, Type *t, Obj *root) {
    Type *u = under(t);
    if (!u)
        return;
    NodeList *elts = &n->u.complit.elts;
    if (u->kind == TY_STRUCT) {
        type_size(b->cc, u);
        for (int i = 0; i < elts->len; i++) {
            Node *e = elts->items[i], *val = e;
            int fi = i;
            if (e->kind == N_KEYVALUE) {
                fi = field_index_by_name(t, e->u.kv.key);
                val = e->u.kv.value;
            }
            if (fi < 0 || fi >= u->u.strct.nfields)
                continue;
            Field *fld = &u->u.strct.fields[fi];
            Value *fa = value_new1(b->cur, OpOffPtr, ptr_to(b, fld->type), val->pos, addr);
            fa->auxint = fld->offset;
            fa->aux = (Aux){.kind = AUX_FIELD, .u.field = fld};
            Node *uv = unparen(val);
            if (uv->kind == N_COMPOSITE && (ukind(fld->type) == TY_STRUCT || ukind(fld->type) == TY_ARRAY)) {
                complit_into(b, uv, fa, fld->type, root);
                continue;
            }
            be_store(b, fa, complit_elem(b, val, fld->type, e->pos), fld->type, val->pos, root);
        }
        return;
    }
    if (u->kind == TY_ARRAY) {
        Type *elem = u->u.array.elem;
        int64_t idx = 0;
        for (int i = 0; i < elts->len; i++, idx++) {
            Node *e = elts->items[i], *val = e;
            if (e->kind == N_KEYVALUE) {
                if (node_val(e->u.kv.key)->kind != CONST_NONE)
                    idx = const_as_int(node_val(e->u.kv.key));
                val = e->u.kv.value;
            }
            Value *ea = value_new2(b->cur, OpPtrIndex, ptr_to(b, elem), val->pos, addr, int_const(b, idx, val->pos));
            Node *uv = unparen(val);
            if (uv->kind == N_COMPOSITE && (ukind(elem) == TY_STRUCT || ukind(elem) == TY_ARRAY)) {
                complit_into(b, uv, ea, elem, root);
                continue;
            }
            be_store(b, ea, complit_elem(b, val, elem, e->pos), elem, val->pos, root);
        }
        return;
    }
    be_store(b, addr, complit_value(b, n, t), t, n->pos, root);
}

static int64_t complit_array_len(Node *n) {
    int64_t idx = 0, max = 0;
    for (int i = 0; i < n->u.complit.elts.len; i++, idx++) {
        Node *e = n->u.complit.elts.items[i];
        if (e->kind == N_KEYVALUE && node_val(e->u.kv.key)->kind != CONST_NONE)
            idx = const_as_int(node_val(e->u.kv.key));
        if (idx + 1 > max)
            max = idx + 1;
    }
    return max;
}

// new(T), &T{...}: a heap object the escape analysis may keep on the stack.
static Value *new_object(Builder *b, Type *t, Node *site, Pos pos) {
    Value *o = value_new1(b->cur, OpNewObject, tuple1(b, ptr_to(b, t)), pos, bb_mem(b));
    o->aux = (Aux){.kind = AUX_TYPE, .u.type = t};
    be_set_expr(b, o, site);
    return be_split1(b, o);
}

// &T{...} (amp is the & node, or the literal itself when the & is implied).
static Value *composite_alloc(Builder *b, Node *amp, Node *lit, Type *t) {
    if (!t)
        t = lit->type;
    if (ukind(t) == TY_POINTER)
        t = under(t)->u.ptr.elem;
    Value *p = new_object(b, t, amp, amp->pos);
    complit_into(b, lit, p, t, NULL);
    return p;
}

// var x = T{...} with x in memory: the literal is built in x's slot, as gc
// does for declarations, instead of in a temporary copied over.
bool be_init_composite(Builder *b, Obj *obj, Node *val) {
    Node *lit = unparen(val);
    if (is_blank(obj) || !lit || lit->kind != N_COMPOSITE)
        return false;
    TypeKind k = ukind(lit->type);
    if (k != TY_STRUCT && k != TY_ARRAY)
        return false;
    uint32_t var = bv_index(b, obj);
    if (bv_info(b, var)->cls != VC_MEM || !type_identical(lit->type, obj->type))
        return false;
    vardef(b, obj, val->pos);
    Value *addr = be_var_addr(b, var, val->pos);
    zero_mem(b, addr, obj->type, val->pos, obj);
    complit_into(b, lit, addr, obj->type, obj);
    return true;
}

static Value *slice_literal(Builder *b, Node *n, Type *t) {
    Type *elem = under(t)->u.slice.elem;
    int64_t len = complit_array_len(n);
    Type *at = type_array(b->cc, elem, len);
    Value *p = new_object(b, at, n, n->pos);
    complit_into(b, n, p, at, NULL);
    Value *l = int_const(b, len, n->pos);
    return value_new3(b->cur, OpSliceMake, t, n->pos, p, l, l);
}

static Value *map_literal(Builder *b, Node *n, Type *t) {
    Type *mu = under(t);
    Value *mk = value_new2(b->cur, OpMakeMap, tuple1(b, t), n->pos, int_const(b, n->u.complit.elts.len, n->pos),
                           bb_mem(b));
    be_set_expr(b, mk, n);
    Value *m = be_split1(b, mk);
    for (int i = 0; i < n->u.complit.elts.len; i++) {
        Node *e = n->u.complit.elts.items[i];
        if (e->kind != N_KEYVALUE)
            continue;
        Value *k = complit_elem(b, e->u.kv.key, mu->u.map.key, e->pos);
        Value *v = complit_elem(b, e->u.kv.value, mu->u.map.value, e->pos);
        Value *st = value_new(b->cur, OpMapStore, NULL, e->pos);
        value_add_arg(st, m);
        value_add_arg(st, k);
        value_add_arg(st, v);
        value_add_arg(st, bb_mem(b));
        mem_op(b, st);
    }
    return m;
}

static Value *complit_value(Builder *b, Node *n, Type *t) {
    if (!t)
        t = n->type;
    Type *u = under(t);
    if (!u)
        return be_unknown(b, t, n->pos);
    switch (u->kind) {
    case TY_SLICE: return slice_literal(b, n, t);
    case TY_MAP: return map_literal(b, n, t);
    case TY_POINTER: return composite_alloc(b, n, n, u->u.ptr.elem);
    case TY_STRUCT:
        if (bb_type_ssa_able(b->cc, t)) {
            Value *fields[4] = {0};
            NodeList *elts = &n->u.complit.elts;
            for (int i = 0; i < elts->len; i++) {
                Node *e = elts->items[i], *val = e;
                int fi = i;
                if (e->kind == N_KEYVALUE) {
                    fi = field_index_by_name(t, e->u.kv.key);
                    val = e->u.kv.value;
                }
                if (fi >= 0 && fi < u->u.strct.nfields && fi < 4)
                    fields[fi] = complit_elem(b, val, u->u.strct.fields[fi].type, e->pos);
            }
            for (int i = 0; i < u->u.strct.nfields; i++)
                if (!fields[i])
                    fields[i] = be_zero(b, u->u.strct.fields[i].type, n->pos);
            Value *v = value_new(b->cur, OpStructMake, t, n->pos);
            for (int i = 0; i < u->u.strct.nfields; i++)
                value_add_arg(v, fields[i]);
            set_node(v, n);
            return v;
        }
        break;
    case TY_ARRAY:
        if (u->u.array.len == 0)
            return value_new(b->cur, OpArrayMake0, t, n->pos);
        if (bb_type_ssa_able(b->cc, t)) {
            Node *e = n->u.complit.elts.len ? n->u.complit.elts.items[0] : NULL;
            if (e && e->kind == N_KEYVALUE)
                e = e->u.kv.value;
            Value *x = e ? complit_elem(b, e, u->u.array.elem, n->u.complit.elts.items[0]->pos)
                         : be_zero(b, u->u.array.elem, n->pos);
            return value_new1(b->cur, OpArrayMake1, t, n->pos, x);
        }
        break;
    default:
        return be_unknown(b, t, n->pos);
    }
    Obj *tmp = NULL;
    Value *addr = be_temp_addr(b, t, n->pos, &tmp);
    complit_into(b, n, addr, t, tmp);
    return be_load(b, addr, t, n->pos);
}

// ---------------------------------------------------------------------------
// Operators

Value *be_binop(Builder *b, TokKind op, Value *x, Value *y, Type *t, Pos pos, Node *n) {
    Type *u = under(be_type(b, t));
    TypeKind k = u ? u->kind : TY_INVALID;
    bool is_float = k == TY_FLOAT32 || k == TY_FLOAT64, f64 = k == TY_FLOAT64;
    bool is_cplx = k == TY_COMPLEX64 || k == TY_COMPLEX128;
    bool uns = u && type_is_unsigned(u);
    int w = u ? int_size(b, u) : 3;
    t = be_type(b, t);
    if (k == TY_STRING && op == T_ADD) {
        Value *c = value_new3(b->cur, OpStringConcat, tuple1(b, t), pos, x, y, bb_mem(b));
        be_set_expr(b, c, n);
        return be_split1(b, c);
    }
    if (is_cplx) {
        Value *c = value_new2(b->cur, OpComplexOp, t, pos, x, y);
        c->auxint = op;
        return c;
    }
    Op o = OpInvalid;
    switch (op) {
    case T_ADD: o = is_float ? (f64 ? OpAdd64F : OpAdd32F) : (Op)(OpAdd8 + w); break;
    case T_SUB: o = is_float ? (f64 ? OpSub64F : OpSub32F) : (Op)(OpSub8 + w); break;
    case T_MUL: o = is_float ? (f64 ? OpMul64F : OpMul32F) : (Op)(OpMul8 + w); break;
    case T_QUO: o = is_float ? (f64 ? OpDiv64F : OpDiv32F) : uns ? (Op)(OpDiv8u + w) : (Op)(OpDiv8 + w); break;
    case T_REM: o = uns ? (Op)(OpMod8u + w) : (Op)(OpMod8 + w); break;
    case T_AND: o = (Op)(OpAnd8 + w); break;
    case T_OR: o = (Op)(OpOr8 + w); break;
    case T_XOR: o = (Op)(OpXor8 + w); break;
    case T_SHL: o = (Op)(OpLsh8 + w); break;
    case T_SHR: o = uns ? (Op)(OpRsh8U + w) : (Op)(OpRsh8 + w); break;
    case T_AND_NOT: {
        Value *ny = value_new1(b->cur, (Op)(OpCom8 + w), t, pos, y);
        return value_new2(b->cur, (Op)(OpAnd8 + w), t, pos, x, ny);
    }
    default:
        return be_unknown(b, t, pos);
    }
    return value_new2(b->cur, o, t, pos, x, y);
}

static Op compare_op(Builder *b, TokKind op, Type *t, bool *swap, bool *negate) {
    Type *u = under(t);
    TypeKind k = u ? u->kind : TY_INVALID;
    *swap = op == T_GTR || op == T_GEQ;
    *negate = false;
    bool eq = op == T_EQL, ne = op == T_NEQ;
    bool lt = op == T_LSS || op == T_GTR;
    switch (k) {
    case TY_BOOL: return eq ? OpEqB : OpNeqB;
    case TY_STRING: return eq ? OpEqString : ne ? OpNeqString : lt ? OpLessString : OpLeqString;
    case TY_FLOAT32: case TY_FLOAT64: {
        bool f64 = k == TY_FLOAT64;
        if (eq) return f64 ? OpEq64F : OpEq32F;
        if (ne) return f64 ? OpNeq64F : OpNeq32F;
        if (lt) return f64 ? OpLess64F : OpLess32F;
        return f64 ? OpLeq64F : OpLeq32F;
    }
    case TY_COMPLEX64: case TY_COMPLEX128: return eq ? OpEqComplex : OpNeqComplex;
    case TY_INTERFACE: return eq ? OpEqInter : OpNeqInter;
    case TY_SLICE: return eq ? OpEqSlice : OpNeqSlice;
    case TY_STRUCT: case TY_ARRAY: return eq ? OpEqStruct : OpNeqStruct;
    case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_FUNC: case TY_UNSAFE_POINTER:
        return eq ? OpEqPtr : OpNeqPtr;
    default:
        break;
    }
    int w = u && type_is_integer(u) ? int_size(b, u) : 3;
    bool uns = u && type_is_unsigned(u);
    if (eq) return (Op)(OpEq8 + w);
    if (ne) return (Op)(OpNeq8 + w);
    if (lt) return uns ? (Op)(OpLess8U + w) : (Op)(OpLess8 + w);
    return uns ? (Op)(OpLeq8U + w) : (Op)(OpLeq8 + w);
}

// The type both operands of a comparison are brought to: the interface one
// if only one is an interface (gc converts the other implicitly), else the
// typed one.
static Type *compare_type(Builder *b, Type *xt, Type *yt) {
    bool xi = xt && type_is_interface(xt), yi = yt && type_is_interface(yt);
    if (xi && !yi)
        return xt;
    if (yi && !xi)
        return yt;
    if (xt && !type_is_untyped(xt))
        return xt;
    if (yt && !type_is_untyped(yt))
        return yt;
    return be_type(b, xt ? xt : yt);
}

// A comparison of an interface with a concrete value compares the dynamic
// type and the data without boxing the concrete one (gc makes no
// conversion there either): EqInter gets the concrete operand as it is.
Value *be_compare(Builder *b, TokKind op, Value *x, Value *y, Type *xt, Type *yt, Pos pos, Node *xn, Node *yn) {
    (void)xn;
    (void)yn;
    Type *t = compare_type(b, xt, yt);
    if (type_is_interface(t)) {
        if (is_untyped_nil(xt))
            x = value_new(b->cur, OpConstInterface, t, x->pos);
        if (is_untyped_nil(yt))
            y = value_new(b->cur, OpConstInterface, t, y->pos);
    }
    bool swap, negate;
    Op o = compare_op(b, op, t, &swap, &negate);
    Value *v = swap ? value_new2(b->cur, o, tbasic(b, TY_BOOL), pos, y, x) : value_new2(b->cur, o, tbasic(b, TY_BOOL), pos, x, y);
    return v;
}

static Value *compare_nodes(Builder *b, Node *n) {
    Node *xn = n->u.binary.x, *yn = n->u.binary.y;
    Type *t = compare_type(b, xn->type, yn->type);
    // Operands are brought to t except across the interface/concrete line.
    Type *xt = type_is_interface(t) && !type_is_interface(xn->type) && !is_nil_node(xn) ? NULL : t;
    Type *yt = type_is_interface(t) && !type_is_interface(yn->type) && !is_nil_node(yn) ? NULL : t;
    Value *x = be_expr_to(b, xn, xt);
    Value *y = be_expr_to(b, yn, yt);
    return be_compare(b, n->u.binary.op, x, y, xt ? t : xn->type, yt ? t : yn->type, n->pos, xn, yn);
}

static bool is_string_concat(Node *n) {
    n = unparen(n);
    return n && n->kind == N_BINARY && n->u.binary.op == T_ADD && node_val(n)->kind == CONST_NONE && type_is_string(n->type);
}

// s0 + s1 + ... as one StringConcat, as gc flattens it.
static Value *string_concat(Builder *b, Node *n) {
    Node *parts[64];
    int np = 0;
    Node *cur = n;
    // Walk the left spine; the right operands are collected backwards.
    Node *rights[64];
    int nr = 0;
    while (is_string_concat(cur) && nr < 63) {
        Node *u = unparen(cur);
        rights[nr++] = u->u.binary.y;
        cur = u->u.binary.x;
    }
    parts[np++] = cur;
    while (nr > 0)
        parts[np++] = rights[--nr];
    Value *vals[64];
    Type *st = be_type(b, n->type);
    for (int i = 0; i < np; i++)
        vals[i] = be_expr_to(b, parts[i], st);
    Value *c = value_new(b->cur, OpStringConcat, tuple1(b, st), n->pos);
    for (int i = 0; i < np; i++)
        value_add_arg(c, vals[i]);
    value_add_arg(c, bb_mem(b));
    be_set_expr(b, c, n);
    return be_split1(b, c);
}

// a && b, a || b as a value: the right operand is evaluated only when it
// decides, and a Phi merges the two outcomes (gc builds the same shape).
static Value *short_circuit_value(Builder *b, Node *n) {
    Type *bt = be_type(b, n->type);
    uint32_t tmp = bv_temp(b, bt);
    Value *left = be_expr(b, n->u.binary.x);
    bv_write(b, tmp, b->cur, left);
    Block *right = bb_block(b, BlockPlain, n->pos), *join = bb_block(b, BlockPlain, n->pos);
    Block *from = b->cur;
    from->kind = BlockIf;
    block_set_control(from, left);
    if (n->u.binary.op == T_LAND) {
        bb_edge(b, from, right);
        bb_edge(b, from, join);
    } else {
        bb_edge(b, from, join);
        bb_edge(b, from, right);
    }
    bb_seal(b, right);
    bb_start(b, right);
    // The right operand may add blocks (a nested && or ||, an inlined
    // call): the value is written in the block it ends in. C leaves the
    // order of a call's arguments open, so it is built first.
    Value *y = be_expr(b, n->u.binary.y);
    bv_write(b, tmp, b->cur, y);
    bb_jump(b, join);
    bb_seal(b, join);
    bb_start(b, join);
    return bv_read(b, tmp, join);
}

static Value *unary(Builder *b, Node *n) {
    Node *xn = n->u.unary.x;
    Type *t = be_type(b, n->type);
    Type *u = under(t);
    switch (n->u.unary.op) {
    case T_AND: {
        Node *x = unparen(xn);
        if (x && x->kind == N_COMPOSITE)
            return composite_alloc(b, n, x, x->type);
        return be_addr(b, xn, NULL);
    }
    case T_ADD:
        return be_expr_to(b, xn, t);
    case T_SUB: {
        Value *x = be_expr_to(b, xn, t);
        if (u && type_is_complex(u)) {
            ConstVal zero = {.kind = CONST_INT};
            Value *c = value_new2(b->cur, OpComplexOp, t, n->pos, be_const(b, &zero, t, n->pos), x);
            c->auxint = T_SUB;
            return c;
        }
        if (u && type_is_float(u))
            return value_new1(b->cur, u->kind == TY_FLOAT64 ? OpNeg64F : OpNeg32F, t, n->pos, x);
        return value_new1(b->cur, (Op)(OpNeg8 + int_size(b, t)), t, n->pos, x);
    }
    case T_NOT: {
        Value *x = be_expr(b, xn);  // before b->cur: it may add blocks
        return value_new1(b->cur, OpNot, t, n->pos, x);
    }
    case T_XOR: {
        Value *x = be_expr_to(b, xn, t);  // before b->cur: it may add blocks
        return value_new1(b->cur, (Op)(OpCom8 + int_size(b, t)), t, n->pos, x);
    }
    case T_ARROW: {
        Value *c = be_expr(b, xn);
        Value *r = value_new2(b->cur, OpChanRecv, tuple_ok(b, t), n->pos, c, bb_mem(b));
        set_node(r, n);
        Value *out[2];
        be_split(b, r, 2, out);
        return out[0];
    }
    default:
        return be_unknown(b, t, n->pos);
    }
}

static Value *binary(Builder *b, Node *n) {
    TokKind op = n->u.binary.op;
    switch (op) {
    case T_LAND: case T_LOR:
        return short_circuit_value(b, n);
    case T_EQL: case T_NEQ: case T_LSS: case T_LEQ: case T_GTR: case T_GEQ:
        return compare_nodes(b, n);
    default:
        break;
    }
    if (is_string_concat(n))
        return string_concat(b, n);
    Type *t = be_type(b, n->type);
    Value *x = be_expr_to(b, n->u.binary.x, t);
    Value *y = op == T_SHL || op == T_SHR ? be_expr(b, n->u.binary.y) : be_expr_to(b, n->u.binary.y, t);
    return be_binop(b, op, x, y, t, n->pos, n);
}

// ---------------------------------------------------------------------------
// Selectors, indexing, slicing, assertions

static Method *find_method(Type *t, Name *name) {
    if (!t)
        return NULL;
    if (t->kind == TY_POINTER)
        t = t->u.ptr.elem;
    if (!t)
        return NULL;
    if (t->kind == TY_NAMED) {
        for (int i = 0; i < t->u.named.nmethods; i++)
            if (t->u.named.methods[i].name == name)
                return &t->u.named.methods[i];
    }
    Type *u = type_underlying(t);
    if (u && u->kind == TY_INTERFACE) {
        for (int i = 0; i < u->u.iface.nmethods; i++)
            if (u->u.iface.methods[i].name == name)
                return &u->u.iface.methods[i];
    }
    return NULL;
}

static bool method_has_ptr_recv(Obj *m) {
    if (!m || m->kind != OBJ_FUNC)
        return false;
    return ukind(m->u.func.recv) == TY_POINTER || (m->u.func.recv && m->u.func.recv->kind == TY_POINTER);
}

typedef struct Receiver {
    Value *v;
    Type *t;            // the receiver's type as passed
    bool interface;     // the method is called through an interface value
} Receiver;

// The receiver of x.m, walked through embedded fields and adjusted to the
// method's receiver: its address for a pointer method, a copy for a value one.
static Receiver receiver_of(Builder *b, Node *sel, Obj *method) {
    Receiver r = {0};
    Node *x = sel->u.sel.x;
    int steps = sel_embedded_steps(sel);
    bool want_ptr = method_has_ptr_recv(method);
    Place p;
    if (steps == 0 && !want_ptr && ukind(x->type) != TY_POINTER) {
        r.v = be_expr(b, x);
        r.t = x->type;
        r.interface = type_is_interface(x->type);
        return r;
    }
    if (steps == 0 && want_ptr && ukind(x->type) != TY_POINTER) {
        r.v = be_addr(b, x, NULL);
        r.t = ptr_to(b, x->type);
        return r;
    }
    p = place_of(b, x);
    for (int i = 0; i < steps; i++)
        place_field(b, &p, sel->u.sel.path[i], sel->pos);
    // p now holds (the address of) the value whose method set has m.
    if (type_is_interface(p.t)) {
        r.v = place_value(b, &p, sel->pos);
        r.t = p.t;
        r.interface = true;
        return r;
    }
    if (ukind(p.t) == TY_POINTER) {
        Value *ptr = place_value(b, &p, sel->pos);
        Type *elem = under(p.t)->u.ptr.elem;
        if (want_ptr) {
            r.v = ptr;
            r.t = p.t;
        } else {
            r.v = be_load(b, ptr, elem, sel->pos);
            r.t = elem;
        }
        return r;
    }
    if (want_ptr) {
        r.v = place_addr(b, &p, sel->pos);
        r.t = ptr_to(b, p.t);
    } else {
        r.v = place_value(b, &p, sel->pos);
        r.t = p.t;
    }
    return r;
}

static Value *method_value(Builder *b, Node *n) {
    Obj *m = n->u.sel.obj;
    Receiver r = receiver_of(b, n, m);
    Method *meth = find_method(r.t, n->u.sel.name);
    if (!meth && r.t && ukind(r.t) == TY_POINTER)
        meth = find_method(under(r.t)->u.ptr.elem, n->u.sel.name);
    Value *mv = value_new2(b->cur, OpMethodValue, tuple1(b, be_type(b, n->type)), n->pos, r.v, bb_mem(b));
    mv->aux = (Aux){.kind = AUX_METHOD, .u.method = meth};
    be_set_expr(b, mv, n);
    return be_split1(b, mv);
}

static Value *func_value(Builder *b, Obj *fn, Type *t, Pos pos) {
    Value *v = value_new(b->cur, OpFuncValue, t, pos);
    v->aux = (Aux){.kind = AUX_FUNC, .u.fn = fn ? fn->u.func.fn : NULL};
    return v;
}

static Value *selector(Builder *b, Node *n) {
    switch (n->u.sel.kind) {
    case SEL_QUALIFIED: {
        Obj *obj = n->u.sel.obj;
        if (!obj)
            break;
        if (obj->kind == OBJ_VAR)
            return be_read_var(b, obj, n->pos);
        if (obj->kind == OBJ_FUNC)
            return func_value(b, obj, n->type, n->pos);
        if (obj->kind == OBJ_CONST)
            return be_const(b, &obj->u.cval, n->type, n->pos);
        break;
    }
    case SEL_FIELD: {
        if (in_memory(b, n))
            return be_load(b, be_addr(b, n, NULL), n->type, n->pos);
        Place p = field_place(b, n);
        return place_value(b, &p, n->pos);
    }
    case SEL_METHOD: case SEL_INTERFACE_METHOD:
        return method_value(b, n);
    case SEL_METHOD_EXPR:
        return func_value(b, n->u.sel.obj, n->type, n->pos);
    default:
        break;
    }
    return be_unknown(b, n->type, n->pos);
}

// A map key is converted to the key type where the noder stands after the
// index expression m[k] (it moved to the expression, then through m and k).
Pos be_map_key_at(Node *n) {
    Pos at = n->pos;
    be_noder_last(n->u.index.x, &at);
    be_noder_last(n->u.index.index, &at);
    return at;
}

static Value *map_index(Builder *b, Node *n, bool comma_ok, Value **ok) {
    Type *mu = under(n->u.index.x->type);
    Value *m = be_expr(b, n->u.index.x);
    Value *k = be_expr_to_at(b, n->u.index.index, mu->u.map.key, be_map_key_at(n));
    Type *vt = mu->u.map.value;
    Value *r = value_new3(b->cur, OpMapIndex, comma_ok ? tuple_ok(b, vt) : vt, n->pos, m, k, bb_mem(b));
    set_node(r, n);
    if (!comma_ok)
        return r;
    r->auxint = 1;
    *ok = select_pure(b, r, 1, tbasic(b, TY_BOOL), n->pos);
    return select_pure(b, r, 0, vt, n->pos);
}

static Value *index_expr(Builder *b, Node *n) {
    Node *x = n->u.index.x;
    Type *xu = under(x->type);
    switch (ukind(x->type)) {
    case TY_STRING: {
        Value *s = be_expr(b, x);
        Value *i = be_expr(b, n->u.index.index);
        return value_new2(b->cur, OpStringIndex, be_type(b, n->type), n->pos, s, i);
    }
    case TY_MAP:
        return map_index(b, n, false, NULL);
    case TY_ARRAY:
        if (!in_memory(b, x) && xu->u.array.len <= 1) {
            Value *a = be_expr(b, x);
            be_expr(b, n->u.index.index);
            Value *s = value_new1(b->cur, OpArraySelect, n->type, n->pos, a);
            s->auxint = 0;
            return s;
        }
        break;
    case TY_SLICE: case TY_POINTER:
        break;
    default:
        return be_unknown(b, n->type, n->pos);
    }
    return be_load(b, be_addr(b, n, NULL), n->type, n->pos);
}

static Value *slice_expr(Builder *b, Node *n) {
    Node *x = n->u.slice.x;
    Type *xu = under(x->type);
    Type *t = be_type(b, n->type);
    Pos pos = n->pos;
    if (ukind(x->type) == TY_STRING) {
        Value *s = be_expr(b, x);
        Value *lo = n->u.slice.lo ? be_expr(b, n->u.slice.lo) : int_const(b, 0, pos);
        Value *hi = n->u.slice.hi ? be_expr(b, n->u.slice.hi) : value_new1(b->cur, OpStringLen, tbasic(b, TY_INT), pos, s);
        return value_new3(b->cur, OpStringSlice, t, pos, s, lo, hi);
    }
    if (!xu)
        return be_unknown(b, t, pos);
    Value *s;
    if (xu->kind == TY_SLICE) {
        s = be_expr(b, x);
    } else {
        // An array (addressable) or a pointer to one: a slice of all of it first.
        Value *p;
        Type *at;
        if (xu->kind == TY_POINTER) {
            p = be_expr(b, x);
            at = under(xu->u.ptr.elem);
        } else {
            p = be_addr(b, x, NULL);
            at = xu;
        }
        int64_t len = at && at->kind == TY_ARRAY ? at->u.array.len : 0;
        Value *l = int_const(b, len, pos);
        s = value_new3(b->cur, OpSliceMake, t, pos, p, l, l);
    }
    Value *lo = n->u.slice.lo ? be_expr(b, n->u.slice.lo) : int_const(b, 0, pos);
    Value *hi = n->u.slice.hi ? be_expr(b, n->u.slice.hi) : value_new1(b->cur, OpSliceLen, tbasic(b, TY_INT), pos, s);
    Value *max = n->u.slice.max ? be_expr(b, n->u.slice.max) : value_new1(b->cur, OpSliceCap, tbasic(b, TY_INT), pos, s);
    Value *r = value_new(b->cur, OpSliceSlice, t, pos);
    value_add_arg(r, s);
    value_add_arg(r, lo);
    value_add_arg(r, hi);
    value_add_arg(r, max);
    return r;
}

static Value *type_assert(Builder *b, Node *n, bool comma_ok, Value **ok) {
    Type *t = be_type(b, n->type);
    Value *x = be_expr(b, n->u.assert.x);
    Value *a = value_new2(b->cur, OpTypeAssert, comma_ok ? tuple_ok(b, t) : t, n->pos, x, bb_mem(b));
    a->aux = (Aux){.kind = AUX_TYPE, .u.type = t};
    set_node(a, n);
    if (!comma_ok)
        return a;
    a->auxint = 1;
    *ok = select_pure(b, a, 1, tbasic(b, TY_BOOL), n->pos);
    return select_pure(b, a, 0, t, n->pos);
}

// ---------------------------------------------------------------------------
// Function literals

static Value *closure(Builder *b, Node *n) {
    FuncInfo *fi = n->u.funclit.fn;
    int nc = fi ? fi->captured.len : 0;
    Value **caps = SC_ARRAY(b, Value *, nc > 0 ? nc : 1);
    for (int i = 0; i < nc; i++) {
        Obj *v = fi->captured.items[i];
        if (bb_capture_by_value(b->cc, v))
            caps[i] = be_read_var(b, v, n->pos);
        else
            caps[i] = be_var_addr(b, bv_index(b, v), n->pos);
    }
    Value *mc = value_new(b->cur, OpMakeClosure, tuple1(b, be_type(b, n->type)), n->pos);
    mc->aux = (Aux){.kind = AUX_FUNC, .u.fn = fi};
    for (int i = 0; i < nc; i++)
        value_add_arg(mc, caps[i]);
    value_add_arg(mc, bb_mem(b));
    be_set_expr(b, mc, n);
    return be_split1(b, mc);
}

// ---------------------------------------------------------------------------
// Calls

static Type *func_sig(Node *fun) {
    Type *u = under(fun ? fun->type : NULL);
    return u && u->kind == TY_FUNC ? u : NULL;
}

typedef struct ArgList {
    Value **v;
    int n, cap;
} ArgList;

static void args_push(Builder *b, ArgList *a, Value *v) {
    if (a->n == a->cap) {
        int ncap = a->cap ? a->cap * 2 : 8;
        Value **nv = SC_ARRAY(b, Value *, ncap);
        if (a->n)
            memcpy(nv, a->v, sizeof(Value *) * (size_t)a->n);
        a->v = nv;
        a->cap = ncap;
    }
    a->v[a->n++] = v;
}

// The implicit []T{...} a variadic call collects its trailing arguments in.
static Value *variadic_slice(Builder *b, Node *call, Value **vals, int n, Type *st) {
    Pos pos = call->pos;
    if (n == 0)
        return value_new(b->cur, OpConstSlice, st, pos);
    Type *elem = under(st)->u.slice.elem;
    Type *at = type_array(b->cc, elem, n);
    Value *o = value_new1(b->cur, OpNewObject, tuple1(b, ptr_to(b, at)), pos, bb_mem(b));
    o->aux = (Aux){.kind = AUX_TYPE, .u.type = at};
    o->node = call;
    o->expr = "... argument";
    Value *p = be_split1(b, o);
    for (int i = 0; i < n; i++) {
        Value *ea = value_new2(b->cur, OpPtrIndex, ptr_to(b, elem), pos, p, int_const(b, i, pos));
        be_store(b, ea, vals[i], elem, vals[i]->pos, NULL);
    }
    Value *l = int_const(b, n, pos);
    return value_new3(b->cur, OpSliceMake, st, pos, p, l, l);
}

// The arguments of a call to a function of type sig, converted to the
// parameter types, variadic ones collected into a slice.
static void call_args(Builder *b, Node *call, Type *sig, ArgList *out) {
    NodeList *args = &call->u.call.args;
    int np = sig ? sig->u.func.nparams : 0;
    bool variadic = sig && sig->u.func.variadic && !call->u.call.has_dots;
    // f(g()) with g returning several values spreads them over the params.
    Value *spread[64];
    Type *spread_t[64];
    Node *spread_n = NULL;
    int nvals = args->len;
    if (args->len == 1 && args->items[0]->type && args->items[0]->type->kind == TY_TUPLE) {
        spread_n = args->items[0];
        nvals = be_multi(b, spread_n, spread, 64);
        Type *tt = spread_n->type;
        for (int i = 0; i < nvals; i++)
            spread_t[i] = i < tt->u.tuple.n ? tt->u.tuple.types[i] : NULL;
    }
    int fixed = variadic ? np - 1 : np;
    Value **extra = SC_ARRAY(b, Value *, nvals > 0 ? nvals : 1);
    int nextra = 0;
    Type *vt = variadic ? sig->u.func.params[np - 1] : NULL;
    Type *velem = vt && ukind(vt) == TY_SLICE ? under(vt)->u.slice.elem : NULL;
    // Arguments are converted where gc's noder stands: at the call's paren,
    // then at each argument that is not a plain name.
    Pos at = call->pos;
    for (int i = 0; i < nvals; i++) {
        Type *pt = i < fixed ? sig->u.func.params[i] : variadic ? velem : (i < np ? sig->u.func.params[i] : NULL);
        Value *v;
        Node *an = spread_n ? spread_n : args->items[i];
        if (!spread_n && !be_is_plain_name(an))
            at = an->pos;
        if (spread_n)
            v = be_assign_conv_at(b, spread[i], spread_t[i], pt, spread_n, at);
        else
            v = be_expr_to_at(b, an, pt, at);
        if (!v)
            v = be_unknown(b, pt, an->pos);
        if (!v->node)
            v->node = an;
        if (!v->expr && !spread_n && an->kind != N_FUNCLIT)
            v->expr = expr_string(b->cc, an);
        if (i < fixed || !variadic)
            args_push(b, out, v);
        else
            extra[nextra++] = v;
    }
    if (variadic)
        args_push(b, out, variadic_slice(b, call, extra, nextra, vt));
}

static Value *finish_call(Builder *b, Node *call, Op op, Type *sig, ArgList *args, Value **results, int max, int *nres) {
    int nr = sig ? sig->u.func.nresults : 0;
    Type *tt = NULL;
    if (op != OpDeferCall && op != OpGoCall)
        tt = sig ? derived(b, DERIVE_RESULTS, sig) : type_tuple(b->cc, NULL, 0);
    Value *c = value_new(b->cur, op, tt, call->pos);
    for (int i = 0; i < args->n; i++)
        value_add_arg(c, args->v[i]);
    value_add_arg(c, bb_mem(b));
    c->node = call;
    if (op == OpDeferCall || op == OpGoCall) {
        mem_op(b, c);
        if (nres)
            *nres = 0;
        return c;
    }
    Value *tmp[64];
    Value **out = nr <= 64 ? tmp : SC_ARRAY(b, Value *, nr);
    be_split(b, c, nr, out);
    for (int i = 0; i < nr && i < max; i++)
        results[i] = out[i];
    if (nres)
        *nres = nr;
    return c;
}

static Value *builtin_call(Builder *b, Node *call, Value **results, int max, int *nres, Op as);

// `as` is OpStaticLECall for a plain call, OpDeferCall or OpGoCall for a
// deferred or go call: the same args, one memory-only op.
Value *be_call(Builder *b, Node *call, Value **results, int max, int *nres, Op as) {
    if (nres)
        *nres = 0;
    Node *fun = unparen(call->u.call.fun);
    bool wrapped = as == OpDeferCall || as == OpGoCall;
    switch (call->u.call.kind) {
    case CALL_CONVERSION: {
        Value *v;
        if (node_val(call)->kind != CONST_NONE)
            v = be_const(b, node_val(call), call->type, call->pos);
        else if (call->u.call.args.len == 1)
            v = convert(b, call, call->u.call.args.items[0], be_type(b, call->type));
        else
            v = be_unknown(b, call->type, call->pos);
        if (max > 0)
            results[0] = v;
        if (nres)
            *nres = 1;
        return v;
    }
    case CALL_BUILTIN:
        return builtin_call(b, call, results, max, nres, as);
    default:
        break;
    }
    Type *sig = func_sig(fun);
    ArgList args = {0};
    Op op = OpStaticLECall;
    Aux aux = {0};
    // A call the inliner spliced: its body is built in its place.
    const InlinedCall *ic = wrapped ? NULL : bi_inlined(b, call);
    if (fun && fun->kind == N_SELECTOR && (fun->u.sel.kind == SEL_METHOD || fun->u.sel.kind == SEL_INTERFACE_METHOD)) {
        Obj *m = fun->u.sel.obj;
        Receiver r = receiver_of(b, fun, m);
        args_push(b, &args, r.v);
        if (r.interface || fun->u.sel.kind == SEL_INTERFACE_METHOD) {
            op = OpInterLECall;
            aux = (Aux){.kind = AUX_METHOD, .u.method = find_method(r.t, fun->u.sel.name)};
        } else {
            aux = (Aux){.kind = AUX_FUNC, .u.fn = m && m->kind == OBJ_FUNC ? m->u.func.fn : NULL};
        }
    } else if (fun && fun->kind == N_SELECTOR && fun->u.sel.kind == SEL_METHOD_EXPR &&
               type_is_interface(fun->u.sel.x->type)) {
        // I.m(x, ...): a call of m on the interface value x.
        op = OpInterLECall;
        aux = (Aux){.kind = AUX_METHOD, .u.method = find_method(fun->u.sel.x->type, fun->u.sel.name)};
    } else if (fun && fun->kind == N_SELECTOR && fun->u.sel.kind == SEL_METHOD_EXPR && fun->u.sel.obj &&
               fun->u.sel.obj->kind == OBJ_FUNC && fun->u.sel.obj->u.func.fn) {
        aux = (Aux){.kind = AUX_FUNC, .u.fn = fun->u.sel.obj->u.func.fn};
    } else {
        Obj *callee = NULL;
        if (fun && fun->kind == N_IDENT)
            callee = fun->u.ident.obj;
        else if (fun && fun->kind == N_SELECTOR && fun->u.sel.kind == SEL_QUALIFIED)
            callee = fun->u.sel.obj;
        if (callee && callee->kind == OBJ_FUNC && callee->u.func.fn) {
            aux = (Aux){.kind = AUX_FUNC, .u.fn = callee->u.func.fn};
        } else {
            op = OpClosureLECall;
            if (!ic)    // inlined: the function value is known and not needed
                args_push(b, &args, be_expr(b, call->u.call.fun));
        }
    }
    // A method expression T.m(x, ...) or I.m(x, ...) passes the receiver first.
    Type *psig = sig;
    if (fun && fun->kind == N_SELECTOR && fun->u.sel.kind == SEL_METHOD_EXPR && sig && sig->u.func.recv) {
        Type *s2 = type_new(b->cc, TY_FUNC);
        *s2 = *sig;
        s2->u.func.nparams = sig->u.func.nparams + 1;
        s2->u.func.params = ARENA_ARRAY(&b->cc->arena, Type *, s2->u.func.nparams);
        s2->u.func.params[0] = sig->u.func.recv;
        memcpy(s2->u.func.params + 1, sig->u.func.params, sizeof(Type *) * (size_t)sig->u.func.nparams);
        psig = s2;
    }
    call_args(b, call, psig, &args);
    if (ic)
        return bi_call(b, call, ic, args.v, args.n, results, max, nres);
    Value *c = finish_call(b, call, wrapped ? as : op, sig, &args, results, max, nres);
    c->aux = aux;
    if (wrapped)
        c->auxint = op;
    return c;
}

static Value *mem_only(Builder *b, Op op, Pos pos, ArgList *args, Node *call) {
    Value *v = value_new(b->cur, op, NULL, pos);
    for (int i = 0; i < args->n; i++)
        value_add_arg(v, args->v[i]);
    value_add_arg(v, bb_mem(b));
    set_node(v, call);
    return mem_op(b, v);
}

Value *be_panic(Builder *b, Value *arg, Pos pos) {
    Value *p = value_new2(b->cur, OpPanic, NULL, pos, arg, bb_mem(b));
    mem_op(b, p);
    b->cur->kind = BlockExit;
    block_set_control(b->cur, p);
    bb_end(b);
    return p;
}

static Value *len_cap(Builder *b, Node *call, bool is_cap) {
    Node *an = call->u.call.args.len ? call->u.call.args.items[0] : NULL;
    Type *t = an ? under(an->type) : NULL;
    Type *it = tbasic(b, TY_INT);
    if (an && ukind(an->type) == TY_STRING) {
        Value *s = be_expr(b, an);  // before b->cur: it may add blocks
        return value_new1(b->cur, OpStringLen, it, call->pos, s);
    }
    if (!t)
        return be_unknown(b, it, call->pos);
    if (t->kind == TY_POINTER && ukind(t->u.ptr.elem) == TY_ARRAY) {
        be_expr(b, an);
        return int_const(b, under(t->u.ptr.elem)->u.array.len, call->pos);
    }
    if (t->kind == TY_ARRAY)
        return int_const(b, t->u.array.len, call->pos);
    Value *x = be_expr(b, an);
    switch (t->kind) {
    case TY_STRING: return value_new1(b->cur, OpStringLen, it, call->pos, x);
    case TY_SLICE: return value_new1(b->cur, is_cap ? OpSliceCap : OpSliceLen, it, call->pos, x);
    default: return value_new1(b->cur, is_cap ? OpCap : OpLen, it, call->pos, x);
    }
}

static Value *make_call(Builder *b, Node *call) {
    Type *t = be_type(b, call->type);
    Type *u = under(t);
    NodeList *a = &call->u.call.args;
    Type *it = tbasic(b, TY_INT);
    Pos pos = call->pos;
    Value *n1 = a->len > 1 ? be_expr_to(b, a->items[1], it) : NULL;
    Value *n2 = a->len > 2 ? be_expr_to(b, a->items[2], it) : NULL;
    Value *m;
    if (u && u->kind == TY_SLICE) {
        if (!n1)
            n1 = int_const(b, 0, pos);
        m = value_new3(b->cur, OpMakeSlice, tuple1(b, t), pos, n1, n2 ? n2 : n1, bb_mem(b));
    } else {
        m = value_new2(b->cur, u && u->kind == TY_CHAN ? OpMakeChan : OpMakeMap, tuple1(b, t), pos,
                       n1 ? n1 : int_const(b, 0, pos), bb_mem(b));
    }
    be_set_expr(b, m, call);
    return be_split1(b, m);
}

static Value *append_call(Builder *b, Node *call, Op as) {
    NodeList *a = &call->u.call.args;
    Type *st = be_type(b, call->type);
    Type *elem = ukind(st) == TY_SLICE ? under(st)->u.slice.elem : NULL;
    ArgList args = {0};
    args_push(b, &args, a->len ? be_expr_to(b, a->items[0], st) : value_new(b->cur, OpConstSlice, st, call->pos));
    // gc converts append's elements where its noder stood after them all.
    Pos at = call->pos;
    for (int i = 0; i < a->len; i++)
        be_noder_last(a->items[i], &at);
    for (int i = 1; i < a->len; i++) {
        Value *v = call->u.call.has_dots ? be_expr(b, a->items[i]) : be_expr_to_at(b, a->items[i], elem, at);
        if (!v->node)
            v->node = a->items[i];
        if (!v->expr)
            v->expr = expr_string(b->cc, a->items[i]);
        args_push(b, &args, v);
    }
    bool wrapped = as == OpDeferCall || as == OpGoCall;
    Value *ap = value_new(b->cur, wrapped ? as : OpAppend, wrapped ? NULL : tuple1(b, st), call->pos);
    for (int i = 0; i < args.n; i++)
        value_add_arg(ap, args.v[i]);
    value_add_arg(ap, bb_mem(b));
    be_set_expr(b, ap, call);
    if (call->u.call.has_dots)
        ap->auxint = 1;
    if (wrapped) {
        ap->auxint = OpAppend;
        return mem_op(b, ap);
    }
    return be_split1(b, ap);
}

// append(f()), copy(f()), complex(f()), delete(f()), print(f()): a builtin
// whose one argument is a call with several results takes those results.
static Value *spread_builtin(Builder *b, Node *call, Value **results, int max, int *nres, Op as) {
    Node *an = call->u.call.args.items[0];
    int n = an->type->u.tuple.n;
    Value **vals = SC_ARRAY(b, Value *, n > 0 ? n : 1);
    n = be_multi(b, an, vals, n);
    Pos pos = call->pos;
    Builtin bi = call->u.call.builtin;
    bool wrapped = as == OpDeferCall || as == OpGoCall;
    Type *t = be_type(b, call->type);
    ArgList args = {0};
    for (int i = 0; i < n; i++) {
        Value *v = vals[i];
        if (bi == BI_APPEND && i > 0 && ukind(t) == TY_SLICE)
            v = be_assign_conv_at(b, v, v->type, under(t)->u.slice.elem, an, an->pos);
        args_push(b, &args, v);
    }
    Op op = bi == BI_APPEND ? OpAppend : bi == BI_COPY ? OpSliceCopy : bi == BI_DELETE ? OpMapDelete
          : bi == BI_COMPLEX ? OpComplexMake : OpPrint;
    Value *r = NULL;
    if (wrapped) {
        Value *d = mem_only(b, as, pos, &args, call);
        d->auxint = op;
        return d;
    }
    if (op == OpComplexMake && n == 2) {
        r = value_new2(b->cur, OpComplexMake, t, pos, vals[0], vals[1]);
    } else if (op == OpAppend || op == OpSliceCopy) {
        Value *c = value_new(b->cur, op, tuple1(b, op == OpAppend ? t : tbasic(b, TY_INT)), pos);
        for (int i = 0; i < args.n; i++)
            value_add_arg(c, args.v[i]);
        value_add_arg(c, bb_mem(b));
        if (op == OpAppend)
            be_set_expr(b, c, call);
        else
            set_node(c, call);
        r = be_split1(b, c);
    } else if (op == OpMapDelete || op == OpPrint) {
        Value *v = mem_only(b, op, pos, &args, call);
        if (op == OpPrint)
            v->auxint = bi == BI_PRINTLN;
        return NULL;
    } else {
        r = be_unknown(b, t, pos);
    }
    if (max > 0)
        results[0] = r;
    if (nres)
        *nres = 1;
    return r;
}

static Value *builtin_call(Builder *b, Node *call, Value **results, int max, int *nres, Op as) {
    NodeList *a = &call->u.call.args;
    Pos pos = call->pos;
    bool wrapped = as == OpDeferCall || as == OpGoCall;
    Value *r = NULL;
    ArgList args = {0};
    Type *any = b->cc->any_type;
    if (node_val(call)->kind != CONST_NONE) {
        r = be_const(b, node_val(call), call->type, pos);
        goto one;
    }
    if (a->len == 1 && a->items[0]->type && a->items[0]->type->kind == TY_TUPLE) {
        Builtin bi = call->u.call.builtin;
        if (bi == BI_APPEND || bi == BI_COPY || bi == BI_COMPLEX || bi == BI_DELETE || bi == BI_PRINT ||
            bi == BI_PRINTLN)
            return spread_builtin(b, call, results, max, nres, as);
    }
    switch (call->u.call.builtin) {
    case BI_LEN: case BI_CAP:
        r = len_cap(b, call, call->u.call.builtin == BI_CAP);
        goto one;
    case BI_NEW: {
        Type *pt = be_type(b, call->type);
        Type *t = ukind(pt) == TY_POINTER ? under(pt)->u.ptr.elem : (a->len ? a->items[0]->type : NULL);
        if (!t)
            t = tbasic(b, TY_INT);
        r = new_object(b, t, call, pos);
        goto one;
    }
    case BI_MAKE:
        r = make_call(b, call);
        goto one;
    case BI_APPEND:
        r = append_call(b, call, as);
        if (wrapped)
            return r;
        goto one;
    case BI_COMPLEX: {
        Type *t = be_type(b, call->type);
        Type *ft = tbasic(b, type_size(b->cc, t) == 8 ? TY_FLOAT32 : TY_FLOAT64);
        Value *re = a->len > 0 ? be_expr_to(b, a->items[0], ft) : be_unknown(b, ft, pos);
        Value *im = a->len > 1 ? be_expr_to(b, a->items[1], ft) : be_unknown(b, ft, pos);
        r = value_new2(b->cur, OpComplexMake, t, pos, re, im);
        goto one;
    }
    case BI_REAL: case BI_IMAG: {
        Value *x = a->len ? be_expr(b, a->items[0]) : be_unknown(b, NULL, pos);
        r = value_new1(b->cur, call->u.call.builtin == BI_REAL ? OpComplexReal : OpComplexImag, be_type(b, call->type), pos, x);
        goto one;
    }
    case BI_UNSAFE_ADD: case BI_UNSAFE_SLICE: {
        Value *p = a->len > 0 ? be_expr(b, a->items[0]) : be_unknown(b, NULL, pos);
        Value *l = a->len > 1 ? be_expr(b, a->items[1]) : int_const(b, 0, pos);
        r = value_new2(b->cur, call->u.call.builtin == BI_UNSAFE_ADD ? OpUnsafeAdd : OpUnsafeSlice, be_type(b, call->type), pos, p, l);
        goto one;
    }
    case BI_ALIGNOF: case BI_OFFSETOF: case BI_SIZEOF:
        r = int_const(b, 0, pos);
        goto one;
    case BI_COPY: {
        for (int i = 0; i < a->len && i < 2; i++)
            args_push(b, &args, be_expr(b, a->items[i]));
        while (args.n < 2)
            args_push(b, &args, be_unknown(b, NULL, pos));
        if (wrapped)
            break;
        Value *c = value_new3(b->cur, OpSliceCopy, tuple1(b, tbasic(b, TY_INT)), pos, args.v[0], args.v[1], bb_mem(b));
        set_node(c, call);
        r = be_split1(b, c);
        goto one;
    }
    case BI_DELETE: {
        Type *mu = a->len ? under(a->items[0]->type) : NULL;
        args_push(b, &args, a->len > 0 ? be_expr(b, a->items[0]) : be_unknown(b, NULL, pos));
        // delete's key: converted where the noder stands after both arguments.
        Pos at = pos;
        for (int i = 0; i < a->len && i < 2; i++)
            be_noder_last(a->items[i], &at);
        args_push(b, &args, a->len > 1 ? be_expr_to_at(b, a->items[1], mu && mu->kind == TY_MAP ? mu->u.map.key : NULL, at)
                                       : be_unknown(b, NULL, pos));
        if (wrapped)
            break;
        mem_only(b, OpMapDelete, pos, &args, call);
        return NULL;
    }
    case BI_CLOSE:
        args_push(b, &args, a->len ? be_expr(b, a->items[0]) : be_unknown(b, NULL, pos));
        if (wrapped)
            break;
        mem_only(b, OpChanClose, pos, &args, call);
        return NULL;
    case BI_PANIC: {
        // panic's argument is converted where the noder stands after it.
        Pos at = pos;
        if (a->len)
            be_noder_last(a->items[0], &at);
        Value *x = a->len ? be_expr_to_at(b, a->items[0], any, at) : value_new(b->cur, OpConstInterface, any, pos);
        if (!x->node && a->len)
            x->node = a->items[0];
        if (wrapped) {
            args_push(b, &args, x);
            break;
        }
        be_panic(b, x, pos);
        return NULL;
    }
    case BI_RECOVER: {
        if (wrapped)
            break;
        Value *rc = value_new1(b->cur, OpRecover, tuple1(b, any), pos, bb_mem(b));
        set_node(rc, call);
        r = be_split1(b, rc);
        goto one;
    }
    case BI_PRINT: case BI_PRINTLN:
        for (int i = 0; i < a->len; i++)
            args_push(b, &args, be_expr(b, a->items[i]));
        if (wrapped)
            break;
        mem_only(b, OpPrint, pos, &args, call)->auxint = call->u.call.builtin == BI_PRINTLN;
        return NULL;
    default:
        r = be_unknown(b, call->type, pos);
        goto one;
    }
    // A deferred or go'd builtin: its operands, and the op it would be.
    {
        static const Op builtin_ops[BI_COUNT] = {
            [BI_COPY] = OpSliceCopy, [BI_DELETE] = OpMapDelete, [BI_CLOSE] = OpChanClose,
            [BI_PANIC] = OpPanic, [BI_RECOVER] = OpRecover, [BI_PRINT] = OpPrint, [BI_PRINTLN] = OpPrint,
        };
        Value *d = mem_only(b, as, pos, &args, call);
        d->auxint = builtin_ops[call->u.call.builtin];
        return d;
    }
one:
    if (wrapped)
        return r;   // a deferred pure builtin does nothing later
    if (max > 0)
        results[0] = r;
    if (nres)
        *nres = 1;
    set_node(r, call);
    return r;
}

// ---------------------------------------------------------------------------
// Entry points

int be_multi(Builder *b, Node *n, Value **out, int max) {
    Node *u = unparen(n);
    if (!u)
        return 0;
    if (max >= 2 && u->kind == N_INDEX && ukind(u->u.index.x->type) == TY_MAP) {
        out[0] = map_index(b, u, true, &out[1]);
        return 2;
    }
    if (max >= 2 && u->kind == N_TYPEASSERT) {
        out[0] = type_assert(b, u, true, &out[1]);
        return 2;
    }
    if (max >= 2 && u->kind == N_UNARY && u->u.unary.op == T_ARROW) {
        Type *t = be_type(b, u->type);
        Value *c = be_expr(b, u->u.unary.x);
        Value *r = value_new2(b->cur, OpChanRecv, tuple_ok(b, t), u->pos, c, bb_mem(b));
        set_node(r, u);
        be_split(b, r, 2, out);
        return 2;
    }
    if (u->kind == N_CALL) {
        int nres = 0;
        be_call(b, u, out, max, &nres, OpStaticLECall);
        return nres < max ? nres : max;
    }
    if (max >= 1) {
        out[0] = be_expr(b, n);
        return 1;
    }
    return 0;
}

Value *be_expr(Builder *b, Node *n) {
    if (!n)
        return be_unknown(b, NULL, (Pos){0});
    if (node_val(n)->kind != CONST_NONE && !(n->flags & NF_TYPE)) {
        Value *c = be_const(b, node_val(n), n->type, n->pos);
        set_node(c, n);
        return c;
    }
    Value *v = NULL;
    switch (n->kind) {
    case N_IDENT: {
        Obj *obj = n->u.ident.obj;
        if (!obj)
            break;
        switch (obj->kind) {
        case OBJ_VAR: v = be_read_var(b, obj, n->pos); break;
        case OBJ_CONST: v = be_const(b, &obj->u.cval, n->type, n->pos); break;
        case OBJ_NIL: v = be_zero(b, n->type, n->pos); break;
        case OBJ_FUNC: v = func_value(b, obj, n->type, n->pos); break;
        default: break;
        }
        break;
    }
    case N_BASICLIT:
        break;  // constants are handled above; a literal without a value is an error
    case N_FUNCLIT: v = closure(b, n); break;
    case N_COMPOSITE: v = complit_value(b, n, n->type); break;
    case N_PAREN: return be_expr(b, n->u.unary.x);
    case N_SELECTOR: v = selector(b, n); break;
    case N_INDEX: v = index_expr(b, n); break;
    case N_SLICE: v = slice_expr(b, n); break;
    case N_TYPEASSERT: v = type_assert(b, n, false, NULL); break;
    case N_CALL: {
        Value *r = NULL;
        int nres = 0;
        be_call(b, n, &r, 1, &nres, OpStaticLECall);
        v = nres > 0 ? r : NULL;
        break;
    }
    case N_STAR: v = be_load(b, be_expr(b, n->u.unary.x), be_type(b, n->type), n->pos); break;
    case N_UNARY: v = unary(b, n); break;
    case N_BINARY: v = binary(b, n); break;
    default: break;
    }
    if (!v)
        v = be_unknown(b, n->type, n->pos);
    set_node(v, n);
    return v;
}

void be_cond(Builder *b, Node *n, Block *yes, Block *no) {
    Node *u = unparen(n);
    if (u && u->kind == N_UNARY && u->u.unary.op == T_NOT && node_val(u)->kind == CONST_NONE) {
        be_cond(b, u->u.unary.x, no, yes);
        return;
    }
    if (u && u->kind == N_BINARY && (u->u.binary.op == T_LAND || u->u.binary.op == T_LOR) && node_val(u)->kind == CONST_NONE) {
        Block *mid = bb_block(b, BlockPlain, u->pos);
        if (u->u.binary.op == T_LAND)
            be_cond(b, u->u.binary.x, mid, no);
        else
            be_cond(b, u->u.binary.x, yes, mid);
        bb_seal(b, mid);
        bb_start(b, mid);
        be_cond(b, u->u.binary.y, yes, no);
        return;
    }
    Value *c = be_expr(b, n);
    Block *from = b->cur;
    from->kind = BlockIf;
    block_set_control(from, c);
    bb_edge(b, from, yes);
    bb_edge(b, from, no);
}

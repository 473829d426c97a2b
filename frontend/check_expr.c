// check_expr.c - expressions: operands, untyped constants, operators,
// composite literals, selectors, indexing, assignability and conversions.
//
// check_raw_expr evaluates an expression into an Operand and records the
// result on the node. Untyped values (constants, comparisons, shifts of
// untyped constants) keep their untyped type on the node until their final
// type is known; update_expr_type then walks down the untyped subtree and
// gives each node its final type, as types2's updateExprType does. Only the
// root of a constant subtree is converted: the operands of a constant
// expression are never materialized.
#include "check.h"

#include <string.h>

static Type *invalid_type(Checker *c) { return c->cc->basic[TY_INVALID]; }

static void set_invalid(Checker *c, Operand *x) {
    x->mode = MODE_INVALID;
    x->type = invalid_type(c);
}

void record_operand(Checker *c, Operand *x) {
    Node *e = x->expr;
    if (!e)
        return;
    switch (x->mode) {
    case MODE_INVALID:
        if (!e->type)
            e->type = invalid_type(c);
        return;
    case MODE_NOVALUE:
        e->type = NULL;
        return;
    case MODE_BUILTIN:
        return;
    case MODE_TYPE:
        e->type = x->type;
        e->flags |= NF_TYPE;
        return;
    case MODE_CONST:
        e->type = x->type;
        node_set_val(c->cc, e, x->val);
        return;
    case MODE_VAR:
        e->type = x->type;
        e->flags |= NF_ADDRESSABLE;
        return;
    default:
        e->type = x->type;
        return;
    }
}

// ---------------------------------------------------------------------------
// Untyped values

static Type *implicit_type(Checker *c, Operand *x, Type *target, ConstVal *val, int *code);
static void invalid_conversion(Checker *c, int code, Operand *x, Type *target);

// Walks down the untyped subtree of e and gives it type t (types2's
// updateExprType). `final` says t is the last word even if untyped.
static void update_type(Checker *c, Node *parent, Node *e, Type *t, bool final);

void update_expr_type(Checker *c, Node *e, Type *t, bool final) { update_type(c, NULL, e, t, final); }

static void update_type(Checker *c, Node *parent, Node *e, Type *t, bool final) {
    if (!e || !e->type || !type_is_untyped(e->type))
        return;
    bool is_const = node_val(e)->kind != CONST_NONE;
    switch (e->kind) {
    case N_PAREN:
        update_type(c, e, e->u.unary.x, t, final);
        break;
    case N_UNARY:
        if (!is_const)
            update_type(c, e, e->u.unary.x, t, final);
        break;
    case N_BINARY: {
        if (is_const)
            break;
        TokKind op = e->u.binary.op;
        if (op == T_EQL || op == T_NEQ || op == T_LSS || op == T_LEQ || op == T_GTR || op == T_GEQ)
            break;
        update_type(c, e, e->u.binary.x, t, final);
        if (op != T_SHL && op != T_SHR)
            update_type(c, e, e->u.binary.y, t, final);
        break;
    }
    default:
        break;
    }
    if (!final && type_is_untyped(t)) {
        e->type = type_underlying(t);
        return;
    }
    if (e->flags & NF_SHIFT_LHS) {
        e->flags &= ~(uint32_t)NF_SHIFT_LHS;
        if (!type_is_integer(t)) {
            check_errorf(c, start_pos(e), "invalid operation: %s (shift of type %s)", estr(c, parent ? parent : e),
                         tstr(c, t));
            return;
        }
    }
    if (is_const) {
        // A constant must be representable in its final type.
        Operand x = {.mode = MODE_CONST, .expr = e, .type = e->type, .val = *node_val(e)};
        ConstVal val = {0};
        int code;
        implicit_type(c, &x, t, &val, &code);
        if (code) {
            Type *u = type_underlying(t);
            invalid_conversion(c, code, &x, u ? u : t);
            return;
        }
        if (val.kind != CONST_NONE)
            node_set_val(c->cc, e, val);
    }
    e->type = t;
}

static bool is_untyped_numeric(Type *t) {
    return t && (t->kind == TY_UNTYPED_INT || t->kind == TY_UNTYPED_RUNE ||
                 t->kind == TY_UNTYPED_FLOAT || t->kind == TY_UNTYPED_COMPLEX);
}

// The implicit type of untyped x used where `target` is expected; NULL with
// *code set (1 truncated, 2 overflows, 3 other) when impossible.
// Gives an operand the type (and constant value) an implicit conversion
// settled on, on the operand and on its expression in the AST.
static void settle_implicit(Checker *c, Operand *x, Type *t, ConstVal val) {
    if (val.kind != CONST_NONE) {
        x->val = val;
        if (x->expr)
            node_set_val(c->cc, x->expr, val);
    }
    if (t != x->type) {
        x->type = t;
        update_expr_type(c, x->expr, t, false);
    }
}

static Type *implicit_type(Checker *c, Operand *x, Type *target, ConstVal *val, int *code) {
    *code = 0;
    if (x->mode == MODE_INVALID || !type_is_untyped(x->type) || !target || target->kind == TY_INVALID)
        return x->type;
    if (type_is_untyped(target)) {
        if (is_untyped_numeric(x->type) && is_untyped_numeric(target)) {
            if (x->type->kind < target->kind)
                return target;
        } else if (x->type->kind != target->kind) {
            *code = 3;
            return NULL;
        }
        return x->type;
    }
    if (x->mode == MODE_NIL) {
        if (has_nil(target))
            return target;
        *code = 3;
        return NULL;
    }
    Type *u = type_underlying(target);
    if (!u) {
        *code = 3;
        return NULL;
    }
    if (u->kind <= TY_UNSAFE_POINTER) {
        if (x->mode == MODE_CONST) {
            ConstVal r;
            int rc = const_representable(&c->cc->arena, x->val, target, &r);
            if (rc) {
                *code = rc;
                return NULL;
            }
            *val = r;
            return target;
        }
        switch (x->type->kind) {
        case TY_UNTYPED_BOOL:
            if (!type_is_boolean(target)) {
                *code = 3;
                return NULL;
            }
            break;
        case TY_UNTYPED_INT: case TY_UNTYPED_RUNE: case TY_UNTYPED_FLOAT: case TY_UNTYPED_COMPLEX:
            if (!type_is_numeric(target)) {
                *code = 3;
                return NULL;
            }
            break;
        case TY_UNTYPED_STRING:
            if (!type_is_string(target)) {
                *code = 3;
                return NULL;
            }
            break;
        default:
            *code = 3;
            return NULL;
        }
        return target;
    }
    if (u->kind == TY_INTERFACE) {
        interface_complete(c, u);
        if (u->u.iface.nmethods > 0) {
            *code = 3;
            return NULL;
        }
        return default_type(c, x->type);
    }
    *code = 3;
    return NULL;
}

static void invalid_conversion(Checker *c, int code, Operand *x, Type *target) {
    const char *xs = opstr(c, x), *ts = tstr(c, target);
    if (code == 1)
        check_errorf(c, start_pos(x->expr), "%s truncated to %s", xs, ts);
    else if (code == 2)
        check_errorf(c, start_pos(x->expr), "%s overflows %s", xs, ts);
    else
        check_errorf(c, start_pos(x->expr), "cannot convert %s to %s", xs, ts);
}

void convert_untyped(Checker *c, Operand *x, Type *target) {
    ConstVal val = {0};
    int code;
    Type *t = implicit_type(c, x, target, &val, &code);
    if (code) {
        Type *shown = target;
        Type *u = type_underlying(target);
        if (u)
            shown = u;
        invalid_conversion(c, code, x, shown);
        x->mode = MODE_INVALID;
        return;
    }
    settle_implicit(c, x, t, val);
}

// ---------------------------------------------------------------------------
// Assignability

static bool is_interface_ptr(Type *t) {
    Type *u = type_underlying(t);
    return u && u->kind == TY_POINTER && type_is_interface(u->u.ptr.elem);
}

bool assignable_to(Checker *c, Operand *x, Type *t, const char **reason) {
    if (x->mode == MODE_INVALID || !t || t->kind == TY_INVALID)
        return true;
    Type *v = x->type;
    if (!v || v->kind == TY_INVALID)
        return true;
    if (type_identical(v, t))
        return true;
    Type *vu = type_underlying(v), *tu = type_underlying(t);
    if (!vu || !tu || vu->kind == TY_INVALID || tu->kind == TY_INVALID)
        return true;
    if (type_is_untyped(vu)) {
        ConstVal val;
        int code;
        return implicit_type(c, x, t, &val, &code) != NULL;
    }
    if (type_identical(vu, tu) && (!is_named(v) || !is_named(t)))
        return true;
    if (tu->kind == TY_INTERFACE || is_interface_ptr(tu)) {
        const char *why = NULL;
        if (!implements(c, v, t, &why)) {
            if (reason)
                *reason = why;
            return false;
        }
        return true;
    }
    if (vu->kind == TY_INTERFACE) {
        if (implements(c, t, v, NULL)) {
            if (reason)
                *reason = "need type assertion";
            return false;
        }
    }
    if (vu->kind == TY_CHAN && vu->u.chan.dir == CHAN_BOTH && tu->kind == TY_CHAN &&
        type_identical(vu->u.chan.elem, tu->u.chan.elem))
        return !is_named(v) || !is_named(t);
    return false;
}

void single_value(Checker *c, Operand *x) {
    if (x->mode == MODE_VALUE && x->type && x->type->kind == TY_TUPLE) {
        check_errorf(c, start_pos(x->expr), "multiple-value %s in single-value context", opstr(c, x));
        x->mode = MODE_INVALID;
    }
}

static const char *arg_context(Checker *c) {
    Node *call = c->arg_call;
    return arena_sprintf(&c->cc->arena, "argument to %s", call ? estr(c, call->u.call.fun) : "?");
}

// context NULL: "argument to f" of the call in c->arg_call.
void check_assignment(Checker *c, Operand *x, Type *t, const char *context) {
    single_value(c, x);
    switch (x->mode) {
    case MODE_INVALID:
        return;
    case MODE_CONST: case MODE_VAR: case MODE_MAPINDEX: case MODE_VALUE: case MODE_NIL: case MODE_COMMAOK:
        break;
    default:
        check_errorf(c, start_pos(x->expr), "cannot assign %s to %s in %s", opstr(c, x), tstr(c, t), context ? context : arg_context(c));
        x->mode = MODE_INVALID;
        return;
    }
    if (type_is_untyped(x->type)) {
        Type *target = t;
        if (x->mode == MODE_NIL) {
            if (!t) {
                check_errorf(c, start_pos(x->expr), "use of untyped nil in %s", context ? context : arg_context(c));
                x->mode = MODE_INVALID;
                return;
            }
        } else if (!t || type_is_interface(t)) {
            target = default_type(c, x->type);
        }
        ConstVal val = {0};
        int code;
        Type *nt = implicit_type(c, x, target, &val, &code);
        if (code) {
            const char *suffix = code == 1 ? " (truncated)" : code == 2 ? " (overflows)" : "";
            check_errorf(c, start_pos(x->expr), "cannot use %s as %s value in %s%s", opstr(c, x), tstr(c, target),
                         context ? context : arg_context(c), suffix);
            x->mode = MODE_INVALID;
            return;
        }
        settle_implicit(c, x, nt, val);
    }
    if (!t)
        return;
    const char *reason = NULL;
    if (!assignable_to(c, x, t, &reason)) {
        if (reason)
            check_errorf(c, start_pos(x->expr), "cannot use %s as type %s in %s:\n\t%s", opstr(c, x), tstr(c, t),
                         context ? context : arg_context(c), reason);
        else
            check_errorf(c, start_pos(x->expr), "cannot use %s as type %s in %s", opstr(c, x), tstr(c, t),
                         context ? context : arg_context(c));
        x->mode = MODE_INVALID;
    }
}

// ---------------------------------------------------------------------------
// Conversions

static bool is_bytes_or_runes(Type *t) {
    Type *u = type_underlying(t);
    if (!u || u->kind != TY_SLICE)
        return false;
    Type *e = type_underlying(u->u.slice.elem);
    return e && (e->kind == TY_UINT8 || e->kind == TY_INT32);
}

bool convertible_to(Checker *c, Operand *x, Type *t, const char **cause) {
    if (assignable_to(c, x, t, cause))
        return true;
    Type *v = x->type, *vu = type_underlying(v), *tu = type_underlying(t);
    if (!vu || !tu)
        return false;
    if (type_identical_ignore_tags(vu, tu))
        return true;
    if (v->kind == TY_POINTER && t->kind == TY_POINTER &&
        type_identical_ignore_tags(type_underlying(v->u.ptr.elem), type_underlying(t->u.ptr.elem)))
        return true;
    bool vnum = type_is_integer(vu) || type_is_float(vu), tnum = type_is_integer(tu) || type_is_float(tu);
    if (vnum && tnum)
        return true;
    if (type_is_complex(vu) && type_is_complex(tu))
        return true;
    if ((type_is_integer(vu) || is_bytes_or_runes(vu)) && type_is_string(tu))
        return true;
    if (type_is_string(vu) && is_bytes_or_runes(tu))
        return true;
    if ((vu->kind == TY_POINTER || vu->kind == TY_UINTPTR) && tu->kind == TY_UNSAFE_POINTER)
        return true;
    if (vu->kind == TY_UNSAFE_POINTER && (tu->kind == TY_POINTER || tu->kind == TY_UINTPTR))
        return true;
    if (vu->kind == TY_SLICE && tu->kind == TY_POINTER) {
        Type *a = type_underlying(tu->u.ptr.elem);
        if (a && a->kind == TY_ARRAY && type_identical(vu->u.slice.elem, a->u.array.elem))
            return true;
    }
    return false;
}

static bool is_const_type(Type *t) {
    Type *u = type_underlying(t);
    return u && u->kind >= TY_BOOL && u->kind <= TY_STRING;
}

// Encodes rune r as UTF-8 into the arena (string(rune) conversions).
static ConstVal rune_string(Compiler *cc, int64_t r) {
    if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff))
        r = 0xfffd;
    char b[4];
    int n;
    uint32_t v = (uint32_t)r;
    if (v < 0x80) { b[0] = (char)v; n = 1; }
    else if (v < 0x800) { b[0] = (char)(0xc0 | (v >> 6)); b[1] = (char)(0x80 | (v & 0x3f)); n = 2; }
    else if (v < 0x10000) {
        b[0] = (char)(0xe0 | (v >> 12)); b[1] = (char)(0x80 | ((v >> 6) & 0x3f));
        b[2] = (char)(0x80 | (v & 0x3f)); n = 3;
    } else {
        b[0] = (char)(0xf0 | (v >> 18)); b[1] = (char)(0x80 | ((v >> 12) & 0x3f));
        b[2] = (char)(0x80 | ((v >> 6) & 0x3f)); b[3] = (char)(0x80 | (v & 0x3f)); n = 4;
    }
    return const_string(arena_strndup(&cc->arena, b, (size_t)n), (size_t)n);
}

void check_conversion(Checker *c, Operand *x, Type *t) {
    bool const_arg = x->mode == MODE_CONST;
    bool ok = false;
    const char *cause = NULL;
    if (const_arg && is_const_type(t)) {
        ConstVal r = {0};
        int64_t rune;
        if (const_representable(&c->cc->arena, x->val, t, &r) == 0) {
            x->val = r;
            ok = true;
        } else if (type_is_integer(x->type) && type_is_string(t)) {
            x->val = rune_string(c->cc, const_int64(x->val, &rune) ? rune : -1);
            ok = true;
        } else if (r.kind != CONST_NONE) {
            // types2 converts in place: a failed conversion to an integer
            // type shows the integer value ("1e100 (untyped float
            // constant 1000...000)").
            x->val = r;
        }
    } else if (convertible_to(c, x, t, &cause)) {
        ok = true;
        x->mode = MODE_VALUE;
    }
    if (!ok) {
        if (cause)
            check_errorf(c, start_pos(x->expr), "cannot convert %s to type %s:\n\t%s", opstr(c, x), tstr(c, t), cause);
        else
            check_errorf(c, start_pos(x->expr), "cannot convert %s to type %s", opstr(c, x), tstr(c, t));
        x->mode = MODE_INVALID;
        return;
    }
    if (type_is_untyped(x->type)) {
        Type *final = t;
        if (x->type->kind == TY_UNTYPED_NIL)
            ;
        else if (type_is_interface(t) || (const_arg && !is_const_type(t)))
            final = default_type(c, x->type);
        else if (x->mode == MODE_CONST && type_is_integer(x->type) && type_is_string(t))
            final = x->type;
        update_expr_type(c, x->expr, final, true);
    }
    x->type = t;
}

// ---------------------------------------------------------------------------
// Identifiers

// A local variable of an enclosing function used inside a func literal is
// captured by every literal between the use and the variable's function.
static void capture(Checker *c, Obj *o) {
    FuncInfo *owner = o->u.var.fn;
    if (!owner || !c->fn || owner == c->fn)
        return;
    bool nested = false;
    for (FuncInfo *f = c->fn; f; f = f->outer)
        if (f == owner)
            nested = true;
    if (!nested)
        return;
    o->u.var.captured = true;
    for (FuncInfo *f = c->fn; f && f != owner; f = f->outer) {
        bool seen = false;
        for (int i = 0; i < f->captured.len; i++)
            if (f->captured.items[i] == o) {
                seen = true;
                break;
            }
        if (!seen)
            ptrvec_push(&c->cc->arena, &f->captured, o);
    }
}

static bool is_iota(Obj *o) { return o->kind == OBJ_CONST && !o->pkg && name_is(o->name, "iota"); }

// A generic type or function of an imported std package (see File.generics).
static void generic_use(Checker *c, Pos pos, Obj *o, Package *qual) {
    bool type = o->decl && o->decl->kind == N_TYPESPEC;
    if (qual)
        check_errorf(c, pos, "generic %s %s.%s is not supported by minigc", type ? "type" : "function",
                     qual->name->s, o->name->s);
    else
        check_errorf(c, pos, "generic %s %s is not supported by minigc", type ? "type" : "function", o->name->s);
}

NOINLINE static void check_ident(Checker *c, Operand *x, Node *e) {
    Name *name = e->u.ident.name;
    x->mode = MODE_INVALID;
    x->expr = e;
    if (name_is(name, "_")) {
        check_errorf(c, e->pos, "cannot use _ as value or type");
        return;
    }
    Obj *o = lookup(c, name);
    if (!o) {
        check_errorf(c, e->pos, "undefined: %s", name->s);
        return;
    }
    e->u.ident.obj = o;
    if (o->color != COLOR_BLACK && o->kind != OBJ_PKG)
        obj_decl(c, o);
    if (o->declinfo && o->kind != OBJ_TYPE)
        add_decl_dep(c, o);
    if (o->pkg && o->pkg != c->pkg)
        mark_dot_import_used(c, o);
    Type *t = o->type;
    switch (o->kind) {
    case OBJ_PKG:
        check_errorf(c, e->pos, "use of package %s not in selector", name->s);
        return;
    case OBJ_CONST:
        if (!t || t->kind == TY_INVALID)
            return;
        if (is_iota(o)) {
            if (c->iota < 0) {
                check_errorf(c, e->pos, "cannot use iota outside constant declaration");
                return;
            }
            x->val = const_int(c->iota);
        } else {
            x->val = o->u.cval;
        }
        x->mode = MODE_CONST;
        break;
    case OBJ_TYPE:
        if (!t)
            return;
        x->mode = MODE_TYPE;
        break;
    case OBJ_VAR:
        if (o->pkg == c->pkg)
            o->u.var.used = true;
        capture(c, o);
        if (!t || t->kind == TY_INVALID)
            return;
        x->mode = MODE_VAR;
        break;
    case OBJ_FUNC:
        x->mode = MODE_VALUE;
        break;
    case OBJ_BUILTIN:
        x->mode = MODE_BUILTIN;
        x->id = o->u.builtin;
        break;
    case OBJ_NIL:
        x->mode = MODE_NIL;
        break;
    case OBJ_BAD:
        generic_use(c, e->pos, o, NULL);
        return;
    default:
        return;
    }
    x->type = t;
}

// ---------------------------------------------------------------------------
// Operators

static bool all_ordered(Type *t) { return type_is_integer(t) || type_is_float(t) || type_is_string(t); }

static const char *kind_string(Checker *c, Type *t) {
    Type *u = type_underlying(t);
    switch (u ? u->kind : TY_INVALID) {
    case TY_ARRAY: return "array";
    case TY_SLICE: return "slice";
    case TY_STRUCT: return "struct";
    case TY_POINTER: return "pointer";
    case TY_FUNC: return "func";
    case TY_INTERFACE: return "interface";
    case TY_MAP: return "map";
    case TY_CHAN: return "chan";
    default: return tstr(c, t);
    }
}

static const char *incomparable_cause(Checker *c, Type *t) {
    Type *u = type_underlying(t);
    if (!u)
        return "";
    switch (u->kind) {
    case TY_SLICE: case TY_FUNC: case TY_MAP:
        return arena_sprintf(&c->cc->arena, "%s can only be compared to nil", kind_string(c, t));
    case TY_STRUCT:
        for (int i = 0; i < u->u.strct.nfields; i++)
            if (!type_comparable(u->u.strct.fields[i].type))
                return arena_sprintf(&c->cc->arena, "struct containing %s cannot be compared",
                                     tstr(c, u->u.strct.fields[i].type));
        return "";
    case TY_ARRAY:
        return arena_sprintf(&c->cc->arena, "%s cannot be compared", tstr(c, t));
    default:
        return "";
    }
}

static void comparison(Checker *c, Operand *x, Operand *y, TokKind op, bool switch_case) {
    if (switch_case)
        op = T_EQL;
    Operand *err_op = x;
    const char *cause = NULL;
    bool ok = assignable_to(c, x, y->type, NULL) || assignable_to(c, y, x->type, NULL);
    if (!ok) {
        err_op = y;
        cause = arena_sprintf(&c->cc->arena, "mismatched types %s and %s", tstr(c, x->type), tstr(c, y->type));
        goto error;
    }
    if (op == T_EQL || op == T_NEQ) {
        if (x->mode == MODE_NIL || y->mode == MODE_NIL) {
            Type *t = x->mode == MODE_NIL ? y->type : x->type;
            if (!has_nil(t)) {
                err_op = y;
                goto error;
            }
        } else if (!type_comparable(x->type)) {
            err_op = x;
            cause = incomparable_cause(c, x->type);
            goto error;
        } else if (!type_comparable(y->type)) {
            err_op = y;
            cause = incomparable_cause(c, y->type);
            goto error;
        }
    } else {
        if (!all_ordered(x->type)) {
            err_op = x;
            goto error;
        }
        if (!all_ordered(y->type)) {
            err_op = y;
            goto error;
        }
    }
    if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
        x->val = const_bool(const_compare(op, x->val, y->val));
    } else {
        x->mode = MODE_VALUE;
        x->val = (ConstVal){0};
        update_expr_type(c, x->expr, default_type(c, x->type), true);
        update_expr_type(c, y->expr, default_type(c, y->type), true);
    }
    x->type = c->cc->basic[TY_UNTYPED_BOOL];
    return;
error:
    if (!cause || !*cause)
        cause = arena_sprintf(&c->cc->arena, "operator %s not defined on %s", tok_string(op), kind_string(c, err_op->type));
    if (switch_case)
        check_errorf(c, start_pos(x->expr), "invalid case %s in switch on %s (%s)", estr(c, x->expr), estr(c, y->expr), cause);
    else
        check_errorf(c, start_pos(err_op->expr), "invalid operation: %s %s %s (%s)", estr(c, x->expr), tok_string(op),
                     estr(c, y->expr), cause);
    x->mode = MODE_INVALID;
}

void check_comparison(Checker *c, Operand *x, Operand *y, bool switch_case) {
    comparison(c, x, y, T_EQL, switch_case);
}

static const char *op_name(Node *e) {
    if (!e)
        return "";
    if (e->kind == N_UNARY && e->u.unary.op == T_XOR)
        return "bitwise complement";
    if (e->kind != N_BINARY)
        return "";
    switch (e->u.binary.op) {
    case T_ADD: return "addition";
    case T_SUB: return "subtraction";
    case T_XOR: return "bitwise XOR";
    case T_MUL: return "multiplication";
    case T_SHL: return "shift";
    default: return "";
    }
}

static void constant_overflow(Checker *c, Operand *x, Node *e) {
    const char *name = op_name(e);
    check_errorf(c, op_pos(e), "constant %s%soverflow", name, *name ? " " : "");
    x->mode = MODE_INVALID;
}

// An operation whose exact result is infinite: go/constant's unknown value.
static void not_representable(Checker *c, Operand *x, Node *e) {
    check_errorf(c, op_pos(e), "constant result is not representable");
    x->mode = MODE_INVALID;
}

// After a constant operation: typed constants must stay representable, and
// untyped integers within gc's 512 bits.
static void overflow(Checker *c, Operand *x, Node *e) {
    if (!type_is_untyped(x->type)) {
        ConstVal r;
        int code = const_representable(&c->cc->arena, x->val, x->type, &r);
        if (code) {
            invalid_conversion(c, code, x, type_underlying(x->type));
            x->mode = MODE_INVALID;
            return;
        }
        x->val = r;
    } else if (x->val.kind == CONST_INT && const_bitlen(x->val) > 512) {
        constant_overflow(c, x, e);
    }
}

static bool unary_allowed(TokKind op, Type *t) {
    switch (op) {
    case T_ADD: case T_SUB: return type_is_numeric(t);
    case T_XOR: return type_is_integer(t);
    case T_NOT: return type_is_boolean(t);
    default: return false;
    }
}

NOINLINE static void check_unary(Checker *c, Operand *x, Node *e) {
    TokKind op = e->u.unary.op;
    check_expr(c, x, e->u.unary.x);
    if (x->mode == MODE_INVALID)
        return;
    if (op == T_AND) {
        Node *inner = unparen(e->u.unary.x);
        if (!(inner && inner->kind == N_COMPOSITE) && x->mode != MODE_VAR) {
            check_errorf(c, start_pos(x->expr), "invalid operation: cannot take address of %s", opstr(c, x));
            x->mode = MODE_INVALID;
            return;
        }
        mark_addr_taken(c, e->u.unary.x);
        x->mode = MODE_VALUE;
        x->type = pointer_to(c, x->type);
        return;
    }
    if (op == T_ARROW) {
        Type *u = type_underlying(x->type);
        if (!u || u->kind != TY_CHAN) {
            check_errorf(c, start_pos(x->expr), "invalid operation: cannot receive from non-channel %s", opstr(c, x));
            x->mode = MODE_INVALID;
            return;
        }
        if (u->u.chan.dir == CHAN_SEND) {
            check_errorf(c, start_pos(x->expr), "invalid operation: cannot receive from send-only channel %s", opstr(c, x));
            x->mode = MODE_INVALID;
            return;
        }
        x->mode = MODE_COMMAOK;
        x->type = u->u.chan.elem;
        c->has_call_or_recv = true;
        return;
    }
    if (op == T_TILDE) {
        check_errorf(c, e->pos, "cannot use ~ outside of interface or type constraint");
        x->mode = MODE_INVALID;
        return;
    }
    if (!unary_allowed(op, x->type)) {
        check_errorf(c, start_pos(x->expr), "invalid operation: operator %s not defined on %s", tok_string(op), opstr(c, x));
        x->mode = MODE_INVALID;
        return;
    }
    if (x->mode == MODE_CONST) {
        int bits = type_is_unsigned(x->type) ? (int)type_size(c->cc, x->type) * 8 : 0;
        ConstVal r;
        if (!const_unary(&c->cc->arena, op, x->val, bits, &r)) {
            x->expr = e;
            not_representable(c, x, e);
            return;
        }
        x->val = r;
        x->expr = e;
        overflow(c, x, e);
        return;
    }
    x->mode = MODE_VALUE;
}

static bool is_shift(TokKind op) { return op == T_SHL || op == T_SHR; }

static bool is_comparison(TokKind op) {
    return op == T_EQL || op == T_NEQ || op == T_LSS || op == T_LEQ || op == T_GTR || op == T_GEQ;
}

static void shift(Checker *c, Operand *x, Operand *y, Node *e, TokKind op) {
    ConstVal xval = {0};
    bool xint = false;
    if (x->mode == MODE_CONST)
        xint = const_to_int(&c->cc->arena, x->val, &xval);
    if (!(type_is_integer(x->type) || (type_is_untyped(x->type) && xint))) {
        check_errorf(c, start_pos(x->expr), "invalid operation: shifted operand %s must be integer", opstr(c, x));
        x->mode = MODE_INVALID;
        return;
    }
    if (y->mode == MODE_CONST) {
        ConstVal yv;
        if (const_to_int(&c->cc->arena, y->val, &yv) && const_sign(yv) < 0) {
            check_errorf(c, start_pos(y->expr), "invalid operation: negative shift count %s", opstr(c, y));
            x->mode = MODE_INVALID;
            return;
        }
        if (type_is_untyped(y->type)) {
            ConstVal r;
            int code = const_representable(&c->cc->arena, y->val, c->cc->basic[TY_UINT], &r);
            if (code) {
                invalid_conversion(c, code, y, c->cc->basic[TY_UINT]);
                x->mode = MODE_INVALID;
                return;
            }
            y->val = r;
        }
    } else if (type_is_integer(y->type)) {
        // fine
    } else if (type_is_untyped(y->type)) {
        convert_untyped(c, y, c->cc->basic[TY_UINT]);
        if (y->mode == MODE_INVALID) {
            x->mode = MODE_INVALID;
            return;
        }
    } else {
        check_errorf(c, start_pos(y->expr), "invalid operation: shift count %s must be integer", opstr(c, y));
        x->mode = MODE_INVALID;
        return;
    }
    if (x->mode == MODE_CONST) {
        if (y->mode == MODE_CONST) {
            // gc bounds constant shifts so that the smallest float64
            // (2^-1074) stays expressible.
            ConstVal s;
            int64_t n = -1;
            if (!const_to_int(&c->cc->arena, y->val, &s) || !const_int64(s, &n) || n > 1023 - 1 + 52) {
                check_errorf(c, start_pos(y->expr), "invalid operation: invalid shift count %s", opstr(c, y));
                x->mode = MODE_INVALID;
                return;
            }
            if (!type_is_integer(x->type))
                x->type = c->cc->basic[TY_UNTYPED_INT];
            ConstVal r;
            x->expr = e;
            if (!const_shift(&c->cc->arena, op, xval, (uint64_t)n, &r)) {
                not_representable(c, x, e);
                return;
            }
            x->val = r;
            overflow(c, x, e);
            return;
        }
        if (type_is_untyped(x->type)) {
            // The untyped constant lhs of a non-constant shift takes the
            // type the context gives the whole shift.
            if (x->expr)
                x->expr->flags |= NF_SHIFT_LHS;
            x->mode = MODE_VALUE;
            x->val = (ConstVal){0};
            return;
        }
    }
    if (!type_is_integer(x->type)) {
        check_errorf(c, start_pos(x->expr), "invalid operation: shifted operand %s must be integer", opstr(c, x));
        x->mode = MODE_INVALID;
        return;
    }
    x->mode = MODE_VALUE;
    x->val = (ConstVal){0};
}

static bool binary_allowed(TokKind op, Type *t) {
    switch (op) {
    case T_ADD: return type_is_numeric(t) || type_is_string(t);
    case T_SUB: case T_MUL: case T_QUO: return type_is_numeric(t);
    case T_REM: case T_AND: case T_OR: case T_XOR: case T_AND_NOT: return type_is_integer(t);
    case T_LAND: case T_LOR: return type_is_boolean(t);
    default: return false;
    }
}

static bool can_mix(Operand *x, Operand *y) {
    if (type_is_interface(x->type) || type_is_interface(y->type))
        return true;
    if (type_is_boolean(x->type) != type_is_boolean(y->type))
        return false;
    if (type_is_string(x->type) != type_is_string(y->type))
        return false;
    if (x->mode == MODE_NIL && !has_nil(y->type))
        return false;
    if (y->mode == MODE_NIL && !has_nil(x->type))
        return false;
    return true;
}

// Evaluates lhs op rhs; e is the binary expression, or NULL for the
// operation of an assignment like x += y.
NOINLINE void check_binary(Checker *c, Operand *x, Node *e, Node *lhs, Node *rhs, TokKind op) {
    Operand y = {0};
    check_expr(c, x, lhs);
    check_expr(c, &y, rhs);
    if (x->mode == MODE_INVALID)
        return;
    if (y.mode == MODE_INVALID) {
        x->mode = MODE_INVALID;
        x->expr = y.expr;
        return;
    }
    if (is_shift(op)) {
        shift(c, x, &y, e, op);
        return;
    }
    if (can_mix(x, &y)) {
        convert_untyped(c, x, y.type);
        if (x->mode == MODE_INVALID)
            return;
        convert_untyped(c, &y, x->type);
        if (y.mode == MODE_INVALID) {
            x->mode = MODE_INVALID;
            return;
        }
    }
    if (is_comparison(op)) {
        comparison(c, x, &y, op, false);
        return;
    }
    if (!type_identical(x->type, y.type)) {
        if (x->type->kind != TY_INVALID && y.type->kind != TY_INVALID) {
            if (e)
                check_errorf(c, start_pos(x->expr), "invalid operation: %s (mismatched types %s and %s)", estr(c, e),
                             tstr(c, x->type), tstr(c, y.type));
            else
                check_errorf(c, start_pos(x->expr), "invalid operation: %s %s= %s (mismatched types %s and %s)",
                             estr(c, lhs), tok_string(op), estr(c, rhs), tstr(c, x->type), tstr(c, y.type));
        }
        x->mode = MODE_INVALID;
        return;
    }
    if (!binary_allowed(op, x->type)) {
        check_errorf(c, start_pos(x->expr), "invalid operation: operator %s not defined on %s", tok_string(op), opstr(c, x));
        x->mode = MODE_INVALID;
        return;
    }
    if (op == T_QUO || op == T_REM) {
        if ((x->mode == MODE_CONST || type_is_integer(x->type)) && y.mode == MODE_CONST && const_sign(y.val) == 0) {
            check_errorf(c, start_pos(y.expr), "invalid operation: division by zero");
            x->mode = MODE_INVALID;
            return;
        }
        // A complex divisor whose squared parts underflow to zero divides
        // by zero too (Go's issue 20227: 1i / 1e-600000000).
        if (x->mode == MODE_CONST && y.mode == MODE_CONST && type_is_complex(x->type)) {
            Arena *a = &c->cc->arena;
            ConstVal re = const_real(y.val), im = const_imag(y.val), re2, im2;
            if (const_binary(a, T_MUL, re, re, false, &re2) && const_binary(a, T_MUL, im, im, false, &im2) &&
                const_sign(re2) == 0 && const_sign(im2) == 0) {
                check_errorf(c, start_pos(y.expr), "invalid operation: division by zero");
                x->mode = MODE_INVALID;
                return;
            }
        }
    }
    if (x->mode == MODE_CONST && y.mode == MODE_CONST) {
        ConstVal r;
        if (op == T_ADD && x->val.kind == CONST_STRING && y.val.kind == CONST_STRING) {
            r = const_concat(&c->cc->arena, x->val, y.val);
        } else if (!const_binary(&c->cc->arena, op, x->val, y.val, op == T_QUO && type_is_integer(x->type), &r)) {
            x->expr = e;
            not_representable(c, x, e);
            return;
        }
        x->val = r;
        x->expr = e;
        overflow(c, x, e);
        return;
    }
    x->mode = MODE_VALUE;
    x->val = (ConstVal){0};
}

// ---------------------------------------------------------------------------
// Composite literals

static int64_t check_index(Checker *c, Node *index, int64_t max, bool *ok);

static int64_t indexed_elts(Checker *c, NodeList *elts, Type *elem, int64_t length) {
    int64_t index = 0, max = 0;
    // Index positions seen, to find duplicates (small literals are common;
    // a linear scan over a growing array is enough).
    PtrVec seen_dummy = {0};
    int64_t *seen = NULL;
    int nseen = 0, capseen = 0;
    (void)seen_dummy;
    for (int i = 0; i < elts->len; i++) {
        Node *e = elts->items[i];
        bool valid = false;
        Node *eval = e;
        if (e->kind == N_KEYVALUE) {
            bool ok;
            int64_t v = check_index(c, e->u.kv.key, length, &ok);
            if (ok) {
                if (v >= 0) {
                    index = v;
                    valid = true;
                } else {
                    check_errorf(c, start_pos(e), "index %s must be integer constant", estr(c, e->u.kv.key));
                }
            }
            eval = e->u.kv.value;
        } else if (length >= 0 && index >= length) {
            check_errorf(c, start_pos(e), "index %lld is out of bounds (>= %lld)", (long long)index, (long long)length);
        } else {
            valid = true;
        }
        if (valid) {
            bool dup = false;
            for (int k = 0; k < nseen; k++)
                if (seen[k] == index)
                    dup = true;
            if (dup) {
                check_errorf(c, start_pos(e), "duplicate index %lld in array or slice literal", (long long)index);
            } else {
                if (nseen == capseen) {
                    capseen = capseen ? capseen * 2 : 16;
                    int64_t *ns = ARENA_ARRAY(&c->cc->arena, int64_t, capseen);
                    if (nseen)
                        memcpy(ns, seen, sizeof(int64_t) * (size_t)nseen);
                    seen = ns;
                }
                seen[nseen++] = index;
            }
        }
        index++;
        if (index > max)
            max = index;
        Operand x = {0};
        check_expr_with_hint(c, &x, eval, elem);
        check_assignment(c, &x, elem, "array or slice literal");
    }
    return max;
}

static int field_index(Checker *c, Type *st, Name *name) {
    for (int i = 0; i < st->u.strct.nfields; i++) {
        Field *f = &st->u.strct.fields[i];
        if (f->name != name || name_is(name, "_"))
            continue;
        if (f->name->s[0] >= 'A' && f->name->s[0] <= 'Z')
            return i;
        if (!f->obj || f->obj->pkg == c->pkg)
            return i;
    }
    return -1;
}

static void struct_literal(Checker *c, Node *e, Type *st, Type *base, Type *typ) {
    NodeList *elts = &e->u.complit.elts;
    if (elts->len == 0)
        return;
    Operand x = {0};
    if (elts->items[0]->kind == N_KEYVALUE) {
        bool *visited = ARENA_ARRAY(&c->cc->arena, bool, st->u.strct.nfields + 1);
        for (int i = 0; i < elts->len; i++) {
            Node *kv = elts->items[i];
            if (kv->kind != N_KEYVALUE) {
                check_errorf(c, start_pos(kv), "mixture of field:value and value elements in struct literal");
                continue;
            }
            Node *key = kv->u.kv.key;
            check_expr(c, &x, kv->u.kv.value);
            if (!key || key->kind != N_IDENT) {
                check_errorf(c, start_pos(kv), "invalid field name %s in struct literal", estr(c, key));
                continue;
            }
            int fi = field_index(c, st, key->u.ident.name);
            if (fi < 0) {
                check_errorf(c, key->pos, "unknown field '%s' in struct literal of type %s", key->u.ident.name->s,
                             tstr(c, base));
                continue;
            }
            Field *f = &st->u.strct.fields[fi];
            key->u.ident.obj = f->obj;
            key->type = f->type;
            check_assignment(c, &x, f->type, "struct literal");
            if (visited[fi]) {
                check_errorf(c, start_pos(kv), "duplicate field name %s in struct literal", key->u.ident.name->s);
                continue;
            }
            visited[fi] = true;
        }
        return;
    }
    for (int i = 0; i < elts->len; i++) {
        Node *v = elts->items[i];
        if (v->kind == N_KEYVALUE) {
            check_errorf(c, start_pos(v), "mixture of field:value and value elements in struct literal");
            continue;
        }
        check_expr(c, &x, v);
        if (i >= st->u.strct.nfields) {
            check_errorf(c, start_pos(x.expr), "too many values in %s{…}", tstr(c, base));
            break;
        }
        Field *f = &st->u.strct.fields[i];
        if (!(f->name && f->name->s[0] >= 'A' && f->name->s[0] <= 'Z') && f->obj && f->obj->pkg != c->pkg) {
            check_errorf(c, start_pos(x.expr), "implicit assignment to unexported field %s in %s literal",
                         f->name->s, tstr(c, typ));
            continue;
        }
        check_assignment(c, &x, f->type, "struct literal");
    }
    if (elts->len < st->u.strct.nfields)
        check_errorf(c, e->u.complit.rbrace, "too few values in %s{…}", tstr(c, base));
}

static bool const_key_equal(ConstVal a, ConstVal b) {
    if (a.kind == CONST_NONE || b.kind == CONST_NONE)
        return false;
    return const_equal(a, b);
}

static void map_literal(Checker *c, Node *e, Type *mt) {
    Operand x = {0};
    NodeList *elts = &e->u.complit.elts;
    bool key_iface = type_is_interface(mt->u.map.key);
    Operand *keys = ARENA_ARRAY(&c->cc->arena, Operand, elts->len + 1);
    int nkeys = 0;
    for (int i = 0; i < elts->len; i++) {
        Node *kv = elts->items[i];
        if (kv->kind != N_KEYVALUE) {
            check_errorf(c, start_pos(kv), "missing key in map literal");
            continue;
        }
        check_expr_with_hint(c, &x, kv->u.kv.key, mt->u.map.key);
        check_assignment(c, &x, mt->u.map.key, "map literal");
        if (x.mode == MODE_INVALID)
            continue;
        if (x.mode == MODE_CONST) {
            bool dup = false;
            // Small literals dominate; large constant-keyed maps are rare.
            for (int k = 0; k < nkeys && !dup; k++)
                if (const_key_equal(keys[k].val, x.val) && (!key_iface || type_identical(keys[k].type, x.type)))
                    dup = true;
            if (dup) {
                check_errorf(c, start_pos(x.expr), "duplicate key %s in map literal", const_string_of(c->cc, x.val));
                continue;
            }
            keys[nkeys++] = x;
        }
        check_expr_with_hint(c, &x, kv->u.kv.value, mt->u.map.value);
        check_assignment(c, &x, mt->u.map.value, "map literal");
    }
}

NOINLINE static void composite_literal(Checker *c, Operand *x, Node *e, Type *hint) {
    Type *typ, *base;
    Node *te = e->u.complit.type;
    if (te) {
        if (te->kind == N_ARRAYTYPE && te->u.arraytype.len && te->u.arraytype.len->kind == N_ELLIPSIS &&
            !te->u.arraytype.len->u.unary.x) {
            typ = type_array(c->cc, check_type(c, te->u.arraytype.elem), -1);
            te->type = typ;
            te->flags |= NF_TYPE;
        } else {
            typ = check_type(c, te);
        }
        base = typ;
    } else if (hint) {
        typ = hint;
        base = hint;
        Type *u = type_underlying(hint);
        if (u && u->kind == TY_POINTER)
            base = u->u.ptr.elem;     // an elided &T{...}
    } else {
        check_errorf(c, e->pos, "missing type in composite literal");
        set_invalid(c, x);
        return;
    }
    Type *u = type_underlying(base);
    switch (u ? u->kind : TY_INVALID) {
    case TY_STRUCT:
        struct_literal(c, e, u, base, typ);
        break;
    case TY_ARRAY: {
        if (!u->u.array.elem) {
            check_errorf(c, start_pos(e), "illegal cycle in type declaration");
            set_invalid(c, x);
            return;
        }
        int64_t n = indexed_elts(c, &e->u.complit.elts, u->u.array.elem, u->u.array.len);
        if (u->u.array.len < 0)
            u->u.array.len = n;
        break;
    }
    case TY_SLICE:
        indexed_elts(c, &e->u.complit.elts, u->u.slice.elem, -1);
        break;
    case TY_MAP:
        map_literal(c, e, u);
        break;
    default:
        for (int i = 0; i < e->u.complit.elts.len; i++) {
            Node *el = e->u.complit.elts.items[i];
            use_expr(c, el->kind == N_KEYVALUE ? el->u.kv.value : el);
        }
        if (u && u->kind != TY_INVALID)
            check_errorf(c, start_pos(e), "invalid composite literal type %s", tstr(c, typ));
        set_invalid(c, x);
        return;
    }
    x->mode = MODE_VALUE;
    x->type = typ;
}

// ---------------------------------------------------------------------------
// Selectors

static const char *flip_case_name(Checker *c, Name *n) {
    char *s = arena_strndup(&c->cc->arena, n->s, n->len);
    if (s[0] >= 'A' && s[0] <= 'Z')
        s[0] = (char)(s[0] + 32);
    else if (s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 32);
    return s;
}

static void record_selection(Node *e, SelKind kind, Selection *s) {
    e->u.sel.kind = kind;
    e->u.sel.obj = s->obj;
    e->u.sel.path = s->path;
    e->u.sel.depth = s->depth;
    e->u.sel.indirect = s->indirect;
}

static bool qualified_ident(Checker *c, Operand *x, Node *e) {
    Node *xe = e->u.sel.x;
    if (!xe || xe->kind != N_IDENT)
        return false;
    Obj *po = lookup(c, xe->u.ident.name);
    if (!po || po->kind != OBJ_PKG)
        return false;
    xe->u.ident.obj = po;
    po->u.var.used = true;
    Package *pkg = po->u.imported;
    Name *sel = e->u.sel.name;
    Obj *o = scope_lookup_local(pkg->scope, sel);
    x->expr = e;
    if (pkg->fake) {
        set_invalid(c, x);
        return true;
    }
    if (!o) {
        check_errorf(c, e->u.sel.name_pos, "undefined: %s.%s", pkg->name->s, sel->s);
        set_invalid(c, x);
        return true;
    }
    if (!(sel->s[0] >= 'A' && sel->s[0] <= 'Z')) {
        check_errorf(c, e->u.sel.name_pos, "name %s not exported by package %s", sel->s, pkg->name->s);
    }
    e->u.sel.kind = SEL_QUALIFIED;
    e->u.sel.obj = o;
    if (o->kind == OBJ_BAD) {
        generic_use(c, e->u.sel.name_pos, o, pkg);
        set_invalid(c, x);
        return true;
    }
    if (o->color != COLOR_BLACK) {
        // A model package is fully checked before it is imported; this
        // only happens for a package importing itself.
        set_invalid(c, x);
        return true;
    }
    x->type = o->type;
    generic_imported_object(c, o);
    switch (o->kind) {
    case OBJ_CONST:
        x->mode = MODE_CONST;
        x->val = o->u.cval;
        break;
    case OBJ_TYPE:
        x->mode = MODE_TYPE;
        break;
    case OBJ_VAR:
        x->mode = MODE_VAR;
        break;
    case OBJ_FUNC:
        x->mode = MODE_VALUE;
        break;
    case OBJ_BUILTIN:
        x->mode = MODE_BUILTIN;
        x->id = o->u.builtin;
        break;
    default:
        set_invalid(c, x);
        break;
    }
    if (!x->type && x->mode != MODE_BUILTIN)
        set_invalid(c, x);
    return true;
}

// A method expression T.m or (*T).m: a function taking the receiver first.
static void method_expr(Checker *c, Operand *x, Node *e, Selection *s) {
    Type *sig = method_sig(c, s->method);
    Type *recv = x->type;
    Type *f = type_new(c->cc, TY_FUNC);
    int n = sig->kind == TY_FUNC ? sig->u.func.nparams : 0;
    f->u.func.params = ARENA_ARRAY(&c->cc->arena, Type *, n + 1);
    f->u.func.params[0] = recv;
    for (int i = 0; i < n; i++)
        f->u.func.params[i + 1] = sig->u.func.params[i];
    f->u.func.nparams = n + 1;
    if (sig->kind == TY_FUNC) {
        f->u.func.results = sig->u.func.results;
        f->u.func.nresults = sig->u.func.nresults;
        f->u.func.result_names = sig->u.func.result_names;
        f->u.func.variadic = sig->u.func.variadic;
        if (sig->u.func.param_names && n > 0 && sig->u.func.param_names[0]) {
            Name **names = ARENA_ARRAY(&c->cc->arena, Name *, n + 1);
            Obj *ro = s->obj && s->obj->u.func.fn ? s->obj->u.func.fn->recv : NULL;
            names[0] = ro && ro->name ? ro->name : intern_cstr(c->cc, "_");
            for (int i = 0; i < n; i++)
                names[i + 1] = sig->u.func.param_names[i];
            f->u.func.param_names = names;
        }
    }
    record_selection(e, SEL_METHOD_EXPR, s);
    x->mode = MODE_VALUE;
    x->type = f;
}

NOINLINE void check_selector(Checker *c, Operand *x, Node *e) {
    if (qualified_ident(c, x, e))
        return;
    Name *sel = e->u.sel.name;
    check_expr_or_type(c, x, e->u.sel.x);
    if (x->mode == MODE_INVALID)
        goto error;
    if (x->mode == MODE_BUILTIN) {
        check_errorf(c, e->pos, "cannot select on %s", opstr(c, x));
        goto error;
    }
    if (x->mode == MODE_NOVALUE) {
        check_errorf(c, start_pos(x->expr), "%s used as value", opstr(c, x));
        goto error;
    }
    Node *conv = generic_shape_receiver(c, x);
    if (conv)
        e->u.sel.x = conv;
    Selection s = lookup_field_or_method(c, x->type, x->mode == MODE_VAR, sel);
    if (!s.obj) {
        Type *u = type_underlying(x->type);
        if (!u || u->kind == TY_INVALID)
            goto error;
        if (s.ambiguous) {
            check_errorf(c, e->u.sel.name_pos, "ambiguous selector %s.%s", estr(c, e->u.sel.x), sel->s);
            goto error;
        }
        if (s.ptr_recv_needed) {
            check_errorf(c, e->u.sel.name_pos, "cannot call pointer method %s on %s", sel->s, tstr(c, x->type));
            goto error;
        }
        const char *why;
        if (is_interface_ptr(x->type)) {
            why = arena_sprintf(&c->cc->arena, "type %s is pointer to interface, not interface", tstr(c, x->type));
        } else {
            why = arena_sprintf(&c->cc->arena, "type %s has no field or method %s", tstr(c, x->type), sel->s);
            Name *flipped = intern_cstr(c->cc, flip_case_name(c, sel));
            Selection alt = lookup_field_or_method(c, x->type, x->mode == MODE_VAR, flipped);
            if (alt.obj)
                why = arena_sprintf(&c->cc->arena, "%s, but does have %s", why, flipped->s);
        }
        check_errorf(c, e->u.sel.name_pos, "%s.%s undefined (%s)", estr(c, e->u.sel.x), sel->s, why);
        goto error;
    }
    if (x->mode == MODE_TYPE) {
        if (s.obj->kind != OBJ_FUNC || !s.method) {
            check_errorf(c, e->u.sel.name_pos, "%s.%s undefined (type %s has no method %s)", estr(c, e->u.sel.x),
                         sel->s, tstr(c, x->type), sel->s);
            goto error;
        }
        method_expr(c, x, e, &s);
        add_decl_dep(c, s.obj);
        x->expr = e;
        return;
    }
    if (s.obj->kind == OBJ_VAR) {
        record_selection(e, SEL_FIELD, &s);
        x->mode = (x->mode == MODE_VAR || s.indirect) ? MODE_VAR : MODE_VALUE;
        x->type = s.obj->type;
        x->expr = e;
        return;
    }
    // A method value or the function of a method call.
    Type *sig = method_sig(c, s.method);
    add_decl_dep(c, s.obj);
    bool in_iface = false;
    {
        // The method belongs to an interface when the type that holds it
        // (after walking the embedded path) is an interface.
        Type *holder = x->type;
        if (holder->kind == TY_POINTER)
            holder = holder->u.ptr.elem;
        for (int i = 0; i + 1 < s.depth; i++) {
            Type *hu = type_underlying(holder);
            if (!hu || hu->kind != TY_STRUCT)
                break;
            holder = hu->u.strct.fields[s.path[i]].type;
            if (holder->kind == TY_POINTER)
                holder = holder->u.ptr.elem;
        }
        in_iface = type_is_interface(holder);
    }
    record_selection(e, in_iface ? SEL_INTERFACE_METHOD : SEL_METHOD, &s);
    // x.m() with a pointer receiver on an addressable x takes x's address.
    if (!in_iface && s.method->ptr_recv && !s.indirect && x->type->kind != TY_POINTER)
        mark_addr_taken(c, e->u.sel.x);
    x->mode = MODE_VALUE;
    x->type = sig;
    x->expr = e;
    return;
error:
    set_invalid(c, x);
    x->expr = e;
}

// ---------------------------------------------------------------------------
// Index and slice expressions

// Checks an index; returns its constant value or -1. *ok is false if the
// index is invalid.
static int64_t check_index(Checker *c, Node *index, int64_t max, bool *ok) {
    Operand x = {0};
    check_expr(c, &x, index);
    *ok = false;
    if (x.mode == MODE_INVALID)
        return -1;
    convert_untyped(c, &x, c->cc->basic[TY_INT]);
    if (x.mode == MODE_INVALID)
        return -1;
    if (!type_is_integer(x.type)) {
        check_errorf(c, start_pos(x.expr), "invalid argument: index %s must be integer", opstr(c, &x));
        return -1;
    }
    if (x.mode != MODE_CONST) {
        *ok = true;
        return -1;
    }
    ConstVal v;
    int64_t i;
    if (!const_to_int(&c->cc->arena, x.val, &v))
        return -1;
    if (const_sign(v) < 0) {
        check_errorf(c, start_pos(x.expr), "invalid argument: index %s must not be negative", opstr(c, &x));
        return -1;
    }
    if (!const_int64(v, &i)) {
        check_errorf(c, start_pos(x.expr), "invalid argument: index %s overflows int", opstr(c, &x));
        return -1;
    }
    if (max >= 0 && i >= max) {
        check_errorf(c, start_pos(x.expr), "invalid argument: index %s out of bounds [0:%lld]",
                     const_string_of(c->cc, x.val), (long long)max);
        return -1;
    }
    *ok = true;
    return i;
}

bool check_index_value(Checker *c, Node *e, int64_t max, const char *what, int64_t *out) {
    (void)what;
    bool ok;
    *out = check_index(c, e, max, &ok);
    return ok;
}

NOINLINE static void index_expr(Checker *c, Operand *x, Node *e) {
    check_expr_or_type(c, x, e->u.index.x);
    if (x->mode == MODE_INVALID) {
        use_expr(c, e->u.index.index);
        return;
    }
    if (x->mode == MODE_TYPE && generic_type(x->type)) {
        generic_index(c, x, e);
        return;
    }
    if (x->mode == MODE_TYPE) {
        check_errorf(c, start_pos(e), "%s is not a generic type", tstr(c, x->type));
        set_invalid(c, x);
        return;
    }
    bool valid = false;
    int64_t length = -1;
    Type *u = type_underlying(x->type);
    switch (u ? u->kind : TY_INVALID) {
    case TY_STRING: case TY_UNTYPED_STRING:
        valid = true;
        if (x->mode == MODE_CONST)
            length = (int64_t)x->val.len;
        x->mode = MODE_VALUE;
        x->type = c->cc->byte_type;
        break;
    case TY_ARRAY:
        valid = true;
        length = u->u.array.len;
        if (x->mode != MODE_VAR)
            x->mode = MODE_VALUE;
        x->type = u->u.array.elem;
        break;
    case TY_POINTER: {
        Type *a = type_underlying(u->u.ptr.elem);
        if (a && a->kind == TY_ARRAY) {
            valid = true;
            length = a->u.array.len;
            x->mode = MODE_VAR;
            x->type = a->u.array.elem;
        }
        break;
    }
    case TY_SLICE:
        valid = true;
        x->mode = MODE_VAR;
        x->type = u->u.slice.elem;
        break;
    case TY_MAP: {
        Operand key = {0};
        check_expr(c, &key, e->u.index.index);
        check_assignment(c, &key, u->u.map.key, "map index");
        x->mode = MODE_MAPINDEX;
        x->type = u->u.map.value;
        x->val = (ConstVal){0};
        return;
    }
    default:
        break;
    }
    x->val = (ConstVal){0};
    if (!valid) {
        check_errorf(c, e->pos, "invalid operation: cannot index %s", opstr(c, x));
        use_expr(c, e->u.index.index);
        set_invalid(c, x);
        return;
    }
    if (length >= 0)
        func_add_facts(c->fn, FACT_ARRAY_INDEX);
    bool ok;
    check_index(c, e->u.index.index, length, &ok);
}

NOINLINE static void slice_expr(Checker *c, Operand *x, Node *e) {
    check_expr(c, x, e->u.slice.x);
    if (x->mode == MODE_INVALID) {
        use_expr(c, e->u.slice.lo);
        use_expr(c, e->u.slice.hi);
        use_expr(c, e->u.slice.max);
        return;
    }
    bool valid = false;
    int64_t length = -1;
    Type *u = type_underlying(x->type);
    switch (u ? u->kind : TY_INVALID) {
    case TY_STRING: case TY_UNTYPED_STRING:
        if (e->u.slice.full) {
            check_errorf(c, e->u.slice.max ? start_pos(e->u.slice.max) : e->pos, "invalid operation: 3-index slice of string");
            set_invalid(c, x);
            return;
        }
        valid = true;
        if (x->mode == MODE_CONST)
            length = (int64_t)x->val.len;
        if (type_is_untyped(x->type))
            x->type = c->cc->basic[TY_STRING];
        break;
    case TY_ARRAY:
        valid = true;
        length = u->u.array.len;
        if (x->mode != MODE_VAR) {
            check_errorf(c, start_pos(x->expr), "invalid operation: %s (slice of unaddressable value)", opstr(c, x));
            set_invalid(c, x);
            return;
        }
        mark_addr_taken(c, e->u.slice.x);
        x->type = slice_of(c, u->u.array.elem);
        break;
    case TY_POINTER: {
        Type *a = type_underlying(u->u.ptr.elem);
        if (a && a->kind == TY_ARRAY) {
            valid = true;
            length = a->u.array.len;
            x->type = slice_of(c, a->u.array.elem);
        }
        break;
    }
    case TY_SLICE:
        valid = true;
        break;
    default:
        break;
    }
    if (!valid) {
        check_errorf(c, start_pos(x->expr), "invalid operation: cannot slice %s", opstr(c, x));
        set_invalid(c, x);
        return;
    }
    x->mode = MODE_VALUE;
    x->val = (ConstVal){0};
    if (e->u.slice.full && (!e->u.slice.hi || !e->u.slice.max)) {
        check_errorf(c, e->pos, "invalid AST: 2nd and 3rd index required in 3-index slice");
        set_invalid(c, x);
        return;
    }
    Node *idx[3] = {e->u.slice.lo, e->u.slice.hi, e->u.slice.max};
    int64_t ind[3];
    for (int i = 0; i < 3; i++) {
        int64_t v = -1;
        if (idx[i]) {
            bool ok;
            int64_t r = check_index(c, idx[i], length >= 0 ? length + 1 : -1, &ok);
            if (r >= 0)
                v = r;
        } else if (i == 0) {
            v = 0;
        } else if (length >= 0) {
            v = length;
        }
        ind[i] = v;
    }
    for (int i = 0; i < 2; i++) {
        if (ind[i] <= 0)
            continue;
        for (int j = i + 1; j < 3; j++)
            if (ind[j] >= 0 && ind[j] < ind[i]) {
                check_errorf(c, start_pos(idx[j]), "invalid slice indices: %lld < %lld", (long long)ind[j], (long long)ind[i]);
                return;
            }
    }
}

// ---------------------------------------------------------------------------
// Addresses

// Marks the variable at the root of an addressable expression as having its
// address taken (&x, &x.f, &a[i] of an array, x[:] of an array, x.m() with
// a pointer receiver).
void mark_addr_taken(Checker *c, Node *e) {
    (void)c;
    while (e) {
        switch (e->kind) {
        case N_PAREN:
            e = e->u.unary.x;
            break;
        case N_IDENT:
            if (e->u.ident.obj && e->u.ident.obj->kind == OBJ_VAR)
                e->u.ident.obj->u.var.addr_taken = true;
            return;
        case N_SELECTOR:
            if (e->u.sel.kind != SEL_FIELD || e->u.sel.indirect)
                return;
            e = e->u.sel.x;
            break;
        case N_INDEX: {
            Type *t = e->u.index.x ? e->u.index.x->type : NULL;
            if (!t || type_underlying(t) == NULL || type_underlying(t)->kind != TY_ARRAY)
                return;
            e = e->u.index.x;
            break;
        }
        default:
            return;
        }
    }
}

// ---------------------------------------------------------------------------
// The dispatcher

NOINLINE static void type_assert(Checker *c, Operand *x, Node *e) {
    check_expr(c, x, e->u.assert.x);
    if (x->mode == MODE_INVALID)
        return;
    if (!type_is_interface(x->type)) {
        check_errorf(c, start_pos(x->expr), "invalid operation: %s is not an interface", opstr(c, x));
        set_invalid(c, x);
        return;
    }
    if (!e->u.assert.type) {
        check_errorf(c, e->pos, "invalid AST: use of .(type) outside type switch");
        set_invalid(c, x);
        return;
    }
    Type *t = check_type(c, e->u.assert.type);
    if (t->kind == TY_INVALID) {
        set_invalid(c, x);
        return;
    }
    const char *why = assertable_to(c, x->type, t);
    if (why)
        check_errorf(c, start_pos(e), "impossible type assertion: %s\n\t%s does not implement %s %s", estr(c, e),
                     tstr(c, t), tstr(c, x->type), why);
    x->mode = MODE_COMMAOK;
    x->type = t;
    x->val = (ConstVal){0};
}

NOINLINE static void deref_or_pointer_type(Checker *c, Operand *x, Node *e) {
    check_expr_or_type(c, x, e->u.unary.x);
    switch (x->mode) {
    case MODE_INVALID:
        return;
    case MODE_TYPE:
        x->type = pointer_to(c, x->type);
        return;
    default: {
        Type *u = type_underlying(x->type);
        if (!u || u->kind != TY_POINTER) {
            if (!u || u->kind != TY_INVALID)
                check_errorf(c, start_pos(x->expr), "invalid operation: cannot indirect %s", opstr(c, x));
            set_invalid(c, x);
            return;
        }
        x->mode = MODE_VAR;
        x->type = u->u.ptr.elem;
        x->val = (ConstVal){0};
    }
    }
}

NOINLINE static void basic_lit(Checker *c, Operand *x, Node *e) {
    if (e->flags & NF_BADLIT) {
        set_invalid(c, x);
        return;
    }
    // types2 caps number literals: beyond 10000 characters no digit can
    // matter at 512 bits (or 4096 for a fraction's parts).
    TokKind lk = e->u.lit.kind;
    if ((lk == T_INT || lk == T_FLOAT || lk == T_IMAG) && e->u.lit.len > 10000) {
        check_errorf(c, e->pos, "excessively long constant: %.10s... (%u chars)", e->u.lit.text, e->u.lit.len);
        set_invalid(c, x);
        return;
    }
    ConstVal v;
    if (!const_from_literal(c->cc, e->u.lit.kind, e->u.lit.text, e->u.lit.len, &v)) {
        check_errorf(c, e->pos, "malformed constant: %.*s", (int)e->u.lit.len, e->u.lit.text);
        set_invalid(c, x);
        return;
    }
    static const TypeKind kinds[] = {
        [T_INT] = TY_UNTYPED_INT, [T_FLOAT] = TY_UNTYPED_FLOAT, [T_IMAG] = TY_UNTYPED_COMPLEX,
        [T_CHAR] = TY_UNTYPED_RUNE, [T_STRING] = TY_UNTYPED_STRING,
    };
    TypeKind k = e->u.lit.kind <= T_STRING ? kinds[e->u.lit.kind] : TY_INVALID;
    x->mode = MODE_CONST;
    x->type = c->cc->basic[k ? k : TY_INVALID];
    x->val = v;
}

static void expr_internal(Checker *c, Operand *x, Node *e, Type *hint) {
    set_invalid(c, x);
    x->val = (ConstVal){0};
    x->expr = e;
    switch (e->kind) {
    case N_BAD:
        break;
    case N_IDENT:
        check_ident(c, x, e);
        break;
    case N_BASICLIT:
        basic_lit(c, x, e);
        break;
    case N_FUNCLIT:
        check_func_lit(c, x, e);
        break;
    case N_COMPOSITE:
        composite_literal(c, x, e, hint);
        break;
    case N_PAREN:
        check_raw_expr(c, x, e->u.unary.x, NULL);
        break;
    case N_SELECTOR:
        check_selector(c, x, e);
        break;
    case N_INDEX:
        index_expr(c, x, e);
        break;
    case N_SLICE:
        slice_expr(c, x, e);
        break;
    case N_TYPEASSERT:
        type_assert(c, x, e);
        break;
    case N_CALL:
        check_call(c, x, e);
        break;
    case N_STAR:
        deref_or_pointer_type(c, x, e);
        break;
    case N_UNARY:
        check_unary(c, x, e);
        break;
    case N_BINARY:
        check_binary(c, x, e, e->u.binary.x, e->u.binary.y, e->u.binary.op);
        break;
    case N_KEYVALUE:
        check_errorf(c, start_pos(e), "invalid AST: no key:value expected");
        break;
    case N_ELLIPSIS:
        check_errorf(c, e->pos, "invalid use of '...'");
        break;
    case N_ARRAYTYPE: case N_STRUCTTYPE: case N_FUNCTYPE: case N_INTERFACETYPE:
    case N_MAPTYPE: case N_CHANTYPE:
        x->type = check_type(c, e);
        x->mode = x->type->kind == TY_INVALID ? MODE_INVALID : MODE_TYPE;
        break;
    default:
        check_errorf(c, e->pos, "invalid expression");
        break;
    }
    if (x->mode == MODE_INVALID)
        x->type = invalid_type(c);
    x->expr = e;
    // What a statement context may do with it: calls and receives may
    // stand alone, other expressions must be used.
    if (x->mode == MODE_INVALID)
        c->expr_kind = EXPR_STATEMENT;
    else if (e->kind == N_UNARY && e->u.unary.op == T_ARROW)
        c->expr_kind = EXPR_STATEMENT;
    else if (e->kind != N_CALL && e->kind != N_PAREN)
        c->expr_kind = EXPR_EXPRESSION;
}

void check_raw_expr(Checker *c, Operand *x, Node *e, Type *hint) {
    if (!e) {
        set_invalid(c, x);
        x->expr = NULL;
        return;
    }
    expr_internal(c, x, e, hint);
    record_operand(c, x);
}

static void exclude(Checker *c, Operand *x, bool novalue, bool builtin, bool type) {
    const char *msg = NULL;
    if (x->mode == MODE_NOVALUE && novalue)
        msg = type ? "%s used as value" : "%s used as value or type";
    else if (x->mode == MODE_BUILTIN && builtin)
        msg = "%s must be called";
    else if (x->mode == MODE_TYPE && type)
        msg = "%s is not an expression";
    if (!msg)
        return;
    check_errorf(c, start_pos(x->expr), msg, opstr(c, x));
    x->mode = MODE_INVALID;
}

void check_expr(Checker *c, Operand *x, Node *e) {
    check_raw_expr(c, x, e, NULL);
    exclude(c, x, true, true, true);
    single_value(c, x);
}

void check_multi_expr(Checker *c, Operand *x, Node *e) {
    check_raw_expr(c, x, e, NULL);
    exclude(c, x, true, true, true);
}

void check_expr_with_hint(Checker *c, Operand *x, Node *e, Type *hint) {
    check_raw_expr(c, x, e, hint);
    exclude(c, x, true, true, true);
    single_value(c, x);
}

void check_expr_or_type(Checker *c, Operand *x, Node *e) {
    check_raw_expr(c, x, e, NULL);
    exclude(c, x, true, false, false);
    single_value(c, x);
}

void use_expr(Checker *c, Node *e) {
    if (!e)
        return;
    if (e->kind == N_IDENT && name_is(e->u.ident.name, "_"))
        return;
    Operand x = {0};
    check_raw_expr(c, &x, e, NULL);
}

void use_exprs(Checker *c, NodeList *l) {
    for (int i = 0; i < l->len; i++)
        use_expr(c, l->items[i]);
}

static Operand *operand_buf(Checker *c, int n, Operand *buf, int bufcap) {
    if (n <= bufcap)
        return buf;
    return ARENA_ARRAY(&c->cc->arena, Operand, n);
}

Operand *check_expr_list(Checker *c, NodeList *l, bool allow_commaok, int *n, bool *commaok, Operand *buf, int bufcap) {
    *commaok = false;
    *n = 0;
    if (l->len == 0)
        return buf;
    if (l->len == 1) {
        Operand x = {0};
        Node *e = l->items[0];
        check_multi_expr(c, &x, e);
        if (x.mode != MODE_INVALID && x.type && x.type->kind == TY_TUPLE) {
            int k = x.type->u.tuple.n;
            Operand *xs = operand_buf(c, k, buf, bufcap);
            for (int i = 0; i < k; i++) {
                xs[i] = (Operand){0};
                xs[i].mode = MODE_VALUE;
                xs[i].expr = e;
                xs[i].type = x.type->u.tuple.types[i];
            }
            *n = k;
            return xs;
        }
        Operand *xs = operand_buf(c, 2, buf, bufcap);
        xs[0] = x;
        *n = 1;
        if (allow_commaok && (x.mode == MODE_MAPINDEX || x.mode == MODE_COMMAOK)) {
            xs[0].mode = MODE_VALUE;
            xs[1] = (Operand){0};
            xs[1].mode = MODE_VALUE;
            xs[1].expr = e;
            xs[1].type = c->cc->basic[TY_UNTYPED_BOOL];
            *n = 2;
            *commaok = true;
        }
        return xs;
    }
    Operand *xs = operand_buf(c, l->len, buf, bufcap);
    for (int i = 0; i < l->len; i++) {
        xs[i] = (Operand){0};
        check_expr(c, &xs[i], l->items[i]);
    }
    *n = l->len;
    return xs;
}

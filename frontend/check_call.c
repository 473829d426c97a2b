// check_call.c - calls: conversions T(x), function and method calls with
// their arguments (variadic, multi-value f(g())), and the built-in
// functions including package unsafe's.
//
// A call records what it is on the node (call.kind, call.builtin) for the
// SSA builder. The "have (...) want (...)" lines of argument-count errors
// follow types2: untyped numeric arguments show as "number".
#include "check.h"

#include <string.h>

static Type *invalid_type(Checker *c) { return c->cc->basic[TY_INVALID]; }

static Type *empty_iface(Checker *c) {
    if (!c->st->empty_iface) {
        c->st->empty_iface = type_new(c->cc, TY_INTERFACE);
        c->st->empty_iface->u.iface.complete = true;
    }
    return c->st->empty_iface;
}

const char *types_summary(Checker *c, Type **ts, int n, bool variadic) {
    const char *s = "(";
    for (int i = 0; i < n; i++) {
        Type *t = ts[i];
        const char *e;
        if (!t || t->kind == TY_INVALID)
            e = "<T>";
        else if (type_is_untyped(t))
            e = type_is_numeric(t) ? "number" : tstr(c, t) + strlen("untyped ");
        else if (variadic && i == n - 1 && t->kind == TY_SLICE)
            e = arena_sprintf(&c->cc->arena, "...%s", tstr(c, t->u.slice.elem));
        else
            e = tstr(c, t);
        s = arena_sprintf(&c->cc->arena, "%s%s%s", s, i ? ", " : "", e);
    }
    return arena_sprintf(&c->cc->arena, "%s)", s);
}

static Type **operand_types(Checker *c, Operand *xs, int n) {
    Type **ts = ARENA_ARRAY(&c->cc->arena, Type *, n > 0 ? n : 1);
    for (int i = 0; i < n; i++)
        ts[i] = xs[i].type;
    return ts;
}

// Checks the arguments of a call of a function with signature sig.
static void arguments(Checker *c, Node *call, Type *sig, Operand *args, int nargs) {
    for (int i = 0; i < nargs; i++) {
        if (args[i].mode == MODE_TYPE) {
            check_errorf(c, start_pos(args[i].expr), "%s used as value", "type");
            return;
        }
        if (args[i].mode == MODE_INVALID)
            return;
    }
    int npars = sig->u.func.nparams;
    bool ddd = call->u.call.has_dots;
    Type **params = sig->u.func.params;
    if (sig->u.func.variadic) {
        if (ddd) {
            if (call->u.call.args.len == 1 && nargs > 1) {
                check_errorf(c, start_pos(call), "cannot use ... with %d-valued %s", nargs,
                             estr(c, call->u.call.args.items[0]));
                return;
            }
        } else if (nargs >= npars - 1) {
            Type **ps = ARENA_ARRAY(&c->cc->arena, Type *, nargs > 0 ? nargs : 1);
            for (int i = 0; i < npars - 1; i++)
                ps[i] = params[i];
            Type *last = params[npars - 1];
            Type *elem = last->kind == TY_SLICE ? last->u.slice.elem : invalid_type(c);
            for (int i = npars - 1; i < nargs; i++)
                ps[i] = elem;
            params = ps;
            npars = nargs;
        } else {
            npars--;
        }
    } else if (ddd) {
        check_errorf(c, start_pos(call), "cannot use ... in call to non-variadic %s", estr(c, call->u.call.fun));
        return;
    }
    if (nargs != npars) {
        Pos at = start_pos(call);
        const char *q = "not enough";
        if (nargs > npars) {
            at = start_pos(args[npars].expr);
            q = "too many";
        } else if (nargs > 0) {
            at = start_pos(args[nargs - 1].expr);
        }
        check_errorf(c, at, "%s arguments in call to %s\n\thave %s\n\twant %s", q, estr(c, call->u.call.fun),
                     types_summary(c, operand_types(c, args, nargs), nargs, false),
                     types_summary(c, sig->u.func.params, sig->u.func.nparams, sig->u.func.variadic));
        return;
    }
    // The context ("argument to f") is spelled out only for an error.
    Node *saved = c->arg_call;
    c->arg_call = call;
    for (int i = 0; i < nargs; i++)
        check_assignment(c, &args[i], params[i], NULL);
    c->arg_call = saved;
}

static void conversion_call(Checker *c, Operand *x, Node *call) {
    Type *t = x->type;
    NodeList *args = &call->u.call.args;
    call->u.call.kind = CALL_CONVERSION;
    x->mode = MODE_INVALID;
    if (args->len == 0) {
        check_errorf(c, start_pos(call), "missing argument in conversion to %s", tstr(c, t));
    } else if (args->len == 1) {
        check_expr(c, x, args->items[0]);
        if (x->mode != MODE_INVALID) {
            if (call->u.call.has_dots) {
                check_errorf(c, start_pos(args->items[0]), "invalid use of ... in type conversion to %s", tstr(c, t));
                x->mode = MODE_INVALID;
            } else {
                check_conversion(c, x, t);
            }
        }
    } else {
        use_exprs(c, args);
        check_errorf(c, start_pos(args->items[args->len - 1]), "too many arguments in conversion to %s", tstr(c, t));
    }
    if (x->mode == MODE_INVALID)
        x->type = invalid_type(c);
    x->expr = call;
    c->expr_kind = EXPR_CONVERSION;
}

void check_call(Checker *c, Operand *x, Node *call) {
    Node *fun = call->u.call.fun;
    check_raw_expr(c, x, fun, NULL);
    if (x->mode == MODE_NOVALUE) {
        check_errorf(c, start_pos(fun), "%s used as value or type", opstr(c, x));
        x->mode = MODE_INVALID;
    }
    single_value(c, x);
    switch (x->mode) {
    case MODE_INVALID:
        use_exprs(c, &call->u.call.args);
        x->expr = call;
        x->type = invalid_type(c);
        c->expr_kind = EXPR_STATEMENT;
        return;
    case MODE_TYPE:
        conversion_call(c, x, call);
        return;
    case MODE_BUILTIN: {
        Builtin id = x->id;
        call->u.call.kind = CALL_BUILTIN;
        call->u.call.builtin = id;
        if (!check_builtin(c, x, call, id)) {
            x->mode = MODE_INVALID;
            x->type = invalid_type(c);
        }
        x->expr = call;
        if (x->mode != MODE_INVALID && x->mode != MODE_CONST)
            c->has_call_or_recv = true;
        // Calls whose result may be dropped are statements.
        switch (id) {
        case BI_CLOSE: case BI_COPY: case BI_DELETE: case BI_PANIC: case BI_PRINT:
        case BI_PRINTLN: case BI_RECOVER:
            c->expr_kind = EXPR_STATEMENT;
            break;
        default:
            c->expr_kind = EXPR_EXPRESSION;
            break;
        }
        return;
    }
    default:
        break;
    }
    Type *sig = type_underlying(x->type);
    if (!sig || sig->kind != TY_FUNC) {
        check_errorf(c, start_pos(x->expr), "invalid operation: cannot call non-function %s", opstr(c, x));
        use_exprs(c, &call->u.call.args);
        x->mode = MODE_INVALID;
        x->type = invalid_type(c);
        x->expr = call;
        c->expr_kind = EXPR_STATEMENT;
        return;
    }
    Node *f = unparen(fun);
    call->u.call.kind = CALL_FUNC;
    if (f && f->kind == N_SELECTOR) {
        if (f->u.sel.kind == SEL_METHOD)
            call->u.call.kind = CALL_METHOD;
        else if (f->u.sel.kind == SEL_INTERFACE_METHOD) {
            call->u.call.kind = CALL_INTERFACE;
            func_add_facts(c->fn, FACT_IFACE_CALL);
        }
    }
    int nargs;
    bool commaok;
    Operand buf[4];
    Operand *args = check_expr_list(c, &call->u.call.args, false, &nargs, &commaok, buf, 4);
    arguments(c, call, sig, args, nargs);
    switch (sig->u.func.nresults) {
    case 0:
        x->mode = MODE_NOVALUE;
        x->type = NULL;
        break;
    case 1:
        x->mode = MODE_VALUE;
        x->type = sig->u.func.results[0];
        break;
    default:
        x->mode = MODE_VALUE;
        x->type = type_tuple(c->cc, sig->u.func.results, sig->u.func.nresults);
        break;
    }
    x->val = (ConstVal){0};
    x->expr = call;
    c->has_call_or_recv = true;
    c->expr_kind = EXPR_STATEMENT;
}

// ---------------------------------------------------------------------------
// Built-in functions

typedef struct BuiltinInfo {
    int nargs;
    bool variadic;
} BuiltinInfo;

static const BuiltinInfo builtin_info[BI_COUNT] = {
    [BI_APPEND] = {1, true}, [BI_CAP] = {1, false}, [BI_CLOSE] = {1, false},
    [BI_COMPLEX] = {2, false}, [BI_COPY] = {2, false}, [BI_DELETE] = {2, false},
    [BI_IMAG] = {1, false}, [BI_LEN] = {1, false}, [BI_MAKE] = {1, true},
    [BI_NEW] = {1, false}, [BI_PANIC] = {1, false}, [BI_PRINT] = {0, true},
    [BI_PRINTLN] = {0, true}, [BI_REAL] = {1, false}, [BI_RECOVER] = {0, false},
    [BI_UNSAFE_ADD] = {2, false}, [BI_ALIGNOF] = {1, false}, [BI_OFFSETOF] = {1, false},
    [BI_SIZEOF] = {1, false}, [BI_UNSAFE_SLICE] = {2, false},
};

static bool valid_index_arg(Checker *c, Operand *y, const char *what, bool allow_negative) {
    if (y->mode == MODE_INVALID)
        return false;
    convert_untyped(c, y, c->cc->basic[TY_INT]);
    if (y->mode == MODE_INVALID)
        return false;
    if (!type_is_integer(y->type)) {
        check_errorf(c, start_pos(y->expr), "invalid argument: %s %s must be integer", what, opstr(c, y));
        return false;
    }
    if (y->mode == MODE_CONST && !allow_negative && const_sign(y->val) < 0) {
        check_errorf(c, start_pos(y->expr), "invalid argument: %s %s must not be negative", what, opstr(c, y));
        return false;
    }
    return true;
}

static bool builtin_append(Checker *c, Operand *x, Node *call, Operand *args, int nargs) {
    Type *s = x->type;
    Type *su = type_underlying(s);
    if (!su || su->kind != TY_SLICE) {
        const char *cause = x->mode == MODE_NIL ? "have untyped nil" : arena_sprintf(&c->cc->arena, "have %s", opstr(c, x));
        check_errorf(c, start_pos(x->expr), "first argument to append must be a slice; %s", cause);
        return false;
    }
    // append(bytes, s...) with a string s.
    if (nargs == 2 && call->u.call.has_dots) {
        Operand y = args[1];
        Type *yu = type_underlying(y.type);
        Type *eu = type_underlying(su->u.slice.elem);
        if (y.mode != MODE_INVALID && yu && type_is_string(yu) && eu && eu->kind == TY_UINT8) {
            if (type_is_untyped(y.type))
                convert_untyped(c, &args[1], c->cc->basic[TY_STRING]);
            x->mode = MODE_VALUE;
            x->type = s;
            return true;
        }
    }
    Type *sig = type_new(c->cc, TY_FUNC);
    Type **ps = ARENA_ARRAY(&c->cc->arena, Type *, 2);
    ps[0] = s;
    ps[1] = slice_of(c, su->u.slice.elem);
    sig->u.func.params = ps;
    sig->u.func.nparams = 2;
    sig->u.func.results = ARENA_ARRAY(&c->cc->arena, Type *, 1);
    sig->u.func.results[0] = s;
    sig->u.func.nresults = 1;
    sig->u.func.variadic = true;
    args[0] = *x;
    arguments(c, call, sig, args, nargs);
    x->mode = MODE_VALUE;
    x->type = s;
    return true;
}

static bool builtin_len_cap(Checker *c, Operand *x, Builtin id, bool had_call) {
    OpMode mode = MODE_INVALID;
    ConstVal val = {0};
    Type *u = type_underlying(x->type);
    if (u && u->kind == TY_POINTER) {
        Type *a = type_underlying(u->u.ptr.elem);
        if (a && a->kind == TY_ARRAY)
            u = a;
    }
    switch (u ? u->kind : TY_INVALID) {
    case TY_STRING: case TY_UNTYPED_STRING:
        if (id == BI_LEN) {
            if (x->mode == MODE_CONST) {
                mode = MODE_CONST;
                val = const_int((int64_t)x->val.len);
            } else {
                mode = MODE_VALUE;
            }
        }
        break;
    case TY_ARRAY:
        mode = MODE_VALUE;
        if (!had_call) {
            mode = MODE_CONST;
            val = const_int(u->u.array.len);
        }
        break;
    case TY_SLICE: case TY_CHAN:
        mode = MODE_VALUE;
        break;
    case TY_MAP:
        if (id == BI_LEN)
            mode = MODE_VALUE;
        break;
    default:
        break;
    }
    if (mode == MODE_INVALID) {
        if (u && u->kind != TY_INVALID)
            check_errorf(c, start_pos(x->expr), "invalid argument: %s for %s", opstr(c, x), builtin_name(id));
        return false;
    }
    if (type_is_untyped(x->type))
        update_expr_type(c, x->expr, c->cc->basic[TY_STRING], true);
    x->mode = mode;
    x->type = c->cc->basic[TY_INT];
    x->val = val;
    return true;
}

static bool builtin_complex(Checker *c, Operand *x, Node *call, Operand *y) {
    if (y->mode == MODE_INVALID)
        return false;
    int d = (type_is_untyped(x->type) ? 1 : 0) | (type_is_untyped(y->type) ? 2 : 0);
    if (d == 1) {
        convert_untyped(c, x, y->type);
    } else if (d == 2) {
        convert_untyped(c, y, x->type);
    } else if (d == 3) {
        if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
            if (type_is_numeric(x->type) && const_sign(const_imag(x->val)) == 0)
                x->type = c->cc->basic[TY_UNTYPED_FLOAT];
            if (type_is_numeric(y->type) && const_sign(const_imag(y->val)) == 0)
                y->type = c->cc->basic[TY_UNTYPED_FLOAT];
        } else {
            convert_untyped(c, x, c->cc->basic[TY_FLOAT64]);
            convert_untyped(c, y, c->cc->basic[TY_FLOAT64]);
        }
    }
    if (x->mode == MODE_INVALID || y->mode == MODE_INVALID)
        return false;
    if (!type_identical(x->type, y->type)) {
        check_errorf(c, start_pos(x->expr), "invalid operation: %s (mismatched types %s and %s)", estr(c, call),
                     tstr(c, x->type), tstr(c, y->type));
        return false;
    }
    Type *u = type_underlying(x->type);
    Type *res = NULL;
    switch (u ? u->kind : TY_INVALID) {
    case TY_FLOAT32: res = c->cc->basic[TY_COMPLEX64]; break;
    case TY_FLOAT64: res = c->cc->basic[TY_COMPLEX128]; break;
    case TY_UNTYPED_FLOAT: res = c->cc->basic[TY_UNTYPED_COMPLEX]; break;
    default: break;
    }
    if (!res) {
        check_errorf(c, start_pos(x->expr), "invalid argument: arguments have type %s, expected floating-point",
                     tstr(c, x->type));
        return false;
    }
    if (x->mode == MODE_CONST && y->mode == MODE_CONST) {
        // As types2: ToFloat(x) + MakeImag(ToFloat(y)), exactly.
        Arena *a = &c->cc->arena;
        ConstVal re = const_to_float(a, x->val), im = const_to_float(a, y->val), r;
        if (re.kind != CONST_FLOAT || im.kind != CONST_FLOAT ||
            !const_binary(a, T_ADD, re, const_make_imag(a, im), false, &r)) {
            check_errorf(c, start_pos(x->expr), "constant result is not representable");
            return false;
        }
        x->val = r;
    } else {
        x->mode = MODE_VALUE;
        x->val = (ConstVal){0};
    }
    x->type = res;
    return true;
}

static bool builtin_real_imag(Checker *c, Operand *x, Builtin id) {
    if (type_is_untyped(x->type)) {
        if (x->mode == MODE_CONST) {
            if (type_is_numeric(x->type))
                x->type = c->cc->basic[TY_UNTYPED_COMPLEX];
        } else {
            convert_untyped(c, x, c->cc->basic[TY_COMPLEX128]);
            if (x->mode == MODE_INVALID)
                return false;
        }
    }
    Type *u = type_underlying(x->type);
    Type *res = NULL;
    switch (u ? u->kind : TY_INVALID) {
    case TY_COMPLEX64: res = c->cc->basic[TY_FLOAT32]; break;
    case TY_COMPLEX128: res = c->cc->basic[TY_FLOAT64]; break;
    case TY_UNTYPED_COMPLEX: res = c->cc->basic[TY_UNTYPED_FLOAT]; break;
    default: break;
    }
    if (!res) {
        check_errorf(c, start_pos(x->expr), "invalid argument: argument has type %s, expected complex type",
                     tstr(c, x->type));
        return false;
    }
    if (x->mode == MODE_CONST) {
        x->val = id == BI_REAL ? const_real(x->val) : const_imag(x->val);
    } else {
        x->mode = MODE_VALUE;
    }
    x->type = res;
    return true;
}

static bool builtin_copy(Checker *c, Operand *x, Operand *y) {
    if (y->mode == MODE_INVALID)
        return false;
    Type *dst = type_underlying(x->type);
    Type *src = type_underlying(y->type);
    Type *src_elem = NULL;
    if (src && type_is_string(src))
        src_elem = c->cc->byte_type;
    else if (src && src->kind == TY_SLICE)
        src_elem = src->u.slice.elem;
    if (!dst || dst->kind != TY_SLICE || !src_elem) {
        check_errorf(c, start_pos(x->expr), "invalid argument: copy expects slice arguments; found %s and %s",
                     opstr(c, x), opstr(c, y));
        return false;
    }
    if (!type_identical(dst->u.slice.elem, src_elem)) {
        check_errorf(c, start_pos(x->expr),
                     "invalid argument: arguments to copy %s and %s have different element types %s and %s",
                     opstr(c, x), opstr(c, y), tstr(c, dst->u.slice.elem), tstr(c, src_elem));
        return false;
    }
    if (type_is_untyped(y->type))
        update_expr_type(c, y->expr, c->cc->basic[TY_STRING], true);
    x->mode = MODE_VALUE;
    x->type = c->cc->basic[TY_INT];
    return true;
}

static bool builtin_make(Checker *c, Operand *x, Node *call) {
    NodeList *args = &call->u.call.args;
    Node *arg0 = args->items[0];
    Type *t = check_type(c, arg0);
    if (t->kind == TY_INVALID)
        return false;
    Type *u = type_underlying(t);
    int min;
    switch (u ? u->kind : TY_INVALID) {
    case TY_SLICE: min = 2; break;
    case TY_MAP: case TY_CHAN: min = 1; break;
    default:
        check_errorf(c, start_pos(arg0), "invalid argument: cannot make %s; type must be slice, map, or channel",
                     estr(c, arg0));
        return false;
    }
    int nargs = args->len;
    if (nargs < min || min + 1 < nargs) {
        check_errorf(c, start_pos(call), "invalid operation: %s expects %d or %d arguments; found %d", estr(c, call),
                     min, min + 1, nargs);
        return false;
    }
    int64_t sizes[2];
    int nsizes = 0;
    for (int i = 1; i < nargs; i++) {
        int64_t v;
        bool ok = check_index_value(c, args->items[i], -1, "index", &v);
        if (ok && v >= 0 && nsizes < 2)
            sizes[nsizes++] = v;
    }
    if (nsizes == 2 && sizes[0] > sizes[1])
        check_errorf(c, start_pos(args->items[1]), "invalid argument: length and capacity swapped");
    x->mode = MODE_VALUE;
    x->type = t;
    return true;
}

// The byte offset of the field reached through path in struct type t.
static int64_t field_offset(Checker *c, Type *t, int *path, int depth) {
    int64_t off = 0;
    for (int i = 0; i < depth; i++) {
        Type *u = type_underlying(t);
        if (!u || u->kind != TY_STRUCT)
            break;
        type_size(c->cc, u);     // lays the struct out
        Field *f = &u->u.strct.fields[path[i]];
        off += f->offset;
        t = f->type;
    }
    return off;
}

static bool builtin_offsetof(Checker *c, Operand *x, Node *call) {
    Node *arg0 = call->u.call.args.items[0];
    Node *sel = unparen(arg0);
    if (!sel || sel->kind != N_SELECTOR) {
        check_errorf(c, start_pos(arg0), "invalid argument: %s is not a selector expression", estr(c, arg0));
        use_expr(c, arg0);
        return false;
    }
    check_expr(c, x, sel->u.sel.x);
    if (x->mode == MODE_INVALID)
        return false;
    Type *base = x->type;
    Type *bu = type_underlying(base);
    if (bu && bu->kind == TY_POINTER && type_underlying(bu->u.ptr.elem) &&
        type_underlying(bu->u.ptr.elem)->kind == TY_STRUCT)
        base = bu->u.ptr.elem;
    Selection s = lookup_field_or_method(c, base, false, sel->u.sel.name);
    if (!s.obj) {
        check_errorf(c, start_pos(x->expr), "invalid argument: %s has no single field %s", tstr(c, base),
                     sel->u.sel.name->s);
        return false;
    }
    if (s.obj->kind == OBJ_FUNC) {
        check_errorf(c, start_pos(arg0), "invalid argument: %s is a method value", estr(c, arg0));
        return false;
    }
    if (s.indirect) {
        check_errorf(c, start_pos(x->expr), "invalid argument: field %s is embedded via a pointer in %s",
                     sel->u.sel.name->s, tstr(c, base));
        return false;
    }
    sel->u.sel.kind = SEL_FIELD;
    sel->u.sel.obj = s.obj;
    sel->u.sel.path = s.path;
    sel->u.sel.depth = s.depth;
    sel->type = s.obj->type;
    x->mode = MODE_CONST;
    x->val = const_int(field_offset(c, base, s.path, s.depth));
    x->type = c->cc->basic[TY_UINTPTR];
    return true;
}

bool check_builtin(Checker *c, Operand *x, Node *call, Builtin id) {
    NodeList *argl = &call->u.call.args;
    const char *name = builtin_name(id);
    bool is_unsafe = id >= BI_ALIGNOF;
    if (call->u.call.has_dots && id != BI_APPEND) {
        check_errorf(c, start_pos(call), "invalid operation: invalid use of ... with built-in %s", name);
        use_exprs(c, argl);
        return false;
    }
    bool saved_call = c->has_call_or_recv;
    if (id == BI_LEN || id == BI_CAP)
        c->has_call_or_recv = false;
    Operand buf[4];
    Operand *args = NULL;
    int nargs = argl->len;
    bool commaok;
    switch (id) {
    case BI_MAKE: case BI_NEW: case BI_OFFSETOF:
        break;
    default:
        args = check_expr_list(c, argl, false, &nargs, &commaok, buf, 4);
        if (nargs > 0) {
            *x = args[0];
            if (x->mode == MODE_INVALID) {
                c->has_call_or_recv = saved_call;
                return false;
            }
        }
        break;
    }
    bool had_call = c->has_call_or_recv;
    if (id == BI_LEN || id == BI_CAP)
        c->has_call_or_recv = saved_call;
    const BuiltinInfo *bi = &builtin_info[id];
    const char *msg = NULL;
    if (nargs < bi->nargs)
        msg = "not enough";
    else if (!bi->variadic && nargs > bi->nargs)
        msg = "too many";
    if (msg) {
        check_errorf(c, start_pos(call), "invalid operation: %s arguments for %s (expected %d, found %d)", msg,
                     estr(c, call), bi->nargs, nargs);
        return false;
    }
    (void)is_unsafe;
    switch (id) {
    case BI_APPEND:
        return builtin_append(c, x, call, args, nargs);
    case BI_LEN: case BI_CAP:
        return builtin_len_cap(c, x, id, had_call);
    case BI_CLOSE: {
        Type *u = type_underlying(x->type);
        if (!u || u->kind != TY_CHAN) {
            check_errorf(c, start_pos(x->expr), "invalid operation: cannot close non-channel %s", opstr(c, x));
            return false;
        }
        if (u->u.chan.dir == CHAN_RECV) {
            check_errorf(c, start_pos(x->expr), "invalid operation: cannot close receive-only channel %s", opstr(c, x));
            return false;
        }
        x->mode = MODE_NOVALUE;
        return true;
    }
    case BI_COMPLEX:
        return builtin_complex(c, x, call, &args[1]);
    case BI_COPY:
        return builtin_copy(c, x, &args[1]);
    case BI_DELETE: {
        Type *u = type_underlying(x->type);
        if (!u || u->kind != TY_MAP) {
            check_errorf(c, start_pos(x->expr), "invalid argument: %s is not a map", opstr(c, x));
            return false;
        }
        *x = args[1];
        if (x->mode == MODE_INVALID)
            return false;
        check_assignment(c, x, u->u.map.key, "argument to delete");
        if (x->mode == MODE_INVALID)
            return false;
        x->mode = MODE_NOVALUE;
        return true;
    }
    case BI_IMAG: case BI_REAL:
        return builtin_real_imag(c, x, id);
    case BI_MAKE:
        return builtin_make(c, x, call);
    case BI_NEW: {
        Type *t = check_type(c, argl->items[0]);
        if (t->kind == TY_INVALID)
            return false;
        x->mode = MODE_VALUE;
        x->type = pointer_to(c, t);
        return true;
    }
    case BI_PANIC:
        check_assignment(c, x, empty_iface(c), "argument to panic");
        if (x->mode == MODE_INVALID)
            return false;
        x->mode = MODE_NOVALUE;
        return true;
    case BI_PRINT: case BI_PRINTLN: {
        const char *ctx = arena_sprintf(&c->cc->arena, "argument to %s", name);
        for (int i = 0; i < nargs; i++) {
            *x = args[i];
            if (x->mode == MODE_INVALID)
                return false;
            check_assignment(c, x, NULL, ctx);
            if (x->mode == MODE_INVALID)
                return false;
        }
        x->mode = MODE_NOVALUE;
        return true;
    }
    case BI_RECOVER:
        x->mode = MODE_VALUE;
        x->type = empty_iface(c);
        return true;
    case BI_UNSAFE_ADD: {
        check_assignment(c, x, c->cc->basic[TY_UNSAFE_POINTER], "argument to unsafe.Add");
        if (x->mode == MODE_INVALID)
            return false;
        if (!valid_index_arg(c, &args[1], "length", true))
            return false;
        x->mode = MODE_VALUE;
        x->type = c->cc->basic[TY_UNSAFE_POINTER];
        return true;
    }
    case BI_ALIGNOF: case BI_SIZEOF: {
        check_assignment(c, x, NULL, id == BI_SIZEOF ? "argument to unsafe.Sizeof" : "argument to unsafe.Alignof");
        if (x->mode == MODE_INVALID)
            return false;
        x->mode = MODE_CONST;
        x->val = const_int(id == BI_SIZEOF ? type_size(c->cc, x->type) : type_align(c->cc, x->type));
        x->type = c->cc->basic[TY_UINTPTR];
        return true;
    }
    case BI_OFFSETOF:
        return builtin_offsetof(c, x, call);
    case BI_UNSAFE_SLICE: {
        Type *u = type_underlying(x->type);
        if (!u || u->kind != TY_POINTER) {
            check_errorf(c, start_pos(x->expr), "invalid argument: %s is not a pointer", opstr(c, x));
            return false;
        }
        if (!valid_index_arg(c, &args[1], "length", false))
            return false;
        x->mode = MODE_VALUE;
        x->type = slice_of(c, u->u.ptr.elem);
        return true;
    }
    default:
        return false;
    }
}

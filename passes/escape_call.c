// escape_call.c - calls into the location graph (gc's escape/call.go).
//
// A call evaluates its arguments into holes chosen by what is known of the
// callee: for a function analysed earlier, its parameter tags say where each
// argument goes (the heap, or the call's results, with derefs); for one of
// the batch being analysed, arguments flow straight into its parameters and
// its results into the call's holes; for an unknown callee (a function
// value, an interface method) every argument flows to the heap. The callee
// is known when the call names a function or method, calls a func literal
// where it is written, or calls a local variable that is only ever that
// function (gc's ir.StaticValue), or when devirtualize made the call static.
//
// The arguments are what gc's type checker leaves: a method's receiver
// first, a variadic call's extra arguments collected into a slice literal
// ("... argument"), a multi-value call's results in temporaries (f(g())),
// a callee or receiver that itself calls something computed into a
// temporary first (gc's RewriteNonNameCall, f().M()). Builtins follow gc's
// rules one by one (append's appendee and elements, copy, panic, ...).
//
// go and defer wrap the call in a func literal of gc's own, which captures
// each argument evaluated now in a temporary (.autotmp_N): a go statement's
// wrapper, and a deferred one in a loop, escape; a top-level defer's does
// not. At -m=2 the notes name the call as gc does, temporaries included.
#include "passes/escape.h"

#include <stdio.h>
#include <string.h>

// ---------------------------------------------------------------------------
// Static callees (gc's ir.StaticValue)

Node *esc_single_definition(EscPass *p, Obj *var) {
    (void)p;
    return static_definition(var);
}

// The function a call of `fun` statically calls, if known.
static FuncInfo *static_func(EscPass *p, EscWalk *w, Node *fun) {
    (void)p;
    Node *v = static_value(fun);
    // A captured variable inside a literal is the literal's own name in gc,
    // which StaticValue does not look through.
    Node *f = unparen(fun);
    if (f && f->kind == N_IDENT && f->u.ident.obj && f->u.ident.obj->kind == OBJ_VAR && w &&
        f->u.ident.obj->u.var.fn != w->fn->info)
        v = f;
    if (!v)
        return NULL;
    switch (v->kind) {
    case N_IDENT:
        if (v->u.ident.obj && v->u.ident.obj->kind == OBJ_FUNC)
            return v->u.ident.obj->u.func.fn;
        return NULL;
    case N_SELECTOR:
        if ((v->u.sel.kind == SEL_QUALIFIED || v->u.sel.kind == SEL_METHOD_EXPR) && v->u.sel.obj &&
            v->u.sel.obj->kind == OBJ_FUNC)
            return v->u.sel.obj->u.func.fn;
        return NULL;
    case N_FUNCLIT:
        return v->u.funclit.fn;
    default:
        return NULL;
    }
}

// ---------------------------------------------------------------------------
// Arguments

// One argument as gc's call.Args hold it after typecheck.
typedef struct EscArg {
    Node *n;            // the expression ...
    EscLoc *temp;       // ... or a temporary holding a multi-value call's result
    Type *temp_type;
    bool ddd;           // the implicit slice of a variadic call's extra arguments
    Node **elts;        // its elements
    int nelts;
    EscLoc **elt_temps; // go/defer: the temporaries the elements were copied to
    bool wrapped;       // go/defer: temp is the wrapper's copy
} EscArg;

typedef struct CallInfo {
    Node *call;
    EscFn *fn;          // static callee (EscFn), if known
    FuncInfo *fi;
    Node *recv;         // the receiver expression (method calls), NULL otherwise
    Node *recv_sel;     // its selector, for the implicit & and embedded fields
    Obj *method;
    bool method_expr;   // T.m(x, ...): the receiver is the first argument
    Type *sig;          // the callee's signature (without receiver)
    Devirt *devirt;  // an interface call devirtualize made static
    EscLoc *callee_temp;    // gc's RewriteNonNameCall: t := callee (or receiver)
    EscLoc *recv_temp;      // go/defer: the receiver's temporary
    EscLoc *fun_temp;       // go/defer: the callee's temporary
    const char **text;      // the call as -m=2 notes print it, once known
    EscArg *args;
    int nargs;
    Node *wrapper;      // go/defer: the statement, when the call is wrapped
    Node *tuple_call;   // f(g()): g(), whose results are the arguments
} CallInfo;

// A go/defer wrapper captures each argument in a temporary.
static void wrap_argument(EscWalk *w, CallInfo *ci, EscClosure *wrap, EscArg *a, Type *ptype, Pos pos);

static EscHole param_hole(EscWalk *w, EscHole *ks, int nks, CallInfo *ci, int index, Obj *param) {
    return esc_tag_hole(w, ks, nks, ci->fn, index, param);
}

// Evaluates one argument into hole k (gc's argumentFunc: the note, then
// the expression).
// uintptr(p) passed to a //go:uintptrescapes function: p is copied to a
// temporary that flows to the heap (gc's unsafeUintptr).
static bool uintptr_escapes(EscWalk *w, CallInfo *ci, Node *arg) {
    EscPass *p = w->p;
    Node *c = unparen(arg);
    if (!c || c->kind != N_CALL || c->u.call.kind != CALL_CONVERSION || c->u.call.args.len != 1)
        return false;
    Node *x = c->u.call.args.items[0];
    if (esc_ukind(c->type) != TY_UINTPTR || esc_ukind(x->type) != TY_UNSAFE_POINTER)
        return false;
    EscLoc *t = esc_temp_var(w, x->type, c->pos, false);
    EscHole k = esc_hole(t);
    // gc assigns where the operand is, and the conversion then reads the
    // temporary: uintptr(.autotmp_N).
    if (p->explain)
        k = esc_note_at(p, k, arena_sprintf(p->arena, "%s = %s", t->name, expr_string(p->cc, x)), x->pos, "assign");
    esc_expr(w, k, x);
    const char *text = p->explain ? arena_sprintf(p->arena, "%s(%s)", type_string(p->cc, c->type), t->name) : NULL;
    EscHole h = esc_note_at(p, esc_heap_hole(w->b), text, c->pos, "//go:uintptrescapes");
    esc_flow(w->b, h, t);
    (void)ci;
    return true;
}

// The "call parameter" note: the call as it finally reads.
static EscHole call_note(EscPass *p, EscHole k, CallInfo *ci) {
    if (!p->explain)
        return k;
    if (!ci->text) {
        ci->text = ARENA_NEW(p->arena, const char *);
    }
    k = esc_note(p, k, ci->call, "call parameter");
    k.notes->late_text = ci->text;
    return k;
}

// A temporary holding one result of f(g()) passed as an argument of type
// ptype: gc converts the temporary itself, at the call, and names the
// conversion after it.
static void temp_argument(EscWalk *w, EscHole k, Node *call, EscLoc *temp, Type *ptype) {
    EscPass *p = w->p;
    Type *tt = temp->type;
    if (ptype && type_is_interface(ptype) && tt && !type_is_interface(tt)) {
        Pos pos = call->pos;
        if (!type_is_direct_iface(tt)) {
            EscLoc *l = esc_new_loc(w, LOC_ALLOC, true);
            l->alloc = AK_CONVIFACE;
            l->text = temp->name;
            l->pos = pos;
            l->type = tt;
            EscHole a = esc_shift(k, -1);
            if (p->explain)
                a = esc_note_at(p, a, temp->name, pos, "spill");
            esc_flow(w->b, a, l);
            k = esc_hole(l);
        }
        if (p->explain)
            k = esc_note_at(p, k, temp->name, pos, "interface-converted");
    }
    esc_flow(w->b, k, temp);
}

// The implicit slice of a variadic call's extra arguments (gc's "...
// argument"), flowing to k: its elements are the nodes elts or, where
// given, the temporaries temps; none: nil, no slice.
static void esc_implicit_slice(EscWalk *w, EscHole k, Node *call, Node **elts, EscLoc **temps, int n,
                               Type *ptype) {
    EscPass *p = w->p;
    if (n == 0)
        return;
    EscLoc *l = esc_new_loc(w, LOC_ALLOC, true);
    l->alloc = AK_SLICELIT;
    l->n = call;
    l->text = "... argument";
    l->pos = call->pos;
    l->type = ptype;
    l->ssa = escmap_get(&p->ssa_allocs, call);
    EscHole a2 = esc_shift(k, -1);
    if (p->explain)
        a2 = esc_note_at(p, a2, "... argument", call->pos, "spill");
    esc_flow(w->b, a2, l);
    EscHole h = esc_hole(l);
    if (p->explain)
        h = esc_note_at(p, h, "... argument", call->pos, "slice-literal-element");
    Type *et = esc_ukind(ptype) == TY_SLICE ? esc_under(ptype)->u.slice.elem : NULL;
    for (int i = 0; i < n; i++) {
        if (temps && temps[i])
            temp_argument(w, h, call, temps[i], et);
        else if (elts && elts[i])
            esc_expr_to(w, h, elts[i], et, elts[i]->pos);
    }
}

static void argument(EscWalk *w, EscHole k, CallInfo *ci, EscArg *a, Type *ptype) {
    EscPass *p = w->p;
    bool *done = NULL;     // uintptr arguments already copied: their uintptr flows nowhere
    if (ci->fi && (ci->fi->pragmas & PRAGMA_UINTPTRESCAPES)) {
        if (a->ddd) {
            done = ARENA_ARRAY(p->arena, bool, a->nelts + 1);
            for (int i = 0; i < a->nelts; i++)
                done[i] = uintptr_escapes(w, ci, a->elts[i]);
        } else if (a->n && uintptr_escapes(w, ci, a->n)) {
            return;
        }
    }
    k = call_note(p, k, ci);
    if (a->ddd) {
        if (a->nelts == 0)
            return;
        Node **elts = ARENA_ARRAY(p->arena, Node *, a->nelts + 1);
        for (int i = 0; i < a->nelts; i++)
            elts[i] = done && done[i] ? NULL : a->elts[i];
        esc_implicit_slice(w, k, ci->call, elts, a->elt_temps, a->nelts, ptype);
        return;
    }
    if (a->temp) {
        temp_argument(w, k, ci->call, a->temp, ptype);
        return;
    }
    if (a->n)
        esc_expr_to(w, k, a->n, ptype, a->n->pos);
}

// The parameter types of sig, and whether it is variadic.
static int sig_params(Type *sig, Type ***params, bool *variadic) {
    Type *u = esc_under(sig);
    if (!u || u->kind != TY_FUNC) {
        *params = NULL;
        *variadic = false;
        return 0;
    }
    *params = u->u.func.params;
    *variadic = u->u.func.variadic;
    return u->u.func.nparams;
}

// The call's arguments as gc's IR has them (variadic ones collected, a
// multi-value call's results in temporaries).
static void collect_args(EscWalk *w, CallInfo *ci, NodeList *args, int skip) {
    EscPass *p = w->p;
    Type **params;
    bool variadic;
    int np = sig_params(ci->sig, &params, &variadic);
    int given = args->len - skip;
    ci->args = ARENA_ARRAY(p->arena, EscArg, np + 1);
    ci->nargs = np;
    Node **items = args->items ? args->items + skip : NULL;    // an empty list may have no array
    // f(g()) with g returning several values: its results go into
    // temporaries first (gc's RewriteMultiValueCall).
    if (given == 1 && items[0]->type && items[0]->type->kind == TY_TUPLE && items[0]->kind == N_CALL) {
        Node *inner = items[0];
        ci->tuple_call = inner;
        Type *tt = items[0]->type;
        int n = tt->u.tuple.n;
        EscLoc **temps = ARENA_ARRAY(p->arena, EscLoc *, n + 1);
        EscHole *ks = ARENA_ARRAY(p->arena, EscHole, n + 1);
        for (int i = 0; i < n; i++) {
            temps[i] = esc_temp_var(w, tt->u.tuple.types[i], inner->pos, true);
            ks[i] = esc_hole(temps[i]);
        }
        esc_call(w, ks, n, inner);
        for (int i = 0; i < np; i++) {
            if (variadic && i == np - 1 && !ci->call->u.call.has_dots) {
                // The rest are collected as a ... argument of temporaries.
                ci->args[i].ddd = true;
                ci->args[i].nelts = n > i ? n - i : 0;
                ci->args[i].elts = ARENA_ARRAY(p->arena, Node *, ci->args[i].nelts + 1);
                ci->args[i].elt_temps = temps + i;
                continue;
            }
            if (i < n) {
                ci->args[i].temp = temps[i];
                ci->args[i].temp_type = tt->u.tuple.types[i];
            }
        }
        return;
    }
    for (int i = 0; i < np; i++) {
        if (variadic && i == np - 1 && !ci->call->u.call.has_dots) {
            ci->args[i].ddd = true;
            ci->args[i].elts = i < given ? items + i : NULL;
            ci->args[i].nelts = given > i ? given - i : 0;
            continue;
        }
        if (i < given)
            ci->args[i].n = items[i];
    }
}

static Obj *sig_param_obj(FuncInfo *fi, int i) {
    return fi && i < fi->nparams ? fi->params[i] : NULL;
}

static void common_call(EscWalk *w, EscHole *ks, int nks, CallInfo *ci, EscClosure *wrap);
static void capture_temp(EscWalk *w, EscClosure *wrap, EscLoc *t, Pos pos);

// Builtins that gc's escape analysis treats as calls.
static void builtin_call(EscWalk *w, EscHole *ks, int nks, Node *call, EscClosure *wrap) {
    EscPass *p = w->p;
    EscBatch *b = w->b;
    NodeList *a = &call->u.call.args;
    CallInfo ci = {.call = call};
    EscHole k0 = ks && nks > 0 ? ks[0] : esc_discard_hole(b);
    // Each operand, wrapped by a go/defer wrapper first when there is one.
    EscArg *args = ARENA_ARRAY(p->arena, EscArg, a->len + 1);
    for (int i = 0; i < a->len; i++)
        args[i].n = a->items[i];
    switch (call->u.call.builtin) {
    case BI_APPEND: {
        if (a->len == 0)
            return;
        Type *st = call->type;
        Type *et = esc_ukind(st) == TY_SLICE ? esc_under(st)->u.slice.elem : NULL;
        EscHole appendee = k0;
        if (esc_type_has_pointers(et)) {
            EscHole two[2] = {k0, esc_deref(p, esc_heap_hole(b), call, "appendee slice")};
            appendee = esc_tee(w, two, 2);
        }
        if (wrap)
            wrap_argument(w, &ci, wrap, &args[0], st, call->pos);
        argument(w, appendee, &ci, &args[0], st);
        if (call->u.call.has_dots) {
            EscHole appended = esc_discard_hole(b);
            if (a->len > 1 && esc_ukind(a->items[1]->type) == TY_SLICE &&
                esc_type_has_pointers(esc_under(a->items[1]->type)->u.slice.elem))
                appended = esc_deref(p, esc_heap_hole(b), call, "appended slice...");
            if (a->len > 1) {
                if (wrap)
                    wrap_argument(w, &ci, wrap, &args[1], a->items[1]->type, call->pos);
                argument(w, appended, &ci, &args[1], NULL);
            }
        } else {
            Pos at = a->items[a->len - 1]->pos;
            for (int i = 1; i < a->len; i++) {
                if (wrap)
                    wrap_argument(w, &ci, wrap, &args[i], et, call->pos);
                EscHole h = esc_note(p, esc_heap_hole(b), call, "call parameter");
                if (args[i].temp)
                    esc_flow(b, h, args[i].temp);
                else
                    esc_expr_to(w, h, args[i].n, et, at);
            }
        }
        return;
    }
    case BI_COPY: {
        if (a->len < 2)
            return;
        if (wrap)
            wrap_argument(w, &ci, wrap, &args[0], a->items[0]->type, call->pos);
        argument(w, esc_discard_hole(b), &ci, &args[0], NULL);
        EscHole copied = esc_discard_hole(b);
        if (esc_ukind(a->items[1]->type) == TY_SLICE && esc_type_has_pointers(esc_under(a->items[1]->type)->u.slice.elem))
            copied = esc_deref(p, esc_heap_hole(b), call, "copied slice");
        if (wrap)
            wrap_argument(w, &ci, wrap, &args[1], a->items[1]->type, call->pos);
        argument(w, copied, &ci, &args[1], NULL);
        return;
    }
    case BI_PANIC:
        if (a->len < 1)
            return;
        if (wrap)
            wrap_argument(w, &ci, wrap, &args[0], p->cc->any_type, call->pos);
        if (!args[0].temp && esc_is_const(unparen(args[0].n))) {
            // Stenciled code converts the argument where it is written
            // (gc's stenciler redoes the implicit conversions), other code
            // at the call's parenthesis.
            bool shape = w->fn && w->fn->info && w->fn->info->shape;
            esc_expr_to_const_at(w, esc_note(p, esc_heap_hole(b), call, "call parameter"), args[0].n, p->cc->any_type,
                             shape ? args[0].n->pos : call->pos);
            return;
        }
        argument(w, esc_heap_hole(b), &ci, &args[0], p->cc->any_type);
        return;
    case BI_UNSAFE_ADD:
    case BI_UNSAFE_SLICE:
        if (a->len < 2)
            return;
        if (wrap) {
            wrap_argument(w, &ci, wrap, &args[0], a->items[0]->type, call->pos);
            wrap_argument(w, &ci, wrap, &args[1], a->items[1]->type, call->pos);
        }
        argument(w, k0, &ci, &args[0], NULL);
        argument(w, esc_discard_hole(b), &ci, &args[1], NULL);
        return;
    default:
        for (int i = 0; i < a->len; i++) {
            Type *pt = a->items[i]->type;
            // delete(m, k) converts k to the map's key type.
            if (call->u.call.builtin == BI_DELETE && i == 1 && esc_ukind(a->items[0]->type) == TY_MAP)
                pt = esc_under(a->items[0]->type)->u.map.key;
            if (wrap)
                wrap_argument(w, &ci, wrap, &args[i], pt, call->pos);
            if (call->u.call.builtin == BI_DELETE && i == 1 && !args[i].temp && esc_is_const(unparen(args[i].n))) {
                esc_expr_to_const_at(w, esc_note(p, esc_discard_hole(b), call, "call parameter"), args[i].n, pt,
                                 a->items[0]->pos);
                continue;
            }
            argument(w, esc_discard_hole(b), &ci, &args[i], pt);
        }
        return;
    }
}

// Fills ci for a call of a function, method or interface method.
static void describe_call(EscWalk *w, CallInfo *ci, Node *call) {
    EscPass *p = w->p;
    ci->call = call;
    Node *fun = unparen(call->u.call.fun);
    NodeList *args = &call->u.call.args;
    Devirt *dv = devirt_of(p->prog, call);
    int skip = 0;
    if (dv && fun && fun->kind == N_SELECTOR) {
        // gc makes the method call a call of the method expression here
        // (FixMethodCall): messages from now on print it so.
        dv->escape_reached = true;
        ci->devirt = dv;
        ci->recv = fun->u.sel.x;
        ci->recv_sel = fun;
        ci->sig = fun->type;
        if (!dv->partial) {
            ci->method = dv->method;
            ci->fi = esc_method_fn(dv->method);
            if (ci->fi && ci->fi->sig)
                ci->sig = ci->fi->sig;
        }
    } else if (call->u.call.kind == CALL_METHOD && fun && fun->kind == N_SELECTOR) {
        ci->method = fun->u.sel.obj;
        ci->fi = esc_method_fn(ci->method);
        ci->recv = fun->u.sel.x;
        ci->recv_sel = fun;
        ci->sig = ci->method ? ci->method->type : fun->type;
    } else if (call->u.call.kind == CALL_INTERFACE && fun && fun->kind == N_SELECTOR) {
        ci->recv = fun->u.sel.x;
        ci->recv_sel = fun;
        ci->sig = fun->type;
    } else {
        if (fun && fun->kind == N_FUNCLIT) {
            EscFn *lf = esc_fn_of(p, fun->u.funclit.fn);
            if (lf)
                lf->closure_called = true;
        }
        ci->fi = static_func(p, w, fun);
        ci->sig = fun ? fun->type : NULL;
        if (fun && fun->kind == N_SELECTOR && fun->u.sel.kind == SEL_METHOD_EXPR) {
            ci->method_expr = true;
            ci->method = fun->u.sel.obj;
            if (!ci->fi)
                ci->fi = esc_method_fn(ci->method);
            // The method's own signature, without the receiver the first
            // argument is (an interface's method has no body to ask).
            if (ci->fi || (ci->method && ci->method->type && ci->method->type->kind == TY_FUNC))
                ci->sig = ci->method->type;
            skip = 1;
        } else if (ci->fi && ci->fi->recv && ci->fi->obj) {
            // A func value known to hold a method expression, h := T.M;
            // h(x, ...): gc calls the method, its receiver the first argument.
            ci->method_expr = true;
            ci->method = ci->fi->obj;
            skip = 1;
        }
        if (ci->fi && ci->fi->sig)
            ci->sig = ci->fi->sig;
    }
    ci->fn = esc_fn_of(p, ci->fi);
    collect_args(w, ci, args, skip);
}

Node *esc_callee_call(Node *call) {
    if (call->u.call.kind != CALL_FUNC)
        return NULL;
    Node *f = unparen(call->u.call.fun);
    while (f && f->kind == N_CALL && f->u.call.kind == CALL_CONVERSION && f->u.call.args.len == 1)
        f = unparen(f->u.call.args.items[0]);
    return f && f->kind == N_CALL ? f : NULL;
}

// "r, a := x, y" with the receiver's value x replaced by the temporary.
static const char *temp_params_text(EscPass *p, const char *text, const char *tmp) {
    const char *eq = strstr(text, " := ");
    if (!eq)
        return text;
    const char *rest = eq + 4;
    // The receiver's text ends at the first comma outside brackets.
    int depth = 0;
    const char *end = rest;
    for (; *end; end++) {
        if (*end == '(' || *end == '[' || *end == '{')
            depth++;
        else if (*end == ')' || *end == ']' || *end == '}')
            depth--;
        else if (*end == ',' && depth == 0)
            break;
        else if (*end == '"') {
            for (end++; *end && *end != '"'; end++)
                if (*end == '\\' && end[1])
                    end++;
            if (!*end)
                break;
        }
    }
    return arena_sprintf(p->arena, "%.*s%s%s", (int)(rest - text), text, tmp, end);
}

// gc's text of the parameter assignment when the values are f(g())'s
// temporaries or end in the implicit slice: "a, ps := .autotmp_1, ... argument".
static const char *inlined_params_text(EscPass *p, const InlinedCall *ic, Node *call, EscLoc **temps, int nvals,
                                       bool variadic) {
    Arena *a = p->arena;
    NodeList *args = &call->u.call.args;
    Node *fun = unparen(call->u.call.fun);
    bool method = call->u.call.kind == CALL_METHOD && fun->kind == N_SELECTOR;
    const char *lhs = NULL, *rhs = NULL;
    int v = 0;
    for (int i = -1; i < ic->nparams; i++) {
        Obj *o = i < 0 ? ic->recv : ic->params[i];
        if (i < 0 && !o)
            continue;
        const char *name = o && o->name ? o->name->s : "_";
        const char *val;
        if (i < 0 && method) {
            val = expr_string(p->cc, fun->u.sel.x);
        } else if (variadic && i == ic->nparams - 1) {
            val = v < nvals ? "... argument" : "nil";
        } else if (v < nvals) {
            val = temps ? temps[v]->name : expr_string(p->cc, args->items[v]);
            v++;
        } else {
            val = "nil";
        }
        lhs = lhs ? arena_sprintf(a, "%s, %s", lhs, name) : name;
        rhs = rhs ? arena_sprintf(a, "%s, %s", rhs, val) : val;
    }
    return lhs ? arena_sprintf(a, "%s := %s", lhs, rhs) : NULL;
}

// A call the inline pass inlined, as gc's escape analysis sees the inlined
// call: the arguments assigned to fresh parameters, the body (a copy with
// fresh variables, its returns made assignments to fresh results) walked in
// the caller; the results are the call's values. Calls the inline pass did
// not splice (InlinedCall.spliced) stay calls.
static void inlined(EscWalk *w, EscHole *ks, int nks, Node *call, const InlinedCall *ic) {
    EscPass *p = w->p;
    NodeList *args = &call->u.call.args;
    Node *fun = unparen(call->u.call.fun);
    int a = 0;
    const char *text = ic->params_text;
    // gc's RewriteNonNameCall ran before inlining: a callee or receiver that
    // calls something was computed into a temporary first, f()(...) (the
    // callee inlined call's body then runs here, its result naming what is
    // called) or f().M(...).
    bool method = call->u.call.kind == CALL_METHOD && fun->kind == N_SELECTOR;
    Node *x = method ? fun->u.sel.x : call->u.call.kind == CALL_FUNC ? call->u.call.fun : NULL;
    EscLoc *tmp = NULL;
    if (x && tree_calls_or_chans(x)) {
        Obj *m = method ? fun->u.sel.obj : NULL;
        Type *t = m && m->kind == OBJ_FUNC && m->u.func.recv ? m->u.func.recv : x->type;
        tmp = esc_temp_var(w, t, call->pos, true);
        tmp->loop_depth = 1;
        EscHole k = esc_hole(tmp);
        if (p->explain)
            k = esc_note_at(p, k, arena_sprintf(p->arena, "%s := %s", tmp->name, expr_string(p->cc, x)), call->pos,
                            "assign");
        if (method)
            esc_receiver(w, k, fun, m);
        else
            esc_expr(w, k, call->u.call.fun);
        if (method && p->explain && text)
            text = temp_params_text(p, text, tmp->name);
    }
    // f(g()) of several values: gc's type checker put them in temporaries
    // first (tc temporaries, as for a call that is not inlined).
    Node *multi = args->len == 1 ? unparen(args->items[0]) : NULL;
    EscLoc **temps = NULL;
    int nvals = args->len;
    if (multi && multi->kind == N_CALL && multi->type && multi->type->kind == TY_TUPLE) {
        nvals = multi->type->u.tuple.n;
        temps = ARENA_ARRAY(p->arena, EscLoc *, nvals + 1);
        EscHole *tk = ARENA_ARRAY(p->arena, EscHole, nvals + 1);
        for (int i = 0; i < nvals; i++) {
            temps[i] = esc_temp_var(w, multi->type->u.tuple.types[i], multi->pos, true);
            tk[i] = esc_hole(temps[i]);
        }
        esc_call(w, tk, nvals, multi);
    }
    bool variadic = ic->callee->sig && esc_ukind(ic->callee->sig) == TY_FUNC &&
                    esc_under(ic->callee->sig)->u.func.variadic && !call->u.call.has_dots;
    if (p->explain && (temps || variadic)) {
        text = inlined_params_text(p, ic, call, temps, nvals, variadic);
        if (method && tmp && text)
            text = temp_params_text(p, text, tmp->name);
    }
    // gc declares the parameters and results where the call is (ODCL):
    // they live at its loop depth.
    if (ic->recv)
        esc_var_loc(w, ic->recv)->loop_depth = w->loop_depth;
    for (int i = 0; i < ic->nparams; i++)
        if (ic->params[i] && ic->params[i]->name && !name_is(ic->params[i]->name, "_"))
            esc_var_loc(w, ic->params[i])->loop_depth = w->loop_depth;
    for (int i = 0; i < ic->nresults; i++)
        if (ic->results[i])
            esc_var_loc(w, ic->results[i])->loop_depth = w->loop_depth;
#define PARAM_HOLE(obj) esc_note_at(p, esc_hole(esc_var_loc(w, (obj))), text, call->pos, "assign-pair")
    if (ic->recv) {
        EscHole k = PARAM_HOLE(ic->recv);
        if (method && tmp)
            esc_flow(w->b, k, tmp);
        else if (method)
            esc_receiver(w, k, fun, fun->u.sel.obj);
        else if (temps)
            esc_flow(w->b, k, temps[a++]);
        else
            esc_expr_to(w, k, args->items[a], ic->recv->type, args->items[a]->pos), a++;
    }
    for (int i = 0; i < ic->nparams; i++, a++) {
        Obj *param = ic->params[i];
        bool blank = !param || (param->name && name_is(param->name, "_"));
        if (variadic && i == ic->nparams - 1) {
            // The implicit slice of the rest, gc's "... argument".
            EscHole k = blank ? esc_discard_hole(w->b) : PARAM_HOLE(param);
            esc_implicit_slice(w, k, call, temps ? NULL : args->items + a, temps ? temps + a : NULL,
                               a < nvals ? nvals - a : 0, param ? param->type : NULL);
            break;
        }
        if (a >= nvals)
            break;
        if (blank) {
            if (!temps)
                esc_discard(w, args->items[a]);
            continue;
        }
        EscHole k = PARAM_HOLE(param);
        if (temps) {
            esc_flow(w->b, k, temps[a]);
            continue;
        }
        Node *arg = args->items[a];
        esc_expr_to(w, k, arg, param->type, arg->pos);
    }
#undef PARAM_HOLE
    EscLoc **res = ARENA_ARRAY(p->arena, EscLoc *, ic->nresults > 0 ? ic->nresults : 1);
    for (int i = 0; i < ic->nresults; i++)
        res[i] = esc_var_loc(w, ic->results[i]);
    EscFn *fn = w->fn;
    EscLoc **saved = fn->results;
    int nsaved = fn->nresults;
    fn->results = res;
    fn->nresults = ic->nresults;
    esc_stmts(w, &ic->body->u.block.stmts);
    fn->results = saved;
    fn->nresults = nsaved;
    for (int i = 0; i < nks && i < ic->nresults; i++)
        esc_flow(w->b, ks[i], res[i]);
}

void esc_call(EscWalk *w, EscHole *ks, int nks, Node *call) {
    const InlinedCall *ic = inlined_call(w->p->prog, call);
    if (ic && ic->spliced) {
        inlined(w, ks, nks, call, ic);
        return;
    }
    if (call->u.call.kind == CALL_BUILTIN) {
        builtin_call(w, ks, nks, call, NULL);
        return;
    }
    if (call->u.call.kind == CALL_CONVERSION) {
        if (ks && nks > 0)
            esc_conversion(w, ks[0], call);
        else
            esc_conversion(w, esc_discard_hole(w->b), call);
        return;
    }
    CallInfo ci = {0};
    describe_call(w, &ci, call);
    common_call(w, ks, nks, &ci, NULL);
}

// The receiver of a devirtualized call: x.(T), then T's embedded fields up
// to the method, then the implicit & or * its receiver needs.
static void devirt_receiver(EscWalk *w, EscHole k, CallInfo *ci) {
    EscPass *p = w->p;
    Devirt *d = ci->devirt;
    Node *sel = ci->recv_sel;
    Type *t = d->typ;
    bool ptr[16] = {0};
    int depth = d->depth < 16 ? d->depth : 16;
    for (int i = 0; i < depth; i++) {
        Type *u = esc_under(t);
        if (u && u->kind == TY_POINTER) {
            ptr[i] = true;
            u = esc_under(u->u.ptr.elem);
        }
        if (!u || u->kind != TY_STRUCT || d->path[i] >= u->u.strct.nfields)
            break;
        t = u->u.strct.fields[d->path[i]].type;
    }
    if (!d->partial && d->method && d->method->u.func.recv && k.derefs >= 0 &&
        !esc_type_has_pointers(d->method->u.func.recv))
        k = esc_discard_hole(w->b);     // as esc_receiver
    // The notes name the nodes of gc's rewritten call (d->steps).
    if (!d->partial && d->method) {
        bool want_ptr = esc_method_ptr_recv(d->method);
        bool have_ptr = esc_ukind(t) == TY_POINTER;
        if (want_ptr && !have_ptr)
            k = esc_addr(p, k, d->steps[depth], "address-of");
        else if (!want_ptr && have_ptr)
            k = esc_deref(p, k, d->steps[depth], "indirection");
    }
    for (int i = depth - 1; i >= 0; i--)
        k = ptr[i] ? esc_deref(p, k, d->steps[i + 1], "dot of pointer") : esc_note(p, k, d->steps[i + 1], "dot");
    if (!type_is_interface(d->typ) && !type_is_direct_iface(d->typ))
        k = esc_shift(k, 1);
    k = esc_note(p, k, d->steps[0], "dot");
    esc_expr(w, k, sel->u.sel.x);
}

static const char *arg_text(EscPass *p, EscArg *a) {
    if (a->temp)
        return a->temp->name;
    if (a->ddd)
        return a->nelts ? "... argument..." : "nil...";
    return a->n ? expr_string(p->cc, a->n) : "nil";
}

// The receiver type as a method expression names it: T or (*T).
static const char *method_recv_text(EscPass *p, Obj *m) {
    Type *rt = m && m->kind == OBJ_FUNC ? m->u.func.recv : NULL;
    if (!rt)
        return "?";
    Type *u = esc_under(rt);
    if (rt->kind == TY_POINTER || (u && u->kind == TY_POINTER && rt->kind != TY_NAMED)) {
        Type *e = rt->kind == TY_POINTER ? rt->u.ptr.elem : u->u.ptr.elem;
        return arena_sprintf(p->arena, "(*%s)", type_string(p->cc, e));
    }
    return type_string(p->cc, rt);
}

// The call as gc prints it once temporaries replaced some of its parts:
// in its "call parameter" notes and, when gc's RewriteNonNameCall put its
// callee or receiver in a temporary (not for go or defer, whose call moves
// into a wrapper), wherever it is printed from now on (esc_call_text).
static void finish_call_text(EscPass *p, CallInfo *ci, bool wrapped) {
    bool publish = !wrapped && ci->callee_temp && p->m >= 1;
    if (!publish && (!p->explain || !ci->text))
        return;
    bool rewritten = ci->callee_temp || ci->recv_temp || ci->fun_temp;
    // f(g()) reads as written whatever holds g's results.
    for (int i = 0; i < ci->nargs && !rewritten && !ci->tuple_call; i++)
        rewritten = ci->args[i].wrapped || (ci->args[i].ddd && ci->args[i].elt_temps);
    if (!rewritten)
        return;
    Node *call = ci->call;
    Node *fun = unparen(call->u.call.fun);
    size_t cap = 256;
    const char **parts = ARENA_ARRAY(p->arena, const char *, ci->nargs + 2);
    int n = 0;
    const char *head;
    EscLoc *rt = ci->recv_temp ? ci->recv_temp : ci->callee_temp;
    if (ci->recv && (ci->method || ci->devirt) && !(ci->devirt && ci->devirt->partial)) {
        Obj *m = ci->method;
        head = arena_sprintf(p->arena, "%s.%s", method_recv_text(p, m), m && m->name ? m->name->s : "?");
        parts[n++] = rt ? rt->name : expr_string(p->cc, ci->recv);
    } else if (ci->recv) {
        head = arena_sprintf(p->arena, "%s.%s", rt ? rt->name : expr_string(p->cc, ci->recv),
                             fun && fun->kind == N_SELECTOR ? fun->u.sel.name->s : "?");
    } else if (ci->fun_temp || ci->callee_temp) {
        head = (ci->fun_temp ? ci->fun_temp : ci->callee_temp)->name;
    } else {
        head = expr_string(p->cc, call->u.call.fun);
    }
    if (ci->method_expr && call->u.call.args.len)
        parts[n++] = ci->recv_temp ? ci->recv_temp->name : expr_string(p->cc, call->u.call.args.items[0]);
    if (ci->tuple_call)
        parts[n++] = expr_string(p->cc, ci->tuple_call);
    for (int i = 0; i < ci->nargs && !ci->tuple_call; i++)
        parts[n++] = arg_text(p, &ci->args[i]);
    for (int i = 0; i < n; i++)
        cap += strlen(parts[i]) + 2;
    cap += strlen(head);
    char *buf = arena_alloc(p->arena, cap);
    size_t len = (size_t)snprintf(buf, cap, "%s(", head);
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", i ? ", " : "", parts[i]);
    snprintf(buf + len, cap - len, ")");
    if (ci->text)
        *ci->text = buf;
    if (publish)
        escmap_put(p->arena, &p->call_texts, call, buf);
}

// gc's RewriteNonNameCall: a callee (or a method's receiver) that calls
// something is computed first into a temporary, t := expr. gc declares it
// without a declaration statement, so it stays at loop depth 1.
static void rewrite_non_name_call(EscWalk *w, CallInfo *ci) {
    EscPass *p = w->p;
    Node *call = ci->call;
    bool is_func_call = !ci->recv && !ci->method_expr;
    Node *x = is_func_call ? call->u.call.fun : ci->recv;
    if (!x || !tree_calls_or_chans(x))
        return;
    Type *t = x->type;
    if (!is_func_call && ci->method && ci->method->kind == OBJ_FUNC && ci->method->u.func.recv && !ci->devirt)
        t = ci->method->u.func.recv;
    EscLoc *tmp = esc_temp_var(w, t, call->pos, true);
    tmp->loop_depth = 1;
    EscHole k = esc_hole(tmp);
    if (p->explain)
        k = esc_note_at(p, k, arena_sprintf(p->arena, "%s := %s", tmp->name, expr_string(p->cc, x)), call->pos,
                        "assign");
    if (is_func_call)
        esc_expr(w, k, call->u.call.fun);
    else if (ci->devirt)
        devirt_receiver(w, k, ci);
    else
        esc_receiver(w, k, ci->recv_sel, ci->method);
    ci->callee_temp = tmp;
}

static void common_call(EscWalk *w, EscHole *ks, int nks, CallInfo *ci, EscClosure *wrap) {
    EscPass *p = w->p;
    EscBatch *b = w->b;
    Node *call = ci->call;
    Node *fun = unparen(call->u.call.fun);
    EscFn *fn = ci->fn;
    FuncInfo *fi = ci->fi;
    rewrite_non_name_call(w, ci);
    // A callee of this batch: its results flow straight into the holes.
    if (ks && fn && fn->state > FN_UNKNOWN && fn->state < FN_TAGGED)
        for (int i = 0; i < nks && i < fn->nresults; i++)
            if (fn->results[i])
                esc_flow(b, ks[i], fn->results[i]);
    bool is_func_call = !ci->recv && !ci->method_expr;
    if (is_func_call) {
        // The callee expression itself (a func literal allocates).
        EscArg callee = {.n = call->u.call.fun, .temp = ci->callee_temp};
        bool plain = fun && ((fun->kind == N_IDENT && fun->u.ident.obj && fun->u.ident.obj->kind == OBJ_FUNC) ||
                             (fun->kind == N_SELECTOR && fun->u.sel.kind == SEL_QUALIFIED));
        if (wrap && !plain) {
            wrap_argument(w, ci, wrap, &callee, fun ? fun->type : NULL, call->pos);
            ci->fun_temp = callee.temp;
        }
        EscHole k = call_note(p, esc_discard_hole(b), ci);
        if (callee.temp)
            esc_flow(b, k, callee.temp);
        else
            esc_expr(w, k, call->u.call.fun);
    }
    // The receiver.
    if (ci->recv || ci->method_expr) {
        EscHole k = param_hole(w, ks, nks, ci, 0, fi ? fi->recv : NULL);
        if (ci->method_expr) {
            EscArg ra = {.n = call->u.call.args.len ? call->u.call.args.items[0] : NULL};
            Type *rt = ci->method && ci->method->kind == OBJ_FUNC ? ci->method->u.func.recv : NULL;
            if (wrap && ra.n) {
                wrap_argument(w, ci, wrap, &ra, rt, call->pos);
                ci->recv_temp = ra.temp;
            }
            argument(w, k, ci, &ra, rt);
        } else if (wrap) {
            // The receiver, adjusted, goes into the wrapper's temporary.
            EscArg ra = {0};
            Node *x = ci->recv_sel->u.sel.x;
            Type *rt = ci->recv->type;
            if (ci->method && ci->method->kind == OBJ_FUNC && ci->method->u.func.recv)
                rt = ci->method->u.func.recv;
            // A devirtualized call's receiver is x.(T) and T's embedded fields.
            Node *dx = ci->devirt ? ci->devirt->steps[ci->devirt->depth] : NULL;
            if (dx && ci->devirt->partial)
                rt = dx->type;
            if (ci->callee_temp) {
                ra.temp = ci->callee_temp;
                wrap_argument(w, ci, wrap, &ra, rt, call->pos);
            } else {
                if (dx)
                    x = dx;
                Pos tpos = unparen(x) && unparen(x)->kind == N_IDENT ? call->pos : x->pos;
                EscLoc *t = esc_temp_var(w, rt, tpos, false);
                EscHole tk = esc_hole(t);
                if (p->explain)
                    tk = esc_note_at(p, tk, arena_sprintf(p->arena, "%s = %s", t->name, expr_string(p->cc, x)),
                                     tpos, "assign");
                if (ci->devirt)
                    devirt_receiver(w, tk, ci);
                else
                    esc_receiver(w, tk, ci->recv_sel, ci->method);
                capture_temp(w, wrap, t, call->pos);
                ra.temp = t;
            }
            ci->recv_temp = ra.temp;
            argument(w, k, ci, &ra, NULL);
        } else if (ci->callee_temp) {
            esc_flow(b, call_note(p, k, ci), ci->callee_temp);
        } else if (ci->devirt) {
            devirt_receiver(w, call_note(p, k, ci), ci);
        } else {
            esc_receiver(w, call_note(p, k, ci), ci->recv_sel, ci->method);
        }
    }
    Type **params;
    bool variadic;
    int np = sig_params(ci->sig, &params, &variadic);
    for (int i = 0; i < np && i < ci->nargs; i++) {
        int index = i + (fi && fi->recv ? 1 : 0);
        if (!fi && (ci->recv || ci->method_expr))
            index = i + 1;
        EscHole k = param_hole(w, ks, nks, ci, index, sig_param_obj(fi, i));
        if (wrap)
            wrap_argument(w, ci, wrap, &ci->args[i], params[i], call->pos);
        argument(w, k, ci, &ci->args[i], params[i]);
    }
    finish_call_text(p, ci, wrap != NULL);
}

// ---------------------------------------------------------------------------
// go and defer

static void capture_temp(EscWalk *w, EscClosure *wrap, EscLoc *t, Pos pos) {
    t->captured = true;
    ptrvec_push(w->p->arena, &wrap->captured, t);
    Pos *cp = ARENA_NEW(w->p->arena, Pos);
    *cp = pos;
    ptrvec_push(w->p->arena, &wrap->captured_pos, cp);
}

// Copies one argument into a temporary the wrapper captures (gc's
// wrapExpr), so the call, run later, reads the temporary.
static void wrap_one(EscWalk *w, EscClosure *wrap, Node **np, EscLoc **temp_out, Type *ptype, Pos pos) {
    EscPass *p = w->p;
    Node *n = *np;
    Node *u = unparen(n);
    if (!u || esc_is_nil(u))
        return;
    // A constant stays in the call, unless it is converted to an interface
    // (then the conversion is the argument).
    if (esc_is_const(u) && !(ptype && type_is_interface(ptype) && u->type && !type_is_interface(u->type)))
        return;
    if (u->kind == N_IDENT && u->u.ident.obj && u->u.ident.obj->kind == OBJ_FUNC)
        return;
    if (u->kind == N_SELECTOR && (u->u.sel.kind == SEL_METHOD_EXPR ||
                                  (u->u.sel.kind == SEL_QUALIFIED && u->u.sel.obj && u->u.sel.obj->kind == OBJ_FUNC)))
        return;
    // gc names the temporary at the argument, unless the argument is a
    // plain name (no position of its own): then at the call.
    Pos tpos = u->kind == N_IDENT ? pos : n->pos;
    bool converts = ptype && type_is_interface(ptype) && u->type && !type_is_interface(u->type);
    // A constant is converted at the call (where the SSA, if the code is
    // reachable, has it too).
    Pos conv_at = esc_is_const(u) ? pos : n->pos;
    if (converts)
        tpos = esc_conv_pos(p, n, conv_at);  // the conversion is the argument
    Type *tt = ptype ? ptype : n->type;
    EscLoc *t = esc_temp_var(w, tt, tpos, false);
    t->loop_depth = w->loop_depth;
    EscHole k = esc_hole(t);
    if (p->explain) {
        const char *text = arena_sprintf(p->arena, "%s = %s", t->name, expr_string(p->cc, n));
        k = esc_note_at(p, k, text, tpos, "assign");
    }
    esc_expr_to(w, k, n, ptype, conv_at);
    capture_temp(w, wrap, t, pos);
    *temp_out = t;
}

// A multi-value call's temporary is copied once more, as any name, converted
// to the parameter's type on the way.
static EscLoc *wrap_temp(EscWalk *w, CallInfo *ci, EscClosure *wrap, EscLoc *src, Type *ptype, Pos pos) {
    EscPass *p = w->p;
    bool converts = ptype && type_is_interface(ptype) && src->type && !type_is_interface(src->type);
    EscLoc *t = esc_temp_var(w, converts ? ptype : src->type, pos, false);
    EscHole k = esc_hole(t);
    if (p->explain)
        k = esc_note_at(p, k, arena_sprintf(p->arena, "%s = %s", t->name, src->name), pos, "assign");
    temp_argument(w, k, ci->call, src, ptype);
    capture_temp(w, wrap, t, pos);
    return t;
}

static void wrap_argument(EscWalk *w, CallInfo *ci, EscClosure *wrap, EscArg *a, Type *ptype, Pos pos) {
    if (a->temp) {
        a->temp = wrap_temp(w, ci, wrap, a->temp, ptype, pos);
        a->wrapped = true;
        return;
    }
    if (a->ddd) {
        // gc peels the slice literal: each element gets its temporary, the
        // literal itself is made when the wrapper runs.
        Type *et = esc_ukind(ptype) == TY_SLICE ? esc_under(ptype)->u.slice.elem : NULL;
        EscLoc **results = a->elt_temps;    // f(g()): g's results
        a->elt_temps = ARENA_ARRAY(w->p->arena, EscLoc *, a->nelts + 1);
        for (int i = 0; i < a->nelts; i++) {
            Node *e = a->elts[i];
            if (results && results[i])
                a->elt_temps[i] = wrap_temp(w, ci, wrap, results[i], et, pos);
            else
                wrap_one(w, wrap, &e, &a->elt_temps[i], et, pos);
        }
        return;
    }
    EscLoc *t = NULL;
    Node *n = a->n;
    if (!n)
        return;
    wrap_one(w, wrap, &n, &t, ptype, pos);
    if (t) {
        a->temp = t;
        a->n = NULL;
        a->wrapped = true;
    }
}

void esc_go_defer(EscWalk *w, Node *s) {
    EscPass *p = w->p;
    EscBatch *b = w->b;
    EscHole k = esc_heap_hole(b);
    if (s->kind == N_DEFER && w->loop_depth == 1)
        k = esc_later(w, esc_discard_hole(b));
    Node *call = unparen(s->u.unary.x);
    if (!call || call->kind != N_CALL)
        return;
    // A call of a function value without arguments or results is deferred
    // as it is.
    if (call->u.call.kind == CALL_FUNC) {
        Node *fun = unparen(call->u.call.fun);
        Type *sig = fun ? esc_under(fun->type) : NULL;
        bool is_mexpr = fun && fun->kind == N_SELECTOR && fun->u.sel.kind == SEL_METHOD_EXPR;
        if (sig && sig->kind == TY_FUNC && sig->u.func.nparams == 0 && sig->u.func.nresults == 0 && !is_mexpr &&
            !devirt_of(p->prog, call)) {
            esc_expr(w, k, call->u.call.fun);
            return;
        }
    }
    // Otherwise gc wraps the call in a func literal of its own, which
    // captures the arguments evaluated now.
    EscClosure *wrap = ARENA_NEW(p->arena, EscClosure);
    wrap->fn = w->fn;
    if (call->u.call.kind == CALL_BUILTIN) {
        builtin_call(w, NULL, 0, call, wrap);
    } else if (call->u.call.kind == CALL_CONVERSION) {
        esc_discard(w, call);
    } else {
        CallInfo ci = {0};
        describe_call(w, &ci, call);
        common_call(w, NULL, 0, &ci, wrap);
    }
    EscLoc *l = esc_new_loc(w, LOC_ALLOC, true);
    l->alloc = AK_CLOSURE;
    l->n = s;
    l->text = "func literal";
    l->pos = s->pos;
    l->go_defer_wrapper = true;
    EscHole a = esc_shift(k, -1);
    if (p->explain)
        a = esc_note_at(p, a, "func literal", s->pos, "spill");
    esc_flow(b, a, l);
    wrap->k = esc_hole(l);
    ptrvec_push(p->arena, &b->closures, wrap);
}


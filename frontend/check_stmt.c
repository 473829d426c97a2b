// check_stmt.c - function bodies and statements.
//
// A function body is checked with the Checker pointing at its FuncInfo:
// labels are resolved first (check_label.c), then the statements in order,
// then "missing return" and unused variables are reported. Func literals
// are checked where they appear, so closures are numbered in source order
// as gc numbers them (f.func1, f.func2, f.func1.1, glob..func1).
//
// Alongside the types, the walk records what escape analysis needs about
// each variable: the loop depth of its declaration (gc's rule: 1 at the top
// of a function, +1 inside a for or range body, +1 after a label that a
// later goto jumps back to), whether it is reassigned after its declaration,
// whether its address is taken, and whether a closure captures it.
#include "check.h"

#include <stdlib.h>
#include <string.h>

static Type *invalid_type(Checker *c) { return c->cc->basic[TY_INVALID]; }

static void stmt(Checker *c, Node *s);
static void stmt_list(Checker *c, NodeList *l);

// ---------------------------------------------------------------------------
// Functions

// Joins up to four strings into the arena (gc names are built often
// enough that printf's cost shows).
static const char *join(Checker *c, const char *a, const char *b, const char *d, const char *e) {
    size_t la = strlen(a), lb = strlen(b), ld = strlen(d), le = strlen(e);
    char *s = arena_alloc(&c->cc->arena, la + lb + ld + le + 1);
    memcpy(s, a, la);
    memcpy(s + la, b, lb);
    memcpy(s + la + lb, d, ld);
    memcpy(s + la + lb + ld, e, le + 1);
    return s;
}

static const char *itoa_(char *buf, int n) {
    char tmp[16];
    int k = 0;
    do {
        tmp[k++] = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0 && k < 15);
    int j = 0;
    while (k > 0)
        buf[j++] = tmp[--k];
    buf[j] = 0;
    return buf;
}

// "T" or "(*T)" for a method's receiver type.
static const char *receiver_name(Checker *c, Node *recv) {
    Node *t = recv ? recv->u.field.type : NULL;
    bool ptr = false;
    while (t && (t->kind == N_PAREN || t->kind == N_STAR)) {
        if (t->kind == N_STAR)
            ptr = true;
        t = t->u.unary.x;
    }
    const char *base = t && t->kind == N_IDENT ? t->u.ident.name->s : "?";
    return ptr ? join(c, "(*", base, ")", "") : base;
}

FuncInfo *new_func_info(Checker *c, Node *decl, Obj *obj) {
    FuncInfo *fn = ARENA_NEW(&c->cc->arena, FuncInfo);
    fn->decl = decl;
    fn->obj = obj;
    fn->pkg = c->pkg;
    if (decl->kind == N_FUNCDECL) {
        const char *name = decl->u.funcdecl.name->u.ident.name->s;
        char num[16];
        if (decl->u.funcdecl.recv)
            fn->gc_name = join(c, receiver_name(c, decl->u.funcdecl.recv), ".", name, "");
        else if (strcmp(name, "init") == 0)
            fn->gc_name = join(c, "init.", itoa_(num, c->st->init_funcs++), "", "");
        else
            fn->gc_name = name;
        // Declared functions join Package.funcs when their body is checked
        // (check.c), which keeps the list in source order.
        return fn;
    }
    FuncInfo *outer = c->fn;
    fn->outer = outer;
    char num[16];
    if (!outer) {
        fn->gc_name = join(c, "glob..func", itoa_(num, ++c->st->global_lits), "", "");
        ptrvec_push(&c->cc->arena, &c->st->global_funcs, fn);
        return fn;
    }
    // Closures directly in a declared function are funcN; closures in
    // closures are numbered without the "func".
    itoa_(num, ++outer->nlits);
    if (outer->decl && outer->decl->kind == N_FUNCLIT)
        fn->gc_name = join(c, outer->gc_name, ".", num, "");
    else
        fn->gc_name = join(c, outer->gc_name, ".func", num, "");
    ptrvec_push(&c->cc->arena, &outer->closures, fn);
    ptrvec_push(&c->cc->arena, &c->pkg->funcs, fn);
    return fn;
}

// Statements of a function that end it: a body whose last statement is
// terminating needs no final return.
static bool is_terminating(Node *s, Name *label);

static bool is_terminating_list(NodeList *l, Name *label) {
    for (int i = l->len - 1; i >= 0; i--)
        if (l->items[i]->kind != N_EMPTYSTMT)
            return is_terminating(l->items[i], label);
    return false;
}

static bool has_break(Node *s, Name *label, bool implicit);

static bool has_break_list(NodeList *l, Name *label, bool implicit) {
    for (int i = 0; i < l->len; i++)
        if (has_break(l->items[i], label, implicit))
            return true;
    return false;
}

static bool has_break_clauses(NodeList *clauses, Name *label, bool implicit) {
    for (int i = 0; i < clauses->len; i++)
        if (has_break_list(&((Node *)clauses->items[i])->u.clause.body, label, implicit))
            return true;
    return false;
}

static bool has_break(Node *s, Name *label, bool implicit) {
    if (!s)
        return false;
    switch (s->kind) {
    case N_LABELED:
        return has_break(s->u.labeled.stmt, label, implicit);
    case N_BRANCH:
        if (s->u.branch.tok == T_BREAK) {
            if (!s->u.branch.label)
                return implicit;
            if (label && s->u.branch.label->u.ident.name == label)
                return true;
        }
        return false;
    case N_BLOCK:
        return has_break_list(&s->u.block.stmts, label, implicit);
    case N_IF:
        return has_break(s->u.ifs.then, label, implicit) || (s->u.ifs.els && has_break(s->u.ifs.els, label, implicit));
    case N_SWITCH: case N_TYPESWITCH: case N_SELECT:
        return label && has_break_clauses(&s->u.sw.clauses, label, false);
    case N_FOR:
        return label && has_break(s->u.fors.body, label, false);
    case N_RANGE:
        return label && has_break(s->u.range.body, label, false);
    default:
        return false;
    }
}

static bool is_terminating_switch(NodeList *clauses, Name *label) {
    bool has_default = false;
    for (int i = 0; i < clauses->len; i++) {
        Node *cc = clauses->items[i];
        if (cc->u.clause.is_default)
            has_default = true;
        if (!is_terminating_list(&cc->u.clause.body, NULL) || has_break_list(&cc->u.clause.body, label, true))
            return false;
    }
    return has_default;
}

static bool is_terminating(Node *s, Name *label) {
    if (!s)
        return false;
    switch (s->kind) {
    case N_LABELED:
        return is_terminating(s->u.labeled.stmt, s->u.labeled.label->u.ident.name);
    case N_EXPRSTMT: {
        Node *call = unparen(s->u.unary.x);
        return call && call->kind == N_CALL && call->u.call.kind == CALL_BUILTIN && call->u.call.builtin == BI_PANIC;
    }
    case N_RETURN:
        return true;
    case N_BRANCH:
        return s->u.branch.tok == T_GOTO || s->u.branch.tok == T_FALLTHROUGH;
    case N_BLOCK:
        return is_terminating_list(&s->u.block.stmts, NULL);
    case N_IF:
        return s->u.ifs.els && is_terminating(s->u.ifs.then, NULL) && is_terminating(s->u.ifs.els, NULL);
    case N_SWITCH: case N_TYPESWITCH:
        return is_terminating_switch(&s->u.sw.clauses, label);
    case N_SELECT:
        for (int i = 0; i < s->u.sw.clauses.len; i++) {
            Node *cc = s->u.sw.clauses.items[i];
            if (!is_terminating_list(&cc->u.clause.body, NULL) || has_break_list(&cc->u.clause.body, label, true))
                return false;
        }
        return true;
    case N_FOR:
        return !s->u.fors.cond && !has_break(s->u.fors.body, label, true);
    default:
        return false;
    }
}

static int obj_pos_cmp(const void *a, const void *b) {
    const Obj *x = *(Obj *const *)a, *y = *(Obj *const *)b;
    return pos_compare(x->pos, y->pos);
}

static void report_unused(Checker *c, int from) {
    PtrVec unused = {0};
    for (int i = from; i < c->st->locals.len; i++) {
        Obj *o = c->st->locals.items[i];
        // A variable whose declaration failed (redeclared) is in no scope.
        if (!o->u.var.used && o->scope && !name_is(o->name, "_"))
            ptrvec_push(&c->cc->arena, &unused, o);
    }
    if (unused.len > 1)
        qsort(unused.items, (size_t)unused.len, sizeof(void *), obj_pos_cmp);
    for (int i = 0; i < unused.len; i++) {
        Obj *o = unused.items[i];
        check_errorf(c, o->pos, "%s declared but not used", o->name->s);
    }
}

void check_func_body(Checker *c, FuncInfo *fn, Node *body) {
    if (!body)
        return;
    Checker saved = *c;
    int base = c->st->locals.len;
    c->fn = fn;
    fn->facts |= FACT_CHECKED;
    c->sig = fn->sig;
    c->scope = fn->scope ? fn->scope : scope_new(c->cc, c->scope);
    c->scope_pending = false;
    c->loop_depth = 1;
    // A func literal in a constant declaration still sees iota.
    if (fn->decl->kind != N_FUNCLIT)
        c->iota = -1;
    check_branches(c, body);
    stmt_list(c, &body->u.block.stmts);
    if (fn->sig && fn->sig->kind == TY_FUNC && fn->sig->u.func.nresults > 0 && !is_terminating_list(&body->u.block.stmts, NULL))
        check_errorf(c, body->u.block.rbrace, "missing return");
    report_unused(c, base);
    *c = saved;
    c->st->locals.len = base;
}

// Func literals nest C recursion deepest of all constructs; past this
// depth (far beyond real programs) their bodies are not checked, so that
// no input can exhaust the stack.
enum { MAX_LIT_DEPTH = 1000 };

void check_func_lit(Checker *c, Operand *x, Node *e) {
    if (c->st->lit_depth >= MAX_LIT_DEPTH) {
        check_errorf(c, e->pos, "function literals nested too deeply (more than %d)", MAX_LIT_DEPTH);
        x->mode = MODE_INVALID;
        return;
    }
    FuncInfo *fn = new_func_info(c, e, NULL);
    e->u.funclit.fn = fn;
    Scope *s = scope_new(c->cc, c->scope);
    s->is_func = true;
    fn->scope = s;
    Type *sig = check_func_type(c, e->u.funclit.type, NULL, fn, s);
    fn->sig = sig;
    bool saved_call = c->has_call_or_recv;
    c->st->lit_depth++;
    check_func_body(c, fn, e->u.funclit.body);
    c->st->lit_depth--;
    c->has_call_or_recv = saved_call;
    x->mode = MODE_VALUE;
    x->type = sig;
}


// ---------------------------------------------------------------------------
// Variables and assignments

void var_assigned(Checker *c, Obj *o) {
    (void)c;
    if (o && o->kind == OBJ_VAR)
        o->u.var.reassigned = true;
}

static Obj *new_var(Checker *c, Node *id, Node *decl) {
    Obj *o = obj_new(c->cc, OBJ_VAR, id->u.ident.name, id->pos, NULL);
    o->decl = decl;
    o->pkg = c->pkg;
    o->color = COLOR_BLACK;
    o->u.var.fn = c->fn;
    o->u.var.loop_depth = c->loop_depth;
    id->u.ident.obj = o;
    if (c->fn) {
        ptrvec_push(&c->cc->arena, &c->st->locals, o);
        ptrvec_push(&c->cc->arena, &c->fn->locals, o);
    }
    return o;
}

Obj *check_new_local_var(Checker *c, Node *id, Node *decl) { return new_var(c, id, decl); }

// Records that the comma-ok form of e is used (v, ok := m[k]).
static void mark_commaok(Node *e) {
    for (; e; e = e->kind == N_PAREN ? e->u.unary.x : NULL)
        e->flags |= NF_COMMAOK;
}

static Type *init_var(Checker *c, Obj *lhs, Operand *x, const char *context) {
    if (x->mode == MODE_INVALID || !x->type || x->type->kind == TY_INVALID ||
        (lhs->type && lhs->type->kind == TY_INVALID)) {
        if (!lhs->type)
            lhs->type = invalid_type(c);
        lhs->u.var.used = true;
        return NULL;
    }
    if (!lhs->type) {
        Type *t = x->type;
        if (type_is_untyped(t)) {
            if (t->kind == TY_UNTYPED_NIL) {
                check_errorf(c, start_pos(x->expr), "use of untyped nil in %s", context);
                lhs->type = invalid_type(c);
                return NULL;
            }
            t = default_type(c, t);
        }
        lhs->type = t;
    }
    check_assignment(c, x, lhs->type, context);
    if (x->mode == MODE_INVALID) {
        lhs->u.var.used = true;
        return NULL;
    }
    return x->type;
}

static void assign_error(Checker *c, NodeList *rhs, int nvars, int nvals) {
    Node *r0 = rhs->items[0];
    const char *vars = arena_sprintf(&c->cc->arena, "%d variable%s", nvars, nvars == 1 ? "" : "s");
    const char *vals = arena_sprintf(&c->cc->arena, "%d value%s", nvals, nvals == 1 ? "" : "s");
    Node *call = unparen(r0);
    if (rhs->len == 1 && call && call->kind == N_CALL)
        check_errorf(c, start_pos(r0), "assignment mismatch: %s but %s returns %s", vars, estr(c, call->u.call.fun), vals);
    else
        check_errorf(c, start_pos(r0), "assignment mismatch: %s but %s", vars, vals);
}

static Type **var_types(Checker *c, Obj **vs, int n) {
    Type **ts = ARENA_ARRAY(&c->cc->arena, Type *, n > 0 ? n : 1);
    for (int i = 0; i < n; i++)
        ts[i] = vs[i]->type;
    return ts;
}

static Type **operand_types(Checker *c, Operand *xs, int n) {
    Type **ts = ARENA_ARRAY(&c->cc->arena, Type *, n > 0 ? n : 1);
    for (int i = 0; i < n; i++)
        ts[i] = xs[i].type;
    return ts;
}

void init_vars(Checker *c, Obj **lhs, int n, NodeList *rhs, Node *return_stmt) {
    int nr;
    bool commaok;
    Operand buf[4];
    Operand *xs = check_expr_list(c, rhs, n == 2 && !return_stmt, &nr, &commaok, buf, 4);
    if (n != nr) {
        for (int i = 0; i < n; i++) {
            lhs[i]->u.var.used = true;
            if (!lhs[i]->type)
                lhs[i]->type = invalid_type(c);
        }
        for (int i = 0; i < nr; i++)
            if (xs[i].mode == MODE_INVALID)
                return;
        if (return_stmt) {
            Pos at = return_stmt->pos;
            const char *q = "not enough";
            if (nr > n) {
                at = start_pos(xs[n].expr);
                q = "too many";
            } else if (nr > 0) {
                at = start_pos(xs[nr - 1].expr);
            }
            check_errorf(c, at, "%s return values\n\thave %s\n\twant %s", q,
                         types_summary(c, operand_types(c, xs, nr), nr, false),
                         types_summary(c, var_types(c, lhs, n), n, false));
            return;
        }
        if (rhs->len > 0)
            assign_error(c, rhs, n, nr);
        return;
    }
    const char *context = return_stmt ? "return statement" : "assignment";
    if (commaok) {
        init_var(c, lhs[0], &xs[0], context);
        init_var(c, lhs[1], &xs[1], context);
        mark_commaok(rhs->items[0]);
        return;
    }
    bool ok = true;
    for (int i = 0; i < n; i++)
        if (!init_var(c, lhs[i], &xs[i], context))
            ok = false;
    if (!ok)
        for (int i = 0; i < n; i++)
            lhs[i]->u.var.used = true;
}

static void mark_invalid_used(Obj *obj, Obj **lhs, int nlhs) {
    // Variables of broken types are not reported unused as well.
    if (obj->type && obj->type->kind == TY_INVALID)
        obj->u.var.used = true;
    for (int i = 0; i < nlhs; i++)
        if (lhs[i]->type && lhs[i]->type->kind == TY_INVALID)
            lhs[i]->u.var.used = true;
}

static void var_decl_1(Checker *c, Obj *obj, Obj **lhs, int nlhs, Node *type_expr, Node *init);

// types2's varDecl: one variable with its own initializer, or all the
// variables of `var a, b = f()` at once.
void check_var_decl(Checker *c, Obj *obj, Obj **lhs, int nlhs, Node *type_expr, Node *init) {
    var_decl_1(c, obj, lhs, nlhs, type_expr, init);
    mark_invalid_used(obj, lhs, lhs ? nlhs : 0);
}

static void var_decl_1(Checker *c, Obj *obj, Obj **lhs, int nlhs, Node *type_expr, Node *init) {
    if (type_expr && !obj->type)
        obj->type = check_type(c, type_expr);
    if (!init) {
        if (!type_expr)
            obj->type = invalid_type(c);
        return;
    }
    if (!lhs || nlhs == 1) {
        Operand x = {0};
        check_expr(c, &x, init);
        init_var(c, obj, &x, "variable declaration");
        return;
    }
    if (type_expr)
        for (int i = 0; i < nlhs; i++)
            lhs[i]->type = obj->type;
    NodeList rhs = {&init, 1};
    init_vars(c, lhs, nlhs, &rhs, NULL);
}

static Type *assign_var(Checker *c, Node *lhs, Operand *x) {
    if (x->mode == MODE_INVALID || !x->type || x->type->kind == TY_INVALID) {
        use_expr(c, lhs);
        return NULL;
    }
    Node *id = unparen(lhs);
    if (id && id->kind == N_IDENT && name_is(id->u.ident.name, "_")) {
        id->u.ident.obj = NULL;
        check_assignment(c, x, NULL, "assignment to _ identifier");
        return x->mode == MODE_INVALID ? NULL : x->type;
    }
    // Assigning to v is not a use of v.
    Obj *v = NULL;
    bool v_used = false;
    if (id && id->kind == N_IDENT) {
        Obj *o = lookup(c, id->u.ident.name);
        if (o && o->kind == OBJ_VAR && o->pkg == c->pkg) {
            v = o;
            v_used = o->u.var.used;
        }
    }
    Operand z = {0};
    check_expr(c, &z, lhs);
    if (v)
        v->u.var.used = v_used;
    if (z.mode == MODE_INVALID || !z.type || z.type->kind == TY_INVALID)
        return NULL;
    switch (z.mode) {
    case MODE_VAR: case MODE_MAPINDEX:
        break;
    default: {
        Node *sel = unparen(z.expr);
        if (sel && sel->kind == N_SELECTOR) {
            Node *sx = unparen(sel->u.sel.x);
            if (sx && sx->kind == N_INDEX && sx->u.index.x && sx->u.index.x->type &&
                type_underlying(sx->u.index.x->type) && type_underlying(sx->u.index.x->type)->kind == TY_MAP) {
                check_errorf(c, start_pos(z.expr), "cannot assign to struct field %s in map", estr(c, z.expr));
                return NULL;
            }
        }
        check_errorf(c, start_pos(z.expr), "cannot assign to %s", opstr(c, &z));
        return NULL;
    }
    }
    if (id && id->kind == N_IDENT && id->u.ident.obj)
        var_assigned(c, id->u.ident.obj);
    check_assignment(c, x, z.type, "assignment");
    return x->mode == MODE_INVALID ? NULL : x->type;
}

static void assign_vars(Checker *c, NodeList *lhs, NodeList *rhs) {
    int nr;
    bool commaok;
    Operand buf[4];
    Operand *xs = check_expr_list(c, rhs, lhs->len == 2, &nr, &commaok, buf, 4);
    if (lhs->len != nr) {
        use_exprs(c, lhs);
        for (int i = 0; i < nr; i++)
            if (xs[i].mode == MODE_INVALID)
                return;
        assign_error(c, rhs, lhs->len, nr);
        return;
    }
    if (commaok) {
        assign_var(c, lhs->items[0], &xs[0]);
        assign_var(c, lhs->items[1], &xs[1]);
        mark_commaok(rhs->items[0]);
        return;
    }
    bool ok = true;
    for (int i = 0; i < lhs->len; i++)
        if (!assign_var(c, lhs->items[i], &xs[i]))
            ok = false;
    if (!ok) {
        for (int i = 0; i < lhs->len; i++) {
            Node *id = unparen(lhs->items[i]);
            if (id && id->kind == N_IDENT) {
                Obj *o = lookup(c, id->u.ident.name);
                if (o && o->kind == OBJ_VAR && o->pkg == c->pkg)
                    o->u.var.used = true;
            }
        }
    }
}

static void short_var_decl(Checker *c, Node *s) {
    NodeList *lhs = &s->u.assign.lhs, *rhs = &s->u.assign.rhs;
    int n = lhs->len;
    Obj **vars = ARENA_ARRAY(&c->cc->arena, Obj *, n > 0 ? n : 1);
    Obj **newvars = ARENA_ARRAY(&c->cc->arena, Obj *, n > 0 ? n : 1);
    int nnew = 0;
    bool has_err = false;
    for (int i = 0; i < n; i++) {
        Node *e = lhs->items[i];
        if (e->kind != N_IDENT) {
            use_expr(c, e);
            check_errorf(c, start_pos(e), "non-name %s on left side of :=", estr(c, e));
            has_err = true;
            continue;
        }
        Name *name = e->u.ident.name;
        if (!name_is(name, "_")) {
            bool repeated = false;
            for (int j = 0; j < i; j++) {
                Node *p = lhs->items[j];
                if (p->kind == N_IDENT && p->u.ident.name == name)
                    repeated = true;
            }
            if (repeated) {
                check_errorf(c, e->pos, "%s repeated on left side of :=", name->s);
                has_err = true;
                continue;
            }
        }
        Obj *alt = name_is(name, "_") || c->scope_pending ? NULL : scope_lookup_local(c->scope, name);
        if (alt) {
            e->u.ident.obj = alt;
            if (alt->kind == OBJ_VAR) {
                vars[i] = alt;
                var_assigned(c, alt);
            } else {
                check_errorf(c, start_pos(e), "cannot assign to %s", estr(c, e));
                has_err = true;
            }
            continue;
        }
        Obj *o = new_var(c, e, s);
        vars[i] = o;
        if (!name_is(name, "_"))
            newvars[nnew++] = o;
    }
    for (int i = 0; i < n; i++) {
        if (!vars[i]) {
            Node *e = lhs->items[i];
            Obj *d = obj_new(c->cc, OBJ_VAR, intern_cstr(c->cc, "_"), e->pos, NULL);
            d->pkg = c->pkg;
            d->u.var.fn = c->fn;
            vars[i] = d;
        }
    }
    init_vars(c, vars, n, rhs, NULL);
    if (nnew == 0 && !has_err) {
        check_errorf(c, s->pos, "no new variables on left side of :=");
        return;
    }
    for (int i = 0; i < nnew; i++)
        declare_local(c, decl_scope(c), newvars[i], NULL);
}

// ---------------------------------------------------------------------------
// Statements

// Blocks get a scope only when something is declared in them (most declare
// nothing): open_scope marks the block, decl_scope makes its scope.
typedef struct ScopeMark {
    Scope *scope;
    bool pending;
} ScopeMark;

static ScopeMark open_scope(Checker *c) {
    ScopeMark m = {c->scope, c->scope_pending};
    c->scope_pending = true;
    return m;
}

static void close_scope(Checker *c, ScopeMark m) {
    c->scope = m.scope;
    c->scope_pending = m.pending;
}

NOINLINE static void expr_stmt(Checker *c, Node *s) {
    Operand x = {0};
    c->expr_kind = EXPR_EXPRESSION;
    check_raw_expr(c, &x, s->u.unary.x, NULL);
    const char *msg;
    switch (x.mode) {
    case MODE_BUILTIN:
        msg = "must be called";
        break;
    case MODE_TYPE:
        msg = "is not an expression";
        break;
    default:
        if (c->expr_kind == EXPR_STATEMENT || x.mode == MODE_INVALID)
            return;
        msg = "is not used";
        break;
    }
    check_errorf(c, start_pos(x.expr), "%s %s", opstr(c, &x), msg);
}

NOINLINE static void suspended_call(Checker *c, Node *s) {
    const char *kw = s->kind == N_GO ? "go" : "defer";
    Node *call = s->u.unary.x;
    Operand x = {0};
    if (!call)
        return;
    // The parser reported anything but a call, and wrapped it in one.
    c->expr_kind = EXPR_EXPRESSION;
    check_raw_expr(c, &x, call, NULL);
    const char *msg;
    switch (c->expr_kind) {
    case EXPR_CONVERSION:
        msg = "requires function call, not conversion";
        break;
    case EXPR_EXPRESSION:
        msg = "discards result of";
        break;
    default:
        return;
    }
    check_errorf(c, start_pos(x.expr), "%s %s %s", kw, msg, opstr(c, &x));
}

NOINLINE static void send_stmt(Checker *c, Node *s) {
    Operand ch = {0}, val = {0};
    check_expr(c, &ch, s->u.send.chan);
    check_expr(c, &val, s->u.send.value);
    if (ch.mode == MODE_INVALID || val.mode == MODE_INVALID)
        return;
    Type *u = type_underlying(ch.type);
    if (!u || u->kind != TY_CHAN) {
        check_errorf(c, start_pos(s), "invalid operation: cannot send to non-channel %s", opstr(c, &ch));
        return;
    }
    if (u->u.chan.dir == CHAN_RECV) {
        check_errorf(c, start_pos(s), "invalid operation: cannot send to receive-only channel %s", opstr(c, &ch));
        return;
    }
    check_assignment(c, &val, u->u.chan.elem, "send");
}

NOINLINE static void incdec_stmt(Checker *c, Node *s) {
    Operand x = {0};
    check_expr(c, &x, s->u.incdec.x);
    if (x.mode == MODE_INVALID)
        return;
    if (!type_is_numeric(x.type)) {
        const char *op = s->u.incdec.op == T_INC ? "+" : "-";
        check_errorf(c, start_pos(s->u.incdec.x), "invalid operation: %s%s%s (non-numeric type %s)",
                     estr(c, s->u.incdec.x), op, op, tstr(c, x.type));
        return;
    }
    // x++ assigns x + 1: the operand's untyped 1 takes x's type.
    x.mode = MODE_VALUE;
    assign_var(c, s->u.incdec.x, &x);
}

static TokKind assign_op_binary(TokKind op) {
    switch (op) {
    case T_ADD_ASSIGN: return T_ADD;
    case T_SUB_ASSIGN: return T_SUB;
    case T_MUL_ASSIGN: return T_MUL;
    case T_QUO_ASSIGN: return T_QUO;
    case T_REM_ASSIGN: return T_REM;
    case T_AND_ASSIGN: return T_AND;
    case T_OR_ASSIGN: return T_OR;
    case T_XOR_ASSIGN: return T_XOR;
    case T_SHL_ASSIGN: return T_SHL;
    case T_SHR_ASSIGN: return T_SHR;
    case T_AND_NOT_ASSIGN: return T_AND_NOT;
    default: return T_ILLEGAL;
    }
}

NOINLINE static void assign_stmt(Checker *c, Node *s) {
    NodeList *lhs = &s->u.assign.lhs, *rhs = &s->u.assign.rhs;
    switch (s->u.assign.op) {
    case T_ASSIGN:
        assign_vars(c, lhs, rhs);
        return;
    case T_DEFINE:
        short_var_decl(c, s);
        return;
    default:
        break;
    }
    if (lhs->len != 1 || rhs->len != 1) {
        check_errorf(c, start_pos(s), "assignment operation %s requires single-valued expressions",
                     tok_string(s->u.assign.op));
        return;
    }
    Operand x = {0};
    check_binary(c, &x, NULL, lhs->items[0], rhs->items[0], assign_op_binary(s->u.assign.op));
    assign_var(c, lhs->items[0], &x);
}

NOINLINE static void return_stmt(Checker *c, Node *s) {
    Type *sig = c->sig;
    NodeList *results = &s->u.ret.results;
    FuncInfo *fn = c->fn;
    int nres = sig && sig->kind == TY_FUNC ? sig->u.func.nresults : 0;
    bool named = nres > 0 && sig->u.func.result_names && sig->u.func.result_names[0];
    if (results->len == 0 && nres > 0 && named) {
        for (int i = 0; fn && i < fn->nresults; i++) {
            Obj *r = fn->results[i];
            Obj *alt = lookup(c, r->name);
            if (alt && alt != r) {
                const SourceFile *sf = c->cc->files.items[alt->pos.file];
                check_errorf(c, s->pos, "result parameter %s not in scope at return\n\t%s:%u:%u: inner declaration of var %s %s",
                             r->name->s, sf->path, alt->pos.line, alt->pos.col, alt->name->s, tstr(c, alt->type));
            }
        }
        return;
    }
    Obj **lhs = fn ? fn->results : NULL;
    int n = fn ? fn->nresults : 0;
    // The results' "used" flags are not affected by returning values.
    bool ubuf[8];
    bool *used = n <= 8 ? ubuf : ARENA_ARRAY(&c->cc->arena, bool, n);
    for (int i = 0; i < n; i++)
        used[i] = lhs[i]->u.var.used;
    init_vars(c, lhs, n, results, s);
    for (int i = 0; i < n; i++)
        lhs[i]->u.var.used = used[i];
}

NOINLINE static void if_stmt(Checker *c, Node *s) {
    ScopeMark mark = open_scope(c);
    int depth = c->loop_depth;
    if (s->u.ifs.init)
        stmt(c, s->u.ifs.init);
    Operand x = {0};
    check_expr(c, &x, s->u.ifs.cond);
    if (x.mode != MODE_INVALID && !type_is_boolean(x.type))
        check_errorf(c, start_pos(s->u.ifs.cond), "non-boolean condition in if statement");
    stmt(c, s->u.ifs.then);
    c->loop_depth = depth;
    if (s->u.ifs.els) {
        stmt(c, s->u.ifs.els);
        c->loop_depth = depth;
    }
    close_scope(c, mark);
}

static bool values_equal_for_switch(Operand *a, Operand *b) {
    if (a->val.kind == CONST_NONE || b->val.kind == CONST_NONE)
        return false;
    if ((a->val.kind == CONST_STRING) != (b->val.kind == CONST_STRING))
        return false;
    if (a->val.kind == CONST_BOOL || b->val.kind == CONST_BOOL)
        return false;   // gc does not report duplicate boolean cases
    return const_equal(a->val, b->val) && type_identical(a->type, b->type);
}

static void case_values(Checker *c, Operand *x, NodeList *values, PtrVec *seen) {
    for (int i = 0; i < values->len; i++) {
        Node *e = values->items[i];
        Operand v = {0};
        check_expr(c, &v, e);
        if (x->mode == MODE_INVALID || v.mode == MODE_INVALID)
            continue;
        convert_untyped(c, &v, x->type);
        if (v.mode == MODE_INVALID)
            continue;
        Operand res = v;
        check_comparison(c, &res, x, true);
        if (res.mode == MODE_INVALID)
            continue;
        if (v.mode != MODE_CONST)
            continue;
        bool dup = false;
        for (int k = 0; k < seen->len; k++) {
            Operand *p = seen->items[k];
            if (values_equal_for_switch(p, &v)) {
                const SourceFile *sf = c->cc->files.items[start_pos(p->expr).file];
                Pos pp = start_pos(p->expr);
                check_errorf(c, start_pos(v.expr), "duplicate case %s in expression switch\n\t%s:%u:%u: previous case",
                             opstr(c, &v), sf->path, pp.line, pp.col);
                dup = true;
                break;
            }
        }
        if (!dup) {
            Operand *keep = ARENA_NEW(&c->cc->arena, Operand);
            *keep = v;
            ptrvec_push(&c->cc->arena, seen, keep);
        }
    }
}

static void multiple_defaults(Checker *c, NodeList *clauses) {
    Node *first = NULL;
    for (int i = 0; i < clauses->len; i++) {
        Node *cc = clauses->items[i];
        bool is_default = cc->kind == N_COMMCLAUSE ? cc->u.clause.comm == NULL : cc->u.clause.is_default;
        if (!is_default)
            continue;
        if (first) {
            const SourceFile *sf = c->cc->files.items[first->pos.file];
            check_errorf(c, cc->pos, "multiple defaults (first at %s:%u:%u)", sf->path, first->pos.line, first->pos.col);
        } else {
            first = cc;
        }
    }
}

static void clause_body(Checker *c, Node *cc) {
    int depth = c->loop_depth;
    ScopeMark mark = open_scope(c);
    stmt_list(c, &cc->u.clause.body);
    close_scope(c, mark);
    c->loop_depth = depth;
}

NOINLINE static void switch_stmt(Checker *c, Node *s) {
    ScopeMark mark = open_scope(c);
    if (s->u.sw.init)
        stmt(c, s->u.sw.init);
    Operand x = {0};
    if (s->u.sw.tag) {
        check_expr(c, &x, s->u.sw.tag);
        check_assignment(c, &x, NULL, "switch expression");
        if (x.mode != MODE_INVALID && !type_comparable(x.type) && !has_nil(x.type)) {
            check_errorf(c, start_pos(x.expr), "cannot switch on %s (%s is not comparable)", opstr(c, &x), tstr(c, x.type));
            x.mode = MODE_INVALID;
        }
    } else {
        // A missing tag is `true`, placed where the first clause starts.
        Pos pos = s->u.sw.rbrace;
        if (s->u.sw.clauses.len > 0)
            pos = ((Node *)s->u.sw.clauses.items[0])->pos;
        Node *t = node_new(c->cc, N_IDENT, pos);
        t->u.ident.name = intern(c->cc, "true", 4);
        t->flags |= NF_IMPLICIT;
        x.mode = MODE_CONST;
        x.type = c->cc->basic[TY_BOOL];
        x.val = const_bool(true);
        x.expr = t;
    }
    multiple_defaults(c, &s->u.sw.clauses);
    PtrVec seen = {0};
    for (int i = 0; i < s->u.sw.clauses.len; i++) {
        Node *cc = s->u.sw.clauses.items[i];
        case_values(c, &x, &cc->u.clause.list, &seen);
        clause_body(c, cc);
    }
    close_scope(c, mark);
}

static bool is_nil_expr(Checker *c, Node *e) {
    e = unparen(e);
    if (!e || e->kind != N_IDENT)
        return false;
    Obj *o = lookup(c, e->u.ident.name);
    return o && o->kind == OBJ_NIL;
}

// Checks a type switch clause's types; returns the single type (NULL for
// nil or several).
static Type *case_types(Checker *c, Operand *x, NodeList *types, PtrVec *seen, PtrVec *seen_nodes, bool *single) {
    Type *T = NULL;
    *single = types->len == 1;
    for (int i = 0; i < types->len; i++) {
        Node *e = types->items[i];
        if (is_nil_expr(c, e)) {
            T = NULL;
            Operand d = {0};
            check_expr(c, &d, e);
        } else {
            T = check_type(c, e);
            if (T->kind == TY_INVALID)
                continue;
        }
        bool dup = false;
        for (int k = 0; k < seen->len; k++) {
            Type *t = seen->items[k];
            if ((!T && !t) || (T && t && type_identical(T, t))) {
                Node *other = seen_nodes->items[k];
                Pos op = start_pos(other);
                const SourceFile *sf = c->cc->files.items[op.file];
                check_errorf(c, start_pos(e), "duplicate case %s in type switch\n\t%s:%u:%u: previous case",
                             T ? tstr(c, T) : "nil", sf->path, op.line, op.col);
                dup = true;
                break;
            }
        }
        if (dup)
            continue;
        ptrvec_push(&c->cc->arena, seen, T);
        ptrvec_push(&c->cc->arena, seen_nodes, e);
        if (x && T) {
            const char *why = assertable_to(c, x->type, T);
            if (why)
                check_errorf(c, start_pos(e), "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s",
                             estr(c, e), opstr(c, x), tstr(c, T), why);
        }
    }
    return T;
}

NOINLINE static void type_switch_stmt(Checker *c, Node *s) {
    ScopeMark mark = open_scope(c);
    if (s->u.sw.init)
        stmt(c, s->u.sw.init);
    Node *bind = s->u.sw.bind;
    if (bind && name_is(bind->u.ident.name, "_")) {
        check_errorf(c, bind->pos, "no new variable on left side of :=");
        bind = NULL;
    }
    Operand x = {0};
    check_expr(c, &x, s->u.sw.tag);
    if (x.mode == MODE_INVALID) {
        close_scope(c, mark);
        return;
    }
    Operand *sx = NULL;
    if (type_is_interface(x.type))
        sx = &x;
    else
        check_errorf(c, start_pos(x.expr), "%s is not an interface", opstr(c, &x));
    multiple_defaults(c, &s->u.sw.clauses);
    PtrVec seen = {0}, seen_nodes = {0}, binds = {0};
    for (int i = 0; i < s->u.sw.clauses.len; i++) {
        Node *cc = s->u.sw.clauses.items[i];
        bool single;
        Type *T = case_types(c, sx, &cc->u.clause.list, &seen, &seen_nodes, &single);
        int depth = c->loop_depth;
        ScopeMark mark = open_scope(c);
        if (bind) {
            if (!single || !T)
                T = x.type;
            // One implicit variable per clause, with the clause's type.
            Obj *o = obj_new(c->cc, OBJ_VAR, bind->u.ident.name, bind->pos, T);
            o->decl = s;
            o->pkg = c->pkg;
            o->color = COLOR_BLACK;
            o->u.var.fn = c->fn;
            o->u.var.loop_depth = c->loop_depth;
            scope_insert(c->cc, decl_scope(c), o);
            cc->u.clause.bind = o;
            if (c->fn)
                ptrvec_push(&c->cc->arena, &c->fn->locals, o);
            ptrvec_push(&c->cc->arena, &binds, o);
        }
        stmt_list(c, &cc->u.clause.body);
        close_scope(c, mark);
        c->loop_depth = depth;
    }
    if (bind) {
        bool used = false;
        for (int i = 0; i < binds.len; i++) {
            Obj *o = binds.items[i];
            used |= o->u.var.used;
            o->u.var.used = true;
        }
        if (!used)
            check_errorf(c, bind->pos, "%s declared but not used", bind->u.ident.name->s);
        if (binds.len > 0)
            bind->u.ident.obj = binds.items[0];
    }
    close_scope(c, mark);
}

static bool is_recv(Node *e) {
    e = unparen(e);
    return e && e->kind == N_UNARY && e->u.unary.op == T_ARROW;
}

NOINLINE static void select_stmt(Checker *c, Node *s) {
    multiple_defaults(c, &s->u.sw.clauses);
    for (int i = 0; i < s->u.sw.clauses.len; i++) {
        Node *cc = s->u.sw.clauses.items[i];
        Node *comm = cc->u.clause.comm;
        bool valid = false;
        if (!comm || comm->kind == N_SENDSTMT)
            valid = true;
        else if (comm->kind == N_ASSIGN && comm->u.assign.rhs.len == 1)
            valid = is_recv(comm->u.assign.rhs.items[0]);
        else if (comm->kind == N_EXPRSTMT)
            valid = is_recv(comm->u.unary.x);
        if (!valid) {
            check_errorf(c, start_pos(comm), "select case must be send or receive (possibly with assignment)");
            continue;
        }
        int depth = c->loop_depth;
        ScopeMark mark = open_scope(c);
        if (comm)
            stmt(c, comm);
        stmt_list(c, &cc->u.clause.body);
        close_scope(c, mark);
        c->loop_depth = depth;
    }
}

NOINLINE static void for_stmt(Checker *c, Node *s) {
    ScopeMark mark = open_scope(c);
    int depth = c->loop_depth;
    // The init statement runs once, outside the loop: its variables have
    // the enclosing depth.
    if (s->u.fors.init)
        stmt(c, s->u.fors.init);
    c->loop_depth = depth + 1;
    if (s->u.fors.cond) {
        Operand x = {0};
        check_expr(c, &x, s->u.fors.cond);
        if (x.mode != MODE_INVALID && !type_is_boolean(x.type))
            check_errorf(c, start_pos(s->u.fors.cond), "non-boolean condition in for statement");
    }
    if (s->u.fors.post) {
        Node *post = s->u.fors.post;
        if (post->kind == N_ASSIGN && post->u.assign.op == T_DEFINE) {
            check_errorf(c, start_pos(post), "cannot declare in post statement of for loop");
            use_exprs(c, &post->u.assign.lhs);
        } else {
            stmt(c, post);
        }
    }
    stmt(c, s->u.fors.body);
    c->loop_depth = depth;
    close_scope(c, mark);
}

static void range_key_val(Checker *c, Type *t, Type **key, Type **val) {
    *key = *val = NULL;
    Type *u = type_underlying(t);
    if (u && u->kind == TY_POINTER) {
        Type *a = type_underlying(u->u.ptr.elem);
        if (a && a->kind == TY_ARRAY)
            u = a;
    }
    switch (u ? u->kind : TY_INVALID) {
    case TY_STRING: case TY_UNTYPED_STRING:
        *key = c->cc->basic[TY_INT];
        *val = c->cc->rune_type;
        break;
    case TY_ARRAY:
        *key = c->cc->basic[TY_INT];
        *val = u->u.array.elem;
        break;
    case TY_SLICE:
        *key = c->cc->basic[TY_INT];
        *val = u->u.slice.elem;
        break;
    case TY_MAP:
        *key = u->u.map.key;
        *val = u->u.map.value;
        break;
    case TY_CHAN:
        *key = u->u.chan.elem;
        *val = invalid_type(c);
        break;
    default:
        break;
    }
}

NOINLINE static void range_stmt(Checker *c, Node *s) {
    Node *skey = s->u.range.key, *sval = s->u.range.value;
    Operand x = {0};
    check_expr(c, &x, s->u.range.x);
    Type *key = NULL, *val = NULL;
    if (x.mode != MODE_INVALID) {
        const char *cause = NULL;
        Type *u = type_underlying(x.type);
        if (u && u->kind == TY_CHAN) {
            if (sval)
                check_errorf(c, start_pos(sval), "range over %s permits only one iteration variable", opstr(c, &x));
            if (u->u.chan.dir == CHAN_SEND)
                cause = "receive from send-only channel";
        } else if (s->u.range.extra) {
            check_errorf(c, start_pos(s->u.range.extra), "range clause permits at most two iteration variables");
        }
        range_key_val(c, x.type, &key, &val);
        if (!key || cause) {
            if (cause)
                check_errorf(c, start_pos(x.expr), "cannot range over %s (%s)", opstr(c, &x), cause);
            else
                check_errorf(c, start_pos(x.expr), "cannot range over %s", opstr(c, &x));
            key = val = NULL;
        }
        if (type_is_untyped(x.type))
            update_expr_type(c, x.expr, default_type(c, x.type), true);
    }
    ScopeMark mark = open_scope(c);
    int depth = c->loop_depth;
    Node *lhs[2] = {skey, sval};
    Type *rhs[2] = {key, val};
    if (s->u.range.define) {
        Obj *vars[2] = {NULL, NULL};
        int nvars = 0;
        for (int i = 0; i < 2; i++) {
            Node *l = lhs[i];
            if (!l)
                continue;
            Obj *o;
            if (l->kind == N_IDENT) {
                o = new_var(c, l, s);
                if (!name_is(l->u.ident.name, "_"))
                    vars[nvars++] = o;
            } else {
                check_errorf(c, start_pos(l), "cannot declare %s", estr(c, l));
                o = obj_new(c->cc, OBJ_VAR, intern_cstr(c->cc, "_"), l->pos, NULL);
            }
            if (rhs[i]) {
                Operand v = {.mode = MODE_VALUE, .expr = l, .type = rhs[i]};
                init_var(c, o, &v, "range clause");
                l->type = o->type;
            } else {
                o->type = invalid_type(c);
                o->u.var.used = true;
            }
        }
        if (nvars > 0) {
            for (int i = 0; i < nvars; i++)
                declare_local(c, decl_scope(c), vars[i], NULL);
        } else {
            check_errorf(c, s->pos, "no new variables on left side of :=");
        }
    } else {
        for (int i = 0; i < 2; i++) {
            Node *l = lhs[i];
            if (!l || !rhs[i])
                continue;
            Operand v = {.mode = MODE_VALUE, .expr = l, .type = rhs[i]};
            assign_var(c, l, &v);
        }
    }
    c->loop_depth = depth + 1;
    stmt(c, s->u.range.body);
    c->loop_depth = depth;
    close_scope(c, mark);
}

NOINLINE static void labeled_stmt(Checker *c, Node *s) {
    Obj *l = s->u.labeled.obj;
    // A label that a later goto jumps back to starts a loop: what follows
    // it in its block is one loop level deeper (the block restores it).
    if (l && l->kind == OBJ_LABEL && l->u.label.backward_goto)
        c->loop_depth++;
    if (l && l->kind == OBJ_LABEL)
        l->u.label.loop_depth = c->loop_depth;
    stmt(c, s->u.labeled.stmt);
}

// An operand of an if's && / || chain (or the condition) that is constant:
// early deadcode folds the chain there.
static bool const_in_cond(const Node *n) {
    n = unparen(n);
    if (!n || node_val(n)->kind == CONST_BOOL)
        return n != NULL;
    return n->kind == N_BINARY && (n->u.binary.op == T_LAND || n->u.binary.op == T_LOR) &&
           (const_in_cond(n->u.binary.x) || const_in_cond(n->u.binary.y));
}

// What early deadcode acts on (FACT_DEAD_CODE), once s is checked.
static void dead_code_fact(Checker *c, const Node *s) {
    bool dead = false;
    switch (s->kind) {
    case N_EMPTYSTMT: dead = true; break;   // a body of empty statements is emptied
    case N_IF: dead = const_in_cond(s->u.ifs.cond); break;
    case N_SWITCH: dead = !s->u.sw.tag || node_val(unparen(s->u.sw.tag))->kind != CONST_NONE; break;
    case N_FOR: dead = s->u.fors.cond && node_val(unparen(s->u.fors.cond))->kind == CONST_BOOL; break;
    default: break;
    }
    if (dead)
        func_add_facts(c->fn, FACT_DEAD_CODE);
}

static void stmt(Checker *c, Node *s) {
    if (!s)
        return;
    switch (s->kind) {
    case N_EMPTYSTMT:
        dead_code_fact(c, s);
        break;
    case N_BAD:
        break;
    case N_DECLSTMT:
        if (s->u.declstmt.decl)
            check_local_decl(c, s->u.declstmt.decl);
        break;
    case N_LABELED:
        labeled_stmt(c, s);
        break;
    case N_EXPRSTMT:
        expr_stmt(c, s);
        break;
    case N_SENDSTMT:
        send_stmt(c, s);
        break;
    case N_INCDEC:
        incdec_stmt(c, s);
        break;
    case N_ASSIGN:
        assign_stmt(c, s);
        break;
    case N_GO: case N_DEFER:
        suspended_call(c, s);
        break;
    case N_RETURN:
        return_stmt(c, s);
        break;
    case N_BRANCH:
        break;
    case N_BLOCK: {
        // A bare block keeps the loop depth a looping label raised in it,
        // as gc's escape analysis does.
        ScopeMark mark = open_scope(c);
        stmt_list(c, &s->u.block.stmts);
        close_scope(c, mark);
        break;
    }
    case N_IF:
        if_stmt(c, s);
        dead_code_fact(c, s);
        break;
    case N_SWITCH:
        switch_stmt(c, s);
        dead_code_fact(c, s);
        break;
    case N_TYPESWITCH:
        type_switch_stmt(c, s);
        break;
    case N_SELECT:
        select_stmt(c, s);
        break;
    case N_FOR:
        for_stmt(c, s);
        dead_code_fact(c, s);
        break;
    case N_RANGE:
        range_stmt(c, s);
        break;
    default:
        check_errorf(c, s->pos, "invalid statement");
        break;
    }
}

static void stmt_list(Checker *c, NodeList *l) {
    for (int i = 0; i < l->len; i++)
        stmt(c, l->items[i]);
}

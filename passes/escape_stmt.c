// escape_stmt.c - statements into the location graph (gc's escape/stmt.go
// and assign.go), and the walk of one function.
//
// An assignment evaluates each target as a hole (esc_addr_of_target: a
// local variable is its own location, anything reached through a pointer,
// a slice element, a map entry or a global is the heap) and each value into
// it. Declarations record the loop depth the variable lives at: gc counts
// one level per for/range loop and one per label a later goto jumps back
// to, and a pointer stored from a deeper level into a shallower variable
// forces the pointee to the heap (it would be reused by the next
// iteration). What gc's IR does differently from the source is followed:
// `return f()` of a multi-value f and `x, y := f()` go through the call's
// result holes, `var x T` is not an assignment, range variables are
// assigned every iteration, type switch variables are one per clause.
//
// gc's early dead-code elimination runs before its escape analysis, so the
// branches of an `if` with a constant condition that can never run are not
// walked at all (nothing in them is reported), nor what follows an `if
// true { return }`.
#include "passes/escape.h"

#include <stdio.h>
#include <string.h>

static void stmt(EscWalk *w, Node *s);

static TypeKind ukind(Type *t) {
    Type *u = t ? type_underlying(t) : NULL;
    return u ? u->kind : TY_INVALID;
}

static bool is_blank(Node *n) {
    n = unparen(n);
    return n && n->kind == N_IDENT && name_is(n->u.ident.name, "_");
}

// The statement an assignment note names: a node, or a text of its own.
typedef struct Where {
    Node *n;
    const char *text;
    Pos pos;
} Where;

static Where where_node(Node *n) { return (Where){.n = n, .pos = n->pos}; }

static EscHole note_where(EscPass *p, EscHole k, Where wh, const char *why) {
    if (wh.text)
        return esc_note_at(p, k, wh.text, wh.pos, why);
    return esc_note(p, k, wh.n, why);
}

// A variable's declaration: its location lives at the current loop depth.
static EscHole dcl(EscWalk *w, Obj *var) {
    EscLoc *l = esc_var_loc(w, var);
    l->loop_depth = w->loop_depth;
    return esc_hole(l);
}

// ---------------------------------------------------------------------------
// Assignment targets

EscHole esc_addr_of_target(EscWalk *w, Node *n) {
    EscBatch *b = w->b;
    n = unparen(n);
    if (!n || is_blank(n))
        return esc_discard_hole(b);
    switch (n->kind) {
    case N_IDENT: {
        Obj *o = n->u.ident.obj;
        if (!o || o->kind != OBJ_VAR || o->u.var.is_global)
            return esc_heap_hole(b);
        return esc_hole(esc_var_loc(w, o));
    }
    case N_SELECTOR: {
        if (n->u.sel.kind != SEL_FIELD)
            return esc_heap_hole(b);
        // Through a pointer anywhere on the path: a store into memory
        // somewhere else.
        Type *t = n->u.sel.x->type;
        bool ptr = false;
        int depth = n->u.sel.depth > 0 ? n->u.sel.depth : 1;
        for (int i = 0; i < depth; i++) {
            Type *u = t ? type_underlying(t) : NULL;
            if (u && u->kind == TY_POINTER) {
                ptr = true;
                u = type_underlying(u->u.ptr.elem);
            }
            if (!u || u->kind != TY_STRUCT || !n->u.sel.path || n->u.sel.path[i] >= u->u.strct.nfields)
                break;
            t = u->u.strct.fields[n->u.sel.path[i]].type;
        }
        if (ptr) {
            esc_discard(w, n);
            return esc_heap_hole(b);
        }
        return esc_addr_of_target(w, n->u.sel.x);
    }
    case N_INDEX: {
        Node *x = n->u.index.x;
        TypeKind xk = ukind(x->type);
        if (xk == TY_MAP) {
            esc_discard(w, x);
            Type *kt = type_underlying(x->type)->u.map.key;
            esc_assign_heap_key(w, n->u.index.index, n, kt, x->pos);
            return esc_heap_hole(b);
        }
        esc_discard(w, n->u.index.index);
        if (xk == TY_ARRAY)
            return esc_addr_of_target(w, x);
        esc_discard(w, x);
        return esc_heap_hole(b);
    }
    case N_STAR:
        esc_discard(w, n);
        return esc_heap_hole(b);
    default:
        return esc_heap_hole(b);
    }
}

void esc_assign_heap(EscWalk *w, Node *src, const char *why, Node *where, Type *dst, Pos at) {
    esc_expr_to(w, esc_note(w->p, esc_heap_hole(w->b), where, why), src, dst, at);
}

// ---------------------------------------------------------------------------
// Self-assignment (gc's isSelfAssign)

static bool same_safe_expr(Node *l, Node *r);

// The selectors' bases are the same safe expression, and their embedded
// paths agree up to the last step.
static bool same_selector_base(Node *a, Node *b) {
    int da = a->u.sel.depth > 0 ? a->u.sel.depth : 1, db = b->u.sel.depth > 0 ? b->u.sel.depth : 1;
    if (da != db)
        return false;
    for (int i = 0; i + 1 < da; i++)
        if (!a->u.sel.path || !b->u.sel.path || a->u.sel.path[i] != b->u.sel.path[i])
            return false;
    return same_safe_expr(a->u.sel.x, b->u.sel.x);
}

static bool same_safe_expr(Node *l, Node *r) {
    l = unparen(l);
    r = unparen(r);
    if (!l || !r || l->kind != r->kind)
        return false;
    if (node_val(l)->kind != CONST_NONE || node_val(r)->kind != CONST_NONE) {
        if (node_val(l)->kind != node_val(r)->kind)
            return false;
        if (node_val(l)->kind == CONST_INT || node_val(l)->kind == CONST_STRING || node_val(l)->kind == CONST_BOOL)
            return const_equal(*node_val(l), *node_val(r));
        return false;
    }
    switch (l->kind) {
    case N_IDENT:
        return l->u.ident.obj && l->u.ident.obj == r->u.ident.obj;
    case N_SELECTOR:
        if (l->u.sel.kind != SEL_FIELD || r->u.sel.kind != SEL_FIELD || l->u.sel.obj != r->u.sel.obj)
            return false;
        return same_selector_base(l, r);
    case N_STAR:
        return same_safe_expr(l->u.unary.x, r->u.unary.x);
    case N_INDEX:
        return same_safe_expr(l->u.index.x, r->u.index.x) && same_safe_expr(l->u.index.index, r->u.index.index);
    case N_BINARY:
        return l->u.binary.op == r->u.binary.op && same_safe_expr(l->u.binary.x, r->u.binary.x) &&
               same_safe_expr(l->u.binary.y, r->u.binary.y);
    case N_UNARY:
        return l->u.unary.op == r->u.unary.op && l->u.unary.op != T_AND && l->u.unary.op != T_ARROW &&
               same_safe_expr(l->u.unary.x, r->u.unary.x);
    case N_CALL:
        if (l->u.call.kind != CALL_CONVERSION || r->u.call.kind != CALL_CONVERSION || !l->type || !r->type ||
            !type_identical(l->type, r->type) || l->u.call.args.len != 1 || r->u.call.args.len != 1)
            return false;
        return same_safe_expr(l->u.call.args.items[0], r->u.call.args.items[0]);
    default:
        return false;
    }
}

static bool may_affect_memory(Node *n) {
    n = unparen(n);
    if (!n || node_val(n)->kind != CONST_NONE)
        return false;
    switch (n->kind) {
    case N_IDENT: case N_BASICLIT:
        return false;
    case N_BINARY:
        switch (n->u.binary.op) {
        case T_ADD: case T_SUB: case T_OR: case T_XOR: case T_MUL: case T_SHL: case T_SHR: case T_AND:
        case T_AND_NOT: case T_QUO: case T_REM:
            return may_affect_memory(n->u.binary.x) || may_affect_memory(n->u.binary.y);
        default:
            return true;
        }
    case N_INDEX:
        return may_affect_memory(n->u.index.x) || may_affect_memory(n->u.index.index);
    case N_UNARY:
        if (n->u.unary.op == T_AND || n->u.unary.op == T_ARROW)
            return true;
        return may_affect_memory(n->u.unary.x);
    case N_STAR:
        return may_affect_memory(n->u.unary.x);
    case N_SELECTOR:
        if (n->u.sel.kind != SEL_FIELD)
            return true;
        return may_affect_memory(n->u.sel.x);
    case N_CALL:
        if (n->u.call.kind == CALL_CONVERSION && n->u.call.args.len == 1)
            return may_affect_memory(n->u.call.args.items[0]);
        if (n->u.call.kind == CALL_BUILTIN && n->u.call.args.len == 1 &&
            (n->u.call.builtin == BI_LEN || n->u.call.builtin == BI_CAP))
            return may_affect_memory(n->u.call.args.items[0]);
        return true;
    default:
        return true;
    }
}

// dst is *x or x.f through a pointer, src a slice of *x or x.f of the same
// x: `b.buf = b.buf[n:m]` stores no new pointer into b.
static bool is_slice_self_assign(Node *dst, Node *src) {
    Node *dx = NULL;
    if (dst->kind == N_STAR)
        dx = unparen(dst->u.unary.x);
    else if (dst->kind == N_SELECTOR && dst->u.sel.kind == SEL_FIELD && esc_sel_ptr_last(dst) &&
             dst->u.sel.depth <= 1)
        dx = unparen(dst->u.sel.x);
    if (!dx || dx->kind != N_IDENT)
        return false;
    if (src->kind != N_SLICE)
        return false;
    Node *base = unparen(src->u.slice.x);
    if (ukind(base->type) == TY_ARRAY)
        return false;   // slicing an array value takes its address
    Node *bx = NULL;
    if (base->kind == N_STAR)
        bx = unparen(base->u.unary.x);
    else if (base->kind == N_SELECTOR && base->u.sel.kind == SEL_FIELD && esc_sel_ptr_last(base) &&
             base->u.sel.depth <= 1)
        bx = unparen(base->u.sel.x);
    if (!bx || bx->kind != N_IDENT)
        return false;
    return bx->u.ident.obj && bx->u.ident.obj == dx->u.ident.obj;
}

static bool is_self_assign(Node *dst, Node *src) {
    dst = unparen(dst);
    src = unparen(src);
    if (!dst || !src)
        return false;
    if (is_slice_self_assign(dst, src))
        return true;
    if (dst->kind != src->kind)
        return false;
    switch (dst->kind) {
    case N_SELECTOR:
        if (dst->u.sel.kind != SEL_FIELD || src->u.sel.kind != SEL_FIELD)
            return false;
        if (esc_sel_ptr_last(dst) != esc_sel_ptr_last(src))
            return false;
        return same_selector_base(dst, src);
    case N_INDEX:
        if (ukind(dst->u.index.x->type) == TY_MAP || ukind(src->u.index.x->type) == TY_MAP)
            return false;
        if (may_affect_memory(dst->u.index.index) || may_affect_memory(src->u.index.index))
            return false;
        return same_safe_expr(dst->u.index.x, src->u.index.x);
    default:
        return false;
    }
}

// ---------------------------------------------------------------------------
// Assignments

// Marks the targets as reassigned, except the variables `where` declares
// (gc's reassigned).
static void reassigned(EscWalk *w, EscHole *ks, int n, Node *where, bool is_range) {
    (void)w;
    for (int i = 0; i < n; i++) {
        EscLoc *l = ks[i].dst;
        if (!is_range && l->var && l->var->decl == where)
            continue;
        l->reassigned = true;
    }
}

// dsts... = srcs... (gc's assignList). `at` is where implicit conversions
// to interfaces are reported when the SSA does not say.
static void assign_list(EscWalk *w, Node **dsts, int ndst, Node **srcs, int nsrc, Type **dst_types, const char *why,
                        Where wh, Node *where_stmt, Pos at) {
    EscPass *p = w->p;
    EscHole *ks = ARENA_ARRAY(p->batch_arena, EscHole, ndst + 1);
    for (int i = 0; i < ndst; i++)
        ks[i] = esc_addr_of_target(w, dsts[i]);
    for (int i = 0; i < ndst; i++) {
        Node *src = i < nsrc ? srcs[i] : NULL;
        EscHole k = ks[i];
        if (src && dsts[i] && esc_is_reflect_header_data(dsts[i])) {
            esc_unsafe_value(w, note_where(p, esc_heap_hole(w->b), wh, why), src);
            continue;
        }
        // A value of another type is converted (implicitly) first: gc's
        // source is then a conversion, never the same expression. An op=
        // converts nothing (x >>= y is the pair x, y to escape analysis).
        bool op_assign = where_stmt && where_stmt->kind == N_ASSIGN && where_stmt->u.assign.op != T_ASSIGN &&
                         where_stmt->u.assign.op != T_DEFINE;
        bool converted = !op_assign && src && dsts[i] && src->type && dsts[i]->type &&
                         !type_identical(src->type, dsts[i]->type);
        if (src && dsts[i] && !converted && is_self_assign(dsts[i], src)) {
            if (p->m && esc_reports(p, wh.pos))
                diag_note(p->cc, wh.pos, "%s ignoring self-assignment in %s", w->fn->info->gc_name,
                          wh.text ? wh.text : stmt_string(p->cc, wh.n));
            k = esc_discard_hole(w->b);
        }
        if (src)
            esc_expr_to(w, note_where(p, k, wh, why), src, dst_types ? dst_types[i] : NULL, at);
    }
    reassigned(w, ks, ndst, where_stmt, false);
}

static bool declares(Node *n, Node *stmt) {
    n = unparen(n);
    if (!n || n->kind != N_IDENT || !n->u.ident.obj || n->u.ident.obj->kind != OBJ_VAR)
        return false;
    Obj *o = n->u.ident.obj;
    return o->decl == stmt && o->pos.line == n->pos.line && o->pos.col == n->pos.col && o->pos.file == n->pos.file;
}

static Type *target_type(Node *n) {
    n = unparen(n);
    if (!n || is_blank(n))
        return NULL;
    return n->type;
}

// gc's noder stands at the last thing it visited when it makes an
// implicit conversion: for `=` the last target, for `:=` the last value.
static Pos conversion_pos(Node *s, NodeList *lhs, NodeList *rhs, bool define) {
    Pos at = s->pos;
    NodeList *l = define ? rhs : lhs;
    if (l->len) {
        Node *n = unparen(l->items[l->len - 1]);
        while (n) {
            at = n->pos;
            if (n->kind == N_SELECTOR && n->u.sel.kind != SEL_QUALIFIED)
                n = unparen(n->u.sel.x);
            else if (n->kind == N_INDEX)
                n = unparen(n->u.index.x);
            else if (n->kind == N_STAR)
                n = unparen(n->u.unary.x);
            else
                break;
        }
    }
    return at;
}

// The call of `a, b = f()` (or `var a, b T = f()`) when some target's type
// is not f's result type: gc's type checker then assigns the results to
// temporaries first and converts each into its target (RewriteMultiValueCall).
// A target's type: a variable's own (the checker may record on the name
// the value's type where `:=` redeclares it), nothing for `_`.
static Type *lhs_type(Node *n) {
    Node *u = unparen(n);
    // var _ T = ... declares a blank of type T; `_ = ...` has no type.
    if (u && is_blank(u) && u->kind == N_IDENT && u->u.ident.obj && u->u.ident.obj->kind == OBJ_VAR &&
        u->u.ident.obj->decl && u->u.ident.obj->decl->kind == N_VALUESPEC)
        return u->u.ident.obj->type;
    if (!u || is_blank(u))
        return NULL;
    if (u->kind == N_IDENT && u->u.ident.obj && u->u.ident.obj->kind == OBJ_VAR)
        return u->u.ident.obj->type;
    return u->type;
}

static Node *multi_assign_call(Node *s) {
    NodeList *lhs, *rhs;
    if (s->kind == N_ASSIGN && (s->u.assign.op == T_ASSIGN || s->u.assign.op == T_DEFINE)) {
        lhs = &s->u.assign.lhs;
        rhs = &s->u.assign.rhs;
    } else if (s->kind == N_VALUESPEC) {
        lhs = &s->u.valspec.names;
        rhs = &s->u.valspec.values;
    } else {
        return NULL;
    }
    if (lhs->len < 2 || rhs->len != 1)
        return NULL;
    Node *r = unparen(rhs->items[0]);
    if (!r || r->kind != N_CALL || r->u.call.kind == CALL_CONVERSION || !r->type || r->type->kind != TY_TUPLE ||
        r->type->u.tuple.n != lhs->len)
        return NULL;
    for (int i = 0; i < lhs->len; i++) {
        Type *t = lhs_type(lhs->items[i]);
        if (t && !type_identical(t, r->type->u.tuple.types[i]))
            return r;
    }
    return NULL;
}

int esc_multi_assign_temps(Node *s) {
    Node *r = multi_assign_call(s);
    return r ? r->type->u.tuple.n : 0;
}

// A temporary of the rewritten `a, b = f()` into its target, converted to
// the target's interface type if need be (gc's OAS2 of the temporaries).
static void temp_to_target(EscWalk *w, EscHole k, EscLoc *t, Type *dst, Node *call, Pos at) {
    EscPass *p = w->p;
    if (dst && type_is_interface(dst) && t->type && !type_is_interface(t->type)) {
        if (!type_is_direct_iface(t->type)) {
            EscLoc *l = esc_new_loc(w, LOC_ALLOC, true);
            l->alloc = AK_CONVIFACE;
            l->n = call;
            l->text = t->name;
            l->pos = at;
            l->type = t->type;
            EscHole a = esc_shift(k, -1);
            if (p->explain)
                a = esc_note_at(p, a, t->name, at, "spill");
            esc_flow(w->b, a, l);
            k = esc_hole(l);
        }
        if (p->explain)
            k = esc_note_at(p, k, t->name, at, "interface-converted");
    }
    esc_flow(w->b, k, t);
}

static void assign_multi_temps(EscWalk *w, Node *s, Node **lhs, int nl, Node *call, Pos at) {
    EscPass *p = w->p;
    Type *tt = call->type;
    bool define = s->kind == N_VALUESPEC || s->u.assign.op == T_DEFINE;
    // gc declares the statement's new variables before it makes the
    // temporaries: they are numbered after them.
    Pos saved = w->stmt_pos;
    Pos after = lhs[nl - 1]->pos;
    after.col++;
    w->stmt_pos = after;
    EscLoc **temps = ARENA_ARRAY(p->batch_arena, EscLoc *, nl + 1);
    EscHole *tk = ARENA_ARRAY(p->batch_arena, EscHole, nl + 1);
    for (int i = 0; i < nl; i++) {
        temps[i] = esc_temp_var(w, tt->u.tuple.types[i], s->pos, true);
        tk[i] = esc_hole(temps[i]);
    }
    w->stmt_pos = saved;
    // For `=` the conversions are where gc's noder last stood: the last
    // target that is not `_`.
    if (!define)
        for (int i = nl - 1; i >= 0; i--)
            if (!is_blank(lhs[i])) {
                Node *n = unparen(lhs[i]);
                while (n) {
                    at = n->pos;
                    if (n->kind == N_SELECTOR && n->u.sel.kind != SEL_QUALIFIED)
                        n = unparen(n->u.sel.x);
                    else if (n->kind == N_INDEX)
                        n = unparen(n->u.index.x);
                    else if (n->kind == N_STAR)
                        n = unparen(n->u.unary.x);
                    else
                        break;
                }
                break;
            }
    esc_call(w, tk, nl, call);
    Where wh = {.n = s, .pos = s->pos};
    if (p->explain) {
        size_t cap = 16;
        const char **names = ARENA_ARRAY(p->arena, const char *, nl + 1);
        for (int i = 0; i < nl; i++) {
            names[i] = is_blank(lhs[i]) ? "_" : expr_string(p->cc, lhs[i]);
            cap += strlen(names[i]) + strlen(temps[i]->name) + 4;
        }
        char *buf = arena_alloc(p->arena, cap);
        size_t len = 0;
        for (int i = 0; i < nl; i++)
            len += (size_t)snprintf(buf + len, cap - len, "%s%s", i ? ", " : "", names[i]);
        len += (size_t)snprintf(buf + len, cap - len, s->kind == N_ASSIGN && define ? " := " : " = ");
        for (int i = 0; i < nl; i++)
            len += (size_t)snprintf(buf + len, cap - len, "%s%s", i ? ", " : "", temps[i]->name);
        wh.text = buf;
    }
    EscHole *ks = ARENA_ARRAY(p->batch_arena, EscHole, nl + 1);
    for (int i = 0; i < nl; i++)
        ks[i] = esc_addr_of_target(w, lhs[i]);
    for (int i = 0; i < nl; i++)
        temp_to_target(w, note_where(p, ks[i], wh, "assign-pair"), temps[i], lhs_type(lhs[i]), call, at);
    reassigned(w, ks, nl, s, false);
}

// v, ok forms and multi-value calls on the right of a multi-target
// assignment.
static void assign_multi(EscWalk *w, Node *s, Node **lhs, int nl, Node *rhs, Type **types, Pos at) {
    EscPass *p = w->p;
    Node *r = unparen(rhs);
    Node *rewritten = multi_assign_call(s);
    if (rewritten) {
        assign_multi_temps(w, s, lhs, nl, rewritten, at);
        return;
    }
    if (r && r->kind == N_CALL && r->u.call.kind != CALL_CONVERSION) {
        EscHole *ks = ARENA_ARRAY(p->batch_arena, EscHole, nl + 1);
        for (int i = 0; i < nl; i++)
            ks[i] = esc_addr_of_target(w, lhs[i]);
        esc_call(w, ks, nl, r);
        reassigned(w, ks, nl, s, false);
        return;
    }
    const char *why = "assign-pair";
    if (r && r->kind == N_TYPEASSERT)
        why = "assign-pair-dot-type";
    else if (r && r->kind == N_INDEX)
        why = "assign-pair-mapr";
    else if (r && r->kind == N_UNARY && r->u.unary.op == T_ARROW)
        why = "assign-pair-receive";
    // The value of a comma-ok form is converted to its target's type only
    // later (gc's walk), so no conversion is seen here.
    (void)types;
    assign_list(w, lhs, nl, &rhs, 1, NULL, why, where_node(s), s, at);
}

static void assign_stmt(EscWalk *w, Node *s) {
    EscPass *p = w->p;
    NodeList *lhs = &s->u.assign.lhs, *rhs = &s->u.assign.rhs;
    TokKind op = s->u.assign.op;
    if (op != T_ASSIGN && op != T_DEFINE) {
        Node *l = lhs->len ? lhs->items[0] : NULL, *r = rhs->len ? rhs->items[0] : NULL;
        assign_list(w, &l, 1, &r, 1, NULL, "assign", where_node(s), s, s->pos);
        return;
    }
    bool define = op == T_DEFINE;
    if (define)
        for (int i = 0; i < lhs->len; i++)
            if (declares(lhs->items[i], s))
                dcl(w, unparen(lhs->items[i])->u.ident.obj);
    Type **types = ARENA_ARRAY(p->batch_arena, Type *, lhs->len + 1);
    for (int i = 0; i < lhs->len; i++)
        types[i] = target_type(lhs->items[i]);
    Pos at = conversion_pos(s, lhs, rhs, define);
    if (lhs->len == rhs->len) {
        assign_list(w, lhs->items, lhs->len, rhs->items, rhs->len, types, lhs->len == 1 && !(s->flags & NF_INLINED) ? "assign" : "assign-pair",
                    where_node(s), s, at);
        return;
    }
    if (rhs->len == 1)
        assign_multi(w, s, lhs->items, lhs->len, rhs->items[0], types, at);
}

static void value_spec(EscWalk *w, Node *spec) {
    EscPass *p = w->p;
    NodeList *names = &spec->u.valspec.names, *values = &spec->u.valspec.values;
    for (int i = 0; i < names->len; i++) {
        Obj *o = names->items[i]->u.ident.obj;
        if (o && !is_blank(names->items[i]))
            dcl(w, o);
    }
    if (values->len == 0)
        return;     // var x T: the zero value, not an assignment
    Type **types = ARENA_ARRAY(p->batch_arena, Type *, names->len + 1);
    for (int i = 0; i < names->len; i++) {
        Obj *o = names->items[i]->u.ident.obj;
        // `var _ T = v` converts v to T too.
        types[i] = o ? o->type : NULL;
    }
    Pos at = conversion_pos(spec, values, values, true);
    if (values->len == names->len) {
        for (int i = 0; i < names->len; i++) {
            Where wh = {.n = spec, .pos = spec->pos};
            if (p->explain)
                wh.text = var_assign_string(p->cc, spec, i);
            assign_list(w, &names->items[i], 1, &values->items[i], 1, &types[i], "assign", wh, spec, at);
        }
        return;
    }
    if (values->len == 1)
        assign_multi(w, spec, names->items, names->len, values->items[0], types, at);
}

// ---------------------------------------------------------------------------
// Returns

static void return_stmt(EscWalk *w, Node *s) {
    EscPass *p = w->p;
    EscFn *fn = w->fn;
    NodeList *res = &s->u.ret.results;
    int n = fn->nresults;
    if (n == 0) {
        for (int i = 0; i < res->len; i++)
            esc_discard(w, res->items[i]);
        return;
    }
    EscHole *ks = ARENA_ARRAY(p->batch_arena, EscHole, n + 1);
    for (int i = 0; i < n; i++)
        ks[i] = fn->results[i] ? esc_hole(fn->results[i]) : esc_discard_hole(w->b);
    if (res->len == 1 && n > 1) {
        // return f(): gc assigns f's results to temporaries first.
        Node *call = unparen(res->items[0]);
        EscLoc **temps = ARENA_ARRAY(p->batch_arena, EscLoc *, n);
        EscHole *tk = ARENA_ARRAY(p->batch_arena, EscHole, n);
        for (int i = 0; i < n; i++) {
            temps[i] = esc_temp_var(w, fn->results[i] ? fn->results[i]->type : NULL, s->pos, true);
            tk[i] = esc_hole(temps[i]);
        }
        if (call && call->kind == N_CALL)
            esc_call(w, tk, n, call);
        else
            esc_discard(w, call);
        const char *text = NULL;
        if (p->explain) {
            size_t cap = 16;
            for (int i = 0; i < n; i++)
                cap += strlen(temps[i]->name) + 2;
            char *buf = arena_alloc(p->arena, cap);
            strcpy(buf, "return ");
            for (int i = 0; i < n; i++) {
                if (i)
                    strcat(buf, ", ");
                strcat(buf, temps[i]->name);
            }
            text = buf;
        }
        for (int i = 0; i < n; i++) {
            EscHole k = ks[i];
            if (p->explain)
                k = esc_note_at(p, k, text, s->pos, "return");
            esc_flow(w->b, k, temps[i]);
        }
        reassigned(w, ks, n, s, false);
        return;
    }
    Type **types = ARENA_ARRAY(p->batch_arena, Type *, n + 1);
    for (int i = 0; i < n; i++)
        types[i] = fn->results[i] ? fn->results[i]->type : NULL;
    for (int i = 0; i < n && i < res->len; i++) {
        Node *src = res->items[i];
        EscHole k = esc_note(p, ks[i], s, "return");
        esc_expr_to(w, k, src, types[i], src->pos);
    }
    reassigned(w, ks, n, s, false);
}

// ---------------------------------------------------------------------------
// Control flow

static void block(EscWalk *w, NodeList *l) {
    int saved = w->loop_depth;
    esc_stmts(w, l);
    w->loop_depth = saved;
}

static void block_node(EscWalk *w, Node *n) {
    if (!n)
        return;
    int saved = w->loop_depth;
    if (n->kind == N_BLOCK)
        esc_stmts(w, &n->u.block.stmts);
    else
        stmt(w, n);
    w->loop_depth = saved;
}

static bool const_bool(Node *n, bool *v) {
    n = unparen(n);
    if (!n || node_val(n)->kind != CONST_BOOL)
        return false;
    *v = node_val(n)->u.b;
    return true;
}

// Does a statement list end in a return or panic (gc's deadcode cut)?
static bool ends_in_return(Node *body) {
    if (!body)
        return false;
    NodeList *l = body->kind == N_BLOCK ? &body->u.block.stmts : NULL;
    Node *last = l ? (l->len ? l->items[l->len - 1] : NULL) : body;
    if (!last)
        return false;
    if (last->kind == N_RETURN)
        return true;
    if (last->kind == N_EXPRSTMT) {
        Node *c = unparen(last->u.unary.x);
        return c && c->kind == N_CALL && c->u.call.kind == CALL_BUILTIN && c->u.call.builtin == BI_PANIC;
    }
    return false;
}

// An if statement; returns true when gc's dead-code pass would cut the
// statements after it.
static bool if_stmt(EscWalk *w, Node *s) {
    stmt(w, s->u.ifs.init);
    bool v;
    if (const_bool(s->u.ifs.cond, &v)) {
        Node *taken = v ? s->u.ifs.then : s->u.ifs.els;
        block_node(w, taken);
        return !s->u.ifs.init && ends_in_return(taken);
    }
    esc_discard(w, s->u.ifs.cond);
    block_node(w, s->u.ifs.then);
    block_node(w, s->u.ifs.els);
    return false;
}

static void for_stmt(EscWalk *w, Node *s) {
    stmt(w, s->u.fors.init);
    w->loop_depth++;
    esc_discard(w, s->u.fors.cond);
    stmt(w, s->u.fors.post);
    block_node(w, s->u.fors.body);
    w->loop_depth--;
}

static void range_stmt(EscWalk *w, Node *s) {
    EscPass *p = w->p;
    Node *key = s->u.range.key, *value = s->u.range.value;
    if (s->u.range.define) {
        if (key && !is_blank(key) && unparen(key)->u.ident.obj)
            dcl(w, unparen(key)->u.ident.obj);
        if (value && !is_blank(value) && unparen(value)->u.ident.obj)
            dcl(w, unparen(value)->u.ident.obj);
    }
    EscLoc *tmp = esc_new_loc(w, LOC_TEMP, false);
    esc_expr(w, esc_hole(tmp), s->u.range.x);
    w->loop_depth++;
    EscHole ks[2];
    ks[0] = esc_addr_of_target(w, key);
    ks[1] = esc_addr_of_target(w, value);
    if (ukind(s->u.range.x->type) == TY_ARRAY)
        esc_flow(w->b, esc_note(p, ks[1], s, "range"), tmp);
    else
        esc_flow(w->b, esc_deref(p, ks[1], s, "range-deref"), tmp);
    reassigned(w, ks, 2, s, true);
    block_node(w, s->u.range.body);
    w->loop_depth--;
}

static bool same_const(const ConstVal *a, const ConstVal *b) {
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case CONST_BOOL: case CONST_INT: case CONST_FLOAT: case CONST_STRING: return const_equal(*a, *b);
    default: return false;
    }
}

static bool has_fallthrough(Node *clause) {
    NodeList *body = &clause->u.clause.body;
    for (int i = 0; i < body->len; i++) {
        Node *s = body->items[i];
        if (s && s->kind == N_BRANCH && s->u.branch.tok == T_FALLTHROUGH)
            return true;
    }
    return false;
}

// gc's dead-code pass settles a switch on a constant (or no) tag whose
// cases are constants before escape analysis sees it: only the clause that
// runs is left (none, if none matches). Returns false when it cannot tell.
static bool const_switch(Node *s, Node **only) {
    Node *tag = unparen(s->u.sw.tag);
    ConstVal x = {.kind = CONST_BOOL, .u.b = true};
    if (tag) {
        if (node_val(tag)->kind == CONST_NONE)
            return false;
        x = *node_val(tag);
    }
    Node *def = NULL;
    for (int i = 0; i < s->u.sw.clauses.len; i++) {
        Node *c = s->u.sw.clauses.items[i];
        if (c->u.clause.is_default || c->u.clause.list.len == 0) {
            def = c;
            continue;
        }
        for (int j = 0; j < c->u.clause.list.len; j++) {
            Node *v = unparen(c->u.clause.list.items[j]);
            if (!v || node_val(v)->kind == CONST_NONE)
                return false;
            if (same_const(&x, node_val(v))) {
                if (has_fallthrough(c))
                    return false;
                *only = c;
                return true;
            }
        }
    }
    if (def && has_fallthrough(def))
        return false;
    *only = def;
    return true;
}

static void switch_stmt(EscWalk *w, Node *s) {
    stmt(w, s->u.sw.init);
    Node *only = NULL;
    if (const_switch(s, &only)) {
        if (only)
            block(w, &only->u.clause.body);
        return;
    }
    esc_discard(w, s->u.sw.tag);
    for (int i = 0; i < s->u.sw.clauses.len; i++) {
        Node *c = s->u.sw.clauses.items[i];
        for (int j = 0; j < c->u.clause.list.len; j++)
            esc_discard(w, c->u.clause.list.items[j]);
        block(w, &c->u.clause.body);
    }
}

static void type_switch_stmt(EscWalk *w, Node *s) {
    EscPass *p = w->p;
    stmt(w, s->u.sw.init);
    int n = s->u.sw.clauses.len;
    EscHole *ks = ARENA_ARRAY(p->batch_arena, EscHole, n + 1);
    int nk = 0;
    if (s->u.sw.bind) {
        for (int i = 0; i < n; i++) {
            Node *c = s->u.sw.clauses.items[i];
            Obj *v = c->u.clause.bind;
            if (!v)
                continue;
            EscHole k = dcl(w, v);
            // gc puts a clause's variable at the clause's colon.
            if (pos_known(c->u.clause.colon))
                k.dst->pos = c->u.clause.colon;
            if (esc_type_has_pointers(v->type)) {
                if (!type_is_interface(v->type) && !type_is_direct_iface(v->type))
                    k = esc_shift(k, 1);
                ks[nk++] = esc_note(p, k, c, "switch case");
            }
        }
    }
    esc_expr(w, esc_tee(w, ks, nk), s->u.sw.tag);
    for (int i = 0; i < n; i++) {
        Node *c = s->u.sw.clauses.items[i];
        block(w, &c->u.clause.body);
    }
}

static void select_stmt(EscWalk *w, Node *s) {
    for (int i = 0; i < s->u.sw.clauses.len; i++) {
        Node *c = s->u.sw.clauses.items[i];
        Node *comm = c->u.clause.comm;
        if (comm && comm->kind == N_ASSIGN) {
            // v, ok := <-ch in a select: gc's OSELRECV2.
            NodeList *lhs = &comm->u.assign.lhs, *rhs = &comm->u.assign.rhs;
            if (comm->u.assign.op == T_DEFINE)
                for (int j = 0; j < lhs->len; j++)
                    if (declares(lhs->items[j], comm))
                        dcl(w, unparen(lhs->items[j])->u.ident.obj);
            assign_list(w, lhs->items, lhs->len, rhs->items, rhs->len, NULL, "assign-pair-receive",
                        where_node(comm), comm, comm->pos);
        } else {
            stmt(w, comm);
        }
        block(w, &c->u.clause.body);
    }
}

static void send_stmt(EscWalk *w, Node *s) {
    Type *cu = s->u.send.chan->type ? type_underlying(s->u.send.chan->type) : NULL;
    esc_discard(w, s->u.send.chan);
    esc_assign_heap(w, s->u.send.value, "send", s, cu && cu->kind == TY_CHAN ? cu->u.chan.elem : NULL,
                    s->u.send.value->pos);
}

static void expr_stmt(EscWalk *w, Node *s) {
    Node *x = unparen(s->u.unary.x);
    if (x && x->kind == N_CALL && x->u.call.kind != CALL_CONVERSION) {
        esc_call(w, NULL, 0, x);
        return;
    }
    esc_discard(w, x);
}

static void decl_stmt(EscWalk *w, Node *s) {
    Node *d = s->u.declstmt.decl;
    if (!d || d->kind != N_GENDECL || d->u.gendecl.tok != T_VAR)
        return;
    for (int i = 0; i < d->u.gendecl.specs.len; i++)
        value_spec(w, d->u.gendecl.specs.items[i]);
}

static void stmt(EscWalk *w, Node *s) {
    if (!s)
        return;
    w->stmt_pos = node_start_pos(s);
    switch (s->kind) {
    case N_DECLSTMT: decl_stmt(w, s); return;
    case N_LABELED: {
        Obj *l = s->u.labeled.obj;
        if (l && l->kind == OBJ_LABEL && l->u.label.backward_goto)
            w->loop_depth++;
        stmt(w, s->u.labeled.stmt);
        return;
    }
    case N_EXPRSTMT: expr_stmt(w, s); return;
    case N_SENDSTMT: send_stmt(w, s); return;
    case N_INCDEC: {
        EscHole k = esc_addr_of_target(w, s->u.incdec.x);
        reassigned(w, &k, 1, s, false);
        return;
    }
    case N_ASSIGN: assign_stmt(w, s); return;
    case N_GO: case N_DEFER: esc_go_defer(w, s); return;
    case N_RETURN: return_stmt(w, s); return;
    case N_BLOCK: esc_stmts(w, &s->u.block.stmts); return;
    case N_IF: if_stmt(w, s); return;
    case N_SWITCH: switch_stmt(w, s); return;
    case N_TYPESWITCH: type_switch_stmt(w, s); return;
    case N_SELECT: select_stmt(w, s); return;
    case N_FOR: for_stmt(w, s); return;
    case N_RANGE: range_stmt(w, s); return;
    default: return;
    }
}

static bool is_label_stmt(Node *s) { return s && s->kind == N_LABELED; }

void esc_stmts(EscWalk *w, NodeList *l) {
    // gc's dead-code pass keeps labels: it only cuts after the last one.
    int last_label = -1;
    for (int i = 0; i < l->len; i++)
        if (is_label_stmt(l->items[i]))
            last_label = i;
    for (int i = 0; i < l->len; i++) {
        Node *s = l->items[i];
        if (s && s->kind == N_IF) {
            if (if_stmt(w, s) && i > last_label)
                return;
            continue;
        }
        stmt(w, s);
    }
}

// ---------------------------------------------------------------------------
// Functions

void esc_walk_func(EscBatch *b, EscFn *fn) {
    EscWalk w = {.b = b, .p = b->pass, .fn = fn, .loop_depth = 1};
    fn->state = FN_STARTED;
    fn->visited = true;
    FuncInfo *fi = fn->info;
    Node *body = NULL;
    if (fi->decl && fi->decl->kind == N_FUNCDECL)
        body = fi->decl->u.funcdecl.body;
    else if (fi->decl && fi->decl->kind == N_FUNCLIT)
        body = fi->decl->u.funclit.body;
    if (body && body->kind == N_BLOCK)
        block(&w, &body->u.block.stmts);
}

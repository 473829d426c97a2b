// escape_expr.c - expressions into the location graph (gc's escape/expr.go,
// on minigc's typed AST).
//
// esc_expr(w, k, n) evaluates n in hole k: whatever n's value may point to
// flows into k. Each construct shifts the hole the way it moves pointers:
// &x takes an address (-1), *p and p.f through a pointer load (+1), x.f of
// a struct value and a[i] of an array are x itself, s[i] of a slice loads,
// a conversion to an interface boxes (a new allocation) unless the value is
// pointer-shaped. Allocations (new, &T{}, make, literals of slices and maps,
// func literals, method values, boxing, string conversions and
// concatenation) get a location of their own whose address flows into k
// (esc_spill). Operands whose values are thrown away are still walked
// (esc_discard): they may allocate.
//
// The AST is what gc's noder would turn into IR; where gc's IR differs, the
// walk does what the IR would: an implicit conversion to an interface
// happens where a value is assigned (esc_expr_to, at the position gc
// reports it, which the SSA builder worked out), a method's receiver gets
// the implicit & or * and the embedded fields walked, a composite literal
// element written `{...}` for a pointer element is &T{...}. Calls are in
// escape_call.c.
#include "passes/escape.h"

#include <stdio.h>
#include <string.h>

bool esc_is_nil(Node *n) {
    n = unparen(n);
    if (!n)
        return false;
    if (n->kind == N_IDENT && n->u.ident.obj && n->u.ident.obj->kind == OBJ_NIL)
        return true;
    return n->type && n->type->kind == TY_UNTYPED_NIL;
}

EscFn *esc_fn_of(EscPass *p, FuncInfo *fi) { return fi ? escmap_get(&p->fns, fi) : NULL; }

void esc_discard(EscWalk *w, Node *n) { esc_expr(w, esc_discard_hole(w->b), n); }

// ---------------------------------------------------------------------------
// Conversions

// A conversion to interface of x, reported as `shown` at `pos` (gc's
// OCONVIFACE: explicit, or implicit where a value is assigned).
// Where gc reports the conversion of n to an interface: the SSA knows (the
// builder placed its ConvIface or IMake there); dead code has no SSA.
Pos esc_conv_pos(EscPass *p, Node *n, Pos fallback) {
    Value *sv = escmap_get(&p->ssa_convs, n);
    if (sv && (sv->op == OpConvIface || sv->op == OpIMake) && pos_known(sv->pos))
        return sv->pos;
    return fallback;
}

// A constant converted where gc's noder has no position of its own for it
// (a map key, panic's argument) is reported at `at` whatever the SSA says.
// `to`: the interface of an implicit conversion, NULL for a written one.
static void conv_iface_at(EscWalk *w, EscHole k, Node *x, Node *shown, Pos pos, bool force, Type *to);

static void conv_iface(EscWalk *w, EscHole k, Node *x, Node *shown, Pos pos, Type *to) {
    conv_iface_at(w, k, x, shown, pos, false, to);
}

// An imported body comes from export data, where gc's implicit conversions
// are written out: it prints them as `I(x)`, `(interface {})(x)`.
static const char *export_conv_text(EscPass *p, Node *x, Type *to) {
    // panic's parameter, `any` here, is gc's plain interface {}.
    const char *t = to == p->cc->any_type ? "interface {}" : type_string(p->cc, to);
    const char *v = expr_string(p->cc, x);
    if (to->kind == TY_NAMED)
        return arena_sprintf(p->arena, "%s(%s)", t, v);
    return arena_sprintf(p->arena, "(%s)(%s)", t, v);
}

static void conv_iface_at(EscWalk *w, EscHole k, Node *x, Node *shown, Pos pos, bool force, Type *to) {
    EscPass *p = w->p;
    if (!force)
        pos = esc_conv_pos(p, shown, pos);
    if (!type_is_interface(x->type) && !type_is_direct_iface(x->type)) {
        EscLoc *l = esc_new_loc(w, LOC_ALLOC, true);
        l->alloc = AK_CONVIFACE;
        l->n = shown;
        if (to && (x->flags & NF_IMPORTED))
            l->text = export_conv_text(p, x, to);
        l->pos = pos;
        l->type = x->type;
        l->ssa = escmap_get(&p->ssa_convs, shown);
        EscHole a = esc_shift(k, -1);
        if (p->explain)
            a = esc_note_node_at(p, a, shown, pos, "spill");
        esc_flow(w->b, a, l);
        k = esc_hole(l);
    }
    if (p->explain)
        k = esc_note_node_at(p, k, shown, pos, "interface-converted");
    esc_expr(w, k, x);
}

// esc_expr_to, but a constant operand is reported at `const_at`.
void esc_expr_to_const_at(EscWalk *w, EscHole k, Node *n, Type *dst, Pos const_at) {
    if (n && esc_is_const(n) && dst && type_is_interface(dst) && n->type && !type_is_interface(n->type) &&
        !esc_is_nil(n) && !(n->flags & NF_TYPE)) {
        conv_iface_at(w, k, n, n, const_at, true, dst);
        return;
    }
    esc_expr_to(w, k, n, dst, n ? n->pos : const_at);
}

void esc_expr_to(EscWalk *w, EscHole k, Node *n, Type *dst, Pos at) {
    if (!n)
        return;
    if (dst && type_is_interface(dst) && n->type && !type_is_interface(n->type) && !esc_is_nil(n) &&
        !(n->flags & NF_TYPE)) {
        conv_iface(w, k, n, n, at, dst);
        return;
    }
    if (dst && type_is_interface(dst) && n->type && type_is_interface(n->type) && !type_identical(dst, n->type) &&
        w->p->explain) {
        // One interface to another: no allocation, but a step -m=2 names.
        Value *sv = escmap_get(&w->p->ssa_convs, n);
        if (sv && sv->op == OpConvert && pos_known(sv->pos))
            at = sv->pos;
        k = esc_note_node_at(w->p, k, n, at, "interface-converted");
    }
    esc_expr(w, k, n);
}

// Whether the final step of selector n goes through a pointer (gc's
// ODOTPTR rather than ODOT).
bool esc_sel_ptr_last(Node *n) {
    Type *t = n->u.sel.x->type;
    int depth = n->u.sel.depth > 0 ? n->u.sel.depth : 1;
    bool ptr = false;
    for (int i = 0; i < depth; i++) {
        Type *u = esc_under(t);
        ptr = false;
        if (u && u->kind == TY_POINTER) {
            ptr = true;
            u = esc_under(u->u.ptr.elem);
        }
        if (!u || u->kind != TY_STRUCT || !n->u.sel.path || n->u.sel.path[i] >= u->u.strct.nfields)
            break;
        t = u->u.strct.fields[n->u.sel.path[i]].type;
    }
    return ptr;
}

// p.Data of a *reflect.SliceHeader or *reflect.StringHeader: a uintptr that
// gc treats as the pointer it holds.
bool esc_is_reflect_header_data(Node *n) {
    n = unparen(n);
    if (!n || n->kind != N_SELECTOR || n->u.sel.kind != SEL_FIELD || !esc_sel_ptr_last(n) ||
        !name_is(n->u.sel.name, "Data") || n->u.sel.depth > 1)
        return false;
    Type *pt = esc_under(n->u.sel.x->type);
    Type *st = pt && pt->kind == TY_POINTER ? pt->u.ptr.elem : NULL;
    if (!st || st->kind != TY_NAMED || !st->u.named.obj)
        return false;
    Obj *o = st->u.named.obj;
    return o->pkg && o->pkg->path && strcmp(o->pkg->path, "reflect") == 0 &&
           (name_is(o->name, "SliceHeader") || name_is(o->name, "StringHeader"));
}

// A uintptr expression that may hide an unsafe.Pointer converted to
// uintptr (gc's unsafeValue).
void esc_unsafe_value(EscWalk *w, EscHole k, Node *n);
static void unsafe_value(EscWalk *w, EscHole k, Node *n) { esc_unsafe_value(w, k, n); }

void esc_unsafe_value(EscWalk *w, EscHole k, Node *n) {
    n = unparen(n);
    if (!n)
        return;
    if (esc_is_const(n))
        return;
    switch (n->kind) {
    case N_CALL:
        if (n->u.call.kind == CALL_CONVERSION && n->u.call.args.len == 1) {
            Node *x = n->u.call.args.items[0];
            if (esc_ukind(x->type) == TY_UNSAFE_POINTER)
                esc_expr(w, k, x);
            else
                esc_discard(w, x);
            return;
        }
        break;
    case N_SELECTOR:
        if (n->u.sel.kind == SEL_FIELD && esc_sel_ptr_last(n)) {
            if (esc_is_reflect_header_data(n))
                esc_expr(w, esc_deref(w->p, k, n, "reflect.Header.Data"), n->u.sel.x);
            else
                esc_discard(w, n->u.sel.x);
            return;
        }
        break;
    case N_UNARY:
        if (n->u.unary.op == T_ADD || n->u.unary.op == T_SUB || n->u.unary.op == T_XOR) {
            unsafe_value(w, k, n->u.unary.x);
            return;
        }
        break;
    case N_BINARY:
        switch (n->u.binary.op) {
        case T_ADD: case T_SUB: case T_OR: case T_XOR: case T_MUL: case T_QUO: case T_REM: case T_AND:
        case T_AND_NOT:
            unsafe_value(w, k, n->u.binary.x);
            unsafe_value(w, k, n->u.binary.y);
            return;
        case T_SHL: case T_SHR:
            unsafe_value(w, k, n->u.binary.x);
            esc_discard(w, n->u.binary.y);
            return;
        default:
            break;
        }
        break;
    default:
        break;
    }
    esc_discard(w, n);
}

static bool is_byte_or_rune_slice(Type *t, TypeKind *elem) {
    Type *u = esc_under(t);
    if (!u || u->kind != TY_SLICE)
        return false;
    TypeKind k = esc_ukind(u->u.slice.elem);
    if (k != TY_UINT8 && k != TY_INT32)
        return false;
    *elem = k;
    return true;
}

// T(x), not constant.
void esc_conversion(EscWalk *w, EscHole k, Node *call) {
    if (call->u.call.args.len != 1)
        return;
    Node *x = call->u.call.args.items[0];
    Type *dst = call->type;
    if (esc_is_nil(x))
        return;
    // The receiver of a type parameter's method in stenciled code
    // (frontend/generic.c): gc passes the value itself to the dictionary's
    // function, nothing is boxed.
    if ((call->flags & NF_IMPLICIT) && type_has_shape(x->type)) {
        esc_expr(w, k, x);
        return;
    }
    if (type_is_interface(dst)) {
        if (type_is_interface(x->type)) {
            esc_expr(w, esc_note(w->p, k, call, "interface-converted"), x);
            return;
        }
        conv_iface(w, k, x, call, call->pos, NULL);
        return;
    }
    TypeKind dk = esc_ukind(dst), sk = esc_ukind(x->type), e;
    if (x->type && x->type->kind == TY_UNTYPED_STRING)
        sk = TY_STRING;
    bool strconv = (dk == TY_STRING && (is_byte_or_rune_slice(x->type, &e) || type_is_integer(x->type))) ||
                   (sk == TY_STRING && is_byte_or_rune_slice(dst, &e));
    if (strconv) {
        esc_spill(w, k, call, AK_STRCONV);
        esc_discard(w, x);
        return;
    }
    if (dk == TY_UNSAFE_POINTER && sk == TY_UINTPTR) {
        unsafe_value(w, k, x);
        return;
    }
    esc_expr(w, k, x);
}

// ---------------------------------------------------------------------------
// Composite literals

// The type a literal element of `want` stands for: `{...}` with its type
// elided is T{...}, or &T{...} when the element type is *T.
static void elem_value(EscWalk *w, EscHole k, Node *elt, Type *want, Pos at);

static Type *field_type(Type *st, Node *key, int pos_index, int *index) {
    Type *u = esc_under(st);
    if (!u || u->kind != TY_STRUCT)
        return NULL;
    if (key) {
        key = unparen(key);
        if (key && key->kind == N_IDENT)
            for (int i = 0; i < u->u.strct.nfields; i++)
                if (u->u.strct.fields[i].name == key->u.ident.name) {
                    *index = i;
                    return u->u.strct.fields[i].type;
                }
        return NULL;
    }
    if (pos_index < u->u.strct.nfields) {
        *index = pos_index;
        return u->u.strct.fields[pos_index].type;
    }
    return NULL;
}

// The elements of literal n of type t into hole k (already noted).
static void composite_elems(EscWalk *w, EscHole k, Node *n, Type *t, const char *why, bool heap_kv) {
    EscPass *p = w->p;
    Type *u = esc_under(t);
    NodeList *elts = &n->u.complit.elts;
    for (int i = 0; i < elts->len; i++) {
        Node *e = elts->items[i];
        Node *key = NULL, *val = e;
        if (e->kind == N_KEYVALUE) {
            key = e->u.kv.key;
            val = e->u.kv.value;
        }
        // A keyed element's conversion is reported at its colon, which the
        // key-value node's position is.
        Pos at = e->kind == N_KEYVALUE ? e->pos : val->pos;
        if (!u)
            continue;
        switch (u->kind) {
        case TY_STRUCT: {
            int index = 0;
            Type *ft = field_type(t, key, i, &index);
            elem_value(w, esc_note(p, k, n, why), val, ft, at);
            break;
        }
        case TY_ARRAY:
        case TY_SLICE: {
            Type *et = u->kind == TY_ARRAY ? u->u.array.elem : u->u.slice.elem;
            if (key)
                esc_discard(w, key);
            elem_value(w, esc_note(p, k, n, why), val, et, at);
            break;
        }
        case TY_MAP:
            if (heap_kv) {
                if (key)
                    elem_value(w, esc_note(p, esc_heap_hole(w->b), n, "map literal key"), key, u->u.map.key, at);
                elem_value(w, esc_note(p, esc_heap_hole(w->b), n, "map literal value"), val, u->u.map.value, at);
            }
            break;
        default:
            break;
        }
    }
}

// A composite literal of type t (n's own type, or the element type it was
// elided for) into hole k.
static void composite(EscWalk *w, EscHole k, Node *n, Type *t) {
    Type *u = esc_under(t);
    if (!u)
        return;
    switch (u->kind) {
    case TY_STRUCT:
        composite_elems(w, k, n, t, "struct literal element", false);
        break;
    case TY_ARRAY:
        composite_elems(w, k, n, t, "array literal element", false);
        break;
    case TY_SLICE:
        k = esc_spill(w, k, n, AK_SLICELIT);
        composite_elems(w, k, n, t, "slice-literal-element", false);
        break;
    case TY_MAP:
        esc_spill(w, k, n, AK_MAPLIT);
        composite_elems(w, k, n, t, NULL, true);
        break;
    default:
        break;
    }
}

static void elem_value(EscWalk *w, EscHole k, Node *elt, Type *want, Pos at) {
    Node *e = unparen(elt);
    if (e && e->kind == N_COMPOSITE && !e->u.complit.type) {
        if (esc_ukind(want) == TY_POINTER) {
            // &T{...} with the & and T implied.
            EscHole h = esc_spill(w, k, e, AK_PTRLIT);
            composite(w, h, e, esc_under(want)->u.ptr.elem);
            return;
        }
        composite(w, k, e, want);
        return;
    }
    esc_expr_to(w, k, elt, want, at);
}

// ---------------------------------------------------------------------------
// Func literals

static void closure(EscWalk *w, EscHole k, Node *n) {
    EscPass *p = w->p;
    EscFn *cf = esc_fn_of(p, n->u.funclit.fn);
    k = esc_spill(w, k, n, AK_CLOSURE);
    if (!cf)
        return;
    if (cf->state == FN_TAGGED)
        return;     // a package-level literal, analysed as a function of its own
    EscLoc *cl = k.dst;
    cf->closure_loc = cl;
    EscClosure *c = ARENA_NEW(p->arena, EscClosure);
    c->k = k;
    c->fn = cf;
    c->lit = n;
    ptrvec_push(p->arena, &w->b->closures, c);
    FuncInfo *fi = cf->info;
    for (int i = 0; i < fi->captured.len; i++) {
        EscLoc *l = esc_old_loc(p, fi->captured.items[i]);
        if (!l)
            continue;
        ptrvec_push(p->arena, &c->captured, l);
        if (!l->captured) {
            l->captured = true;
            // Reassignments in straight-line code before the first capture
            // do not count.
            if (l->loop_depth == w->loop_depth)
                l->reassigned = false;
        }
    }
    esc_walk_func(w->b, cf);
}

// ---------------------------------------------------------------------------
// Selectors

// The receiver type after walking the first `steps` embedded fields of
// x.sel, and whether each step goes through a pointer (ptr[i]).
static Type *walk_embedded(Node *sel, int steps, bool *ptr) {
    Type *t = sel->u.sel.x->type;
    for (int i = 0; i < steps; i++) {
        Type *u = esc_under(t);
        ptr[i] = false;
        if (u && u->kind == TY_POINTER) {
            ptr[i] = true;
            u = esc_under(u->u.ptr.elem);
        }
        if (!u || u->kind != TY_STRUCT || sel->u.sel.path[i] >= u->u.strct.nfields)
            return NULL;
        t = u->u.strct.fields[sel->u.sel.path[i]].type;
    }
    return t;
}

// Evaluates x of x.f... through `steps` embedded fields into k: the last
// step is applied to k first, as the outermost node of gc's IR.
// The selector's embedded fields up to step i, as gc prints the implicit
// node it makes for them: x.E1.E2.
static const char *embedded_text(EscPass *p, Node *sel, int i) {
    const char *text = expr_string(p->cc, sel->u.sel.x);
    Type *t = sel->u.sel.x->type;
    for (int j = 0; j <= i; j++) {
        Type *u = esc_under(t);
        if (u && u->kind == TY_POINTER)
            u = esc_under(u->u.ptr.elem);
        if (!u || u->kind != TY_STRUCT || sel->u.sel.path[j] >= u->u.strct.nfields)
            break;
        Field *f = &u->u.strct.fields[sel->u.sel.path[j]];
        text = arena_sprintf(p->arena, "%s.%s", text, f->name ? f->name->s : "?");
        t = f->type;
    }
    return text;
}

// Applies steps [0, steps) of sel's path to k, the last one first (the
// outermost node of gc's IR); `full` steps are named by sel itself, the
// others by the embedded prefix they stand for.
static EscHole path_steps(EscWalk *w, EscHole k, Node *sel, int steps, int full) {
    EscPass *p = w->p;
    bool ptr[64];
    if (steps > 64)
        steps = 64;
    walk_embedded(sel, steps, ptr);
    for (int i = steps - 1; i >= 0; i--) {
        const char *why = ptr[i] ? "dot of pointer" : "dot";
        if (ptr[i])
            k = esc_shift(k, 1);
        if (i >= full)
            k = esc_note(p, k, sel, why);
        else if (p->explain)
            k = esc_note_at(p, k, embedded_text(p, sel, i), sel->pos, why);
        else
            k = esc_note_at(p, k, NULL, sel->pos, why);
    }
    return k;
}

// Evaluates x of x.f... through `steps` embedded fields into k.
static void embedded_path(EscWalk *w, EscHole k, Node *sel, int steps) {
    esc_expr(w, path_steps(w, k, sel, steps, steps), sel->u.sel.x);
}

static void field_selector(EscWalk *w, EscHole k, Node *n) {
    int depth = n->u.sel.depth > 0 ? n->u.sel.depth : 1;
    // Steps 0..depth-1: the embedded fields, then the field itself.
    esc_expr(w, path_steps(w, k, n, depth, depth - 1), n->u.sel.x);
}

bool esc_method_ptr_recv(Obj *m) {
    if (!m || m->kind != OBJ_FUNC || !m->u.func.recv)
        return false;
    return esc_ukind(m->u.func.recv) == TY_POINTER || m->u.func.recv->kind == TY_POINTER;
}

// The receiver of x.m (a method call or value) into k: the embedded
// fields walked, then the implicit & or * that makes it the method's
// receiver type.
void esc_receiver(EscWalk *w, EscHole k, Node *sel, Obj *method) {
    // A receiver value without pointers flows nowhere (gc: a value of a
    // type without pointers goes to the blank hole).
    if (method && method->kind == OBJ_FUNC && method->u.func.recv && k.derefs >= 0 &&
        !esc_type_has_pointers(method->u.func.recv))
        k = esc_discard_hole(w->b);
    int steps = sel->u.sel.depth > 0 ? sel->u.sel.depth - 1 : 0;
    bool ptr[64];
    if (steps > 64)
        steps = 64;
    Type *rt = walk_embedded(sel, steps, ptr);
    if (rt && !type_is_interface(rt) && method && method->kind == OBJ_FUNC) {
        bool want_ptr = esc_method_ptr_recv(method);
        bool have_ptr = esc_ukind(rt) == TY_POINTER;
        // gc's implicit & or * stands at the selector and prints as its
        // operand (x, or x.E through embedded fields).
        EscPass *p = w->p;
        const char *text = NULL;
        if (p->explain && want_ptr != have_ptr) {
            text = expr_string(p->cc, sel->u.sel.x);
            if (steps) {
                const char *all = expr_string(p->cc, sel);
                const char *dot = strrchr(all, '.');
                text = dot ? arena_strndup(p->arena, all, (size_t)(dot - all)) : all;
            }
        }
        if (want_ptr && !have_ptr)
            k = esc_note_at(p, esc_shift(k, -1), text, sel->pos, "address-of");
        else if (!want_ptr && have_ptr)
            k = esc_note_at(p, esc_shift(k, 1), text, sel->pos, "indirection");
    }
    embedded_path(w, k, sel, steps);
}

FuncInfo *esc_method_fn(Obj *m) {
    return m && m->kind == OBJ_FUNC ? m->u.func.fn : NULL;
}

// The tag of a callee's parameter `index` (0 is the receiver of a method),
// as a hole: where an argument passed there goes.
EscHole esc_tag_hole(EscWalk *w, EscHole *ks, int nks, EscFn *fn, int index, Obj *param) {
    EscBatch *b = w->b;
    if (!fn || (fn->state == FN_TAGGED && !fn->tags) || fn->state == FN_UNKNOWN)
        return esc_heap_hole(b);
    if (fn->state < FN_TAGGED) {
        if (!param || !param->name || name_is(param->name, "_"))
            return esc_discard_hole(b);
        return esc_hole(esc_var_loc(w, param));
    }
    if (index < 0 || index >= fn->ntags)
        return esc_heap_hole(b);
    EscLeaks *t = &fn->tags[index];
    EscHole tk[1 + ESC_RESULTS];
    int n = 0;
    int x = leaks_heap(t);
    const char *callee = fn->info && fn->info->gc_name ? fn->info->gc_name : "?";
    const char *pname = param && param->name ? param->name->s : "?";
    if (x >= 0) {
        tk[n] = esc_shift(esc_heap_hole(b), x);
        if (w->p->prog->pictures)
            tk[n].tag = arena_sprintf(w->p->arena, "%s of %s: leaks to heap (derefs=%d)", pname, callee, x);
        tk[n].tag_param = param;
        n++;
    }
    if (ks)
        for (int i = 0; i < ESC_RESULTS && i < nks; i++) {
            x = leaks_result(t, i);
            if (x >= 0) {
                tk[n] = esc_shift(ks[i], x);
                if (w->p->prog->pictures)
                    tk[n].tag = arena_sprintf(w->p->arena, "%s of %s: leaks to result %d (derefs=%d)", pname,
                                              callee, i, x);
                tk[n].tag_param = param;
                n++;
            }
        }
    return esc_tee(w, tk, n);
}

// x.m as a value (gc's OMETHVALUE).
static void method_value(EscWalk *w, EscHole k, Node *n) {
    EscPass *p = w->p;
    EscHole closure_k = esc_spill(w, k, n, AK_METHVALUE);
    Obj *m = n->u.sel.obj;
    EscHole param_k;
    if (n->u.sel.kind == SEL_INTERFACE_METHOD || !esc_method_fn(m)) {
        param_k = esc_heap_hole(w->b);
    } else {
        FuncInfo *fi = esc_method_fn(m);
        EscFn *fn = esc_fn_of(p, fi);
        int nres = 0;
        Type *sig = esc_under(m->type);
        if (sig && sig->kind == TY_FUNC)
            nres = sig->u.func.nresults;
        EscHole ks[ESC_RESULTS];
        for (int i = 0; i < nres && i < ESC_RESULTS; i++)
            ks[i] = esc_heap_hole(w->b);
        param_k = esc_tag_hole(w, ks, nres < ESC_RESULTS ? nres : ESC_RESULTS, fn, 0, fi->recv);
    }
    EscHole both[2] = {param_k, closure_k};
    esc_receiver(w, esc_tee(w, both, 2), n, m);
}

static void selector(EscWalk *w, EscHole k, Node *n) {
    switch (n->u.sel.kind) {
    case SEL_FIELD:
        field_selector(w, k, n);
        break;
    case SEL_METHOD:
    case SEL_INTERFACE_METHOD:
        method_value(w, k, n);
        break;
    default:
        break;  // package members, method expressions: nothing to track
    }
}

// ---------------------------------------------------------------------------
// Index, slice, assertions, operators

static void index_expr(EscWalk *w, EscHole k, Node *n) {
    EscPass *p = w->p;
    Node *x = n->u.index.x;
    Type *u = esc_under(x->type);
    if (!u) {
        esc_discard(w, x);
    } else if (u->kind == TY_MAP) {
        esc_discard(w, x);
        Node *key = n->u.index.index;
        esc_expr_to_const_at(w, esc_discard_hole(w->b), key, u->u.map.key, x->pos);
        return;
    } else if (u->kind == TY_ARRAY) {
        esc_expr(w, esc_note(p, k, n, "fixed-array-index-of"), x);
    } else if (u->kind == TY_POINTER) {
        // p[i] of a pointer to an array: (*p)[i].
        esc_expr(w, esc_deref(p, esc_note(p, k, n, "fixed-array-index-of"), x, "indirection"), x);
    } else {
        esc_expr(w, esc_deref(p, k, n, "dot of pointer"), x);
    }
    esc_discard(w, n->u.index.index);
}

static void slice_expr(EscWalk *w, EscHole k, Node *n) {
    EscPass *p = w->p;
    Node *x = n->u.slice.x;
    k = esc_note(p, k, n, "slice");
    if (esc_ukind(x->type) == TY_ARRAY) {
        // gc's implicit & stands where the operand starts.
        k = esc_shift(k, -1);
        if (p->explain)
            k = esc_note_node_at(p, k, x, node_start_pos(x), "address-of");
    }
    esc_expr(w, k, x);
    esc_discard(w, n->u.slice.lo);
    esc_discard(w, n->u.slice.hi);
    esc_discard(w, n->u.slice.max);
}

static void type_assert(EscWalk *w, EscHole k, Node *n) {
    Type *t = n->type;
    if (!type_is_interface(t) && !type_is_direct_iface(t))
        k = esc_shift(k, 1);
    esc_expr(w, esc_note(w->p, k, n, "dot"), n->u.assert.x);
}

static bool is_string_concat(Node *n) {
    n = unparen(n);
    return n && n->kind == N_BINARY && n->u.binary.op == T_ADD && !esc_is_const(n) &&
           (esc_ukind(n->type) == TY_STRING || (n->type && n->type->kind == TY_UNTYPED_STRING));
}

static void discard_concat_operands(EscWalk *w, Node *n) {
    n = unparen(n);
    if (is_string_concat(n)) {
        discard_concat_operands(w, n->u.binary.x);
        discard_concat_operands(w, n->u.binary.y);
        return;
    }
    esc_discard(w, n);
}

static void unary(EscWalk *w, EscHole k, Node *n) {
    Node *x = n->u.unary.x;
    switch (n->u.unary.op) {
    case T_AND: {
        Node *lit = unparen(x);
        if (lit && lit->kind == N_COMPOSITE) {
            EscHole h = esc_spill(w, k, n, AK_PTRLIT);
            composite(w, h, lit, lit->type);
            return;
        }
        esc_expr(w, esc_addr(w->p, k, n, "address-of"), x);
        return;
    }
    default:
        esc_discard(w, x);
        return;
    }
}

// ---------------------------------------------------------------------------
// Builtins that are expressions, not calls, in gc's IR

static void make_call(EscWalk *w, EscHole k, Node *call) {
    NodeList *a = &call->u.call.args;
    TypeKind tk = esc_ukind(call->type);
    if (tk == TY_SLICE)
        esc_spill(w, k, call, AK_MAKESLICE);
    else if (tk == TY_MAP)
        esc_spill(w, k, call, AK_MAKEMAP);
    for (int i = 1; i < a->len; i++)
        esc_discard(w, a->items[i]);
}

// ---------------------------------------------------------------------------
// Expressions

void esc_expr(EscWalk *w, EscHole k, Node *n) {
    if (!n)
        return;
    if (esc_is_const(n) || (n->flags & NF_TYPE))
        return;
    Type *t = n->type;
    if (k.derefs >= 0 && t && !type_is_untyped(t) && !esc_type_has_pointers(t))
        k.dst = &w->b->blank;
    switch (n->kind) {
    case N_IDENT: {
        Obj *o = n->u.ident.obj;
        if (!o || o->kind != OBJ_VAR || o->u.var.is_global || !o->name || name_is(o->name, "_"))
            return;
        EscLoc *l = esc_old_loc(w->p, o);
        if (l)
            esc_flow(w->b, k, l);
        return;
    }
    case N_PAREN:
        esc_expr(w, k, n->u.unary.x);
        return;
    case N_COMPOSITE:
        composite(w, k, n, n->type);
        return;
    case N_FUNCLIT:
        closure(w, k, n);
        return;
    case N_SELECTOR:
        selector(w, k, n);
        return;
    case N_INDEX:
        index_expr(w, k, n);
        return;
    case N_SLICE:
        slice_expr(w, k, n);
        return;
    case N_TYPEASSERT:
        type_assert(w, k, n);
        return;
    case N_STAR:
        esc_expr(w, esc_deref(w->p, k, n, "indirection"), n->u.unary.x);
        return;
    case N_UNARY:
        unary(w, k, n);
        return;
    case N_BINARY:
        if (is_string_concat(n)) {
            esc_spill(w, k, n, AK_ADDSTR);
            discard_concat_operands(w, n);
            return;
        }
        esc_discard(w, n->u.binary.x);
        esc_discard(w, n->u.binary.y);
        return;
    case N_CALL:
        switch (n->u.call.kind) {
        case CALL_CONVERSION:
            esc_conversion(w, k, n);
            return;
        case CALL_BUILTIN:
            if (n->u.call.builtin == BI_NEW) {
                esc_spill(w, k, n, AK_NEW);
                return;
            }
            if (n->u.call.builtin == BI_MAKE) {
                make_call(w, k, n);
                return;
            }
            esc_call(w, &k, 1, n);
            return;
        default:
            esc_call(w, &k, 1, n);
            return;
        }
    default:
        return;
    }
}

void esc_assign_heap_key(EscWalk *w, Node *key, Node *where, Type *key_type, Pos map_pos) {
    esc_expr_to_const_at(w, esc_note(w->p, esc_heap_hole(w->b), where, "key of map put"), key, key_type, map_pos);
}

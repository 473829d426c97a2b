// bounds.c - gc's walk note "index bounds check elided" (-m), on the typed AST.
//
// Requires inline (the bodies as gc walks them, inlined copies placed at
// their call sites); changes nothing. gc's walk marks an index of an array
// (or of a pointer to one) or of a constant string as needing no bounds
// check when the index's type and shape keep it below the length, and with
// -m says so where the index is not itself a constant. Compiler-made
// indexes (range loops, array compares) are bounded from birth and never
// noted; minigc makes none in the AST. gc walks a package's functions after
// escape analysis, each top-level function first and then its closures,
// taken from a stack (the last literal of a body first), and last the init
// function it made of the package-level initializers.
//
//   1. for every function of the package being compiled, in order, walk the
//      body (not the literals inside it), noting each bounded index; an
//      inlined call is walked as the body that replaced it (its copy's
//      positions are the outermost call site, where gc reports);
//   2. then the literals met, last first, the same way;
//   3. then the initializers (no index with a variable index is set
//      statically, so all of them are in gc's init function).
// The values an append adds are made "safe" by gc's walk before it walks
// them (safe_expr below), which changes what an index there looks like.
#include "passes/passes.h"

typedef struct Walk {
    Program *prog;
    Compiler *cc;
    PtrVec todo;    // FuncInfo* of literals still to walk
} Walk;

static bool small_int_const(const Node *n, int64_t *v) {
    n = unparen(n);
    return n && node_val(n)->kind == CONST_INT && const_int64(*node_val(n), v) && *v >= INT32_MIN && *v <= INT32_MAX;
}

// Whether index n (of integer type) always lies in [0, max): gc's walk
// reasons from the index's type, a constant mask, remainder, quotient or
// shift.
static bool bounded(Compiler *cc, const Node *n, int64_t max) {
    n = unparen(n);
    if (!n || !n->type || !type_is_integer(n->type))
        return false;
    bool sign = !type_is_unsigned(n->type);
    int bits = (int)(8 * type_size(cc, n->type));
    int64_t v;
    if (small_int_const(n, &v))
        return 0 <= v && v < max;
    if (n->kind == N_BINARY) {
        const Node *x = n->u.binary.x, *y = n->u.binary.y;
        switch (n->u.binary.op) {
        case T_AND: case T_AND_NOT: {
            int64_t m = -1;
            if (small_int_const(x, &m)) {
            } else if (small_int_const(y, &m)) {
                if (n->u.binary.op == T_AND_NOT) {
                    m = ~m;
                    if (!sign && bits < 64)
                        m &= ((int64_t)1 << bits) - 1;
                }
            } else {
                m = -1;
            }
            if (0 <= m && m < max)
                return true;
            break;
        }
        case T_REM:
            if (!sign && small_int_const(y, &v) && 0 <= v && v <= max)
                return true;
            break;
        case T_QUO:
            if (!sign && small_int_const(y, &v))
                for (; bits > 0 && v >= 2; v >>= 1)
                    bits--;
            break;
        case T_SHR:
            if (!sign && small_int_const(y, &v)) {
                if (v > bits)
                    return true;
                bits -= (int)v;
            }
            break;
        default:
            break;
        }
    }
    return !sign && bits <= 62 && ((int64_t)1 << bits) <= max;
}

// by_type: the index went through a temporary (see safe_expr), so only
// its type counts.
static void index_expr(Walk *w, Node *n, bool by_type) {
    Node *x = unparen(n->u.index.x), *ix = n->u.index.index;
    if (!x || !ix || (x->flags & NF_TYPE) || !ix->type)
        return;
    int64_t len = -1;
    Type *t = x->type ? type_underlying(x->type) : NULL;
    if (t && t->kind == TY_POINTER && t->u.ptr.elem)
        t = type_underlying(t->u.ptr.elem);
    if (t && t->kind == TY_ARRAY)
        len = t->u.array.len;
    else if (node_val(x)->kind == CONST_STRING)
        len = node_val(x)->len;
    if (len < 0 || node_val(unparen(ix))->kind == CONST_INT)
        return;
    if (by_type) {
        if (!type_is_integer(ix->type) || !type_is_unsigned(ix->type))
            return;
        int64_t bits = 8 * type_size(w->cc, ix->type);
        if (bits > 62 || ((int64_t)1 << bits) > len)
            return;
    } else if (!bounded(w->cc, ix, len)) {
        return;
    }
    diag_note(w->cc, n->pos, "index bounds check elided");
}

static bool visit(Node *n, void *ctx);

// gc's walk makes an append's added values safe before walking them:
// names, constants, field selections, dereferences, indexes and len/cap
// of safe operands stay as they are, anything else is first copied to a
// temporary of its type (whose assignment is walked as usual). An index
// whose index went through a temporary is then bounded by its type alone.
static void safe_expr(Walk *w, Node *n) {
    n = unparen(n);
    if (node_val(n)->kind != CONST_NONE || (n->flags & NF_TYPE))
        return;
    switch (n->kind) {
    case N_IDENT:
        return;
    case N_SELECTOR:
        if (n->u.sel.kind == SEL_FIELD) {
            safe_expr(w, n->u.sel.x);
            return;
        }
        break;
    case N_STAR:
        safe_expr(w, n->u.unary.x);
        return;
    case N_INDEX: {
        Node *x = n->u.index.x, *ix = n->u.index.index;
        Type *t = x && x->type ? type_underlying(x->type) : NULL;
        if (!x || !ix || (t && t->kind == TY_MAP))
            break;
        safe_expr(w, x);
        Node *u = unparen(ix);
        bool kept = node_val(u)->kind != CONST_NONE || u->kind == N_IDENT || u->kind == N_STAR ||
                    u->kind == N_INDEX || (u->kind == N_SELECTOR && u->u.sel.kind == SEL_FIELD);
        if (kept)
            safe_expr(w, ix);
        else
            tree_visit(ix, visit, w);
        index_expr(w, n, !kept);
        return;
    }
    default:
        break;
    }
    tree_visit(n, visit, w);
}

static void append_call(Walk *w, Node *n) {
    NodeList *args = &n->u.call.args;
    Type *st = n->type ? type_underlying(n->type) : NULL;
    Type *elem = st && st->kind == TY_SLICE ? st->u.slice.elem : NULL;
    for (int i = 0; i < args->len; i++) {
        Node *a = args->items[i];
        // The slice itself, a spread slice, or a value converted to the
        // element's interface type (a conversion is no safe operand).
        if (i == 0 || n->u.call.has_dots || !elem || !a->type ||
            (type_is_interface(elem) && !type_is_interface(a->type)))
            tree_visit(a, visit, w);
        else
            safe_expr(w, a);
    }
}

static bool visit(Node *n, void *ctx) {
    Walk *w = ctx;
    if (n->kind == N_FUNCLIT) {
        if (n->u.funclit.fn)
            ptrvec_push(&w->cc->arena, &w->todo, n->u.funclit.fn);
        return false;
    }
    // A constant (len of an array, unsafe.Sizeof) was folded: nothing in it is walked.
    if (node_val(n)->kind != CONST_NONE || (n->flags & NF_TYPE))
        return false;
    if (n->kind == N_INDEX)
        index_expr(w, n, false);
    if (n->kind != N_CALL)
        return true;
    if (n->u.call.kind == CALL_BUILTIN && n->u.call.builtin == BI_APPEND) {
        append_call(w, n);
        return false;
    }
    const InlinedCall *ic = inlined_call(w->prog, n);
    if (!ic)
        return true;
    // The arguments, then the body gc put in place of the call.
    Node *fun = unparen(n->u.call.fun);
    if (n->u.call.kind == CALL_METHOD && fun->kind == N_SELECTOR)
        tree_visit(fun->u.sel.x, visit, w);
    for (int i = 0; i < n->u.call.args.len; i++)
        tree_visit(n->u.call.args.items[i], visit, w);
    tree_visit(ic->body, visit, w);
    return false;
}

static void walk_node(Walk *w, Node *n) {
    tree_visit(n, visit, w);
    while (w->todo.len > 0) {
        FuncInfo *lit = w->todo.items[--w->todo.len];
        Node *body = func_body(lit);
        if (body)
            tree_visit(body, visit, w);
    }
}

void pass_bounds(Program *prog) {
    Compiler *cc = prog->cc;
    Package *pkg = prog->main_pkg;
    if (cc->opt.m_level == 0 || !pkg || pkg->is_std)
        return;
    Walk w = {.prog = prog, .cc = cc};
    for (int i = 0; i < pkg->funcs.len; i++) {
        FuncInfo *fi = pkg->funcs.items[i];
        // Only an index of an array or constant string is noted: a function
        // without one (its literals and inlined bodies included) is skipped.
        Node *body = fi && !fi->outer && func_may_hold(fi, FACT_ARRAY_INDEX) ? func_body(fi) : NULL;
        if (body)
            walk_node(&w, body);
    }
    for (int i = 0; i < pkg->init_order.len; i++) {
        Obj *g = pkg->init_order.items[i];
        Node *spec = g->decl;
        if (!spec || spec->kind != N_VALUESPEC)
            continue;
        NodeList *names = &spec->u.valspec.names, *values = &spec->u.valspec.values;
        for (int j = 0; j < names->len; j++) {
            if (names->items[j]->u.ident.obj != g)
                continue;
            if (values->len == names->len)
                walk_node(&w, values->items[j]);
            else if (values->len == 1)
                walk_node(&w, values->items[0]);
        }
    }
}

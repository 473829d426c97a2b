// bounds.c - gc's walk note "index bounds check elided" (-m), on the typed AST.
//
// Requires inline (the bodies as gc walks them, inlined copies placed at
// their call sites); changes nothing. gc's walk marks an index of an array
// (or of a pointer to one) or of a constant string as needing no bounds
// check when the index's type and shape keep it below the length, and with
// -m says so where the index is not itself a constant. gc walks a package's
// functions after escape analysis, each top-level function first and then
// its closures, taken from a stack (the last literal of a body first).
//
//   1. for every function of the package being compiled, in order, walk the
//      body (not the literals inside it), noting each bounded index;
//   2. then the literals met, last first, the same way.
#include "passes/passes.h"

typedef struct Walk {
    Compiler *cc;
    PtrVec todo;    // FuncInfo* of literals still to walk
} Walk;

static bool small_int_const(const Node *n, int64_t *v) {
    n = unparen(n);
    return n && n->val.kind == CONST_INT && const_int64(n->val, v) && *v >= INT32_MIN && *v <= INT32_MAX;
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

static void index_expr(Walk *w, Node *n) {
    Node *x = unparen(n->u.index.x), *ix = n->u.index.index;
    if (!x || !ix || (x->flags & NF_TYPE))
        return;
    int64_t len = -1;
    Type *t = x->type ? type_underlying(x->type) : NULL;
    if (t && t->kind == TY_POINTER && t->u.ptr.elem)
        t = type_underlying(t->u.ptr.elem);
    if (t && t->kind == TY_ARRAY)
        len = t->u.array.len;
    else if (x->val.kind == CONST_STRING)
        len = x->val.len;
    if (len < 0 || unparen(ix)->val.kind == CONST_INT)
        return;
    if (bounded(w->cc, ix, len))
        diag_note(w->cc, n->pos, "index bounds check elided");
}

static bool visit(Node *n, void *ctx) {
    Walk *w = ctx;
    if (n->kind == N_FUNCLIT) {
        if (n->u.funclit.fn)
            ptrvec_push(&w->cc->arena, &w->todo, n->u.funclit.fn);
        return false;
    }
    // A constant (len of an array, unsafe.Sizeof) was folded: nothing in it is walked.
    if (n->val.kind != CONST_NONE || (n->flags & NF_TYPE))
        return false;
    if (n->kind == N_INDEX)
        index_expr(w, n);
    return true;
}

static void walk_body(Walk *w, FuncInfo *fi) {
    Node *body = func_body(fi);
    if (!body)
        return;
    for (int i = 0; i < body->u.block.stmts.len; i++)
        tree_visit(body->u.block.stmts.items[i], visit, w);
}

void pass_bounds(Program *prog) {
    Compiler *cc = prog->cc;
    Package *pkg = prog->main_pkg;
    if (cc->opt.m_level == 0 || !pkg || pkg->is_std)
        return;
    Walk w = {.cc = cc};
    for (int i = 0; i < pkg->funcs.len; i++) {
        FuncInfo *fi = pkg->funcs.items[i];
        if (!fi || fi->outer)
            continue;
        walk_body(&w, fi);
        while (w.todo.len > 0) {
            FuncInfo *lit = w.todo.items[--w.todo.len];
            walk_body(&w, lit);
        }
    }
}

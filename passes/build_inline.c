// build_inline.c - the SSA of an inlined call: the body the inliner spliced
// in the call's place (gc's OINLCALL), built where the call was.
//
// The inline pass leaves the caller's AST as it is and publishes, per call
// it inlined, a copy of the callee's body with fresh variables whose
// returns are assignments to fresh results (inlined_call, passes.h). Where
// the builder meets such a call it builds, as gc's SSA of an OINLCALL:
//   1. the receiver and arguments, evaluated and converted as for a call,
//      assigned to the copies of the parameters, and the results declared
//      (zero), at the call site;
//   2. an InlMark (gc's: where the inlined code starts, its index in the
//      function's inlining tree, Func.inl);
//   3. the body, each return (an assignment marked NF_INLINED, or an empty
//      statement for a bare one) followed by a jump to the end block, made
//      at the first return; labels are the body's own;
//   4. from the end block on, the results are the call's values.
// The copy's nodes are placed at the outermost call site, where gc reports
// about them; while the body is built each takes the position of the node it
// was copied from, so its values get the callee's positions, and bi_finish
// then moves them to `src` and puts the site in `pos` (gc's dumps show the
// callee's line, its messages the site).
#include "passes/build.h"

#include <string.h>

const InlinedCall *bi_inlined(Builder *b, Node *call) {
    if (!b->prog || !b->prog->inlined)
        return NULL;
    const InlinedCall *ic = inlined_call(b->prog, call);
    // The copies of the func literals in the body are functions of their
    // own (InlinedCall.lits), built by build.c after the function.
    if (!ic || !ic->spliced || !ic->body || !ic->callee)
        return NULL;
    return ic;
}

bool bi_any(const Program *prog, const FuncInfo *fi) {
    for (const InlinedCall *ic = inlined_calls_of(prog, fi); ic; ic = ic->next_in_caller)
        if (ic->spliced && ic->body && ic->callee)
            return true;
    return false;
}

// ---------------------------------------------------------------------------
// Positions: the copy and the body it was copied from, side by side

typedef struct Saved {
    Node *n;
    Pos pos;
} Saved;

typedef struct Swap {
    Builder *b;
    Saved *items;
    int len, cap;
    int depth;
} Swap;

static void take(Swap *s, Node *copy, Pos pos) {
    if (s->len == s->cap) {
        int cap = s->cap ? s->cap * 2 : 64;
        Saved *n = SC_ARRAY(s->b, Saved, cap);
        if (s->len)
            memcpy(n, s->items, sizeof(Saved) * (size_t)s->len);
        s->items = n;
        s->cap = cap;
    }
    s->items[s->len++] = (Saved){copy, copy->pos};
    copy->pos = pos;
}

static void pair(Swap *s, Node *c, Node *o);

static void pair_list(Swap *s, NodeList c, NodeList o) {
    for (int i = 0; i < c.len && i < o.len; i++)
        pair(s, c.items[i], o.items[i]);
}

// The children in the order tree_copy copies them; a node whose kind
// differs from its original's is not descended into, except a return the
// inliner rewrote.
static void pair(Swap *s, Node *c, Node *o) {
    if (!c || !o || c == o || s->depth > 10000)
        return;
    if (c->kind != o->kind) {
        if (o->kind == N_RETURN && (c->flags & NF_INLINED)) {
            take(s, c, o->pos);
            if (c->kind == N_ASSIGN)
                pair_list(s, c->u.assign.rhs, o->u.ret.results);
        }
        return;
    }
    take(s, c, o->pos);
    s->depth++;
    switch (c->kind) {
    case N_COMPOSITE: pair_list(s, c->u.complit.elts, o->u.complit.elts); break;
    case N_KEYVALUE: pair(s, c->u.kv.key, o->u.kv.key); pair(s, c->u.kv.value, o->u.kv.value); break;
    case N_FUNCLIT: pair(s, c->u.funclit.body, o->u.funclit.body); break;
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPRSTMT: case N_GO: case N_DEFER:
        pair(s, c->u.unary.x, o->u.unary.x);
        break;
    case N_SELECTOR: pair(s, c->u.sel.x, o->u.sel.x); break;
    case N_INDEX: pair(s, c->u.index.x, o->u.index.x); pair(s, c->u.index.index, o->u.index.index); break;
    case N_SLICE:
        pair(s, c->u.slice.x, o->u.slice.x);
        pair(s, c->u.slice.lo, o->u.slice.lo);
        pair(s, c->u.slice.hi, o->u.slice.hi);
        pair(s, c->u.slice.max, o->u.slice.max);
        break;
    case N_TYPEASSERT: pair(s, c->u.assert.x, o->u.assert.x); break;
    case N_CALL: pair(s, c->u.call.fun, o->u.call.fun); pair_list(s, c->u.call.args, o->u.call.args); break;
    case N_BINARY: pair(s, c->u.binary.x, o->u.binary.x); pair(s, c->u.binary.y, o->u.binary.y); break;
    case N_DECLSTMT: pair(s, c->u.declstmt.decl, o->u.declstmt.decl); break;
    case N_GENDECL: pair_list(s, c->u.gendecl.specs, o->u.gendecl.specs); break;
    case N_VALUESPEC:
        pair_list(s, c->u.valspec.names, o->u.valspec.names);
        pair_list(s, c->u.valspec.values, o->u.valspec.values);
        break;
    case N_LABELED: pair(s, c->u.labeled.stmt, o->u.labeled.stmt); break;
    case N_SENDSTMT: pair(s, c->u.send.chan, o->u.send.chan); pair(s, c->u.send.value, o->u.send.value); break;
    case N_INCDEC: pair(s, c->u.incdec.x, o->u.incdec.x); break;
    case N_ASSIGN:
        pair_list(s, c->u.assign.lhs, o->u.assign.lhs);
        pair_list(s, c->u.assign.rhs, o->u.assign.rhs);
        break;
    case N_RETURN: pair_list(s, c->u.ret.results, o->u.ret.results); break;
    case N_BLOCK: pair_list(s, c->u.block.stmts, o->u.block.stmts); break;
    case N_IF:
        pair(s, c->u.ifs.init, o->u.ifs.init);
        pair(s, c->u.ifs.cond, o->u.ifs.cond);
        pair(s, c->u.ifs.then, o->u.ifs.then);
        pair(s, c->u.ifs.els, o->u.ifs.els);
        break;
    case N_CASECLAUSE: case N_COMMCLAUSE:
        pair_list(s, c->u.clause.list, o->u.clause.list);
        pair(s, c->u.clause.comm, o->u.clause.comm);
        pair_list(s, c->u.clause.body, o->u.clause.body);
        break;
    case N_SWITCH: case N_TYPESWITCH: case N_SELECT:
        pair(s, c->u.sw.init, o->u.sw.init);
        pair(s, c->u.sw.tag, o->u.sw.tag);
        pair(s, c->u.sw.bind, o->u.sw.bind);
        pair_list(s, c->u.sw.clauses, o->u.sw.clauses);
        break;
    case N_FOR:
        pair(s, c->u.fors.init, o->u.fors.init);
        pair(s, c->u.fors.cond, o->u.fors.cond);
        pair(s, c->u.fors.post, o->u.fors.post);
        pair(s, c->u.fors.body, o->u.fors.body);
        break;
    case N_RANGE:
        pair(s, c->u.range.key, o->u.range.key);
        pair(s, c->u.range.value, o->u.range.value);
        pair(s, c->u.range.x, o->u.range.x);
        pair(s, c->u.range.body, o->u.range.body);
        break;
    default:
        break;
    }
    s->depth--;
}

static void restore(Swap *s) {
    for (int i = s->len - 1; i >= 0; i--)
        s->items[i].n->pos = s->items[i].pos;
}

// ---------------------------------------------------------------------------
// The call

static void bind(Builder *b, Obj *param, Value *v, Pos site) {
    if (!param)
        return;
    be_declare_var(b, param, v, site);
}

static Block *end_block(Builder *b, InlFrame *fr) {
    if (!fr->end)
        fr->end = bb_block(b, BlockPlain, fr->site);
    return fr->end;
}

void bi_return(Builder *b) {
    if (!b->cur)
        return;     // dead code after another return
    bb_jump(b, end_block(b, b->inl));
    bb_end(b);
}

Value *bi_call(Builder *b, Node *call, const InlinedCall *ic, Value **args, int nargs, Value **results, int max,
               int *nres) {
    Func *f = b->f;
    Pos site = b->inl ? b->inl->site : call->pos;
    // 1. Parameters, then results, as gc's inliner declares them.
    int k = 0;
    if (ic->recv)
        bind(b, ic->recv, k < nargs ? args[k] : NULL, site), k++;
    else if (nargs > ic->nparams)
        k++;    // a method value's receiver the copy does not name
    for (int i = 0; i < ic->nparams; i++, k++)
        bind(b, ic->params[i], k < nargs ? args[k] : NULL, site);
    for (int i = 0; i < ic->nresults; i++)
        bind(b, ic->results[i], NULL, site);
    // 2. The mark.
    int parent = b->inl ? b->inl->index : -1;
    int index = func_add_inl(f, ic->callee, site, call->pos, parent);
    Value *mark = value_new1(b->cur, OpInlMark, NULL, call->pos, bb_mem(b));
    mark->auxint = index;
    mark->aux = (Aux){.kind = AUX_FUNC, .u.fn = ic->callee};
    // 3. The body, with its own labels and the callee's positions.
    InlFrame fr = {.ic = ic, .index = index, .site = site, .outer = b->inl};
    LabelBlock *labels = b->labels;
    Block *fallthrough_to = b->fallthrough_to;
    Name *pending_label = b->pending_label;
    b->labels = NULL;
    b->fallthrough_to = NULL;
    b->pending_label = NULL;
    b->inl = &fr;
    uint32_t outer_mark = f->building_inl;
    f->building_inl = (uint32_t)index + 1;
    Swap sw = {.b = b};
    pair(&sw, ic->body, func_body(ic->callee));
    bs_stmt(b, ic->body);
    restore(&sw);
    f->building_inl = outer_mark;
    if (b->cur) {
        bb_jump(b, end_block(b, &fr));
        bb_end(b);
    }
    for (LabelBlock *l = b->labels; l; l = l->next)
        bb_seal(b, l->block);
    b->labels = labels;
    b->fallthrough_to = fallthrough_to;
    b->pending_label = pending_label;
    b->inl = fr.outer;
    // 4. The results, where the returns meet (nowhere: the body panics).
    if (fr.end) {
        bb_seal(b, fr.end);
        bb_follow(b, fr.end);
    }
    if (!b->cur)
        bb_dead(b, site);
    for (int i = 0; i < ic->nresults && i < max; i++)
        results[i] = ic->results[i] ? be_read_var(b, ic->results[i], site) : be_unknown(b, NULL, site);
    if (nres)
        *nres = ic->nresults;
    return mark;
}

void bi_finish(Func *f) {
    if (!f->ninl)
        return;
    for (int i = 0; i < f->nblocks; i++)
        for (int j = 0; j < f->blocks[i]->nvalues; j++) {
            Value *v = f->blocks[i]->values[j];
            if (!v->inl || v->inl > (uint32_t)f->ninl)
                continue;
            v->src = v->pos;
            if (pos_known(v->pos))
                v->pos = f->inl[v->inl - 1].site;
        }
}

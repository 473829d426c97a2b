// deadcode_early.c - gc 1.19's IR dead-code pass, on the typed AST.
//
// Requires a checked program and no SSA yet; runs before build (so neither
// the SSA nor the escape walk ever sees the removed code) and before inline (so
// inlining costs are those of the pruned body, as in gc). Breaks nothing:
// the AST stays well typed. gc runs it on every function unconditionally
// (not even -N turns it off), and so does minigc.
//
// For every function, in place:
//   1. statement lists: `&&` / `||` with a constant left operand folded in
//      an if's condition; an `if` on a constant keeps only the branch that
//      runs, and when that branch ends in return or panic the statements
//      after the if are dropped, unless a label follows (a goto may reach
//      it); a switch whose tag and case values are constants keeps only the
//      clause that runs (none when none does), unless fallthrough is
//      involved; nested lists (blocks, loops, clauses) likewise;
//   2. a body left with nothing but `if CONST {}` and `for false {}`
//      statements becomes empty;
//   3. func literals inside removed code are dead: their FuncInfo entries
//      in Package.funcs become NULL, so no pass builds or analyses them (gc
//      does not compile a dead hidden closure).
#include "passes/passes.h"

#include <string.h>

typedef struct Dead {
    Compiler *cc;
    PtrVec dead;        // FuncInfo* of func literals inside removed code
} Dead;

static void children(Dead *d, Node *n);

// Marks every func literal in n (and the literals inside those) dead.
static void mark_closures(Dead *d, Node *n) {
    if (!n)
        return;
    if (n->kind == N_FUNCLIT && n->u.funclit.fn)
        ptrvec_push(&d->cc->arena, &d->dead, n->u.funclit.fn);
    children(d, n);
}

static void mark_list(Dead *d, NodeList *l) {
    for (int i = 0; i < l->len; i++)
        mark_closures(d, l->items[i]);
}

// Every child of n, in any kind of node that can occur in a function body.
static void children(Dead *d, Node *n) {
    switch (n->kind) {
    case N_COMPOSITE: mark_closures(d, n->u.complit.type); mark_list(d, &n->u.complit.elts); break;
    case N_KEYVALUE: mark_closures(d, n->u.kv.key); mark_closures(d, n->u.kv.value); break;
    case N_FUNCLIT: mark_closures(d, n->u.funclit.body); break;
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPRSTMT: case N_GO: case N_DEFER: case N_ELLIPSIS:
        mark_closures(d, n->u.unary.x);
        break;
    case N_SELECTOR: mark_closures(d, n->u.sel.x); break;
    case N_INDEX: mark_closures(d, n->u.index.x); mark_closures(d, n->u.index.index); break;
    case N_SLICE:
        mark_closures(d, n->u.slice.x);
        mark_closures(d, n->u.slice.lo);
        mark_closures(d, n->u.slice.hi);
        mark_closures(d, n->u.slice.max);
        break;
    case N_TYPEASSERT: mark_closures(d, n->u.assert.x); break;
    case N_CALL: mark_closures(d, n->u.call.fun); mark_list(d, &n->u.call.args); break;
    case N_BINARY: mark_closures(d, n->u.binary.x); mark_closures(d, n->u.binary.y); break;
    case N_ARRAYTYPE: mark_closures(d, n->u.arraytype.len); break;
    case N_DECLSTMT: mark_closures(d, n->u.declstmt.decl); break;
    case N_GENDECL: mark_list(d, &n->u.gendecl.specs); break;
    case N_VALUESPEC: mark_list(d, &n->u.valspec.values); break;
    case N_LABELED: mark_closures(d, n->u.labeled.stmt); break;
    case N_SENDSTMT: mark_closures(d, n->u.send.chan); mark_closures(d, n->u.send.value); break;
    case N_INCDEC: mark_closures(d, n->u.incdec.x); break;
    case N_ASSIGN: mark_list(d, &n->u.assign.lhs); mark_list(d, &n->u.assign.rhs); break;
    case N_RETURN: mark_list(d, &n->u.ret.results); break;
    case N_BLOCK: mark_list(d, &n->u.block.stmts); break;
    case N_IF:
        mark_closures(d, n->u.ifs.init);
        mark_closures(d, n->u.ifs.cond);
        mark_closures(d, n->u.ifs.then);
        mark_closures(d, n->u.ifs.els);
        break;
    case N_CASECLAUSE: case N_COMMCLAUSE:
        mark_list(d, &n->u.clause.list);
        mark_closures(d, n->u.clause.comm);
        mark_list(d, &n->u.clause.body);
        break;
    case N_SWITCH: case N_TYPESWITCH: case N_SELECT:
        mark_closures(d, n->u.sw.init);
        mark_closures(d, n->u.sw.tag);
        mark_list(d, &n->u.sw.clauses);
        break;
    case N_FOR:
        mark_closures(d, n->u.fors.init);
        mark_closures(d, n->u.fors.cond);
        mark_closures(d, n->u.fors.post);
        mark_closures(d, n->u.fors.body);
        break;
    case N_RANGE: mark_closures(d, n->u.range.x); mark_closures(d, n->u.range.body); break;
    default: break;
    }
}

static bool is_const_bool(Node *n, bool *v) {
    n = unparen(n);
    if (!n || node_val(n)->kind != CONST_BOOL)
        return false;
    if (v)
        *v = node_val(n)->u.b;
    return true;
}

// Folds `true && x` to x, `false && x` to false, `true || x` to true and
// `false || x` to x, inside out, so that an if's condition may become a
// constant.
static Node *fold_cond(Node *n) {
    Node *u = unparen(n);
    if (!u || u->kind != N_BINARY || (u->u.binary.op != T_LAND && u->u.binary.op != T_LOR))
        return n;
    u->u.binary.x = fold_cond(u->u.binary.x);
    u->u.binary.y = fold_cond(u->u.binary.y);
    bool v;
    if (!is_const_bool(u->u.binary.x, &v))
        return n;
    bool and = u->u.binary.op == T_LAND;
    return v == and ? u->u.binary.y : u->u.binary.x;
}

// gc's parser drops empty statements; minigc's lists may keep them.
static Node *last_stmt(NodeList *l) {
    for (int i = l->len - 1; i >= 0; i--)
        if (l->items[i] && l->items[i]->kind != N_EMPTYSTMT)
            return l->items[i];
    return NULL;
}

// Does the branch end in return or panic (gc does not use "is terminating"
// here: a goto would complicate it)?
static bool ends_in_exit(Node *branch) {
    if (!branch)
        return false;
    Node *last = branch->kind == N_BLOCK ? last_stmt(&branch->u.block.stmts) : branch;
    if (!last)
        return false;
    if (last->kind == N_RETURN)
        return true;
    if (last->kind != N_EXPRSTMT)
        return false;
    Node *c = unparen(last->u.unary.x);
    return c && c->kind == N_CALL && c->u.call.kind == CALL_BUILTIN && c->u.call.builtin == BI_PANIC;
}

static void stmts(Dead *d, NodeList *l);

static void block_stmts(Dead *d, Node *b) {
    if (b && b->kind == N_BLOCK)
        stmts(d, &b->u.block.stmts);
    else if (b) {
        NodeList one = {.items = &b, .len = 1};
        stmts(d, &one);
    }
}

// An if on a constant: the branch that cannot run is emptied (then) or
// dropped (else). Returns whether what follows the if can be cut.
static bool if_stmt(Dead *d, Node *s) {
    s->u.ifs.cond = fold_cond(s->u.ifs.cond);
    bool v, cut = false;
    if (is_const_bool(s->u.ifs.cond, &v)) {
        Node *taken;
        if (v) {
            mark_closures(d, s->u.ifs.els);
            s->u.ifs.els = NULL;
            taken = s->u.ifs.then;
        } else {
            mark_closures(d, s->u.ifs.then);
            if (s->u.ifs.then && s->u.ifs.then->kind == N_BLOCK)
                s->u.ifs.then->u.block.stmts.len = 0;
            taken = s->u.ifs.els;
        }
        cut = ends_in_exit(taken);
    }
    block_stmts(d, s->u.ifs.then);
    block_stmts(d, s->u.ifs.els);
    return cut;
}

// Mixed int/float constants of one (typed) switch compare by value.
static bool same_const(const ConstVal *a, const ConstVal *b) {
    if (a->kind == CONST_NONE || b->kind == CONST_NONE)
        return false;
    return const_equal(*a, *b);
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

// A switch on a constant (or no) tag: the clause that always runs is left
// alone, matched by the one case value that matches; none if none can.
// Gives up on a non-constant case value and on fallthrough.
static void const_switch(Dead *d, Node *s) {
    Node *tag = unparen(s->u.sw.tag);
    ConstVal x = {.kind = CONST_BOOL, .u.b = true};
    if (tag) {
        if (node_val(tag)->kind == CONST_NONE)
            return;
        x = *node_val(tag);
    }
    NodeList *cl = &s->u.sw.clauses;
    Node *def = NULL;
    for (int i = 0; i < cl->len; i++) {
        Node *c = cl->items[i];
        if (c->u.clause.is_default || c->u.clause.list.len == 0) {
            def = c;
            continue;
        }
        for (int j = 0; j < c->u.clause.list.len; j++) {
            Node *v = unparen(c->u.clause.list.items[j]);
            if (!v || node_val(v)->kind == CONST_NONE)
                return;
            if (!same_const(&x, node_val(v)))
                continue;
            if (has_fallthrough(c))
                return;
            Node *match = c->u.clause.list.items[j];
            for (int k = 0; k < cl->len; k++) {
                Node *c2 = cl->items[k];
                for (int m = 0; m < c2->u.clause.list.len; m++)
                    if (c2->u.clause.list.items[m] != match)
                        mark_closures(d, c2->u.clause.list.items[m]);
                if (c2 != c)
                    mark_list(d, &c2->u.clause.body);
            }
            c->u.clause.list.items[0] = match;
            c->u.clause.list.len = 1;
            cl->items[0] = c;
            cl->len = 1;
            return;
        }
    }
    if (def && has_fallthrough(def))
        return;
    for (int i = 0; i < cl->len; i++) {
        Node *c = cl->items[i];
        if (c == def)
            continue;
        mark_list(d, &c->u.clause.list);
        mark_list(d, &c->u.clause.body);
    }
    if (def) {
        cl->items[0] = def;
        cl->len = 1;
    } else {
        cl->len = 0;
    }
}

// One statement of a list; returns whether the rest of the list is dead
// (before any label check).
static bool stmt(Dead *d, Node *s) {
    switch (s->kind) {
    case N_IF: return if_stmt(d, s);
    case N_SWITCH:
        const_switch(d, s);
        for (int i = 0; i < s->u.sw.clauses.len; i++)
            stmts(d, &s->u.sw.clauses.items[i]->u.clause.body);
        return false;
    case N_TYPESWITCH: case N_SELECT:
        for (int i = 0; i < s->u.sw.clauses.len; i++)
            stmts(d, &s->u.sw.clauses.items[i]->u.clause.body);
        return false;
    case N_BLOCK: stmts(d, &s->u.block.stmts); return false;
    case N_FOR: block_stmts(d, s->u.fors.body); return false;
    case N_RANGE: block_stmts(d, s->u.range.body); return false;
    // gc's label is a statement of its own before the one it labels, so
    // the labelled statement comes after it in the list.
    case N_LABELED: return s->u.labeled.stmt && stmt(d, s->u.labeled.stmt);
    default: return false;
    }
}

static void stmts(Dead *d, NodeList *l) {
    int last_label = -1;
    for (int i = 0; i < l->len; i++)
        if (l->items[i] && l->items[i]->kind == N_LABELED)
            last_label = i;
    for (int i = 0; i < l->len; i++) {
        Node *s = l->items[i];
        if (!s)
            continue;
        bool cut = stmt(d, s);
        // A labelled statement sits after its own label in gc's list.
        if (cut && (i > last_label || (i == last_label && s->kind == N_LABELED))) {
            for (int j = i + 1; j < l->len; j++)
                mark_closures(d, l->items[j]);
            l->len = i + 1;
            return;
        }
    }
}

// Phase 2: is the statement one that does nothing once phase 1 is done?
static bool no_op(Node *s) {
    bool v;
    switch (s->kind) {
    case N_EMPTYSTMT: return true;
    case N_IF:
        return !s->u.ifs.init && is_const_bool(s->u.ifs.cond, NULL) &&
               (!s->u.ifs.then || s->u.ifs.then->u.block.stmts.len == 0) && !s->u.ifs.els;
    case N_FOR: return !s->u.fors.init && is_const_bool(s->u.fors.cond, &v) && !v;
    default: return false;
    }
}

static void dead_func_body(Dead *d, Node *body) {
    if (!body || body->kind != N_BLOCK)
        return;
    NodeList *l = &body->u.block.stmts;
    stmts(d, l);
    if (l->len == 0)
        return;
    for (int i = 0; i < l->len; i++)
        if (!l->items[i] || !no_op(l->items[i]))
            return;
    mark_list(d, l);
    l->len = 0;
}

static Node *body_of(FuncInfo *fi) {
    if (!fi->decl)
        return NULL;
    if (fi->decl->kind == N_FUNCDECL)
        return fi->decl->u.funcdecl.body;
    if (fi->decl->kind == N_FUNCLIT)
        return fi->decl->u.funclit.body;
    return NULL;
}

// A constant-valued expression (unsafe.Sizeof(func() {...})) is folded:
// the literals in it are never compiled.
static bool folded_literals(Node *n, void *ctx) {
    if (node_val(n)->kind == CONST_NONE)
        return true;
    mark_closures(ctx, n);
    return false;
}

static void prune_package(Dead *d, Package *pkg) {
    // The checker saw which bodies hold a constant condition or an empty
    // statement (FACT_DEAD_CODE): only those can change.
    for (int i = 0; i < pkg->funcs.len; i++)
        if (pkg->funcs.items[i] && func_may_hold(pkg->funcs.items[i], FACT_DEAD_CODE))
            dead_func_body(d, body_of(pkg->funcs.items[i]));
    // Package-level constants and initializers: their literals have no
    // enclosing body for the walk above.
    for (int f = 0; f < pkg->nfiles; f++) {
        NodeList *decls = &pkg->files[f]->decls;
        for (int i = 0; i < decls->len; i++) {
            Node *g = decls->items[i];
            if (g->kind != N_GENDECL || (g->u.gendecl.tok != T_CONST && g->u.gendecl.tok != T_VAR))
                continue;
            for (int j = 0; j < g->u.gendecl.specs.len; j++) {
                Node *spec = g->u.gendecl.specs.items[j];
                for (int k = 0; spec->kind == N_VALUESPEC && k < spec->u.valspec.values.len; k++)
                    tree_visit(spec->u.valspec.values.items[k], folded_literals, d);
            }
        }
    }
    for (int i = 0; i < pkg->funcs.len && d->dead.len; i++)
        for (int j = 0; j < d->dead.len && pkg->funcs.items[i]; j++)
            if (pkg->funcs.items[i] == d->dead.items[j])
                pkg->funcs.items[i] = NULL;
    d->dead.len = 0;
}

// Idempotent, so -compare-inline's second run of the table finds nothing
// more to do.
void pass_deadcode_early(Program *prog) {
    Compiler *cc = prog->cc;
    Dead d = {.cc = cc};
    bool main_listed = false;
    for (int i = 0; i < cc->packages.len; i++) {
        main_listed |= cc->packages.items[i] == prog->main_pkg;
        prune_package(&d, cc->packages.items[i]);
    }
    if (prog->main_pkg && !main_listed)
        prune_package(&d, prog->main_pkg);
}

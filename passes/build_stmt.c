// build_stmt.c - statements to blocks.
//
// Control flow follows the usual shapes: an if is a test and two arms
// meeting at a join block; a loop is a header (its test), a body, an
// optional post block and an exit; a switch is a chain of tests falling
// through to the default, with one body block per clause so that
// fallthrough is a plain edge. A block is sealed as soon as all its
// predecessors exist: arms and bodies right after their test, joins and
// exits after the last jump into them, loop headers after the back edge,
// label blocks (goto targets) when the whole function is built.
//
// A statement that leaves the current block for good (return, panic, goto,
// break, continue, fallthrough) continues building in a fresh block nothing
// jumps to; dead-code removal drops those at the end.
//
// Assignments evaluate the operands of the left-hand side first, then the
// right-hand side, then store from left to right, as the spec orders them.
// A left-hand side is one of: a variable kept in SSA form, a part of one
// (x.f, x.a[0]: rebuilt whole with StructMake), an address (a variable in
// memory, *p, s[i], p.f), a map element, or the blank identifier.
#include "passes/build.h"

#include <string.h>

static Type *under(Type *t) { return t ? type_underlying(t) : NULL; }
static TypeKind ukind(Type *t) {
    Type *u = under(t);
    return u ? u->kind : TY_INVALID;
}

static bool is_untyped_nil_type(Type *t) { return t && t->kind == TY_UNTYPED_NIL; }

static bool is_blank_node(Node *n) {
    n = unparen(n);
    return n && n->kind == N_IDENT && name_is(n->u.ident.name, "_");
}

static Value *int_value(Builder *b, int64_t x, Pos pos) {
    Value *v = value_new(b->cur, OpConst64, type_basic(b->cc, TY_INT), pos);
    v->auxint = x;
    return v;
}

// ---------------------------------------------------------------------------
// Left-hand sides

typedef enum LvKind { LV_BLANK, LV_VAR, LV_PART, LV_ADDR, LV_MAP } LvKind;

typedef struct LvStep {
    int index;      // field index, or 0 for the element of a one-element array
    Type *type;     // the aggregate this step selects from
} LvStep;

typedef struct LValue {
    LvKind kind;
    Node *node;
    Type *type;     // what is stored
    Obj *obj;       // LV_VAR, LV_PART: the variable; LV_ADDR: the variable whose slot it is in, if any
    Value *addr;    // LV_ADDR
    Value *map, *key;
    LvStep *steps;  // LV_PART: from the variable down to the part
    int nsteps;
} LValue;

// Is n a variable kept in SSA form or a part of one reached without a
// pointer? Counts the steps.
static bool register_part(Builder *b, Node *n, Obj **root, int *nsteps) {
    n = unparen(n);
    if (!n)
        return false;
    if (n->kind == N_IDENT) {
        Obj *obj = n->u.ident.obj;
        if (!obj || obj->kind != OBJ_VAR)
            return false;
        *root = obj;
        return bv_info(b, bv_index(b, obj))->cls == VC_REG;
    }
    if (n->kind == N_SELECTOR && n->u.sel.kind == SEL_FIELD) {
        Type *t = n->u.sel.x->type;
        if (ukind(t) != TY_STRUCT)
            return false;
        for (int i = 0; i + 1 < n->u.sel.depth; i++) {
            Type *u = under(t);
            int fi = n->u.sel.path[i];
            if (!u || u->kind != TY_STRUCT || fi < 0 || fi >= u->u.strct.nfields)
                return false;
            t = u->u.strct.fields[fi].type;
            if (ukind(t) != TY_STRUCT)
                return false;
        }
        *nsteps += n->u.sel.depth;
        return register_part(b, n->u.sel.x, root, nsteps);
    }
    if (n->kind == N_INDEX && ukind(n->u.index.x->type) == TY_ARRAY) {
        *nsteps += 1;
        return register_part(b, n->u.index.x, root, nsteps);
    }
    return false;
}

// Fills steps[] from the outermost (the variable) inwards; returns the count.
static int part_steps(Builder *b, Node *n, LvStep *steps) {
    n = unparen(n);
    if (n->kind == N_IDENT)
        return 0;
    if (n->kind == N_SELECTOR) {
        int k = part_steps(b, n->u.sel.x, steps);
        Type *t = n->u.sel.x->type;
        for (int i = 0; i < n->u.sel.depth; i++) {
            Type *u = under(t);
            steps[k++] = (LvStep){n->u.sel.path[i], t};
            t = u->u.strct.fields[n->u.sel.path[i]].type;
        }
        return k;
    }
    int k = part_steps(b, n->u.index.x, steps);
    be_expr(b, n->u.index.index);   // a one-element array: the index can only be 0
    steps[k++] = (LvStep){0, n->u.index.x->type};
    return k;
}

static LValue lvalue(Builder *b, Node *n) {
    LValue lv = {.node = n, .type = n ? n->type : NULL};
    Node *u = unparen(n);
    if (!u || is_blank_node(u)) {
        lv.kind = LV_BLANK;
        return lv;
    }
    if (u->kind == N_INDEX && ukind(u->u.index.x->type) == TY_MAP) {
        lv.kind = LV_MAP;
        lv.map = be_expr(b, u->u.index.x);
        lv.key = be_expr_to_at(b, u->u.index.index, under(u->u.index.x->type)->u.map.key, be_map_key_at(u));
        lv.type = under(u->u.index.x->type)->u.map.value;
        return lv;
    }
    Obj *root = NULL;
    int nsteps = 0;
    if (register_part(b, u, &root, &nsteps)) {
        lv.obj = root;
        if (nsteps == 0) {
            lv.kind = LV_VAR;
            lv.type = root->type;
            return lv;
        }
        lv.kind = LV_PART;
        lv.steps = SC_ARRAY(b, LvStep, nsteps);
        lv.nsteps = part_steps(b, u, lv.steps);
        return lv;
    }
    lv.kind = LV_ADDR;
    lv.addr = be_addr(b, u, &lv.obj);
    return lv;
}

// old with the part at steps[0..n) replaced by v.
static Value *rebuild(Builder *b, Value *old, LvStep *steps, int n, Value *v, Pos pos) {
    if (n == 0)
        return v;
    Type *t = steps[0].type;
    Type *u = under(t);
    if (u->kind == TY_ARRAY) {
        Value *e = value_new1(b->cur, OpArraySelect, u->u.array.elem, pos, old);
        Value *ne = rebuild(b, e, steps + 1, n - 1, v, pos);
        return value_new1(b->cur, OpArrayMake1, t, pos, ne);
    }
    int nf = u->u.strct.nfields;
    Value *fields[4];
    for (int i = 0; i < nf && i < 4; i++) {
        Value *f = value_new1(b->cur, OpStructSelect, u->u.strct.fields[i].type, pos, old);
        f->auxint = i;
        fields[i] = i == steps[0].index ? rebuild(b, f, steps + 1, n - 1, v, pos) : f;
    }
    Value *s = value_new(b->cur, OpStructMake, t, pos);
    for (int i = 0; i < nf && i < 4; i++)
        value_add_arg(s, fields[i]);
    return s;
}

static Value *part_value(Builder *b, Value *whole, LvStep *steps, int n, Pos pos) {
    for (int i = 0; i < n; i++) {
        Type *u = under(steps[i].type);
        if (u->kind == TY_ARRAY) {
            whole = value_new1(b->cur, OpArraySelect, u->u.array.elem, pos, whole);
        } else {
            whole = value_new1(b->cur, OpStructSelect, u->u.strct.fields[steps[i].index].type, pos, whole);
            whole->auxint = steps[i].index;
        }
    }
    return whole;
}

static Value *lvalue_load(Builder *b, LValue *lv, Pos pos) {
    switch (lv->kind) {
    case LV_VAR: return be_read_var(b, lv->obj, pos);
    case LV_PART: return part_value(b, be_read_var(b, lv->obj, pos), lv->steps, lv->nsteps, pos);
    case LV_ADDR: return be_load(b, lv->addr, lv->type, pos);
    case LV_MAP: {
        Value *r = value_new3(b->cur, OpMapIndex, lv->type, pos, lv->map, lv->key, bb_mem(b));
        return r;
    }
    default: return be_unknown(b, lv->type, pos);
    }
}

static void lvalue_store(Builder *b, LValue *lv, Value *v, Pos pos) {
    switch (lv->kind) {
    case LV_BLANK:
        return;
    case LV_VAR:
        be_write_var(b, lv->obj, v, pos);
        return;
    case LV_PART: {
        Value *old = be_read_var(b, lv->obj, pos);
        be_write_var(b, lv->obj, rebuild(b, old, lv->steps, lv->nsteps, v, pos), pos);
        return;
    }
    case LV_ADDR:
        be_store(b, lv->addr, v, lv->type, pos, lv->obj);
        return;
    case LV_MAP: {
        Value *st = value_new(b->cur, OpMapStore, NULL, pos);
        value_add_arg(st, lv->map);
        value_add_arg(st, lv->key);
        value_add_arg(st, v);
        value_add_arg(st, bb_mem(b));
        bb_set_mem(b, st);
        return;
    }
    }
}

// ---------------------------------------------------------------------------
// Assignments and declarations

// Is ident n the declaration of its variable (as in `x := ...`)?
static bool declares(Node *n) {
    n = unparen(n);
    if (!n || n->kind != N_IDENT || !n->u.ident.obj)
        return false;
    Obj *o = n->u.ident.obj;
    return o->kind == OBJ_VAR && o->pos.line == n->pos.line && o->pos.col == n->pos.col && o->pos.file == n->pos.file;
}

// The right-hand side values for `n` targets of the given types; implicit
// conversions to interfaces are reported at `at`.
static void rhs_values(Builder *b, NodeList *rhs, int n, Type **types, Value **vals, Pos at) {
    if (rhs->len == n) {
        for (int i = 0; i < n; i++)
            vals[i] = be_expr_to_at(b, rhs->items[i], types[i], at);
        return;
    }
    int got = rhs->len == 1 ? be_multi(b, rhs->items[0], vals, n) : 0;
    for (int i = 0; i < n; i++) {
        Node *src = rhs->len ? rhs->items[0] : NULL;
        if (i >= got)
            vals[i] = be_unknown(b, types[i], src ? src->pos : (Pos){0});
        else
            vals[i] = be_assign_conv_at(b, vals[i], vals[i]->type, types[i], src, at);
    }
}

static void assign(Builder *b, Node *s) {
    NodeList *lhs = &s->u.assign.lhs, *rhs = &s->u.assign.rhs;
    int n = lhs->len;
    bool define = s->u.assign.op == T_DEFINE;
    if (define && n == 1 && rhs->len == 1 && declares(lhs->items[0]) &&
        be_init_composite(b, unparen(lhs->items[0])->u.ident.obj, rhs->items[0]))
        return;
    LValue *lvs = SC_ARRAY(b, LValue, n);
    Type **types = SC_ARRAY(b, Type *, n);
    Value **vals = SC_ARRAY(b, Value *, n);
    bool *decl = SC_ARRAY(b, bool, n);
    for (int i = 0; i < n; i++) {
        Node *l = lhs->items[i];
        decl[i] = define && declares(l);
        if (decl[i]) {
            lvs[i] = (LValue){.kind = LV_VAR, .node = l, .obj = unparen(l)->u.ident.obj};
            lvs[i].type = lvs[i].obj->type;
        } else {
            lvs[i] = lvalue(b, l);
        }
        types[i] = lvs[i].kind == LV_BLANK ? NULL : lvs[i].type;
    }
    // gc's noder visits the values, then (for =) the targets, and converts
    // where that leaves it.
    Pos at = s->pos;
    for (int i = 0; i < rhs->len; i++)
        be_noder_last(rhs->items[i], &at);
    for (int i = 0; i < n && !define; i++)
        be_noder_last(lhs->items[i], &at);
    rhs_values(b, rhs, n, types, vals, at);
    for (int i = 0; i < n; i++) {
        Pos pos = i < rhs->len ? rhs->items[i]->pos : s->pos;
        if (decl[i])
            be_declare_var(b, lvs[i].obj, vals[i], lhs->items[i]->pos);
        else
            lvalue_store(b, &lvs[i], vals[i], pos);
    }
}

static TokKind assign_op_base(TokKind op) {
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
    default: return T_ADD;
    }
}

// x op= y and x++: the left side is evaluated once.
static void op_assign(Builder *b, Node *x, TokKind op, Node *y, Pos pos, Node *whole) {
    LValue lv = lvalue(b, x);
    Type *t = x->type;
    Value *old = lvalue_load(b, &lv, pos);
    Value *yv;
    if (!y) {
        ConstVal one = {.kind = CONST_INT, .u.i = 1};
        yv = be_const(b, &one, t, pos);
    } else if (op == T_SHL || op == T_SHR) {
        yv = be_expr(b, y);
    } else {
        yv = be_expr_to(b, y, t);
    }
    Node *site = whole;
    if (op == T_ADD && y && type_is_string(t)) {
        // gc names s += t as the concatenation it is: s + t.
        site = node_new(b->cc, N_BINARY, whole->pos);
        site->flags |= NF_IMPLICIT;
        site->type = t;
        site->u.binary.op = T_ADD;
        site->u.binary.x = x;
        site->u.binary.y = y;
    }
    Value *nv = be_binop(b, op, old, yv, t, pos, site);
    lvalue_store(b, &lv, nv, pos);
}

static void value_spec(Builder *b, Node *spec) {
    NodeList *names = &spec->u.valspec.names, *values = &spec->u.valspec.values;
    int n = names->len;
    if (values->len == 0) {
        for (int i = 0; i < n; i++)
            be_declare_var(b, names->items[i]->u.ident.obj, NULL, names->items[i]->pos);
        return;
    }
    if (n == 1 && values->len == 1 && be_init_composite(b, names->items[0]->u.ident.obj, values->items[0]))
        return;
    Type **types = SC_ARRAY(b, Type *, n);
    Value **vals = SC_ARRAY(b, Value *, n);
    for (int i = 0; i < n; i++) {
        Obj *o = names->items[i]->u.ident.obj;
        types[i] = o && !name_is(o->name, "_") ? o->type : NULL;
    }
    Pos at = spec->pos;
    for (int i = 0; i < values->len; i++)
        be_noder_last(values->items[i], &at);
    rhs_values(b, values, n, types, vals, at);
    for (int i = 0; i < n; i++)
        be_declare_var(b, names->items[i]->u.ident.obj, vals[i], names->items[i]->pos);
}

static void decl_stmt(Builder *b, Node *s) {
    Node *d = s->u.declstmt.decl;
    if (!d || d->kind != N_GENDECL || d->u.gendecl.tok != T_VAR)
        return;
    for (int i = 0; i < d->u.gendecl.specs.len; i++)
        value_spec(b, d->u.gendecl.specs.items[i]);
}

// ---------------------------------------------------------------------------
// Jumps

static Target *push_target(Builder *b, Node *stmt, Block *brk, Block *cont) {
    Target *t = SC_NEW(b, Target);
    *t = (Target){stmt, b->pending_label, brk, cont, b->targets};
    b->pending_label = NULL;
    b->targets = t;
    return t;
}

static void pop_target(Builder *b) { b->targets = b->targets->outer; }

static Block *label_block(Builder *b, Name *name, Pos pos) {
    for (LabelBlock *l = b->labels; l; l = l->next)
        if (l->name == name)
            return l->block;
    LabelBlock *l = SC_NEW(b, LabelBlock);
    *l = (LabelBlock){name, bb_block(b, BlockPlain, pos), b->labels};
    b->labels = l;
    return l->block;
}

static Target *branch_target(Builder *b, Node *s, bool cont) {
    Node *label = s->u.branch.label;
    Node *target = s->u.branch.target;
    if (target && target->kind == N_LABELED)
        target = target->u.labeled.stmt;
    for (Target *t = b->targets; t; t = t->outer) {
        if (cont && !t->cont)
            continue;
        if (label) {
            if (t->label == label->u.ident.name)
                return t;
        } else if (target) {
            if (t->stmt == target)
                return t;
        } else {
            return t;
        }
    }
    // The checker's target may be a node we do not track: the innermost will do.
    for (Target *t = b->targets; t; t = t->outer)
        if (!cont || t->cont)
            return t;
    return NULL;
}

static void branch(Builder *b, Node *s) {
    Block *to = NULL;
    switch (s->u.branch.tok) {
    case T_BREAK: {
        Target *t = branch_target(b, s, false);
        to = t ? t->brk : NULL;
        break;
    }
    case T_CONTINUE: {
        Target *t = branch_target(b, s, true);
        to = t ? t->cont : NULL;
        break;
    }
    case T_GOTO:
        if (s->u.branch.label)
            to = label_block(b, s->u.branch.label->u.ident.name, s->pos);
        break;
    case T_FALLTHROUGH:
        to = b->fallthrough_to;
        break;
    default:
        break;
    }
    if (to && b->cur) {
        b->cur->pos = s->pos;
        bb_jump(b, to);
    }
    bb_end(b);
}

static void labeled(Builder *b, Node *s) {
    Node *label = s->u.labeled.label;
    // A blank label cannot be jumped to; several may appear.
    bool blank = name_is(label->u.ident.name, "_");
    Block *lb = blank ? bb_block(b, BlockPlain, s->pos) : label_block(b, label->u.ident.name, s->pos);
    // After a return or goto, the label is entered from the dead code before
    // it, so its variables still have their lexical definitions.
    bb_live(b, s->pos);
    bb_jump(b, lb);
    // Code after a label a later goto jumps back to is a loop to gc, until
    // the end of the enclosing block.
    Obj *lo = s->u.labeled.obj ? s->u.labeled.obj : label->u.ident.obj;
    if (lo && lo->kind == OBJ_LABEL && lo->u.label.backward_goto)
        b->loop_depth++;
    bb_start(b, lb);
    Node *st = s->u.labeled.stmt;
    if (blank)
        bb_seal(b, lb);
    if (!blank && st && (st->kind == N_FOR || st->kind == N_RANGE || st->kind == N_SWITCH || st->kind == N_TYPESWITCH ||
                         st->kind == N_SELECT))
        b->pending_label = label->u.ident.name;
    if (st)
        bs_stmt(b, st);
    b->pending_label = NULL;
}

// ---------------------------------------------------------------------------
// Returns

void bs_return_values(Builder *b, Value **vals, int n, Pos pos) {
    Type *rt = n > 0 && b->info && b->info->sig ? be_results_type(b, b->info->sig) : NULL;
    Value *mr = value_new(b->cur, OpMakeResult, rt, pos);
    for (int i = 0; i < n; i++)
        value_add_arg(mr, vals[i]);
    value_add_arg(mr, bb_mem(b));
    bb_set_mem(b, mr);
    b->cur->kind = BlockRet;
    b->cur->pos = pos;
    block_set_control(b->cur, mr);
    bb_end(b);
}

// The results of a return: converted as call arguments are, starting where
// gc's noder stands after visiting them all.
static void return_values(Builder *b, NodeList *res, int n, Type **types, Value **vals, Pos pos) {
    Pos at = pos;
    for (int i = 0; i < res->len; i++)
        be_noder_last(res->items[i], &at);
    if (res->len != n) {
        rhs_values(b, res, n, types, vals, at);
        return;
    }
    for (int i = 0; i < n; i++) {
        if (!be_is_plain_name(res->items[i]))
            at = res->items[i]->pos;
        vals[i] = be_expr_to_at(b, res->items[i], types[i], at);
    }
}

static bool result_is_named(Obj *r) { return r && r->name && r->name->s[0] != '~' && r->name->s[0] != '.'; }

// What a bare return (or the closing brace) returns for result r: the named
// variable's value; a blank or unnamed result can only still be zero.
Value *bs_result_value(Builder *b, Obj *r, Pos pos) {
    if (result_is_named(r) && !name_is(r->name, "_"))
        return be_read_var(b, r, pos);
    return r ? be_zero(b, r->type, pos) : be_unknown(b, NULL, pos);
}

// `return r` of the named result r itself assigns nothing.
static bool returns_itself(NodeList *res, int i, Obj *r) {
    if (i >= res->len)
        return false;   // one of the results of a call
    Node *e = unparen(res->items[i]);
    return e && e->kind == N_IDENT && e->u.ident.obj == r;
}

static void return_stmt(Builder *b, Node *s) {
    FuncInfo *fi = b->info;
    int n = fi ? fi->nresults : 0;
    NodeList *res = &s->u.ret.results;
    Value **vals = SC_ARRAY(b, Value *, n > 0 ? n : 1);
    Type **types = SC_ARRAY(b, Type *, n > 0 ? n : 1);
    bool named = n > 0 && result_is_named(fi->results[0]);
    for (int i = 0; i < n; i++)
        types[i] = fi->results[i] ? fi->results[i]->type : NULL;
    if (res->len == 0) {
        for (int i = 0; i < n; i++)
            vals[i] = bs_result_value(b, fi->results[i], s->pos);
    } else {
        return_values(b, res, n, types, vals, s->pos);
        if (named) {
            // The results are variables: a return assigns them, then returns them.
            for (int i = 0; i < n; i++)
                if (fi->results[i] && !name_is(fi->results[i]->name, "_") && !returns_itself(res, i, fi->results[i]))
                    be_write_var(b, fi->results[i], vals[i], s->pos);
            for (int i = 0; i < n; i++)
                if (fi->results[i] && !name_is(fi->results[i]->name, "_"))
                    vals[i] = be_read_var(b, fi->results[i], s->pos);
        }
    }
    bs_return_values(b, vals, n, s->pos);
}

// ---------------------------------------------------------------------------
// if, for, range

static void if_stmt(Builder *b, Node *s) {
    if (s->u.ifs.init)
        bs_stmt(b, s->u.ifs.init);
    bb_live(b, s->pos);
    Block *then = bb_block(b, BlockPlain, s->u.ifs.then->pos);
    Block *join = bb_block(b, BlockPlain, s->pos);
    Block *els = s->u.ifs.els ? bb_block(b, BlockPlain, s->u.ifs.els->pos) : join;
    be_cond(b, s->u.ifs.cond, then, els);
    bb_seal(b, then);
    bb_start(b, then);
    bs_stmt(b, s->u.ifs.then);
    bb_jump(b, join);
    if (s->u.ifs.els) {
        bb_seal(b, els);
        bb_start(b, els);
        bs_stmt(b, s->u.ifs.els);
        bb_jump(b, join);
    }
    bb_seal(b, join);
    bb_follow(b, join);
}

static void for_stmt(Builder *b, Node *s) {
    if (s->u.fors.init)
        bs_stmt(b, s->u.fors.init);
    bb_live(b, s->pos);
    Block *header = bb_block(b, BlockPlain, s->pos);
    Block *body = bb_block(b, BlockPlain, s->u.fors.body ? s->u.fors.body->pos : s->pos);
    Block *exit = bb_block(b, BlockPlain, s->pos);
    Block *post = s->u.fors.post ? bb_block(b, BlockPlain, s->u.fors.post->pos) : NULL;
    bb_jump(b, header);
    b->loop_depth++;
    bb_start(b, header);
    if (s->u.fors.cond)
        be_cond(b, s->u.fors.cond, body, exit);
    else
        bb_jump(b, body);
    bb_seal(b, body);
    push_target(b, s, exit, post ? post : header);
    bb_start(b, body);
    if (s->u.fors.body)
        bs_stmt(b, s->u.fors.body);
    bb_jump(b, post ? post : header);
    pop_target(b);
    if (post) {
        bb_seal(b, post);
        bb_follow(b, post);
        if (b->cur) {
            bs_stmt(b, s->u.fors.post);
            bb_jump(b, header);
        }
    }
    b->loop_depth--;
    bb_seal(b, header);
    bb_seal(b, exit);
    bb_follow(b, exit);
}

// Assigns one iteration value of a range loop to its key or value operand.
static void range_assign(Builder *b, Node *s, Node *to, Value *v) {
    if (!to || is_blank_node(to))
        return;
    if (s->u.range.define) {
        Node *id = unparen(to);
        if (id->kind == N_IDENT && id->u.ident.obj) {
            Obj *o = id->u.ident.obj;
            be_declare_var(b, o, be_assign_conv(b, v, v->type, o->type, to), to->pos);
        }
        return;
    }
    LValue lv = lvalue(b, to);
    lvalue_store(b, &lv, be_assign_conv(b, v, v->type, lv.type, to), to->pos);
}

static bool wants(Node *n) { return n && !is_blank_node(n); }

// The loop shape shared by the ranges that count an index up to a length:
// header tests i < len, the body gets i, `cont` adds one.
typedef struct CountedLoop {
    uint32_t ivar;
    Block *header, *body, *cont, *exit;
} CountedLoop;

static CountedLoop counted_loop_begin(Builder *b, Node *s, Value *len) {
    CountedLoop l;
    Type *it = type_basic(b->cc, TY_INT);
    l.ivar = bv_temp(b, it);
    bv_write(b, l.ivar, b->cur, int_value(b, 0, s->pos));
    l.header = bb_block(b, BlockPlain, s->pos);
    l.body = bb_block(b, BlockPlain, s->u.range.body ? s->u.range.body->pos : s->pos);
    l.cont = bb_block(b, BlockPlain, s->pos);
    l.exit = bb_block(b, BlockPlain, s->pos);
    bb_jump(b, l.header);
    b->loop_depth++;
    bb_start(b, l.header);
    Value *i = bv_read(b, l.ivar, l.header);
    Value *c = value_new2(b->cur, OpLess64, type_basic(b->cc, TY_BOOL), s->pos, i, len);
    b->cur->kind = BlockIf;
    block_set_control(b->cur, c);
    bb_edge(b, b->cur, l.body);
    bb_edge(b, b->cur, l.exit);
    bb_seal(b, l.body);
    bb_start(b, l.body);
    return l;
}

static void counted_loop_end(Builder *b, Node *s, CountedLoop *l, uint32_t next_var) {
    push_target(b, s, l->exit, l->cont);
    if (s->u.range.body)
        bs_stmt(b, s->u.range.body);
    bb_jump(b, l->cont);
    pop_target(b);
    bb_seal(b, l->cont);
    bb_follow(b, l->cont);
    if (b->cur) {
        Value *next;
        if (next_var != UINT32_MAX) {
            next = bv_read(b, next_var, b->cur);
        } else {
            Value *i = bv_read(b, l->ivar, b->cur);
            next = value_new2(b->cur, OpAdd64, type_basic(b->cc, TY_INT), s->pos, i, int_value(b, 1, s->pos));
        }
        bv_write(b, l->ivar, b->cur, next);
        bb_jump(b, l->header);
    }
    b->loop_depth--;
    bb_seal(b, l->header);
    bb_seal(b, l->exit);
    bb_follow(b, l->exit);
}

static void range_indexed(Builder *b, Node *s, Type *xu) {
    Node *x = s->u.range.x;
    Type *it = type_basic(b->cc, TY_INT);
    Value *base = NULL, *len = NULL, *whole = NULL;
    Type *elem = NULL;
    bool need_value = wants(s->u.range.value);
    if (xu->kind == TY_SLICE) {
        Value *sv = be_expr(b, x);
        elem = xu->u.slice.elem;
        len = value_new1(b->cur, OpSliceLen, it, s->pos, sv);
        base = value_new1(b->cur, OpSlicePtr, type_pointer(b->cc, elem), s->pos, sv);
    } else if (xu->kind == TY_POINTER) {
        Type *au = under(xu->u.ptr.elem);
        Value *p = be_expr(b, x);
        elem = au ? au->u.array.elem : NULL;
        len = int_value(b, au ? au->u.array.len : 0, s->pos);
        base = p;
    } else {
        elem = xu->u.array.elem;
        len = int_value(b, xu->u.array.len, s->pos);
        if (need_value) {
            if (xu->u.array.len <= 1 && bb_type_ssa_able(b->cc, x->type)) {
                Node *ux = unparen(x);
                bool reg = ux->kind != N_IDENT || !ux->u.ident.obj || ux->u.ident.obj->kind != OBJ_VAR ||
                           bv_info(b, bv_index(b, ux->u.ident.obj))->cls == VC_REG;
                if (reg)
                    whole = be_expr(b, x);
                else
                    base = be_addr(b, x, NULL);
            } else {
                base = be_addr(b, x, NULL);
            }
        }
    }
    CountedLoop l = counted_loop_begin(b, s, len);
    Value *i = bv_read(b, l.ivar, b->cur);
    range_assign(b, s, s->u.range.key, i);
    if (need_value) {
        Value *v;
        if (whole) {
            v = value_new1(b->cur, OpArraySelect, elem, s->pos, whole);
        } else {
            Value *ea = value_new2(b->cur, OpPtrIndex, type_pointer(b->cc, elem), s->pos, base, i);
            v = be_load(b, ea, elem, s->pos);
        }
        range_assign(b, s, s->u.range.value, v);
    }
    counted_loop_end(b, s, &l, UINT32_MAX);
}

static void range_string(Builder *b, Node *s) {
    Type *it = type_basic(b->cc, TY_INT);
    Type *rt = b->cc->rune_type ? b->cc->rune_type : type_basic(b->cc, TY_INT32);
    Value *str = be_expr(b, s->u.range.x);
    Value *len = value_new1(b->cur, OpStringLen, it, s->pos, str);
    uint32_t next_var = bv_temp(b, it);
    CountedLoop l = counted_loop_begin(b, s, len);
    Value *i = bv_read(b, l.ivar, b->cur);
    Type *two[2] = {it, rt};
    Value *step = value_new2(b->cur, OpStringIterNext, type_tuple(b->cc, two, 2), s->pos, str, i);
    bv_write(b, next_var, b->cur, value_new1(b->cur, OpSelect0, it, s->pos, step));
    range_assign(b, s, s->u.range.key, i);
    if (wants(s->u.range.value))
        range_assign(b, s, s->u.range.value, value_new1(b->cur, OpSelect1, rt, s->pos, step));
    counted_loop_end(b, s, &l, next_var);
}

// Loops whose header asks a runtime operation for the next element: map
// iteration and channel receive. The header is also the continue target.
static void range_fetching(Builder *b, Node *s, Type *xu) {
    Value *x = be_expr(b, s->u.range.x);
    Value *iter = NULL;
    Type *bt = type_basic(b->cc, TY_BOOL);
    if (xu->kind == TY_MAP) {
        Type *pt = type_basic(b->cc, TY_UNSAFE_POINTER);
        Value *init = value_new2(b->cur, OpMapIterInit, type_tuple(b->cc, &pt, 1), s->pos, x, bb_mem(b));
        be_split(b, init, 1, &iter);
    }
    Block *header = bb_block(b, BlockPlain, s->pos);
    Block *body = bb_block(b, BlockPlain, s->u.range.body ? s->u.range.body->pos : s->pos);
    Block *exit = bb_block(b, BlockPlain, s->pos);
    bb_jump(b, header);
    b->loop_depth++;
    bb_start(b, header);
    Value *out[3];
    if (xu->kind == TY_MAP) {
        Type *ts[3] = {xu->u.map.key, xu->u.map.value, bt};
        Value *next = value_new2(b->cur, OpMapIterNext, type_tuple(b->cc, ts, 3), s->pos, iter, bb_mem(b));
        be_split(b, next, 3, out);
    } else {
        Type *ts[2] = {xu->u.chan.elem, bt};
        Value *recv = value_new2(b->cur, OpChanRecv, type_tuple(b->cc, ts, 2), s->pos, x, bb_mem(b));
        be_split(b, recv, 2, out);
        out[2] = out[1];
    }
    b->cur->kind = BlockIf;
    block_set_control(b->cur, out[2]);
    bb_edge(b, b->cur, body);
    bb_edge(b, b->cur, exit);
    bb_seal(b, body);
    bb_start(b, body);
    range_assign(b, s, s->u.range.key, out[0]);
    if (xu->kind == TY_MAP && wants(s->u.range.value))
        range_assign(b, s, s->u.range.value, out[1]);
    push_target(b, s, exit, header);
    if (s->u.range.body)
        bs_stmt(b, s->u.range.body);
    bb_jump(b, header);
    pop_target(b);
    b->loop_depth--;
    bb_seal(b, header);
    bb_seal(b, exit);
    bb_follow(b, exit);
}

static void range_stmt(Builder *b, Node *s) {
    Type *xu = under(s->u.range.x ? s->u.range.x->type : NULL);
    if (!xu) {
        b->pending_label = NULL;
        return;
    }
    switch (xu->kind) {
    case TY_SLICE: case TY_ARRAY: range_indexed(b, s, xu); break;
    case TY_POINTER: range_indexed(b, s, xu); break;
    case TY_STRING: case TY_UNTYPED_STRING: range_string(b, s); break;
    case TY_MAP: case TY_CHAN: range_fetching(b, s, xu); break;
    default: b->pending_label = NULL; break;
    }
}

// ---------------------------------------------------------------------------
// switch, type switch, select

// Builds clause bodies in source order; each is sealed just before it is
// built, when the tests and the previous body's fallthrough are all known.
static void clause_bodies(Builder *b, Node *s, NodeList *clauses, Block **bodies, Block *exit) {
    push_target(b, s, exit, NULL);
    for (int i = 0; i < clauses->len; i++) {
        Node *c = clauses->items[i];
        bb_seal(b, bodies[i]);
        bb_start(b, bodies[i]);
        Block *saved = b->fallthrough_to;
        b->fallthrough_to = i + 1 < clauses->len ? bodies[i + 1] : exit;
        bs_block(b, c->u.clause.body);
        b->fallthrough_to = saved;
        bb_jump(b, exit);
    }
    pop_target(b);
    bb_seal(b, exit);
    bb_follow(b, exit);
}

static Value *case_compare(Builder *b, Value *tag, Type *tt, Node *tagn, Node *e) {
    Type *et = e->type;
    bool tag_iface = tt && type_is_interface(tt), case_iface = et && type_is_interface(et);
    if (tag_iface != case_iface && et && !is_untyped_nil_type(et)) {
        // An interface against a concrete value: compared without boxing.
        Value *ev = be_expr(b, e);
        return be_compare(b, T_EQL, tag, ev, tt, be_type(b, et), e->pos, tagn, e);
    }
    Value *ev = be_expr_to(b, e, tt);
    return be_compare(b, T_EQL, tag, ev, tt, tt, e->pos, tagn, e);
}

static void branch_on(Builder *b, Value *cond, Block *yes, Block *no) {
    b->cur->kind = BlockIf;
    block_set_control(b->cur, cond);
    bb_edge(b, b->cur, yes);
    bb_edge(b, b->cur, no);
}

static void switch_stmt(Builder *b, Node *s) {
    if (s->u.sw.init)
        bs_stmt(b, s->u.sw.init);
    bb_live(b, s->pos);
    Node *tagn = s->u.sw.tag;
    Value *tag = NULL;
    Type *tt = NULL;
    if (tagn) {
        tt = be_type(b, tagn->type);
        tag = be_expr_to(b, tagn, tt);
    }
    NodeList *clauses = &s->u.sw.clauses;
    int n = clauses->len, def = -1;
    Block **bodies = SC_ARRAY(b, Block *, n > 0 ? n : 1);
    for (int i = 0; i < n; i++)
        bodies[i] = bb_block(b, BlockPlain, clauses->items[i]->pos);
    Block *exit = bb_block(b, BlockPlain, s->pos);
    for (int i = 0; i < n; i++) {
        Node *c = clauses->items[i];
        if (c->u.clause.is_default || c->u.clause.list.len == 0) {
            def = i;
            continue;
        }
        for (int j = 0; j < c->u.clause.list.len; j++) {
            Node *e = c->u.clause.list.items[j];
            Block *next = bb_block(b, BlockPlain, e->pos);
            if (tag) {
                branch_on(b, case_compare(b, tag, tt, tagn, e), bodies[i], next);
            } else if (e->type && !type_is_boolean(e->type)) {
                // switch { case i: } with i an interface compares true == i.
                Type *bt = type_basic(b->cc, TY_BOOL);
                Value *t = value_new(b->cur, OpConstBool, bt, e->pos);
                t->auxint = 1;
                branch_on(b, case_compare(b, t, bt, NULL, e), bodies[i], next);
            } else {
                be_cond(b, e, bodies[i], next);
            }
            bb_seal(b, next);
            bb_start(b, next);
        }
    }
    bb_jump(b, def >= 0 ? bodies[def] : exit);
    clause_bodies(b, s, clauses, bodies, exit);
}

static bool is_nil_type_node(Node *n) {
    n = unparen(n);
    if (!n)
        return false;
    if (n->kind == N_IDENT && n->u.ident.obj && n->u.ident.obj->kind == OBJ_NIL)
        return true;
    return n->type && n->type->kind == TY_UNTYPED_NIL;
}

static void type_switch_stmt(Builder *b, Node *s) {
    if (s->u.sw.init)
        bs_stmt(b, s->u.sw.init);
    bb_live(b, s->pos);
    Node *xn = s->u.sw.tag;
    if (xn && unparen(xn)->kind == N_TYPEASSERT && !unparen(xn)->u.assert.type)
        xn = unparen(xn)->u.assert.x;
    Value *x = xn ? be_expr(b, xn) : be_unknown(b, NULL, s->pos);
    Type *xt = xn ? xn->type : NULL;
    Type *bt = type_basic(b->cc, TY_BOOL);
    NodeList *clauses = &s->u.sw.clauses;
    int n = clauses->len, def = -1;
    Block **bodies = SC_ARRAY(b, Block *, n > 0 ? n : 1);
    Obj **binds = SC_ARRAY(b, Obj *, n > 0 ? n : 1);
    for (int i = 0; i < n; i++)
        bodies[i] = bb_block(b, BlockPlain, clauses->items[i]->pos);
    Block *exit = bb_block(b, BlockPlain, s->pos);
    for (int i = 0; i < n; i++) {
        Node *c = clauses->items[i];
        if (c->u.clause.is_default || c->u.clause.list.len == 0) {
            def = i;
            continue;
        }
        for (int j = 0; j < c->u.clause.list.len; j++) {
            Node *e = c->u.clause.list.items[j];
            Block *next = bb_block(b, BlockPlain, e->pos);
            Value *cond;
            if (is_nil_type_node(e)) {
                Value *nil = value_new(b->cur, OpConstInterface, xt, e->pos);
                cond = value_new2(b->cur, OpEqInter, bt, e->pos, x, nil);
            } else {
                cond = value_new1(b->cur, OpTypeSwitchCase, bt, e->pos, x);
                cond->aux = (Aux){.kind = AUX_TYPE, .u.type = e->type};
            }
            branch_on(b, cond, bodies[i], next);
            bb_seal(b, next);
            bb_start(b, next);
        }
    }
    bb_jump(b, def >= 0 ? bodies[def] : exit);
    // The bound variable of each clause: the asserted type for a clause of
    // one type, the switched value itself otherwise.
    for (int i = 0; i < n; i++) {
        Node *c = clauses->items[i];
        binds[i] = c->u.clause.bind;
        if (binds[i] && name_is(binds[i]->name, "_"))
            binds[i] = NULL;
    }
    push_target(b, s, exit, NULL);
    for (int i = 0; i < n; i++) {
        Node *c = clauses->items[i];
        bb_seal(b, bodies[i]);
        bb_start(b, bodies[i]);
        if (binds[i]) {
            Node *only = c->u.clause.list.len == 1 ? c->u.clause.list.items[0] : NULL;
            Value *v;
            if (only && !is_nil_type_node(only) && only->type) {
                v = value_new2(b->cur, OpTypeAssert, only->type, only->pos, x, bb_mem(b));
                v->aux = (Aux){.kind = AUX_TYPE, .u.type = only->type};
            } else {
                v = x;
            }
            be_declare_var(b, binds[i], be_assign_conv(b, v, v->type, binds[i]->type, xn), binds[i]->pos);
        }
        bs_block(b, c->u.clause.body);
        bb_jump(b, exit);
    }
    pop_target(b);
    bb_seal(b, exit);
    bb_follow(b, exit);
}

// What one select case does with its channel.
typedef struct CommCase {
    Node *chan;         // the channel expression (NULL for default)
    Node *send_value;   // send: the value
    Node *recv_to[2];   // receive: where the value and ok go (may be NULL)
    int nrecv_to;
    bool define;        // receive with :=
    bool is_send;
} CommCase;

static CommCase comm_case(Node *comm) {
    CommCase cc = {0};
    if (!comm)
        return cc;
    if (comm->kind == N_SENDSTMT) {
        cc.is_send = true;
        cc.chan = comm->u.send.chan;
        cc.send_value = comm->u.send.value;
        return cc;
    }
    Node *recv = NULL;
    if (comm->kind == N_EXPRSTMT) {
        recv = unparen(comm->u.unary.x);
    } else if (comm->kind == N_ASSIGN && comm->u.assign.rhs.len == 1) {
        recv = unparen(comm->u.assign.rhs.items[0]);
        cc.define = comm->u.assign.op == T_DEFINE;
        for (int i = 0; i < comm->u.assign.lhs.len && i < 2; i++)
            cc.recv_to[cc.nrecv_to++] = comm->u.assign.lhs.items[i];
    }
    if (recv && recv->kind == N_UNARY && recv->u.unary.op == T_ARROW)
        cc.chan = recv->u.unary.x;
    return cc;
}

static void select_assign(Builder *b, Node *to, bool define, Value *v) {
    if (!to || is_blank_node(to))
        return;
    if (define && declares(to)) {
        Obj *o = unparen(to)->u.ident.obj;
        be_declare_var(b, o, v, to->pos);
        return;
    }
    LValue lv = lvalue(b, to);
    lvalue_store(b, &lv, be_assign_conv(b, v, v->type, lv.type, to), to->pos);
}

static void select_stmt(Builder *b, Node *s) {
    NodeList *clauses = &s->u.sw.clauses;
    int n = clauses->len;
    CommCase *cases = SC_ARRAY(b, CommCase, n > 0 ? n : 1);
    Type *it = type_basic(b->cc, TY_INT), *bt = type_basic(b->cc, TY_BOOL);
    Type *recv_t = NULL;
    int64_t sends = 0;
    bool has_default = false;
    // Channels and sent values are evaluated in source order before the select.
    Value **args = SC_ARRAY(b, Value *, 2 * n + 1);
    int nargs = 0, ncase = 0;
    for (int i = 0; i < n; i++) {
        cases[i] = comm_case(clauses->items[i]->u.clause.comm);
        if (!cases[i].chan) {
            has_default = true;
            continue;
        }
        Type *cu = under(cases[i].chan->type);
        Type *elem = cu && cu->kind == TY_CHAN ? cu->u.chan.elem : NULL;
        args[nargs++] = be_expr(b, cases[i].chan);
        if (cases[i].is_send) {
            args[nargs++] = be_expr_to(b, cases[i].send_value, elem);
            if (ncase < 62)
                sends |= (int64_t)1 << ncase;
        } else if (!recv_t) {
            recv_t = elem;
        } else if (elem && !type_identical(elem, recv_t)) {
            recv_t = type_basic(b->cc, TY_UNSAFE_POINTER);
        }
        ncase++;
    }
    Value *sel = value_new(b->cur, OpSelectGo, NULL, s->pos);
    Type *ts[3] = {it, recv_t ? recv_t : type_basic(b->cc, TY_UNSAFE_POINTER), bt};
    sel->type = type_tuple(b->cc, ts, 3);
    for (int i = 0; i < nargs; i++)
        value_add_arg(sel, args[i]);
    value_add_arg(sel, bb_mem(b));
    sel->auxint = sends | (has_default ? (int64_t)1 << 62 : 0);
    sel->node = s;
    Value *idx = value_new1(b->cur, OpSelectN, it, s->pos, sel);
    Value *m = value_new1(b->cur, OpSelectN, NULL, s->pos, sel);
    m->auxint = 3;
    m->is_mem = true;
    bb_set_mem(b, m);
    Block *exit = bb_block(b, BlockPlain, s->pos);
    if (n == 0) {
        // select {} blocks forever.
        b->cur->kind = BlockExit;
        block_set_control(b->cur, m);
        bb_end(b);
        return;
    }
    Block **bodies = SC_ARRAY(b, Block *, n);
    b->cur->kind = BlockSelect;
    block_set_control(b->cur, idx);
    for (int i = 0; i < n; i++) {
        bodies[i] = bb_block(b, BlockPlain, clauses->items[i]->pos);
        bb_edge(b, b->cur, bodies[i]);
    }
    push_target(b, s, exit, NULL);
    for (int i = 0; i < n; i++) {
        bb_seal(b, bodies[i]);
        bb_start(b, bodies[i]);
        CommCase *c = &cases[i];
        if (c->chan && !c->is_send && c->nrecv_to > 0) {
            Type *cu = under(c->chan->type);
            Type *elem = cu && cu->kind == TY_CHAN ? cu->u.chan.elem : NULL;
            Value *v = value_new1(b->cur, OpSelectN, elem, s->pos, sel);
            v->auxint = 1;
            select_assign(b, c->recv_to[0], c->define, v);
            if (c->nrecv_to > 1) {
                Value *ok = value_new1(b->cur, OpSelectN, bt, s->pos, sel);
                ok->auxint = 2;
                select_assign(b, c->recv_to[1], c->define, ok);
            }
        }
        bs_block(b, clauses->items[i]->u.clause.body);
        bb_jump(b, exit);
    }
    pop_target(b);
    bb_seal(b, exit);
    bb_follow(b, exit);
}

// ---------------------------------------------------------------------------
// The rest

static void send_stmt(Builder *b, Node *s) {
    Type *cu = under(s->u.send.chan->type);
    Value *c = be_expr(b, s->u.send.chan);
    Pos at = s->pos;
    be_noder_last(s->u.send.chan, &at);
    be_noder_last(s->u.send.value, &at);
    Value *v = be_expr_to_at(b, s->u.send.value, cu && cu->kind == TY_CHAN ? cu->u.chan.elem : NULL, at);
    if (!v->node)
        v->node = s->u.send.value;
    Value *st = value_new3(b->cur, OpChanSend, NULL, s->pos, c, v, bb_mem(b));
    st->node = s;
    bb_set_mem(b, st);
}

static void expr_stmt(Builder *b, Node *x) {
    Node *u = unparen(x);
    if (u && u->kind == N_CALL) {
        be_call(b, u, NULL, 0, NULL, OpStaticLECall);
        return;
    }
    be_expr(b, x);
}

static void go_defer(Builder *b, Node *s) {
    Node *call = unparen(s->u.unary.x);
    if (!call || call->kind != N_CALL)
        return;
    be_call(b, call, NULL, 0, NULL, s->kind == N_DEFER ? OpDeferCall : OpGoCall);
}

void bs_block(Builder *b, NodeList stmts) {
    int depth = b->loop_depth;
    for (int i = 0; i < stmts.len; i++)
        bs_stmt(b, stmts.items[i]);
    b->loop_depth = depth;
}

void bs_stmt(Builder *b, Node *s) {
    if (!s)
        return;
    if (s->kind != N_LABELED && s->kind != N_EMPTYSTMT && s->kind != N_BLOCK)
        bb_live(b, s->pos);
    switch (s->kind) {
    case N_EMPTYSTMT:
        if ((s->flags & NF_INLINED) && b->inl)
            bi_return(b);   // a bare return of an inlined body
        break;
    case N_EXPRSTMT: expr_stmt(b, s->u.unary.x); break;
    case N_DECLSTMT: decl_stmt(b, s); break;
    case N_LABELED: labeled(b, s); break;
    case N_SENDSTMT: send_stmt(b, s); break;
    case N_INCDEC:
        op_assign(b, s->u.incdec.x, s->u.incdec.op == T_INC ? T_ADD : T_SUB, NULL, s->pos, s);
        break;
    case N_ASSIGN:
        if (s->u.assign.op == T_ASSIGN || s->u.assign.op == T_DEFINE)
            assign(b, s);
        else if (s->u.assign.lhs.len == 1 && s->u.assign.rhs.len == 1)
            op_assign(b, s->u.assign.lhs.items[0], assign_op_base(s->u.assign.op), s->u.assign.rhs.items[0], s->pos,
                      s);
        if ((s->flags & NF_INLINED) && b->inl)
            bi_return(b);   // the return of an inlined body, made an assignment to its results
        break;
    case N_GO: case N_DEFER: go_defer(b, s); break;
    case N_RETURN: return_stmt(b, s); break;
    case N_BRANCH: branch(b, s); break;
    case N_BLOCK: bs_block(b, s->u.block.stmts); break;
    case N_IF: if_stmt(b, s); break;
    case N_FOR: for_stmt(b, s); break;
    case N_RANGE: range_stmt(b, s); break;
    case N_SWITCH: switch_stmt(b, s); break;
    case N_TYPESWITCH: type_switch_stmt(b, s); break;
    case N_SELECT: select_stmt(b, s); break;
    default: break;
    }
}

// check_label.c - labels and branch statements of one function body.
//
// gc checks these in its parser (syntax/branches.go), so the messages are
// the parser's: "label L defined and not used", "break is not in a loop,
// switch, or select", ... This pass runs before the body's statements are
// type-checked. It walks the body's block structure once, in source order:
// labels are declared per function, break and continue find their enclosing
// statement (branch.target), a goto to a label seen earlier in an enclosing
// block resolves at once (and makes that label a loop head for escape
// analysis: label.backward_goto), and a goto to a label further down is
// kept as "forward" until the label appears in the same or an enclosing
// block.
#include "check.h"

#include <string.h>

// Blocks live on the C stack during the walk; labels remember their block
// by number, which stays meaningful after the block is left.
typedef struct LabelBlock LabelBlock;
struct LabelBlock {
    LabelBlock *parent;
    int id;
    Pos start;
    Node *lstmt;        // N_LABELED whose statement this block belongs to
};

typedef struct Label {
    int block_id;       // the block the label is declared in
    Pos block_start;
    Node *lstmt;        // the N_LABELED
    Obj *obj;
    bool used;
} Label;

typedef struct LabelInfo {
    PtrVec labels;      // Label*
    int nblocks;
} LabelInfo;

typedef struct Targets {
    Node *breaks;       // for, range, switch, type switch or select
    Node *continues;    // for or range
    int case_index;     // index of the enclosing switch clause, or -1
    Node *sw;           // that switch
} Targets;

typedef struct LabelCheck {
    Checker *c;
    LabelInfo *info;
} LabelCheck;

static const char *pos_str(Checker *c, Pos p) {
    const SourceFile *sf = c->cc->files.items[p.file];
    return arena_sprintf(&c->cc->arena, "%s:%u:%u", sf->path, p.line, p.col);
}

static Label *find_label(LabelCheck *lc, Name *name) {
    for (int i = 0; i < lc->info->labels.len; i++) {
        Label *l = lc->info->labels.items[i];
        if (l->lstmt->u.labeled.label->u.ident.name == name)
            return l;
    }
    return NULL;
}

static Label *declare_label(LabelCheck *lc, LabelBlock *b, Node *s) {
    Node *id = s->u.labeled.label;
    Label *alt = find_label(lc, id->u.ident.name);
    if (alt) {
        check_errorf(lc->c, id->pos, "label %s already defined at %s", id->u.ident.name->s,
                     pos_str(lc->c, alt->lstmt->u.labeled.label->pos));
        s->u.labeled.obj = alt->obj;
        return alt;
    }
    Label *l = ARENA_NEW(&lc->c->cc->arena, Label);
    l->block_id = b->id;
    l->block_start = b->start;
    l->lstmt = s;
    Obj *o = obj_new(lc->c->cc, OBJ_LABEL, id->u.ident.name, id->pos, NULL);
    o->pkg = lc->c->pkg;
    o->color = COLOR_BLACK;
    o->decl = s;
    o->u.label.stmt = s;
    l->obj = o;
    id->u.ident.obj = o;
    s->u.labeled.obj = o;
    ptrvec_push(&lc->c->cc->arena, &lc->info->labels, l);
    return l;
}

// A label of an enclosing block (goto may only jump within or out of
// blocks).
static Node *goto_target(LabelCheck *lc, LabelBlock *b, Name *name) {
    Label *l = find_label(lc, name);
    if (!l)
        return NULL;
    l->used = true;
    l->obj->u.label.used = true;
    // Seen before the goto: the goto jumps backwards.
    l->obj->u.label.backward_goto = true;
    for (; b; b = b->parent)
        if (l->block_id == b->id)
            return l->lstmt;
    return NULL;
}

static Node invalid_target;

static Node *enclosing_target(LabelCheck *lc, LabelBlock *b, Name *name) {
    Label *l = find_label(lc, name);
    if (!l)
        return NULL;
    l->used = true;
    l->obj->u.label.used = true;
    for (; b; b = b->parent)
        if (l->lstmt == b->lstmt)
            return l->lstmt;
    return &invalid_target;
}

typedef struct FwdList {
    Node **items;
    int len, cap;
} FwdList;

static void fwd_push(LabelCheck *lc, FwdList *l, Node *g) {
    if (l->len == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        Node **items = ARENA_ARRAY(&lc->c->cc->arena, Node *, cap);
        if (l->len)
            memcpy(items, l->items, sizeof(Node *) * (size_t)l->len);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->len++] = g;
}

static FwdList block_branches(LabelCheck *lc, LabelBlock *parent, Targets ctx, Node *lstmt, Pos start, NodeList *body);

static void inner_block(LabelCheck *lc, LabelBlock *b, Targets ctx, Node *lstmt, Pos start, NodeList *body, FwdList *fwd) {
    FwdList inner = block_branches(lc, b, ctx, lstmt, start, body);
    for (int i = 0; i < inner.len; i++)
        fwd_push(lc, fwd, inner.items[i]);
}

static bool is_switch(Node *s) { return s && (s->kind == N_SWITCH || s->kind == N_TYPESWITCH); }

static void branch(LabelCheck *lc, LabelBlock *b, Targets ctx, Node *s, int stmt_index, int nstmts, FwdList *fwd) {
    Checker *c = lc->c;
    Node *label = s->u.branch.label;
    if (!label) {
        switch (s->u.branch.tok) {
        case T_BREAK:
            if (ctx.breaks)
                s->u.branch.target = ctx.breaks;
            else
                check_errorf(c, s->pos, "break is not in a loop, switch, or select");
            break;
        case T_CONTINUE:
            if (ctx.continues)
                s->u.branch.target = ctx.continues;
            else
                check_errorf(c, s->pos, "continue is not in a loop");
            break;
        case T_FALLTHROUGH: {
            const char *msg = "fallthrough statement out of place";
            if (is_switch(ctx.breaks)) {
                Node *sw = ctx.breaks;
                if (sw->kind == N_TYPESWITCH) {
                    msg = "cannot fallthrough in type switch";
                } else if (ctx.case_index < 0 || stmt_index + 1 < nstmts) {
                    // out of place
                } else if (ctx.case_index + 1 == sw->u.sw.clauses.len) {
                    msg = "cannot fallthrough final case in switch";
                } else {
                    s->u.branch.target = sw;
                    return;
                }
            }
            check_errorf(c, s->pos, "%s", msg);
            break;
        }
        default:
            break;
        }
        return;
    }
    Name *name = label->u.ident.name;
    switch (s->u.branch.tok) {
    case T_BREAK: {
        Node *t = enclosing_target(lc, b, name);
        if (!t) {
            check_errorf(c, label->pos, "break label not defined: %s", name->s);
        } else {
            Node *st = t == &invalid_target ? NULL : t->u.labeled.stmt;
            if (st && (st->kind == N_SWITCH || st->kind == N_TYPESWITCH || st->kind == N_SELECT ||
                       st->kind == N_FOR || st->kind == N_RANGE))
                s->u.branch.target = st;
            else
                check_errorf(c, label->pos, "invalid break label %s", name->s);
        }
        label->u.ident.obj = find_label(lc, name) ? find_label(lc, name)->obj : NULL;
        break;
    }
    case T_CONTINUE: {
        Node *t = enclosing_target(lc, b, name);
        if (!t) {
            check_errorf(c, label->pos, "continue label not defined: %s", name->s);
        } else {
            Node *st = t == &invalid_target ? NULL : t->u.labeled.stmt;
            if (st && (st->kind == N_FOR || st->kind == N_RANGE))
                s->u.branch.target = st;
            else
                check_errorf(c, label->pos, "invalid continue label %s", name->s);
        }
        label->u.ident.obj = find_label(lc, name) ? find_label(lc, name)->obj : NULL;
        break;
    }
    case T_GOTO: {
        Node *t = goto_target(lc, b, name);
        if (t) {
            s->u.branch.target = t;
            label->u.ident.obj = t->u.labeled.obj;
        } else {
            fwd_push(lc, fwd, s);
        }
        break;
    }
    default:
        break;
    }
}

static int trimmed_len(NodeList *l) {
    int n = l->len;
    while (n > 0 && l->items[n - 1]->kind == N_EMPTYSTMT)
        n--;
    return n;
}

// The name(s) a declaration declares, as gc prints them: the first name of
// a var spec, or the whole left side of a :=.
static const char *decl_names(Checker *c, Node *d) {
    if (!d)
        return "_";
    if (d->kind == N_VALUESPEC)
        return d->u.valspec.names.len ? d->u.valspec.names.items[0]->u.ident.name->s : "_";
    const char *names = "";
    for (int j = 0; j < d->u.assign.lhs.len; j++)
        names = arena_sprintf(&c->cc->arena, "%s%s%s", names, j ? ", " : "", estr(c, d->u.assign.lhs.items[j]));
    return names;
}

static FwdList block_branches(LabelCheck *lc, LabelBlock *parent, Targets ctx, Node *lstmt, Pos start, NodeList *body) {
    Checker *c = lc->c;
    LabelBlock block = {parent, ++lc->info->nblocks, start, lstmt};
    LabelBlock *b = &block;
    FwdList fwd = {0}, bad = {0};
    // The last variable declaration seen, for "goto jumps over declaration":
    // a var spec or a := statement, spelled out only for the error.
    Pos var_pos = {0};
    Node *var_decl = NULL;
    int n = trimmed_len(body);
    for (int i = 0; i < n; i++) {
        Node *s = body->items[i];
        lstmt = NULL;
        // A labeled statement is processed as its statement, with the label
        // attached to the blocks it opens.
        while (s && s->kind == N_LABELED) {
            Node *id = s->u.labeled.label;
            if (!name_is(id->u.ident.name, "_")) {
                Label *l = declare_label(lc, b, s);
                int k = 0;
                for (int j = 0; j < fwd.len; j++) {
                    Node *g = fwd.items[j];
                    if (g->u.branch.label->u.ident.name == id->u.ident.name) {
                        g->u.branch.target = s;
                        g->u.branch.label->u.ident.obj = l->obj;
                        l->used = true;
                        l->obj->u.label.used = true;
                        bool jumps_over = false;
                        if (pos_known(var_pos))
                            for (int m = 0; m < bad.len; m++)
                                if (bad.items[m] == g)
                                    jumps_over = true;
                        if (jumps_over)
                            check_errorf(c, g->u.branch.label->pos, "goto %s jumps over declaration of %s at %s",
                                         id->u.ident.name->s, decl_names(c, var_decl), pos_str(c, var_pos));
                    } else {
                        fwd.items[k++] = g;
                    }
                }
                fwd.len = k;
                lstmt = s;
            }
            s = s->u.labeled.stmt;
        }
        if (!s)
            continue;
        switch (s->kind) {
        case N_DECLSTMT: {
            Node *d = s->u.declstmt.decl;
            if (d && d->kind == N_GENDECL && d->u.gendecl.tok == T_VAR && d->u.gendecl.specs.len > 0) {
                Node *spec = d->u.gendecl.specs.items[0];
                var_pos = spec->pos;
                var_decl = spec;
                bad.len = 0;
                for (int j = 0; j < fwd.len; j++)
                    fwd_push(lc, &bad, fwd.items[j]);
            }
            break;
        }
        case N_ASSIGN:
            if (s->u.assign.op == T_DEFINE) {
                var_pos = s->pos;
                var_decl = s;
                bad.len = 0;
                for (int j = 0; j < fwd.len; j++)
                    fwd_push(lc, &bad, fwd.items[j]);
            }
            break;
        case N_BRANCH:
            branch(lc, b, ctx, s, i, n, &fwd);
            break;
        case N_BLOCK: {
            Targets in = {ctx.breaks, ctx.continues, -1, NULL};
            inner_block(lc, b, in, lstmt, s->pos, &s->u.block.stmts, &fwd);
            break;
        }
        case N_IF: {
            Targets in = {ctx.breaks, ctx.continues, -1, NULL};
            Node *then = s->u.ifs.then;
            if (then)
                inner_block(lc, b, in, lstmt, then->pos, &then->u.block.stmts, &fwd);
            if (s->u.ifs.els) {
                Node *items[1] = {s->u.ifs.els};
                NodeList one = {items, 1};
                inner_block(lc, b, in, lstmt, s->u.ifs.els->pos, &one, &fwd);
            }
            break;
        }
        case N_FOR: case N_RANGE: {
            Targets in = {s, s, -1, NULL};
            Node *fb = s->kind == N_FOR ? s->u.fors.body : s->u.range.body;
            if (fb)
                inner_block(lc, b, in, lstmt, fb->pos, &fb->u.block.stmts, &fwd);
            break;
        }
        case N_SWITCH: case N_TYPESWITCH: {
            Targets in = {s, ctx.continues, -1, s};
            for (int j = 0; j < s->u.sw.clauses.len; j++) {
                Node *cc = s->u.sw.clauses.items[j];
                in.case_index = j;
                inner_block(lc, b, in, lstmt, cc->pos, &cc->u.clause.body, &fwd);
            }
            break;
        }
        case N_SELECT: {
            Targets in = {s, ctx.continues, -1, NULL};
            for (int j = 0; j < s->u.sw.clauses.len; j++) {
                Node *cc = s->u.sw.clauses.items[j];
                inner_block(lc, b, in, lstmt, cc->pos, &cc->u.clause.body, &fwd);
            }
            break;
        }
        default:
            break;
        }
    }
    return fwd;
}

void check_branches(Checker *c, Node *body) {
    if (!body)
        return;
    LabelInfo info = {0};
    LabelCheck lc = {c, &info};
    Targets none = {NULL, NULL, -1, NULL};
    FwdList fwd = block_branches(&lc, NULL, none, NULL, body->pos, &body->u.block.stmts);
    for (int i = 0; i < fwd.len; i++) {
        Node *g = fwd.items[i];
        Node *id = g->u.branch.label;
        Label *l = find_label(&lc, id->u.ident.name);
        if (l) {
            l->used = true;
            l->obj->u.label.used = true;
            check_errorf(c, id->pos, "goto %s jumps into block starting at %s", id->u.ident.name->s,
                         pos_str(c, l->block_start));
        } else {
            check_errorf(c, id->pos, "label %s not defined", id->u.ident.name->s);
        }
    }
    for (int i = 0; i < info.labels.len; i++) {
        Label *l = info.labels.items[i];
        if (!l->used) {
            Node *id = l->lstmt->u.labeled.label;
            check_errorf(c, id->pos, "label %s defined and not used", id->u.ident.name->s);
        }
    }
}

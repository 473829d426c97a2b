// check.c - the invariant checker run between passes.
//
// It checks, in order: (1) every edge is recorded at both ends with the right
// indexes; (2) each block has its kind's shape (successor count, control);
// (3) each value has its op's arity, memory args where the op wants memory
// and nowhere else, and Phis as many args as preds; (4) every arg is defined
// before its use: earlier in the same block, or in a block that dominates the
// user (for a Phi, one that dominates the matching predecessor); (5) memory is
// a single chain on every path: inside a block each memory user takes the
// latest memory, and a block's preds agree on the memory they hand it unless
// it merges them with a memory Phi.
//
// The first broken invariant is returned as a message; NULL means f is good.
// Dominators come from Cooper, Harvey and Kennedy's iterative algorithm over
// a reverse postorder.
#include "ssa/ssa.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct CheckState {
    Func *f;
    int *rpo_index;     // by block id: position in reverse postorder, -1 if unreachable
    Block **rpo;
    int nrpo;
    Block **idom;       // by block id
    int *value_pos;     // by value id: index within its block, -1 if not in f
    Block **value_block;
    Value **end_mem;    // by block id: the memory live at the block's end
} CheckState;

static const char *fail(CheckState *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *fail(CheckState *st, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return arena_sprintf(&st->f->arena, "%s: %s", st->f->name, buf);
}

static void postorder(CheckState *st, Block *b, bool *seen, int *n) {
    // Iterative DFS so deep CFGs cannot overflow the C stack.
    typedef struct { Block *b; int next; } Frame;
    Frame *stack = malloc(sizeof(Frame) * (size_t)(st->f->nblocks + 1));
    if (!stack)
        abort();
    int sp = 0;
    stack[sp++] = (Frame){b, 0};
    seen[b->id] = true;
    while (sp > 0) {
        Frame *fr = &stack[sp - 1];
        if (fr->next < fr->b->nsuccs) {
            Block *s = fr->b->succs[fr->next++].b;
            if (!seen[s->id]) {
                seen[s->id] = true;
                stack[sp++] = (Frame){s, 0};
            }
            continue;
        }
        st->rpo[(*n)++] = fr->b;
        sp--;
    }
    free(stack);
}

static Block *intersect(CheckState *st, Block *a, Block *b) {
    while (a != b) {
        while (st->rpo_index[a->id] > st->rpo_index[b->id])
            a = st->idom[a->id];
        while (st->rpo_index[b->id] > st->rpo_index[a->id])
            b = st->idom[b->id];
    }
    return a;
}

static void dominators(CheckState *st) {
    Func *f = st->f;
    bool *seen = calloc(f->next_block_id, 1);
    int n = 0;
    postorder(st, f->entry, seen, &n);
    free(seen);
    for (int i = 0; i < n / 2; i++) {
        Block *t = st->rpo[i];
        st->rpo[i] = st->rpo[n - 1 - i];
        st->rpo[n - 1 - i] = t;
    }
    st->nrpo = n;
    for (int i = 0; i < n; i++)
        st->rpo_index[st->rpo[i]->id] = i;
    st->idom[f->entry->id] = f->entry;
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 1; i < n; i++) {
            Block *b = st->rpo[i], *nd = NULL;
            for (int j = 0; j < b->npreds; j++) {
                Block *p = b->preds[j].b;
                if (st->rpo_index[p->id] < 0 || !st->idom[p->id])
                    continue;
                nd = nd ? intersect(st, p, nd) : p;
            }
            if (nd && st->idom[b->id] != nd) {
                st->idom[b->id] = nd;
                changed = true;
            }
        }
    }
}

static bool dominates(CheckState *st, Block *a, Block *b) {
    if (st->rpo_index[b->id] < 0)
        return true;    // unreachable code proves nothing
    for (;;) {
        if (a == b)
            return true;
        Block *up = st->idom[b->id];
        if (!up || up == b)
            return false;
        b = up;
    }
}

static const char *check_edges_and_shape(CheckState *st, Block *b) {
    for (int i = 0; i < b->nsuccs; i++) {
        Edge e = b->succs[i];
        if (e.i < 0 || e.i >= e.b->npreds || e.b->preds[e.i].b != b || e.b->preds[e.i].i != i)
            return fail(st, "b%u: successor %d (b%u) does not list it as a predecessor", b->id, i, e.b->id);
    }
    for (int i = 0; i < b->npreds; i++) {
        Edge e = b->preds[i];
        if (e.i < 0 || e.i >= e.b->nsuccs || e.b->succs[e.i].b != b || e.b->succs[e.i].i != i)
            return fail(st, "b%u: predecessor %d (b%u) does not list it as a successor", b->id, i, e.b->id);
    }
    int want_succs = -1;
    bool want_control = false, control_mem = false;
    switch (b->kind) {
    case BlockPlain: want_succs = 1; break;
    case BlockIf: want_succs = 2; want_control = true; break;
    case BlockRet: case BlockExit: want_succs = 0; want_control = control_mem = true; break;
    case BlockDefer: case BlockFirst: want_succs = 2; break;
    case BlockSelect: want_control = true; break;
    default: return fail(st, "b%u: invalid block kind %d", b->id, b->kind);
    }
    if (want_succs >= 0 && b->nsuccs != want_succs)
        return fail(st, "b%u: %s block has %d successors, want %d", b->id, block_kind_name(b->kind), b->nsuccs, want_succs);
    if (b->kind == BlockSelect && b->nsuccs < 1)
        return fail(st, "b%u: Select block without successors", b->id);
    if (want_control && !b->control)
        return fail(st, "b%u: %s block has no control value", b->id, block_kind_name(b->kind));
    if (!want_control && b->control)
        return fail(st, "b%u: %s block has a control value v%u", b->id, block_kind_name(b->kind), b->control->id);
    if (b->control && control_mem != b->control->is_mem)
        return fail(st, "b%u: control v%u %s memory", b->id, b->control->id, control_mem ? "is not" : "is");
    if (b->kind == BlockIf && b->control->type && !type_is_boolean(b->control->type))
        return fail(st, "b%u: If control v%u is not a bool", b->id, b->control->id);
    return NULL;
}

static bool is_memory(const Value *v) { return v->is_mem; }

static const char *check_value(CheckState *st, Block *b, int idx) {
    Value *v = b->values[idx];
    const OpInfo *oi = &op_info[v->op];
    if (v->block != b)
        return fail(st, "v%u is listed in b%u but belongs to b%u", v->id, b->id, v->block ? v->block->id : 0);
    if (v->op == OpInvalid || v->op >= OP_COUNT)
        return fail(st, "v%u has an invalid op", v->id);
    if (v->op == OpPhi) {
        if (v->nargs != b->npreds)
            return fail(st, "v%u: Phi has %d args but b%u has %d preds", v->id, v->nargs, b->id, b->npreds);
    } else if (oi->arity >= 0 && v->nargs != oi->arity) {
        return fail(st, "v%u: %s has %d args, want %d", v->id, oi->name, v->nargs, oi->arity);
    } else if ((oi->flags & OPF_MEM) && v->nargs == 0) {
        return fail(st, "v%u: %s has no memory arg", v->id, oi->name);
    }
    for (int i = 0; i < v->nargs; i++) {
        Value *a = v->args[i];
        if (!a)
            return fail(st, "v%u: arg %d is missing", v->id, i);
        if (a->id > st->f->next_value_id || st->value_pos[a->id] < 0)
            return fail(st, "v%u: arg v%u is not in the function", v->id, a->id);
        bool last = i == v->nargs - 1;
        bool wants_mem = (oi->flags & OPF_MEM) && last;
        if (v->op == OpPhi || v->op == OpCopy)
            wants_mem = v->is_mem;
        if (v->op == OpSelectN)
            continue;   // selects results or memory out of a tuple
        if (wants_mem != is_memory(a))
            return fail(st, "v%u: arg %d (v%u) %s memory", v->id, i, a->id, wants_mem ? "is not" : "is");
        Block *ab = st->value_block[a->id];
        if (v->op == OpPhi) {
            Block *p = b->preds[i].b;
            if (!dominates(st, ab, p))
                return fail(st, "v%u: Phi arg v%u (b%u) does not dominate predecessor b%u", v->id, a->id, ab->id, p->id);
        } else if (ab == b) {
            if (st->value_pos[a->id] >= idx)
                return fail(st, "v%u: arg v%u is used before it is defined", v->id, a->id);
        } else if (!dominates(st, ab, b)) {
            return fail(st, "v%u: arg v%u (b%u) does not dominate its use in b%u", v->id, a->id, ab->id, b->id);
        }
    }
    return NULL;
}

// The memory chain inside one block; returns the memory at its end.
static const char *check_block_memory(CheckState *st, Block *b, Value *entry, Value **end) {
    Value *cur = entry;
    for (int i = 0; i < b->nvalues; i++) {
        Value *v = b->values[i];
        if (v->op == OpPhi && v->is_mem) {
            if (cur && cur != entry)
                return fail(st, "b%u: memory Phi v%u after other memory", b->id, v->id);
            cur = v;
            continue;
        }
        if (op_info[v->op].flags & OPF_MEM) {
            Value *m = v->args[v->nargs - 1];
            if (cur && m != cur)
                return fail(st, "v%u uses memory v%u, but the current memory is v%u", v->id, m->id, cur->id);
            cur = m;
        }
        if (v->op == OpSelectN && v->is_mem) {
            if (v->args[0] != cur)
                return fail(st, "v%u selects memory from v%u, but the current memory is v%u", v->id, v->args[0]->id,
                            cur ? cur->id : 0);
            cur = v;
        } else if (v->is_mem && v->op != OpPhi) {
            cur = v;
        }
    }
    if (b->control && b->control->is_mem && b->control != cur)
        return fail(st, "b%u: returns memory v%u, but the current memory is v%u", b->id, b->control->id, cur ? cur->id : 0);
    *end = cur;
    return NULL;
}

static const char *check_memory(CheckState *st) {
    for (int i = 0; i < st->nrpo; i++) {
        Block *b = st->rpo[i];
        Value *entry = NULL;
        bool has_phi = false;
        for (int j = 0; j < b->nvalues; j++)
            has_phi |= b->values[j]->op == OpPhi && b->values[j]->is_mem;
        if (!has_phi) {
            for (int j = 0; j < b->npreds; j++) {
                Block *p = b->preds[j].b;
                if (st->rpo_index[p->id] < 0 || st->rpo_index[p->id] >= i)
                    continue;   // back edges are checked from the other side
                Value *m = st->end_mem[p->id];
                if (entry && m && m != entry)
                    return fail(st, "b%u: predecessors hand it different memory (v%u, v%u) without a memory Phi", b->id,
                                entry->id, m->id);
                if (m)
                    entry = m;
            }
        }
        Value *end = NULL;
        const char *err = check_block_memory(st, b, entry, &end);
        if (err)
            return err;
        st->end_mem[b->id] = end;
    }
    // Back edges: a loop header without a memory Phi must get the same memory back.
    for (int i = 0; i < st->nrpo; i++) {
        Block *b = st->rpo[i];
        bool has_phi = false;
        for (int j = 0; j < b->nvalues; j++)
            has_phi |= b->values[j]->op == OpPhi && b->values[j]->is_mem;
        if (has_phi)
            continue;
        Value *first = NULL;
        for (int j = 0; j < b->npreds; j++) {
            Value *m = st->end_mem[b->preds[j].b->id];
            if (first && m && m != first)
                return fail(st, "b%u: predecessors hand it different memory (v%u, v%u) without a memory Phi", b->id,
                            first->id, m->id);
            if (m)
                first = m;
        }
    }
    return NULL;
}

const char *func_check(Func *f) {
    if (!f->entry)
        return arena_sprintf(&f->arena, "%s: no entry block", f->name);
    CheckState st = {.f = f};
    size_t nb = f->next_block_id + 1, nv = f->next_value_id + 1;
    st.rpo_index = malloc(sizeof(int) * nb);
    st.rpo = calloc(nb, sizeof(Block *));
    st.idom = calloc(nb, sizeof(Block *));
    st.end_mem = calloc(nb, sizeof(Value *));
    st.value_pos = malloc(sizeof(int) * nv);
    st.value_block = calloc(nv, sizeof(Block *));
    if (!st.rpo_index || !st.rpo || !st.idom || !st.end_mem || !st.value_pos || !st.value_block)
        abort();
    for (size_t i = 0; i < nb; i++)
        st.rpo_index[i] = -1;
    for (size_t i = 0; i < nv; i++)
        st.value_pos[i] = -1;
    const char *err = NULL;
    for (int i = 0; i < f->nblocks && !err; i++) {
        Block *b = f->blocks[i];
        if (b->func != f)
            err = fail(&st, "b%u belongs to another function", b->id);
        for (int j = 0; j < b->nvalues && !err; j++) {
            Value *v = b->values[j];
            if (v->id >= nv)
                err = fail(&st, "v%u has an id beyond the function's", v->id);
            else {
                st.value_pos[v->id] = j;
                st.value_block[v->id] = b;
            }
        }
    }
    if (!err)
        dominators(&st);
    for (int i = 0; i < f->nblocks && !err; i++)
        err = check_edges_and_shape(&st, f->blocks[i]);
    for (int i = 0; i < f->nblocks && !err; i++)
        for (int j = 0; j < f->blocks[i]->nvalues && !err; j++)
            err = check_value(&st, f->blocks[i], j);
    if (!err)
        err = check_memory(&st);
    free(st.rpo_index);
    free(st.rpo);
    free(st.idom);
    free(st.end_mem);
    free(st.value_pos);
    free(st.value_block);
    return err;
}

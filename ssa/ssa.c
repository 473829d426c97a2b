// ssa.c - making and changing Funcs, Blocks and Values.
//
// Arrays that grow (a block's values, succs and preds, a value's args) are
// reallocated in the Func's arena and the old storage abandoned there; a Func
// is freed as a whole. Every change of an arg keeps Value.uses exact, so
// dead-value removal and the checker can trust it.
#include "ssa/ssa.h"

#include <stdlib.h>
#include <string.h>

const OpInfo op_info[OP_COUNT] = {
#define OP(name, arity, flags) {#name, arity, flags},
#include "ssa/op.def"
#undef OP
};

static const char *const block_kind_names[BLOCK_KIND_COUNT] = {
    "Invalid", "Plain", "If", "Ret", "Exit", "Defer", "First", "Select",
};

const char *block_kind_name(BlockKind k) {
    return k < BLOCK_KIND_COUNT ? block_kind_names[k] : "?";
}

// Grows an arena array of `size`-byte elements to hold at least `need`.
static void *grow_array(Arena *a, void *items, int len, int *cap, int need, size_t size) {
    if (need <= *cap)
        return items;
    int ncap = *cap ? *cap * 2 : 4;
    while (ncap < need)
        ncap *= 2;
    void *n = arena_alloc(a, size * (size_t)ncap);
    if (len)
        memcpy(n, items, size * (size_t)len);
    *cap = ncap;
    return n;
}

Func *func_new(Compiler *cc, FuncInfo *info, const char *name) { return func_new_in(cc, &cc->arena, info, name); }

Func *func_new_in(Compiler *cc, Arena *parent, FuncInfo *info, const char *name) {
    // The Func's arena allocates from a bigger one, so the thousands of
    // small functions of a big file share huge, already-zero pages with
    // nothing left unused between them.
    Arena arena;
    arena_init_child(&arena, parent);
    Func *f = ARENA_NEW(&arena, Func);
    f->arena = arena;
    f->cc = cc;
    f->info = info;
    f->name = arena_strndup(&f->arena, name, strlen(name));
    f->next_value_id = 1;
    f->next_block_id = 1;
    return f;
}

void func_free(Func *f) {
    if (!f)
        return;
    Arena arena = f->arena;    // f lives in its own arena
    arena_free(&arena);
}

Block *block_new(Func *f, BlockKind kind, Pos pos) {
    Block *b = ARENA_NEW(&f->arena, Block);
    b->id = f->next_block_id++;
    b->kind = kind;
    b->pos = pos;
    b->func = f;
    f->blocks = grow_array(&f->arena, f->blocks, f->nblocks, &f->capblocks, f->nblocks + 1, sizeof(Block *));
    f->blocks[f->nblocks++] = b;
    if (!f->entry)
        f->entry = b;
    return b;
}

int func_add_inl(Func *f, FuncInfo *callee, Pos site, Pos at, int parent) {
    f->inl = grow_array(&f->arena, f->inl, f->ninl, &f->capinl, f->ninl + 1, sizeof(InlSite));
    f->inl[f->ninl] = (InlSite){callee, site, at, parent};
    return f->ninl++;
}

void block_add_edge(Block *from, Block *to) {
    Arena *a = &from->func->arena;
    from->succs = grow_array(a, from->succs, from->nsuccs, &from->capsuccs, from->nsuccs + 1, sizeof(Edge));
    to->preds = grow_array(a, to->preds, to->npreds, &to->cappreds, to->npreds + 1, sizeof(Edge));
    from->succs[from->nsuccs] = (Edge){to, to->npreds};
    to->preds[to->npreds] = (Edge){from, from->nsuccs};
    from->nsuccs++;
    to->npreds++;
}

void block_set_control(Block *b, Value *v) {
    if (b->control)
        b->control->uses--;
    b->control = v;
    if (v)
        v->uses++;
}

Value *value_new(Block *b, Op op, Type *type, Pos pos) {
    Func *f = b->func;
    Value *v = f->free_values;
    if (v) {
        f->free_values = v->inline_args[0];
        memset(v, 0, sizeof *v);
    } else {
        v = ARENA_NEW(&f->arena, Value);
    }
    v->id = f->next_value_id++;
    v->op = op;
    v->type = type;
    v->is_mem = (op_info[op].flags & OPF_MEMOUT) != 0;
    v->pos = pos;
    v->block = b;
    v->inl = f->building_inl;
    v->args = v->inline_args;
    b->values = grow_array(&f->arena, b->values, b->nvalues, &b->capvalues, b->nvalues + 1, sizeof(Value *));
    b->values[b->nvalues++] = v;
    return v;
}

void value_add_arg(Value *v, Value *arg) {
    if (v->nargs == 3 && v->args == v->inline_args) {
        Value **n = ARENA_ARRAY(&v->block->func->arena, Value *, 8);
        memcpy(n, v->inline_args, sizeof v->inline_args);
        v->args = n;
    } else if (v->nargs >= 8 && (v->nargs & (v->nargs - 1)) == 0) {
        // Heap args grow by doubling at each power of two from 8 on.
        Value **n = ARENA_ARRAY(&v->block->func->arena, Value *, v->nargs * 2);
        memcpy(n, v->args, sizeof(Value *) * (size_t)v->nargs);
        v->args = n;
    }
    v->args[v->nargs++] = arg;
    arg->uses++;
}

void value_set_arg(Value *v, int i, Value *arg) {
    v->args[i]->uses--;
    v->args[i] = arg;
    arg->uses++;
}

void value_reset_args(Value *v) {
    for (int i = 0; i < v->nargs; i++)
        v->args[i]->uses--;
    v->nargs = 0;
}

void value_free(Value *v) {
    Func *f = v->block->func;
    value_reset_args(v);
    v->op = OpInvalid;
    v->block = NULL;
    v->inline_args[0] = f->free_values;
    f->free_values = v;
}

Value *value_new0(Block *b, Op op, Type *type, Pos pos) { return value_new(b, op, type, pos); }

Value *value_new1(Block *b, Op op, Type *type, Pos pos, Value *a) {
    Value *v = value_new(b, op, type, pos);
    value_add_arg(v, a);
    return v;
}

Value *value_new2(Block *b, Op op, Type *type, Pos pos, Value *a, Value *c) {
    Value *v = value_new1(b, op, type, pos, a);
    value_add_arg(v, c);
    return v;
}

Value *value_new3(Block *b, Op op, Type *type, Pos pos, Value *a, Value *c, Value *d) {
    Value *v = value_new2(b, op, type, pos, a, c);
    value_add_arg(v, d);
    return v;
}

void value_copy_of(Value *v, Value *w) {
    value_reset_args(v);
    v->op = OpCopy;
    v->aux = (Aux){0};
    v->auxint = 0;
    v->is_mem = w->is_mem;
    value_add_arg(v, w);
}

// Marks the blocks reachable from the entry.
static void mark_reachable(Func *f, bool *seen) {
    Block **stack = malloc(sizeof(Block *) * (size_t)(f->nblocks + 1));
    int sp = 0;
    if (!stack)
        abort();
    stack[sp++] = f->entry;
    seen[f->entry->id] = true;
    while (sp > 0) {
        Block *b = stack[--sp];
        for (int i = 0; i < b->nsuccs; i++) {
            Block *s = b->succs[i].b;
            if (!seen[s->id]) {
                seen[s->id] = true;
                stack[sp++] = s;
            }
        }
    }
    free(stack);
}

// Removes pred edge i of b, keeping the edge indexes on both sides right
// and the Phis' args in step with the preds.
static void block_remove_pred(Block *b, int i) {
    int last = b->npreds - 1;
    Edge moved = b->preds[last];
    b->preds[i] = moved;
    moved.b->succs[moved.i].i = i;
    b->npreds--;
    for (int j = 0; j < b->nvalues; j++) {
        Value *v = b->values[j];
        if (v->op != OpPhi || v->nargs <= i)
            continue;
        v->args[i]->uses--;
        v->args[i] = v->args[last];
        v->nargs--;
    }
}

void func_remove_dead(Func *f) {
    if (!f->entry)
        return;
    bool *seen = calloc(f->next_block_id + 1, 1);
    if (!seen)
        abort();
    mark_reachable(f, seen);
    // 1. Cut the edges from unreachable blocks into reachable ones.
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        if (seen[b->id])
            continue;
        for (int j = 0; j < b->nsuccs; j++) {
            Block *s = b->succs[j].b;
            if (seen[s->id])
                block_remove_pred(s, b->succs[j].i);
        }
        b->nsuccs = 0;
        for (int j = 0; j < b->nvalues; j++)
            value_reset_args(b->values[j]);
        block_set_control(b, NULL);
    }
    int n = 0;
    for (int i = 0; i < f->nblocks; i++)
        if (seen[f->blocks[i]->id])
            f->blocks[n++] = f->blocks[i];
    f->nblocks = n;
    free(seen);
    // 2. Drop pure values nobody uses, until nothing changes.
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < f->nblocks; i++) {
            Block *b = f->blocks[i];
            int k = 0;
            for (int j = 0; j < b->nvalues; j++) {
                Value *v = b->values[j];
                unsigned fl = op_info[v->op].flags;
                bool effect = (fl & (OPF_MEMOUT | OPF_CALL)) || v->is_mem || v->op == OpNilCheck ||
                              v->op == OpInlMark || v == f->sp || v == f->sb || v == f->initmem;
                if (v->uses == 0 && !effect) {
                    value_reset_args(v);
                    changed = true;
                    continue;
                }
                b->values[k++] = v;
            }
            b->nvalues = k;
        }
    }
}

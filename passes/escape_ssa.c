// escape_ssa.c - the escape pass's verdicts written back into the SSA.
//
// Two rewrites, each keeping the ids of the values it changes so a reader
// can follow a value from one dump to the next:
//
//   - new(T) or &T{...} that does not escape becomes a stack variable:
//         v = NewObject <(*T,mem)> {T} m; p = SelectN [0] v; m' = SelectN [1] v
//     turns into
//         v = VarDef <mem> {new(T)} m; a = LocalAddr <*T> {new(T)} SP v;
//         z = Zero <mem> {T} a v; p = Copy a; m' = Copy z
//     (the variable is named after the expression it was).
//   - a variable x that moved to heap lives in a heap object whose address
//     is kept in a stack variable named "&x", as gc does: where x is
//     declared (its VarDef, or for a parameter the store of its value),
//     NewObject <(*T,mem)> {T} is stored into &x, and every LocalAddr {x}
//     becomes a Load of &x.
// Other allocation sites keep their op: their verdict is in the -m output
// and the escape-graph picture.
//
// Each function is rewritten in one pass over its values: new values are
// made where they are needed and each block's list is put back in order
// once, so the cost is linear in the size of the function.
#include "passes/escape.h"

#include <stdlib.h>
#include <string.h>

// *T, made once per T (type_pointer makes a new type on every call).
static Type *ptr_to(EscPass *p, Type *t) {
    Type *pt = escmap_get(&p->ptr_types, t);
    if (!pt) {
        pt = type_pointer(p->cc, t);
        escmap_put(p->arena, &p->ptr_types, t, pt);
    }
    return pt;
}

// The tuple (*T) of a NewObject, keyed by an odd address no type has.
static Type *tuple_of(EscPass *p, Type *pt) {
    Type *tt = escmap_get(&p->ptr_types, (char *)pt + 1);
    if (!tt) {
        tt = type_tuple(p->cc, (Type *[]){pt}, 1);
        escmap_put(p->arena, &p->ptr_types, (char *)pt + 1, tt);
    }
    return tt;
}

// A variable that moved to heap, while its function is rewritten.
typedef struct Moved {
    Obj *x;
    Obj *ref;           // "&x", holding the heap object's address
    Value *decl;        // its first VarDef, or the store of a parameter
    bool is_param;
} Moved;

// The maps are the pass's, emptied for each function (escmap_clear).
typedef struct Rewrite {
    EscPass *p;
    Func *f;
    EscMap *moved;      // Obj* -> Moved*
    EscMap *stack;      // NewObject Value* -> name of its stack variable
    EscMap *sel0, *sel1;// NewObject Value* -> its SelectN [0] / [1]
    EscMap *params;     // the store of a moved parameter's value -> Moved*
    bool dead;          // values left unused: remove them at the end
    // the block being rebuilt: values made before / after each old value
    Value **before, **after;
    int nbefore, nafter, cap;
    Value **out;        // the block's new order
    int outcap;
} Rewrite;

static void note_made(Rewrite *r, Value *v, bool after) {
    if (r->nbefore == r->cap || r->nafter == r->cap) {
        int cap = r->cap ? r->cap * 2 : 16;
        Value **b = realloc(r->before, sizeof(Value *) * (size_t)cap);
        Value **a = realloc(r->after, sizeof(Value *) * (size_t)cap);
        if (!b || !a)
            abort();
        r->before = b;
        r->after = a;
        r->cap = cap;
    }
    if (after)
        r->after[r->nafter++] = v;
    else
        r->before[r->nbefore++] = v;
}

static Value *make(Rewrite *r, Block *b, Op op, Type *t, Pos pos, bool after) {
    Value *v = value_new(b, op, t, pos);
    note_made(r, v, after);
    return v;
}

static Obj *stack_var(Compiler *cc, const char *name, Type *t, Pos pos) {
    return obj_new(cc, OBJ_VAR, intern_cstr(cc, name), pos, t);
}

// The stack variable of a NewObject that does not escape.
static void stack_object(Rewrite *r, Value *v, const char *name) {
    Value *ptr = escmap_get(r->sel0, v), *mem = escmap_get(r->sel1, v);
    if (!mem || v->nargs != 1 || v->aux.kind != AUX_TYPE || !v->aux.u.type)
        return;
    Type *t = v->aux.u.type;
    Obj *o = stack_var(r->p->cc, name, t, v->pos);
    Value *m = v->args[0];
    value_reset_args(v);
    v->op = OpVarDef;
    v->type = NULL;
    v->is_mem = true;
    v->aux = (Aux){.kind = AUX_VAR, .u.var = o};
    value_add_arg(v, m);
    Value *a = make(r, v->block, OpLocalAddr, ptr ? ptr->type : ptr_to(r->p, t), v->pos, true);
    a->aux = (Aux){.kind = AUX_VAR, .u.var = o};
    value_add_arg(a, r->f->sp);
    value_add_arg(a, v);
    Value *z = make(r, v->block, OpZero, NULL, v->pos, true);
    z->aux = (Aux){.kind = AUX_TYPE, .u.type = t};
    value_add_arg(z, a);
    value_add_arg(z, v);
    if (ptr)
        value_copy_of(ptr, a);
    value_copy_of(mem, z);
}

// NewObject <(*T,mem)> {T} m0 stored into &x; returns the object's address
// and sets *mem_out to the memory after the store's VarDef (the store
// itself is left to the caller).
static Value *new_heap_object(Rewrite *r, Moved *mv, Value *at, Value *m0, Value **vd_out, Value **a_out) {
    Block *b = at->block;
    Type *pt = ptr_to(r->p, mv->x->type);
    Value *n = make(r, b, OpNewObject, tuple_of(r->p, pt), at->pos, false);
    n->aux = (Aux){.kind = AUX_TYPE, .u.type = mv->x->type};
    value_add_arg(n, m0);
    Value *np = make(r, b, OpSelectN, pt, at->pos, false);
    np->auxint = 0;
    value_add_arg(np, n);
    Value *nm = make(r, b, OpSelectN, NULL, at->pos, false);
    nm->auxint = 1;
    nm->is_mem = true;
    value_add_arg(nm, n);
    Value *vd = make(r, b, OpVarDef, NULL, at->pos, false);
    vd->aux = (Aux){.kind = AUX_VAR, .u.var = mv->ref};
    value_add_arg(vd, nm);
    Value *a = make(r, b, OpLocalAddr, ptr_to(r->p, pt), at->pos, false);
    a->aux = (Aux){.kind = AUX_VAR, .u.var = mv->ref};
    value_add_arg(a, r->f->sp);
    value_add_arg(a, vd);
    *vd_out = vd;
    *a_out = a;
    return np;
}

static void rewrite_value(Rewrite *r, Value *v) {
    const char *name = v->op == OpNewObject && r->stack->len ? escmap_get(r->stack, v) : NULL;
    if (name) {
        stack_object(r, v, name);
        return;
    }
    Moved *mv = v->aux.kind == AUX_VAR && r->moved->len ? escmap_get(r->moved, v->aux.u.var) : NULL;
    if (mv && !mv->decl)
        return;     // no declaration found to allocate at: left as it is
    if (mv && v->op == OpLocalAddr && v->nargs == 2) {
        // A use of x's slot: through &x.
        Value *mem = v->args[1];
        Value *a = make(r, v->block, OpLocalAddr, ptr_to(r->p, v->type), v->pos, false);
        a->aux = (Aux){.kind = AUX_VAR, .u.var = mv->ref};
        value_add_arg(a, r->f->sp);
        value_add_arg(a, mem);
        value_reset_args(v);
        v->op = OpLoad;
        v->aux = (Aux){0};
        value_add_arg(v, a);
        value_add_arg(v, mem);
        return;
    }
    if (mv && v == mv->decl && v->op == OpVarDef) {
        // The declaration: the VarDef of x becomes the store of a new
        // object's address into &x.
        Value *vd, *a;
        Value *np = new_heap_object(r, mv, v, v->args[0], &vd, &a);
        value_reset_args(v);
        v->op = OpStore;
        v->aux = (Aux){.kind = AUX_TYPE, .u.type = np->type};
        value_add_arg(v, a);
        value_add_arg(v, np);
        value_add_arg(v, vd);
        return;
    }
}

// The store of a parameter's value into its slot, at the entry; it is
// recognised before the slot's LocalAddr is rewritten.
static void param_stores(Rewrite *r, Block *entry) {
    for (int k = 0; entry && k < entry->nvalues; k++) {
        Value *v = entry->values[k];
        if (v->op != OpStore || v->nargs != 3 || v->args[0]->op != OpLocalAddr || v->args[1]->op != OpArg ||
            v->args[0]->aux.kind != AUX_VAR)
            continue;
        Moved *mv = escmap_get(r->moved, v->args[0]->aux.u.var);
        if (mv && !mv->decl) {
            mv->decl = v;
            mv->is_param = true;
            escmap_put(r->p->arena, r->params, v, mv);
        }
    }
}

// The parameter's value goes into its heap object (made right before).
static void param_store(Rewrite *r, Value *v, Moved *mv) {
    Value *vd, *a;
    Value *np = new_heap_object(r, mv, v, v->args[2], &vd, &a);
    Value *st = make(r, v->block, OpStore, NULL, v->pos, false);
    st->aux = (Aux){.kind = AUX_TYPE, .u.type = np->type};
    value_add_arg(st, a);
    value_add_arg(st, np);
    value_add_arg(st, vd);
    value_set_arg(v, 0, np);
    value_set_arg(v, 2, st);
    r->dead = true;     // the Load the slot's LocalAddr became
}

// Rewrites the block's values in order; those made go right before or
// after the value they were made for (value_new appended them), in `out`,
// which is copied back only if anything was made.
static void rewrite_block(Rewrite *r, Block *b) {
    int n = b->nvalues;
    int k = 0;
    for (int i = 0; i < n; i++) {
        Value *v = b->values[i];    // re-read: value_new may move the array
        r->nbefore = r->nafter = 0;
        Moved *pm = v->op == OpStore && r->params->len ? escmap_get(r->params, v) : NULL;
        if (pm)
            param_store(r, v, pm);
        else
            rewrite_value(r, v);
        if (b->nvalues == n)
            continue;       // nothing made yet in this block
        // The values before i are copied first if none were (k < i), so the
        // room needed counts from the larger of the two.
        int need = (k < i ? i : k) + r->nbefore + 1 + r->nafter;
        if (need > r->outcap) {
            int cap = r->outcap ? r->outcap : 64;
            while (cap < need || cap < n)
                cap *= 2;
            Value **o = realloc(r->out, sizeof(Value *) * (size_t)cap);
            if (!o)
                abort();
            r->out = o;
            r->outcap = cap;
        }
        if (k < i) {
            // The first value that made others: the ones before it are as they were.
            memcpy(r->out, b->values, sizeof(Value *) * (size_t)i);
            k = i;
        }
        memcpy(r->out + k, r->before, sizeof(Value *) * (size_t)r->nbefore);
        k += r->nbefore;
        r->out[k++] = v;
        memcpy(r->out + k, r->after, sizeof(Value *) * (size_t)r->nafter);
        k += r->nafter;
    }
    if (b->nvalues == n)
        return;
    if (k != b->nvalues)
        abort();    // a value made for another block than its own
    memcpy(b->values, r->out, sizeof(Value *) * (size_t)k);
}

static void rewrite_func(Rewrite *r) {
    Func *f = r->f;
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b]->nvalues; k++) {
            Value *v = f->blocks[b]->values[k];
            if (v->op == OpSelectN && v->nargs == 1 && r->stack->len && escmap_get(r->stack, v->args[0]))
                escmap_put(r->p->arena, v->auxint == 0 ? r->sel0 : r->sel1, v->args[0], v);
            if (v->op == OpVarDef && v->aux.kind == AUX_VAR && r->moved->len) {
                Moved *mv = escmap_get(r->moved, v->aux.u.var);
                if (mv && !mv->decl)
                    mv->decl = v;
            }
        }
    if (r->moved->len)
        param_stores(r, f->entry);
    for (int b = 0; b < f->nblocks; b++)
        rewrite_block(r, f->blocks[b]);
    if (r->dead)
        func_remove_dead(f);
}

static bool decides_stack(const EscLoc *l, const Func *f) {
    return l->kind == LOC_ALLOC && !l->escapes && l->ssa && l->ssa->op == OpNewObject && l->ssa->block &&
           l->ssa->block->func == f;
}

static bool decides_heap(const EscLoc *l) {
    return l->kind == LOC_VAR && l->escapes && l->var && l->var->name && l->var->type;
}

// The functions with something to rewrite, each once, and each one's
// candidate locations in batch order: one walk over the batch's locations,
// not one per function (a strongly connected component of K functions
// would otherwise cost K walks of all its locations), nor one per piece of
// a batch rewritten in pieces (escape.c).
static void index_decisions(EscPass *p, EscBatch *b) {
    uint32_t seq = ++p->rw_seq;
    b->rw_indexed = true;
    for (int i = 0; i < b->locs.len; i++) {
        EscLoc *l = b->locs.items[i];
        EscFn *fn = l->fn;
        if (!fn || !((l->kind == LOC_ALLOC && !l->escapes) || decides_heap(l)))
            continue;
        if (fn->rw_seq != seq) {
            fn->rw_seq = seq;
            fn->rw_locs = (PtrVec){0};
            ptrvec_push(p->batch_arena, &b->rw_fns, fn);
        }
        ptrvec_push(p->batch_arena, &fn->rw_locs, l);
    }
}

void esc_rewrite_ssa(EscPass *p, EscBatch *b) {
    if (!b->rw_indexed)
        index_decisions(p, b);
    // One set of scratch buffers for all the functions.
    Rewrite r = {.p = p, .moved = &p->rw_moved, .stack = &p->rw_stack, .sel0 = &p->rw_sel0,
                 .sel1 = &p->rw_sel1, .params = &p->rw_params};
    for (int i = 0; i < b->rw_fns.len; i++) {
        EscFn *fn = b->rw_fns.items[i];
        Func *f = fn->ssa;
        if (!f)
            continue;   // not built, or in another piece
        r.f = f;
        r.dead = false;
        escmap_clear(r.moved);
        escmap_clear(r.stack);
        escmap_clear(r.sel0);
        escmap_clear(r.sel1);
        escmap_clear(r.params);
        for (int j = 0; j < fn->rw_locs.len; j++) {
            EscLoc *l = fn->rw_locs.items[j];
            if (decides_stack(l, f)) {
                escmap_put(p->arena, r.stack, l->ssa, (void *)esc_loc_expr(p, l));
            } else if (decides_heap(l) && !escmap_get(r.moved, l->var)) {
                Moved *mv = ARENA_NEW(p->batch_arena, Moved);
                mv->x = l->var;
                mv->ref = stack_var(p->cc, arena_sprintf(p->arena, "&%s", l->var->name->s),
                                    ptr_to(p, l->var->type), l->var->pos);
                escmap_put(p->arena, r.moved, l->var, mv);
            }
        }
        if (r.stack->len || r.moved->len)
            rewrite_func(&r);
    }
    free(r.before);
    free(r.after);
    free(r.out);
}

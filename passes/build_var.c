// build_var.c - blocks and variables for the SSA builder: the on-the-fly SSA
// construction of Braun, Buchwald, Hack, Leißa, Mallon and Zwinkau, "Simple
// and Efficient Construction of SSA Form" (CC 2013).
//
// Each block keeps a map from variable number to the value defining the
// variable there. Reading a variable in a block with no definition asks the
// predecessors: a single predecessor answers directly; several get a Phi,
// which is recorded as the block's definition before its operands are read
// so that loops end at it. A block whose predecessors are not all known yet
// (it is not "sealed") gets an incomplete Phi, filled in when it is sealed.
// A Phi whose operands are all one value (or itself) is trivial and stands
// for that value: it is recorded in a forwarding table by value id instead
// of being rewritten at once, because values keep no list of their users.
// bb_finish_phis then removes trivial Phis to a fixed point and rewrites
// every argument, which also catches Phis that became trivial only later.
//
// The paper's reads are recursive; here they use an explicit stack, so a
// function made of ten thousand consecutive ifs cannot overflow the C stack.
#include "passes/build.h"

#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------
// Scratch memory

enum { SCRATCH_CHUNK = 256 << 10 };

void *scratch_alloc(Scratch *s, size_t size) {
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    while (s->cur < s->nchunks && s->used + size > s->sizes[s->cur]) {
        s->cur++;
        s->used = 0;
    }
    if (s->cur == s->nchunks) {
        if (s->nchunks == s->capchunks) {
            int ncap = s->capchunks ? s->capchunks * 2 : 16;
            char **c = realloc(s->chunks, sizeof(char *) * (size_t)ncap);
            size_t *z = realloc(s->sizes, sizeof(size_t) * (size_t)ncap);
            if (!c || !z)
                abort();
            s->chunks = c;
            s->sizes = z;
            s->capchunks = ncap;
        }
        size_t want = size > SCRATCH_CHUNK ? size : SCRATCH_CHUNK;
        char *mem = malloc(want);
        if (!mem)
            abort();
        s->chunks[s->nchunks] = mem;
        s->sizes[s->nchunks] = want;
        s->nchunks++;
        s->used = 0;
    }
    char *p = s->chunks[s->cur] + s->used;
    s->used += size;
    memset(p, 0, size);
    return p;
}

void scratch_rewind(Scratch *s) {
    s->cur = 0;
    s->used = 0;
}

void scratch_free(Scratch *s) {
    for (int i = 0; i < s->nchunks; i++)
        free(s->chunks[i]);
    free(s->chunks);
    free(s->sizes);
    memset(s, 0, sizeof *s);
}

// ---------------------------------------------------------------------------
// Which variables may live in SSA registers

// gc keeps a variable in SSA form only if its type is small and its parts can
// be named without a dynamic index (gc: ssagen.TypeOK).
bool bb_type_ssa_able(Compiler *cc, Type *t) {
    if (!t)
        return false;
    int64_t size = type_size(cc, t);
    if (size < 0 || size > 4 * 8)
        return false;
    Type *u = type_underlying(t);
    if (!u)
        return false;
    switch (u->kind) {
    case TY_ARRAY:
        return u->u.array.len <= 1 && bb_type_ssa_able(cc, u->u.array.elem);
    case TY_STRUCT:
        if (u->u.strct.nfields > 4)
            return false;
        for (int i = 0; i < u->u.strct.nfields; i++)
            if (!bb_type_ssa_able(cc, u->u.strct.fields[i].type))
                return false;
        return true;
    case TY_INVALID: case TY_TUPLE:
        return false;
    default:
        return true;
    }
}

// gc (1.19) captures a variable by value when it is never reassigned after
// its declaration, its address is never taken and it is at most 128 bytes.
bool bb_capture_by_value(Compiler *cc, Obj *v) {
    if (!v || v->kind != OBJ_VAR)
        return false;
    int64_t size = v->type ? type_size(cc, v->type) : -1;
    return !v->u.var.reassigned && !v->u.var.addr_taken && size >= 0 && size <= 128;
}

static VarClass classify(Builder *b, Obj *obj) {
    if (obj->kind != OBJ_VAR)
        return VC_REG;
    if (obj->u.var.is_global)
        return VC_GLOBAL;
    if (obj->u.var.addr_taken || !bb_type_ssa_able(b->cc, obj->type))
        return VC_MEM;
    if (obj->u.var.captured && !bb_capture_by_value(b->cc, obj))
        return VC_MEM;
    return VC_REG;
}

// ---------------------------------------------------------------------------
// Variable numbering

static uint32_t hash_ptr(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 29;
    x *= 0x9e3779b97f4a7c15ull;
    return (uint32_t)(x >> 32);
}

static uint32_t new_var(Builder *b, Obj *obj, Type *t, VarClass cls) {
    if (b->nvars == b->capvars) {
        uint32_t ncap = b->capvars ? b->capvars * 2 : 16;
        VarInfo *n = SC_ARRAY(b, VarInfo, ncap);
        if (b->nvars)
            memcpy(n, b->vars, sizeof(VarInfo) * b->nvars);
        b->vars = n;
        b->capvars = ncap;
    }
    b->vars[b->nvars] = (VarInfo){.obj = obj, .type = t, .cls = cls};
    return b->nvars++;
}

static void obj_map_grow(Builder *b) {
    uint32_t ncap = b->obj_cap ? b->obj_cap * 2 : 16;
    uint32_t *keys = SC_ARRAY(b, uint32_t, ncap);
    Obj **objs = SC_ARRAY(b, Obj *, ncap);
    for (uint32_t i = 0; i < b->obj_cap; i++) {
        if (!b->obj_keys[i])
            continue;
        uint32_t h = hash_ptr(b->obj_objs[i]) & (ncap - 1);
        while (keys[h])
            h = (h + 1) & (ncap - 1);
        keys[h] = b->obj_keys[i];
        objs[h] = b->obj_objs[i];
    }
    b->obj_keys = keys;
    b->obj_objs = objs;
    b->obj_cap = ncap;
}

uint32_t bv_index(Builder *b, Obj *obj) {
    if ((b->obj_len + 1) * 2 > b->obj_cap)
        obj_map_grow(b);
    uint32_t mask = b->obj_cap - 1, h = hash_ptr(obj) & mask;
    while (b->obj_keys[h]) {
        if (b->obj_objs[h] == obj)
            return b->obj_keys[h] - 1;
        h = (h + 1) & mask;
    }
    uint32_t var = new_var(b, obj, obj->type, classify(b, obj));
    b->obj_keys[h] = var + 1;
    b->obj_objs[h] = obj;
    b->obj_len++;
    return var;
}

uint32_t bv_temp(Builder *b, Type *t) { return new_var(b, NULL, t, VC_REG); }

VarInfo *bv_info(Builder *b, uint32_t var) { return &b->vars[var]; }

// ---------------------------------------------------------------------------
// Blocks

Block *bb_block(Builder *b, BlockKind kind, Pos pos) {
    Block *blk = block_new(b->f, kind, pos);
    blk->build_data = SC_NEW(b, BlockState);
    blk->loop_depth = b->loop_depth;
    return blk;
}

void bb_edge(Builder *b, Block *from, Block *to) {
    (void)b;
    block_add_edge(from, to);
}

void bb_jump(Builder *b, Block *to) {
    if (!b->cur)
        return;     // nothing falls through after a return, goto, panic
    b->cur->kind = BlockPlain;
    bb_edge(b, b->cur, to);
}

void bb_end(Builder *b) {
    if (b->cur)
        b->last = b->cur;
    b->cur = NULL;
}

void bb_live(Builder *b, Pos pos) {
    if (!b->cur)
        bb_dead(b, pos);
}

void bb_follow(Builder *b, Block *blk) {
    if (blk->sealed && blk->npreds == 0)
        b->cur = NULL;  // a join nothing reaches: what follows is dead code
    else
        bb_start(b, blk);
}

void bb_start(Builder *b, Block *blk) {
    b->cur = blk;
    blk->loop_depth = b->loop_depth;
}

// Code after a return, goto, panic, break or continue goes into a block no
// edge leads to, made only when such code exists. gc's escape analysis still
// sees that code (its dead-code pass only drops branches on constants), so
// reads of variables there see the definitions before it in the source,
// through `lexical`.
void bb_dead(Builder *b, Pos pos) {
    Block *blk = bb_block(b, BlockPlain, pos);
    blk->sealed = true;
    ((BlockState *)blk->build_data)->lexical = b->cur ? b->cur : b->last;
    b->cur = blk;
}



// ---------------------------------------------------------------------------
// Definition maps

static Value *def_get(Block *blk, uint32_t var) {
    DefMap *m = &((BlockState *)blk->build_data)->defs;
    if (!m->cap)
        return NULL;
    uint32_t mask = m->cap - 1, h = (var * 2654435761u) & mask;
    while (m->keys[h]) {
        if (m->keys[h] == var + 1)
            return m->vals[h];
        h = (h + 1) & mask;
    }
    return NULL;
}

static void def_put(DefMap *m, uint32_t var, Value *v) {
    uint32_t mask = m->cap - 1, h = (var * 2654435761u) & mask;
    while (m->keys[h] && m->keys[h] != var + 1)
        h = (h + 1) & mask;
    if (!m->keys[h])
        m->len++;
    m->keys[h] = var + 1;
    m->vals[h] = v;
}

// A map's table: cap values, then cap keys, in one piece of scratch. A
// table a map outgrows goes to a list by size for the next map that grows
// to that size: scratch is only rewound, so without reuse the tables left
// behind would double what the maps take.
static void table_alloc(Builder *b, DefMap *m, uint32_t cap) {
    int lg = __builtin_ctz(cap);
    void **spare = &b->spare_maps[lg];
    size_t size = cap * (sizeof(Value *) + sizeof(uint32_t));
    char *t = *spare;
    if (t) {
        memcpy(spare, t, sizeof(void *));
        memset(t, 0, size);
    } else {
        t = scratch_alloc(b->scratch, size);
    }
    m->cap = cap;
    m->vals = (Value **)t;
    m->keys = (uint32_t *)(t + cap * sizeof(Value *));
}

static void def_set(Builder *b, Block *blk, uint32_t var, Value *v) {
    DefMap *m = &((BlockState *)blk->build_data)->defs;
    if ((m->len + 1) * 4 > m->cap * 3) {
        DefMap old = *m;
        table_alloc(b, m, old.cap ? old.cap * 2 : 8);
        m->len = 0;
        for (uint32_t i = 0; i < old.cap; i++)
            if (old.keys[i])
                def_put(m, old.keys[i] - 1, old.vals[i]);
        if (old.cap) {
            void **spare = &b->spare_maps[__builtin_ctz(old.cap)];
            memcpy(old.vals, spare, sizeof(void *));
            *spare = old.vals;
        }
    }
    def_put(m, var, v);
}

void bv_write(Builder *b, uint32_t var, Block *blk, Value *v) { def_set(b, blk, var, v); }

// ---------------------------------------------------------------------------
// Phis

static Value **forward_slot(Builder *b, uint32_t id) {
    if (id >= b->capforward) {
        uint32_t ncap = b->capforward ? b->capforward : 64;
        while (ncap <= id)
            ncap *= 2;
        Value **n = SC_ARRAY(b, Value *, ncap);
        if (b->capforward)
            memcpy(n, b->forward, sizeof(Value *) * b->capforward);
        b->forward = n;
        b->capforward = ncap;
    }
    return &b->forward[id];
}

static bool is_forwarded(Builder *b, Value *v) {
    return v->op == OpPhi && v->id < b->capforward && b->forward[v->id];
}

Value *bv_resolve(Builder *b, Value *v) {
    Value *end = v;
    while (end && end->op == OpPhi && end->id < b->capforward && b->forward[end->id])
        end = b->forward[end->id];
    // Path compression: a chain of Phis forwarded one to the next (a
    // variable read through many nested loops) is walked once, not on
    // every later read.
    while (v != end) {
        Value *next = b->forward[v->id];
        b->forward[v->id] = end;
        v = next;
    }
    return end;
}

static Value *new_phi(Builder *b, Block *blk, uint32_t var) {
    VarInfo *vi = &b->vars[var];
    Value *phi = value_new(blk, OpPhi, vi->type, blk->pos);
    if (var == 0)
        phi->is_mem = true;
    phi->var = vi->obj;
    if (b->nphis == b->capphis) {
        int ncap = b->capphis ? b->capphis * 2 : 32;
        Value **n = SC_ARRAY(b, Value *, ncap);
        if (b->nphis)
            memcpy(n, b->phis, sizeof(Value *) * (size_t)b->nphis);
        b->phis = n;
        b->capphis = ncap;
    }
    b->phis[b->nphis++] = phi;
    return phi;
}

// An Unknown goes first in its block: the read that needs it may come from
// a value already made there (a MakeResult asks for memory after it exists).
static Value *new_unknown(Builder *b, Block *blk, uint32_t var) {
    VarInfo *vi = &b->vars[var];
    Value *u = value_new(blk, OpUnknown, vi->type, blk->pos);
    if (var == 0)
        u->is_mem = true;
    memmove(&blk->values[1], &blk->values[0], sizeof(Value *) * (size_t)(blk->nvalues - 1));
    blk->values[0] = u;
    return u;
}

// The value a Phi stands for if all its operands but itself are one value;
// NULL if it is a real merge. A Phi of nothing but itself is unreachable
// and stands for an Unknown.
static Value *trivial_value(Builder *b, Value *phi) {
    Value *same = NULL;
    for (int i = 0; i < phi->nargs; i++) {
        Value *a = bv_resolve(b, phi->args[i]);
        if (a == same || a == phi)
            continue;
        if (same)
            return NULL;
        same = a;
    }
    return same ? same : phi;   // phi itself: only self-references
}

static Value *try_remove_trivial(Builder *b, Value *phi, uint32_t var) {
    Value *same = trivial_value(b, phi);
    if (!same)
        return phi;
    if (same == phi)
        same = new_unknown(b, phi->block, var);
    *forward_slot(b, phi->id) = same;
    return same;
}

// ---------------------------------------------------------------------------
// Reading a variable

typedef struct ReadFrame {
    Block *blk;
    Value *phi;     // NULL: the block has one predecessor and passes its answer on
    int next;       // the predecessor being asked
} ReadFrame;

// A block whose map the read pointed at a Phi still being filled.
typedef struct StaleDef {
    Block *blk;
    Value *phi;
} StaleDef;

// The stack of blocks being asked, kept in the Builder between reads, and
// what the read leaves to do when it ends (finish_phi).
struct ReadStack {
    ReadFrame *items;
    int len, cap;
    StaleDef *stale;
    int nstale, capstale;
    Value **unread;     // trivial Phis nothing reads, for value_free
    int nunread, capunread;
};

static void push_frame(Builder *b, ReadStack *st, Block *blk) {
    if (st->len == st->cap) {
        int ncap = st->cap ? st->cap * 2 : 32;
        ReadFrame *n = SC_ARRAY(b, ReadFrame, ncap);
        if (st->len)
            memcpy(n, st->items, sizeof(ReadFrame) * (size_t)st->len);
        st->items = n;
        st->cap = ncap;
    }
    st->items[st->len++] = (ReadFrame){blk, NULL, -1};
}

static void push_stale(Builder *b, ReadStack *st, Block *blk, Value *phi) {
    if (st->nstale == st->capstale) {
        int ncap = st->capstale ? st->capstale * 2 : 32;
        StaleDef *n = SC_ARRAY(b, StaleDef, ncap);
        if (st->nstale)
            memcpy(n, st->stale, sizeof(StaleDef) * (size_t)st->nstale);
        st->stale = n;
        st->capstale = ncap;
    }
    st->stale[st->nstale++] = (StaleDef){blk, phi};
}

static void push_unread(Builder *b, ReadStack *st, Value *phi) {
    if (st->nunread == st->capunread) {
        int ncap = st->capunread ? st->capunread * 2 : 32;
        Value **n = SC_ARRAY(b, Value *, ncap);
        if (st->nunread)
            memcpy(n, st->unread, sizeof(Value *) * (size_t)st->nunread);
        st->unread = n;
        st->capunread = ncap;
    }
    st->unread[st->nunread++] = phi;
}

// A Phi whose operands are still being read: its frame is on the stack.
static bool filling(const Value *v) {
    return v->op == OpPhi && v->block->sealed && v->nargs < v->block->npreds;
}

// Reading an outer loop's variable below K nested loops makes a Phi at
// every inner header, each standing for the one outside it: kept until the
// final clean-up, they made the memory of K nested loops grow as K squared
// Values. So a trivial Phi the read made, once its operands are all in,
// leaves its block if nothing but itself reads it, it is last in its block
// and near the end of Builder.phis, and drops its operands (so the Phi it
// stands for may go the same way); it stays forwarded to what it stands
// for until the read ends, when the maps the read pointed at Phis being
// filled (the blocks of the trivial Phis above them) are made to name what
// those stand for, and it goes back to the Func for a next value
// (value_free). A Phi that something reads (a Phi forwarded to it among
// them) waits for the clean-up as before. Its id stays used: the dumps'
// ids do not change.
static void finish_phi(Builder *b, ReadStack *st, ReadFrame *fr, uint32_t var, Value *same) {
    Value *phi = fr->phi;
    if (same != phi) {
        int self = 0;
        for (int i = 0; i < phi->nargs; i++)
            self += phi->args[i] == phi;
        Block *blk = phi->block;
        int at = b->nphis - 1;
        while (at > 0 && at > b->nphis - 8 && b->phis[at] != phi)
            at--;
        if (phi->uses == self && blk->values[blk->nvalues - 1] == phi && at >= 0 && b->phis[at] == phi) {
            memmove(&b->phis[at], &b->phis[at + 1], sizeof(Value *) * (size_t)(b->nphis - at - 1));
            b->nphis--;
            blk->nvalues--;
            value_reset_args(phi);
            push_unread(b, st, phi);
        }
    }
    def_set(b, fr->blk, var, same);
    if (same != phi && filling(same))
        push_stale(b, st, fr->blk, same);
}

// The end of a read: no map names a Phi that goes.
static void end_read(Builder *b, ReadStack *st, uint32_t var) {
    for (int i = 0; i < st->nstale; i++) {
        Block *blk = st->stale[i].blk;
        Value *d = def_get(blk, var);
        if (d && is_forwarded(b, d))
            def_set(b, blk, var, bv_resolve(b, d));
    }
    for (int i = 0; i < st->nunread; i++) {
        Value *phi = st->unread[i];
        b->forward[phi->id] = NULL;
        value_free(phi);
    }
    st->nstale = st->nunread = 0;
}

// Looks at a block newly pushed: answers from its own knowledge (returns the
// value and pops it) or pushes the first predecessor to ask (returns NULL).
static Value *visit(Builder *b, ReadStack *st, uint32_t var) {
    ReadFrame *fr = &st->items[st->len - 1];
    Block *blk = fr->blk;
    Value *d = def_get(blk, var);
    if (d) {
        st->len--;
        return bv_resolve(b, d);
    }
    if (!blk->sealed) {
        Value *phi = new_phi(b, blk, var);
        BlockState *bs = blk->build_data;
        PendingPhi *p = SC_NEW(b, PendingPhi);
        *p = (PendingPhi){var, phi, bs->incomplete};
        bs->incomplete = p;
        def_set(b, blk, var, phi);
        st->len--;
        return phi;
    }
    Block *lexical = ((BlockState *)blk->build_data)->lexical;
    if (blk->npreds == 0 && !lexical) {
        Value *u = new_unknown(b, blk, var);
        def_set(b, blk, var, u);
        st->len--;
        return u;
    }
    fr->next = 0;
    if (blk->npreds > 1) {
        fr->phi = new_phi(b, blk, var);
        def_set(b, blk, var, fr->phi);
    }
    push_frame(b, st, blk->npreds ? blk->preds[0].b : lexical);
    return NULL;
}

Value *bv_read(Builder *b, uint32_t var, Block *blk) {
    Value *d = def_get(blk, var);
    if (d)
        return bv_resolve(b, d);
    if (!b->reads)
        b->reads = SC_NEW(b, ReadStack);
    ReadStack *st = b->reads;
    st->len = 0;
    push_frame(b, st, blk);
    Value *result = NULL;
    for (;;) {
        result = visit(b, st, var);
        if (!result)
            continue;
        // Hand the answer down until some Phi still has predecessors to ask.
        while (st->len > 0) {
            ReadFrame *p = &st->items[st->len - 1];
            if (!p->phi) {
                // A block with one predecessor passes the answer on without
                // keeping it, unless it is where the read began: caching it
                // in every block of the walk made the maps of deeply nested
                // loops quadratic (each read of an outer loop's variable
                // below an inner loop walks that loop's every level). A
                // later walk through the block meets the same definitions,
                // so the same Phis are made, in the same order.
                if (st->len == 1)
                    def_set(b, p->blk, var, result);
                st->len--;
                continue;
            }
            value_add_arg(p->phi, result);
            if (++p->next < p->blk->npreds) {
                push_frame(b, st, p->blk->preds[p->next].b);
                break;
            }
            result = try_remove_trivial(b, p->phi, var);
            finish_phi(b, st, p, var, result);
            st->len--;
        }
        if (st->len == 0)
            break;
    }
    if (st->nunread || st->nstale)
        end_read(b, st, var);
    return result;
}

void bb_seal(Builder *b, Block *blk) {
    if (blk->sealed)
        return;
    BlockState *bs = blk->build_data;
    // Reading operands may add Phis to this block's list only if the block
    // were still unsealed, so mark it first and then fill the pending ones.
    blk->sealed = true;
    for (PendingPhi *p = bs->incomplete; p; p = p->next) {
        for (int i = 0; i < blk->npreds; i++)
            value_add_arg(p->phi, bv_read(b, p->var, blk->preds[i].b));
        Value *v = try_remove_trivial(b, p->phi, p->var);
        if (v != p->phi && bv_resolve(b, def_get(blk, p->var)) == v)
            def_set(b, blk, p->var, v);
    }
    bs->incomplete = NULL;
}

// ---------------------------------------------------------------------------
// Memory

Value *bb_mem(Builder *b) { return bv_read(b, 0, b->cur); }

void bb_set_mem(Builder *b, Value *m) { bv_write(b, 0, b->cur, m); }

// ---------------------------------------------------------------------------
// The final clean-up

static bool blk_has_phi(Block *blk) {
    for (int j = 0; j < blk->nvalues; j++)
        if (blk->values[j]->op == OpPhi)
            return true;
    return false;
}


// The Phis that read each Phi, as linked lists in one pool: when a Phi
// turns out trivial only the Phis reading it can have become trivial too,
// so a worklist visits those (Braun et al.'s recursive tryRemoveTrivialPhi,
// without the recursion). Sweeping every Phi until nothing changes instead
// costs a sweep per level of loop nesting: cubic for deeply nested loops.
typedef struct PhiUse {
    int user;       // index in b->phis
    int next;       // next use in the same list, -1 at the end
} PhiUse;

static void remove_trivial_phis(Builder *b) {
    int n = b->nphis;
    if (n == 0)
        return;
    uint32_t maxid = 0;
    for (int i = 0; i < n; i++)
        if (b->phis[i]->id > maxid)
            maxid = b->phis[i]->id;
    int *index = SC_ARRAY(b, int, (size_t)maxid + 1);   // phi id -> index + 1
    int *head = SC_ARRAY(b, int, n), *tail = SC_ARRAY(b, int, n);
    int *work = SC_ARRAY(b, int, n);
    bool *queued = SC_ARRAY(b, bool, n);
    int nwork = 0, nargs = 0;
    for (int i = 0; i < n; i++) {
        Value *phi = b->phis[i];
        head[i] = tail[i] = -1;
        if (phi->op == OpPhi && phi->block && !is_forwarded(b, phi)) {
            index[phi->id] = i + 1;
            nargs += phi->nargs;
        }
    }
    PhiUse *pool = SC_ARRAY(b, PhiUse, nargs > 0 ? nargs : 1);
    int npool = 0;
    for (int i = n - 1; i >= 0; i--) {
        Value *phi = b->phis[i];
        if (!index[phi->id] || index[phi->id] != i + 1)
            continue;
        for (int k = 0; k < phi->nargs; k++) {
            Value *a = bv_resolve(b, phi->args[k]);
            if (!a || a == phi || a->op != OpPhi || a->id > maxid || !index[a->id])
                continue;
            int j = index[a->id] - 1;
            pool[npool] = (PhiUse){i, -1};
            if (tail[j] < 0)
                head[j] = npool;
            else
                pool[tail[j]].next = npool;
            tail[j] = npool++;
        }
        work[nwork++] = i;  // popped in source order
        queued[i] = true;
    }
    while (nwork > 0) {
        int i = work[--nwork];
        queued[i] = false;
        Value *phi = b->phis[i];
        if (is_forwarded(b, phi))
            continue;
        Value *same = trivial_value(b, phi);
        if (!same || same == phi)
            continue;   // a merge, or an unreachable self-loop left to dead-code removal
        *forward_slot(b, phi->id) = same;
        for (int u = head[i]; u >= 0; u = pool[u].next)
            if (!queued[pool[u].user] && !is_forwarded(b, b->phis[pool[u].user])) {
                queued[pool[u].user] = true;
                work[nwork++] = pool[u].user;
            }
        // Whoever read this Phi now reads what it stands for.
        if (same->op == OpPhi && same->id <= maxid && index[same->id] && head[i] >= 0) {
            int j = index[same->id] - 1;
            if (tail[j] < 0)
                head[j] = head[i];
            else
                pool[tail[j]].next = head[i];
            tail[j] = tail[i];
            head[i] = tail[i] = -1;
        }
    }
}

// Removes trivial Phis until none is left, then points every argument and
// control at what it stands for and drops the removed Phis from their blocks.
// Puts each block's Phis first, where a reader of the dump looks for them.
void bb_finish_phis(Builder *b) {
    Func *f = b->f;
    remove_trivial_phis(b);
    bool any = false;
    for (int i = 0; i < b->nphis && !any; i++)
        any = is_forwarded(b, b->phis[i]);
    for (int i = 0; i < f->nblocks && any; i++) {
        Block *blk = f->blocks[i];
        for (int j = 0; j < blk->nvalues; j++) {
            Value *v = blk->values[j];
            for (int k = 0; k < v->nargs; k++)
                if (is_forwarded(b, v->args[k]))
                    value_set_arg(v, k, bv_resolve(b, v->args[k]));
        }
        if (blk->control && is_forwarded(b, blk->control))
            block_set_control(blk, bv_resolve(b, blk->control));
    }
    Value **order = NULL;
    int cap = 0;
    for (int i = 0; i < f->nblocks; i++) {
        Block *blk = f->blocks[i];
        if (!blk_has_phi(blk))
            continue;
        if (blk->nvalues > cap) {
            cap = blk->nvalues * 2;
            order = SC_ARRAY(b, Value *, cap);
        }
        int n = 0;
        for (int j = 0; j < blk->nvalues; j++) {
            Value *v = blk->values[j];
            if (is_forwarded(b, v))
                value_reset_args(v);
            else if (v->op == OpPhi)
                order[n++] = v;
        }
        for (int j = 0; j < blk->nvalues; j++) {
            Value *v = blk->values[j];
            if (!is_forwarded(b, v) && v->op != OpPhi)
                order[n++] = v;
        }
        if (n > 0)
            memcpy(blk->values, order, sizeof(Value *) * (size_t)n);
        blk->nvalues = n;
    }
    // The removed Phis are gone from the blocks: forget them so a second
    // clean-up neither revisits them nor mistakes them for live values.
    int n = 0;
    for (int i = 0; i < b->nphis; i++) {
        Value *phi = b->phis[i];
        if (!is_forwarded(b, phi))
            b->phis[n++] = phi;
        else
            phi->op = OpInvalid;
    }
    b->nphis = n;
}

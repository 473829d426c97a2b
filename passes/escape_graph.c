// escape_graph.c - the location graph of the escape pass: locations, holes,
// flows, parameter leak sets, and the text of -m=2 explanations.
//
// A hole is the context an expression is evaluated in; evaluating it adds
// an edge from the expression's location (if it has one) to the hole's
// destination, carrying the hole's deref count and notes. Holes are small
// values passed down the expression walk: shifting one (esc_addr, esc_deref)
// makes a new hole, as gc's hole methods do. Two shortcuts of gc are kept
// because they decide what -m=2 prints: a flow into the blank sink is
// dropped, and a flow of an address straight into a location already known
// to escape (the heap) marks the source as escaping at once, explained on
// the spot rather than later by the walk.
//
// Explanations are collected line by line and recorded as one diagnostic
// whose later lines carry their own "file:line:col: " prefix, so the driver
// prints them as gc does and never drops one as a duplicate of another.
#include "passes/escape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------
// Leak sets

static int leaks_get(const EscLeaks *l, int i) { return (int)l->v[i] - 1; }

static void leaks_set(EscLeaks *l, int i, int derefs) {
    int v = derefs + 1;
    if (v < 0)
        v = 0;
    if (v > 255)
        v = 255;
    l->v[i] = (uint8_t)v;
}

static void leaks_add(EscLeaks *l, int i, int derefs) {
    int old = leaks_get(l, i);
    if (old < 0 || derefs < old)
        leaks_set(l, i, derefs);
}

int leaks_heap(const EscLeaks *l) { return leaks_get(l, 0); }
int leaks_result(const EscLeaks *l, int i) { return leaks_get(l, 1 + i); }
void leaks_add_heap(EscLeaks *l, int derefs) { leaks_add(l, 0, derefs); }
void leaks_add_result(EscLeaks *l, int i, int derefs) { leaks_add(l, 1 + i, derefs); }

bool leaks_empty(const EscLeaks *l) {
    for (int i = 0; i <= ESC_RESULTS; i++)
        if (l->v[i])
            return false;
    return true;
}

void leaks_optimize(EscLeaks *l) {
    int x = leaks_heap(l);
    if (x < 0)
        return;
    for (int i = 0; i < ESC_RESULTS; i++)
        if (leaks_result(l, i) >= x)
            l->v[1 + i] = 0;
}

const char *leaks_string(Arena *a, const EscLeaks *l) {
    if (leaks_heap(l) == 0)
        return "";
    int n = 1 + ESC_RESULTS;
    while (n > 0 && l->v[n - 1] == 0)
        n--;
    char buf[64] = "esc:";
    size_t len = 4;
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s0x%x", i ? "," : "", l->v[i]);
    return arena_strndup(a, buf, len);
}

// ---------------------------------------------------------------------------
// Pointer maps (open addressing; keys are never removed)

static uint32_t ptr_hash(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

void *escmap_get(const EscMap *m, const void *key) {
    if (!m->len)
        return NULL;
    uint32_t mask = m->cap - 1;
    for (uint32_t h = ptr_hash(key) & mask;; h = (h + 1) & mask) {
        const EscSlot *s = &m->slots[h];
        if (s->key == key)
            return s->val;
        if (!s->key)
            return NULL;
    }
}

static void put_slot(EscMap *m, const void *key, void *val) {
    uint32_t mask = m->cap - 1;
    for (uint32_t h = ptr_hash(key) & mask;; h = (h + 1) & mask) {
        EscSlot *s = &m->slots[h];
        if (!s->key) {
            s->key = key;
            s->val = val;
            m->len++;
            return;
        }
        if (s->key == key) {
            s->val = val;
            return;
        }
    }
}

static void escmap_grow(Arena *a, EscMap *m) {
    EscMap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->len = 0;
    if (m->cap <= m->room) {
        // More of the slots it has (a cleared map): the entries move out
        // and back in.
        EscSlot *tmp = malloc(sizeof(EscSlot) * (size_t)old.len + 1);
        if (!tmp)
            abort();
        uint32_t n = 0;
        for (uint32_t i = 0; i < old.cap; i++)
            if (old.slots[i].key)
                tmp[n++] = old.slots[i];
        memset(m->slots, 0, sizeof(EscSlot) * (size_t)old.cap);
        for (uint32_t i = 0; i < n; i++)
            put_slot(m, tmp[i].key, tmp[i].val);
        free(tmp);
        return;
    }
    // The slots are a heap block given back when the map outgrows it: the
    // arena would keep every smaller copy (a map of every function of a big
    // file left as much again behind it).
    m->room = m->cap;
    m->slots = arena_alloc_block(a, sizeof(EscSlot) * (size_t)m->cap);
    for (uint32_t i = 0; i < old.cap; i++)
        if (old.slots[i].key)
            put_slot(m, old.slots[i].key, old.slots[i].val);
    if (old.slots)
        arena_free_block(a, old.slots);
}

void escmap_put(Arena *a, EscMap *m, const void *key, void *val) {
    if ((m->len + 1) * 2 > m->cap)
        escmap_grow(a, m);
    put_slot(m, key, val);
}

void escmap_init_clearable(EscMap *m) { *m = (EscMap){.clearable = true}; }

// The slots in use are zeroed (none if it is empty); every slot of `room`
// outside [0, cap) is zero already, so the map can grow back into them.
void escmap_clear(EscMap *m) {
    if (!m->len)
        return;
    memset(m->slots, 0, sizeof(EscSlot) * (size_t)m->cap);
    while (m->cap > 64 && (m->len + 1) * 4 <= m->cap)
        m->cap /= 2;
    m->len = 0;
}

// ---------------------------------------------------------------------------
// Types

bool esc_type_has_pointers(Type *t) { return t && type_has_pointers(t); }

// ---------------------------------------------------------------------------
// Holes

EscHole esc_hole(EscLoc *l) { return (EscHole){.dst = l}; }
EscHole esc_heap_hole(EscBatch *b) { return esc_hole(&b->heap); }
EscHole esc_discard_hole(EscBatch *b) { return esc_hole(&b->blank); }

EscHole esc_shift(EscHole k, int delta) {
    k.derefs += delta;
    if (k.derefs < -1)
        k.derefs = -1;  // cannot happen for well-typed code: &x is not addressable
    k.addrtaken = delta < 0;
    return k;
}

EscHole esc_note(EscPass *p, EscHole k, const Node *where, const char *why) {
    if (!k.why)
        k.why = why;
    if (!p->explain || !where)
        return k;
    EscNote *n = ARENA_NEW(p->arena, EscNote);
    *n = (EscNote){.next = k.notes, .where = where, .pos = where->pos, .why = why};
    k.notes = n;
    return k;
}

EscHole esc_note_node_at(EscPass *p, EscHole k, const Node *where, Pos pos, const char *why) {
    if (!k.why)
        k.why = why;
    if (!p->explain || !where)
        return k;
    EscNote *n = ARENA_NEW(p->arena, EscNote);
    *n = (EscNote){.next = k.notes, .where = where, .pos = pos, .why = why};
    k.notes = n;
    return k;
}

EscHole esc_note_at(EscPass *p, EscHole k, const char *text, Pos pos, const char *why) {
    if (!k.why)
        k.why = why;
    if (!p->explain)
        return k;
    EscNote *n = ARENA_NEW(p->arena, EscNote);
    *n = (EscNote){.next = k.notes, .text = text, .pos = pos, .why = why};
    k.notes = n;
    return k;
}

EscHole esc_deref(EscPass *p, EscHole k, const Node *where, const char *why) {
    return esc_note(p, esc_shift(k, 1), where, why);
}

EscHole esc_addr(EscPass *p, EscHole k, const Node *where, const char *why) {
    return esc_note(p, esc_shift(k, -1), where, why);
}

// ---------------------------------------------------------------------------
// Locations

EscLoc *esc_new_loc(EscWalk *w, EscLocKind kind, bool transient) {
    EscBatch *b = w->b;
    EscLoc *l = ARENA_NEW(w->p->batch_arena, EscLoc);
    l->kind = kind;
    l->fn = w->fn;
    l->loop_depth = w->loop_depth;
    l->transient = transient;
    l->id = (uint32_t)b->locs.len;
    ptrvec_push(w->p->batch_arena, &b->locs, l);
    return l;
}

EscLoc *esc_old_loc(EscPass *p, Obj *var) { return var ? escmap_get(&p->locs, var) : NULL; }

EscLoc *esc_var_loc(EscWalk *w, Obj *var) {
    EscLoc *l = esc_old_loc(w->p, var);
    if (l)
        return l;
    l = esc_new_loc(w, LOC_VAR, false);
    l->var = var;
    l->name = var->name ? var->name->s : "_";
    // A local of a body inlined from another package keeps that package's
    // symbol, as gc prints it (not the ~R0 results made in the caller's).
    Package *mp = w->fn && w->fn->info ? w->fn->info->pkg : NULL;
    if (var->kind == OBJ_VAR && !var->u.var.is_global && var->pkg && mp && var->pkg != mp && var->pkg->name &&
        var->name && var->name->s[0] != '~' && var->name->s[0] != '.' && !name_is(var->name, "_"))
        l->name = arena_sprintf(w->p->arena, "%s.%s", pkg_qualifier(var->pkg), var->name->s);
    l->pos = var->pos;
    l->type = var->type;
    escmap_put(w->p->arena, &w->p->locs, var, l);
    return l;
}

// The named locals declared before position `at` (locals are in source order).
static int locals_before(EscFn *fn, Pos at) {
    int n = 0;
    PtrVec *l = &fn->info->locals;
    for (int i = 0; i < l->len; i++) {
        Obj *o = l->items[i];
        if (!o || !o->name || name_is(o->name, "_"))
            continue;
        if (pos_compare(o->pos, at) >= 0)
            break;
        n++;
    }
    return n;
}

// The temporaries gc's type checker adds for multi-value calls: f(g()),
// `return g()`, and `a, b = g()` when some target's type is not g's.
// Only the numbering of escape's own temporaries needs their count: it is
// made when the first of those is.
static bool count_tc_temps(Node *n, void *ctx) {
    EscFn *fn = ctx;
    if (n->kind == N_FUNCLIT)
        return false;
    if (n->kind == N_CALL && n->u.call.args.len == 1 && n->u.call.kind != CALL_CONVERSION) {
        Node *a = unparen(n->u.call.args.items[0]);
        if (a && a->kind == N_CALL && a->type && a->type->kind == TY_TUPLE && a->type->u.tuple.n > 1)
            fn->ntc_temps += a->type->u.tuple.n;
    }
    if (n->kind == N_RETURN && n->u.ret.results.len == 1 && fn->info->nresults > 1)
        fn->ntc_temps += fn->info->nresults;
    // RewriteNonNameCall's: a callee or a method's receiver that calls.
    if (n->kind == N_CALL && (n->u.call.kind == CALL_FUNC || n->u.call.kind == CALL_METHOD ||
                              n->u.call.kind == CALL_INTERFACE)) {
        Node *f = unparen(n->u.call.fun);
        Node *x = n->u.call.kind == CALL_FUNC ? f : f->kind == N_SELECTOR ? f->u.sel.x : NULL;
        if (n->u.call.kind != CALL_FUNC && f->kind == N_SELECTOR && f->u.sel.kind == SEL_METHOD_EXPR)
            x = NULL;
        fn->ntc_temps += x && tree_calls_or_chans(x);
    }
    fn->ntc_temps += esc_multi_assign_temps(n);
    return true;
}

EscLoc *esc_temp_var(EscWalk *w, Type *t, Pos pos, bool tc) {
    EscFn *fn = w->fn;
    if (!tc && !fn->tc_counted) {
        fn->tc_counted = true;
        tree_visit(func_body(fn->info), count_tc_temps, fn);
    }
    int index = tc ? fn->nfixed + locals_before(fn, w->stmt_pos) + fn->tc_made++
                   : fn->nfixed + fn->nlocals + fn->ntc_temps + fn->esc_made++;
    EscLoc *l = esc_new_loc(w, LOC_VAR, false);
    l->name = arena_sprintf(w->p->arena, ".autotmp_%d", index);
    l->pos = pos;
    l->type = t;
    return l;
}

// gc's batch.flow.
void esc_flow(EscBatch *b, EscHole k, EscLoc *src) {
    if (k.addrtaken)
        src->addrtaken = true;
    EscLoc *dst = k.dst;
    if (dst == &b->blank)
        return;
    if (dst == src && k.derefs >= 0)
        return;
    EscPass *p = b->pass;
    if (dst->escapes && k.derefs < 0) {
        if (p->explain && esc_reports(p, src->pos)) {
            PtrVec lines = {0};
            esc_explain_line(p, &lines, src->pos, "%s escapes to heap:", esc_loc_expr(p, src));
            esc_explain_flow(p, &lines, src->pos, dst, src, k.derefs, k.notes);
            if (p->prog->pictures && !src->explain)
                src->explain = esc_explain_text(p, &lines);
            if (p->m >= 2)
                esc_explain_flush(p, &lines);
        }
        if (p->prog->pictures && !src->why_root) {
            // The edge about to be added is the whole path.
            src->why_root = dst;
            src->why_path = ARENA_NEW(p->arena, EscStep);
            *src->why_path = (EscStep){dst, dst->nedges};
            src->nwhy_path = 1;
        }
        src->escapes = true;
        // Kept for the picture only: the walk skips a source that escapes.
    }
    if (dst->nedges == dst->capedges) {
        int cap = dst->capedges ? dst->capedges * 2 : 4;
        EscEdge *e = ARENA_ARRAY(p->batch_arena, EscEdge, cap);
        if (dst->nedges)
            memcpy(e, dst->edges, sizeof(EscEdge) * (size_t)dst->nedges);
        dst->edges = e;
        dst->capedges = cap;
    }
    dst->edges[dst->nedges++] =
        (EscEdge){.src = src, .derefs = k.derefs, .notes = k.notes, .why = k.why, .tag = k.tag, .tag_param = k.tag_param};
}

// A hole that flows into each of ks (gc's teeHole).
EscHole esc_tee(EscWalk *w, EscHole *ks, int n) {
    if (n == 0)
        return esc_discard_hole(w->b);
    if (n == 1)
        return ks[0];
    EscLoc *l = esc_new_loc(w, LOC_TEMP, true);
    for (int i = 0; i < n; i++)
        esc_flow(w->b, ks[i], l);
    return esc_hole(l);
}

// A hole that flows into k some time later (gc's later).
EscHole esc_later(EscWalk *w, EscHole k) {
    EscLoc *l = esc_new_loc(w, LOC_TEMP, false);
    esc_flow(w->b, k, l);
    return esc_hole(l);
}

// The allocation of n: its address flows to k; the returned hole fills it.
EscHole esc_spill(EscWalk *w, EscHole k, const Node *n, EscAllocKind kind) {
    EscLoc *l = esc_new_loc(w, LOC_ALLOC, true);
    l->alloc = kind;
    l->n = n;
    l->pos = n->pos;
    l->type = n->type;
    l->ssa = escmap_get(&w->p->ssa_allocs, n);
    esc_flow(w->b, esc_addr(w->p, k, n, "spill"), l);
    return esc_hole(l);
}

// ---------------------------------------------------------------------------
// Texts

const char *esc_loc_expr(EscPass *p, const EscLoc *l) {
    if (l->kind == LOC_VAR)
        return l->name;
    if (l->text)
        return l->text;
    if (l->n)
        return expr_string(p->cc, l->n);
    return "?";
}

const char *esc_loc_string(EscPass *p, const EscLoc *l) {
    switch (l->kind) {
    case LOC_HEAP: return "{heap}";
    case LOC_TEMP: case LOC_BLANK: return "{temp}";
    case LOC_VAR: return l->name;
    case LOC_ALLOC: return arena_sprintf(p->arena, "{storage for %s}", esc_loc_expr(p, l));
    }
    return "?";
}

const char *esc_note_string(EscPass *p, const EscNote *n) {
    if (n->late_text && *n->late_text)
        return *n->late_text;
    if (n->text)
        return n->text;
    const Node *w = n->where;
    switch (w->kind) {
    case N_ASSIGN: case N_RETURN: case N_FOR: case N_RANGE: case N_SENDSTMT: case N_INCDEC:
    case N_CASECLAUSE: case N_SWITCH: case N_TYPESWITCH: case N_SELECT: case N_GO: case N_DEFER:
    case N_IF: case N_BLOCK: case N_VALUESPEC: case N_COMMCLAUSE:
        return stmt_string(p->cc, w);
    default:
        return expr_string(p->cc, w);
    }
}

const char *esc_pos_string(EscPass *p, Pos pos) { return pos_string(p->cc, p->arena, pos); }

// gc's explainFlow: "flow: dst = &src:" and the notes behind it.
void esc_explain_flow(EscPass *p, PtrVec *lines, Pos pos, const EscLoc *dst, const EscLoc *src, int derefs,
                      const EscNote *notes) {
    char ops[64] = "&";
    if (derefs >= 0) {
        int n = derefs < (int)sizeof ops - 1 ? derefs : (int)sizeof ops - 1;
        memset(ops, '*', (size_t)n);
        ops[n] = 0;
    }
    esc_explain_line(p, lines, pos, "  flow: %s = %s%s:", esc_loc_string(p, dst), ops, esc_loc_string(p, src));
    for (const EscNote *n = notes; n; n = n->next)
        esc_explain_line(p, lines, pos, "    from %s (%s) at %s", esc_note_string(p, n), n->why,
                         esc_pos_string(p, n->pos));
}

void esc_explain_line(EscPass *p, PtrVec *lines, Pos pos, const char *fmt, ...) {
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Pos *at = ARENA_NEW(p->arena, Pos);
    *at = pos;
    ptrvec_push(p->arena, lines, at);
    ptrvec_push(p->arena, lines, arena_strndup(p->arena, buf, strlen(buf)));
}

const char *esc_explain_text(EscPass *p, const PtrVec *lines) {
    size_t total = 1;
    for (int i = 0; i < lines->len; i += 2) {
        const Pos *at = lines->items[i];
        const SourceFile *sf = p->cc->files.items[at->file];
        total += strlen(lines->items[i + 1]) + strlen(sf->path) + 32;
    }
    char *msg = arena_alloc(p->arena, total);
    size_t len = 0;
    msg[0] = 0;
    for (int i = 0; i < lines->len; i += 2) {
        Pos *at = lines->items[i];
        len += (size_t)snprintf(msg + len, total - len, "%s%s: %s", i ? "\n" : "", pos_string(p->cc, p->arena, *at),
                                (const char *)lines->items[i + 1]);
    }
    return msg;
}

// Records the lines as one diagnostic at the first line's position.
void esc_explain_flush(EscPass *p, PtrVec *lines) {
    if (lines->len < 2)
        return;
    size_t total = 1;
    for (int i = 0; i < lines->len; i += 2) {
        const Pos *at = lines->items[i];
        const SourceFile *sf = p->cc->files.items[at->file];
        total += strlen(lines->items[i + 1]) + strlen(sf->path) + 32;    // "\nPATH:LINE:COL: TEXT"
    }
    char *msg = arena_alloc(p->arena, total);
    size_t len = 0;
    for (int i = 0; i < lines->len; i += 2) {
        Pos *at = lines->items[i];
        if (i > 0)
            len += (size_t)snprintf(msg + len, total - len, "\n%s: ", pos_string(p->cc, p->arena, *at));
        len += (size_t)snprintf(msg + len, total - len, "%s", (const char *)lines->items[i + 1]);
    }
    diag_note(p->cc, *(Pos *)lines->items[0], "%s", msg);
    lines->len = 0;
}

// escape_graph.c - the escape pass's location graph as a picture.
//
// One graph per batch of the analysis (a function with its literals, or a
// set of mutually recursive functions), drawn as gc's escape analysis sees
// it: a node per location - variables, params and results as ellipses,
// allocation sites as boxes, the compiler's temporaries small and grey, the
// heap as a double octagon - labelled with its name, what it is and where
// it is in the source. What the analysis decided stands out: an allocation
// that escapes and a variable moved to heap are filled red, a param shows
// its tag (where it leaks, with how many dereferences). Edges go the way
// values flow, from source to destination, labelled with their deref count
// as gc writes it in -m=2 explanations ("&" takes an address, each "*"
// loads through a pointer, nothing for a copy) and with the reason of the
// statement that made them ("assign", "return", "call parameter", ...).
//
// Locations of the standard-library models are never drawn: the pictures
// are of the program's own functions.
#include "dot/dot.h"
#include "passes/escape.h"

#include <stdio.h>
#include <string.h>

static const char *node_name(const EscLoc *l, char *buf, size_t size) {
    if (l->kind == LOC_HEAP)
        return "heap";
    snprintf(buf, size, "l%u", l->id);
    return buf;
}

static const char *pos_text(Compiler *cc, Pos pos, Arena *a) {
    if (!pos_known(pos) || pos.file >= (uint32_t)cc->files.len)
        return NULL;
    const SourceFile *sf = cc->files.items[pos.file];
    const char *base = strrchr(sf->path, '/');
    return arena_sprintf(a, "%s:%u:%u", base ? base + 1 : sf->path, pos.line, pos.col);
}

// "leaks to heap (derefs=0), to ~r0 (derefs=1)", or "does not escape".
static const char *tag_text(EscPass *p, const EscLoc *l, Arena *a) {
    EscLeaks t = l->leaks;
    leaks_optimize(&t);
    if (leaks_empty(&t))
        return "does not escape";
    DotBuf b;
    dotbuf_init(&b, a);
    dotbuf_puts(&b, "leaks");
    const char *sep = " to ";
    if (leaks_heap(&t) >= 0) {
        dotbuf_printf(&b, "%sheap (derefs=%d)", sep, leaks_heap(&t));
        sep = ", to ";
    }
    FuncInfo *fi = l->fn ? l->fn->info : NULL;
    for (int i = 0; i < ESC_RESULTS; i++) {
        int x = leaks_result(&t, i);
        if (x < 0)
            continue;
        Obj *r = fi && i < fi->nresults ? fi->results[i] : NULL;
        dotbuf_printf(&b, "%s%s (derefs=%d)", sep, r && r->name ? r->name->s : "?", x);
        sep = ", to ";
    }
    (void)p;
    return b.s;
}

static const char *alloc_kind(EscAllocKind k) {
    switch (k) {
    case AK_NEW: return "new";
    case AK_PTRLIT: return "&composite literal";
    case AK_SLICELIT: return "slice literal";
    case AK_MAPLIT: return "map literal";
    case AK_MAKESLICE: return "make slice";
    case AK_MAKEMAP: return "make map";
    case AK_CLOSURE: return "closure";
    case AK_METHVALUE: return "method value";
    case AK_CONVIFACE: return "boxed in interface";
    case AK_STRCONV: return "string conversion";
    case AK_ADDSTR: return "string concatenation";
    case AK_NONE: break;
    }
    return "allocation";
}

static void add_loc_node(Agraph_t *g, EscPass *p, const EscLoc *l, const EscFn *first, Arena *a) {
    char name[32];
    Agnode_t *n = agnode(g, (char *)node_name(l, name, sizeof name), 1);
    DotBuf lb;
    dotbuf_init(&lb, a);
    const char *where = pos_text(p->cc, l->pos, a);
    switch (l->kind) {
    case LOC_HEAP:
        dotbuf_line(&lb, "{heap}", (size_t)-1);
        dot_set(n, "shape", "doubleoctagon");
        dot_set(n, "style", "filled");
        dot_set(n, "fillcolor", "#fadbd8");
        break;
    case LOC_TEMP:
        dotbuf_line(&lb, "{temp}", (size_t)-1);
        dot_set(n, "shape", "ellipse");
        dot_set(n, "color", "grey60");
        dot_set(n, "fontcolor", "grey40");
        dot_set(n, "fontsize", "10");
        break;
    case LOC_VAR: {
        const char *what = l->is_param ? "param" : l->result_index ? "result"
                           : l->var ? "variable" : "temporary";
        dotbuf_line(&lb, l->name ? l->name : "?", (size_t)-1);
        const char *of = l->fn && l->fn != first && l->fn->info && l->fn->info->gc_name
                             ? arena_sprintf(a, " of %s", l->fn->info->gc_name) : "";
        dotbuf_line(&lb, arena_sprintf(a, "%s%s%s", what, of, l->escapes ? ", moved to heap" : ""), (size_t)-1);
        if (l->is_param && !l->escapes)
            dotbuf_line(&lb, tag_text(p, l, a), (size_t)-1);
        if (l->loop_depth > 1)
            dotbuf_line(&lb, arena_sprintf(a, "loop depth %d", l->loop_depth), (size_t)-1);
        dot_set(n, "shape", l->is_param ? "house" : l->result_index ? "invhouse" : "ellipse");
        if (!l->var && !l->is_param && !l->result_index) {
            dot_set(n, "color", "grey60");
            dot_set(n, "fontcolor", "grey40");
        }
        break;
    }
    case LOC_ALLOC:
        if (l->go_defer_wrapper) {
            // gc wraps a go/defer call in a closure of its own; -m never
            // names it, so the picture says what it is and does not mark it
            // as a reported escape.
            dotbuf_line(&lb, "go/defer wrapper", (size_t)-1);
            dotbuf_line(&lb, arena_sprintf(a, "closure made by gc (not reported), %s",
                                           l->escapes ? "on the heap" : "on the stack"), (size_t)-1);
            dot_set(n, "shape", "box");
            dot_set(n, "style", "dashed");
            dot_set(n, "color", "grey40");
            break;
        }
        dotbuf_line(&lb, esc_loc_expr(p, l), (size_t)-1);
        dotbuf_line(&lb, arena_sprintf(a, "%s, %s", alloc_kind(l->alloc),
                                       l->escapes ? "escapes to heap" : "on the stack"), (size_t)-1);
        if (l->loop_depth > 1)
            dotbuf_line(&lb, arena_sprintf(a, "loop depth %d", l->loop_depth), (size_t)-1);
        dot_set(n, "shape", "box");
        break;
    case LOC_BLANK:
        break;
    }
    if (where)
        dotbuf_line(&lb, where, (size_t)-1);
    if ((l->kind == LOC_ALLOC || l->kind == LOC_VAR) && l->escapes && !l->go_defer_wrapper) {
        dot_set(n, "style", "filled,bold");
        dot_set(n, "fillcolor", "#f5b7b1");
        dot_set(n, "color", "#c0392b");
    }
    dot_set(n, "label", lb.s);
}

static bool drawn(EscPass *p, const EscLoc *l) {
    if (l->kind == LOC_BLANK)
        return false;
    if (l->kind == LOC_HEAP)
        return true;
    return !l->fn || !l->fn->is_std || esc_reports(p, l->pos);
}

static void add_edges(Agraph_t *g, EscPass *p, const EscLoc *dst, Arena *a) {
    char dn[32], sn[32];
    Agnode_t *h = agnode(g, (char *)node_name(dst, dn, sizeof dn), 0);
    if (!h)
        return;
    for (int i = 0; i < dst->nedges; i++) {
        const EscEdge *e = &dst->edges[i];
        if (!drawn(p, e->src))
            continue;
        Agnode_t *t = agnode(g, (char *)node_name(e->src, sn, sizeof sn), 0);
        if (!t)
            continue;
        Agedge_t *ed = agedge(g, t, h, NULL, 1);
        char ops[16] = "&";
        if (e->derefs >= 0) {
            int k = e->derefs < 15 ? e->derefs : 15;
            memset(ops, '*', (size_t)k);
            ops[k] = 0;
        }
        DotBuf lb;
        dotbuf_init(&lb, a);
        dotbuf_escape(&lb, ops, (size_t)-1);
        if (e->why) {
            if (ops[0])
                dotbuf_puts(&lb, " ");
            dotbuf_escape(&lb, e->why, (size_t)-1);
        }
        if (lb.s && lb.s[0])
            dot_set(ed, "label", lb.s);
        if (e->derefs < 0) {
            dot_set(ed, "color", "#c0392b");
            dot_set(ed, "fontcolor", "#c0392b");
            dot_set(ed, "penwidth", "1.5");
        }
    }
}

// The name a batch's picture goes by: its first function's.
static const char *batch_name(const EscBatch *b) {
    if (b->fns.len) {
        const EscFn *fn = b->fns.items[0];
        if (fn->info && fn->info->gc_name)
            return fn->info->gc_name;
    }
    return "batch";
}

static bool batch_is_std(EscPass *p, const EscBatch *b) {
    for (int i = 0; i < b->fns.len; i++) {
        const EscFn *fn = b->fns.items[i];
        if (!fn->is_std)
            return false;
    }
    (void)p;
    return b->fns.len > 0;
}

static bool batch_has(const EscBatch *b, const char *func) {
    for (int i = 0; i < b->fns.len; i++) {
        const EscFn *fn = b->fns.items[i];
        if (fn->info && fn->info->gc_name && strcmp(fn->info->gc_name, func) == 0)
            return true;
    }
    return false;
}

Agraph_t *dot_escape_graph(EscPass *p, EscBatch *b, const DotOptions *o) {
    static const DotOptions none;
    if (!o)
        o = &none;
    Arena a;
    arena_init(&a);
    DotBuf title;
    dotbuf_init(&title, &a);
    dotbuf_puts(&title, "escape graph:");
    for (int i = 0; i < b->fns.len; i++) {
        const EscFn *fn = b->fns.items[i];
        dotbuf_printf(&title, "%s%s", i ? ", " : " ", fn->info && fn->info->gc_name ? fn->info->gc_name : "?");
    }
    Agraph_t *g = dot_graph_new(batch_name(b), title.s);
    if (g) {
        dot_set(g, "rankdir", o->rankdir ? o->rankdir : "BT");    // values flow up, towards the heap
        const EscFn *first = b->fns.len ? b->fns.items[0] : NULL;
        add_loc_node(g, p, &b->heap, first, &a);
        for (int i = 0; i < b->locs.len; i++) {
            const EscLoc *l = b->locs.items[i];
            if (drawn(p, l))
                add_loc_node(g, p, l, first, &a);
        }
        add_edges(g, p, &b->heap, &a);
        for (int i = 0; i < b->locs.len; i++) {
            const EscLoc *l = b->locs.items[i];
            if (drawn(p, l))
                add_edges(g, p, l, &a);
        }
    }
    arena_free(&a);
    return g;
}

// The name a batch's picture goes by: its first function's, told apart
// from functions of the same name (dot_picture_name).
static const char *batch_picture_name(Arena *a, const EscBatch *b) {
    const EscFn *fn = b->fns.len ? b->fns.items[0] : NULL;
    return dot_picture_name(a, fn ? fn->info : NULL, batch_name(b));
}

int dot_write_escape_graphs(Compiler *cc, Program *prog, const char *dir, bool svg, const char *func,
                            const DotOptions *o, const char **err) {
    EscPass *p = prog->escape;
    if (!p)
        return 0;
    for (int i = 0; i < p->batches.len; i++) {
        EscBatch *b = p->batches.items[i];
        if (batch_is_std(p, b) || (func && !batch_has(b, func)))
            continue;
        Agraph_t *g = dot_escape_graph(p, b, o);
        if (!g) {
            *err = arena_sprintf(&cc->arena, "cannot build the escape graph of %s", batch_name(b));
            return -1;
        }
        int rc = dot_write_graph(cc, g, dir, batch_picture_name(&cc->arena, b), "escgraph", svg, NULL, err);
        agclose(g);
        if (rc)
            return -1;
    }
    return 0;
}

const char *dot_escape_svg(Arena *a, Program *prog, const char *func, const DotOptions *o, size_t *len,
                           const char **err) {
    EscPass *p = prog->escape;
    if (!p) {
        *err = "the escape analysis has not run";
        return NULL;
    }
    for (int i = 0; i < p->batches.len; i++) {
        EscBatch *b = p->batches.items[i];
        if (batch_is_std(p, b) || !batch_has(b, func))
            continue;
        Agraph_t *g = dot_escape_graph(p, b, o);
        if (!g) {
            *err = "cannot build the escape graph";
            return NULL;
        }
        const char *svg = dot_render_svg(a, g, len, err);
        agclose(g);
        return svg;
    }
    *err = "no function of that name";
    return NULL;
}

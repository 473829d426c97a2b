// escape_graph.c - the escape pass's location graph as a picture that
// answers "why is this on the heap?".
//
// One graph per batch of the analysis (a function with its literals, or a
// set of mutually recursive functions), drawn as gc's escape analysis sees
// it: a node per location - variables as ellipses, params as houses,
// results as upside-down houses, allocation sites as boxes, the compiler's
// temporaries small and grey, the heap as a double octagon - labelled with
// its name, what it is and where it is in the source, and with its -m=2
// explanation as its tooltip. Edges go the way values flow, from source to
// destination, labelled with the deref marks gc writes in -m=2 ("&" takes
// an address, each "*" loads through a pointer, nothing for a copy) and
// with the reason of the statement that made them ("assign", "return",
// "call parameter" with the callee's parameter tag, "captured by a
// closure", "too large for stack: N bytes", "non-constant size", ...).
//
// What the analysis decided stands out: a location on the heap is filled
// red, and the path the analysis followed when it decided so - from the
// location to the heap, through the locations that outlive it - is drawn
// thick and red, with the reason the last location outlives it where that
// is not the heap itself (a loop, a closure). Every other flow is thin and
// grey. Locations that can hold no pointer tell nothing about escapes and
// are left out (-escgraph=all shows them), except a value copied into an
// interface box, drawn with its edge into the box. A legend explains the
// marks. With -why=NAME, one picture holds only the paths from the
// variables named NAME to the heap, across all functions.
//
// Locations of the standard-library models are never drawn: the pictures
// are of the program's own functions.
#include "dot/dot.h"
#include "passes/escape.h"

#include <stdio.h>
#include <string.h>

// Colours: the explanation path, the heap's, the rest.
#define RED "#c0392b"
#define HEAP_FILL "#f5b7b1"
#define GREY "grey55"
#define GREY_TEXT "grey35"

// What one picture draws and marks, by location id (the heap: nlocs).
typedef struct Picture {
    EscPass *p;
    EscBatch *b;
    const DotOptions *o;
    Arena *a;
    int nlocs;
    bool *shown;            // by id
    bool **red;             // by id of the edge's destination: per edge, on an explanation path
    const char ***outlives; // by id of the destination: per edge, why its root outlives the source
    const EscFn *first;
} Picture;

static int loc_index(const Picture *pc, const EscLoc *l) {
    return l->kind == LOC_HEAP ? pc->nlocs : (int)l->id;
}

static bool in_batch(const Picture *pc, const EscLoc *l) {
    if (l->kind == LOC_HEAP)
        return l == &pc->b->heap;
    return l->id < (uint32_t)pc->nlocs && pc->b->locs.items[l->id] == l;
}

static const char *node_id(const Picture *pc, const EscLoc *l) {
    const char *prefix = pc->o->id_prefix ? pc->o->id_prefix : "";
    if (l->kind == LOC_HEAP)
        return arena_sprintf(pc->a, "%sheap", prefix);
    return arena_sprintf(pc->a, "%sl%u", prefix, l->id);
}

static const char *pos_text(Compiler *cc, Pos pos, Arena *a) {
    if (!pos_known(pos) || pos.file >= (uint32_t)cc->files.len)
        return NULL;
    const SourceFile *sf = cc->files.items[pos.file];
    const char *base = strrchr(sf->path, '/');
    return arena_sprintf(a, "%s:%u:%u", base ? base + 1 : sf->path, pos.line, pos.col);
}

// "leaks to heap (derefs=0), to ~r0 (derefs=1)", or "does not escape".
static const char *tag_text(const EscLoc *l, Arena *a) {
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

// A location the analysis put on the heap, as -m reports it.
static bool on_heap(const EscLoc *l) {
    return (l->kind == LOC_ALLOC || l->kind == LOC_VAR) && l->escapes && !l->go_defer_wrapper;
}

static bool leaks_to_heap(const EscLoc *l) {
    if (!l->is_param || l->escapes)
        return false;
    EscLeaks t = l->leaks;
    return leaks_heap(&t) >= 0;
}

// The variable whose value an interface box holds, if it is one.
static EscLoc *boxed_var(const Picture *pc, const EscLoc *box) {
    if (box->kind != LOC_ALLOC || box->alloc != AK_CONVIFACE || !box->n)
        return NULL;
    const Node *n = box->n;
    while (n && n->kind == N_PAREN)
        n = n->u.unary.x;
    if (n && n->kind == N_CALL && n->u.call.args.len == 1)
        n = n->u.call.args.items[0];
    while (n && n->kind == N_PAREN)
        n = n->u.unary.x;
    if (!n || n->kind != N_IDENT || !n->u.ident.obj)
        return NULL;
    for (int i = 0; i < pc->nlocs; i++) {
        EscLoc *l = pc->b->locs.items[i];
        if (l->kind == LOC_VAR && l->var == n->u.ident.obj)
            return l;
    }
    return NULL;
}

static bool may_hold_pointer(const EscLoc *l) {
    if (l->kind == LOC_HEAP || l->kind == LOC_ALLOC)
        return true;
    return !l->type || esc_type_has_pointers(l->type);
}

static bool drawable(EscPass *p, const EscLoc *l) {
    if (l->kind == LOC_BLANK)
        return false;
    if (l->kind == LOC_HEAP)
        return true;
    return !l->fn || !l->fn->is_std || esc_reports(p, l->pos);
}

// Why `root` outlives `l` when it is not because root is on the heap.
static const char *outlives_reason(Picture *pc, const EscLoc *root, const EscLoc *l) {
    if (root->kind == LOC_HEAP || (root->escapes && root != l))
        return NULL;
    if (root->result_index > 0)
        return "returned: outlives the call";
    if (root->fn == l->fn && root->loop_depth < l->loop_depth)
        return arena_sprintf(pc->a, "outlives the loop it was declared in (depth %d < %d)", root->loop_depth,
                             l->loop_depth);
    if (root->fn != l->fn)
        return "outlives the closure it was declared in";
    return NULL;
}

// Marks the explanation path of l: its edges, and on through its root's
// own path while the root is on the heap for a reason of its own.
static void mark_path(Picture *pc, const EscLoc *l) {
    for (int hops = 0; l && l->why_root && hops <= pc->nlocs; hops++) {
        const EscLoc *src = l;
        for (int i = 0; i < l->nwhy_path; i++) {
            const EscStep *s = &l->why_path[i];
            if (!in_batch(pc, s->dst) || s->edge >= s->dst->nedges)
                return;
            int d = loc_index(pc, s->dst);
            pc->red[d][s->edge] = true;
            if (s->dst == l->why_root && i == l->nwhy_path - 1) {
                const char *why = outlives_reason(pc, l->why_root, l);
                if (why)
                    pc->outlives[d][s->edge] = why;
            }
            src = s->dst;
        }
        (void)src;
        const EscLoc *root = l->why_root;
        if (root->kind == LOC_HEAP || !root->escapes || root == l)
            return;
        l = root;
    }
}

// The tooltip of a node: its -m=2 explanation, or its verdict.
static const char *node_tooltip(Picture *pc, const EscLoc *l, const char *name) {
    DotBuf t;
    dotbuf_init(&t, pc->a);
    if (l->explain) {
        // One line per explanation line: Graphviz's "\n" in a tooltip.
        const char *s = l->explain;
        while (*s) {
            size_t n = strcspn(s, "\n");
            dotbuf_escape(&t, s, n);
            s += n;
            if (*s == '\n') {
                dotbuf_puts(&t, "\\n");
                s++;
            }
        }
        dotbuf_puts(&t, "\\n");
    }
    const char *where = pos_text(pc->p->cc, l->pos, pc->a);
    const char *verdict;
    if (l->kind == LOC_HEAP)
        verdict = "the heap: whatever flows here with & outlives every function";
    else if (l->kind == LOC_VAR && l->escapes)
        verdict = arena_sprintf(pc->a, "moved to heap: %s", name);
    else if (on_heap(l))
        verdict = arena_sprintf(pc->a, "%s escapes to heap", name);
    else if (l->is_param)
        verdict = arena_sprintf(pc->a, "param %s %s", name, tag_text(l, pc->a));
    else if (l->kind == LOC_ALLOC)
        verdict = arena_sprintf(pc->a, "%s does not escape", name);
    else
        verdict = arena_sprintf(pc->a, "%s stays on the stack", name);
    if (where)
        dotbuf_escape(&t, arena_sprintf(pc->a, "%s: ", where), (size_t)-1);
    dotbuf_escape(&t, verdict, (size_t)-1);
    return t.s;
}

static void add_loc_node(Agraph_t *g, Picture *pc, const EscLoc *l) {
    EscPass *p = pc->p;
    Arena *a = pc->a;
    Agnode_t *n = agnode(g, (char *)node_id(pc, l), 1);
    DotBuf lb;
    dotbuf_init(&lb, a);
    const char *where = pos_text(p->cc, l->pos, a);
    const char *name = "{heap}";
    const char *cls = "loc";
    switch (l->kind) {
    case LOC_HEAP:
        dotbuf_line(&lb, "{heap}", (size_t)-1);
        dot_set(n, "shape", "doubleoctagon");
        dot_set(n, "style", "filled");
        dot_set(n, "fillcolor", "#fadbd8");
        cls = "loc heap";
        break;
    case LOC_TEMP:
        name = "{temp}";
        dotbuf_line(&lb, "{temp}", (size_t)-1);
        dot_set(n, "shape", "ellipse");
        dot_set(n, "color", GREY);
        dot_set(n, "fontcolor", GREY_TEXT);
        dot_set(n, "fontsize", "11");
        cls = "loc temp";
        break;
    case LOC_VAR: {
        name = l->name ? l->name : "?";
        const char *what = l->is_param ? "param" : l->result_index ? "result" : l->var ? "variable" : "temporary";
        dotbuf_line(&lb, name, (size_t)-1);
        const char *of = l->fn && l->fn != pc->first && l->fn->info && l->fn->info->gc_name
                             ? arena_sprintf(a, " of %s", l->fn->info->gc_name) : "";
        dotbuf_line(&lb, arena_sprintf(a, "%s%s%s", what, of, l->escapes ? ", moved to heap" : ""), (size_t)-1);
        if (l->is_param && !l->escapes)
            dotbuf_line(&lb, tag_text(l, a), (size_t)-1);
        if (l->loop_depth > 1)
            dotbuf_line(&lb, arena_sprintf(a, "loop depth %d", l->loop_depth), (size_t)-1);
        dot_set(n, "shape", l->is_param ? "house" : l->result_index ? "invhouse" : "ellipse");
        if (!l->var && !l->is_param && !l->result_index) {
            dot_set(n, "color", GREY);
            dot_set(n, "fontcolor", GREY_TEXT);
        }
        cls = l->is_param ? "loc param" : l->result_index ? "loc result" : "loc var";
        break;
    }
    case LOC_ALLOC:
        if (l->go_defer_wrapper) {
            // gc wraps a go/defer call in a closure of its own; -m never
            // names it, so the picture says what it is and does not mark it
            // as a reported escape.
            name = "go/defer wrapper";
            dotbuf_line(&lb, name, (size_t)-1);
            dotbuf_line(&lb, arena_sprintf(a, "closure made by gc (not reported), %s",
                                           l->escapes ? "on the heap" : "on the stack"), (size_t)-1);
            dot_set(n, "shape", "box");
            dot_set(n, "style", "dashed");
            dot_set(n, "color", "grey40");
            cls = "loc alloc";
            break;
        }
        name = esc_loc_expr(p, l);
        if (l->alloc == AK_CONVIFACE)
            dotbuf_line(&lb, arena_sprintf(a, "interface box of %s", name), (size_t)-1);
        else
            dotbuf_line(&lb, name, (size_t)-1);
        dotbuf_line(&lb, arena_sprintf(a, "%s, %s", alloc_kind(l->alloc), l->escapes ? "escapes to heap" : "on the stack"),
                    (size_t)-1);
        if (l->loop_depth > 1)
            dotbuf_line(&lb, arena_sprintf(a, "loop depth %d", l->loop_depth), (size_t)-1);
        dot_set(n, "shape", "box");
        cls = "loc alloc";
        break;
    case LOC_BLANK:
        break;
    }
    if (where)
        dotbuf_line(&lb, where, (size_t)-1);
    if (on_heap(l)) {
        dot_set(n, "style", "filled,bold");
        dot_set(n, "fillcolor", HEAP_FILL);
        dot_set(n, "color", RED);
        cls = arena_sprintf(a, "%s escapes", cls);
    } else if (leaks_to_heap(l)) {
        dot_set(n, "color", RED);
        cls = arena_sprintf(a, "%s leaks", cls);
    }
    dot_set(n, "label", lb.s);
    dot_set(n, "id", node_id(pc, l));
    dot_set(n, "tooltip", node_tooltip(pc, l, name));
    if (pos_known(l->pos))
        cls = arena_sprintf(a, "%s line-%u", cls, l->pos.line);
    dot_set(n, "class", cls);
}

// "&", "", "*", "**", ...: gc's marks for the derefs of a flow.
static const char *deref_marks(int derefs, char *buf, size_t size) {
    if (derefs < 0)
        return "&";
    size_t k = (size_t)derefs < size - 1 ? (size_t)derefs : size - 1;
    memset(buf, '*', k);
    buf[k] = 0;
    return buf;
}

// The reason a flow is drawn with: gc's, with the size gc compared.
static const char *edge_reason(Picture *pc, const EscEdge *e) {
    if (!e->why)
        return NULL;
    if (strcmp(e->why, "too large for stack") == 0 && e->src->heap_bytes > 0)
        return arena_sprintf(pc->a, "too large for stack: %lld bytes", (long long)e->src->heap_bytes);
    return e->why;
}

// The edge's tooltip: the -m=2 notes behind it ("from X (why) at POS").
static const char *edge_tooltip(Picture *pc, const EscLoc *dst, const EscEdge *e, const char *label) {
    DotBuf t;
    dotbuf_init(&t, pc->a);
    char ops[16];
    dotbuf_escape(&t, arena_sprintf(pc->a, "flow: %s = %s%s", esc_loc_string(pc->p, dst),
                                    deref_marks(e->derefs, ops, sizeof ops), esc_loc_string(pc->p, e->src)),
                  (size_t)-1);
    for (const EscNote *n = e->notes; n; n = n->next) {
        dotbuf_puts(&t, "\\n");
        dotbuf_escape(&t, arena_sprintf(pc->a, "  from %s (%s) at %s", esc_note_string(pc->p, n), n->why,
                                        esc_pos_string(pc->p, n->pos)), (size_t)-1);
    }
    if (!e->notes && label && *label) {
        dotbuf_puts(&t, "\\n");
        dotbuf_escape(&t, label, (size_t)-1);
    }
    return t.s;
}

static void add_edge(Agraph_t *g, Picture *pc, const EscLoc *dst, int i, const EscEdge *e, bool red,
                     const char *outlives) {
    Agnode_t *h = agnode(g, (char *)node_id(pc, dst), 0);
    Agnode_t *t = agnode(g, (char *)node_id(pc, e->src), 0);
    if (!h || !t)
        return;
    Agedge_t *ed = agedge(g, t, h, NULL, 1);
    char ops[16];
    DotBuf lb, plain;
    dotbuf_init(&lb, pc->a);
    dotbuf_init(&plain, pc->a);
    const char *marks = deref_marks(e->derefs, ops, sizeof ops);
    const char *why = edge_reason(pc, e);
    dotbuf_escape(&lb, marks, (size_t)-1);
    if (why) {
        if (marks[0])
            dotbuf_puts(&lb, " ");
        dotbuf_escape(&lb, why, (size_t)-1);
    }
    if (e->tag) {
        dotbuf_puts(&lb, "\\n");
        dotbuf_escape(&lb, e->tag, (size_t)-1);
    }
    if (outlives) {
        dotbuf_puts(&lb, "\\n");
        dotbuf_escape(&lb, outlives, (size_t)-1);
    }
    if (lb.s[0])
        dot_set(ed, "label", lb.s);
    dotbuf_printf(&plain, "%s%s%s%s%s", marks, why && marks[0] ? " " : "", why ? why : "", e->tag ? "; " : "",
                  e->tag ? e->tag : "");
    dot_set(ed, "tooltip", edge_tooltip(pc, dst, e, plain.s));
    dot_set(ed, "id", arena_sprintf(pc->a, "%s-e%d", node_id(pc, dst), i));
    if (red) {
        dot_set(ed, "color", RED);
        dot_set(ed, "fontcolor", RED);
        dot_set(ed, "penwidth", "3");
        dot_set(ed, "class", "flow why");
    } else {
        dot_set(ed, "color", GREY);
        dot_set(ed, "fontcolor", GREY_TEXT);
        dot_set(ed, "penwidth", "0.8");
        dot_set(ed, "class", "flow");
    }
}

// The value copied into an interface box, when the analysis has no flow
// for it (it holds no pointer): a dashed grey edge, so the box is seen to
// be the variable's.
static void add_box_edge(Agraph_t *g, Picture *pc, const EscLoc *box) {
    EscLoc *v = boxed_var(pc, box);
    if (!v || !pc->shown[v->id])
        return;
    for (int i = 0; i < box->nedges; i++)
        if (box->edges[i].src == v)
            return;
    Agnode_t *t = agnode(g, (char *)node_id(pc, v), 0);
    Agnode_t *h = agnode(g, (char *)node_id(pc, box), 0);
    if (!t || !h)
        return;
    Agedge_t *ed = agedge(g, t, h, NULL, 1);
    dot_set(ed, "label", "copied in (no pointers)");
    dot_set(ed, "style", "dashed");
    dot_set(ed, "color", GREY);
    dot_set(ed, "fontcolor", GREY_TEXT);
    dot_set(ed, "tooltip", arena_sprintf(pc->a, "the interface holds a copy of %s", v->name ? v->name : "?"));
}

static void add_legend(Agraph_t *g, Picture *pc, bool nothing) {
    (void)pc;
    Agraph_t *c = agsubg(g, "cluster_legend", 1);
    dot_set(c, "label", "legend");
    dot_set(c, "style", "dashed");
    dot_set(c, "color", "grey70");
    Agnode_t *n = agnode(c, "legend", 1);
    dot_set(n, "shape", "note");
    dot_set(n, "fontsize", "11");
    dot_set(n, "id", arena_sprintf(pc->a, "%slegend", pc->o->id_prefix ? pc->o->id_prefix : ""));
    DotBuf b;
    dotbuf_init(&b, pc->a);
    if (nothing)
        dotbuf_line(&b, "nothing here escapes to the heap", (size_t)-1);
    static const char *const lines[] = {
        "ellipse: variable     house: param    upside-down house: result",
        "box: allocation       double octagon: {heap}",
        "{temp}: a compiler temporary    ~r0: result 0 (unnamed)",
        "arrows: values flow from source to destination",
        "& : the address is taken   * : a load through a pointer",
        "(no mark): a copy",
        "red fill: on the heap    red outline: param leaking to the heap",
        "thick red: the path that put it on the heap",
        "thin grey: other flows   hover: the -m=2 text",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        dotbuf_line(&b, lines[i], (size_t)-1);
    dot_set(n, "label", b.s);
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

static bool batch_is_std(const EscBatch *b) {
    for (int i = 0; i < b->fns.len; i++) {
        const EscFn *fn = b->fns.items[i];
        if (!fn->is_std)
            return false;
    }
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

static void picture_init(Picture *pc, EscPass *p, EscBatch *b, const DotOptions *o, Arena *a) {
    *pc = (Picture){.p = p, .b = b, .o = o, .a = a, .nlocs = b->locs.len};
    pc->shown = ARENA_ARRAY(a, bool, (size_t)pc->nlocs + 1);
    pc->red = ARENA_ARRAY(a, bool *, (size_t)pc->nlocs + 1);
    pc->outlives = ARENA_ARRAY(a, const char **, (size_t)pc->nlocs + 1);
    for (int i = 0; i <= pc->nlocs; i++) {
        const EscLoc *l = i < pc->nlocs ? b->locs.items[i] : &b->heap;
        pc->red[i] = ARENA_ARRAY(a, bool, (size_t)l->nedges + 1);
        pc->outlives[i] = ARENA_ARRAY(a, const char *, (size_t)l->nedges + 1);
    }
    pc->first = b->fns.len ? b->fns.items[0] : NULL;
    for (int i = 0; i < pc->nlocs; i++) {
        const EscLoc *l = b->locs.items[i];
        if (on_heap(l) || leaks_to_heap(l))
            mark_path(pc, l);
    }
}

// Which locations the picture shows: drawable ones that may hold a
// pointer (or all), plus what an interface box copies.
static void choose_shown(Picture *pc) {
    for (int i = 0; i < pc->nlocs; i++) {
        const EscLoc *l = pc->b->locs.items[i];
        pc->shown[i] = drawable(pc->p, l) && (pc->o->all_locs || may_hold_pointer(l) || on_heap(l));
    }
    pc->shown[pc->nlocs] = true;
    for (int i = 0; i < pc->nlocs; i++) {
        const EscLoc *l = pc->b->locs.items[i];
        EscLoc *v = pc->shown[i] ? boxed_var(pc, l) : NULL;
        if (v && drawable(pc->p, v))
            pc->shown[v->id] = true;
    }
}

// -why: only the locations on some path from a seed (a variable named
// NAME, or a parameter such a path passes to) to the heap: reachable from
// a seed along flows, and reaching the heap.
static bool choose_why(Picture *pc, const bool *seed) {
    int n = pc->nlocs + 1;
    bool *from = ARENA_ARRAY(pc->a, bool, (size_t)n);
    bool *to = ARENA_ARRAY(pc->a, bool, (size_t)n);
    bool any = false;
    for (int i = 0; i < pc->nlocs; i++)
        if (seed[i])
            from[i] = any = true;
    if (!any)
        return false;
    // Forward from the seeds: edges are stored at their destination, so
    // sweep until nothing changes (at most once per location).
    for (bool changed = true; changed;) {
        changed = false;
        for (int d = 0; d < n; d++) {
            const EscLoc *dst = d < pc->nlocs ? pc->b->locs.items[d] : &pc->b->heap;
            if (from[d])
                continue;
            for (int i = 0; i < dst->nedges; i++) {
                const EscLoc *s = dst->edges[i].src;
                if (in_batch(pc, s) && from[loc_index(pc, s)]) {
                    from[d] = changed = true;
                    break;
                }
            }
        }
    }
    // Backward from the heap: a stack walk over the stored edges.
    int *stack = ARENA_ARRAY(pc->a, int, (size_t)n + 1);
    int sp = 0;
    to[pc->nlocs] = true;
    stack[sp++] = pc->nlocs;
    while (sp > 0) {
        int d = stack[--sp];
        const EscLoc *dst = d < pc->nlocs ? pc->b->locs.items[d] : &pc->b->heap;
        for (int i = 0; i < dst->nedges; i++) {
            const EscLoc *s = dst->edges[i].src;
            if (!in_batch(pc, s) || s->kind == LOC_HEAP)
                continue;
            int si = loc_index(pc, s);
            if (!to[si]) {
                to[si] = true;
                stack[sp++] = si;
            }
        }
    }
    bool reaches = false;
    for (int i = 0; i < pc->nlocs; i++) {
        const EscLoc *l = pc->b->locs.items[i];
        pc->shown[i] = from[i] && to[i] && drawable(pc->p, l);
        reaches |= pc->shown[i];
    }
    pc->shown[pc->nlocs] = reaches;
    return reaches;
}

static bool any_on_heap(const Picture *pc) {
    for (int i = 0; i < pc->nlocs; i++) {
        const EscLoc *l = pc->b->locs.items[i];
        if (pc->shown[i] && (on_heap(l) || leaks_to_heap(l)))
            return true;
    }
    return false;
}

// Draws the shown locations of pc's batch and the flows between them into
// g (the graph itself, or a cluster of the -why picture).
static void draw(Agraph_t *g, Picture *pc) {
    add_loc_node(g, pc, &pc->b->heap);
    for (int i = 0; i < pc->nlocs; i++)
        if (pc->shown[i])
            add_loc_node(g, pc, pc->b->locs.items[i]);
    for (int d = 0; d <= pc->nlocs; d++) {
        if (!pc->shown[d])
            continue;
        const EscLoc *dst = d < pc->nlocs ? pc->b->locs.items[d] : &pc->b->heap;
        for (int i = 0; i < dst->nedges; i++) {
            const EscEdge *e = &dst->edges[i];
            if (!in_batch(pc, e->src) || !pc->shown[loc_index(pc, e->src)])
                continue;
            add_edge(g, pc, dst, i, e, pc->red[d][i], pc->outlives[d][i]);
        }
        if (d < pc->nlocs)
            add_box_edge(g, pc, dst);
    }
}

static Agraph_t *new_graph(const char *name, const char *title, const DotOptions *o) {
    Agraph_t *g = dot_graph_new(name, title);
    if (!g)
        return NULL;
    dot_set(g, "rankdir", o->rankdir ? o->rankdir : "BT");    // values flow up, towards the heap
    // Readable from the back of a lecture hall.
    dot_set(g, "fontsize", "18");
    agattr(g, AGNODE, "fontsize", "14");
    agattr(g, AGEDGE, "fontsize", "12");
    return g;
}

Agraph_t *dot_escape_graph(EscPass *p, EscBatch *b, const DotOptions *o) {
    static const DotOptions none;
    if (!o)
        o = &none;
    Arena a;
    arena_init(&a);
    Picture pc;
    picture_init(&pc, p, b, o, &a);
    choose_shown(&pc);
    bool nothing = !any_on_heap(&pc);
    DotBuf title;
    dotbuf_init(&title, &a);
    dotbuf_puts(&title, "escape graph:");
    for (int i = 0; i < b->fns.len; i++) {
        const EscFn *fn = b->fns.items[i];
        dotbuf_printf(&title, "%s%s", i ? ", " : " ", fn->info && fn->info->gc_name ? fn->info->gc_name : "?");
    }
    if (nothing)
        dotbuf_puts(&title, " (nothing escapes)");
    Agraph_t *g = new_graph(batch_name(b), title.s, o);
    if (g) {
        draw(g, &pc);
        add_legend(g, &pc, nothing);
    }
    arena_free(&a);
    return g;
}

// One batch in the -why picture.
typedef struct WhyBatch {
    Picture pc;
    bool *seed;             // by location id
    bool active, shown;
} WhyBatch;

// The batch and location of parameter `param`, if analysed.
static bool find_param(WhyBatch *wb, int nb, const Obj *param, int *bi, int *li) {
    for (int i = 0; i < nb; i++) {
        if (!wb[i].active)
            continue;
        for (int j = 0; j < wb[i].pc.nlocs; j++) {
            const EscLoc *l = wb[i].pc.b->locs.items[j];
            if (l->kind == LOC_VAR && l->is_param && l->var == param) {
                *bi = i, *li = j;
                return true;
            }
        }
    }
    return false;
}

// The -why picture: one cluster per batch with a path from a variable
// named o->why to the heap, and the calls that carry such a path on into
// a callee's parameter, drawn from argument to parameter. *found says
// whether there was a path at all.
static Agraph_t *why_graph(EscPass *p, const DotOptions *o, bool *found) {
    Arena a;
    arena_init(&a);
    Agraph_t *g = new_graph(o->why, arena_sprintf(&a, "why %s reaches the heap", o->why), o);
    *found = false;
    int nb = p->batches.len;
    WhyBatch *wb = ARENA_ARRAY(&a, WhyBatch, (size_t)nb + 1);
    for (int i = 0; i < nb; i++) {
        EscBatch *b = p->batches.items[i];
        if (batch_is_std(b))
            continue;
        DotOptions *sub = ARENA_NEW(&a, DotOptions);
        *sub = *o;
        sub->id_prefix = arena_sprintf(&a, "%sb%d-", o->id_prefix ? o->id_prefix : "", i);
        picture_init(&wb[i].pc, p, b, sub, &a);
        wb[i].active = true;
        wb[i].seed = ARENA_ARRAY(&a, bool, (size_t)b->locs.len + 1);
        for (int j = 0; j < b->locs.len; j++) {
            const EscLoc *l = b->locs.items[j];
            wb[i].seed[j] = l->kind == LOC_VAR && l->name && strcmp(l->name, o->why) == 0 && drawable(p, l);
        }
    }
    // Paths go on into callees: their parameters become seeds, until no
    // new one is found (each parameter is added once).
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 0; i < nb; i++)
            if (wb[i].active)
                wb[i].shown = choose_why(&wb[i].pc, wb[i].seed);
        for (int i = 0; i < nb; i++) {
            Picture *pc = &wb[i].pc;
            for (int d = 0; wb[i].shown && d <= pc->nlocs; d++) {
                const EscLoc *dst = d < pc->nlocs ? pc->b->locs.items[d] : &pc->b->heap;
                for (int k = 0; pc->shown[d] && k < dst->nedges; k++) {
                    const EscEdge *e = &dst->edges[k];
                    int bi, li;
                    if (!e->tag_param || !in_batch(pc, e->src) || !pc->shown[loc_index(pc, e->src)] ||
                        !find_param(wb, nb, e->tag_param, &bi, &li) || wb[bi].seed[li])
                        continue;
                    wb[bi].seed[li] = changed = true;
                }
            }
        }
    }
    for (int i = 0; g && i < nb; i++) {
        if (!wb[i].shown)
            continue;
        *found = true;
        Agraph_t *c = agsubg(g, (char *)arena_sprintf(&a, "cluster_b%d", i), 1);
        dot_set(c, "label", arena_sprintf(&a, "in %s", batch_name(wb[i].pc.b)));
        dot_set(c, "color", "grey70");
        draw(c, &wb[i].pc);
    }
    // The calls between the clusters.
    for (int i = 0; g && i < nb; i++) {
        Picture *pc = &wb[i].pc;
        for (int d = 0; wb[i].shown && d <= pc->nlocs; d++) {
            const EscLoc *dst = d < pc->nlocs ? pc->b->locs.items[d] : &pc->b->heap;
            for (int k = 0; pc->shown[d] && k < dst->nedges; k++) {
                const EscEdge *e = &dst->edges[k];
                int bi, li;
                if (!e->tag_param || !in_batch(pc, e->src) || !pc->shown[loc_index(pc, e->src)] ||
                    !find_param(wb, nb, e->tag_param, &bi, &li) || !wb[bi].pc.shown[li])
                    continue;
                Agnode_t *t = agnode(g, (char *)node_id(pc, e->src), 0);
                Agnode_t *h = agnode(g, (char *)node_id(&wb[bi].pc, wb[bi].pc.b->locs.items[li]), 0);
                if (!t || !h)
                    continue;
                Agedge_t *ed = agedge(g, t, h, NULL, 1);
                const EscLoc *pl = wb[bi].pc.b->locs.items[li];
                dot_set(ed, "label", arena_sprintf(&a, "passed to %s of %s", pl->name ? pl->name : "?",
                                                   batch_name(wb[bi].pc.b)));
                dot_set(ed, "style", "dashed");
                dot_set(ed, "color", RED);
                dot_set(ed, "fontcolor", RED);
                dot_set(ed, "penwidth", "2");
                dot_set(ed, "constraint", "false");
            }
        }
    }
    if (g && !*found) {
        Agnode_t *n = agnode(g, "none", 1);
        dot_set(n, "shape", "note");
        dot_set(n, "label", "no variable of that name has a path to the heap\\l");
    }
    if (g) {
        Picture pc = {.p = p, .o = o, .a = &a};
        add_legend(g, &pc, false);
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
    static const DotOptions none;
    if (!o)
        o = &none;
    EscPass *p = prog->escape;
    if (!p)
        return 0;
    for (int i = 0; i < p->batches.len; i++) {
        EscBatch *b = p->batches.items[i];
        if (batch_is_std(b) || (func && !batch_has(b, func)))
            continue;
        Agraph_t *g = dot_escape_graph(p, b, o);
        if (!g) {
            *err = arena_sprintf(&cc->arena, "cannot build the escape graph of %s", batch_name(b));
            return -1;
        }
        int rc = dot_write_graph(cc, g, dir, batch_picture_name(&cc->arena, b), "escgraph", svg, o->ctx, NULL, err);
        agclose(g);
        if (rc)
            return -1;
    }
    if (o->why) {
        bool found;
        Agraph_t *g = why_graph(p, o, &found);
        if (!g) {
            *err = arena_sprintf(&cc->arena, "cannot build the -why picture of %s", o->why);
            return -1;
        }
        int rc = dot_write_graph(cc, g, dir, o->why, "why", svg, o->ctx, NULL, err);
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
        if (batch_is_std(b) || !batch_has(b, func))
            continue;
        Agraph_t *g = dot_escape_graph(p, b, o);
        if (!g) {
            *err = "cannot build the escape graph";
            return NULL;
        }
        const char *svg = dot_render_svg(a, g, o ? o->ctx : NULL, len, err);
        agclose(g);
        return svg;
    }
    *err = "no function of that name";
    return NULL;
}

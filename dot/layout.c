// layout.c - a libcgraph graph laid out and rendered as SVG into memory,
// in bounded time whatever its size.
//
// Graphviz's dot layout is superlinear in ways its attributes only partly
// bound: network simplex (nslimit, nslimit1) and crossing minimisation
// (mclimit, searchsize) take iteration limits, but routing splines around
// wide ranks does not (a 100-case switch took minutes), nor does ranking
// a graph of thousands of nodes (1,000 consecutive ifs: over a minute).
// So the layout is chosen by size, nodes plus edges:
//   - up to SPLINE_MAX: dot with curved edges, its iterations limited;
//   - up to DOT_MAX: dot with straight edges, its iterations limited;
//   - above: a layered layout of our own, linear in the graph (ranks by
//     longest path with loop-closing edges left out, each rank ordered by
//     its predecessors' places), handed to Graphviz with the positions
//     fixed (neato's "nop2" mode: nodes stay where they are put, edges are
//     drawn straight), so the picture keeps Graphviz's shapes and labels.
// The limits were measured on this machine (see tests/bench_pictures.sh).
//
// Graphviz finds its layout and render plugins either from a configuration
// file written by `dot -c` (demand loading) or from a table of plugin
// libraries handed to gvContextPlugins. minigc always uses a table of the
// plugins it needs, so neither a configuration file nor a `dot` binary
// matters: the plugin libraries' entry symbols are referenced weakly, and
// when the build links them they are used directly; otherwise they are
// opened with dlopen from the graphviz/ directory next to libgvc (Debian's
// layout) or by soname.
//
// Output goes to memory (gvRenderData), never to a file: Graphviz calls
// exit(1) when a write of its own fails, so it is never given one. Its
// error messages go to a handler that drops them (the return codes say
// whether a step failed); minigc reports the failure in its own words.
#define _GNU_SOURCE     // dladdr
#include "dot/dot.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

enum {
    SPLINE_MAX = 120,   // nodes + edges drawn by dot with curved edges
    DOT_MAX = 260,      // ... with straight edges; above: our own layers
};

// ---------------------------------------------------------------------------
// Plugins and contexts

enum { NPLUGINS = 3 };
static const char *const plugin_files[NPLUGINS] = {"libgvplugin_dot_layout.so.6", "libgvplugin_core.so.6",
                                                   "libgvplugin_neato_layout.so.6"};
// libgvc installs a table entry only if its name is the library's symbol.
static const char *const plugin_symbols[NPLUGINS] = {
    "gvplugin_dot_layout_LTX_library", "gvplugin_core_LTX_library", "gvplugin_neato_layout_LTX_library"};

// Their entry points, present when the build links the plugin libraries.
extern gvplugin_library_t gvplugin_dot_layout_LTX_library __attribute__((weak));
extern gvplugin_library_t gvplugin_core_LTX_library __attribute__((weak));
extern gvplugin_library_t gvplugin_neato_layout_LTX_library __attribute__((weak));

// A libgvc context and what it was made from: libgvc keeps a pointer to the
// plugin table, so the table lives as long as the context.
typedef struct Graphviz {
    GVC_t *gvc;
    lt_symlist_t table[NPLUGINS + 1];
} Graphviz;

// The directory libgvc was loaded from, where Debian keeps graphviz/.
static bool libgvc_dir(char *dir, size_t size) {
    GVC_t *(*fn)(void) = gvContext;
    void *addr;
    memcpy(&addr, &fn, sizeof addr);
    Dl_info info;
    if (!dladdr(addr, &info) || !info.dli_fname)
        return false;
    const char *slash = strrchr(info.dli_fname, '/');
    if (!slash || (size_t)(slash - info.dli_fname) >= size)
        return false;
    memcpy(dir, info.dli_fname, (size_t)(slash - info.dli_fname));
    dir[slash - info.dli_fname] = 0;
    return true;
}

// Not linked in: open the plugin libraries next to libgvc, or wherever the
// dynamic linker finds them. They stay loaded (dlopen of a loaded library is
// cheap): dot's layout keeps buffers in static variables across layouts, and
// unloading it would turn them into leaks.
static bool open_plugins(Graphviz *gv) {
    char dir[4096], path[4200];
    bool have_dir = libgvc_dir(dir, sizeof dir);
    for (int i = 0; i < NPLUGINS; i++) {
        void *h = NULL;
        if (have_dir) {
            snprintf(path, sizeof path, "%s/graphviz/%s", dir, plugin_files[i]);
            h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        }
        if (!h)
            h = dlopen(plugin_files[i], RTLD_NOW | RTLD_LOCAL);
        void *lib = h ? dlsym(h, plugin_symbols[i]) : NULL;
        if (!lib)
            return false;
        gv->table[i] = (lt_symlist_t){plugin_symbols[i], lib};
    }
    return true;
}

// Graphviz's messages: dropped, the caller checks return codes instead.
static int quiet(char *msg) {
    (void)msg;
    return 0;
}

// A context with exactly our plugins and no demand loading: libgvc then
// reads no configuration file and loads nothing else (in particular not the
// pango text layout, whose cached state does not survive a second context).
static bool graphviz_open(Graphviz *gv) {
    *gv = (Graphviz){0};
    if (&gvplugin_dot_layout_LTX_library && &gvplugin_core_LTX_library && &gvplugin_neato_layout_LTX_library) {
        gv->table[0] = (lt_symlist_t){plugin_symbols[0], &gvplugin_dot_layout_LTX_library};
        gv->table[1] = (lt_symlist_t){plugin_symbols[1], &gvplugin_core_LTX_library};
        gv->table[2] = (lt_symlist_t){plugin_symbols[2], &gvplugin_neato_layout_LTX_library};
    } else if (!open_plugins(gv)) {
        return false;
    }
    agseterrf(quiet);
    gv->gvc = gvContextPlugins(gv->table, 0);
    return gv->gvc != NULL;
}

static void graphviz_close(Graphviz *gv) {
    if (gv->gvc)
        gvFreeContext(gv->gvc);
}

struct DotContext {
    Graphviz gv;
    bool opened;        // graphviz_open was tried (gv.gvc says whether it worked)
};

DotContext *dot_context_new(void) {
    DotContext *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        abort();
    return ctx;
}

void dot_context_free(DotContext *ctx) {
    if (!ctx)
        return;
    graphviz_close(&ctx->gv);
    free(ctx);
}

// The context's libgvc, opened on first use; NULL if it cannot be.
static GVC_t *context_gvc(DotContext *ctx) {
    if (!ctx->opened) {
        ctx->opened = true;
        if (!graphviz_open(&ctx->gv))
            graphviz_close(&ctx->gv), ctx->gv.gvc = NULL;
    }
    return ctx->gv.gvc;
}

// ---------------------------------------------------------------------------
// Our own layered layout, for graphs too big for dot

// Courier 12 as libgvc measures it without a text-layout plugin, and the
// margins it puts around a label; a little generous, so boxes never touch.
enum { CHAR_W = 8, LINE_H = 15, PAD_W = 24, PAD_H = 12, GAP_W = 28, GAP_H = 40 };

// The size of n's label in points: lines ended by \l, \n or \r (or the
// node's name when it has no label), Courier's fixed width per character.
static void label_size(Agnode_t *n, double *w, double *h) {
    const char *s = agget(n, "label");
    if (!s || !*s || strcmp(s, "\\N") == 0)
        s = agnameof(n);
    int lines = 0, col = 0, widest = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\\' && (p[1] == 'l' || p[1] == 'n' || p[1] == 'r')) {
            lines++;
            if (col > widest)
                widest = col;
            col = 0;
            p++;
            continue;
        }
        if ((*p & 0xc0) != 0x80)    // one per UTF-8 character
            col++;
    }
    if (col) {
        lines++;
        if (col > widest)
            widest = col;
    }
    if (lines == 0)
        lines = 1;
    const char *shape = agget(n, "shape");
    double grow = shape && (strcmp(shape, "box") == 0 || strcmp(shape, "plaintext") == 0 ||
                            strcmp(shape, "none") == 0) ? 1.0 : 1.45;   // ellipses, houses, octagons
    *w = (widest * CHAR_W + PAD_W) * grow;
    *h = (lines * LINE_H + PAD_H) * grow;
}

typedef struct LNode {
    Agnode_t *n;
    double w, h;
    int rank, indeg;
    double order;           // place within its rank (barycentre of preds)
    unsigned char state;    // DFS: 0 new, 1 on stack, 2 done
} LNode;

static int node_index(Agnode_t *n, Agraph_t *g, LNode *ln, int nn) {
    (void)g;
    int i = (int)(AGSEQ(n) % (unsigned)nn);
    // AGSEQ numbers nodes in creation order; the table is keyed by it and
    // probed linearly, in case deletions left gaps.
    while (ln[i].n != n)
        i = (i + 1) % nn;
    return i;
}

// An edge that takes part in ranking: not one closing a loop (the DFS
// marks those in `back`) nor one marked constraint=false.
static bool ranks(Agedge_t *e, const bool *back) {
    const char *c = agget(e, "constraint");
    if (c && strcmp(c, "false") == 0)
        return false;
    return !back[AGSEQ(e)];
}

static int cmp_order(const void *a, const void *b) {
    const LNode *x = *(LNode *const *)a, *y = *(LNode *const *)b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return x < y ? -1 : x > y;
}

// Sets every node's pos (points) in a layered drawing of g: ranks by
// longest path, ranks stacked in the graph's rankdir.
static void own_layout(Agraph_t *g) {
    int nn = agnnodes(g);
    if (nn == 0)
        return;
    Arena a;
    arena_init(&a);
    LNode *ln = ARENA_ARRAY(&a, LNode, (size_t)nn);
    uint64_t maxseq = 0;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
            if (AGSEQ(e) > maxseq)
                maxseq = AGSEQ(e);
    bool *back = ARENA_ARRAY(&a, bool, (size_t)maxseq + 1);
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        int i = (int)(AGSEQ(n) % (unsigned)nn);
        while (ln[i].n)
            i = (i + 1) % nn;
        ln[i].n = n;
        label_size(n, &ln[i].w, &ln[i].h);
    }
    // Depth-first from each node in creation order (the entry first):
    // an edge to a node on the stack closes a loop.
    typedef struct { Agnode_t *n; Agedge_t *next; } Frame;
    Frame *stack = ARENA_ARRAY(&a, Frame, (size_t)nn + 1);
    for (Agnode_t *root = agfstnode(g); root; root = agnxtnode(g, root)) {
        int ri = node_index(root, g, ln, nn);
        if (ln[ri].state)
            continue;
        int sp = 0;
        stack[sp++] = (Frame){root, agfstout(g, root)};
        ln[ri].state = 1;
        while (sp > 0) {
            Frame *fr = &stack[sp - 1];
            Agedge_t *e = fr->next;
            if (!e) {
                ln[node_index(fr->n, g, ln, nn)].state = 2;
                sp--;
                continue;
            }
            fr->next = agnxtout(g, e);
            LNode *h = &ln[node_index(aghead(e), g, ln, nn)];
            if (h->state == 1)
                back[AGSEQ(e)] = true;
            else if (h->state == 0 && sp < nn) {
                h->state = 1;
                stack[sp++] = (Frame){aghead(e), agfstout(g, aghead(e))};
            }
        }
    }
    // Longest-path ranks in topological order (Kahn), ordering each node
    // by the mean order of its predecessors as they are placed.
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
            if (ranks(e, back) && aghead(e) != agtail(e))
                ln[node_index(aghead(e), g, ln, nn)].indeg++;
    LNode **queue = ARENA_ARRAY(&a, LNode *, (size_t)nn);
    double *sum = ARENA_ARRAY(&a, double, (size_t)nn);
    int *npred = ARENA_ARRAY(&a, int, (size_t)nn);
    int qh = 0, qt = 0, seq = 0;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        LNode *l = &ln[node_index(n, g, ln, nn)];
        if (l->indeg == 0) {
            l->order = seq++;
            queue[qt++] = l;
        }
    }
    while (qh < qt) {
        LNode *l = queue[qh++];
        for (Agedge_t *e = agfstout(g, l->n); e; e = agnxtout(g, e)) {
            if (!ranks(e, back) || aghead(e) == agtail(e))
                continue;
            int hi = node_index(aghead(e), g, ln, nn);
            LNode *h = &ln[hi];
            if (h->rank < l->rank + 1)
                h->rank = l->rank + 1;
            sum[hi] += l->order;
            npred[hi]++;
            if (--h->indeg == 0) {
                h->order = sum[hi] / npred[hi] + seq++ * 1e-9;
                queue[qt++] = h;
            }
        }
    }
    // Nodes left over are on a cycle of constraint=false edges only: they
    // go after the rest, in rank 0.
    for (int i = 0; i < nn; i++)
        if (ln[i].n && ln[i].indeg > 0) {
            ln[i].rank = 0;
            ln[i].order = seq++;
            queue[qt++] = &ln[i];
        }
    qsort(queue, (size_t)qt, sizeof *queue, cmp_order);
    const char *rd = agget(g, "rankdir");
    bool across = rd && (strcmp(rd, "LR") == 0 || strcmp(rd, "RL") == 0);
    bool flip = rd && (strcmp(rd, "BT") == 0 || strcmp(rd, "RL") == 0);
    // Along: where each rank starts (its depth is its deepest node's);
    // across: nodes side by side, each rank centred on the widest.
    int nranks = qt ? queue[qt - 1]->rank + 1 : 0;
    double *depth = ARENA_ARRAY(&a, double, (size_t)nranks + 1);
    double *breadth = ARENA_ARRAY(&a, double, (size_t)nranks + 1);
    double widest = 0;
    for (int i = 0; i < qt; i++) {
        LNode *l = queue[i];
        double d = across ? l->w : l->h, b = across ? l->h : l->w;
        if (d > depth[l->rank])
            depth[l->rank] = d;
        breadth[l->rank] += b + GAP_W;
        if (breadth[l->rank] > widest)
            widest = breadth[l->rank];
    }
    double *start = ARENA_ARRAY(&a, double, (size_t)nranks + 1);
    double total = 0;
    for (int r = 0; r < nranks; r++) {
        start[r] = total;
        total += depth[r] + GAP_H;
    }
    double cursor = 0;
    int cur_rank = -1;
    for (int i = 0; i < qt; i++) {
        LNode *l = queue[i];
        if (l->rank != cur_rank) {
            cur_rank = l->rank;
            cursor = (widest - breadth[cur_rank]) / 2;
        }
        double b = across ? l->h : l->w;
        double along = start[l->rank] + depth[l->rank] / 2;     // from rank 0
        double side = cursor + b / 2;
        cursor += b + GAP_W;
        // Graphviz's y grows upwards: TB puts rank 0 at the top.
        double x = across ? (flip ? total - along : along) : side;
        double y = across ? widest - side : (flip ? along : total - along);
        char pos[64];
        snprintf(pos, sizeof pos, "%.1f,%.1f", x, y);
        dot_set(l->n, "pos", pos);
    }
    // Graphviz places the labels of edges it did not route with an R-tree
    // search that grows much faster than the graph: an edge's label is
    // shown on hovering instead (in its tooltip, with any tooltip it had).
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const char *label = agget(e, "label");
            if (!label || !*label)
                continue;
            const char *tip = agget(e, "tooltip");
            DotBuf t;
            dotbuf_init(&t, &a);
            dotbuf_puts(&t, label);
            if (tip && *tip) {
                dotbuf_puts(&t, "\\n");
                dotbuf_puts(&t, tip);
            }
            dot_set(e, "tooltip", t.s);
            dot_set(e, "label", "");
        }
    arena_free(&a);
}

// ---------------------------------------------------------------------------
// Layout and rendering

static void set_default(Agraph_t *g, const char *name, const char *value) {
    const char *v = agget(g, (char *)name);
    if (!v || !*v)
        dot_set(g, name, value);
}

const char *dot_render_svg(Arena *a, Agraph_t *g, DotContext *ctx, size_t *len, const char **err) {
    DotContext own = {0};
    DotContext *c = ctx ? ctx : &own;
    GVC_t *gvc = context_gvc(c);
    const char *out = NULL;
    *err = NULL;
    if (!gvc) {
        *err = "Graphviz's dot layout, neato layout and core render plugins cannot be loaded";
        graphviz_close(&own.gv);
        return NULL;
    }
    int size = agnnodes(g) + agnedges(g);
    const char *engine = "dot";
    // Iteration limits: enough for the pictures of ordinary functions to
    // come out as dot draws them unlimited, bounding the rest.
    set_default(g, "nslimit", "2");
    set_default(g, "nslimit1", "2");
    set_default(g, "mclimit", "0.5");
    set_default(g, "searchsize", "20");
    if (size > DOT_MAX) {
        own_layout(g);
        engine = "nop2";
        dot_set(g, "splines", "line");
    } else if (size > SPLINE_MAX) {
        dot_set(g, "splines", "line");
    }
    if (gvLayout(gvc, g, engine) != 0) {
        *err = "Graphviz's layout failed";
    } else {
        char *data = NULL;
        unsigned int n = 0;
        if (gvRenderData(gvc, g, "svg", &data, &n) != 0 || !data) {
            *err = "Graphviz's SVG renderer failed";
        } else {
            char *copy = arena_alloc(a, (size_t)n + 1);
            memcpy(copy, data, n);
            copy[n] = 0;
            out = copy;
            if (len)
                *len = n;
        }
        if (data)
            gvFreeRenderData(data);
        gvFreeLayout(gvc, g);
    }
    graphviz_close(&own.gv);
    return out;
}

const char *dot_svg_element(const char *svg) {
    const char *p = svg ? strstr(svg, "<svg") : NULL;
    return p ? p : svg;
}

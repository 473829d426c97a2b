// cfg.c - a Func's control-flow graph as a libcgraph graph.
//
// Each block becomes a box named "b<id>" whose label is the block as the
// text dump prints it: the header ("b2: <- b1"), its values in value_format's
// words, indented, and the terminator ("If v7 -> b3 b4 (12)"), each line
// left-justified. The entry block has a heavy border, Ret blocks are filled
// green, Exit (panic) blocks red; blocks not reachable from the entry are
// grey and dashed.
//
// Edges follow succs in order. An If block's edges say "then" and "else";
// other blocks with several successors number them. A depth-first walk from
// the entry classifies edges: one that goes to a block still on the walk's
// stack closes a loop (a back edge) and is drawn dashed in red, without
// constraining the ranks, so a loop reads as a body hanging below its header
// with one edge climbing back.
#include "dot/dot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// A label line longer than this is cut: the picture is for reading.
enum { LABEL_LINE_MAX = 160 };

enum { WHITE, ON_STACK, DONE };

// Marks, per block id and successor index, the edges that close a loop:
// back[id][i]. Walks from the entry first, then from any block left over,
// so unreachable cycles are classified the same way.
typedef struct EdgeKinds {
    unsigned char *state;   // by block id: WHITE, ON_STACK, DONE
    bool **back;            // by block id: one flag per successor
    bool *reachable;        // by block id: seen from the entry
} EdgeKinds;

static void walk_from(const Func *f, Block *root, EdgeKinds *k, Arena *a) {
    typedef struct { Block *b; int next; } Frame;
    Frame *stack = ARENA_ARRAY(a, Frame, f->nblocks + 1);
    int sp = 0;
    stack[sp++] = (Frame){root, 0};
    k->state[root->id] = ON_STACK;
    while (sp > 0) {
        Frame *fr = &stack[sp - 1];
        Block *b = fr->b;
        if (fr->next >= b->nsuccs) {
            k->state[b->id] = DONE;
            sp--;
            continue;
        }
        int i = fr->next++;
        Block *s = b->succs[i].b;
        if (s->id >= f->next_block_id || !k->back[s->id])
            continue;   // not in f's block list: it is not drawn either
        if (k->state[s->id] == ON_STACK)
            k->back[b->id][i] = true;
        else if (k->state[s->id] == WHITE && sp <= f->nblocks) {
            k->state[s->id] = ON_STACK;
            stack[sp++] = (Frame){s, 0};
        }
    }
}

static EdgeKinds classify_edges(const Func *f, Arena *a) {
    EdgeKinds k;
    size_t n = f->next_block_id + 1;
    k.state = ARENA_ARRAY(a, unsigned char, n);
    k.back = ARENA_ARRAY(a, bool *, n);
    k.reachable = ARENA_ARRAY(a, bool, n);
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        if (b->id < n)
            k.back[b->id] = ARENA_ARRAY(a, bool, b->nsuccs + 1);
    }
    if (f->entry && f->entry->id < n && k.back[f->entry->id]) {
        walk_from(f, f->entry, &k, a);
        for (size_t i = 0; i < n; i++)
            k.reachable[i] = k.state[i] != WHITE;
    }
    for (int i = 0; i < f->nblocks; i++) {
        Block *b = f->blocks[i];
        if (b->id < n && k.state[b->id] == WHITE)
            walk_from(f, b, &k, a);
    }
    return k;
}

// One label line, cut to LABEL_LINE_MAX bytes.
static void label_line(DotBuf *lb, const char *indent, const char *text) {
    size_t len = strlen(text);
    bool cut = len > LABEL_LINE_MAX;
    dotbuf_puts(lb, indent);
    if (cut) {
        dotbuf_escape(lb, text, LABEL_LINE_MAX);
        dotbuf_line(lb, " ...", (size_t)-1);
    } else {
        dotbuf_line(lb, text, len);
    }
}

// "b2: <- b1 b3", as the dump heads a block.
static void header_text(DotBuf *t, const Block *b) {
    dotbuf_printf(t, "b%u:", b->id);
    if (b->npreds) {
        dotbuf_puts(t, " <-");
        for (int i = 0; i < b->npreds; i++)
            dotbuf_printf(t, " b%u", b->preds[i].b->id);
    }
}

// "If v7 -> b3 b4 (12)", as the dump ends a block.
static void terminator_text(DotBuf *t, const Block *b) {
    dotbuf_puts(t, block_kind_name(b->kind));
    if (b->control)
        dotbuf_printf(t, " v%u", b->control->id);
    if (b->nsuccs) {
        dotbuf_puts(t, " ->");
        for (int i = 0; i < b->nsuccs; i++)
            dotbuf_printf(t, " b%u", b->succs[i].b->id);
    }
    if (pos_known(b->pos))
        dotbuf_printf(t, " (%u)", b->pos.line);
}

static const char *block_label(const Block *b, Arena *a, bool skeleton) {
    DotBuf lb, t;
    dotbuf_init(&lb, a);
    dotbuf_init(&t, a);
    header_text(&t, b);
    if (skeleton) {
        // Blocks only: the name, and how many values it holds.
        dotbuf_printf(&lb, "b%u", b->id);
        if (b->nvalues)
            dotbuf_printf(&lb, " (%d)", b->nvalues);
        return lb.s;
    }
    label_line(&lb, "", t.s);
    // One byte over the cut, so label_line still sees that a line is cut,
    // and long types are not printed in full only to be thrown away.
    char line[LABEL_LINE_MAX + 2];
    for (int i = 0; i < b->nvalues; i++) {
        value_format(line, sizeof line, b->values[i]);
        label_line(&lb, "  ", line);
    }
    dotbuf_init(&t, a);
    terminator_text(&t, b);
    label_line(&lb, "", t.s);
    return lb.s;
}

static void add_block_node(Agraph_t *g, const Func *f, const Block *b, bool reachable, const DotOptions *o,
                           Arena *a) {
    char name[32];
    snprintf(name, sizeof name, "b%u", b->id);
    Agnode_t *n = agnode(g, name, 1);
    dot_set(n, "shape", "box");
    dot_set(n, "label", block_label(b, a, o->skeleton));
    dot_set(n, "id", arena_sprintf(a, "%s%s", o->id_prefix ? o->id_prefix : "", name));
    if (o->skeleton) {
        // The block as the dump prints it, on hovering.
        dot_set(n, "tooltip", block_label(b, a, false));
    }
    if (b == f->entry)
        dot_set(n, "penwidth", "2.5");
    if (!reachable) {
        dot_set(n, "style", "dashed");
        dot_set(n, "color", "grey50");
        dot_set(n, "fontcolor", "grey40");
    } else if (b->kind == BlockRet || b->kind == BlockExit) {
        dot_set(n, "style", "filled");
        dot_set(n, "fillcolor", b->kind == BlockRet ? "#d4efdf" : "#f5b7b1");
    }
}

static const char *edge_label(const Block *b, int i, char *buf, size_t size) {
    if (b->kind == BlockIf && b->nsuccs == 2)
        return i == 0 ? "then" : "else";
    if (b->nsuccs < 2)
        return NULL;
    snprintf(buf, size, "%d", i);
    return buf;
}

static void add_block_edges(Agraph_t *g, const Block *b, const EdgeKinds *k) {
    char from[32], to[32], idx[16];
    snprintf(from, sizeof from, "b%u", b->id);
    Agnode_t *t = agnode(g, from, 0);
    for (int i = 0; i < b->nsuccs; i++) {
        snprintf(to, sizeof to, "b%u", b->succs[i].b->id);
        Agnode_t *h = agnode(g, to, 0);
        if (!t || !h)
            continue;   // a successor outside f's block list is not drawn
        Agedge_t *e = agedge(g, t, h, NULL, 1);
        const char *label = edge_label(b, i, idx, sizeof idx);
        if (label)
            dot_set(e, "label", label);
        if (k->back[b->id] && k->back[b->id][i]) {
            dot_set(e, "style", "dashed");
            dot_set(e, "color", "#c0392b");
            dot_set(e, "fontcolor", "#c0392b");
            dot_set(e, "constraint", "false");
        }
    }
}

Agraph_t *dot_cfg_graph(const Func *f, const char *pass, const DotOptions *o) {
    static const DotOptions none;
    if (!o)
        o = &none;
    Arena a;
    arena_init(&a);
    const char *title = pass ? arena_sprintf(&a, "%s after %s", f->name, pass) : f->name;
    Agraph_t *g = dot_graph_new(f->name, title);
    if (g) {
        if (o->rankdir)
            dot_set(g, "rankdir", o->rankdir);
        EdgeKinds k = classify_edges(f, &a);
        for (int i = 0; i < f->nblocks; i++) {
            const Block *b = f->blocks[i];
            add_block_node(g, f, b, b->id < f->next_block_id && k.reachable[b->id], o, &a);
        }
        for (int i = 0; i < f->nblocks; i++)
            if (f->blocks[i]->id < f->next_block_id)
                add_block_edges(g, f->blocks[i], &k);
    }
    arena_free(&a);
    return g;
}

int dot_write_cfg(Compiler *cc, const Func *f, const char *pass, const char *dir, bool svg, const DotOptions *o,
                  const char **err) {
    Agraph_t *g = dot_cfg_graph(f, pass, o);
    if (!g) {
        *err = arena_sprintf(&cc->arena, "cannot build the control-flow graph of %s", f->name);
        return -1;
    }
    const char *name = dot_picture_name(&cc->arena, f->info, f->name);
    int rc = dot_write_graph(cc, g, dir, name, pass, svg, o ? o->ctx : NULL, NULL, err);
    agclose(g);
    return rc;
}

const char *dot_cfg_svg(Arena *a, const Func *f, const char *pass, const DotOptions *o, size_t *len,
                        const char **err) {
    Agraph_t *g = dot_cfg_graph(f, pass, o);
    if (!g) {
        *err = "cannot build the control-flow graph";
        return NULL;
    }
    const char *svg = dot_render_svg(a, g, o ? o->ctx : NULL, len, err);
    agclose(g);
    return svg;
}

// html.c - the pass stepper: one self-contained HTML page for one function.
//
// The driver hands over the function's snapshot after every pass
// (html_page_pass) and, after escape, the escape graph of the batch that
// holds it (html_page_escape); html_page_write lays out
//   - the function's source, one row per line, the -m diagnostics of each
//     line beside it (their -m=2 explanations folded under them);
//   - one column per pass with the dump after it, values the pass added,
//     rewrote or removed coloured (ssa/snapshot.c decides), a pass that
//     changed nothing folded to a thin labelled strip, and the pass's CFG
//     (rendered to SVG now, shown on demand);
//   - the escape graph;
// with the stylesheet and script (dot/html.css, dot/html.js, embedded in
// the binary) inline. The page makes no request of any kind: its
// Content-Security-Policy allows nothing but itself, the SVG is inline.
//
// Every piece of text from the program (source, identifiers, strings,
// messages, dump lines) goes through html_escape; SVG from Graphviz is
// XML-escaped by Graphviz and embedded without its XML prolog.
#include "dot/dot.h"
#include "passes/passes.h"

#include <stdio.h>
#include <string.h>

extern const char minigc_html_css[];
extern const char minigc_html_js[];

typedef struct HtmlPass {
    const char *name;
    const Snapshot *snap;
    const char *cfg_svg;    // NULL if it could not be rendered
} HtmlPass;

typedef struct HtmlGraph {
    const char *title;
    const char *svg;
    const char *verdicts;   // -compare-inline: the verdicts that differ (HTML), or NULL
} HtmlGraph;

struct HtmlPage {
    Compiler *cc;
    const char *func;
    FuncInfo *info;
    HtmlPass *passes;
    int npasses, cap;
    HtmlGraph graphs[2];    // the escape graph; with -compare-inline, the one without inlining
    int ngraphs;
    DotOptions opts;        // the command line's picture options
};

void html_escape(DotBuf *b, const char *s, size_t len) {
    if (len == (size_t)-1)
        len = strlen(s);
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case 0: rep = "\xef\xbf\xbd"; break;    // a NUL byte in the source: U+FFFD
        default: break;
        }
        if (!rep)
            continue;
        if (i > start)
            dotbuf_printf(b, "%.*s", (int)(i - start), s + start);
        dotbuf_puts(b, rep);
        start = i + 1;
    }
    if (len > start)
        dotbuf_printf(b, "%.*s", (int)(len - start), s + start);
}

HtmlPage *html_page_new(Compiler *cc, const char *func, const DotOptions *o) {
    HtmlPage *pg = ARENA_NEW(&cc->arena, HtmlPage);
    pg->cc = cc;
    pg->func = func;
    if (o)
        pg->opts = *o;
    return pg;
}

void html_page_pass(HtmlPage *pg, const char *pass, const Func *f, const Snapshot *s) {
    if (pg->npasses == pg->cap) {
        int cap = pg->cap ? pg->cap * 2 : 16;
        HtmlPass *grown = ARENA_ARRAY(&pg->cc->arena, HtmlPass, cap);
        for (int i = 0; i < pg->npasses; i++)
            grown[i] = pg->passes[i];
        pg->passes = grown;
        pg->cap = cap;
    }
    int index = pg->npasses++;
    HtmlPass *p = &pg->passes[index];
    p->name = pass;
    p->snap = s;
    pg->info = f->info;
    // Each picture's SVG ids get a prefix of their own: they share a page.
    DotOptions o = pg->opts;
    o.id_prefix = arena_sprintf(&pg->cc->arena, "p%d-", index);
    const char *err = NULL;
    const char *svg = dot_cfg_svg(&pg->cc->arena, f, pass, &o, NULL, &err);
    // A CFG that cannot be drawn leaves its button out, not the page.
    p->cfg_svg = svg ? dot_svg_element(svg) : NULL;
}

void html_page_escape(HtmlPage *pg, Program *prog, const char *func) {
    DotOptions o = pg->opts;
    o.id_prefix = "esc-";
    const char *err = NULL;
    const char *svg = dot_escape_svg(&pg->cc->arena, prog, func, &o, NULL, &err);
    HtmlGraph *hg = &pg->graphs[0];
    hg->title = "escape graph";
    hg->svg = svg ? dot_svg_element(svg) : NULL;
    if (pg->ngraphs == 0)
        pg->ngraphs = 1;
}

void html_page_compare(HtmlPage *pg, const char *title, const char *svg, const char *verdicts_html) {
    if (pg->ngraphs < 1)
        pg->ngraphs = 1;
    pg->graphs[1] = (HtmlGraph){.title = title, .svg = svg, .verdicts = verdicts_html};
    pg->ngraphs = 2;
}

// ---------------------------------------------------------------------------
// Writing

static void put(DotBuf *b, const char *s) { dotbuf_puts(b, s); }

// A dump line's text with every vN and bN made a clickable span.
static void dump_text(DotBuf *b, const char *s) {
    size_t i = 0, n = strlen(s), start = 0;
    while (i < n) {
        char c = s[i];
        bool boundary = i == 0 || !(s[i - 1] == '_' || (s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
                                    (s[i - 1] >= 'A' && s[i - 1] <= 'Z') || (s[i - 1] >= '0' && s[i - 1] <= '9'));
        if ((c == 'v' || c == 'b') && boundary && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
            size_t j = i + 1;
            while (j < n && s[j] >= '0' && s[j] <= '9')
                j++;
            bool end = j == n || !(s[j] == '_' || (s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'));
            if (end) {
                html_escape(b, s + start, i - start);
                dotbuf_printf(b, "<span class=\"%c\" data-%c=\"%.*s\">%.*s</span>", c, c, (int)(j - i - 1), s + i + 1,
                              (int)(j - i), s + i);
                i = start = j;
                continue;
            }
        }
        i++;
    }
    html_escape(b, s + start, n - start);
}

static const char *const change_class[] = {"", " add", " rm", " rw"};
static const char change_mark[] = {' ', '+', '-', '~'};

static void pass_column(DotBuf *b, const HtmlPass *p, int index) {
    const Snapshot *s = p->snap;
    bool collapsed = index > 0 && !s->changed;
    dotbuf_printf(b, "<div class=\"pass%s\" data-index=\"%d\" data-pass=\"", collapsed ? " collapsed" : "", index);
    html_escape(b, p->name, (size_t)-1);
    put(b, "\"><h2>");
    html_escape(b, p->name, (size_t)-1);
    put(b, index == 0 ? "<span class=\"tag\">first SSA</span>"
                      : collapsed ? "<span class=\"tag\">no change</span>" : "<span class=\"tag\">changed</span>");
    put(b, "</h2>");
    if (p->cfg_svg)
        put(b, "<button class=\"cfgbtn\" title=\"this pass's control-flow graph (key c)\">CFG</button>");
    put(b, "<pre>");
    for (int i = 0; i < s->nlines; i++) {
        const SnapLine *l = &s->lines[i];
        Change ch = index > 0 ? l->change : CHANGE_NONE;
        dotbuf_printf(b, "<span class=\"line%s\" data-line=\"%u\"", change_class[ch], l->line);
        if (l->kind == SNAP_VALUE)
            dotbuf_printf(b, " data-def=\"%u\"", l->id);
        if (l->kind == SNAP_BLOCK)
            dotbuf_printf(b, " data-block-head=\"%u\"", l->id);
        dotbuf_printf(b, ">%c", index > 0 ? change_mark[ch] : ' ');
        switch (l->kind) {
        case SNAP_BLOCK: put(b, " "); break;
        case SNAP_VALUE: put(b, "   "); html_escape(b, l->pos, (size_t)-1); put(b, " "); break;
        case SNAP_END: put(b, "   "); break;
        case SNAP_NAME: break;
        }
        dump_text(b, l->text);
        put(b, "</span>\n");
    }
    put(b, "</pre>");
    if (p->cfg_svg) {
        put(b, "<div class=\"cfg\">");
        put(b, p->cfg_svg);
        put(b, "</div>");
    }
    put(b, "</div>\n");
}

// The lines of the function's source: from its declaration to its closing
// brace.
static void func_lines(const FuncInfo *fi, uint32_t *first, uint32_t *last) {
    *first = *last = 0;
    if (!fi || !fi->decl)
        return;
    Pos start = node_start_pos(fi->decl);
    *first = start.line ? start.line : fi->decl->pos.line;
    Node *body = fi->decl->kind == N_FUNCDECL ? fi->decl->u.funcdecl.body
                 : fi->decl->kind == N_FUNCLIT ? fi->decl->u.funclit.body : NULL;
    *last = body && body->kind == N_BLOCK && body->u.block.rbrace.line ? body->u.block.rbrace.line : *first;
    if (*last < *first)
        *last = *first;
}

static void diag_html(DotBuf *b, Compiler *cc, const Diag *dg) {
    const char *nl = strchr(dg->msg, '\n');
    size_t head = nl ? (size_t)(nl - dg->msg) : strlen(dg->msg);
    bool ok = strstr(dg->msg, "does not escape") != NULL || strncmp(dg->msg, "can inline", 10) == 0 ||
              strncmp(dg->msg, "inlining call", 13) == 0;
    dotbuf_printf(b, "<div class=\"diag%s\" data-line=\"%u\" data-col=\"%u\" title=\"click: explanation\">",
                  ok ? " note-ok" : "", dg->pos.line, dg->pos.col);
    const char *where = pos_string(cc, &cc->arena, dg->pos);
    html_escape(b, where, (size_t)-1);
    put(b, ": ");
    html_escape(b, dg->msg, head);
    if (nl) {
        put(b, "<pre class=\"expl\">");
        html_escape(b, nl + 1, (size_t)-1);
        put(b, "</pre>");
    }
    put(b, "</div>");
}

static void source_table(DotBuf *b, HtmlPage *pg) {
    Compiler *cc = pg->cc;
    const FuncInfo *fi = pg->info;
    uint32_t first, last;
    func_lines(fi, &first, &last);
    if (!fi || !fi->decl || first == 0)
        return;
    uint32_t file = fi->decl->pos.file;
    if (file >= (uint32_t)cc->files.len)
        return;
    const SourceFile *sf = cc->files.items[file];
    put(b, "<div id=\"source\"><table>\n");
    const char *p = sf->text, *end = sf->text + sf->len;
    uint32_t line = 1;
    while (p <= end && line <= last) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        if (line >= first) {
            dotbuf_printf(b, "<tr id=\"L%u\" data-line=\"%u\"><td class=\"ln\">%u</td><td class=\"code mono\">", line,
                          line, line);
            html_escape(b, p, (size_t)(eol - p));
            put(b, "</td><td class=\"diags\">");
            for (int i = 0; i < cc->diags.len; i++) {
                const Diag *dg = &cc->diags.items[i];
                if (dg->kind == DIAG_NOTE && dg->pos.file == file && dg->pos.line == line)
                    diag_html(b, cc, dg);
            }
            put(b, "</td></tr>\n");
        }
        if (eol == end)
            break;
        p = eol + 1;
        line++;
    }
    put(b, "</table></div>\n");
}

static const char legend[] =
    "<div class=\"legend\">Click a value or block to follow it through the passes; click a graph node or a "
    "diagnostic to see its line and explanation. Keys: &larr;/&rarr; pass, c CFG, p presentation, Esc clear. "
    "Colours: <span class=\"line add\">added</span> <span class=\"line rw\">rewritten</span> "
    "<span class=\"line rm\">removed</span> by the current column's pass.</div>";

static const char *page_text(HtmlPage *pg) {
    DotBuf b;
    dotbuf_init(&b, &pg->cc->arena);
    put(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    put(&b, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "script-src 'unsafe-inline'; img-src data:\">\n");
    put(&b, "<link rel=\"icon\" href=\"data:,\">\n<title>");
    html_escape(&b, pg->func, (size_t)-1);
    put(&b, " - minigc</title>\n<style>\n");
    put(&b, minigc_html_css);
    put(&b, "</style></head>\n<body data-current=\"0\">\n<header><h1>");
    html_escape(&b, pg->func, (size_t)-1);
    put(&b, "</h1>pass: <b id=\"current-pass\"></b> <button id=\"present\" title=\"key p\">presentation</button>");
    put(&b, legend);
    put(&b, "</header>\n<div id=\"top\">\n");
    source_table(&b, pg);
    put(&b, "<div id=\"passes\">\n");
    for (int i = 0; i < pg->npasses; i++)
        pass_column(&b, &pg->passes[i], i);
    put(&b, "</div></div>\n<div id=\"bottom\">\n");
    for (int i = 0; i < pg->ngraphs; i++) {
        const HtmlGraph *g = &pg->graphs[i];
        dotbuf_printf(&b, "<div class=\"graph\"%s><h2>", i == 0 ? " id=\"escape\"" : "");
        html_escape(&b, g->title ? g->title : "", (size_t)-1);
        put(&b, "</h2>");
        if (g->verdicts)
            put(&b, g->verdicts);
        put(&b, g->svg ? g->svg : "<p>(no picture)</p>");
        put(&b, "</div>\n");
    }
    put(&b, "</div>\n<script>\n");
    put(&b, minigc_html_js);
    put(&b, "</script>\n</body></html>\n");
    return b.s;
}

int html_page_write(HtmlPage *pg, const char *path, bool quiet) {
    (void)quiet;
    const char *text = page_text(pg);
    const char *err = NULL;
    if (dot_write_file(pg->cc, path, text, strlen(text), &err) != 0) {
        diag_error(pg->cc, (Pos){0}, "%s", err ? err : "cannot write the page");
        return -1;
    }
    return 0;
}

// dot.h - minigc's pictures: graphs built with Graphviz's libcgraph and
// written as DOT (agwrite) or rendered to SVG in-process with libgvc.
//
// Building a graph (cfg.c: a Func's control-flow graph; escape_graph.c: a
// batch's escape graph), laying it out and rendering it as SVG in memory in
// bounded time (layout.c), and writing it to a file atomically (write.c:
// an unnamed temporary in the target directory, named into place once
// complete, so an interrupted run never leaves half a picture). No `dot`
// program is run and no Graphviz plugin configuration is read: the plugins
// used are linked in or opened directly (layout.c). Pages that embed
// pictures ask for the SVG text (dot_cfg_svg, dot_escape_svg).
//
// Depends on ssa/ and frontend/; nothing there depends on dot/.
#ifndef MINIGC_DOT_H
#define MINIGC_DOT_H

#include <stdbool.h>

#include <graphviz/cgraph.h>

#include "ssa/ssa.h"

// --- Labels and names (write.c) ---------------------------------------------

// A file name for the picture of function `func_name` after pass `pass`
// (NULL: no pass part): "<func>.<pass>.<ext>", safe for any function name
// and distinct for distinct names:
//   - letters, digits, '.', '-' and bytes >= 0x80 (UTF-8) stay as they are;
//   - '_' is the escape character: "__" is an underscore, "_hh" (two
//     lowercase hex digits) any other byte, e.g. '/' is "_2f", '*' "_2a";
//   - gc's pointer-method names read naturally: "(*T).M" becomes
//     "ptr_T.M" (a single '_' after a leading "ptr" can only mean this);
//   - a leading '.' or '-' is escaped, an empty name is "_e", and a name
//     too long for a file system ends in "_z" and a 64-bit hash of it.
// Examples: main -> main.build.dot, (*T).M -> ptr_T.M.build.dot,
// f.func1 -> f.func1.build.svg, a/b -> a_2fb.build.dot, my_f -> my__f.build.dot.
// The pass and extension are escaped the same way, except that '.' is
// escaped in the pass, so the last two dots always delimit pass and ext.
const char *dot_file_name(Arena *a, const char *func_name, const char *pass, const char *ext);

// A new directed graph in minigc's house style (Courier, top to bottom, a
// title shown on top when `title` is not NULL). Free with agclose.
Agraph_t *dot_graph_new(const char *name, const char *title);

// Sets attribute `name` of a graph, node or edge, declaring it if needed.
void dot_set(void *obj, const char *name, const char *value);

// Label text is built in an arena buffer. Labels are plain Graphviz labels
// (lines ended by \l), not HTML-like or record labels: libgvc 2.42 leaks
// memory for every text item of those, which LeakSanitizer reports.
typedef struct DotBuf {
    Arena *arena;
    char *s;
    size_t len, cap;
} DotBuf;
void dotbuf_init(DotBuf *b, Arena *a);
void dotbuf_puts(DotBuf *b, const char *s);               // as is (e.g. "\\l")
void dotbuf_printf(DotBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
// Appends len bytes of s (up to its NUL when len is (size_t)-1) so that
// they show literally in a label: a backslash is doubled (Graphviz reads
// \l, \N, ... as escapes), '&' becomes &amp; (it decodes entities), and
// control bytes and bytes that are not UTF-8 are shown as the text \xhh.
void dotbuf_escape(DotBuf *b, const char *s, size_t len);
// dotbuf_escape, then a left-justified line end ("\l").
void dotbuf_line(DotBuf *b, const char *s, size_t len);

// Creates `dir` (and its parents) if missing. 0, or -1 with *err set to
// "create directory DIR: REASON" (in cc's arena).
int dot_make_dir(Compiler *cc, const char *dir, const char **err);

// --- Rendering (layout.c) ---------------------------------------------------

// Graphviz's context (libgvc's GVC_t and its plugin table), made on the
// first SVG it renders and kept for the rest of the run: setting one up
// for every picture took a tenth of an -svg run's instructions. The
// driver makes one per run and frees it at the end.
typedef struct DotContext DotContext;
DotContext *dot_context_new(void);
void dot_context_free(DotContext *ctx);     // NULL is fine

// Lays g out and renders it as SVG into memory, in bounded time whatever
// its size (the policy is in layout.c): Graphviz's dot layout with limits
// on its iterations for a small graph, dot with straight edges for a
// medium one, and a layered layout of minigc's own, drawn by Graphviz
// with the given positions, for a large one. Graphviz writes nothing and
// never exits: its error messages are caught and the call fails instead.
// Returns the SVG document (NUL-terminated, in arena a; *len its length
// when len is not NULL), or NULL with *err set to why. g keeps what the
// layout set on it (iteration limits; for a large graph, node positions
// and edge labels moved into tooltips).
// ctx is the run's context (NULL: a context for this picture alone).
const char *dot_render_svg(Arena *a, Agraph_t *g, DotContext *ctx, size_t *len, const char **err);

// The <svg ...>...</svg> element inside a document dot_render_svg made,
// for embedding in HTML (the XML declaration and DOCTYPE skipped).
const char *dot_svg_element(const char *svg);

// --- Writing (write.c) ------------------------------------------------------

// Writes len bytes to `path` atomically: into an unnamed temporary file in
// path's directory (O_TMPFILE; where the file system lacks it, a hidden
// ".minigc-XXXXXX.tmp"), given its name and renamed over path only once
// complete, with catchable signals held meanwhile, so no run - killed or
// interrupted at any moment - leaves a partial picture or, but for SIGKILL
// in the instant of the rename, a temporary. 0, or -1 with *err set to
// "write PATH: REASON" (in cc's arena).
int dot_write_file(Compiler *cc, const char *path, const char *data, size_t len, const char **err);

// Writes g to `path` as DOT, or as SVG (dot_render_svg, with ctx) through
// dot_write_file. 0, or -1 with *err set.
int dot_emit(Compiler *cc, Agraph_t *g, const char *path, bool svg, DotContext *ctx, const char **err);

// dot_make_dir + dot_file_name + dot_emit: the picture of `func_name`
// after `pass` into `dir`. The path written is returned in *path_out
// (in cc's arena) when path_out is not NULL.
int dot_write_graph(Compiler *cc, Agraph_t *g, const char *dir, const char *func_name, const char *pass,
                    bool svg, DotContext *ctx, const char **path_out, const char **err);

// The name a function's pictures go by: its gc name, except that
// functions sharing one (several `func init()` or `func _()`, and their
// literals) are told apart by their order in the file, as gc names them:
// init.0, init.1, init.1.func1, _.0, ...
const char *dot_picture_name(Arena *a, const FuncInfo *fi, const char *name);

// --- What the pictures show (the driver's flags) ----------------------------

typedef struct DotOptions {
    bool all_locs;          // -escgraph=all: also locations that hold no pointer
    bool skeleton;          // -cfg=skeleton: CFG blocks as their names only
    const char *rankdir;    // -rankdir=TB|LR|BT|RL; NULL: each picture's own
    const char *why;        // -why=NAME: only the paths from NAME to the heap
    const char *id_prefix;  // prefix of every SVG element id (an HTML page
                            // holding several pictures keeps them apart); NULL: ""
    DotContext *ctx;        // the run's Graphviz context (NULL: one per picture)
} DotOptions;

// --- Control-flow graphs (cfg.c) --------------------------------------------

// The CFG of f as a graph: one box per block, named "b3", whose label is
// the block as the dump prints it (header, values, terminator); edges from
// succs, labelled "then"/"else" for If blocks and by successor index where
// a block has several; DFS back edges (loops) dashed, red and not
// constraining the ranks. `pass` (may be NULL) goes into the title.
// o may be NULL (defaults). Node ids in SVG: PREFIX "b3".
Agraph_t *dot_cfg_graph(const Func *f, const char *pass, const DotOptions *o);

// Writes the CFG of f after `pass` into `dir` as DOT (svg false) or SVG.
// Returns 0, or -1 with *err set.
int dot_write_cfg(Compiler *cc, const Func *f, const char *pass, const char *dir, bool svg, const DotOptions *o,
                  const char **err);

// The CFG of f after `pass` as an SVG document in arena a (see
// dot_render_svg), or NULL with *err set.
const char *dot_cfg_svg(Arena *a, const Func *f, const char *pass, const DotOptions *o, size_t *len,
                        const char **err);

// --- Escape graphs (escape_graph.c) ------------------------------------------

typedef struct Program Program;
typedef struct EscPass EscPass;
typedef struct EscBatch EscBatch;

// The location graph of one batch of the escape analysis (passes/escape.h),
// drawn as escape_graph.c describes. o may be NULL (defaults). Node ids in
// SVG: PREFIX "l7" for location 7, PREFIX "heap"; each node's class says
// what it is ("loc heap", "loc escapes", "loc param", ...) and the source
// line it is about ("line-12"), for a page to link it.
Agraph_t *dot_escape_graph(EscPass *p, EscBatch *b, const DotOptions *o);

// Writes the escape graph of every batch of the program's own functions
// (or only of the batch holding function `func`, when not NULL) into `dir`,
// as "<first function>.escgraph.dot" or ".svg". Needs the escape pass to
// have run (prog->escape); writes nothing otherwise. With o->why, one
// picture "<why>.why.svg" of the paths from NAME to the heap, across
// every batch. Returns 0, or -1 with *err set.
int dot_write_escape_graphs(Compiler *cc, Program *prog, const char *dir, bool svg, const char *func,
                            const DotOptions *o, const char **err);

// The escape graph of the batch holding function `func` (gc's name) as an
// SVG document in arena a (see dot_render_svg); NULL with *err set when
// there is none (no escape pass run, no such function) or it fails.
const char *dot_escape_svg(Arena *a, Program *prog, const char *func, const DotOptions *o, size_t *len,
                           const char **err);

// --- The pass stepper page (html.c) ------------------------------------------

// Appends len bytes of s (up to its NUL when len is (size_t)-1) so that
// they show literally in HTML text or a quoted attribute: & < > " ' become
// entities, a NUL byte U+FFFD.
void html_escape(DotBuf *b, const char *s, size_t len);

// One page for function `func`: fed after every pass with the function's
// snapshot (and its CFG, rendered then), after escape with its escape
// graph; written at the end (atomically: temporary file, rename). The
// page lives in cc's arena. html_page_compare is -compare-inline's hook:
// a second graph (the run without inlining) and, above the graphs, the
// verdicts that differ, as HTML the caller has escaped.
typedef struct HtmlPage HtmlPage;
HtmlPage *html_page_new(Compiler *cc, const char *func, const DotOptions *o);  // o may be NULL
void html_page_pass(HtmlPage *pg, const char *pass, const Func *f, const Snapshot *s);
void html_page_escape(HtmlPage *pg, Program *prog, const char *func);
void html_page_compare(HtmlPage *pg, const char *title, const char *svg, const char *verdicts_html);
// Returns 0, or -1 after recording an error diagnostic on cc.
int html_page_write(HtmlPage *pg, const char *path, bool quiet);

#endif

// dot.h - minigc's pictures: graphs built with Graphviz's libcgraph and
// written as DOT (agwrite) or rendered to SVG in-process with libgvc.
//
// Two halves, kept apart so every picture shares the second: building a
// graph (cfg.c: a Func's control-flow graph; later the escape graph), and
// writing one to a file atomically (write.c: a temporary file in the target
// directory, renamed into place, so an interrupted run never leaves half a
// picture). No `dot` program is run and no Graphviz plugin configuration
// is read: the two plugins used are linked in or opened directly (write.c).
//
// Depends on ssa/ and frontend/; nothing there depends on dot/.
#ifndef MINIGC_DOT_H
#define MINIGC_DOT_H

#include <stdbool.h>

#include <graphviz/cgraph.h>

#include "ssa/ssa.h"

// --- Writing (write.c) ------------------------------------------------------

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

// Creates `dir` (and its parents) if missing. 0 or -1 with a diagnostic.
int dot_make_dir(Compiler *cc, const char *dir);

// Writes g to `path` as DOT, or as SVG laid out with dot, through a
// temporary file in the same directory and rename(2). Returns 0, or -1
// after recording an error diagnostic (no position) on cc.
int dot_emit(Compiler *cc, Agraph_t *g, const char *path, bool svg);

// dot_make_dir + dot_file_name + dot_emit: the picture of `func_name`
// after `pass` into `dir`. The path written is returned in *path_out
// (in cc's arena) when path_out is not NULL.
int dot_write_graph(Compiler *cc, Agraph_t *g, const char *dir, const char *func_name, const char *pass,
                    bool svg, const char **path_out);

// --- Control-flow graphs (cfg.c) --------------------------------------------

// The CFG of f as a graph: one box per block, named "b3", whose label is
// the block as the dump prints it (header, values, terminator); edges from
// succs, labelled "then"/"else" for If blocks and by successor index where
// a block has several; DFS back edges (loops) dashed, red and not
// constraining the ranks. `pass` (may be NULL) goes into the title.
Agraph_t *dot_cfg_graph(const Func *f, const char *pass);

// Writes the CFG of f after `pass` into `dir` as DOT (svg false) or SVG.
// Returns 0, or -1 after recording an error diagnostic on cc.
int dot_write_cfg(Compiler *cc, const Func *f, const char *pass, const char *dir, bool svg);

// --- Escape graphs (escape_graph.c) ------------------------------------------

typedef struct Program Program;
typedef struct EscPass EscPass;
typedef struct EscBatch EscBatch;

// The location graph of one batch of the escape analysis (passes/escape.h).
Agraph_t *dot_escape_graph(EscPass *p, EscBatch *b);

// Writes the escape graph of every batch of the program's own functions
// (or only of the batch holding function `func`, when not NULL) into `dir`,
// as "<first function>.escgraph.dot" or ".svg". Needs the escape pass to
// have run (prog->escape); writes nothing otherwise. Returns 0, or -1 after
// recording an error diagnostic on cc.
int dot_write_escape_graphs(Compiler *cc, Program *prog, const char *dir, bool svg, const char *func);

#endif
